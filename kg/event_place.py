"""The place of an event or of a statement, read on the dependency parse.

* :func:`event_place`: a place the trigger's own words name. A place
  complement ("à", "en", "dans", "depuis": ``place_prepositions`` of
  ``grammar.yaml``) of the trigger ("a rencontré Y à Alep", "a déclaré
  depuis Kiev"), of the support verb of a noun trigger ("a eu un entretien
  à Bali"), of the verb a noun trigger is the subject of ("la rencontre a eu
  lieu à l'Élysée"), of a gerund or participle adjunct of the trigger ("a
  annoncé sa démission en arrivant au Sénat"), of an event noun that places
  the trigger ("lors de sa visite à Rome"), or one the parser hung on an
  argument of the trigger ("la rencontre avec le président à Alep"); or the
  place a relative "où" stands for ("arrivé au Caire, où il a déclaré").
* :func:`scenes`: for each sentence, the place where the article last set a
  gathering ("a tenu son congrès à Salzbourg", "ont été invitées à
  Cotroceni"), carried over the sentences that follow until one of them
  names another place on a verb or dates its verb anew. A statement with no
  place of its own was made there (:func:`statement_place`).

Refused everywhere: a place the fact has as subject or object, a place
inside the words reported or quoted ("a déclaré qu'il irait en Irak"), a
place introduced by another word than a place marker ("a parlé de l'Irak",
"au nom de la France"), and a place deeper than one complement from the
trigger or its argument. On a speech verb, a country or region after "à"
is whom the words are addressed to ("a déclaré au Japon que"), not where. A
scene is set by a gathering only (``gathering_nouns``, ``gathering_verbs``
of ``cues.yaml``), never by a dateline ("Damas, Syrie - ...") or a place a
clause only mentions ("les troupes en Irak").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.lang import load_data
from kg.lang.grammar import grammar
from kg.lang.validate import Problems
from kg.mentions import lexicon, name_key
from kg.model import Entity, EntityType
from kg.syntax import markers

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")

__all__ = ["PlaceWords", "event_place", "gatherings", "place_words", "scenes", "statement_place"]

EntityAt = Callable[[Token], Entity | None]


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The words that place an event (see the module docstring).

    Attributes:
        markers: prepositions introducing a place ("à", "en", "dans", "depuis").
        dative: the markers that also name whom words are addressed to ("à").
        gerund: the marker of a gerund ("en arrivant").
        gathering_nouns: nouns of gatherings and visits ("congrès", "visite").
        gathering_verbs: verbs that gather people at a place ("réunir", "inviter").
        arrival_verbs: verbs of arriving, whose place may be a house ("arriver").
        occasion_nouns: nouns that put a verb at a gathering ("en marge de").
        genitive: the forms of "de", which name a gathering's place ("le
            sommet de Vilnius").
        relatives: relative pronouns of place ("Alep, où il a rencontré").
        regions: name keys of the countries and regions of ``places.yaml``.
    """

    markers: frozenset[str]
    dative: frozenset[str]
    gerund: frozenset[str]
    gathering_nouns: frozenset[str]
    gathering_verbs: frozenset[str]
    arrival_verbs: frozenset[str]
    occasion_nouns: frozenset[str]
    genitive: frozenset[str]
    relatives: frozenset[str]
    regions: frozenset[str]


@cache
def place_words(lang: str = "fr") -> PlaceWords:
    """The place words of a language, from ``grammar.yaml``, ``cues.yaml``
    and ``places.yaml``.

    Raises:
        FrameError: a list is missing or is not a list of words.
    """
    cues = load_data(lang, "cues")
    problems = Problems(f"kg/lang/{lang}/cues.yaml")
    for key in ("gathering_nouns", "gathering_verbs", "arrival_verbs", "occasion_nouns"):
        problems.words(key, cues.get(key))
    problems.raise_any()
    words = grammar(lang)
    return PlaceWords(
        markers=words.place_prepositions,
        dative=words.dative_prepositions,
        gerund=words.gerund_markers,
        gathering_nouns=frozenset(w.lower() for w in cues["gathering_nouns"]),
        gathering_verbs=frozenset(w.lower() for w in cues["gathering_verbs"]),
        arrival_verbs=frozenset(w.lower() for w in cues["arrival_verbs"]),
        occasion_nouns=frozenset(w.lower() for w in cues["occasion_nouns"]),
        genitive=words.genitive,
        relatives=words.place_relatives,
        regions=frozenset(lexicon(lang).places),
    )


