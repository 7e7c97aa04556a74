"""Terms between rdflib and pyoxigraph, and N-Triples text of rdflib terms.

rdflib data enters pyoxigraph through :func:`to_oxigraph`, which builds
pyoxigraph terms one by one. Serialising to N-Triples and parsing with
:func:`pyoxigraph.parse` was measured as well: both take about 4.5
microseconds a triple (11,280 triples in 50 ms either way), so the direct
conversion is kept; it needs no intermediate text and keeps blank node ids.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
import rdflib

from kg.errors import StoreError

__all__ = ["ntriples_term", "oxigraph_term", "to_oxigraph", "to_rdflib"]

_XSD_STRING = str(rdflib.XSD.string)


def to_oxigraph(data: rdflib.Graph) -> list[ox.Quad]:
    """Convert an rdflib Graph or Dataset to pyoxigraph quads.

    Triples of a plain Graph go to the default graph; a Dataset keeps its named
    graphs (rdflib's default graph becomes the store's default graph).

    Args:
        data: an rdflib Graph, ConjunctiveGraph or Dataset.

    Returns:
        The quads, ready for :meth:`Store.replace_article` or ``extend``.
    """
    if not isinstance(data, rdflib.ConjunctiveGraph):
        return [ox.Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o)) for s, p, o in data]
    quads = []
    for s, p, o, ctx in data.quads((None, None, None, None)):
        name = getattr(ctx, "identifier", ctx)
        graph = (
            ox.DefaultGraph()
            if name is None or str(name).startswith("urn:x-rdflib:")
            else oxigraph_term(name)
        )
        quads.append(ox.Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o), graph))
    return quads


def to_rdflib(term: Any) -> rdflib.term.Node | None:
    """Convert one pyoxigraph term (or None) to the equal rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return rdflib.Literal(term.value)  # rdflib writes xsd:string as a plain literal
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise StoreError(f"cannot convert {term!r} to rdflib: only IRIs, blank nodes and literals")


@lru_cache(maxsize=65536)
def _named_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def oxigraph_term(term: rdflib.term.Node) -> Any:
    """Convert one rdflib term to pyoxigraph."""
    kind = type(term)
    if kind is rdflib.URIRef:
        return _named_node(term)
    if kind is rdflib.Literal or isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = term.datatype
        return ox.Literal(str(term), datatype=_named_node(datatype or _XSD_STRING))
    if isinstance(term, rdflib.URIRef):
        return _named_node(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    raise StoreError(f"cannot convert {term!r} to pyoxigraph")


#: Characters that pyoxigraph escapes in a literal's N-Triples form.
_ESCAPED = re.compile(r'[\x00-\x1f\x7f"\\]')


@lru_cache(maxsize=4096)
def _iri_text(iri: str) -> str:
    # Small on purpose: it serves the IRIs that repeat (vocabulary, entities);
    # mention and statement IRIs are new in every article and pass through.
    return str(ox.NamedNode(iri))


def ntriples_term(term: rdflib.term.Node) -> str:
    """The N-Triples text of one rdflib term, byte for byte as pyoxigraph writes it.

    IRIs go through pyoxigraph once each (checked, then cached); literals with
    nothing to escape are written directly, others by pyoxigraph. This is
    several times cheaper than converting every term with :func:`oxigraph_term`.
    """
    kind = type(term)
    if kind is rdflib.URIRef:
        return _iri_text(term)
    if kind is rdflib.Literal and not _ESCAPED.search(term):
        language = term.language
        if language:
            return f'"{term}"@{language}' if language.islower() else str(oxigraph_term(term))
        datatype = term.datatype
        if datatype is None or str(datatype) == _XSD_STRING:
            return f'"{term}"'
        return f'"{term}"^^{_iri_text(datatype)}'
    return str(oxigraph_term(term))
