# Uncaught user exception with a message.
class ConfigError(Exception):
    pass
def load():
    raise ConfigError("missing key 'port'")
print("loading")
load()