def _complement_place(
    child: Token, entity_at: EntityAt, words: PlaceWords, speech: bool, venue: bool = False
) -> Entity | None:
    """The place a complement names, when a place marker introduces it; on a
    speech verb, not a country or region after "à" (the addressee). With
    ``venue``, an organisation too: the house one arrives at or is received
    in ("en arrivant au Sénat", "ont été reçus à l'Élysée"); after a noun
    ("un entretien au Figaro") it is whom one speaks to."""
    if child.dep_.split(":")[0] not in ("obl", "nmod"):
        return None
    introduced = markers(child)
    genitive = bool(introduced & words.genitive) and _is_gathering(child.head, words)
    if not (introduced & words.markers or genitive):
        return None
    ent = entity_at(child)
    if ent is None or ent.type not in (
        (EntityType.PLACE, EntityType.ORGANIZATION) if venue else (EntityType.PLACE,)
    ):
        return None
    if genitive and ent.type is not EntityType.PLACE:
        return None  # "le sommet de Vilnius" says where, "le sommet de l'OTAN" whose
    if speech and introduced <= words.dative and name_key(ent.label) in words.regions:
        return None  # "a déclaré au Japon que"
    return ent


def _is_gathering(tok: Token, words: PlaceWords) -> bool:
    """A gathering noun ("le congrès", "sa visite")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in words.gathering_nouns


def _adjuncts(trigger: Token, words: PlaceWords, support: Collection[str] = ()) -> list[Token]:
    """The words whose place is the trigger's: the trigger, the support verb
    of a noun object, the verb a noun is the subject of, the trigger's gerund
    adjuncts and the gathering nouns it is placed by ("lors de sa visite")."""
    heads = [trigger]
    if trigger.pos_ == "NOUN" and (
        trigger.dep_.startswith("nsubj")  # "la rencontre a eu lieu à l'Élysée"
        or (trigger.dep_ == "obj" and trigger.head.lemma_.lower() in support)
    ):
        heads.append(trigger.head)
    for child in trigger.children:
        participle = "Part" in child.morph.get("VerbForm")
        gerund = any(m.lower_ in words.gerund for m in child.lefts if m.dep_ in ("mark", "case"))
        if child.dep_.startswith("advcl") and participle and gerund:
            heads.append(child)  # "en arrivant au Sénat"
    return heads + gatherings(trigger, words)


def gatherings(trigger: Token, words: PlaceWords) -> list[Token]:
    """The gathering nouns that place a trigger: its complements ("au cours
    du sommet", "pendant la conférence"), those of an adverb of it ("lors
    du congrès", which the parser may hang on "lors") and of an occasion
    noun ("en marge du sommet", "à l'issue de la réunion")."""
    found = []
    for child in trigger.children:
        for tok in [child, *(child.children if child.dep_ == "advmod" else ())]:
            if not tok.dep_.startswith("obl"):
                continue
            if _is_gathering(tok, words):
                found.append(tok)
            elif tok.lemma_.lower() in words.occasion_nouns:  # "en marge du sommet"
                found += [c for c in tok.children if c.dep_ == "nmod" and _is_gathering(c, words)]
    return found


def event_place(
    trigger: Token,
    entity_at: EntityAt,
    words: PlaceWords,
    used: Collection[str] = (),
    arguments: Sequence[Token] = (),
    skip: Collection[int] = (),
    speech: bool = False,
    support: Collection[str] = (),
) -> Entity | None:
    """The place the words of an event or a statement name (see the module docstring).

    Args:
        trigger: the event's verb or noun, or the speech verb.
        entity_at: the entity at a token.
        words: the language's place words.
        used: keys of the fact's subject and object (never its place).
        arguments: the tokens naming the fact's object (the parser may hang
            the event's place on them); for a verb, only names count.
        skip: token indices of the words reported or quoted.
        speech: the trigger is a speech verb.
        support: support verbs, whose noun object is the event ("a eu un
            entretien").

    Returns:
        The place, or None.
    """
    antecedent = _antecedent(trigger, entity_at, words)
    if antecedent is not None and antecedent.key not in used:
        return antecedent
    heads = _adjuncts(trigger, words, support)
    # a name takes no place complement of its own: "a rencontré X à Alep"
    # hung on X is the meeting's place, and so for any argument of a noun
    heads += [
        a
        for a in arguments
        if a.i not in skip and a.i != trigger.i and (trigger.pos_ == "NOUN" or a.pos_ == "PROPN")
    ]
    for head in heads:
        for child in head.children:
            if child.i in skip or child.i == trigger.i:
                continue
            venue = head.i != trigger.i and head.lemma_.lower() in words.arrival_verbs
            ent = _complement_place(child, entity_at, words, speech and head.i == trigger.i, venue)
            if ent is not None and ent.key not in used:
                return ent
    return None


def _antecedent(verb: Token, entity_at: EntityAt, words: PlaceWords) -> Entity | None:
    """ "arrivé au Caire, où il a déclaré": the place a relative "où" of the
    verb stands for, the name just before it (across a comma); nothing when
    that is no place ("le jour où", "a écrit à X, où")."""
    where = next((c for c in verb.lefts if c.lower_ in words.relatives), None)
    if where is None:
        return None
    doc = verb.doc
    before = where.i - 2 if where.i >= 2 and doc[where.i - 1].text == "," else where.i - 1
    ent = entity_at(doc[before]) if before >= verb.sent.start else None
    return ent if ent is not None and ent.type is EntityType.PLACE else None


def _scene_changes(
    sent: Span, entity_at: EntityAt, words: PlaceWords, inside: Collection[int]
) -> list[tuple[int, Entity | None]]:
    """The places a sentence names on a verb or a gathering, by the place's
    token: a gathering's place opens a scene there, another place ends it
    ("est retourné du sommet de Chisinau à Bucarest" leaves the summit)."""
    changes: list[tuple[int, Entity | None]] = []
    for tok in sent:
        if tok.i in inside or tok.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        lemma = tok.lemma_.lower()
        predicate = any(c.dep_ == "cop" for c in tok.children)  # "est partie à Rennes"
        if _is_gathering(tok, words):
            gathering, heads = True, _adjuncts(tok, words)
        elif tok.pos_ != "NOUN" or predicate:
            gathering, heads = lemma in words.gathering_verbs, [tok]
        else:
            continue
        for child in (c for head in heads for c in head.children):
            if child.i in inside:
                continue
            venue = gathering and tok.pos_ != "NOUN"  # "ont été reçus à l'Élysée"
            place = _complement_place(child, entity_at, words, False, venue)
            if place is not None:
                changes.append((child.i, place if gathering else None))
    return sorted(changes, key=lambda c: c[0])


def _date_words(verb: Token, time_words: Collection[str]) -> list[Token]:
    """The words that date a verb ("mardi", "le 22 avril", "en 2005")."""
    found = []
    for child in verb.children:
        if child.dep_.split(":")[0] in ("obl", "nmod", "advmod"):
            found += [t for t in child.subtree if t.lower_ in time_words or _YEAR.match(t.text)]
    return found


def scenes(
    doc: Doc,
    entity_at: EntityAt,
    words: PlaceWords,
    time_words: Collection[str],
    inside: Collection[int] = (),
    reference: str | None = None,
) -> list[tuple[int, Entity | None]]:
    """Where the article sets its scenes: each gathering's place opens one
    ("a tenu son congrès à Salzbourg"); another place named on a verb, or a
    sentence whose main verb carries a date of its own, closes it.

    A verbless sentence (a caption) sets no scene, and a scene set in a
    sentence dated by another year than the article's ("lors de sa visite
    à Rome en 2018") ends with its sentence.

    Args:
        doc: the article's parse.
        entity_at: the entity at a token.
        words: the language's place words.
        time_words: words that date a verb (weekdays, months, time nouns).
        inside: token indices inside quotes (a place quoted sets no scene).
        reference: the article's date (ISO 8601).

    Returns:
        (token index, the scene from there on or None), in text order.
    """
    changes: list[tuple[int, Entity | None]] = []
    for sent in doc.sents:
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue  # a caption
        if _date_words(sent.root, time_words):
            changes.append((sent.start, None))
        changes += _scene_changes(sent, entity_at, words, inside)
        years = {t.text for t in sent if _YEAR.match(t.text) and t.i not in inside}
        if years - {(reference or "")[:4]}:
            changes.append((sent.end - 1, None))
    return changes


def statement_place(
    verb: Token,
    entity_at: EntityAt,
    words: PlaceWords,
    scene: Sequence[tuple[int, Entity | None]],
    used: Collection[str],
    skip: Collection[int],
) -> Entity | None:
    """Where a statement was made: a place its speech verb names, else the
    scene open at the verb (see the module docstring).

    Args:
        verb: the speech verb.
        entity_at: the entity at a token.
        words: the language's place words.
        scene: the scenes of the article (:func:`scenes`); the one open
            at the verb is taken.
        used: the speaker's key.
        skip: token indices of the words reported or quoted.

    Returns:
        The place, or None.
    """
    own = event_place(verb, entity_at, words, used, skip=skip, speech=True)
    if own is not None:
        return own
    before = bisect_right(scene, verb.i, key=lambda change: change[0])
    found = scene[before - 1][1] if before else None
    return found if found is not None and found.key not in used else None
