"""Role phrases: positions, membership and employment, on real parses of
sentences written for these tests, with sentences that must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def facts(text: str, predicate: str) -> list[tuple[str, str]]:
    found = []
    for f in facts_of(text):
        if f.predicate == predicate:
            other = f.object or f.value or ""
            found.append((f.subject.split("/")[-1], other.split("/")[-1]))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a été élu président de l'Union démocratique.", "union-democratique"),
        (
            "Anne Roux, l'une des dirigeantes de l'Union démocratique, a protesté.",
            "union-democratique",
        ),
        ("Le député UMP, Jacques Morel, a protesté.", "ump"),
        ("Jacques Morel, fondateur de l'Union démocratique, a protesté.", "union-democratique"),
        # an adjective or an apposition with a number between the name and the role
        ("Luc Marin, actuel vice-président de l'Union démocratique, a voté.", "union-democratique"),
        (
            "Luc Marin, âgé de 48 ans, président de l'Union démocratique, a voté.",
            "union-democratique",
        ),
        (
            "Luc Marin, 48 ans, l'actuel président de l'Union démocratique, a voté.",
            "union-democratique",
        ),
    ],
)
def test_roles_leaders_and_elected_are_members(nlp, text: str, expected: str) -> None:
    assert [other for _, other in facts(text, "memberOf")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le président de la Roumanie, Paul Girard, a protesté.",  # a place, not an organisation
        "Le président Paul Girard a protesté.",  # no organisation
        "Paul Girard a critiqué l'Union démocratique.",
    ],
)
def test_roles_no_membership_without_an_organisation(nlp, text: str) -> None:
    assert facts(text, "memberOf") == []


@pytest.mark.parametrize(
    "text",
    [
        # an apposition naming a place, or too long, is no gap between name and role
        "Luc Marin, arrivé à Lyon en 2004, président de l'Union démocratique, a voté.",
        "Luc Marin, qui a quitté son poste il y a 12 ans, président de l'Union, a voté.",
    ],
)
def test_roles_holder_not_across_a_long_or_named_apposition(nlp, text: str) -> None:
    assert facts(text, "holdsPosition") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Paul Girard a été élu président de l'Union démocratique.", "président"),
        ("Paul Girard est devenu ministre de la Santé.", "ministre de la Santé"),
        ("Le cardinal Paul Girard a célébré la messe.", "cardinal"),
        ("L'amiral Paul Girard a inspecté la flotte.", "amiral"),
    ],
)
def test_roles_positions_in_more_shapes(nlp, text: str, role: str) -> None:
    ((holder, value),) = facts(text, "holdsPosition")
    assert holder == "paul-girard" and role in value


def test_roles_appointment_verb_needs_a_person_subject(nlp) -> None:
    assert facts("Le comité a été élu président de séance.", "holdsPosition") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Paul Girard, directeur de la banque Crédit Mutuel, a démissionné.", "credit-mutuel"),
        ("Anne Roux, émissaire de l'Union africaine, est arrivée.", "union-africaine"),
        # the organisation in a "de" phrase after the name
        ("La correspondante Anne Roux, du Figaro, est rentrée de Kiev.", "figaro"),
        ("La journaliste Anne Roux, du quotidien Le Soir, a été libérée.", "le-soir"),
        ("Le journaliste Paul Girard, de la chaîne TF1, a été libéré.", "tf1"),
        # the organisation's kind between the role and its name
        ("Anne Roux, directrice de l'entreprise Danone, a démissionné.", "danone"),
        # a role of two nouns joined by a hyphen, which the tokenizer splits
        ("Le départ de Paul Girard, ancien président-directeur général de Renault.", "renault"),
        ("Anne Roux, présidente-directrice générale de Renault, a signé.", "renault"),
    ],
)
def test_roles_executives_and_envoys_work_for_their_organisation(nlp, text: str, org: str) -> None:
    assert [other for _, other in facts(text, "worksFor")] == [org]


def test_roles_a_de_phrase_naming_no_organisation_is_no_employer(nlp) -> None:
    assert facts("Le journaliste Paul Girard, de retour de Kiev, a parlé.", "worksFor") == []


def test_roles_executive_of_a_place_works_for_nobody(nlp) -> None:
    assert facts("Paul Girard, directeur de la France, a démissionné.", "worksFor") == []
    assert facts("La journaliste Anne Roux, de Lyon, a été libérée.", "worksFor") == []


def test_roles_appointed_in_a_participle_phrase(nlp) -> None:
    text = "Anne Roux, désignée ambassadrice au Japon par le gouvernement, a pris ses fonctions."
    # the participle appoints: it is not part of the role
    assert facts(text, "holdsPosition") == [("anne-roux", "ambassadrice")]


def test_roles_a_year_in_the_role_phrase_dates_it(nlp) -> None:
    dated = facts_of("Paul Girard (député socialiste de la Gironde depuis 1997) a voté.")
    # "député socialiste" also names the party he belongs to, from the same year
    assert [(f.predicate, f.time) for f in dated] == [
        ("holdsPosition", "1997"),
        ("memberOf", "1997"),
    ]
    # a year after the role phrase dates the vote, not the role
    later = facts_of("Paul Girard, député de la Gironde, a voté en 1990.")
    assert [(f.predicate, f.time) for f in later] == [("holdsPosition", None)]


def test_roles_possessive_belongs_to_the_clause_subject(nlp) -> None:
    text = (
        "L'Union démocratique a annoncé, par la voix de son président, Paul Girard, "
        "qu'elle partait."
    )
    (position,) = [f for f in facts_of(text) if f.predicate == "holdsPosition"]
    assert position.of == "organization/union-democratique"
    # a person's "son conseiller" names no organisation
    (position,) = [
        f
        for f in facts_of("Anne Roux a présenté son conseiller, Paul Girard, aux élus.")
        if f.predicate == "holdsPosition"
    ]
    assert position.of is None


@pytest.mark.parametrize(
    "text",
    [
        "La Fédération française de rugby, représentée par Paul Girard, a signé l'accord.",
        "Paul Girard représente la Fédération française de rugby au conseil.",
    ],
)
def test_roles_who_represents_an_organisation_speaks_for_it(nlp, text: str) -> None:
    assert facts(text, "speaksFor") == [("paul-girard", "federation-francaise-de-rugby")]


def test_roles_a_thing_that_represents_speaks_for_nobody(nlp) -> None:
    assert facts("Ce vote représente un tournant pour la France.", "speaksFor") == []


@pytest.mark.parametrize(
    ("text", "holder", "role"),
    [
        # a title between the comma and the name
        (
            "Le bureau a exigé que son directeur, M. Roux, rende les comptes.",
            "roux",
            "directeur",
        ),
        # the role's scope in a "pour" phrase before the name
        (
            "Le rapporteur de l'UNESCO pour le Sahel, Anne Roux, a visité trois écoles.",
            "anne-roux",
            "rapporteur",
        ),
    ],
)
def test_roles_holder_after_a_title_or_a_scope(nlp, text: str, holder: str, role: str) -> None:
    ((who, value),) = facts(text, "holdsPosition")
    assert who == holder and value.startswith(role)


def test_roles_a_scope_naming_a_person_is_no_gap(nlp) -> None:
    # the person inside the "pour" phrase is no holder named after the role
    text = "Le conseiller pour Paul Girard, Anne Roux, est arrivé."
    assert ("anne-roux", "conseiller") not in facts(text, "holdsPosition")


def test_roles_with_an_elision_match(nlp) -> None:
    text = "Antony Blinken, secrétaire d'État américain, est arrivé à Kiev."
    assert facts(text, "holdsPosition") == [("antony-blinken", "secrétaire d'État")]
    # the role noun without its complement is another word
    assert facts("Antony Blinken, secrétaire, est arrivé à Kiev.", "holdsPosition") == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Paul Girard, du parti Les Républicains, a voté contre.", "republicains"),
        ("Anne Roux, du Parti socialiste, a voté contre.", "parti-socialiste"),
        ("Paul Girard (parti Les Républicains) a voté contre.", "republicains"),
    ],
)
def test_roles_a_party_label_after_a_name_is_membership(nlp, text: str, party: str) -> None:
    assert [other for _, other in facts(text, "memberOf")] == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux, de Radio France, a voté contre.",  # an organisation that is no party
        "Anne Roux a rejoint Lyon, puis le parti Les Républicains a voté.",  # no label
        # a party said to be of no person, or not set off by a comma
        "Mahmoud Abbas a voté. Le scrutin sera dominé par le Fatah, le parti de la majorité.",
        "Mahmoud Abbas a voté. Le scrutin sera dominé par le Fatah et le parti de M. Abbas.",
        "Mahmoud Abbas a voté. Le Fatah, le rival de Mahmoud Abbas, a perdu.",
    ],
)
def test_roles_no_party_label_no_membership(nlp, text: str) -> None:
    assert facts(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Luc Marin, vice-président du Parti socialiste et ministre de la Santé, a démissionné.",
            ["vice-président", "ministre de la Santé"],
        ),
        (
            "Anne Roux, maire de Nantes et présidente de la région, a répondu.",
            ["maire", "présidente de la région"],
        ),
    ],
)
def test_roles_coordinated_roles_share_the_holder(nlp, text: str, roles: list[str]) -> None:
    holders = {holder for holder, _ in facts(text, "holdsPosition")}
    assert sorted(value for _, value in facts(text, "holdsPosition")) == sorted(roles)
    assert len(holders) == 1


@pytest.mark.parametrize(
    "text",
    [
        # "et" after a verb or a comma joins clauses or a list, not two roles
        "Luc Marin, ministre de la Santé, a démissionné et le président a réagi.",
        "Luc Marin, ministre de la Santé, a reçu Anne Roux et le président.",
    ],
)
def test_roles_no_coordination_across_a_clause(nlp, text: str) -> None:
    assert facts(text, "holdsPosition") == [("luc-marin", "ministre de la Santé")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mahmoud Abbas a voté. "
            "Le scrutin sera dominé par le Fatah, le mouvement de Mahmoud Abbas.",
            ("mahmoud-abbas", "fatah"),
        ),
        (
            "Le député Luc Marin a voté. "
            "Les sondages favorisent le Parti socialiste, le parti de Luc Marin.",
            ("luc-marin", "parti-socialiste"),
        ),
    ],
)
def test_roles_a_party_said_to_be_someones_has_them_as_member(
    nlp, text: str, expected: tuple[str, str]
) -> None:
    assert facts(text, "memberOf") == [expected]


def test_roles_kind_of_organisation_is_not_in_the_value(nlp) -> None:
    text = "Paul Girard, porte-parole de la société Renault, a protesté."
    assert facts(text, "holdsPosition") == [("paul-girard", "porte-parole")]
    assert facts(text, "speaksFor") == [("paul-girard", "renault")]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a complement naming no organisation stays in the role
        ("Paul Girard, ministre de l'Intérieur, a protesté.", "ministre de l'Intérieur"),
        ("Paul Girard, chef d'état-major, a protesté.", "chef d'état-major"),
        (
            "Paul Girard, directeur de la communication, a protesté.",
            "directeur de la communication",
        ),
    ],
)
def test_roles_common_complement_stays_in_the_value(nlp, text: str, role: str) -> None:
    assert facts(text, "holdsPosition") == [("paul-girard", role)]
