"""Find a name however it is written: regular expressions blind to case and accents.

A user types ``Helene`` and the article writes ``Hélène``, or the other way
round. :func:`name_pattern` turns what the user typed into a SPARQL
(XPath) regular expression in which every letter stands for all its
accented and cased forms, every apostrophe for the straight and the curly
one, and every space or hyphen for either. The expression is written with
alternations of whole characters, ``(?:e|é|è|...)``, and without flags, so
that it means the same to rdflib, pyoxigraph and Virtuoso.
"""

from __future__ import annotations

import unicodedata
from functools import cache

__all__ = ["fold", "name_pattern"]

#: Characters with the same meaning in a name, each set matched as one.
_EQUIVALENT = ("'’ʼ‘", " -‐‑–")
#: Characters with a meaning in XPath regular expressions.
_SPECIAL = set("\\.?*+{}()[]|^$-")


def fold(text: str) -> str:
    """``text`` without accents and case: ``Hélène`` -> ``helene``."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold()


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    """Each folded letter -> every Latin letter that folds to it (``e`` -> e, E, é, É ...)."""
    forms: dict[str, set[str]] = {}
    for code in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x180)]:
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            forms.setdefault(base, set()).add(char)
    for group in _EQUIVALENT:
        for char in group:
            forms[char] = set(group)
    return {base: tuple(sorted(chars)) for base, chars in forms.items()}


def _escape(char: str) -> str:
    return "\\" + char if char in _SPECIAL else char


def name_pattern(text: str) -> str:
    """A regular expression finding ``text`` inside a name, ignoring case and accents.

    Args:
        text: what the user typed, such as ``helene`` or ``Jean Pierre``;
            runs of spaces count as one.

    Returns:
        An XPath regular expression for SPARQL ``REGEX`` (no flags needed).
    """
    forms = _forms()
    parts = []
    for char in " ".join(text.split()):
        variants = forms.get(fold(char)) or tuple(sorted({char, char.lower(), char.upper()}))
        if len(variants) == 1:
            parts.append(_escape(variants[0]))
        else:
            parts.append("(?:" + "|".join(_escape(v) for v in variants) + ")")
    return "".join(parts)
