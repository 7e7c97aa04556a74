"""Write datasets to files in the RDF formats kg supports.

A small registry maps format names and their aliases (``ttl`` -> ``turtle``)
to writers. Output is canonical: triples are inserted in sorted order before
rdflib serialises them, and line-based formats are sorted line by line, so the
same dataset always gives the same bytes (usable as golden files).

Turtle and N-Triples hold one graph: they get the union of every named graph.
TriG, N-Quads and JSON-LD keep each article's named graph.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import ConfigError
from kg.graph import bind_prefixes
from kg.namespaces import PREFIXES

__all__ = [
    "AtomicFile",
    "FORMATS",
    "Format",
    "format_from_path",
    "format_names",
    "resolve_format",
    "serialize",
    "write",
]


@dataclass(frozen=True, slots=True)
class Format:
    """One output format.

    Attributes:
        name: the canonical name (``turtle``).
        aliases: other names accepted for it (``ttl``).
        extensions: file suffixes that select it, with the dot.
        media_type: its IANA media type.
        quads: True when it keeps named graphs; False when it writes the union.
        writer: turns a dataset into bytes.
    """

    name: str
    aliases: tuple[str, ...]
    extensions: tuple[str, ...]
    media_type: str
    quads: bool
    writer: Callable[[Dataset], bytes]


def _graph_id(graph: Node | Graph | None) -> Node:
    """The name of a quad's graph, whether rdflib gives a Graph, a name or None."""
    if graph is None:
        return DATASET_DEFAULT_GRAPH_ID
    return graph.identifier if isinstance(graph, Graph) else graph


def _sorted_quads(dataset: Dataset) -> list[tuple[Node, Node, Node, Node]]:
    quads = [(s, p, o, _graph_id(g)) for s, p, o, g in dataset.quads((None, None, None, None))]
    return sorted(quads, key=lambda q: (q[3].n3(), q[0].n3(), q[1].n3(), q[2].n3()))


def _canonical_dataset(dataset: Dataset) -> Dataset:
    """Copy a dataset inserting quads in sorted order, so rdflib's output is stable."""
    copy = Dataset()
    bind_prefixes(copy)
    for s, p, o, g in _sorted_quads(dataset):
        copy.graph(g).add((s, p, o))
    return copy


def _union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    bind_prefixes(union)
    triples = {q[:3] for q in dataset.quads((None, None, None, None))}
    for triple in sorted(triples, key=lambda t: tuple(term.n3() for term in t)):
        union.add(triple)
    return union


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _write_turtle(dataset: Dataset) -> bytes:
    return _union_graph(dataset).serialize(format="turtle", encoding="utf-8")


def _write_ntriples(dataset: Dataset) -> bytes:
    return _sorted_lines(_union_graph(dataset).serialize(format="nt", encoding="utf-8"))


def _write_trig(dataset: Dataset) -> bytes:
    return _canonical_dataset(dataset).serialize(format="trig", encoding="utf-8")


def _write_nquads(dataset: Dataset) -> bytes:
    return _sorted_lines(_canonical_dataset(dataset).serialize(format="nquads", encoding="utf-8"))


def _write_jsonld(dataset: Dataset) -> bytes:
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return _canonical_dataset(dataset).serialize(
        format="json-ld", encoding="utf-8", context=context, indent=2, sort_keys=True
    )


#: Every supported format, by canonical name.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ("ttl",), (".ttl",), "text/turtle", False, _write_turtle),
        Format("trig", (), (".trig",), "application/trig", True, _write_trig),
        Format("nquads", ("nq", "n-quads"), (".nq",), "application/n-quads", True, _write_nquads),
        Format(
            "ntriples",
            ("nt", "n-triples"),
            (".nt",),
            "application/n-triples",
            False,
            _write_ntriples,
        ),
        Format(
            "json-ld", ("jsonld",), (".jsonld", ".json"), "application/ld+json", True, _write_jsonld
        ),
    )
}

_BY_NAME = {name: f.name for f in FORMATS.values() for name in (f.name, *f.aliases)}
_BY_EXTENSION = {ext: f.name for f in FORMATS.values() for ext in f.extensions}


def _file_mode(path: Path) -> int:
    """The mode a new file gets under the current umask, or the replaced file's mode."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def format_names() -> list[str]:
    """Every accepted format name and alias, sorted."""
    return sorted(_BY_NAME)


def resolve_format(name: str) -> str:
    """Map a format name or alias to its canonical name.

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


def format_from_path(path: Path | str) -> str | None:
    """Guess a format from a file's extension; None when it selects none."""
    return _BY_EXTENSION.get(Path(path).suffix.lower())


def serialize(dataset: Dataset, fmt: str) -> bytes:
    """Serialise a dataset canonically.

    Args:
        dataset: the dataset to write.
        fmt: a format name or alias.

    Returns:
        The UTF-8 bytes; identical datasets give identical bytes.

    Raises:
        ConfigError: the format is unknown.
    """
    return FORMATS[resolve_format(fmt)].writer(dataset)


class AtomicFile:
    """A file that appears at its path only when committed.

    Bytes go to a temporary file in the destination's directory; :meth:`commit`
    syncs it and renames it over the destination, :meth:`abort` removes it, so
    a failure never leaves a partial file behind.

    Args:
        path: the destination.
        force: replace an existing file.

    Raises:
        ConfigError: the file exists and ``force`` is False, or its directory
            is missing or not writable.
    """

    def __init__(self, path: Path | str, force: bool = False) -> None:
        self.path = Path(path)
        if self.path.exists() and not force:
            raise ConfigError(f"{self.path} already exists; use --force to overwrite it")
        if not self.path.parent.is_dir():
            raise ConfigError(
                f"cannot write {self.path}: directory {self.path.parent} does not exist"
            )
        try:
            self._file = tempfile.NamedTemporaryFile(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp", delete=False
            )
        except OSError as exc:
            raise ConfigError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def write(self, data: bytes) -> None:
        """Append bytes to the pending file."""
        try:
            self._file.write(data)
        except OSError as exc:
            self.abort()
            raise ConfigError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def commit(self) -> None:
        """Sync the pending file and rename it over the destination."""
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.chmod(self._file.name, _file_mode(self.path))
            os.replace(self._file.name, self.path)
        except OSError as exc:
            self.abort()
            raise ConfigError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def abort(self) -> None:
        """Drop the pending file; the destination is left as it was."""
        self._file.close()
        if os.path.exists(self._file.name):
            os.unlink(self._file.name)


def write(dataset: Dataset, dest: Path | str, fmt: str, force: bool = False) -> None:
    """Write a dataset to a file, atomically (see :class:`AtomicFile`), or to stdout.

    Args:
        dataset: the dataset to write.
        dest: a path, or ``-`` for standard output.
        fmt: a format name or alias.
        force: replace an existing file.

    Raises:
        ConfigError: the format is unknown, the file exists and ``force`` is
            False, or the file cannot be written.
    """
    data = serialize(dataset, fmt)
    if str(dest) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    out = AtomicFile(dest, force)
    out.write(data)
    out.commit()
