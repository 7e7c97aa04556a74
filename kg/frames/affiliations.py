"""Membership, employment and spokespeople read from the shapes of one
sentence that no frame trigger covers, as facts with their provenance:

* ``group:share.v1``: "X et une partie des dirigeants du parti Y"
  (:func:`kg.frames.comembers.share_members`);
* ``group:fellow.v1``: "son confrère de parti Y"
  (:func:`kg.frames.comembers.fellow_members`);
* ``voice:announced.v1``: "les accusations de l'Institut, annoncées par Y"
  (:mod:`kg.frames.announcers`);
* ``noun:belonging.v1``: "son appartenance au parti Y" (:mod:`kg.frames.belonging`);
* ``group:party-leader.v1``: "le comité du parti ... son président, X" for
  the party the article is about (:mod:`kg.frames.party_leaders`);
* ``capacity:<frame id>``: "en tant que directeur de la Banque Y"
  (:mod:`kg.frames.capacities`), with the predicate of the role's frame.

What each refuses is said in its module. Confidence: 0.7 for a share, a
fellow or a noun of belonging, 0.6 for a party's leader, 0.75 for an
announcer, the role frame's times 0.9 for a capacity.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.frames.announcers import announcers
from kg.frames.belonging import belongings
from kg.frames.capacities import capacities, capacity_roles
from kg.frames.comembers import fellow_members, share_members
from kg.frames.membership import current_membership, membership_words
from kg.frames.party_leaders import party_leaders
from kg.frames.party_refs import discourse_party
from kg.frames.provenance import fact_provenance
from kg.frames.resolver import Resolver
from kg.frames.schema import FrameSet
from kg.lexicon import name_key
from kg.model import Fact
from kg.nlp import Parsed

__all__ = ["affiliation_facts"]

#: The role frame whose roles make a leader ("président", "fondateur").
_LEADER_FRAME = "leader.v1"


def _fact(
    parsed: Parsed,
    subject: str,
    predicate: str,
    obj: str,
    tokens: list[Token],
    rule: str,
    confidence: float,
    role: str | None = None,
) -> Fact:
    return Fact(
        subject=subject,
        predicate=predicate,
        object=obj,
        role=role,
        provenance=fact_provenance(parsed, tokens, rule, round(confidence, 3)),
    )


def _leaders(parsed: Parsed, sent: Span, frames: FrameSet, resolver: Resolver) -> list[Fact]:
    """Leaders named with a possessive in a sentence about the article's party."""
    words = membership_words(frames.lang)
    party, _ = discourse_party(
        getattr(resolver.index, "entities", ()), words.party_heads, words.foreign_party_words
    )
    if party is None:
        return []
    roles = frozenset(
        name_key(role) for f in frames.role_frames if f.id == _LEADER_FRAME for role in f.roles
    )
    return [
        _fact(parsed, person.key, "memberOf", party.key, [role], "group:party-leader.v1", 0.6,
              role.text)
        for person, role in party_leaders(
            sent, resolver.entity_at, roles, words.party_heads, words.former
        )
    ]  # fmt: skip


def affiliation_facts(
    parsed: Parsed, sent: Span, frames: FrameSet, resolver: Resolver, facts: Iterable[Fact]
) -> list[Fact]:
    """The membership, employment and spokesperson facts of a sentence's shapes.

    Args:
        parsed: the article and its parse.
        sent: the sentence.
        frames: the language's frames (their role nouns and party nouns).
        resolver: the entities of tokens.
        facts: the article's facts found so far (the parties of people named before).

    Returns:
        The facts, in the order of the rules above.
    """
    words = membership_words(frames.lang)
    entity_at = resolver.entity_at
    found = [
        _fact(parsed, s.subject.key, "memberOf", s.object.key,
              [s.subject_token, s.object_token], "group:share.v1", 0.7)
        for s in share_members(sent, entity_at, words)
    ]  # fmt: skip
    current = [f for f in facts if current_membership(f, words)]
    found += [
        _fact(parsed, fellow.key, "memberOf", party, [noun], "group:fellow.v1", 0.7)
        for fellow, party, noun in fellow_members(
            sent, entity_at, words, frames.party_nouns, current
        )
    ]
    found += [
        _fact(parsed, a.subject.key, "speaksFor", a.object.key,
              [a.subject_token, a.object_token], "voice:announced.v1", 0.75)
        for a in announcers(sent, entity_at, words)
    ]  # fmt: skip
    found += [
        _fact(parsed, b.subject.key, "memberOf", b.object.key,
              [b.subject_token, b.object_token], "noun:belonging.v1", 0.7)
        for b in belongings(sent, entity_at, words)
    ]  # fmt: skip
    found += _leaders(parsed, sent, frames, resolver)
    found += [
        _fact(parsed, c.holder.key, c.frame.predicate, c.organisation.key,
              [c.role, c.organisation_token], f"capacity:{c.frame.id}",
              c.frame.confidence * 0.9, c.role.text)
        for c in capacities(sent, entity_at, capacity_roles(frames))
    ]  # fmt: skip
    return found
