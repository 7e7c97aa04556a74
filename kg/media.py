"""The medium words were told through: "interrogé sur la radio X", "dans
une interview au journal X", "a déclaré à l'AFP". The medium is the source of
what is said there (:mod:`kg.quotes`); the words are those of ``cues.yaml``
(``medium_words``, ``medium_prepositions``, ``medium_heads``) and the known
media of ``lexicon.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.lexicon import lexicon, name_key
from kg.model import Entity, EntityType
from kg.polarity import Cues
from kg.syntax import markers

__all__ = ["medium_of", "medium_told"]

EntityAt = Callable[[Token], Entity | None]
#: How far after "interrogé" or "interview" the medium may stand, in words.
_MEDIUM_SPAN = 12


def medium_of(tok: Token, entity_at: EntityAt, cues: Cues, lang: str = "fr") -> Entity | None:
    """The medium named after an interview word: KTO in "interrogé sur la
    chaîne de télévision KTO", X in "dans une interview au journal X".

    The medium is the first organisation named within a few words after the
    word, before any verb, behind one of the language's medium prepositions,
    and either a known medium (lexicon ``media``) or after a medium noun
    ("la radio X"). Refused: a person or a place ("interrogé à Paris par le
    juge X"), an organisation named with no medium noun ("un entretien avec
    l'OTAN"), a name after the next verb.

    Args:
        tok: a word of the sentence.
        entity_at: the entity a token belongs to.
        cues: the language's cue words.
        lang: the language, for its list of known media.

    Returns:
        The medium's entity, or None.
    """
    if tok.lemma_.lower() not in cues.medium_words and tok.lower_ not in cues.medium_words:
        return None
    prepositions = heads = False
    media = lexicon(lang).media
    for word in tok.doc[tok.i + 1 : min(tok.sent.end, tok.i + _MEDIUM_SPAN)]:
        if word.pos_ in ("VERB", "AUX") and word.dep_ != "acl":
            return None  # "un entretien accordé au journal X" goes on past its participle
        prepositions |= word.lower_ in cues.medium_prepositions
        heads |= word.lemma_.lower() in cues.medium_heads
        ent = entity_at(word)
        if ent is None or not prepositions:
            continue
        return ent if _is_medium(ent, heads, media) else None
    return None


def medium_told(verb: Token, entity_at: EntityAt, cues: Cues, lang: str = "fr") -> Entity | None:
    """The medium a speech verb's words were told to: "a déclaré à l'AFP",
    "a confié au quotidien X". Only a complement behind a medium preposition
    that names a known medium or follows a medium noun; "a dit à ses
    proches", "a déclaré à Paul Girard" name none.

    Args:
        verb: a speech verb.
        entity_at: the entity a token belongs to.
        cues: the language's cue words.
        lang: the language, for its list of known media.

    Returns:
        The medium's entity, or None.
    """
    media = lexicon(lang).media
    for child in verb.children:
        if (
            not child.dep_.startswith(("obl", "iobj"))
            or not markers(child) & cues.medium_prepositions
        ):
            continue
        heads = child.lemma_.lower() in cues.medium_heads
        for word in child.subtree:
            ent = entity_at(word)
            if ent is not None:
                return ent if _is_medium(ent, heads, media) else None
    return None


def _is_medium(ent: Entity, after_head: bool, media: frozenset[str]) -> bool:
    """An organisation named after a medium noun, or a known medium."""
    if ent.type is not EntityType.ORGANIZATION:
        return False
    return after_head or any(name_key(name) in media for name in (ent.label, *ent.aliases))
