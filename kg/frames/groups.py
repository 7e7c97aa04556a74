"""The people a plural group noun stands for, from the sentence before it.

"X a été élu contre Y et Z. D'autres candidats ont protesté": the other
candidates are Y and Z, the people the sentence before names besides its
subject. "Y et Z ont voté contre. Les deux députés ont protesté": the two
deputies are the two people the sentence before names. Read:

* a plural common noun with "autres" (``group_others``): the people named
  in the sentence before, its subject left out, when there are two or more;
* a plural common noun with a number (``group_counts``): the people named in
  the sentence before, when they are exactly that many.

Refused: a noun that names an entity itself, a singular noun, a first
sentence, a count that does not match, a group of fewer than two.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.model import Entity, EntityType

__all__ = ["group_members"]

Member = tuple[Entity, Token]


def group_members(
    noun: Token,
    named: Callable[[Token], Member | None],
    others: frozenset[str],
    counts: dict[str, int],
) -> list[Member]:
    """The people a plural group noun stands for, or none.

    Args:
        noun: the head of the group's phrase.
        named: the entity a token names, with the token that names it.
        others: the words of "the other" ones (lemmas or forms, lower case).
        counts: number words and their values.

    Returns:
        The members in text order, or an empty list.
    """
    if noun.pos_ != "NOUN" or "Plur" not in noun.morph.get("Number"):
        return []
    words = [(c.lower_, c.lemma_.lower(), c) for c in noun.children]
    other = any(lower in others or lemma in others for lower, lemma, _ in words)
    count = next(
        (
            counts.get(lower, int(lower) if lower.isdigit() else 0)
            for lower, _, c in words
            if "Card" in c.morph.get("NumType") or c.like_num
        ),
        0,
    )
    if not other and not count:
        return []
    start = noun.sent.start
    if start == 0:
        return []
    before = noun.doc[start - 1].sent
    people: dict[str, Member] = {}
    for token in before:
        hit = named(token)
        if hit is not None and hit[0].type is EntityType.PERSON:
            people.setdefault(hit[0].key, hit)
    if other:
        # the grammatical subject, a passive's included ("X a été élu")
        heads = [c for c in before.root.children if c.dep_.startswith("nsubj")]
        subjects = {h[0].key for h in map(named, heads) if h is not None}
        members = [m for key, m in people.items() if key not in subjects]
        return members if len(members) >= 2 else []
    return list(people.values()) if len(people) == count else []
