"""The entity a position belongs to, from the voice its holder speaks with.

"Le gouvernement français, par la voix de Jean Morel, ministre des Finances,
a annoncé ...": the quote step finds that Jean Morel speaks for France
(``speaksFor``); the role in apposition to him names no entity of its own,
so it is France's. Only a state completes a role this way: a party or a
company may speak through someone whose office is elsewhere ("l'Alliance,
représentée par X (ministre de l'Intérieur)"). A role that names its entity
("attaché de presse de Poutine", "ministre belge") keeps it, and a voice
stated in another sentence completes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from kg.model import Fact

__all__ = ["owners_from_voice"]


def owners_from_voice(facts: Iterable[Fact], states: Collection[str]) -> list[Fact]:
    """Fill the missing ``of`` of positions whose holder speaks for a state
    in the same sentence.

    Args:
        facts: the facts of one article, ``speaksFor`` facts included.
        states: the keys of the article's places (countries and their
            governments).

    Returns:
        The same facts in the same order, positions completed where one
        entity is spoken for (two different ones complete nothing).
    """
    facts = list(facts)
    voices: dict[tuple[str, str], set[str]] = {}
    for fact in facts:
        if fact.predicate == "speaksFor" and fact.object in states:
            key = (fact.subject, _sentence(fact))
            voices.setdefault(key, set()).add(fact.object)
    out = []
    for fact in facts:
        spoken = voices.get((fact.subject, _sentence(fact)), set())
        if fact.predicate == "holdsPosition" and fact.of is None and len(spoken) == 1:
            fact = replace(fact, of=next(iter(spoken)))
        out.append(fact)
    return out


def _sentence(fact: Fact) -> str:
    """The sentence of a fact: its text stands for it within one article."""
    return fact.provenance.sentence
