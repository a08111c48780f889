# complex numbers.
z = complex(3, 4)
w = 1 + 2j
print(z, w, z + w, z * w, z - w, z / w, abs(z), z.real, z.imag, z.conjugate())
print(1j * 1j, (2j) ** 2, complex(1.5, -0.5), -w, z == complex(3, 4), 2j, 0j, complex(0, -1))
print(repr(1 + 0j), [1j, 2 + 3j])
