"""Spokespeople read from who announces an organisation's statement: "les
accusations de l'Institut avaient été annoncées par Anne Roux", "Paul Girard
a lu le communiqué de l'Agence".

The verb is one of ``announcing_verbs`` of ``membership.yaml``, its logical
object a noun of ``statements`` whose "de" complement names an organisation,
its logical subject a person: the person speaks for the organisation.
Refused: a statement of a person or of a place ("les accusations de la
Pologne": who speaks for a country is read from roles), any other object
("a annoncé la mort du fondateur de Y"), an organisation as the announcer
(a newspaper that reports a statement does not speak for its author), a
negated verb ("n'a pas lu la position du parti"), a verb a go-between or a
reporter uses ("a transmis les exigences de X": not listed).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt, Linked
from kg.frames.membership import MembershipWords
from kg.frames.parties import genitive_organisation
from kg.lexicon import name_key
from kg.model import EntityType
from kg.syntax import object_of, subject_of

__all__ = ["announcers"]


def _negated(verb: Token) -> bool:
    return any("Neg" in c.morph.get("Polarity") for c in verb.children)


def announcers(sent: Span, entity_at: EntityAt, words: MembershipWords) -> list[Linked]:
    """People who announce an organisation's statement in a sentence.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the membership words.

    Returns:
        One item per announcer (the person, the organisation spoken for).
    """
    found = []
    for verb in sent:
        if verb.pos_ != "VERB" or name_key(verb.lemma_) not in words.announcing_verbs:
            continue
        if _negated(verb):
            continue
        people = [
            (person, token)
            for token in subject_of(verb)
            if (person := entity_at(token)) is not None and person.type is EntityType.PERSON
        ]
        for statement in object_of(verb):
            if not people or name_key(statement.lemma_) not in words.statements:
                continue
            author = genitive_organisation(statement, entity_at)
            if author is not None:
                found += [Linked(p, author[0], t, author[1]) for p, t in people]
    return found
