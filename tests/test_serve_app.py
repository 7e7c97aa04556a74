"""kg serve through Starlette's test client: every route, status, content type and error."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import rdflib
from factory import KG, ROOT
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser
from starlette.testclient import TestClient

from kg.errors import StoreError
from kg.serve import CSP, Limits, create_app, open_source
from kg.serve.app import EDITOR_CSP
from kg.sparql.query import QueryLibrary
from kg.sparql.targets import run_query

DATA = ROOT / "tests" / "data"
PUTIN = "https://w3id.org/newskg/id/entity/wd/Q7747"
EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    """The sample graph and the hostile article in one TriG file."""
    path = tmp_path_factory.mktemp("serve") / "data.trig"
    path.write_text(
        (DATA / "sample.trig").read_text(encoding="utf-8")
        + (DATA / "xss.trig").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def client(graph_file: Path) -> TestClient:
    return TestClient(create_app(open_source(graph_file)))


PAGES = [
    "/",
    "/search?q=pou",
    "/entity/wd/Q7747",
    "/graph/entity/wd/Q7747",
    "/article/a1",
    "/statement/a1/4444444444444444",
    "/query",
    "/api",
]


@pytest.mark.parametrize("url", PAGES)
def test_serve_app_pages_are_html_with_csp(client: TestClient, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    policy = response.headers["content-security-policy"]
    assert policy == (EDITOR_CSP if url == "/query" else CSP)
    assert "script-src 'self';" in policy and "unsafe-inline" not in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r"<script>(?!</script>)[^<]", response.text), "inline script"
    assert not re.search(r"\son[a-z]+=", response.text), "inline event handler"


@pytest.mark.parametrize("url", PAGES)
def test_serve_app_pages_answer_json(client: TestClient, url: str):
    by_param = client.get(url + ("&" if "?" in url else "?") + "format=json")
    by_accept = client.get(url, headers={"Accept": "application/json"})
    assert by_param.headers["content-type"] == "application/json"
    assert by_param.json() == by_accept.json()


def test_serve_app_home_counts(client: TestClient):
    home = client.get("/?format=json").json()
    assert home["articles"] == 4
    assert home["entities"]["Person"] >= 7 and home["entities"]["Place"] >= 7
    assert home["facts"]["metWith"] == 4
    assert "metWith" in client.get("/").text


def test_serve_app_search_ignores_case_and_accents_and_matches_word_prefixes(client):
    def found(text: str) -> list[str]:
        return [e["label"] for e in client.get(f"/search?format=json&q={text}").json()["entities"]]

    assert found("pou") == ["Vladimir Poutine"]
    assert found("GEOR") == ["Géorgie"]
    assert "États-Unis" in found("etats")
    assert found("pesk") == ["Dmitri Peskov"]  # an other name: "Peskov"
    assert found("président ru") == ["Vladimir Poutine"]
    assert found("zzz") == [] and found("") == []


def test_serve_app_entity_page(client: TestClient):
    data = client.get("/entity/wd/Q7747?format=json").json()
    assert data["label"] == "Vladimir Poutine" and data["type"] == "Person"
    assert data["wikidata"] == ["Q7747"] and "Poutine" in data["names"]
    groups = {(g["direction"], g["predicate"]): g["facts"] for g in data["groups"]}
    [denied] = groups[("out", "congratulated")]
    assert denied["polarity"] == "negative" and denied["other"]["label"] == "Donald Trump"
    planned = [f for f in groups[("in", "contacted")] if f["modality"] == "planned"]
    assert planned and planned[0]["time"] == "2025"
    [spokesman] = groups[("in", "speaksFor")][:1]
    assert spokesman["source"]["label"] == "Interfax" and spokesman["article_path"] == "article/a1"
    assert data["facts_total"] == sum(len(f) for f in groups.values())
    assert [(a["path"], a["mentions"]) for a in data["articles"]] == [("article/a1", 1)]
    html = client.get("/entity/wd/Q7747").text
    assert 'class="fact polarity-negative modality-asserted"' in html
    assert 'class="fact polarity-positive modality-planned"' in html
    assert 'href="https://www.wikidata.org/wiki/Q7747"' in html
    assert 'href="/graph/entity/wd/Q7747"' in html


def test_serve_app_article_page_shows_the_whole_text_cut_at_mentions_and_evidence(
    client: TestClient, graph_file: Path
):
    dataset = rdflib.Dataset()
    dataset.parse(graph_file, format="trig")
    article = rdflib.URIRef("https://w3id.org/newskg/id/article/x1")
    [(_, _, literal, _)] = dataset.quads((article, rdflib.URIRef(KG + "text"), None, None))
    text = str(literal)
    data = client.get("/article/x1?format=json").json()
    assert data["full"]
    [sentence] = data["sentences"]
    assert sentence["start"] == 0 and not sentence["gap"] and sentence["text"] == text
    assert "".join(s["text"] for s in sentence["segments"]) == text
    for seg in sentence["segments"]:
        assert text[seg["start"] : seg["end"]] == seg["text"]
        if seg["mention"]:
            assert seg["text"] == seg["mention"]["label"]
    texts = [(s["text"], (s["mention"] or {}).get("label")) for s in sentence["segments"]]
    assert texts[0] == (EVIL, EVIL) and ("Jeanne Martin", "Jeanne Martin") in texts
    [fact] = data["facts"]
    assert fact["placed"] and (fact["start"], fact["end"]) == (0, 52)
    html = client.get("/article/x1").text
    assert 'class="mention type-Person seg" data-start="38" data-end="51"' in html
    assert 'data-start="0" data-end="52"' in html
    assert '<span class="sentence full">' in html and 'class="gap"' not in html
    # The last sentence names nobody: only the whole text brings it.
    assert "signaler &lt;img src=x onerror=alert(3)&gt;." in html


def test_serve_app_article_page_without_text_places_the_sentences_it_knows(client: TestClient):
    data = client.get("/article/a1?format=json").json()
    assert not data["full"]
    first, second = data["sentences"]
    assert first["start"] == 0 and not first["gap"]
    assert second["gap"] and second["start"] > first["start"] + len(first["text"])
    for sentence in data["sentences"]:
        for seg in sentence["segments"]:
            at = seg["start"] - sentence["start"]
            assert sentence["text"][at : at + len(seg["text"])] == seg["text"]
    placed = [f for f in data["facts"] if f["placed"]]
    assert placed and len(placed) < len(data["facts"])
    html = client.get("/article/a1").text
    assert '<span class="gap">[…]</span>' in html and "sentence full" not in html


def test_serve_app_graph_data(client: TestClient):
    one = client.get("/graph/entity/wd/Q7747?format=json").json()
    two = client.get("/graph/entity/wd/Q7747?format=json&hops=2").json()
    ids = {n["data"]["id"] for n in one["nodes"]}
    assert PUTIN in ids and len(two["nodes"]) >= len(one["nodes"])
    assert [n["data"]["center"] for n in one["nodes"]].count(True) == 1
    for edge in one["edges"]:
        assert {edge["data"]["source"], edge["data"]["target"]} <= ids
    denied = [e["data"] for e in one["edges"] if e["data"]["polarity"] == "negative"]
    assert "congratulated" in {d["predicate"] for d in denied}
    small = client.get("/graph/entity/wd/Q7747?format=json&limit=2").json()
    assert len(small["nodes"]) == 2 and small["truncated"]
    assert client.get("/graph/entity/wd/Q7747?hops=3").status_code == 400
    assert client.get("/graph/entity/wd/Q7747?limit=many").status_code == 400


@pytest.mark.parametrize(
    "url", ["/entity/person/nobody", "/article/none", "/statement/a1/none", "/nothing"]
)
def test_serve_app_unknown_things_are_404(client: TestClient, url: str):
    response = client.get(url)
    assert response.status_code == 404
    assert "Error 404" in response.text and "Traceback" not in response.text
    assert client.get(url + "?format=json").json()["status"] == 404


def test_serve_app_sparql_protocol_formats(client: TestClient):
    select = f"SELECT DISTINCT ?l WHERE {{ <{PUTIN}> <{rdflib.RDFS.label}> ?l }}"
    got = client.get("/sparql", params={"query": select})
    assert got.headers["content-type"].startswith("application/sparql-results+json")
    assert got.json()["results"]["bindings"][0]["l"]["value"] == "Vladimir Poutine"
    form = client.post("/sparql", data={"query": select}, headers={"Accept": "text/csv"})
    assert form.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(form.text))) == [["l"], ["Vladimir Poutine"]]
    body = client.post(
        "/sparql",
        content=select.encode(),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+xml",
        },
    )
    assert body.headers["content-type"] == "application/sparql-results+xml"
    parsed = XMLResultParser().parse(io.BytesIO(body.content))
    assert [str(r[0]) for r in parsed] == ["Vladimir Poutine"]
    tsv = client.get(
        "/sparql",
        params={"query": select},
        headers={"Accept": "text/tab-separated-values;q=0.9, text/html;q=0.1"},
    )
    assert tsv.text == '?l\n"Vladimir Poutine"@fr\n'
    ask = client.get(
        "/sparql", params={"query": "ASK { ?s a <https://w3id.org/newskg/ontology#Article> }"}
    )
    assert ask.json()["boolean"] is True
    construct = f"CONSTRUCT {{ <{PUTIN}> ?p ?o }} WHERE {{ <{PUTIN}> ?p ?o }}"
    turtle = client.get("/sparql", params={"query": construct})
    assert turtle.headers["content-type"].startswith("text/turtle")
    nt = client.get(
        "/sparql", params={"query": construct}, headers={"Accept": "application/n-triples"}
    )
    one, other = rdflib.Graph(), rdflib.Graph()
    one.parse(data=turtle.text, format="turtle")
    other.parse(data=nt.text, format="nt")
    assert len(one) == len(other) > 3
    refused = client.get("/sparql", params={"query": select}, headers={"Accept": "image/png"})
    assert refused.status_code == 406 and "application/sparql-results+json" in refused.text


def test_serve_app_sparql_errors_are_clear(client: TestClient):
    bad = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert bad.status_code == 400 and bad.text.startswith("the query does not parse: ")
    assert "Traceback" not in bad.text and len(bad.text.splitlines()) == 1
    update = "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"
    for response in (
        client.post("/sparql", data={"update": update}),
        client.post("/sparql", data={"query": update}),
        client.post(
            "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
        ),
    ):
        assert response.status_code == 403 and "read-only" in response.text
    ask = client.get("/sparql", params={"query": "ASK { <http://e/a> ?p ?o }"})
    assert ask.json()["boolean"] is False
    assert client.get("/sparql").status_code == 400
    wrong = client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert wrong.status_code == 415 and "application/sparql-query" in wrong.text


def test_serve_app_service_calls_are_refused_unless_federated(client: TestClient):
    # Port 9 (discard) on loopback: were the call made, it could reach nothing.
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    for response in (
        client.get("/sparql", params={"query": service}),
        client.get("/sparql", params={"query": service.replace("SERVICE", "service SILENT")}),
        client.get("/api/wikidata-federated"),
    ):
        assert response.status_code == 403 and "SERVICE is refused" in response.text
        assert "--federated" in response.text
    word = client.get("/sparql", params={"query": 'SELECT * WHERE { ?s ?p "service" }'})
    assert word.status_code == 200


def test_serve_app_row_and_time_limits(graph_file: Path):
    small = TestClient(create_app(open_source(graph_file), Limits(timeout=30, rows=5)))
    many = small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert many.status_code == 413 and "more than 5 rows" in many.text
    assert (
        small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"}).status_code
        == 200
    )
    assert small.get("/api/entity").status_code == 413
    quick = TestClient(create_app(open_source(graph_file), Limits(timeout=0.2, rows=10**9)))
    slow = quick.get(
        "/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
    )
    assert slow.status_code == 503 and "longer than 0.2 s" in slow.text


def _dataset(path: Path) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(path, format="trig")
    return dataset


#: Values for the parameters that have no default.
API_PARAMS = {
    "has-article": {"article": "https://w3id.org/newskg/id/article/a1"},
    "quotes-by-person": {"person": "Peskov"},
    "why": {"statement": "https://w3id.org/newskg/id/statement/a1/4444444444444444"},
}


@pytest.mark.parametrize("name", [n for n in QueryLibrary().names() if n != "wikidata-federated"])
def test_serve_app_api_answers_as_kg_query(client: TestClient, graph_file: Path, name: str):
    stored = QueryLibrary().get(name)
    params = API_PARAMS.get(name, {})
    expected = run_query(stored, params, graph=_dataset(graph_file))
    response = client.get(f"/api/{name}", params=params)
    assert response.status_code == 200, response.text
    if stored.type in ("CONSTRUCT", "DESCRIBE"):
        graph = rdflib.Graph().parse(data=response.text, format="turtle")
        assert {tuple(map(str, t)) for t in graph} == {tuple(map(str, t)) for t in expected.graph}
        return
    got = response.json()
    if stored.type == "ASK":
        assert got["boolean"] == expected.boolean
        return
    rows = [{k: v["value"] for k, v in b.items()} for b in got["results"]["bindings"]]
    assert sorted(map(sorted, (r.items() for r in rows))) == sorted(
        sorted((k, str(v)) for k, v in r.items()) for r in expected.rows
    )
    as_csv = client.get(f"/api/{name}", params={**params, "format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert len(list(csv.reader(io.StringIO(as_csv.text)))) == len(rows) + 1


def test_serve_app_api_binds_parameters_as_terms(client: TestClient):
    peskov = client.get("/api/quotes-by-person", params={"person": "Peskov"}).json()
    assert peskov["results"]["bindings"]
    hostile = 'Peskov" } ?a ?b ?c . { "'
    nothing = client.get("/api/quotes-by-person", params={"person": hostile})
    assert nothing.status_code == 200 and nothing.json()["results"]["bindings"] == []
    bad_iri = client.get("/api/meetings-in-country", params={"country": "not an iri"})
    assert bad_iri.status_code == 400 and "needs an absolute IRI" in bad_iri.text
    unknown = client.get("/api/meetings-in-country", params={"who": "x"})
    assert unknown.status_code == 400 and "parameters: country (iri)" in unknown.text
    missing = client.get("/api/nothing-like-this")
    assert missing.status_code == 404 and "quotes-by-person" in missing.text


def test_serve_app_openapi_comes_from_the_headers(graph_file: Path, tmp_path: Path):
    (tmp_path / "people-named.rq").write_text(
        "#+ summary: People by name\n#+ description: Every person with this label.\n"
        "#+ tags:\n#+   - people\n"
        "SELECT ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?_name }\n",
        encoding="utf-8",
    )
    client = TestClient(create_app(open_source(graph_file), library=QueryLibrary(tmp_path)))
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    operation = spec["paths"]["/api/people-named"]["get"]
    assert operation["summary"] == "People by name" and operation["tags"] == ["people"]
    assert operation["description"] == "Every person with this label."
    assert operation["parameters"] == [
        {
            "name": "name",
            "in": "query",
            "required": True,
            "description": "a plain literal",
            "schema": {"type": "string"},
        }
    ]
    label = rdflib.Literal("Jeanne Martin", lang="fr")
    assert (
        client.get("/api/people-named", params={"name": str(label)}).json()["results"]["bindings"]
        == []
    )
    shipped = TestClient(create_app(open_source(graph_file))).get("/api/openapi.json").json()
    for stored in QueryLibrary():
        operation = shipped["paths"][f"/api/{stored.name}"]["get"]
        assert operation["summary"] == stored.summary
        assert operation["description"] == stored.description
        for param, described in zip(stored.parameters, operation["parameters"], strict=True):
            assert described["name"] == param.name
            assert described["required"] is (param.default is None)


XSS_PAGES = [
    "/search?q=script",
    "/entity/person/evil",
    "/entity/person/jeanne-martin",
    "/article/x1",
    "/statement/x1/0000000000000001",
    "/graph/entity/person/evil",
]


@pytest.mark.parametrize("url", XSS_PAGES)
def test_serve_app_names_are_shown_as_text(client: TestClient, url: str):
    html = client.get(url).text
    assert EVIL not in html and "<img src=x" not in html and "<b>chef" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_serve_app_json_keeps_names_as_data(client: TestClient):
    data = client.get("/graph/entity/person/jeanne-martin?format=json").json()
    assert EVIL in {n["data"]["label"] for n in data["nodes"]}
    assert (
        json.loads(client.get("/search?q=script&format=json").text)["entities"][0]["label"] == EVIL
    )


def test_serve_app_open_source_errors(tmp_path: Path):
    with pytest.raises(StoreError, match="no such folder or file"):
        open_source(tmp_path / "missing")
    (tmp_path / "data.csv").write_text("a,b\n")
    with pytest.raises(StoreError, match=r"unknown graph file suffix '\.csv'; known: \.trig"):
        open_source(tmp_path / "data.csv")
    (tmp_path / "broken.ttl").write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match="cannot read"):
        open_source(tmp_path / "broken.ttl")


def test_serve_app_reads_turtle_into_a_named_graph(tmp_path: Path):
    graph = _dataset(DATA / "sample.trig")
    flat = rdflib.Graph()
    for s, p, o, _ in graph.quads():
        flat.add((s, p, o))
    flat.serialize(tmp_path / "flat.ttl", format="turtle")
    client = TestClient(create_app(open_source(tmp_path / "flat.ttl")))
    assert client.get("/entity/wd/Q7747?format=json").json()["label"] == "Vladimir Poutine"
    expected = run_query(QueryLibrary().get("speaks-for"), graph=flat)
    got = client.get("/api/speaks-for").json()["results"]["bindings"]
    assert len(got) == len(expected.rows) > 0


def test_serve_app_sparql_dataset_parameters(client: TestClient):
    articles = f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a <{KG}Article> }}"
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    graph = "https://w3id.org/newskg/id/graph/"

    def values(query: str, **dataset) -> list[str]:
        answer = client.get("/sparql", params={"query": query, **dataset})
        assert answer.status_code == 200, answer.text
        return [next(iter(b.values()))["value"] for b in answer.json()["results"]["bindings"]]

    assert values(articles) == ["4"]
    assert values(articles, **{"default-graph-uri": graph + "a1"}) == ["1"]
    assert values(articles, **{"default-graph-uri": [graph + "a1", graph + "x1"]}) == ["2"]
    named = values(graphs, **{"named-graph-uri": [graph + "a3", graph + "a1"]})
    assert named == [graph + "a1", graph + "a3"]
    form = client.post("/sparql", data={"query": graphs, "named-graph-uri": graph + "x1"})
    assert [b["g"]["value"] for b in form.json()["results"]["bindings"]] == [graph + "x1"]
    bad = client.get("/sparql", params={"query": articles, "default-graph-uri": "not an iri"})
    assert bad.status_code == 400 and "not an IRI" in bad.text
    two = client.get("/sparql", params={"query": [articles, articles]})
    assert two.status_code == 400 and "one 'query'" in two.text


def test_serve_app_names_read_from_the_data_match_the_search_index(graph_file: Path):
    from kg.serve.facts import names_of
    from kg.serve.search import NameIndex

    source = open_source(graph_file)
    index = NameIndex(source)
    iris = [*index.entities, "http://www.wikidata.org/entity/Q7747"]
    read = names_of(source, iris)
    assert read == names_of(source, iris, index.entities)
    assert read[PUTIN] == {"label": "Vladimir Poutine", "type": "Person", "path": "entity/wd/Q7747"}
    assert read[iris[-1]] == {"label": iris[-1], "type": "Entity", "path": None}
