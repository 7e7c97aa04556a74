"""Rules that climb the dependency tree stop at the sentence's root.

spaCy makes a new ``Token`` object on each access, so ``token.head is token``
is never true, even at the root: the rules compare token indices instead.
These hand-built parses put the word a rule starts from at the root, where an
identity test would take the root for its own head.
"""

from __future__ import annotations

from factory import hand_doc, token

from kg.frames.paths import follow
from kg.model import Modality, Polarity
from kg.polarity import assess, load_cues

# A caption: the event noun is the root, it hangs on nothing.
MEETING_CAPTION = """
    Rencontre  _  NOUN   0 ROOT
    entre      _  ADP    3 case
    Léa        _  PROPN  1 nmod
    et         _  CCONJ  5 cc
    Hugo       _  PROPN  3 conj
"""
# The same noun hung on the names it describes.
NAMES_AT_MEETING = """
    Léa        _  PROPN  0 ROOT
    et         _  CCONJ  3 cc
    Hugo       _  PROPN  1 conj
    lors       _  ADV    6 case
    d'         de ADP    4 fixed
    une        un DET    7 det
    rencontre  _  NOUN   1 nmod
"""
# The same noun under a verb: a clause, no host.
MEETING_UNDER_VERB = """
    Léa        _       PROPN  2 nsubj
    prépare    préparer VERB  0 ROOT
    une        un      DET    4 det
    rencontre  _       NOUN   2 obj
"""
# A root noun that is itself a word of plans.
PLAN_CAPTION = """
    Projet  _   NOUN   0 ROOT
    de      _   ADP    3 case
    loi     _   NOUN   1 nmod
"""
# The same word above an event noun: the event is planned.
PLANNED_VISIT = """
    Le      le  DET    2 det
    projet  _   NOUN   0 ROOT
    de      _   ADP    4 case
    visite  _   NOUN   2 nmod
"""


def test_rules_roots_host_of_a_root_noun_is_nobody() -> None:
    doc = hand_doc(MEETING_CAPTION)
    assert follow(token(doc, "Rencontre"), "host") == []


def test_rules_roots_host_of_a_noun_under_names_and_under_a_verb() -> None:
    named = hand_doc(NAMES_AT_MEETING)
    assert [t.text for t in follow(token(named, "rencontre"), "host")] == ["Léa"]
    clause = hand_doc(MEETING_UNDER_VERB)
    assert follow(token(clause, "rencontre"), "host") == []


def test_rules_roots_a_root_noun_is_not_its_own_head_for_modality() -> None:
    cues = load_cues("fr")
    assert assess(token(hand_doc(PLAN_CAPTION), "Projet"), cues) == (
        Polarity.POSITIVE,
        Modality.ASSERTED,
    )
    assert assess(token(hand_doc(PLANNED_VISIT), "visite"), cues) == (
        Polarity.POSITIVE,
        Modality.PLANNED,
    )
