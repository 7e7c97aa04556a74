"""``kg push``: send a graph file or a store to a remote triple store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from kg.cli.common import app, err, handle_errors

__all__ = ["push"]


_EXAMPLE = (
    "Example: kg push out/example.trig --user dba --password dba"
    " --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth"
)


_SOURCE = typer.Argument(
    ..., metavar="FILE_OR_STORE", help="A TriG/N-Quads/Turtle file or a store directory."
)
_ENDPOINT = typer.Option(
    ..., "--endpoint", help="Graph Store Protocol URL (Virtuoso: /sparql-graph-crud-auth)."
)
_GRAPH = typer.Option(
    None, "--graph", help="Put every triple in this named graph (default: keep each graph)."
)
_USER = typer.Option(None, "--user", "-u", help="User for digest/basic auth.")
_PASSWORD = typer.Option(
    None, "--password", envvar="KG_PUSH_PASSWORD", help="Password (or KG_PUSH_PASSWORD)."
)
_UPDATE_ENDPOINT = typer.Option(
    None,
    "--update-endpoint",
    help="SPARQL Update URL used when the server lacks the Graph Store Protocol.",
)
_BATCH_SIZE = typer.Option(10_000, "--batch-size", min=1, help="Triples per request.")
_TIMEOUT = typer.Option(60.0, "--timeout", min=1, help="Seconds per request.")
_RETRIES = typer.Option(3, "--retries", min=0, help="Retries after a timeout or 5xx.")


def _progress() -> Progress:
    """The progress bar on stderr: triples sent of the triples to send."""
    return Progress(
        TextColumn("pushing"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} triples"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


@app.command(epilog=_EXAMPLE)
@handle_errors
def push(
    source: Path = _SOURCE,
    endpoint: str = _ENDPOINT,
    graph: str | None = _GRAPH,
    user: str | None = _USER,
    password: str | None = _PASSWORD,
    update_endpoint: str | None = _UPDATE_ENDPOINT,
    batch_size: int = _BATCH_SIZE,
    timeout: float = _TIMEOUT,
    retries: int = _RETRIES,
) -> None:
    """Push RDF to a remote store, one named graph per article.

    Each graph is replaced (PUT, then POST batches); if a batch fails, the
    half-written graph is removed. Falls back to SPARQL Update when the server
    has no Graph Store Protocol.
    """
    from kg.sparql.push import push as push_graphs

    with _progress() as progress:
        task = progress.add_task("push", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        result = push_graphs(
            source,
            endpoint,
            graph=graph,
            user=user,
            password=password,
            batch_size=batch_size,
            progress=advance,
            update_endpoint=update_endpoint,
            timeout=timeout,
            retries=retries,
        )
    via = "Graph Store Protocol" if result.method == "gsp" else "SPARQL Update"
    err.print(
        f"pushed {result.triples} triples in {len(result.graphs)} graph(s), "
        f"{result.batches} request(s), via {via}"
    )
    if result.skipped:
        err.print(f"skipped {result.skipped} default-graph triples; use --graph IRI to send them")
