"""Plural anaphora of bodies: "les forces armées ... celles-ci", "les chefs des
forces armées ... ceux-ci".

A plural demonstrative of the lexicon's ``plural_anaphors`` ("ceux-ci",
"celles-ci", "ces derniers") stands for the nearest plural noun before it,
in its sentence or the one before, that agrees with it in gender when the
morphology gives both genders. That noun must name an organisation ("les
forces armées"), or be a noun of the lexicon's ``body_leaders`` whose
complement does ("les chefs des forces armées": the chiefs speak for the
body). Refused: a nearest plural noun that is anything else ("les députés
... ceux-ci" names no body, and no noun further back is tried), a person
(a plural pronoun never stands for one person), no plural noun at all.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.entity_index import EntityIndex
from kg.lexicon import Lexicon, lexicon, name_key
from kg.mentions import make_mention
from kg.model import Entity, EntityType, Mention, MentionKind
from kg.nlp import Parsed
from kg.syntax import markers

__all__ = ["body_anaphors"]

#: The most tokens an anaphor spans ("ceux", "-", "ci").
_LONGEST = 3
_CONFIDENCE = 0.6


def body_anaphors(
    parsed: Parsed, index: EntityIndex, lang: str = "fr"
) -> list[tuple[str, Mention]]:
    """The plural anaphors that stand for a body, as pronoun mentions.

    Args:
        parsed: the parsed article.
        index: the article's entities.
        lang: the language, for its lexicon.

    Returns:
        (entity key, mention) pairs, in text order.
    """
    lex = lexicon(lang)
    doc = parsed.doc
    firsts = {key.split()[0] for key in lex.plural_anaphors}
    found: list[tuple[str, Mention]] = []
    sentences = {s.start: n for n, s in enumerate(doc.sents)}
    for token in doc:
        if name_key(token.text).split(" ")[0] not in firsts:
            continue
        span = _anaphor_at(doc, token.i, lex)
        body = _antecedent(span, index, lex) if span is not None else None
        if span is None or body is None:
            continue
        mention = make_mention(
            parsed,
            span,
            EntityType.ORGANIZATION,
            MentionKind.PRONOUN,
            name_key(span.text),
            sentences[span.sent.start],
            "coref:plural-body",
            _CONFIDENCE,
        )
        found.append((body.key, mention))
    return found


def _anaphor_at(doc, start: int, lex: Lexicon) -> Span | None:
    """The anaphor starting at a token ("ceux-ci" may be three tokens), or None."""
    for length in range(_LONGEST, 0, -1):
        span = doc[start : start + length]
        if len(span) == length and name_key(span.text) in lex.plural_anaphors:
            return span
    return None


def _gender(tokens) -> str | None:
    """The gender the morphology gives a word or a span, or None."""
    for token in tokens:
        gender = token.morph.get("Gender")
        if gender:
            return gender[0]
    return None


def _antecedent(span: Span, index: EntityIndex, lex: Lexicon) -> Entity | None:
    """The body the nearest agreeing plural noun before the anaphor names, or None."""
    doc = span.doc
    first = doc[span.sent.start - 1].sent.start if span.sent.start > 0 else 0
    gender = _gender(span)
    for token in reversed(doc[first : span.start]):
        if token.pos_ not in ("NOUN", "PROPN") or "Plur" not in token.morph.get("Number"):
            continue
        own = _gender([token])
        if gender and own and own != gender:
            continue
        entity = index.entity_at(token)
        if entity is None and name_key(token.text) in lex.body_leaders:
            entity = _led_body(token, index, lex)
        return entity if entity is not None and entity.type is EntityType.ORGANIZATION else None
    return None


def _led_body(leaders: Token, index: EntityIndex, lex: Lexicon) -> Entity | None:
    """ "les chefs des forces armées": the body named by the genitive complement."""
    for child in leaders.children:
        if child.dep_ == "nmod" and markers(child) & lex.genitive:
            return index.entity_at(child)
    return None
