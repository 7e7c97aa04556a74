"""The party "son" stands for when the clause's subject is the party or a
body of it: "le bureau national du parti a exigé que son président ...".

A party noun ("parti", "mouvement": ``party_heads`` of ``membership.yaml``)
in lower case, definite and naming no entity, refers back to the party the
article is about (:func:`kg.frames.party_refs.discourse_party`, found by the
caller). Refused: no such party (then "son" is not read as the body's either), a
subject that is no party noun and has none as its complement ("le bureau
a exigé que son président ..." is left to the organisation subject).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.frames.membership import membership_words
from kg.frames.role_owner import EntityAt, clause_subjects
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity

__all__ = ["party_noun", "party_possessor"]


def party_noun(tok: Token, entity_at: EntityAt) -> bool:
    """Whether a token is a party noun referring back: lower case, naming no
    entity, with a definite article or after "de" ("du parti", "le mouvement")."""
    definite = any(
        c.dep_ == "det" and c.lower_ in grammar().definite_articles for c in tok.children
    ) or any(c.dep_ == "case" and c.lower_ in grammar().genitive for c in tok.children)
    return (
        tok.text[:1].islower()
        and entity_at(tok) is None
        and name_key(tok.text) in membership_words().party_heads
        and definite
    )


def party_possessor(
    head: Token, entity_at: EntityAt, party: Entity | None
) -> tuple[Entity | None, Token | None]:
    """ "Le bureau national du parti a exigé que son président ...": the
    article's party (``party``) when the subject of the verb the role
    depends on is a party noun referring back, or a body of it, with that
    noun; (None, noun) when the article has no one party ("son" stays
    unread: the body itself is not meant); (None, None) for any other subject."""
    for tok in clause_subjects(head):
        nouns = [tok] + [c for c in tok.children if c.dep_ == "nmod"]
        noun = next((n for n in nouns if party_noun(n, entity_at)), None)
        if noun is not None:
            return party, noun
    return None, None
