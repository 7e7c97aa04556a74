"""Writing a store's quads in an RDF format, streaming (pyoxigraph's serialisers).

N-Quads and TriG keep the named graphs; Turtle, N-Triples and the other
triple formats get the union of all graphs (each triple once). Turtle and
TriG are written with the ontology's prefixes and the data's.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import StoreError
from kg.graph import DEFAULT_BASE
from kg.namespaces import PREFIXES
from kg.rdf.formats import oxigraph_formats

__all__ = ["DUMP_FORMATS", "dump_format", "write_dump"]

#: Format names (and aliases) that :meth:`kg.sparql.store.Store.dump` accepts.
DUMP_FORMATS: dict[str, ox.RdfFormat] = oxigraph_formats()

#: Prefixes written in Turtle and TriG dumps: the ontology's, and the data's.
_PREFIXES = {"ex": DEFAULT_BASE} | {name: str(iri) for name, iri in PREFIXES.items()}


def dump_format(fmt: str) -> ox.RdfFormat:
    """pyoxigraph's format for a name or alias kg knows (see :mod:`kg.rdf.formats`).

    Raises:
        StoreError: an unknown format, naming the known ones.
    """
    name = fmt.lower()
    try:
        return DUMP_FORMATS[name]
    except KeyError:
        raise StoreError(
            f"unknown RDF format {name!r}; known: {', '.join(sorted(DUMP_FORMATS))}"
        ) from None


def write_dump(store: ox.Store, dest: Path | IO[bytes], rdf_format: ox.RdfFormat) -> None:
    """Write a pyoxigraph store to a file path or a binary stream.

    Args:
        store: the store to read.
        dest: a file path or a binary stream.
        rdf_format: the format (see :func:`dump_format`).

    Raises:
        OSError, RuntimeError, ValueError: pyoxigraph's, for the caller to wrap.
    """
    target: Any = str(dest) if isinstance(dest, Path) else dest
    prefixes = _PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        store.dump(target, rdf_format, prefixes=prefixes)
        return
    triples = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
    )
    if isinstance(target, str):
        with open(target, "wb") as handle:
            ox.serialize(triples, handle, rdf_format, prefixes=prefixes)
    else:
        ox.serialize(triples, target, rdf_format, prefixes=prefixes)
