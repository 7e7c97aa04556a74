"""Criticism and defence stated as reactions and judgements: who reacts, against whom.

The words come from ``kg/lang/<lang>/reactions.yaml``; what a reaction is
about is found by :mod:`kg.frames.reaction_target`. The shapes read, each
giving ``criticized`` unless said otherwise:

* a reaction caused by something: "X a provoqué des réactions négatives,
  parmi lesquelles celles de A, ou encore celle de B", "X a suscité la
  colère de A": A and B criticised X's target (a reaction that may be for
  or against, "des réactions", only with a negative word); the holders a
  list names are read by :mod:`kg.frames.reaction_holders`;
* a reaction voiced: "A a manifesté son indignation face à X", "A a
  exprimé sa colère devant X" (a possessive reaction noun and what it is
  against);
* a stance: "A s'est déclaré scandalisé (par X)", "A s'est dit indigné";
  with no cause named, it is about the target of the reaction read in the
  two sentences before, in the same paragraph ("B s'était également
  déclaré scandalisé"), else nothing;
* a judgement with a pejorative word: "A a qualifié X d'absurde", "A a jugé
  X inacceptable", and in words A says: "« X est inacceptable », a déclaré
  A", "A a estimé que X était absurde", "« X traite d'une manière
  scandaleuse ... »" (a judgement the article makes itself is nobody's);
* a protest: "A a protesté contre un défaut de concertation de la part de
  X", "A s'est insurgé contre X";
* a regret: "A a déploré la décision de X" ("a déploré la mort de X" is
  no criticism of X: see ``patient_nouns``);
* a defence (``defended``): "A a relativisé / minimisé la portée de X".

A country may react as its government does ("la Chine a exprimé sa colère
face à ...", "le Japon s'est dit choqué"); a town or a region holds no
reaction. A country is a target only where it acts (:mod:`kg.frames.reaction_target`).

Refused: a reaction in a question (the sentence's last end mark outside
quote marks is "?"), inside a quote that nobody is found to say, with no
unique target or holder (two people after one "celle de", two entities in
a chain), a target that is a place that does not act, the holder itself or
the holder's own country ("le ministre chinois ... la décision de la
Chine", the country named in the holder's words), a target phrase
inside quoted words (the topic of a quote), a stance whose verb has an
object ("ce film a choqué A" is no stance of A). A negated reaction stays a
fact with negative polarity ("A ne s'est pas dit choqué").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.event_time import event_time
from kg.frames.people_groups import group_members
from kg.frames.provenance import fact_provenance
from kg.frames.reaction_holders import listed_holders
from kg.frames.reaction_target import Found, Targets, is_country
from kg.frames.reaction_words import ReactionWords, reaction_words
from kg.frames.resolver import Resolver, Sources
from kg.lang.grammar import grammar
from kg.lexicon import Lexicon, lexicon, name_key
from kg.model import Entity, EntityType, Fact
from kg.nlp import Parsed
from kg.polarity import Cues, assess
from kg.syntax import is_reflexive, markers, subject_of

__all__ = ["reaction_facts"]

#: The entities that may react; a place only when it is a country.
_HOLDERS = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
_CONFIDENCE = 0.7
#: How many sentences back a stance with no cause looks for the last reaction's target.
_STANCE_WINDOW = 2
_END_MARKS = frozenset({".", "!", "?", "…"})
#: A blank line: the end of a paragraph.
_PARAGRAPH = "\n\n"


@dataclass(frozen=True, slots=True)
class _Reading:
    """One reaction read: its word, who reacts, and what about (None: not named)."""

    trigger: Token
    holder: Entity
    holder_token: Token
    target: Found | None
    predicate: str = "criticized"
    rule: str = "reaction:holders.v1"


def _word(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


class _Reader:
    """The reactions of one article's sentences."""

    def __init__(
        self, resolver: Resolver, words: ReactionWords, attribution: Sources, lex: Lexicon
    ) -> None:
        self.resolver = resolver
        self.words = words
        self.quoted = attribution.quoted
        self.source_of = attribution.source_of
        self.lex = lex
        self.targets = Targets(resolver.entity_at, words.target, self.is_country)

    def is_country(self, entity: Entity) -> bool:
        """A place the lexicon knows as a country."""
        return is_country(entity, self.lex.countries)

    def may_hold(self, entity: Entity) -> bool:
        """A person, an organisation or a country may react."""
        return entity.type in _HOLDERS or self.is_country(entity)

    def own_country(self, reading: _Reading) -> bool:
        """The target is a country the holder's words name: "le ministre
        chinois X", "l'ambassadeur de Chine X" (by a demonym or a name)."""
        target = reading.target[0] if reading.target else None
        if target is None or target.type is not EntityType.PLACE:
            return False
        phrase = reading.holder_token
        while phrase.dep_ in ("appos", "flat", "flat:name", "nmod") and phrase.head is not phrase:
            phrase = phrase.head
        demonyms = self.lex.demonyms
        for token in phrase.subtree:
            if self.resolver.entity_at(token) is target:
                return True
            named = demonyms.get(token.lower_)
            if named is not None and name_key(named) == name_key(target.label):
                return True
        return False

    def _target(self, token: Token) -> Found | None:
        """What a phrase is about; an entity named inside quoted words is a
        quote's topic (a word in scare quotes, "un « manque » de X", is not)."""
        found = self.targets.of(token)
        return None if found is None or found[1].i in self.quoted else found

    def _holder(self, token: Token) -> tuple[Entity, Token] | None:
        hit = self.targets.named(token)
        return hit if hit is not None and self.may_hold(hit[0]) else None

    def _holders(self, subjects: list[Token]) -> list[tuple[Entity, Token]]:
        """The holder the first subject names, or the people of a group
        ("d'autres candidats", "les deux députés": :mod:`kg.frames.people_groups`)."""
        for token in subjects[:1]:
            hit = self._holder(token)
            if hit is not None:
                return [hit]
            w = self.words
            return group_members(token, self.targets.named, w.group_others, w.group_counts)
        return []

    def _subjects(self, verb: Token) -> list[tuple[Entity, Token]]:
        """The holders a verb's subject names."""
        return self._holders(subject_of(verb))

    def _own_subjects(self, word: Token) -> list[tuple[Entity, Token]]:
        """The holders of the subject hung on a word itself (an adjective or a
        passive participle)."""
        return self._holders([c for c in word.children if c.dep_ in ("nsubj", "nsubj:pass")])

    def _about_phrase(self, *tokens: Token) -> Token | None:
        """The complement "face à / devant / contre X" of these tokens; a name
        after "devant" says where ("devant le Parlement"), not about what."""
        w = self.words
        for token in tokens:
            for child in token.children:
                found = markers(child)
                if not found & w.about_markers:
                    continue
                if found & w.place_like_markers and self.targets.named(child) is not None:
                    continue
                return child
        return None

    def _about(self, *tokens: Token) -> Found | None:
        """The target of a complement "face à / devant / contre X" of these tokens."""
        phrase = self._about_phrase(*tokens)
        return self._target(phrase) if phrase is not None else None

    def readings(self, token: Token, next_sent: Span | None) -> list[_Reading]:
        """The reactions a word starts, in every shape."""
        words = _word(token)
        w = self.words
        if token.pos_ == "NOUN" and (words & w.reaction_nouns or self._negative(token)):
            return self._caused(token, next_sent) + self._voiced(token)
        if token.pos_ in ("VERB", "ADJ") and words & w.stance_words:
            return self._stance(token)
        if token.pos_ == "VERB" and words & w.judgement_verbs:
            return self._judged(token)
        if token.pos_ == "ADJ" and words & w.pejorative_words:
            return self._judged_in_speech(token)
        if token.pos_ == "VERB" and words & w.defending_verbs:
            return self._on_object(token, "defended", "reaction:defence.v1")
        if token.pos_ == "VERB" and words & w.deploring_verbs:
            return self._on_object(token, "criticized", "reaction:deplore.v1")
        if words & w.protest_verbs and (token.pos_ == "VERB" or is_reflexive(token)):
            # "s'est élevée contre": the parser may take the participle for an adjective
            found = [c for c in token.children if markers(c) & w.protest_markers]
            target = self._target(found[0]) if found else None
            holders = self._subjects(token) or self._own_subjects(token)
            return [
                _Reading(token, *h, target, rule="reaction:protest.v1") for h in holders if target
            ]
        return []

    def _negative(self, noun: Token) -> bool:
        """ "des réactions négatives": a neutral reaction noun made negative."""
        w = self.words
        return bool(_word(noun) & w.neutral_reaction_nouns) and any(
            c.dep_ == "amod" and _word(c) & w.negative_qualifiers for c in noun.children
        )

    def _on_object(self, verb: Token, predicate: str, rule: str) -> list[_Reading]:
        """ "A a relativisé la portée de X", "A a déploré la décision de X": A, about X."""
        found = [c for c in verb.children if c.dep_ == "obj"]
        target = self._target(found[0]) if found else None
        return [_Reading(verb, *h, target, predicate, rule) for h in self._subjects(verb) if target]

    def _caused(self, noun: Token, next_sent: Span | None) -> list[_Reading]:
        """ "X a provoqué des réactions, parmi lesquelles celle de A": A, about X."""
        verb = noun.head
        if noun.dep_ != "obj" or not _word(verb) & self.words.causing_verbs:
            return []
        subjects = subject_of(verb)
        target = self._target(subjects[0]) if subjects else None
        if target is None:
            return []
        holders = [
            h
            for c in noun.children
            if c.dep_ == "nmod" and markers(c) & grammar().genitive
            for h in [self._holder(c)]
            if h is not None
        ]
        holders += listed_holders(noun, next_sent, self._holder, self.words)
        return [_Reading(noun, *h, target) for h in holders]

    def _voiced(self, noun: Token) -> list[_Reading]:
        """ "A a manifesté son indignation face à X": A, about X."""
        if not any("Yes" in c.morph.get("Poss") for c in noun.children if c.dep_ == "det"):
            return []
        verb = noun.head
        if verb.pos_ != "VERB":
            return []
        target = self._about(noun, verb)
        return [_Reading(noun, *h, target) for h in self._subjects(verb) if target]

    def _stance(self, word: Token) -> list[_Reading]:
        """ "A s'est déclaré scandalisé (par X)": A; X, or the last reaction's target."""
        if any(c.dep_ in ("obj", "iobj") for c in word.children) or _active(word):
            return []
        holders = self._own_subjects(word)
        if not holders and word.dep_ in ("xcomp", "acl", "advcl") and word.head.pos_ == "VERB":
            holders = self._subjects(word.head)
        causes = [
            c
            for c in word.children
            if c.dep_ == "obl:agent" or markers(c) & self.words.stance_causes
        ]
        cause = causes[0] if causes else self._about_phrase(word, word.head)
        target = self._target(cause) if cause is not None else None
        if cause is not None and target is None:
            return []  # a cause named that leads to nobody: not the last reaction's
        return [_Reading(word, *h, target, rule="reaction:stance.v1") for h in holders]

    def _judged_in_speech(self, word: Token) -> list[_Reading]:
        """ "« Cette décision est inacceptable », a déclaré A": A, who says the
        judgement, about the decision's author. Only in words someone says: a
        judgement the article makes itself is nobody's criticism."""
        source = self.source_of(word)
        phrase = _judged_subject(word, self.words.manner_nouns)
        if source is None or not self.may_hold(source) or phrase is None:
            return []
        # the judgement is what is said: an entity inside the quote is its object
        target = self.targets.of(phrase)
        return (
            [_Reading(word, source, word, target, rule="reaction:judgement.v1")] if target else []
        )

    def _judged(self, verb: Token) -> list[_Reading]:
        """ "A a qualifié X d'absurde": A, about X (a pejorative word only)."""
        objects = [c for c in verb.children if c.dep_ == "obj"]
        if not objects:
            return []
        near = [*verb.children, *objects[0].children]
        if not any(_word(t) & self.words.pejorative_words for t in near if t.dep_ != "obj"):
            return []
        target = self._target(objects[0])
        return [
            _Reading(verb, *h, target, rule="reaction:judgement.v1")
            for h in self._subjects(verb)
            if target
        ]


