"""Score an extraction against a gold annotation file.

:func:`score` compares one :class:`~kg.model.Extraction` with one
:class:`~kg.gold.GoldFile` and returns a :class:`FileScore`; :func:`combine`
adds file scores into a :class:`Report` whose totals are micro-averaged (the
counts are summed over files, then the ratios computed).

Definitions (see the gold format for the full rules):

* Names are compared after :func:`kg.compare.normalize`. A predicted entity matches a
  gold entity when both carry the same Wikidata id, or when its label or one
  of its aliases equals the gold name or a gold alias. Matching is not
  one-to-one: two predicted entities may match the same gold entity.
* Entities: recall = gold entities matched / gold entities; precision =
  predicted Person/Organization/Place entities matching some gold entity /
  predicted Person/Organization/Place entities.
* Linking: over gold entities with a ``wikidata`` key, the share for which
  some matching predicted entity carries exactly that id (for null: carries
  none). A gold entity that nothing matches counts as wrong.
* Facts are compared as a graph: predicted facts with the same subject,
  predicate, object (or normalised literal) and polarity, stated in several
  sentences, are one predicted fact. A predicted fact matches a gold fact on
  equal predicate and polarity, matching subject, and matching object
  (entity) or literal (either normalised string contains the other). A
  predicate whose frame is declared ``symmetric`` matches either way round.
  Facts are paired one-to-one by maximum matching; where several pairings
  are possible, pairs agreeing on more qualifiers are preferred. Precision
  counts the predicted facts whose predicate is in the file's
  ``predicates``; recall counts every gold fact.
* Qualifiers: over matched pairs, each qualifier the gold fact carries
  (modality only when written, place, time, of, source) is right when one of
  the sentences stating the predicted fact agrees; a year agrees with any
  date in that year.
* A ratio whose denominator is zero is 0.0, and so is F1 when P + R = 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.compare import literal_key, literal_matches, normalize, time_agrees
from kg.gold import GoldEntity, GoldFact, GoldFile, gold_article, load_gold
from kg.model import Article, Entity, Extraction, Fact
from kg.scores import (
    Counts,
    Explain,
    FileScore,
    MissedFact,
    QualifierMiss,
    Report,
    Share,
    SpuriousFact,
    WrongLink,
    by_predicate,
    combine,
)

__all__ = [
    "describe_gold",
    "evaluate_files",
    "score",
    "symmetric_predicates",
]

#: Entity types counted by entity precision.
SCORED_TYPES = frozenset({"Person", "Organization", "Place"})


def _names(entity: Entity) -> set[str]:
    return {n for n in map(normalize, (entity.label, *entity.aliases)) if n}


def _entity_matches(gold: GoldFile, entities: tuple[Entity, ...]) -> dict[str, set[str]]:
    """For each gold entity id, the keys of the predicted entities matching it."""
    names = {e.key: _names(e) for e in entities}
    matches: dict[str, set[str]] = {}
    for gid, g in gold.entities.items():
        wanted = {n for n in map(normalize, g.names) if n}
        matches[gid] = {
            e.key
            for e in entities
            if (g.wikidata is not None and e.qid == g.wikidata) or names[e.key] & wanted
        }
    return matches


def _fact_key(fact: Fact, symmetric: frozenset[str]) -> tuple:
    """What makes two predicted facts the same edge of the graph."""
    ends = (fact.subject, fact.object or "")
    if fact.predicate in symmetric:
        ends = tuple(sorted(ends))  # type: ignore[assignment]
    return (fact.predicate, ends, literal_key(fact.value or ""), str(fact.polarity))


def _group(facts: Sequence[Fact], symmetric: frozenset[str]) -> list[tuple[int, ...]]:
    """The indices of the facts, grouped by graph edge, in order of first statement."""
    groups: dict[tuple, list[int]] = {}
    for i, fact in enumerate(facts):
        groups.setdefault(_fact_key(fact, symmetric), []).append(i)
    return [tuple(members) for members in groups.values()]


def symmetric_predicates(lang: str) -> frozenset[str]:
    """The predicates whose frames in ``kg/lang/<lang>/frames.yaml`` are symmetric.

    Args:
        lang: the language of the frames.

    Returns:
        The predicate names (``metWith`` for French).
    """
    from kg.frames import load_frames

    return frozenset(f.predicate for f in load_frames(lang).frames if f.symmetric)


class _Scorer:
    """Pairs the facts of one file, compared as graph edges, and judges them."""

    def __init__(self, gold: GoldFile, predicted: Extraction, symmetric: frozenset[str]) -> None:
        self.gold = gold
        self.predicted = predicted
        self.symmetric = symmetric
        self.matches = _entity_matches(gold, predicted.entities)
        self.labels = {e.key: e.label for e in predicted.entities}
        self.groups = _group(predicted.facts, symmetric)

    def is_(self, key: str | None, gold_id: str | None) -> bool:
        return key is not None and gold_id is not None and key in self.matches[gold_id]

    def compatible(self, g: GoldFact, f: Fact) -> bool:
        if f.predicate != g.p or str(f.polarity) != g.polarity:
            return False
        if g.literal is not None and not literal_matches(g.literal, f.value):
            return False
        if g.o is None:
            return self.is_(f.subject, g.s)
        straight = self.is_(f.subject, g.s) and self.is_(f.object, g.o)
        swapped = g.p in self.symmetric and self.is_(f.subject, g.o) and self.is_(f.object, g.s)
        return straight or swapped

    def judge(self, g: GoldFact, f: Fact) -> list[tuple[str, bool]]:
        """Each qualifier the gold fact carries, with whether one statement agrees."""
        judged = []
        if g.modality is not None:
            judged.append(("modality", str(f.modality) == g.modality))
        for name in ("place", "of", "source"):
            if getattr(g, name) is not None:
                judged.append((name, self.is_(getattr(f, name), getattr(g, name))))
        if g.time is not None:
            judged.append(("time", time_agrees(g.time, f.time)))
        return judged

    def qualifiers(self, g: GoldFact, group: tuple[int, ...]) -> list[tuple[str, bool]]:
        """Each qualifier the gold fact carries, right when any statement of the edge agrees."""
        facts = self.predicted.facts
        verdicts = [self.judge(g, facts[i]) for i in group]
        return [(name, any(v[k][1] for v in verdicts)) for k, (name, _) in enumerate(verdicts[0])]

    def pair(self) -> dict[int, int]:
        """Maximum one-to-one matching of gold facts to predicted edges (group indices)."""
        facts = self.predicted.facts
        options = []
        for g in self.gold.facts:
            found = [k for k, grp in enumerate(self.groups) if self.compatible(g, facts[grp[0]])]
            agree = {k: sum(ok for _, ok in self.qualifiers(g, self.groups[k])) for k in found}
            options.append(sorted(found, key=lambda k: (-agree[k], k)))
        owner: dict[int, int] = {}

        def augment(gi: int, seen: set[int]) -> bool:
            for pi in options[gi]:
                if pi in seen:
                    continue
                seen.add(pi)
                if pi not in owner or augment(owner[pi], seen):
                    owner[pi] = gi
                    return True
            return False

        for gi in range(len(self.gold.facts)):
            augment(gi, set())
        return {gi: pi for pi, gi in owner.items()}

    def describe(self, f: Fact) -> str:
        def name(key: str | None) -> str:
            return self.labels.get(key, key) if key else ""

        obj = name(f.object) if f.object else f"\u201c{f.value}\u201d" if f.value else ""
        quals = {
            "polarity": str(f.polarity) if f.polarity != "positive" else None,
            "modality": str(f.modality) if f.modality != "asserted" else None,
            "place": name(f.place) or None,
            "time": f.time,
            "of": name(f.of) or None,
            "source": name(f.source) or None,
        }
        return _sentence(name(f.subject), f.predicate, obj, quals)


def _sentence(subject: str, predicate: str, obj: str, quals: dict[str, str | None]) -> str:
    text = " ".join(part for part in (subject, predicate, obj) if part)
    shown = ", ".join(f"{k}={v}" for k, v in quals.items() if v)
    return f"{text} [{shown}]" if shown else text


def describe_gold(fact: GoldFact) -> str:
    """One line naming a gold fact's fields: ``trump metWith putin [place=finland]``."""
    obj = fact.o or (f"\u201c{fact.literal}\u201d" if fact.literal else "")
    quals = {
        "polarity": fact.polarity if fact.polarity != "positive" else None,
        "modality": fact.modality,
        "place": fact.place,
        "time": fact.time,
        "of": fact.of,
        "source": fact.source,
    }
    return _sentence(fact.s, fact.p, obj, quals)


