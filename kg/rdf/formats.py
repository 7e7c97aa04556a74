"""The RDF formats kg reads and writes: one record per format.

A record names everything the rest of kg needs to know about a format: its
aliases (``ttl`` -> ``turtle``) and file suffixes, rdflib's parser and
serializer name, pyoxigraph's :class:`~pyoxigraph.RdfFormat` when pyoxigraph
handles it, whether it keeps named graphs, and whether it is streamable
(line-based, so documents can be written one after another and sorted).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ConfigError

__all__ = [
    "FORMATS",
    "Format",
    "format_for_media_type",
    "format_from_path",
    "format_names",
    "get_format",
    "oxigraph_formats",
    "resolve_format",
]


@dataclass(frozen=True, slots=True)
class Format:
    """One RDF format.

    Attributes:
        name: the canonical name (``turtle``).
        aliases: other names accepted for it (``ttl``).
        extensions: file suffixes that select it, with the dot.
        media_type: its IANA media type.
        quads: True when it keeps named graphs; False when it holds one graph.
        rdflib: rdflib's parser and serializer name.
        oxigraph: pyoxigraph's format, or None when kg uses rdflib only.
        streamable: one statement a line, so parts can be concatenated.
        writable: kg writes it (RDF/XML is only read).
    """

    name: str
    aliases: tuple[str, ...]
    extensions: tuple[str, ...]
    media_type: str
    quads: bool
    rdflib: str
    oxigraph: ox.RdfFormat | None
    streamable: bool = False
    writable: bool = True


#: Every format kg knows, by canonical name.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ("ttl",), (".ttl",), "text/turtle", False, "turtle", ox.RdfFormat.TURTLE),
        Format("trig", (), (".trig",), "application/trig", True, "trig", ox.RdfFormat.TRIG),
        Format(
            "nquads",
            ("nq", "n-quads"),
            (".nq",),
            "application/n-quads",
            True,
            "nquads",
            ox.RdfFormat.N_QUADS,
            streamable=True,
        ),
        Format(
            "ntriples",
            ("nt", "n-triples"),
            (".nt",),
            "application/n-triples",
            False,
            "nt",
            ox.RdfFormat.N_TRIPLES,
            streamable=True,
        ),
        Format(
            "json-ld",
            ("jsonld",),
            (".jsonld", ".json"),
            "application/ld+json",
            True,
            "json-ld",
            None,
        ),
        Format(
            "rdfxml",
            ("xml",),
            (".rdf", ".owl", ".xml"),
            "application/rdf+xml",
            False,
            "xml",
            None,
            writable=False,
        ),
    )
}

_BY_NAME = {name: f.name for f in FORMATS.values() if f.writable for name in (f.name, *f.aliases)}
_BY_EXTENSION = {ext: f.name for f in FORMATS.values() for ext in f.extensions}


def format_names() -> list[str]:
    """Every name and alias of a format kg writes, sorted."""
    return sorted(_BY_NAME)


def resolve_format(name: str) -> str:
    """Map the name or alias of a format kg writes to its canonical name.

    Args:
        name: e.g. ``ttl``, ``Turtle``, ``nq``, ``jsonld``.

    Returns:
        The canonical name: a key of :data:`FORMATS`.

    Raises:
        ConfigError: the name is unknown; the message lists the valid choices.
    """
    canonical = _BY_NAME.get(name.strip().lower())
    if canonical is None:
        raise ConfigError(f"unknown RDF format {name!r}; valid: {', '.join(format_names())}")
    return canonical


def get_format(name: str) -> Format:
    """The record of a format kg writes, by name or alias (see :func:`resolve_format`)."""
    return FORMATS[resolve_format(name)]


def format_from_path(path: Path | str, *, reading: bool = False) -> str | None:
    """Guess a format from a file's extension; None when it selects none.

    Args:
        path: the file.
        reading: also accept formats kg only reads (RDF/XML).
    """
    name = _BY_EXTENSION.get(Path(path).suffix.lower())
    if name is None or not (reading or FORMATS[name].writable):
        return None
    return name


def format_for_media_type(media_type: str) -> Format | None:
    """The format an HTTP answer's media type names, or None."""
    for candidate in FORMATS.values():
        if candidate.media_type == media_type:
            return candidate
    return None


def oxigraph_formats() -> dict[str, ox.RdfFormat]:
    """pyoxigraph's format for every name and alias pyoxigraph serialises."""
    return {
        name: f.oxigraph
        for f in FORMATS.values()
        if f.oxigraph is not None
        for name in (f.name, *f.aliases)
    }
