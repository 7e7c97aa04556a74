"""Polarity and modality rules on hand-built parses (see tests/test_polarity.py
for the same rules on the real model's parses).

Each parse is the one the rule is written for, so these tests fail when a
rule is removed or broken, whatever a new model makes of the sentences.
"""

from __future__ import annotations

import pytest
from factory import hand_doc, token

from kg.model import Modality, Polarity
from kg.polarity import assess, is_negated, load_cues

POS, NEG = Polarity.POSITIVE, Polarity.NEGATIVE
ASSERTED, POSSIBLE, PLANNED = Modality.ASSERTED, Modality.POSSIBLE, Modality.PLANNED

RECEIVED = """
    Léa     _         PROPN 3 nsubj
    a       avoir     AUX   3 aux:tense  Tense=Pres|VerbForm=Fin
    reçu    recevoir  VERB  0 ROOT       Tense=Past|VerbForm=Part
    Hugo    _         PROPN 3 obj
    .       _         PUNCT 3 punct
"""
NOT_RECEIVED = """
    Léa     _         PROPN 5 nsubj
    n'      ne        ADV   5 advmod     Polarity=Neg
    a       avoir     AUX   5 aux:tense  Tense=Pres|VerbForm=Fin
    pas     _         ADV   5 advmod     Polarity=Neg
    reçu    recevoir  VERB  0 ROOT       Tense=Past|VerbForm=Part
    Hugo    _         PROPN 5 obj
    .       _         PUNCT 5 punct
"""
# "pas" hung on "encore", not on the verb
NOT_YET_RECEIVED = """
    Léa     _         PROPN 6 nsubj
    n'      ne        ADV   6 advmod     Polarity=Neg
    a       avoir     AUX   6 aux:tense  Tense=Pres|VerbForm=Fin
    pas     _         ADV   5 advmod
    encore  _         ADV   6 advmod
    reçu    recevoir  VERB  0 ROOT       Tense=Past|VerbForm=Part
    Hugo    _         PROPN 6 obj
    .       _         PUNCT 6 punct
"""
NO_LONGER_RECEIVED = """
    Léa       _         PROPN 3 nsubj
    ne        _         ADV   3 advmod     Polarity=Neg
    recevait  recevoir  VERB  0 ROOT       Tense=Imp|VerbForm=Fin
    plus      _         ADV   3 advmod     Polarity=Neg
    Hugo      _         PROPN 3 obj
    .         _         PUNCT 3 punct
"""
# "plus" without "ne" is no negation
LATER_RECEIVED = """
    Plus    plus      ADV   2 advmod
    tard    _         ADV   6 advmod
    ,       _         PUNCT 6 punct
    Léa     _         PROPN 6 nsubj
    a       avoir     AUX   6 aux:tense  Tense=Pres|VerbForm=Fin
    reçu    recevoir  VERB  0 ROOT       Tense=Past|VerbForm=Part
    Hugo    _         PROPN 6 obj
    .       _         PUNCT 6 punct
"""
NO_VISIT = """
    Il      il        PRON  5 expl:subj
    n'      ne        ADV   5 advmod     Polarity=Neg
    y       _         PRON  5 expl:comp
    a       avoir     AUX   5 aux:tense  Tense=Pres|VerbForm=Fin
    eu      avoir     VERB  0 ROOT       Tense=Past|VerbForm=Part
    aucune  aucun     DET   7 det
    visite  _         NOUN  5 obj
    de      _         ADP   9 case
    Hugo    _         PROPN 7 nmod
    .       _         PUNCT 5 punct
"""


def _governed(verb: str, lemma: str, negated: bool = False) -> str:
    """ "Léa [n'] a [pas] <verb> de recevoir Hugo.": a verb with an infinitive complement."""
    if not negated:
        return f"""
            Léa        _         PROPN 3 nsubj
            a          avoir     AUX   3 aux:tense  Tense=Pres|VerbForm=Fin
            {verb}     {lemma}   VERB  0 ROOT       Tense=Past|VerbForm=Part
            de         _         ADP   5 mark
            recevoir   _         VERB  3 xcomp      VerbForm=Inf
            Hugo       _         PROPN 5 obj
            .          _         PUNCT 3 punct
        """
    return f"""
        Léa        _         PROPN 5 nsubj
        n'         ne        ADV   5 advmod     Polarity=Neg
        a          avoir     AUX   5 aux:tense  Tense=Pres|VerbForm=Fin
        pas        _         ADV   5 advmod     Polarity=Neg
        {verb}     {lemma}   VERB  0 ROOT       Tense=Past|VerbForm=Part
        de         _         ADP   7 mark
        recevoir   _         VERB  5 xcomp      VerbForm=Inf
        Hugo       _         PROPN 7 obj
        .          _         PUNCT 5 punct
    """


def _said(form: str, lemma: str, morph: str) -> str:
    """ "Léa a dit qu'elle <form> Hugo.": a verb in a clause of speech."""
    return f"""
        Léa     _       PROPN 3 nsubj
        a       avoir   AUX   3 aux:tense  Tense=Pres|VerbForm=Fin
        dit     dire    VERB  0 ROOT       Tense=Past|VerbForm=Part
        qu'     que     SCONJ 6 mark
        elle    il      PRON  6 nsubj
        {form}  {lemma} VERB  3 ccomp      {morph}
        Hugo    _       PROPN 6 obj
        .       _       PUNCT 3 punct
    """


