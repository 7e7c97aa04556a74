"""Membership (and employment) read from a label set off after a name: "Anne Roux, du
Parti socialiste, a voté", "Paul Girard (parti Les Républicains)", or
before it: "le socialiste Paul Girard" (a party adjective used as a noun).

The label is a phrase right after a person's name, across a comma or an
opening bracket, with "de / du / des" or nothing, naming an organisation
whose name starts with a party noun ("parti", "mouvement": ``party_nouns``
of ``frames.yaml``) or that follows one ("du parti Les Républicains").
Refused: an organisation that is no party by those words ("Anne Roux, de
Radio France": employment, :func:`employer_labels`), and a phrase that does
not follow the name directly.

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
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import markers

__all__ = ["employer_labels", "genitive_organisation", "party_labels"]

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
    """The first token of an organisation of one of the kinds (name keys)
    named from token k on, or None."""
    doc = sent.doc
    if k < sent.end and doc[k].lower_ in grammar().genitive:
        k += 1
    while k < sent.end and doc[k].lower_ in grammar().definite_articles:
        k += 1
    if k >= sent.end:
        return None
    noun = name_key(doc[k].text) in party_nouns
    j = k + 1 if noun and entity_at(doc[k]) is None else k
    while j < sent.end and doc[j].lower_ in grammar().definite_articles:
        j += 1
    party = entity_at(doc[j]) if j < sent.end else None
    if party is None or party.type is not EntityType.ORGANIZATION:
        return None
    named_as_party = bool(set(name_key(party.label).split()[:1]) & party_nouns)
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


def _labelled(sent: Span, entity_at: EntityAt, nouns: frozenset[str]) -> list[Linked]:
    """People whose name a label naming an organisation of one of the kinds
    follows, set off by a comma or a bracket (the person, the organisation)."""
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
            token = _label(sent, end + 1, entity_at, nouns)
            if token is not None:
                labelled = entity_at(token)
                assert labelled is not None
                found.append(Linked(person, labelled, doc[i], token))
        i = end
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
    return (
        _labelled(sent, entity_at, party_nouns)
        + _party_of(sent, entity_at, party_nouns)
        + _party_nouns(sent, entity_at)
    )


def employer_labels(sent: Span, entity_at: EntityAt, employers: frozenset[str]) -> list[Linked]:
    """Find the employers set off after people's names in a sentence: "Paul
    Girard, de l'Agence Y", "Anne Roux, du quotidien Y" (an organisation
    whose name starts with, or that follows, a noun of ``employers`` of
    ``membership.yaml``). Refused: an organisation of no such kind ("X, de
    Renault": a label of what is not said), a place ("X, de Lyon").

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        employers: nouns naming a kind of employer ("agence", "quotidien").

    Returns:
        One item per person so labelled (the person, the employer).
    """
    return _labelled(sent, entity_at, employers)
