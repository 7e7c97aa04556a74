"""Criticism and defence stated as reactions, stances, judgements and
protests, and what they are about, on real parses of sentences written for
these tests (kg/frames/reactions.py, kg/frames/reaction_target.py)."""

from __future__ import annotations

import pytest
from conftest import facts_of

from kg.errors import FrameError
from kg.frames.reaction_target import is_country
from kg.frames.reaction_words import reaction_words, read_reaction_words
from kg.lexicon import lexicon
from kg.model import Entity, EntityType, Polarity


def pairs(text: str, predicate: str = "criticized") -> list[tuple[str, str]]:
    return sorted(
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate == predicate
    )


def test_reactions_words_load() -> None:
    words = reaction_words("fr")
    assert words.reaction_nouns and words.stance_words and words.pejorative_words
    assert words.target.act_nouns and words.target.making_verbs


def test_reactions_words_problems_reported_at_once() -> None:
    data = {"stance_words": "choqué", "group_counts": {"deux": "two", "un": 1}}
    with pytest.raises(FrameError) as caught:
        read_reaction_words(data, "kg/lang/xx/reactions.yaml")
    message = str(caught.value)
    assert "kg/lang/xx/reactions.yaml: 3 problems" in message
    assert "stance_words: expected a list of words" in message
    assert "group_counts.deux: expected a whole number >= 2, got 'two'" in message
    assert "group_counts.un" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le ministre Paul Girard a présenté mardi une réforme des retraites. Cette réforme "
            "a suscité des réactions hostiles, parmi lesquelles celle d'Anne Roux, qui a parlé "
            "d'un texte injuste.",
            [("anne-roux", "paul-girard")],
        ),
        (
            "Le discours de Paul Girard a déclenché la colère de Marc Petit.",
            [("marc-petit", "paul-girard")],
        ),
        (
            "Le nouveau plan de Paul Girard a provoqué des protestations, parmi lesquelles "
            "celles de Marc Petit et d'Anne Roux.",
            [("anne-roux", "paul-girard"), ("marc-petit", "paul-girard")],
        ),
        # the author of an act named by the agent of its participle
        (
            "L'annonce faite par Paul Girard a suscité la colère de Marc Petit.",
            [("marc-petit", "paul-girard")],
        ),
    ],
)
def test_reactions_caused_name_their_holders(nlp, text: str, expected) -> None:
    assert pairs(text) == expected


def test_reactions_holders_go_on_past_a_quote_split_into_two_sentences(nlp) -> None:
    text = (
        "La décision de Paul Girard avait provoqué des réactions négatives, parmi lesquelles celle "
        "de Marc Petit, qui demandait : « Est-ce bien sérieux ?\n», ou encore celle "
        "d'Anne Roux qui y voyait une erreur."
    )
    assert pairs(text) == [("anne-roux", "paul-girard"), ("marc-petit", "paul-girard")]


