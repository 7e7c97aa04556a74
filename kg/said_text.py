"""The words of a ``said`` fact, as the article writes them, and where they
stand (:func:`said_provenance`).

The tokens a quote or a reported clause covers are cut back to their words
(no leading "que" or comma, no trailing full stop) and read from the original
text, so that quote marks inside reported speech stay when they are paired.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.lang.grammar import grammar
from kg.model import Provenance
from kg.nlp import Parsed

__all__ = ["said_provenance", "said_text"]

_CLOSERS = "»”"
_MARKS = '"«»“”„'


def said_text(parsed: Parsed, doc: Doc, start: int, end: int, skip: set[int]) -> str:
    """The words said between two tokens, as the article writes them.

    Args:
        parsed: the article and its parse.
        doc: the parse.
        start: the first token.
        end: the token after the last one.
        skip: tokens left out (nested speech, a "selon X" phrase).

    Returns:
        The text without a leading complementiser or punctuation, nor a
        trailing one other than "?", "!" or "]"; quote marks inside kept when
        paired. Empty when no word is left.
    """
    words = [t for t in doc[start:end] if t.i not in skip and t.text != '"' and not t.is_space]
    # an editor's bracket stays: "[cette loi] est mauvaise"
    while (
        words
        and (words[0].lower_ in grammar().complementisers or words[0].is_punct)
        and words[0].text != "["
    ):
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text not in {"?", "!", "]"}:
        words = words[:-1]
    if not words:
        return ""
    a, _ = parsed.span_offsets(words[0])
    _, b = parsed.span_offsets(words[-1])
    # quote marks inside stay ("chaque maire avait été « consulté »"): the
    # words quoted within reported speech are quoted in it
    original = parsed.article.text
    text = original[a:b].strip(_MARKS + " ")
    if _odd(text):
        # "« l'ancien stade » était vétuste", "avait renvoyé « le dossier »": the words
        # start or end inside a quote; take its mark back, else drop the marks
        before, after = original[:a].rstrip(), original[b:].lstrip()
        first = next(c for c in text if c in _MARKS)
        if first in _CLOSERS and before[-1:] and before[-1] in _MARKS:
            text = before[-1] + " " + text
        elif first not in _CLOSERS and after[:1] and after[0] in _MARKS:
            text = text + " " + after[0]
        if _odd(text):
            text = "".join(c for c in text if c not in _MARKS)
    return " ".join(text.split())


def _odd(text: str) -> bool:
    """An unpaired quote mark in the text."""
    return sum(text.count(m) for m in _MARKS) % 2 == 1


def said_provenance(
    parsed: Parsed, doc: Doc, first: int, last: int, conf: float, rule: str
) -> Provenance:
    """The provenance of a statement's words: from its first to its last
    token, in the sentences that hold them.

    Args:
        parsed: the article and its parse.
        doc: the parse.
        first: the first token.
        last: the last token.
        conf: the confidence.
        rule: the rule id.
    """
    start, _ = parsed.span_offsets(doc[first])
    _, end = parsed.span_offsets(doc[last])
    s_start, _ = parsed.span_offsets(doc[first].sent[0])
    _, s_end = parsed.span_offsets(doc[last].sent[-1])
    sentence = parsed.article.text[s_start:s_end].strip()
    return Provenance(parsed.article.id, start, end, sentence, rule, round(conf, 3))
