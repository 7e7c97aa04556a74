"""A loopback HTTP server that misbehaves on purpose, for the fault tests.

The first part of the path picks the behaviour:

- ``/ok/...`` answers 200 with an empty SPARQL JSON result (201 to ``PUT``);
- ``/cut/...`` sends headers promising 1,000 bytes, then 10, then closes;
- ``/cutpost/...`` answers ``PUT`` and ``DELETE`` well and cuts ``POST``;
- ``/drip/...`` sends a 200 with a 40-byte body, one byte every 0.3 s;
- ``/driphead/...`` sends its status line one byte every 0.3 s;
- ``/json/NAME`` answers 200 with the canned body NAME of :data:`BODIES`;
- ``/retry/VALUE`` answers 429 with ``Retry-After: VALUE`` (URL-decoded), and
  200 after ``/retry`` has been refused ``refusals`` times (default: always).

Every request is recorded as ``(method, path)``. Dripping stops after 12 s
whatever happens, so a test that fails cannot hang.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

S = TypeVar("S", bound=ThreadingHTTPServer)

EMPTY_RESULTS = b'{"head": {"vars": []}, "results": {"bindings": []}}'

#: Canned answers that are not what a SPARQL endpoint should say.
BODIES: dict[str, tuple[str, bytes]] = {
    "garbage": ("application/sparql-results+json", b"{this is not json"),
    "array": ("application/sparql-results+json", b"[1, 2, 3]"),
    "badlang": (
        "application/sparql-results+json",
        b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal",'
        b' "value": "bonjour", "xml:lang": "not a tag"}}]}}',
    ),
    "html": ("text/html; charset=utf-8", b"<!DOCTYPE html><html><body>Welcome</body></html>"),
    "turtle": ("text/turtle", b"@prefix : <http://e.org/> . :a :b :c ; ; ] garbage"),
    "nobindings": ("application/sparql-results+json", b'{"head": {"vars": ["x"]}}'),
}


class BadServer(ThreadingHTTPServer):
    """The server; ``requests`` lists what it received."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str]] = []
        self.refusals = 10**9

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: BadServer
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.server.requests.append((self.command, self.path))
        kind, _, rest = self.path.lstrip("/").partition("/")
        getattr(self, f"_{kind}", self._ok)(rest.split("?")[0])

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def _send(self, status: int, body: bytes, kind: str = "application/sparql-results+json"):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _ok(self, _rest: str) -> None:
        self._send(201 if self.command == "PUT" else 200, EMPTY_RESULTS)

    def _cut(self, _rest: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b'{"head": {')
        self.wfile.flush()
        self.close_connection = True

    def _cutpost(self, rest: str) -> None:
        if self.command == "POST":
            self._cut(rest)
        else:
            self._ok(rest)

    def _drip(self, _rest: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", "40")
        self.end_headers()
        self._drip_bytes(b" " * 40)

    def _driphead(self, _rest: str) -> None:
        self._drip_bytes(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")

    def _drip_bytes(self, data: bytes) -> None:
        stop = time.monotonic() + 12
        for byte in data:
            if time.monotonic() > stop:
                break
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                break
            time.sleep(0.3)
        self.close_connection = True

    def _json(self, rest: str) -> None:
        kind, body = BODIES[rest]
        self._send(200, body, kind)

    def _retry(self, rest: str) -> None:
        if self.server.refusals <= 0:
            self._ok(rest)
            return
        self.server.refusals -= 1
        self.send_response(429)
        self.send_header("Retry-After", urllib.parse.unquote(rest))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@contextmanager
def serving(server: S) -> Iterator[S]:
    """Serve on a thread for the block, then stop and close the server."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def bad_server() -> Iterator[BadServer]:
    """Start a :class:`BadServer` on a free loopback port for the block."""
    with serving(BadServer()) as server:
        yield server
