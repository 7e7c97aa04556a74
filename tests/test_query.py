"""Stored queries: headers, parameters bound as terms, the same rows everywhere."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
from factory import EX, SAMPLE
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.folding import entity_search, name_pattern
from kg.sparql.query import QueryLibrary, StoredQuery
from kg.sparql.results import format_result
from kg.sparql.store import Store
from kg.sparql.targets import GraphTarget, StoreTarget, run_query

#: Federated queries (SERVICE <...>) call other endpoints, which tests cannot reach.
OFFLINE = [
    name
    for name in QueryLibrary().names()
    if not re.search(r"\bSERVICE\s*<", QueryLibrary().get(name).text, re.IGNORECASE)
]

#: Values for the parameters that have no default, chosen to match the sample.
PARAMS = {
    "quotes-by-person": {"person": "peskov"},
    "has-article": {"article": EX + "article/a2"},
    "why": {"statement": EX + "statement/a1/2222222222222222"},
}


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    data = rdflib.Dataset()
    data.parse(SAMPLE, format="trig")
    return data


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "store") as opened:
        opened.load(SAMPLE)
        yield opened


def rows_as_strings(result) -> set[tuple]:
    return {tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows}


def test_query_header_is_parsed(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text(
        "#+ summary: Labels\n#+ description: All labels.\n#+ tags:\n#+   - a\n#+   - b\n"
        "#+ defaults:\n#+   - name: Trump\n"
        "SELECT ?s WHERE { ?s ?p ?_name . ?s ?q ?_thing_iri }\n",
        encoding="utf-8",
    )
    query = StoredQuery.from_file(path)
    assert (query.name, query.type, query.summary, query.tags) == (
        "q",
        "SELECT",
        "Labels",
        ("a", "b"),
    )
    kinds = {(p.name, p.variable, p.kind, p.default) for p in query.parameters}
    assert kinds == {("name", "_name", "literal", "Trump"), ("thing", "_thing_iri", "iri", None)}


def test_query_broken_query_names_the_file(tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("#+ summary: x\nSELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="broken.rq does not parse"):
        StoredQuery.from_file(path)


def test_query_unknown_parameter_lists_valid_ones():
    query = QueryLibrary().get("quotes-by-person")
    with pytest.raises(QueryError, match=r"no parameter 'persn'; parameters: person \(entity\)"):
        query.bind({"persn": "x", "person": "y"})


def test_query_missing_parameter_is_named():
    query = QueryLibrary().get("why")
    with pytest.raises(QueryError, match="needs parameter 'statement'"):
        query.bind({})


def test_query_iri_parameter_rejects_non_iri():
    query = QueryLibrary().get("has-article")
    with pytest.raises(QueryError, match="absolute IRI"):
        query.bind({"article": "x> } DROP ALL #"})


def test_query_unknown_name_lists_known_queries():
    with pytest.raises(QueryError, match="known: .*speaks-for"):
        QueryLibrary().get("speaks-four")


@pytest.mark.parametrize("name", OFFLINE)
def test_query_rdflib_and_store_agree(name, dataset, store):
    query = QueryLibrary().get(name)
    on_graph = run_query(query, PARAMS.get(name), graph=dataset)
    on_store = run_query(query, PARAMS.get(name), store=store)
    if query.type == "SELECT":
        assert on_graph.rows, f"{name} finds nothing in the sample"
        assert rows_as_strings(on_graph) == rows_as_strings(on_store)
    elif query.type == "ASK":
        assert on_graph.boolean is on_store.boolean is True
    else:
        assert len(on_graph.graph) > 0
        assert isomorphic(on_graph.graph, on_store.graph)


def test_query_injection_in_a_literal_is_harmless(store, dataset):
    query = QueryLibrary().get("quotes-by-person")
    hostile = 'x" } DROP ALL #'
    before = len(store.oxigraph)
    assert run_query(query, {"person": hostile}, store=store).rows == []
    assert run_query(query, {"person": hostile}, graph=dataset).rows == []
    assert len(store.oxigraph) == before == 331
    search = entity_search(hostile)
    assert rdflib.Literal(name_pattern(hostile)).n3() in search
    prepareQuery(search)
    assert len(run_query(query, {"person": "Peskov"}, store=store).rows) == 2


def test_query_parameter_filters_rows(store):
    query = QueryLibrary().get("quotes-by-person")
    rows = run_query(query, {"person": "zelensky"}, store=store).rows
    assert [str(r["quote"]) for r in rows] == ["Nous ne céderons pas."]


def test_query_formats(store):
    result = run_query(QueryLibrary().get("speaks-for"), store=store)
    table = format_result(result, "table", width=120)
    assert table.splitlines()[0].split() == [
        "speaker",
        "principal",
        "role",
        "sentences",
        "articles",
    ]
    assert "Sophie Martin   Emmanuel Macron (Q3052772)   porte-parole" in table
    assert format_result(result, "csv").splitlines()[0] == (
        "speaker,speakerLabel,principal,principalLabel,role,sentences,articles"
    )
    assert '"Sophie Martin"@fr' in format_result(result, "tsv")
    data = json.loads(format_result(result, "json"))
    assert len(data["results"]["bindings"]) == 2
    assert data["results"]["bindings"][0]["speakerLabel"]["xml:lang"] == "fr"
    with pytest.raises(QueryError, match="choose one of: table, csv, tsv, json"):
        format_result(result, "ttl")


def test_query_construct_formats(store):
    result = run_query(QueryLibrary().get("entity-facts"), store=store)
    turtle = format_result(result, "ttl")
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == len(result.graph)
    assert json.loads(format_result(result, "jsonld"))


def test_query_needs_exactly_one_target(store, dataset):
    with pytest.raises(QueryError, match="exactly one"):
        run_query(QueryLibrary().get("articles"), graph=dataset, store=store)
    with pytest.raises(QueryError, match="exactly one"):
        run_query(QueryLibrary().get("articles"), target=StoreTarget(store), graph=dataset)
    with pytest.raises(QueryError, match="exactly one"):
        run_query(QueryLibrary().get("articles"))


def test_query_targets_answer_as_the_keywords_do(store, dataset):
    query = QueryLibrary().get("quotes-by-person")  # an entity found by name first
    params = PARAMS["quotes-by-person"]
    by_target = run_query(query, params, target=StoreTarget(store))
    assert by_target.rows
    assert rows_as_strings(by_target) == rows_as_strings(run_query(query, params, store=store))
    on_graph = run_query(query, params, target=GraphTarget(dataset))
    assert rows_as_strings(on_graph) == rows_as_strings(by_target)


def test_query_cli_runs_binds_and_reports_errors():
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    args = ["query", "quotes-by-person", "--graph", str(SAMPLE), "--param", "person=Peskov"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 2
    unknown = runner.invoke(app, [*args, "--param", "persn=x"])
    assert unknown.exit_code == 1
    assert unknown.stderr.strip() == (
        "error: query 'quotes-by-person' has no parameter 'persn'; parameters: person (entity)"
    )
    assert runner.invoke(app, [*args, "--param", "no-equals-sign"]).exit_code == 2
    listed = runner.invoke(app, ["query", "--list"])
    assert listed.exit_code == 0 and "speaks-for" in listed.stdout
    both = runner.invoke(app, ["query", "articles"])
    assert both.exit_code == 1 and "exactly one of --graph" in both.stderr


def test_query_turtle_file_answers_like_trig(tmp_path):
    """Turtle output (the union of article graphs) answers the stored queries too."""
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    ttl = tmp_path / "sample.ttl"
    dataset = rdflib.Dataset()
    dataset.parse(SAMPLE, format="trig")
    union = rdflib.Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    union.serialize(ttl, format="turtle")
    rows = {}
    for source in (SAMPLE, ttl):
        result = runner.invoke(app, ["query", "meetings", "--graph", str(source), "-f", "csv"])
        assert result.exit_code == 0, result.output
        rows[source.suffix] = sorted(result.stdout.splitlines())
    assert len(rows[".trig"]) > 1 and rows[".trig"] == rows[".ttl"]


def test_query_plain_graph_is_queried_like_a_dataset():
    dataset = rdflib.Dataset()
    dataset.parse(SAMPLE, format="trig")
    union = rdflib.Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    query = QueryLibrary().get("meetings")
    on_union = run_query(query, None, graph=union)
    on_dataset = run_query(query, None, graph=dataset)
    assert on_union.rows and len(on_union.rows) == len(on_dataset.rows)
