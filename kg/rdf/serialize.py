"""Serialise datasets canonically in the RDF formats kg writes.

Format names and aliases are resolved by :mod:`kg.rdf.formats`. Output is
canonical, so the same dataset always gives the same bytes (usable as golden
files): Turtle, TriG and JSON-LD get their triples inserted in sorted order
before rdflib serialises them; N-Triples and N-Quads are sorted once, line by
line, after.

Turtle and N-Triples hold one graph: they get the union of every named graph.
TriG, N-Quads and JSON-LD keep each article's named graph.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.graph import bind_prefixes
from kg.namespaces import PREFIXES
from kg.rdf.formats import resolve_format

__all__ = ["serialize"]


def _graph_id(graph: Node | Graph | None) -> Node:
    """The name of a quad's graph, whether rdflib gives a Graph, a name or None."""
    if graph is None:
        return DATASET_DEFAULT_GRAPH_ID
    return graph.identifier if isinstance(graph, Graph) else graph


def _sorted_quads(dataset: Dataset) -> list[tuple[Node, Node, Node, Node]]:
    quads = [(s, p, o, _graph_id(g)) for s, p, o, g in dataset.quads((None, None, None, None))]
    return sorted(quads, key=lambda q: (q[3].n3(), q[0].n3(), q[1].n3(), q[2].n3()))


def _canonical_dataset(dataset: Dataset) -> Dataset:
    """Copy a dataset inserting quads in sorted order, so rdflib's output is stable."""
    copy = Dataset()
    bind_prefixes(copy)
    for s, p, o, g in _sorted_quads(dataset):
        copy.graph(g).add((s, p, o))
    return copy


def _union_graph(dataset: Dataset, ordered: bool = True) -> Graph:
    """Every triple of the dataset in one graph, inserted in sorted order
    unless ``ordered`` is False (a line-based output is sorted afterwards)."""
    union = Graph()
    bind_prefixes(union)
    triples = {q[:3] for q in dataset.quads((None, None, None, None))}
    in_order = sorted(triples, key=lambda t: tuple(term.n3() for term in t)) if ordered else triples
    for triple in in_order:
        union.add(triple)
    return union


def _sorted_lines(data: bytes) -> bytes:
    """The distinct non-blank lines of an N-Triples or N-Quads output, sorted:
    the one sort these formats need (the order rdflib wrote them in is lost)."""
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _write_turtle(dataset: Dataset) -> bytes:
    return _union_graph(dataset).serialize(format="turtle", encoding="utf-8")


def _write_ntriples(dataset: Dataset) -> bytes:
    return _sorted_lines(
        _union_graph(dataset, ordered=False).serialize(format="nt", encoding="utf-8")
    )


def _write_trig(dataset: Dataset) -> bytes:
    return _canonical_dataset(dataset).serialize(format="trig", encoding="utf-8")


def _write_nquads(dataset: Dataset) -> bytes:
    return _sorted_lines(dataset.serialize(format="nquads", encoding="utf-8"))


def _write_jsonld(dataset: Dataset) -> bytes:
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return _canonical_dataset(dataset).serialize(
        format="json-ld", encoding="utf-8", context=context, indent=2, sort_keys=True
    )


#: The canonical writer of every format kg writes, by canonical name.
_WRITERS: dict[str, Callable[[Dataset], bytes]] = {
    "turtle": _write_turtle,
    "trig": _write_trig,
    "nquads": _write_nquads,
    "ntriples": _write_ntriples,
    "json-ld": _write_jsonld,
}


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """Serialise a dataset canonically.

    Args:
        dataset: the dataset to write.
        fmt: a format name or alias.

    Returns:
        The UTF-8 bytes; identical datasets give identical bytes.

    Raises:
        ConfigError: the format is unknown.
    """
    return _WRITERS[resolve_format(fmt)](dataset)
