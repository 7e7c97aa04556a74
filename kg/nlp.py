"""The spaCy layer: load each language's pipeline once, parse articles in batches.

The pipeline is loaded once per process (cached) with every component the
extractors use: the parser and morphologizer for frames, the lemmatizer for
trigger words, NER for mentions. Articles go through ``nlp.pipe`` in batches;
each comes back as a :class:`Parsed` holding the Doc over the normalised text
and the map back to the original offsets.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.errors import ConfigError, InputError
from kg.lang import language_config, supported_languages
from kg.langid import guess_language, stop_word_share
from kg.model import Article
from kg.normalize import OffsetMap, normalize

__all__ = [
    "PART_CHARS",
    "Parsed",
    "check_language",
    "index_lemma_words",
    "load_pipeline",
    "use_lemma_sets",
    "parse",
    "split_text",
    "token_strings",
]

#: Below this share of its own stop words, an article is not in the language.
_MIN_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Parsed:
    """An article with its parse.

    Attributes:
        article: the article as read.
        doc: the spaCy Doc over the normalised text.
        offsets: the map from the Doc's character offsets to the article's.
        text: the normalised text the Doc was made from (``doc.text``, which
            spaCy rebuilds token by token on every access).
    """

    article: Article
    doc: Doc
    offsets: OffsetMap
    text: str

    def span_offsets(self, item: Span | Token) -> tuple[int, int]:
        """The ``(start, end)`` of a span or token in the original text."""
        if isinstance(item, Token):
            return self.offsets.to_original(item.idx, item.idx + len(item.text))
        return self.offsets.to_original(item.start_char, item.end_char)

    def original(self, item: Span | Token) -> str:
        """The original text of a span or token."""
        start, end = self.span_offsets(item)
        return self.article.text[start:end]


_FINAL = frozenset({".", "!", "?", "...", "…"})
_OPENERS = frozenset({'"', "-", "(", "—", "–"})


@Language.factory("kg_sentences", default_config={"abbreviations": []})
def _make_sentences(nlp: Language, name: str, abbreviations: list[str]):
    """Sentence boundaries by rule, set before the parser so it keeps them.

    A line break always ends a sentence (headlines, captions and paragraphs
    are not continued across lines); inside a line, a sentence ends after a
    final ``.``, ``!``, ``?`` (not after a known abbreviation) when the next
    word starts with a capital, a digit or an opening quote. The statistical
    parser otherwise splits "Donald Trump et Vladimir Poutine lors d'une
    réunion" after "Trump" and joins a photo credit to the next paragraph.
    """
    abbrev = frozenset(a.rstrip(".").lower() for a in abbreviations)

    def set_boundaries(doc: Doc) -> Doc:
        # Token texts are read and the boundaries written as arrays: making a
        # Token object per word costs more than the rule itself.
        texts = token_strings(doc)
        starts = [1] + [-1] * (len(texts) - 1)  # spaCy's SENT_START: 1 yes, -1 no
        quotes = 0  # plain quotes seen on this line: odd means one is open
        for i in range(1, len(texts)):
            prev, text = texts[i - 1], texts[i]
            if prev == '"':
                quotes += 1
            if text.isspace():
                continue
            if "\n" in prev and prev.isspace():
                starts[i], quotes = 1, 0
            elif prev == '"' and quotes % 2 == 1:
                pass  # just after an opening quote: the sentence began before it
            elif not (text == '"' and quotes % 2 == 1) and _ends(texts, i - 1, abbrev):
                first = text[:1]
                if first.isupper() or first.isdigit() or text in _OPENERS:
                    starts[i] = 1
        if texts:
            column = np.array(starts, dtype=np.int64).astype(np.uint64)
            doc.from_array([SENT_START], column.reshape(-1, 1))
        return doc

    return set_boundaries


def token_strings(doc: Doc, attr: int = ORTH) -> list[str]:
    """The text (``ORTH``) or lower-case form (``LOWER``) of every token of a Doc.

    Read from the Doc's array: much cheaper than ``[t.text for t in doc]``,
    which makes a Token object per word.
    """
    strings = doc.vocab.strings
    return [strings[value] for value in doc.to_array(attr).tolist()]


def _ends(texts: list[str], i: int, abbrev: frozenset[str]) -> bool:
    """True when token i ends a sentence: a final mark, perhaps before a quote."""
    if texts[i] == '"' and i > 0:
        i -= 1
    if texts[i] not in _FINAL:
        return False
    return not (texts[i] == "." and i > 0 and texts[i - 1].lower() in abbrev)


@cache
def load_pipeline(lang: str = "fr") -> Language:
    """Load the spaCy pipeline of a supported language, once per process.

    Args:
        lang: a language code that has a folder under ``kg/lang``.

    Returns:
        The loaded pipeline.

    Raises:
        ConfigError: the language is not supported or its model is not installed.
    """
    config = language_config(lang)
    # The model is hundreds of thousands of objects that all stay alive: the
    # garbage collector has nothing to find while they are made.
    collecting = gc.isenabled()
    gc.disable()
    try:
        nlp = spacy.load(config["model"])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model '{config['model']}' for language '{lang}' is not installed; "
            f"install the project's dependencies (pip install newskg)"
        ) from exc
    finally:
        if collecting:
            gc.enable()
    nlp.add_pipe(
        "kg_sentences",
        before="parser",
        config={"abbreviations": list(config.get("abbreviations", []))},
    )
    if _TUNING["lemma_sets"]:
        index_lemma_words(nlp)
    return nlp


#: Choices the process makes for itself (see kg.build.tuning.tune_process).
_TUNING = {"lemma_sets": False}


def use_lemma_sets() -> None:
    """Have pipelines loaded from now on keep the lemmatizer's word lists as
    sets (see :func:`index_lemma_words`). The command line and build workers
    choose it; the library never does on its own."""
    _TUNING["lemma_sets"] = True


def index_lemma_words(nlp: Language) -> int:
    """Turn the rule lemmatizer's word lists into sets, in place.

    spaCy's rule lemmatizer asks ``word in index`` of each part of speech's
    list of known lemmas (66,000 nouns in the French model), a linear scan on
    every word it has not cached yet. A frozenset answers the same question
    at once; lemmas do not change.

    Args:
        nlp: a loaded pipeline; pipes other than rule lemmatizers are left alone.

    Returns:
        The number of lists turned into sets (0 when already done).
    """
    turned = 0
    for _name, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if getattr(pipe, "mode", None) != "rule" or lookups is None:
            continue
        if not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key in list(table.keys()):
            if isinstance(table[key], list):
                table[key] = frozenset(table[key])
                turned += 1
    return turned


def check_language(article: Article, lang: str) -> None:
    """Refuse an article that is not written in ``lang``.

    Raises:
        InputError: naming the article, the language found and the supported ones.
    """
    if stop_word_share(article.text, lang) >= _MIN_SHARE:
        return  # the common case, and the cheaper test
    guess, _share = guess_language(article.text)
    if guess is None or guess == lang:
        return
    raise InputError(
        f"{article.source or article.id}: the article looks like '{guess}', not '{lang}'; "
        f"supported languages: {', '.join(supported_languages())}",
        article.source or article.id,
    )


#: Longer texts are parsed in parts of at most this many characters, joined
#: into one Doc: spaCy refuses a text over its ``max_length`` (1,000,000) and
#: its memory grows with the text, while kg accepts articles of up to 5 MB.
PART_CHARS = 100_000


def split_text(text: str, size: int = PART_CHARS) -> list[str]:
    """Cut a text into consecutive parts of at most ``size`` characters.

    A part ends after the last line break in its second half, else after
    the last sentence end (". "), else after the last space; a text with
    none of these is cut where it must be. The parts joined give the text.
    """
    parts: list[str] = []
    start = 0
    while len(text) - start > size:
        end = 0
        for mark in ("\n", ". ", " "):
            found = text.rfind(mark, start + size // 2, start + size)
            if found >= 0:
                end = found + len(mark)
                break
        end = end or start + size
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def parse(articles: Iterable[Article], lang: str = "fr", batch_size: int = 16) -> Iterator[Parsed]:
    """Parse articles with ``nlp.pipe``, in order.

    A text longer than :data:`PART_CHARS` is parsed in parts (see
    :func:`split_text`) joined back into one Doc, so its offsets, sentences
    and entities are those of the whole text.

    Args:
        articles: the articles (already checked for language).
        lang: their language.
        batch_size: articles (or parts of long ones) per batch given to spaCy.

    Yields:
        One :class:`Parsed` per article, in input order.
    """
    nlp = load_pipeline(lang)

    def normalised() -> Iterator[tuple[str, tuple[Article, OffsetMap, str, int]]]:
        for article in articles:
            text, offsets = normalize(article.text)
            parts = split_text(text)
            for part in parts:
                yield part, (article, offsets, text, len(parts))

    pending: list[Doc] = []
    for doc, (article, offsets, text, count) in nlp.pipe(
        normalised(), as_tuples=True, batch_size=batch_size
    ):
        pending.append(doc)
        if len(pending) < count:
            continue
        whole = doc if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
        pending = []
        yield Parsed(article, whole, offsets, text)
