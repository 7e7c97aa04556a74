"""Where stored queries run: an rdflib graph, the on-disk store or a remote endpoint.

Each target is a :class:`QueryTarget`: it runs a stored query with its
parameters bound (:meth:`QueryTarget.execute`) and answers a
:class:`~kg.sparql.results.QueryResult` of rdflib terms. :func:`run_query`
binds the parameters, looks entity parameters up on the same target, then
runs the query there.

Every engine reads the union of all graphs as the default graph (Virtuoso does
so without being asked).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import rdflib
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.folding import entity_search
from kg.rdf.terms import to_rdflib
from kg.sparql.endpoint import query_endpoint
from kg.sparql.query import Bound, StoredQuery
from kg.sparql.results import QueryResult

__all__ = [
    "DEFAULT_GRAPH_NAME",
    "EndpointTarget",
    "GraphTarget",
    "QueryTarget",
    "StoreTarget",
    "oxigraph_result",
    "queryable",
    "run_query",
    "solution_rows",
    "target_of",
]


class QueryTarget(Protocol):
    """Something stored queries run on."""

    def execute(self, query: StoredQuery, bound: Mapping[str, Bound]) -> QueryResult:
        """Run ``query`` with its parameters ``bound`` (see :meth:`StoredQuery.bind`)."""
        ...


@dataclass(frozen=True, slots=True)
class GraphTarget:
    """An rdflib Graph or Dataset in memory (see :func:`queryable`)."""

    graph: rdflib.Graph

    def execute(self, query: StoredQuery, bound: Mapping[str, Bound]) -> QueryResult:
        """Run the query with rdflib; plain parameters go in as ``initBindings``."""
        return _run_rdflib(query, bound, self.graph)


@dataclass(frozen=True, slots=True)
class StoreTarget:
    """The on-disk store, or anything with its ``query(text, union=True)``."""

    store: Any

    def execute(self, query: StoredQuery, bound: Mapping[str, Bound]) -> QueryResult:
        """Run the query on the store's union graph, parameters in a VALUES block."""
        # Oxigraph substitutes only projected variables, so a VALUES block binds here.
        answer = self.store.query(query.with_values(bound), union=True)
        return oxigraph_result(query.type, answer)


@dataclass(frozen=True, slots=True)
class EndpointTarget:
    """A remote SPARQL endpoint.

    Attributes:
        url: the endpoint URL.
        timeout: seconds for each whole request.
        retries: extra attempts after a 5xx or a timeout.
    """

    url: str
    timeout: float = 30.0
    retries: int = 3

    def execute(self, query: StoredQuery, bound: Mapping[str, Bound]) -> QueryResult:
        """Send the query with its parameters in a VALUES block."""
        text = query.with_values(bound)
        return query_endpoint(
            self.url, text, query.type, timeout=self.timeout, retries=self.retries
        )


def target_of(
    graph: rdflib.Graph | None = None,
    store: Any = None,
    endpoint: str | None = None,
    *,
    timeout: float = 30.0,
    retries: int = 3,
) -> QueryTarget | None:
    """The target named by exactly one of ``graph``, ``store`` and ``endpoint``;
    None when not exactly one is given."""
    given = [t for t in (graph, store, endpoint) if t is not None]
    if len(given) != 1:
        return None
    if graph is not None:
        return GraphTarget(graph)
    if store is not None:
        return StoreTarget(store)
    return EndpointTarget(endpoint, timeout, retries)


def run_query(
    query: StoredQuery,
    params: Mapping[str, str] | None = None,
    *,
    target: QueryTarget | None = None,
    graph: rdflib.Graph | None = None,
    store: Any = None,
    endpoint: str | None = None,
    timeout: float = 30.0,
    retries: int = 3,
) -> QueryResult:
    """Run a stored query on a target.

    Args:
        query: the stored query.
        params: parameter values by name.
        target: where to run it; or else exactly one of the three below.
        graph: an rdflib Graph or Dataset (a :class:`GraphTarget`).
        store: a :class:`kg.sparql.store.Store` (a :class:`StoreTarget`).
        endpoint: a SPARQL endpoint URL (an :class:`EndpointTarget`).
        timeout: seconds per request (endpoint only).
        retries: extra attempts after a 5xx or a timeout (endpoint only).

    Raises:
        QueryError: bad parameters, or not exactly one target given.
        StoreError: the store failed.
        EndpointError: the endpoint failed, after the retries.
    """
    named = target_of(graph, store, endpoint, timeout=timeout, retries=retries)
    if (target is None) == (named is None):
        raise QueryError(
            f"query {query.name!r}: give exactly one of graph, store or endpoint", query.name
        )
    where: QueryTarget = target or named  # type: ignore[assignment]
    bound: dict[str, Bound] = dict(query.bind(params))
    for variable, value in query.searches(bound).items():
        search = StoredQuery.parse(entity_search(value), "search")
        found = where.execute(search, {})
        terms = tuple(
            row[found.vars[0]]
            for row in found.rows
            if isinstance(row.get(found.vars[0]), rdflib.URIRef)
        )
        if not terms:
            return _nothing(query)
        bound[variable] = terms
    return where.execute(query, bound)


