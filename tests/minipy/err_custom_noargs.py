# Uncaught user exception without arguments: last line is just the name.
class Boom(Exception):
    pass
raise Boom
