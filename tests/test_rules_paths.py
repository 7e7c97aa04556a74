"""Path steps (kg.frames.paths) on hand-built parses: each step reaches the
words it is written for, and nothing on parses it is not written for.

The end-to-end frame tests (tests/test_frames_*.py) run the same steps on
the real model's parses.
"""

from __future__ import annotations

import pytest
from factory import hand_doc, token

from kg.frames.paths import follow

RECEIVED_AT = """
    Léa     _         PROPN 3 nsubj
    a       avoir     AUX   3 aux:tense
    reçu    recevoir  VERB  0 ROOT       Tense=Past|VerbForm=Part
    Hugo    _         PROPN 3 obj
    à       _         ADP   6 case
    Nantes  _         PROPN 3 obl:mod
    .       _         PUNCT 3 punct
"""
RECEIVED_BY = """
    Léa     _         PROPN 4 nsubj:pass
    a       avoir     AUX   4 aux:tense
    été     être      AUX   4 aux:pass
    reçue   recevoir  VERB  0 ROOT       Tense=Past|VerbForm=Part|Voice=Pass
    par     _         ADP   6 case
    Hugo    _         PROPN 4 obl:agent
    .       _         PUNCT 4 punct
"""


def _texts(doc_table: str, trigger: str, path: str, support: frozenset[str] = frozenset()):
    doc = hand_doc(doc_table)
    return [t.text for t in follow(token(doc, trigger), path, support)]


@pytest.mark.parametrize(
    ("table", "path", "expected"),
    [
        (RECEIVED_AT, "subject", ["Léa"]),
        (RECEIVED_AT, "object", ["Hugo"]),
        (RECEIVED_AT, "prep/à", ["Nantes"]),
        (RECEIVED_AT, "prep/avec|chez", []),
        (RECEIVED_AT, "obl/à", ["Nantes"]),  # a dependency label, with its markers
        (RECEIVED_AT, "nsubj>obj", []),  # a step that reaches nothing ends the path
        # the passive: the agent is the subject, the passive subject the object
        (RECEIVED_BY, "subject", ["Hugo"]),
        (RECEIVED_BY, "object", ["Léa"]),
    ],
)
def test_rules_paths_verb_arguments(table: str, path: str, expected: list[str]) -> None:
    trigger = "reçu" if table is RECEIVED_AT else "reçue"
    assert _texts(table, trigger, path) == expected


# The tagger took the participle for a noun; its auxiliary shows it is a verb.
PHONED_AS_NOUN = """
    Léa        _      PROPN 4 nsubj
    lui        il     PRON  4 iobj
    a          avoir  AUX   4 aux:tense
    téléphoné  _      NOUN  0 ROOT
    .          _      PUNCT 4 punct
"""
THE_CALL = """
    L'      le      DET   2 det
    appel   _       NOUN  5 nsubj
    a       avoir   AUX   5 aux:tense
    été     être    AUX   5 cop
    bref    _       ADJ   0 ROOT
    .       _       PUNCT 5 punct
"""


def test_rules_paths_subject_of_a_verb_only() -> None:
    assert _texts(PHONED_AS_NOUN, "téléphoné", "subject") == ["Léa"]
    assert _texts(PHONED_AS_NOUN, "téléphoné", "iobj") == ["lui"]
    assert _texts(THE_CALL, "appel", "subject") == []
    assert _texts(THE_CALL, "appel", "object") == []


