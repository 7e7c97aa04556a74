"""HTTP for every endpoint kg talks to: one deadline a request, whole answers,
bounded retries.

urllib does the work (digest and basic authentication, proxies, TLS). What
it lacks is added here:

* **A deadline for the whole request.** urllib's timeout bounds each socket
  operation, so a server that sends a byte a second holds a request forever.
  Here a timer shuts the connection down when the deadline passes (connecting,
  sending, waiting and reading all count); the blocked read returns and the
  request fails as timed out.
* **Whole answers.** The body is read to its end; an answer cut short (fewer
  bytes than its ``Content-Length``, a broken chunk, a closed connection) is
  a failure, never a short result.
* **Bounded retries.** A 429, 502, 503 or 504 answer (and a timeout or other
  5xx when the caller allows) is retried a bounded number of times after
  waiting what ``Retry-After`` says, or else an exponential back-off. A wait
  that would pass ``max_wait`` seconds in all is not waited: the request
  fails at once, saying so. Every wait is announced through ``notify``.

A request that fails for good raises :class:`HTTPFailure`; callers turn it
into their own :class:`~kg.errors.EndpointError` message.
"""

from __future__ import annotations

import email.utils
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.message import Message
from typing import Any

from kg import __version__

__all__ = ["USER_AGENT", "HTTPFailure", "Reply", "Transport"]

#: The User-Agent kg sends everywhere, naming the project and its version.
USER_AGENT = f"newskg/{__version__} (kg knowledge-graph builder; python-urllib)"

#: Answers worth another attempt whatever the caller says.
_BUSY = frozenset({429, 502, 503, 504})
#: Server errors that another attempt cannot mend.
_FINAL = frozenset({501, 505})


@dataclass(frozen=True, slots=True)
class Reply:
    """A whole HTTP answer.

    Attributes:
        status: the HTTP status code.
        reason: its reason phrase.
        headers: the response headers.
        body: every byte of the body.
    """

    status: int
    reason: str
    headers: Message
    body: bytes

    @property
    def media_type(self) -> str:
        """The media type of the body, lower-case, without parameters."""
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()


