"""Quotes, reported speech and attribution.

* Direct quotes (:mod:`kg.quote_marks`): the words between quote marks (all made ``"`` in the
  normalised text), closed at the end of the line when the closing mark is
  missing or when an inverted speech verb follows ("? dit-il"). A quote spanning
  several sentences is one ``said`` fact. Its speaker is the subject of a
  speech verb right after it ("», a déclaré Peskov", "dit-il"), right before
  it ("Peskov a déclaré : « ... »"), the speech verb a partial quote depends
  on ("a qualifié la loi d'« inacceptable »"), or after a colon the subject of
  the main verb ("X a défendu le projet : « ... »"); a quote with no
  speaker gives nothing.
* Reported speech (:mod:`kg.speech`): a speech verb says its "que" clause
  (each of "que X et que Y"), its infinitive or attribute, or for listed
  verbs its noun complement; a stance verb with a noun object says that
  object ("Peskov n'excluait pas un contact"). A report verb says its clause
  when nobody inside it speaks ("Reuters a rapporté que les rebelles
  tueraient ..."), else it is only the source. "Selon X, ..." gives X said
  the clause, the main clause when it ends the sentence
  (:mod:`kg.according`). "X, par la voix de Y, a fait savoir" gives Y
  speaksFor X, and "l'annonce faite par Y" later makes Y say it too
  (:mod:`kg.restated`). Quoted words that are only part of a reported
  clause stay in it.
* Occasions (:mod:`kg.occasions`): what a communiqué or a conference holds
  ("dans lequel", "au cours de laquelle") takes its date and place; an aim
  after an occasion ("sa visite en Irak pour annoncer") is said there.
* Speakers (:mod:`kg.speakers`): names, the country behind its authorities
  and its officials named by a role only ("le ministre syrien"), and for
  pronouns the last named speaker or the closest named subject; each
  organisation of the list a plural "ceux-ci" stands for (:mod:`kg.groups`).
* Attribution: the facts inside a reported clause have its speaker as source
  ("Interfax a rapporté que ..."); so do the facts inside a direct quote; in a
  sentence with "selon X", X is the source; so is the medium of an interview
  ("interrogé sur la radio X", :func:`kg.media.medium_of`).

Confidence of ``said``: 0.85 for a direct quote with a named speaker, 0.75
for indirect speech, 0.7 for "selon X", 0.6 for a stance object or a
restated statement; times 0.85 when the speaker is a pronoun. ``speaksFor``
by "par la voix de": 0.8.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial

from spacy.tokens import Token

from kg.according import according_to
from kg.event_place import PlaceWords, event_place, place_words, scenes, statement_place
from kg.event_time import event_time, resolve_date
from kg.groups import group_of
from kg.media import medium_of, medium_told
from kg.model import Entity, EntityType, Fact, Provenance
from kg.nlp import Parsed
from kg.occasions import (
    OccasionWords,
    occasion_agent,
    occasion_date,
    occasion_words,
    relative_occasion,
)
from kg.polarity import Cues, is_negated
from kg.quote_marks import Quote, find_quotes
from kg.restated import restated
from kg.said_text import said_provenance, said_text
from kg.speakers import Speakers, speech_subject
from kg.speech import incise, reported_words, speaks_inside, speech_verb, voice_of
from kg.speech_events import speech_events
from kg.syntax import subject_of

__all__ = ["Attribution", "speech_facts"]

#: A quote that is this share of a reported clause repeats it.
_MOSTLY = 0.6
EntityAt = Callable[[Token], Entity | None]


@dataclass
class Attribution:
    """The source entity of each token, for the facts found there."""

    sources: dict[int, Entity] = field(default_factory=dict)
    quoted: frozenset[int] = frozenset()  # the tokens inside the article's quotes

    def source_of(self, token: Token) -> Entity | None:
        """The entity that reported the words at this token, or None."""
        return self.sources.get(token.i)

    def mark(self, tokens: range | list[int], entity: Entity, overwrite: bool = False) -> None:
        """Attribute tokens to an entity (keeping an earlier, closer source)."""
        for i in tokens:
            if overwrite or i not in self.sources:
                self.sources[i] = entity


@dataclass(frozen=True, slots=True)
class _Article:
    """What every event of one article needs to become facts."""

    parsed: Parsed
    entity_at: EntityAt
    cues: Cues
    speakers: Speakers
    attribution: Attribution
    inside: set[int]  # the tokens inside quotes
    places: PlaceWords
    scene: list[tuple[int, Entity | None]]
    occasions: OccasionWords


@dataclass(frozen=True, slots=True)
class _Said:
    """Words a speaker said, before they become a ``said`` fact."""

    verb: Token
    who: Token
    speaker: Entity
    pronoun: bool
    value: str
    words: Iterable[int]  # the tokens said, for the place of the statement
    first: int
    last: int
    conf: float
    rule: str
    occasion: Token | None = None  # the communiqué or visit it was said in


def speech_facts(
    parsed: Parsed, entity_at: EntityAt, cues: Cues, entities: Iterable[Entity] = ()
) -> tuple[list[Fact], Attribution]:
    """Find what was said and by whom, and who is the source of which words.

    Args:
        parsed: the parsed article.
        entity_at: the entity a token belongs to (from the entity index).
        cues: the language's cue words.
        entities: the article's entities (their places' demonyms name the
            country behind "le gouvernement canadien").

    Returns:
        The ``said`` facts, and the attribution of tokens to sources.
    """
    doc = parsed.doc
    demonyms = {
        alias.lower(): e for e in entities if e.type is EntityType.PLACE for alias in e.aliases
    }
    speakers = Speakers(entity_at, cues, demonyms=demonyms, lang=parsed.article.language)
    quotes = find_quotes(parsed, cues)
    inside: set[int] = {i for q in quotes for i in range(q.start, q.end)}
    places = place_words(parsed.article.language)
    dated = {*cues.weekdays, *cues.months, *cues.relative_days, *cues.time_nouns}
    scene = scenes(doc, entity_at, places, dated, inside, parsed.article.date)
    attribution = Attribution(quoted=frozenset(inside))
    occasions = occasion_words(parsed.article.language)
    article = _Article(
        parsed, entity_at, cues, speakers, attribution, inside, places, scene, occasions
    )
    facts: list[Fact] = []
    verbs: list[Token] = []
    for _, kind, data in speech_events(doc, quotes, cues):
        for fact, verb in _event_facts(article, kind, data):
            facts.append(fact)
            verbs.append(verb)
    # "L'annonce faite par Y": Y says the last statement made with "annoncer"
    pairs = list(zip(facts, verbs, strict=True))
    for fact, noun in restated(pairs, cues.speech_nouns, _maker_of(article), _where(parsed)):
        facts.append(fact)
        verbs.append(noun)
    # Sources last: "..., a déclaré M. Scholz, selon l'AFP" names it after the verb.
    told = partial(medium_told, entity_at=entity_at, cues=cues, lang=parsed.article.language)
    attribution = article.attribution
    return _drop_repeats(_with_sources(facts, verbs, attribution, told)), attribution


def _maker_of(article: _Article) -> Callable[[Token], Entity | None]:
    """The speaker a token names, for :func:`kg.restated.restated`."""
    return lambda tok: article.speakers.resolve(tok, fallback=False)[0]


def _where(parsed: Parsed) -> Callable[[int, int], Provenance]:
    """The provenance of a restated statement, between two tokens."""
    rule = "quote:restated.v1"
    return lambda first, last: said_provenance(parsed, parsed.doc, first, last, 0.6, rule)


def _event_facts(article: _Article, kind: str, data: object) -> list[tuple[Fact, Token]]:
    """The facts of one event, each with the verb whose source it takes;
    the event's words are attributed on the way."""
    if kind == "medium":
        assert isinstance(data, Token)
        medium = medium_of(data, article.entity_at, article.cues)
        if medium is not None:
            article.attribution.mark(range(data.sent.start, data.sent.end), medium)
        return []
    if kind == "source":
        assert isinstance(data, Token)
        return _source_facts(article, data)
    if kind == "quote":
        said = _quoted(article, *data)  # type: ignore[misc]
    else:
        said = _reported(article, kind, *data)  # type: ignore[misc]
    if said is None and kind == "indirect":
        return [f for s in _group_said(article, *data) for f in _said_facts(article, s)]  # type: ignore[misc]
    return _said_facts(article, said) if said is not None else []


