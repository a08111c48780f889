# bench/fib.py's recursion, smaller: every call but the first is a native
# self-call, and the base case's side trace runs from the self-call's
# exit table, without the slow helper (few self_exits).
# jit-expect: traces_compiled>=2 self_calls>=50000 self_exits<=50
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print("fib", fib(23))
print([fib(k) for k in range(12)])
