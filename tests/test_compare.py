"""Comparing predicted values with gold ones: names, literals, times."""

from __future__ import annotations

import pytest

from kg.compare import literal_matches, normalize, time_agrees


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’OTAN", "otan"),
        ("l'  OTAN", "otan"),
        ("Etats-Unis", "etats-unis"),
        ("les  États-Unis", "etats-unis"),
        ("La Maison\u202fBlanche", "maison blanche"),
        ("« Ce n’est pas exclu »", '" ce n\'est pas exclu "'),
        ("Lesotho", "lesotho"),
        ("ＯＴＡＮ", "otan"),
    ],
)
def test_compare_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("« paix »", "la paix est possible", True),
        ("la paix est possible", "« Paix »", True),
        ("la paix", "la guerre", False),
        ("la paix", None, False),
        ("la paix", "« »", False),
    ],
)
def test_compare_literal_matches_when_either_contains_the_other(
    gold: str, predicted: str | None, expected: bool
) -> None:
    assert literal_matches(gold, predicted) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("2024", "2024-11-08", True),
        ("2024-11", "2024-11-08T10:00:00", True),
        ("2024-11-08", "2024-11-08", True),
        ("2024-1", "2024-11-08", False),
        ("2024", "2025-01-01", False),
        ("2024-11-08", "2024", False),
        ("2024", None, False),
    ],
)
def test_compare_time_agrees_within_the_gold_precision(
    gold: str, predicted: str | None, expected: bool
) -> None:
    assert time_agrees(gold, predicted) is expected
