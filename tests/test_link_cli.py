"""``kg link`` end to end, offline and against a real Virtuoso, and the
federated query that joins a linked graph with Wikidata."""

from __future__ import annotations

import gc
import re
import shlex
import shutil
import sqlite3
from pathlib import Path

import pytest
from factory import EX, KG, ROOT, SAMPLE, WD, WDT, WIKIDATA_FIXTURE
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF
from typer.testing import CliRunner

from kg.cli import app
from kg.link.cache import Cache
from kg.link.catalogue import Catalogue

FEDERATED = ROOT / "queries" / "wikidata-federated.rq"

SMALL = """\
@prefix ex: <https://w3id.org/newskg/id/> .
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:graph\\/b1 {
    ex:article\\/b1 a kg:Article .
    ex:entity\\/place\\/baviere a kg:Place ; rdfs:label "Bavière"@fr .
    ex:entity\\/place\\/georgie a kg:Place ; rdfs:label "Géorgie"@fr .
    ex:entity\\/place\\/etats-unis a kg:Place ; rdfs:label "États-Unis"@fr .
    ex:entity\\/person\\/baviere a kg:Person ; rdfs:label "Bavière"@fr .
}
"""


def _run(*args: str) -> object:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _load(path: Path) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(path, format="trig")
    return dataset


@pytest.fixture(scope="module")
def wikidata_url(virtuoso) -> str:
    virtuoso.load_turtle(WIKIDATA_FIXTURE, "http://www.wikidata.org/fixture")
    return virtuoso.sparql_url


