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
président de B"), the subject of "être",
or the person the entity index resolved the role phrase to (then only when
``of`` is known and the phrase is the subject).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.frames.respective import respective_holders
from kg.frames.role_values import (
    is_place,
    kind_of_named,
    match_at,
    role_index,
    skip_determiners,
    value_end,
)
from kg.frames.schema import Frame
from kg.lang.grammar import grammar
from kg.mentions import name_key
from kg.model import Entity, EntityType
from kg.syntax import subject_of

__all__ = ["RoleMatch", "match_roles"]

EntityAt = Callable[[Token], Entity | None]

_BEFORE = {",", "(", "-", "—", "–"}  # and the capacity markers' words
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


def _person(tok: Token, entity_at: EntityAt) -> Entity | None:
    ent = entity_at(tok)
    return ent if ent is not None and ent.type is EntityType.PERSON else None


def _of(
    sent: Span, j: int, entity_at: EntityAt, own: Entity | None, constituency: bool = False
) -> tuple[Entity | None, Token | None, int]:
    """The entity a role belongs to, read from token j (after the role's value)
    on: an organisation's name as a label ("le député UMP"), a demonym ("le
    ministre belge"), a "de" complement naming an entity ("du Parti vert") or
    a country by a capitalised noun and its demonym ("de la République
    tchèque"). A role elected for a territory ("sénateur républicain du
    Nouveau-Mexique") belongs to the place of its complement, not to the party
    its label names. Further "de" complements naming entities are passed over
    ("rapporteur de la commission X de l'ONU, Anne Roux": the commission's)."""
    doc = sent.doc
    of, of_token = None, None
    label = entity_at(doc[j]) if j < sent.end else None
    if label is not None and label is not own and label.type is EntityType.ORGANIZATION:
        # "le député UMP": an organisation's name as the role's label
        of, of_token = label, doc[j]
        while j < sent.end and entity_at(doc[j]) is label:
            j += 1
    completed = False
    while j < sent.end:
        tok = doc[j]
        ent = entity_at(tok)
        if tok.pos_ == "ADJ":
            if of is None and ent is not None and ent.type is EntityType.PLACE:
                of, of_token = ent, tok
            j += 1
            continue
        if tok.lower_ in grammar().genitive:
            k = skip_determiners(sent, j + 1)
            k += kind_of_named(sent, k, entity_at)
            named, at = _complement_entity(sent, k, entity_at)
            if named is None or named is own:
                break
            wanted = of is None or (
                constituency and not completed and named.type is EntityType.PLACE
            )
            if completed or not wanted:
                if completed and named.type is not EntityType.PERSON:
                    j = _past(sent, at, named, entity_at)
                    continue  # a complement of the complement
                break
            of, of_token, completed = named, doc[at], True
            j = _past(sent, at, named, entity_at)
            continue
        if tok.lower_ in grammar().place_prepositions and of is None:
            # "journaliste au Figaro", "chercheuse à l'Institut Pasteur": the
            # organisation one works at; a place there ("ambassadeur à Paris")
            # is where the role is held, not whose it is
            k = skip_determiners(sent, j + 1)
            named = entity_at(doc[k]) if k < sent.end else None
            if named is not None and named is not own and named.type is EntityType.ORGANIZATION:
                of, of_token = named, doc[k]
                j = k + 1
        break
    return of, of_token, j


def _complement_entity(sent: Span, k: int, entity_at: EntityAt) -> tuple[Entity | None, int]:
    """The entity a complement names from token k, and the token naming it:
    the entity at k, or the country of "République tchèque" (a capitalised
    noun naming nothing, then a demonym)."""
    if k >= sent.end:
        return None, k
    doc = sent.doc
    named = entity_at(doc[k])
    if (
        named is None
        and k + 1 < sent.end
        and doc[k].text[:1].isupper()
        and doc[k].pos_
        in (
            "NOUN",
            "PROPN",
        )
    ):
        after = entity_at(doc[k + 1])
        if after is not None and after.type is EntityType.PLACE and doc[k + 1].pos_ == "ADJ":
            return after, k + 1
    return named, k


