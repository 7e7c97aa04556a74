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

from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import POS
from spacy.parts_of_speech import NOUN, VERB
from spacy.tokens import Span, Token

from kg.event_place import event_place, place_words
from kg.event_time import event_time
from kg.frames.affiliations import affiliation_facts
from kg.frames.located import CountryOf, located_in
from kg.frames.membership import refine_membership
from kg.frames.owners import owners_from_voice
from kg.frames.part_of import part_of, part_words
from kg.frames.parties import party_labels
from kg.frames.paths import follow
from kg.frames.position_words import position_words
from kg.frames.post_edges import one_edge_per_post
from kg.frames.provenance import fact_provenance
from kg.frames.reaction_words import reaction_words
from kg.frames.reactions import reaction_facts
from kg.frames.refusals import Refusals
from kg.frames.resolver import EntityLookup, Resolver, Sources
from kg.frames.role_facts import role_facts
from kg.frames.schema import Frame, FrameSet, Trigger, load_frames
from kg.frames.successions import posts_taken_over
from kg.frames.visits import regions_visited
from kg.lang.grammar import grammar
from kg.mentions import lexicon, name_key
from kg.model import Entity, EntityType, Fact
from kg.nlp import Parsed
from kg.polarity import Cues, assess, load_cues
from kg.syntax import is_reflexive

__all__ = ["extract_facts", "speaker_lookup"]


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


def _event_arguments(
    token: Token,
    frame: Frame,
    trigger: Trigger,
    resolver: Resolver,
    support: frozenset[str],
    refusals: Refusals,
) -> tuple[list[tuple[Entity, Token, float]], list[tuple[Entity, Token, float]]]:
    """The subjects and objects of a trigger; coordinated subjects of a
    symmetric frame, or a pair object, are split into subject and objects."""
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
    return subjects, objects


def _event_facts(
    parsed: Parsed,
    token: Token,
    frame: Frame,
    trigger: Trigger,
    resolver: Resolver,
    cues: Cues,
    attribution: Sources,
    support: frozenset[str],
    refusals: Refusals,
) -> list[Fact]:
    sent = token.sent
    if not _applies(token, trigger, sent) or refusals.trigger_refused(token, frame.refuses):
        return []
    source = attribution.source_of(token)
    subjects, objects = _event_arguments(token, frame, trigger, resolver, support, refusals)
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
                    provenance=fact_provenance(parsed, [token, s_tok, o_tok], frame.rule, conf),
                )
            )
    return facts


def _linked_facts(
    parsed: Parsed,
    sent: Span,
    frames: FrameSet,
    resolver: Resolver,
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
        ("locatedIn", "place:part-of.v1", 0.75, linked)
        for linked in part_of(sent, resolver.entity_at, part_words(frames.lang))
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
            provenance=fact_provenance(
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
    return Resolver(parsed, index).entity_at


def _resolver(
    parsed: Parsed, index: EntityLookup, attribution: Sources, frames: FrameSet, cues: Cues
) -> Resolver:
    """The argument resolver of one article, with the words it needs."""
    resolver = Resolver(parsed, index)
    resolver.event_nouns = frozenset(frames.noun_index)
    resolver.place_nouns = frames.place_nouns
    resolver.organization_heads = lexicon(frames.lang).organization_heads
    resolver.speakers, resolver.first_person = attribution, cues.first_person
    resolver.third_person = cues.speaker_pronouns
    return resolver


def _refusals(parsed: Parsed, attribution: Sources, frames: FrameSet) -> Refusals:
    """What refuses a trigger or an object in one article."""
    states = lexicon(frames.lang).places
    return Refusals(
        parsed.doc,
        attribution.quoted,
        attribution.source_of,
        lambda place: name_key(place.label) in states,
        grammar(frames.lang).place_prepositions,
        reaction_words(frames.lang).target.patient_nouns,
    )


def _triggered(
    sent: Span, tags: list[int], frames: FrameSet, cues: Cues
) -> Iterator[tuple[Token, Frame, Trigger]]:
    """Each verb or noun of a sentence with each frame and trigger it may start, in text order."""
    doc = sent.doc
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
            yield token, frame, trigger


def _across_sentences(facts: list[Fact], index: EntityLookup, frames: FrameSet) -> list[Fact]:
    """The facts read across the article's facts (visits, owners, membership), deduplicated."""
    facts += regions_visited(facts)
    entities = getattr(index, "entities", ())
    states = {e.key for e in entities if e.type is EntityType.PLACE}
    facts = owners_from_voice(facts, states)
    facts = _dedupe(refine_membership(facts, entities, frames.lang), frames)
    return one_edge_per_post(facts, frames.lang)


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
    resolver = _resolver(parsed, index, attribution, frames, cues)
    refusals = _refusals(parsed, attribution, frames)
    facts: list[Fact] = list(said)
    positions = position_words(frames.lang)
    tags = parsed.doc.to_array(POS).tolist()  # Token objects only for the verbs and nouns
    for sent in parsed.doc.sents:
        for token, frame, trigger in _triggered(sent, tags, frames, cues):
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
        facts.extend(role_facts(parsed, sent, frames, resolver, cues, attribution))
        facts.extend(posts_taken_over(parsed, sent, facts, resolver.entity_at, positions))
        facts.extend(_linked_facts(parsed, sent, frames, resolver, country_of))
        facts.extend(affiliation_facts(parsed, sent, frames, resolver, facts))
    facts.extend(reaction_facts(parsed, resolver, cues, attribution, frames.lang))
    return _across_sentences(facts, index, frames)