def _judged_subject(word: Token, manners: frozenset[str]) -> Token | None:
    """The phrase a pejorative adjective judges: the subject of its copula
    ("X est inacceptable") or of the verb its manner noun hangs on ("X
    traite d'une manière scandaleuse ..."); a pronoun ("c'est", "il est")
    names no act."""
    head = word
    if word.dep_ == "amod" and _word(word.head) & manners and word.head.dep_.startswith("obl"):
        head = word.head.head
    elif not any(c.dep_ == "cop" for c in word.children):
        return None
    subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return subjects[0] if subjects else None


def _active(word: Token) -> bool:
    """ "A a choqué": a compound tense that is neither passive nor reflexive."""
    deps = {c.dep_ for c in word.children}
    return "aux:tense" in deps and not deps & {"aux:pass", "cop"} and not is_reflexive(word)


def _asks(sent: Span, quoted: frozenset[int]) -> bool:
    """The last end mark of a sentence outside quote marks is "?"."""
    marks = [t.text for t in sent if t.text in _END_MARKS and t.i not in quoted]
    return bool(marks) and marks[-1] == "?"


def _readings(parsed: Parsed, reader: _Reader, attribution: Sources) -> Iterator[_Reading]:
    """Every reaction of an article with its target, a stance with no cause
    taking the target of the reaction read just before."""
    sents = list(parsed.doc.sents)
    last: tuple[int, Found] | None = None
    for n, sent in enumerate(sents):
        if _asks(sent, attribution.quoted):
            continue
        following = sents[n + 1] if n + 1 < len(sents) else None
        for token in sent:
            if token.i in attribution.quoted and attribution.source_of(token) is None:
                continue
            for reading in reader.readings(token, following):
                if reading.target is None:
                    if last is None or n - last[0] > _STANCE_WINDOW:
                        continue
                    # a line break ends a sentence: a blank line after the
                    # reaction's sentence stands inside the text between the two
                    if _PARAGRAPH in parsed.doc.text[sents[last[0]].start_char : sent.start_char]:
                        continue  # another paragraph: another matter
                    reading = replace(reading, target=last[1])
                elif reading.predicate == "criticized":
                    # a holder named in the next sentence moves the reaction there
                    moved = reading.holder_token.sent.start > sent.start
                    last = (n + 1 if moved else n, reading.target)
                if reading.target[0].key != reading.holder.key and not reader.own_country(reading):
                    yield reading


