"""``kg serve``: the graph in a browser, a SPARQL endpoint and the stored queries as an API."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.common import app, err, handle_errors

__all__ = ["serve"]

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
@handle_errors
def serve(
    data: Path = typer.Argument(
        ..., metavar="STORE_OR_FILE", help="A store folder, or a .trig/.nq/.ttl/.nt graph file."
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    timeout: float = typer.Option(
        30.0, "--timeout", min=0.1, help="Seconds a /sparql or /api query may run."
    ),
    row_limit: int = typer.Option(
        10_000, "--row-limit", min=1, help="Rows a /sparql or /api answer may have."
    ),
) -> None:
    """Serve a store or graph file read-only: pages, a SPARQL endpoint, the stored queries.

    Pages: / (counts, entity search), /entity/..., /article/..., /graph/...;
    /sparql (SPARQL 1.1 Protocol) and /query (an editor); /api/<query> and
    /api/openapi.json. Every page answers JSON with ?format=json. Ctrl-C stops.

    Example: kg serve tests/data/sample.trig --port 8000
    """
    import uvicorn

    from kg.serve import Limits, create_app, open_source

    source = open_source(data)
    application = create_app(source, Limits(timeout=timeout, rows=row_limit))
    if host not in _LOOPBACK:
        err.print(
            f"[bold yellow]warning:[/] listening on {host}: the store is exposed to "
            "other machines (read-only)"
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(f"serving {data} at http://{shown}:{port}/ (Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")
