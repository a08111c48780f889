# sys.exit with a status code: no traceback, exit status 3.
import sys
print("exiting")
sys.exit(3)
print("not reached")
