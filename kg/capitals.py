"""A capital named for its government stands for its country.

"Pékin a estimé que ...", "Moscou a annoncé le retrait de ses troupes",
"Tokyo a protesté contre la visite": a country's capital that is the subject
of a verb of saying or of a government's act names the country's government.
Those mentions move to the country's entity (made, with the catalogue's link,
when the article names the country nowhere), and the capital's name becomes
one of the country's aliases; the capital's other mentions stay a town.

Refused: a capital named as a place ("à Pékin", "les rues de Moscou", "Pékin
a été touchée par une tempête": no such verb, or a passive subject), a town
that is no capital, a name that is the capital of two countries, a name
linked to a town of another country ("Tripoli" in Lebanon), and any other
verb. A name the NER took for a person ("Washington") moves only on those
same terms.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.entity_index import EntityIndex
from kg.ingest import slugify
from kg.model import Entity, EntityType, Link, Mention, MentionKind
from kg.nlp import Parsed

__all__ = ["CapitalCountries", "capital_country", "capitals_as_countries"]

RULE = "capital:government.v1"


@dataclass(frozen=True, slots=True)
class CapitalCountries:
    """What the catalogue knows of capitals, and the verbs of governments.

    Attributes:
        countries_of: a name -> the ids of the countries whose capital bears it.
        label_of: a country id -> the country's usual name.
        country_of_place: a linked place's id -> its country's id, or None.
        verbs: lemmas and word forms of the verbs whose subject, when a
            capital, stands for its government.
    """

    countries_of: Callable[[str], set[str]]
    label_of: Callable[[str], str]
    country_of_place: Callable[[str], str | None]
    verbs: frozenset[str]

    @classmethod
    def from_catalogue(cls, catalogue, verbs: frozenset[str]) -> CapitalCountries:
        """Capitals, names and countries from the Wikidata catalogue
        (:class:`kg.link.catalogue.Catalogue`), with these verbs."""

        def countries(name: str) -> set[str]:
            return {q for q in catalogue.capital_of(name) if catalogue.kind(q) == "country"}

        def country_of_place(qid: str) -> str | None:
            item = catalogue.item(qid)
            found = item.values("P17") if item else []
            return found[0] if found else None

        return cls(countries, lambda q: catalogue.item(q).label, country_of_place, verbs)


def capitals_as_countries(
    parsed: Parsed, entities: Sequence[Entity], capitals: CapitalCountries
) -> list[Entity]:
    """Move the mentions of capitals used for their government to their country.

    Args:
        parsed: the parsed article.
        entities: its linked entities.
        capitals: the capitals and verbs (:class:`CapitalCountries`).

    Returns:
        The entities, with the country entities that take those mentions
        (new ones after the others) and without a capital left with no mention.
    """
    candidates = [(e, c) for e in entities if (c := capital_country(e, capitals)) is not None]
    if not candidates:
        return list(entities)  # most articles: no index to build
    index = EntityIndex(parsed, entities)
    moved: dict[str, list[Mention]] = {}
    for entity, country in candidates:
        acting = [m for m in entity.mentions if _acts(m, parsed, index, entity, capitals.verbs)]
        if acting:
            moved.setdefault(country, []).extend(acting)
    if not moved:
        return list(entities)
    taken = {id(m) for group in moved.values() for m in group}
    out: list[Entity] = []
    for entity in entities:
        kept = tuple(m for m in entity.mentions if id(m) not in taken)
        if entity.qid in moved:
            out.append(_with_capital(entity, moved.pop(entity.qid)))
        elif kept:
            out.append(
                replace(entity, mentions=kept) if len(kept) < len(entity.mentions) else entity
            )
    used = {e.key for e in out}
    for qid, mentions in moved.items():
        out.append(_new_country(qid, mentions, capitals.label_of(qid), used))
    return sorted(out, key=lambda e: e.mentions[0].start)


def capital_country(entity: Entity, capitals: CapitalCountries) -> str | None:
    """The one country whose capital an entity's name is, or None: a name of
    two countries' capitals, or linked to a town of another country, is none.

    Args:
        entity: a place, or a person the NER took a capital's name for.
        capitals: the capitals (:class:`CapitalCountries`).
    """
    if entity.type not in (EntityType.PLACE, EntityType.PERSON):
        return None
    countries = capitals.countries_of(entity.label)
    if len(countries) != 1:
        return None
    country = next(iter(countries))
    if entity.qid == country:
        return None
    if entity.qid is not None and capitals.country_of_place(entity.qid) != country:
        return None
    return country


def _acts(
    mention: Mention, parsed: Parsed, index: EntityIndex, entity: Entity, verbs: frozenset[str]
) -> bool:
    """The mention is a name whose head word is the active subject of one of the verbs."""
    if mention.kind is not MentionKind.NAME:
        return False
    tokens, offsets = index.tokens
    for k in range(bisect_left(offsets, (mention.start, -1)), len(tokens)):
        _start, end = offsets[k]
        if end > mention.end:
            break
        tok = parsed.doc[tokens[k]]
        if index.entity_at(tok) is entity and _subject_of_verb(tok, verbs):
            return True
    return False


def _subject_of_verb(tok: Token, verbs: frozenset[str]) -> bool:
    """An active subject of one of the verbs ("Moscou a annoncé"), not a
    passive one ("Pékin a été touchée")."""
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and head.pos_ == "VERB"
        and (head.lemma_.lower() in verbs or head.lower_ in verbs)
    )


def _with_capital(country: Entity, mentions: list[Mention]) -> Entity:
    """The country with the capital's mentions and names as aliases."""
    added = [replace(m, type=EntityType.PLACE) for m in mentions]
    every = sorted((*country.mentions, *added), key=lambda m: (m.start, m.end))
    aliases = sorted({*country.aliases, *(m.text for m in added)} - {country.label})
    return replace(country, aliases=tuple(aliases), mentions=tuple(every))


def _new_country(qid: str, mentions: list[Mention], label: str, used: set[str]) -> Entity:
    """A country the article names only by its capital."""
    key, suffix = f"place/{slugify(label)}", 2
    while key in used:
        key, suffix = f"place/{slugify(label)}-{suffix}", suffix + 1
    used.add(key)
    link = Link(qid, 1.0, "catalogue", RULE)
    country = Entity(key, EntityType.PLACE, label, (), (), link)
    return _with_capital(country, mentions)
