"""Spelling variants of people's names: a transliteration key and a fuzzy
look-up over the catalogue's people.

Outlets spell foreign names differently ("Zelensky", "Zelenski",
"Zelenskyy"; "Loukachenko", "Lukashenko"). :func:`spelling_key` folds the
usual French and English transliteration differences (``ou``/``u``,
``ch``/``sh``, ``kh``/``h``, ``y``/``i``, doubled letters, the Arabic
article ``el``/``al``, a final mute ``e``); :class:`PersonNames` then finds
the catalogue people whose key is within :data:`THRESHOLD` (RapidFuzz's
``ratio``, 0-100) of a name's. ``bench/fuzzy_names.py`` measures the
threshold: variants of one person against pairs of distinct people of the
catalogue. A fuzzy match is only a candidate: the linker still asks the
article's context to agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from kg.lang.grammar import grammar
from kg.link.catalogue import normalise

__all__ = ["THRESHOLD", "PersonNames", "spelling_key"]

#: The lowest similarity of spelling keys that makes a candidate (measured by
#: bench/fuzzy_names.py: distinct people of the catalogue reach 89, variants
#: of one name start at 92).
THRESHOLD = 91.0


def spelling_key(name: str) -> str:
    """The name with case, accents and common transliteration differences folded.

    >>> spelling_key("Alexandre Loukachenko") == spelling_key("Alexandr Lukashenko")
    True
    """
    key = normalise(name)
    for pattern, repl in grammar().transliteration_folds:
        key = pattern.sub(repl, key)
    return key


class PersonNames:
    """The full names of people (two words or more), searchable by spelling key.

    Args:
        names: ``(name, qid)`` pairs.
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._qids: dict[str, set[str]] = {}
        for name, qid in names:
            if len(name.split()) >= 2:
                self._qids.setdefault(spelling_key(name), set()).add(qid)
        self._keys = list(self._qids)

    def near(self, name: str, threshold: float = THRESHOLD) -> dict[str, float]:
        """The people whose names are spelt like ``name``: qid -> similarity."""
        if len(name.split()) < 2:
            return {}
        found: dict[str, float] = {}
        key = spelling_key(name)
        for other, score, _ in process.extract(
            key, self._keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=8
        ):
            for qid in self._qids[other]:
                found[qid] = max(found.get(qid, 0.0), score)
        return found
