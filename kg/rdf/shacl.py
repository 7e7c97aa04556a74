"""Check graphs against the kg SHACL shapes (ontology/shapes.ttl).

The shapes are checked on the union of every named graph, with the ontology
mixed in so that the class hierarchy and the list of kg:Relation properties
are known. pyshacl does the work; this module reads its report into plain
records.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from kg.errors import ConfigError
from kg.graph import DEFAULT_BASE, bind_prefixes

__all__ = [
    "ValidationResult",
    "Violation",
    "load_ontology",
    "load_shapes",
    "short_name",
    "validate",
]


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result.

    Attributes:
        focus: the node that failed.
        path: the property checked, when the shape names one.
        message: what is wrong, from the shape.
        value: the offending value, when there is one.
        severity: ``Violation``, ``Warning`` or ``Info``.
        shape: the shape that failed.
    """

    focus: Node
    path: Node | None
    message: str
    value: Node | None = None
    severity: str = "Violation"
    shape: Node | None = None


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """The outcome of a validation.

    Attributes:
        conforms: True when no violation was found.
        violations: every result, sorted by focus node, path and message.
    """

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def summary(self) -> str:
        """A readable report: one line per violation, or a line saying it conforms."""
        if self.conforms:
            return "conforms to the kg shapes"
        names = _names()
        lines = [f"{len(self.violations)} violation(s) of the kg shapes:"]
        for v in self.violations:
            where = _short(v.focus, names)
            if v.path is not None:
                where += f" {_short(v.path, names)}"
            value = f" (value {_short(v.value, names)})" if v.value is not None else ""
            lines.append(f"  {where}: {v.message}{value}")
        return "\n".join(lines)


def short_name(node: Node | None) -> str:
    """Write a term compactly with kg's prefixes (``kg:confidence``, ``ex:article/a1``)."""
    return _short(node, _names()) if node is not None else ""


def _names() -> NamespaceManager:
    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph)
    return graph.namespace_manager


def _short(node: Node | None, names: NamespaceManager) -> str:
    if isinstance(node, URIRef):
        if node.startswith(DEFAULT_BASE):
            return "ex:" + node[len(DEFAULT_BASE) :]
        try:
            return names.normalizeUri(node)
        except ValueError:
            return node.n3()
    if isinstance(node, Literal):
        return node.n3(names)
    return str(node)


def _resource(name: str) -> Path:
    return Path(str(files("kg") / "ontology" / name))


def _parse(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise ConfigError(f"cannot read {path}: no such file") from exc
    except Exception as exc:  # rdflib raises many parser-specific types
        raise ConfigError(f"cannot parse {path} as Turtle: {exc}") from exc


@lru_cache(maxsize=2)
def _packaged(name: str) -> Graph:
    return _parse(_resource(name))


def _copy(graph: Graph) -> Graph:
    # pyshacl adds triples to the shapes graph it is given, so callers get copies.
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    for triple in graph:
        copy.add(triple)
    return copy


def load_ontology() -> Graph:
    """The kg ontology (ontology/kg.ttl), as a new graph."""
    return _copy(_packaged("kg.ttl"))


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes, as a new graph: ``path``, or ontology/shapes.ttl by default."""
    return _parse(Path(path)) if path is not None else _copy(_packaged("shapes.ttl"))


def _union(data: Graph | Dataset) -> Graph:
    union = Graph()
    # The ontology goes in the data graph itself: SPARQL constraints read it
    # (kg:Relation, owl:DatatypeProperty) and sh:class follows rdfs:subClassOf.
    for triple in _packaged("kg.ttl"):
        union.add(triple)
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
    else:
        for triple in data:
            union.add(triple)
    return union


def validate(data: Graph | Dataset, shapes: Path | None = None) -> ValidationResult:
    """Check a graph or dataset against the kg shapes.

    Args:
        data: what to check; a dataset is checked as the union of its graphs.
        shapes: a shapes file to use instead of ontology/shapes.ttl.

    Returns:
        Whether it conforms, and every violation found.

    Raises:
        ConfigError: the shapes or ontology file cannot be read.
    """
    from pyshacl import validate as shacl_validate

    conforms, report, _ = shacl_validate(
        _union(data),
        shacl_graph=load_shapes(shapes),
        inference="none",
        inplace=True,
        allow_warnings=True,
    )
    violations = []
    for result in report.subjects(SH.resultSeverity, None):
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        severity = report.value(result, SH.resultSeverity)
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        violations.append(
            Violation(
                focus=focus,
                path=report.value(result, SH.resultPath),
                message="; ".join(messages) or "constraint failed",
                value=value if value != focus else None,
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                shape=report.value(result, SH.sourceShape),
            )
        )
    violations.sort(key=lambda v: (str(v.focus), str(v.path or ""), v.message))
    return ValidationResult(conforms=bool(conforms), violations=tuple(violations))
