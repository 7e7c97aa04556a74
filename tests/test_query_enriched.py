"""Article facts joined with Wikidata facts: a meeting "à Helsinki" is in Finland."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from factory import EXAMPLES
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_query_meetings_in_a_country_through_enrichment(tmp_path: Path, seed_path: Path):
    built = tmp_path / "both.trig"
    result = runner.invoke(
        app, ["build", str(seed_path), str(EXAMPLES / "sommet-helsinki.txt"), "-o", str(built)]
    )
    assert result.exit_code == 0, result.output
    linked = tmp_path / "linked.trig"
    result = runner.invoke(app, ["link", str(built), "-o", str(linked), "--offline", "--enrich"])
    assert result.exit_code == 0, result.output

    def places(graph: Path) -> list[str]:
        result = runner.invoke(
            app, ["query", "meetings-in-country", "--graph", str(graph), "-f", "csv"]
        )
        assert result.exit_code == 0, result.output
        return sorted(row["placeLabel"] for row in csv.DictReader(io.StringIO(result.stdout)))

    # Without the Wikidata facts only "en Finlande" answers; with them, "à Helsinki" too.
    assert places(built) == ["Finlande"]
    assert places(linked) == ["Finlande", "Helsinki"]
