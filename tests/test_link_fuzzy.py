"""Spelling variants of people's names: the key, the look-up, and the linker
asking the context to agree."""

from __future__ import annotations

import pytest
from factory import article

from kg.link import Linker
from kg.link.fuzzy import THRESHOLD, PersonNames, spelling_key
from kg.model import Entity, EntityType


@pytest.mark.parametrize(
    "one, other",
    [
        ("Alexandre Loukachenko", "Alexandr Lukashenko"),
        ("Benjamin Netanyahu", "Benyamin Netanyahou"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("Mikhail Mishustin", "Mikhaïl Michoustine"),
        ("Bashir el-Khoury", "Bachir al-Khouri"),
    ],
)
def test_link_fuzzy_spelling_key_folds_transliterations(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)


def test_link_fuzzy_spelling_key_keeps_different_names_apart() -> None:
    assert spelling_key("Li Qiang") != spelling_key("Li Keqiang")
    assert spelling_key("Donald Tusk") != spelling_key("Donald Trump")


def test_link_fuzzy_near_finds_variants_above_the_threshold_only() -> None:
    names = PersonNames([("Olaf Scholz", "Q1"), ("Anna Scholz", "Q2"), ("Scholz", "Q3")])
    assert names.near("Olaf Scholtz") == {"Q1": pytest.approx(95.2, abs=0.1)}
    assert names.near("Olaf Schmitt") == {}
    assert names.near("Scholtz") == {}  # one word: no fuzzy look-up
    assert names.near("Anna Sholz") == {"Q2": 100.0}
    assert min(names.near("Olaf Scholtz").values()) >= THRESHOLD


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker()


def _person(linker: Linker, name: str, text: str, *others: Entity) -> str | None:
    entity = Entity(f"person/{name.lower().replace(' ', '-')}", EntityType.PERSON, name)
    return linker.link([entity, *others], article(text))[0].qid


def test_link_fuzzy_variant_links_when_the_context_agrees(linker: Linker) -> None:
    ukraine = Entity("place/ukraine", EntityType.PLACE, "Ukraine")
    text = "Volodymyr Zelenskiy a visité le front en Ukraine."
    assert _person(linker, "Volodymyr Zelenskiy", text, ukraine) == "Q3874799"
    germany = "Olaf Scholtz a parlé à Berlin, capitale de l'Allemagne."
    assert _person(linker, "Olaf Scholtz", germany) == "Q61053"


def test_link_fuzzy_variant_without_context_stays_unlinked(linker: Linker) -> None:
    assert _person(linker, "Olaf Scholtz", "Olaf Scholtz a parlé longtemps.") is None
    # the context of another country does not help
    assert _person(linker, "Olaf Scholtz", "Olaf Scholtz a parlé au Brésil.") is None


def test_link_fuzzy_near_miss_of_another_person_stays_unlinked(linker: Linker) -> None:
    text = "Anna Scholz, une élue de Hambourg, a parlé en Allemagne."
    assert _person(linker, "Anna Scholz", text) is None
