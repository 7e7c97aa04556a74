"""Visits and meetings in the shapes news writes them, on real parses of
sentences written for these tests, with sentences that must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of

from kg.model import Fact


def events(facts: list[Fact], predicate: str) -> list[tuple[str, str, str | None]]:
    return [
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1], f.time)
        for f in facts
        if f.predicate == predicate
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En 1990, Paul Dupont a passé trois semaines au Japon.", ("paul-dupont", "japon", "1990")),
        (
            "Paul Dupont a passé deux semaines de vacances à Rome en 2003.",
            ("paul-dupont", "rome", "2003"),
        ),
        (
            "« Quand j'avais dix ans, j'ai passé un mois en Italie, chez des amis », "
            "a raconté Paul Dupont.",
            ("paul-dupont", "italie", None),
        ),
    ],
)
def test_visits_a_stay_is_a_visit(nlp, text: str, expected) -> None:
    assert events(facts_of(text), "visited") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Dupont a passé cinq ans à la Commission européenne.",  # a post, not a place
        "Paul Dupont est passé à Lyon hier.",  # no length of time: no stay
        "Paul Dupont a passé trois ans en prison.",  # no named place
        "« J'ai passé un mois en Italie », a-t-on entendu.",  # a quote of nobody
    ],
)
def test_visits_no_stay(nlp, text: str) -> None:
    assert events(facts_of(text), "visited") == []
