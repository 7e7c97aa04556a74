"""A capital named as the subject of a verb of saying or of a government's
act stands for its country (kg/capitals.py), on real parses of sentences
written for these tests, linked from the bundled catalogue."""

from __future__ import annotations

import pytest

from kg.capitals import CapitalCountries, capital_country
from kg.ingest import article_from_text
from kg.model import Entity, EntityType, Extraction, Link
from kg.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def extract(pipeline: Pipeline, text: str) -> Extraction:
    return pipeline.extract(article_from_text(text, "cap"))


def places(extraction: Extraction) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Place label -> (Wikidata id, aliases)."""
    return {e.label: (e.qid, e.aliases) for e in extraction.entities if e.type is EntityType.PLACE}


def facts(extraction: Extraction, predicate: str) -> list[tuple[str, str]]:
    return sorted(
        (f.subject.split("/")[-1], (f.object or f.value or "").split("/")[-1])
        for f in extraction.facts
        if f.predicate == predicate
    )


@pytest.mark.parametrize(
    ("text", "country", "qid", "capital"),
    [
        ("Moscou a annoncé mardi la fermeture de deux consulats.", "Russie", "Q159", "Moscou"),
        (
            "La Chine a critiqué la vente d'armes. Pékin a estimé que cet accord "
            "menaçait la paix dans la région.",
            "Chine",
            "Q148",
            "Pékin",
        ),
        (
            "Selon la presse, Tokyo a affirmé que les essais continueraient.",
            "Japon",
            "Q17",
            "Tokyo",
        ),
    ],
)
def test_capitals_speech_goes_to_the_country(pipeline, text, country, qid, capital) -> None:
    extraction = extract(pipeline, text)
    found = places(extraction)
    assert capital not in found
    assert found[country][0] == qid
    assert capital in found[country][1]
    said = [s for s, _ in facts(extraction, "said")]
    assert said == [country.lower()]


def test_capitals_act_goes_to_the_country(pipeline) -> None:
    text = "Le ministre Paul Garnier a défendu la réforme. Moscou a critiqué Paul Garnier."
    extraction = extract(pipeline, text)
    assert ("russie", "paul-garnier") in facts(extraction, "criticized")
    assert places(extraction)["Russie"][0] == "Q159"


def test_capitals_place_mentions_stay_a_town(pipeline) -> None:
    text = (
        "Le ministre Paul Garnier est arrivé lundi à Moscou. "
        "Moscou a dénoncé la présence de soldats à la frontière."
    )
    found = places(extract(pipeline, text))
    assert found["Moscou"][0] == "Q649"
    assert found["Russie"] == ("Q159", ("Moscou",))


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Paul Garnier a rencontré des étudiants à Pékin.",
        "Pékin a été touchée par une violente tempête dimanche.",
        "Les rues de Moscou étaient désertes ce matin.",
        "Moscou compte plus de douze millions d'habitants.",
        "Lyon a annoncé la fermeture de ses piscines.",
    ],
)
def test_capitals_as_places_give_no_country(pipeline, text) -> None:
    extraction = extract(pipeline, text)
    found = places(extraction)
    assert "Chine" not in found and "Russie" not in found
    assert not any(f.subject.startswith("place/") for f in extraction.facts)


def test_capitals_washington_only_as_a_subject(pipeline) -> None:
    said = extract(pipeline, "Washington a annoncé de nouvelles sanctions contre le régime.")
    assert places(said)["États-Unis"][0] == "Q30"
    assert [s for s, _ in facts(said, "said")] == ["etats-unis"]
    visit = extract(pipeline, "Le ministre Paul Garnier se rendra à Washington en juin.")
    assert "États-Unis" not in places(visit)
    person = extract(
        pipeline, "George Washington a annoncé sa démission. Washington a ensuite dit non."
    )
    assert "États-Unis" not in places(person)
    assert {s for s, _ in facts(person, "said")} == {"george-washington"}


def capitals_of(*names: tuple[str, set[str]]) -> CapitalCountries:
    """Capitals from a table written here: name -> country ids; every linked
    town lies in Q1."""
    table = dict(names)
    return CapitalCountries(
        lambda name: set(table.get(name, ())), lambda qid: qid, lambda qid: "Q1", frozenset()
    )


def town(label: str, qid: str | None = None) -> Entity:
    link = Link(qid, 1.0, "catalogue", "test") if qid else None
    return Entity(f"place/{label.lower()}", EntityType.PLACE, label, link=link)


def test_capitals_country_of_a_name() -> None:
    capitals = capitals_of(("Alpha", {"Q1"}), ("Beta", {"Q1", "Q2"}), ("Gamma", {"Q2"}))
    assert capital_country(town("Alpha"), capitals) == "Q1"
    assert capital_country(town("Alpha", "Q10"), capitals) == "Q1"
    # the capital of two countries, a town of another country, no capital
    assert capital_country(town("Beta"), capitals) is None
    assert capital_country(town("Gamma", "Q20"), capitals) is None
    assert capital_country(town("Delta"), capitals) is None
    organisation = Entity("organization/alpha", EntityType.ORGANIZATION, "Alpha")
    assert capital_country(organisation, capitals) is None
