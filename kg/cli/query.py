"""``kg query``: run a stored SPARQL query on files, a store or an endpoint."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli.common import app, format_option, handle_errors, out
from kg.errors import ConfigError, InputError

__all__ = ["query"]


def _params(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise typer.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        params[name.strip()] = value
    return params


def _dataset(files: list[Path]):
    import rdflib
    from rdflib.util import guess_format

    dataset = rdflib.Dataset()
    for path in files:
        fmt = guess_format(str(path)) or "turtle"
        try:
            dataset.parse(path, format=fmt)
        except FileNotFoundError as exc:
            raise InputError(f"no such graph file: {path}", str(path)) from exc
        except Exception as exc:  # rdflib parsers raise many unrelated types
            raise InputError(f"cannot parse {path} as {fmt}: {exc}", str(path)) from exc
    return dataset


def _list() -> None:
    from rich.table import Table

    from kg.sparql.query import QueryLibrary

    table = Table(show_header=True, header_style="bold", box=None)
    for column in ("name", "type", "parameters", "summary"):
        table.add_column(column, overflow="fold")
    for stored in QueryLibrary():
        params = ", ".join(
            f"{p.name}={p.default}" if p.default else f"{p.name} ({p.kind}, required)"
            for p in stored.parameters
        )
        table.add_row(stored.name, stored.type, params, stored.summary)
    out.print(table)


@app.command()
@handle_errors
def query(
    name: str | None = typer.Argument(
        None, metavar="NAME_OR_PATH", help="A stored query name (see --list) or a .rq file."
    ),
    graph: list[Path] = typer.Option(
        [], "--graph", "-g", help="RDF file to query (TriG, N-Quads, Turtle ...); repeatable."
    ),
    store: Path | None = typer.Option(None, "--store", help="Query this on-disk store."),
    endpoint: str | None = typer.Option(None, "--endpoint", help="Query this SPARQL endpoint."),
    param: list[str] = typer.Option(
        [], "--param", "-p", help="A parameter as NAME=VALUE; repeatable."
    ),
    fmt: str | None = format_option(
        None, "table, csv, tsv or json (SELECT/ASK; default table); ttl, nt or jsonld (CONSTRUCT)."
    ),
    list_queries: bool = typer.Option(False, "--list", help="List the stored queries and exit."),
    timeout: float = typer.Option(30.0, "--timeout", min=1, help="Seconds per endpoint request."),
) -> None:
    """Run a stored SPARQL query; parameters are bound as RDF terms.

    Give exactly one of --graph (one or more files), --store or --endpoint.
    Rows go to stdout.

    Example: kg query quotes-by-person --graph out/example.trig --param person=peskov
    """
    from kg.sparql.query import QueryLibrary
    from kg.sparql.results import format_result
    from kg.sparql.store import Store
    from kg.sparql.targets import run_query

    if list_queries:
        _list()
        return
    if name is None:
        raise typer.BadParameter("give a query name or path, or --list", param_hint="NAME_OR_PATH")
    targets = sum(1 for t in (graph, store, endpoint) if t)
    if targets != 1:
        raise ConfigError("give exactly one of --graph FILE, --store DIR or --endpoint URL")
    stored = QueryLibrary().get(name)
    params = _params(param)
    if graph:
        result = run_query(stored, params, graph=_dataset(graph))
    elif store is not None:
        with Store(store, create=False) as opened:
            result = run_query(stored, params, store=opened)
    else:
        result = run_query(stored, params, endpoint=endpoint, timeout=timeout)
    default = "ttl" if stored.type in ("CONSTRUCT", "DESCRIBE") else "table"
    sys.stdout.write(format_result(result, fmt or default, width=out.width))
