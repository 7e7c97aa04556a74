"""``kg build``: run the pipeline on articles."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from kg.cli.common import (
    ARTICLES,
    LANG,
    LINK,
    OUTPUT,
    app,
    destination,
    err,
    fail,
    format_option,
    handle_errors,
    labelled,
    tune_for_nlp,
)
from kg.errors import ConfigError, InputError
from kg.model import Article

if TYPE_CHECKING:
    from kg.build.outputs import BuildConfig
    from kg.build.runner import BuildEvent

__all__ = ["build"]


def _count(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, when cheap to know (for the ETA)."""
    from kg.discover import expand_inputs

    total = 0
    try:
        for item in expand_inputs(inputs):
            if item == "-" or str(item).endswith(".gz"):
                return None
            path = Path(item)
            if path.suffix.lower() in (".jsonl", ".ndjson"):
                with path.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            elif path.suffix.lower() == ".json":
                return None
            else:
                total += 1
    except (OSError, InputError):
        return None
    return total


def _summary(report, seconds: float) -> Table:
    table = Table(title="kg build", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles read", str(report.read))
    table.add_row("articles built", str(report.built))
    table.add_row("articles unchanged (skipped)", str(report.unchanged))
    table.add_row("articles failed (skipped)", str(len(report.failed)))
    for name, count in sorted(report.entity_types.items()):
        table.add_row(f"entities: {name}", str(count))
    for name, count in sorted(report.predicates.items()):
        table.add_row(f"facts: {name}", str(count))
    table.add_row("facts (all)", str(sum(report.predicates.values())))
    table.add_row("quads", str(report.quads))
    table.add_row("seconds", f"{seconds:.1f}")
    return table


def _count_of(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _one_line(report, seconds: float, where: str) -> str:
    """What a run of one article did, in one line."""
    return (
        f"built {_count_of(report.built, 'article', 'articles')}: "
        f"{_count_of(sum(report.entity_types.values()), 'entity', 'entities')}, "
        f"{_count_of(sum(report.predicates.values()), 'fact', 'facts')} -> {where} "
        f"({seconds:.1f} s)"
    )


def _report(report, seconds: float, table: bool, where: str) -> None:
    """The summary of a run on stderr: a table, or one line for one article."""
    if table or report.read > 1:
        err.print(_summary(report, seconds))
    elif report.built:
        err.print(_one_line(report, seconds, where), markup=False, soft_wrap=True)
    if report.no_facts:
        err.print(
            f"note: {_count_of(report.no_facts, 'article', 'articles')} gave entities but no fact",
            markup=False,
        )


def _anything_to_build(inputs: list[str], lang: str, store: Path, base: str | None) -> bool:
    """False when every article is already in the store unchanged, so that a
    re-run neither loads the model nor starts workers. Standard input cannot
    be read twice: it always counts as something to build."""
    from kg.graph import DEFAULT_BASE, article_iri
    from kg.ingest import read_inputs
    from kg.sparql.store import Store, is_store

    if "-" in inputs or not is_store(store):
        return True
    with Store(store, create=False) as opened:
        return any(
            isinstance(item, Article)
            and not opened.has_article(str(article_iri(item.id, base or DEFAULT_BASE)), item.sha256)
            for item in read_inputs(inputs, lang)
        )


def _sink(dest: str, fmt: str, store: Path | None, base: str | None, force: bool):
    from kg.build.sinks import DatasetFileSink, QuadFileSink, StoreSink
    from kg.rdf.formats import get_format

    if store is not None:
        return StoreSink(store, base=base, force=force)
    if get_format(fmt).streamable:
        return QuadFileSink(destination(dest), triples=not get_format(fmt).quads, force=force)
    return DatasetFileSink(destination(dest), fmt, force=force)


@contextmanager
def _executor(address: str | None, shards: Path | None, config):
    """A Dask executor for run_build, or None for local workers."""
    if address is None:
        yield None
        return
    from kg.build.dask import connect, extract_outputs_dask

    client = connect(address)
    try:
        with tempfile.TemporaryDirectory(prefix="kg-shards-") as tmp:
            shard_dir = shards or Path(tmp)
            yield lambda articles: extract_outputs_dask(articles, config, client, shard_dir)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and address.startswith("local:"):
            cluster.close()


def _many(inputs: list[str]) -> bool:
    """True when the inputs may hold several articles (records, folders, globs, stdin)."""
    from kg.discover import ARTICLE_SUFFIXES

    records = tuple(s for s in ARTICLE_SUFFIXES if s != ".txt")
    return len(inputs) > 1 or any(
        Path(i).is_dir() or i == "-" or "*" in i or i.lower().removesuffix(".gz").endswith(records)
        for i in inputs
    )


def _progress(many: bool) -> Progress:
    """The progress bar on stderr, shown only for several articles."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not many,
        transient=True,
    )


def _ticker(progress: Progress, task: TaskID) -> Callable[[BuildEvent], None]:
    """What the build tells after each article: a skipped article's reason,
    and one more article on the progress bar with the rate so far."""
    from kg.build.runner import Skipped

    started = time.monotonic()

    def on_article(event: BuildEvent) -> None:
        if isinstance(event, Skipped):
            err.print(labelled("skipped:", "yellow", event.message), soft_wrap=True)
        done = progress.tasks[0].completed + 1
        elapsed = max(time.monotonic() - started, 1e-6)
        progress.update(task, advance=1, rate=f"{done / elapsed:.1f} articles/s")

    return on_article


def _conclude(report, seconds: float, summary: bool, where: str) -> None:
    """Report the run on stderr; fail (exit 1) when articles were skipped or none built."""
    _report(report, seconds, summary, where)
    if report.unchanged:
        err.print(f"{report.unchanged} article(s) unchanged, skipped (use --force to rebuild)")
    if report.failed:
        raise fail(f"{len(report.failed)} article(s) skipped")
    if report.built == 0 and report.unchanged == 0:
        raise InputError("no article could be built")


_STORE = typer.Option(None, "--store", help="Write into this on-disk store instead of a file.")
_BASE = typer.Option(None, "--base", help="Base IRI of the data.")
_ENDPOINT = typer.Option(
    None, "--endpoint", help="Wikidata SPARQL endpoint for live linking (default: offline)."
)
_WORKERS = typer.Option(
    None, "--workers", "-j", min=1, help="Worker processes (default: the cores, 1 for one file)."
)
_BATCH_SIZE = typer.Option(16, "--batch-size", min=1, help="Articles per NLP batch.")
_FORCE = typer.Option(
    False, "--force", help="Overwrite the output file; with --store, rebuild unchanged articles."
)
_STRICT = typer.Option(False, "--strict", help="Stop at the first bad article.")
_SUMMARY = typer.Option(False, "--summary", help="Print a summary table on stderr.")
_DASK = typer.Option(None, "--dask", help="Build on a Dask cluster: tcp://HOST:PORT, or local:N.")
_SHARDS = typer.Option(
    None, "--shards", help="Shard directory for --dask (shared with the workers)."
)
_CATALOGUES = typer.Option(
    [], "--catalogue", help="More catalogue files (kg link --save-catalogue) for linking."
)


def _output_format(fmt: str | None, dest: str, store: Path | None) -> str:
    """The format to write: --format, else -o's extension, else Turtle."""
    from kg.rdf.formats import format_from_path, resolve_format

    if store is not None and dest != "-":
        raise ConfigError("give either -o/--output or --store, not both")
    found = resolve_format(fmt) if fmt else (format_from_path(dest) if dest != "-" else None)
    return found or "turtle"


def _config(
    lang: str,
    link: bool,
    endpoint: str | None,
    base: str | None,
    batch_size: int,
    catalogues: list[Path],
) -> BuildConfig:
    """The build's configuration, checked before any work: the language and
    the extra catalogue files."""
    from kg.build.outputs import BuildConfig
    from kg.lang import language_config
    from kg.pipeline import Pipeline

    language_config(lang)
    extra = tuple(str(path) for path in catalogues)
    if extra and link:
        _ = Pipeline(lang=lang, link=link, catalogues=extra).linker
    return BuildConfig(
        lang=lang, link=link, endpoint=endpoint, base=base, batch_size=batch_size, catalogues=extra
    )


def _where(output: str, store: Path | None) -> str:
    """Where the graph went, as the summary says it."""
    return f"store {store}" if store is not None else ("stdout" if output == "-" else output)


def _jobs(workers: int | None, many: bool) -> int:
    """How many worker processes: --workers, else one a core for several articles."""
    return workers or ((os.cpu_count() or 1) if many else 1)


@app.command()
@handle_errors
def build(
    inputs: list[str] = ARTICLES,
    output: str = OUTPUT,
    fmt: str | None = format_option(
        None, "ttl, trig, nq, nt or jsonld (default: from -o, else ttl)."
    ),
    store: Path | None = _STORE,
    lang: str = LANG,
    base: str | None = _BASE,
    link: bool = LINK,
    endpoint: str | None = _ENDPOINT,
    workers: int | None = _WORKERS,
    batch_size: int = _BATCH_SIZE,
    force: bool = _FORCE,
    strict: bool = _STRICT,
    summary: bool = _SUMMARY,
    dask: str | None = _DASK,
    shards: Path | None = _SHARDS,
    catalogues: list[Path] = _CATALOGUES,
) -> None:
    """Build an RDF graph from French news articles.

    Bad articles among several are reported and skipped, and the exit code is
    then 1; with one article, or --strict, the first error stops the run and
    nothing is written. With --store, unchanged articles are skipped and each
    changed one replaces its named graph in one transaction.

    Example: kg build examples/sommet-helsinki.txt -o out/example.trig --force
    """
    tune_for_nlp()
    from kg.build.pool import WorkerPool
    from kg.build.runner import run_build
    from kg.ingest import read_inputs

    fmt_name = _output_format(fmt, output, store)
    many = _many(inputs)
    config = _config(lang, link, endpoint, base, batch_size, catalogues)
    needed = store is None or force or _anything_to_build(inputs, lang, store, base)
    jobs = _jobs(workers, many) if needed else 1
    # Workers are forked before any thread (progress bar) starts or store opens.
    with WorkerPool(config, jobs if dask is None else 1) as pool:
        sink = _sink(output, fmt_name, store, base, force)
        started = time.monotonic()
        with (
            _progress(many) as progress,
            _executor(dask if needed else None, shards, config) as executor,
        ):
            total = _count(inputs) if many else None
            report = run_build(
                read_inputs(inputs, lang, sys.stdin.buffer if "-" in inputs else None),
                sink,
                config,
                strict=strict or not many,
                on_article=_ticker(progress, progress.add_task("building", total=total, rate="")),
                executor=executor or pool.outputs,
            )
    if report.read == 0:
        raise InputError(f"no articles found in {' '.join(inputs)}")
    _conclude(report, time.monotonic() - started, summary, _where(output, store))
