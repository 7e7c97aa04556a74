"""kg serve on the large synthetic store: page latency, /api against kg query, 8 clients.

The store is the one ``bench/queries.py --articles N`` builds (the synthetic
corpus of ``bench/synthetic.py``, loaded one article transaction at a time,
ontology included). ``kg serve`` is started on it as a user would, on
127.0.0.1 and a free port, and measured over HTTP:

* entity page data (``/entity/...?format=json``) and graph data
  (``/graph/...?format=json``, one hop, 40 nodes): median and worst latency
  over a sample of entities (every k-th of those that have facts, sorted by
  IRI) and separately for the most mentioned entity;
* every stored query (except the federated one, which would call Wikidata)
  through ``/api/<name>`` against :func:`kg.sparql.targets.run_query` plus
  :func:`kg.sparql.results.format_result` on the same store in this process, which is
  what ``kg query --store DIR -f json`` does once started: best of
  ``--repeat`` after a warm-up, and the ratio;
* 8 concurrent clients fetching a mix of pages and API calls: requests, errors,
  requests per second.

Example:

    python bench/serve.py --articles 5000
"""

from __future__ import annotations

import argparse
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_nquads  # noqa: E402

from kg.sparql.query import QueryLibrary  # noqa: E402
from kg.sparql.results import format_result  # noqa: E402
from kg.sparql.store import Store  # noqa: E402
from kg.sparql.targets import run_query  # noqa: E402
from queries import choose_params, load_store  # noqa: E402

BASE = "https://w3id.org/newskg/id/"
_FEDERATED = re.compile(r"\bSERVICE\s*<", re.IGNORECASE)


def _get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as answer:
        answer.read()
        if answer.status != 200:
            raise RuntimeError(f"{url}: HTTP {answer.status}")
    return time.perf_counter() - started


def _best(run, repeat: int) -> float:
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def _start(store: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    kg = str(Path(sys.executable).parent / "kg")
    command = [kg, "serve", str(store), "--port", str(port), "--row-limit", "10000000"]
    process = subprocess.Popen([*command, "--timeout", "300"], stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    while True:
        try:
            _get(url + "/?format=json")
            print(f"kg serve ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            return process, url
        except OSError:
            if process.poll() is not None:
                raise SystemExit("kg serve stopped before answering") from None
            time.sleep(0.2)


def _entities(store: Store, sample: int) -> tuple[str, list[str]]:
    rows = store.query(
        "SELECT ?e (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m "
        "<https://w3id.org/newskg/ontology#refersTo> ?e } } GROUP BY ?e ORDER BY DESC(?n) ?e"
    )
    ranked = [r["e"].value for r in rows]
    step = max(1, len(ranked) // sample)
    return ranked[0], sorted(ranked)[::step][:sample]


def _latency(url: str, iris: list[str]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"entity": [], "graph": []}
    for iri in iris:
        path = urllib.parse.quote(iri[len(BASE) :])
        out["entity"].append(_get(f"{url}/{path}?format=json"))
        out["graph"].append(_get(f"{url}/graph/{path}?format=json"))
    return out


def _api_table(url: str, store: Store, articles: int, repeat: int) -> list[tuple]:
    table = []
    for stored in QueryLibrary():
        if _FEDERATED.search(stored.text):
            continue
        params = choose_params(stored, store, articles)
        fmt = "ttl" if stored.type in ("CONSTRUCT", "DESCRIBE") else "json"
        query = urllib.parse.urlencode({**params, "format": fmt})
        api = _best(lambda s=stored, q=query: _get(f"{url}/api/{s.name}?{q}"), repeat)
        local = _best(
            lambda s=stored, p=params, f=fmt: format_result(run_query(s, p, store=store), f),
            repeat,
        )
        table.append((stored.name, api, local, api / local))
    return table


def _clients(url: str, paths: list[str], requests: int) -> tuple[int, int, float]:
    def fetch(number: int) -> bool:
        try:
            _get(url + paths[number % len(paths)])
            return True
        except (OSError, RuntimeError):
            return False

    started = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(fetch, range(requests)))
    return len(answers), answers.count(False), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Build the store, serve it, measure, print Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--sample", type=int, default=30, help="entities timed")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs after the warm-up")
    parser.add_argument("--requests", type=int, default=400, help="for the 8 clients")
    parser.add_argument(
        "--store",
        type=Path,
        help="keep the store here (reused when it exists) instead of a temporary one",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "store"
        if path.is_dir():
            store = Store(path, create=False)
        else:
            nquads = Path(tmp) / "corpus.nq"
            write_nquads(args.articles, nquads)
            store, seconds = load_store(path, nquads)
            print(f"store loaded in {seconds:.0f} s", file=sys.stderr)
        quads = store.stats().quads
        top, sample = _entities(store, args.sample)
        process, url = _start(path)
        try:
            latency = _latency(url, sample)
            heavy = _latency(url, [top])
            table = _api_table(url, store, args.articles, args.repeat)
            paths = [f"/{urllib.parse.quote(i[len(BASE) :])}" for i in sample[:10]]
            paths += [
                f"/graph/{urllib.parse.quote(i[len(BASE) :])}?format=json" for i in sample[:10]
            ]
            paths += ["/", "/search?q=ma&format=json", "/api/speaks-for", "/api/negative-facts"]
            served, errors, wall = _clients(url, paths, args.requests)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=300)
            store.close()
    print(f"## kg serve on {args.articles} synthetic articles ({quads} quads)\n")
    print("| page data | median ms | worst ms | most mentioned entity ms |")
    print("| --- | ---: | ---: | ---: |")
    for kind in ("entity", "graph"):
        times = latency[kind]
        print(
            f"| {kind} ({len(times)} entities) | {statistics.median(times) * 1000:.1f} | "
            f"{max(times) * 1000:.1f} | {heavy[kind][0] * 1000:.1f} |"
        )
    print("\n| stored query | /api s | kg query s | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for name, api, local, ratio in table:
        print(f"| {name} | {api:.3f} | {local:.3f} | {ratio:.2f} |")
    ratios = [r[3] for r in table]
    print(f"\nmedian ratio {statistics.median(ratios):.2f}, worst {max(ratios):.2f}")
    print(
        f"\n8 concurrent clients: {served} requests, {errors} errors, "
        f"{served / wall:.0f} requests/s"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
