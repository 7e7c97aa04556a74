"""Where a role's holder is named, read around a role phrase: a name before
it set off by a comma, a parenthesis or "en tant que" (an age apposition
skipped: "X, 52 ans, ministre"), the role joined by "et" to a role before it,
the subject of "être" standing for a relative pronoun, an appointment verb
governing the role bare ("élu président"), and the "pour" phrase of its scope
skipped before a name after it. Read by :mod:`kg.frames.roles`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.role_owner import EntityAt
from kg.lang.grammar import grammar
from kg.model import Entity, EntityType

__all__ = [
    "antecedent",
    "appointed",
    "coordinated",
    "name_before",
    "person",
    "skip_scope",
]

_BEFORE = {",", "(", "-", "—", "–"}  # and the capacity markers' words


def person(tok: Token, entity_at: EntityAt) -> Entity | None:
    """The person a token names, or None (no entity, or one of another type)."""
    ent = entity_at(tok)
    return ent if ent is not None and ent.type is EntityType.PERSON else None


def name_before(sent: Span, k: int, entity_at: EntityAt) -> Token | None:
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
    if gap and doc[k + 1].text == "," and k >= sent.start and not person(doc[k], entity_at):
        k = _skip_age(sent, k, entity_at)
    if gap and k >= sent.start and person(doc[k], entity_at):
        return doc[k]
    return None


def antecedent(subject: Token, head: Token) -> Token:
    """ "X, qui est président du parti": the name a relative pronoun subject of
    the copula stands for (the noun the relative clause hangs on); any other
    subject stands for itself."""
    if "Rel" in subject.morph.get("PronType") and head.dep_ == "acl:relcl":
        return head.head
    return subject


def coordinated(sent: Span, end: int, start: int) -> bool:
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


def appointed(head: Token, appointing: frozenset[str]) -> bool:
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


def skip_scope(sent: Span, j: int, entity_at: EntityAt) -> int:
    """ "l'envoyé de l'ONU pour le Darfour, X": a "pour" phrase naming the
    role's scope, skipped up to its comma (at most five words, no person)."""
    doc = sent.doc
    if j >= sent.end or doc[j].lower_ not in grammar().scope_prepositions:
        return j
    for k in range(j + 1, min(j + 7, sent.end)):
        if doc[k].text == ",":
            return k
        if person(doc[k], entity_at):
            return j
    return j
