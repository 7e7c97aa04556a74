"""``kg validate``: check an RDF file against the kg SHACL shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.common import app, handle_errors, out
from kg.rdf.reader import load_rdf_file
from kg.rdf.shacl import ValidationResult, short_name, validate

__all__ = ["validate_command"]


def _table(result: ValidationResult) -> Table:
    table = Table()
    for column in ("focus node", "path", "message", "value"):
        table.add_column(column, overflow="fold")
    for v in result.violations:
        cells = (short_name(v.focus), short_name(v.path), v.message, short_name(v.value))
        table.add_row(*(Text(cell) for cell in cells))
    return table


@app.command("validate")
@handle_errors
def validate_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="The RDF file to check (.ttl, .trig, .nq, .nt, .jsonld, .rdf).",
            show_default=False,
        ),
    ],
    shapes: Annotated[
        Path | None,
        typer.Option("--shapes", help="A SHACL shapes file to use instead of kg's own."),
    ] = None,
) -> None:
    """Check an RDF file against the kg SHACL shapes.

    Every named graph is checked together, with the kg ontology loaded. Prints
    a table of violations; exits 0 when the file conforms, 1 otherwise.

    Example:

        kg validate out/example.trig
    """
    result = validate(load_rdf_file(file), shapes)
    if result.conforms:
        out.print(f"{file}: conforms to the kg shapes", markup=False)
        return
    out.print(
        f"{file}: {len(result.violations)} violation(s) of the kg shapes",
        markup=False,
        soft_wrap=True,
    )
    out.print(_table(result))
    raise typer.Exit(1)
