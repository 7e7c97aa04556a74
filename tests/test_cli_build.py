"""``kg build`` end to end: real model, real files, real parsers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import require_tool
from factory import EXAMPLES
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from typer.testing import CliRunner

from kg.cli import app
from kg.namespaces import KG

runner = CliRunner()


def build(*args: str):
    return runner.invoke(app, ["build", *args])


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory, seed_path: Path) -> tuple[Path, Graph]:
    out = tmp_path_factory.mktemp("seed") / "seed.ttl"
    result = build(str(seed_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out, format="turtle")
    return out, graph


def labels_of_type(graph: Graph, cls) -> list[str]:
    return sorted(str(graph.value(s, RDFS.label)) for s in graph.subjects(RDF.type, cls))


def test_cli_build_seed_entities_each_once(seed_graph):
    _, graph = seed_graph
    people = labels_of_type(graph, KG.Person)
    orgs = labels_of_type(graph, KG.Organization)
    places = labels_of_type(graph, KG.Place)
    for name in ("Vladimir Poutine", "Donald Trump", "Joe Biden", "Dmitri Peskov"):
        assert people.count(name) == 1, people
    for name in ("Interfax", "OTAN"):
        assert orgs.count(name) == 1, orgs
    for name in ("Russie", "Finlande", "Maison Blanche", "Géorgie"):
        assert places.count(name) == 1, places
    everything = people + orgs + places
    for junk in ("Le monde", "Crédit", "n’", "Poutine n’"):
        assert junk not in everything
    assert "Trump" not in people and "Poutine" not in people


def test_cli_build_seed_offsets_slice_the_original(seed_graph, seed_path: Path):
    _, graph = seed_graph
    text = seed_path.read_text(encoding="utf-8")
    mentions = list(graph.subjects(RDF.type, KG.Mention))
    assert len(mentions) > 20
    for m in mentions:
        start, end = int(graph.value(m, KG.start)), int(graph.value(m, KG.end))
        assert text[start:end] == str(graph.value(m, KG.anchor))
    for s in graph.subjects(RDF.type, KG.Statement):
        if graph.value(s, RDF.predicate) == OWL.sameAs:
            continue  # link statements record how a link was made, not a text span
        start, end = int(graph.value(s, KG.start)), int(graph.value(s, KG.end))
        assert 0 <= start < end <= len(text)
        assert str(graph.value(s, KG.sentence)).strip()


def test_cli_build_seed_links_wikidata(seed_graph):
    _, graph = seed_graph
    sameas = {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2002/07/owl#sameAs"))}
    for qid in ("Q7747", "Q22686", "Q6279", "Q7184", "Q159", "Q30", "Q33", "Q35525", "Q1428"):
        assert f"http://www.wikidata.org/entity/{qid}" in sameas


def test_cli_build_seed_turtle_parses_in_rapper(seed_graph):
    rapper = require_tool("rapper")
    path, graph = seed_graph
    done = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert f"returned {len(graph)} triples" in done.stderr


def test_cli_build_seed_passes_shapes(seed_graph):
    from kg.rdf.shacl import validate

    _, graph = seed_graph
    result = validate(graph)
    assert result.conforms, result.summary()


def test_cli_build_is_deterministic(tmp_path: Path, seed_path: Path):
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    assert build(str(seed_path), "-o", str(a)).exit_code == 0
    assert build(str(seed_path), "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    dataset = Dataset()
    dataset.parse(a, format="nquads")
    assert any(str(g.identifier).endswith("graph/seed-poutine-trump") for g in dataset.graphs())


def test_cli_build_example_article(tmp_path: Path):
    out = tmp_path / "example.trig"
    result = build(str(EXAMPLES / "sommet-helsinki.txt"), "-o", str(out), "--summary")
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format="trig")
    graph = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    people = labels_of_type(graph, KG.Person)
    assert "Vladimir Poutine" in people and "Donald Trump" in people
    assert (None, RDFS.label, Literal("Helsinki", lang="fr")) in graph


def test_cli_build_jsonl_records_and_stdout(tmp_path: Path):
    result = build(str(EXAMPLES / "articles.jsonl"), "--format", "nt")
    assert result.exit_code == 0, result.output
    assert "/article/otan-sommet>" in result.stdout
    assert "/article/kremlin-appel>" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty article"),
        ("blank.txt", b"   \n \n", "empty article"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "Le président a été élu à Paris.".encode("latin-1"), "not UTF-8 (byte 0xe9"),
        ("page.txt", b"<!DOCTYPE html><html><body>Bonjour</body></html>", "looks like HTML"),
        (
            "english.txt",
            b"The president of the United States met the Russian leader in Helsinki on Monday, "
            b"and the two men spoke for two hours about the war and the elections.",
            "looks like 'en', not 'fr'",
        ),
    ],
)
def test_cli_build_bad_input_one_line_no_output(tmp_path: Path, name, content, message):
    src = tmp_path / name
    src.write_bytes(content)
    out = tmp_path / "out.ttl"
    result = build(str(src), "-o", str(out))
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert not list(tmp_path.glob(".out.ttl*"))


def test_cli_build_missing_file_and_directory(tmp_path: Path):
    result = build(str(tmp_path / "nope.txt"))
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = build(str(tmp_path), "-o", str(tmp_path / "o.ttl"))
    assert result.exit_code == 1


def test_cli_build_refuses_overwrite_without_force(tmp_path: Path):
    out = tmp_path / "o.ttl"
    out.write_text("keep", encoding="utf-8")
    result = build(str(EXAMPLES / "sommet-helsinki.txt"), "-o", str(out))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep"


def test_cli_build_unsupported_language_and_format(tmp_path: Path):
    result = build(str(EXAMPLES / "sommet-helsinki.txt"), "--lang", "xx")
    assert result.exit_code == 1 and "supported: fr" in result.stderr
    result = build(str(EXAMPLES / "sommet-helsinki.txt"), "--format", "rdfxml")
    assert result.exit_code == 1 and "valid:" in result.stderr


def test_cli_build_skips_bad_articles_among_many(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_bytes((EXAMPLES / "sommet-helsinki.txt").read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"")
    out = tmp_path / "o.nq"
    result = build(str(tmp_path), "-o", str(out))
    assert result.exit_code == 1
    assert "1 article(s) skipped" in result.stderr
    assert out.exists() and b"/article/good>" in out.read_bytes()


def test_cli_show_lists_entities_and_facts_with_sentences():
    result = runner.invoke(
        app, ["show", str(EXAMPLES / "sommet-helsinki.txt")], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert "Vladimir Poutine" in result.stdout and "Q7747" in result.stdout
    assert "metWith" in result.stdout and "place=Helsinki" in result.stdout
    assert "se sont rencontrés à Helsinki" in result.stdout
