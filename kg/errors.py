"""Errors raised by the kg library.

Every error the library raises on purpose derives from :class:`KGError`; the
command line turns each into one line on stderr and exit code 1. Errors from
collaborators (PyYAML, rdflib, pyoxigraph, urllib, http.client) are wrapped,
with the original chained as ``__cause__``.

The tree::

    KGError
    ├── ConfigError        a bad option value or setting
    │   └── FrameError     a frame or lexicon file that does not validate
    ├── OntologyError      an unknown ontology term
    ├── InputError         an article that cannot be read (carries .path)
    ├── GoldError          a gold annotation file that does not validate (.path)
    ├── QueryError         a broken stored query or parameter (.query)
    ├── StoreError         the on-disk store cannot be opened or written (.path)
    ├── LinkingError       entity linking failed
    └── EndpointError      a SPARQL endpoint failed or is unreachable (.endpoint):
                           a query, a push, or the linker's Wikidata client
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EndpointError",
    "FrameError",
    "GoldError",
    "InputError",
    "KGError",
    "LinkingError",
    "OntologyError",
    "QueryError",
    "StoreError",
]


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class ConfigError(KGError):
    """A bad option value or configuration setting."""


class FrameError(ConfigError):
    """A frame or lexicon file that does not validate.

    Args:
        message: every problem found, one per line.
        path: the file that failed.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class OntologyError(KGError):
    """A term that the kg ontology does not define."""


class InputError(KGError):
    """An article that cannot be read: missing, binary, not UTF-8, empty ...

    Args:
        message: what is wrong, naming the input.
        path: the file or record id that failed, when known.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class GoldError(KGError):
    """A gold annotation file that does not validate."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class QueryError(KGError):
    """A stored query that does not parse, or a bad or missing parameter."""

    def __init__(self, message: str, query: str | None = None) -> None:
        super().__init__(message)
        self.query = query


class StoreError(KGError):
    """The on-disk store cannot be opened, read or written."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class LinkingError(KGError):
    """Entity linking failed."""


class EndpointError(KGError):
    """A SPARQL endpoint failed: unreachable, timed out, refused or broken.

    Args:
        message: what failed, naming the endpoint.
        endpoint: the endpoint URL.
    """

    def __init__(self, message: str, endpoint: str | None = None) -> None:
        super().__init__(message)
        self.endpoint = endpoint