class HTTPFailure(Exception):
    """A request that failed for good.

    Attributes:
        reason: what went wrong, in a few words.
        status: the HTTP status when the server answered one.
        attempts: how many requests were sent.
        timed_out: the deadline passed.
        unreachable: no connection could be made (nothing reached the server).
    """

    def __init__(
        self,
        reason: str,
        *,
        status: int | None = None,
        attempts: int = 1,
        timed_out: bool = False,
        unreachable: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.attempts = attempts
        self.timed_out = timed_out
        self.unreachable = unreachable

    def describe(self, what: str, endpoint: str) -> str:
        """``{what} on {endpoint} failed[ after N attempts]: {reason}``."""
        tries = f" after {self.attempts} attempts" if self.attempts > 1 else ""
        return f"{what} on {endpoint} failed{tries}: {self.reason}"


class _Deadline:
    """Shuts down the sockets of one request when its time is up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing is waiting on it


class _Watched:
    """Gives a connection's socket to its request's deadline once connected."""

    sock: socket.socket

    def __init__(self, *args: Any, deadline: _Deadline | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        if self._deadline is not None:
            self._deadline.watch(self.sock)


class _Connection(_Watched, http.client.HTTPConnection):
    pass


class _TLSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_Connection, req, deadline=getattr(req, "deadline", None))


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(context=self.tls)

    def https_open(self, req: urllib.request.Request) -> Any:
        deadline = getattr(req, "deadline", None)
        return self.do_open(_TLSConnection, req, context=self.tls, deadline=deadline)


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (seconds or an HTTP date);
    None when it is absent or not understood."""
    text = (value or "").strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Transport:
    """Sends requests to one endpoint with a deadline and bounded retries.

    Args:
        endpoint: the endpoint, named in messages.
        user, password: credentials for digest or basic authentication.
        also: other URLs the credentials are good for.
        timeout: seconds for a whole request (connect, send, answer).
        retries: extra attempts after a 429/502/503/504 (and what
            ``retry_timeouts``/``retry_5xx`` add).
        backoff: seconds before the first retry when the server gives no
            ``Retry-After``, doubled each time.
        max_wait: the most seconds waited between attempts, in all.
        retry_timeouts: retry a request that timed out.
        retry_5xx: retry every 5xx answer (but 501 and 505), not only 502/503/504.
        sleep: how to wait (tests pass a recorder).
        notify: told, in one line, about each wait.
        user_agent: the User-Agent header.
    """

    def __init__(
        self,
        endpoint: str,
        *,
        user: str | None = None,
        password: str | None = None,
        also: Iterable[str] = (),
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        retry_timeouts: bool = True,
        retry_5xx: bool = True,
        sleep: Callable[[float], None] = time.sleep,
        notify: Callable[[str], None] | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.endpoint, self.user, self.timeout, self.retries = endpoint, user, timeout, retries
        self.backoff, self.max_wait = backoff, max_wait
        self.retry_timeouts, self.retry_5xx = retry_timeouts, retry_5xx
        self.sleep, self.notify, self.user_agent = sleep, notify, user_agent
        self.requests = 0
        handlers: list[Any] = [_HTTPHandler(), _HTTPSHandler()]
        if user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, [endpoint, *also], user, password or "")
            handlers += [
                urllib.request.HTTPDigestAuthHandler(passwords),
                urllib.request.HTTPBasicAuthHandler(passwords),
            ]
        self.opener = urllib.request.build_opener(*handlers)

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        """Send a request, retrying as configured; return the whole answer.

        Every answer that is not retried is returned, whatever its status:
        the caller decides what a 4xx means.

        Raises:
            HTTPFailure: unreachable, timed out, cut short, or still busy
                after the retries; or a wait longer than ``max_wait``.
        """
        waited = 0.0
        for attempt in range(1, self.retries + 2):
            self.requests += 1
            try:
                reply = self._attempt(method, url, body, headers or {})
            except HTTPFailure as failure:
                failure.attempts = attempt
                if not (failure.timed_out and self.retry_timeouts) or attempt > self.retries:
                    raise
                wait, why, status = self.backoff * 2 ** (attempt - 1), failure.reason, None
            else:
                status = reply.status
                busy = status in _BUSY or (
                    self.retry_5xx and status >= 500 and status not in _FINAL
                )
                if not busy:
                    return reply
                reason = f"HTTP {reply.status} {reply.reason}".strip()
                if attempt > self.retries:
                    raise HTTPFailure(reason, status=reply.status, attempts=attempt)
                wait, why = self._wait(reply, attempt, reason)
            if waited + wait > self.max_wait:
                raise HTTPFailure(
                    f"{why}; waiting {wait:.0f} s more would pass the {self.max_wait:.0f} s "
                    "kg waits in all, try later",
                    status=status,
                    attempts=attempt,
                )
            if self.notify is not None:
                self.notify(f"waiting {wait:.1f} s before asking {self.endpoint} again: {why}")
            self.sleep(wait)
            waited += wait
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, reply: Reply, attempt: int, reason: str) -> tuple[float, str]:
        """How long to wait before the next attempt, and why."""
        header = reply.headers.get("Retry-After") if reply.headers else None
        seconds = retry_after(header)
        if seconds is not None:
            return seconds, f"{reason} (Retry-After: {header.strip()})"
        why = f"{reason} (Retry-After {header.strip()!r} not understood)" if header else reason
        return self.backoff * 2 ** (attempt - 1), why

    def _attempt(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Reply:
        try:
            request = urllib.request.Request(url, data=body, method=method)
        except ValueError as exc:
            raise HTTPFailure(f"{url!r} is not a URL kg can request ({exc})") from exc
        request.add_header("User-Agent", self.user_agent)
        for name, value in headers.items():
            request.add_header(name, value)
        deadline = _Deadline(self.timeout)
        request.deadline = deadline  # type: ignore[attr-defined]  # read by the handlers
        with deadline:
            try:
                with self.opener.open(request, timeout=deadline.remaining()) as response:
                    return Reply(
                        response.status, response.reason, response.headers, response.read()
                    )
            except urllib.error.HTTPError as exc:
                try:
                    data = exc.read()
                except (OSError, http.client.HTTPException):
                    data = b""
                return Reply(exc.code, str(exc.reason), exc.headers, data)
            except (OSError, http.client.HTTPException, ValueError) as exc:
                raise self._failure(exc, deadline.expired) from exc

    def _failure(self, exc: BaseException, expired: bool) -> HTTPFailure:
        """What a failed attempt means, from its exception."""
        reason = getattr(exc, "reason", None)
        cause = reason if isinstance(reason, BaseException) else exc
        if expired or isinstance(cause, TimeoutError):
            return HTTPFailure(
                f"no complete answer within {self.timeout:g} s (timed out)", timed_out=True
            )
        if isinstance(cause, http.client.IncompleteRead):
            missing = cause.expected if cause.expected is not None else "more"
            return HTTPFailure(
                f"the answer was cut short ({len(cause.partial)} bytes read, {missing} missing)"
            )
        if isinstance(cause, ValueError | http.client.InvalidURL):
            return HTTPFailure(f"bad request or answer: {cause}")
        if isinstance(cause, http.client.HTTPException | ConnectionResetError | BrokenPipeError):
            return HTTPFailure(f"the connection broke before the answer ended ({_name(cause)})")
        return HTTPFailure(f"unreachable ({reason or exc})", unreachable=True)


def _name(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
