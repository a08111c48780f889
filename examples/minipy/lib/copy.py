# copy.py -- shallow and deep copies of built-in containers and instances.
def copy(x):
    if isinstance(x, list):
        return list(x)
    if isinstance(x, dict):
        return dict(x)
    if isinstance(x, set):
        return set(x)
    return x

def deepcopy(x, memo=None):
    if isinstance(x, list):
        return [deepcopy(v) for v in x]
    if isinstance(x, tuple):
        return tuple(deepcopy(v) for v in x)
    if isinstance(x, dict):
        return {deepcopy(k): deepcopy(v) for k, v in x.items()}
    if isinstance(x, set):
        return {deepcopy(v) for v in x}
    return x