def _alone(form: str, lemma: str, morph: str) -> str:
    """ "Léa <form> Hugo.": a finite verb in a main clause."""
    return f"""
        Léa     _       PROPN 2 nsubj
        {form}  {lemma} VERB  0 ROOT       {morph}
        Hugo    _       PROPN 2 obj
        .       _       PUNCT 2 punct
    """


@pytest.mark.parametrize(
    ("table", "trigger", "expected"),
    [
        (RECEIVED, "reçu", (POS, ASSERTED)),
        (NOT_RECEIVED, "reçu", (NEG, ASSERTED)),
        (NOT_YET_RECEIVED, "reçu", (NEG, ASSERTED)),
        (NO_LONGER_RECEIVED, "recevait", (NEG, ASSERTED)),
        (LATER_RECEIVED, "reçu", (POS, ASSERTED)),
        (NO_VISIT, "visite", (NEG, ASSERTED)),
    ],
)
def test_rules_polarity_negation(table: str, trigger: str, expected: tuple) -> None:
    assert assess(token(hand_doc(table), trigger), load_cues("fr")) == expected


@pytest.mark.parametrize(
    ("verb", "lemma", "negated", "expected"),
    [
        ("exclu", "exclure", True, (POS, POSSIBLE)),  # "n'a pas exclu de": possible
        ("exclu", "exclure", False, (NEG, ASSERTED)),  # "a exclu de": did not happen
        ("refusé", "refuser", False, (NEG, ASSERTED)),
        ("pu", "pouvoir", False, (POS, POSSIBLE)),
        ("prévu", "prévoir", False, (POS, PLANNED)),
        ("prévu", "prévoir", True, (NEG, PLANNED)),  # "n'a pas prévu de"
        ("tenté", "tenter", True, (NEG, ASSERTED)),  # a negation carries down an infinitive
        ("tenté", "tenter", False, (POS, ASSERTED)),
    ],
)
def test_rules_polarity_governing_verb(verb: str, lemma: str, negated: bool, expected) -> None:
    doc = hand_doc(_governed(verb, lemma, negated))
    assert assess(token(doc, "recevoir"), load_cues("fr")) == expected


FUT, CND, IMP = "Tense=Fut|VerbForm=Fin", "Mood=Cnd|VerbForm=Fin", "Tense=Imp|VerbForm=Fin"


@pytest.mark.parametrize(
    ("shape", "form", "lemma", "morph", "expected"),
    [
        (_alone, "recevra", "recevoir", FUT, (POS, PLANNED)),
        (_alone, "recevrait", "recevoir", CND, (POS, POSSIBLE)),
        (_alone, "recevait", "recevoir", IMP, (POS, ASSERTED)),
        # a conditional in reported speech is planned, elsewhere possible
        (_said, "recevrait", "recevoir", CND, (POS, PLANNED)),
        # a conditional the tagger read as an imperfect: the future stem gives it away
        (_said, "appellerait", "appeler", IMP, (POS, PLANNED)),
        (_said, "appelait", "appeler", IMP, (POS, ASSERTED)),
        (_alone, "appellerait", "appeler", IMP, (POS, POSSIBLE)),
        # an unlemmatised form proves nothing
        (_alone, "appellerait", "appellerait", IMP, (POS, ASSERTED)),
    ],
)
def test_rules_polarity_tense_and_mood(shape, form: str, lemma: str, morph: str, expected) -> None:
    doc = hand_doc(shape(form, lemma, morph))
    assert assess(token(doc, form), load_cues("fr")) == expected


PLANNED_VISIT = """
    Le       le      DET   2 det
    projet   _       NOUN  6 nsubj
    de       _       ADP   4 case
    visite   _       NOUN  2 nmod
    a        avoir   AUX   6 aux:tense  Tense=Pres|VerbForm=Fin
    échoué   échouer VERB  0 ROOT       Tense=Past|VerbForm=Part
    .        _       PUNCT 6 punct
"""
NEXT_VISIT = """
    La        le        DET   3 det
    prochaine prochain  ADJ   3 amod
    visite    _         NOUN  5 nsubj
    est       être      AUX   5 cop
    attendue  attendre  VERB  0 ROOT       VerbForm=Part
    .         _         PUNCT 5 punct
"""
# the negation is on the verb of speech, the clause it reports stays positive
NOT_SAID = """
    Léa     _       PROPN 3 nsubj
    ne      _       ADV   3 advmod     Polarity=Neg
    dit     dire    VERB  0 ROOT       Tense=Pres|VerbForm=Fin
    pas     _       ADV   3 advmod     Polarity=Neg
    qu'     que     SCONJ 7 mark
    elle    il      PRON  7 nsubj
    reçoit  recevoir VERB 3 ccomp      Tense=Pres|VerbForm=Fin
    Hugo    _       PROPN 7 obj
    .       _       PUNCT 3 punct
"""


@pytest.mark.parametrize(
    ("table", "trigger", "expected"),
    [
        (PLANNED_VISIT, "visite", (POS, PLANNED)),
        (NEXT_VISIT, "visite", (POS, PLANNED)),
        (NOT_SAID, "reçoit", (POS, ASSERTED)),
    ],
)
def test_rules_polarity_nouns_and_clauses(table: str, trigger: str, expected: tuple) -> None:
    assert assess(token(hand_doc(table), trigger), load_cues("fr")) == expected


def test_rules_polarity_negation_stays_in_its_clause() -> None:
    doc = hand_doc(NOT_SAID)
    cues = load_cues("fr")
    assert is_negated(token(doc, "dit"), cues)
    assert not is_negated(token(doc, "reçoit"), cues)
