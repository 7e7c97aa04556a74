"""Queries on a remote SPARQL endpoint.

Queries are sent as the SPARQL 1.1 Protocol says (a form-encoded POST) and
their answers are checked before they are read: an HTML page, JSON that is
not SPARQL results, a malformed term or an unparsable graph is one error
naming the endpoint. Every request goes through :mod:`kg.sparql.transport`:
one deadline for the whole request, answers read whole, bounded retries.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from typing import Any

import rdflib

from kg.errors import ConfigError, EndpointError, QueryError
from kg.rdf.formats import format_for_media_type
from kg.sparql.results import QueryResult
from kg.sparql.transport import HTTPFailure, Reply, Transport

__all__ = ["check_endpoint_url", "first_line", "query_endpoint"]


def check_endpoint_url(url: str, option: str = "--endpoint") -> str:
    """Refuse an endpoint that is not an absolute http(s) URL, before any request.

    Raises:
        ConfigError: naming the option and the value.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        raise ConfigError(f"{option} {url!r} is not an http:// or https:// URL")
    return url


def query_endpoint(
    endpoint: str,
    text: str,
    qtype: str,
    *,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 0.5,
    notify: Callable[[str], None] | None = None,
) -> Any:
    """Run a query on a SPARQL endpoint and return a :class:`~kg.sparql.results.QueryResult`.

    Args:
        endpoint: the SPARQL endpoint URL.
        text: the query.
        qtype: SELECT, ASK, CONSTRUCT or DESCRIBE.
        timeout: seconds for each whole request.
        retries: extra attempts after a timeout, a 429 or a 5xx.
        backoff: seconds before the first retry, doubled each time.
        notify: told about each wait before a retry.

    Raises:
        ConfigError: the endpoint is not an http(s) URL.
        EndpointError: unreachable, timed out, refused or broken (after
            retries), or an answer that is not what the query asks for.
        QueryError: the endpoint rejected the query as malformed.
    """
    check_endpoint_url(endpoint)
    graph_result = qtype in ("CONSTRUCT", "DESCRIBE")
    accept = "text/turtle, application/n-triples;q=0.9" if graph_result else _JSON_RESULTS
    transport = Transport(
        endpoint,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
        notify=notify,
    )
    body = urllib.parse.urlencode({"query": text}).encode("utf-8")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
    try:
        reply = transport.request("POST", endpoint, body, headers)
    except HTTPFailure as failure:
        raise EndpointError(failure.describe("query", endpoint), endpoint) from failure
    if reply.status == 400:
        raise QueryError(f"{endpoint} rejected the query: {_first_body_line(reply)}")
    if not 200 <= reply.status < 300:
        raise EndpointError(
            f"query on {endpoint} failed: HTTP {reply.status} {reply.reason}", endpoint
        )
    if reply.media_type in ("text/html", "application/xhtml+xml"):
        raise EndpointError(
            f"{endpoint} answered a web page, not SPARQL results; is it the SPARQL endpoint?",
            endpoint,
        )
    if graph_result:
        return QueryResult(qtype, graph=_graph_answer(reply, endpoint))
    return _results_answer(reply, endpoint, qtype)


_JSON_RESULTS = "application/sparql-results+json"


def _first_body_line(reply: Reply) -> str:
    text = reply.body.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else f"HTTP {reply.status} {reply.reason}"


def _graph_answer(reply: Reply, endpoint: str) -> rdflib.Graph:
    """The graph a CONSTRUCT or DESCRIBE answered; an answer whose media type
    names no RDF format is read as Turtle."""
    named = format_for_media_type(reply.media_type)
    fmt = named.rdflib if named is not None else "turtle"
    graph = rdflib.Graph()
    try:
        graph.parse(data=reply.body, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise EndpointError(
            f"{endpoint} answered a graph that does not parse as {fmt}: {first_line(exc)}",
            endpoint,
        ) from exc
    return graph


def _results_answer(reply: Reply, endpoint: str, qtype: str) -> Any:
    """The rows or boolean of SPARQL JSON results, each term checked."""

    def broken(why: str) -> EndpointError:
        return EndpointError(f"{endpoint} did not answer SPARQL JSON results: {why}", endpoint)

    try:
        converted = json.loads(reply.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise broken(repr(reply.body[:60])) from None
    if not isinstance(converted, dict):
        raise broken(f"a JSON {type(converted).__name__}, not an object")
    try:
        if qtype == "ASK":
            return QueryResult(qtype, boolean=_ask_answer(converted))
        names = [str(v) for v in converted["head"].get("vars", [])]
        rows = [
            {str(k): _term(v) for k, v in binding.items()}
            for binding in converted["results"]["bindings"]
        ]
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise broken(f"malformed ({first_line(exc)})") from exc
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


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, or its class name."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
