"""``kg export``: write a store out as RDF, streaming."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.cli.common import FORCE, OUTPUT, app, err, format_option, handle_errors
from kg.errors import ConfigError, StoreError

__all__ = ["export"]


@app.command()
@handle_errors
def export(
    store: Path = typer.Option(..., "--store", help="The store directory to export."),
    fmt: str = format_option(
        "nquads", "nquads|nq or trig (named graphs kept); turtle|ttl or ntriples|nt (the union)."
    ),
    output: str = OUTPUT,
    force: bool = FORCE,
) -> None:
    """Export a store with pyoxigraph's own serialisers, without loading it in memory.

    Example: kg export --store out/store --format trig -o out/store.trig --force
    """
    from kg.rdf.writer import AtomicFile
    from kg.sparql.dump import DUMP_FORMATS
    from kg.sparql.store import Store

    if fmt.lower() not in DUMP_FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; known: {', '.join(sorted(DUMP_FORMATS))}")
    with Store(store, create=False) as opened:
        if output == "-":
            opened.dump(sys.stdout.buffer, fmt.lower())
            sys.stdout.buffer.flush()
            return
        dest = AtomicFile(output, force)
        try:
            opened.dump(dest.stream, fmt.lower())
        except StoreError as exc:
            raise dest.failed(exc) from exc
        dest.commit()
    err.print(f"wrote {output}")