# "avec Hugo" hung on the complement of the verb, not on the verb
ON_THE_PHONE_WITH = """
    Léa        _       PROPN 3 nsubj
    a          avoir   AUX   3 aux:tense
    parlé      parler  VERB  0 ROOT
    au         _       ADP   5 case
    téléphone  _       NOUN  3 obl:arg
    avec       _       ADP   7 case
    Hugo       _       PROPN 5 nmod
    .          _       PUNCT 3 punct
"""
# "de Hugo" belongs to the noun: "parlé du livre de Hugo" is no "parlé de Hugo"
OF_THE_BOOK_OF = """
    Léa     _       PROPN 3 nsubj
    a       avoir   AUX   3 aux:tense
    parlé   parler  VERB  0 ROOT
    du      de      ADP   5 case
    livre   _       NOUN  3 obl:arg
    de      _       ADP   7 case
    Hugo    _       PROPN 5 nmod
    .       _       PUNCT 3 punct
"""
# "avec Hugo" hung on the support verb of the event noun
HAD_A_TALK_WITH = """
    Léa        _       PROPN 3 nsubj
    a          avoir   AUX   3 aux:tense
    eu         avoir   VERB  0 ROOT
    un         _       DET   5 det
    entretien  _       NOUN  3 obj
    avec       _       ADP   7 case
    Hugo       _       PROPN 3 obl:mod
    .          _       PUNCT 3 punct
"""
SUPPORT = frozenset({"avoir"})


def test_rules_paths_prep_repairs_two_misattachments() -> None:
    assert _texts(ON_THE_PHONE_WITH, "parlé", "prep/avec") == ["Hugo"]
    assert _texts(OF_THE_BOOK_OF, "parlé", "prep/de|du") == ["livre"]
    assert _texts(HAD_A_TALK_WITH, "entretien", "prep/avec", SUPPORT) == ["Hugo"]
    assert _texts(HAD_A_TALK_WITH, "entretien", "prep/avec") == []  # "eu" is no support verb


def test_rules_paths_governor_is_the_subject_of_a_support_verb() -> None:
    assert _texts(HAD_A_TALK_WITH, "entretien", "governor", SUPPORT) == ["Léa"]
    assert _texts(HAD_A_TALK_WITH, "entretien", "governor") == []
    assert _texts(HAD_A_TALK_WITH, "eu", "governor", SUPPORT) == []  # a verb has no governor


BETWEEN = """
    La         le      DET   2 det
    rencontre  _       NOUN  8 nsubj
    entre      _       ADP   4 case
    Léa        _       PROPN 2 nmod
    et         _       CCONJ 6 cc
    Hugo       _       PROPN 4 conj
    a          avoir   AUX   8 aux:tense
    duré       durer   VERB  0 ROOT
    .          _       PUNCT 8 punct
"""


def test_rules_paths_pair_takes_both_members_after_entre() -> None:
    assert _texts(BETWEEN, "rencontre", "pair") == ["Léa", "Hugo"]
    of_both = BETWEEN.replace("entre ", "de    ")
    assert _texts(of_both, "rencontre", "pair") == []


# A caption: the event noun hangs, through "lors", on the first name.
CAPTION = """
    Léa      _       PROPN 0 ROOT
    et       _       CCONJ 3 cc
    Hugo     _       PROPN 1 conj
    lors     _       ADV   1 advmod
    d'       de      ADP   7 case
    une      un      DET   7 det
    réunion  _       NOUN  4 obl:arg
    à        _       ADP   9 case
    Nantes   _       PROPN 7 nmod
"""
LEFT_THE_MEETING = """
    Léa      _       PROPN 3 nsubj
    a        avoir   AUX   3 aux:tense
    quitté   quitter VERB  0 ROOT
    la       le      DET   5 det
    réunion  _       NOUN  3 obj
    .        _       PUNCT 3 punct
"""


def test_rules_paths_host_is_the_nominal_a_caption_noun_hangs_on() -> None:
    assert _texts(CAPTION, "réunion", "host") == ["Léa"]
    assert _texts(CAPTION, "Nantes", "host") == []  # a name is no event noun
    assert _texts(LEFT_THE_MEETING, "réunion", "host") == []  # a clause stops the climb


DURING_HER_VISIT = """
    Lors    lors    ADV   10 advmod
    de      _       ADP   4 case
    sa      son     DET   4 det        Poss=Yes
    visite  _       NOUN  1 obl:arg
    à       _       ADP   6 case
    Rome    _       PROPN 4 nmod
    ,       _       PUNCT 10 punct
    Léa     _       PROPN 10 nsubj
    a       avoir   AUX   10 aux:tense
    salué   saluer  VERB  0 ROOT
    le      _       DET   12 det
    maire   _       NOUN  10 obj
    .       _       PUNCT 10 punct
"""


