"""The words mentions need, read once per language from ``lexicon.yaml`` and
``places.yaml``, and the key under which names are compared."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kg.lang import language_config, load_data
from kg.lang.grammar import Grammar, grammar
from kg.lang.validate import check_lexicon, check_places
from kg.model import EntityType

__all__ = ["Lexicon", "lexicon", "name_key"]


@lru_cache(maxsize=131072)
def name_key(text: str) -> str:
    """The key under which names are merged: casefolded, accents and punctuation
    removed, apostrophes made plain, white space collapsed.

    Cached (bounded): it runs on every word of every article, and words repeat.
    """
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() or c in "' " else " " for c in text.casefold())
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The language data mentions need, loaded once per language."""

    labels: dict[str, EntityType]
    leading: frozenset[str]
    contractions: dict[str, str]  # "du" -> "le": the article a preposition absorbed
    not_entities: frozenset[str]
    credit_markers: frozenset[str]
    credit_pattern: re.Pattern[str]  # a credit marker and its colon: "Crédit :"
    roles: dict[str, EntityType]  # name key of the role noun -> type
    role_phrases: tuple[str, ...]  # the role nouns as written, for kg.phrases
    role_length: int  # the most tokens a role noun spans
    role_modifiers: frozenset[str]
    organization_heads: frozenset[str]
    organization_head_phrases: tuple[str, ...]  # the same as written, for kg.phrases
    portfolio_roles: frozenset[str]  # "ministre de l'Intérieur": a portfolio, not a name
    media: frozenset[str]  # name keys of news media: Organizations
    work_heads: frozenset[str]  # "l'émission X", "le film X": X is a work (Other)
    institutions: frozenset[str]  # "le Sénat": one capitalised common noun that names
    office_bodies: frozenset[str]  # "président du Conseil": a role's body, no name alone
    constituency_roles: frozenset[str]  # "député de la Gironde": a place completes them
    honorifics: frozenset[str]  # name keys of "M.", "Mme", "Dr" ...
    organization_phrases: tuple[str, ...]  # before a demonym, they name an organisation
    mission_heads: tuple[str, ...]  # "ambassade": a country after it names one
    role_bodies: tuple[str, ...]  # "commission": a role's body, in lower case
    member_nouns: frozenset[str]  # "membre": a body after it, as after a role
    state_phrases: frozenset[str]  # name keys of the phrases that name the state itself
    demonyms: dict[str, str]  # demonym -> place name
    parties: dict[str, str]  # "républicaine" after a role -> "Parti républicain"
    places: dict[str, str]  # name key of a country/region name or alias -> its name
    countries: frozenset[str]  # name keys of the countries' names and aliases alone
    genitive: frozenset[str]  # "de", "du": before a complement (``grammar.yaml``)
    name_joiners: frozenset[str]  # "de", "et": lower-case words inside a place name
    role_links: frozenset[str]  # "de", "la": between a role and its complement
    body_links: frozenset[str]  # "de", "au": before the body a role belongs to
    body_articles: frozenset[str]  # "la": between those and the body
    place_markers: frozenset[str]  # "à", "vers": a place's name follows
    bare_prepositions: frozenset[str]  # "à", "de": a name with no article follows
    portfolio_links: frozenset[str]  # "aux": before a role's portfolio
    person_pronouns: frozenset[str]  # "il": may refer back to a named person
    descriptive_bodies: tuple[str, ...]  # "les forces armées": a body named by description
    plural_anaphors: frozenset[str]  # "celles-ci": the nearest plural noun before
    body_leaders: frozenset[str]  # "les chefs (de X)": they stand for the body X
    ousted_modifiers: frozenset[str]  # "(le président) déchu": an office taken away


#: The sections of ``lexicon.yaml`` read here: lists of words, and mappings.
_LISTS = (
    "leading_articles",
    "not_entities",
    "credit_markers",
    "honorifics",
    "role_modifiers",
    "organization_heads",
    "media",
    "work_heads",
    "portfolio_roles",
    "institutions",
    "office_bodies",
    "constituency_roles",
    "role_bodies",
    "member_nouns",
    "mission_heads",
    "organization_phrases",
    "state_phrases",
    "body_links",
    "place_markers",
    "bare_prepositions",
    "portfolio_links",
    "person_pronouns",
    "descriptive_bodies",
    "plural_anaphors",
    "body_leaders",
    "ousted_modifiers",
)
_MAPS = ("contracted_articles", "roles", "party_adjectives")


def _small_words(words: list[str]) -> frozenset[str]:
    """Lower-case words, each with an apostrophe in both its forms (' and ’)."""
    lower = [w.lower() for w in words]
    return frozenset(lower + [w.replace("'", "’") for w in lower])


