"""Membership and employment read from a whole article's facts
(kg/frames/membership.py), on real parses of sentences written for these
tests, with sentences that must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def pairs(text: str, predicate: str) -> list[tuple[str, str]]:
    return sorted(
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate == predicate
    )


@pytest.mark.parametrize(
    "text",
    [
        "La présidente du Sénat, Anne Roux, a ouvert la séance.",
        "Paul Girard, président de l'Assemblée nationale, a suspendu les débats.",
        "Le vice-président du Parlement, Luc Marin, a protesté.",
    ],
)
def test_membership_who_presides_an_assembly_is_no_member_by_it(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # a committee or a party is no assembly: its president belongs to it
        (
            "Anne Roux, présidente de la commission des finances, a parlé.",
            "commission-des-finances",
        ),
        ("Le président de l'Union démocratique, Paul Girard, a répondu.", "union-democratique"),
    ],
)
def test_membership_the_president_of_a_committee_or_party_is_a_member(
    nlp, text: str, org: str
) -> None:
    assert [o for _, o in pairs(text, "memberOf")] == [org]


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Le poste échoit à Paul Girard, ancien chef de l'Agence nationale de sécurité.",
            "paul-girard",
            "agence-nationale-de-securite",
        ),
        ("Anne Roux, directrice de la Banque centrale, a parlé.", "anne-roux", "banque-centrale"),
        ("Le chef de la Police fédérale, Luc Marin, a été limogé.", "luc-marin", "police-federale"),
    ],
)
def test_membership_the_head_of_an_employer_works_for_it(
    nlp, text: str, person: str, org: str
) -> None:
    assert (person, org) in pairs(text, "worksFor")
    assert pairs(text, "memberOf") == []


def test_membership_the_head_of_a_movement_is_a_member_not_staff(nlp) -> None:
    text = "Le chef du Mouvement républicain, Paul Girard, a démissionné."
    assert pairs(text, "memberOf") == [("paul-girard", "mouvement-republicain")]
    assert pairs(text, "worksFor") == []


@pytest.mark.parametrize(
    ("text", "person", "party"),
    [
        (
            "L'Alliance démocratique, représentée par Anne Roux, a quitté la coalition.",
            "anne-roux",
            "alliance-democratique",
        ),
        ("Paul Girard, porte-parole du Parti vert, a démenti.", "paul-girard", "parti-vert"),
        (
            "Le Mouvement libéral a fait savoir, par la voix de Luc Marin, qu'il voterait contre.",
            "luc-marin",
            "mouvement-liberal",
        ),
    ],
)
def test_membership_who_speaks_for_a_party_is_a_member(
    nlp, text: str, person: str, party: str
) -> None:
    assert (person, party) in pairs(text, "speaksFor")
    assert (person, party) in pairs(text, "memberOf")


@pytest.mark.parametrize(
    "text",
    [
        # a company, a union of states or a country is no party: its spokesman is no member
        "Paul Girard, porte-parole de Renault, a démenti.",
        "Anne Roux, porte-parole de l'Union africaine, a démenti.",
        "La France, représentée par Anne Roux, a signé l'accord.",
    ],
)
def test_membership_who_speaks_for_no_party_is_no_member(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "person", "chamber"),
    [
        ("Le sénateur Paul Girard a déposé un texte. Le Sénat l'a rejeté.", "paul-girard", "senat"),
        (
            "Anne Roux, députée du Morbihan, a interpellé le gouvernement à l'Assemblée nationale.",
            "anne-roux",
            "assemblee-nationale",
        ),
        (
            "Le texte arrive à la Chambre des députés. Luc Marin, député socialiste, est contre.",
            "luc-marin",
            "chambre-des-deputes",
        ),
        (
            "Anne Roux, députée européenne, siège au Parlement européen depuis 2004.",
            "anne-roux",
            "parlement-europeen",
        ),
    ],
)
def test_membership_a_senator_or_deputy_belongs_to_the_one_chamber(
    nlp, text: str, person: str, chamber: str
) -> None:
    assert (person, chamber) in pairs(text, "memberOf")


@pytest.mark.parametrize(
    "text",
    [
        "Le sénateur Paul Girard a protesté.",  # no chamber named
        # two senates: which one is not said
        "Le sénateur Paul Girard a écrit au Sénat américain et au Sénat canadien.",
        "L'ancien sénateur Paul Girard a écrit au Sénat.",  # a former senator
        "Le ministre Paul Girard a écrit au Sénat.",  # a minister is no senator
        # a member of another assembly than the one named
        "Le député européen Paul Girard a écrit à l'Assemblée nationale.",
    ],
)
def test_membership_no_chamber_membership_without_one_chamber_or_a_current_seat(
    nlp, text: str
) -> None:
    chambers = ("senat", "assemblee")
    assert [o for _, o in pairs(text, "memberOf") if o.startswith(chambers)] == []


@pytest.mark.parametrize(
    "text",
    [
        # a prospect of joining, a joining to come: no membership yet
        "La Turquie attend la perspective d'une adhésion à l'Union européenne.",
        "L'adhésion de la Turquie à l'Union européenne divise les électeurs.",
        "La Serbie pourrait adhérer à l'Union européenne.",
        "« Paul Girard aurait été membre du Parti vert », a affirmé Anne Roux.",
        # a former membership
        "Luc Marin, ancien membre du Parti vert, a voté contre.",
        "L'ancien président du Mouvement libéral, Paul Girard, a voté contre.",
        "L'ancien patron du Parti vert, Paul Girard, a voté contre.",
    ],
)
def test_membership_no_membership_that_is_only_possible_or_over(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("La Serbie a adhéré à l'Union européenne en 2004.", "serbie", "union-europeenne"),
        ("Luc Marin, membre du Parti vert, a voté contre.", "luc-marin", "parti-vert"),
    ],
)
def test_membership_a_stated_membership_stays(nlp, text: str, person: str, org: str) -> None:
    assert pairs(text, "memberOf") == [(person, org)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the kind of organisation, then its name with its article
        ("Le journaliste Paul Girard, du journal Le Matin, est libre.", ("paul-girard", "matin")),
        # in a list, the name right after a role noun holds it, not the name before
        (
            "Le photographe Luc Marin et le journaliste Paul Girard, de la chaîne TF1, sont là.",
            ("paul-girard", "tf1"),
        ),
        (
            "La caméraman Anne Roux et la journaliste Eva Marin, de Radio Alpha, sont rentrées.",
            ("eva-marin", "radio-alpha"),
        ),
    ],
)
def test_membership_a_reporter_works_for_the_medium_after_her_name(
    nlp, text: str, expected: tuple[str, str]
) -> None:
    assert pairs(text, "worksFor") == [expected]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # a hyphenated adjective is a word of the party's name, which then is
        # more than a noun and a demonym ("président du Conseil italien")
        (
            "Anne Roux, vice-présidente du Parti social-démocrate slovaque, a voté contre.",
            "parti-social-democrate-slovaque",
        ),
        (
            "Le président du Mouvement chrétien-démocrate suisse, Luc Marin, a démissionné.",
            "mouvement-chretien-democrate-suisse",
        ),
    ],
)
def test_membership_a_party_name_with_a_hyphenated_adjective(nlp, text: str, party: str) -> None:
    assert [o for _, o in pairs(text, "memberOf")] == [party]


def test_membership_an_envoy_speaks_for_who_sent_him(nlp) -> None:
    text = "L'émissaire de l'Union africaine, Paul Girard, est arrivé à Khartoum."
    assert pairs(text, "speaksFor") == [("paul-girard", "union-africaine")]
    assert pairs("L'envoyé spécial du Figaro, Paul Girard, est rentré.", "speaksFor") == []


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a fondé le Parti vert en 1990.",
        "Le Parti vert, fondé par Paul Girard en 1990, a gagné.",
        "En 1990, Paul Girard a cofondé le Parti vert avec des amis.",
    ],
)
def test_membership_a_founder_is_a_member(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == [("paul-girard", "parti-vert")]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard fonde de grands espoirs sur le Parti vert.",  # no organisation founded
        "Cette accusation, fondée sur un rapport de l'ONU, vise Paul Girard.",
        "La France a fondé la Communauté européenne.",  # a country founds, no person joins
    ],
)
def test_membership_founding_nothing_or_by_no_person_gives_nothing(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le socialiste Paul Girard a remporté l'élection.", ("paul-girard", "parti-socialiste")),
        (
            "La candidature de la républicaine Anne Roux a surpris.",
            ("anne-roux", "parti-republicain"),
        ),
        ("Il a battu le travailliste Luc Marin de peu.", ("luc-marin", "parti-travailliste")),
    ],
)
def test_membership_a_party_adjective_used_as_a_noun_before_a_name(
    nlp, text: str, expected: tuple[str, str]
) -> None:
    assert pairs(text, "memberOf") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le vote socialiste a reculé face à Paul Girard.",  # the adjective of a thing
        "Les travaillistes ont voté contre le texte de Paul Girard.",  # no name after it
        "Paul Girard, socialiste convaincu, a voté.",  # no article before it
    ],
)
def test_membership_a_party_adjective_of_a_thing_or_before_no_name(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paul Girard, membre de la commission des finances, a voté.",
            [("paul-girard", "commission-des-finances")],
        ),
        (
            "Anne Roux est membre du comité central du parti.",
            [("anne-roux", "comite-central-du-parti")],
        ),
        # a body named after an assembly: a member of both
        (
            "Paul Girard, membre de la commission des finances du Sénat, a voté.",
            [("paul-girard", "commission-des-finances-du-senat"), ("paul-girard", "senat")],
        ),
        # a lower-case complement with its article belongs to the body's name
        (
            "Anne Roux, membre de la commission de l'énergie, a voté.",
            [("anne-roux", "commission-de-l-energie")],
        ),
    ],
)
def test_membership_a_member_of_a_body_written_in_lower_case(
    nlp, text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text, "memberOf") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les membres du conseil municipal ont voté.",  # no one named
        "Un membre de la commission des finances a parlé à Paul Girard.",  # named after it
        "Paul Girard, ancien membre du comité directeur, a voté.",  # a former member
        "Paul Girard a écrit au comité central du parti.",  # no member noun
    ],
)
def test_membership_no_member_of_a_body_without_a_current_named_member(nlp, text: str) -> None:
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le porte-parole du ministère de la Défense, Paul Girard, a démenti.",
            [("paul-girard", "ministere-de-la-defense")],
        ),
        (
            "Anne Roux, porte-parole de l'Agence spatiale européenne, a confirmé.",
            [("anne-roux", "agence-spatiale-europeenne")],
        ),
        # a party's spokesman is a member, not staff; one who represents an
        # agency in a negotiation may be no employee of it
        ("Le porte-parole du Parti vert, Luc Marin, a démenti.", []),
        ("L'Agence spatiale, représentée par Anne Roux, a signé.", []),
    ],
)
def test_membership_the_spokesperson_of_an_employer_works_for_it(
    nlp, text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text, "worksFor") == expected


def test_membership_words_load_and_name_their_sections() -> None:
    from kg.frames.membership import membership_words

    words = membership_words("fr")
    assert {"senat"} <= words.assemblies and "president" in words.presiding_roles
    assert words.chambers["senateur"] == frozenset({"senat"})
    assert "ancien" in words.former and "agence" in words.employers


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a été élu président de la République turque du Nord.",
        "Anne Roux, cheffe du Royaume uni des îles, a parlé.",
    ],
)
def test_membership_the_head_of_a_state_named_as_an_organisation_is_no_member(
    nlp, text: str
) -> None:
    assert pairs(text, "memberOf") == []


@pytest.mark.parametrize(
    ("text", "predicate", "pair"),
    [
        (
            "Paul Girard, l'un des fondateurs du Parti vert, a démissionné.",
            "memberOf",
            ("paul-girard", "parti-vert"),
        ),
        (
            "Anne Roux, l'une des membres du Parti vert, a démissionné.",
            "memberOf",
            ("anne-roux", "parti-vert"),
        ),
        (
            "Paul Girard, cofondateur du Mouvement libéral, a parlé.",
            "memberOf",
            ("paul-girard", "mouvement-liberal"),
        ),
        (
            "Le patron de Renault, Paul Girard, a démissionné.",
            "worksFor",
            ("paul-girard", "renault"),
        ),
        # the head of a party is a member of it, not its employee
        (
            "Le patron du Parti vert, Paul Girard, a démissionné.",
            "memberOf",
            ("paul-girard", "parti-vert"),
        ),
    ],
)
def test_membership_one_of_the_founders_or_members_and_bosses(
    nlp, text: str, predicate: str, pair: tuple[str, str]
) -> None:
    assert pairs(text, predicate) == [pair]
    assert pairs(text, "worksFor" if predicate == "memberOf" else "memberOf") == []


def test_membership_members_named_by_no_one_give_nothing(nlp) -> None:
    assert pairs("Les membres du Parti vert ont voté contre Paul Girard.", "memberOf") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard, journaliste au Figaro, a été libéré.", [("paul-girard", "figaro")]),
        (
            "Anne Roux, chercheuse à l'Institut Pasteur, a publié.",
            [("anne-roux", "institut-pasteur")],
        ),
        # a place after "à" is where one works, not for whom
        ("Anne Roux, journaliste à Lyon, a parlé.", []),
    ],
)
def test_membership_an_employer_after_a_or_au(
    nlp, text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(text, "worksFor") == expected


def test_membership_a_place_after_a_is_no_role_s_owner(nlp) -> None:
    facts = [f for f in facts_of("Paul Girard, ambassadeur à Paris, a parlé.")]
    assert [(f.value, f.of) for f in facts if f.predicate == "holdsPosition"] == [
        ("ambassadeur", None)
    ]


@pytest.mark.parametrize(
    ("text", "person", "party"),
    [
        (
            "Paul Girard, le numéro un du Mouvement bleu, a voté contre.",
            "paul-girard",
            "mouvement-bleu",
        ),
        ("Le numéro un du Parti vert, Anne Roux, a démissionné.", "anne-roux", "parti-vert"),
    ],
)
def test_membership_the_number_one_of_a_party_is_a_member(
    nlp, text: str, person: str, party: str
) -> None:
    assert (person, party) in pairs(text, "memberOf")


def test_membership_a_number_one_of_no_organisation_gives_nothing(nlp) -> None:
    assert pairs("Le numéro un mondial du tennis a perdu en finale.", "memberOf") == []


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("Anne Roux, employée par la Banque mondiale, a témoigné.", "anne-roux", "banque-mondiale"),
        ("Paul Girard travaille au Crédit mutuel depuis 2001.", "paul-girard", "credit-mutuel"),
    ],
)
def test_membership_who_is_employed_by_or_works_at_an_organisation_works_for_it(
    nlp, text: str, person: str, org: str
) -> None:
    assert (person, org) in pairs(text, "worksFor")


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard travaille à Lyon depuis 2001.",  # a place
        "Paul Girard a employé la force.",  # nobody employed
        "Paul Girard emploie trois secrétaires.",  # an employer who is a person
    ],
)
def test_membership_working_in_a_place_or_employing_gives_no_employment(nlp, text: str) -> None:
    assert pairs(text, "worksFor") == []


def test_membership_who_no_longer_works_somewhere_is_denied(nlp) -> None:
    facts = [f for f in facts_of("Paul Girard ne travaille plus pour Renault.")]
    works = [f for f in facts if f.predicate == "worksFor"]
    assert [f.polarity.value for f in works] == ["negative"]
