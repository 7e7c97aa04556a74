"""Membership, employment and spokespeople read from sentence shapes no
frame trigger covers (kg/frames/affiliations.py and the modules it calls),
on real parses of sentences written for these tests, with sentences that
must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of
from factory import parse_text


def pairs(text: str, predicate: str) -> list[tuple[str, str]]:
    return sorted(
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate == predicate
    )


def rules(text: str, predicate: str) -> set[str]:
    return {f.provenance.rule for f in facts_of(text) if f.predicate == predicate}


# -- a person beside a share of an organisation's people ---------------------


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Paul Girard et une partie des dirigeants du Mouvement démocrate ont quitté la salle.",
            "paul-girard",
            "mouvement-democrate",
        ),
        (
            "Le départ d'Anne Roux et d'une fraction des cadres de l'Alliance verte a surpris.",
            "anne-roux",
            "alliance-verte",
        ),
        (
            "Luc Marin et d'autres militants du Front uni ont manifesté devant la mairie.",
            "luc-marin",
            "front-uni",
        ),
    ],
)
def test_affiliations_a_person_beside_a_share_of_its_people_is_a_member(
    nlp, text: str, person: str, org: str
) -> None:
    assert (person, org) in pairs(text, "memberOf")
    assert "group:share.v1" in rules(text, "memberOf")


@pytest.mark.parametrize(
    "text",
    [
        # no share: X may be the other side of a talk
        "Paul Girard et les dirigeants du Mouvement démocrate se sont rencontrés hier.",
        # former cadres
        "Anne Roux et une partie des anciens cadres de l'Alliance verte ont signé.",
        # people of a place, not of an organisation
        "Luc Marin et une partie des habitants de Lyon ont protesté.",
    ],
)
def test_affiliations_a_person_beside_other_people_gives_nothing(nlp, text: str) -> None:
    assert "group:share.v1" not in rules(text, "memberOf")


# -- "son confrère de parti Y" ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "fellow"),
    [
        (
            "Le député UMP Paul Girard a protesté, et son confrère de parti Luc Marin a "
            "dénoncé une erreur.",
            "luc-marin",
        ),
        (
            "La sénatrice socialiste Anne Roux a voté contre. Sa camarade de parti Julie "
            "Morel s'est abstenue.",
            "julie-morel",
        ),
        (
            "Le texte a été critiqué par le député UMP Paul Girard, puis par son collègue "
            "de parti, Marc Lefort.",
            "marc-lefort",
        ),
    ],
)
def test_affiliations_a_fellow_of_party_shares_the_party_named_before(
    nlp, text: str, fellow: str
) -> None:
    found = pairs(text, "memberOf")
    parties = {org for person, org in found if person != fellow}
    assert len(parties) == 1
    assert (fellow, parties.pop()) in found


@pytest.mark.parametrize(
    ("text", "fellow"),
    [
        # a colleague, not of a party
        (
            "Le député UMP Paul Girard a protesté, et son collègue Luc Marin a dénoncé une erreur.",
            "luc-marin",
        ),
        # the person named before belongs to no known party
        (
            "Paul Girard a protesté, et son confrère de parti Luc Marin a dénoncé une erreur.",
            "luc-marin",
        ),
    ],
)
def test_affiliations_a_fellow_without_a_known_party_gives_nothing(
    nlp, text: str, fellow: str
) -> None:
    assert [p for p, _ in pairs(text, "memberOf") if p == fellow] == []


def test_affiliations_a_party_noun_after_a_bare_de_heads_no_name(nlp) -> None:
    """ "son confrère de parti Luc Marin" names a person; "Y, de journal X"
    still names a newspaper."""
    from kg.entities import group_mentions
    from kg.mentions import extract_mentions

    def types(text: str) -> dict[str, str]:
        mentions = extract_mentions(parse_text(text))
        return {e.label: e.type.value for e in group_mentions(mentions)}

    fellow = types("Le député Paul Girard et son confrère de parti Luc Marin ont voté.")
    assert fellow.get("Luc Marin") == "Person"
    paper = types("Le journaliste Marc Lefort, de journal Ouest Matin, a été libéré.")
    assert paper.get("Ouest Matin") == "Organization"


# -- a statement announced for an organisation -------------------------------


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Les accusations de l'Agence nationale avaient été annoncées lundi par Anne Roux.",
            "anne-roux",
            "agence-nationale",
        ),
        ("Paul Girard a annoncé la décision du Parti vert.", "paul-girard", "parti-vert"),
        (
            "La position du Conseil national a été communiquée samedi par Luc Marin.",
            "luc-marin",
            "conseil-national",
        ),
    ],
)
def test_affiliations_who_announces_an_organisations_statement_speaks_for_it(
    nlp, text: str, person: str, org: str
) -> None:
    assert (person, org) in pairs(text, "speaksFor")


def test_affiliations_who_announces_for_an_agency_works_for_it_for_a_party_belongs(nlp) -> None:
    agency = "Les accusations de l'Agence nationale avaient été annoncées lundi par Anne Roux."
    assert ("anne-roux", "agence-nationale") in pairs(agency, "worksFor")
    party = "Paul Girard a annoncé la décision du Parti vert."
    assert ("paul-girard", "parti-vert") in pairs(party, "memberOf")


@pytest.mark.parametrize(
    "text",
    [
        # a newspaper reports a statement; it does not speak for its author
        "Le quotidien Le Matin a annoncé les accusations de l'Agence nationale.",
        # no statement: a death
        "Anne Roux a annoncé la mort du fondateur de l'Agence nationale.",
        # negated
        "Paul Girard n'a pas annoncé la décision du Parti vert.",
        # a person's statement
        "Anne Roux a annoncé les accusations de Paul Girard.",
        # a go-between passes demands on; he does not speak for their authors
        "Le médiateur Luc Marin a transmis les exigences du Front uni.",
        # a reader
        "Anne Roux a lu la déclaration de l'Agence nationale avec attention.",
    ],
)
def test_affiliations_other_announcements_give_no_spokesperson(nlp, text: str) -> None:
    assert "voice:announced.v1" not in rules(text, "speaksFor")


# -- a role "en tant que" (read by the role frames) ---------------------------


@pytest.mark.parametrize(
    ("text", "predicate", "person", "org"),
    [
        (
            "Paul Girard a travaillé dix ans en tant que directeur de la Banque mondiale.",
            "worksFor",
            "paul-girard",
            "banque-mondiale",
        ),
        (
            "Anne Roux a estimé qu'il pouvait être question de ses notes écrites en tant que "
            "directrice adjointe à la Banque centrale de Lyon.",
            "worksFor",
            "anne-roux",
            "banque-centrale-de-lyon",
        ),
        (
            "En tant que président du Mouvement démocrate, Luc Marin a signé l'appel.",
            "memberOf",
            "luc-marin",
            "mouvement-democrate",
        ),
    ],
)
def test_affiliations_a_role_held_in_a_capacity(
    nlp, text: str, predicate: str, person: str, org: str
) -> None:
    """The holder of a role in a capacity is the clause's subject, or the
    owner of the noun the clause describes ("ses rapports rédigés en tant
    que ...")."""
    assert (person, org) in pairs(text, predicate)


@pytest.mark.parametrize(
    "text",
    [
        "En tant que directeur, Paul Girard a signé le texte.",  # no organisation
        # nobody's reports: no possessive on the way up
        "Les rapports rédigés en tant que directeur de la Banque mondiale ont disparu.",
        "Paul Girard a parlé en tant que consul de France.",  # a place
    ],
)
def test_affiliations_a_capacity_without_holder_or_organisation_gives_nothing(
    nlp, text: str
) -> None:
    assert pairs(text, "worksFor") == []


# -- nouns of belonging -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Ses adversaires ont reproché à Paul Girard son appartenance au Front national.",
            "paul-girard",
            "front-national",
        ),
        (
            "L'appartenance d'Anne Roux au Parti vert est connue depuis 1990.",
            "anne-roux",
            "parti-vert",
        ),
        (
            "Le jeune Luc Marin a raconté son embrigadement dans la Ligue des patriotes.",
            "luc-marin",
            "ligue-des-patriotes",
        ),
        # "à celui-ci": the person named last before, of the same gender
        (
            "Une campagne a suivi l'élection du ministre Paul Girard, visant à reprocher à "
            "celui-ci ses origines et son appartenance au Front national.",
            "paul-girard",
            "front-national",
        ),
    ],
)
def test_affiliations_a_noun_of_belonging_states_a_membership(
    nlp, text: str, person: str, org: str
) -> None:
    assert (person, org) in pairs(text, "memberOf")


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Paul Girard a nié son appartenance au Front national.",  # denied
        "Anne Roux n'a jamais évoqué son appartenance au Parti vert.",  # negated
        "Paul Girard a rappelé son ancienne appartenance au Front national.",  # former
        "Le pays prépare son adhésion à l'Union européenne.",  # a prospect, not listed
        # "celle-ci" cannot stand for a man named before
        "Une campagne a suivi l'élection du ministre Paul Girard, visant à reprocher à "
        "celle-ci son appartenance au Front national.",
    ],
)
def test_affiliations_a_denied_former_or_prospective_belonging_gives_nothing(
    nlp, text: str
) -> None:
    assert pairs(text, "memberOf") == []