@cache
def lexicon(lang: str = "fr") -> Lexicon:
    """Load the lexicon of a language (``lexicon.yaml`` and ``places.yaml``).

    Raises:
        FrameError: a file has problems; every one is listed.
    """
    config = language_config(lang)
    words = grammar(lang)
    lex = load_data(lang, "lexicon")
    check_lexicon(lex, f"kg/lang/{lang}/lexicon.yaml", _LISTS, _MAPS)
    places = load_data(lang, "places")
    check_places(places, f"kg/lang/{lang}/places.yaml")
    names, demonyms = _place_names(places)
    return Lexicon(
        labels={k: EntityType(v) for k, v in (config.get("entity_labels") or {}).items()},
        demonyms=demonyms,
        places=names,
        countries=frozenset(
            name_key(alias)
            for entry in (places.get("countries") or {}).values()
            for alias in [entry["name"], *(entry.get("aliases") or [])]
        ),
        **_name_fields(lex),
        **_role_fields(lex),
        **_link_fields(lex, words),
    )


def _place_names(places: dict) -> tuple[dict[str, str], dict[str, str]]:
    """The place names by the name key of each name and alias, and the country
    each demonym names (the first entry wins)."""
    demonyms: dict[str, str] = {}
    names: dict[str, str] = {}
    for section in ("countries", "regions"):
        for entry in (places.get(section) or {}).values():
            name = entry["name"]
            for alias in [name, *(entry.get("aliases") or [])]:
                names.setdefault(name_key(alias), name)
            if section == "countries":
                for demonym in entry.get("demonyms") or []:
                    demonyms.setdefault(demonym.lower(), name)
    for area in places.get("areas") or []:
        names.setdefault(name_key(area), area)
    return names, demonyms


def _keys(lex: dict, section: str) -> frozenset[str]:
    """The name keys of a list of ``lexicon.yaml``."""
    return frozenset(name_key(w) for w in lex.get(section, []))


def _name_fields(lex: dict) -> dict[str, Any]:
    """The fields that tell names apart: articles, credits, organisations,
    media, works, institutions, parties."""
    return {
        "leading": frozenset(w.lower() for w in lex.get("leading_articles", [])),
        "contractions": {
            k.lower(): v.lower() for k, v in (lex.get("contracted_articles") or {}).items()
        },
        "not_entities": _keys(lex, "not_entities"),
        "credit_markers": _keys(lex, "credit_markers"),
        "credit_pattern": re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(w) for w in lex.get("credit_markers", []))
            + r")\s*:\s*",
            re.IGNORECASE,
        ),
        "organization_heads": _keys(lex, "organization_heads"),
        "organization_head_phrases": tuple(lex.get("organization_heads", [])),
        "media": _keys(lex, "media"),
        "work_heads": _keys(lex, "work_heads"),
        "institutions": _keys(lex, "institutions"),
        "organization_phrases": (
            *lex.get("organization_phrases", []),
            *lex.get("state_phrases", []),
        ),
        "mission_heads": tuple(lex.get("mission_heads", [])),
        "state_phrases": _keys(lex, "state_phrases"),
        "parties": {
            form.lower(): party
            for party, forms in (lex.get("party_adjectives") or {}).items()
            for form in forms
        },
    }


def _role_fields(lex: dict) -> dict[str, Any]:
    """The fields about roles: their nouns, modifiers, portfolios, bodies and
    the titles before a name."""
    roles = lex.get("roles") or {}
    return {
        "roles": {name_key(r): EntityType(t) for r, t in roles.items()},
        "role_phrases": tuple(roles),
        "role_length": max((len(r.split()) for r in roles), default=1) + 1,
        "role_modifiers": frozenset(w.lower() for w in lex.get("role_modifiers", [])),
        "portfolio_roles": _keys(lex, "portfolio_roles"),
        "office_bodies": _keys(lex, "office_bodies"),
        "constituency_roles": _keys(lex, "constituency_roles"),
        "honorifics": _keys(lex, "honorifics"),
        "role_bodies": tuple(lex.get("role_bodies", [])),
        "member_nouns": _keys(lex, "member_nouns"),
    }


def _link_fields(lex: dict, words: Grammar) -> dict[str, Any]:
    """The small words between names and roles and what they govern (from
    ``grammar.yaml`` and ``lexicon.yaml``), and the pronouns for a person."""
    return {
        "genitive": _small_words([*words.genitive]),
        # "République de Corée", "Côte d'Ivoire", "Trinité-et-Tobago"
        "name_joiners": _small_words(
            [*words.genitive, *words.definite_articles, *words.additive_conjunctions]
        ),
        "role_links": _small_words([*words.genitive, *words.definite_articles]),
        "body_links": _small_words(lex.get("body_links", [])),
        "body_articles": _small_words([*words.definite_articles]),
        "place_markers": _small_words(lex.get("place_markers", [])),
        "bare_prepositions": _small_words(lex.get("bare_prepositions", [])),
        "portfolio_links": _small_words(lex.get("portfolio_links", [])),
        "person_pronouns": frozenset(w.lower() for w in lex.get("person_pronouns", [])),
        "descriptive_bodies": tuple(lex.get("descriptive_bodies", [])),
        "plural_anaphors": _keys(lex, "plural_anaphors"),
        "body_leaders": _keys(lex, "body_leaders"),
        "ousted_modifiers": _keys(lex, "ousted_modifiers"),
    }
