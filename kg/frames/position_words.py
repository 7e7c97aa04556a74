"""The words of ``positions.yaml``: how a post is handed over, named by an
office or given as an object, and the modifiers of a post to come. Read by
:mod:`kg.frames.roles`, :mod:`kg.frames.handed_posts` and
:mod:`kg.frames.role_facts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.lang import load_data
from kg.lang.validate import check_lexicon
from kg.lexicon import name_key

__all__ = ["PositionWords", "position_words"]

_LISTS = (
    "handing_verbs",
    "post_nouns",
    "role_objects",
    "purpose_markers",
    "planned_modifiers",
    "leaving_nouns",
    "scope_owned_roles",
    "taking_verbs",
    "holding_verbs",
    "party_name_words",
    "same_words",
    "among_markers",
    "capacity_markers",
    "former_prefixes",
    "succession_verbs",
    "apposition_adverbs",
)
_MAPS = ("offices", "same_kinds")


@dataclass(frozen=True, slots=True)
class PositionWords:
    """The words of ``positions.yaml``: verbs as lower-case lemmas, nouns and
    modifiers as name keys, markers as written (lower case)."""

    handing_verbs: frozenset[str]
    post_nouns: frozenset[str]
    offices: dict[str, str]  # office noun -> the role of whoever holds it
    role_objects: frozenset[str]
    purpose_markers: frozenset[str]
    planned_modifiers: frozenset[str]
    leaving_nouns: frozenset[str]
    scope_owned_roles: frozenset[str]
    taking_verbs: frozenset[str]
    holding_verbs: frozenset[str]
    party_name_words: frozenset[str]
    same_words: frozenset[str]
    same_kinds: dict[str, str]  # kind noun -> the entity type it names
    among_markers: frozenset[str]
    capacity_markers: frozenset[str]
    former_prefixes: frozenset[str]
    succession_verbs: frozenset[str]
    apposition_adverbs: frozenset[str]


@cache
def position_words(lang: str = "fr") -> PositionWords:
    """Load and check the position words of a language.

    Raises:
        FrameError: the file has problems; every one is listed.
    """
    data = load_data(lang, "positions")
    check_lexicon(data, f"kg/lang/{lang}/positions.yaml", _LISTS, _MAPS)

    def words(section: str, key=name_key) -> frozenset[str]:
        return frozenset(key(w) for w in data.get(section) or [])

    return PositionWords(
        handing_verbs=words("handing_verbs", str.lower),
        post_nouns=words("post_nouns"),
        offices={name_key(k): str(v) for k, v in (data.get("offices") or {}).items()},
        role_objects=words("role_objects", str.lower),
        purpose_markers=words("purpose_markers", str.lower),
        planned_modifiers=words("planned_modifiers"),
        leaving_nouns=words("leaving_nouns"),
        scope_owned_roles=words("scope_owned_roles"),
        taking_verbs=words("taking_verbs", str.lower),
        holding_verbs=words("holding_verbs", str.lower),
        party_name_words=words("party_name_words"),
        same_words=words("same_words"),
        same_kinds={name_key(k): str(v) for k, v in (data.get("same_kinds") or {}).items()},
        among_markers=words("among_markers", str.lower),
        capacity_markers=words("capacity_markers", str.lower),
        former_prefixes=words("former_prefixes", str.lower),
        succession_verbs=words("succession_verbs", str.lower),
        apposition_adverbs=words("apposition_adverbs", str.lower),
    )