@pytest.mark.parametrize(
    "text",
    [
        # no one the reaction is about
        "Le nouveau plan a provoqué des protestations, parmi lesquelles celles de Marc Petit.",
        # a place is no target
        "La politique de la France a suscité la colère de Marc Petit.",
        # two people in one holder's words, not joined: whose reaction is unknown
        "La décision de Paul Girard a suscité des critiques, parmi lesquelles celle "
        "du maire Marc Petit, voisin d'Anne Roux.",
        # a pronoun outside a list of reactions names no holder
        "La réforme de Paul Girard a suscité la colère des syndicats, mais la situation "
        "de l'usine, celle de Marc Petit, reste fragile.",
        # a reaction that may be for or against, with no negative word
        "La décision de Paul Girard a suscité des réactions, parmi lesquelles celle "
        "d'Anne Roux, qui a salué un texte juste.",
        # a question asks
        "La décision de Paul Girard a-t-elle suscité la colère de Marc Petit ?",
        # who is arrested or dies undergoes the act: no criticism of him
        "L'arrestation de Paul Girard a provoqué la colère de Marc Petit.",
        "Marc Petit s'est dit scandalisé par la mort d'Anne Roux.",
        # a country named as a place is no target
        "La Chine a exprimé son indignation face à la situation au Japon.",
        # words in quote marks nobody says
        "Le slogan « Anne Roux s'est déclarée scandalisée par les propos de Paul Girard » "
        "a fait le tour du web.",
    ],
)
def test_reactions_refused(nlp, text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux a exprimé sa colère devant les propos de Paul Girard.",
        "Anne Roux a fait part de son indignation face aux propos de Paul Girard.",
        "Paul Girard a diffusé une vidéo. Anne Roux a fait connaître sa colère face à cette vidéo.",
    ],
)
def test_reactions_voiced_against_what(nlp, text: str) -> None:
    assert pairs(text) == [("anne-roux", "paul-girard")]


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux a fait connaître sa colère.",  # against nothing named
        "Anne Roux a exprimé sa colère devant la foule.",  # a crowd is nobody named
        # a name after "devant" says where
        "Anne Roux a exprimé sa colère devant le Parlement européen.",
        # a sentence passed is no reaction
        "L'enquête de Paul Girard a entraîné la condamnation de Marc Petit.",
    ],
)
def test_reactions_voiced_without_target_give_nothing(nlp, text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paul Girard a publié un livre. Anne Roux s'est déclarée scandalisée par ce livre.",
            [("anne-roux", "paul-girard")],
        ),
        (
            "Anne Roux s'est dite indignée par les déclarations de Paul Girard.",
            [("anne-roux", "paul-girard")],
        ),
        # no cause named: the target of the reaction just before
        (
            "Les propos de Paul Girard ont provoqué des réactions indignées, parmi lesquelles "
            "celle de Marc Petit. Anne Roux s'est également déclarée choquée.",
            [("anne-roux", "paul-girard"), ("marc-petit", "paul-girard")],
        ),
    ],
)
def test_reactions_stances(nlp, text: str, expected) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux s'est déclarée choquée.",  # no cause and no reaction before
        # a cause of her own that names nobody: not the reaction before
        "Les propos de Paul Girard ont provoqué des réactions indignées, parmi lesquelles "
        "celle de Marc Petit. Anne Roux s'est dite choquée par la violence des images.",
        "Les propos de Paul Girard ont choqué Anne Roux.",  # an active verb: no stance read
        # the reaction before is too far back
        "Les propos de Paul Girard ont provoqué des réactions indignées, parmi lesquelles celle "
        "de Marc Petit. Le conseil se réunit lundi. Le vote aura lieu mardi. Le budget sera "
        "discuté. Anne Roux s'est déclarée choquée.",
    ],
)
def test_reactions_stances_without_cause_refused(nlp, text: str) -> None:
    assert ("anne-roux", "paul-girard") not in pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marc Petit a qualifié les accusations de Paul Girard d'absurdes.",
        "Marc Petit a jugé la décision de Paul Girard inacceptable.",
        # a demonstrative for the act named just before ("accusations")
        "Paul Girard a lancé des accusations contre le maire. Marc Petit a qualifié cette "
        "annonce de « ridicule ».",
    ],
)
def test_reactions_judgements(nlp, text: str) -> None:
    assert pairs(text) == [("marc-petit", "paul-girard")]


@pytest.mark.parametrize(
    "text",
    [
        "Marc Petit a qualifié la décision de Paul Girard d'historique.",  # no pejorative word
        "Marc Petit a-t-il qualifié la décision de Paul Girard d'absurde ?",  # a question
        "Marc Petit a jugé la situation absurde.",  # about nobody
    ],
)
def test_reactions_judgements_refused(nlp, text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Marc Petit n'a pas jugé la décision de Paul Girard inacceptable.",
        "Marc Petit ne s'est pas dit choqué par les propos de Paul Girard.",
        "Marc Petit n'a pas relativisé les propos de Paul Girard.",
    ],
)
def test_reactions_negated_are_negative(nlp, text: str) -> None:
    facts = [f for f in facts_of(text) if f.predicate in ("criticized", "defended")]
    assert [f.polarity for f in facts] == [Polarity.NEGATIVE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marc Petit a protesté contre un manque de concertation de la part de Paul Girard.",
            [("marc-petit", "paul-girard")],
        ),
        (
            "Anne Roux s'est élevée contre les propos de Paul Girard.",
            [("anne-roux", "paul-girard")],
        ),
        ("Anne Roux a protesté contre un manque de moyens.", []),
        # a name only inside quoted words is the quote's topic
        (
            "Anne Roux a protesté contre « un manque de concertation de la part de Paul Girard ».",
            [],
        ),
    ],
)
def test_reactions_protests(nlp, text: str, expected) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marc Petit a relativisé la portée des propos de Paul Girard.",
            [("marc-petit", "paul-girard")],
        ),
        # the author of the act a definite noun takes up: who made it
        (
            "Paul Girard a diffusé une vidéo. Marc Petit a minimisé la portée de la vidéo.",
            [("marc-petit", "paul-girard")],
        ),
        ("Marc Petit a minimisé les risques.", []),
    ],
)
def test_reactions_defence(nlp, text: str, expected) -> None:
    assert pairs(text, "defended") == expected
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # "autres": the people the sentence before names, its subject left out
        "Anne Roux a été élue contre Marc Petit et Luc Blanc. D'autres candidats ont "
        "protesté contre la décision de Paul Girard.",
        # a number: exactly that many people named in the sentence before
        "Marc Petit et Luc Blanc ont voté contre le texte. Les deux députés ont protesté "
        "contre un manque de concertation de la part de Paul Girard.",
        "Marc Petit et Luc Blanc ont voté contre le texte. Les deux députés se sont dits "
        "choqués par les propos de Paul Girard.",
    ],
)
def test_reactions_group_holders(nlp, text: str) -> None:
    assert pairs(text) == [("luc-blanc", "paul-girard"), ("marc-petit", "paul-girard")]


