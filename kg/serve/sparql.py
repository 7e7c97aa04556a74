"""SPARQL on the served data: limits, error kinds, result formats, content negotiation.

Every query the server runs from outside (``/sparql``, ``/api/...``) goes
through :class:`Limits`: the rows are read one by one and the query stops as
soon as it passes the row limit or the time limit. Oxigraph evaluates without
holding Python's lock, so the web server answers at the deadline even when
the query is still computing its first row; such a query cannot be
interrupted and finishes in a background thread, its answer dropped.

The errors a client can cause::

    QueryError
    ├── BadQuery        the text does not parse (HTTP 400, the parser's message)
    ├── UpdateRefused   an update sent to a read-only server (HTTP 403)
    ├── ServiceRefused  a SERVICE call while federation is off (HTTP 403)
    ├── QueryTimeout    the time limit was hit (HTTP 503)
    ├── TooManyRows     the row limit was hit (HTTP 413)
    └── NotAcceptable   no result format fits the Accept header (HTTP 406)
"""

from __future__ import annotations

import copy
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pyoxigraph as ox
import rdflib
import rdflib.query
from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import KGError, QueryError
from kg.serve.source import Source
from kg.sparql.results import QueryResult, format_result
from kg.sparql.targets import oxigraph_result

__all__ = [
    "BadQuery",
    "GuardedSource",
    "Limits",
    "MEDIA_TYPES",
    "NotAcceptable",
    "QueryTimeout",
    "ServiceRefused",
    "TooManyRows",
    "UpdateRefused",
    "negotiate",
    "render",
    "released",
    "run_sparql",
]

T = TypeVar("T")


class BadQuery(QueryError):
    """The query text does not parse; the message is the parser's."""

    status = 400


class UpdateRefused(QueryError):
    """A SPARQL update sent to the read-only server."""

    status = 403


class ServiceRefused(QueryError):
    """A query that would make the server call another endpoint (``SERVICE``)."""

    status = 403


class QueryTimeout(QueryError):
    """The query ran longer than the time limit."""

    status = 503


class TooManyRows(QueryError):
    """The query returned more rows than the row limit."""

    status = 413


@dataclass(frozen=True, slots=True)
class Limits:
    """How long a query may run and how many rows it may return.

    Attributes:
        timeout: seconds.
        rows: solutions (SELECT) or triples (CONSTRUCT, DESCRIBE).
        federated: whether ``SERVICE`` may call other endpoints; off, such a
            query is refused, so that a page's visitor cannot make the server
            send requests on its behalf.
    """

    timeout: float = 30.0
    rows: int = 10_000
    federated: bool = False

    def guard(self, items: Iterator[Any], started: float) -> Iterator[Any]:
        """Yield ``items``, raising when the row or time limit is passed."""
        for count, item in enumerate(items, 1):
            if count > self.rows:
                raise TooManyRows(
                    f"the query returns more than {self.rows} rows (the row limit); "
                    "add a LIMIT, or start kg serve with a larger --row-limit"
                )
            self.check_time(started)
            yield item

    def check_time(self, started: float) -> None:
        """Raise :class:`QueryTimeout` when more than ``timeout`` seconds have passed."""
        if time.monotonic() - started > self.timeout:
            raise QueryTimeout(self.timeout_message())

    def timeout_message(self) -> str:
        """The message of a query stopped by the time limit."""
        return (
            f"the query ran longer than {self.timeout:g} s (the time limit); "
            "narrow it, or start kg serve with a larger --timeout"
        )


class GuardedSource:
    """A :class:`Source` whose query answers are read under :class:`Limits`.

    It has the ``query`` method :func:`kg.sparql.targets.run_query` calls, so stored
    queries run on it as on a store.
    """

    def __init__(self, source: Source, limits: Limits) -> None:
        self.source = source
        self.limits = limits

    def query(
        self, sparql: str, bindings: Any = None, *, union: bool = False, **dataset: Any
    ) -> Any:
        """Run ``sparql`` (see :meth:`Source.query`); rows are read under the limits.

        Returns:
            A boolean for ASK, else an iterable with pyoxigraph's ``variables``
            (empty for triples) and a ``kind``: ``SELECT`` or ``CONSTRUCT``.
        """
        if not self.limits.federated and calls_service(sparql):
            raise ServiceRefused(
                "this server does not call other endpoints: SERVICE is refused "
                "(start kg serve with --federated to allow it)"
            )
        started = time.monotonic()
        try:
            result = self.source.query(sparql, bindings, union=union, **dataset)
        except SyntaxError as exc:
            raise _syntax_error(sparql, exc) from exc
        if isinstance(result, ox.QueryBoolean):
            self.limits.check_time(started)
            return bool(result)
        return _Guarded(result, self.limits.guard(iter(result), started))


class _Guarded:
    """pyoxigraph's solutions or triples, iterated through a guard."""

    def __init__(self, result: Any, rows: Iterator[Any]) -> None:
        solutions = isinstance(result, ox.QuerySolutions)
        self.kind = "SELECT" if solutions else "CONSTRUCT"
        self.variables = result.variables if solutions else []
        self._rows = rows

    def __iter__(self) -> Iterator[Any]:
        return self._rows


