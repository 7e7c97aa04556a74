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
* an organisation named by a seat noun (``seat_nouns``: "consulat",
  "bureau"), then a preposition of place (``place_prepositions`` of the
  grammar) and a place at once: "le consulat du Japon à Canton". Refused: an
  organisation with a proper name ("le FC Nantes à Lyon" names a match away
  from home), a seat noun that does not start the name, a place that does not
  follow the name, and an organisation that is itself a verb's complement of
  place ("a écrit à l'ambassade de France à Paris": the place may be the
  verb's).
* a place in the country the text leaves unnamed: "Alep, dans le nord du
  pays", "Guayaquil, ville la plus peuplée du pays" (``country_nouns``),
  "la capitale Pékin" (``capital_nouns``); the country is the one the
  catalogue puts the place in (``country_of``), and only when it is an
  entity of the article. Without that knowledge nothing is given. "La
  capitale allemande Berlin" names the country with its demonym.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.frames.schema import FrameSet
from kg.lang.grammar import grammar
from kg.model import Entity, EntityType

__all__ = ["CountryOf", "EntityAt", "Linked", "located_in"]

EntityAt = Callable[[Token], Entity | None]
IsRegion = Callable[[Entity], bool]
#: The article's entity for the country a place is in, or None when unknown.
CountryOf = Callable[[Entity], Entity | None]

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


def _after_qualifiers(sent: Span, k: int) -> int:
    """The first token after adjectives and a superlative that follow a place
    noun: "capitale économique de", "ville la plus peuplée de"."""
    doc = sent.doc
    while k < sent.end and doc[k].pos_ == "ADJ":
        k += 1
    if k + 2 < sent.end and doc[k].pos_ == "DET" and doc[k + 1].pos_ == "ADV":
        k += 3  # "la plus peuplée": the tagger takes the last word for any part of speech
    return k


def _place_before(sent: Span, noun: Token, entity_at: EntityAt) -> tuple[Entity, Token] | None:
    """The place apposed before a place noun: "Lima, capitale", "Lyon, dans l'est"."""
    doc = sent.doc
    j = noun.i - 1
    while j >= sent.start and (
        doc[j].lower_ in grammar().definite_articles or doc[j].pos_ in ("ADJ", "ADV")
    ):
        j -= 1  # "Marseille, deuxième ville de", "Lyon, plus grande ville de"
    if j >= sent.start and doc[j].lower_ in grammar().within_prepositions:
        j -= 1  # "Lyon, dans l'est de la France"
    if j - 1 < sent.start or doc[j].text != ",":
        return None
    before = _place(doc[j - 1], entity_at)
    return (before, doc[j - 1]) if before is not None else None


def _complement(sent: Span, k: int, place_nouns: frozenset[str]) -> int | None:
    """From a "de" at k, the token that names the complement, past articles and
    further place nouns: "de l'Irak", "du nord de l'Irak", "de la région du
    Xinjiang" all lead to the last name. None without a "de"."""
    doc = sent.doc
    while k < sent.end and doc[k].lower_ in grammar().genitive:
        k += 1
        while k < sent.end and doc[k].lower_ in grammar().definite_articles:
            k += 1
        if k + 1 < sent.end and doc[k].lower_ in place_nouns:
            k += 1  # "du nord de", "de la région du": a place inside the next one
        else:
            return k if k < sent.end else None
    return None


def _nouns(sent: Span, entity_at: EntityAt, words: FrameSet, country_of: CountryOf) -> list[Linked]:
    """ "la ville allemande de Brême"; "Lima, capitale du Pérou"; "Kirkouk, ville
    du nord de l'Irak"; "Sotchi, ville russe"; "Alep, dans le nord du pays"
    (the country from ``country_of``)."""
    doc = sent.doc
    found = []
    for tok in _nouns_with_two_after(sent, words.place_nouns):
        after = doc[tok.i + 1]
        country = _demonym(after, entity_at)
        k = _after_qualifiers(sent, tok.i + (2 if country is not None else 1))
        at = _complement(sent, k, words.place_nouns)
        word = doc[at] if at is not None else None
        named = _place(word, entity_at)
        if word is not None and named is not None and country is not None and country is not named:
            found.append(Linked(named, country, word, after))
            continue
        before = _place_before(sent, tok, entity_at)
        if before is None:
            continue
        if named is None and country is not None:
            named, word = country, after  # "Sotchi, ville russe (des bords de ...)"
        elif named is None and word is not None and word.lower_ in words.country_nouns:
            named = country_of(before[0])
        if word is not None and named is not None and before[0] is not named:
            found.append(Linked(before[0], named, before[1], word))
    return found


def _capitals(
    sent: Span, entity_at: EntityAt, words: FrameSet, country_of: CountryOf, is_region: IsRegion
) -> list[Linked]:
    """ "la capitale Pékin" (the country from ``country_of``), "la capitale
    allemande Berlin". Refused: a country after the noun, and "la capitale
    de ...", read by :func:`_nouns`."""
    doc = sent.doc
    found = []
    for tok in _nouns_with_two_after(sent, words.capital_nouns):
        country = _demonym(doc[tok.i + 1], entity_at)
        k = tok.i + (2 if country is not None else 1)
        city = _place(doc[k], entity_at)
        if city is None or is_region(city):
            continue
        outer = country if country is not None else country_of(city)
        if outer is not None and outer is not city:
            found.append(Linked(city, outer, doc[k], doc[tok.i + 1] if country else doc[k]))
    return found


def _verb_place(noun: Token) -> bool:
    """Whether a noun is a verb's complement of place ("s'est réfugié à
    l'ambassade"): a place after it may then be the verb's as well ("a écrit
    à l'ambassade de France à Paris" may be written in Paris)."""
    prepositions = grammar().place_prepositions
    return (
        noun.head.pos_ in ("VERB", "AUX")
        and noun.dep_.startswith("obl")
        and any(c.dep_ == "case" and c.lower_ in prepositions for c in noun.children)
    )


def _seats(sent: Span, entity_at: EntityAt, words: FrameSet) -> list[Linked]:
    """ "le consulat du Japon à Canton": an organisation named by a seat noun,
    then a preposition of place and a place (refusals in the module docstring)."""
    doc = sent.doc
    found = []
    for tok in sent:
        if tok.lower_ not in words.seat_nouns:
            continue
        org = entity_at(tok)
        if org is None or org.type is not EntityType.ORGANIZATION:
            continue
        start, end = _span_of(sent, tok.i, org, entity_at)
        if start != tok.i or end + 1 >= sent.end or _verb_place(tok):
            continue
        place = _place(doc[end + 1], entity_at)
        if doc[end].lower_ in grammar().place_prepositions and place is not None:
            found.append(Linked(org, place, tok, doc[end + 1]))
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


def _no_country(place: Entity) -> Entity | None:
    return None


def located_in(
    sent: Span,
    entity_at: EntityAt,
    words: FrameSet,
    is_region: IsRegion,
    country_of: CountryOf | None = None,
) -> list[Linked]:
    """Find what a sentence puts inside which place (see the module docstring).

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the language's word lists (``place_nouns``, ``organization_nouns``,
            ``seat_nouns``, ``country_nouns``, ``capital_nouns``).
        is_region: whether a place is a country or a region.
        country_of: the article's entity for the country a place is in; by
            default none is known, and places in "le pays" give nothing.

    Returns:
        One item per place or organisation found inside another place.
    """
    country_of = country_of or _no_country
    return [
        *_apposed(sent, entity_at, is_region),
        *_nouns(sent, entity_at, words, country_of),
        *_capitals(sent, entity_at, words, country_of, is_region),
        *_organizations(sent, entity_at, words.organization_nouns),
        *_seats(sent, entity_at, words),
    ]