@pytest.mark.parametrize(
    "text",
    [
        # three announced, two named
        "Marc Petit et Luc Blanc ont voté contre le texte. Les trois députés ont protesté "
        "contre un manque de concertation de la part de Paul Girard.",
        # one other is no group
        "Anne Roux a été élue contre Marc Petit. D'autres candidats ont protesté contre la "
        "décision de Paul Girard.",
        # nobody named before
        "D'autres candidats ont protesté contre la décision de Paul Girard.",
    ],
)
def test_reactions_group_holders_refused(nlp, text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "« La décision de Paul Girard est inacceptable », a déclaré Anne Roux.",
        "Anne Roux a estimé que la décision de Paul Girard était absurde.",
        # a pejorative manner judges the subject of its verb
        "Paul Girard a présenté une réforme. « Cette réforme traite d'une manière "
        "scandaleuse les retraités », a affirmé Anne Roux.",
    ],
)
def test_reactions_judgements_in_speech(nlp, text: str) -> None:
    assert pairs(text) == [("anne-roux", "paul-girard")]


@pytest.mark.parametrize(
    "text",
    [
        "« C'est inacceptable », a déclaré Anne Roux.",  # a pronoun names no act
        "« Il est inacceptable que les salaires baissent », a déclaré Anne Roux.",
        # the article's own words: nobody's judgement
        "La décision de Paul Girard est inacceptable.",
        # no pejorative word
        "« La décision de Paul Girard est historique », a déclaré Anne Roux.",
    ],
)
def test_reactions_judgements_in_speech_refused(nlp, text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux a pris la défense de Paul Girard.",
        "Anne Roux a défendu Paul Girard contre les attaques de Marc Petit.",
        "Anne Roux a défendu la réforme de Paul Girard.",
    ],
)
def test_reactions_defence_verbs_and_nouns(nlp, text: str) -> None:
    assert pairs(text, "defended") == [("anne-roux", "paul-girard")]
    # who attacked is not thereby criticised by the defender
    assert pairs(text) == []


def test_reactions_judging_ones_own_act_gives_nothing(nlp) -> None:
    text = "Paul Girard a présenté une réforme. Paul Girard a ensuite jugé cette réforme absurde."
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anne Roux s'est indignée de la décision de Paul Girard.", [("anne-roux", "paul-girard")]),
        (
            "Anne Roux s'est insurgée contre les propos de Paul Girard.",
            [("anne-roux", "paul-girard")],
        ),
        ("Anne Roux a déploré la décision de Paul Girard.", [("anne-roux", "paul-girard")]),
        # who dies or is arrested undergoes the act: no criticism of him
        ("Anne Roux a déploré la mort de Paul Girard.", []),
        ("Anne Roux a dénoncé l'arrestation de Paul Girard.", []),
        ("Anne Roux a condamné l'assassinat de Paul Girard.", []),
        # the criticism verbs still reach the author of an act
        ("Anne Roux a dénoncé la décision de Paul Girard.", [("anne-roux", "paul-girard")]),
    ],
)
def test_reactions_regrets_and_what_is_undergone(nlp, text: str, expected) -> None:
    assert pairs(text) == expected


def test_reactions_group_fact_is_read_in_the_reactions_sentence(nlp) -> None:
    text = (
        "Marc Petit et Luc Blanc ont voté contre le texte. Les deux députés ont protesté "
        "contre un manque de concertation de la part de Paul Girard."
    )
    facts = [f for f in facts_of(text) if f.predicate == "criticized"]
    assert len(facts) == 2
    assert all(f.provenance.sentence.startswith("Les deux députés") for f in facts)
    assert all(f.provenance.rule == "reaction:protest.v1" for f in facts)


