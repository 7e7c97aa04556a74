"""Leaders of the party a sentence is about: "Le comité exécutif du parti a
recommandé que son président, Paul Girard, démissionne", "Ce mouvement a
perdu deux de ses dirigeants, dont le fondateur Luc Marin".

The sentence's main subject refers back to the party without naming it: a
party noun (``party_heads`` of ``membership.yaml``) with a definite or
demonstrative determiner ("le parti", "ce mouvement"), or a noun with such a
"du parti" complement ("le bureau du parti"). A role noun of the leader
frame (``leader.v1`` in ``frames.yaml``) that a possessive ties to that
subject ("son président", "ses dirigeants, dont le fondateur X") and that
names a person beside it makes the person a member of the party the article
is about (:func:`kg.frames.party_refs.discourse_party`).
Refused: a subject that names its party or an entity ("le Parti vert": the
role frame reads it), a role with no possessive ("le parti a reçu le
président X": a head of state, maybe), a role with a complement of its own
("son président du conseil"), a former role ("son ancien président"), an
article with no party that stands out.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import markers, subject_of

__all__ = ["party_leaders"]


def _party_noun(token: Token, entity_at: EntityAt, heads: frozenset[str]) -> bool:
    """ "le parti", "ce mouvement", "du parti": a party noun naming no entity
    ("du" carries the article)."""
    determined = any(
        c.dep_ in ("det", "case")
        and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType"))
        for c in token.children
    )
    return determined and name_key(token.text) in heads and entity_at(token) is None


def _refers_to_party(subject: Token, entity_at: EntityAt, heads: frozenset[str]) -> bool:
    if entity_at(subject) is not None:
        return False
    if _party_noun(subject, entity_at, heads):
        return True
    return any(
        c.dep_ == "nmod" and markers(c) & grammar().genitive and _party_noun(c, entity_at, heads)
        for c in subject.children
    )


def _possessed(role: Token) -> bool:
    """A possessive on the role, on the noun it describes or on that noun's
    complement ("ses dirigeants, dont le fondateur X", "deux de ses
    dirigeants, dont le fondateur X")."""
    described = [c for c in role.head.children if c.dep_ == "nmod" and c.i < role.i]
    return any(
        "Yes" in c.morph.get("Poss")
        for noun in (role, role.head, *described)
        for c in noun.children
        if c.i < noun.i
    )


def _named(role: Token, entity_at: EntityAt, former: frozenset[str]) -> Entity | None:
    """The person named beside a role with no complement of its own."""
    children = list(role.children)
    if any(c.dep_ == "nmod" and markers(c) & grammar().genitive for c in children):
        return None
    if {name_key(c.text) for c in children if c.dep_ == "amod"} & former:
        return None
    named = entity_at(role)  # a role phrase joined to its person
    if named is not None and named.type is EntityType.PERSON:
        return named
    for child in children:
        if child.dep_ in ("appos", "flat:name") and child.i > role.i:
            found = entity_at(child)
            if found is None:
                found = next((entity_at(g) for g in child.children if entity_at(g)), None)
            if found is not None and found.type is EntityType.PERSON:
                return found
    return None


def party_leaders(
    sent: Span,
    entity_at: EntityAt,
    roles: frozenset[str],
    heads: frozenset[str],
    former: frozenset[str],
) -> list[tuple[Entity, Token]]:
    """The people a sentence names as leaders of the party it is about.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        roles: the leader roles (name keys).
        heads: the party nouns (name keys of ``party_heads``).
        former: words that make a role a former one.

    Returns:
        One (person, role token) per leader found; which party is left to the caller.
    """
    if not any(_refers_to_party(s, entity_at, heads) for s in subject_of(sent.root)):
        return []
    found = []
    for role in sent:
        if role.pos_ != "NOUN" or name_key(role.text) not in roles or not _possessed(role):
            continue
        person = _named(role, entity_at, former)
        if person is not None:
            found.append((person, role))
    return found
