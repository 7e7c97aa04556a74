"""``kg build`` on hostile and broken input: nothing lost, one line per bad
article, a summary that adds up, nothing half-written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from factory import EX
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.store import Store

runner = CliRunner()
MET = "Le ministre Jean Dupont a rencontré la présidente Marie Durand à Lyon."
VISIT = "La présidente Marie Durand a visité Rome avec le ministre Paul Martin."
QUIET = "Il pleuvait sur la ville et les rues restaient vides toute la journée."


def build(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, ["build", "-j", "1", *args], input=stdin)


def record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def graphs_of(path: Path) -> dict[str, set[str]]:
    """Article graph name -> the sha256 values stated in it."""
    found: dict[str, set[str]] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name.value.removeprefix(EX + "graph/")
        if quad.predicate.value.endswith("#sha256"):
            found.setdefault(name, set()).add(quad.object.value)
    return found


BAD_RECORDS = [
    '{"id": "b", "text": 5}',
    '{"id": "c", "text": "Un texte.", "date": "2024-13-45"}',
    '{"id": "d", "text": "Un texte.", "date": 2024.5}',
    '{"id": "e", "text": "Un texte.", "date": ["2024"]}',
    '["an", "array"]',
]


def test_cli_build_a_bad_record_is_skipped_and_reading_goes_on(tmp_path: Path):
    lines = [record(id="a", text=MET), *BAD_RECORDS, record(id="z", text=VISIT)]
    src = tmp_path / "wire.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 1
    assert set(graphs_of(out)) == {"a", "z"}
    for number, rid in ((2, "b"), (3, "c"), (4, "d"), (5, "e")):
        assert f"wire.jsonl:{number} (id {rid}):" in result.stderr
    assert "wire.jsonl:6: a record must be a JSON object" in result.stderr
    assert "articles read                │     7" in result.stderr
    assert "articles failed (skipped)    │     5" in result.stderr
    assert "5 article(s) skipped" in result.stderr
    assert "Traceback" not in result.output


def test_cli_build_a_bad_record_on_stdin_is_skipped_too(tmp_path: Path):
    lines = [record(id="a", text=MET), *BAD_RECORDS, record(id="z", text=VISIT)]
    result = build("-", "-f", "nq", stdin=("\n".join(lines) + "\n").encode())
    assert result.exit_code == 1
    assert f"<{EX}graph/a>" in result.stdout and f"<{EX}graph/z>" in result.stdout
    assert "<stdin>:6: a record must be a JSON object" in result.stderr


def test_cli_build_distinct_inputs_never_share_an_id(tmp_path: Path):
    corpus = tmp_path / "corpus"
    for day, text in (("2024-11-08", MET), ("2024-11-09", VISIT)):
        (corpus / day).mkdir(parents=True)
        (corpus / day / "article.txt").write_text(text, encoding="utf-8")
    (corpus / "afp.2024.11.08.txt").write_text(QUIET, encoding="utf-8")
    (corpus / "afp.2024.11.09.txt").write_text(MET + " " + QUIET, encoding="utf-8")
    (corpus / "wire.jsonl").write_text(
        "\n".join(
            record(id=rid, text=f"{VISIT} Numéro {n}.")
            for n, rid in enumerate(["Été 2024", "ete-2024", "東京", "北京", "🌍", "🌊"])
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.nq"
    result = build(str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    found = graphs_of(out)
    assert set(found) == {
        "2024-11-08/article",
        "2024-11-09/article",
        "afp.2024.11.08",
        "afp.2024.11.09",
        "Été%202024",
        "ete-2024",
        "東京",
        "北京",
        "🌍",
        "🌊",
    }
    assert all(len(digests) == 1 for digests in found.values())
    store = tmp_path / "store"
    assert build(str(corpus), "--store", str(store)).exit_code == 0
    with Store(store, create=False) as opened:
        assert (opened.stats().articles, opened.stats().graphs) == (10, 10)


def test_cli_build_refuses_a_second_article_with_the_same_id(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
    (one / "wire.txt").write_text(MET, encoding="utf-8")
    (two / "wire.txt.gz").write_bytes(__import__("gzip").compress(VISIT.encode()))
    (two / "wire.txt").write_text(QUIET, encoding="utf-8")
    store = tmp_path / "store"
    result = build(str(one / "wire.txt"), str(two), "--store", str(store))
    assert result.exit_code == 1
    assert (
        f"{two / 'wire.txt'}: id 'wire' is already the id of {one / 'wire.txt'} in this run"
        in result.stderr.replace("\n", "")
    )
    with Store(store, create=False) as opened:
        texts = {q.object.value for q in opened.oxigraph.quads_for_pattern(None, None, None)}
    assert any("Jean Dupont" in t for t in texts)
    assert not any("Rome" in t for t in texts) and not any("pleuvait" in t for t in texts)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "2024-13"),
        ("date", "20241108"),
        ("date", "2024-02-30"),
        ("date", 2024),
        ("url", "http://example.org/a b"),
        ("url", "http://example.org/<x>"),
        ("url", "/relative/path"),
        ("url", 42),
        ("text", "Un texte \ud800 cassé."),
        ("title", "Un titre \udfff cassé"),
    ],
)
def test_cli_build_bad_record_field_is_one_line_and_skipped(tmp_path: Path, field, value):
    bad = {"id": "bad", "text": QUIET, field: value}
    src = tmp_path / "wire.jsonl"
    src.write_text(record(id="good", text=MET) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 1 and "wire.jsonl:2 (id bad):" in skipped[0]
    assert set(graphs_of(out)) == {"good"}
    for quad in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS):
        assert (
            "http://www.w3.org/2001/XMLSchema#date"
            != getattr(getattr(quad.object, "datatype", None), "value", None)
            or quad.object.value.count("-") == 2
        )


def test_cli_build_deeply_nested_record_is_one_line(tmp_path: Path):
    src = tmp_path / "wire.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    src.write_text(deep + "\n" + record(id="good", text=MET) + "\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 1
    assert "wire.jsonl:1: JSON nested too deeply" in result.stderr
    assert set(graphs_of(out)) == {"good"}


def test_cli_build_record_in_another_language_is_skipped_alone(tmp_path: Path):
    src = tmp_path / "wire.jsonl"
    lines = [record(id="a", text=MET), record(id="en", text=QUIET, language="en")]
    src.write_text("\n".join([*lines, record(id="z", text=VISIT)]) + "\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 1
    assert "wire.jsonl:2: the record says language 'en'" in result.stderr
    assert set(graphs_of(out)) == {"a", "z"}


def test_cli_build_valid_dates_are_typed_by_their_form(tmp_path: Path):
    src = tmp_path / "wire.jsonl"
    dates = {"y": "2024", "m": "2024-11", "d": "2024-11-08", "t": "2024-11-08T09:30:00Z"}
    src.write_text(
        "\n".join(record(id=k, text=MET, date=v) for k, v in dates.items()) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.nq"
    assert build(str(src), "-o", str(out)).exit_code == 0
    typed = {
        q.graph_name.value.rsplit("/", 1)[-1]: q.object.datatype.value.rsplit("#", 1)[-1]
        for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)
        if q.predicate.value == "http://purl.org/dc/terms/date"
    }
    assert typed == {"y": "gYear", "m": "gYearMonth", "d": "date", "t": "dateTime"}


def test_cli_build_empty_directory_writes_nothing(tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out.ttl"
    result = build(str(empty), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: no articles found in {empty}"
    assert not out.exists() and not list(tmp_path.glob(".out.ttl*"))


def test_cli_build_one_jsonl_file_is_many_articles_with_a_summary(tmp_path: Path):
    src = tmp_path / "three.jsonl"
    texts = (MET, VISIT, QUIET)
    src.write_text(
        "\n".join(record(id=f"r{n}", text=t) for n, t in enumerate(texts)) + "\n", "utf-8"
    )
    result = build(str(src), "-o", str(tmp_path / "out.nq"))
    assert result.exit_code == 0, result.output
    assert "articles read                │     3" in result.stderr
    assert "articles built               │     3" in result.stderr


def test_cli_build_one_article_prints_one_line(tmp_path: Path):
    src = tmp_path / "one.txt"
    src.write_text(MET, encoding="utf-8")
    out = tmp_path / "one.ttl"
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    said = re.fullmatch(
        rf"built 1 article: (\d+) entities, (\d+) facts -> {out} \(\d+\.\d s\)", lines[0]
    )
    assert said, lines[0]
    table = build(str(src), "-o", str(out), "--force", "--summary")
    assert "articles built               │     1" in table.stderr
    entities = sum(int(n) for n in re.findall(r"entities: \w+ +│ +(\d+)", table.stderr))
    facts = re.search(r"facts \(all\) +│ +(\d+)", table.stderr)
    assert (entities, int(facts.group(1))) == (int(said.group(1)), int(said.group(2))) != (0, 0)


def test_cli_build_notes_articles_that_gave_no_fact(tmp_path: Path):
    src = tmp_path / "wire.jsonl"
    quiet = "Marie Durand habite à Lyon depuis longtemps et aime beaucoup la ville."
    src.write_text(
        "\n".join(record(id=f"q{n}", text=f"{quiet} {n}") for n in range(2))
        + "\n"
        + record(id="m", text=MET)
        + "\n",
        encoding="utf-8",
    )
    result = build(str(src), "-o", str(tmp_path / "o.nq"))
    assert result.exit_code == 0, result.output
    assert "note: 2 articles gave entities but no fact" in result.stderr


def test_cli_build_unchanged_rerun_does_not_load_the_model(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, text in enumerate((MET, VISIT)):
        (corpus / f"a{n}.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert build(str(corpus), "--store", str(store)).exit_code == 0
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from kg.cli import app\n"
        "import kg.nlp\n"
        "result = CliRunner().invoke(app, sys.argv[1:])\n"
        "sys.stderr.write(result.stderr)\n"
        "print(result.exit_code, kg.nlp.load_pipeline.cache_info().currsize)\n"
    )
    args = [sys.executable, "-c", script, "build", str(corpus), "--store", str(store)]
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert done.stdout.split() == ["0", "0"], done.stderr
    assert "2 article(s) unchanged" in done.stderr
    (corpus / "a1.txt").write_text(QUIET, encoding="utf-8")
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert done.stdout.split() == ["0", "1"], done.stderr


def test_cli_build_article_of_almost_five_megabytes_is_built_whole(tmp_path: Path):
    cities = ["Lyon", "Lille", "Nantes", "Rennes", "Dijon", "Brest", "Nancy", "Metz"] * 5
    blank = "\n" * 125_000  # blank lines: a long article that spaCy parses quickly
    text = blank.join(
        f"Le ministre Jean Dupont a rencontré la présidente Marie Durand à {city}."
        for city in cities
    )
    assert 4_800_000 < len(text.encode()) < 5_000_000
    src = tmp_path / "long.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "long.nq"
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    spans: dict[str, dict[str, str]] = {}
    for quad in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS):
        name = quad.predicate.value.rsplit("#", 1)[-1]
        if name in ("start", "end", "sentence"):
            spans.setdefault(quad.subject.value, {})[name] = quad.object.value
    facts = [span for span in spans.values() if "sentence" in span]
    assert facts
    for fact in facts:
        assert text[int(fact["start"]) : int(fact["end"])] in fact["sentence"]
    assert min(int(f["start"]) for f in facts) < 100
    assert max(int(f["start"]) for f in facts) > 4_700_000
