"""Offices handed over: "le ministère de l'Intérieur a été confié à X" makes
X its minister, "le ministère de la Culture revient à X" too.

The office is an organisation the article names, whose name starts with a
noun of ``offices`` in ``positions.yaml`` ("ministère" -> "ministre"); it is
the subject of a verb of ``handing_verbs`` and the holder is the person
after "à" (:func:`kg.frames.role_holders.handed_to`). Refused: an office
given to no person ("la présidence revient à la France"), an organisation
of another kind ("l'hôpital a été confié à X"), another verb ("le ministère
a reçu X"). A role phrase handed over the same way ("le poste de ministre
de la Justice échoit à X") is read with the other role phrases
(:mod:`kg.frames.roles`).
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.frames.position_words import position_words
from kg.frames.provenance import fact_provenance
from kg.frames.resolver import Resolver
from kg.frames.role_holders import handed_to, person
from kg.frames.schema import FrameSet
from kg.lexicon import name_key
from kg.model import EntityType, Fact
from kg.nlp import Parsed
from kg.polarity import Cues, assess

__all__ = ["handed_offices"]

_POSITION = "holdsPosition"


def handed_offices(
    parsed: Parsed, sent: Span, frames: FrameSet, resolver: Resolver, cues: Cues
) -> list[Fact]:
    """The posts a sentence hands over by naming their office.

    Args:
        parsed: the article and its parse.
        sent: the sentence.
        frames: the language's frames (the position frame gives the rule
            and the confidence).
        resolver: the entities of tokens.
        cues: the language's cue words (polarity and modality of the verb).

    Returns:
        One holdsPosition fact per office handed to a person, the office as
        the entity the role belongs to.
    """
    frame = next((f for f in frames.role_frames if f.predicate == _POSITION), None)
    words = position_words(frames.lang)
    entity_at = resolver.entity_at
    facts: list[Fact] = []
    for tok in sent:
        office = entity_at(tok) if tok.dep_ in ("nsubj", "nsubj:pass") else None
        if frame is None or office is None or office.type is not EntityType.ORGANIZATION:
            continue
        role = words.offices.get(name_key(office.label).split(" ", 1)[0])
        holder_token = handed_to(tok, words.handing_verbs, words.post_nouns, entity_at)
        holder = person(holder_token, entity_at) if holder_token is not None else None
        if role is None or holder is None or holder_token is None:
            continue
        polarity, modality = assess(tok.head, cues)
        facts.append(
            Fact(
                subject=holder.key,
                predicate=_POSITION,
                value=role,
                of=office.key,
                polarity=polarity,
                modality=modality,
                provenance=fact_provenance(
                    parsed, [tok, holder_token], frame.rule, frame.confidence
                ),
            )
        )
    return facts
