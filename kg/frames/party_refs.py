"""The party an article calls "le parti": "X a été élu président du parti",
"le chef du mouvement".

A story about a party names it often and then calls it "le parti". The
party the discourse is about is the article's party named most often: at
least twice as often as any other party. A party is an organisation whose
name starts with a word of ``party_heads`` ("Parti vert", "Mouvement
Y"), or has a word of ``foreign_party_words`` ("Sozialdemokratische
Partei").

A position whose role as written ends with "du parti" (a word of
``party_heads`` after "de") and names no other entity belongs to that party,
and its holder is a member of it (a former one only holds the former post).
Refused: no party, two parties named about as often, a role whose sentence
names another party ("X a quitté le Parti vert ... élu président du parti"),
a role with more words after the noun ("président du parti au pouvoir").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType, Fact

__all__ = ["discourse_party", "party_references"]


def _is_party(entity: Entity, heads: frozenset[str], foreign: frozenset[str]) -> bool:
    if entity.type is not EntityType.ORGANIZATION:
        return False
    for name in (entity.label, *entity.aliases):
        words = name_key(name).split()
        if words and (words[0] in heads or foreign & set(words)):
            return True
    return False


def discourse_party(
    entities: Iterable[Entity], heads: frozenset[str], foreign: frozenset[str]
) -> tuple[Entity | None, list[Entity]]:
    """The party an article is about, if one stands out, and all its parties.

    Args:
        entities: the article's entities.
        heads: first words of party names (``party_heads``).
        foreign: words for "party" in other languages (``foreign_party_words``).

    Returns:
        The party named at least twice as often as any other (or None), and
        every party of the article.
    """
    parties = sorted(
        (e for e in entities if _is_party(e, heads, foreign)),
        key=lambda e: len(e.mentions),
        reverse=True,
    )
    if not parties:
        return None, []
    runner_up = len(parties[1].mentions) if len(parties) > 1 else 0
    top = parties[0] if len(parties[0].mentions) >= 2 * runner_up else None
    return top, parties


def _names_the_party(role: str | None, heads: frozenset[str]) -> bool:
    """ "président du parti": a role ending with "de" and a party noun."""
    words = name_key(role or "").split()
    if len(words) < 3:
        return False
    last = words[-1]
    for article in grammar().definite_articles:
        if article.endswith("'") and last.startswith(article):
            last, words[-2] = last[len(article) :], words[-2] + " " + article
    return last in heads and words[-2].split()[0] in grammar().genitive


def party_references(
    facts: list[Fact],
    entities: Iterable[Entity],
    heads: frozenset[str],
    foreign: frozenset[str],
    former: frozenset[str],
) -> tuple[list[Fact], list[tuple[Fact, str]]]:
    """Complete the positions held "du parti" with the party the article is
    about, and say whose membership they state.

    Args:
        facts: the article's facts.
        entities: the article's entities.
        heads: first words of party names (``party_heads``).
        foreign: words for "party" in other languages.
        former: words that make a role a former one ("ancien").

    Returns:
        The facts, positions completed, and each current position with the
        key of the party its holder is a member of.
    """
    party, parties = discourse_party(entities, heads, foreign)
    if party is None:
        return facts, []
    others = [m.text for p in parties if p is not party for m in p.mentions]
    out, members = [], []
    for fact in facts:
        refers = (
            fact.predicate == "holdsPosition"
            and fact.of in (None, party.key)
            and _names_the_party(fact.value, heads)
            and not any(name in fact.provenance.sentence for name in others)
        )
        if refers:
            fact = replace(fact, of=party.key)
            if not former & set(name_key(fact.value or "").split()):
                members.append((fact, party.key))
        out.append(fact)
    return out, members
