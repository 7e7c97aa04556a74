"""Checks of a language's data files, every problem reported at once.

A :class:`Problems` collector gathers what is wrong in one file ("countries.XX:
missing 'name'") and raises a single :class:`~kg.errors.FrameError` naming the
file and listing them all, so that fixing a file takes one run, not one run
per mistake.
"""

from __future__ import annotations

import re
from typing import Any

from kg.errors import FrameError

__all__ = ["Problems", "check_grammar", "check_lexicon", "check_places"]

_PLACE_FIELDS = ("name", "aliases", "demonyms", "capital", "country")
_PLACE_LISTS = ("aliases", "demonyms")
_PLACE_SECTIONS = ("countries", "regions")


class Problems:
    """The problems found in one language file.

    Args:
        where: the file, as messages name it (``kg/lang/fr/places.yaml``).
    """

    def __init__(self, where: str) -> None:
        self.where = where
        self.found: list[str] = []

    def add(self, place: str, message: str) -> None:
        """Record a problem at a place in the file (``countries.FR.name``)."""
        self.found.append(f"{place}: {message}")

    def words(self, place: str, value: Any) -> None:
        """Record a problem unless the value is a list of non-empty strings."""
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            self.add(place, f"expected a list of words, got {value!r}")

    def raise_any(self) -> None:
        """Raise one error listing every problem, if there is any.

        Raises:
            FrameError: the file has problems; the message lists them all.
        """
        if self.found:
            count = len(self.found)
            lines = [f"{self.where}: {count} problem{'s' if count > 1 else ''}"]
            lines += [f"  {problem}" for problem in self.found]
            raise FrameError("\n".join(lines), self.where)


def _check_place(problems: Problems, place: str, entry: Any) -> None:
    if not isinstance(entry, dict):
        problems.add(place, f"expected a mapping with 'name', got {entry!r}")
        return
    for key in entry:
        if key not in _PLACE_FIELDS:
            problems.add(place, f"unknown field {key!r}; known: {', '.join(_PLACE_FIELDS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        problems.add(place, "missing 'name'" if name is None else f"bad name {name!r}")
    for key in _PLACE_LISTS:
        if key in entry:
            problems.words(f"{place}.{key}", entry[key])


def check_places(data: dict[str, Any], where: str) -> None:
    """Check a ``places.yaml``: countries and regions keyed by code, each with
    a ``name``, and ``areas`` as a list of names.

    Args:
        data: the parsed file.
        where: the file, as messages name it.

    Raises:
        FrameError: every problem of the file at once.
    """
    problems = Problems(where)
    for section in _PLACE_SECTIONS:
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            problems.add(section, f"expected a mapping of codes, got {entries!r}")
            continue
        for code, entry in entries.items():
            if not isinstance(code, str):
                problems.add(section, f"key {code!r} is not a string; quote it")
            _check_place(problems, f"{section}.{code}", entry)
    if "areas" in data:
        problems.words("areas", data["areas"])
    problems.raise_any()


def check_lexicon(
    data: dict[str, Any], where: str, lists: tuple[str, ...], maps: tuple[str, ...]
) -> None:
    """Check the sections of a ``lexicon.yaml`` that a reader uses.

    Sections other readers own are left to them.

    Args:
        data: the parsed file.
        where: the file, as messages name it.
        lists: the sections that must be lists of words.
        maps: the sections that must be mappings.

    Raises:
        FrameError: every problem of the file at once.
    """
    problems = Problems(where)
    for key in lists:
        if key in data:
            problems.words(key, data[key])
    for key in maps:
        if key in data and not isinstance(data[key], dict):
            problems.add(key, f"expected a mapping, got {data[key]!r}")
    problems.raise_any()


def _check_folds(problems: Problems, folds: Any) -> None:
    if not isinstance(folds, list):
        problems.add("transliteration_folds", f"expected a list of pairs, got {folds!r}")
        return
    for i, fold in enumerate(folds):
        place = f"transliteration_folds[{i}]"
        if not (
            isinstance(fold, list) and len(fold) == 2 and all(isinstance(p, str) for p in fold)
        ):
            problems.add(place, f"expected [pattern, replacement], got {fold!r}")
            continue
        try:
            re.compile(fold[0])
        except re.error as exc:
            problems.add(place, f"bad pattern {fold[0]!r}: {exc}")


def check_grammar(data: dict[str, Any], where: str, lists: tuple[str, ...]) -> None:
    """Check a ``grammar.yaml``: every section present and well typed.

    Args:
        data: the parsed file.
        where: the file, as messages name it.
        lists: the sections that must be lists of words; ``description_kinds``
            (kind -> words) and ``transliteration_folds`` (pattern and
            replacement pairs) are checked too.

    Raises:
        FrameError: every problem of the file at once.
    """
    problems = Problems(where)
    for key in (*lists, "description_kinds", "transliteration_folds"):
        if key not in data:
            problems.add(key, "missing section")
    for key in lists:
        if key in data:
            problems.words(key, data[key])
    kinds = data.get("description_kinds", {})
    if not isinstance(kinds, dict):
        problems.add("description_kinds", f"expected a mapping of kinds, got {kinds!r}")
    else:
        for kind, words in kinds.items():
            problems.words(f"description_kinds.{kind}", words)
    if "transliteration_folds" in data:
        _check_folds(problems, data["transliteration_folds"])
    problems.raise_any()
