"""Roles given "respectivement" to the names before them (kg/frames/respective.py),
on real parses of sentences written for these tests, with sentences that must
give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of


def roles(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (f.subject.split("/")[-1], f.predicate, (f.object or f.of or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate in ("memberOf", "holdsPosition")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paul Girard et Anne Roux, respectivement président et vice-présidente du Parti vert, "
            "ont démissionné.",
            [
                ("anne-roux", "holdsPosition", "parti-vert"),
                ("anne-roux", "memberOf", "parti-vert"),
                ("paul-girard", "holdsPosition", "parti-vert"),
                ("paul-girard", "memberOf", "parti-vert"),
            ],
        ),
        # prepositions and bracketed appositions inside the list of names
        (
            "L'étude a été demandée par Paul Girard (élu en 1990) et par Anne Roux (élue en "
            "1998), respectivement président et simple membre de la commission des finances.",
            [
                ("anne-roux", "memberOf", "commission-des-finances"),
                ("paul-girard", "holdsPosition", "commission-des-finances"),
                ("paul-girard", "memberOf", "commission-des-finances"),
            ],
        ),
    ],
)
def test_respective_roles_go_in_order_to_the_names(
    nlp, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # three names, two roles: which is which is not said
        "Paul Girard, Anne Roux et Luc Marin, respectivement président et vice-présidente du "
        "Parti vert, ont démissionné.",
        # a single name
        "Paul Girard, respectivement président et vice-président du Parti vert, a démissionné.",
        # no role after the adverb
        "Paul Girard et Anne Roux ont respectivement voté pour et contre le Parti vert.",
    ],
)
def test_respective_lists_that_do_not_pair_give_no_role(nlp, text: str) -> None:
    assert [r for r in roles(text) if r[1] == "memberOf"] == []
