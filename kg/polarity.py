"""Polarity and modality of a trigger word, read on the dependency parse.

The cue words come from ``kg/lang/<lang>/cues.yaml``; the code knows no words
of any language. For a trigger (a verb or an event noun) we look at the
trigger itself, then climb the verbs that govern it through infinitive and
clause complements ("n'a pas exclu de contacter", "n'envisage pas de
s'entretenir"):

* negation on the trigger ("ne ... pas / plus / jamais", "pas encore",
  "aucun contact") makes the fact negative;
* a governing "ne pas exclure" makes it possible and leaves it positive;
* a governing verb of possibility ("pouvoir") makes it possible, a verb of
  intention ("envisager", "prévoir", "compter") planned, and a negation on
  that verb makes the planned fact negative ("n'envisage pas de");
* a verb that denies its complement ("refuser de") makes it negative;
* the future makes it planned (tense and mood from the tagger's
  morphology, not from word endings); the conditional makes it planned inside
  reported speech ("a déclaré qu'il appellerait") and possible elsewhere
  ("il pourrait", "il aurait rencontré").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from kg.lang import load_data
from kg.lang.grammar import grammar
from kg.lang.validate import Problems
from kg.model import Modality, Polarity

__all__ = ["Cues", "assess", "is_conditional", "is_future", "is_negated", "load_cues"]

_LISTS = (
    "time_nouns",
    "same_day_words",
    "first_person",
    "negating_verbs",
    "possible_verbs",
    "possible_words",
    "planned_verbs",
    "planned_words",
    "not_excluded_verbs",
    "imperfect_endings",
    "infinitive_endings",
    "speech_verbs",
    "quote_verbs",
    "er_verb_endings",
    "voice_nouns",
    "purpose_markers",
    "role_time_markers",
    "authority_nouns",
    "stance_verbs",
    "report_verbs",
    "attribution_markers",
    "speaker_pronouns",
    "medium_words",
    "medium_prepositions",
    "medium_heads",
    "management_nouns",
    "country_nouns",
    "country_adjectives",
    "group_pronouns",
    "title_verbs",
    "government_verbs",
)
_NEGATION = ("particles", "strong", "words", "determiners")


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words of a language (see ``cues.yaml`` for each list)."""

    negation_particles: frozenset[str]
    negation_strong: frozenset[str]
    negation_words: frozenset[str]
    negation_determiners: frozenset[str]
    negating_verbs: frozenset[str]
    possible_verbs: frozenset[str]
    possible_words: frozenset[str]
    planned_verbs: frozenset[str]
    planned_words: frozenset[str]
    not_excluded_verbs: frozenset[str]
    imperfect_endings: tuple[str, ...]
    infinitive_endings: tuple[str, ...]
    speech_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    er_verb_endings: frozenset[str]
    voice_nouns: frozenset[str]
    purpose_markers: frozenset[str]
    role_time_markers: frozenset[str]
    authority_nouns: frozenset[str]
    stance_verbs: frozenset[str]
    report_verbs: frozenset[str]
    attribution_markers: frozenset[str]
    speaker_pronouns: frozenset[str]
    medium_words: frozenset[str]
    medium_prepositions: frozenset[str]
    medium_heads: frozenset[str]
    management_nouns: frozenset[str]
    country_nouns: frozenset[str]
    country_adjectives: frozenset[str]
    group_pronouns: frozenset[str]
    title_verbs: frozenset[str]
    government_verbs: frozenset[str]
    months: dict[str, int]
    time_nouns: frozenset[str]
    same_day_words: frozenset[str]
    first_person: frozenset[str]
    participle_endings: tuple[tuple[str, str], ...] = ()
    speech_objects: dict[str, str] = field(default_factory=dict)
    stated_as: dict[str, frozenset[str]] = field(default_factory=dict)
    speech_nouns: dict[str, str] = field(default_factory=dict)
    speech_forms: dict[str, str] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    count_words: dict[str, int] = field(default_factory=dict)
    day_units: dict[str, int] = field(default_factory=dict)
    sequence_prepositions: dict[str, int] = field(default_factory=dict)
    genitive: frozenset[str] = frozenset()  # "de", "d'": from grammar.yaml