def _group_said(article: _Article, verb: Token, content: Token) -> list[_Said]:
    """ "ceux-ci ayant posé comme condition ...": each organisation of
    the list a plural demonstrative subject stands for says the words
    (:func:`kg.groups.group_of`)."""
    subjects = subject_of(verb)
    group = (
        group_of(subjects[0], article.entity_at, article.cues.group_pronouns) if subjects else []
    )
    found = [_reported(article, "indirect", verb, content, speaker=(subjects[0], e)) for e in group]
    return [said for said in found if said is not None]


def _source_facts(article: _Article, marker: Token) -> list[tuple[Fact, Token]]:
    """ "selon X": X is the source of the sentence's other words, and may say
    its clause; "selon un communiqué de X": X (a text of a statement, not a
    report or a study)."""
    ent, pronoun = article.speakers.resolve(marker)
    author = occasion_agent(marker) if marker.lemma_.lower() in article.occasions.texts else None
    if ent is None and author is not None:
        ent, pronoun = article.speakers.resolve(author, fallback=False)
    if ent is None:
        return []
    sent = marker.sent
    article.attribution.mark([i for i in range(sent.start, sent.end) if i != marker.i], ent)
    said = according_to(article.parsed, marker, ent, pronoun, article.inside, article.cues)
    return [(said, marker.head)] if said is not None else []


