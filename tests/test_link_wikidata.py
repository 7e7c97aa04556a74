"""The Wikidata client against a real Virtuoso holding a Wikidata-shaped fixture,
with local HTTP servers in front of it for counting, 429 and timeouts."""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from badserver import serving
from factory import WIKIDATA_FIXTURE, article

from kg import __version__
from kg.errors import EndpointError
from kg.link import USER_AGENT, Cache, Catalogue, Linker, WikidataEndpoint
from kg.model import Entity, EntityType

FIXTURE_GRAPH = "http://www.wikidata.org/fixture"


@pytest.fixture(scope="module")
def wikidata_url(virtuoso) -> str:
    """Virtuoso's SPARQL endpoint, holding the Wikidata-shaped fixture."""
    virtuoso.load_turtle(WIKIDATA_FIXTURE, FIXTURE_GRAPH)
    return virtuoso.sparql_url


class _Front(ThreadingHTTPServer):
    """Forwards requests to an endpoint, counting them; can refuse the first
    ``refusals`` with 429 and a Retry-After header."""

    daemon_threads = True

    def __init__(self, target: str, refusals: int = 0, retry_after: str = "1") -> None:
        super().__init__(("127.0.0.1", 0), _FrontHandler)
        self.target = target
        self.refusals = refusals
        self.retry_after = retry_after
        self.seen: list[dict[str, str]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"


class _FrontHandler(BaseHTTPRequestHandler):
    server: _Front

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.seen.append(dict(self.headers.items()))
        if self.server.refusals > 0:
            self.server.refusals -= 1
            self.send_response(429)
            self.send_header("Retry-After", self.server.retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        request = urllib.request.Request(self.server.target, data=body)
        for name in ("Content-Type", "Accept"):
            if self.headers.get(name):
                request.add_header(name, self.headers[name])
        with urllib.request.urlopen(request, timeout=30) as answer:
            data = answer.read()
            kind = answer.headers.get("Content-Type", "application/sparql-results+json")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def front(wikidata_url: str) -> Iterator[_Front]:
    with serving(_Front(wikidata_url)) as server:
        yield server


def test_link_wikidata_search_finds_labels_and_aliases_in_both_languages(wikidata_url: str) -> None:
    endpoint = WikidataEndpoint(wikidata_url, None, 10.0, USER_AGENT, 0)
    found = endpoint.search(["Géorgie", "OTAN", "NATO", "Putin", "Nowhere-on-the-map"])
    assert sorted(found["Géorgie"]) == ["Q1428", "Q230"]
    assert found["OTAN"] == ["Q7184"] and found["NATO"] == ["Q7184"]
    assert found["Putin"] == ["Q7747"]
    assert found["Nowhere-on-the-map"] == []


def test_link_wikidata_describe_reads_types_country_sitelinks_description(
    wikidata_url: str,
) -> None:
    endpoint = WikidataEndpoint(wikidata_url, None, 10.0, USER_AGENT, 0)
    items = endpoint.describe(["Q1428", "Q7747", "Q230"])
    state = items["Q1428"].candidate
    assert state.country == "Q30" and state.popularity == 200
    assert state.description == "État des États-Unis d'Amérique"
    assert items["Q7747"].candidate.types == ("Q5",)
    assert items["Q230"].candidate.popularity > state.popularity


def test_link_wikidata_describe_asks_the_configured_languages(wikidata_url: str) -> None:
    spanish = WikidataEndpoint(wikidata_url, None, 10.0, USER_AGENT, 0, languages=("es", "en"))
    assert spanish.describe(["Q33"])["Q33"].candidate.description == "país del norte de Europa"
    english = WikidataEndpoint(wikidata_url, None, 10.0, USER_AGENT, 0, languages=("en",))
    assert english.describe(["Q33"])["Q33"].candidate.description == "country in Northern Europe"


def test_link_wikidata_facts_read_positions_with_dates(wikidata_url: str) -> None:
    endpoint = WikidataEndpoint(wikidata_url, None, 10.0, USER_AGENT, 0)
    facts = {(f.qid, f.prop, f.value): f for f in endpoint.facts(["Q7747", "Q1757"])}
    assert ("Q1757", "P17", "Q33") in facts
    held = facts[("Q7747", "P39", "Q218295")]
    assert held.start is not None and held.start.startswith("2012")


def test_link_wikidata_user_agent_names_the_project(front: _Front) -> None:
    WikidataEndpoint(front.url, None, 10.0, USER_AGENT, 0).search(["Géorgie"])
    # one User-Agent for every request kg sends, with the package's version
    assert front.seen[0]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"newskg/{__version__} ")


def test_link_wikidata_cache_second_run_sends_no_request(front: _Front, tmp_path: Path) -> None:
    entities = [
        Entity("place/georgie", EntityType.PLACE, "Géorgie"),
        Entity("place/etats-unis", EntityType.PLACE, "États-Unis"),
    ]
    voting = article("Les bureaux de vote en Géorgie, aux États-Unis.")
    runs = []
    for _ in range(2):
        cache = Cache(tmp_path / "answers.sqlite")
        endpoint = WikidataEndpoint(front.url, cache, 10.0, USER_AGENT, 0)
        runs.append(Linker(Catalogue([]), endpoint).link(entities, voting))
        cache.close()
    first = len(front.seen)
    assert first >= 2
    assert runs[0] == runs[1]
    assert [e.qid for e in runs[1]] == ["Q1428", "Q30"]
    offline = WikidataEndpoint(front.url, Cache(tmp_path / "answers.sqlite"), 10.0, offline=True)
    Linker(Catalogue([]), offline).link(entities, voting)
    assert len(front.seen) == first  # neither the second run nor the offline one asked


def test_link_wikidata_offline_without_cache_entry_is_an_error(tmp_path: Path) -> None:
    endpoint = WikidataEndpoint(
        "http://127.0.0.1:9/sparql", Cache(tmp_path / "c.sqlite"), 1.0, offline=True
    )
    with pytest.raises(EndpointError, match="offline and no cached answer"):
        endpoint.search(["Géorgie"])


def test_link_wikidata_retries_after_429_honouring_retry_after(wikidata_url: str) -> None:
    waits: list[float] = []
    server = _Front(wikidata_url, refusals=2, retry_after="3")
    with serving(server):
        endpoint = WikidataEndpoint(server.url, None, 10.0, USER_AGENT, 2, sleep=waits.append)
        assert endpoint.search(["OTAN"])["OTAN"] == ["Q7184"]
    assert waits == [3.0, 3.0]
    assert len(server.seen) == 3 and endpoint.requests == 3


def test_link_wikidata_gives_up_after_bounded_retries(wikidata_url: str) -> None:
    waits: list[float] = []
    server = _Front(wikidata_url, refusals=5, retry_after="1")
    with serving(server):
        endpoint = WikidataEndpoint(server.url, None, 10.0, USER_AGENT, 1, sleep=waits.append)
        with pytest.raises(EndpointError, match="HTTP 429") as caught:
            endpoint.search(["OTAN"])
    assert caught.value.endpoint == endpoint.url
    assert len(server.seen) == 2 and waits == [1.0]


def test_link_wikidata_timeout_names_the_endpoint() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts connections, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        endpoint = WikidataEndpoint(url, None, 0.5, USER_AGENT, 3)
        with pytest.raises(EndpointError) as caught:
            endpoint.search(["Géorgie"])
    assert (
        str(caught.value)
        == f"{url} did not answer within 0.5 s (timeout); raise --timeout or try later"
    )
    assert caught.value.endpoint == url and endpoint.requests == 1


def test_link_wikidata_unreachable_endpoint_is_wrapped() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    endpoint = WikidataEndpoint(f"http://127.0.0.1:{port}/sparql", None, 2.0, USER_AGENT, 0)
    with pytest.raises(EndpointError, match=rf"cannot reach http://127.0.0.1:{port}/sparql"):
        endpoint.search(["Géorgie"])


def test_link_wikidata_live_linking_uses_context_and_types(wikidata_url: str) -> None:
    endpoint = WikidataEndpoint(wikidata_url, None, 10.0, USER_AGENT, 0)
    linker = Linker(Catalogue([]), endpoint)
    alone = linker.link([Entity("place/georgie", EntityType.PLACE, "Géorgie")], article("Géorgie."))
    # Popularity alone (300 v. 200 sitelinks) is within the margin: NIL.
    assert alone[0].link is None
    us = linker.link(
        [
            Entity("place/georgie", EntityType.PLACE, "Géorgie"),
            Entity("person/donald-trump", EntityType.PERSON, "Donald Trump"),
            Entity("place/etats-unis", EntityType.PLACE, "États-Unis"),
        ],
        article("Donald Trump a gagné en Géorgie, aux États-Unis."),
    )
    assert [e.qid for e in us] == ["Q1428", "Q22686", "Q30"]
    assert us[0].link is not None and us[0].link.source == wikidata_url
    person = linker.link([Entity("person/baviere", EntityType.PERSON, "Bavière")], article("x"))
    assert person[0].link is None
    place = linker.link([Entity("place/baviere", EntityType.PLACE, "Bavière")], article("x"))
    assert place[0].qid == "Q980"
