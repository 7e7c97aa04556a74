"""The party a text means by "le parti": "X a été élu président du parti",
"le bureau national du parti ... son président".

A party noun ("parti", "mouvement": ``party_heads`` of ``membership.yaml``)
in lower case, definite and naming no entity, refers back to the party the
article is about: among the organisations shown to be parties — a word for
"party" in their name ("Parti vert", "Partei", from ``party_name_words`` of
``positions.yaml``) or a party noun right before a mention ("le nouveau
parti X") — the one named most often. Refused: no such party, or two
named as often (which one is meant is not said).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from kg.frames.membership import membership_words
from kg.frames.position_words import position_words
from kg.frames.role_owner import EntityAt, clause_subjects
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType

__all__ = ["article_party", "party_noun", "party_of_value", "party_possessor"]


def party_noun(tok: Token, entity_at: EntityAt) -> bool:
    """Whether a token is a party noun referring back: lower case, naming no
    entity, with a definite article ("du parti", "le mouvement")."""
    definite = any(
        c.dep_ == "det" and c.lower_ in grammar().definite_articles for c in tok.children
    ) or any(c.dep_ == "case" and c.lower_ in grammar().genitive for c in tok.children)
    return (
        tok.text[:1].islower()
        and entity_at(tok) is None
        and name_key(tok.text) in membership_words().party_heads
        and definite
    )


def article_party(doc: Doc, entity_at: EntityAt) -> Entity | None:
    """The party the article is about (see the module's rules), or None."""
    heads = membership_words().party_heads
    words = position_words().party_name_words
    counts: Counter[str] = Counter()
    parties: dict[str, Entity] = {}
    previous: Entity | None = None
    for tok in doc:
        ent = entity_at(tok)
        if ent is not None and ent is not previous and ent.type is EntityType.ORGANIZATION:
            counts[ent.key] += 1
            named = words & set(name_key(ent.label).split())
            kind = tok.i > 0 and name_key(doc[tok.i - 1].text) in heads
            if named or kind:
                parties[ent.key] = ent
        previous = ent
    ranked = sorted(((counts[k], k) for k in parties), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return parties[ranked[0][1]]


def party_of_value(
    sent: Span, start: int, end: int, entity_at: EntityAt
) -> tuple[Entity | None, Token | None]:
    """ "président du parti", "chef du parti": the party a role's value from
    token ``start`` to ``end`` refers back to by its last complement, with
    that complement's noun; (None, None) when it has none."""
    doc = sent.doc
    for tok in doc[start:end]:
        if tok.i > start and party_noun(tok, entity_at) and tok.head.i in range(start, end):
            party = article_party(doc, entity_at)
            return (party, tok) if party is not None else (None, None)
    return None, None


def party_possessor(head: Token, entity_at: EntityAt) -> tuple[Entity | None, Token | None]:
    """ "Le bureau national du parti a demandé que son président ...": the
    party "son" stands for when the subject of the verb the role depends on
    is a party noun referring back, or a body of it ("le bureau du parti"),
    with that noun; (None, noun) when the article has no one party ("son"
    stays unread: the body itself is not meant); (None, None) for any other
    subject."""
    for tok in clause_subjects(head):
        nouns = [tok] + [c for c in tok.children if c.dep_ == "nmod"]
        noun = next((n for n in nouns if party_noun(n, entity_at)), None)
        if noun is not None:
            return article_party(tok.doc, entity_at), noun
    return None, None
