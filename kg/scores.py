"""The records of a score: counts behind each ratio, shares, the explanation
of what went wrong, one file's scores and a report micro-averaged over files.

:mod:`kg.evaluate` fills them; :func:`combine` adds file scores (the counts
are summed over files, then the ratios computed). A ratio whose denominator
is zero is 0.0, and so is F1 when P + R = 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.gold import PREDICATES, GoldFact
from kg.model import Fact

__all__ = [
    "Counts",
    "Explain",
    "FileScore",
    "MissedFact",
    "QualifierMiss",
    "Report",
    "Share",
    "SpuriousFact",
    "WrongLink",
    "by_predicate",
    "combine",
]


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(frozen=True, slots=True)
class Counts:
    """Counts behind a precision/recall score.

    Attributes:
        found: gold items matched by a prediction.
        gold: gold items.
        correct: predicted items (in scope) matching a gold item.
        predicted: predicted items in scope.
    """

    found: int = 0
    gold: int = 0
    correct: int = 0
    predicted: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.found + other.found,
            self.gold + other.gold,
            self.correct + other.correct,
            self.predicted + other.predicted,
        )

    @property
    def tp(self) -> int:
        """Gold items found."""
        return self.found

    @property
    def fp(self) -> int:
        """Predicted items in scope that match nothing."""
        return self.predicted - self.correct

    @property
    def fn(self) -> int:
        """Gold items not found."""
        return self.gold - self.found

    @property
    def p(self) -> float:
        """Precision: correct / predicted, 0.0 when nothing was predicted."""
        return _ratio(self.correct, self.predicted)

    @property
    def r(self) -> float:
        """Recall: found / gold, 0.0 when there is no gold item."""
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of P and R, 0.0 when both are 0."""
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: p, r, f1, tp, correct, fp, fn (r = tp / (tp + fn) over
        gold items, p = correct / (correct + fp) over predictions in scope)."""
        return {
            "p": self.p,
            "r": self.r,
            "f1": self.f1,
            "tp": self.tp,
            "correct": self.correct,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True, slots=True)
class Share:
    """How many of ``n`` judged items were right."""

    right: int = 0
    n: int = 0

    def __add__(self, other: Share) -> Share:
        return Share(self.right + other.right, self.n + other.n)

    @property
    def accuracy(self) -> float:
        """right / n, 0.0 when nothing was judged."""
        return _ratio(self.right, self.n)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: accuracy, n."""
        return {"accuracy": self.accuracy, "n": self.n}


@dataclass(frozen=True, slots=True)
class MissedFact:
    """A gold fact that no prediction matched."""

    fact: GoldFact
    text: str


@dataclass(frozen=True, slots=True)
class SpuriousFact:
    """A predicted fact (in scope) that matched no gold fact."""

    fact: Fact
    text: str
    sentence: str


@dataclass(frozen=True, slots=True)
class WrongLink:
    """A gold entity whose Wikidata link was not found.

    Attributes:
        entity: the gold entity id.
        name: its name.
        expected: the gold Wikidata id (None: no item).
        given: the ids carried by the predicted entities matching it (None
            for an unlinked one); empty when no predicted entity matched.
    """

    entity: str
    name: str
    expected: str | None
    given: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class QualifierMiss:
    """A qualifier of a matched fact on which the prediction disagrees."""

    fact: str
    qualifier: str
    expected: str
    given: str | None


@dataclass(frozen=True, slots=True)
class Explain:
    """What went wrong in one file, for people to read."""

    missed: tuple[MissedFact, ...] = ()
    spurious: tuple[SpuriousFact, ...] = ()
    wrong_links: tuple[WrongLink, ...] = ()
    missed_entities: tuple[str, ...] = ()
    qualifier_misses: tuple[QualifierMiss, ...] = ()


@dataclass(frozen=True, slots=True)
class FileScore:
    """The scores of one article against its gold file."""

    gold: Path
    article_id: str
    entities: Counts
    linking: Share
    facts: Counts
    by_predicate: dict[str, Counts]
    qualifiers: Share
    explain: Explain = field(default_factory=Explain)


@dataclass(frozen=True, slots=True)
class Report:
    """Scores micro-averaged over several files, with each file's score."""

    files: tuple[FileScore, ...]
    entities: Counts
    linking: Share
    facts: Counts
    by_predicate: dict[str, Counts]
    qualifiers: Share

    def to_dict(self) -> dict[str, Any]:
        """The totals as plain JSON-ready data (the shape ``kg eval --json`` prints)."""
        facts = self.facts.to_dict()
        facts["by_predicate"] = {name: c.to_dict() for name, c in self.by_predicate.items()}
        return {
            "files": len(self.files),
            "entities": self.entities.to_dict(),
            "linking": self.linking.to_dict(),
            "facts": facts,
            "qualifiers": self.qualifiers.to_dict(),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The totals as a JSON document (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def by_predicate(parts: Iterable[dict[str, Counts]]) -> dict[str, Counts]:
    """Add counts by predicate, in the order of the ontology's predicates."""
    total: dict[str, Counts] = {}
    for part in parts:
        for name, counts in part.items():
            total[name] = total.get(name, Counts()) + counts
    order = {name: i for i, name in enumerate(PREDICATES)}
    return {name: total[name] for name in sorted(total, key=lambda n: (order.get(n, 99), n))}


def combine(scores: Iterable[FileScore]) -> Report:
    """Add file scores into one report (counts summed, then ratios computed).

    Args:
        scores: the scores of each file.

    Returns:
        The report; with no file every count and ratio is 0.
    """
    files = tuple(scores)
    return Report(
        files=files,
        entities=sum((s.entities for s in files), Counts()),
        linking=sum((s.linking for s in files), Share()),
        facts=sum((s.facts for s in files), Counts()),
        by_predicate=by_predicate(s.by_predicate for s in files),
        qualifiers=sum((s.qualifiers for s in files), Share()),
    )
