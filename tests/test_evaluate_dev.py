"""The real pipeline on the 16 real Wikinews stories of the development gold,
scored through ``kg eval --json``.

The floors are the quality the project commits to on real news; raise them
as the extraction improves, never lower them to make a change pass. The
target is facts P >= 0.90 and R >= 0.75; recall is held where it stands.
"""

from __future__ import annotations

from typing import Any

from floors import below_floors

#: Minimum scores on the development set: (section, measure) -> floor.
#: Measured now: facts P 0.958 R 0.574 (132 of 230), qualifiers 0.596 (57).
FLOORS = {
    ("facts", "p"): 0.90,
    ("facts", "r"): 0.57,
    # 34 correct of 57 (33 of 54 before): the newly found meeting and quote
    # have a place qualifier that no rule gives yet, so the share fell.
    ("qualifiers", "accuracy"): 0.59,
}
#: Per-predicate recall floors, for the predicates with the most gold facts.
PREDICATE_FLOORS = {
    "said": 0.71,
    "holdsPosition": 0.73,
    "memberOf": 0.37,
    "locatedIn": 0.42,
    "worksFor": 0.55,
    "speaksFor": 0.57,
    "visited": 0.4,
}


def test_evaluate_dev_scores_reach_the_floors(dev_scores: dict[str, Any]) -> None:
    assert dev_scores["facts"]["tp"] + dev_scores["facts"]["fn"] == 230
    below = below_floors(dev_scores, FLOORS)
    by_predicate = dev_scores["facts"]["by_predicate"]
    below |= {
        f"{name}.r": (by_predicate[name]["r"], floor)
        for name, floor in PREDICATE_FLOORS.items()
        if by_predicate[name]["r"] < floor
    }
    assert not below, f"below the floor (score, floor): {below}"
