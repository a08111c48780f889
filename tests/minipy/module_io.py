# io.StringIO: write, getvalue, print(file=), read.
import io
buf = io.StringIO()
buf.write("hello ")
buf.write("world\n")
print("line", 2, file=buf)
print(repr(buf.getvalue()))
r = io.StringIO("a\nb\nc\n")
print(repr(r.readline()), repr(r.read()))
from io import StringIO
s = StringIO()
for i in range(3):
    s.write(str(i))
print(s.getvalue())
