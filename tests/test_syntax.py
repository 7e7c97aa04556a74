"""Dependency helpers on real parses of sentences written for these tests."""

from __future__ import annotations

from conftest import facts_of
from factory import hand_doc

from kg.nlp import load_pipeline
from kg.syntax import subject_of


def test_syntax_a_gerund_under_an_adjective_root_has_no_subject(nlp) -> None:
    # the climb from the gerund reaches the root, an adjective, and stops there
    doc = load_pipeline("fr")("La ville, en critiquant Marc Petit, est calme.")
    gerund = next(t for t in doc if t.lower_ == "critiquant")
    assert [t.text for t in subject_of(gerund)] == []
    assert [f.predicate for f in facts_of(doc.text)] == []


# "Là, il a d'ailleurs reçu le soutien de Paul." as the parser sometimes
# reads it: the subject hung on the auxiliary instead of the verb.
_SUBJECT_ON_AUX = """
Là là ADV 7 advmod
, , PUNCT 1 punct
il il PRON 4 nsubj
a avoir AUX 7 aux:tense
d' de ADP 7 advmod
ailleurs ailleurs ADV 5 fixed
reçu recevoir VERB 0 ROOT
le le DET 9 det
soutien soutien NOUN 7 obj
"""


def test_syntax_a_subject_hung_on_the_auxiliary_is_the_verb_subject() -> None:
    doc = hand_doc(_SUBJECT_ON_AUX)
    assert [t.text for t in subject_of(doc[6])] == ["il"]


def test_syntax_a_subject_of_an_auxiliary_after_the_verb_is_not_taken() -> None:
    # only an auxiliary before the verb can carry its subject
    doc = hand_doc(
        """
        reçu recevoir VERB 0 ROOT
        a avoir AUX 1 aux:tense
        il il PRON 2 nsubj
        """
    )
    assert subject_of(doc[0]) == []
