# Support module for deopt_inline_generic.py (not a test itself): a function
# that makes a lambda in this module's globals.
K = 3
def scale_by(x, k):
    return (lambda v: v * k + K)(x)
