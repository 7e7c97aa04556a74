"""Matching frames on the dependency parse: Parsed article -> Facts.

For each sentence, every verb or noun whose lemma triggers a frame is tried:
its subject and object are found by the frame's paths (the first path that
reaches an entity of an accepted type wins), coordinated arguments give one
fact each, a symmetric frame pairs coordinated subjects ("X et Y se sont
rencontrés"). Role frames are matched on the words of role phrases. Then
polarity and modality come from :mod:`kg.polarity`, the source from the
attribution the quote step found (passed in by the pipeline), the place
from :mod:`kg.event_place` ("à/en/dans" complements), and the time from a year or
a date in the trigger's phrase (or anywhere in a verbless caption).

Confidence = the frame's base confidence, times 0.85 for each argument named
by a pronoun or a role phrase ("il", "son homologue", "le président russe"),
times 0.8 for an argument reached through a complement of its head ("les
alliés de l'OTAN" -> OTAN), times 0.9 for a noun trigger and 0.9 for a path
of more than one step; rounded to 3 places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import NOUN, VERB
from spacy.tokens import Span, Token

from kg.event_place import event_place, place_words
from kg.event_time import event_time
from kg.frames.located import CountryOf, located_in
from kg.frames.membership import refine_membership
from kg.frames.owners import owners_from_voice
from kg.frames.parties import party_labels
from kg.frames.paths import follow
from kg.frames.refusals import Refusals
from kg.frames.roles import match_roles
from kg.frames.schema import Frame, FrameSet, Trigger, load_frames
from kg.frames.visits import regions_visited
from kg.lang.grammar import grammar
from kg.mentions import lexicon, name_key
from kg.model import Entity, EntityType, Fact, MentionKind, Modality, Polarity, Provenance
from kg.nlp import Parsed, token_strings
from kg.polarity import Cues, assess, load_cues
from kg.syntax import is_reflexive, markers, previous_subject, reporting_subject

__all__ = ["EntityLookup", "Sources", "extract_facts", "speaker_lookup"]

_PHRASE_END = {",", ")", ";", ":", ".", "!", "?"}
_REPORTERS = (EntityType.PERSON, EntityType.ORGANIZATION)


class EntityLookup(Protocol):
    """What facts need from the entity index."""

    def entity_at(self, token: Token) -> Entity | None:
        """The entity whose mention covers the token."""
        ...


class Sources(Protocol):
    """What facts need from the quote step: who reported the words at a token."""

    def source_of(self, token: Token) -> Entity | None:
        """The entity that reported the words at this token, or None."""
        ...


class _Resolver:
    """Entities of argument tokens, with the confidence factor of how they were found."""

    def __init__(self, parsed: Parsed, index: EntityLookup) -> None:
        self.parsed = parsed
        self.index = index
        self.lowers = token_strings(parsed.doc, LOWER)  # every token's lower-case form
        self.speakers: Sources | None = None
        self.first_person: frozenset[str] = frozenset()
        self.third_person: frozenset[str] = frozenset()
        self.event_nouns: frozenset[str] = frozenset()
        self.place_nouns: frozenset[str] = frozenset()

    def entity_at(self, token: Token) -> Entity | None:
        """The entity at a token; for an adjective inside a wider role phrase,
        the place it names ("américain" in "le président élu américain")."""
        if token.pos_ == "PRON" and token.lower_ in self.first_person and self.speakers:
            # "« Nous soutiendrons l'Ukraine », a déclaré M. Scholz": the speaker
            return self.speakers.source_of(token)
        many = getattr(self.index, "entities_at", None)
        if many is None or token.pos_ != "ADJ":
            found = self.index.entity_at(token) or self._by_name(token)
            if found is None and token.lower_ in self.third_person and token.dep_ == "nsubj":
                # "Il a critiqué ...": a subject pronoun the index left unresolved
                found = previous_subject(token, self.index.entity_at) or self._reporter(token)
            return found
        found = many(token)
        places = [e for e in found if e.type is EntityType.PLACE]
        return places[0] if places else (found[0] if found else None)

    def _reporter(self, pronoun: Token) -> Entity | None:
        """The person or organisation that reports the clause a pronoun opens."""
        subject = reporting_subject(pronoun)
        found = self.index.entity_at(subject) if subject is not None else None
        return found if found is not None and found.type in _REPORTERS else None

    def _by_name(self, token: Token) -> Entity | None:
        """A capitalised word the NER tagged but the index left out, when it is
        a word of exactly one person's or organisation's name ("Poutine")."""
        if (
            not token.ent_type_
            or not token.text[:1].isupper()
            or token.is_sent_start
            and token.pos_ == "DET"
        ):
            return None
        word = token.text.lower()
        entities = getattr(self.index, "entities", ())
        found = {
            e.key: e
            for e in entities
            if e.type in (EntityType.PERSON, EntityType.ORGANIZATION)
            and any(word in name.lower().split() for name in (e.label, *e.aliases))
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def kind_factor(self, token: Token, entity: Entity) -> float:
        start, end = self.parsed.span_offsets(token)
        for mention in entity.mentions:
            if mention.start <= start < mention.end:
                weak = mention.kind in (MentionKind.PRONOUN, MentionKind.ROLE)
                return 0.85 if weak else 1.0
        return 0.85 if token.pos_ == "PRON" else 1.0

    def entity(self, token: Token) -> tuple[Entity, float] | None:
        ent = self.entity_at(token)
        if ent is not None:
            return ent, self.kind_factor(token, ent)
        for child in token.children:
            # "le secrétaire général Kofi Annan": the name after a title, often
            # parsed as a complement with no preposition
            bare_name = child.dep_ == "nmod" and child.pos_ == "PROPN" and not markers(child)
            if child.dep_ in ("appos", "flat:name", "flat") or bare_name:
                ent = self.entity_at(child)
                if ent is not None:
                    return ent, 1.0
        if token.pos_ != "NOUN" or token.lemma_.lower() in self.event_nouns:
            return None  # "a reçu le soutien de X": an event stands for nobody
        # "les alliés de l'OTAN", "l'ingérence russe": one hop down; "la ville
        # allemande de Brême" is Brême, a place noun's named complement before its demonym
        children = list(token.children)
        if token.lemma_.lower() in self.place_nouns:
            children.sort(key=lambda c: c.dep_ != "nmod")
        for child in children:
            if child.dep_ == "amod" or (
                child.dep_ == "nmod" and markers(child) & grammar().genitive
            ):
                # "la réforme de M. Lenoir": the name after a title
                names = [child, *(c for c in child.children if c.dep_ == "flat:name")]
                ent = next((e for e in map(self.entity_at, names) if e is not None), None)
                if ent is not None:
                    return ent, 0.8
        return None

    def arguments(
        self,
        token: Token,
        paths: Iterable[str],
        types: frozenset[str],
        support: frozenset[str],
        refused: Callable[[Entity, Token], bool] = lambda _e, _t: False,
    ) -> list[tuple[Entity, Token, float]]:
        for path in paths:
            found = []
            for tok in follow(token, path, support):
                for member in (tok, *tok.conjuncts):
                    hit = self.entity(member)
                    if hit is not None and hit[0].type.value in types:
                        if refused(hit[0], member):
                            continue
                        factor = hit[1] * (0.9 if ">" in path or path.startswith("deep") else 1.0)
                        found.append((hit[0], member, factor))
            if found:
                unique: dict[str, tuple[Entity, Token, float]] = {}
                for item in found:
                    unique.setdefault(item[0].key, item)
                return list(unique.values())
        return []


def _infinitive(participle: str, cues: Cues) -> str:
    """ "téléphoné" -> "téléphoner": a participle the tagger took for a noun."""
    for ending, infinitive in cues.participle_endings:
        if participle.endswith(ending):
            return participle[: -len(ending)] + infinitive
    return participle


def _applies(token: Token, trigger: Trigger, sent: Span) -> bool:
    if trigger.words:
        near = {t.lower_ for t in token.subtree}
        if not all(w in near for w in trigger.words):
            return False
    if trigger.reflexive and not is_reflexive(token):
        return False
    words = {t.lower_ for t in sent}
    if trigger.requires and not set(trigger.requires) & words:
        return False
    if set(trigger.unless) & words:
        return False
    if any(follow(token, path) for path in trigger.without):
        return False
    return True


def _provenance(parsed: Parsed, tokens: list[Token], rule: str, conf: float) -> Provenance:
    doc = tokens[0].doc
    tokens = tokens + [c for t in tokens for c in t.subtree if c.dep_.startswith("flat")]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    start, _ = parsed.span_offsets(doc[first])
    _, end = parsed.span_offsets(doc[last])
    sent = doc[first].sent
    return Provenance(
        parsed.article.id, start, end, parsed.original(sent).strip(), rule, round(conf, 3)
    )


def _event_facts(
    parsed: Parsed,
    token: Token,
    frame: Frame,
    trigger: Trigger,
    resolver: _Resolver,
    cues: Cues,
    attribution: Sources,
    support: frozenset[str],
    refusals: Refusals,
) -> list[Fact]:
    sent = token.sent
    if not _applies(token, trigger, sent) or refusals.trigger_refused(token, frame.refuses):
        return []
    source = attribution.source_of(token)
    subjects = resolver.arguments(
        token, trigger.subject or frame.subject, frame.subject_types, support
    )
    objects = resolver.arguments(
        token,
        trigger.object or frame.object,
        frame.object_types,
        support,
        lambda entity, tok: refusals.object_refused(entity, tok, frame.refuses),
    )
    if frame.symmetric and len(subjects) > 1 and not objects:
        subjects, objects = subjects[:1], subjects[1:]
    if not subjects and len(objects) > 1 and "pair" in (trigger.object or frame.object):
        subjects, objects = objects[:1], objects[1:]
    polarity, modality = assess(token, cues)
    base = frame.confidence * (0.9 if token.pos_ == "NOUN" else 1.0)
    places = place_words(parsed.article.language)
    facts = []
    for subj, s_tok, s_factor in subjects:
        for obj, o_tok, o_factor in objects:
            if obj.key == subj.key:
                continue
            # a place visited is the visit's place: another one in the clause is
            # where the visitor went next ("est revenu de Lyon à Paris")
            visit_to_place = frame.predicate == "visited" and obj.type is EntityType.PLACE
            place = (
                None
                if visit_to_place
                else event_place(
                    token, resolver.entity_at, places, {subj.key, obj.key}, [o_tok], support=support
                )
            )
            conf = base * s_factor * o_factor
            facts.append(
                Fact(
                    subject=subj.key,
                    predicate=frame.predicate,
                    object=obj.key,
                    polarity=polarity,
                    modality=modality,
                    place=place.key if place else None,
                    time=event_time(token, sent, cues, parsed.article.date),
                    source=source.key
                    if source is not None and source.key not in (subj.key, obj.key)
                    else None,
                    provenance=_provenance(parsed, [token, s_tok, o_tok], frame.rule, conf),
                )
            )
    return facts


def _role_time(head: Token, sent: Span, cues: Cues) -> str | None:
    """ "député de la Gironde depuis 1997": a year introduced by one of
    the role's time markers, in the role phrase (up to a comma, a bracket or
    the end of the sentence). A year elsewhere in the sentence dates something else."""
    doc = head.doc
    for tok in doc[head.i + 1 : sent.end]:
        if tok.text in _PHRASE_END:
            return None
        if tok.like_num and len(tok.text) == 4 and tok.text.isdigit():
            before = doc[tok.i - 1].lower_
            return tok.text if before in cues.role_time_markers else None
    return None


def _role_facts(
    parsed: Parsed,
    sent: Span,
    frames: FrameSet,
    resolver: _Resolver,
    cues: Cues,
    attribution: Sources,
) -> list[Fact]:
    modifiers = lexicon(frames.lang).role_modifiers
    constituencies = lexicon(frames.lang).constituency_roles
    facts = []
    lowers = resolver.lowers[sent.start : sent.end]
    for frame in frames.role_frames:
        for match in match_roles(
            sent,
            frame,
            resolver.entity_at,
            modifiers,
            lowers,
            frames.appointment_verbs,
            lexicon(frames.lang).honorifics,
            grammar(frames.lang).respective,
            # a party label still makes the holder a member of the party
            constituencies=constituencies if frame.predicate == "holdsPosition" else frozenset(),
            portfolio_links=lexicon(frames.lang).portfolio_links,
        ):
            if frame.predicate != "holdsPosition" and match.of is None:
                continue
            conf = frame.confidence * (0.85 if match.via_index else 1.0)
            tokens = [match.head, match.holder_token] + (
                [match.of_token] if match.of_token is not None else []
            )
            copula = any(c.dep_ == "cop" for c in match.head.children)
            # "X n'est pas ministre", "dont il sera le chef": the copula's polarity
            # and tense count; an apposition is stated as it is
            polarity, modality = (
                assess(match.head, cues) if copula else (Polarity.POSITIVE, Modality.ASSERTED)
            )
            source = attribution.source_of(match.head)
            is_position = frame.predicate == "holdsPosition"
            facts.append(
                Fact(
                    subject=match.holder.key,
                    predicate=frame.predicate,
                    object=None if is_position else match.of.key,  # type: ignore[union-attr]
                    value=match.value if is_position else None,
                    of=match.of.key if is_position and match.of is not None else None,
                    role=None if is_position else match.value,
                    polarity=polarity,
                    modality=modality,
                    time=_role_time(match.head, sent, cues)
                    or (
                        event_time(match.appointed_by, sent, cues, parsed.article.date)
                        if match.appointed_by is not None
                        else None
                    ),
                    source=source.key
                    if source is not None and source is not match.holder
                    else None,
                    provenance=_provenance(parsed, tokens, frame.rule, conf),
                )
            )
    return facts


def _linked_facts(
    parsed: Parsed,
    sent: Span,
    frames: FrameSet,
    resolver: _Resolver,
    country_of: CountryOf | None,
) -> list[Fact]:
    """Facts read on the words around names: places inside places, party labels."""
    regions = lexicon(frames.lang).places

    def is_region(entity: Entity) -> bool:
        return name_key(entity.label) in regions

    found = [
        ("locatedIn", "place:located.v1", 0.75, linked)
        for linked in located_in(sent, resolver.entity_at, frames, is_region, country_of)
    ]
    found += [
        ("memberOf", "label:party.v1", 0.7, linked)
        for linked in party_labels(sent, resolver.entity_at, frames.party_nouns)
    ]
    return [
        Fact(
            subject=linked.subject.key,
            predicate=predicate,
            object=linked.object.key,
            provenance=_provenance(
                parsed, [linked.subject_token, linked.object_token], rule, confidence
            ),
        )
        for predicate, rule, confidence, linked in found
    ]


def _dedupe(facts: list[Fact], frames: FrameSet) -> list[Fact]:
    symmetric = {f.predicate for f in frames.frames if f.symmetric}
    best: dict[tuple, Fact] = {}
    for fact in facts:
        ends = (fact.subject, fact.object)
        if fact.predicate in symmetric:
            ends = tuple(sorted(ends, key=str))  # type: ignore[assignment]
        key = (ends, fact.predicate, fact.value, fact.polarity, fact.provenance.sentence)
        kept = best.get(key)
        if kept is None or fact.provenance.confidence > kept.provenance.confidence:
            best[key] = fact
    return sorted(best.values(), key=lambda f: (f.provenance.start, f.provenance.end, f.predicate))


def speaker_lookup(parsed: Parsed, index: EntityLookup) -> Callable[[Token], Entity | None]:
    """The entity at a token as the quote step looks speakers up: the index,
    then a word of exactly one person's or organisation's name."""
    return _Resolver(parsed, index).entity_at


def extract_facts(
    parsed: Parsed,
    index: EntityLookup,
    attribution: Sources,
    said: Iterable[Fact] = (),
    frames: FrameSet | None = None,
    country_of: CountryOf | None = None,
) -> list[Fact]:
    """Extract the facts of one parsed article.

    Args:
        parsed: the article and its parse.
        index: the article's entities (``entity_at(token)``).
        attribution: the source of each token, found by the quote step.
        said: the ``said`` facts of the quote step, kept with the others.
        frames: the frames to match; the article's language's by default.
        country_of: the article's entity for the country a place is in, from
            what the catalogue knows; without it, "dans le nord du pays" gives nothing.

    Returns:
        The facts, in text order, ``said`` facts included.
    """
    frames = frames or load_frames(parsed.article.language)
    cues = load_cues(frames.lang)
    resolver = _Resolver(parsed, index)
    resolver.event_nouns = frozenset(frames.noun_index)
    resolver.place_nouns = frames.place_nouns
    resolver.speakers, resolver.first_person = attribution, cues.first_person
    resolver.third_person = cues.speaker_pronouns
    facts: list[Fact] = list(said)
    doc = parsed.doc
    states = lexicon(frames.lang).places
    refusals = Refusals(
        doc,
        attribution.source_of,
        lambda place: name_key(place.label) in states,
        grammar(frames.lang).place_prepositions,
    )
    tags = doc.to_array(POS).tolist()  # Token objects only for the verbs and nouns
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            if tags[i] == VERB:
                token = doc[i]
                pairs = frames.by_verb(token.lemma_)
            elif tags[i] == NOUN:
                token = doc[i]
                pairs = frames.by_noun(token.lemma_) or frames.by_noun(token.lower_)
                if not pairs and any(c.dep_.startswith("aux") for c in token.children):
                    pairs = frames.by_verb(_infinitive(token.lower_, cues))
            else:
                continue
            for frame, trigger in pairs:
                facts.extend(
                    _event_facts(
                        parsed,
                        token,
                        frame,
                        trigger,
                        resolver,
                        cues,
                        attribution,
                        frames.support_verbs,
                        refusals,
                    )
                )
        facts.extend(_role_facts(parsed, sent, frames, resolver, cues, attribution))
        facts.extend(_linked_facts(parsed, sent, frames, resolver, country_of))
    facts += regions_visited(facts)
    entities = getattr(index, "entities", ())
    states = {e.key for e in entities if e.type is EntityType.PLACE}
    facts = owners_from_voice(facts, states)
    return _dedupe(refine_membership(facts, entities, frames.lang), frames)
