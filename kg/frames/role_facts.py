"""Role phrases -> Facts: a position held ("X, le ministre des Finances"),
or a role towards another entity ("le porte-parole de l'agence").

The phrases are found by :func:`kg.frames.roles.match_roles`; here each
becomes a fact with its polarity and modality (those of a copula, else
asserted), its time (a year the role phrase gives, else the date of the
appointment) and its source. Confidence: the frame's, times 0.85 when the
holder was found through the entity index.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.event_time import event_time
from kg.frames.handed_posts import handed_offices
from kg.frames.position_words import position_words
from kg.frames.provenance import fact_provenance
from kg.frames.resolver import Resolver, Sources
from kg.frames.roles import RoleMatch, match_roles
from kg.frames.schema import Frame, FrameSet
from kg.lang.grammar import grammar
from kg.mentions import lexicon, name_key
from kg.model import Fact, Modality, Polarity
from kg.nlp import Parsed
from kg.polarity import Cues, assess

__all__ = ["role_facts"]

_PHRASE_END = {",", ")", ";", ":", ".", "!", "?"}


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


def _role_matches(
    sent: Span, frame: Frame, frames: FrameSet, resolver: Resolver
) -> list[RoleMatch]:
    """The role phrases of one role frame in a sentence, with their holders."""
    words = lexicon(frames.lang)
    return match_roles(
        sent,
        frame,
        resolver.entity_at,
        words.role_modifiers,
        resolver.lowers[sent.start : sent.end],
        frames.appointment_verbs,
        words.honorifics,
        grammar(frames.lang).respective,
        # a party label still makes the holder a member of the party
        constituencies=words.constituency_roles
        if frame.predicate == "holdsPosition"
        else frozenset(),
        portfolio_links=words.portfolio_links,
        positions=position_words(frames.lang),
    )


def _stance(match: RoleMatch, cues: Cues, lang: str) -> tuple[Polarity, Modality]:
    """The polarity and modality of a role phrase. "X n'est pas ministre",
    "dont elle sera la directrice": the copula's; "X sera élu président", "X n'a pas
    été nommé ministre": the appointment verb's, and "X part pour devenir
    ministre" is a post to come; "le ministre pressenti" too (a modifier of
    ``planned_modifiers``). An apposition is stated as it is."""
    words = position_words(lang)
    polarity, modality = Polarity.POSITIVE, Modality.ASSERTED
    if any(c.dep_ == "cop" for c in match.head.children):
        polarity, modality = assess(match.head, cues)
    elif match.appointed_by is not None:
        verb = match.appointed_by
        polarity, modality = assess(verb, cues)
        if any(c.dep_ == "mark" and c.lower_ in words.purpose_markers for c in verb.children):
            modality = Modality.PLANNED
    if words.planned_modifiers & set(name_key(match.value).split()):
        modality = Modality.PLANNED
    return polarity, modality


def _role_fact(
    parsed: Parsed, sent: Span, frame: Frame, match: RoleMatch, cues: Cues, attribution: Sources
) -> Fact:
    """The fact a role phrase states: a position held, or a role towards another entity."""
    conf = frame.confidence * (0.85 if match.via_index else 1.0)
    tokens = [match.head, match.holder_token] + (
        [match.of_token] if match.of_token is not None else []
    )
    polarity, modality = _stance(match, cues, parsed.article.language)
    source = attribution.source_of(match.head)
    is_position = frame.predicate == "holdsPosition"
    return Fact(
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
        source=source.key if source is not None and source is not match.holder else None,
        provenance=fact_provenance(parsed, tokens, frame.rule, conf),
    )


def role_facts(
    parsed: Parsed,
    sent: Span,
    frames: FrameSet,
    resolver: Resolver,
    cues: Cues,
    attribution: Sources,
) -> list[Fact]:
    """The facts of the role phrases of a sentence.

    Args:
        parsed: the article and its parse.
        sent: the sentence.
        frames: the language's frames (their role frames are matched).
        resolver: the entities of tokens.
        cues: the language's cue words.
        attribution: the source of each token.

    Returns:
        One fact per role phrase with a holder; a role other than a position
        needs the entity it is held towards. Offices handed over by name
        ("le ministère de la Culture revient à X") are positions too.
    """
    return [
        _role_fact(parsed, sent, frame, match, cues, attribution)
        for frame in frames.role_frames
        for match in _role_matches(sent, frame, frames, resolver)
        if frame.predicate == "holdsPosition" or match.of is not None
    ] + handed_offices(parsed, sent, frames, resolver, cues)
