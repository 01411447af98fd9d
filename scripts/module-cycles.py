#!/usr/bin/env python3
"""Import circles between promo's modules: every `crate::x` path in src/ (tests aside) is an
edge from the file's module to `x`; prints the edges of each circle (strongly connected group).

    python3 scripts/module-cycles.py          # top-level modules (src/log/** is `log`)
    python3 scripts/module-cycles.py 2        # one level deeper (`log/problem`, `log/load`, ...)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')
DEPTH = int(sys.argv[1]) if len(sys.argv) > 1 else 1


def module_of(parts):
    return '/'.join(parts[:DEPTH])


edges = {}
for folder, _, files in os.walk(ROOT):
    for name in sorted(files):
        if not name.endswith('.rs'):
            continue
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
        if rel[-1] == 'mod':
            rel = rel[:-1]
        if rel in (['lib'], ['main']):
            continue
        text = open(path, encoding='utf-8').read()
        cut = text.find('#[cfg(test)]\nmod tests')
        if cut >= 0:
            text = text[:cut]
        text = re.sub(r'//[^\n]*', '', text)
        me = module_of(rel)
        for m in re.finditer(r'crate::([a-z_0-9]+)(?:::([a-z_0-9]+))?', text):
            other = module_of([p for p in m.groups() if p])
            if other == me or other.startswith(me + '/') or me.startswith(other + '/'):
                continue
            edges.setdefault(me, {}).setdefault(other, set()).add(os.path.relpath(path, ROOT))

# Tarjan's strongly connected components.
index, low, stack, on, groups = {}, {}, [], set(), []
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in edges.get(v, {}):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        group = []
        while True:
            w = stack.pop()
            on.discard(w)
            group.append(w)
            if w == v:
                break
        if len(group) > 1:
            groups.append(sorted(group))


for v in sorted(set(edges) | {w for ws in edges.values() for w in ws}):
    if v not in index:
        visit(v)

for group in sorted(groups):
    print('circle: ' + ', '.join(group))
    for a in group:
        for b in sorted(edges.get(a, {})):
            if b in group:
                print(f'  {a} -> {b}  ({", ".join(sorted(edges[a][b]))})')
print(f'{len(groups)} circle(s) at depth {DEPTH}')
sys.exit(1 if groups else 0)
