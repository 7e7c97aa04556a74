"""A client for Wikidata's SPARQL endpoint (or any endpoint shaped like it).

Queries are sent as HTTP POST, ask for SPARQL JSON results, and carry a
User-Agent naming the project, as the Wikimedia User-Agent policy
asks. Names and ids are sent in batches with ``VALUES``. Answers are kept in
a :class:`~kg.link.cache.Cache`, so a repeated query sends no request; with
``offline=True`` only the cache is read and a missing answer is an error.

Requests go through :mod:`kg.sparql.transport` (a form-encoded POST, as the SPARQL
Protocol says): the timeout is a deadline for the whole request, and an
answer cut short is an error. Failures become
:class:`~kg.errors.EndpointError` naming the endpoint. An answer ``429 Too
Many Requests`` (or 502/503/504) is retried at most ``retries`` times,
waiting what ``Retry-After`` says or else 1, 2, 4 ... seconds, each wait
announced through ``notify``; when the waits would pass :data:`MAX_WAIT`
seconds in all, kg gives up at once instead. Timeouts are not retried: a
query that timed out would most likely time out again.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kg.errors import EndpointError
from kg.link.cache import Cache
from kg.model import Candidate
from kg.sparql.transport import USER_AGENT, HTTPFailure, Transport

__all__ = [
    "DEFAULT_ENDPOINT",
    "MAX_WAIT",
    "USER_AGENT",
    "WikidataEndpoint",
    "WikidataFact",
    "WikidataItem",
]

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
MAX_WAIT = 60.0
BATCH = 50
WD = "http://www.wikidata.org/entity/"
_RETRY_CODES = {429, 502, 503, 504}
PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@dataclass(frozen=True, slots=True)
class WikidataItem:
    """A candidate as the endpoint describes it.

    Attributes:
        candidate: the model record (label, description, P31 ids, sitelinks,
            P17 country).
        class_labels: English labels of its ``wdt:P31`` classes.
        descriptions: its French and English descriptions.
        has_coordinates: whether it has a ``wdt:P625`` location.
    """

    candidate: Candidate
    class_labels: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    has_coordinates: bool = False


@dataclass(frozen=True, slots=True)
class WikidataFact:
    """One ``wdt:`` fact of an item; ``start``/``end`` qualify P39."""

    qid: str
    prop: str
    value: str
    start: str | None = None
    end: str | None = None
    is_item: bool = True


def _literal(text: str, lang: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"@{lang}'


def _qid(uri: str) -> str:
    return uri[len(WD) :] if uri.startswith(WD) else uri


def _batches(values: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class WikidataEndpoint:
    """A Wikidata-shaped SPARQL endpoint.

    Args:
        url: the endpoint URL.
        cache: where answers are kept; None keeps nothing.
        timeout: seconds to wait for an answer.
        user_agent: the User-Agent header sent.
        retries: how many times a 429/5xx answer is retried.
        offline: answer from the cache only; never send a request.
        languages: label languages looked up, in order of preference.
        sleep: how to wait between retries (tests pass a recorder).
        notify: told, in one line, about each wait before a retry.
        max_wait: the most seconds waited between retries, in all.
    """

    def __init__(
        self,
        url: str = DEFAULT_ENDPOINT,
        cache: Cache | None = None,
        timeout: float = 30.0,
        user_agent: str = USER_AGENT,
        retries: int = 3,
        *,
        offline: bool = False,
        languages: tuple[str, ...] = ("fr", "en"),
        sleep: Callable[[float], None] = time.sleep,
        notify: Callable[[str], None] | None = None,
        max_wait: float = MAX_WAIT,
    ) -> None:
        self.url = url
        self.cache = cache
        self.timeout = timeout
        self.user_agent = user_agent
        self.retries = retries
        self.offline = offline
        self.languages = languages
        self._transport = Transport(
            url,
            timeout=timeout,
            retries=retries,
            max_wait=max_wait,
            retry_timeouts=False,
            retry_5xx=False,
            sleep=sleep,
            notify=notify,
            user_agent=user_agent,
        )

    @property
    def requests(self) -> int:
        """How many HTTP requests were sent (retries included)."""
        return self._transport.requests

    def select(self, query: str) -> list[dict[str, dict[str, str]]]:
        """Run a SELECT query; return the SPARQL JSON bindings.

        Raises:
            EndpointError: when the endpoint fails, times out, or (offline) the
                answer is not cached.
        """
        body = self.cache.get(self.url, query) if self.cache else None
        fetched = body is None
        if body is None:
            if self.offline:
                raise EndpointError(
                    f"offline and no cached answer from {self.url}; run once without "
                    "--offline to fill the cache",
                    endpoint=self.url,
                )
            body = self._send(query)
        try:
            bindings = json.loads(body)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as exc:
            raise EndpointError(
                f"{self.url} did not return SPARQL JSON results: {body[:80]!r}", endpoint=self.url
            ) from exc
        if fetched and self.cache is not None:
            self.cache.put(self.url, query, body)
        return bindings

    def _send(self, query: str) -> str:
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        }
        try:
            reply = self._transport.request("POST", self.url, body, headers)
        except HTTPFailure as failure:
            raise self._failure(failure) from failure
        if not 200 <= reply.status < 300:
            detail = reply.body.decode("utf-8", "replace").strip().splitlines()[:1]
            raise EndpointError(
                f"{self.url} answered HTTP {reply.status} {reply.reason}"
                + (f": {detail[0][:160]}" if detail else ""),
                endpoint=self.url,
            )
        try:
            return reply.body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EndpointError(
                f"reading from {self.url} failed: the answer is not UTF-8", endpoint=self.url
            ) from exc

    def _failure(self, failure: HTTPFailure) -> EndpointError:
        """The one-line error of a request that failed for good."""
        tried = f" after {failure.attempts} attempts" if failure.attempts > 1 else ""
        if failure.timed_out:
            message = (
                f"{self.url} did not answer within {self.timeout:g} s (timeout); "
                "raise --timeout or try later"
            )
        elif failure.unreachable:
            message = f"cannot reach {self.url}: {failure.reason.removeprefix('unreachable ')}"
        elif failure.status is not None:
            message = f"{self.url} answered {failure.reason}{tried}"
        else:
            message = f"reading from {self.url} failed{tried}: {failure.reason}"
        return EndpointError(message, endpoint=self.url)

    def search(self, names: Iterable[str]) -> dict[str, list[str]]:
        """Ids of items whose label or alias (``rdfs:label``, ``skos:altLabel``)
        is exactly one of ``names`` in one of the languages."""
        unique = sorted({n.strip() for n in names if n.strip()})
        found: dict[str, list[str]] = {n: [] for n in unique}
        for batch in _batches(unique):
            values = " ".join(_literal(n, lang) for n in batch for lang in self.languages)
            query = (
                f"{PREFIXES}SELECT DISTINCT ?name ?item WHERE {{\n"
                f"  VALUES ?name {{ {values} }}\n"
                "  ?item rdfs:label|skos:altLabel ?name .\n"
                "}"
            )
            for row in self.select(query):
                name, qid = row["name"]["value"], _qid(row["item"]["value"])
                if name in found and qid not in found[name] and qid.startswith("Q"):
                    found[name].append(qid)
        return found

    def describe(self, qids: Iterable[str]) -> dict[str, WikidataItem]:
        """Labels, descriptions, classes, country, sitelinks of items."""
        unique = sorted(set(qids))
        rows: dict[str, dict[str, Any]] = {}
        languages = ", ".join(json.dumps(lang) for lang in self.languages)
        for batch in _batches(unique):
            values = " ".join(f"wd:{q}" for q in batch)
            query = (
                f"{PREFIXES}SELECT ?item ?label ?description ?type ?typeLabel ?country "
                "?sitelinks ?coord WHERE {\n"
                f"  VALUES ?item {{ {values} }}\n"
                f"  OPTIONAL {{ ?item rdfs:label ?label FILTER(lang(?label) IN ({languages})) }}\n"
                "  OPTIONAL { ?item schema:description ?description "
                f"FILTER(lang(?description) IN ({languages})) }}\n"
                "  OPTIONAL { ?item wdt:P31 ?type OPTIONAL { ?type rdfs:label ?typeLabel "
                'FILTER(lang(?typeLabel) = "en") } }\n'
                "  OPTIONAL { ?item wdt:P17 ?country }\n"
                "  OPTIONAL { ?item wikibase:sitelinks ?sitelinks }\n"
                "  OPTIONAL { ?item wdt:P625 ?coord }\n"
                "}"
            )
            for row in self.select(query):
                qid = _qid(row["item"]["value"])
                acc = rows.setdefault(qid, {"labels": {}, "desc": {}, "types": [], "tl": []})
                get = {k: v["value"] for k, v in row.items()}
                if "label" in row:
                    acc["labels"].setdefault(row["label"].get("xml:lang", ""), get["label"])
                if "description" in row:
                    acc["desc"].setdefault(
                        row["description"].get("xml:lang", ""), get["description"]
                    )
                if "typeLabel" in get and get["typeLabel"] not in acc["tl"]:
                    acc["tl"].append(get["typeLabel"])
                if "type" in get and _qid(get["type"]) not in acc["types"]:
                    acc["types"].append(_qid(get["type"]))
                if "country" in get:
                    acc.setdefault("country", _qid(get["country"]))
                if "sitelinks" in get:
                    acc["sitelinks"] = int(float(get["sitelinks"]))
                acc["coord"] = acc.get("coord") or "coord" in get
        return {qid: self._item(qid, acc) for qid, acc in rows.items()}

    def _item(self, qid: str, acc: dict[str, Any]) -> WikidataItem:
        labels = acc["labels"]
        label = next((labels[lang] for lang in self.languages if lang in labels), qid)
        descs = acc["desc"]
        ordered = [descs[lang] for lang in self.languages if lang in descs]
        candidate = Candidate(
            qid=qid,
            label=label,
            description=ordered[0] if ordered else None,
            types=tuple(acc["types"]),
            popularity=acc.get("sitelinks", 0),
            source=self.url,
            names=tuple(labels.values()),
            country=acc.get("country"),
        )
        return WikidataItem(candidate, tuple(acc["tl"]), tuple(descs.values()), bool(acc["coord"]))

    def candidates(self, names: Iterable[str]) -> dict[str, list[WikidataItem]]:
        """For each name, the described items that bear it."""
        found = self.search(names)
        items = self.describe({q for qids in found.values() for q in qids})
        return {n: [items[q] for q in qids if q in items] for n, qids in found.items()}

    def facts(self, qids: Iterable[str]) -> list[WikidataFact]:
        """A few facts of each item: P31, P17, P131, P625, and P39 with its
        start (P580) and end (P582) qualifiers."""
        unique = sorted(set(qids))
        out: list[WikidataFact] = []
        for batch in _batches(unique):
            values = " ".join(f"wd:{q}" for q in batch)
            query = (
                f"{PREFIXES}SELECT ?item ?prop ?value ?start ?end WHERE {{\n"
                f"  VALUES ?item {{ {values} }}\n"
                "  { VALUES ?prop { wdt:P31 wdt:P17 wdt:P131 wdt:P625 } ?item ?prop ?value }\n"
                "  UNION\n"
                "  { ?item p:P39 ?held . ?held ps:P39 ?value . BIND(wdt:P39 AS ?prop)\n"
                "    OPTIONAL { ?held pq:P580 ?start } OPTIONAL { ?held pq:P582 ?end } }\n"
                "}"
            )
            for row in self.select(query):
                value = row["value"]
                out.append(
                    WikidataFact(
                        qid=_qid(row["item"]["value"]),
                        prop=row["prop"]["value"].rsplit("/", 1)[-1],
                        value=_qid(value["value"]) if value["type"] == "uri" else value["value"],
                        start=row.get("start", {}).get("value"),
                        end=row.get("end", {}).get("value"),
                        is_item=value["type"] == "uri",
                    )
                )
        return sorted(set(out), key=lambda f: (f.qid, f.prop, f.value, f.start or ""))