class _Reader:
    """Reads the lists and mappings of one cue file into the language
    folder's one problem collector (:class:`kg.lang.validate.Problems`)."""

    def __init__(self, data: dict, where: str) -> None:
        self.data = data
        self.problems = Problems(where)

    def words(self, value: object, name: str) -> tuple[str, ...]:
        """A list of words, lower-cased; a problem when it is not one."""
        before = len(self.problems.found)
        self.problems.words(name, value)
        if len(self.problems.found) > before:
            return ()
        return tuple(v.lower() for v in value)  # type: ignore[union-attr]

    def counted(self, name: str, count: int, what: str) -> tuple[str, ...]:
        """A list of exactly ``count`` words (the months, the weekdays)."""
        found = self.words(self.data.get(name), name)
        if len(found) != count:
            self.problems.add(name, f"expected the {count} {what}, got {len(found)}")
        return found

    def mapping(self, name: str, kind: type, what: str) -> dict:
        """A mapping of words to values of one type; empty when absent."""
        value = self.data.get(name) or {}
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, kind) for k, v in value.items()
        ):
            self.problems.add(name, f"expected a mapping of {what}")
            return {}
        return value

    def negation(self) -> dict[str, tuple[str, ...]]:
        """The negation word lists, by their kind."""
        negation = self.data.get("negation")
        if not isinstance(negation, dict):
            self.problems.add("negation", f"expected a mapping with {', '.join(_NEGATION)}")
            negation = {}
        return {k: self.words(negation.get(k), f"negation.{k}") for k in _NEGATION}


@cache
def load_cues(lang: str = "fr") -> Cues:
    """Load and check ``kg/lang/<lang>/cues.yaml`` (cached per process).

    Raises:
        FrameError: a list is missing or is not a list of words; every
            problem is reported at once.
    """
    where = f"kg/lang/{lang}/cues.yaml"
    read = _Reader(load_data(lang, "cues"), where)
    neg = read.negation()
    lists = {k: read.words(read.data.get(k), k) for k in _LISTS}
    months = read.counted("months", 12, "month names")
    endings = read.mapping("participle_endings", str, "ending: infinitive ending")
    weekdays = read.counted("weekdays", 7, "day names")
    relative = read.mapping("relative_days", int, "word: days")
    counts = {
        k: read.mapping(k, int, "word: number")
        for k in ("count_words", "day_units", "sequence_prepositions")
    }
    objects = read.mapping("speech_objects", str, "verb: obj or preposition")
    stated = read.mapping("stated_as", list, "verb: [nouns]")
    nouns = read.mapping("speech_nouns", str, "noun: verb")
    read.problems.raise_any()
    verbs = lists["speech_verbs"] + tuple(objects)
    return Cues(
        speech_objects={k.lower(): v.lower() for k, v in objects.items()},
        stated_as={k.lower(): frozenset(w.lower() for w in v) for k, v in stated.items()},
        speech_nouns={k.lower(): v.lower() for k, v in nouns.items()},
        weekdays={name: i for i, name in enumerate(weekdays)},
        relative_days={k.lower(): v for k, v in relative.items()},
        **{k: {w.lower(): n for w, n in v.items()} for k, v in counts.items()},
        speech_forms=_verb_forms(verbs, lists["er_verb_endings"]),
        participle_endings=tuple(sorted(endings.items(), key=lambda e: -len(e[0]))),
        negation_particles=frozenset(neg["particles"]),
        negation_strong=frozenset(neg["strong"]),
        negation_words=frozenset(neg["words"]),
        negation_determiners=frozenset(neg["determiners"]),
        imperfect_endings=lists.pop("imperfect_endings"),
        infinitive_endings=lists.pop("infinitive_endings"),
        months={name: i + 1 for i, name in enumerate(months)},
        genitive=grammar(lang).genitive,
        **{k: frozenset(v) for k, v in lists.items()},
    )


def _verb_forms(verbs: tuple[str, ...], endings: tuple[str, ...]) -> dict[str, str]:
    """Each form of the verbs in -er ("estime", "indiquant") -> its infinitive."""
    forms: dict[str, str] = {}
    for verb in verbs:
        words = verb.split()
        if words[-1].endswith("er"):
            stem = words[-1][:-2]
            for ending in endings:
                forms.setdefault(stem + ending, words[-1])
    return forms


def is_negated(token: Token, cues: Cues) -> bool:
    """True when a negation bears on the token.

    "pas" and "jamais" may hang on the token or on an adverb of it ("pas
    encore"); "plus", "guère" need the particle "ne" as well ("plus tôt" is
    no negation); a negative determiner counts on nouns ("aucun contact").
    """
    particle = False
    words: set[str] = set()
    for child in token.children:
        if not (child.dep_.startswith(("advmod", "aux")) or child.dep_ in ("dep", "det")):
            continue
        text = child.lower_
        if text in cues.negation_determiners and child.dep_ == "det":
            return True
        if text in cues.negation_particles:
            particle = True
        words.add(text)
        words |= {g.lower_ for g in child.children if g.dep_.startswith("advmod")}
    if words & cues.negation_strong:
        return True
    return particle and bool(words & cues.negation_words)