def test_reactions_antecedent_is_looked_for_a_few_paragraphs_back_only(nlp) -> None:
    near = "Paul Girard a diffusé une vidéo. Le vote a eu lieu lundi. "
    after = "Marc Petit a minimisé la portée de la vidéo."
    assert pairs(near + after, "defended") == [("marc-petit", "paul-girard")]
    filler = " ".join(f"Le conseil numéro {n} a voté lundi." for n in range(12))
    text = f"Paul Girard a diffusé une vidéo. {filler} {after}"
    assert pairs(text, "defended") == []


def test_reactions_stance_without_cause_stays_in_its_paragraph(nlp) -> None:
    reaction = (
        "Les propos de Paul Girard ont provoqué des réactions indignées, parmi lesquelles "
        "celle de Marc Petit."
    )
    stance = "Anne Roux s'est également déclarée choquée."
    assert ("anne-roux", "paul-girard") in pairs(f"{reaction} {stance}")
    assert ("anne-roux", "paul-girard") not in pairs(f"{reaction}\n\n{stance}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country reacts, against the author of an act
        (
            "La Chine a exprimé son indignation face à la décision de Paul Girard.",
            [("chine", "paul-girard")],
        ),
        ("Le Japon s'est dit choqué par les propos de Paul Girard.", [("japon", "paul-girard")]),
        # a country acts: the complement of an act noun
        (
            "La Chine a fait part de sa colère face aux propos de la Russie.",
            [("chine", "russie")],
        ),
        ("Le Brésil a déploré la décision de l'Argentine.", [("bresil", "argentine")]),
        # the agent of the act's participle, "de la part de"
        (
            "Le Japon s'est dit choqué par l'annonce faite par la France.",
            [("japon", "france")],
        ),
        (
            "La France a protesté contre la décision prise par l'Allemagne.",
            [("france", "allemagne")],
        ),
        (
            "La Russie a protesté contre un défaut de concertation de la part de la Chine.",
            [("russie", "chine")],
        ),
        # the subject of the verb that made the act, taken up later
        (
            "Le Japon a pris une décision lundi. La Chine a exprimé sa colère face à cette "
            "décision.",
            [("chine", "japon")],
        ),
        # a person of another country
        (
            "Le ministre chinois Li Wei a exprimé sa colère face à la décision du Japon.",
            [("li-wei", "japon")],
        ),
    ],
)
def test_reactions_countries_hold_and_are_targets(nlp, text: str, expected) -> None:
    assert pairs(text) == expected


def test_reactions_country_defends_an_act(nlp) -> None:
    text = "Le Canada a relativisé la portée des propos de la France."
    assert pairs(text, "defended") == [("canada", "france")]


@pytest.mark.parametrize(
    "text",
    [
        # the country named itself, not as one who acts
        "La Chine a exprimé sa colère face à la Corée du Sud.",
        "La Chine a exprimé sa colère face à la politique du Japon.",
        # a place reached by "en / à / dans", where something happens
        "Le Japon a déploré la situation en Irak.",
        "La France a exprimé sa colère face aux violences à Lyon.",
        "Le Japon a exprimé sa colère face aux violences commises en Chine.",
        "Anne Roux a déploré la mort de Paul Girard en Italie.",
        # a town or a region as the one who acts, or as the one who reacts
        "La Chine a exprimé sa colère face à la décision de Bordeaux.",
        "La Chine a exprimé sa colère face à la décision de la Californie.",
        "Lyon a exprimé sa colère face aux propos de Paul Girard.",
        "La Catalogne a exprimé sa colère face à la décision de Paul Girard.",
        # where the reaction is voiced
        "La Chine a exprimé sa colère devant l'ambassade du Japon.",
        # the holder's own country
        "Le ministre chinois Li Wei a exprimé sa colère face à la décision de la Chine.",
        "Li Wei, ministre chinois, a fait part de son indignation face aux déclarations de "
        "la Chine.",
        "L'ambassadeur de Chine Li Wei a exprimé sa colère face aux propos de la Chine.",
    ],
)
def test_reactions_places_refused(nlp, text: str) -> None:
    assert pairs(text) == []


def test_reactions_country_known_by_its_name_or_an_alias() -> None:
    countries = lexicon("fr").countries
    china = Entity("place/chine", EntityType.PLACE, "Chine")
    assert is_country(china, countries)
    # a capital the article uses for its country is an alias of the country
    assert is_country(Entity("place/chine", EntityType.PLACE, "Pékin", ("Chine",)), countries)
    assert not is_country(Entity("place/pekin", EntityType.PLACE, "Pékin"), countries)
    assert not is_country(Entity("place/californie", EntityType.PLACE, "Californie"), countries)
    assert not is_country(Entity("org/chine", EntityType.ORGANIZATION, "Chine"), countries)