def _past(sent: Span, k: int, named: Entity, entity_at: EntityAt) -> int:
    """The token after the words of ``named`` from token k."""
    j = k + 1
    while j < sent.end and entity_at(sent.doc[j]) is named:
        j += 1
    return j


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

    Returns:
        One match per role phrase that has a holder of an accepted type.
    """
    doc = sent.doc
    roles = role_index(tuple(frame.roles))
    found: list[RoleMatch] = []
    last_end = -1  # where the last role phrase with a holder ends
    candidates = [sent.start + k for k, word in enumerate(lowers) if word in roles]
    paired = respective_holders(sent, respective, entity_at) if respective & set(lowers) else {}
    i = sent.start
    for candidate in candidates:
        if candidate < i:
            continue  # inside the role phrase matched before
        i = candidate
        end = match_at(sent, i, roles)
        head = doc[i]
        if end == i:
            i += 1
            continue
        own = entity_at(head)
        # A one-word role must be tagged a noun ("avocat général"), unless it is
        # hyphenated, which no other word is ("porte-parole" is often tagged PRON),
        # or a participle whose "de" complement naming no entity belongs to the
        # role ("X, chargé des relations extérieures"; "chargé de rédiger",
        # "envoyé de Paris" are refused).
        single = end - i == 1 and "-" not in head.text
        vend = value_end(sent, end, modifiers, head, entity_at, roles, portfolio_links)
        participle = (
            head.pos_ in ("VERB", "ADJ")
            and end < sent.end
            and doc[end].lower_ in grammar().genitive
        )
        if (single and head.pos_ not in ("NOUN", "PROPN") and not (participle and vend > end)) or (
            own is not None and own.type in (EntityType.ORGANIZATION, EntityType.PLACE)
        ):
            i = end
            continue
        vstart = i
        # "l'ancien ministre": an adjective before the role is the value's;
        # "élue présidente": a verb is not
        while (
            vstart > sent.start
            and doc[vstart - 1].lower_ in modifiers
            and doc[vstart - 1].pos_ == "ADJ"
        ):
            vstart -= 1
        inner = [t for t in doc[vstart:vend] if t.pos_ == "ADJ" and is_place(t, entity_at)]
        value = "".join(t.text_with_ws for t in doc[vstart:vend] if t not in inner).strip()
        constituency = name_key(doc[i:end].text) in constituencies
        of, of_token, j = _of(sent, vend, entity_at, own, constituency)
        if of is None and inner:
            # "ministre français des Affaires étrangères": the demonym inside the value
            of, of_token = entity_at(inner[0]), inner[0]
        holder, holder_token = None, None
        after = before = None
        j = _skip_scope(sent, j, entity_at)
        k = j + 1 if j < sent.end and doc[j].text == "," else j
        if k + 1 < sent.end and name_key(doc[k].text) in honorifics:
            k += 1  # "son directeur, M. Roux"
        if k < sent.end and doc[k].pos_ in ("PROPN", "X", "NOUN") and _person(doc[k], entity_at):
            after = doc[k]
        k = vstart - 1
        if (
            k - 1 >= sent.start
            and doc[k].lower_ in grammar().genitive
            and doc[k - 1].lower_ in grammar().indefinite_articles
        ):
            k -= 2  # "l'une des dirigeantes": read as "la dirigeante"
        determiner = k >= sent.start and doc[k].lower_ in grammar().determiners
        before = _name_before(sent, k, entity_at)
        # "le ministre de X, Jean Dupont": the name after; "MM. Palas, ministre
        # de l'Agriculture, Bures, ...": with no determiner, the name before
        # "..., le cameraman X et le journaliste Y": a name right after is the holder
        if before is None and after is None and found and _coordinated(sent, last_end, vstart):
            before, determiner = found[-1].holder_token, False
        chosen = (before or after) if before is not None and not determiner else (after or before)
        if chosen is not None:
            holder, holder_token = _person(chosen, entity_at), chosen
        if of is None and chosen is not None and chosen is after:
            of, of_token = _of_after_name(sent, chosen, entity_at)
        if of is None and vstart > sent.start and "Yes" in doc[vstart - 1].morph.get("Poss"):
            of, of_token = _possessor(head, entity_at)
        if holder is None and any(c.dep_ == "cop" for c in head.children):
            for c in head.children:
                named = _antecedent(c, head) if c.dep_.startswith("nsubj") else None
                if named is not None and _person(named, entity_at):
                    holder, holder_token = _person(named, entity_at), named
        top = next((t for t in doc[i:end] if not i <= t.head.i < end), head)
        appointed_by = None
        if holder is None and _appointed(top, appointing):
            # "X a été élu président du parti", "X est devenu ministre"
            verb = top.head
            named = [c for c in verb.children if c.dep_ in _INDEX_DEPS] or subject_of(verb)
            objects = [c for c in verb.children if c.dep_ == "obj" and c.i < top.i]
            if objects:
                named = objects  # "le parlement a nommé X ministre": X is appointed
            if verb.dep_.startswith("acl"):
                named = [verb.head]  # "X, nommé ministre de la Santé"
            for c in named:
                if _person(c, entity_at):
                    holder, holder_token, appointed_by = _person(c, entity_at), c, verb
        if head.i in paired:  # "X et Y, respectivement président et trésorier"
            holder_token, shared = paired[head.i]
            holder = _person(holder_token, entity_at)
            if of is None and shared is not None:
                of, of_token = entity_at(shared), shared
        via_index = False
        if holder is None and of is not None and own is not None and head.dep_ in _INDEX_DEPS:
            if own.type is EntityType.PERSON:
                holder, holder_token, via_index = own, head, True
        if holder is not None and holder is own and holder.label.lower().startswith(head.lower_):
            holder = None  # an entity named by the role itself: "le Président de la Chambre"
        if (
            holder is not None
            and holder_token is not None
            and holder.type.value in frame.subject_types
            and (of is None or (of.type.value in frame.object_types and of is not holder))
        ):
            found.append(
                RoleMatch(
                    frame, value, head, holder, holder_token, of, of_token, via_index, appointed_by
                )
            )
            last_end = j
        i = max(vend, i + 1)
    return found


def _name_before(sent: Span, k: int, entity_at: EntityAt) -> Token | None:
    """The holder's name before a role phrase that ends at token k: "X, ministre",
    "X (ministre", "X en tant que ministre". Skipped on the way: the role's
    determiners and adjectives ("X, l'actuel ministre", "X, éphémère ministre")
    and one short apposition with a number ("X, 52 ans, ministre", "X, âgé de
    52 ans, ministre"). Refused: a name not set off by one of those marks
    ("X ministre"), and an apposition naming an entity or of more than five words."""
    doc = sent.doc
    while k >= sent.start and (
        doc[k].lower_ in grammar().determiners
        or (doc[k].pos_ == "ADJ" and entity_at(doc[k]) is None)
    ):
        k -= 1
    gap = 0
    while k >= sent.start and doc[k].lower_ in _BEFORE | grammar().capacity_words:
        k, gap = k - 1, gap + 1
    if gap and doc[k + 1].text == "," and k >= sent.start and not _person(doc[k], entity_at):
        k = _skip_age(sent, k, entity_at)
    if gap and k >= sent.start and _person(doc[k], entity_at):
        return doc[k]
    return None


def _antecedent(subject: Token, head: Token) -> Token:
    """ "X, qui est président du parti": the name a relative pronoun subject of
    the copula stands for (the noun the relative clause hangs on); any other
    subject stands for itself."""
    if "Rel" in subject.morph.get("PronType") and head.dep_ == "acl:relcl":
        return head.head
    return subject


def _coordinated(sent: Span, end: int, start: int) -> bool:
    """A role phrase starting at token ``start`` joined by "et" to the one that
    ended at token ``end``: "X, ministre de la Santé et président du parti".
    Between them only words of the first phrase: no verb, and no comma outside
    brackets ("X, ministre, a reçu Y et le président" is no coordination)."""
    doc = sent.doc
    k = start - 1
    while k >= sent.start and doc[k].lower_ in grammar().determiners:
        k -= 1
    if end < 0 or k < end or doc[k].lower_ not in grammar().additive_conjunctions:
        return False
    depth = 0
    for tok in doc[end:k]:
        depth += (tok.text == "(") - (tok.text == ")")
        if tok.pos_ in ("VERB", "AUX") or (depth == 0 and tok.text == ","):
            return False
    return depth == 0


def _skip_age(sent: Span, k: int, entity_at: EntityAt) -> int:
    """The token before ", 52 ans," or ", âgé de 52 ans," that ends at token k
    (the comma after it already passed), or k when there is no such apposition."""
    doc = sent.doc
    for c in range(k, max(sent.start, k - 6) - 1, -1):
        if doc[c].text == ",":
            words = doc[c + 1 : k + 1]
            if any(t.like_num for t in words) and all(entity_at(t) is None for t in words):
                return c - 1
            return k
    return k


def _appointed(head: Token, appointing: frozenset[str]) -> bool:
    """A role noun governed bare by an appointment verb: "élu président",
    "nommé Premier ministre" (the parser makes it an xcomp or a bare oblique);
    "nommé à la présidence" has a preposition and is no role phrase, and "a
    investi le vice-président" a determiner: the role names the one invested,
    it is not given to the subject. "a nommé X ministre", which the parser
    reads as two objects, is one too: the role is the second object."""
    bare = not any(c.dep_ in ("case", "det") for c in head.children)
    verb = head.head
    second = head.dep_ == "obj" and any(c.dep_ == "obj" and c.i < head.i for c in verb.children)
    return (
        (head.dep_.split(":")[0] in ("xcomp", "obl") or second)
        and bare
        and verb.lemma_.lower() in appointing
    )


def _skip_scope(sent: Span, j: int, entity_at: EntityAt) -> int:
    """ "l'envoyé de l'ONU pour le Darfour, X": a "pour" phrase naming the
    role's scope, skipped up to its comma (at most five words, no person)."""
    doc = sent.doc
    if j >= sent.end or doc[j].lower_ not in grammar().scope_prepositions:
        return j
    for k in range(j + 1, min(j + 7, sent.end)):
        if doc[k].text == ",":
            return k
        if _person(doc[k], entity_at):
            return j
    return j


def _possessor(head: Token, entity_at: EntityAt) -> tuple[Entity | None, Token | None]:
    """ "La Fédération a annoncé, par la voix de son président, X": "son" is the
    subject of the verb the role phrase depends on, when that subject names
    an organisation or a place (a person's "son président" is left alone)."""
    node = head
    for _ in range(4):
        if node.head is node:
            return None, None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            for tok in subject_of(node):
                ent = entity_at(tok)
                if ent is not None and ent.type in (EntityType.ORGANIZATION, EntityType.PLACE):
                    return ent, tok
            return None, None
    return None, None


def _of_after_name(
    sent: Span, name: Token, entity_at: EntityAt
) -> tuple[Entity | None, Token | None]:
    """ "La journaliste Anne Roux, de Radio France": an organisation in a "de"
    phrase set off by a comma right after the holder's name, its kind maybe
    named before it ("Anne Roux, du quotidien Le Soir")."""
    doc = sent.doc
    holder = entity_at(name)
    j = name.i
    while j < sent.end and entity_at(doc[j]) is holder:
        j += 1
    if j + 2 < sent.end and doc[j].text == "," and doc[j + 1].lower_ in grammar().genitive:
        k = skip_determiners(sent, j + 2)
        if k + 1 < sent.end and doc[k].pos_ == "NOUN" and doc[k].text.islower():
            # "du journal Le Soir": the kind of organisation before its name
            k = skip_determiners(sent, k + 1)
        ent = entity_at(doc[k]) if k < sent.end else None
        if ent is not None and ent.type is EntityType.ORGANIZATION:
            return ent, doc[k]
    return None, None
