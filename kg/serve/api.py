"""The stored queries as a web API, as grlc does for query files.

``/api/<name>?param=value`` runs ``queries/<name>.rq`` with
:func:`kg.sparql.targets.run_query`, so parameters are checked and bound as RDF terms
by the same code as ``kg query --param``. :func:`openapi` describes every
query from its ``#+`` header alone (summary, description, tags, parameters
and their defaults), whatever the ``.rq`` files say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kg.serve.sparql import MEDIA_TYPES, GuardedSource
from kg.sparql.query import StoredQuery
from kg.sparql.results import QueryResult
from kg.sparql.targets import run_query

__all__ = ["RESERVED", "openapi", "query_index", "run_stored"]

#: Request parameters that choose the answer's form; never passed to a query.
RESERVED = ("format",)


def run_stored(
    stored: StoredQuery, params: Mapping[str, str], source: GuardedSource
) -> QueryResult:
    """Run a stored query on the served data with the request's parameters.

    Raises:
        QueryError: an unknown or missing parameter, a bad IRI, or a limit hit.
    """
    given = {k: v for k, v in params.items() if k not in RESERVED}
    return run_query(stored, given, store=source)


def query_index(library: Iterable[StoredQuery]) -> list[dict[str, Any]]:
    """Every stored query: name, type, summary, description, tags, parameters, text."""
    return [
        {
            "name": q.name,
            "type": q.type,
            "summary": q.summary,
            "description": q.description,
            "tags": list(q.tags),
            "parameters": [
                {"name": p.name, "kind": p.kind, "default": p.default} for p in q.parameters
            ],
            "text": q.text,
        }
        for q in library
    ]


def openapi(library: Iterable[StoredQuery], title: str = "kg stored queries") -> dict[str, Any]:
    """An OpenAPI 3.0 description of ``/api/<name>`` for every stored query."""
    paths = {}
    for q in library:
        kind = "graph" if q.type in ("CONSTRUCT", "DESCRIBE") else "solutions"
        answers = [m for m in MEDIA_TYPES[kind] if m != "application/json"]
        paths[f"/api/{q.name}"] = {
            "get": {
                "operationId": q.name,
                "summary": q.summary,
                "description": q.description,
                "tags": list(q.tags),
                "parameters": [_parameter(p) for p in q.parameters],
                "responses": {
                    "200": {
                        "description": f"the {q.type} answer",
                        "content": {m: {} for m in answers},
                    },
                    "400": {"description": "a missing, unknown or malformed parameter"},
                    "413": {"description": "more rows than the server's row limit"},
                    "503": {"description": "longer than the server's time limit"},
                },
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": title,
            "version": "1",
            "description": "Stored SPARQL queries of kg; parameters are bound as RDF terms.",
        },
        "paths": paths,
    }


def _parameter(param: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if param.kind == "iri":
        schema["format"] = "iri"
    if param.default is not None:
        schema["default"] = param.default
    return {
        "name": param.name,
        "in": "query",
        "required": param.default is None,
        "description": "an absolute IRI" if param.kind == "iri" else "a plain literal",
        "schema": schema,
    }
