"""The real pipeline on the reference article, scored through ``kg eval --json``.

The floors are the quality the project commits to on the seed article; raise
them as the extraction improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

from floors import below_floors
from typer.testing import CliRunner

from kg.cli import app

#: Minimum scores on the seed article: (section, measure) -> floor. Measured
#: now: entities P 1.0 R 1.0, linking 1.0, facts P 0.952 R 1.0, qualifiers 1.0.
FLOORS = {
    ("entities", "p"): 1.0,
    ("entities", "r"): 1.0,
    ("linking", "accuracy"): 1.0,
    ("facts", "p"): 0.95,
    ("facts", "r"): 1.0,
    ("qualifiers", "accuracy"): 1.0,
}


def test_evaluate_seed_scores_reach_the_floors(shared_dir: Path) -> None:
    gold = shared_dir / "gold" / "seed-poutine-trump.yaml"
    result = CliRunner().invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["files"] == 1
    assert data["facts"]["tp"] + data["facts"]["fn"] == 20
    assert data["linking"]["n"] == 9
    below = below_floors(data, FLOORS)
    assert not below, f"below the floor (score, floor): {below}"
