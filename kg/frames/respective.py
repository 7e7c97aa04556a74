"""Roles given in order to the names before them: "Anne Roux et Paul Girard,
respectivement présidente et secrétaire du Parti vert".

The adverb (``respective`` of ``grammar.yaml``) stands between a list of
people's names (commas, a conjunction, prepositions and bracketed
appositions between them) and a list of role nouns; the roles go in order to
the names and share the last role's complement. Refused: lists of different
lengths, a single name, a list broken by another word.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from kg.model import Entity, EntityType

__all__ = ["respective_holders"]

EntityAt = Callable[[Token], Entity | None]


def respective_holders(
    sent: Span, markers: frozenset[str], entity_at: EntityAt
) -> dict[int, tuple[Token, Token | None]]:
    """The holders of roles given "respectively" in a sentence.

    Args:
        sent: the sentence.
        markers: the adverbs that pair the lists ("respectivement").
        entity_at: the entity a token belongs to, or None.

    Returns:
        For each role noun of such a list (by token index), the name token
        that holds it and the entity the roles share, named as the last
        role's complement ("président et membre de la commission"), or None.
    """
    found: dict[int, tuple[Token, Token | None]] = {}
    for tok in sent:
        if tok.lower_ not in markers:
            continue
        names, roles = _names_before(sent, tok.i, entity_at), _roles_after(sent, tok.i + 1)
        if len(names) < 2 or len(names) != len(roles):
            continue
        shared = _complement(roles[-1], entity_at)
        for role, name in zip(roles, names, strict=True):
            found[role.i] = (name, shared)
    return found


def _names_before(sent: Span, k: int, entity_at: EntityAt) -> list[Token]:
    """The people named in a list that ends right before token k: names
    joined by commas, a conjunction and prepositions ("de X (...) et de Y"),
    a bracketed apposition after each skipped. Stops at any other word."""
    doc = sent.doc
    names: list[Token] = []
    k -= 1
    while k >= sent.start:
        tok = doc[k]
        ent = entity_at(tok)
        if tok.text == ")":
            while k >= sent.start and doc[k].text != "(":
                k -= 1
        elif ent is not None and ent.type is EntityType.PERSON:
            while k - 1 >= sent.start and entity_at(doc[k - 1]) is ent:
                k -= 1
            names.insert(0, doc[k])
        elif not (tok.is_punct or tok.pos_ in ("CCONJ", "ADP")) or ent is not None:
            break
        k -= 1
    return names


def _roles_after(sent: Span, k: int) -> list[Token]:
    """The nouns of a list of roles starting at token k: "président et simple
    membre" (adjectives skipped; a comma or a conjunction between two nouns)."""
    doc = sent.doc
    roles: list[Token] = []
    while k < sent.end:
        while k < sent.end and doc[k].pos_ == "ADJ":
            k += 1
        if k >= sent.end or doc[k].pos_ != "NOUN":
            break
        roles.append(doc[k])
        k += 1
        while k < sent.end and doc[k].pos_ == "ADJ":
            k += 1
        if k >= sent.end or not (doc[k].pos_ == "CCONJ" or doc[k].text == ","):
            break
        k += 1
    return roles


def _complement(role: Token, entity_at: EntityAt) -> Token | None:
    """The organisation or place named by a preposition's phrase right after a
    role noun and its adjectives ("membre suppléant de la commission"), or None."""
    doc, k = role.doc, role.i + 1
    end = role.sent.end
    while k < end and doc[k].pos_ == "ADJ":
        k += 1
    if k >= end or doc[k].pos_ != "ADP":
        return None
    k += 1
    while k < end and doc[k].pos_ == "DET":
        k += 1
    ent = entity_at(doc[k]) if k < end else None
    if ent is not None and ent.type in (EntityType.ORGANIZATION, EntityType.PLACE):
        return doc[k]
    return None
