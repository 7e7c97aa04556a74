"""Pushing to and querying a real Virtuoso; failures give one clear line."""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import assert_same_answer
from factory import EX, SAMPLE

from kg.errors import EndpointError
from kg.sparql.endpoint import query_endpoint
from kg.sparql.push import push
from kg.sparql.query import QueryLibrary
from kg.sparql.store import Store
from kg.sparql.targets import run_query

GRAPHS = {EX + "graph/a1", EX + "graph/a2", EX + "graph/a3"}
PARAMS = {
    "quotes-by-person": {"person": "peskov"},
    "has-article": {"article": EX + "article/a2"},
    "why": {"statement": EX + "statement/a1/2222222222222222"},
}
OFFLINE = [
    name
    for name in QueryLibrary().names()
    if not re.search(r"\bSERVICE\s*<", QueryLibrary().get(name).text, re.IGNORECASE)
]


@pytest.fixture(scope="module")
def loaded(virtuoso):
    """Virtuoso holding the sample, pushed through the Graph Store Protocol."""
    virtuoso.clear()
    seen = []
    result = push(
        SAMPLE,
        virtuoso.gsp_url,
        user=virtuoso.user,
        password=virtuoso.password,
        batch_size=40,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.method == "gsp"
    assert set(result.graphs) == GRAPHS
    assert result.triples == 331 and result.batches == 10
    assert seen[-1] == (331, 331) and len(seen) == 10
    return virtuoso


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("store") / "s") as store:
        store.load(SAMPLE)
        yield store


def test_remote_pushed_graphs_are_all_there(loaded):
    assert loaded.graphs(EX) == GRAPHS


@pytest.mark.parametrize("name", OFFLINE)
def test_remote_every_query_agrees_with_local_store(name, loaded, local):
    query = QueryLibrary().get(name)
    remote = run_query(query, PARAMS.get(name), endpoint=loaded.sparql_url)
    here = run_query(query, PARAMS.get(name), store=local)
    if query.type == "SELECT":
        assert here.rows, f"{name} finds nothing in the sample"
    assert_same_answer(query.type, remote, here)


def test_remote_injection_in_a_parameter_is_harmless(loaded):
    query = QueryLibrary().get("quotes-by-person")
    hostile = {"person": 'x" } DROP ALL #'}
    assert run_query(query, hostile, endpoint=loaded.sparql_url).rows == []
    found = run_query(query, {"person": "Peskov"}, endpoint=loaded.sparql_url).rows
    assert len(found) == 2
    assert loaded.graphs(EX) == GRAPHS


def test_remote_push_again_replaces_rather_than_duplicates(loaded):
    before = query_endpoint(
        loaded.sparql_url,
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}graph/a2> {{ ?s ?p ?o }} }}",
        "SELECT",
    )
    push(SAMPLE, loaded.gsp_url, user="dba", password=loaded.password, batch_size=1000)
    after = query_endpoint(
        loaded.sparql_url,
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}graph/a2> {{ ?s ?p ?o }} }}",
        "SELECT",
    )
    assert int(before.rows[0]["n"]) == int(after.rows[0]["n"]) == 97


def test_remote_wrong_password_fails_clearly_and_writes_nothing(virtuoso, tmp_path):
    data = tmp_path / "one.ttl"
    data.write_text(f"<{EX}x> <{EX}p> 'v' .\n", encoding="utf-8")
    target = EX + "graph/wrong-password"
    with pytest.raises(EndpointError) as caught:
        push(data, virtuoso.gsp_url, graph=target, user="dba", password="not-it")
    message = str(caught.value)
    assert message == f"authentication failed for {virtuoso.gsp_url} as user 'dba'"
    assert target not in virtuoso.graphs(EX)


def test_remote_fallback_to_sparql_update_without_gsp(virtuoso):
    virtuoso.clear(EX + "graph/")
    result = push(
        SAMPLE,
        f"{virtuoso.base_url}/no-graph-store-here",
        user="dba",
        password=virtuoso.password,
        batch_size=100,
        update_endpoint=virtuoso.update_url,
    )
    assert result.method == "update"
    assert virtuoso.graphs(EX) == GRAPHS
    count = query_endpoint(
        virtuoso.sparql_url,
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}graph/a1> {{ ?s ?p ?o }} }}",
        "SELECT",
    )
    assert int(count.rows[0]["n"]) == 189


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_remote_unreachable_endpoint_is_one_line(tmp_path):
    url = f"http://127.0.0.1:{_closed_port()}/sparql-graph-crud-auth"
    started = time.monotonic()
    with pytest.raises(EndpointError) as caught:
        push(SAMPLE, url, user="dba", password="dba", backoff=0.01)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"push on {url} failed: unreachable")
    assert caught.value.endpoint == url
    assert time.monotonic() - started < 5
    with pytest.raises(EndpointError, match="unreachable"):
        query_endpoint(url.replace("-graph-crud-auth", ""), "ASK {}", "ASK", backoff=0.01)


