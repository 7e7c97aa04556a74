"""A plural demonstrative ("ceux-ci") stands for the list of organisations
the article set after a plural noun, and each of them says the words; real
parses of sentences written for these tests, with shapes that give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of

LIST = (
    "Le Parti social a reçu ses partenaires de la majorité, l'Union démocrate (UD) "
    "et le Mouvement libéral (ML), lundi. "
)


def said(text: str) -> list[tuple[str, str]]:
    return [
        (f.subject.split("/")[-1], f.value or "") for f in facts_of(text) if f.predicate == "said"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            LIST + "Le soutien des alliés du Parti social semble acquis, ceux-ci ayant "
            "posé comme condition le départ du ministre.",
            "le départ du ministre",
        ),
        (
            LIST + "Les alliés du Parti social ont parlé, ceux-ci ayant déclaré que la "
            "réforme serait votée.",
            "la réforme serait votée",
        ),
    ],
)
def test_groups_each_organisation_of_the_list_says_the_words(nlp, text, expected) -> None:
    assert said(text) == [("union-democrate", expected), ("mouvement-liberal", expected)]


@pytest.mark.parametrize(
    "text",
    [
        # no list before
        "Le soutien des alliés du Parti social semble acquis, ceux-ci ayant "
        "posé comme condition le départ du ministre.",
        # the noun's own complement is in the list: not its allies
        "Le Parti social a reçu les partis de la majorité, le Parti social et l'Union "
        "démocrate, lundi. Le soutien des alliés du Parti social semble acquis, "
        "ceux-ci ayant posé comme condition le départ du ministre.",
    ],
)
def test_groups_without_one_list_say_nothing(nlp, text: str) -> None:
    assert said(text) == []
