"""The function words of a language, by grammatical job, read once from
``kg/lang/<code>/grammar.yaml``.

Rules find these words by the job they do in a construction (an article, a
genitive, a complementiser), so every rule reads the same set from here
instead of writing its own copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.lang import load_data
from kg.lang.validate import check_grammar

__all__ = ["Grammar", "elided", "grammar", "leading_article"]

#: The sections that are lists of words, read as sets.
_SETS = (
    "genitive",
    "definite_articles",
    "indefinite_articles",
    "possessive_determiners",
    "singular_possessives",
    "additive_conjunctions",
    "alternative_conjunctions",
    "restatement_markers",
    "complementisers",
    "reflexive_pronouns",
    "agent_prepositions",
    "place_prepositions",
    "region_prepositions",
    "within_prepositions",
    "reciprocal_prepositions",
    "comitative_prepositions",
    "scope_prepositions",
    "dative_prepositions",
    "gerund_markers",
    "place_relatives",
    "initials_skip",
    "respective",
    "dative_control_verbs",
)
#: The sections that are lists of words whose order counts.
_LISTS = ("capacity_markers", "genitive_joints", "city_named_regions")


@dataclass(frozen=True, slots=True)
class Grammar:
    """The function words of one language (see ``grammar.yaml`` for each)."""

    genitive: frozenset[str]
    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    possessive_determiners: frozenset[str]
    singular_possessives: frozenset[str]
    additive_conjunctions: frozenset[str]
    alternative_conjunctions: frozenset[str]
    restatement_markers: frozenset[str]
    complementisers: frozenset[str]
    reflexive_pronouns: frozenset[str]
    agent_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    region_prepositions: frozenset[str]
    within_prepositions: frozenset[str]
    reciprocal_prepositions: frozenset[str]
    comitative_prepositions: frozenset[str]
    scope_prepositions: frozenset[str]
    dative_prepositions: frozenset[str]
    gerund_markers: frozenset[str]
    place_relatives: frozenset[str]
    initials_skip: frozenset[str]
    respective: frozenset[str]
    dative_control_verbs: frozenset[str]
    capacity_markers: tuple[str, ...]
    genitive_joints: tuple[str, ...]
    city_named_regions: tuple[str, ...]
    description_kinds: dict[str, tuple[str, ...]]
    transliteration_folds: tuple[tuple[re.Pattern[str], str], ...]
    determiners: frozenset[str]  # definite, possessive and indefinite: a role's opening
    conjunctions: frozenset[str]  # additive and alternative: the joints of a list
    capacity_words: frozenset[str]  # the single words of the capacity markers


@cache
def grammar(lang: str = "fr") -> Grammar:
    """The function words of a language, loaded and checked once per process.

    Args:
        lang: a supported language code.

    Returns:
        The words of ``kg/lang/<lang>/grammar.yaml`` by grammatical job.

    Raises:
        ConfigError: unsupported language.
        FrameError: a section is missing or mistyped; every problem is listed.
    """
    data = load_data(lang, "grammar")
    check_grammar(data, f"kg/lang/{lang}/grammar.yaml", _SETS + _LISTS)
    sets = {key: frozenset(data[key]) for key in _SETS}
    return Grammar(
        **sets,
        **{key: tuple(data[key]) for key in _LISTS},
        description_kinds={k: tuple(v) for k, v in data["description_kinds"].items()},
        transliteration_folds=tuple(
            (re.compile(pattern), repl) for pattern, repl in data["transliteration_folds"]
        ),
        determiners=sets["definite_articles"]
        | sets["possessive_determiners"]
        | sets["indefinite_articles"],
        conjunctions=sets["additive_conjunctions"] | sets["alternative_conjunctions"],
        capacity_words=frozenset(w for marker in data["capacity_markers"] for w in marker.split()),
    )


def elided(word: str) -> bool:
    """True for an elided form, written with its apostrophe ("l'", "qu'")."""
    return word.endswith("'")


@cache
def leading_article(
    lang: str = "fr", gap: str = r"\s+", elided_gap: str = r"\s*"
) -> re.Pattern[str]:
    """A pattern of one definite article at the start of a text.

    Args:
        lang: a supported language code.
        gap: the pattern that follows a full article ("le ").
        elided_gap: the pattern that follows an elided one ("l'").

    Returns:
        ``^(?:le\\s+|...|l'\\s*)`` over the language's definite articles.
    """
    words = sorted(grammar(lang).definite_articles)
    forms = [re.escape(w) + (elided_gap if elided(w) else gap) for w in words]
    return re.compile(rf"^(?:{'|'.join(forms)})")