def _nothing(query: StoredQuery) -> QueryResult:
    """The answer when an entity parameter names no entity: no row, false, no triple.

    Asked of the engine as an empty VALUES block, rdflib 7 fails instead.
    """
    if query.type == "ASK":
        return QueryResult(query.type, boolean=False)
    if query.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(query.type, graph=rdflib.Graph())
    projected = prepareQuery(query.text).algebra.get("PV") or []
    return QueryResult(query.type, vars=[str(v) for v in projected])


#: Where triples found outside any named graph are put for stored queries.
DEFAULT_GRAPH_NAME = rdflib.URIRef("urn:x-kg:default-graph")


def queryable(data: rdflib.Graph) -> rdflib.Graph:
    """The data as stored queries expect it: every triple in a named graph.

    The stored queries look inside ``GRAPH ?g`` (one graph per article). A
    plain Graph (a Turtle file: the union of the articles), or the default
    graph of a Dataset, is copied into the named graph
    :data:`DEFAULT_GRAPH_NAME`; a Dataset whose default graph is empty is
    returned as it is, without a copy.
    """
    if isinstance(data, rdflib.Dataset):
        if not len(data.default_graph):
            return data
        out = rdflib.Dataset()
        for s, p, o, g in data.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            if name is None or name == data.default_graph.identifier:
                name = DEFAULT_GRAPH_NAME
            out.graph(name).add((s, p, o))
        return out
    out = rdflib.Dataset()
    named = out.graph(DEFAULT_GRAPH_NAME)
    for triple in data:
        named.add(triple)
    return out


def _run_rdflib(query: StoredQuery, bound: Mapping[str, Bound], graph: rdflib.Graph) -> QueryResult:
    graph = queryable(graph)
    union = getattr(graph, "default_union", None)
    if isinstance(graph, rdflib.Dataset):
        graph.default_union = True
    try:
        text = query.with_values(bound, terms=False)
        plain = {v: t for v, t in bound.items() if not isinstance(t, tuple)}
        return _collect(query.type, graph.query(text, initBindings=plain))
    except Exception as exc:  # rdflib evaluation errors have no common base
        raise QueryError(f"query {query.name!r} failed on the graph: {exc}", query.name) from exc
    finally:
        if isinstance(graph, rdflib.Dataset):
            graph.default_union = union


def _collect(qtype: str, result: Any) -> QueryResult:
    """Read an rdflib result through, while the graph is still set up for it."""
    if qtype == "ASK":
        return QueryResult(qtype, boolean=bool(result.askAnswer))
    if qtype in ("CONSTRUCT", "DESCRIBE"):
        out = rdflib.Graph()
        for triple in result:
            out.add(triple)
        return QueryResult(qtype, graph=out)
    names = [str(v) for v in result.vars or []]
    rows = [{n: v for n, v in zip(names, row, strict=True) if v is not None} for row in result]
    return QueryResult(qtype, vars=names, rows=rows)


def oxigraph_result(qtype: str, result: Any) -> QueryResult:
    """Read a pyoxigraph answer through into a :class:`QueryResult` of rdflib terms.

    Args:
        qtype: SELECT, ASK, CONSTRUCT or DESCRIBE.
        result: what pyoxigraph's ``Store.query`` returned (or any iterable of
            its solutions with their ``variables``, or of its triples).
    """
    if qtype == "ASK":
        return QueryResult(qtype, boolean=bool(result))
    if qtype in ("CONSTRUCT", "DESCRIBE"):
        out = rdflib.Graph()
        for t in result:
            out.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return QueryResult(qtype, graph=out)
    names = [v.value for v in result.variables]
    return QueryResult(qtype, vars=names, rows=solution_rows(result, to_rdflib))


def solution_rows(result: Any, convert: Callable[[Any], Any]) -> list[dict[str, Any]]:
    """The rows of a pyoxigraph SELECT answer, each term through ``convert``;
    unbound variables are absent from their row."""
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = convert(term)
        rows.append(row)
    return rows
