"""A real Virtuoso server for the whole test run (Debian ``virtuoso-opensource``).

The fixture writes a minimal ``virtuoso.ini`` in a temporary directory, starts
``virtuoso-t +foreground`` with free loopback ports for SQL and HTTP, waits
until ``/sparql`` answers, and stops the server when the test run ends.
Start-up takes about 4 seconds on a fresh database.

Virtuoso quirks met on the way (7.2):

- A fresh database needs no set-up: user ``dba``, password ``dba``.
- Anonymous ``/sparql`` is read-only (an update answers 500 "SPARQL_UPDATE
  permission"); writes go to ``/sparql-auth`` and to the Graph Store
  endpoint ``/sparql-graph-crud-auth``, both with HTTP *digest* auth, so no
  grant to the ``SPARQL`` user is needed.
- The Graph Store endpoint accepts both ``?graph=`` and ``?graph-uri=``;
  ``?default`` answers 500, so only named graphs can be pushed.
- ``PUT`` with a body to ``/sparql-auth`` never answers (the request
  hangs): always give requests a timeout. An unknown path answers 501 to
  ``PUT``, which is how a server without the protocol shows itself.
- Without ``FROM``, the default graph is the union of every graph, system
  graphs included, and a triple stored in two graphs matches twice (no set
  union): count with ``DISTINCT`` or inside ``GRAPH ?g``.
- JSON results say ``typed-literal`` (SPARQL 1.0 style) for literals
  with a datatype.
- ASK answers in JSON as a SELECT with one variable ``__ASK_RETVAL``
  bound to 1 or 0, not as ``{"boolean": true}``.
- ``DELETE`` of a graph that does not exist answers 404.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["Virtuoso", "virtuoso"]

_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 1
MaxClientConnections = 10
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 5
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Virtuoso:
    """A running Virtuoso: its URLs, credentials, and methods to load and clear graphs."""

    base_url: str
    sql_port: int
    user: str
    password: str
    directory: Path

    @property
    def sparql_url(self) -> str:
        """Anonymous, read-only SPARQL endpoint."""
        return f"{self.base_url}/sparql"

    @property
    def update_url(self) -> str:
        """SPARQL endpoint that accepts updates (digest auth)."""
        return f"{self.base_url}/sparql-auth"

    @property
    def gsp_url(self) -> str:
        """Graph Store Protocol endpoint (digest auth)."""
        return f"{self.base_url}/sparql-graph-crud-auth"

    def _opener(self) -> urllib.request.OpenerDirector:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, self.base_url, self.user, self.password)
        return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))

    def update(self, update: str) -> None:
        """Run a SPARQL update as dba."""
        body = urllib.parse.urlencode({"update": update}).encode()
        with self._opener().open(self.update_url, data=body, timeout=30) as response:
            response.read()

    def load_turtle(self, path: Path, graph_iri: str) -> None:
        """Replace a named graph with a Turtle file, through the Graph Store Protocol."""
        url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': graph_iri})}"
        request = urllib.request.Request(url, data=Path(path).read_bytes(), method="PUT")
        request.add_header("Content-Type", "text/turtle")
        with self._opener().open(request, timeout=30) as response:
            response.read()

    def graphs(self, prefix: str = "") -> set[str]:
        """The named graphs whose IRI starts with ``prefix``."""
        query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        body = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(self.sparql_url, data=body)
        request.add_header("Accept", "text/csv")
        with urllib.request.urlopen(request, timeout=30) as response:
            lines = response.read().decode().splitlines()[1:]
        return {g.strip('"') for g in lines if g.strip('"').startswith(prefix)}

    def clear(self, prefix: str = "https://w3id.org/newskg/") -> None:
        """Drop every named graph whose IRI starts with ``prefix``."""
        for graph in self.graphs(prefix):
            self.update(f"DROP SILENT GRAPH <{graph}>")


def _wait(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    probe = f"{url}/sparql?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"virtuoso-t did not answer on {url} within {seconds} s")


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):
    """A real Virtuoso on 127.0.0.1 random ports; skips (or fails in CI) when absent."""
    from conftest import require_server

    binary = shutil.which("virtuoso-t")
    require_server(binary is not None, "virtuoso-t is not installed (virtuoso-opensource)")
    assert binary is not None
    directory = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(_INI.format(d=directory, sql=sql_port, http=http_port), encoding="utf-8")
    log = directory / "stdout.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [binary, "+configfile", str(ini), "+foreground"],
            cwd=directory,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{http_port}"
    try:
        _wait(base_url, process, log)
        yield Virtuoso(base_url, sql_port, "dba", "dba", directory)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
