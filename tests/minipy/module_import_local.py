# Import of a .py module beside the script; module state and caching.
import helper_geom
print(helper_geom.area(2), helper_geom.calls, helper_geom.PI_ISH)
import helper_geom as hg
print(hg is helper_geom, hg.area(1), hg.calls)
from helper_geom import Rect, area
print(Rect(3, 4).area(), area(3), helper_geom.calls)
helper_geom.PI_ISH = 3.14
print(area(1))
