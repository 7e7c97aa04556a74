"""Spokespeople read from who announces an organisation's statement: "les
accusations de l'Institut avaient été annoncées par Anne Roux", "Paul Girard
a communiqué la position de l'Agence", and from who speaks on its behalf: "Anne
Roux a déclaré au nom du Front uni".

The verb is one of ``announcing_verbs`` of ``membership.yaml``, its logical
object a noun of ``statements`` whose "de" complement names an organisation,
its logical subject a person: the person speaks for the organisation.
Refused: a statement of a person or of a place ("les accusations de la
Pologne": who speaks for a country is read from roles), any other object
("a annoncé la mort du fondateur de Y"), an organisation as the announcer
(a newspaper that reports a statement does not speak for its author), a
negated verb ("n'a pas annoncé la position du parti"), a verb a go-between,
a reporter or a reader uses ("a transmis les exigences de X", "a lu la
déclaration de X": not listed).

On its behalf: a phrase of ``behalf_phrases`` ("au nom de") hung on a verb
whose subject is a person, naming an organisation or a country: the person
speaks for it. Refused: no entity after the phrase ("au nom de la liberté",
"au nom de ses collègues"), a person there ("au nom de son père"), a
subject who is no person ("la motion déposée au nom du groupe").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt, Linked
from kg.frames.membership import MembershipWords
from kg.frames.parties import genitive_organisation
from kg.lexicon import name_key
from kg.model import EntityType
from kg.syntax import is_negated, object_of, subject_of

__all__ = ["announcers", "on_behalf"]


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
        if is_negated(verb):
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


def _behalf_noun(sent: Span, start: int, phrases: frozenset[str]) -> Token | None:
    """The noun of a behalf phrase starting at a token ("nom" of "au nom de")."""
    doc = sent.doc
    for phrase in phrases:
        words = phrase.split()
        end = start + len(words)
        if end <= sent.end and [name_key(t.text) for t in doc[start:end]] == words:
            return next((t for t in doc[start:end] if t.pos_ == "NOUN"), None)
    return None


def on_behalf(sent: Span, entity_at: EntityAt, words: MembershipWords) -> list[Linked]:
    """People who speak or act on behalf of an organisation or a country.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the membership words.

    Returns:
        One item per person (the person, the organisation or country).
    """
    found = []
    firsts = {phrase.split()[0] for phrase in words.behalf_phrases}
    for token in sent:
        if name_key(token.text) not in firsts:
            continue  # no phrase starts here: the common case, read cheaply
        noun = _behalf_noun(sent, token.i, words.behalf_phrases)
        if noun is None or noun.head.pos_ != "VERB" or is_negated(noun.head):
            continue
        named = [c for c in noun.children if c.dep_ == "nmod" and entity_at(c) is not None]
        spoken = entity_at(named[0]) if named else None
        if spoken is None or spoken.type not in (EntityType.ORGANIZATION, EntityType.PLACE):
            continue
        for subject in subject_of(noun.head):
            person = entity_at(subject)
            if person is not None and person.type is EntityType.PERSON:
                found.append(Linked(person, spoken, subject, named[0]))
    return found