def _quoted(article: _Article, quote: Quote, verb: Token) -> _Said | None:
    """A direct quote said by the subject of its speech verb (never a name inside it)."""
    who, ent, pronoun = speech_subject(verb, article.speakers)
    if ent is None or who is None or quote.start <= who.i < quote.end:
        return None
    value = said_text(article.parsed, article.parsed.doc, quote.start, quote.end, set())
    article.attribution.mark(range(quote.start, quote.end), ent, overwrite=True)
    first, last = min(quote.start, who.i, verb.i), max(quote.end - 1, who.i, verb.i)
    words = range(quote.start, quote.end)
    return _Said(verb, who, ent, pronoun, value, words, first, last, 0.85, "quote:direct.v1")


def _reported(
    article: _Article,
    kind: str,
    verb: Token,
    content: Token,
    occasion: Token | None = None,
    speaker: tuple[Token, Entity] | None = None,
) -> _Said | None:
    """What a speech or stance verb reports, said by its subject (on an
    occasion, "la visite du président X pour annoncer", by who holds it);
    nothing for "ne dit pas que", and a report verb whose clause has a
    speaker of its own ("X a rapporté que Y a dit") only attributes it."""
    cues = article.cues
    if is_negated(verb, cues) and kind != "stance":
        return None
    agent = occasion_agent(occasion) if occasion is not None else None
    held = article.speakers.resolve(agent, fallback=False) if agent is not None else (None, False)
    who, ent, pronoun = (agent, *held) if held[0] is not None else (None, None, False)
    if ent is None and speaker is not None:
        (who, ent), pronoun = speaker, True
    if ent is None:
        who, ent, pronoun = speech_subject(verb, article.speakers)
    if ent is None or who is None:
        return None
    if kind == "incise":  # "La réforme sera votée, a assuré X": the clause before
        tokens, nested = incise(verb, speech_verb(verb, cues) or "", cues), set()
    else:
        tokens, nested = reported_words(verb, content, cues)
    article.attribution.mark(tokens, ent)
    if kind != "stance" and speech_verb(verb, cues) is None and speaks_inside(content, cues):
        return None
    value = said_text(article.parsed, article.parsed.doc, min(tokens), max(tokens) + 1, nested)
    words = {t.i for t in content.subtree}
    first, last = min(tokens + [who.i, verb.i]), max(tokens + [who.i, verb.i])
    conf, rule = (0.6, "quote:stance.v1") if kind == "stance" else (0.75, "quote:indirect.v1")
    rule = "quote:incise.v1" if kind == "incise" else rule
    return _Said(verb, who, ent, pronoun, value, words, first, last, conf, rule, occasion)


