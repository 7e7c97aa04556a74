"""A later noun ("l'annonce faite par Y") gives a statement to the one who
voiced it; real parses of sentences written for these tests, with shapes
that give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def said(text: str) -> list[tuple[str, str]]:
    return [
        (f.subject.split("/")[-1], f.value or "") for f in facts_of(text) if f.predicate == "said"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement belge, par la voix de Paul Girard, a annoncé son projet de vendre "
        "deux casernes. L'annonce faite par Paul Girard a inquiété les riverains.",
        "Le gouvernement belge a annoncé lundi, par la voix de Paul Girard, qu'il vendrait "
        "deux casernes. Cette annonce de Paul Girard a inquiété les riverains.",
    ],
)
def test_restated_by_the_voice_of_a_statement(nlp, text: str) -> None:
    speakers = [speaker for speaker, _ in said(text)]
    assert speakers == ["belgique", "paul-girard"]
    assert len({value for _, value in said(text)}) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the maker already said it
        "Paul Girard a annoncé la vente de deux casernes. L'annonce faite par Paul Girard "
        "a inquiété les riverains.",
        # an indefinite noun, or no statement before
        "Une annonce de Paul Girard a surpris les syndicats.",
        "L'annonce faite par Paul Girard a surpris les syndicats.",
        # another one's statement
        "Anne Roux a déclaré que la loi serait votée. La déclaration de Paul Girard a "
        "surpris les élus.",
    ],
)
def test_restated_gives_nothing_new_otherwise(nlp, text: str) -> None:
    rules = [f.provenance.rule for f in facts_of(text) if f.predicate == "said"]
    assert "quote:restated.v1" not in rules
