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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jean Morel, secrétaire d'État américain, a parlé.",
            ("jean-morel", "secrétaire d'État", "etats-unis"),
        ),
        (
            "Le secrétaire d’État belge, Jean Morel, a parlé.",
            ("jean-morel", "secrétaire d'État", "belgique"),  # apostrophes made plain
        ),
    ],
)
def test_positions_a_role_with_an_elision_and_its_demonym(nlp, text, expected) -> None:
    assert positions(text) == [expected]


def test_positions_no_role_in_a_name_with_an_elision(nlp) -> None:
    assert positions("Le Conseil d'État a rejeté le recours de Jean Morel.") == []
    assert positions("Les chefs d'État européens ont reçu Jean Morel.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La secrétaire d'État aux Transports, Anne Roux, a parlé.",
            "secrétaire d'État aux Transports",
        ),
        ("Le ministre délégué à la Ville, Paul Roux, a parlé.", "ministre délégué à la Ville"),
        ("Paul Roux, commissaire au Plan, a parlé.", "commissaire au Plan"),
    ],
)
def test_positions_a_portfolio_after_a_role(nlp, text, expected) -> None:
    assert [role for _, role, _ in positions(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a lower-case noun is no portfolio, a place is no portfolio
        "Le ministre à la retraite Paul Roux a parlé.",
        "Paul Roux, envoyé à Paris, a parlé.",
    ],
)
def test_positions_no_portfolio_without_a_capitalised_noun(nlp, text) -> None:
    assert [role for _, role, _ in positions(text) if " à" in role or " au" in role] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jean Morel, chargé des relations extérieures, a parlé.",
            ("jean-morel", "chargé des relations extérieures"),
        ),
        (
            "Paul Roux (chargé de la communication du Parti vert) a parlé.",
            ("paul-roux", "chargé de la communication"),
        ),
        (
            "Anne Roux, chargée d'affaires à l'ambassade, a parlé.",
            ("anne-roux", "chargée d'affaires"),
        ),
    ],
)
def test_positions_charge_de(nlp, text, expected) -> None:
    assert [(holder, role) for holder, role, _ in positions(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux, chargée de rédiger le rapport, a parlé.",  # a task, not a position
        "Le navire, chargé de pétrole, a coulé devant Brest.",  # no person
    ],
)
def test_positions_charge_de_gives_nothing(nlp, text) -> None:
    assert positions(text) == []


def test_positions_a_deposed_role_is_no_antecedent_of_the_role(nlp) -> None:
    text = (
        "Le Congrès a investi le nouveau président Marin. "
        "Le président déchu a affirmé qu'il resterait au pays."
    )
    said = [f.subject for f in facts_of(text) if f.predicate == "said"]
    assert not any(subject.endswith("/marin") for subject in said)
    text = text.replace("déchu", "élu")  # another modifier: the same mistake
    said = [f.subject for f in facts_of(text) if f.predicate == "said"]
    assert not any(subject.endswith("/marin") for subject in said)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jan Novak, actuel vice-président du Parti social-démocrate slovaque, est pressenti.",
            ("jan-novak", "vice-président", "parti-social-democrate-slovaque"),
        ),
        (
            "Anne Roux, présidente de l'Union chrétienne-démocrate belge, a parlé.",
            ("anne-roux", "présidente", "union-chretienne-democrate-belge"),
        ),
        # a dictionary noun and a demonym describe: the country is the role's
        (
            "Le président du Conseil italien, Paolo Rossi, a parlé.",
            ("paolo-rossi", "président du Conseil", "italie"),
        ),
    ],
)
def test_positions_a_hyphenated_word_makes_a_complement_a_name(nlp, text, expected) -> None:
    assert positions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le gouvernement belge, par la voix de Jean Morel, ministre des Finances,"
            " a annoncé son intention de réformer l'impôt.",
            ("jean-morel", "ministre des Finances", "belgique"),
        ),
        (
            "Les autorités suisses ont fait savoir, par la voix de Paul Roux, conseiller"
            " fédéral, qu'elles refusaient.",
            ("paul-roux", "conseiller", "suisse"),
        ),
    ],
)
def test_positions_of_the_one_a_holder_speaks_for(nlp, text, expected) -> None:
    assert positions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the role names its own entity: it keeps it
        (
            "Le Kremlin, par la voix de Dmitri Peskov, attaché de presse de Vladimir Poutine,"
            " a démenti.",
            ("dmitri-peskov", "attaché de presse", "vladimir-poutine"),
        ),
        # a party speaks through a minister: the ministry is not the party's
        (
            "L'Union démocratique, représentée par Luc Marin (ministre de l'Intérieur),"
            " a annoncé son départ.",
            ("luc-marin", "ministre de l'Intérieur", ""),
        ),
        # no voice: the role stays without an entity
        (
            "Jean Morel, ministre des Finances, a annoncé une réforme.",
            ("jean-morel", "ministre des Finances", ""),
        ),
    ],
)
def test_positions_a_voice_completes_nothing_else(nlp, text, expected) -> None:
    assert positions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paul Roux, qui est président du Parti vert, a parlé.",
            ("paul-roux", "président", "parti-vert"),
        ),
        (
            "Heinz Müller, âgé de 35 ans, qui était jusqu'ici chef du parti, a été élu.",
            ("heinz-muller", "chef du parti", ""),
        ),
    ],
)
def test_positions_in_a_relative_clause(nlp, text, expected) -> None:
    assert positions(text) == [expected]


def test_positions_a_relative_clause_on_no_person_gives_nothing(nlp) -> None:
    assert positions("La ville, qui est capitale du pays depuis 1990, a voté.") == []
    # negated: stated as it is
    ((holder, role, _),) = positions("Paul Roux, qui n'est pas ministre, a parlé.")
    negative = [f for f in facts_of("Paul Roux, qui n'est pas ministre, a parlé.")]
    assert (holder, role) == ("paul-roux", "ministre")
    assert [f.polarity.value for f in negative] == ["negative"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le ministre belge des Affaires étrangères, Jean Durand, a parlé.",
            ("jean-durand", "ministre des Affaires étrangères", "belgique"),
        ),
        (
            "Marc Petit, Premier ministre luxembourgeois, a parlé.",
            ("marc-petit", "Premier ministre", "luxembourg"),
        ),
        (
            "Le président du Parti vert, Anne Roux, a parlé.",
            ("anne-roux", "président", "parti-vert"),
        ),
        (
            "Jean Morel, numéro deux du Mouvement démocrate, a parlé.",
            ("jean-morel", "numéro deux", "mouvement-democrate"),
        ),
        (
            "Anne Roux, présidente de la Chambre des députés, a parlé.",
            ("anne-roux", "présidente", "chambre-des-deputes"),
        ),
        # a former position keeps its modifier in the value
        (
            "L'ancien président américain Paul Roux a parlé.",
            ("paul-roux", "ancien président", "etats-unis"),
        ),
    ],
)
def test_positions_common_shapes(nlp, text, expected) -> None:
    assert positions(text) == [expected]
