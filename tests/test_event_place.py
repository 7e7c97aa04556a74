"""Where an event or a statement took place, on real parses of sentences
written for these tests: the place the words name, the scene an article
sets with a gathering, and what neither gives."""

from __future__ import annotations

import pytest

from kg.entities import group_mentions, resolve_references
from kg.event_place import place_words
from kg.ingest import article_from_text
from kg.mentions import extract_mentions
from kg.nlp import parse
from kg.pipeline import article_facts


def facts(text: str, date: str | None = "2005-04-20") -> list:
    parsed = next(parse([article_from_text(text, "t1", date=date)]))
    mentions = extract_mentions(parsed)
    index = resolve_references(parsed, group_mentions(mentions), mentions, "fr", None)
    return article_facts(parsed, index)


def places(text: str, predicate: str = "said") -> list[str | None]:
    """The place of each fact of a predicate, in text order."""
    return [f.place for f in facts(text) if f.predicate == predicate]


def test_event_place_words_come_from_the_language_folder() -> None:
    words = place_words("fr")
    assert {"à", "en", "dans", "depuis"} <= words.markers
    assert words.dative <= words.markers
    assert {"congrès", "visite"} <= words.gathering_nouns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a déclaré à Lyon que le pont serait rouvert.", "place/lyon"),
        ("Anne Roux a annoncé depuis Genève que la route serait fermée.", "place/geneve"),
        # a gerund adjunct of the speech verb
        ("Marc Petit a annoncé sa candidature en arrivant à Bordeaux.", "place/bordeaux"),
        # a house one arrives at is a place, though named as an organisation
        (
            "Marc Petit a annoncé sa démission en arrivant au Parlement européen.",
            "organization/parlement-europeen",
        ),
        # a gathering noun placing the verb, on "lors" or on the verb
        (
            "Lors de sa visite à Marseille, Paul Girard a affirmé que le port serait agrandi.",
            "place/marseille",
        ),
        (
            "Au cours d'une conférence de presse à Lille, Marc Petit a affirmé "
            "que le port serait agrandi.",
            "place/lille",
        ),
        (
            "Marc Petit a affirmé mardi, pendant une réunion à Dijon, que le port serait agrandi.",
            "place/dijon",
        ),
        # an occasion noun before the gathering; a gathering named after its place
        (
            "À l'occasion de sa visite à Oslo, Paul Girard a affirmé que le traité serait signé.",
            "place/oslo",
        ),
        (
            "Paul Girard a affirmé, en marge du sommet de Vilnius, que le traité serait signé.",
            "place/vilnius",
        ),
    ],
)
def test_event_place_a_statement_takes_the_place_its_verb_names(text: str, expected: str) -> None:
    assert places(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a country after "à" is whom the words are addressed to
        "Paul Girard a dit au Japon que la dette serait payée.",
        "Paul Girard a affirmé à la Chine que la dette serait payée.",
        # a place in the words reported or quoted is what was said
        "Paul Girard a déclaré qu'il irait en Espagne.",
        "« Nous irons à Rome », a déclaré Paul Girard.",
        # a place the speech is about
        "Paul Girard a déclaré, à propos de la Grèce, que la dette serait payée.",
        # a place that no gathering sets
        "Les soldats français sont stationnés au Mali. "
        "Paul Girard a déclaré que les soldats resteraient.",
        # a gathering named after an organisation, and an organisation named by a
        # gathering noun: "de" gives a place only
        "Paul Girard a affirmé, en marge du sommet de l'OTAN, que le traité serait signé.",
        "La Conférence des évêques de France a publié un texte. "
        "Le Parti vert a déclaré que le texte était injuste.",
    ],
)
def test_event_place_a_statement_gets_no_place_from_other_words(text: str) -> None:
    assert places(text) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Le Parti vert a tenu son congrès à Nantes. Anne Roux a été élue présidente du parti. "
        "Elle a estimé que la campagne serait difficile.",
        "Les élus ont été invités à Nantes. Anne Roux leur a dit que la campagne serait difficile.",
        "Les délégués se sont réunis à Nantes. « La campagne sera difficile », a ajouté Anne Roux.",
    ],
)
def test_event_place_a_gathering_sets_the_scene_of_the_statements_after_it(text: str) -> None:
    assert places(text) == ["place/nantes"]


