"""Places the text puts inside others: "Berne, Suisse", "Tikrit, en Irak",
"Tikrit (Irak)", "la ville allemande de Brême", "Lima, capitale du
Pérou", "le quotidien britannique The Guardian".

Three shapes, read on the words around two place names (the words themselves
come from ``frames.yaml``: ``place_nouns``, ``organization_nouns``):

* apposition: a place, a comma or an opening bracket, an optional "en / au /
  aux / dans", a second place that is a country or a region (so that
  "Mumbai (Bombay)", two names of one city, gives nothing), then the end of
  the phrase (a closing bracket, a comma, a dash, a full stop or the end
  of the line). Refused when
  a place stands before the first or after the second across a comma or "et"
  ("Paris, Lyon et Lille", "Paris, Lyon, Lille"): a list names places side by
  side, not one inside the other.
* a place noun with a demonym and "de": "la ville allemande de Brême"; or
  after a place and a comma, a place noun with "de": "Lima, capitale du
  Pérou"; the same with "dans" and a part of a place: "Lyon, dans l'est
  de la France" ("Lyon, au nord de Paris" is outside and gives nothing). A
  place noun with no place after it gives nothing.
* an organisation noun with a demonym before a name: "le quotidien
  britannique The Times" puts the organisation in the country.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.lang.grammar import grammar
from kg.model import Entity, EntityType

__all__ = ["EntityAt", "Linked", "located_in"]

EntityAt = Callable[[Token], Entity | None]
IsRegion = Callable[[Entity], bool]

_OPEN = {",", "("}
_CLOSE = {")", ",", "-", "—", "–", ".", ";", ":"}


@dataclass(frozen=True, slots=True)
class Linked:
    """Two entities the words around their names link (here: the first inside
    the second), with the tokens naming them."""

    subject: Entity
    object: Entity
    subject_token: Token
    object_token: Token


def _place(tok: Token | None, entity_at: EntityAt) -> Entity | None:
    ent = entity_at(tok) if tok is not None else None
    return ent if ent is not None and ent.type is EntityType.PLACE else None


def _demonym(tok: Token, entity_at: EntityAt) -> Entity | None:
    """The place an adjective names ("allemande" -> Allemagne), or None."""
    return _place(tok, entity_at) if tok.pos_ == "ADJ" else None


def _span_of(sent: Span, i: int, ent: Entity, entity_at: EntityAt) -> tuple[int, int]:
    """The token range of the mention of ``ent`` around token i."""
    start, end = i, i + 1
    while start > sent.start and entity_at(sent.doc[start - 1]) is ent:
        start -= 1
    while end < sent.end and entity_at(sent.doc[end]) is ent:
        end += 1
    return start, end


def _listed_before(sent: Span, start: int, entity_at: EntityAt) -> bool:
    """Another place just before, across a comma or "et": "Paris, Lyon"."""
    doc = sent.doc
    return (
        start - 2 >= sent.start
        and doc[start - 1].lower_ in ({","} | grammar().conjunctions)
        and _place(doc[start - 2], entity_at) is not None
    )


def _listed_after(sent: Span, end: int, entity_at: EntityAt) -> bool:
    """Another place just after, across a comma or "et": "Lyon et Lille"."""
    doc = sent.doc
    k = end + 1
    while k < sent.end and doc[k].lower_ in grammar().definite_articles:
        k += 1
    return (
        k < sent.end
        and doc[end].lower_ in ({","} | grammar().conjunctions)
        and _place(doc[k], entity_at) is not None
    )


def _apposed(sent: Span, entity_at: EntityAt, is_region: IsRegion) -> list[Linked]:
    doc = sent.doc
    found = []
    i = sent.start
    while i < sent.end:
        inner = _place(doc[i], entity_at)
        if inner is None:
            i += 1
            continue
        start, end = _span_of(sent, i, inner, entity_at)
        k = end
        if k < sent.end and doc[k].text in _OPEN:
            k += 1
            while (
                k < sent.end
                and doc[k].lower_ in grammar().region_prepositions | grammar().definite_articles
            ):
                k += 1
            outer = _place(doc[k], entity_at) if k < sent.end else None
            if outer is not None and outer is not inner and is_region(outer):
                o_start, o_end = _span_of(sent, k, outer, entity_at)
                closed = any(
                    j >= sent.end or doc[j].text in _CLOSE or "\n" in doc[j].text
                    for j in (o_end, k + 1)
                )
                if (
                    closed
                    and not _listed_before(sent, start, entity_at)
                    and not _listed_after(sent, o_end, entity_at)
                ):
                    found.append(Linked(inner, outer, doc[i], doc[k]))
        i = end
    return found


def _nouns_with_two_after(sent: Span, words: frozenset[str]) -> list[Token]:
    """The words of a list in the sentence, with room for two words after."""
    return [t for t in sent if t.lower_ in words and t.i + 2 < sent.end]


def _nouns(sent: Span, entity_at: EntityAt, place_nouns: frozenset[str]) -> list[Linked]:
    """ "la ville allemande de Brême"; "Lima, capitale du Pérou"."""
    doc = sent.doc
    found = []
    for tok in _nouns_with_two_after(sent, place_nouns):
        after = doc[tok.i + 1]
        country = _demonym(after, entity_at)
        k = tok.i + (2 if country is not None else 1)
        if k >= sent.end or doc[k].lower_ not in grammar().genitive:
            continue
        k += 1
        while k < sent.end and doc[k].lower_ in grammar().definite_articles:
            k += 1
        named = _place(doc[k], entity_at) if k < sent.end else None
        if named is None:
            continue
        if country is not None and country is not named:
            found.append(Linked(named, country, doc[k], after))
            continue
        j = tok.i - 1
        while j >= sent.start and doc[j].lower_ in grammar().definite_articles:
            j -= 1
        if j >= sent.start and doc[j].lower_ in grammar().within_prepositions:
            j -= 1  # "Lyon, dans l'est de la France"
        if country is None and j - 1 >= sent.start and doc[j].text == ",":
            before = _place(doc[j - 1], entity_at)
            if before is not None and before is not named:
                found.append(Linked(before, named, doc[j - 1], doc[k]))
    return found


def _organizations(sent: Span, entity_at: EntityAt, heads: frozenset[str]) -> list[Linked]:
    """ "le quotidien britannique The Guardian": an organisation noun, a demonym, a name."""
    doc = sent.doc
    found = []
    for tok in _nouns_with_two_after(sent, heads):
        country, named = _demonym(doc[tok.i + 1], entity_at), entity_at(doc[tok.i + 2])
        if country is not None and named is not None and named.type is EntityType.ORGANIZATION:
            found.append(Linked(named, country, doc[tok.i + 2], doc[tok.i + 1]))
    return found


def located_in(
    sent: Span,
    entity_at: EntityAt,
    place_nouns: frozenset[str],
    organization_nouns: frozenset[str],
    is_region: IsRegion,
) -> list[Linked]:
    """Find what a sentence puts inside which place (see the module docstring).

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        place_nouns: nouns naming a kind of place ("ville", "capitale").
        organization_nouns: nouns naming a kind of organisation ("chaîne").
        is_region: whether a place is a country or a region.

    Returns:
        One item per place or organisation found inside another place.
    """
    return [
        *_apposed(sent, entity_at, is_region),
        *_nouns(sent, entity_at, place_nouns),
        *_organizations(sent, entity_at, organization_nouns),
    ]
