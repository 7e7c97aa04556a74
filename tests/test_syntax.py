"""Dependency helpers on real parses of sentences written for these tests."""

from __future__ import annotations

from conftest import facts_of

from kg.nlp import load_pipeline
from kg.syntax import subject_of


def test_syntax_a_gerund_under_an_adjective_root_has_no_subject(nlp) -> None:
    # the climb from the gerund reaches the root, an adjective, and stops there
    doc = load_pipeline("fr")("La ville, en critiquant Marc Petit, est calme.")
    gerund = next(t for t in doc if t.lower_ == "critiquant")
    assert [t.text for t in subject_of(gerund)] == []
    assert [f.predicate for f in facts_of(doc.text)] == []
