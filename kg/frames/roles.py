"""Role frames: "Dmitri Peskov, attaché de presse de Poutine", "le président
élu américain Donald Trump", "Joe Biden, en tant que président sortant".

A role noun of a frame's list is found by its words (a noun, not inside the
name of an organisation or place); the role's value takes the role modifiers
around it ("président élu", "ancien premier ministre") and a capitalised
complement that names no other entity ("ministre de l'Intérieur"; read by
:mod:`kg.frames.role_values`); the entity it belongs to (``of``) is a
demonym after it ("américain") or a "de X" complement, other adjectives
skipped ("sénateur républicain du Nouveau-Mexique"). Its holder is a name in
apposition after it (across a comma), a name before it (across a comma, a
parenthesis or "en tant que", an adjective or an age: "X, 52 ans, actuel
ministre"), the holder of a role joined to it by "et" ("X, maire de A et
président de B"), the subject of "être", a name after "dont" ("ses
dirigeants, dont X"), the subject of the clause of "en tant que directeur"
or "sa démission de ministre", the person a verb hands the post to ("le
poste de ministre échoit à X"), the one the article announced for a post
to come ("la ministre désignée"),
or the person the entity index resolved the role phrase to (then only when
``of`` is known and the phrase is the subject). The entity a role belongs to
is read by :mod:`kg.frames.role_owner`, the names around a role phrase by
:mod:`kg.frames.role_holders`; this module takes the steps in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.frames.party_reference import party_of_value, party_possessor
from kg.frames.position_words import PositionWords, position_words
from kg.frames.respective import respective_holders
from kg.frames.role_holders import (
    announced_holder,
    appointed,
    capacity_holder,
    coordinated,
    copula_holder,
    handed_to,
    name_after,
    name_before,
    named_among,
    named_before_verb,
    person,
    purpose_subject,
    skip_scope,
)
from kg.frames.role_owner import EntityAt, of_after_name, owner, possessor, scope_owner
from kg.frames.role_values import (
    RoleIndex,
    is_place,
    is_role_head,
    match_at,
    role_index,
    value_end,
    value_start,
)
from kg.frames.schema import Frame
from kg.lang.grammar import grammar
from kg.mentions import name_key
from kg.model import Entity, EntityType
from kg.syntax import subject_of

__all__ = ["RoleMatch", "match_roles"]

_INDEX_DEPS = ("nsubj", "nsubj:pass")


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role phrase with its holder and the entity it belongs to."""

    frame: Frame
    value: str
    head: Token
    holder: Entity
    holder_token: Token
    of: Entity | None
    of_token: Token | None
    via_index: bool
    appointed_by: Token | None = None  # "nommé", "élu": dates the role


@dataclass(frozen=True, slots=True)
class _Scene:
    """What every role phrase of one frame in one sentence is read against."""

    sent: Span
    frame: Frame
    entity_at: EntityAt
    modifiers: frozenset[str]
    appointing: frozenset[str]
    honorifics: frozenset[str]
    constituencies: frozenset[str]
    portfolio_links: frozenset[str]
    roles: RoleIndex
    paired: dict[int, tuple[Token, Token | None]]
    positions: PositionWords


@dataclass(slots=True)
class _Reading:
    """One role phrase as its steps fill it in: whose it is and who holds it."""

    head: Token
    own: Entity | None
    of: Entity | None = None
    of_token: Token | None = None
    holder: Entity | None = None
    holder_token: Token | None = None
    appointed_by: Token | None = None
    via_index: bool = False


