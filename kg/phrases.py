"""Phrase lists found in a parsed text with spaCy's ``PhraseMatcher``.

A phrase is cut into tokens by the language's own tokenizer, so it is cut
where a text is: "secrétaire d'État" is "secrétaire", "d'", "État", and a
phrase with an elision or a hyphen is found as the text writes it. Phrase
and text are compared token by token on name keys (:func:`kg.lexicon.name_key`:
case, accents and apostrophes folded), so "Secrétaire d'Etat" is found too.
The matchers run over :func:`key_doc`, a Doc of the text's keys made once
per text and shared by every list; its token i is the text's token i.

* :class:`PhraseList`: one list, built once (the language's lists are cached
  by :func:`lexicon_phrases`, a catalogue's names by whoever owns it).
* :class:`PhraseHits`: where a list's phrases stand in one text.
* :class:`TextPhrases`: the lexicon's lists in one text, each found once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.lexicon import lexicon, name_key
from kg.nlp import load_pipeline, token_strings

__all__ = [
    "LexiconPhrases",
    "PhraseHits",
    "PhraseList",
    "TextPhrases",
    "key_doc",
    "lexicon_phrases",
]


def _token_key(text: str) -> str:
    """A token's key; punctuation, which has none, stands for itself."""
    return name_key(text) or text


def key_doc(doc: Doc) -> Doc:
    """The name keys of a Doc's tokens, as a Doc of the same length."""
    return Doc(doc.vocab, words=[_token_key(word) for word in token_strings(doc)])


@dataclass(frozen=True, slots=True)
class PhraseHits:
    """The phrases of one list found in one text.

    Attributes:
        starts: first token -> ``(end, phrase key)`` of each phrase starting
            there, longest first.
    """

    starts: dict[int, tuple[tuple[int, str], ...]]

    def longest(self, start: int, stop: int | None = None) -> tuple[int, str] | None:
        """The longest phrase starting at token ``start`` and ending by
        ``stop``: its end and key, or None."""
        for end, key in self.starts.get(start, ()):
            if stop is None or end <= stop:
                return end, key
        return None

    def at(self, start: int) -> tuple[tuple[int, str], ...]:
        """Every phrase starting at token ``start``, longest first."""
        return self.starts.get(start, ())

    def covering(self, i: int, lookback: int = 8) -> tuple[int, str] | None:
        """The longest phrase that starts before token i (within ``lookback``
        tokens) and runs over it: its end and key, or None."""
        for start in range(i - 1, max(i - lookback, 0) - 1, -1):
            for end, key in self.starts.get(start, ()):
                if end > i:
                    return end, key
        return None

    def ending_at(self, end: int, lookback: int = 8) -> tuple[int, str] | None:
        """The shortest phrase ending right before token ``end`` (within
        ``lookback`` tokens): its start and key, or None."""
        for start in range(end - 1, max(end - lookback, 0) - 1, -1):
            for stop, key in self.starts.get(start, ()):
                if stop == end:
                    return start, key
        return None


class PhraseList:
    """A list of phrases, matched by name keys with one ``PhraseMatcher``.

    Args:
        phrases: the phrases, as written in the language data.
        lang: the language whose tokenizer cuts them.
    """

    def __init__(self, phrases: Iterable[str], lang: str) -> None:
        nlp = load_pipeline(lang)
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[tuple[str, ...], str] = {}
        patterns = []
        texts = sorted({p for p in phrases if p.strip()})
        for tokens in nlp.tokenizer.pipe(texts):
            words = tuple(_token_key(t.text) for t in tokens if not t.is_space)
            if words and words not in self._keys:
                self._keys[words] = name_key(tokens.text)
                patterns.append(Doc(nlp.vocab, words=list(words)))
        if patterns:
            self._matcher.add("phrase", patterns)

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, keys: Doc) -> PhraseHits:
        """Where the phrases stand in a text, given its :func:`key_doc`."""
        found: dict[int, list[tuple[int, str]]] = defaultdict(list)
        words = None
        for _id, start, end in self._matcher(keys):
            if words is None:
                words = token_strings(keys)
            found[start].append((end, self._keys[tuple(words[start:end])]))
        return PhraseHits({s: tuple(sorted(v, reverse=True)) for s, v in found.items()})


@dataclass(frozen=True, slots=True)
class LexiconPhrases:
    """The phrase lists of a language's lexicon.

    Attributes:
        roles: role nouns ("président", "secrétaire d'État").
        organizations: phrases that name an organisation before a demonym
            ("services de renseignement"), the state's included ("gouvernement").
        missions: heads of a diplomatic mission ("ambassade", "consulat général").
        bodies: bodies a role belongs to, in lower case ("commission").
        heads: head nouns of organisations ("agence de presse", "parti").
        described: bodies named by a description ("forces armées").
    """

    roles: PhraseList
    organizations: PhraseList
    missions: PhraseList
    bodies: PhraseList
    heads: PhraseList
    described: PhraseList


@cache
def lexicon_phrases(lang: str = "fr") -> LexiconPhrases:
    """The phrase lists of a language's lexicon, built once per process."""
    lex = lexicon(lang)
    return LexiconPhrases(
        roles=PhraseList(lex.role_phrases, lang),
        organizations=PhraseList(lex.organization_phrases, lang),
        missions=PhraseList(lex.mission_heads, lang),
        bodies=PhraseList(lex.role_bodies, lang),
        heads=PhraseList(lex.organization_head_phrases, lang),
        described=PhraseList(lex.descriptive_bodies, lang),
    )


@dataclass(frozen=True, slots=True)
class TextPhrases:
    """The phrase lists of a language's lexicon found in one text, each once
    (the fields of :class:`LexiconPhrases`, in their order), with the
    text's keys."""

    keys: Doc
    roles: PhraseHits
    organizations: PhraseHits
    missions: PhraseHits
    bodies: PhraseHits
    heads: PhraseHits
    described: PhraseHits

    @classmethod
    def of(cls, doc: Doc, lang: str) -> TextPhrases:
        """Find the lexicon's phrase lists in a parsed text."""
        keys = key_doc(doc)
        lists = lexicon_phrases(lang)
        return cls(keys, *(getattr(lists, f.name).find(keys) for f in fields(LexiconPhrases)))
