"""Visits and meetings in the shapes news writes them, on real parses of
sentences written for these tests, with sentences that must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of
from factory import hand_doc, token

from kg.model import Fact
from kg.syntax import reporting_subject


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


@pytest.mark.parametrize(
    ("clause", "expected"),
    [("ccomp", "Paul"), ("advcl", None), ("acl:relcl", None)],
)
def test_visits_the_pronoun_of_a_reported_plan_is_the_reporter(clause, expected) -> None:
    # "Paul Girard a laissé entendre qu'il rencontrerait Anne Roux": the
    # subject climbs from the infinitive; only a complement clause reports
    doc = hand_doc(
        f"""
        Paul Paul PROPN 4 nsubj
        Girard Girard PROPN 1 flat:name
        a avoir AUX 4 aux:tense
        laissé laisser VERB 0 ROOT
        entendre entendre VERB 4 xcomp
        qu' que SCONJ 8 mark
        il il PRON 8 nsubj
        rencontrerait rencontrer VERB 5 {clause}
        Anne Anne PROPN 8 obj
        Roux Roux PROPN 9 flat:name
        """
    )
    found = reporting_subject(token(doc, "il"))
    assert (found.text if found is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "polarity", "modality"),
    [
        ("Olaf Scholz a demandé à rencontrer Pedro Sanchez.", "positive", "planned"),
        ("Olaf Scholz a sollicité de rencontrer Pedro Sanchez.", "positive", "planned"),
        ("Emmanuel Macron et Olaf Scholz se rencontreront à Berlin.", "positive", "planned"),
        ("Emmanuel Macron n'a jamais rencontré Vladimir Poutine.", "negative", "asserted"),
        (
            "La rencontre entre Emmanuel Macron et Olaf Scholz a été reportée.",
            "negative",
            "asserted",
        ),
    ],
)
def test_visits_a_meeting_requested_planned_or_denied(nlp, text, polarity, modality) -> None:
    found = [
        (f.polarity.value, f.modality.value) for f in facts_of(text) if f.predicate == "metWith"
    ]
    assert found == [(polarity, modality)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Dupont est rentré de Moscou mardi.", ("paul-dupont", "moscou")),
        ("La ministre Anne Roux est revenue de Chine avec un accord.", ("anne-roux", "chine")),
        ("Anne Roux est rentrée du Japon, a rapporté la presse.", ("anne-roux", "japon")),
    ],
)
def test_visits_back_from_a_place(nlp, text: str, expected) -> None:
    assert [(s, o) for s, o, _ in events(facts_of(text), "visited")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Dupont est revenu à Paris hier.",  # going back, often home
        "Paul Dupont a fait revenir ses troupes de Syrie.",  # the troops came back
        "Paul Dupont est revenu sur ses propos au sujet de la Syrie.",  # no place left
    ],
)
def test_visits_not_back_from_a_place(nlp, text: str) -> None:
    assert events(facts_of(text), "visited") == []


def test_visits_the_place_visited_is_the_place_of_the_visit(nlp) -> None:
    facts = [
        f for f in facts_of("Paul Dupont est revenu de Lyon à Paris.") if f.predicate == "visited"
    ]
    assert [(f.object, f.place) for f in facts] == [("place/lyon", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lors de sa visite à Lyon, dans l'est de la France, Paul Dupont a parlé.",
            {("paul-dupont", "lyon"), ("paul-dupont", "france")},
        ),
        (
            "Paul Dupont a visité la ville allemande de Brême.",
            {("paul-dupont", "breme"), ("paul-dupont", "allemagne")},
        ),
        (
            "Paul Dupont s'est rendu dans la ville irakienne de Tikrit.",
            {("paul-dupont", "tikrit"), ("paul-dupont", "irak")},
        ),
    ],
)
def test_visits_a_place_and_the_place_around_it(nlp, text: str, expected) -> None:
    assert {(s, o) for s, o, _ in events(facts_of(text), "visited")} == expected


def test_visits_a_place_inside_another_in_another_sentence_is_no_visit_there(nlp) -> None:
    text = (
        "Paul Dupont s'est rendu à Tikrit. La ville de Tikrit, dans le nord de l'Irak, est calme."
    )
    assert [(s, o) for s, o, _ in events(facts_of(text), "visited")] == [("paul-dupont", "tikrit")]


@pytest.mark.parametrize(
    ("text", "expected", "modality"),
    [
        (
            "Olaf Scholz, en visite en France, a signé un accord.",
            ("olaf-scholz", "france"),
            "asserted",
        ),
        ("Olaf Scholz est en visite officielle au Japon.", ("olaf-scholz", "japon"), "asserted"),
        ("Olaf Scholz était en déplacement à Rome mardi.", ("olaf-scholz", "rome"), "asserted"),
        (
            "Lors d'une visite à Rome, Paul Dupont a signé un accord.",
            ("paul-dupont", "rome"),
            "asserted",
        ),
        (
            "Pendant une visite au Japon, Anne Roux a rencontré Jean Martin.",
            ("anne-roux", "japon"),
            "asserted",
        ),
        (
            "Olaf Scholz sera en visite au Japon la semaine prochaine.",
            ("olaf-scholz", "japon"),
            "planned",
        ),
    ],
)
def test_visits_on_a_visit(nlp, text: str, expected, modality: str) -> None:
    found = [
        ((f.subject.split("/")[-1], (f.object or "").split("/")[-1]), f.modality.value)
        for f in facts_of(text)
        if f.predicate == "visited"
    ]
    assert found == [(expected, modality)]


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Scholz n'est pas en visite au Japon.",  # denied: no visit
        "Olaf Scholz a critiqué Pedro Sanchez, en visite à Rome.",  # the visitor is the other
        "Le programme, en visite à Rome, a changé.",  # nobody named
    ],
)
def test_visits_not_on_a_visit(nlp, text: str) -> None:
    visitors = {f.subject for f in facts_of(text) if f.predicate == "visited"}
    assert visitors <= {"person/pedro-sanchez"}


def test_visits_a_call_is_no_meeting(nlp) -> None:
    facts = facts_of("Olaf Scholz a eu un entretien téléphonique avec Pedro Sanchez.")
    assert {f.predicate for f in facts if f.object == "person/pedro-sanchez"} == {"contacted"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a slogan or a title: words in quote marks that nobody said
        ("« Emmanuel Macron a rencontré Olaf Scholz hier », pouvait-on lire sur une pancarte.", []),
        ("On pouvait lire : « Emmanuel Macron s'est rendu à Berlin ».", []),
        # said by someone: kept, with its source
        (
            "« Emmanuel Macron s'est rendu à Berlin », a déclaré Olaf Scholz.",
            [("visited", "person/emmanuel-macron", "person/olaf-scholz")],
        ),
    ],
)
def test_visits_in_a_quote_of_nobody_give_nothing(nlp, text: str, expected) -> None:
    found = [
        (f.predicate, f.subject, f.source)
        for f in facts_of(text)
        if f.predicate in ("visited", "metWith")
    ]
    assert found == expected


def test_visits_a_weekday_between_the_verb_and_the_place(nlp) -> None:
    # the parser hangs "en Chine" on "lundi", which it takes for a predicate
    text = (
        "Le Premier ministre belge Paul Dupont s'est rendu lundi en Chine pour sa première "
        "visite officielle."
    )
    assert [(s, o) for s, o, _ in events(facts_of(text), "visited")] == [("paul-dupont", "chine")]


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        # the parser takes the name after the verb for a modifier, not the object
        ("Paul Dupont rencontrera Jean Martin lundi 25 avril.", "positive"),
        ("Joe Biden n'a pas rencontré Xi Jinping.", "negative"),
    ],
)
def test_visits_a_name_right_after_the_verb_is_its_object(nlp, text: str, polarity: str) -> None:
    found = [f.polarity.value for f in facts_of(text) if f.predicate == "metWith"]
    assert found == [polarity]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De retour de Pékin, Paul Girard a déclaré que l'accord était proche.",
            ("paul-girard", "pekin"),
        ),
        ("Paul Girard, de retour du Japon, a présenté le projet.", ("paul-girard", "japon")),
        ("À son retour de Chine, Paul Girard a signé un accord.", ("paul-girard", "chine")),
    ],
)
def test_visits_on_the_way_back_from_a_place(nlp, text: str, expected) -> None:
    assert [(s, o) for s, o, _ in events(facts_of(text), "visited")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "De retour à Paris, Paul Girard a signé un accord.",  # the place gone back to
        "Le retour de la France dans le commandement de l'OTAN a été décidé.",  # nobody back
        "À son retour de vacances, Paul Girard a signé un accord.",  # no place
    ],
)
def test_visits_not_on_the_way_back_from_a_place(nlp, text: str) -> None:
    assert events(facts_of(text), "visited") == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        # the one asked to go goes, not the one who asks
        ("Paul Girard a demandé à Anne Roux de visiter Lyon.", "visited", ("anne-roux", "lyon")),
        (
            "Paul Girard a conseillé à Anne Roux de rencontrer Marc Petit.",
            "metWith",
            ("anne-roux", "marc-petit"),
        ),
    ],
)
def test_visits_the_one_asked_to_go_is_the_visitor(nlp, text, predicate, expected) -> None:
    assert [(s, o) for s, o, _ in events(facts_of(text), predicate)] == [expected]


def test_visits_a_promise_keeps_its_subject_as_the_visitor(nlp) -> None:
    found = events(facts_of("Paul Girard a promis de visiter Lyon à Anne Roux."), "visited")
    assert [(s, o) for s, o, _ in found] == [("paul-girard", "lyon")]