def _link_right(entity: GoldEntity, candidates: list[Entity]) -> bool:
    return any(e.qid == entity.wikidata for e in candidates)


def _fact_scores(
    scorer: _Scorer,
) -> tuple[dict[str, Counts], Share, Explain]:
    """Counts by predicate, the qualifier share, and the missed gold facts,
    spurious edges and qualifier misses (the explanation's fact part)."""
    gold, facts = scorer.gold, scorer.predicted.facts
    pairs = scorer.pair()
    matched = set(pairs.values())
    scope = set(gold.predicates)
    names = list(dict.fromkeys([*gold.predicates, *(g.p for g in gold.facts)]))
    table = {name: Counts() for name in names}
    for gi, g in enumerate(gold.facts):
        table[g.p] += Counts(found=int(gi in pairs), gold=1)
    spurious = []
    for k, group in enumerate(scorer.groups):
        f = facts[group[0]]
        if f.predicate not in scope:
            continue
        table[f.predicate] += Counts(correct=int(k in matched), predicted=1)
        if k not in matched:
            spurious.append(SpuriousFact(f, scorer.describe(f), f.provenance.sentence))
    qualifiers, misses = Share(), []
    for gi, k in sorted(pairs.items()):
        g, f = gold.facts[gi], facts[scorer.groups[k][0]]
        for name, ok in scorer.qualifiers(g, scorer.groups[k]):
            qualifiers += Share(int(ok), 1)
            if not ok:
                given = getattr(f, name)
                if name in ("place", "of", "source"):
                    given = scorer.labels.get(given, given)
                misses.append(
                    QualifierMiss(describe_gold(g), name, str(getattr(g, name)), _text(given))
                )
    missed = tuple(
        MissedFact(g, describe_gold(g)) for gi, g in enumerate(gold.facts) if gi not in pairs
    )
    return table, qualifiers, Explain(missed, tuple(spurious), qualifier_misses=tuple(misses))


