"""Push graphs to a remote triple store.

Every request goes through :mod:`kg.sparql.transport`: one deadline for the
whole request, answers read whole, bounded retries. Pushes use the SPARQL 1.1
Graph Store HTTP Protocol: per named graph, the first batch is a ``PUT`` (it
replaces the graph) and later batches are ``POST`` (they add to it), N-Triples
sent as ``text/turtle``. A server without the protocol (404, 405, 415 or 501
on the first request) gets SPARQL Update instead: ``DROP SILENT GRAPH`` then
``INSERT DATA`` batches.

Failures never leave a partial graph claimed as loaded: when a batch fails
after earlier batches of the same graph landed, the graph is deleted (with
``DELETE`` or ``DROP SILENT GRAPH``) before the error is raised. A temporary
graph renamed at the end would keep the old version readable during a push,
but needs SPARQL Update beside the Graph Store Protocol; deleting works with
either. Graphs pushed before the failing one stay complete.

Requests that time out or answer 5xx are retried a bounded number of times
with exponential back-off; a refused connection or a 401/403 fails at once.
A push whose answer is lost (cut, timed out) may have been applied, so the
graph is removed then too, even after its first batch.
HTTP digest and basic authentication are both answered (Virtuoso's
authenticated endpoints, ``/sparql-graph-crud-auth`` and ``/sparql-auth``,
want digest).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from kg.errors import ConfigError, EndpointError
from kg.sparql.endpoint import check_endpoint_url, first_line
from kg.sparql.transport import HTTPFailure, Transport

__all__ = ["PushResult", "push"]

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


def _read_source(source: Any) -> list[ox.Quad]:
    """Quads from a file, a store directory, a Store or an rdflib graph."""
    from kg.rdf.terms import to_oxigraph
    from kg.sparql.store import Store

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
        raise ConfigError(f"cannot read {path} to push: {first_line(exc)}") from exc


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


def _send(transport: Transport, method: str, url: str, body: bytes | None, kind: str | None) -> int:
    """Send one request of a push; return its status (404/405/415/501 returned,
    not raised: they say the server lacks the Graph Store Protocol).

    Raises:
        EndpointError: authentication failed.
        HTTPFailure: any other failure, after the transport's retries.
    """
    reply = transport.request(method, url, body, {"Content-Type": kind} if kind else None)
    if reply.status in (401, 403):
        who = f" as user {transport.user!r}" if transport.user else " (no user given)"
        raise EndpointError(
            f"authentication failed for {transport.endpoint}{who}", transport.endpoint
        )
    if 200 <= reply.status < 300 or reply.status in _NO_GSP:
        return reply.status
    raise HTTPFailure(f"HTTP {reply.status} {reply.reason}", status=reply.status)


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
            :class:`kg.sparql.store.Store`, or an rdflib Graph or Dataset.
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
    update_url = _check_options(endpoint, update_endpoint, graph, batch_size)
    graphs, skipped = _by_graph(_read_source(source), graph)
    transport = Transport(
        endpoint,
        user=user,
        password=password,
        also=(update_url,),
        timeout=timeout,
        retries=retries,
        backoff=backoff,
    )
    target = _Target(transport, endpoint, update_url)
    sent, batches, done = _send_graphs(target, graphs, batch_size, progress)
    return PushResult(endpoint, tuple(done), sent, batches, target.method, skipped)


def _check_options(
    endpoint: str, update_endpoint: str | None, graph: str | None, batch_size: int
) -> str:
    """Check a push's options before anything is read; return the update URL.

    Raises:
        ConfigError: a bad batch size, endpoint URL or graph IRI.
    """
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, got {batch_size}")
    check_endpoint_url(endpoint)
    update_url = check_endpoint_url(update_endpoint or endpoint, "--update-endpoint")
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as exc:
            raise ConfigError(f"graph {graph!r} is not a valid IRI: {exc}") from exc
    return update_url


def _send_graphs(
    target: _Target,
    graphs: dict[str, list[ox.Triple]],
    batch_size: int,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int, list[str]]:
    """Send every graph in batches; return the triples and batches sent and
    the graphs written.

    Raises:
        EndpointError: a batch failed (see :func:`_abandoned`).
    """
    total = sum(len(t) for t in graphs.values())
    sent, batches, done = 0, 0, []
    for name, triples in graphs.items():
        for number, payload in enumerate(_batches(triples, batch_size)):
            try:
                target.send_batch(name, number, payload)
            except (EndpointError, HTTPFailure) as exc:
                raise _abandoned(target, name, number, exc, done) from exc
            batches += 1
            sent += min(batch_size, len(triples) - number * batch_size)
            if progress is not None:
                progress(sent, total)
        done.append(name)
    return sent, batches, done


def _abandoned(
    target: _Target, name: str, number: int, exc: BaseException, done: list[str]
) -> EndpointError:
    """The error of a failed push, after removing the graph it may have half-written.

    A graph may hold part of the push when an earlier batch of it landed, or
    when the failed request reached the server but its answer was lost (cut
    short, timed out): then it is removed, and the message says whether that
    worked. A refusal (an HTTP status) or an unreachable server wrote nothing.
    """
    if isinstance(exc, HTTPFailure):
        message = exc.describe("push", target.endpoint)
        lost = exc.status is None and not exc.unreachable
    else:
        message, lost = str(exc), False
    if number > 0 or lost:
        trouble = target.remove(name)
        message += (
            f"; graph <{name}> was removed, none half-written"
            if trouble is None
            else f"; graph <{name}> may be half-written: removing it failed too ({trouble})"
        )
    if done:
        message += f" ({len(done)} graph(s) before it are complete)"
    return EndpointError(message, target.endpoint)


class _Target:
    """The remote store of a push: Graph Store Protocol, or SPARQL Update once
    the server shows it lacks the protocol (``method``)."""

    def __init__(self, transport: Transport, endpoint: str, update_url: str) -> None:
        self.transport, self.endpoint, self.update_url = transport, endpoint, update_url
        self.method = "gsp"

    def send_batch(self, name: str, number: int, payload: bytes) -> None:
        """Send one batch of a graph: the first replaces the graph, later ones add to it."""
        if self.method == "gsp":
            url = _graph_url(self.endpoint, name)
            verb = "PUT" if number == 0 else "POST"
            status = _send(self.transport, verb, url, payload, "text/turtle")
            if status not in _NO_GSP:
                return
            if number > 0:
                raise EndpointError(
                    f"{self.endpoint} stopped answering the Graph Store Protocol", self.endpoint
                )
            self.method = "update"
        data = payload.decode("utf-8")
        update = f"INSERT DATA {{ GRAPH <{name}> {{\n{data}}} }}"
        if number == 0:
            update = f"DROP SILENT GRAPH <{name}> ;\n{update}"
        self.update(update)

    def update(self, update: str) -> None:
        """Run a SPARQL Update on the update endpoint."""
        body = urllib.parse.urlencode({"update": update}).encode("ascii")
        kind = "application/x-www-form-urlencoded"
        status = _send(self.transport, "POST", self.update_url, body, kind)
        if status in _NO_GSP:
            raise EndpointError(
                f"{self.update_url} answers neither the Graph Store Protocol nor SPARQL Update "
                f"(HTTP {status})",
                self.update_url,
            )

    def remove(self, name: str) -> str | None:
        """Delete a graph; None when done, else why it failed."""
        try:
            if self.method == "gsp":
                _send(self.transport, "DELETE", _graph_url(self.endpoint, name), None, None)
            else:
                self.update(f"DROP SILENT GRAPH <{name}>")
        except (EndpointError, HTTPFailure) as exc:
            return str(exc)
        return None


def _graph_url(endpoint: str, graph: str) -> str:
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"