def test_link_cli_offline_adds_same_as_and_link_statement(tmp_path: Path) -> None:
    out = tmp_path / "linked.trig"
    before = SAMPLE.read_bytes()
    result = _run("link", str(SAMPLE), "-o", str(out), "--offline", "--cache", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert SAMPLE.read_bytes() == before
    data = _load(out)
    biden = URIRef(f"{EX}entity/person/joe-biden")
    assert (biden, OWL.sameAs, URIRef(f"{WD}Q6279")) in data
    statement = URIRef(f"{EX}link/a1/person-joe-biden")
    assert (statement, RDF.type, URIRef(f"{KG}Statement")) in data
    assert (statement, RDF.subject, biden) in data
    assert (statement, RDF.predicate, OWL.sameAs) in data
    assert (statement, URIRef(f"{KG}candidateSource"), Literal("catalogue")) in data
    assert (statement, URIRef(f"{KG}rule"), Literal("link:catalogue.v1")) in data
    peskov = URIRef(f"{EX}entity/person/dmitri-peskov")
    assert not list(data.objects(peskov, OWL.sameAs))


def test_link_cli_offline_enrich_uses_the_catalogue(tmp_path: Path) -> None:
    out = tmp_path / "linked.trig"
    result = _run(
        "link", str(SAMPLE), "-o", str(out), "--offline", "--enrich", "--cache", str(tmp_path / "c")
    )
    assert result.exit_code == 0, result.output
    data = Dataset()
    data.parse(out, format="trig")
    wikidata = data.graph(URIRef(f"{EX}graph/wikidata"))
    assert (URIRef(f"{WD}Q6279"), URIRef(f"{WDT}P39"), URIRef(f"{WD}Q11696")) in wikidata
    assert (URIRef(f"{WD}Q35525"), URIRef(f"{WDT}P17"), URIRef(f"{WD}Q30")) in wikidata


def test_link_cli_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "linked.trig"
    out.write_text("keep me", encoding="utf-8")
    result = _run("link", str(SAMPLE), "-o", str(out), "--offline", "--cache", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert "already exists; use --force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"


def test_link_cli_bad_input_is_one_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = _run("link", str(bad), "--offline", "--cache", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert "cannot parse" in result.output and "bad.ttl" in result.output


def test_link_cli_help_ends_with_an_example_that_runs(tmp_path: Path, monkeypatch) -> None:
    result = _run("link", "--help")
    assert result.exit_code == 0
    example = re.search(r"Example: (kg link [^\n]+)", result.output)
    assert example, result.output
    args = shlex.split(example.group(1))[1:]
    (tmp_path / "out").mkdir()
    shutil.copy(SAMPLE, tmp_path / "out" / "example.trig")  # what the kg build example writes
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    ran = _run(*args)
    assert ran.exit_code == 0, ran.output
    assert (tmp_path / "out" / "linked.trig").stat().st_size > 0


def test_link_cli_live_endpoint_then_cache(tmp_path: Path, wikidata_url: str) -> None:
    source = tmp_path / "small.trig"
    source.write_text(SMALL, encoding="utf-8")
    cache = tmp_path / "answers.sqlite"
    messages = []
    for name in ("first.trig", "second.trig"):
        result = _run(
            "link", str(source), "-o", str(tmp_path / name),
            "--endpoint", wikidata_url, "--cache", str(cache), "--enrich",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        messages.append(result.stderr)
    assert re.search(r"[1-9]\d* requests", messages[0])
    assert "0 requests" in messages[1]
    data = _load(tmp_path / "second.trig")
    place = URIRef(f"{EX}entity/place/baviere")
    assert (place, OWL.sameAs, URIRef(f"{WD}Q980")) in data
    assert (
        URIRef(f"{EX}link/b1/place-baviere"),
        URIRef(f"{KG}candidateSource"),
        Literal(wikidata_url),
    ) in data
    assert not list(data.objects(URIRef(f"{EX}entity/person/baviere"), OWL.sameAs))
    georgia = URIRef(f"{EX}entity/place/georgie")
    assert (georgia, OWL.sameAs, URIRef(f"{WD}Q1428")) in data  # catalogue, US context
    assert (URIRef(f"{WD}Q980"), URIRef(f"{WDT}P17"), URIRef(f"{WD}Q183")) in data


def test_link_cli_federated_query_joins_with_the_endpoint(
    tmp_path: Path, wikidata_url: str
) -> None:
    out = tmp_path / "linked.trig"
    result = _run("link", str(SAMPLE), "-o", str(out), "--offline", "--cache", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    query = FEDERATED.read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in query
    local = query.replace("https://query.wikidata.org/sparql", wikidata_url)
    rows = {
        (str(r.entity), str(r.itemLabel), str(r.country), str(r.office))
        for r in _load(out).query(local)
    }
    assert (f"{EX}entity/person/joe-biden", "Joe Biden", "None", f"{WD}Q11696") in rows
    assert (f"{EX}entity/wd/Q35525", "White House", f"{WD}Q30", "None") in rows
    assert (f"{EX}entity/wd/Q7747", "Vladimir Putin", "None", f"{WD}Q218295") in rows


def test_link_cli_saved_catalogue_links_offline_afterwards(
    tmp_path: Path, wikidata_url: str
) -> None:
    source = tmp_path / "small.trig"
    source.write_text(SMALL, encoding="utf-8")
    saved = tmp_path / "mine.tsv"
    offline = ("--offline", "--cache", str(tmp_path / "none.sqlite"))
    before = _run("link", str(source), "-o", str(tmp_path / "before.trig"), *offline)
    assert before.exit_code == 0, before.output
    place = URIRef(f"{EX}entity/place/baviere")
    assert not list(_load(tmp_path / "before.trig").objects(place, OWL.sameAs))
    online = _run(
        "link", str(source), "-o", str(tmp_path / "online.trig"), "--endpoint", wikidata_url,
        "--cache", str(tmp_path / "answers.sqlite"), "--save-catalogue", str(saved),
    )  # fmt: skip
    assert online.exit_code == 0, online.output
    rows = Catalogue.load(saved)
    assert rows.kind("Q980") == "region"  # "federated state" in its description
    assert [m.qid for m in rows.lookup("Bavière")] == ["Q980"]
    assert "Q1428" not in rows  # Georgia came from the shipped catalogue
    after = _run(
        "link", str(source), "-o", str(tmp_path / "after.trig"), *offline,
        "--catalogue", str(saved), "--catalogue", str(saved),
    )  # fmt: skip
    assert after.exit_code == 0, after.output
    assert "offline" in after.stderr
    data = _load(tmp_path / "after.trig")
    assert (place, OWL.sameAs, URIRef(f"{WD}Q980")) in data
    assert not list(data.objects(URIRef(f"{EX}entity/person/baviere"), OWL.sameAs))
    # kg build links with the saved catalogue too
    article = tmp_path / "munich.txt"
    article.write_text("Les agriculteurs de Bavière ont manifesté à Munich.", encoding="utf-8")
    built = tmp_path / "munich.ttl"
    plain = _run("build", str(article), "-o", str(built))
    assert plain.exit_code == 0, plain.output
    assert "Q980" not in built.read_text(encoding="utf-8")
    grown = _run("build", str(article), "-o", str(built), "--force", "--catalogue", str(saved))
    assert grown.exit_code == 0, grown.output
    assert "Q980" in built.read_text(encoding="utf-8")
    bad = _run("build", str(article), "-o", str(built), "--force", "--catalogue", str(source))
    assert bad.exit_code == 1 and "header must be" in bad.output
    # a second save keeps the rows already there
    again = _run(
        "link", str(source), "-o", str(tmp_path / "again.trig"), "--endpoint", wikidata_url,
        "--cache", str(tmp_path / "answers.sqlite"), "--save-catalogue", str(saved),
    )  # fmt: skip
    assert again.exit_code == 0, again.output
    assert Catalogue.load(saved).lookup("Bavière")


def test_link_cli_catalogue_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("qid\tfield\n", encoding="utf-8")
    out = str(tmp_path / "o.trig")
    result = _run("link", str(SAMPLE), "-o", out, "--offline", "--catalogue", str(bad))
    assert result.exit_code == 1
    assert "bad.tsv: header must be qid, field, value, lang, source" in result.output
    missing = _run(
        "link", str(SAMPLE), "-o", out, "--offline", "--catalogue", str(tmp_path / "no.tsv")
    )
    assert missing.exit_code == 1 and "cannot read the catalogue" in missing.output
    offline_save = _run(
        "link", str(SAMPLE), "-o", out, "--offline", "--save-catalogue", str(tmp_path / "s.tsv")
    )
    assert offline_save.exit_code == 1 and "drop --offline" in offline_save.output
    assert not (tmp_path / "s.tsv").exists()


def test_link_cli_closes_the_cache_when_it_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    cache = tmp_path / "answers.sqlite"
    result = CliRunner().invoke(
        app, ["link", str(bad), "--cache", str(cache), "--endpoint", "http://127.0.0.1:1/sparql"]
    )
    assert result.exit_code == 1 and "cannot parse" in result.output
    # The failed command's frames live on in the error CliRunner keeps, and
    # the cache with them: it must be closed all the same.
    opened = [o for o in gc.get_objects() if isinstance(o, Cache) and o.path == str(cache)]
    assert opened
    for each in opened:
        with pytest.raises(sqlite3.ProgrammingError):
            each.get("http://127.0.0.1:1/sparql", "ASK {}")