def test_affiliations_an_acronym_defined_in_brackets_names_it_again(nlp) -> None:
    text = (
        "L'ANS (Agence nationale de sécurité) enquête. Les accusations de l'ANS ont été "
        "annoncées par Anne Roux."
    )
    assert ("anne-roux", "agence-nationale-de-securite") in pairs(text, "speaksFor")


# -- a leader of the party a sentence is about --------------------------------

_MOVEMENT_STORY = (
    "Le Parti bleu a présenté ses listes à Lyon. Le Parti bleu espère gagner en juin. {last}"
)


@pytest.mark.parametrize(
    ("last", "person"),
    [
        (
            "Le bureau du parti a demandé que son président, Paul Girard, reste en fonction.",
            "paul-girard",
        ),
        (
            "Ce parti a perdu deux de ses dirigeants, dont le fondateur Luc Marin, en 2003.",
            "luc-marin",
        ),
        ("Le parti a salué son président, Paul Girard.", "paul-girard"),
    ],
)
def test_affiliations_a_leader_of_the_party_the_sentence_is_about(
    nlp, last: str, person: str
) -> None:
    assert (person, "parti-bleu") in pairs(_MOVEMENT_STORY.format(last=last), "memberOf")


@pytest.mark.parametrize(
    "text",
    [
        _MOVEMENT_STORY.format(last="Le parti a salué son ancien président, Paul Girard."),
        # no possessive: the president of a country, maybe
        _MOVEMENT_STORY.format(last="Le parti a reçu le président Paul Girard."),
        # the subject is no back-reference to the party
        _MOVEMENT_STORY.format(last="La ville a salué son président, Paul Girard."),
        # no party in the article
        "Le parti a salué son président, Paul Girard.",
    ],
)
def test_affiliations_no_leader_of_the_party_without_its_marks(nlp, text: str) -> None:
    assert "group:party-leader.v1" not in rules(text, "memberOf")


