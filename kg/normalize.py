"""Normalisation of article text for the NLP, with a map back to the original.

The spaCy models tokenise typographic apostrophes and quotes poorly: with
``’`` left in place, "Poutine n’" comes out as one entity. So the NLP reads a
normalised copy of the text, and :class:`OffsetMap` turns every offset in that
copy back into an offset in the original, which is what the graph records.

Normalisation is a sequence of edits, each replacing one original character
(or inserting text before one) with zero or more characters.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

__all__ = ["OffsetMap", "normalize"]

#: One original character -> its replacement in the NLP text.
_REPLACE: dict[str, str] = {
    "\u2019": "'",  # right single quotation mark, the usual French apostrophe
    "\u2018": "'",
    "\u02bc": "'",  # modifier letter apostrophe
    "\u2032": "'",  # prime
    "\u00b4": "'",  # acute accent used as an apostrophe
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2039": '"',
    "\u203a": '"',
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space, before French ; : ! ?
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\t": " ",
    "\u2026": "...",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u2010": "-",
    "\u2011": "-",
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
}

_ONE_FOR_ONE = {ord(k): v for k, v in _REPLACE.items() if len(v) == 1}
_RESIZING = re.compile(
    "[" + "".join(re.escape(k) for k, v in _REPLACE.items() if len(v) != 1) + "]"
)

# A sentence glued to the next one: "électorale.Crédit" -> "électorale. Crédit".
# Lower-case letter, full stop, upper-case letter followed by a lower-case one,
# so that abbreviations such as "U.S." or "M.A.E." are left alone.
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the normalised text back to the original text.

    Attributes:
        origin: for each character of the normalised text, the offset of the
            original character it came from, plus one final entry equal to the
            original length.
    """

    origin: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Turn a ``[start, end)`` span of the normalised text into the original's.

        Args:
            start: start offset in the normalised text.
            end: end offset in the normalised text (exclusive).

        Returns:
            The ``(start, end)`` offsets in the original text.
        """
        if end <= start:
            pos = self.origin[start]
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def point(self, offset: int) -> int:
        """Turn one offset of the normalised text into the original's."""
        return self.origin[offset]


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Normalise text for the NLP and return it with its offset map.

    Typographic apostrophes and quotes become plain ones, exotic spaces become
    plain spaces, ligatures are expanded, invisible characters dropped, and a
    space is put between two sentences glued by their full stop.

    Args:
        text: the original article text.

    Returns:
        The normalised text and the map from its offsets to ``text``'s.
    """
    inserts = {m.start() for m in _GLUED.finditer(text)}
    if not inserts and not _RESIZING.search(text):
        # Every edit is one character for one: translate, offsets unchanged.
        return text.translate(_ONE_FOR_ONE), OffsetMap(array("i", range(len(text) + 1)))
    out: list[str] = []
    origin = array("i")
    for i, char in enumerate(text):
        if i in inserts:
            out.append(" ")
            origin.append(i)
        replacement = _REPLACE.get(char, char)
        out.append(replacement)
        origin.extend([i] * len(replacement))
    origin.append(len(text))
    return "".join(out), OffsetMap(origin)
