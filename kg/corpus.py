"""Building many articles: batches, worker processes, and where the quads go.

Each article becomes an :class:`ArticleOutput`: its N-Quads, sorted, in its
own named graph, plus counts for the summary. Articles are processed in
batches, in this process (``workers=1``) or in a pool of worker processes,
each loading the spaCy model once; results come back in input order, so the
output does not depend on the number of workers. At most a few batches are
in flight at once, so memory does not grow with the size of the corpus.

Sinks receive the outputs in order and are the only writers:

* :class:`QuadFileSink` streams N-Quads / N-Triples into a temporary file that
  is renamed into place when the run ends (nothing half-written);
* :class:`DatasetFileSink` gathers an rdflib Dataset for Turtle, TriG and
  JSON-LD (formats that need the whole graph);
* :class:`StoreSink` replaces each article's named graph in the pyoxigraph
  store in one transaction and skips articles stored with the same sha256.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Protocol

from kg.errors import ConfigError, InputError, KGError
from kg.model import Article, Extraction

__all__ = [
    "ArticleOutput",
    "BuildConfig",
    "BuildReport",
    "DatasetFileSink",
    "QuadFileSink",
    "Sink",
    "StoreSink",
    "WorkerPool",
    "batches",
    "extract_outputs",
    "process_batch",
    "process_stream",
    "run_build",
    "to_output",
]


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """What every worker needs to build articles the same way."""

    lang: str = "fr"
    link: bool = True
    endpoint: str | None = None
    base: str | None = None
    batch_size: int = 16
    catalogues: tuple[str, ...] = ()  # catalogue files read with the shipped one


@dataclass(frozen=True, slots=True)
class ArticleOutput:
    """One built article (or the reason it failed).

    Attributes:
        article_id, sha256, source: identify the article.
        nquads: its quads as sorted N-Quads lines in its named graph.
        entity_types: entity counts by type name.
        predicates: fact counts by predicate.
        error: the message when the article failed, else None.
    """

    article_id: str
    sha256: str
    source: str | None
    nquads: bytes = b""
    entity_types: tuple[tuple[str, int], ...] = ()
    predicates: tuple[tuple[str, int], ...] = ()
    error: str | None = None


@dataclass(slots=True)
class BuildReport:
    """The summary of a run."""

    read: int = 0
    built: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)
    entity_types: Counter = field(default_factory=Counter)
    predicates: Counter = field(default_factory=Counter)
    quads: int = 0
    no_facts: int = 0


def to_output(extraction: Extraction, base: str | None = None) -> ArticleOutput:
    """Turn an extraction into sorted N-Quads in the article's named graph."""
    from kg.graph import DEFAULT_BASE, article_triples, graph_iri
    from kg.store import ntriples_term

    base = base or DEFAULT_BASE
    article = extraction.article
    graph = ntriples_term(graph_iri(article.id, base))
    lines = {
        f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} {graph} .\n"
        for s, p, o in article_triples(extraction, base)
    }
    return ArticleOutput(
        article_id=article.id,
        sha256=article.sha256,
        source=article.source,
        nquads="".join(sorted(lines)).encode("utf-8"),
        entity_types=tuple(sorted(Counter(e.type.value for e in extraction.entities).items())),
        predicates=tuple(sorted(Counter(f.predicate for f in extraction.facts).items())),
    )


_WORKER: dict[str, object] = {}


def _pipeline(config: BuildConfig):
    """The pipeline of this process, built once per configuration. A process
    that builds keeps the memory it frees between batches (see kg.allocator)."""
    from kg.allocator import keep_freed_memory
    from kg.pipeline import Pipeline

    key = repr(config)
    if key not in _WORKER:
        _WORKER.clear()
        keep_freed_memory()
        _WORKER[key] = Pipeline(
            lang=config.lang,
            link=config.link,
            offline=config.endpoint is None,
            endpoint=config.endpoint,
            batch_size=config.batch_size,
            catalogues=config.catalogues,
        )
    return _WORKER[key]


