"""The layers of kg are checked: data flows one way, and no import cycle.

Every module of ``kg/`` belongs to one layer, in the order data flows (the
layout drawn in the README). A module may import from its own layer and the
layers below it, never from a layer above. Every import counts, wherever it
is written (inside a function, under ``TYPE_CHECKING``), and importing
``kg.a.b`` counts as importing the package ``kg.a`` too when its
``__init__`` (which Python runs first) imports kg modules itself: an import
moved into a function hides nothing here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from factory import PACKAGE

#: From the bottom up; a name stands for the module and everything under it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    # Shared by every layer: the errors, the data model, the ontology terms,
    # text folding, dates, and the HTTP policy (the linker's Wikidata client
    # and the SPARQL layer both send requests through it; it imports no kg).
    (
        "base",
        (
            "kg",
            "kg.errors",
            "kg.model",
            "kg.namespaces",
            "kg.folding",
            "kg.dates",
            "kg.sparql.transport",
        ),
    ),
    ("ingest", ("kg.discover", "kg.ingest", "kg.normalize", "kg.records", "kg.langid")),
    ("nlp", ("kg.nlp", "kg.syntax", "kg.lang")),
    (
        "mentions",
        (
            "kg.lexicon",
            "kg.phrases",
            "kg.name_cuts",
            "kg.names",
            "kg.mentions",
            "kg.role_mentions",
            "kg.body_mentions",
            "kg.body_anaphora",
            "kg.ousted",
            "kg.other_names",
            "kg.coalesce",
            "kg.entities",
            "kg.entity_index",
            "kg.capitals",
            "kg.role_coref",
        ),
    ),
    (
        "facts",
        (
            "kg.quote_marks",
            "kg.said_text",
            "kg.according",
            "kg.speech_events",
            "kg.quotes",
            "kg.speakers",
            "kg.media",
            "kg.occasions",
            "kg.groups",
            "kg.restated",
            "kg.speech",
            "kg.polarity",
            "kg.event_time",
            "kg.event_place",
            "kg.frames",
        ),
    ),
    ("link", ("kg.link",)),
    ("pipeline", ("kg.pipeline",)),
    ("graph", ("kg.graph", "kg.graph_link", "kg.iris")),
    ("rdf", ("kg.rdf",)),
    ("sparql", ("kg.sparql",)),
    ("build", ("kg.build",)),
    ("eval", ("kg.gold", "kg.scores", "kg.compare", "kg.evaluate", "kg.eval")),
    ("serve", ("kg.serve",)),
    ("cli", ("kg.cli",)),
]


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _runs_kg(name: str) -> bool:
    """True when a package's ``__init__`` imports kg modules (not only a docstring)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Import)
        and any(a.name.startswith("kg") for a in node.names)
        or isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("kg")
        for node in ast.walk(tree)
    )


def _with_packages(name: str) -> set[str]:
    """A module and the packages above it whose ``__init__`` imports kg modules."""
    parts = name.split(".")
    above = {".".join(parts[:i]) for i in range(1, len(parts))} & MODULES.keys()
    return {name} & MODULES.keys() | {package for package in above if _runs_kg(package)}


def imports_of(name: str) -> set[str]:
    """Every kg module that ``name`` imports, wherever the import is written."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            targets = [f"{node.module}.{alias.name}" for alias in node.names]
            targets = [t if t in MODULES else node.module for t in targets]
        else:
            continue
        for target in targets:
            if target == "kg" or target.startswith("kg."):
                found |= _with_packages(target)
    return found - _with_packages(name)


def layer_of(name: str) -> int | None:
    """The index of the layer a module belongs to (the longest prefix wins)."""
    best, length = None, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > length:
                best, length = index, len(prefix)
    return best


def upward_imports() -> list[str]:
    """``a (layer) -> b (layer)`` for every import of a layer above."""
    bad = []
    for name in sorted(MODULES):
        mine = layer_of(name)
        for target in sorted(imports_of(name)):
            theirs = layer_of(target)
            if mine is not None and theirs is not None and theirs > mine:
                bad.append(f"{name} ({LAYERS[mine][0]}) -> {target} ({LAYERS[theirs][0]})")
    return bad


def cycles() -> list[tuple[str, ...]]:
    """The strongly connected groups of two or more modules (Tarjan's algorithm)."""
    graph = {name: imports_of(name) for name in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[tuple[str, ...]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(tuple(sorted(group)))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(groups)


def test_layers_every_module_has_a_layer() -> None:
    assert [name for name in sorted(MODULES) if layer_of(name) is None] == []


def test_layers_no_module_imports_from_a_layer_above() -> None:
    assert upward_imports() == []


def test_layers_no_import_cycle() -> None:
    assert cycles() == []


def test_layers_frames_never_import_the_quote_step() -> None:
    quote_step = {
        "kg.quotes",
        "kg.quote_marks",
        "kg.speakers",
        "kg.media",
        "kg.according",
        "kg.speech",
    }
    found = {
        name: imports_of(name) & quote_step
        for name in MODULES
        if name == "kg.frames" or name.startswith("kg.frames.")
    }
    assert {name: hits for name, hits in found.items() if hits} == {}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from kg.cli.common import app\n", {"kg.cli", "kg.cli.common"}),
        ("def f():\n    import kg.sparql.store\n", {"kg.sparql.store"}),
        ("from kg.rdf import terms\n", {"kg.rdf.terms"}),
        ("from kg.frames.paths import follow\n", {"kg.frames", "kg.frames.paths"}),
        ("import json\nfrom rdflib import Graph\n", set()),
    ],
)
def test_layers_imports_are_found_wherever_written(
    source: str, expected: set[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source, encoding="utf-8")
    monkeypatch.setitem(MODULES, "kg.probe", probe)
    assert imports_of("kg.probe") == expected


def test_layers_an_upward_import_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = tmp_path / "graph_probe.py"
    probe.write_text("def f():\n    from kg.sparql.store import Store\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "kg.graph_probe", probe)
    monkeypatch.setattr(
        "test_layers.LAYERS",
        [*LAYERS[:7], ("graph", ("kg.graph", "kg.graph_probe")), *LAYERS[8:]],
    )
    assert "kg.graph_probe (graph) -> kg.sparql.store (sparql)" in upward_imports()


def test_layers_a_new_cycle_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, other in (("kg.cycle_a", "kg.cycle_b"), ("kg.cycle_b", "kg.cycle_a")):
        probe = tmp_path / f"{name}.py"
        probe.write_text(f"def f():\n    import {other}\n", encoding="utf-8")
        monkeypatch.setitem(MODULES, name, probe)
    assert ("kg.cycle_a", "kg.cycle_b") in cycles()
