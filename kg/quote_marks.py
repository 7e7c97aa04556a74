"""Direct quotes: the words between quote marks, and the speech verb that
speaks them.

:func:`find_quotes` finds the quotes of a parsed article (all marks are
``"`` in the normalised text): a quote closes at its closing mark, at the end
of the line when the mark is missing, or before an inverted speech verb ("?
dit-il"); a quote left open at a line's end goes on over the next lines when
the next mark closes a quote. :func:`quote_speech_verb` finds the verb that
speaks a quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.lang.grammar import grammar
from kg.nlp import Parsed, token_strings
from kg.polarity import Cues
from kg.speech import speech_verb
from kg.syntax import subject_of

__all__ = ["Quote", "find_quotes", "quote_speech_verb"]

_SKIP_AFTER = {",", ":", "-", "—", "–"}
_CLOSERS = "»”"


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words: token range ``[start, end)`` of the content in the Doc."""

    start: int
    end: int
    close: int  # the index of the closing mark, or ``end`` when none
    follows: bool = False  # goes on from the quote on the line before


def find_quotes(parsed: Parsed, cues: Cues) -> list[Quote]:
    """The direct quotes of a parsed article, in order.

    Args:
        parsed: the article, parsed from its normalised text (quote marks are ``"``).
        cues: the language's cue words (speech verbs, for "? dit-il").

    Returns:
        The quotes with their content token ranges.
    """
    if '"' not in parsed.text:
        return []
    doc = parsed.doc
    texts = token_strings(doc)
    quotes: list[Quote] = []
    opened: int | None = None
    follows = False
    for i, text in enumerate(texts):
        line_break = text.isspace() and "\n" in text
        if text == '"':
            if opened is None:
                opened = i
            else:
                quotes.append(Quote(opened + 1, i, i, follows))
                opened, follows = None, False
        elif opened is not None and (line_break or _inverted_speech(doc[i], cues)):
            end = i
            while end > opened + 1 and texts[end - 1].isspace():
                end -= 1
            quotes.append(Quote(opened + 1, end, end, follows))
            opened, follows = None, False
            if line_break and _goes_on(parsed, texts, i + 1):
                opened, follows = i, True  # the quote goes on on the next line
    if opened is not None:
        quotes.append(Quote(opened + 1, len(doc), len(doc), follows))
    return [q for q in quotes if q.end > q.start]


def _goes_on(parsed: Parsed, texts: list[str], i: int) -> bool:
    """A quote left open at a line's end goes on when the next quote mark,
    within three lines, closes a quote ("»", "”") rather than opening one."""
    lines = 0
    for j in range(i, len(texts)):
        if texts[j] == '"':
            start, _ = parsed.span_offsets(parsed.doc[j])
            return parsed.article.text[start : start + 1] in _CLOSERS
        if texts[j].isspace() and "\n" in texts[j]:
            lines += 1
            if lines == 3:
                return False
    return False


def _inverted_speech(tok: Token, cues: Cues) -> bool:
    """A speech verb followed by its clitic subject after final punctuation: "? dit-il"."""
    if tok.i == 0 or speech_verb(tok, cues) is None:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prev = tok.doc[tok.i - 1]
    return (
        prev.text in {"?", "!", ".", ","}
        and nxt is not None
        and nxt.lower_ in cues.speaker_pronouns
    )


def _speech_verb_after(doc: Doc, quote: Quote, cues: Cues) -> Token | None:
    i = quote.close + 1 if quote.close < len(doc) and doc[quote.close].text == '"' else quote.end
    seen = 0
    while i < len(doc) and seen < 4:
        tok = doc[i]
        if "\n" in tok.text or tok.text in (".", "!", "?", "..."):
            return None  # the sentence ended: a verb further on speaks of something else
        if tok.pos_ in ("VERB", "AUX") and speech_verb(tok, cues):
            return tok
        if tok.text not in _SKIP_AFTER and tok.pos_ != "AUX":
            seen += 1
        i += 1
    return None


def _speech_verb_before(doc: Doc, quote: Quote, cues: Cues) -> Token | None:
    opening = doc[quote.start - 1] if quote.start > 0 else None
    if opening is None or opening.i == 0:
        return None
    prev = doc[opening.i - 1]
    if prev.text not in {":", ","} | grammar().complementisers:
        return None
    if prev.dep_ == "fixed":
        return None  # "tandis que « ... »": a conjunction of time or contrast, not speech
    if prev.i > 0 and doc[prev.i - 1].lemma_.lower() in cues.title_verbs:
        return None  # "un rapport intitulé : « ... »": a title, not words said
    sent = doc[opening.i - 1].sent
    for tok in reversed(doc[sent.start : opening.i]):
        if tok.pos_ == "VERB" and speech_verb(tok, cues):
            return tok
    # "X a défendu le projet : « ... »": after a colon, the words are those of
    # the subject of the main verb before it, whatever the verb
    root = sent.root
    if prev.text == ":" and root.pos_ == "VERB" and root.i < prev.i:
        return root
    return None


def _speech_verb_above(doc: Doc, quote: Quote, cues: Cues) -> Token | None:
    """A partial quote inside a sentence: the speech verb it depends on, "a
    qualifié cette loi d'« inacceptable »", "a fait connaître sa « surprise »"."""
    node = doc[quote.start]
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            # the first verb above: the quote's own speech verb, or none
            return node if speech_verb(node, cues) else None
    return None


def _verb_inside(doc: Doc, quote: Quote, cues: Cues) -> Token | None:
    """ "elle « exprime ses regrets »": quoted words that open on the finite
    verb of a subject standing before the quote are that subject's words.
    Refused: a quote of one word, a verb that does not open the quote, a
    subject inside the quote or after it, a verb inside what a speech verb
    reports ("a réclamé que le gouvernement « autorise ... »": the words of
    who reports them)."""
    words = [t for t in doc[quote.start : quote.end] if not t.is_punct]
    if len(words) < 2 or words[0].i != quote.start:
        return None
    verb = words[0]
    if verb.pos_ not in ("VERB", "AUX") or "Fin" not in verb.morph.get("VerbForm"):
        return None
    if any(a.pos_ in ("VERB", "AUX") and speech_verb(a, cues) for a in verb.ancestors):
        return None
    subjects = subject_of(verb)
    return verb if subjects and subjects[0].i < quote.start - 1 else None


def quote_speech_verb(doc: Doc, quote: Quote, cues: Cues) -> Token | None:
    """The speech verb of a quote: right after it ("», a déclaré X"), right
    before it ("X a déclaré : « »"), the one a partial quote depends on, or
    after a colon the main verb before it, or the verb the quote opens on
    ("elle « exprime ses regrets »"); None when no verb speaks it."""
    return (
        _speech_verb_after(doc, quote, cues)
        or _speech_verb_before(doc, quote, cues)
        or _speech_verb_above(doc, quote, cues)
        or _verb_inside(doc, quote, cues)
    )