def reaction_facts(
    parsed: Parsed, resolver: Resolver, cues: Cues, attribution: Sources, lang: str = "fr"
) -> list[Fact]:
    """The criticism and defence an article states as reactions and judgements.

    Args:
        parsed: the article and its parse.
        resolver: the frames' argument resolver of the article.
        cues: the language's cue words (polarity, modality, time).
        attribution: the quote step's sources and quoted tokens.
        lang: the language of ``reactions.yaml``.

    Returns:
        One fact per reaction, in text order.
    """
    reader = _Reader(resolver, reaction_words(lang), attribution, lexicon(lang))
    facts = []
    for reading in _readings(parsed, reader, attribution):
        target, target_token = reading.target  # type: ignore[misc]
        trigger = reading.trigger
        # the sentence of the reaction, or the later one its holder is named in
        # ("..., ou encore celle de B"); a group's members named before stay out
        at = max(trigger.sent.start, reading.holder_token.sent.start)
        tokens = [t for t in (trigger, reading.holder_token, target_token) if t.sent.start == at]
        far = target_token.sent.start != trigger.sent.start
        conf = _CONFIDENCE * resolver.kind_factor(reading.holder_token, reading.holder)
        polarity, modality = assess(trigger, cues)
        source = attribution.source_of(trigger)
        facts.append(
            Fact(
                subject=reading.holder.key,
                predicate=reading.predicate,
                object=target.key,
                polarity=polarity,
                modality=modality,
                time=event_time(trigger, trigger.sent, cues, parsed.article.date),
                source=source.key
                if source is not None and source.key not in (reading.holder.key, target.key)
                else None,
                provenance=fact_provenance(
                    parsed, tokens, reading.rule, conf * (0.85 if far else 1.0)
                ),
            )
        )
    return facts
