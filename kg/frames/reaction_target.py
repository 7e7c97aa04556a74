"""What a reaction is about: the one person or organisation behind a noun phrase.

A reaction, a judgement or a defence is often about an act rather than its
author ("sa colère face à cette mesure", "a qualifié ce projet de
ridicule", "minimiser la portée du reportage"). The target of such a
phrase is, in this order:

* who acts "de la part de" inside it ("un défaut de concertation de la part
  du ministre");
* the entity it names, or the one entity of its chain of genitives ("la
  révélation des conditions du départ de X" -> X), else its author (below);
* for a noun of the chain with a demonstrative or definite determiner
  ("cette annonce", "la séquence"), its antecedent: the nearest earlier
  mention of the same noun that has a target (ten sentences back at most),
  else (a demonstrative only) the nearest act noun of the two sentences
  before (``act_nouns``). An antecedent's target is the one entity of its
  genitives, or its author: the subject of the verb that made it ("X a
  présenté une séquence") or the agent of its participle ("l'annonce faite
  par X"), ``making_verbs``.

A country is a target only where it acts, as a government does: the
complement of an act noun ("la décision du Japon", "les propos de la
Russie"), "de la part de la Chine", the author of an act ("l'annonce faite
par la France", "le Japon a pris une décision").

Refused: a chain with two entities or more, the complement of a noun whose
"de X" undergoes the act ("l'arrestation de X", ``patient_nouns``), any
other place (a reaction is against someone: "la politique de la France",
"sa colère face à la Chine", "la situation en Irak", a town or a region say
nothing here), the holder itself (read by :mod:`kg.frames.reactions`), and a
phrase that leads to nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import markers, subject_of

__all__ = ["TARGET_TYPES", "TargetWords", "Targets", "is_country"]

#: The entities a reaction may be about; a place only as a country that acts.
TARGET_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION, EntityType.OTHER})

#: How many genitives down a chain is followed ("la révélation des conditions du départ de X").
_DEPTH = 4
#: How many sentences before a demonstrative its act noun may stand.
_ACT_WINDOW = 2
#: How many sentences before an anaphoric noun an earlier mention of it may
#: stand (a story's act is taken up within a few paragraphs, not across it).
_SAME_NOUN_WINDOW = 10


@dataclass(frozen=True, slots=True)
class TargetWords:
    """The words the target of a phrase is found with (``reactions.yaml``)."""

    act_nouns: frozenset[str]
    making_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    patient_nouns: frozenset[str]


Found = tuple[Entity, Token]
#: An entity found, and whether it is reached as the one who acts.
_Hit = tuple[Found, bool]


class Targets:
    """The targets of the noun phrases of one article.

    Args:
        entity: the entity whose mention covers a token (the frames' resolver).
        words: the words of ``reactions.yaml`` the search needs.
        is_country: whether a place is a country (a town or a region is not).
    """

    def __init__(
        self,
        entity: Callable[[Token], Entity | None],
        words: TargetWords,
        is_country: Callable[[Entity], bool],
    ) -> None:
        self._entity = entity
        self._words = words
        self._is_country = is_country
        self._genitive = grammar().genitive

    def of(self, token: Token) -> Found | None:
        """The one entity a noun phrase is about, or None.

        Args:
            token: the head of the phrase.
        """
        agent = self._on_behalf(token)
        if agent is not None:
            return agent
        chain, named = self._chain(token)
        if named:
            return self._unique(named)
        author = self._author(token)
        if author is not None:
            return author
        for noun in chain:
            if _determiner(noun, "Dem") or _determiner(noun, "Def"):
                found = self._antecedent(noun)
                if found is not None:
                    return found
        return None

    def _on_behalf(self, token: Token) -> Found | None:
        """ "un défaut de concertation de la part de X": X."""
        for word in token.subtree:
            if word.lemma_.lower() in self._words.agent_nouns and markers(word) & self._genitive:
                named = [
                    (hit, True)
                    for child in word.children
                    if child.dep_ == "nmod" and markers(child) & self._genitive
                    for hit in [self.named(child)]
                    if hit is not None
                ]
                return self._unique(named) if named else None
        return None

    def named(self, token: Token) -> Found | None:
        """The entity at a token, else the name set beside its noun with no
        preposition ("le journal Le Matin", "le député X", "X, ministre");
        never the complement of a noun (a chain of genitives is read whole)."""
        entity = self._entity(token)
        if entity is not None:
            return entity, token
        for child in token.children:
            if child.dep_ in ("appos", "flat", "flat:name", "nmod") and not markers(child):
                entity = self._entity(child)
                if entity is not None:
                    return entity, child
        return None

    def _chain(self, token: Token) -> tuple[list[Token], list[_Hit]]:
        """The nouns of a phrase's chain of genitives, and the entities it names
        (a named entity ends its branch), each marked as acting when it is
        the complement of an act noun ("la décision du Japon")."""
        nouns: list[Token] = []
        named: list[_Hit] = []
        level = [(token, False)]
        for _ in range(_DEPTH):
            following = []
            for node, acts in level:
                hit = self.named(node)
                if hit is not None:
                    named.append((hit, acts))
                    continue
                nouns.append(node)
                if node.lemma_.lower() in self._words.patient_nouns:
                    continue  # "l'arrestation de X": X undergoes it
                act = bool({node.lemma_.lower(), node.lower_} & self._words.act_nouns)
                following += [
                    (c, act)
                    for c in node.children
                    if c.dep_ == "nmod" and markers(c) & self._genitive
                ]
            level = following
        return nouns, named

    def _antecedent(self, noun: Token) -> Found | None:
        """The target of the act an anaphoric noun stands for."""
        lemma = noun.lemma_.lower()
        start = _window_start(noun, _SAME_NOUN_WINDOW)
        earlier = [t for t in reversed(noun.doc[start : noun.i]) if t.lemma_.lower() == lemma]
        if not earlier and _determiner(noun, "Dem"):
            window = noun.doc[_window_start(noun, _ACT_WINDOW) : noun.i]
            acts = [t for t in reversed(window) if t.lemma_.lower() in self._words.act_nouns]
            if acts:
                act = acts[0].lemma_.lower()
                earlier = [
                    t for t in reversed(noun.doc[start : acts[0].i + 1]) if t.lemma_.lower() == act
                ]
        for mention in earlier:
            found = self._source(mention)
            if found is not None:
                return found
        return None

    def _source(self, act: Token) -> Found | None:
        """Who an act noun is of or by: its one genitive entity, else its author."""
        _, named = self._chain(act)
        return self._unique(named) if named else self._author(act)

    def _author(self, act: Token) -> Found | None:
        """Who made an act: the subject of the verb that made it, or the agent
        of its participle ("l'annonce faite par X")."""
        makers = self._words.making_verbs
        head = act.head
        # "a présenté, mercredi, une séquence": the parser may take an object
        # after an aside for an unmarked oblique
        made = act.dep_ == "obj" or act.dep_.startswith("obl") and not markers(act)
        if made and head.lemma_.lower() in makers:
            authors = [(h, True) for h in map(self.named, subject_of(head)) if h is not None]
            return self._unique(authors) if authors else None
        for child in act.children:
            # "la décision prise par X": the parser may take the participle for an adjective
            participle = child.dep_ == "acl" or child.dep_ == "amod" and child.pos_ == "VERB"
            if participle and child.lemma_.lower() in makers:
                authors = [
                    (h, True)
                    for c in child.children
                    if c.dep_ == "obl:agent"
                    for h in [self.named(c)]
                    if h is not None
                ]
                if authors:
                    return self._unique(authors)
        return None

    def _unique(self, found: list[_Hit]) -> Found | None:
        """The one entity found, when it may be a target: a person, an
        organisation, a work, or a country everywhere it is reached as the
        one who acts."""
        keys = {entity.key for (entity, _), _ in found}
        if len(keys) != 1:
            return None
        entity = found[0][0][0]
        if entity.type in TARGET_TYPES:
            return found[0][0]
        acting = all(acts for _, acts in found)
        country = entity.type is EntityType.PLACE and self._is_country(entity)
        return found[0][0] if acting and country else None


def is_country(entity: Entity, countries: frozenset[str]) -> bool:
    """Whether an entity is a country: a place whose name or one of its
    aliases is a country's (a capital the article uses for its government is
    an alias of the country; the capital alone is a town).

    Args:
        entity: the entity.
        countries: the name keys of the countries' names (``Lexicon.countries``).
    """
    names = (entity.label, *entity.aliases)
    return entity.type is EntityType.PLACE and any(name_key(n) in countries for n in names)


def _determiner(noun: Token, kind: str) -> bool:
    """The noun has a determiner of this kind: "Dem" (cette) or "Def" (la)."""
    for child in noun.children:
        if child.dep_ == "det" and kind in (
            *child.morph.get("PronType"),
            *child.morph.get("Definite"),
        ):
            return True
    return False


def _window_start(noun: Token, sentences: int) -> int:
    """The first token of the sentence that many sentences before a noun's."""
    starts = [s.start for s in noun.doc.sents if s.start <= noun.sent.start]
    return starts[max(0, len(starts) - 1 - sentences)]