def _mood(token: Token) -> tuple[Token, ...]:
    """The token, its auxiliaries and its copula: where tense and mood are
    marked ("dont il sera le chef": the future is on the copula)."""
    return (token, *(c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"))


def _conditional_read_as_imperfect(token: Token, cues: Cues) -> bool:
    """An imperfect in the morphology built on the future stem: "appellerait"
    (appeller-ait, from "appeler") is a conditional, "rencontrait" (rencontr-ait,
    from "rencontrer") is not. An unlemmatised form proves nothing."""
    form, lemma = token.lower_, token.lemma_.lower()
    if "Imp" not in token.morph.get("Tense") or form == lemma:
        return False
    ending = next((e for e in cues.imperfect_endings if form.endswith(e)), None)
    infinitive = next((e for e in cues.infinitive_endings if lemma.endswith(e)), None)
    if ending is None or infinitive is None:
        return False
    stem = form[: -len(ending)]
    return stem.endswith("r") and stem != lemma[: -len(infinitive)]


def is_conditional(token: Token, cues: Cues) -> bool:
    """True for a verb in the conditional (its own form or its auxiliary's),
    read from the morphology (``Mood=Cnd``)."""
    return any(
        "Cnd" in t.morph.get("Mood")
        or (t.pos_ in ("VERB", "AUX") and _conditional_read_as_imperfect(t, cues))
        for t in _mood(token)
    )


def is_future(token: Token) -> bool:
    """True for a verb in the future tense (``Tense=Fut`` on it or its auxiliary)."""
    return any("Fut" in t.morph.get("Tense") for t in _mood(token))


def _governors(token: Token) -> list[tuple[Token, bool]]:
    """The words that govern the token as their complement, each with whether
    a negation on it carries down (infinitives and nouns: yes; clauses: no)."""
    chain = []
    node = token
    for _ in range(4):
        if node.dep_ in ("ccomp", "csubj"):
            carries = False
        elif node.dep_ == "xcomp" or (
            node.dep_.startswith("advcl") and "Inf" in node.morph.get("VerbForm")
        ):
            carries = True
        elif node.pos_ == "NOUN" and node.dep_.split(":")[0] in ("obj", "nsubj"):
            carries = True
        else:
            break
        node = node.head
        chain.append((node, carries))
        if node.dep_ == "ROOT":
            break
    return chain


def _in_reported_speech(token: Token, cues: Cues) -> bool:
    node = token
    for _ in range(4):
        if node.dep_ == "ccomp":
            verb = node.head
            pair = f"{verb.head.lemma_.lower()} {verb.lemma_.lower()}"  # "a laissé prévoir"
            if verb.lemma_.lower() in cues.speech_verbs or pair in cues.speech_verbs:
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def assess(trigger: Token, cues: Cues) -> tuple[Polarity, Modality]:
    """The polarity and modality of the fact a trigger expresses.

    Args:
        trigger: the trigger word (a verb or an event noun).
        cues: the language's cue words.

    Returns:
        (polarity, modality).
    """
    negative = is_negated(trigger, cues)
    modality = Modality.ASSERTED
    if is_future(trigger):
        modality = Modality.PLANNED
    elif is_conditional(trigger, cues):
        modality = Modality.PLANNED if _in_reported_speech(trigger, cues) else Modality.POSSIBLE
    for child in trigger.children:
        text = child.lower_
        if child.dep_ in ("amod", "acl") and (
            text in cues.planned_words or child.lemma_.lower() in cues.planned_verbs
        ):
            modality = Modality.PLANNED
    if trigger.pos_ == "NOUN" and trigger.head.i != trigger.i:
        # "la perspective d'une adhésion", "le projet de visite"
        head = trigger.head.lemma_.lower()
        if head in cues.possible_words:
            modality = Modality.POSSIBLE
        elif head in cues.planned_words:
            modality = Modality.PLANNED
    for governor, carries in _governors(trigger):
        lemma = governor.lemma_.lower()
        negated = is_negated(governor, cues) and carries
        if lemma in cues.not_excluded_verbs and negated:
            modality = Modality.POSSIBLE
        elif lemma in cues.negating_verbs and not negated:
            negative = True
        elif lemma in cues.possible_verbs or governor.lower_ in cues.possible_words:
            modality = Modality.POSSIBLE
            negative = negative or negated
        elif lemma in cues.planned_verbs:
            modality = Modality.PLANNED
            negative = negative or negated
        else:
            negative = negative or negated
            if modality is Modality.ASSERTED and is_future(governor):
                modality = Modality.PLANNED
            if governor.pos_ in ("VERB", "AUX", "ADJ"):
                break
    return (Polarity.NEGATIVE if negative else Polarity.POSITIVE), modality
