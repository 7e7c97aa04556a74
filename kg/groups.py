"""The organisations a plural demonstrative stands for.

"... le parti a reçu ses partenaires de la majorité, l'Union X (UX) et les
verts (LV). Le soutien des alliés du parti semble acquis, ceux-ci ayant
posé comme condition ...": "ceux-ci" takes the closest
plural noun before it ("les alliés"), which names nobody, and stands for
the one list of organisations the sentence before, or its own sentence
before that noun, sets after a plural noun and a comma ("ses partenaires
de la majorité, X et Y"). Each item of the list names its first
organisation, a name in brackets counting ("les verts (LV)").

Refused: a pronoun of the list ``group_pronouns`` (``cues.yaml``) that is
singular, no plural noun before it, a noun that names an entity itself, no
list or two lists of two organisations or more, a list holding an
organisation the noun's own complement names ("les alliés du parti": the
party is no ally of itself).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from kg.lang.grammar import grammar
from kg.model import Entity, EntityType
from kg.syntax import markers

__all__ = ["group_of"]

EntityAt = Callable[[Token], Entity | None]
#: The most words between a plural noun and the comma that opens its list.
_LEAD = 6


def _antecedent(pronoun: Token) -> Token | None:
    """The closest plural noun before a pronoun, in its sentence."""
    for tok in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number"):
            return tok
    return None


def _item_entity(item: list[Token], entity_at: EntityAt) -> Entity | None:
    """The first organisation an item of a list names."""
    for tok in item:
        ent = entity_at(tok)
        if ent is not None and ent.type is EntityType.ORGANIZATION:
            return ent
    return None


def _items(doc_span: Span, start: int) -> list[list[Token]]:
    """The items of a list from a token on, split on commas and "et" outside
    brackets, up to a stop mark or a finite verb outside brackets."""
    items: list[list[Token]] = [[]]
    depth = 0
    joints = grammar().conjunctions | {","}
    for tok in doc_span.doc[start : doc_span.end]:
        depth += tok.text == "("
        depth -= tok.text == ")" and depth > 0
        if depth == 0 and tok.text in (".", ";", ":"):
            break
        if depth == 0 and "Fin" in tok.morph.get("VerbForm"):
            break
        if depth == 0 and tok.lower_ in joints:
            items.append([])
        else:
            items[-1].append(tok)
    return [item for item in items if item]


def _lists(sent: Span, end: int, entity_at: EntityAt) -> list[list[Entity]]:
    """The lists of two organisations or more set after a plural noun and a
    comma, before token ``end``."""
    found = []
    for noun in sent.doc[sent.start : end]:
        if noun.pos_ != "NOUN" or "Plur" not in noun.morph.get("Number"):
            continue
        lead = sent.doc[noun.i + 1 : min(noun.i + _LEAD, end)]
        comma = next((t.i for t in lead if t.text == ","), None)
        if comma is None or any(t.pos_ in ("VERB", "AUX") for t in lead if t.i < comma):
            continue
        named: list[Entity] = []
        for item in _items(sent, comma + 1):
            ent = _item_entity(item, entity_at)
            if ent is None:
                break
            if ent not in named:
                named.append(ent)
        if len(named) >= 2:
            found.append(named)
    return found


def group_of(pronoun: Token, entity_at: EntityAt, pronouns: frozenset[str]) -> list[Entity]:
    """The organisations a plural demonstrative stands for (see the module
    docstring), or an empty list.

    Args:
        pronoun: the pronoun ("ceux" of "ceux-ci").
        entity_at: the entity a token belongs to, or None.
        pronouns: the language's group pronouns (``group_pronouns``).

    Returns:
        The organisations, in the order the list names them.
    """
    if pronoun.lower_ not in pronouns or "Plur" not in pronoun.morph.get("Number"):
        return []
    noun = _antecedent(pronoun)
    if noun is None or entity_at(noun) is not None:
        return []
    own = {
        entity_at(t)
        for c in noun.children
        if c.dep_ == "nmod" and markers(c) & grammar().genitive
        for t in c.subtree
    }
    sent = noun.sent
    lists = _lists(sent, noun.i, entity_at)
    if sent.start > 0:
        before = sent.doc[sent.start - 1].sent
        lists += _lists(before, before.end, entity_at)
    if len(lists) != 1 or own & set(lists[0]):
        return []
    return lists[0]
