"""HTTP against a server that cuts, drips, lies and rate-limits: every request
ends within its deadline, and every failure is one line (push, query, link)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from badserver import BadServer, bad_server
from factory import EX, SAMPLE
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import ConfigError, EndpointError
from kg.link.wikidata import USER_AGENT, WikidataEndpoint
from kg.sparql.endpoint import query_endpoint
from kg.sparql.push import push

SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
runner = CliRunner()


@pytest.fixture()
def server() -> Iterator[BadServer]:
    with bad_server() as started:
        yield started


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


@pytest.mark.parametrize("path", ["/drip/x", "/driphead/x"])
def test_transport_timeout_is_a_deadline_for_the_whole_request(server, path):
    from kg.sparql.transport import HTTPFailure, Transport

    transport = Transport(server.url, timeout=1.0, retries=0)
    started = time.monotonic()
    with pytest.raises(HTTPFailure) as caught:
        transport.request("GET", server.url + path)
    assert time.monotonic() - started < 3
    assert caught.value.timed_out
    assert caught.value.reason == "no complete answer within 1 s (timed out)"


def test_transport_cut_answer_is_a_failure_not_a_short_body(server):
    from kg.sparql.transport import HTTPFailure, Transport

    with pytest.raises(HTTPFailure) as caught:
        Transport(server.url, retries=0).request("GET", server.url + "/cut/x")
    assert caught.value.reason == "the answer was cut short (10 bytes read, 990 missing)"
    assert caught.value.status is None and not caught.value.unreachable


def test_transport_retry_after_beyond_the_cap_gives_up_at_once(server):
    from kg.sparql.transport import HTTPFailure, Transport

    waits: list[float] = []
    transport = Transport(server.url, retries=3, max_wait=60, sleep=waits.append)
    for value in ("999999", "Wed, 21 Oct 2099 07:28:00 GMT"):
        with pytest.raises(HTTPFailure) as caught:
            transport.request("GET", f"{server.url}/retry/{quote(value)}")
        assert caught.value.status == 429
        assert "would pass the 60 s kg waits in all" in caught.value.reason
    assert waits == []


def test_transport_says_why_it_waits_and_reads_a_bad_retry_after_as_none(server):
    from kg.sparql.transport import Transport

    waits: list[float] = []
    told: list[str] = []
    server.refusals = 2
    transport = Transport(
        "the endpoint", retries=3, backoff=0.25, sleep=waits.append, notify=told.append
    )
    reply = transport.request("GET", f"{server.url}/retry/soon,%20maybe")
    assert reply.status == 200
    assert waits == [0.25, 0.5]
    assert told[0] == (
        "waiting 0.2 s before asking the endpoint again: HTTP 429 Too Many Requests "
        "(Retry-After 'soon, maybe' not understood)"
    )
    server.refusals = 1
    transport.request("GET", f"{server.url}/retry/2")
    assert waits[-1] == 2.0 and told[-1].endswith("(Retry-After: 2)")


def test_link_wikidata_drip_cut_and_retry_after_are_one_line(server):
    waits: list[float] = []
    endpoint = WikidataEndpoint(server.url + "/drip/x", None, 1.0, USER_AGENT, 2)
    with pytest.raises(EndpointError) as caught:
        endpoint.search(["Lyon"])
    assert str(caught.value) == (
        f"{server.url}/drip/x did not answer within 1 s (timeout); raise --timeout or try later"
    )
    endpoint = WikidataEndpoint(server.url + "/cut/x", None, 5.0, USER_AGENT, 2)
    with pytest.raises(EndpointError, match="cut short"):
        endpoint.search(["Lyon"])
    for value in ("999999", "soon, maybe"):
        url = f"{server.url}/retry/{quote(value)}"
        endpoint = WikidataEndpoint(url, None, 5.0, USER_AGENT, 2, sleep=waits.append)
        with pytest.raises(EndpointError) as caught:
            endpoint.search(["Lyon"])
        assert one_line(str(caught.value)).startswith(f"{url} answered HTTP 429")
    assert waits == [1.0, 2.0]


def test_link_cli_says_it_waits_then_links(server, tmp_path):
    server.refusals = 1
    out = tmp_path / "linked.trig"
    result = runner.invoke(
        app,
        ["link", str(SAMPLE), "-o", str(out), "--endpoint", f"{server.url}/retry/0"]
        + ["--cache", str(tmp_path / "cache.sqlite")],
    )
    assert result.exit_code == 0, result.output
    assert (
        f"waiting 0.0 s before asking {server.url}/retry/0 again: HTTP 429 Too Many Requests "
        "(Retry-After: 0)" in result.stderr
    )
    assert out.exists()


def test_link_cli_retry_after_far_away_is_one_line(server, tmp_path):
    url = f"{server.url}/retry/999999"
    result = runner.invoke(
        app,
        ["link", str(SAMPLE), "-o", str(tmp_path / "l.trig"), "--endpoint", url]
        + ["--cache", str(tmp_path / "cache.sqlite")],
    )
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith(f"error: {url} answered HTTP 429 Too Many Requests (Retry-After: ")
    assert line.endswith("would pass the 60 s kg waits in all, try later")
    assert not (tmp_path / "l.trig").exists()


@pytest.mark.parametrize(
    ("path", "qtype", "message"),
    [
        ("/json/garbage", "SELECT", "did not answer SPARQL JSON results: b'{this is not json'"),
        ("/json/array", "SELECT", "did not answer SPARQL JSON results: a JSON list"),
        ("/json/nobindings", "SELECT", "did not answer SPARQL JSON results: malformed"),
        ("/json/badlang", "SELECT", "did not answer SPARQL JSON results: malformed"),
        ("/json/html", "SELECT", "answered a web page, not SPARQL results"),
        ("/json/turtle", "CONSTRUCT", "answered a graph that does not parse as turtle"),
        ("/cut/x", "SELECT", "the answer was cut short"),
        ("/drip/x", "SELECT", "no complete answer within 1 s (timed out)"),
    ],
)
def test_remote_query_on_a_lying_endpoint_is_one_line(server, path, qtype, message):
    url = server.url + path
    with pytest.raises(EndpointError) as caught:
        query_endpoint(url, SELECT, qtype, timeout=1.0, retries=0)
    assert message in one_line(str(caught.value))
    assert caught.value.endpoint == url


def test_remote_query_cli_on_a_lying_endpoint_is_one_line(server):
    for path in ("/json/html", "/json/badlang", "/cut/x"):
        result = runner.invoke(app, ["query", "articles", "--endpoint", server.url + path])
        assert result.exit_code == 1
        assert one_line(result.stderr).startswith("error: ")
        assert "Traceback" not in result.output


def test_remote_push_cut_answer_after_the_first_write_removes_the_graph(server):
    url = server.url + "/cutpost/gsp"
    with pytest.raises(EndpointError) as caught:
        push(SAMPLE, url, batch_size=50, retries=0)
    message = one_line(str(caught.value))
    assert message.startswith(f"push on {url} failed: the answer was cut short")
    assert message.endswith(f"graph <{EX}graph/a1> was removed, none half-written")
    methods = [method for method, _path in server.requests]
    assert methods == ["PUT", "POST", "DELETE"]


def test_remote_push_cut_answer_to_the_first_put_tries_to_remove_the_graph(server):
    with pytest.raises(EndpointError) as caught:
        push(SAMPLE, server.url + "/cut/gsp", batch_size=50, retries=0)
    # This server cuts the DELETE too, and the message says so.
    assert one_line(str(caught.value)).endswith(
        f"graph <{EX}graph/a1> may be half-written: removing it failed too "
        "(the answer was cut short (10 bytes read, 990 missing))"
    )
    assert [method for method, _path in server.requests] == ["PUT", "DELETE"]


def test_remote_push_drip_ends_at_the_deadline(server):
    started = time.monotonic()
    with pytest.raises(EndpointError, match=r"no complete answer within 1 s \(timed out\)"):
        push(SAMPLE, server.url + "/drip/gsp", timeout=1.0, retries=0)
    assert time.monotonic() - started < 6


def test_remote_cli_push_cut_and_bad_url_are_one_line(server):
    url = server.url + "/cutpost/gsp"
    result = runner.invoke(app, ["push", str(SAMPLE), "--endpoint", url, "--batch-size", "50"])
    assert result.exit_code == 1
    assert "was removed, none half-written" in one_line(result.stderr)
    result = runner.invoke(app, ["push", str(SAMPLE), "--endpoint", "not a url"])
    assert result.exit_code == 1
    assert (
        one_line(result.stderr) == "error: --endpoint 'not a url' is not an http:// or https:// URL"
    )
    with pytest.raises(ConfigError):
        query_endpoint("ftp://example.org/sparql", SELECT, "SELECT")


def test_link_cli_bad_endpoint_url_is_one_line(tmp_path):
    args = ["link", str(SAMPLE), "-o", str(tmp_path / "l.trig"), "--endpoint", "not a url"]
    result = runner.invoke(app, args + ["--cache", str(tmp_path / "c.sqlite")])
    assert result.exit_code == 1
    assert (
        one_line(result.stderr) == "error: --endpoint 'not a url' is not an http:// or https:// URL"
    )
    with pytest.raises(EndpointError, match="'not a url' is not a URL kg can request"):
        WikidataEndpoint("not a url", None, 1.0, USER_AGENT, 0).search(["Lyon"])


def test_transport_a_failed_push_is_no_linking_error(tmp_path: Path) -> None:
    from kg.errors import EndpointError, KGError, LinkingError

    quads = tmp_path / "a.nq"
    quads.write_text(
        "<http://example.org/s> <http://example.org/p> <http://example.org/o> "
        "<http://example.org/g> .\n",
        encoding="utf-8",
    )
    with socket.socket() as probe:  # a port that was free a moment ago: refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(EndpointError) as raised:
        push(quads, f"http://127.0.0.1:{port}/sparql", timeout=2.0, retries=0)
    assert isinstance(raised.value, KGError)
    assert not isinstance(raised.value, LinkingError)


def test_transport_one_user_agent_with_the_package_version() -> None:
    from kg import __version__
    from kg.sparql.transport import USER_AGENT, Transport

    assert Transport("http://127.0.0.1/sparql").user_agent == USER_AGENT
    assert USER_AGENT.startswith(f"newskg/{__version__} ")
