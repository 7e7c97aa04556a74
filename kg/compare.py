"""Comparing predicted values with gold ones, as scoring does.

Names and quotes are compared after :func:`normalize`; a literal matches when
either normalised text contains the other; a time agrees with a gold time
written to a coarser precision (a year agrees with any date in that year).
"""

from __future__ import annotations

import re
import unicodedata

from kg.lang.grammar import leading_article

__all__ = ["literal_key", "literal_matches", "normalize", "time_agrees"]

_PLAIN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": '"',
        "\u203a": '"',
        "\u2033": '"',
    }
)
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Normalise a name or a quote for comparison.

    Unicode NFKC, casefold, accents removed, typographic apostrophes and
    quotes made plain, one leading French article (le, la, les, l') removed,
    white space collapsed and trimmed.

    Args:
        text: any text.

    Returns:
        The normalised text: ``normalize("L’OTAN") == "otan"``.
    """
    text = unicodedata.normalize("NFKC", text.translate(_PLAIN)).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_PLAIN)).strip()
    return leading_article().sub("", text, count=1)


def literal_key(text: str) -> str:
    """A literal as compared: normalised, without surrounding quotes."""
    return normalize(text).strip(" \"'")


def literal_matches(gold: str, predicted: str | None) -> bool:
    """True when both literals are non-empty and either contains the other."""
    if predicted is None:
        return False
    a, b = literal_key(gold), literal_key(predicted)
    return bool(a and b) and (a in b or b in a)


def time_agrees(gold: str, predicted: str | None) -> bool:
    """True when a predicted ISO time is the gold one or lies within it."""
    if not predicted:
        return False
    return predicted == gold or (predicted.startswith(gold) and predicted[len(gold)] in "-T")
