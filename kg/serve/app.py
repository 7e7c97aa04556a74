"""The web application: routes, HTML or JSON answers, errors, security headers.

Pages are Jinja2 templates with autoescaping, so every name and sentence from
the data is written as text; scripts are static files of the package (the
Content-Security-Policy allows no other), and data reaches them through
``data-`` attributes or JSON fetched from this server. Every page answers as
JSON too, with ``?format=json`` or ``Accept: application/json``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, quote

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from kg.errors import KGError, QueryError
from kg.serve.api import RESERVED, openapi, query_index, run_stored
from kg.serve.article import article_page
from kg.serve.entity import entity_page
from kg.serve.facts import BASE, name_facts, names_of, statements
from kg.serve.neighbourhood import neighbourhood
from kg.serve.search import NameIndex, overview
from kg.serve.source import Source
from kg.serve.sparql import (
    GuardedSource,
    Limits,
    QueryTimeout,
    UpdateRefused,
    negotiate,
    released,
    run_sparql,
)
from kg.serve.sparql import render as render_result
from kg.sparql.query import QueryLibrary
from kg.sparql.results import QueryResult

__all__ = ["CSP", "EDITOR_CSP", "create_app"]

HERE = Path(__file__).resolve().parent
T = TypeVar("T")

#: Cytoscape.js adds one fixed <style> element of its own (this is its hash, as
#: Chromium reports it); allowing that exact text keeps every other inline style out.
_CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"

#: Scripts, styles and connections only from this server; nothing inline, no frames.
CSP = (
    f"default-src 'self'; script-src 'self'; style-src 'self' {_CYTOSCAPE_STYLE}; "
    "img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
#: The query page's editor (Yasgui) sets many inline styles as it lays itself
#: out; that page alone allows inline styles. Scripts stay as strict as elsewhere.
EDITOR_CSP = CSP.replace(f"style-src 'self' {_CYTOSCAPE_STYLE}", "style-src 'self' 'unsafe-inline'")
_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]


class SecurityHeaders:
    """ASGI middleware that adds the CSP and related headers to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        """Pass the request on; add the headers when the response starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                policy = EDITOR_CSP if scope["path"] == "/query" else CSP
                headers = [(b"content-security-policy", policy.encode()), *_HEADERS]
                message["headers"] = list(message.get("headers", [])) + headers
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(
    source: Source, limits: Limits | None = None, library: QueryLibrary | None = None
) -> Starlette:
    """The kg web application over ``source``.

    Args:
        source: the data to serve (see :func:`kg.serve.source.open_source`).
        limits: time and row limits for ``/sparql`` and ``/api``.
        library: the stored queries (default: the packaged ``queries/``).
    """
    site = _Site(source, limits or Limits(), library or QueryLibrary())
    routes = [
        Route("/", site.home),
        Route("/search", site.search),
        Route("/entity/{path:path}", site.entity),
        Route("/graph/{path:path}", site.graph),
        Route("/article/{path:path}", site.article),
        Route("/statement/{path:path}", site.statement),
        Route("/sparql", site.sparql, methods=["GET", "POST"]),
        Route("/query", site.query_page),
        Route("/api", site.api_index),
        Route("/api/openapi.json", site.api_description),
        Route("/api/{name}", site.api),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={KGError: site.error, HTTPException: site.error},
    )
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


class _Site:
    """The route handlers, sharing the data, limits, stored queries and templates."""

    def __init__(self, source: Source, limits: Limits, library: QueryLibrary) -> None:
        self.source = source
        self.guarded = GuardedSource(source, limits)
        self.limits = limits
        # Parsed once: parsing a query with rdflib takes milliseconds a request.
        self.stored = {query.name: query for query in library}
        self.index = query_index(self.stored.values())
        self.description = openapi(self.stored.values())
        self.templates = Jinja2Templates(directory=HERE / "templates")
        self.templates.env.filters["url_path"] = lambda p: quote(p or "", safe="/")
        # Read once at start: the data cannot change under a read-only server.
        self.names = NameIndex(source)
        self.counts = overview(source)

    def respond(self, request: Request, template: str, data: Any, status: int = 200) -> Response:
        """The page as HTML, or its data as JSON when the client asks for JSON."""
        if _wants_json(request):
            return JSONResponse(data, status_code=status)
        return self.templates.TemplateResponse(
            request, template, {"data": data, "source": self.source.name}, status_code=status
        )

    async def error(self, request: Request, exc: Exception) -> Response:
        """A one-line message with the error's status: JSON, plain text for
        protocol and API clients, else an HTML page.

        A query or parameter the client got wrong is a 400 unless the error
        says otherwise; any other kg error (the store unreadable) is a 500.
        """
        status = getattr(exc, "status_code", None) or getattr(exc, "status", None)
        status = status or (400 if isinstance(exc, QueryError) else 500)
        message = str(getattr(exc, "detail", None) or exc).splitlines()[0]
        protocol = request.url.path == "/sparql" or request.url.path.startswith("/api/")
        if protocol and not _wants_json(request) and not _wants_html(request):
            return Response(message + "\n", status_code=status, media_type="text/plain")
        return self.respond(request, "error.html", {"error": message, "status": status}, status)

    async def home(self, request: Request) -> Response:
        """What the data holds, and the search box."""
        return self.respond(request, "home.html", self.counts)

    async def search(self, request: Request) -> Response:
        """Entities whose names have a word starting with ``q``."""
        text = request.query_params.get("q", "")
        found = await _work(self.names.search, text)
        return self.respond(request, "search.html", {"q": text, "entities": found})

    async def entity(self, request: Request) -> Response:
        """An entity's page."""
        iri = _iri(request, "entity/")
        data = await _work(entity_page, self.source, iri, 200, self.names.entities)
        if data is None:
            raise HTTPException(404, f"no entity {iri} in {self.source.name}")
        return self.respond(request, "entity.html", data)

    async def graph(self, request: Request) -> Response:
        """The picture of an entity's neighbourhood; its data as JSON."""
        iri = _iri(request, "")
        hops = _int(request, "hops", 1, 1, 2)
        limit = _int(request, "limit", 40, 2, 500)
        if _wants_json(request):
            data = await _work(neighbourhood, self.source, iri, hops, limit, self.names.entities)
            return JSONResponse(data)
        names = await _work(names_of, self.source, [iri], self.names.entities)
        page = {"iri": iri, "path": request.path_params["path"], "hops": hops, "limit": limit}
        return self.respond(request, "graph.html", page | {"entity": names[iri]})

    async def article(self, request: Request) -> Response:
        """An article's sentences with mentions highlighted, and its facts."""
        iri = _iri(request, "article/")
        data = await _work(article_page, self.source, iri, self.names.entities)
        if data is None:
            raise HTTPException(404, f"no article {iri} in {self.source.name}")
        return self.respond(request, "article.html", data)

    async def statement(self, request: Request) -> Response:
        """One statement with its ends named."""
        iri = _iri(request, "statement/")

        def read() -> dict[str, Any] | None:
            found = statements(self.source, [iri])[0]
            if "predicate" not in found:
                return None
            found["names"] = name_facts(self.source, [found], self.names.entities)
            return found

        data = await _work(read)
        if data is None:
            raise HTTPException(404, f"no statement {iri} in {self.source.name}")
        return self.respond(request, "statement.html", data)

    async def sparql(self, request: Request) -> Response:
        """The SPARQL 1.1 Protocol: a query by GET or POST, the answer by Accept."""
        form = await _protocol_params(request)
        if "update" in form:
            raise UpdateRefused("this server is read-only: SPARQL updates are refused")
        texts = form.get("query", [])
        if len(texts) > 1:
            raise QueryError("give one 'query' parameter, not several")
        if not texts or not texts[0]:
            if _wants_html(request):
                return await self.query_page(request)
            raise QueryError("give a SPARQL query as the 'query' parameter")
        dataset = {
            "default_graphs": form.get("default-graph-uri", []),
            "named_graphs": form.get("named-graph-uri", []),
        }
        return await self.answer(request, lambda: run_sparql(self.guarded, texts[0], **dataset))

    async def answer(self, request: Request, run: Callable[[], QueryResult]) -> Response:
        """Run a query in a worker thread under the time limit; negotiate its format."""
        try:
            with anyio.fail_after(self.limits.timeout):
                result = await anyio.to_thread.run_sync(released, run, abandon_on_cancel=True)
        except TimeoutError:
            raise QueryTimeout(self.limits.timeout_message()) from None
        accept = request.headers.get("accept")
        fmt = request.query_params.get("format")
        if fmt in ("json", "csv", "tsv", "xml", "ttl", "nt"):
            accept = _FORMAT_TYPES[fmt]
        media_type = negotiate(accept, result.type)
        body = await anyio.to_thread.run_sync(render_result, result, media_type)
        charset = "" if media_type.endswith("xml") else "; charset=utf-8"
        return Response(body, media_type=media_type + charset)

    async def query_page(self, request: Request) -> Response:
        """The SPARQL editor, with the stored queries as examples."""
        return self.respond(request, "query.html", {"queries": self.index})

    async def api_index(self, request: Request) -> Response:
        """The stored queries and how to call them."""
        return self.respond(request, "api.html", {"queries": self.index})

    async def api_description(self, request: Request) -> Response:
        """The OpenAPI description of ``/api/<name>``."""
        return JSONResponse(self.description)

    async def api(self, request: Request) -> Response:
        """Run a stored query with the request's parameters."""
        name = request.path_params["name"]
        stored = self.stored.get(name)
        if stored is None:
            raise HTTPException(404, f"no stored query {name!r}; known: {', '.join(self.stored)}")
        params = dict(request.query_params)
        return await self.answer(request, lambda: run_stored(stored, params, self.guarded))


_FORMAT_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
}


async def _work(func: Callable[..., T], *args: Any) -> T:
    """Run a function that reads the data in a worker thread (see :func:`released`)."""
    return await anyio.to_thread.run_sync(released, functools.partial(func, *args))


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _iri(request: Request, kind: str) -> str:
    return BASE + kind + request.path_params["path"]


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise HTTPException(400, f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise HTTPException(400, f"{name} must be between {low} and {high}, got {value}")
    return value


async def _protocol_params(request: Request) -> dict[str, list[str]]:
    """The protocol's parameters (each a list: graph IRIs repeat) from the URL and body."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in RESERVED]
    if request.method == "POST":
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        body = (await request.body()).decode("utf-8", "replace")
        if kind == "application/x-www-form-urlencoded":
            pairs += parse_qsl(body, keep_blank_values=True)
        elif kind in ("application/sparql-query", "application/sparql-update"):
            pairs.append(("query" if kind.endswith("query") else "update", body))
        else:
            raise HTTPException(
                415,
                f"a POST to /sparql must be application/x-www-form-urlencoded or "
                f"application/sparql-query, not {kind or 'without a content type'!r}",
            )
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params
