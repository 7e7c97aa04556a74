"""Fixtures shared by the whole test suite.

Tests that need ``../shared`` skip when it is missing, unless
``KG_REQUIRE_SHARED=1``; tests that need a server or a Debian tool skip when it
is missing, unless ``KG_REQUIRE_SERVERS=1``. CI sets both, so there every such
skip is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from factory import SHARED, parse_text
from floors import dev_scores  # noqa: F401  (session fixture: the dev gold's scores)
from virtuoso import virtuoso  # noqa: F401  (session fixture: a real Virtuoso)


def require_server(available: bool, reason: str) -> None:
    """Skip the calling test when a server or tool is missing, or fail in CI."""
    if available:
        return
    if os.environ.get("KG_REQUIRE_SERVERS") == "1":
        pytest.fail(f"{reason} (KG_REQUIRE_SERVERS=1 forbids skipping)")
    pytest.skip(reason)


def require_tool(name: str) -> str:
    """Return the path of a command-line tool, or skip/fail when it is missing."""
    path = shutil.which(name)
    require_server(path is not None, f"{name} is not installed (make test installs it)")
    assert path is not None
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The reference material beside the project; skip when absent."""
    if not SHARED.is_dir():
        if os.environ.get("KG_REQUIRE_SHARED") == "1":
            pytest.fail(f"{SHARED} is missing (KG_REQUIRE_SHARED=1 forbids skipping)")
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    """The reference French article about Putin, Trump and Peskov."""
    return shared_dir / "corpus" / "fr" / "seed-poutine-trump.txt"


@pytest.fixture(scope="session")
def nlp():
    """The French spaCy pipeline, loaded once for the whole session."""
    from kg.nlp import load_pipeline

    return load_pipeline("fr")


def facts_of(text: str, article_id: str = "t1", date: str | None = None):
    """The facts kg extracts from a text (of an article of that date),
    without Wikidata linking."""
    from kg.entities import group_mentions, resolve_references
    from kg.mentions import extract_mentions
    from kg.pipeline import article_facts

    doc = parse_text(text, article_id, date)
    mentions = extract_mentions(doc)
    index = resolve_references(doc, group_mentions(mentions), mentions, "fr", None)
    return article_facts(doc, index)


def assert_same_answer(query_type: str, one, other) -> None:
    """Two results of one stored query agree: rows compared as plain strings
    (stores differ in how they spell datatypes and language tags), ASK as
    booleans, CONSTRUCT graphs as sets of triples."""
    if query_type == "SELECT":

        def plain(result) -> set[tuple]:
            return {tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows}

        assert plain(one) == plain(other)
    elif query_type == "ASK":
        assert one.boolean is other.boolean is True
    else:
        assert {tuple(map(str, t)) for t in one.graph} == {tuple(map(str, t)) for t in other.graph}


@pytest.fixture(scope="session")
def kg_serve():
    """Start ``kg serve DATA --port 0`` as a user would; yield the URL it prints.

    Used as a context manager factory: ``with kg_serve(path, "--timeout", "5") as url``.
    On exit the server gets Ctrl-C (SIGINT) and must stop cleanly with status 0.
    """
    import contextlib
    import select
    import signal
    import subprocess
    import sys
    import time

    @contextlib.contextmanager
    def start(data: Path, *options: str):
        command = [str(Path(sys.executable).parent / "kg"), "serve", str(data), "--port", "0"]
        process = subprocess.Popen([*command, *options], stderr=subprocess.PIPE)
        assert process.stderr is not None
        printed = ""
        deadline = time.monotonic() + 120
        while "(Ctrl-C stops)" not in printed:
            remaining = deadline - time.monotonic()
            ready = select.select([process.stderr], [], [], max(remaining, 0))[0]
            chunk = os.read(process.stderr.fileno(), 4096) if ready else b""
            if not chunk:
                process.kill()
                pytest.fail(f"kg serve did not start: {printed}{process.communicate()[1]!r}")
            printed += chunk.decode("utf-8", "replace")
        url = printed.rsplit(" at ", 1)[1].split("/ (Ctrl-C", 1)[0]
        try:
            yield url
        finally:
            process.send_signal(signal.SIGINT)
            try:
                _, rest = process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                pytest.fail("kg serve did not stop on Ctrl-C")
            assert process.returncode == 0, printed + rest.decode("utf-8", "replace")
            assert rest.decode().strip().endswith("stopped")

    return start