def test_event_place_a_house_people_are_received_in_is_a_scene() -> None:
    text = "Les maires ont été reçus au Sénat. Paul Girard leur a dit que le traité serait signé."
    assert places(text) == ["organization/senat"]


@pytest.mark.parametrize(
    "text",
    [
        # a new day
        "Le Parti vert a tenu son congrès à Nantes. "
        "Le lendemain, Anne Roux a déclaré que la campagne serait difficile.",
        # another place named on a verb
        "Le Parti vert a tenu son congrès à Nantes. Anne Roux s'est ensuite rendue à Rennes. "
        "Elle a déclaré que la campagne serait difficile.",
        "Le Parti vert a tenu son congrès à Nantes. Anne Roux est ensuite partie à Rennes. "
        "Elle a déclaré que la campagne serait difficile.",
        # a gathering of another year than the article's
        "Lors d'un sommet à Vienne en 1999, Paul Girard avait rencontré Marc Petit. "
        "Anne Roux a déclaré que la campagne serait difficile.",
        # a caption
        "Paul Girard et Marc Petit lors d'une réunion à Vienne. "
        "Anne Roux a déclaré que la campagne serait difficile.",
    ],
)
def test_event_place_a_scene_ends_with_a_new_day_or_place(text: str) -> None:
    assert places(text) == [None]


def test_event_place_an_event_noun_takes_the_place_hung_on_its_argument() -> None:
    text = (
        "Le communiqué fait suite à la rencontre de Paul Girard "
        "avec le ministre Marc Petit à Lille."
    )
    assert places(text, "metWith") == ["place/lille"]


def test_event_place_a_gathering_places_and_dates_an_event() -> None:
    text = "Lors d'un sommet à Vienne en 1999, Paul Girard avait rencontré Marc Petit."
    met = [f for f in facts(text) if f.predicate == "metWith"]
    assert [(f.place, f.time) for f in met] == [("place/vienne", "1999")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a critiqué Marc Petit lors d'un discours à Strasbourg.", "place/strasbourg"),
        # an organisation after a gathering noun is whom one speaks to or before
        ("Paul Girard a critiqué Marc Petit lors d'un discours au Parlement européen.", None),
        ("Paul Girard a critiqué Marc Petit lors d'une interview à la BBC.", None),
    ],
)
def test_event_place_a_gathering_places_an_attitude(text: str, expected: str | None) -> None:
    assert places(text, "criticized") == [expected]


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        (
            "Paul Girard s'est rendu à Bucarest, où il a rencontré Marc Petit.",
            "metWith",
            "place/bucarest",
        ),
        (
            "Paul Girard est arrivé au Caire, où il a déclaré que le traité serait signé.",
            "said",
            "place/caire",
        ),
        # the clause hangs on the place's noun; the sentence's root is an adjective
        (
            "La ville de Lyon, où Paul Girard a rencontré Marc Petit, est calme.",
            "metWith",
            "place/lyon",
        ),
        # "où" after a person stands for no place
        (
            "Paul Girard a écrit à Marc Petit, où il a déclaré que le traité serait signé.",
            "said",
            None,
        ),
        # a time, not a place
        ("Paul Girard a rencontré Marc Petit le jour où la ville a voté.", "metWith", None),
    ],
)
def test_event_place_a_relative_where_stands_for_its_place(text, predicate, expected) -> None:
    assert places(text, predicate) == [expected]


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Anne Roux a critiqué Marc Petit à Lille hier.", "criticized", "place/lille"),
        # the parser hangs "en Espagne" on the name
        ("Paul Girard a rencontré Marc Petit en Espagne.", "metWith", "place/espagne"),
    ],
)
def test_event_place_a_place_after_a_name_places_the_verb(text, predicate, expected) -> None:
    assert places(text, predicate) == [expected]


def test_event_place_an_event_without_place_words_has_no_place() -> None:
    assert places("Paul Girard a rencontré Marc Petit après le vote.", "metWith") == [None]
