"""kg serve as a user runs it: a real uvicorn server on 127.0.0.1, real clients."""

from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import assert_same_answer
from factory import ROOT
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.query import QueryLibrary
from kg.sparql.store import Store
from kg.sparql.targets import run_query

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """A store folder loaded from the sample graph, as ``kg store load`` makes it."""
    path = tmp_path_factory.mktemp("live") / "store"
    result = CliRunner().invoke(app, ["store", "load", str(path), str(DATA / "sample.trig")])
    assert result.exit_code == 0, result.output
    return path


def test_serve_live_sparqlwrapper_and_kg_query_use_the_endpoint(kg_serve, store_dir: Path):
    with kg_serve(store_dir) as url:
        client = SPARQLWrapper(url + "/sparql")
        client.setQuery(
            "SELECT DISTINCT ?l WHERE { <https://w3id.org/newskg/id/entity/wd/Q22686> "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
        )
        client.setReturnFormat(JSON)
        rows = client.query().convert()["results"]["bindings"]
        assert [r["l"]["value"] for r in rows] == ["Donald Trump"]
        client.setQuery("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3")
        client.setReturnFormat(TURTLE)
        assert b"@prefix" in client.query().convert() or b"<" in client.query().convert()
        with Store(store_dir, create=False) as store:  # another process may open it: no lock
            for name in ("speaks-for", "negative-facts", "entity-facts", "meetings"):
                stored = QueryLibrary().get(name)
                remote = run_query(stored, endpoint=url + "/sparql", retries=0)
                local = run_query(stored, store=store)
                assert_same_answer(stored.type, remote, local)
                assert remote.rows or remote.graph


def test_serve_live_eight_concurrent_clients(kg_serve, store_dir: Path):
    paths = ["/", "/entity/wd/Q7747", "/graph/entity/wd/Q7747?format=json", "/article/a1",
             "/api/speaks-for", "/search?q=tr&format=json", "/sparql?query=ASK%7B%7D",
             "/entity/person/dmitri-peskov"]  # fmt: skip
    with kg_serve(store_dir, "--row-limit", "1000") as url:

        def fetch(number: int) -> int:
            with urllib.request.urlopen(url + paths[number % len(paths)], timeout=30) as answer:
                answer.read()
                return answer.status

        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(fetch, range(80)))
    assert statuses == [200] * 80


def test_serve_live_busy_port_and_exposed_host(kg_serve):
    runner = CliRunner()
    sample = str(DATA / "sample.trig")
    with kg_serve(DATA / "sample.trig") as url:
        assert url.startswith("http://127.0.0.1:")
        port = url.rsplit(":", 1)[1]
        busy = runner.invoke(app, ["serve", sample, "--port", port])
        assert busy.exit_code == 1
        assert busy.output.strip() == f"error: cannot listen on 127.0.0.1 port {port}: " + (
            "Address already in use"
        )
    # 192.0.2.1 is a documentation address that no machine here has: the bind fails.
    exposed = runner.invoke(app, ["serve", sample, "--host", "192.0.2.1", "--port", "0"])
    assert exposed.exit_code == 1
    lines = " ".join(exposed.output.split())
    assert "warning: listening on 192.0.2.1: the store is exposed to other machines" in lines
    assert lines.endswith(
        "error: cannot listen on 192.0.2.1 port 0: Cannot assign requested address"
    )


def test_serve_live_errors_are_one_line(kg_serve, tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(app, ["serve", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: nothing to serve at {tmp_path / 'nothing'}: no such folder or file"
    ]
    with kg_serve(DATA / "sample.trig", "--timeout", "5") as url:
        request = urllib.request.Request(url + "/sparql?query=SELECT%20%3Fx%20WHERE%20%7B")
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=10)
        assert caught.value.code == 400
        assert caught.value.read().decode().startswith("the query does not parse")
        spec = json.load(urllib.request.urlopen(url + "/api/openapi.json", timeout=10))
        assert "/api/speaks-for" in spec["paths"]
