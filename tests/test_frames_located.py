"""locatedIn read on the words around place names, on real parses of
sentences written for these tests: several shapes, and lists and loose
neighbours that must give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def located(text: str) -> list[tuple[str, str]]:
    return [
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate == "locatedIn"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le sommet a eu lieu à Tikrit, en Irak.", ("tikrit", "irak")),
        ("Le sommet a eu lieu à Tikrit (Irak) hier.", ("tikrit", "irak")),
        ("Des soldats sont arrivés à Mossoul, Irak, dans la nuit.", ("mossoul", "irak")),
        ("La ville allemande de Brême a voté.", ("breme", "allemagne")),
        (
            "Le quotidien britannique The Guardian a publié l'enquête.",
            ("the-guardian", "royaume-uni"),
        ),
        ("Le congrès se tient à Lyon, dans l'est de la France.", ("lyon", "france")),
        (
            "Les combats ont repris à Kandahar, dans le sud de l'Afghanistan.",
            ("kandahar", "afghanistan"),
        ),
        ("Une usine a fermé à Porto, dans le nord du Portugal, hier.", ("porto", "portugal")),
        (
            "Des manifestants se sont rassemblés devant l'ambassade de France à Dakar.",
            ("ambassade-de-france", "dakar"),
        ),
        ("Le consulat de Russie à Lviv a fermé ses portes.", ("consulat-de-russie", "lviv")),
        (
            "Des milliers de personnes ont défilé dans la capitale allemande Berlin.",
            ("berlin", "allemagne"),
        ),
        (
            "Le sommet a eu lieu à Casablanca, capitale économique du Maroc.",
            ("casablanca", "maroc"),
        ),
        ("Les dockers ont manifesté à Porto, deuxième ville du Portugal.", ("porto", "portugal")),
        ("Un attentat a frappé Kirkouk, ville du nord de l'Irak.", ("kirkouk", "irak")),
        (
            "Des émeutes ont éclaté à Urumqi, capitale de la région du Xinjiang.",
            ("urumqi", "xinjiang"),
        ),
        (
            "Le sommet se tiendra à Sotchi, ville russe des bords de la mer Noire.",
            ("sotchi", "russie"),
        ),
    ],
)
def test_located_shapes(nlp, text: str, expected: tuple[str, str]) -> None:
    assert located(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Il a visité Paris, Lyon et Marseille.",  # a list
        "Il a visité Paris, Lyon, Marseille.",  # a list without "et"
        "À Paris, Berlin a répondu.",  # two places, no apposition
        "Il a visité Lyon, puis Marseille.",
        "La ville de Lyon a voté.",  # a place noun and one place
        "Des manifestants se sont réunis à Mumbai (Bombay) hier.",  # two names of one city
        "Le convoi a quitté Lyon, au nord de Marseille, hier.",  # beside, not inside
        "Le convoi a quitté Strasbourg, à l'est de la France, vendredi.",  # outside
        "Les troupes sont entrées à Kiev, dans le cadre de l'accord avec la Russie.",
        "Une grève a paralysé Lyon, ville de l'est, hier.",  # a part of nothing named
    ],
)
def test_located_gives_nothing_for_places_side_by_side(nlp, text: str) -> None:
    assert located(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "L'ambassade de France a protégé les manifestants à Dakar.",  # the place is not next to it
        "Le FC Nantes à Lyon a perdu dimanche.",  # a proper name: a match away
        "Paul Dupont a écrit à l'ambassade de France à Paris.",  # Paris may be the verb's
        "Paul Dupont s'est réfugié au consulat de Russie à Lviv.",
        "Des milliers de personnes ont défilé dans la capitale.",  # no place named
        "Les combats ont repris à Alep, dans le nord du pays.",  # no catalogue: no country
    ],
)
def test_located_seats_and_capitals_give_nothing(nlp, text: str) -> None:
    assert located(text) == []


def linked_located(text: str) -> list[tuple[str, str]]:
    """locatedIn facts of a text through the pipeline, with the bundled catalogue."""
    from kg.ingest import article_from_text
    from kg.pipeline import Pipeline

    facts = Pipeline().extract(article_from_text(text, "t")).facts
    return [
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1])
        for f in facts
        if f.predicate == "locatedIn"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le gouvernement syrien a confirmé que les combats ont repris à Alep, "
            "dans le nord du pays.",
            ("alep", "syrie"),
        ),
        (
            "Le maire de Guayaquil, ville la plus peuplée du pays, a soutenu le président "
            "équatorien.",
            ("guayaquil", "equateur"),
        ),
        (
            "La police chinoise a dispersé un rassemblement dans la capitale Pékin.",
            ("pekin", "chine"),
        ),
        (
            "Marseille, deuxième ville du pays, a voté, a dit le ministre français.",
            ("marseille", "france"),
        ),
    ],
)
def test_located_in_the_country_the_catalogue_knows(nlp, text: str, expected) -> None:
    assert linked_located(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the catalogue puts Aleppo in Syria, which the text never names
        "Le ministre turc a indiqué que les combats ont repris à Alep, dans le nord du pays.",
        # a capital of a country the text does not name
        "Un rassemblement a été dispersé dans la capitale Pékin, selon la presse japonaise.",
        # the country of the story is not the place's
        "Le gouvernement français a appris que des combats ont repris à Alep, dans le nord "
        "du pays.",
    ],
)
def test_located_in_the_country_gives_nothing_when_the_text_does_not_name_it(nlp, text) -> None:
    assert linked_located(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le festival a lieu à Cork, qui fait partie de l'Irlande.", [("cork", "irlande")]),
        ("Le Groenland fait partie du Danemark.", [("groenland", "danemark")]),
        # a kind noun stands for the last place named with a word of its kind
        (
            "Des marins vivent aux îles Salomon. Le voilier a mouillé près des îles "
            "de Guadalcanal et de Malaita, faisant partie de l'archipel, au large.",
            [("guadalcanal", "iles-salomon"), ("malaita", "iles-salomon")],
        ),
        (
            "Des pêcheurs vivent aux îles Kerguelen. Le navire a accosté à "
            "Port-aux-Français, qui fait partie de l'archipel.",
            [("port-aux-francais", "iles-kerguelen")],
        ),
    ],
)
def test_frames_located_part_of_a_place(nlp, text: str, expected) -> None:
    assert located(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Des combats ont eu lieu à Kidal, située dans le nord du Mali.", [("kidal", "mali")]),
        ("Des combats ont eu lieu à Kidal, ville située au nord du Mali.", [("kidal", "mali")]),
        ("Les manifestants se sont réunis à Lyon, située en France.", [("lyon", "france")]),
        (
            "La ville de Mopti, située dans le centre du Mali, a été touchée.",
            [("mopti", "mali")],
        ),
        # south of a city is outside it, and so is a distance away
        ("Un attentat a eu lieu à Hilla, située au sud de Bagdad.", []),
        ("Un attentat a eu lieu à Hilla, située à 100 km au sud de Bagdad.", []),
        # a person is in no place by this
        ("Paul Girard, situé à Lyon, a parlé.", []),
    ],
)
def test_frames_located_situated_in_a_place(nlp, text: str, expected) -> None:
    assert located(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an organisation is no place to be in
        "Le Danemark fait partie de l'OTAN.",
        # a person is no place
        "Des pêcheurs vivent aux îles Kerguelen. Paul Girard, qui fait partie de "
        "l'archipel, est parti.",
        # no place of the kind named before
        "La ville de Nantes fait partie de l'archipel.",
    ],
)
def test_frames_located_part_of_refused(nlp, text: str) -> None:
    assert located(text) == []


def test_frames_located_part_of_a_kind_is_read_in_its_own_sentence(nlp) -> None:
    text = (
        "Des pêcheurs vivent aux îles Kerguelen. Le navire a accosté à Port-aux-Français, "
        "qui fait partie de l'archipel."
    )
    (fact,) = [f for f in facts_of(text) if f.predicate == "locatedIn"]
    assert fact.provenance.sentence.startswith("Le navire a accosté")
