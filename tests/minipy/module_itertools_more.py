# itertools beyond the core: combinations, chain, accumulate, repeat, zip_longest.
import itertools
print(list(itertools.combinations("abcd", 2)), list(itertools.chain([1, 2], (3,), "z")))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.repeat("r", 3)))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
