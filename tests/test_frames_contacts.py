"""Meetings, contacts and threats in the shapes news writes them, on real
parses of sentences written for these tests, with sentences that must give
nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of

from kg.model import Fact


def pairs(facts: list[Fact], predicate: str) -> set[tuple[str, str]]:
    return {
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1])
        for f in facts
        if f.predicate == predicate
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le ministre de l'Intérieur, Paul Girard, a présenté sa démission au Premier "
            "ministre, Anne Roux.",
            ("paul-girard", "anne-roux"),
        ),
        (
            "Paul Girard a adressé sa démission au président Emmanuel Macron.",
            ("paul-girard", "emmanuel-macron"),
        ),
        (
            "Mardi, Anne Roux a remis sa démission à la présidente de la région, Marie Lenoir.",
            ("anne-roux", "marie-lenoir"),
        ),
    ],
)
def test_contacts_a_resignation_handed_to_someone(nlp, text: str, expected) -> None:
    assert pairs(facts_of(text), "contacted") == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # asking for someone else's resignation hands nothing
        "Emmanuel Macron a demandé la démission de Paul Girard à Anne Roux.",
        "Paul Girard a annoncé sa démission à Lyon.",  # a town says where, not to whom
        "Paul Girard a présenté sa démission mardi.",  # nobody it is handed to
        "La démission de Paul Girard a surpris Anne Roux.",  # not handed by anyone
    ],
)
def test_contacts_no_resignation_handed(nlp, text: str) -> None:
    assert pairs(facts_of(text), "contacted") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Des rencontres entre les dirigeants du Parti socialiste et ceux de l'UMP auront "
            "lieu lundi.",
            {("parti-socialiste", "ump")},
        ),
        (
            "Les discussions entre les responsables de Renault et ceux de Nissan ont repris "
            "mardi à Paris.",
            {("renault", "nissan")},
        ),
        (
            "Une réunion entre les chefs de la CGT et ceux des autres syndicats, la CFDT, "
            "s'est tenue hier.",
            {("cgt", "cfdt")},
        ),
    ],
)
def test_meetings_between_the_leaders_of_two_bodies(nlp, text: str, expected) -> None:
    assert pairs(facts_of(text), "metWith") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a demonstrative with no complement stands for nobody here
        "Une rencontre entre les dirigeants du Parti socialiste et ceux-ci a eu lieu.",
        # things compared, not a meeting
        "Le budget de la France et celui de l'Allemagne ont été discutés à Bruxelles.",
    ],
)
def test_meetings_no_meeting_between_leaders(nlp, text: str) -> None:
    assert pairs(facts_of(text), "metWith") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le Parti socialiste a prévenu que ses ministres quitteraient le gouvernement si "
            "Anne Roux ne retirait pas son projet.",
            ("parti-socialiste", "anne-roux"),
        ),
        (
            "Paul Girard a affirmé qu'il démissionnerait si le Parti socialiste ne changeait "
            "pas de ligne.",
            ("paul-girard", "parti-socialiste"),
        ),
        (
            "Anne Roux a déclaré qu'elle quitterait la coalition si Paul Girard ne "
            "démissionnait pas.",
            ("anne-roux", "paul-girard"),
        ),
        (
            "La CGT a averti que ses adhérents feraient grève si la direction de Renault ne "
            "revenait pas sur sa décision.",
            ("cgt", "renault"),
        ),
        (
            "Paul Girard a menacé de démissionner si Anne Roux ne cède pas.",
            ("paul-girard", "anne-roux"),
        ),
        # the conjunction hung on the condition's subject
        (
            "Anne Roux a menacé de couper les crédits si les partenaires de l'Union européenne "
            "ne réduisaient pas leurs dépenses.",
            ("anne-roux", "union-europeenne"),
        ),
        (
            "Paul Girard a fait savoir qu'il quitterait le gouvernement si Anne Roux ne "
            "démissionnait pas.",
            ("paul-girard", "anne-roux"),
        ),
    ],
)
def test_threats_an_ultimatum(nlp, text: str, expected) -> None:
    assert pairs(facts_of(text), "threatened") == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # a forecast, not the speaker's own act
        "Paul Girard a affirmé que la croissance reprendrait si la BCE ne relevait pas ses taux.",
        # a condition met is a promise
        "Paul Girard a annoncé qu'il resterait si Anne Roux cédait.",
        # a concession
        "Paul Girard a annoncé qu'il resterait même si Anne Roux ne cédait pas.",
        "Paul Girard menace de quitter le parti, même si Anne Roux a promis des réformes.",
        "Paul Girard a menacé de démissionner, même si Anne Roux ne cède pas.",
    ],
)
def test_threats_no_ultimatum(nlp, text: str) -> None:
    assert pairs(facts_of(text), "threatened") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le Parti vert a publié un communiqué. Le porte-parole de cette organisation a "
            "saisi le Conseil d'État.",
            ("parti-vert", "conseil-d-etat"),
        ),
        (
            "Selon une note de la CGT, le président de cette organisation a écrit à Anne Roux.",
            ("cgt", "anne-roux"),
        ),
        # the body referred to, after a quote mark
        (
            "Anne Roux a saisi « le Conseil d'État » de cette affaire.",
            ("anne-roux", "conseil-d-etat"),
        ),
    ],
)
def test_contacts_an_official_of_this_organisation(nlp, text: str, expected) -> None:
    assert pairs(facts_of(text), "contacted") == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # two organisations before: which one is unknown
        "La CGT et la CFDT ont publié une note. Le président de cette "
        "organisation a écrit à Anne Roux.",
        # a definite noun is no pointer to the last one named
        "Le président de l'organisation a écrit à Anne Roux après une note de la CGT.",
        "La police a saisi trois tonnes de cocaïne à Marseille.",  # a thing seized
    ],
)
def test_contacts_no_official_of_this_organisation(nlp, text: str) -> None:
    assert pairs(facts_of(text), "contacted") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anne Roux a reçu Paul Girard à l'Élysée.", {("anne-roux", "paul-girard")}),
        ("Paul Girard a été reçu par Anne Roux à Matignon.", {("anne-roux", "paul-girard")}),
        (
            "Anne Roux a reçu le président de la Commission européenne, Jean Durand.",
            {("anne-roux", "jean-durand")},
        ),
        ("Anne Roux a reçu une délégation du Hamas.", {("anne-roux", "hamas")}),
        ("Paul Girard a reçu une lettre d'Anne Roux.", set()),  # a thing received
        ("Anne Roux a reçu un courrier du Parti vert.", set()),
    ],
)
def test_meetings_a_host_receives_a_visitor(nlp, text: str, expected) -> None:
    assert pairs(facts_of(text), "metWith") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a téléphoné hier à Anne Roux.", {("paul-girard", "anne-roux")}),
        ("Paul Girard a téléphoné hier soir.", set()),
    ],
)
def test_contacts_an_addressee_hung_on_an_adverb(nlp, text: str, expected) -> None:
    assert pairs(facts_of(text), "contacted") == expected


def test_visits_a_complement_of_an_adverb_stays_the_adverbs(nlp) -> None:
    # "loin de Paris" is where he was not
    assert pairs(facts_of("Paul Girard a voyagé loin de Paris."), "visited") == set()


def test_meetings_a_list_of_bodies_after_a_demonstrative(nlp) -> None:
    text = (
        "Une réunion entre les chefs de la CGT et ceux des autres syndicats, la CFDT et "
        "Force ouvrière, s'est tenue hier."
    )
    assert pairs(facts_of(text), "metWith") == {("cgt", "cfdt"), ("cgt", "force-ouvriere")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a adressé une lettre à Anne Roux.", {("paul-girard", "anne-roux")}),
        ("Paul Girard a envoyé un message à Anne Roux.", {("paul-girard", "anne-roux")}),
        ("La CGT a adressé plusieurs lettres à Anne Roux.", {("cgt", "anne-roux")}),
        ("Anne Roux a convoqué Paul Girard.", {("anne-roux", "paul-girard")}),
        ("Paul Girard a été convoqué par Anne Roux.", {("anne-roux", "paul-girard")}),
        ("Anne Roux a envoyé des armes au Hamas.", set()),  # no word sent
        ("Anne Roux a reçu une lettre de Paul Girard.", set()),  # not sent by the subject
    ],
)
def test_contacts_a_letter_sent_or_a_summons(nlp, text: str, expected) -> None:
    assert pairs(facts_of(text), "contacted") == expected
