"""Places a verb of belonging or of location puts inside another: "Colmar,
qui fait partie de l'Alsace", "les îles de Ré et d'Oléron, qui font partie
de la Charente-Maritime", "Kidal, ville située dans le nord du Mali".

Read on the words (the parser often hangs the participle anywhere): one or
more places coordinated by "et" or a comma, then an optional comma and
"qui", a form of the verb of ``part_phrases`` (``frames.yaml``) followed by
its noun ("fait partie"), a form of "de", an optional article, then the
outer place: a name, or a noun of ``place_kinds`` that stands for the last
place named before with a word of that kind ("l'archipel" for "les îles
Marshall").

A participle of location (``located_participles``: "située") after the
places (and a place noun: "Kidal, ville située") takes the place after it,
past a preposition of place and a part of a place ("dans le nord du",
"au sud de"). After "à" or "au" a part of a place is outside a city
("située au sud de Bagdad"), so only a country or region is taken there;
a distance ("à 100 km au sud de") gives nothing.

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
from kg.lexicon import lexicon, name_key
from kg.model import Entity, EntityType

__all__ = ["PartWords", "part_of", "part_words"]

PartWords = tuple[dict[str, str], dict[str, frozenset[str]], frozenset[str], frozenset[str]]


@cache
def part_words(lang: str = "fr") -> PartWords:
    """The verbs of belonging (verb lemma -> its noun), the kind nouns (kind
    -> the first words of the names of that kind), the participles of
    location and the place nouns, from ``frames.yaml``.

    Raises:
        FrameError: a list is missing or malformed.
    """
    data = load_data(lang, "frames")
    problems = Problems(f"kg/lang/{lang}/frames.yaml")
    for key in ("part_phrases", "located_participles", "place_nouns"):
        problems.words(key, data.get(key))
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
    return (
        phrases,
        {k.lower(): frozenset(name_key(w) for w in v) for k, v in kinds.items()},
        frozenset(w.lower() for w in data["located_participles"]),
        frozenset(w.lower() for w in data["place_nouns"]),
    )


def _place(tok: Token, entity_at: EntityAt) -> Entity | None:
    ent = entity_at(tok)
    return ent if ent is not None and ent.type is EntityType.PLACE else None


def _inner(
    sent: Span, verb: Token, entity_at: EntityAt, nouns: frozenset[str] = frozenset()
) -> list[tuple[Entity, Token]]:
    """The places named right before the verb, coordinated ("de X et d'Y"),
    past a place noun ("Kidal, ville située")."""
    doc = sent.doc
    j = verb.i - 1
    if j >= sent.start and "Rel" in doc[j].morph.get("PronType"):
        j -= 1
    if j >= sent.start and doc[j].lemma_.lower() in nouns:
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
    found = _kind_place(sent, before, words, entity_at) if words else None
    # the kind noun stands for the place in this sentence: the fact's words are here
    return (found[0], doc[k]) if found is not None else None


def _situated(
    sent: Span, verb: Token, entity_at: EntityAt, nouns: frozenset[str]
) -> tuple[Entity, Token] | None:
    """The place after a participle of location (see the module docstring)."""
    doc, words = sent.doc, grammar()
    skip = words.place_prepositions | words.definite_articles | words.genitive
    k, part, dative = verb.i + 1, False, False
    while k < sent.end and (doc[k].lower_ in skip or doc[k].lemma_.lower() in nouns):
        dative |= doc[k].lower_ in words.dative_prepositions and not part
        part |= doc[k].lemma_.lower() in nouns
        k += 1
    if k >= sent.end or k == verb.i + 1:
        return None
    ent = _place(doc[k], entity_at)
    if ent is None or (part and dative and name_key(ent.label) not in _regions()):
        return None
    return ent, doc[k]


@cache
def _regions() -> frozenset[str]:
    return frozenset(lexicon().places)


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
    phrases, kinds, participles, nouns = words
    found = []
    for verb in sent:
        if verb.lemma_.lower() in participles and "Part" in verb.morph.get("VerbForm"):
            inner = _inner(sent, verb, entity_at, nouns)
            outer = _situated(sent, verb, entity_at, nouns) if inner else None
            if outer is not None and all(ent is not outer[0] for ent, _ in inner):
                found += [Linked(ent, outer[0], tok, outer[1]) for ent, tok in inner]
            continue
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
