# Support module for module_import_chain.py: imports another module beside it.
import helper_geom
from helper_geom import Rect
def big_rect():
    return Rect(10, 20).area() + helper_geom.area(1)
