"""Attitudes and contacts: the readings they refuse (a question, a quote nobody
says, a town after a place preposition), the clitic object of a second verb, and
the addressee of a letter or a handed-over document; real parses of sentences
written for these tests."""

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


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Paul Girard a critiqué Anne Roux, l'accusant d'avoir menti.", "accused",
         ("paul-girard", "anne-roux")),
        ("La CGT a dénoncé Marc Petit et l'a accusé de mentir.", "accused", ("cgt", "marc-petit")),
        ("La CGT a salué Marc Petit, le soutenant dans sa démarche.", "supported",
         ("cgt", "marc-petit")),
        (
            "Marc Petit a pris la parole. Il a qualifié M. Girard de « menteur », l'accusant "
            "d'avoir « trahi » ses électeurs.",
            "accused",
            ("marc-petit", "girard"),
        ),
    ],
)  # fmt: skip
def test_refusals_a_clitic_object_is_the_object_of_the_first_verb(nlp, text, predicate, expected):
    assert [f[:2] for f in facts(text, predicate)] == [expected]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Paul Girard l'a critiqué hier.", "criticized"),  # no first verb: unknown
        ("Paul Girard a lu le rapport, le critiquant vivement.", "criticized"),  # a thing
        # a relative clause is no second verb of the same subject
        ("Anne Roux a rencontré Paul Girard, qui l'a critiquée.", "criticized"),
    ],
)
def test_refusals_a_clitic_without_a_named_first_object_gives_nothing(nlp, text, predicate):
    assert facts(text, predicate) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a écrit à Anne Roux.", ("paul-girard", "anne-roux")),
        (
            "Paul Girard a écrit une lettre au ministre de l'Intérieur, Marc Petit.",
            ("paul-girard", "marc-petit"),
        ),
        ("Paul Girard a remis un rapport à la CGT.", ("paul-girard", "cgt")),
        (
            "Paul Girard a remis sa démission au président, Marc Petit.",
            ("paul-girard", "marc-petit"),
        ),
        ("Paul Girard a pris contact avec la CGT.", ("paul-girard", "cgt")),
    ],
)
def test_refusals_who_writes_hands_over_or_gets_in_touch_contacts(nlp, text, expected) -> None:
    assert [f[:2] for f in facts(text, "contacted")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a écrit dans Le Monde.",  # a medium, no addressee
        "Paul Girard a écrit un livre sur la CGT.",  # a topic
        "Paul Girard a remis en cause la politique d'Anne Roux.",  # no addressee
        "Paul Girard a pris la parole avec Anne Roux.",  # no "contact"
    ],
)
def test_refusals_writing_or_handing_over_without_an_addressee(nlp, text: str) -> None:
    assert facts(text, "contacted") == []
