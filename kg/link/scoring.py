"""Scoring a linking candidate and choosing the winner (see :mod:`kg.link.disambiguate`).

An :class:`Option` is one candidate item with its name score and prior;
:func:`choose` adds the type fit and the article's context, and keeps the
best option when it reaches the threshold and beats the runner-up by
:data:`MARGIN`. :func:`kind_of_item` says what kind of thing an endpoint
item is, from its classes and descriptions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.lang.grammar import grammar
from kg.link.catalogue import HUMAN
from kg.link.cities import beats_homonyms
from kg.link.wikidata import WikidataItem
from kg.model import EntityType

__all__ = [
    "DEFAULT_THRESHOLD",
    "KIND_PRIOR",
    "MARGIN",
    "NAME_SCORE",
    "Option",
    "choose",
    "kind_of_item",
    "type_fit",
]

DEFAULT_THRESHOLD = 0.6
MARGIN = 0.05
W_NAME, W_TYPE, W_PRIOR, W_CONTEXT = 0.45, 0.15, 0.15, 0.25
NAME_SCORE = {
    "label": 1.0,
    "alias": 0.95,
    "abbrev": 0.9,
    "demonym": 0.85,
    "fuzzy": 0.8,
    "surname": 0.7,
}
KIND_PRIOR = {
    "country": 1.0,
    "person": 0.8,
    "organisation": 0.8,
    "city": 0.8,
    "building": 0.8,
    "region": 0.6,
    "office": 0.6,
    "place": 0.6,
}
PLACE_KINDS = {"country", "region", "city", "building", "place"}
_FIT = {
    EntityType.PERSON: {"person": 1.0},
    EntityType.PLACE: {k: 1.0 for k in PLACE_KINDS} | {None: 0.5},
    EntityType.ORGANIZATION: {"organisation": 1.0, "building": 0.5, "country": 0.5, None: 0.5},
    EntityType.EVENT: {None: 0.5},
    EntityType.OTHER: {"office": 1.0, "organisation": 0.5, None: 0.5},
}
# English words of class labels and descriptions, in the order they are tried;
# the description language's own words come from its grammar.yaml.
_KIND_WORDS = [
    ("region", r"state of the united states|federated state|province|region|subdivision"),
    ("city", r"city|capital|municipality|town"),
    ("building", r"building|palace|residence"),
    ("organisation", r"organi[sz]ation|agency|company|party|alliance"),
    ("office", r"position|office"),
    ("country", r"country|sovereign state"),
]


@dataclass(frozen=True, slots=True)
class Option:
    """A candidate being scored.

    Attributes:
        qid: the Wikidata id.
        kind: country, region, city, building, place, person, organisation,
            office, or None when unknown.
        name: the name score (see the module docstring).
        prior: the prior score.
        related: the items the candidate is tied to.
        source: ``catalogue`` or the endpoint URL.
        country: the country of a city, to weigh it against its homonyms.
        population: the population of a city, 0 when unknown.
        homonyms: the (country, population) of other cities of the same name.
        needs_context: found by a spelling variant; linked only when the
            article's context supports it.
    """

    qid: str
    kind: str | None
    name: float
    prior: float
    related: frozenset[str] = frozenset()
    source: str = "catalogue"
    country: str | None = None
    population: int = 0
    homonyms: tuple[tuple[str, int], ...] = ()
    needs_context: bool = False


def type_fit(entity_type: EntityType, kind: str | None) -> float | None:
    """How well a candidate kind fits an entity type; None when it cannot."""
    return _FIT[entity_type].get(kind)


@cache
def _kind_patterns(lang: str = "fr") -> list[tuple[str, re.Pattern[str]]]:
    """A pattern of each kind's description words, English and the language's."""
    own = grammar(lang).description_kinds
    patterns = []
    for kind, english in _KIND_WORDS:
        words = "|".join([english, *(re.escape(w) for w in own.get(kind, ()))])
        patterns.append((kind, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)))
    return patterns


def kind_of_item(item: WikidataItem) -> str | None:
    """The kind of an endpoint item, from its classes and descriptions."""
    if HUMAN in item.candidate.types:
        return "person"
    text = " ".join(item.class_labels + item.descriptions)
    for kind, pattern in _kind_patterns():
        if pattern.search(text):
            return kind
    return "place" if item.has_coordinates else None


def choose(
    options: Sequence[Option],
    entity_type: EntityType,
    context: frozenset[str],
    supports: dict[str, set[str]],
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[Option, float] | None:
    """Score options; return the winner and its score, or None (NIL).

    Args:
        options: the candidates.
        entity_type: the entity's type.
        context: the article's items (other entities' links, names found).
        supports: for an item, the article's items tied to it.
        threshold: the lowest score that links.
    """
    scored: list[tuple[float, Option]] = []
    for option in options:
        fit = type_fit(entity_type, option.kind)
        if fit is None:
            continue
        if not beats_homonyms(option.country, option.population, option.homonyms, context):
            continue
        backing = set(option.related & context) | supports.get(option.qid, set())
        if option.qid in context:
            backing.add(option.qid)
        if option.needs_context and not backing:
            continue
        ctx = min(1.0, 0.5 * len(backing))
        score = W_NAME * option.name + W_TYPE * fit + W_PRIOR * option.prior + W_CONTEXT * ctx
        scored.append((round(score, 6), option))
    if not scored:
        return None
    scored.sort(key=lambda pair: (-pair[0], pair[1].qid))
    best_score, best = scored[0]
    if best_score < threshold:
        return None
    if len(scored) > 1 and best_score - scored[1][0] < MARGIN and scored[1][1].qid != best.qid:
        return None
    return best, best_score