# -- a charge held in an organisation ----------------------------------------


@pytest.mark.parametrize(
    ("text", "predicate", "person", "org"),
    [
        (
            "Anne Roux, chargée des archives à l'Institut national, a parlé.",
            "worksFor",
            "anne-roux",
            "institut-national",
        ),
        (
            "Paul Girard, chargé de la communication de la Banque mondiale, a démenti.",
            "worksFor",
            "paul-girard",
            "banque-mondiale",
        ),
        # of a party: a member of it
        (
            "Les accusations ont été annoncées par Paul Girard (chargé des relations "
            "extérieures du Mouvement vert).",
            "memberOf",
            "paul-girard",
            "mouvement-vert",
        ),
    ],
)
def test_affiliations_a_charge_in_an_organisation(
    nlp, text: str, predicate: str, person: str, org: str
) -> None:
    assert (person, org) in pairs(text, predicate)


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard (chargé des fouilles de l'époque romaine) a parlé.",  # no organisation
        "Paul Girard, chargé du dossier de l'Iran, a parlé.",  # a place
        "Le dossier chargé de la Banque mondiale a été remis à Paul Girard.",  # no person
    ],
)
def test_affiliations_a_charge_without_organisation_or_person_gives_nothing(nlp, text: str) -> None:
    assert "capacity:charge.v1" not in {f.provenance.rule for f in facts_of(text)}


# -- a list of people before a plural noun of an organisation's people -------


