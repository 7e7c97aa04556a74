"""A role held towards an organisation in a capacity: "Paul Girard a
travaillé en tant que conseiller de la Banque mondiale", "ses rapports
rédigés en tant que directrice adjointe à la Banque centrale".

The role noun follows a capacity marker (``capacity_markers`` of
``grammar.yaml``) and is one of the role frames' nouns other than positions
(``roles`` of ``employee.v1``, ``leader.v1``, ``member.v1``,
``spokesperson.v1`` in ``frames.yaml``); the organisation is named in the
role's phrase after "de" or "à". The holder is the subject of the clause
the phrase belongs to, climbing through a noun only when a possessive names
its owner ("ses rapports rédigés en tant que ..." -> the subject of the
clause "ses rapports" belongs to). The position itself is read by the
position frame.
Refused: no organisation in the role's phrase ("en tant que directeur, il
a ..."), a place there ("en tant que consul de France"), a noun without a
possessive on the way up ("les rapports rédigés en tant que directeur":
nobody's), a holder who is no person, a role noun two frames share.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt
from kg.frames.schema import Frame, FrameSet
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import CLAUSE_POS, markers, subject_of

__all__ = ["Capacity", "capacities", "capacity_roles"]

#: How many heads the holder is looked for above the role.
_CLIMB = 6


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
    for child in role.children:
        if child.dep_ in ("case", "mark") and child.i < role.i:
            fixed = [f.lower_ for f in child.children if f.dep_ == "fixed"]
            if " ".join([child.lower_, *fixed]) in grammar().capacity_markers:
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
    """The person holding a role in a capacity (see the module docstring)."""
    node = role.head
    for _ in range(_CLIMB):
        if node.pos_ in CLAUSE_POS:
            for subject in subject_of(node):
                found = entity_at(subject)
                if found is not None:
                    return found if found.type is EntityType.PERSON else None
        elif not any("Yes" in c.morph.get("Poss") for c in node.children if c.dep_ == "det"):
            return None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


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
