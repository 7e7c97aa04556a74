"""Membership read from the people a person is named with: a share of an
organisation's people ("X et une partie des dirigeants du parti Y"), a list
of people set beside them ("X et Y, tous deux membres du parti Z"), or a
fellow of a party ("son confrère de parti Y").

The words come from ``membership.yaml`` (``group_members``,
``group_shares``, ``fellows``):

* a person coordinated with a share of an organisation's people ("une
  fraction des cadres de Y", "d'autres militants de Y") is one of them, a
  member of Y. Refused: the people with no share ("X et les dirigeants de Y"
  may be X and the other side of a talk), former ones ("X et d'anciens
  cadres de Y"), and a complement that names no organisation;
* a list of people ("X, Y et Z,") right before a plural noun of
  ``group_members`` with an organisation after "de" ("militants du Front
  Z"): each person is a member. Refused: a list that does not end right
  before the noun (its quantifiers aside: "tous deux"), a singular noun (the
  role frames read it), former members ("anciens cadres de Z");
* "son confrère / sa collègue / son camarade de parti Y": Y is a member of
  the party of the person named last before the phrase in the sentence, the
  one organisation that person was found to be a member of so far. Refused:
  a fellow with no "de parti" ("son collègue Y": of work, of an office),
  no person named before, and a person with no membership or with two.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt, Linked
from kg.frames.membership import MembershipWords
from kg.frames.parties import genitive_organisation
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType, Fact
from kg.syntax import markers

__all__ = ["fellow_members", "listed_members", "share_members"]


def _is(entity: Entity | None, kind: EntityType) -> bool:
    return entity is not None and entity.type is kind


def _organisation_of(
    share: Token, group: Token, entity_at: EntityAt
) -> tuple[Entity, Token] | None:
    """The organisation named as the "de" complement of a group noun, of one
    coordinated with it ("des élus et militants du parti Y"), or of the
    share noun after the group noun (where the parser may hang it)."""
    for noun in (group, *group.conjuncts, share):
        found = genitive_organisation(noun, entity_at, after=group.i)
        if found is not None:
            return found
    return None


def _group_of(token: Token, words: MembershipWords) -> Token | None:
    """The plural noun of an organisation's people a token names a share of:
    "une fraction des dirigeants" -> "dirigeants", "d'autres cadres" -> "cadres"."""
    word = name_key(token.text)
    modifiers = {name_key(c.text) for c in token.children if c.dep_ == "amod"}
    if modifiers & words.former:
        return None
    if word in words.group_members:
        return token if modifiers & words.group_shares else None
    if word not in words.group_shares:
        return None
    for child in token.children:
        is_group = name_key(child.text) in words.group_members
        if child.dep_ == "nmod" and is_group and markers(child) & grammar().genitive:
            return None if {name_key(c.text) for c in child.children} & words.former else child
    return None


def _coordinated(sent: Span) -> Iterator[tuple[Token, Token]]:
    """Each pair of coordinated tokens of a sentence, both ways round; the
    parser may also make them two subjects of one verb, the second with "et"."""
    for token in sent:
        first = None
        if token.dep_ == "conj" and token.head.i != token.i:
            first = token.head
        elif any(c.dep_ == "cc" and c.lower_ in grammar().additive_conjunctions
                 for c in token.children):  # fmt: skip
            first = next(
                (s for s in token.head.children if s.dep_ == token.dep_ and s.i < token.i), None
            )
        if first is not None:
            yield first, token
            yield token, first


def _named_in(one: Token, other: Token, entity_at: EntityAt) -> Token:
    """ "le départ de X et d'une fraction des cadres": the parser may join the
    share to the noun before X; X, introduced by "de" as the share is, stands
    for that noun."""
    genitive = grammar().genitive
    if entity_at(one) is not None or not markers(other) & genitive:
        return one
    for child in one.children:
        if child.dep_ == "nmod" and child.i < other.i and markers(child) & genitive:
            return child
    return one


def share_members(sent: Span, entity_at: EntityAt, words: MembershipWords) -> list[Linked]:
    """People named with a share of an organisation's people: members of it.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the membership words.

    Returns:
        One item per person so named (the person, the organisation).
    """
    found = []
    for one, other in _coordinated(sent):
        one = _named_in(one, other, entity_at)
        person = entity_at(one)
        group = _group_of(other, words) if _is(person, EntityType.PERSON) else None
        organisation = _organisation_of(other, group, entity_at) if group is not None else None
        if organisation is not None:
            found.append(Linked(person, organisation[0], one, organisation[1]))  # type: ignore[arg-type]
    return found


def _listed(noun: Token, entity_at: EntityAt) -> list[tuple[Entity, Token]]:
    """The people listed right before a noun and a comma ("X, Y et Z, militants")."""
    doc = noun.doc
    k = noun.i - 1
    while k >= 0 and doc[k].head.i == noun.i and doc[k].dep_ in ("amod", "nummod", "det"):
        k -= 1  # "tous deux"
    if k < 0 or doc[k].text != ",":
        return []
    found: dict[str, tuple[Entity, Token]] = {}
    k -= 1
    while k >= noun.sent.start:
        token = doc[k]
        person = entity_at(token)
        if _is(person, EntityType.PERSON):
            found.setdefault(person.key, (person, token))  # type: ignore[union-attr]
        elif token.text != "," and token.lower_ not in grammar().additive_conjunctions:
            break
        k -= 1
    return list(found.values())


def listed_members(sent: Span, entity_at: EntityAt, words: MembershipWords) -> list[Linked]:
    """People listed before a plural noun of an organisation's people: members.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the membership words.

    Returns:
        One item per person listed (the person, the organisation).
    """
    found = []
    for noun in sent:
        if name_key(noun.text) not in words.group_members:
            continue
        if {name_key(c.text) for c in noun.children if c.dep_ == "amod"} & words.former:
            continue
        organisation = genitive_organisation(noun, entity_at, after=noun.i)
        people = _listed(noun, entity_at) if organisation is not None else []
        if len(people) > 1 and organisation is not None:
            found += [Linked(p, organisation[0], t, organisation[1]) for p, t in people]
    return found


def _fellow(noun: Token, entity_at: EntityAt, party_nouns: frozenset[str]) -> Entity | None:
    """The person a "son confrère de parti Y" phrase names right after the
    party noun (across a comma), or None."""
    possessive = any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)
    party = next(
        (
            c
            for c in noun.children
            if c.dep_ == "nmod" and c.lower_ in party_nouns and markers(c) & grammar().genitive
        ),
        None,
    )
    if not possessive or party is None:
        return None
    doc = noun.doc
    k = party.i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    person = entity_at(doc[k]) if k < len(doc) else None
    return person if _is(person, EntityType.PERSON) else None


def _last_person(sent: Span, before: Token, entity_at: EntityAt, other: Entity) -> Entity | None:
    """The person named last before a token, in its sentence or the one before."""
    doc = sent.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(doc[start : before.i]):
        person = entity_at(token)
        if _is(person, EntityType.PERSON) and person is not other:
            return person
    return None


def fellow_members(
    sent: Span,
    entity_at: EntityAt,
    words: MembershipWords,
    party_nouns: frozenset[str],
    facts: Iterable[Fact],
) -> list[tuple[Entity, str, Token]]:
    """Fellows of a party named by "son confrère de parti Y": members of the
    one organisation the person named before them belongs to.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the membership words.
        party_nouns: nouns naming a kind of party ("parti").
        facts: the article's facts found so far.

    Returns:
        One item per fellow: the fellow, the key of the organisation, and
        the token of the fellow noun.
    """
    facts = list(facts)
    found = []
    for noun in sent:
        if name_key(noun.text) not in words.fellows:
            continue
        fellow = _fellow(noun, entity_at, party_nouns)
        named = _last_person(sent, noun, entity_at, fellow) if fellow is not None else None
        if named is None:
            continue
        parties = {f.object for f in facts if f.predicate == "memberOf" and f.subject == named.key}
        if len(parties) == 1:
            found.append((fellow, parties.pop(), noun))
    return found
