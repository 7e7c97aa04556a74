"""``kg store ...``: load into and inspect the on-disk store."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.common import app, err, handle_errors, out

__all__ = ["entities", "load", "stats", "store_app"]

store_app = typer.Typer(
    name="store",
    help="Load into and inspect the on-disk RDF store.",
    no_args_is_help=True,
)
app.add_typer(store_app, name="store")


@store_app.command()
@handle_errors
def load(
    directory: Path = typer.Argument(..., metavar="DIR", help="The store (created when missing)."),
    files: list[Path] = typer.Argument(..., metavar="FILE...", help="TriG or N-Quads files."),
    ontology: bool = typer.Option(
        True, "--ontology/--no-ontology", help="Also load kg.ttl into the default graph."
    ),
) -> None:
    """Load RDF files into a store, each file in one transaction.

    Example: kg store load out/store out/example.trig
    """
    from kg.sparql.store import Store

    with Store(directory) as store:
        for path in files:
            store.load(path)
            err.print(f"loaded {path}")
        if ontology:
            err.print(f"ontology: {store.load_ontology()} triples")


@store_app.command()
@handle_errors
def stats(
    directory: Path = typer.Argument(..., metavar="DIR", help="The store directory."),
) -> None:
    """Count the articles, entities and facts (by predicate) in a store.

    Example: kg store stats out/store
    """
    from rich.table import Table

    from kg.sparql.store import Store

    with Store(directory, create=False) as store:
        numbers = store.stats()
    table = Table(title=f"kg store {directory}", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(numbers.articles))
    table.add_row("entities", str(numbers.entities))
    table.add_row("facts", str(numbers.facts))
    for predicate, count in numbers.by_predicate.items():
        table.add_row(f"  {predicate.rsplit('#', 1)[-1]}", str(count))
    table.add_row("named graphs", str(numbers.graphs))
    table.add_row("quads", str(numbers.quads))
    out.print(table)


@store_app.command()
@handle_errors
def entities(
    directory: Path = typer.Argument(..., metavar="DIR", help="The store directory."),
    etype: str | None = typer.Option(
        None, "--type", help="Only Person, Organization, Place or Event."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many rows."),
    explain: bool = typer.Option(
        False, "--explain", help="List the articles of each entity and the merge rule."
    ),
) -> None:
    """List the entities of a store with the number of articles that mention them.

    Example: kg store entities out/store --type Person --explain
    """
    from rich.table import Table

    from kg.sparql.store import Store

    with Store(directory, create=False) as store:
        rows = store.entities(etype, limit)
    table = Table(title=f"entities in {directory}", header_style="bold")
    for column in ("entity", "type", "wikidata", "articles"):
        table.add_column(column, justify="right" if column == "articles" else "left")
    if explain:
        table.add_column("merged because")
        table.add_column("articles (ids)", overflow="fold")
    for row in rows:
        cells = [row.label, row.type, row.qid or "", str(len(row.articles))]
        if explain:
            cells += [row.rule, " ".join(a.rsplit("/", 1)[-1] for a in row.articles)]
        table.add_row(*cells)
    out.print(table)
