"""The words of reactions and judgements, from ``kg/lang/<lang>/reactions.yaml``.

Read by :mod:`kg.frames.reactions` (who reacts, and how) and
:mod:`kg.frames.reaction_target` (what a reaction is about); every list is
checked on load, and every problem of the file is reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.frames.reaction_target import TargetWords
from kg.lang import load_data
from kg.lang.validate import Problems

__all__ = ["ReactionWords", "reaction_words", "read_reaction_words"]

#: The lists the reader of reactions uses, then those of the target finder.
_READER = (
    "reaction_nouns",
    "neutral_reaction_nouns",
    "negative_qualifiers",
    "causing_verbs",
    "holder_pronouns",
    "enumeration",
    "about_markers",
    "place_like_markers",
    "stance_words",
    "stance_causes",
    "judgement_verbs",
    "pejorative_words",
    "manner_nouns",
    "protest_verbs",
    "protest_markers",
    "defending_verbs",
    "deploring_verbs",
    "group_others",
)
_TARGET = ("act_nouns", "making_verbs", "agent_nouns", "patient_nouns")
_LISTS = _READER + _TARGET


@dataclass(frozen=True, slots=True)
class ReactionWords:
    """The words of ``reactions.yaml`` (lemmas or forms, lower case)."""

    reaction_nouns: frozenset[str]
    neutral_reaction_nouns: frozenset[str]
    negative_qualifiers: frozenset[str]
    causing_verbs: frozenset[str]
    holder_pronouns: frozenset[str]
    enumeration: frozenset[str]
    about_markers: frozenset[str]
    place_like_markers: frozenset[str]
    stance_words: frozenset[str]
    stance_causes: frozenset[str]
    judgement_verbs: frozenset[str]
    pejorative_words: frozenset[str]
    manner_nouns: frozenset[str]
    protest_verbs: frozenset[str]
    protest_markers: frozenset[str]
    defending_verbs: frozenset[str]
    deploring_verbs: frozenset[str]
    group_others: frozenset[str]
    group_counts: dict[str, int]
    target: TargetWords


@cache
def reaction_words(lang: str = "fr") -> ReactionWords:
    """Load and check the reaction words of a language.

    Raises:
        FrameError: the file has problems; every one is listed.
    """
    return read_reaction_words(load_data(lang, "reactions"), f"kg/lang/{lang}/reactions.yaml")


def read_reaction_words(data: dict[str, Any], where: str) -> ReactionWords:
    """Check the sections of a parsed ``reactions.yaml`` and read its words.

    Args:
        data: the parsed file.
        where: the file, as messages name it.

    Raises:
        FrameError: the file has problems; every one is listed.
    """
    problems = Problems(where)
    for section in _LISTS:
        if section in data:
            problems.words(section, data[section])
    counts = data.get("group_counts") or {}
    if not isinstance(counts, dict):
        problems.add("group_counts", f"expected a mapping, got {counts!r}")
        counts = {}
    for word, value in counts.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 2:
            problems.add(f"group_counts.{word}", f"expected a whole number >= 2, got {value!r}")
    problems.raise_any()

    def words(section: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(section) or [])

    return ReactionWords(
        **{name: words(name) for name in _READER},
        group_counts={str(word).lower(): value for word, value in counts.items()},
        target=TargetWords(*(words(name) for name in _TARGET)),
    )
