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
    ],
)
def test_located_gives_nothing_for_places_side_by_side(nlp, text: str) -> None:
    assert located(text) == []
