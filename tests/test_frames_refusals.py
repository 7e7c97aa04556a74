"""Attitudes and contacts: the readings they refuse (a question, a quote nobody
says, a town after a place preposition), and those they keep; real parses of
sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import facts_of


def facts(text: str, predicate: str) -> list[tuple[str, str, str, str]]:
    return [
        (
            f.subject.split("/")[-1],
            (f.object or "").split("/")[-1],
            f.polarity.value,
            f.modality.value,
        )
        for f in facts_of(text)
        if f.predicate == predicate
    ]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Paul Girard soutient-il la CGT ?", "supported"),
        ("Anne Roux a-t-elle accusé la CGT de mentir ?", "accused"),
        # a question inside a quote, said by someone: still nothing asserted
        ("« Pourquoi Paul Girard soutient-il la CGT ? », a demandé Anne Roux.", "supported"),
    ],
)
def test_refusals_a_question_asserts_no_attitude(nlp, text: str, predicate: str) -> None:
    assert facts(text, predicate) == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Paul Girard soutient la CGT.", "supported", ("paul-girard", "cgt")),
        ("Anne Roux a accusé la CGT de mentir.", "accused", ("anne-roux", "cgt")),
        # the question is another clause, after the attitude's own full stop
        (
            "Anne Roux a accusé la CGT de mentir. Que fera-t-elle ?",
            "accused",
            ("anne-roux", "cgt"),
        ),
    ],
)
def test_refusals_the_same_attitude_stated_stands(nlp, text, predicate, expected) -> None:
    assert facts(text, predicate) == [(*expected, "positive", "asserted")]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("« Paul Girard a critiqué la CGT. »", "criticized"),
        ("« Anne Roux soutient la CGT », pouvait-on lire sur une banderole.", "supported"),
    ],
)
def test_refusals_a_quote_nobody_says_gives_no_attitude(nlp, text: str, predicate: str) -> None:
    assert facts(text, predicate) == []


def test_refusals_a_quote_with_its_speaker_keeps_the_attitude(nlp) -> None:
    text = "Anne Roux a déclaré : « Paul Girard a critiqué la CGT. »"
    (fact,) = [f for f in facts_of(text) if f.predicate == "criticized"]
    assert (fact.subject, fact.object, fact.source) == (
        "person/paul-girard",
        "organization/cgt",
        "person/anne-roux",
    )


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        # negated or possible: still a fact, with its polarity or modality
        ("Paul Girard n'a pas critiqué Anne Roux.", "criticized", ("negative", "asserted")),
        ("Paul Girard pourrait soutenir la CGT.", "supported", ("positive", "possible")),
        ("La CGT a retiré son soutien à Anne Roux.", "supported", ("negative", "asserted")),
    ],
)
def test_refusals_negated_or_possible_attitudes_stay_facts(nlp, text, predicate, expected) -> None:
    assert [f[2:] for f in facts(text, predicate)] == [expected]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Paul Girard a dénoncé la réforme à Lyon.", "criticized"),
        ("Paul Girard a critiqué la décision à Marseille dimanche.", "criticized"),
        ("Anne Roux a apporté son soutien à Bordeaux.", "supported"),
        ("La CGT a écrit à Lyon.", "contacted"),
    ],
)
def test_refusals_a_town_after_a_preposition_is_where_not_whom(nlp, text, predicate) -> None:
    assert facts(text, predicate) == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        # the place qualifier keeps the town; the target is the person
        ("Le Maroc a protesté auprès de l'Espagne à Rabat.", "criticized", ("maroc", "espagne")),
        # a country after "à" is whom the verb names
        ("Anne Roux a reproché à la France son silence.", "criticized", ("anne-roux", "france")),
        ("Paul Girard a apporté son soutien à l'Ukraine.", "supported", ("paul-girard", "ukraine")),
    ],
)
def test_refusals_a_country_or_a_person_after_a_preposition_stays(nlp, text, predicate, expected):
    assert [f[:2] for f in facts(text, predicate)] == [expected]
