# Nested dicts and lists of dicts.
db = {"alice": {"age": 30, "tags": ["a", "b"]}, "bob": {"age": 25, "tags": []}}
db["bob"]["tags"].append("x")
db["carol"] = {"age": 35, "tags": ["c"]}
for name in sorted(db):
    print(name, db[name]["age"], db[name]["tags"])
print(sum(p["age"] for p in db.values()), [n for n, p in db.items() if p["age"] > 26])
graph = {1: [2, 3], 2: [4], 3: [4], 4: []}
seen = []
def dfs(n):
    if n in seen:
        return
    seen.append(n)
    for m in graph[n]:
        dfs(m)
dfs(1)
print(seen)