def test_rules_paths_poss_is_the_possessive_and_the_clause_subject() -> None:
    assert _texts(DURING_HER_VISIT, "visite", "poss") == ["sa", "Léa"]
    no_possessive = DURING_HER_VISIT.replace("Poss=Yes", "_")
    assert _texts(no_possessive, "visite", "poss") == []


ON_A_VISIT = """
    En      en      ADP   2 case
    visite  _       NOUN  8 obl:mod
    à       _       ADP   4 case
    Rome    _       PROPN 2 nmod
    ,       _       PUNCT 8 punct
    Léa     _       PROPN 8 nsubj
    a       avoir   AUX   8 aux:tense
    salué   saluer  VERB  0 ROOT
    le      _       DET   10 det
    maire   _       NOUN  8 obj
    .       _       PUNCT 8 punct
"""


def test_rules_paths_adjunct_is_the_subject_of_the_verb_the_noun_modifies() -> None:
    assert _texts(ON_A_VISIT, "visite", "adjunct/en") == ["Léa"]
    assert _texts(ON_A_VISIT, "visite", "adjunct/pendant") == []
    assert _texts(ON_A_VISIT, "maire", "adjunct/en") == []  # no "en" before it


RECEIVED_THE_SUPPORT = """
    Léa      _         PROPN 3 nsubj
    a        avoir     AUX   3 aux:tense
    reçu     recevoir  VERB  0 ROOT
    le       _         DET   5 det
    soutien  _         NOUN  3 obj
    de       _         ADP   7 case
    Hugo     _         PROPN 5 nmod
    .        _         PUNCT 3 punct
"""


def test_rules_paths_receiver_is_the_subject_of_a_receiving_verb() -> None:
    assert _texts(RECEIVED_THE_SUPPORT, "soutien", "receiver/recevoir|obtenir") == ["Léa"]
    assert _texts(RECEIVED_THE_SUPPORT, "soutien", "receiver/obtenir") == []
    assert _texts(RECEIVED_THE_SUPPORT, "soutien", "prep/de") == ["Hugo"]


ASKS_WHETHER = """
    Léa      _      PROPN 2 nsubj
    demande  _      VERB  0 ROOT
    si       _      SCONJ 5 mark
    Hugo     _      PROPN 5 nsubj
    viendra  venir  VERB  2 ccomp      Tense=Fut|VerbForm=Fin
    .        _      PUNCT 2 punct
"""


def test_rules_paths_clause_steps_read_the_conjunction_wherever_it_hangs() -> None:
    assert _texts(ASKS_WHETHER, "demande", "ccomp/si>nsubj") == ["Hugo"]
    assert _texts(ASKS_WHETHER, "demande", "ccomp/que>nsubj") == []
    # the parser hung "si" on the clause's subject: still the clause's conjunction
    misplaced = ASKS_WHETHER.replace("SCONJ 5 mark", "SCONJ 4 mark")
    assert _texts(misplaced, "demande", "ccomp/si>nsubj") == ["Hugo"]


# "la visite de Léa au siège de l'Union, que Hugo a préparée à Nantes"
VISIT_OF = """
    La        le        DET   2 det
    visite    _         NOUN  0 ROOT
    de        _         ADP   4 case
    Léa       _         PROPN 2 nmod
    au        _         ADP   6 case
    siège     _         NOUN  2 nmod
    de        _         ADP   9 case
    l'        le        DET   9 det
    Union     _         PROPN 6 nmod
    ,         _         PUNCT 14 punct
    que       _         PRON  14 obj
    Hugo      _         PROPN 14 nsubj
    a         avoir     AUX   14 aux:tense
    préparée  préparer  VERB  2 acl:relcl
    à         _         ADP   16 case
    Nantes    _         PROPN 14 obl:mod
"""


def test_rules_paths_deep_reads_the_whole_noun_phrase_but_no_clause() -> None:
    assert _texts(VISIT_OF, "visite", "deep/de") == ["Léa", "Union"]
    assert _texts(VISIT_OF, "visite", "prep/de") == ["Léa"]
    assert _texts(VISIT_OF, "visite", "deep/à") == []  # "à Nantes" is in the relative clause
