"""Positions (holdsPosition) and the entity they belong to (``of``), on real
parses of sentences written for these tests, with sentences that must give
nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def positions(text: str) -> list[tuple[str, str, str]]:
    """(holder, role, of) of each holdsPosition fact, keys without their kind."""
    return [
        (f.subject.split("/")[-1], f.value or "", (f.of or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate == "holdsPosition"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pierre Morin (sénateur républicain du Nouveau-Mexique depuis 1990) a voté.",
            ("pierre-morin", "sénateur", "nouveau-mexique"),
        ),
        (
            "Le député socialiste de la Gironde, Paul Roux, a voté contre le texte.",
            ("paul-roux", "député", "gironde"),
        ),
        (
            "Claire Petit, sénatrice démocrate de l'Oregon, a signé la lettre.",
            ("claire-petit", "sénatrice", "oregon"),
        ),
    ],
)
def test_positions_elected_for_a_territory_belong_to_the_place(nlp, text, expected) -> None:
    assert positions(text) == [expected]


def test_positions_a_party_label_still_makes_a_member(nlp) -> None:
    text = "Pierre Morin (sénateur républicain du Nouveau-Mexique depuis 1990) a voté."
    members = [f.object for f in facts_of(text) if f.predicate == "memberOf"]
    assert members == ["organization/parti-republicain"]


@pytest.mark.parametrize(
    "text",
    [
        # no place in the complement: the party stays the role's label
        "Le sénateur républicain Pierre Morin a voté.",
        # a minister is no elected representative of a territory
        "Le ministre belge de l'Intérieur, Paul Roux, a parlé à Lille.",
    ],
)
def test_positions_other_roles_keep_their_entity(nlp, text) -> None:
    ((_, _, of),) = positions(text)
    assert of in ("parti-republicain", "belgique")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jan Novak, ministre de l'Environnement de la République tchèque, est arrivé.",
            ("jan-novak", "ministre de l'Environnement", "tchequie"),
        ),
        (
            "Le ministre de la Santé de la République française, Paul Roux, a parlé.",
            ("paul-roux", "ministre de la Santé", "france"),
        ),
    ],
)
def test_positions_a_country_named_by_a_noun_and_its_demonym(nlp, text, expected) -> None:
    assert positions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le rapporteur de la Commission des droits de l'homme de l'ONU pour Haïti,"
            " Anne Roux, a demandé la libération des prisonniers.",
            ("anne-roux", "rapporteur", "commission-des-droits-de-l-homme"),
        ),
        (
            "Le président de la Fédération des mineurs de la Pologne, Jan Lis, a appelé à agir.",
            ("jan-lis", "président", "federation-des-mineurs"),
        ),
    ],
)
def test_positions_the_first_of_several_complements(nlp, text, expected) -> None:
    (found,) = positions(text)
    assert found[:2] == expected[:2]
    assert found[2].startswith(expected[2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Parlement a investi le vice-président Marin de tous les pouvoirs.", "vice-président"),
        ("Les généraux ont reconnu l'autorité du nouveau président Marin.", "nouveau président"),
        ("Hier, le ministre Lamarque a démissionné.", "ministre"),
    ],
)
def test_positions_a_name_after_a_role_noun_is_a_person(nlp, text, expected) -> None:
    ((holder, role, of),) = positions(text)
    assert holder in ("marin", "lamarque") and (role, of) == (expected, "")


@pytest.mark.parametrize(
    "text",
    [
        # a party's name or an acronym after a role is its label, not its holder
        "Le député UMP a voté contre le texte.",
        "Le candidat Démocrate a perdu.",
    ],
)
def test_positions_a_label_after_a_role_noun_is_no_holder(nlp, text) -> None:
    assert positions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one appointed is the object; the subject appointed them
        ("Le parlement a nommé Anne Roux présidente par intérim.", [("anne-roux", "présidente")]),
        # the subject of a passive appointment takes the role; a verb is no modifier
        ("Anne Roux a été élue présidente du Sénat.", [("anne-roux", "présidente")]),
    ],
)
def test_positions_appointed(nlp, text, expected) -> None:
    assert [(holder, role) for holder, role, _ in positions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the role with a determiner names the one invested, not the subject's role
        "La présidente du Sénat, Anne Roux, a investi le vice-président de tous les pouvoirs.",
        "Anne Roux a nommé le ministre de l'Intérieur à la tête de la commission.",
    ],
)
def test_positions_a_role_with_a_determiner_is_not_given_to_the_subject(nlp, text) -> None:
    assert [role for holder, role, _ in positions(text) if holder == "anne-roux"] in (
        [],
        ["présidente"],
    )