def released(run: Callable[[], T]) -> T:
    """Call ``run`` in a worker thread so that no pyoxigraph result leaves the thread.

    pyoxigraph's results must be dropped by the thread that made them. An
    error's traceback keeps the frames that hold them, and the error is
    handled on the server's event loop thread; so a :class:`KGError` is
    copied without its traceback, and the original, with its frames, is
    dropped here.
    """
    try:
        return run()
    except KGError as exc:
        error = copy.copy(exc)
    error.__traceback__ = None
    raise error


def calls_service(text: str) -> bool:
    """Whether the query ``text`` has a ``SERVICE`` pattern (not the word in a string).

    A text that rdflib cannot parse is left to the engine, whose parser
    reports the error.
    """
    if not re.search(r"service", text, re.IGNORECASE):
        return False
    try:
        tree = parseQuery(text)
    except Exception:  # rdflib's parser raises pyparsing's errors
        return False
    return _has_service(tree)


def _has_service(node: Any) -> bool:
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_has_service(value) for value in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(_has_service(item) for item in node)
    return False


def _syntax_error(text: str, exc: SyntaxError) -> QueryError:
    try:
        parseUpdate(text)
    except Exception:  # not an update either: report the query parser's message
        return BadQuery(f"the query does not parse: {exc}")
    return UpdateRefused("this server is read-only: SPARQL updates are refused")


def run_sparql(
    source: GuardedSource,
    text: str,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
) -> QueryResult:
    """Run a query sent by a client.

    Args:
        source: the served data, under limits.
        text: the query.
        default_graphs: the protocol's ``default-graph-uri`` values: these
            graphs merged are the default graph; when none, all graphs are.
        named_graphs: the protocol's ``named-graph-uri`` values: the only
            graphs ``GRAPH`` sees; when none, every graph.

    Raises:
        BadQuery, UpdateRefused, QueryTimeout, TooManyRows; BadQuery too for
        a graph IRI that is not an IRI.
    """
    try:
        dataset = {
            "default_graph": [ox.NamedNode(g) for g in default_graphs] or None,
            "named_graphs": [ox.NamedNode(g) for g in named_graphs] or None,
        }
    except ValueError as exc:
        raise BadQuery(f"a graph IRI is not an IRI: {exc}") from exc
    result = source.query(text, union=not default_graphs, **dataset)
    return oxigraph_result("ASK" if isinstance(result, bool) else result.kind, result)


#: Media types by result kind, the first being the default; value: kg.sparql.results format.
MEDIA_TYPES: dict[str, dict[str, str]] = {
    "solutions": {
        "application/sparql-results+json": "json",
        "application/sparql-results+xml": "xml",
        "text/csv": "csv",
        "text/tab-separated-values": "tsv",
        "application/json": "json",
    },
    "graph": {
        "text/turtle": "ttl",
        "application/n-triples": "nt",
        "application/ld+json": "jsonld",
        "application/rdf+xml": "xml",
    },
}


class NotAcceptable(QueryError):
    """No result format fits the client's Accept header."""

    status = 406


def negotiate(accept: str | None, qtype: str) -> str:
    """Choose the response media type for a result of ``qtype`` from an Accept header.

    Raises:
        NotAcceptable: none of the offered types is acceptable (the message lists them).
    """
    offered = MEDIA_TYPES["graph" if qtype in ("CONSTRUCT", "DESCRIBE") else "solutions"]
    best, best_q = None, 0.0
    for pattern, q in _accepted(accept or "*/*"):
        match = next((c for c in offered if _matches(pattern, c)), None)
        if match is not None and q > best_q:
            best, best_q = match, q
    if best is None:
        raise NotAcceptable(
            f"cannot answer a {qtype} query as {accept!r}; offered: {', '.join(offered)}"
        )
    return best


def _accepted(header: str) -> list[tuple[str, float]]:
    items = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            items.append((fields[0].lower(), q))
    return items


def _matches(pattern: str, mtype: str) -> bool:
    if pattern == "*/*":
        return True
    major, _, minor = pattern.partition("/")
    return pattern == mtype or (minor == "*" and mtype.startswith(major + "/"))


def render(result: QueryResult, media_type: str) -> bytes:
    """The result as bytes of ``media_type`` (one of :data:`MEDIA_TYPES`)."""
    kind = "graph" if result.graph is not None else "solutions"
    fmt = MEDIA_TYPES[kind][media_type]
    if fmt != "xml":
        return format_result(result, fmt).encode("utf-8")
    if result.graph is not None:
        return result.graph.serialize(format="xml", encoding="utf-8")
    out = rdflib.query.Result(result.type)
    if result.type == "ASK":
        out.askAnswer = bool(result.boolean)
    else:
        out.vars = [rdflib.Variable(v) for v in result.vars]
        out.bindings = [{rdflib.Variable(k): v for k, v in row.items()} for row in result.rows]
    return out.serialize(format="xml", encoding="utf-8")
