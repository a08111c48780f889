# io.py -- io.StringIO, an in-memory text stream.
class StringIO:
    def __init__(self, initial_value=''):
        self._buf = initial_value
        self._pos = 0
        self._parts = []
    def _flush(self):
        if self._parts:
            self._buf = self._buf + ''.join(self._parts)
            self._parts = []
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        self._parts.append(s)
        return len(s)
    def getvalue(self):
        self._flush()
        return self._buf
    def read(self, n=-1):
        self._flush()
        if n is None or n < 0:
            r = self._buf[self._pos:]
        else:
            r = self._buf[self._pos:self._pos + n]
        self._pos += len(r)
        return r
    def readline(self):
        self._flush()
        i = self._buf.find('\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        r = self._buf[self._pos:end]
        self._pos = end
        return r
    def readlines(self):
        lines = []
        while True:
            l = self.readline()
            if not l:
                return lines
            lines.append(l)
    def __iter__(self):
        return iter(self.readlines())
    def close(self):
        pass
    def flush(self):
        pass
