"""The occasion a statement was made on: the communiqué, conference or visit
that holds its speech verb. The statement takes the occasion's time and
place, and for an aim its speaker.

* :func:`relative_occasion`: "une déclaration, le 3 juin, dans laquelle il
  « regrette l'incident »", "une interview, au cours de laquelle
  elle a affirmé que": a speech verb whose clause opens on a preposition and
  a relative pronoun (``occasion_relatives``) stands in the nearest occasion
  noun before it (``gathering_nouns``, ``statement_nouns``) that agrees with
  the pronoun in gender and number. Refused: a verb or a sentence's end
  between them, a noun of another kind ("la ville dans laquelle"), a noun
  further than a short aside away.
* :func:`purpose_occasion`: "la visite du président en Irak pour annoncer
  des renforts", "une conférence de presse pour annoncer sa démission": a
  speech infinitive of aim ("pour") right after the phrase of an occasion
  noun, or hung on that noun. Refused: an aim after a verb ("est venu à
  Lyon pour annoncer": only an intention).
* :func:`occasion_agent`: who holds the occasion, named in its "de"
  complement ("la visite du président X").
* :func:`occasion_date`: the day or year the occasion's phrase, and an aside
  right after it, name.

The words come from ``cues.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from kg.lang import load_data
from kg.lang.grammar import grammar
from kg.lang.validate import Problems
from kg.syntax import markers

__all__ = [
    "OccasionWords",
    "occasion_agent",
    "occasion_date",
    "occasion_words",
    "purpose_occasion",
    "relative_occasion",
]

#: The most words between an occasion noun and the relative clause it holds.
_ASIDE = 12


@dataclass(frozen=True, slots=True)
class OccasionWords:
    """The words of occasions (see the module docstring).

    Attributes:
        nouns: nouns of gatherings and of texts ("conférence", "visite",
            "communiqué").
        relatives: relative pronouns after a preposition ("lequel", "laquelle").
        aims: the markers of an aim ("pour").
        texts: the nouns of texts alone ("communiqué", "déclaration").
    """

    nouns: frozenset[str]
    relatives: frozenset[str]
    aims: frozenset[str]
    texts: frozenset[str]


@cache
def occasion_words(lang: str = "fr") -> OccasionWords:
    """The occasion words of a language, from ``cues.yaml``.

    Raises:
        FrameError: a list is missing or is not a list of words.
    """
    cues = load_data(lang, "cues")
    problems = Problems(f"kg/lang/{lang}/cues.yaml")
    keys = ("gathering_nouns", "statement_nouns", "occasion_relatives", "purpose_markers")
    for key in keys:
        problems.words(key, cues.get(key))
    problems.raise_any()
    nouns = [*cues["gathering_nouns"], *cues["statement_nouns"]]
    return OccasionWords(
        nouns=frozenset(w.lower() for w in nouns),
        relatives=frozenset(w.lower() for w in cues["occasion_relatives"]),
        aims=frozenset(w.lower() for w in cues["purpose_markers"]),
        texts=frozenset(w.lower() for w in cues["statement_nouns"]),
    )


def _relative_pronoun(verb: Token, words: OccasionWords) -> Token | None:
    """The relative pronoun after a preposition that opens the verb's clause,
    looked for on the verb and on the verbs it is a participle or a
    conjunct of ("dans lequel elle exprime ..., reconnaissant ...")."""
    node = verb
    for _ in range(3):
        for child in node.children:
            relative = "Rel" in child.morph.get("PronType")
            if relative and child.lower_ in words.relatives and child.i < node.i:
                if (
                    any(c.dep_ == "case" for c in child.children)
                    or child.i > 0
                    and (child.doc[child.i - 1].pos_ == "ADP")
                ):
                    return child
        participle = "Part" in node.morph.get("VerbForm")
        if not (node.dep_ == "conj" or (participle and node.dep_.startswith("advcl"))):
            return None
        node = node.head
    return None


def _agrees(noun: Token, pronoun: Token) -> bool:
    """Gender and number agree where the tagger gives both."""
    return all(
        not noun.morph.get(feature)
        or not pronoun.morph.get(feature)
        or noun.morph.get(feature) == pronoun.morph.get(feature)
        for feature in ("Gender", "Number")
    )


def relative_occasion(verb: Token, words: OccasionWords) -> Token | None:
    """The occasion noun a speech verb's relative clause stands in, or None
    (see the module docstring).

    Args:
        verb: a speech verb.
        words: the language's occasion words.

    Returns:
        The occasion noun ("communiqué", "conférence").
    """
    pronoun = _relative_pronoun(verb, words)
    if pronoun is None:
        return None
    sent = pronoun.sent
    for j in range(pronoun.i - 1, max(sent.start, pronoun.i - _ASIDE) - 1, -1):
        tok = verb.doc[j]
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in words.nouns:
            return tok if _agrees(tok, pronoun) else None
    return None


def purpose_occasion(verb: Token, words: OccasionWords) -> Token | None:
    """The occasion noun a speech infinitive of aim follows or hangs on, or
    None (see the module docstring).

    Args:
        verb: an infinitive speech verb.
        words: the language's occasion words.

    Returns:
        The occasion noun ("visite", "conférence").
    """
    aim = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in words.aims]
    if "Inf" not in verb.morph.get("VerbForm") or not aim:
        return None
    if verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in words.nouns:
        return verb.head
    start = aim[0].i
    if start == 0:
        return None
    node = verb.doc[start - 1]
    while node.head.i != node.i and node.pos_ in ("NOUN", "PROPN", "ADJ"):
        if node.pos_ == "NOUN" and node.lemma_.lower() in words.nouns:
            return node if node.right_edge.i == start - 1 else None
        node = node.head
    return None


def occasion_agent(noun: Token) -> Token | None:
    """The "de" complement of an occasion noun, which may name who holds it
    ("la visite du président X"), or None."""
    for child in noun.children:
        if child.dep_ == "nmod" and markers(child) & grammar().genitive:
            return child
    return None


def occasion_date(noun: Token) -> list[str]:
    """The words that date an occasion: its phrase, and an aside set off by
    commas right after it ("une lettre, dans la matinée du 3 juin,
    dans laquelle"), lower-cased; the caller reads them as a date."""
    doc = noun.doc
    words = [t.lower_ for t in noun.subtree]
    after = noun.right_edge.i + 1
    if after < noun.sent.end and doc[after].text == ",":
        for j in range(after + 1, min(noun.sent.end, after + _ASIDE)):
            if doc[j].text == "," or doc[j].pos_ in ("VERB", "AUX"):
                break
            words.append(doc[j].lower_)
    return words
