# A local module importing another local module; each loads once.
import helper_chain
import helper_geom
print(helper_chain.big_rect(), helper_geom.calls)
print(helper_chain.helper_geom is helper_geom)
