"""The reference article's real graph: every stored query gives the same rows on
a real Virtuoso (through the SPARQL Protocol) and on the local pyoxigraph store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import assert_same_answer
from factory import EX
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.push import push
from kg.sparql.query import QueryLibrary
from kg.sparql.store import Store
from kg.sparql.targets import run_query

OFFLINE = [
    name
    for name in QueryLibrary().names()
    if not re.search(r"\bSERVICE\s*<", QueryLibrary().get(name).text, re.IGNORECASE)
]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_path: Path) -> Path:
    store = tmp_path_factory.mktemp("seed") / "store"
    result = CliRunner().invoke(app, ["build", str(seed_path), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="module")
def seed_remote(virtuoso, seed_store: Path, tmp_path_factory):
    virtuoso.clear()
    result = push(seed_store, virtuoso.gsp_url, user=virtuoso.user, password=virtuoso.password)
    assert set(result.graphs) == {EX + "graph/seed-poutine-trump"}
    return virtuoso


def params(name: str, store: Store) -> dict[str, str] | None:
    if name == "quotes-by-person":
        return {"person": "Peskov"}
    if name == "has-article":
        return {"article": EX + "article/seed-poutine-trump"}
    if name == "why":
        rows = store.query(
            "SELECT ?s WHERE { GRAPH ?g { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>"
            " <https://w3id.org/newskg/ontology#speaksFor> } }"
        )
        return {"statement": next(iter(rows))["s"].value}
    return None


@pytest.mark.parametrize("name", OFFLINE)
def test_remote_seed_every_query_agrees(name, seed_store, seed_remote):
    query = QueryLibrary().get(name)
    with Store(seed_store) as store:
        values = params(name, store)
        here = run_query(query, values, store=store)
    remote = run_query(query, values, endpoint=seed_remote.sparql_url)
    assert_same_answer(query.type, remote, here)


def test_remote_seed_answers_the_mission_questions(seed_store):
    library = QueryLibrary()
    with Store(seed_store) as store:
        speaks = run_query(library.get("speaks-for"), None, store=store)
        meetings = run_query(library.get("meetings"), None, store=store)
        negative = run_query(library.get("negative-facts"), None, store=store)
    labels = {(str(r["speakerLabel"]), str(r["principalLabel"])) for r in speaks.rows}
    assert ("Dmitri Peskov", "Vladimir Poutine") in labels
    places = {
        (str(r["personLabel"]), str(r.get("placeLabel")), str(r.get("time"))) for r in meetings.rows
    }
    assert ("Donald Trump", "Finlande", "2018") in places
    assert negative.rows
