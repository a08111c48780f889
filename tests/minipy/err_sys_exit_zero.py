# sys.exit() and sys.exit(0) exit 0; SystemExit can be caught.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code)
print("still running")
sys.exit()
