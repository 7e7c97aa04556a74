"""Leaders of the party a sentence is about: "Le bureau national du parti a
demandé que son président, Paul Girard, démissionne", "Ce mouvement a
perdu deux de ses dirigeants, dont le fondateur Luc Marin".

The sentence's main subject refers back to the party without naming it: a
party noun that refers back (:func:`kg.frames.party_reference.party_noun`:
"le parti") or one with a demonstrative ("ce mouvement"), or a noun with
such a "du parti" complement ("le bureau du parti", a body of the party,
named as an entity or not). A role noun of the leader frame (``leader.v1``
in ``frames.yaml``) that a possessive ties to that subject ("son
président", "ses dirigeants, dont le fondateur X") and that names a person
beside it makes the person a member of the party the article is about
(:func:`party_meant`).
Refused: a subject that names its party ("le Parti vert": the role frame
reads it), a role with no possessive ("le parti a reçu le président X": a
head of state, maybe), a role with a complement of its own ("son président
du conseil"), a former role ("son ancien président"), an article with no
party that stands out.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt
from kg.frames.party_reference import article_party, party_noun
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import markers, subject_of

__all__ = ["party_leaders", "party_meant"]


def _refers_back(token: Token, entity_at: EntityAt, heads: frozenset[str]) -> bool:
    """ "le parti", "du parti", "ce mouvement": a party noun naming no entity."""
    if party_noun(token, entity_at):
        return True
    demonstrative = any("Dem" in c.morph.get("PronType") for c in token.children)
    return demonstrative and name_key(token.text) in heads and entity_at(token) is None


def _party_noun_of(subject: Token, entity_at: EntityAt, heads: frozenset[str]) -> Token | None:
    """The party noun referring back that a subject is, or has after "de"."""
    if _refers_back(subject, entity_at, heads):
        return subject
    for child in subject.children:
        genitive = child.dep_ == "nmod" and markers(child) & grammar().genitive
        if genitive and _refers_back(child, entity_at, heads):
            return child
    return None


def party_meant(noun: Token, entities: Iterable[Entity], entity_at: EntityAt) -> Entity | None:
    """The party a noun referring back stands for: the article's party
    (:func:`kg.frames.party_reference.article_party`), else the one
    organisation of the article whose name starts with that noun ("ce
    mouvement" for "Mouvement X"); None for none, or for two such."""
    party = article_party(noun.doc, entity_at)
    if party is not None:
        return party
    word = name_key(noun.text)
    headed = {
        e.key: e
        for e in entities
        if e.type is EntityType.ORGANIZATION and name_key(e.label).split()[:1] == [word]
    }
    return next(iter(headed.values())) if len(headed) == 1 else None


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
) -> tuple[Token | None, list[tuple[Entity, Token]]]:
    """The people a sentence names as leaders of the party it is about.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        roles: the leader roles (name keys).
        heads: the party nouns (name keys of ``party_heads``).
        former: words that make a role a former one.

    Returns:
        The party noun the sentence's subject refers back with (None when it
        has none), and one (person, role token) per leader found.
    """
    nouns = [_party_noun_of(s, entity_at, heads) for s in subject_of(sent.root)]
    noun = next((n for n in nouns if n is not None), None)
    if noun is None:
        return None, []
    found = []
    for role in sent:
        if role.pos_ != "NOUN" or name_key(role.text) not in roles or not _possessed(role):
            continue
        person = _named(role, entity_at, former)
        if person is not None:
            found.append((person, role))
    return noun, found
