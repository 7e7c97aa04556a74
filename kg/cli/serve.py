"""``kg serve``: the graph in a browser, a SPARQL endpoint and the stored queries as an API."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import typer

from kg.cli.common import app, err, handle_errors, labelled
from kg.errors import ConfigError

__all__ = ["serve"]


def _exposed(host: str) -> bool:
    """True when ``host`` is reachable from other machines (not a loopback address)."""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return True


def _listen(host: str, port: int) -> socket.socket:
    """Open the listening socket here: a busy port is one clear error line, and the
    address printed already accepts connections.

    Raises:
        ConfigError: the address cannot be bound (in use, not on this machine ...).
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)  # connections wait in the backlog until the server starts
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError(f"cannot listen on {host} port {port}: {reason}") from exc
    return sock


@app.command()
@handle_errors
def serve(
    data: Path = typer.Argument(
        ..., metavar="STORE_OR_FILE", help="A store folder, or a .trig/.nq/.ttl/.nt graph file."
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(
        8000, "--port", min=0, max=65535, help="Port to listen on (0: any free port)."
    ),
    timeout: float = typer.Option(
        30.0, "--timeout", min=0.1, help="Seconds a /sparql or /api query may run."
    ),
    row_limit: int = typer.Option(
        10_000, "--row-limit", min=1, help="Rows a /sparql or /api answer may have."
    ),
    federated: bool = typer.Option(
        False,
        "--federated",
        help="Let queries call other endpoints with SERVICE (refused by default).",
    ),
) -> None:
    """Serve a store or graph file read-only: pages, a SPARQL endpoint, the stored queries.

    Pages: / (counts, entity search), /entity/..., /article/..., /graph/...;
    /sparql (SPARQL 1.1 Protocol) and /query (an editor); /api/<query> and
    /api/openapi.json. Every page answers JSON with ?format=json. Ctrl-C stops.

    Example: kg serve out/example.trig --port 8000
    """
    import uvicorn

    from kg.serve import Limits, create_app, open_source

    application = create_app(
        open_source(data), Limits(timeout=timeout, rows=row_limit, federated=federated)
    )
    if _exposed(host):
        err.print(
            labelled(
                "warning:",
                "bold yellow",
                f"listening on {host}: the store is exposed to other machines (read-only)",
            ),
            soft_wrap=True,
        )
    sock = _listen(host, port)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{sock.getsockname()[1]}/"
    err.print(f"serving {data} at {address} (Ctrl-C stops)", soft_wrap=True, highlight=False)
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn raises Ctrl-C again once it has shut down cleanly
        pass
    err.print("stopped")
