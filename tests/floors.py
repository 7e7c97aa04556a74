"""Quality floors: ``kg eval --json`` on the development gold, run once a session."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kg.cli import app


@pytest.fixture(scope="session")
def dev_scores(shared_dir: Path) -> dict[str, Any]:
    """The scores of the 16 real stories of the development gold."""
    golds = sorted((shared_dir / "gold" / "wikinews-dev" / "gold").glob("*.yaml"))
    assert len(golds) == 16
    result = CliRunner().invoke(app, ["eval", *map(str, golds), "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def below_floors(
    data: Mapping[str, Any], floors: Mapping[tuple[str, str], float]
) -> dict[str, tuple[float, float]]:
    """The ``(section, measure)`` scores under their floor, as ``{name: (score, floor)}``."""
    return {
        f"{section}.{measure}": (data[section][measure], floor)
        for (section, measure), floor in floors.items()
        if data[section][measure] < floor
    }
