"""One built article as data: the configuration every worker shares, and an
article's sorted N-Quads in its own named graph with counts for the summary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.graph import DEFAULT_BASE, article_triples, graph_iri
from kg.model import Extraction
from kg.rdf.terms import ntriples_term

__all__ = ["ArticleOutput", "BuildConfig", "to_output"]


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


def to_output(extraction: Extraction, base: str | None = None) -> ArticleOutput:
    """Turn an extraction into sorted N-Quads in the article's named graph."""
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
