"""Every stored query on a large synthetic store: pyoxigraph against rdflib.

The synthetic corpus (``bench/synthetic.py``, built by kg's own graph code)
is loaded twice:

* into an on-disk pyoxigraph store through :class:`kg.sparql.store.Store`, one
  ``replace_article`` transaction per article graph, ontology loaded;
* into an in-memory rdflib ``Dataset``, N-Quads parsed by rdflib, the
  ontology in the default graph.

Then every stored query in ``queries/`` is run through
:func:`kg.sparql.targets.run_query` on both (queries with a ``SERVICE`` clause are
skipped: they would call out to Wikidata). Each query is run once to warm up
and then the best of ``--repeat`` runs is kept; a query whose warm-up already
took more than ``--slow`` seconds is not repeated and its warm-up time is
reported (marked ``*``). A run is stopped at ``--cap`` seconds and reported as
``> cap``; its ratio is then a lower bound (marked ``>=``). Both engines must
return the same number of rows (ASK: the same answer; CONSTRUCT: the same
number of triples) or the bench says so.

Parameters get values that exist in the data: the ``#+ defaults:`` value
when the query finds something with it, else the most mentioned entity, the
middle article, a statement with a time, the surname of the most quoted person.

Prints a Markdown table (query, rows, seconds on each engine, ratio), the
median ratio, load times and the machine. Example:

    python bench/queries.py --articles 5000
"""

from __future__ import annotations

import argparse
import importlib.resources
import os
import platform
import re
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_nquads  # noqa: E402

from kg.graph import DEFAULT_BASE  # noqa: E402
from kg.sparql.query import QueryLibrary, StoredQuery  # noqa: E402
from kg.sparql.results import QueryResult  # noqa: E402
from kg.sparql.store import Store  # noqa: E402
from kg.sparql.targets import run_query  # noqa: E402

__all__ = ["Timing", "choose_params", "load_rdflib", "load_store", "main", "time_query"]

KG = "https://w3id.org/newskg/ontology#"
_FEDERATED = re.compile(r"\bSERVICE\s*<", re.IGNORECASE)


class _Cap(BaseException):
    """Raised by the timer when a run exceeds the cap (a BaseException, so that
    run_query, which wraps engine exceptions, lets it through)."""


@dataclass(slots=True)
class Timing:
    """How one query did on one engine.

    Attributes:
        seconds: the best time, or the cap when ``capped``.
        size: rows (SELECT), triples (CONSTRUCT), or 1/0 (ASK); None when capped.
        capped: the run was stopped at the cap.
        single: only the warm-up run was timed (it was slower than ``--slow``).
    """

    seconds: float
    size: int | None
    capped: bool = False
    single: bool = False


def _size(result: QueryResult) -> int:
    if result.type == "ASK":
        return int(bool(result.boolean))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return len(result.graph or ())
    return len(result.rows)


def _timed(run: Callable[[], QueryResult], cap: float) -> tuple[float, int | None]:
    """Run once under a wall-clock cap; return seconds and size (None when capped)."""

    def stop(signum: int, frame: Any) -> None:
        raise _Cap

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    started = time.perf_counter()
    try:
        size = _size(run())
    except _Cap:
        return cap, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - started, size


def time_query(run: Callable[[], QueryResult], repeat: int, cap: float, slow: float) -> Timing:
    """Warm up, then keep the best of ``repeat`` runs (see the module docstring).

    Args:
        run: runs the query once.
        repeat: timed runs after the warm-up.
        cap: seconds after which a run is stopped.
        slow: a warm-up slower than this is the only timed run.

    Returns:
        The timing.
    """
    seconds, size = _timed(run, cap)
    if size is None:
        return Timing(cap, None, capped=True)
    if seconds > slow:
        return Timing(seconds, size, single=True)
    best = seconds
    for _ in range(repeat):
        seconds, size = _timed(run, cap)
        if size is None:
            return Timing(cap, None, capped=True)
        best = min(best, seconds)
    return Timing(best, size)


def load_store(path: Path, nquads: Path) -> tuple[Store, float]:
    """Load the corpus into a kg store, one transaction per article graph.

    Returns:
        The open store and the seconds taken (ontology included).
    """
    started = time.perf_counter()
    store = Store(path)
    store.load_ontology()
    graph: ox.NamedNode | None = None
    batch: list[ox.Quad] = []
    with nquads.open("rb") as handle:
        for quad in ox.parse(handle, format=ox.RdfFormat.N_QUADS):
            if quad.graph_name != graph and batch:
                store.replace_article(graph.value, batch)
                batch = []
            graph = quad.graph_name
            batch.append(quad)
    if batch and graph is not None:
        store.replace_article(graph.value, batch)
    return store, time.perf_counter() - started


def load_rdflib(nquads: Path) -> tuple[rdflib.Dataset, float]:
    """Load the corpus into an rdflib Dataset, the ontology in the default graph.

    Returns:
        The dataset and the seconds taken.
    """
    started = time.perf_counter()
    data = rdflib.Dataset()
    ontology = importlib.resources.files("kg") / "ontology" / "kg.ttl"
    data.default_graph.parse(data=ontology.read_text(encoding="utf-8"), format="turtle")
    data.parse(nquads, format="nquads")
    return data, time.perf_counter() - started


def _first(store: Store, sparql: str) -> str | None:
    rows = list(store.query(sparql, union=True))
    return rows[0][0].value if rows else None


