"""``kg build``: run the pipeline on articles."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from kg.cli.common import ARTICLES, app, err, fail, handle_errors, labelled
from kg.errors import ConfigError, InputError
from kg.model import Article

__all__ = ["build"]


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


def _count(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, when cheap to know (for the ETA)."""
    from kg.ingest import expand_inputs

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


def _sink(dest: str, fmt: str, store: Path | None, base: str | None, force: bool):
    from kg.corpus import DatasetFileSink, QuadFileSink, StoreSink

    if store is not None:
        return StoreSink(store, base=base, force=force)
    if fmt in ("nquads", "ntriples"):
        return QuadFileSink(dest, triples=fmt == "ntriples", force=force)
    return DatasetFileSink(dest, fmt, force=force)


@contextmanager
def _executor(address: str | None, shards: Path | None, config):
    """A Dask executor for run_build, or None for local workers."""
    if address is None:
        yield None
        return
    from kg.distributed import connect, extract_outputs_dask

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


@app.command()
@handle_errors
def build(
    inputs: list[str] = ARTICLES,
    output: str | None = typer.Option(
        None, "-o", "--output", help="Output file ('-' for stdout, the default)."
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="ttl, trig, nq, nt or jsonld (default: from -o, else ttl)."
    ),
    store: Path | None = typer.Option(
        None, "--store", help="Write into this on-disk store instead of a file."
    ),
    lang: str = typer.Option("fr", "--lang", help="Language of the articles."),
    base: str | None = typer.Option(None, "--base", help="Base IRI of the data."),
    link: bool = typer.Option(True, "--link/--no-link", help="Link entities to Wikidata."),
    endpoint: str | None = typer.Option(
        None, "--endpoint", help="Wikidata SPARQL endpoint for live linking (default: offline)."
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-j",
        min=1,
        help="Worker processes (default: the cores, 1 for one file).",
    ),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per NLP batch."),
    force: bool = typer.Option(
        False,
        "--force",
        help="Overwrite the output file; with --store, rebuild unchanged articles.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first bad article."),
    summary: bool = typer.Option(False, "--summary", help="Print a summary table on stderr."),
    dask: str | None = typer.Option(
        None, "--dask", help="Build on a Dask cluster: tcp://HOST:PORT, or local:N."
    ),
    shards: Path | None = typer.Option(
        None, "--shards", help="Shard directory for --dask (shared with the workers)."
    ),
) -> None:
    """Build an RDF graph from French news articles.

    Bad articles among several are reported and skipped, and the exit code is
    then 1; with one article, or --strict, the first error stops the run and
    nothing is written. With --store, unchanged articles are skipped and each
    changed one replaces its named graph in one transaction.

    Example: kg build examples/sommet-helsinki.txt -o out/example.trig --force
    """
    from kg.corpus import BuildConfig, WorkerPool, run_build
    from kg.export import format_from_path, resolve_format
    from kg.pipeline import Pipeline

    dest = output or "-"
    if store is not None and output is not None:
        raise ConfigError("give either -o/--output or --store, not both")
    fmt_name = resolve_format(fmt) if fmt else (format_from_path(dest) if dest != "-" else None)
    fmt_name = fmt_name or "turtle"
    many = len(inputs) > 1 or any(Path(i).is_dir() or i == "-" or "*" in i for i in inputs)
    jobs = workers or ((os.cpu_count() or 1) if many else 1)
    config = BuildConfig(lang=lang, link=link, endpoint=endpoint, base=base, batch_size=batch_size)
    Pipeline(lang=lang, link=link)  # an unsupported language fails before any work
    # Workers are forked before any thread (progress bar) starts or store opens.
    with WorkerPool(config, jobs if dask is None else 1) as pool:
        sink = _sink(dest, fmt_name, store, base, force)
        started = time.monotonic()
        with (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed} articles"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=err,
                disable=not many,
                transient=True,
            ) as progress,
            _executor(dask, shards, config) as executor,
        ):
            task = progress.add_task("building", total=_count(inputs) if many else None, rate="")

            def on_article(item) -> None:
                if isinstance(item, str):
                    if not item.endswith(": unchanged"):
                        err.print(labelled("skipped:", "yellow", item), soft_wrap=True)
                elif item.error is not None:
                    err.print(labelled("skipped:", "yellow", item.error), soft_wrap=True)
                done = progress.tasks[0].completed + 1
                elapsed = max(time.monotonic() - started, 1e-6)
                progress.update(task, advance=1, rate=f"{done / elapsed:.1f} articles/s")

            report = run_build(
                _articles(inputs, lang),
                sink,
                config,
                strict=strict or not many,
                on_article=on_article,
                executor=executor or pool.outputs,
            )
    if summary or many:
        err.print(_summary(report, time.monotonic() - started))
    if report.unchanged:
        err.print(f"{report.unchanged} article(s) unchanged, skipped (use --force to rebuild)")
    if report.failed:
        raise fail(f"{len(report.failed)} article(s) skipped")
    if report.built == 0 and report.unchanged == 0:
        raise InputError("no article could be built")
