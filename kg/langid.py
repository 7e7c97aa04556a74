"""Guessing the language of an article from its function words.

Each candidate language's stop-word list ships with spaCy (no model needed).
The language whose stop words cover the largest share of the article's words
wins; the share tells how sure the guess is. Good enough to refuse an English
article fed to the French pipeline, which is all it is for.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

__all__ = ["CANDIDATES", "guess_language", "stop_word_share"]

#: Languages compared; spaCy ships a stop-word list for each.
CANDIDATES = ("fr", "en", "de", "es", "it", "pt", "nl")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@cache
def _stop_words(lang: str) -> frozenset[str]:
    module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    return frozenset(w.lower() for w in module.STOP_WORDS if len(w) > 1)


@cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each stop word of the candidates -> the languages it is a stop word of."""
    table: dict[str, list[str]] = {}
    for lang in CANDIDATES:
        for word in _stop_words(lang):
            table.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in table.items()}


def _words(text: str, sample: int) -> list[str]:
    words = (w.lower().replace("’", "'").split("'")[-1] for w in _WORD.findall(text)[:sample])
    return [w for w in words if len(w) > 1]


def stop_word_share(text: str, lang: str, sample: int = 3000) -> float:
    """The share of a text's words (the first ``sample``) that are ``lang`` stop words."""
    words = _words(text, sample)
    if not words:
        return 0.0
    stops = _stop_words(lang)
    return sum(1 for w in words if w in stops) / len(words)


def guess_language(text: str, sample: int = 3000) -> tuple[str | None, float]:
    """Guess the language of a text.

    Args:
        text: the text.
        sample: how many words to look at, from the start.

    Returns:
        ``(code, share)``: the best language and the share of words that are
        its stop words, or ``(None, 0.0)`` when the text has too few words.
    """
    words = _words(text, sample)
    if len(words) < 8:
        return None, 0.0
    counts = dict.fromkeys(CANDIDATES, 0)
    languages_of = _languages_of()
    for word in words:
        for lang in languages_of.get(word, ()):
            counts[lang] += 1
    scores = {lang: count / len(words) for lang, count in counts.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best, scores[best]
