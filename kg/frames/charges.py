"""A charge held in an organisation, set beside a person's name: "Anne Roux
(chargée des relations publiques à l'Institut Y)", "Paul Girard, chargé de la
communication de la Banque Y": the person works for the organisation named
in the participle's phrase after "de" or "à" (``charge_participles`` of
``membership.yaml``). The position itself is read by the position frame.

Refused: a phrase that names no organisation ("chargé des relations
avec la presse"), a place there ("chargé du dossier de l'Iran"), a
participle that describes no person named right before it ("le dossier
chargé de la Banque Y").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import markers

__all__ = ["charges"]


def _organisation(word: Token, entity_at: EntityAt) -> tuple[Entity, Token] | None:
    """The first organisation or place named after "de" or "à" in a word's
    phrase, up to a punctuation mark; None unless it is an organisation."""
    words = grammar().genitive | grammar().dative_prepositions
    for token in word.subtree:
        if token.i <= word.i:
            continue
        if token.is_punct:
            return None
        found = entity_at(token)
        if found is not None and found.type is not EntityType.OTHER and markers(token) & words:
            return (found, token) if found.type is EntityType.ORGANIZATION else None
    return None


def charges(
    sent: Span, entity_at: EntityAt, participles: frozenset[str]
) -> list[tuple[Entity, Entity, Token, Token]]:
    """The charges held in an organisation by people named in a sentence.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        participles: the participles of a charge (name keys).

    Returns:
        One (person, organisation, participle, organisation token) per charge.
    """
    found = []
    for word in sent:
        if word.dep_ not in ("acl", "amod") or name_key(word.text) not in participles:
            continue
        person = entity_at(word.head)
        organisation = _organisation(word, entity_at)
        if person is not None and person.type is EntityType.PERSON and organisation is not None:
            found.append((person, organisation[0], word, organisation[1]))
    return found
