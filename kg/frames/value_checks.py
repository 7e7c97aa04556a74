"""Checks of the values a frame file holds beside its frames' headers: the
argument paths, the entity type lists and the word lists (support verbs,
place nouns...). Each check adds every problem it finds to a list of errors
and returns what it could read, so that a file's problems are reported
together by :mod:`kg.frames.schema`.
"""

from __future__ import annotations

import re
from typing import Any

from kg.model import EntityType

__all__ = ["WORD_LISTS", "check_paths", "check_types", "check_word_lists"]

_NAMED_PATHS = (
    "subject",
    "object",
    "pair",
    "host",
    "governor",
    "poss",
    "iobj",
    "receiver",
    "adjunct",
    "clitic",
    "verb",
    "condition",
    "negated",
    "own",
)
_STEP = re.compile(r"^(prep|deep|[a-z]+(?::[a-z]+)?)(/[^/>\s]+)?$")
_TYPES = tuple(t.value for t in EntityType)


def check_paths(value: Any, where: str, errors: list[str]) -> tuple[str, ...]:
    """A list of argument paths ("subject", "prep/avec", "nmod>flat"), each step
    checked; every bad step is added to ``errors``."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(f"{where}: expected a list of paths, got {value!r}")
        return ()
    for path in value:
        for step in path.split(">"):
            match = _STEP.match(step)
            if not match:
                errors.append(
                    f"{where}: bad path step {step!r} in {path!r}; a step is a named path "
                    f"({', '.join(_NAMED_PATHS)}), prep/<words>, deep/<words> or <dep>[/<words>]"
                )
            elif match.group(1) in ("prep", "deep") and not match.group(2):
                errors.append(f"{where}: {step!r} needs its prepositions, e.g. {step}/<a>|<b>")
    return tuple(value)


def check_types(value: Any, where: str, errors: list[str]) -> frozenset[str]:
    """A non-empty list of entity types (``Person``, ``Place``...); every
    unknown one is added to ``errors``."""
    if not isinstance(value, list) or not value:
        errors.append(f"{where}: expected a non-empty list of types; known: {', '.join(_TYPES)}")
        return frozenset()
    for item in value:
        if item not in _TYPES:
            errors.append(f"{where}: unknown type {item!r}; known: {', '.join(_TYPES)}")
    return frozenset(value)


#: The frame file's lists of words beside its frames, each read as a set of lemmas.
WORD_LISTS = (
    "support_verbs",
    "appointment_verbs",
    "place_nouns",
    "organization_nouns",
    "party_nouns",
    "seat_nouns",
    "country_nouns",
    "capital_nouns",
)


def check_word_lists(data: dict, errors: list[str]) -> dict[str, frozenset[str]]:
    """The frame file's lists of words, lower-cased; an empty set for a bad one."""
    lemmas = {}
    for key in WORD_LISTS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errors.append(f"{key}: expected a list of words, got {value!r}")
            value = []
        lemmas[key] = frozenset(v.lower() for v in value)
    return lemmas
