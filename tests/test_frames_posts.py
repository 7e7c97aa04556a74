"""Posts given, handed over, left, taken over or held in a capacity
(holdsPosition), on real parses of sentences written for these tests, with
sentences that must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def positions(text: str) -> list[tuple[str, str, str, str]]:
    """(holder, role, of, modality) of each holdsPosition fact, keys without their kind."""
    return [
        (
            f.subject.split("/")[-1],
            f.value or "",
            (f.of or "").split("/")[-1],
            f.modality.value,
        )
        for f in facts_of(text)
        if f.predicate == "holdsPosition"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le poste de ministre des Finances revient à Paul Morel.",
            ("paul-morel", "ministre des Finances"),
        ),
        (
            "Un autre portefeuille, celui de ministre de la Défense, échoit au général "
            "Marc Lenoir.",
            ("marc-lenoir", "ministre de la Défense"),
        ),
        (
            "La fonction de secrétaire général a été confiée à Anne Roux.",
            ("anne-roux", "secrétaire général"),
        ),
    ],
)
def test_posts_a_role_handed_over_goes_to_the_person_after_a(nlp, text, expected) -> None:
    assert [p[:2] for p in positions(text) if p[1] == expected[1]] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # no post between the role and the subject: a person, not a post, is handed over
        "Le fils du ministre a été confié à sa tante Marie Roux.",
        # the role comes back to a place
        "Le ministre de la Santé est revenu à Lyon.",
        # a decision, not a post
        "La décision revient à Paul Morel.",
    ],
)
def test_posts_nothing_handed_over_without_a_post_and_a_person(nlp, text) -> None:
    assert [p for p in positions(text) if p[0] in ("marie-roux", "paul-morel")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le ministère de la Culture a été confié à Paul Morel.",
            ("paul-morel", "ministre", "ministere-de-la-culture", "asserted"),
        ),
        (
            "Dès lundi, le ministère de la Défense reviendra à Anne Roux.",
            ("anne-roux", "ministre", "ministere-de-la-defense", "planned"),
        ),
    ],
)
def test_posts_an_office_handed_over_makes_its_minister(nlp, text, expected) -> None:
    assert positions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministère de la Culture a reçu Paul Morel.",
        "Le ministère de la Culture a été confié à la région.",
    ],
)
def test_posts_an_office_received_or_given_to_no_person_gives_nothing(nlp, text) -> None:
    assert positions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lyon, France - Anne Roux a été nommée présidente du Sénat.",
            ("anne-roux", "présidente", "senat", "asserted"),
        ),
        (
            "Berne, Suisse - Paul Morel sera élu président du Parlement.",
            ("paul-morel", "président", "parlement", "planned"),
        ),
    ],
)
def test_posts_appointed_after_a_dateline(nlp, text, expected) -> None:
    assert expected in positions(text)


def test_posts_an_appointment_denied_is_negative(nlp) -> None:
    (fact,) = [
        f
        for f in facts_of("Paul Morel n'a pas été élu président du Sénat.")
        if f.predicate == "holdsPosition"
    ]
    assert (fact.value, fact.polarity.value) == ("président", "negative")


def test_posts_no_holder_inside_a_prepositional_phrase(nlp) -> None:
    text = "Le fils de Paul Morel a été nommé directeur de la banque."
    assert [p for p in positions(text) if p[0] == "paul-morel"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marc Lenoir, qui part pour devenir ambassadeur, a quitté Paris.",
            ("marc-lenoir", "ambassadeur", "", "planned"),
        ),
        (
            "Anne Roux quitte Lyon pour devenir haute commissaire pour le Canada.",
            ("anne-roux", "haute commissaire", "canada", "planned"),
        ),
    ],
)
def test_posts_to_become_a_role_is_a_post_to_come(nlp, text, expected) -> None:
    assert positions(text) == [expected]


def test_posts_a_scope_naming_no_place_belongs_to_nobody(nlp) -> None:
    assert positions("Paul Morel, haut commissaire pour les réfugiés, a parlé.") == [
        ("paul-morel", "haut commissaire", "", "asserted")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le bureau a annoncé que son trésorier, M. Lenoir, a présenté sa démission "
            "de chef du gouvernement.",
            ("lenoir", "chef du gouvernement"),
        ),
        (
            "Anne Roux a présenté sa démission de son poste de ministre de la Culture.",
            ("anne-roux", "ministre de la Culture"),
        ),
    ],
)
def test_posts_a_resignation_says_the_post_was_held(nlp, text, expected) -> None:
    assert expected in [p[:2] for p in positions(text)]


def test_posts_a_resignation_without_a_possessive_names_no_holder(nlp) -> None:
    text = "La démission de chef du gouvernement a surpris Paul Morel."
    assert positions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paul Morel a signé le traité en tant que ministre des Affaires étrangères.",
            ("paul-morel", "ministre des Affaires étrangères"),
        ),
        (
            "M. Lenoir a expliqué qu'il s'agissait de ses lettres écrites en tant que "
            "directeur adjoint de la banque.",
            ("lenoir", "directeur adjoint de la banque"),
        ),
    ],
)
def test_posts_in_a_capacity_held_by_the_clause_subject(nlp, text, expected) -> None:
    assert expected in [p[:2] for p in positions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Le texte a été lu en tant que préambule du traité.",
        # a comparison names no post
        "Paul Morel a agi comme un président.",
        # who signed is not the subject of the clause above
        "Paul Morel a dit que le texte, signé en tant que ministre par un inconnu, était mauvais.",
        "Paul Morel a dit que la loi rédigée en tant que ministre était mauvaise.",
    ],
)
def test_posts_a_capacity_with_no_clear_holder_gives_nothing(nlp, text) -> None:
    assert positions(text) == []


def test_posts_a_post_taken_over_was_held_by_the_one_before(nlp) -> None:
    text = (
        "Lyon, France - Anne Roux a été nommée présidente du Sénat. "
        "Anne Roux prend le poste qu'occupait jusqu'ici Marc Lenoir."
    )
    assert ("marc-lenoir", "président", "senat", "asserted") in positions(text)


@pytest.mark.parametrize(
    "text",
    [
        # the taker is named with no post before
        "Anne Roux prend le poste qu'occupait jusqu'ici Marc Lenoir.",
        # two posts: which one was taken is not said
        "Anne Roux, maire de Lyon, a été élue présidente du Sénat. "
        "Anne Roux prend le poste qu'occupait Marc Lenoir.",
        # refusing a post is no taking
        "Anne Roux, maire de Lyon, a parlé. Anne Roux refuse le poste qu'occupait Marc Lenoir.",
    ],
)
def test_posts_no_post_taken_over_when_unsure(nlp, text) -> None:
    assert [p for p in positions(text) if p[0] == "marc-lenoir"] == []


def test_posts_feminine_and_masculine_forms_are_one_post(nlp) -> None:
    text = (
        "Le rapporteur de la Commission des droits de l'homme, Claire Dubois, a parlé. "
        "La rapporteuse de la Commission des droits de l'homme a plaidé pour la paix."
    )
    assert [p[:2] for p in positions(text)] == [("claire-dubois", "rapporteur")]


def test_posts_a_former_and_an_interim_post_are_one_edge(nlp) -> None:
    text = "Le parlement a nommé l'ancien ministre Paul Morel, ministre par intérim."
    assert [p[:2] for p in positions(text)] == [("paul-morel", "ministre")]


def test_posts_a_former_post_in_another_sentence_stays(nlp) -> None:
    text = "L'ancien ministre Paul Morel a parlé. Le ministre Paul Morel a voté."
    assert sorted(p[1] for p in positions(text)) == ["ancien ministre", "ministre"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Le Premier ministre pressenti, Paul Morel, a parlé.", "planned"),
        ("La présidente désignée, Anne Roux, a parlé.", "planned"),
        ("Le président sortant, Paul Morel, a parlé.", "asserted"),
    ],
)
def test_posts_a_post_to_come_by_its_modifier(nlp, text, modality) -> None:
    ((_, _, _, found),) = positions(text)
    assert found == modality


_TWO_PARTIES = (
    "Le Parti vert a tenu son congrès à Lyon, après le départ de militants partis fonder "
    "le Mouvement bleu. Anne Roux, qui dirigeait la section de Lyon, a été élue présidente "
    "du parti. Le Parti vert compte trois mille membres."
)


def test_posts_the_party_refers_back_to_the_party_named_most(nlp) -> None:
    assert [p[2] for p in positions(_TWO_PARTIES)] == ["parti-vert"]


def test_posts_a_body_of_the_party_owns_its_president(nlp) -> None:
    text = (
        "Le Parti vert a perdu les élections. "
        "Le bureau du parti a demandé que son président, M. Lenoir, démissionne."
    )
    assert positions(text) == [("lenoir", "président", "parti-vert", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        # two parties named as often: which one is meant is not said
        "Le Parti vert et le Parti bleu ont voté. Anne Roux a été élue présidente du parti.",
        # no party named
        "Anne Roux a été élue présidente du parti.",
        # "son" of a body that is no party's
        "Le Parti vert a perdu les élections. "
        "Le bureau a demandé que son président, M. Lenoir, démissionne.",
    ],
)
def test_posts_no_party_when_unsure(nlp, text) -> None:
    assert [p[2] for p in positions(text)] == [""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pierre Morin (sénateur républicain de l'Oregon) et Jean Petit (sénateur "
            "démocrate du même État) ont signé la lettre.",
            ("jean-petit", "sénateur", "oregon", "asserted"),
        ),
        (
            "Le ministre belge Paul Roux et Jean Petit, député du même pays, ont signé la lettre.",
            ("jean-petit", "député", "belgique", "asserted"),
        ),
    ],
)
def test_posts_the_same_state_is_the_one_named_before(nlp, text, expected) -> None:
    assert expected in positions(text)


def test_posts_the_same_state_with_none_named_before_belongs_to_nobody(nlp) -> None:
    text = "Jean Petit, député du même pays, a signé la lettre."
    assert positions(text) == [("jean-petit", "député", "", "asserted")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jean Roux est pressenti pour former le nouveau gouvernement. "
            "Selon la presse, la situation devrait conduire le Premier ministre pressenti à "
            "la prudence.",
            ("jean-roux", "Premier ministre pressenti", "", "planned"),
        ),
        (
            "Anne Roux a été désignée par le bureau pour diriger le Sénat. "
            "Selon la presse, la présidente désignée a remercié les militants.",
            ("anne-roux", "présidente désignée", "", "planned"),
        ),
    ],
)
def test_posts_a_post_to_come_stands_for_the_one_announced(nlp, text, expected) -> None:
    assert positions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # two people announced
        "Anne Roux et Paul Morel sont pressentis pour diriger le Sénat. "
        "Le président pressenti a remercié les militants.",
        # announced only after the role phrase
        "Le Premier ministre pressenti a remercié les militants. "
        "Jean Roux est pressenti pour diriger le gouvernement.",
    ],
)
def test_posts_no_post_to_come_without_one_announced_before(nlp, text) -> None:
    assert positions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le mouvement Fatah a perdu deux de ses dirigeants, dont le fondateur Ali Karim, "
            "tué en 2004.",
            ("ali-karim", "dirigeants", "mouvement-fatah", "asserted"),
        ),
        (
            "Les dirigeants du Hamas, dont Ali Karim, ont refusé.",
            ("ali-karim", "dirigeants", "hamas", "asserted"),
        ),
    ],
)
def test_posts_one_of_a_plural_role_named_after_dont(nlp, text, expected) -> None:
    assert positions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Les dirigeants du Hamas, dont la plupart ont fui, ont refusé.",
        "Les dirigeants du Hamas, dont le fils de Ali Karim, ont refusé.",
    ],
)
def test_posts_nobody_of_a_plural_role_without_a_name_after_dont(nlp, text) -> None:
    assert positions(text) == []


def test_posts_position_words_load_every_section() -> None:
    from dataclasses import fields

    from kg.frames.position_words import position_words
    from kg.lang import load_data

    words = position_words("fr")
    assert {f.name for f in fields(words)} == set(load_data("fr", "positions"))
    assert words.offices["ministere"] == "ministre" and "échoir" in words.handing_verbs
    assert words.same_kinds["etat"] == "Place" and "pressenti" in words.planned_modifiers
