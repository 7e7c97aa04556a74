"""Membership stated by a noun of belonging with its owner: "son
appartenance au Front uni", "l'embrigadement de Paul Girard dans la Ligue
Y", "ses adversaires ont reproché à Anne Roux son affiliation au parti Z".

The noun is one of ``belonging_nouns`` of ``membership.yaml``; the
organisation follows "à" or "dans" (on the noun, or on the verb after it, where the parser may hang
it); the member is the person named after "de", else, for a possessive, the
person the verb addresses ("reprocher à X son ...", "à celui-ci": the person
named last before, by a word of the same gender and number), else the
verb's subject ("X a rappelé son appartenance à Y").
Refused: "adhésion", not listed ("l'adhésion de la Norvège à l'Union" is a
prospect); a noun qualified as former ("son ancienne appartenance"); a verb
that denies or is negated ("X a nié son appartenance à Y", "n'a jamais
caché"—a negation is refused whatever it means); an owner who is no person.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.located import EntityAt, Linked
from kg.frames.membership import MembershipWords
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import CLAUSE_POS, is_negated, markers, subject_of

__all__ = ["belongings"]


def _person(token: Token, entity_at: EntityAt) -> Entity | None:
    found = entity_at(token)
    return found if found is not None and found.type is EntityType.PERSON else None


def _verb_of(noun: Token) -> Token | None:
    """The verb a noun of belonging depends on, through the words it is
    coordinated with ("reprocher à X ses origines et son appartenance")."""
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.head if node.head.pos_ in CLAUSE_POS and node.head.i != node.i else None


def _organisation(noun: Token, entity_at: EntityAt) -> tuple[Entity, Token] | None:
    """The organisation after "à" / "dans", on the noun or on its verb after it."""
    words = grammar().dative_prepositions | grammar().within_prepositions
    places = [c for c in noun.children if c.dep_ == "nmod"]
    verb = _verb_of(noun)
    if verb is not None:
        places += [c for c in verb.children if c.dep_.startswith("obl") and c.i > noun.i]
    for child in places:
        found = entity_at(child)
        if markers(child) & words and found is not None:
            return (found, child) if found.type is EntityType.ORGANIZATION else None
    return None


def _demonstrative(pronoun: Token, entity_at: EntityAt) -> Entity | None:
    """ "à celui-ci": the person named last before a demonstrative pronoun
    in its sentence, by a word of the same gender and number."""
    if pronoun.pos_ != "PRON" or "Dem" not in pronoun.morph.get("PronType"):
        return None
    agree = ("Gender", "Number")
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        person = _person(token, entity_at)
        if person is not None and token.morph.get("Gender"):  # a word with a gender decides
            same = all(token.morph.get(f) == pronoun.morph.get(f) for f in agree)
            return person if same else None
    return None


def _owner(noun: Token, entity_at: EntityAt) -> tuple[Entity, Token] | None:
    """The person a noun of belonging is said of (see the module docstring)."""
    for child in noun.children:
        if child.dep_ == "nmod" and markers(child) & grammar().genitive:
            person = _person(child, entity_at)
            return (person, child) if person is not None else None
    verb = _verb_of(noun)
    if verb is None or not any("Yes" in c.morph.get("Poss") for c in noun.children):
        return None
    addressed = [
        c
        for c in verb.children
        if c.dep_ in ("obl:arg", "iobj") and c.i < noun.i
        and markers(c) & grammar().dative_prepositions
    ]  # fmt: skip
    first = (addressed or subject_of(verb))[:1]
    if not first:
        return None
    person = _person(first[0], entity_at) or _demonstrative(first[0], entity_at)
    return (person, first[0]) if person is not None else None


def _refused(noun: Token, words: MembershipWords) -> bool:
    if {name_key(c.text) for c in noun.children if c.dep_ == "amod"} & words.former:
        return True
    verb = _verb_of(noun)
    if verb is None:
        return False
    return is_negated(verb) or name_key(verb.lemma_) in words.denying_verbs


def belongings(sent: Span, entity_at: EntityAt, words: MembershipWords) -> list[Linked]:
    """The memberships nouns of belonging state in a sentence.

    Args:
        sent: the sentence.
        entity_at: the entity a token belongs to, or None.
        words: the membership words.

    Returns:
        One item per noun with an owner and an organisation (the member,
        the organisation).
    """
    found = []
    for noun in sent:
        if noun.pos_ != "NOUN" or name_key(noun.lemma_) not in words.belonging_nouns:
            continue
        if _refused(noun, words):
            continue
        organisation = _organisation(noun, entity_at)
        owner = _owner(noun, entity_at) if organisation is not None else None
        if owner is not None and organisation is not None:
            found.append(Linked(owner[0], organisation[0], owner[1], organisation[1]))
    return found
