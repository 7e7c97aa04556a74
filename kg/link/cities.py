"""World cities: their catalogue rows, from the reference table
``cities.tsv``, and the rule that weighs a city against its namesakes.

Only rows whose id the table marks as checked (``checked`` = ``yes``) become
items: an unconfirmed id is too often another place's, and a wrong link is
worse than none. Every row of the table, checked or not, still counts as a
homonym: each city item gets a ``homonym`` row ``country|population`` for
every other city of the table that bears one of its names, so that the linker
can refuse "Tripoli" when the article is about the other Tripoli's country.

A city name that is also a country's name ("Djibouti", "Luxembourg") is left
out: in news such a name is nearly always the country.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.link.catalogue import CatalogueItem

__all__ = ["POPULATION_LEAD", "beats_homonyms", "city_facts", "city_rows", "name_fold"]

POPULATION_LEAD = 5
_SPACES = re.compile(r"[\s\-‐–—]+")


def name_fold(name: str) -> str:
    """Case, accents and hyphens folded, to compare city names."""
    text = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip()


def _names(row: dict[str, str]) -> list[tuple[str, str]]:
    """The names of a table row as (name, language) pairs, French first."""
    names = [(row["name_fr"], "fr")]
    if name_fold(row["name"]) != name_fold(row["name_fr"]):
        names.append((row["name"], "en"))
    return [(name, lang) for name, lang in names if name]


def city_rows(
    cities: Sequence[dict[str, str]],
    country_ids: dict[str, str],
    country_names: set[str],
) -> Iterator[tuple[str, str, str, str]]:
    """The catalogue facts of the checked cities of the table, as
    ``(qid, field, value, lang)``; the caller adds the source.

    Args:
        cities: the rows of ``cities.tsv``.
        country_ids: ISO 3166-1 alpha-2 code -> the country's Wikidata id.
        country_names: folded names of every country (labels and aliases).
    """
    bearers: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in cities:
        for name, _lang in _names(row):
            bearers[name_fold(name)].append(row)
    for row in cities:
        qid, country = row["qid"], country_ids.get(row["country_iso2"])
        if row["checked"] != "yes" or country is None:
            continue
        names = [(n, lang) for n, lang in _names(row) if name_fold(n) not in country_names]
        if not names:
            continue
        yield (qid, "kind", "city", "")
        for name, lang in names:
            yield (qid, "label", name, lang)
        yield (qid, "P17", country, "")
        yield (qid, "P625", f"{float(row['lat'])},{float(row['lon'])}", "")
        if row["population"]:
            yield (qid, "P1082", row["population"], "")
        for name, _lang in names:
            for other in bearers[name_fold(name)]:
                elsewhere = country_ids.get(other["country_iso2"])
                if other["qid"] != qid and elsewhere:
                    value = f"{elsewhere}|{other['population'] or 0}"
                    yield (qid, "homonym", value, "")


def city_facts(item: CatalogueItem) -> dict[str, Any]:
    """The country, population and homonyms of a catalogue city, as keyword
    arguments of a linking option; nothing for another kind of item."""
    if item.kind != "city":
        return {}
    homonyms = []
    for value in item.values("homonym"):
        country, _, population = value.partition("|")
        homonyms.append((country, int(population or 0)))
    population = item.values("P1082")
    return {
        "country": next(iter(item.values("P17")), None),
        "population": int(population[0]) if population else 0,
        "homonyms": tuple(homonyms),
    }


def beats_homonyms(
    country: str | None,
    population: int,
    homonyms: Sequence[tuple[str, int]],
    context: frozenset[str],
) -> bool:
    """Whether a city may be linked despite other cities of the same name.

    A city whose namesake lies in a country the article names is refused
    ("Tripoli" in a story about Lebanon is not the Libyan capital). Otherwise
    the city must be at least :data:`POPULATION_LEAD` times as populous as
    each namesake the article leaves possible: all of them when it names no
    country of theirs ("Wellington" alone is New Zealand's capital), those of
    the same country when it names the city's ("Portland", Oregon or Maine).

    Args:
        country: the city's country.
        population: the city's population (0 when unknown).
        homonyms: (country, population) of the other cities of that name.
        context: the items the article names.
    """
    if any(place in context and place != country for place, _ in homonyms):
        return False
    # Namesakes the article does not rule out: those of the same country when
    # it names the city's country, else all of them.
    rivals = [pop for place, pop in homonyms if place == country or country not in context]
    return all(population >= POPULATION_LEAD * pop for pop in rivals)
