# mandelbrot -- escape-time iteration over a grid; prints the count of points inside.
def mandel(w, h, maxit):
    inside = 0
    total_iter = 0
    for py in range(h):
        ci = 2.0 * py / h - 1.0
        for px in range(w):
            cr = 3.0 * px / w - 2.0
            zr = zi = 0.0
            it = 0
            while it < maxit:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                it += 1
            if it == maxit:
                inside += 1
            total_iter += it
    return inside, total_iter
inside, total = mandel(400, 300, 400)
print("mandelbrot", inside, total)
