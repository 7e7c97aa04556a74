"""Membership read from a party label set off after a name: "Anne Roux, du
Parti socialiste, a voté", "Paul Girard (parti Les Républicains)", or
before it: "le socialiste Paul Girard" (a party adjective used as a noun).

The label is a phrase right after a person's name, across a comma or an
opening bracket, with "de / du / des" or nothing, naming an organisation
whose name starts with a party noun ("parti", "mouvement": ``party_nouns``
of ``frames.yaml``) or that follows one ("du parti Les Républicains").
Refused: an organisation that is no party by those words ("Anne Roux, de
Radio France": employment, read by the role frames, not membership), and a
phrase that does not follow the name directly.

The other way round, a party set off after its name by a comma and then
said to be someone's: "le Fatah, le parti de Mahmoud Abbas" (a founder, "le
mouvement fondé par Anne Roux", is left to the role frames).
Refused: a "de" complement that names no person ("le Fatah, le parti de la
majorité") and a party noun not set off by a comma after the organisation.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt, Linked
from kg.lang.grammar import grammar
from kg.model import Entity, EntityType
from kg.syntax import markers

__all__ = ["genitive_organisation", "party_labels"]

_OPEN = {",", "("}


def genitive_organisation(
    noun: Token, entity_at: EntityAt, after: int = -1
) -> tuple[Entity, Token] | None:
    """The organisation a noun's "de" complement names ("les cadres du parti
    Y", "le communiqué de l'Agence"), the complement standing after token
    ``after``; None when the complement names no organisation."""
    for child in noun.children:
        if child.i > after and child.dep_ == "nmod" and markers(child) & grammar().genitive:
            found = entity_at(child)
            if found is not None and found.type is EntityType.ORGANIZATION:
                return found, child
    return None


def _label(sent: Span, k: int, entity_at: EntityAt, party_nouns: frozenset[str]) -> Token | None:
    """The first token of a party named from token k on, or None."""
    doc = sent.doc
    if k < sent.end and doc[k].lower_ in grammar().genitive:
        k += 1
    while k < sent.end and doc[k].lower_ in grammar().definite_articles:
        k += 1
    if k >= sent.end:
        return None
    noun = doc[k].lower_ in party_nouns
    j = k + 1 if noun and entity_at(doc[k]) is None else k
    while j < sent.end and doc[j].lower_ in grammar().definite_articles:
        j += 1
    party = entity_at(doc[j]) if j < sent.end else None
    if party is None or party.type is not EntityType.ORGANIZATION:
        return None
    named_as_party = party.label.split()[0].lower() in party_nouns
    return doc[j] if noun or named_as_party else None


def _party_of(sent: Span, entity_at: EntityAt, party_nouns: frozenset[str]) -> list[Linked]:
    """ "le Fatah, le parti de Mahmoud Abbas": the person a party is said to be of."""
    doc = sent.doc
    found = []
    for tok in sent:
        k = tok.i
        if tok.lower_ not in party_nouns or k - 3 < sent.start or k + 2 >= sent.end:
            continue
        if doc[k - 1].lower_ not in grammar().definite_articles or doc[k - 2].text != ",":
            continue
        party = entity_at(doc[k - 3])
        person = entity_at(doc[k + 2]) if doc[k + 1].lower_ in grammar().genitive else None
        if (
            party is not None
            and party.type is EntityType.ORGANIZATION
            and person is not None
            and person.type is EntityType.PERSON
        ):
            found.append(Linked(person, party, doc[k + 2], doc[k - 3]))
    return found


def _party_nouns(sent: Span, entity_at: EntityAt) -> list[Linked]:
    """ "le socialiste Jean Morel": a party named by a lower-case word (its
    adjective used as a noun) after a determiner and right before a person's
    name. A capitalised organisation there ("le Fatah Mahmoud Abbas") is no label."""
    doc = sent.doc
    found = []
    for k in range(sent.start + 1, sent.end - 1):
        party, person = entity_at(doc[k]), entity_at(doc[k + 1])
        if (
            party is not None
            and party.type is EntityType.ORGANIZATION
            and doc[k].text.islower()
            and doc[k - 1].lower_ in grammar().definite_articles
            and person is not None
            and person.type is EntityType.PERSON
        ):
            found.append(Linked(person, party, doc[k + 1], doc[k]))
    return found


def party_labels(sent: Span, entity_at: EntityAt, party_nouns: frozenset[str]) -> list[Linked]:
    """Find the party labels set off after people's names in a sentence.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        party_nouns: nouns naming a kind of party ("parti", "mouvement").

    Returns:
        One item per person labelled with a party or named as a party's (the
        person, the party).
    """
    doc = sent.doc
    found = []
    i = sent.start
    while i < sent.end:
        person = entity_at(doc[i])
        if person is None or person.type is not EntityType.PERSON:
            i += 1
            continue
        end = i
        while end < sent.end and entity_at(doc[end]) is person:
            end += 1
        if end < sent.end and doc[end].text in _OPEN:
            token = _label(sent, end + 1, entity_at, party_nouns)
            if token is not None:
                party = entity_at(token)
                assert party is not None
                found.append(Linked(person, party, doc[i], token))
        i = end
    return found + _party_of(sent, entity_at, party_nouns) + _party_nouns(sent, entity_at)
