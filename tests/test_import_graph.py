"""The import graph of lkip_audit has no cycle, and its layers hold (issue #14.3):
base (numbers, findings, baseline, i18n, vocabulary, forked, runtime) < extract < understand < check < report, and
no module of a layer imports the modules that wire the layers together (pipeline, cache,
cli, batch, ...).

The graph is built with the standard library's ``ast`` from every ``import`` in the
source, also those inside functions (a deferred import is still a dependency). As in
import-linter/grimp, ``from package import name`` depends on ``package.name`` when that
is a module, else on ``package``; that a submodule's import also runs its package's
``__init__`` is not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "lkip_audit"

BASE = {"lkip_audit", "lkip_audit.numbers", "lkip_audit.findings", "lkip_audit.baseline", "lkip_audit.i18n",
        "lkip_audit.vocabulary", "lkip_audit.forked", "lkip_audit.runtime"}
LAYERS = {"extract": 1, "understand": 2, "check": 3, "report": 4}

# Cycles known and not yet broken: none is left (the last, ruleless <-> tables, went
# when GridCell/Piece moved to extract/grid.py), so the test fails on any cycle.
KNOWN_CYCLES: set[frozenset[str]] = set()


def modules() -> dict[str, Path]:
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        parts = list(p.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, path in mods.items():
        package = m if path.name == "__init__.py" else m.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                subs = [f"{mod}.{a.name}" for a in node.names if f"{mod}.{a.name}" in mods]
                targets = subs if len(subs) == len(node.names) else [mod, *subs]
            for t in targets:
                # "import lkip_audit.extract.pdf" names the module; anything else outside: not ours
                while t and t not in mods:
                    t = t.rpartition(".")[0]
                if t and t != m and t.startswith("lkip_audit"):
                    graph[m].add(t)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[frozenset[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = set()
                while True:
                    x = stack.pop()
                    on_stack.discard(x)
                    comp.add(x)
                    if x == v:
                        break
                if len(comp) > 1:
                    out.append(frozenset(comp))
    return out


def layer(module: str) -> int | None:
    """0 for the base modules, 1-4 for extract..report, None for the wiring modules."""
    if module in BASE:
        return 0
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_the_graph_sees_the_imports():
    g = import_graph()
    assert "lkip_audit.extract.model" in g["lkip_audit.understand.columns"]
    assert "lkip_audit.check.rule" in g["lkip_audit.check.kinds.base"]
    assert "lkip_audit.pipeline" in g["lkip_audit.cache"]  # a deferred import counts
    assert "lkip_audit.check.numeric" in g["lkip_audit.check.kinds.bound"]  # from lkip_audit.check import numeric
    # the checker finds a cycle when there is one
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]


def test_no_import_cycle():
    found = set(cycles(import_graph()))
    new = [sorted(c) for c in found - KNOWN_CYCLES]
    assert new == [], f"import cycles: {new}"
    gone = [sorted(c) for c in KNOWN_CYCLES - found]
    assert gone == [], f"cycles fixed, remove them from KNOWN_CYCLES: {gone}"


def test_the_three_named_cycles_are_gone():
    """Issue #14.3: the cache wraps the pipeline from outside; rule kinds do not import the
    catalogue; the text-noise heuristic is not the process guard's."""
    g = import_graph()
    assert "lkip_audit.cache" not in g["lkip_audit.pipeline"]
    kinds = [m for m in g if m.startswith("lkip_audit.check.kinds")]
    assert kinds and not [m for m in kinds if "lkip_audit.check.catalogue" in g[m]]
    assert "lkip_audit.extract.guard" not in g["lkip_audit.extract.ocr"]


def test_layers():
    g = import_graph()
    wrong = []
    for m, targets in sorted(g.items()):
        lm = layer(m)
        if lm is None:
            continue
        for t in sorted(targets):
            lt = layer(t)
            if lt is None or lt > lm:
                wrong.append(f"{m} -> {t}")
    assert wrong == []