def _said_facts(article: _Article, said: _Said) -> list[tuple[Fact, Token]]:
    """The ``said`` fact of some words, after a ``speaksFor`` fact when a
    spokesperson voiced them ("par la voix de Y")."""
    if not said.value:
        return []
    parsed, doc, verb, who = article.parsed, article.parsed.doc, said.verb, said.who
    conf = said.conf * 0.85 if said.pronoun else said.conf
    speakers = article.speakers
    voices = [
        (t, speakers.resolve(t, fallback=False)[0]) for t in voice_of(verb, who, article.cues)
    ]
    voice, spokesperson = next(((t, e) for t, e in voices if e is not None), (None, None))
    found: list[tuple[Fact, Token]] = []
    if voice is not None and spokesperson is not None and spokesperson.key != said.speaker.key:
        first, last = min(who.i, voice.i), max(who.i, voice.i)
        fact = Fact(
            subject=spokesperson.key,
            predicate="speaksFor",
            object=said.speaker.key,
            provenance=said_provenance(parsed, doc, first, last, 0.8, "quote:voice.v1"),
        )
        found.append((fact, verb))
    time, place = _when_where(article, said)
    fact = Fact(
        subject=said.speaker.key,
        predicate="said",
        value=said.value,
        time=time,
        place=place.key if place is not None else None,
        provenance=said_provenance(parsed, doc, said.first, said.last, conf, said.rule),
    )
    found.append((fact, verb))
    return found


def _when_where(article: _Article, said: _Said) -> tuple[str | None, Entity | None]:
    """When and where words were said: the time the speech verb names, else
    its occasion's ("une déclaration, le 3 juin, dans laquelle il ..."); the
    place its occasion names ("sa visite en Irak pour annoncer"), else the
    statement's (:func:`kg.event_place.statement_place`)."""
    verb, date, used = said.verb, article.parsed.article.date, {said.speaker.key}
    occasion = said.occasion or relative_occasion(verb, article.occasions)
    # "La réforme sera votée en mai, a assuré X": the clause's date is not the verb's
    incised = said.rule == "quote:incise.v1"
    time = None if incised else event_time(verb, verb.sent, article.cues, date)
    place = None
    if occasion is not None:
        time = time or event_time(occasion, occasion.sent, article.cues, date)
        time = time or resolve_date(occasion_date(occasion), date, article.cues)
        arguments = [a for a in [occasion_agent(occasion)] if a is not None]
        place = event_place(occasion, article.entity_at, article.places, used, arguments)
    if place is None:
        place = statement_place(
            verb, article.entity_at, article.places, article.scene, used, said.words
        )
    return time, place


def _with_sources(
    facts: list[Fact],
    verbs: list[Token],
    attribution: Attribution,
    told: Callable[[Token], Entity | None],
) -> list[Fact]:
    """Each fact with the source of its verb's words: the attribution, else
    for ``said`` the medium the words were told to (``told``)."""
    sourced: list[Fact] = []
    for fact, verb in zip(facts, verbs, strict=True):
        source = attribution.source_of(verb)
        if source is None and fact.predicate == "said" and verb.pos_ in ("VERB", "AUX"):
            source = told(verb)
        if source is not None and source.key != fact.subject:
            fact = replace(fact, source=source.key)
        sourced.append(fact)
    return sourced


def _drop_repeats(facts: list[Fact]) -> list[Fact]:
    """One statement said twice keeps one fact.

    Reported speech that repeats a direct quote of the same speaker (one
    contains the other and the quote is most of it) is dropped; quoted words
    that are only a part of a longer reported clause ("a estimé que « l'ancien
    stade » était vétuste") are dropped in favour of the clause.
    """
    direct = [f for f in facts if f.provenance.rule == "quote:direct.v1"]
    dropped: set[int] = set()
    for i, fact in enumerate(facts):
        if fact.provenance.rule == "quote:direct.v1" or fact.predicate != "said":
            continue
        said = (fact.value or "").lower()
        inside = [
            q
            for q in direct
            if q.subject == fact.subject
            and ((q.value or "").lower() in said or said in (q.value or "").lower())
        ]
        if any(len(q.value or "") >= _MOSTLY * len(said) for q in inside):
            dropped.add(i)
        else:
            dropped |= {facts.index(q) for q in inside}
    return [f for i, f in enumerate(facts) if i not in dropped]
