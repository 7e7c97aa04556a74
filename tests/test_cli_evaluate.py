"""``kg eval`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import EXAMPLES, ROOT, entity
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.evaluate import run_eval
from kg.gold import load_gold
from kg.model import Article, Extraction, Fact, Provenance

EXAMPLE = EXAMPLES / "gold" / "sommet-elysee.yaml"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_cli_evaluate_help_ends_with_a_runnable_example() -> None:
    result = invoke("eval", "--help")
    assert result.exit_code == 0
    for option in ("--json", "--explain", "--no-link"):
        assert option in result.stdout
    last = result.stdout.strip().splitlines()[-1].strip()
    assert last.startswith("Example: kg eval examples/gold/")
    assert (ROOT / last.split()[3]).is_file()


def test_cli_evaluate_needs_a_gold_file() -> None:
    result = invoke("eval")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_cli_evaluate_reports_every_gold_problem_before_extracting(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "text: missing.txt\nlanguage: fr\npredicates: [speakFor]\n"
        "entities:\n  putin: {name: Poutine, type: Person, wikidata: putin}\n"
        "facts:\n  - {s: putin, p: metWith, o: putn}\n",
        "utf-8",
    )
    result = invoke("eval", str(EXAMPLE), str(bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    message = result.stderr
    assert f"{bad}: 4 problems" in message
    assert "text: article file 'missing.txt' not found" in message
    assert "predicates[0]: unknown predicate 'speakFor'; known: accused, congratulated," in message
    assert "entities.putin.wikidata: 'putin' is not a Wikidata id" in message
    assert "facts[0].o: unknown entity 'putn'; known: putin" in message


def test_cli_evaluate_missing_gold_file(tmp_path: Path) -> None:
    result = invoke("eval", str(tmp_path / "absent.yaml"))
    assert result.exit_code == 1
    assert "absent.yaml: gold file not found" in result.stderr


def _macron_only(article: Article) -> Extraction:
    """An extraction that finds Macron and Scholz and their meeting, nothing else."""
    start = article.text.index("Olaf Scholz")
    prov = Provenance(article.id, 0, start + 11, article.text[: start + 12], "test", 1.0)
    people = (
        entity("person/macron", "Emmanuel Macron"),
        entity("person/scholz", "Olaf Scholz"),
        entity("place/paris", "Paris", "Place"),
    )
    facts = (
        Fact("person/scholz", "metWith", prov, "person/macron"),
        Fact("person/scholz", "visited", prov, "place/paris"),
    )
    return Extraction(article, people, facts)


def test_cli_evaluate_run_eval_reads_the_article_of_each_gold_file() -> None:
    seen: list[Article] = []

    def extract(article: Article) -> Extraction:
        seen.append(article)
        return _macron_only(article)

    report = run_eval([EXAMPLE], extract=extract)
    assert [(a.id, a.language, a.date) for a in seen] == [("sommet-elysee", "fr", "2024-11-12")]
    gold = load_gold(EXAMPLE)
    assert seen[0].text == gold.text.read_text("utf-8")
    # Entities: 2 of 10 gold found; 2 of 3 predicted match -> P=2/3, R=1/5.
    # Facts: the meeting (symmetric) of 7; visited Paris is spurious -> P=1/2, R=1/7.
    # Qualifiers: the meeting's place (elysee) is not given -> 0 of 1.
    data = report.to_dict()
    assert (data["entities"]["tp"], data["entities"]["fp"], data["entities"]["fn"]) == (2, 1, 8)
    assert (data["facts"]["tp"], data["facts"]["fp"], data["facts"]["fn"]) == (1, 1, 6)
    assert data["facts"]["p"] == pytest.approx(0.5)
    assert data["facts"]["r"] == pytest.approx(1 / 7)
    assert data["qualifiers"] == {"accuracy": 0.0, "n": 1}
    # Linking: 7 gold entities have a wikidata key; none is linked -> 0 of 7.
    assert data["linking"] == {"accuracy": 0.0, "n": 7}


def test_cli_evaluate_json_on_the_example() -> None:
    result = invoke("eval", str(EXAMPLE), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"files", "entities", "linking", "facts", "qualifiers"}
    assert data["files"] == 1
    assert set(data["facts"]["by_predicate"]) >= {"metWith", "holdsPosition", "said"}
    assert data["linking"]["n"] == 7
    assert data["facts"]["tp"] + data["facts"]["fn"] == 7


def test_cli_evaluate_table_and_explain_on_the_example() -> None:
    result = invoke("eval", str(EXAMPLE), "--explain")
    assert result.exit_code == 0, result.stderr
    for word in ("entities", "linking", "facts", "qualifiers", "missed facts", "wrong links"):
        assert word in result.stdout
    assert "sommet-elysee.yaml" in result.stdout
