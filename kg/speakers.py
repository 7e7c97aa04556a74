"""Who speaks: the entity a speech verb's subject names.

:class:`Speakers` resolves a speaker token: a name, a name apposed to a noun
("l'agence de presse Interfax"), the country behind "les autorités
canadiennes", or for a pronoun the last named speaker ("dit-il") or the
closest named main-clause subject before it
(:func:`kg.syntax.previous_subject`).
:func:`speech_subject` finds the speaker of a speech verb, climbing from
participles and infinitives, and through a noun a participle hangs on to the
author of a text ("un communiqué de X, indiquant que").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.lang.grammar import grammar
from kg.lexicon import lexicon, name_key
from kg.model import Entity, EntityType
from kg.polarity import Cues
from kg.syntax import is_passive, markers, previous_subject, subject_of

__all__ = ["Speakers", "speech_subject"]

_SPEAKERS = (EntityType.PERSON, EntityType.ORGANIZATION)
EntityAt = Callable[[Token], Entity | None]


@dataclass
class Speakers:
    """Resolve speakers, remembering the last named one for pronouns."""

    entity_at: EntityAt
    cues: Cues
    named: list[tuple[int, Entity]] = field(default_factory=list)
    demonyms: dict[str, Entity] = field(default_factory=dict)
    lang: str = "fr"

    def resolve(self, tok: Token, fallback: bool = True) -> tuple[Entity | None, bool]:
        """The speaker a token names; a pronoun the index left unresolved takes
        the last named speaker when ``fallback`` (after "selon", "dit-il")."""
        state = self.authority(tok)
        ent = state or self.entity_at(tok)
        if ent is None and tok.pos_ == "NOUN":
            # "l'agence de presse russe Interfax": a name apposed to the head
            # noun; a person before an organisation ("le sénateur UDI Paul
            # Girard" is said by Paul Girard, not by the UDI)
            # "un émissaire des Nations Unies": a word of the complement's name
            # the parser hung apart is the complement still, not an apposed name
            owned = set(map(self.entity_at, _complements(tok)))
            named = [
                self.entity_at(child)
                for child in tok.children
                if child.pos_ in ("PROPN", "NOUN", "X")
                and not any(g.dep_ == "case" for g in child.children)
                and (child.dep_ == "appos" or self.entity_at(child) not in owned)
            ]
            found = [e for e in named if e is not None and e.type in _SPEAKERS]
            found.sort(key=lambda e: e.type is not EntityType.PERSON)
            ent = found[0] if found else None
        if ent is None:
            ent = state = self.official(tok)
        if ent is None:
            ent = self.management(tok) or self.named_later(tok) or self.named_kind(tok)
        pronoun = tok.pos_ == "PRON" or tok.lower_ in self.cues.speaker_pronouns
        inverted = tok.i > 0 and (tok.text.startswith("-") or tok.i > tok.head.i)
        if ent is None and pronoun and (fallback or inverted):
            earlier = [e for i, e in self.named if i < tok.i]
            ent = earlier[-1] if earlier else None
        if ent is None and tok.lower_ in self.cues.speaker_pronouns:
            ent = self.previous_subject(tok)
        if pronoun and ent is not None and _plural_for_person(tok, ent):
            return None, pronoun  # "ceux-ci ont fait savoir": not the last person named
        if ent is not None and ent.type not in _SPEAKERS and ent is not state:
            if pronoun or not self._is_country(ent):
                return None, pronoun
        if ent is not None and not pronoun:
            self.named.append((tok.i, ent))
        return ent, pronoun

    def _is_country(self, ent: Entity) -> bool:
        """A country speaks as its government does ("la Chine a estimé",
        "Pékin a annoncé" once the capital is the country's); a town does not."""
        countries = lexicon(self.lang).countries
        return ent.type is EntityType.PLACE and name_key(ent.label) in countries

    def authority(self, tok: Token) -> Entity | None:
        """ "les autorités canadiennes", "le gouvernement canadien": an
        authority noun with a demonym speaks for the country."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.cues.authority_nouns:
            return None
        return self._demonym_of(tok) or self._country_of(tok)

    def _country_of(self, tok: Token) -> Entity | None:
        """ "le gouvernement du Japon": the place a genitive complement names;
        "les autorités du pays", "les autorités nationales": the last country
        named before (a place of the lexicon's list of countries and
        regions); "les autorités nationales": the one country the article
        put events in before (:meth:`_scene_country`). Refused: a
        complement naming anything else ("le gouvernement de coalition"),
        any other adjective ("les autorités locales")."""
        adjectives = self.cues.country_adjectives
        if any(c.dep_ == "amod" and c.lower_ in adjectives for c in tok.children):
            return self._scene_country(tok)
        for child in tok.children:
            if child.dep_ != "nmod" or not markers(child) & self.cues.genitive:
                continue
            ent = self.entity_at(child)
            if ent is not None:
                return ent if ent.type is EntityType.PLACE else None
            if child.lemma_.lower() in self.cues.country_nouns:
                return self._country_before(tok)
        return None

    def _scene_country(self, tok: Token) -> Entity | None:
        """The one country or region named before a token behind a
        preposition of place ("des atrocités commises en Chine"). Refused:
        none, or two different ones; a country named otherwise ("l'ambassade
        du Japon", "Tokyo a réagi") sets no scene."""
        places = lexicon(self.lang).places
        found = {
            ent.key: ent
            for before in tok.doc[1 : tok.i]
            if before.doc[before.i - 1].lower_ in grammar(self.lang).region_prepositions
            and (ent := self.entity_at(before)) is not None
            and ent.type is EntityType.PLACE
            and any(name_key(name) in places for name in (ent.label, *ent.aliases))
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _country_before(self, tok: Token) -> Entity | None:
        """The last country or region named before a token, or None."""
        places = lexicon(self.lang).places
        for before in reversed(tok.doc[: tok.i]):
            ent = self.entity_at(before)
            if ent is None or ent.type is not EntityType.PLACE:
                continue
            if any(name_key(name) in places for name in (ent.label, *ent.aliases)):
                return ent
        return None

    def official(self, tok: Token) -> Entity | None:
        """ "le ministre de la Défense syrien", "un porte-parole du ministère
        chinois": an official named by a role and a demonym only speaks for
        the country (on the role noun, its complement or the authority noun
        of its complement). Only asked when the role phrase names no person;
        a role without a demonym names nobody."""
        role = lexicon(self.lang).roles.get(name_key(tok.lemma_))
        if tok.pos_ != "NOUN" or role is not EntityType.PERSON:
            return None
        heads = [tok] + [c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN"]
        return next((e for e in map(self._demonym_of, heads) if e is not None), None)

    def management(self, tok: Token) -> Entity | None:
        """ "la direction de Canal+", "les dirigeants du parti": the people who
        run an organisation speak for it (the plural nouns of the lexicon's
        ``body_leaders``: "le chef du parti" is one person, maybe named
        later). Refused: a person or a place after the noun ("la direction
        de Paris"), a noun of another kind ("le fils de X")."""
        leaders = name_key(tok.text) in lexicon(self.lang).body_leaders
        if tok.pos_ != "NOUN" or not (tok.lemma_.lower() in self.cues.management_nouns or leaders):
            return None
        for child in tok.children:
            if child.dep_ == "nmod" and markers(child) & self.cues.genitive:
                ent = self.entity_at(child)
                return ent if ent is not None and ent.type is EntityType.ORGANIZATION else None
        return None

    def named_later(self, tok: Token) -> Entity | None:
        """ "Selon un émissaire des Nations Unies, ..." then "l'émissaire des
        Nations Unies pour le Moyen-Orient, Terje Roed-Larsen": an indefinite
        role phrase with a complement stands for the one person the article
        names later with the same role and complement. Refused: a phrase with
        no complement ("un diplomate"), two people named so, a later role
        with another complement, a definite or plural phrase."""
        role = lexicon(self.lang).roles.get(name_key(tok.lemma_))
        indefinite = any(
            c.dep_ == "det" and c.morph.get("Definite") == ["Ind"] for c in tok.children
        )
        complement = {e for e in map(self.entity_at, _complements(tok, True)) if e is not None}
        if role is not EntityType.PERSON or not indefinite or not complement:
            return None
        if "Plur" in tok.morph.get("Number"):
            return None
        people = {
            person.key: person
            for later in tok.doc[tok.i + 1 :]
            if later.lower_ == tok.lower_
            and (person := self.entity_at(later)) is not None
            and person.type is EntityType.PERSON
            and complement <= set(map(self.entity_at, _complements(later, True)))
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def named_kind(self, tok: Token) -> Entity | None:
        """ "la chaîne de télévision X ... la chaîne a fait savoir", "le
        mouvement X ... ce mouvement a annoncé": a definite or demonstrative
        noun of an organisation's kind (``organization_heads`` of the
        lexicon) stands for the one organisation the article named right
        after that noun before. Refused: an indefinite or plural noun, no
        such organisation before, two different ones."""
        if tok.pos_ != "NOUN" or "Plur" in tok.morph.get("Number"):
            return None
        if name_key(tok.text) not in lexicon(self.lang).organization_heads:
            return None
        definite = any(
            c.dep_ == "det"
            and (c.morph.get("Definite") == ["Def"] or c.morph.get("PronType") == ["Dem"])
            for c in tok.children
        )
        if not definite:
            return None
        named: dict[str, Entity | None] = {}
        for before in tok.doc[: tok.i]:
            if before.lower_ == tok.lower_:
                found, ent = self._named_after(before)
                if found:  # a name that is no organisation's makes it ambiguous
                    named[ent.key if ent is not None else str(before.i)] = ent
        return next(iter(named.values())) if len(named) == 1 else None

    def _named_after(self, noun: Token) -> tuple[bool, Entity | None]:
        """Whether a name follows a noun within a few words, before any verb
        or punctuation but a comma ("la chaîne de télévision française, X"),
        and the organisation it names: None for any other name, or for a name
        after a preposition ("un journal de Lyon": a complement, not its name).
        Adjectives are passed over ("française" names France, not the chaîne).
        """
        after_preposition = False
        for word in noun.doc[noun.i + 1 : noun.i + _KIND_SPAN]:
            if word.pos_ in ("VERB", "AUX") or (word.is_punct and word.text != ","):
                return False, None
            if word.pos_ == "ADJ":
                continue
            ent = self.entity_at(word)
            if ent is not None or word.text[:1].isupper():
                organization = ent is not None and ent.type is EntityType.ORGANIZATION
                return True, ent if organization and not after_preposition else None
            if word.pos_ != "DET":
                after_preposition = word.pos_ == "ADP"
        return False, None

    def _demonym_of(self, tok: Token) -> Entity | None:
        """The place a demonym after a noun names, or None."""
        for child in tok.children:
            if child.dep_ == "amod":
                ent = self.entity_at(child)
                if ent is not None and ent.type is EntityType.PLACE:
                    return ent
                if child.lower_ in self.demonyms:  # the phrase was made one organisation
                    return self.demonyms[child.lower_]
        return None

    def previous_subject(self, tok: Token) -> Entity | None:
        """The closest named main-clause subject before a pronoun (see
        :func:`kg.syntax.previous_subject`)."""
        return previous_subject(tok, lambda t: self.entity_at(t) or self.management(t))


def _complements(noun: Token, words: bool = False) -> list[Token]:
    """The heads of a noun's complements introduced by a preposition ("des
    Nations Unies"), or with ``words`` all their nouns and names; never a
    name apposed to the noun ("le président Paul Girard")."""
    heads = [
        c
        for c in noun.children
        if c.dep_ == "nmod" and c.i > noun.i and any(g.dep_ == "case" for g in c.children)
    ]
    if not words:
        return heads
    return [w for c in heads for w in c.subtree if w.pos_ in ("PROPN", "NOUN")]


def _plural_for_person(tok: Token, ent: Entity) -> bool:
    """A plural pronoun ("ils", "ceux-ci") standing for one person: refused."""
    return ent.type is EntityType.PERSON and "Plur" in tok.morph.get("Number")


def speech_subject(verb: Token, speakers: Speakers) -> tuple[Token | None, Entity | None, bool]:
    node = verb
    for _ in range(4):
        for tok in subject_of(node):
            ent, pronoun = speakers.resolve(tok, fallback=False)
            if ent is not None:
                return tok, ent, pronoun
        named = _named_before_relative(node, speakers)
        if named is not None:
            return named, speakers.resolve(named, fallback=False)[0], False
        # after an inverted verb the parser often makes the speaker an object,
        # and "a-t-il ajouté" an expletive subject
        for tok in node.children:
            named = tok.dep_ == "obj" and tok.i > node.i and tok.pos_ == "PROPN"
            clitic = tok.dep_ == "expl:subj" and tok.lower_ in speakers.cues.speaker_pronouns
            if named or clitic:
                ent, pronoun = speakers.resolve(tok)
                if ent is not None:
                    return tok, ent, pronoun
        if node.pos_ == "NOUN":
            # "la présidente du Sénat, Anne Roux, invoquant ...": the noun names
            # the speaker; "un communiqué de l'Église, indiquant que ...": the
            # author of the text
            ent, pronoun = speakers.resolve(node, fallback=False)
            if ent is not None:
                return node, ent, pronoun
            for tok in node.children:
                if tok.dep_ == "nmod" and markers(tok) & speakers.cues.genitive:
                    ent, pronoun = speakers.resolve(tok, fallback=False)
                    if ent is not None:
                        return tok, ent, pronoun
        participle = node.morph.get("VerbForm") in (["Part"], ["Inf"])
        plural = any(
            t.pos_ == "PRON" and "Plur" in t.morph.get("Number") for t in subject_of(node)
        )  # "ceux-ci ont fait savoir": the speaker is theirs, though it names nobody
        # "pour être considéré comme ratifié": a passive speech verb is said
        # by its own agent only, never by the subject of the verb above
        passive = node.i == verb.i and node.pos_ in ("VERB", "AUX") and is_passive(node)
        if node.head.i == node.i or not (participle or node.pos_ == "NOUN") or plural or passive:
            break
        node = node.head  # a participle hung on a noun: on to the noun, then its verb
    return None, None, False


def _named_before_relative(verb: Token, speakers: Speakers) -> Token | None:
    """ "son collègue de parti Luc Marin, qui y voit ...": the person
    named right before the "qui" of a relative clause whose antecedent noun
    names nobody, when the parser hung the name on that noun or on a
    complement of it without an article ("de parti"). Refused: a name behind
    an article or a determiner ("le fils de Paul Girard, qui": the son
    speaks), anything but a person."""
    pronoun = next(
        (c for c in verb.children if c.dep_ == "nsubj" and "Rel" in c.morph.get("PronType")),
        None,
    )
    if pronoun is None or pronoun.i == 0 or not verb.dep_.startswith("acl"):
        return None
    before = verb.doc[pronoun.i - 1 if verb.doc[pronoun.i - 1].text != "," else pronoun.i - 2]
    ent = speakers.entity_at(before)
    if ent is None or ent.type is not EntityType.PERSON:
        return None
    host = before
    while host.pos_ == "PROPN" and host.dep_ in ("flat:name", "flat", "appos"):
        host = host.head  # up the name to the noun it is apposed to
    antecedent = verb.head
    bare = host.dep_ == "nmod" and not any(c.pos_ == "DET" for c in host.children)
    if host.pos_ == "NOUN" and (host == antecedent or (bare and host.head == antecedent)):
        return before
    return None


#: How far after the noun of its kind an organisation's name may stand, in words.
_KIND_SPAN = 7