def process_stream(articles: Iterable[Article], config: BuildConfig) -> Iterator[ArticleOutput]:
    """Build articles in this process, in input order, as one stream through
    ``nlp.pipe``, so spaCy's batches stay full even where articles are refused.
    An article that fails the language check is reported, not raised, in its
    place. The pipeline (the spaCy model) is loaded only if an article needs it.
    """
    # In input order: the output of a refused article, or None for one sent to
    # the NLP, which reads ahead by a batch.
    queue: deque[ArticleOutput | None] = deque()

    def accepted() -> Iterator[Article]:
        for article in articles:
            try:
                _check_article_language(article, config.lang)
            except KGError as exc:
                queue.append(
                    ArticleOutput(article.id, article.sha256, article.source, error=str(exc))
                )
                continue
            queue.append(None)
            yield article

    def extractions() -> Iterator[Extraction]:
        todo = accepted()
        first = next(todo, None)
        if first is not None:  # the model is loaded only when an article needs it
            yield from _pipeline(config).extract_many(chain([first], todo), check=False)

    for extraction in extractions():
        while queue[0] is not None:
            yield queue.popleft()
        queue.popleft()
        yield to_output(extraction, config.base)
    while queue:
        refused = queue.popleft()
        assert refused is not None
        yield refused


def _check_article_language(article: Article, lang: str) -> None:
    """Refuse an article whose record names another language, or whose words do."""
    from kg.nlp import check_language

    if article.language != lang:
        where = article.source or article.id
        raise InputError(
            f"{where}: the record says language '{article.language}', but this run builds "
            f"'{lang}' (--lang)",
            where,
        )
    check_language(article, lang)


def process_batch(articles: list[Article], config: BuildConfig) -> list[ArticleOutput]:
    """Build a batch of articles (see :func:`process_stream`)."""
    return list(process_stream(articles, config))


def batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Cut articles into lists of ``size`` (the last may be shorter), lazily."""
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class WorkerPool:
    """Worker processes that build batches of articles, the model loaded once.

    Where the platform can fork, the pipeline is loaded in this process first
    and the workers are forked from it, so they start at once and share the
    model's memory; elsewhere each worker is spawned and loads its own. Create
    the pool before starting threads (progress bars) or opening stores.

    Args:
        config: how to build articles.
        workers: the number of worker processes (at least 2; 1 means none).
    """

    def __init__(self, config: BuildConfig, workers: int) -> None:
        self.config = config
        self.workers = workers
        self._pool = None
        if workers > 1:
            methods = multiprocessing.get_all_start_methods()
            if "fork" in methods:
                _pipeline(config).warm()
                # Frozen, the model's objects are not walked by the workers'
                # collections, so their memory pages stay shared (Python's
                # advice for fork without exec).
                gc.freeze()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = context.Pool(workers)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def outputs(self, articles: Iterable[Article]) -> Iterator[ArticleOutput]:
        """Build articles, yielding outputs in input order; at most two batches
        per worker are in flight, so memory does not grow with the corpus."""
        if self._pool is None:
            yield from process_stream(articles, self.config)
            return
        parts = batches(articles, self.config.batch_size)
        pending: deque = deque()
        for batch in parts:
            pending.append(self._pool.apply_async(process_batch, (batch, self.config)))
            if len(pending) >= 2 * self.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def extract_outputs(
    articles: Iterable[Article], config: BuildConfig, workers: int = 1
) -> Iterator[ArticleOutput]:
    """Build articles, in this process or in ``workers`` processes, in input order.

    Args:
        articles: the articles, read lazily.
        config: how to build them.
        workers: the number of processes (1: this one).

    Yields:
        One output per article, in input order.
    """
    with WorkerPool(config, workers) as pool:
        yield from pool.outputs(articles)


class Sink(Protocol):
    """Where built articles go."""

    def wants(self, article: Article) -> bool:
        """False when the article need not be built (already stored, unchanged)."""

    def add(self, output: ArticleOutput) -> None:
        """Write one built article."""

    def close(self, ok: bool) -> None:
        """Finish (ok) or abandon (not ok) the output."""


class QuadFileSink:
    """Streams N-Quads (or N-Triples, dropping graph names) to a file or stdout.

    Args:
        dest: a path (written atomically), or ``-`` for standard output.
        triples: write N-Triples (the union of the article graphs).
        force: replace an existing file.
    """

    def __init__(self, dest: str, triples: bool = False, force: bool = False) -> None:
        from kg.export import AtomicFile

        self.triples = triples
        self._file = None if dest == "-" else AtomicFile(dest, force)

    def wants(self, article: Article) -> bool:
        return True

    def add(self, output: ArticleOutput) -> None:
        data = output.nquads
        if self.triples:
            data = b"".join(_drop_graph(line) for line in data.splitlines(keepends=True))
        if self._file is None:
            sys.stdout.buffer.write(data)
        else:
            self._file.write(data)

    def close(self, ok: bool) -> None:
        if self._file is None:
            sys.stdout.buffer.flush()
        elif ok:
            self._file.commit()
        else:
            self._file.abort()


def _drop_graph(line: bytes) -> bytes:
    """An N-Quads line without its graph name (the last term before the dot)."""
    body = line.rstrip()[:-1].rstrip()
    return body[: body.rfind(b" <")] + b" .\n"


class DatasetFileSink:
    """Gathers the articles into an rdflib Dataset, written atomically at the end."""

    def __init__(self, dest: str, fmt: str, force: bool = False) -> None:
        from rdflib import Dataset

        if dest != "-" and Path(dest).exists() and not force:
            raise ConfigError(f"{dest} already exists; use --force to overwrite it")
        self.dest, self.fmt, self.force = dest, fmt, force
        self.dataset = Dataset()

    def wants(self, article: Article) -> bool:
        return True

    def add(self, output: ArticleOutput) -> None:
        self.dataset.parse(data=output.nquads, format="nquads")

    def close(self, ok: bool) -> None:
        from kg.export import write
        from kg.graph import bind_prefixes

        if ok:
            bind_prefixes(self.dataset)
            write(self.dataset, self.dest, self.fmt, force=self.force)


class StoreSink:
    """Writes each article's graph into the store, one transaction per article.

    Args:
        path: the store directory (created when missing).
        base: the data base IRI (for article IRIs).
        force: rebuild articles even when stored unchanged.
    """

    def __init__(self, path: Path, base: str | None = None, force: bool = False) -> None:
        from kg.graph import DEFAULT_BASE
        from kg.store import Store

        self.store = Store(path)
        self.store.load_ontology()
        self.base = base or DEFAULT_BASE
        self.force = force

    def wants(self, article: Article) -> bool:
        from kg.graph import article_iri

        if self.force:
            return True
        return not self.store.has_article(str(article_iri(article.id, self.base)), article.sha256)

    def add(self, output: ArticleOutput) -> None:
        from kg.graph import graph_iri

        triples = b"".join(_drop_graph(line) for line in output.nquads.splitlines(keepends=True))
        self.store.replace_article_ntriples(
            str(graph_iri(output.article_id, self.base)), triples.decode("utf-8")
        )

    def close(self, ok: bool) -> None:
        self.store.close()


def run_build(
    items: Iterable[Article | InputError],
    sink: Sink,
    config: BuildConfig,
    workers: int = 1,
    strict: bool = False,
    on_article: Callable[[ArticleOutput | str], None] | None = None,
    executor: Callable[[Iterable[Article]], Iterator[ArticleOutput]] | None = None,
) -> BuildReport:
    """Build articles into a sink and report what happened.

    Args:
        items: articles, and the input errors met while reading them.
        sink: where built articles go.
        config: how to build them.
        workers: worker processes.
        strict: stop at the first bad article (raise) instead of skipping it.
        on_article: called after each article (an output, or a skip message).
        executor: builds the articles instead of local workers (e.g. on Dask).

    Returns:
        The counts of the run. The sink is closed: kept when the run ended
        with at least one article built, abandoned (no file written) when it
        raised or built nothing.
    """
    report = BuildReport()

    def wanted() -> Iterator[Article]:
        for item in items:
            report.read += 1
            if isinstance(item, InputError):
                if strict:
                    raise item
                report.failed.append(str(item))
                if on_article:
                    on_article(str(item))
                continue
            if sink.wants(item):
                yield item
            else:
                report.unchanged += 1
                if on_article:
                    on_article(f"{item.id}: unchanged")

    ok = False
    try:
        outputs = (executor or (lambda a: extract_outputs(a, config, workers)))(wanted())
        for output in outputs:
            if output.error is not None:
                if strict:
                    raise InputError(output.error, output.source)
                report.failed.append(output.error)
            else:
                sink.add(output)
                report.built += 1
                report.quads += output.nquads.count(b"\n")
                report.entity_types.update(dict(output.entity_types))
                report.predicates.update(dict(output.predicates))
                if output.entity_types and not output.predicates:
                    report.no_facts += 1
            if on_article:
                on_article(output)
        ok = report.built > 0
    finally:
        sink.close(ok)
    return report
