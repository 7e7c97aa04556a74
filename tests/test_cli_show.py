"""``kg show`` lays out for the terminal's width and writes records for scripts."""

from __future__ import annotations

import csv
import io
import json
import re

from factory import EXAMPLES
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.show import ENTITY_FIELDS, FACT_FIELDS

runner = CliRunner()
ARTICLE = str(EXAMPLES / "sommet-helsinki.txt")
RECORDS = str(EXAMPLES / "articles.jsonl")


def show(*args: str, columns: int = 80):
    result = runner.invoke(app, ["show", *args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def joined(text: str) -> str:
    return " ".join(text.split())


def test_cli_show_at_80_columns_gives_one_block_per_fact():
    text = show(ARTICLE, columns=80)
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
    facts = text[text.index("facts of sommet-helsinki") :]
    assert "│" not in facts and "┃" not in facts
    lines = facts.splitlines()
    start = lines.index("Donald Trump  metWith  Vladimir Poutine")
    assert lines[start + 1].rstrip() == "    positive asserted place=Helsinki time=2018"
    assert lines[start + 2].startswith("    Donald Trump et Vladimir Poutine se sont rencontrés")
    # Long sentences wrap whole under their fact, at the indent.
    assert (
        "Le président américain Donald Trump a rencontré son homologue russe Vladimir "
        "Poutine lundi à Helsinki, en Finlande, lors d’un sommet très attendu." in joined(facts)
    )
    assert '  holdsPosition  "porte-parole"' in facts


def test_cli_show_from_120_columns_gives_a_fact_table():
    text = show(ARTICLE, columns=160)
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 160
    header = re.findall(r"\w+", next(line for line in text.splitlines() if "subject" in line))
    assert header == [
        "subject",
        "predicate",
        "object",
        "qualifiers",
        "sentence",
    ]
    cells = [line.split("│") for line in text.splitlines() if line.count("│") == 6]
    column = {name: joined(" ".join(c[i + 1] for c in cells)) for i, name in enumerate(header)}
    assert "positive asserted place=Helsinki time=2018" in column["qualifiers"]
    assert "Donald Trump et Vladimir Poutine se sont rencontrés à Helsinki" in column["sentence"]


def test_cli_show_json_and_csv_hold_one_record_per_entity_and_fact():
    lines = show(ARTICLE, RECORDS, "--format", "json").splitlines()
    records = [json.loads(line) for line in lines]
    entities = [r for r in records if r["record"] == "entity"]
    facts = [r for r in records if r["record"] == "fact"]
    assert len(entities) + len(facts) == len(records)
    assert all(tuple(r) == ENTITY_FIELDS for r in entities)
    assert all(tuple(r) == FACT_FIELDS for r in facts)
    jsonl = [
        json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text("utf-8").splitlines()
    ]
    texts = {"sommet-helsinki": (EXAMPLES / "sommet-helsinki.txt").read_text("utf-8")}
    texts.update({a["id"]: a["text"] for a in jsonl})
    assert {r["article"] for r in facts} <= set(texts) and len({r["article"] for r in facts}) > 2
    # Sentences are whole: each one is in its article's text.
    assert all(
        " ".join(r["sentence"].split()) in " ".join(texts[r["article"]].split()) for r in facts
    )
    putin = next(r for r in entities if r["entity"] == "Vladimir Poutine")
    assert putin["wikidata"] == "Q7747" and putin["type"] == "Person"
    assert any(r["value"] == "porte-parole" and not r["object"] for r in facts)

    rows = list(csv.DictReader(io.StringIO(show(ARTICLE, RECORDS, "--format", "csv"))))
    assert len(rows) == len(records)
    assert [(r["record"], r["article"], r["sentence"]) for r in rows] == [
        (r["record"], r["article"], r.get("sentence", "")) for r in records
    ]


def test_cli_show_unknown_format_lists_the_choices():
    result = runner.invoke(app, ["show", ARTICLE, "--format", "xml"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: unknown format 'xml'; choose one of: table, json, csv"


def test_cli_show_reads_inputs_as_build_does(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Léa Martin a rencontré Hugo Blanc à Nantes.", "utf-8")
    (tmp_path / "b.txt").write_text("Le maire de Lyon a parlé à Hugo Blanc.", "utf-8")
    records = [json.loads(line) for line in show(str(tmp_path), "--format", "json").splitlines()]
    # a file in a folder is known by its path under the folder, as kg build names it
    assert {r["article"] for r in records} == {"b", "sub/a"}
    # two files named alike, given one by one, would be one article: refused
    (tmp_path / "sub" / "b.txt").write_text("La maire de Nantes a parlé.", "utf-8")
    twice = runner.invoke(app, ["show", str(tmp_path / "b.txt"), str(tmp_path / "sub" / "b.txt")])
    assert twice.exit_code == 1
    assert "id 'b' is already the id of" in twice.stderr