def match_roles(
    sent: Span,
    frame: Frame,
    entity_at: EntityAt,
    modifiers: frozenset[str],
    lowers: Sequence[str],
    appointing: frozenset[str] = frozenset(),
    honorifics: frozenset[str] = frozenset(),
    respective: frozenset[str] = frozenset(),
    constituencies: frozenset[str] = frozenset(),
    portfolio_links: frozenset[str] = frozenset(),
    positions: PositionWords | None = None,
) -> list[RoleMatch]:
    """Find the role phrases of one role frame in a sentence.

    Args:
        sent: the sentence.
        frame: a frame of kind ``role``.
        entity_at: the entity a token belongs to, or None.
        modifiers: role modifiers ("élu", "sortant", "ancien") that belong to the value.
        lowers: the lower-case forms of the sentence's tokens (read once by the
            caller: a sentence is matched against several frames).
        appointing: verbs whose subject takes the role they govern ("élire",
            "nommer", "devenir").
        honorifics: name keys of titles before a name ("M.", "Mme").
        respective: adverbs giving a list of roles in order to the names
            before them ("respectivement"; see :mod:`kg.frames.respective`).
        constituencies: name keys of roles elected for a territory ("sénateur"):
            their place complement is the entity they belong to.
        portfolio_links: words before a portfolio ("aux Transports").
        positions: the words of posts handed over or given as an object
            (the language's ``positions.yaml`` by default).

    Returns:
        One match per role phrase that has a holder of an accepted type.
    """
    positions = positions or position_words()
    roles = role_index(tuple(frame.roles), positions.former_prefixes)
    paired = respective_holders(sent, respective, entity_at) if respective & set(lowers) else {}
    scene = _Scene(
        sent, frame, entity_at, modifiers, appointing, honorifics, constituencies,
        portfolio_links, roles, paired, positions,
    )  # fmt: skip
    candidates = [sent.start + k for k, word in enumerate(lowers) if word in roles]
    return _read_candidates(scene, candidates)


def _read_candidates(scene: _Scene, candidates: list[int]) -> list[RoleMatch]:
    """The matches of the role phrases starting at the candidate tokens (those
    whose word starts a role noun), in order; a candidate inside the phrase
    read before is passed over."""
    sent = scene.sent
    found: list[RoleMatch] = []
    last_end = -1  # where the last role phrase with a holder ends
    i = sent.start
    for candidate in candidates:
        if candidate < i:
            continue  # inside the role phrase matched before
        i = candidate
        end = match_at(sent, i, scene.roles)
        if end == i:
            i += 1
            continue
        vend = value_end(
            sent, end, scene.modifiers, sent.doc[i], scene.entity_at, scene.roles,
            scene.portfolio_links,
        )  # fmt: skip
        if not is_role_head(scene.sent, i, end, vend, scene.entity_at):
            i = end
            continue
        match, j = _read_role(scene, i, end, vend, found, last_end)
        if match is not None:
            found.append(match)
            last_end = j
        i = max(vend, i + 1)
    return found


def _read_role(
    scene: _Scene, i: int, end: int, vend: int, found: list[RoleMatch], last_end: int
) -> tuple[RoleMatch | None, int]:
    """The match of the role phrase whose words run from token i to ``end`` and
    its value to ``vend`` (None when it has no holder of an accepted type), and
    the token its phrase ends at (where a role joined to it by "et" may start)."""
    head = scene.sent.doc[i]
    reading = _Reading(head, scene.entity_at(head))
    vstart = value_start(scene.sent, i, scene.modifiers)
    value, j = _value_and_owner(scene, reading, i, end, vstart, vend)
    j = skip_scope(scene.sent, j, scene.entity_at)
    chosen, after = _name_holder(scene, j, vstart, found, last_end)
    if chosen is not None:
        reading.holder, reading.holder_token = person(chosen, scene.entity_at), chosen
    _owner_from_context(scene, reading, chosen, after, vstart)
    _holder_by_reference(scene, reading, j)
    _holder_by_appointment(scene, reading, i, end)
    if reading.holder is None:
        found = announced_holder(scene.sent, vstart, vend, scene.positions.planned_modifiers,
                                 scene.entity_at)  # fmt: skip
        reading.holder_token, reading.holder = found, found and person(found, scene.entity_at)
    _holder_by_pairing(scene, reading)
    _holder_by_index(reading)
    return _accepted(scene.frame, reading, value), j


