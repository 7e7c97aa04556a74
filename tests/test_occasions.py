"""The occasion of a statement (a communiqué, a conference, a visit) gives it
its time, its place and, for an aim, its speaker: real parses of sentences
written for these tests, with shapes that must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def said(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (f.subject.split("/")[-1], f.value or "", f.time, (f.place or "").split("/")[-1] or None)
        for f in facts_of(text, date="2005-04-20")
        if f.predicate == "said"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deux ingénieurs ont été libérés à Kaboul, trois jours après la visite du président "
            "Paul Girard en Afghanistan pour annoncer un renfort de soldats.",
            [("paul-girard", "un renfort de soldats", None, "afghanistan")],
        ),
        (
            "Anne Roux a donné une conférence de presse à Lyon pour annoncer sa candidature.",
            [("anne-roux", "sa candidature", None, "lyon")],
        ),
    ],
)
def test_occasions_aim_of_an_occasion_is_said_there(nlp, text: str, expected) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an aim after a verb is only an intention
        "Paul Girard est venu à Lyon pour annoncer sa démission.",
        "Paul Girard a rencontré Anne Roux à Lyon pour annoncer un accord.",
        # an occasion noun whose phrase does not end before the aim
        "La visite de Paul Girard a été reportée pour annoncer la réforme.",
    ],
)
def test_occasions_aim_without_an_occasion_says_nothing(nlp, text: str) -> None:
    assert said(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La direction de Renault a envoyé une lettre, dans la matinée du 12 mars, "
            "dans laquelle elle « regrette cette décision ».",
            [("renault", "regrette cette décision", "2005-03-12", None)],
        ),
        (
            "Le syndicat Force ouvrière a publié un communiqué, le 12 mars, dans lequel il "
            "« dénonce un recul », reconnaissant « une erreur de méthode ».",
            [
                ("syndicat-force-ouvriere", "dénonce un recul", "2005-03-12", None),
                ("syndicat-force-ouvriere", "une erreur de méthode", "2005-03-12", None),
            ],
        ),
        (
            "Paul Girard a publié une lettre le 3 mai 2004, dans laquelle il affirme que "
            "la réforme échouera.",
            [("paul-girard", "la réforme échouera", "2004-05-03", None)],
        ),
        (
            "Anne Roux a tenu une conférence de presse à Lyon, au cours de laquelle elle a "
            "déclaré que la grève continuerait.",
            [("anne-roux", "la grève continuerait", None, "lyon")],
        ),
    ],
)
def test_occasions_what_is_said_in_a_communique_takes_its_time_and_place(
    nlp, text: str, expected
) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause on a noun of another kind: no occasion, no date
        (
            "Le 3 mai, Paul Girard a acheté la maison, dans laquelle il affirme avoir grandi.",
            [("paul-girard", "avoir grandi", None, None)],
        ),
        (
            "Paul Girard a visité une usine le 3 mai, dans laquelle il affirme avoir travaillé.",
            [("paul-girard", "avoir travaillé", None, None)],
        ),
    ],
)
def test_occasions_relative_on_another_noun_gives_no_occasion(nlp, text: str, expected) -> None:
    assert said(text) == expected
