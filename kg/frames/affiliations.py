"""Membership, employment and spokespeople read from the shapes of one
sentence that no frame trigger covers, as facts with their provenance:

* ``group:share.v1``: "X et une partie des dirigeants du parti Y"
  (:func:`kg.frames.comembers.share_members`);
* ``group:listed.v1``: "X et Y, tous deux membres du parti Z"
  (:func:`kg.frames.comembers.listed_members`);
* ``group:fellow.v1``: "son confrère de parti Y"
  (:func:`kg.frames.comembers.fellow_members`);
* ``voice:announced.v1``: "les accusations de l'Institut, annoncées par Y"
  (:mod:`kg.frames.announcers`);
* ``voice:behalf.v1``: "Y a déclaré au nom du Front uni" (the same module);
* ``noun:belonging.v1``: "son appartenance au parti Y" (:mod:`kg.frames.belonging`);
* ``group:party-leader.v1``: "le comité du parti ... son président, X" for
  the party the article is about (:mod:`kg.frames.party_leaders`);
* ``label:employer.v1``: "Paul Girard, de l'Agence Y" works for Y
  (:func:`kg.frames.parties.employer_labels`);
* ``capacity:charge.v1``: "X (chargé des relations publiques à l'Institut Y)" works for Y
  (:mod:`kg.frames.charges`).

What each refuses is said in its module. Confidence: 0.7 for a share, a
list, a fellow or a noun of belonging, 0.6 for a party's leader, 0.75 for
an announcer or who speaks on behalf, 0.65 for a charge or an
employer's label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span, Token

from kg.frames.announcers import announcers, on_behalf
from kg.frames.belonging import belongings
from kg.frames.charges import charges
from kg.frames.comembers import fellow_members, listed_members, share_members
from kg.frames.located import EntityAt, Linked
from kg.frames.membership import MembershipWords, current_membership, membership_words
from kg.frames.parties import employer_labels
from kg.frames.party_leaders import party_leaders, party_meant
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
    roles = frozenset(
        name_key(role) for f in frames.role_frames if f.id == _LEADER_FRAME for role in f.roles
    )
    noun, leaders = party_leaders(sent, resolver.entity_at, roles, words.party_heads, words.former)
    entities = getattr(resolver.index, "entities", ())
    party = party_meant(noun, entities, resolver.entity_at) if noun and leaders else None
    if party is None:
        return []
    return [
        _fact(parsed, person.key, "memberOf", party.key, [role], "group:party-leader.v1", 0.6,
              role.text)
        for person, role in leaders
    ]  # fmt: skip


def _employer_labels(sent: Span, entity_at: EntityAt, words: MembershipWords) -> list[Linked]:
    return employer_labels(sent, entity_at, words.employers)


#: The shapes that link two entities: (finder, predicate, rule, confidence).
_LINKED: tuple[
    tuple[Callable[[Span, EntityAt, MembershipWords], list[Linked]], str, str, float], ...
] = (
    (share_members, "memberOf", "group:share.v1", 0.7),
    (listed_members, "memberOf", "group:listed.v1", 0.7),
    (announcers, "speaksFor", "voice:announced.v1", 0.75),
    (on_behalf, "speaksFor", "voice:behalf.v1", 0.75),
    (belongings, "memberOf", "noun:belonging.v1", 0.7),
    (_employer_labels, "worksFor", "label:employer.v1", 0.65),
)


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
        The facts, rule by rule.
    """
    words = membership_words(frames.lang)
    entity_at = resolver.entity_at
    found = [
        _fact(parsed, link.subject.key, predicate, link.object.key,
              [link.subject_token, link.object_token], rule, confidence)
        for finder, predicate, rule, confidence in _LINKED
        for link in finder(sent, entity_at, words)
    ]  # fmt: skip
    current = [f for f in facts if current_membership(f, words)]
    found += [
        _fact(parsed, fellow.key, "memberOf", party, [noun], "group:fellow.v1", 0.7)
        for fellow, party, noun in fellow_members(
            sent, entity_at, words, frames.party_nouns, current
        )
    ]
    found += _leaders(parsed, sent, frames, resolver)
    found += [
        _fact(parsed, person.key, "worksFor", org.key, [word, org_token], "capacity:charge.v1",
              0.65, word.text)
        for person, org, word, org_token in charges(sent, entity_at, words.charge_participles)
    ]  # fmt: skip
    return found
