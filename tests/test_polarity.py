"""Polarity and modality read on real parses."""

from __future__ import annotations

import pytest
from factory import parse_text

from kg.errors import FrameError
from kg.lang import load_data
from kg.model import Modality, Polarity
from kg.polarity import assess, is_negated, load_cues


def token(text: str, lemma: str):
    doc = parse_text(text, "t1").doc
    return next(t for t in doc if t.lemma_ == lemma)


@pytest.mark.parametrize(
    "text, lemma, polarity, modality",
    [
        ("Marie a rencontré Paul.", "rencontrer", "positive", "asserted"),
        ("Marie n'a pas rencontré Paul.", "rencontrer", "negative", "asserted"),
        ("Marie n'a jamais rencontré Paul.", "rencontrer", "negative", "asserted"),
        ("Marie n'a pas encore rencontré Paul.", "rencontrer", "negative", "asserted"),
        ("Marie ne verra plus jamais Paul.", "voir", "negative", "planned"),
        ("Marie ne voyait plus Paul.", "voir", "negative", "asserted"),
        ("Plus tôt, Marie a rencontré Paul.", "rencontrer", "positive", "asserted"),
        ("Marie a refusé de rencontrer Paul.", "rencontrer", "negative", "asserted"),
        ("Marie n'a pas exclu de rencontrer Paul.", "rencontrer", "positive", "possible"),
        ("Marie pourrait rencontrer Paul.", "rencontrer", "positive", "possible"),
        ("Marie envisage de rencontrer Paul.", "rencontrer", "positive", "planned"),
        ("Marie n'envisage pas de rencontrer Paul.", "rencontrer", "negative", "planned"),
        ("Marie prévoit de rencontrer Paul.", "rencontrer", "positive", "planned"),
        ("Marie rencontrera Paul demain.", "rencontrer", "positive", "planned"),
        ("Marie a déclaré qu'elle appellerait Paul.", "appeler", "positive", "planned"),
        ("Il n'y a eu aucun contact avec Paul.", "contact", "negative", "asserted"),
        # the imperfect ends like a conditional but is an assertion
        ("Marie rencontrait Paul chaque semaine.", "rencontrer", "positive", "asserted"),
        ("Les deux hommes se rencontraient souvent.", "rencontrer", "positive", "asserted"),
        ("Marie montrait le rapport à Paul.", "montrer", "positive", "asserted"),
        ("Marie rencontra Paul à Lyon.", "rencontrer", "positive", "asserted"),
        ("Marie visiterait Lyon.", "visiter", "positive", "possible"),
        ("Marie aurait rencontré Paul.", "rencontrer", "positive", "possible"),
        # a conditional reported by a pair of verbs is planned
        ("Marie a laissé prévoir qu'elle rencontrerait Paul.", "rencontrer", "positive", "planned"),
        # the future on the copula of a role
        ("Marie sera la cheffe du parti.", "cheffe", "positive", "planned"),
    ],
)
def test_polarity_and_modality_of_trigger(
    nlp, text: str, lemma: str, polarity: str, modality: str
) -> None:
    found = assess(token(text, lemma), load_cues("fr"))
    assert found == (Polarity(polarity), Modality(modality))


def test_polarity_negation_in_another_clause_does_not_count(nlp) -> None:
    trigger = token("Marie a rencontré Paul parce que Jean ne venait pas.", "rencontrer")
    assert not is_negated(trigger, load_cues("fr"))
    assert assess(trigger, load_cues("fr"))[0] is Polarity.POSITIVE


def test_polarity_cues_are_data_and_validated(monkeypatch) -> None:
    cues = load_cues("fr")
    assert "pas" in cues.negation_strong and "dire" in cues.speech_verbs
    broken = dict(load_data("fr", "cues"), speech_verbs="dire")
    monkeypatch.setattr("kg.polarity.load_data", lambda lang, name: broken)
    load_cues.cache_clear()
    try:
        with pytest.raises(FrameError, match="speech_verbs: expected a list of words"):
            load_cues("fr")
    finally:
        monkeypatch.undo()
        load_cues.cache_clear()
