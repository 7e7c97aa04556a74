"""A statement that a later noun gives to its maker: "Le gouvernement, par la
voix de Y, a annoncé Z. ... L'annonce faite par Y" makes Y say Z as well.

A definite or demonstrative noun of ``speech_nouns`` (``cues.yaml``: the
noun and its verb, "annonce: annoncer") with a named maker ("faite par Y",
"de Y") stands for the last statement made before it with that verb; when
the maker voiced that statement for its speaker ("par la voix de Y"), the
maker said it too, with its time and place.

Refused: an indefinite noun ("une annonce de Y"), no maker, a maker that is
no speaker (a place), no statement with that verb before the noun, a maker
who did not voice it ("X a déclaré ... La déclaration de Y": another
statement).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from kg.lang.grammar import grammar
from kg.model import Entity, Fact, Provenance
from kg.syntax import markers

__all__ = ["restated"]

Resolve = Callable[[Token], Entity | None]


def _definite(noun: Token) -> bool:
    return any(
        c.dep_ == "det"
        and (c.morph.get("Definite") == ["Def"] or c.morph.get("PronType") == ["Dem"])
        for c in noun.children
    )


def _maker(noun: Token) -> Token | None:
    """Who made a statement a noun names: "faite par Y", "de Y"."""
    for child in noun.children:
        if child.dep_ == "acl" and "Part" in child.morph.get("VerbForm"):
            agents = [
                c
                for c in child.children
                if c.dep_ == "obl:agent" or markers(c) & grammar().agent_prepositions
            ]
            if agents:
                return agents[0]
        if child.dep_ == "nmod" and markers(child) & grammar().genitive:
            return child
    return None


def restated(
    facts: list[tuple[Fact, Token]],
    nouns: dict[str, str],
    resolve: Resolve,
    provenance: Callable[[int, int], Provenance],
) -> list[tuple[Fact, Token]]:
    """The ``said`` facts later nouns give to their makers (see the module
    docstring).

    Args:
        facts: the article's ``said`` and ``speaksFor`` facts with their
            speech verbs, in text order.
        nouns: the language's speech nouns, each with its verb.
        resolve: the speaker a token names, or None.
        provenance: the provenance of the words between two tokens.

    Returns:
        The new facts, each with the noun as its verb.
    """
    said = [(fact, verb) for fact, verb in facts if fact.predicate == "said"]
    voices = {(f.subject, verb.i) for f, verb in facts if f.predicate == "speaksFor"}
    if not said:
        return []
    doc = said[0][1].doc
    found: list[tuple[Fact, Token]] = []
    for noun in doc:
        verb_lemma = nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        if verb_lemma is None or not _definite(noun):
            continue
        maker = _maker(noun)
        speaker = resolve(maker) if maker is not None else None
        if speaker is None:
            continue
        earlier = [
            (fact, verb) for fact, verb in said if verb.i < noun.i and verb.lemma_ == verb_lemma
        ]
        if not earlier or (speaker.key, earlier[-1][1].i) not in voices:
            continue
        where = provenance(noun.i, maker.right_edge.i)
        fact = replace(earlier[-1][0], subject=speaker.key, provenance=where, source=None)
        found.append((fact, noun))
    return found
