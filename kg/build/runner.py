"""Build many articles into a sink and count what happened.

:func:`run_build` reads the articles, asks the sink which ones need building
(a store skips the unchanged), builds them (:mod:`kg.build.pool`, or an
executor such as Dask), hands each output to the sink in input order, and
reports each article as a typed event: :class:`Built`, :class:`Skipped` or
:class:`Unchanged`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kg.build.outputs import ArticleOutput, BuildConfig
from kg.build.pool import extract_outputs
from kg.build.sinks import Sink
from kg.errors import InputError
from kg.model import Article

__all__ = ["BuildEvent", "BuildReport", "Built", "Skipped", "Unchanged", "run_build"]


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

    def count(self, output: ArticleOutput) -> None:
        """Add one built article to the counts."""
        self.built += 1
        self.quads += output.nquads.count(b"\n")
        self.entity_types.update(dict(output.entity_types))
        self.predicates.update(dict(output.predicates))
        if output.entity_types and not output.predicates:
            self.no_facts += 1


@dataclass(frozen=True, slots=True)
class Built:
    """An article built and handed to the sink."""

    output: ArticleOutput


@dataclass(frozen=True, slots=True)
class Skipped:
    """An article that could not be read or built; ``message`` says why."""

    message: str


@dataclass(frozen=True, slots=True)
class Unchanged:
    """An article the sink already holds unchanged, so not built."""

    article_id: str


#: What :func:`run_build` reports after each article.
BuildEvent = Built | Skipped | Unchanged


def _wanted(
    items: Iterable[Article | InputError],
    sink: Sink,
    report: BuildReport,
    strict: bool,
    tell: Callable[[BuildEvent], None],
) -> Iterator[Article]:
    """The articles the sink needs, counting and reporting the others."""
    for item in items:
        report.read += 1
        if isinstance(item, InputError):
            if strict:
                raise item
            report.failed.append(str(item))
            tell(Skipped(str(item)))
        elif sink.wants(item):
            yield item
        else:
            report.unchanged += 1
            tell(Unchanged(item.id))


def run_build(
    items: Iterable[Article | InputError],
    sink: Sink,
    config: BuildConfig,
    workers: int = 1,
    strict: bool = False,
    on_article: Callable[[BuildEvent], None] | None = None,
    executor: Callable[[Iterable[Article]], Iterator[ArticleOutput]] | None = None,
) -> BuildReport:
    """Build articles into a sink and report what happened.

    Args:
        items: articles, and the input errors met while reading them.
        sink: where built articles go.
        config: how to build them.
        workers: worker processes.
        strict: stop at the first bad article (raise) instead of skipping it.
        on_article: told about each article with a :data:`BuildEvent`.
        executor: builds the articles instead of local workers (e.g. on Dask).

    Returns:
        The counts of the run. The sink is closed: kept when the run ended
        with at least one article built, abandoned (no file written) when it
        raised or built nothing.
    """
    report = BuildReport()

    def tell(event: BuildEvent) -> None:
        if on_article is not None:
            on_article(event)

    build = executor or (lambda articles: extract_outputs(articles, config, workers))
    ok = False
    try:
        for output in build(_wanted(items, sink, report, strict, tell)):
            if output.error is not None:
                if strict:
                    raise InputError(output.error, output.source)
                report.failed.append(output.error)
                tell(Skipped(output.error))
            else:
                sink.add(output)
                report.count(output)
                tell(Built(output))
        ok = report.built > 0
    finally:
        sink.close(ok)
    return report
