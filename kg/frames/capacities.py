"""A role held towards an organisation in a capacity: "Paul Girard a
travaillé en tant que conseiller de la Banque mondiale", "ses rapports
rédigés en tant que directrice adjointe à la Banque centrale".

The role noun follows a capacity marker (``capacity_markers`` of
``positions.yaml``) and is one of the role frames' nouns other than
positions (``roles`` of ``employee.v1``, ``leader.v1``, ``member.v1``,
``spokesperson.v1`` in ``frames.yaml``); the organisation is named in the
role's phrase after "de" or "à". The holder is the one the position frame
finds (:func:`kg.frames.role_holders.capacity_holder`: the clause's
subject, or the owner of the noun the clause describes, "ses rapports
rédigés en tant que ..."). The position itself is read by the position
frame.

A charge set beside a person's name works the same way: "Anne Roux (chargée
des archives à l'Institut Y)", "Paul Girard, chargé de la communication de
la Banque Y": the person works for the organisation named in the
participle's phrase (``charge_participles`` of ``membership.yaml``).
Refused: no organisation in the role's phrase ("en tant que directeur, il
a ..."), a place there ("en tant que consul de France"), a noun without a
possessive on the way up ("les rapports rédigés en tant que directeur":
nobody's), a holder who is no person, a role noun two frames share; a
charge whose phrase names no organisation ("chargé des archives de l'ancien
régime") or that describes no person named right before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt
from kg.frames.position_words import position_words
from kg.frames.role_holders import capacity_holder
from kg.frames.schema import Frame, FrameSet
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import markers

__all__ = ["Capacity", "capacities", "capacity_roles", "charges"]


@dataclass(frozen=True, slots=True)
class Capacity:
    """A role held in a capacity: its holder, organisation, frame and tokens."""

    holder: Entity
    organisation: Entity
    frame: Frame
    role: Token
    organisation_token: Token


def capacity_roles(frames: FrameSet) -> dict[str, Frame]:
    """The role nouns of the role frames other than positions, each with its
    frame; a noun two frames list is left out."""
    seen: dict[str, list[Frame]] = {}
    for frame in frames.role_frames:
        if frame.predicate == "holdsPosition":
            continue
        for role in frame.roles:
            seen.setdefault(name_key(role), []).append(frame)
    return {role: found[0] for role, found in seen.items() if len(found) == 1}


def _in_capacity(role: Token) -> bool:
    """Whether a role noun follows a capacity marker ("en tant que")."""
    markers = position_words().capacity_markers
    for child in role.children:
        if child.dep_ in ("case", "mark") and child.i < role.i:
            fixed = [f.lower_ for f in child.children if f.dep_ == "fixed"]
            if " ".join([child.lower_, *fixed]) in markers:
                return True
    return False


def _organisation(role: Token, entity_at: EntityAt) -> tuple[Entity, Token] | None:
    """The first organisation or place named after "de" or "à" in the role's
    phrase, up to a punctuation mark; None unless it is an organisation."""
    words = grammar().genitive | grammar().dative_prepositions
    for token in role.subtree:
        if token.i <= role.i:
            continue
        if token.is_punct:
            return None
        found = entity_at(token)
        if found is not None and found.type is not EntityType.OTHER and markers(token) & words:
            return (found, token) if found.type is EntityType.ORGANIZATION else None
    return None


def _holder(role: Token, entity_at: EntityAt) -> Entity | None:
    """The person holding a role in a capacity, as the position frame finds
    it (:func:`kg.frames.role_holders.capacity_holder`)."""
    token = capacity_holder(role, entity_at, position_words())
    found = entity_at(token) if token is not None else None
    return found if found is not None and found.type is EntityType.PERSON else None


def capacities(sent: Span, entity_at: EntityAt, roles: dict[str, Frame]) -> list[Capacity]:
    """The roles held in a capacity in a sentence.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        roles: the role nouns and their frames (:func:`capacity_roles`).

    Returns:
        One item per role with a holder and an organisation.
    """
    found = []
    for role in sent:
        frame = roles.get(name_key(role.text))
        if frame is None or role.pos_ != "NOUN" or not _in_capacity(role):
            continue
        organisation = _organisation(role, entity_at)
        holder = _holder(role, entity_at) if organisation is not None else None
        if holder is not None and organisation is not None:
            found.append(Capacity(holder, organisation[0], frame, role, organisation[1]))
    return found


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
