"""What ``kg serve`` reads: a store folder opened read-only, or a graph file in memory.

Both become one :class:`Source`, a pyoxigraph store that can only be queried.
A store folder is opened with :meth:`pyoxigraph.Store.read_only`, which takes
no lock: ``kg build`` or ``kg store load`` may still write to it, and the
server keeps the data as it was when it started (restart it to see more).
A graph file (TriG, N-Quads, Turtle, N-Triples) is loaded into a store in
memory; triples outside any named graph go to :data:`kg.sparql.targets.DEFAULT_GRAPH_NAME`,
as ``kg query --graph`` does, so that the stored queries, which look inside
``GRAPH ?g``, see them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from kg.errors import StoreError
from kg.rdf.terms import oxigraph_term
from kg.sparql.targets import DEFAULT_GRAPH_NAME

__all__ = ["GRAPH_FORMATS", "Source", "open_source"]

#: Graph file suffixes and how pyoxigraph reads them.
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


class Source:
    """A read-only view of RDF data for the web server.

    Its :meth:`query` has the signature of :meth:`kg.sparql.store.Store.query`, so
    :func:`kg.sparql.targets.run_query` runs stored queries on it exactly as ``kg query
    --store`` does.

    Args:
        store: the pyoxigraph store (never written to).
        name: what the data is called in messages (the folder or file).
    """

    def __init__(self, store: ox.Store, name: str) -> None:
        self.oxigraph = store
        self.name = name

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Any] | None = None,
        *,
        union: bool = False,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> Any:
        """Run a SPARQL query; ``union`` reads all graphs as the default graph.

        ``default_graph`` and ``named_graphs``, when given, set the dataset
        instead, as the SPARQL protocol's ``default-graph-uri`` and
        ``named-graph-uri`` do.

        Raises:
            SyntaxError: the query does not parse (pyoxigraph's message).
            StoreError: the store cannot be read.
        """
        subs = {
            ox.Variable(name): oxigraph_term(value)
            if isinstance(value, rdflib.term.Node)
            else value
            for name, value in (bindings or {}).items()
        }
        try:
            return self.oxigraph.query(
                sparql,
                substitutions=subs or None,
                use_default_graph_as_union=union and default_graph is None,
                default_graph=default_graph,
                named_graphs=named_graphs,
            )
        except OSError as exc:
            raise StoreError(f"cannot read {self.name}: {exc}", self.name) from exc


def open_source(path: Path) -> Source:
    """Open a store folder read-only, or load a graph file into memory.

    Args:
        path: a folder made by ``kg store load`` or ``kg build --store``, or a
            ``.trig``, ``.nq``, ``.ttl`` or ``.nt`` file.

    Raises:
        StoreError: the path is missing, of an unknown kind, or unreadable.
    """
    path = Path(path)
    if path.is_dir():
        try:
            return Source(ox.Store.read_only(str(path)), str(path))
        except OSError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError(f"cannot open store {path}: {reason}", str(path)) from exc
    if not path.is_file():
        raise StoreError(f"nothing to serve at {path}: no such folder or file", str(path))
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(
            f"cannot serve {path}: unknown graph file suffix {path.suffix!r}; "
            f"known: {', '.join(GRAPH_FORMATS)} or a store folder",
            str(path),
        )
    store = ox.Store()
    try:
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            store.load(path=str(path), format=fmt)
            _name_default_graph(store)
        else:
            store.load(path=str(path), format=fmt, to_graph=ox.NamedNode(str(DEFAULT_GRAPH_NAME)))
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: {exc}", str(path)) from exc
    return Source(store, str(path))


def _name_default_graph(store: ox.Store) -> None:
    """Move the triples of a dataset's default graph into the named default graph."""
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if not default:
        return
    named = ox.NamedNode(str(DEFAULT_GRAPH_NAME))
    store.extend([ox.Quad(q.subject, q.predicate, q.object, named) for q in default])
    store.clear_graph(ox.DefaultGraph())
