"""Remote triple stores: run queries on a SPARQL endpoint, push graphs to it.

Queries go through SPARQLWrapper (POST, a newskg User-Agent, a timeout).
Pushes use the SPARQL 1.1 Graph Store HTTP Protocol: per named graph, the
first batch is a ``PUT`` (it replaces the graph) and later batches are
``POST`` (they add to it), N-Triples sent as ``text/turtle``. A server
without the protocol (404, 405, 415 or 501 on the first request) gets SPARQL
Update instead: ``DROP SILENT GRAPH`` then ``INSERT DATA`` batches.

Failures never leave a partial graph claimed as loaded: when a batch fails
after earlier batches of the same graph landed, the graph is deleted (with
``DELETE`` or ``DROP SILENT GRAPH``) before the error is raised. A temporary
graph renamed at the end would keep the old version readable during a push,
but needs SPARQL Update beside the Graph Store Protocol; deleting works with
either. Graphs pushed before the failing one stay complete.

Requests that time out or answer 5xx are retried a bounded number of times
with exponential back-off; a refused connection or a 401/403 fails at once.
HTTP digest and basic authentication are both answered (Virtuoso's
authenticated endpoints, ``/sparql-graph-crud-auth`` and ``/sparql-auth``,
want digest).
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from kg import __version__
from kg.errors import ConfigError, EndpointError, QueryError

__all__ = ["USER_AGENT", "PushResult", "push", "query_endpoint"]

USER_AGENT = f"newskg/{__version__} (kg knowledge-graph builder; python-urllib)"

_NO_GSP = {404, 405, 415, 501}


@dataclass(frozen=True, slots=True)
class PushResult:
    """What a push wrote.

    Attributes:
        endpoint: where it went.
        graphs: the named graphs written, in order.
        triples: the triples sent.
        batches: the HTTP requests that carried data.
        method: ``gsp`` (Graph Store Protocol) or ``update`` (SPARQL Update).
        skipped: default-graph triples not sent (pass ``graph`` to send them).
    """

    endpoint: str
    graphs: tuple[str, ...]
    triples: int
    batches: int
    method: str
    skipped: int = 0


def query_endpoint(
    endpoint: str,
    text: str,
    qtype: str,
    *,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 0.5,
) -> Any:
    """Run a query on a SPARQL endpoint and return a :class:`kg.query.QueryResult`.

    Raises:
        EndpointError: unreachable, timed out, refused or broken, after retries.
        QueryError: the endpoint rejected the query as malformed.
    """
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

    from kg.query import QueryResult

    client = SPARQLWrapper(endpoint, agent=USER_AGENT)
    client.setQuery(text)
    client.setMethod(POST)
    client.setTimeout(max(1, round(timeout)))
    graph_result = qtype in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(TURTLE if graph_result else JSON)

    def attempt() -> Any:
        try:
            return client.query().convert()
        except QueryBadFormed as exc:
            raise QueryError(f"{endpoint} rejected the query: {_first_line(exc)}") from exc
        except SPARQLWrapperException as exc:
            status = 500 if "EndPointInternalError" in type(exc).__name__ else 0
            raise _Failure(_first_line(exc), retry=status >= 500) from exc
        except urllib.error.HTTPError as exc:
            raise _Failure(f"HTTP {exc.code} {exc.reason}", retry=exc.code >= 500) from exc
        except (urllib.error.URLError, OSError) as exc:
            return _network_failure(exc)

    converted = _with_retries(attempt, endpoint, retries, backoff, "query")
    if graph_result:
        graph = rdflib.Graph()
        data = converted if isinstance(converted, bytes) else str(converted).encode()
        graph.parse(data=data, format="turtle")
        return QueryResult(qtype, graph=graph)
    if qtype == "ASK":
        return QueryResult(qtype, boolean=_ask_answer(converted))
    names = list(converted.get("head", {}).get("vars", []))
    rows = [
        {k: _term(v) for k, v in binding.items()}
        for binding in converted.get("results", {}).get("bindings", [])
    ]
    return QueryResult(qtype, vars=names, rows=rows)


def _ask_answer(converted: dict[str, Any]) -> bool:
    """The boolean of an ASK; Virtuoso answers a one-row SELECT of ``__ASK_RETVAL``."""
    if "boolean" in converted:
        return bool(converted["boolean"])
    bindings = converted.get("results", {}).get("bindings", [])
    return bool(bindings) and str(bindings[0].get("__ASK_RETVAL", {}).get("value")) not in ("0", "")


def _term(value: dict[str, str]) -> rdflib.term.Identifier:
    """A SPARQL JSON results term as rdflib (Virtuoso says ``typed-literal``)."""
    kind = value.get("type")
    if kind == "uri":
        return rdflib.URIRef(value["value"])
    if kind == "bnode":
        return rdflib.BNode(value["value"])
    if value.get("xml:lang"):
        return rdflib.Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != str(rdflib.XSD.string):
        return rdflib.Literal(value["value"], datatype=rdflib.URIRef(datatype))
    return rdflib.Literal(value["value"])


class _Failure(Exception):
    """One failed attempt; ``retry`` says whether another may succeed."""

    def __init__(self, message: str, retry: bool) -> None:
        super().__init__(message)
        self.retry = retry


def _network_failure(exc: BaseException) -> Any:
    reason = getattr(exc, "reason", exc)
    timed_out = isinstance(reason, TimeoutError | socket.timeout) or "timed out" in str(reason)
    message = "timed out" if timed_out else f"unreachable ({reason})"
    raise _Failure(message, retry=timed_out) from exc


def _with_retries(
    attempt: Callable[[], Any], endpoint: str, retries: int, backoff: float, what: str
) -> Any:
    for number in range(retries + 1):
        try:
            return attempt()
        except _Failure as failure:
            if not failure.retry or number == retries:
                tries = f" after {number + 1} attempts" if number else ""
                raise EndpointError(
                    f"{what} on {endpoint} failed{tries}: {failure}", endpoint
                ) from failure.__cause__
            time.sleep(backoff * 2**number)
    raise AssertionError("unreachable")  # pragma: no cover


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _read_source(source: Any) -> list[ox.Quad]:
    """Quads from a file, a store directory, a Store or an rdflib graph."""
    from kg.store import Store, to_oxigraph

    if isinstance(source, rdflib.Graph):
        return to_oxigraph(source)
    if isinstance(source, Store):
        return list(source.oxigraph)
    path = Path(source)
    if path.is_dir():
        with Store(path, create=False) as store:
            return list(store.oxigraph)
    try:
        return list(ox.parse(path=str(path)))
    except (OSError, SyntaxError, ValueError) as exc:
        raise ConfigError(f"cannot read {path} to push: {_first_line(exc)}") from exc


def _by_graph(quads: Iterable[ox.Quad], graph: str | None) -> tuple[dict[str, list], int]:
    graphs: dict[str, list[ox.Triple]] = {}
    skipped = 0
    for quad in quads:
        if graph is not None:
            graphs.setdefault(graph, []).append(quad.triple)
        elif isinstance(quad.graph_name, ox.NamedNode):
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
        else:
            skipped += 1
    return graphs, skipped


def _batches(triples: list[ox.Triple], size: int) -> Iterator[bytes]:
    for start in range(0, len(triples), size):
        chunk = triples[start : start + size]
        yield ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)


class _Client:
    """urllib with digest and basic authentication, timeouts and retries."""

    def __init__(
        self,
        endpoint: str,
        user: str | None,
        password: str | None,
        timeout: float,
        retries: int,
        backoff: float,
        also: tuple[str, ...] = (),
    ) -> None:
        self.endpoint, self.user, self.timeout = endpoint, user, timeout
        self.retries, self.backoff = retries, backoff
        handlers: list[Any] = []
        if user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, [endpoint, *also], user, password or "")
            handlers += [
                urllib.request.HTTPDigestAuthHandler(passwords),
                urllib.request.HTTPBasicAuthHandler(passwords),
            ]
        self.opener = urllib.request.build_opener(*handlers)

    def send(self, method: str, url: str, body: bytes | None, content_type: str | None) -> int:
        """Send one request; return the HTTP status (404/405/415/501 returned, not raised)."""

        def attempt() -> int:
            request = urllib.request.Request(url, data=body, method=method)
            request.add_header("User-Agent", USER_AGENT)
            if content_type:
                request.add_header("Content-Type", content_type)
            try:
                with self.opener.open(request, timeout=self.timeout) as response:
                    response.read()
                    return response.status
            except urllib.error.HTTPError as exc:
                if exc.code in (401, 403):
                    who = f" as user {self.user!r}" if self.user else " (no user given)"
                    raise EndpointError(
                        f"authentication failed for {self.endpoint}{who}", self.endpoint
                    ) from exc
                if exc.code in _NO_GSP:
                    return exc.code
                raise _Failure(f"HTTP {exc.code} {exc.reason}", retry=exc.code >= 500) from exc
            except ValueError as exc:  # urllib's digest handler on a malformed challenge
                raise _Failure(f"bad authentication challenge: {exc}", retry=False) from exc
            except (urllib.error.URLError, OSError) as exc:
                return _network_failure(exc)

        return _with_retries(attempt, self.endpoint, self.retries, self.backoff, "push")


def push(
    source: Any,
    endpoint: str,
    graph: str | None = None,
    user: str | None = None,
    password: str | None = None,
    batch_size: int = 10_000,
    progress: Callable[[int, int], None] | None = None,
    *,
    update_endpoint: str | None = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 0.5,
) -> PushResult:
    """Push RDF to a remote store, one named graph per article.

    Args:
        source: a TriG/N-Quads/Turtle/N-Triples file, a store directory, a
            :class:`kg.store.Store`, or an rdflib Graph or Dataset.
        endpoint: the Graph Store Protocol URL (Virtuoso:
            ``http://host:8890/sparql-graph-crud-auth``).
        graph: send every triple to this one named graph instead.
        user, password: credentials for digest or basic authentication.
        batch_size: triples per request.
        progress: called with (triples sent so far, total) after each batch.
        update_endpoint: where SPARQL Update goes when the server lacks the
            Graph Store Protocol (default: ``endpoint``).
        timeout: seconds per request.
        retries: extra attempts after a timeout or a 5xx.
        backoff: seconds before the first retry, doubled each time.

    Returns:
        What was written.

    Raises:
        ConfigError: a bad batch size, or a source that cannot be read.
        EndpointError: authentication failed, the server is unreachable,
            timed out or failed; no partial graph is left behind.
    """
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, got {batch_size}")
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as exc:
            raise ConfigError(f"graph {graph!r} is not a valid IRI: {exc}") from exc
    graphs, skipped = _by_graph(_read_source(source), graph)
    total = sum(len(t) for t in graphs.values())
    update_url = update_endpoint or endpoint
    client = _Client(endpoint, user, password, timeout, retries, backoff, also=(update_url,))
    method, sent, batches, done = "gsp", 0, 0, []
    for name, triples in graphs.items():
        for number, payload in enumerate(_batches(triples, batch_size)):
            try:
                method = _send_batch(client, method, endpoint, update_url, name, number, payload)
            except EndpointError as exc:
                if number > 0:
                    _remove(client, method, endpoint, update_url, name)
                    exc.args = (f"{exc}; graph <{name}> was removed, none half-written",)
                if done:
                    exc.args = (f"{exc.args[0]} ({len(done)} graph(s) before it are complete)",)
                raise
            batches += 1
            sent += min(batch_size, len(triples) - number * batch_size)
            if progress is not None:
                progress(sent, total)
        done.append(name)
    return PushResult(endpoint, tuple(done), sent, batches, method, skipped)


def _send_batch(
    client: _Client,
    method: str,
    endpoint: str,
    update_url: str,
    name: str,
    number: int,
    payload: bytes,
) -> str:
    """Send one batch; return the method that worked (GSP may fall back to update)."""
    if method == "gsp":
        url = _graph_url(endpoint, name)
        status = client.send("PUT" if number == 0 else "POST", url, payload, "text/turtle")
        if status not in _NO_GSP:
            return "gsp"
        if number > 0:
            raise EndpointError(f"{endpoint} stopped answering the Graph Store Protocol", endpoint)
    data = payload.decode("utf-8")
    update = f"INSERT DATA {{ GRAPH <{name}> {{\n{data}}} }}"
    if number == 0:
        update = f"DROP SILENT GRAPH <{name}> ;\n{update}"
    _update(client, update_url, update)
    return "update"


def _update(client: _Client, url: str, update: str) -> None:
    body = urllib.parse.urlencode({"update": update}).encode("ascii")
    status = client.send("POST", url, body, "application/x-www-form-urlencoded")
    if status in _NO_GSP:
        raise EndpointError(
            f"{url} answers neither the Graph Store Protocol nor SPARQL Update (HTTP {status})",
            url,
        )


def _remove(client: _Client, method: str, endpoint: str, update_url: str, name: str) -> None:
    """Delete a half-written graph; the original error is what the caller reports."""
    try:
        if method == "gsp":
            client.send("DELETE", _graph_url(endpoint, name), None, None)
        else:
            _update(client, update_url, f"DROP SILENT GRAPH <{name}>")
    except EndpointError:
        pass


def _graph_url(endpoint: str, graph: str) -> str:
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"