def test_affiliations_people_listed_as_heads_of_an_employer_work_for_it(nlp) -> None:
    text = "Paul Girard et Anne Roux, tous deux responsables de la Banque mondiale, ont parlé."
    assert pairs(text, "worksFor") == [
        ("anne-roux", "banque-mondiale"),
        ("paul-girard", "banque-mondiale"),
    ]
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "people", "org"),
    [
        (
            "Paul Girard et Anne Roux, tous deux membres du Parti vert, ont voté contre.",
            {"paul-girard", "anne-roux"},
            "parti-vert",
        ),
        (
            "Paul Girard, Anne Roux et Luc Marin, militants du Front uni, ont été arrêtés.",
            {"paul-girard", "anne-roux", "luc-marin"},
            "front-uni",
        ),
    ],
)
def test_affiliations_people_listed_before_members_of_an_organisation(
    nlp, text: str, people: set[str], org: str
) -> None:
    assert {p for p, o in pairs(text, "memberOf") if o == org} == people


@pytest.mark.parametrize(
    "text",
    [
        # former members, plural or singular
        "Anne Roux et Paul Girard, anciens militants du Front uni, ont été arrêtés.",
        "Anne Roux, l'une des anciennes militantes du Front uni, a été arrêtée.",
        # no list set off before the noun: met, not members
        "Paul Girard et Anne Roux ont rencontré les dirigeants du Front uni.",
    ],
)
def test_affiliations_former_or_unlisted_people_are_no_members(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == []


# -- on behalf of an organisation or a country --------------------------------


@pytest.mark.parametrize(
    ("text", "person", "spoken"),
    [
        (
            "Paul Girard, qui s'exprimait au nom de la Banque mondiale, a démenti.",
            "paul-girard",
            "banque-mondiale",
        ),
        (
            "S'exprimant au nom du Parti vert, Anne Roux a critiqué le projet.",
            "anne-roux",
            "parti-vert",
        ),
        (
            "Le ministre Paul Girard s'est exprimé au nom de la France.",
            "paul-girard",
            "france",
        ),
    ],
)
def test_affiliations_who_speaks_on_behalf_of_an_organisation_speaks_for_it(
    nlp, text: str, person: str, spoken: str
) -> None:
    assert (person, spoken) in pairs(text, "speaksFor")


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux a parlé au nom de ses collègues.",  # no entity
        "Anne Roux a parlé au nom de Paul Girard.",  # a person
        "La motion a été déposée au nom du Front uni.",  # no person speaks
    ],
)
def test_affiliations_on_behalf_of_no_organisation_gives_nothing(nlp, text: str) -> None:
    assert "voice:behalf.v1" not in rules(text, "speaksFor")


def test_affiliations_ce_mouvement_stands_for_the_one_movement_named(nlp) -> None:
    """No party stands out by name: "ce mouvement" is the one "Mouvement X"
    of the article, and nothing when there are two."""
    last = "Ce mouvement a perdu deux de ses dirigeants, dont le fondateur Luc Marin, en 2003."
    one = "Le Mouvement bleu a présenté ses listes à Lyon. Le Mouvement bleu espère gagner. "
    assert ("luc-marin", "mouvement-bleu") in pairs(one + last, "memberOf")
    two = "Le Mouvement bleu et le Mouvement vert ont présenté leurs listes. "
    assert "group:party-leader.v1" not in rules(two + last, "memberOf")


# -- an employer's label after a name -----------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Paul Girard, de l'Agence France-Presse, a été blessé.",
            "paul-girard",
            "agence-france-presse",
        ),
        ("Anne Roux, de la Banque mondiale, a parlé.", "anne-roux", "banque-mondiale"),
        ("Le photographe Luc Marin, du quotidien Le Matin, a été libéré.", "luc-marin", "matin"),
    ],
)
def test_affiliations_an_employers_label_after_a_name(
    nlp, text: str, person: str, org: str
) -> None:
    assert (person, org) in pairs(text, "worksFor")


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard, de Lyon, a été blessé.",  # a place
        "Paul Girard, de Renault, a parlé.",  # no kind of employer said
        "Anne Roux, du Parti vert, a voté.",  # a party: membership
    ],
)
def test_affiliations_other_labels_give_no_employment(nlp, text: str) -> None:
    assert pairs(text, "worksFor") == []
