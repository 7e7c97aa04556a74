"""Visits to the places around a place visited.

"X s'est rendu à Tikrit, en Irak": the sentence puts Tikrit in Iraq, so X
visited Iraq as well. Read on the facts already found: a ``visited`` fact and
a ``locatedIn`` fact of the same sentence whose inner end is the place
visited. Refused: a place inside another stated in another sentence (the
visit may have been elsewhere in that country), and a visitor that is itself
the outer place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.model import Fact

__all__ = ["RULE", "regions_visited"]

#: The rule id of the visits this module adds.
RULE = "place:visit-region.v1"


def regions_visited(facts: Iterable[Fact]) -> list[Fact]:
    """The visits to the places around each place visited, in the same sentence.

    Args:
        facts: the facts of an article.

    Returns:
        One new ``visited`` fact for each visit and each place its sentence puts
        the place visited in, with the visit's qualifiers; none already stated.
    """
    facts = list(facts)
    around: dict[tuple[str, str], list[str]] = {}
    for fact in facts:
        if fact.predicate == "locatedIn" and fact.object is not None:
            around.setdefault((fact.subject, fact.provenance.sentence), []).append(fact.object)
    visits = [f for f in facts if f.predicate == "visited" and f.object is not None]
    stated = {(f.subject, f.object, f.provenance.sentence) for f in visits}
    found = []
    for fact in visits:
        for outer in around.get((fact.object, fact.provenance.sentence), []):
            key = (fact.subject, outer, fact.provenance.sentence)
            if outer != fact.subject and key not in stated:
                stated.add(key)
                found.append(
                    replace(fact, object=outer, provenance=replace(fact.provenance, rule=RULE))
                )
    return found