def choose_params(query: StoredQuery, store: Store, articles: int) -> dict[str, str]:
    """Parameter values that exist in the data, defaults first (if they find anything).

    Raises:
        SystemExit: a parameter this bench does not know how to choose.
    """
    chosen: dict[str, str] = {}
    for param in query.parameters:
        if param.default is not None and (
            param.kind == "literal" or _size(run_query(query, store=store)) > 0
        ):
            continue
        if param.name == "entity":
            value = _first(
                store,
                "SELECT ?e (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m <" + KG + "refersTo> ?e } }"
                " GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1",
            )
        elif param.name == "article":
            value = f"{DEFAULT_BASE}article/syn-{articles // 2:06d}"
        elif param.name == "statement":
            value = _first(
                store,
                "SELECT ?s WHERE { GRAPH ?g { ?s a <" + KG + "Statement> ; <" + KG + "time> ?t } }"
                " ORDER BY ?s LIMIT 1",
            )
        elif param.name == "person":
            label = _first(
                store,
                "SELECT ?l (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s "
                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <" + KG + "said> ; "
                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?e . "
                "?e <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
                " GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1",
            )
            value = label.split()[-1].lower() if label else None
        elif param.name == "country":
            value = _first(
                store,
                "SELECT ?c (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s <" + KG + "place> ?p ; "
                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <" + KG + "metWith> . "
                "?p <http://www.w3.org/2002/07/owl#sameAs> ?c } }"
                " GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 1",
            )
        else:
            raise SystemExit(
                f"query {query.name}: no rule to choose parameter {param.name!r}; "
                "known: entity, article, statement, person, country"
            )
        if value is None:
            raise SystemExit(f"query {query.name}: the data holds no value for {param.name!r}")
        chosen[param.name] = value
    return chosen


def _seconds(timing: Timing) -> str:
    if timing.capped:
        return f"> {timing.seconds:.0f}"
    return f"{timing.seconds:.3f}" + ("*" if timing.single else "")


def main(argv: list[str] | None = None) -> int:
    """Build, load, run every stored query on both engines and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs after the warm-up")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds before a run stops")
    parser.add_argument("--slow", type=float, default=10.0, help="do not repeat above this")
    parser.add_argument("--only", nargs="*", help="run only these stored queries")
    parser.add_argument("--engines", default="oxigraph,rdflib", help="comma-separated")
    args = parser.parse_args(argv)
    engines = set(args.engines.split(","))
    log = sys.stderr

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        nquads = Path(tmp) / "corpus.nq"
        started = time.perf_counter()
        quads = write_nquads(args.articles, nquads, args.seed)
        print(f"generated {quads} quads in {time.perf_counter() - started:.1f} s", file=log)
        store, store_load = load_store(Path(tmp) / "store", nquads)
        print(f"pyoxigraph store loaded in {store_load:.1f} s", file=log)
        data, rdflib_load = (None, 0.0)
        if "rdflib" in engines:
            data, rdflib_load = load_rdflib(nquads)
            print(f"rdflib dataset loaded in {rdflib_load:.1f} s", file=log)

        lines = [
            "| query | rows | pyoxigraph s | rdflib s | ratio |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        ratios: list[float] = []
        notes: list[str] = []
        for query in QueryLibrary():
            if _FEDERATED.search(query.text):
                notes.append(f"{query.name}: skipped (SERVICE clause calls out to Wikidata)")
                continue
            if args.only and query.name not in args.only:
                continue
            params = choose_params(query, store, args.articles)
            if params:
                notes.append(f"{query.name}: {params}")

            def timed(query=query, params=params, **engine):
                """Time the query on one engine (``store=`` or ``graph=``)."""
                return time_query(
                    lambda: run_query(query, params, **engine), args.repeat, args.cap, args.slow
                )

            oxi = timed(store=store)
            print(f"{query.name}: pyoxigraph {_seconds(oxi)} s, {oxi.size} rows", file=log)
            if data is None:
                lines.append(f"| {query.name} | {oxi.size} | {_seconds(oxi)} | - | - |")
                continue
            rdf = timed(graph=data)
            print(f"{query.name}: rdflib {_seconds(rdf)} s, {rdf.size} rows", file=log)
            rows = str(oxi.size)
            if rdf.size is not None and rdf.size != oxi.size:
                rows = f"{oxi.size} vs {rdf.size} (MISMATCH)"
                notes.append(f"{query.name}: row counts differ")
            ratio = rdf.seconds / max(oxi.seconds, 1e-6)
            ratios.append(ratio)
            shown = f">= {ratio:.0f}x" if rdf.capped else f"{ratio:.0f}x"
            lines.append(f"| {query.name} | {rows} | {_seconds(oxi)} | {_seconds(rdf)} | {shown} |")
        store.close()

    print(f"\n{quads} quads, {args.articles} articles (seed {args.seed})\n")
    print("\n".join(lines))
    if ratios:
        print(f"\nmedian ratio rdflib / pyoxigraph: {statistics.median(ratios):.0f}x")
    print(
        f"load: pyoxigraph store {store_load:.1f} s (Store.replace_article per article), "
        f"rdflib Dataset {rdflib_load:.1f} s (N-Quads parse)"
    )
    print(
        f"best of {args.repeat} after a warm-up; * = warm-up over {args.slow:.0f} s, timed once; "
        f"> = stopped at the {args.cap:.0f} s cap, ratio a lower bound"
    )
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"pyoxigraph {ox.__version__}, rdflib {rdflib.__version__}, {platform.platform()}"
    )
    for note in notes:
        print(f"- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
