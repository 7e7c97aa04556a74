"""Places a verb of belonging puts inside another: "Colmar, qui fait partie
de l'Alsace", "les atolls de Bikini et d'Enewetak, faisant partie de
l'archipel".

Read on the words (the parser often hangs the participle anywhere): one or
more places coordinated by "et" or a comma, then an optional comma and
"qui", a form of the verb of ``part_phrases`` (``frames.yaml``) followed by
its noun ("fait partie"), a form of "de", an optional article, then the
outer place: a name, or a noun of ``place_kinds`` that stands for the last
place named before with a word of that kind ("l'archipel" for "les îles
Marshall").

Refused: an outer name that is no place ("la France fait partie de l'Union
européenne": an organisation), a person before the verb ("Paul Girard, qui
fait partie du gouvernement"), a kind noun with no place of its kind named
before, or whose place is one of the inner ones.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt, Linked
from kg.lang import load_data
from kg.lang.grammar import grammar
from kg.lang.validate import Problems
from kg.lexicon import name_key
from kg.model import Entity, EntityType

__all__ = ["PartWords", "part_of", "part_words"]

PartWords = tuple[dict[str, str], dict[str, frozenset[str]]]


@cache
def part_words(lang: str = "fr") -> PartWords:
    """The verbs of belonging (verb lemma -> its noun) and the kind nouns
    (kind -> the first words of the names of that kind), from ``frames.yaml``.

    Raises:
        FrameError: a list is missing or malformed.
    """
    data = load_data(lang, "frames")
    problems = Problems(f"kg/lang/{lang}/frames.yaml")
    problems.words("part_phrases", data.get("part_phrases"))
    kinds = data.get("place_kinds")
    if not isinstance(kinds, dict):
        problems.add("place_kinds", "expected a mapping of kind noun: [first words]")
        kinds = {}
    for kind, words in kinds.items():
        problems.words(f"place_kinds.{kind}", words)
    problems.raise_any()
    phrases = {}
    for phrase in data["part_phrases"]:
        verb, _, noun = phrase.lower().partition(" ")
        phrases[verb] = noun
    return phrases, {k.lower(): frozenset(name_key(w) for w in v) for k, v in kinds.items()}


def _place(tok: Token, entity_at: EntityAt) -> Entity | None:
    ent = entity_at(tok)
    return ent if ent is not None and ent.type is EntityType.PLACE else None


def _inner(sent: Span, verb: Token, entity_at: EntityAt) -> list[tuple[Entity, Token]]:
    """The places named right before the verb, coordinated ("de X et d'Y")."""
    doc = sent.doc
    j = verb.i - 1
    if j >= sent.start and "Rel" in doc[j].morph.get("PronType"):
        j -= 1
    if j >= sent.start and doc[j].text == ",":
        j -= 1
    found: list[tuple[Entity, Token]] = []
    links = grammar().conjunctions | grammar().genitive | {","}
    while j >= sent.start:
        ent = entity_at(doc[j])
        if ent is None or ent.type is EntityType.PERSON:
            break
        found.append((ent, doc[j]))
        while j >= sent.start and entity_at(doc[j]) is ent:
            j -= 1
        k = j
        while k >= sent.start and doc[k].lower_ in links:
            k -= 1
        if k == j or k < sent.start or entity_at(doc[k]) is None:
            break
        j = k
    # a place and the names coordinated with it: one of them must be a place
    return found if any(e.type is EntityType.PLACE for e, _ in found) else []


def _kind_place(sent: Span, before: int, first_words: frozenset[str], entity_at: EntityAt):
    """The last place named before a token whose name starts with a word of a kind."""
    for tok in reversed(sent.doc[:before]):
        ent = _place(tok, entity_at)
        if ent is not None and name_key(ent.label).split(" ")[0] in first_words:
            return ent, tok
    return None


def _outer(sent: Span, noun: Token, entity_at: EntityAt, kinds, before: int):
    """The place after "fait partie": a name, or a kind noun's place."""
    doc = sent.doc
    k = noun.i + 1
    skip = grammar().genitive | grammar().definite_articles
    if k >= sent.end or doc[k].lower_ not in grammar().genitive:
        return None
    while k < sent.end and doc[k].lower_ in skip:
        k += 1
    if k >= sent.end:
        return None
    ent = _place(doc[k], entity_at)
    if ent is not None:
        return ent, doc[k]
    words = kinds.get(doc[k].lemma_.lower())
    return _kind_place(sent, before, words, entity_at) if words else None


def part_of(sent: Span, entity_at: EntityAt, words: PartWords) -> list[Linked]:
    """The places a sentence puts inside another by a verb of belonging
    (see the module docstring).

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the language's verbs of belonging and kind nouns (:func:`part_words`).

    Returns:
        One item per inner place.
    """
    phrases, kinds = words
    found = []
    for verb in sent:
        noun = phrases.get(verb.lemma_.lower())
        if not noun or verb.i + 1 >= sent.end or sent.doc[verb.i + 1].lower_ != noun:
            continue
        inner = _inner(sent, verb, entity_at)
        if not inner:
            continue
        first = min(tok.i for _, tok in inner)
        outer = _outer(sent, sent.doc[verb.i + 1], entity_at, kinds, first)
        if outer is None or any(ent is outer[0] for ent, _ in inner):
            continue
        found += [Linked(ent, outer[0], tok, outer[1]) for ent, tok in inner]
    return found
