"""Build articles in this process or in worker processes, results in input order.

Articles are processed in batches, in this process (``workers=1``) or in a
pool of worker processes, each loading the spaCy model once; results come
back in input order, so the output does not depend on the number of
workers. At most a few batches are in flight at once, so memory does not
grow with the size of the corpus.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain

from kg.build.outputs import ArticleOutput, BuildConfig, to_output
from kg.build.tuning import share_before_fork, tune_process
from kg.errors import InputError, KGError
from kg.model import Article, Extraction
from kg.nlp import check_language
from kg.pipeline import Pipeline

__all__ = [
    "WorkerPool",
    "batches",
    "extract_outputs",
    "process_batch",
    "process_stream",
]


_WORKER: dict[str, object] = {}


def _pipeline(config: BuildConfig):
    """The pipeline of this process, built once per configuration."""
    key = repr(config)
    if key not in _WORKER:
        _WORKER.clear()
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
                share_before_fork()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = context.Pool(workers, initializer=tune_process)

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