def score(
    gold: GoldFile, predicted: Extraction, symmetric: frozenset[str] | None = None
) -> FileScore:
    """Score one article's extraction against its gold file.

    Args:
        gold: the validated gold file.
        predicted: what was extracted from the article.
        symmetric: the predicates that match either way round; by default
            those whose frames, in the gold file's language, are symmetric.

    Returns:
        The counts, shares and explanations for this file.
    """
    if symmetric is None:
        symmetric = symmetric_predicates(gold.language)
    scorer = _Scorer(gold, predicted, symmetric)
    by_key = {e.key: e for e in predicted.entities}
    matched_keys = set().union(*scorer.matches.values()) if scorer.matches else set()
    in_types = [e for e in predicted.entities if str(e.type) in SCORED_TYPES]
    entities = Counts(
        found=sum(1 for keys in scorer.matches.values() if keys),
        gold=len(gold.entities),
        correct=sum(1 for e in in_types if e.key in matched_keys),
        predicted=len(in_types),
    )
    linking, wrong_links = Share(), []
    for gid, g in gold.entities.items():
        if not g.link_scored:
            continue
        candidates = [by_key[k] for k in sorted(scorer.matches[gid])]
        right = _link_right(g, candidates)
        linking += Share(int(right), 1)
        if not right:
            given = tuple(sorted({e.qid for e in candidates}, key=lambda q: q or ""))
            wrong_links.append(WrongLink(gid, g.name, g.wikidata, given))

    table, qualifiers, explain = _fact_scores(scorer)
    explain = replace(
        explain,
        wrong_links=tuple(wrong_links),
        missed_entities=tuple(gid for gid, keys in scorer.matches.items() if not keys),
    )
    return FileScore(
        gold=gold.path,
        article_id=predicted.article.id,
        entities=entities,
        linking=linking,
        facts=sum(table.values(), Counts()),
        by_predicate=by_predicate([table]),
        qualifiers=qualifiers,
        explain=explain,
    )


def evaluate_files(paths: Sequence[Path], extract: Callable[[Article], Extraction]) -> Report:
    """Validate every gold file, extract each annotated article, and score it.

    All gold files are validated before any extraction runs, so a bad file
    fails fast.

    Args:
        paths: gold annotation files.
        extract: the extraction to score, from an article (read with the gold
            file's language and date) to what was extracted from it.

    Returns:
        The report over all files, in the order given.

    Raises:
        GoldError: a gold file does not validate.
        InputError: an annotated article cannot be read.
    """
    golds = [load_gold(Path(path)) for path in paths]
    return combine(score(gold, extract(gold_article(gold))) for gold in golds)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