def _value_and_owner(
    scene: _Scene, reading: _Reading, i: int, end: int, vstart: int, vend: int
) -> tuple[str, int]:
    """The role's value (its words but a demonym inside them) and the token
    after the entity it belongs to, which the reading gets."""
    doc, entity_at = scene.sent.doc, scene.entity_at
    inner = [t for t in doc[vstart:vend] if t.pos_ == "ADJ" and is_place(t, entity_at)]
    value = "".join(t.text_with_ws for t in doc[vstart:vend] if t not in inner).strip()
    constituency = name_key(doc[i:end].text) in scene.constituencies
    reading.of, reading.of_token, j = owner(scene.sent, vend, entity_at, reading.own, constituency)
    if reading.of is None and inner:
        # "ministre français des Affaires étrangères": the demonym inside the value
        reading.of, reading.of_token = entity_at(inner[0]), inner[0]
    if reading.of is None and name_key(doc[i:end].text) in scene.positions.scope_owned_roles:
        reading.of, reading.of_token = scope_owner(scene.sent, vend, entity_at)
    if reading.of is None:
        reading.of, reading.of_token = party_of_value(scene.sent, i, vend, entity_at)
    return value, j


def _name_holder(
    scene: _Scene, j: int, vstart: int, found: list[RoleMatch], last_end: int
) -> tuple[Token | None, Token | None]:
    """The name holding the role (value from ``vstart``, phrase ending at token
    j), and the name after the phrase. "le ministre de X, Jean Dupont": the name
    after; "MM. Palas, ministre de l'Agriculture, Bures, ...": with no
    determiner, the name before; "X, maire de A et président de B": the holder
    of the role joined by "et"."""
    sent, doc = scene.sent, scene.sent.doc
    after = name_after(sent, j, scene.honorifics, scene.entity_at)
    k = vstart - 1
    if (
        k - 1 >= sent.start
        and doc[k].lower_ in grammar().genitive
        and doc[k - 1].lower_ in grammar().indefinite_articles
    ):
        k -= 2  # "l'une des dirigeantes": read as "la dirigeante"
    determiner = k >= sent.start and doc[k].lower_ in grammar().determiners
    before = name_before(sent, k, scene.entity_at)
    # "..., le cameraman X et le journaliste Y": a name right after is the holder
    if before is None and after is None and found and coordinated(sent, last_end, vstart):
        before, determiner = found[-1].holder_token, False
    chosen = (before or after) if before is not None and not determiner else (after or before)
    return chosen, after


def _owner_from_context(
    scene: _Scene, reading: _Reading, chosen: Token | None, after: Token | None, vstart: int
) -> None:
    """A role with no ``of`` yet: an organisation after the holder's name ("Anne
    Roux, de Radio France"), or the possessor of "son président"."""
    sent = scene.sent
    if reading.of is None and chosen is not None and chosen is after:
        reading.of, reading.of_token = of_after_name(sent, chosen, scene.entity_at)
    if (
        reading.of is None
        and vstart > sent.start
        and "Yes" in sent.doc[vstart - 1].morph.get("Poss")
    ):
        of, noun = party_possessor(reading.head, scene.entity_at)
        if noun is None:
            of, noun = possessor(reading.head, scene.entity_at)
        reading.of, reading.of_token = of, noun if of is not None else None


def _holder_by_reference(scene: _Scene, reading: _Reading, j: int) -> None:
    """A role phrase with no name beside it (its phrase ending at token j):
    "X, qui est président" (the subject of "être"), "ses dirigeants, dont X"
    (one of a plural role's holders), "en tant que directeur" or "sa
    démission de ministre" (the clause's subject, see :func:`capacity_holder`)."""
    words, entity_at, head = scene.positions, scene.entity_at, reading.head
    if reading.holder is not None:
        return
    found = copula_holder(head, entity_at)
    if found is None and "Plur" in head.morph.get("Number"):
        found = named_among(scene.sent, j, words.among_markers, entity_at)
    if found is None:
        found = capacity_holder(head, entity_at, words)
    if found is not None:
        reading.holder, reading.holder_token = person(found, entity_at), found