class _Broken(BaseHTTPRequestHandler):
    """Answers 500 to everything and counts the requests."""

    hits = 0

    def _fail(self) -> None:
        type(self).hits += 1
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_DELETE = _fail

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def broken_server():
    _Broken.hits = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Broken)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_remote_server_error_retries_then_one_line(broken_server):
    with pytest.raises(EndpointError) as caught:
        push(SAMPLE, broken_server + "/gsp", retries=2, backoff=0.01)
    assert str(caught.value) == (
        f"push on {broken_server}/gsp failed after 3 attempts: HTTP 500 Internal Server Error"
    )
    assert _Broken.hits == 3
    _Broken.hits = 0
    with pytest.raises(EndpointError, match="failed after 2 attempts") as caught:
        query_endpoint(broken_server + "/sparql", "ASK {}", "ASK", retries=1, backoff=0.01)
    assert "\n" not in str(caught.value)
    assert _Broken.hits == 2


class _Slow(BaseHTTPRequestHandler):
    """Answers nothing for two seconds, then 200."""

    hits = 0

    def _wait(self) -> None:
        type(self).hits += 1
        time.sleep(2)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = _wait

    def log_message(self, *args) -> None:
        pass


def test_remote_timeout_retries_then_one_line():
    _Slow.hits = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/gsp"
    try:
        with pytest.raises(EndpointError) as caught:
            push(SAMPLE, url, timeout=0.3, retries=1, backoff=0.01)
    finally:
        server.shutdown()
        server.server_close()
    assert str(caught.value) == (
        f"push on {url} failed after 2 attempts: no complete answer within 0.3 s (timed out); "
        f"graph <{EX}graph/a1> was removed, none half-written"
    )
    assert _Slow.hits == 2


class _FlakyProxy(BaseHTTPRequestHandler):
    """Forwards to Virtuoso, but fails the second authenticated POST with a 503."""

    target = ""
    posts = 0

    def _forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.command == "POST" and "Authorization" in self.headers:
            type(self).posts += 1
            if type(self).posts == 2:
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        host, port = self.target.split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        conn.request(self.command, self.path, body=body or None, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in ("transfer-encoding", "content-length", "connection"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, *args) -> None:
        pass


def test_remote_failure_mid_graph_removes_the_partial_graph(virtuoso):
    virtuoso.clear(EX + "graph/")
    _FlakyProxy.target = virtuoso.base_url.removeprefix("http://")
    _FlakyProxy.posts = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FlakyProxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    proxy = f"http://127.0.0.1:{server.server_address[1]}/sparql-graph-crud-auth"
    try:
        with pytest.raises(EndpointError) as caught:
            push(SAMPLE, proxy, user="dba", password="dba", batch_size=50, retries=0)
    finally:
        server.shutdown()
        server.server_close()
    assert "graph <https://w3id.org/newskg/id/graph/a1> was removed" in str(caught.value)
    assert EX + "graph/a1" not in virtuoso.graphs(EX)


def test_remote_cli_push_and_wrong_password(virtuoso):
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    base = ["push", str(SAMPLE), "--endpoint", virtuoso.gsp_url, "--user", "dba"]
    good = runner.invoke(app, [*base, "--password", virtuoso.password, "--batch-size", "100"])
    assert good.exit_code == 0, good.output
    assert "pushed 331 triples in 3 graph(s), 4 request(s), via Graph Store Protocol" in good.stderr
    bad = runner.invoke(app, [*base, "--password", "wrong"])
    assert bad.exit_code == 1
    assert (
        bad.stderr.strip() == f"error: authentication failed for {virtuoso.gsp_url} as user 'dba'"
    )


def test_remote_push_from_a_store_skips_the_default_graph(virtuoso, tmp_path):
    virtuoso.clear(EX + "graph/")
    with Store(tmp_path / "s") as store:
        store.load(SAMPLE)
        store.oxigraph.update(f"INSERT DATA {{ <{EX}x> <{EX}p> 'in the default graph' }}")
    result = push(tmp_path / "s", virtuoso.gsp_url, user="dba", password=virtuoso.password)
    assert (set(result.graphs), result.triples, result.skipped) == (GRAPHS, 331, 1)
    assert virtuoso.graphs(EX) == GRAPHS
