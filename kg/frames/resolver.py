"""Argument tokens -> entities, with the confidence factor of how each was found.

A frame's argument is the entity at the token its path reaches, else a name
set beside it (an apposition, a name after a title), else for a common noun
the entity one complement down ("les alliés de l'OTAN" -> OTAN, factor 0.8).
A first-person pronoun in quoted words is the speaker; a subject pronoun the
entity index left unresolved is the previous subject or the one reporting
its clause. Pronouns and role phrases weigh 0.85.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from spacy.attrs import LOWER
from spacy.tokens import Token

from kg.frames.paths import follow
from kg.lang.grammar import grammar
from kg.mentions import name_key
from kg.model import Entity, EntityType, MentionKind
from kg.nlp import Parsed, token_strings
from kg.syntax import markers, previous_subject, reporting_subject

__all__ = ["EntityLookup", "Resolver", "Sources"]

_REPORTERS = (EntityType.PERSON, EntityType.ORGANIZATION)


class EntityLookup(Protocol):
    """What facts need from the entity index."""

    def entity_at(self, token: Token) -> Entity | None:
        """The entity whose mention covers the token."""
        ...


class Sources(Protocol):
    """What facts need from the quote step: who reported the words at a
    token, and which tokens stand inside a quote."""

    quoted: frozenset[int]

    def source_of(self, token: Token) -> Entity | None:
        """The entity that reported the words at this token, or None."""
        ...


class Resolver:
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
        self.organization_heads: frozenset[str] = frozenset()
        self._answers: dict[tuple[int, int, int, int], Entity | None] = {}

    def entity_at(self, token: Token) -> Entity | None:
        """The entity at a token; for an adjective inside a wider role phrase,
        the place it names ("américain" in "le président élu américain").
        Asked again and again by the rules, each answer is kept for as long as
        the index, the speakers and the pronouns it was read with."""
        key = (token.i, id(self.index), id(self.speakers), id(self.third_person))
        if key not in self._answers:
            self._answers[key] = self._entity_at(token)
        return self._answers[key]

    def _entity_at(self, token: Token) -> Entity | None:
        if token.pos_ == "PRON" and token.lower_ in self.first_person and self.speakers:
            # "« Nous soutiendrons l'Ukraine », a déclaré M. Scholz": the speaker
            return self.speakers.source_of(token)
        many = getattr(self.index, "entities_at", None)
        if many is None or token.pos_ != "ADJ":
            found = self.index.entity_at(token) or self._by_name(token)
            if found is None and token.lower_ in self.third_person and token.dep_ == "nsubj":
                # "Il a critiqué ...": a subject pronoun the index left unresolved;
                # in a reported clause, first the one who reports it ("X a laissé
                # prévoir qu'il ..."), then the previous subject
                found = self._reporter(token) or previous_subject(token, self.index.entity_at)
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
        a word of exactly one person's or organisation's name ("Poutine"); not
        a word of a name the index leaves out on purpose (one in another
        language, in brackets)."""
        if (
            not token.ent_type_
            or token.i in getattr(self.index, "left_out", ())
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
        """0.85 when the entity is named at the token by a pronoun or a role phrase, else 1."""
        start, end = self.parsed.span_offsets(token)
        for mention in entity.mentions:
            if mention.start <= start < mention.end:
                weak = mention.kind in (MentionKind.PRONOUN, MentionKind.ROLE)
                return 0.85 if weak else 1.0
        return 0.85 if token.pos_ == "PRON" else 1.0

    def _kind_anaphor(self, noun: Token) -> Entity | None:
        """ "le président de cette organisation": a demonstrative noun
        of an organisation's kind stands for the organisation named before it
        in its sentence, else in the sentence before, when only one is named
        there. Refused: a definite or indefinite noun ("l'organisation"), a
        plural, two organisations named."""
        if (
            noun.pos_ != "NOUN"
            or "Plur" in noun.morph.get("Number")
            or name_key(noun.text) not in self.organization_heads
            or not any(c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in noun.children)
        ):
            return None
        doc, start = noun.doc, noun.sent.start
        windows = [doc[start : noun.i]] + ([doc[start - 1].sent] if start else [])
        for window in windows:
            named = {
                e.key: e
                for t in window
                if (e := self.index.entity_at(t)) is not None and e.type is EntityType.ORGANIZATION
            }
            if named:
                return next(iter(named.values())) if len(named) == 1 else None
        return None

    def entity(self, token: Token) -> tuple[Entity, float] | None:
        """The entity an argument token stands for, with its confidence factor."""
        ent = self.entity_at(token) or self._kind_anaphor(token)
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
        if "Dem" in token.morph.get("PronType"):
            return self._demonstrated(token)
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
                ent = ent or self._kind_anaphor(child)
                if ent is not None:
                    return ent, 0.8
        return None

    def _demonstrated(self, pronoun: Token) -> tuple[Entity, float] | None:
        """ "les chefs du parti X et ceux du parti Y": a demonstrative pronoun
        with a complement stands for the complement's entity, as the noun it
        replaces would ("ceux des autres partis, l'Union ..." reaches the name
        apposed to the complement). Without a complement ("celui-ci") or
        through a second complement it stands for nothing here."""
        for child in pronoun.children:
            if child.dep_ == "nmod" and markers(child) & grammar().genitive:
                ent = self.entity_at(child)
                if ent is not None:
                    return ent, 0.8
                for name in child.children:
                    if name.dep_ == "appos" and (ent := self.entity_at(name)) is not None:
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
        """The entities of the first path that reaches one of the accepted types.

        Args:
            token: the trigger.
            paths: the frame's paths, tried in order.
            types: the accepted entity types.
            support: the support verbs a path may climb through.
            refused: whether an entity found at a token is refused.

        Returns:
            One (entity, token, factor) per entity, coordinated ones included.
        """
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