def _holder_by_appointment(scene: _Scene, reading: _Reading, i: int, end: int) -> None:
    """ "X a été élu président du parti", "X est devenu ministre": the one an
    appointment verb gives the role to ("nommé au poste de directeur" too, and
    "X succède à Y au poste de directeur"), and the verb (it dates the role);
    "le poste de ministre échoit à X": the one a verb hands the post to."""
    doc, entity_at, words = scene.sent.doc, scene.entity_at, scene.positions
    top = next((t for t in doc[i:end] if not i <= t.head.i < end), reading.head)
    if reading.holder is not None:
        return
    handed = handed_to(top, words.handing_verbs, words.post_nouns, entity_at)
    if handed is not None:
        reading.holder, reading.holder_token = person(handed, entity_at), handed
        return
    post = top.head if top.dep_ == "nmod" else top
    appointing = scene.appointing
    if name_key(post.text) in words.post_nouns and post.dep_.startswith("obl"):
        top = post  # "nommé au poste de directeur": the post stands for the role
        appointing = appointing | words.succession_verbs
    elif not appointed(top, appointing, words.role_objects):
        return
    verb = top.head
    if verb.lemma_.lower() not in appointing:
        return
    named = [c for c in verb.children if c.dep_ in _INDEX_DEPS] or subject_of(verb)
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i < top.i]
    if objects:
        named = objects  # "le parlement a nommé X ministre": X is appointed
    if verb.dep_.startswith("acl"):
        named = [verb.head]  # "X, nommé ministre de la Santé"
    if not any(person(c, entity_at) for c in named):
        found = purpose_subject(verb, words.purpose_markers) or named_before_verb(verb, entity_at)
        named = [found] if found is not None else []
    for c in named:
        if person(c, entity_at):
            reading.holder, reading.holder_token = person(c, entity_at), c
            reading.appointed_by = verb


def _holder_by_pairing(scene: _Scene, reading: _Reading) -> None:
    """ "X et Y, respectivement président et trésorier": the name paired with
    the role, and the entity the roles share."""
    if reading.head.i not in scene.paired:
        return
    holder_token, shared = scene.paired[reading.head.i]
    reading.holder_token = holder_token
    reading.holder = person(holder_token, scene.entity_at)
    if reading.of is None and shared is not None:
        reading.of, reading.of_token = scene.entity_at(shared), shared


def _holder_by_index(reading: _Reading) -> None:
    """A role phrase the entity index resolved to a person, taken as its holder
    when ``of`` is known and the phrase is the subject."""
    own, head = reading.own, reading.head
    if (
        reading.holder is None
        and reading.of is not None
        and own is not None
        and head.dep_ in _INDEX_DEPS
        and own.type is EntityType.PERSON
    ):
        reading.holder, reading.holder_token, reading.via_index = own, head, True


def _accepted(frame: Frame, reading: _Reading, value: str) -> RoleMatch | None:
    """The match when its holder and ``of`` have the frame's types (an entity
    named by the role itself, "le Président de la Chambre", holds nothing)."""
    holder, of, head = reading.holder, reading.of, reading.head
    own = reading.own
    if holder is not None and holder is own and holder.label.lower().startswith(head.lower_):
        return None
    if (
        holder is None
        or reading.holder_token is None
        or holder.type.value not in frame.subject_types
        or (of is not None and (of.type.value not in frame.object_types or of is holder))
    ):
        return None
    return RoleMatch(
        frame, value, head, holder, reading.holder_token, of, reading.of_token,
        reading.via_index, reading.appointed_by,
    )  # fmt: skip
