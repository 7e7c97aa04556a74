"""Answers people can read: labels beside ids, one row per fact, long values whole."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from factory import SAMPLE
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.query import QueryLibrary
from kg.sparql.results import format_result
from kg.sparql.store import Store
from kg.sparql.targets import run_query

ENTITY = "https://w3id.org/newskg/id/entity/"
PARAMS = {
    "quotes-by-person": {"person": "peskov"},
    "has-article": {"article": "https://w3id.org/newskg/id/article/a2"},
    "why": {"statement": "https://w3id.org/newskg/id/statement/a1/2222222222222222"},
}
SELECTS = [q.name for q in QueryLibrary() if q.type == "SELECT" and "SERVICE" not in q.text]

#: One meeting stated in two sentences of one article and once in another, and
#: one position stated twice, with a long quote.
REPEATED = """\
@prefix ex: <https://w3id.org/newskg/id/> .
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix wd: <http://www.wikidata.org/entity/> .

ex:graph\\/r1 {
    ex:entity\\/wd\\/Q7747 a kg:Person ; rdfs:label "Vladimir Poutine"@fr ; owl:sameAs wd:Q7747 .
    ex:entity\\/person\\/anne-roux a kg:Person ; rdfs:label "Anne Roux"@fr .
    ex:entity\\/wd\\/Q159 a kg:Place ; rdfs:label "Russie"@fr ; owl:sameAs wd:Q159 .
    ex:statement\\/r1\\/1 a kg:Statement ; rdf:predicate kg:metWith ;
        rdf:subject ex:entity\\/wd\\/Q7747 ; rdf:object ex:entity\\/person\\/anne-roux ;
        kg:polarity kg:positive ; kg:modality kg:asserted ;
        kg:sentence "Vladimir Poutine a reçu Anne Roux." ; prov:wasDerivedFrom ex:article\\/r1 .
    ex:statement\\/r1\\/2 a kg:Statement ; rdf:predicate kg:metWith ;
        rdf:subject ex:entity\\/wd\\/Q7747 ; rdf:object ex:entity\\/person\\/anne-roux ;
        kg:polarity kg:positive ; kg:modality kg:asserted ;
        kg:sentence "La rencontre avec Anne Roux a duré une heure." ;
        prov:wasDerivedFrom ex:article\\/r1 .
    ex:statement\\/r1\\/3 a kg:Statement ; rdf:predicate kg:holdsPosition ;
        rdf:subject ex:entity\\/wd\\/Q7747 ; rdf:object "président" ; kg:of ex:entity\\/wd\\/Q159 ;
        kg:polarity kg:positive ; kg:modality kg:asserted ;
        kg:sentence "Le président russe a parlé." ; prov:wasDerivedFrom ex:article\\/r1 .
    ex:statement\\/r1\\/4 a kg:Statement ; rdf:predicate kg:holdsPosition ;
        rdf:subject ex:entity\\/wd\\/Q7747 ; rdf:object "président" ; kg:of ex:entity\\/wd\\/Q159 ;
        kg:polarity kg:positive ; kg:modality kg:asserted ;
        kg:sentence "Le président de la Russie a conclu." ; prov:wasDerivedFrom ex:article\\/r1 .
    ex:statement\\/r1\\/5 a kg:Statement ; rdf:predicate kg:said ;
        rdf:subject ex:entity\\/person\\/anne-roux ; rdf:object "%(quote)s" ;
        kg:sentence "« %(quote)s », a dit Anne Roux." ; prov:wasDerivedFrom ex:article\\/r1 .
}
ex:graph\\/r2 {
    ex:entity\\/wd\\/Q7747 a kg:Person ; rdfs:label "Vladimir Poutine"@fr ; owl:sameAs wd:Q7747 .
    ex:entity\\/person\\/anne-roux a kg:Person ; rdfs:label "Anne Roux"@fr .
    ex:statement\\/r2\\/1 a kg:Statement ; rdf:predicate kg:metWith ;
        rdf:subject ex:entity\\/wd\\/Q7747 ; rdf:object ex:entity\\/person\\/anne-roux ;
        kg:polarity kg:positive ; kg:modality kg:asserted ;
        kg:sentence "Anne Roux et Vladimir Poutine se sont vus." ;
        prov:wasDerivedFrom ex:article\\/r2 .
}
"""
QUOTE = (
    "Nous avons parlé de tout, des frontières, du gaz, des prisonniers et de l'hiver "
    "qui vient, et nous nous reverrons avant la fin de l'année pour conclure ce qui doit l'être"
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("sample") / "s") as store:
        store.load(SAMPLE)
        yield store


@pytest.fixture(scope="module")
def repeated(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("repeated") / "repeated.trig"
    path.write_text(REPEATED % {"quote": QUOTE}, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", SELECTS)
def test_results_every_entity_column_has_its_label(name, sample):
    result = run_query(QueryLibrary().get(name), PARAMS.get(name), store=sample)
    entities = [
        var
        for var in result.vars
        if any(str(row.get(var, "")).startswith(ENTITY) for row in result.rows)
    ]
    assert all(f"{var}Label" in result.vars for var in entities), (name, entities)


def test_results_table_shows_labels_with_the_wikidata_id(sample):
    result = run_query(QueryLibrary().get("positions"), store=sample)
    table = format_result(result, "table", width=120)
    assert table.splitlines()[0].split() == ["person", "position", "of", "sentences", "articles"]
    assert "Dmitri Peskov" in table and "Vladimir Poutine (Q7747)" in table
    assert "Russie (Q159)" in table and "ex:entity" not in table
    assert "https://w3id.org/newskg/id/entity/wd/Q7747" in format_result(result, "csv")


@pytest.mark.parametrize("engine", ["file", "store"])
def test_results_a_fact_stated_twice_is_one_row(repeated, engine, tmp_path):
    library = QueryLibrary()
    with contextlib.ExitStack() as stack:
        if engine == "file":
            target = {"graph": rdflib.Dataset().parse(repeated, format="trig")}
        else:
            store = stack.enter_context(Store(tmp_path / "s"))
            store.load(repeated)
            target = {"store": store}
        meetings = run_query(library.get("meetings"), **target).rows
        positions = run_query(library.get("positions"), **target).rows
    assert [(str(r["otherLabel"]), int(r["sentences"]), int(r["articles"])) for r in meetings] == [
        ("Anne Roux", 3, 2)
    ]
    assert [(str(r["position"]), str(r["ofLabel"]), int(r["sentences"])) for r in positions] == [
        ("président", "Russie", 2)
    ]


@pytest.mark.parametrize("width", [60, 80, 200])
def test_results_long_quotes_wrap_whole(repeated, width):
    runner = CliRunner()
    args = ["query", "quotes-by-person", "--graph", str(repeated), "-p", "person=roux"]
    table = runner.invoke(app, args, env={"COLUMNS": str(width)})
    assert table.exit_code == 0, table.output
    assert max(len(line) for line in table.stdout.splitlines()) <= width
    assert QUOTE in " ".join(table.stdout.split()) and "…" not in table.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "-f", "csv"]).stdout)))
    assert [row["quote"] for row in rows] == [QUOTE]
    data = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert [b["quote"]["value"] for b in data["results"]["bindings"]] == [QUOTE]
