"""``kg build`` and ``kg show``: run the pipeline on articles."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from kg.cli.common import app, err, fail, handle_errors, out
from kg.errors import ConfigError, InputError, KGError
from kg.model import Article, Extraction

__all__ = ["build", "show"]


def _articles(inputs: list[str], lang: str) -> Iterator[Article | InputError]:
    """Articles from files, directories, globs and stdin; errors are yielded, not raised."""
    from kg.ingest import expand_inputs, read_path, read_stdin

    for item in expand_inputs(inputs):
        try:
            if item == "-":
                yield from read_stdin(sys.stdin.buffer.read(), lang)
            else:
                yield from read_path(Path(item), lang)
        except InputError as exc:
            yield exc


def _summary(extractions: list[Extraction], skipped: int, seconds: float) -> Table:
    types = Counter(e.type.value for x in extractions for e in x.entities)
    preds = Counter(f.predicate for x in extractions for f in x.facts)
    table = Table(title="kg build", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles built", str(len(extractions)))
    if skipped:
        table.add_row("articles skipped", str(skipped))
    for name, count in sorted(types.items()):
        table.add_row(f"entities: {name}", str(count))
    for name, count in sorted(preds.items()):
        table.add_row(f"facts: {name}", str(count))
    table.add_row("facts (all)", str(sum(preds.values())))
    table.add_row("seconds", f"{seconds:.1f}")
    return table


@app.command()
@handle_errors
def build(
    inputs: list[str] = typer.Argument(
        ...,
        metavar="FILE...",
        help="Articles: .txt, .json/.jsonl, directories, globs, or - for stdin.",
    ),
    output: str | None = typer.Option(
        None, "-o", "--output", help="Output file ('-' for stdout, the default)."
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="ttl, trig, nq, nt or jsonld (default: from -o, else ttl)."
    ),
    lang: str = typer.Option("fr", "--lang", help="Language of the articles."),
    base: str | None = typer.Option(None, "--base", help="Base IRI of the data."),
    link: bool = typer.Option(True, "--link/--no-link", help="Link entities to Wikidata."),
    endpoint: str | None = typer.Option(
        None, "--endpoint", help="Wikidata SPARQL endpoint for live linking (default: offline)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first bad article."),
    summary: bool = typer.Option(False, "--summary", help="Print a summary table on stderr."),
) -> None:
    """Build an RDF graph from French news articles.

    Bad articles among several are reported and skipped (the exit code is
    then 1); with one article, or --strict, the first error stops the run and
    nothing is written.

    Example: kg build examples/sommet-helsinki.txt -o out/example.ttl --force
    """
    from kg.export import format_from_path, resolve_format, write
    from kg.graph import DEFAULT_BASE, build_dataset
    from kg.pipeline import Pipeline

    dest = output or "-"
    fmt_name = resolve_format(fmt) if fmt else (format_from_path(dest) if dest != "-" else None)
    fmt_name = fmt_name or "turtle"
    if dest != "-" and Path(dest).exists() and not force:
        raise ConfigError(f"{dest} already exists; use --force to overwrite it")
    pipeline = Pipeline(lang=lang, link=link, offline=endpoint is None, endpoint=endpoint)
    extractions: list[Extraction] = []
    problems: list[str] = []
    started = time.monotonic()
    many = len(inputs) > 1 or any(Path(i).is_dir() or i == "-" for i in inputs)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not many,
        transient=True,
    ) as progress:
        task = progress.add_task("building", total=None)
        for item in _articles(inputs, lang):
            if isinstance(item, InputError):
                if strict or not many:
                    raise item
                problems.append(str(item))
                err.print(f"[yellow]skipped:[/] {item}", soft_wrap=True)
                continue
            try:
                extractions.append(pipeline.extract(item))
            except KGError as exc:
                if strict or not many:
                    raise
                problems.append(str(exc))
                err.print(f"[yellow]skipped:[/] {exc}", soft_wrap=True)
            progress.advance(task)
    if not extractions:
        raise InputError("no article could be built")
    write(build_dataset(extractions, base or DEFAULT_BASE), dest, fmt_name, force=force)
    if summary:
        err.print(_summary(extractions, len(problems), time.monotonic() - started))
    if problems:
        raise fail(f"{len(problems)} article(s) skipped")


@app.command()
@handle_errors
def show(
    path: Path = typer.Argument(..., help="An article (.txt, .json, .jsonl)."),
    lang: str = typer.Option("fr", "--lang", help="Language of the article."),
    link: bool = typer.Option(True, "--link/--no-link", help="Link entities to Wikidata."),
) -> None:
    """Show the entities and facts found in an article, each with its sentence.

    Example: kg show examples/sommet-helsinki.txt
    """
    from kg.ingest import read_path
    from kg.pipeline import Pipeline

    pipeline = Pipeline(lang=lang, link=link)
    for extraction in pipeline.extract_many(read_path(path, lang)):
        names = {e.key: e.label for e in extraction.entities}
        entities = Table(title=f"entities of {extraction.article.id}", header_style="bold")
        for column in ("entity", "type", "wikidata", "mentions", "also called"):
            entities.add_column(column)
        for e in extraction.entities:
            entities.add_row(
                e.label, e.type.value, e.qid or "", str(len(e.mentions)), ", ".join(e.aliases)
            )
        out.print(entities)
        facts = Table(title=f"facts of {extraction.article.id}", header_style="bold")
        for column in ("subject", "predicate", "object", "qualifiers", "sentence"):
            facts.add_column(column, overflow="fold")
        for f in extraction.facts:
            qualifiers = [f"{f.polarity.value}", f"{f.modality.value}"]
            for name in ("place", "of", "source"):
                value = getattr(f, name)
                if value:
                    qualifiers.append(f"{name}={names.get(value, value)}")
            if f.time:
                qualifiers.append(f"time={f.time}")
            obj = names.get(f.object, f.object) if f.object else f'"{f.value}"'
            facts.add_row(
                names.get(f.subject, f.subject),
                f.predicate,
                obj or "",
                " ".join(qualifiers),
                f.provenance.sentence,
            )
        out.print(facts)
