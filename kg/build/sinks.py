"""Where built articles go; sinks receive outputs in input order and are the
only writers.

* :class:`QuadFileSink` streams N-Quads / N-Triples into a temporary file that
  is renamed into place when the run ends (nothing half-written), or into a
  stream the caller opened;
* :class:`DatasetFileSink` gathers an rdflib Dataset for Turtle, TriG and
  JSON-LD (formats that need the whole graph);
* :class:`StoreSink` replaces each article's named graph in the pyoxigraph
  store in one transaction and skips articles stored with the same sha256.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol

from rdflib import Dataset

from kg.build.outputs import ArticleOutput
from kg.graph import DEFAULT_BASE, article_iri, bind_prefixes, graph_iri
from kg.model import Article
from kg.rdf.writer import AtomicFile, check_destination, write
from kg.sparql.store import Store

__all__ = ["DatasetFileSink", "QuadFileSink", "Sink", "StoreSink"]


class Sink(Protocol):
    """Where built articles go."""

    def wants(self, article: Article) -> bool:
        """False when the article need not be built (already stored, unchanged)."""

    def add(self, output: ArticleOutput) -> None:
        """Write one built article."""

    def close(self, ok: bool) -> None:
        """Finish (ok) or abandon (not ok) the output."""


class QuadFileSink:
    """Streams N-Quads (or N-Triples, dropping graph names) to a file or a stream.

    Args:
        dest: a path (written atomically), or an open binary stream.
        triples: write N-Triples (the union of the article graphs).
        force: replace an existing file.
    """

    def __init__(self, dest: str | BinaryIO, triples: bool = False, force: bool = False) -> None:
        self.triples = triples
        self._stream = None if isinstance(dest, str) else dest
        self._file = AtomicFile(dest, force) if isinstance(dest, str) else None

    def wants(self, article: Article) -> bool:
        return True

    def add(self, output: ArticleOutput) -> None:
        data = output.nquads
        if self.triples:
            data = b"".join(_drop_graph(line) for line in data.splitlines(keepends=True))
        if self._file is None:
            self._stream.write(data)
        else:
            self._file.write(data)

    def close(self, ok: bool) -> None:
        if self._file is None:
            self._stream.flush()
        elif ok:
            self._file.commit()
        else:
            self._file.abort()


def _drop_graph(line: bytes) -> bytes:
    """An N-Quads line without its graph name (the last term before the dot)."""
    body = line.rstrip()[:-1].rstrip()
    return body[: body.rfind(b" <")] + b" .\n"


class DatasetFileSink:
    """Gathers the articles into an rdflib Dataset, written at the end atomically
    to a path, or to a stream the caller opened."""

    def __init__(self, dest: str | BinaryIO, fmt: str, force: bool = False) -> None:
        if isinstance(dest, str):
            check_destination(dest, force)
        self.dest, self.fmt, self.force = dest, fmt, force
        self.dataset = Dataset()

    def wants(self, article: Article) -> bool:
        return True

    def add(self, output: ArticleOutput) -> None:
        self.dataset.parse(data=output.nquads, format="nquads")

    def close(self, ok: bool) -> None:
        if ok:
            bind_prefixes(self.dataset)
            write(self.dataset, self.dest, self.fmt, force=self.force)


class StoreSink:
    """Writes each article's graph into the store, one transaction per article.

    Args:
        path: the store directory (created when missing).
        base: the data base IRI (for article IRIs).
        force: rebuild articles even when stored unchanged.
    """

    def __init__(self, path: Path, base: str | None = None, force: bool = False) -> None:
        self.store = Store(path)
        self.store.load_ontology()
        self.base = base or DEFAULT_BASE
        self.force = force

    def wants(self, article: Article) -> bool:
        if self.force:
            return True
        return not self.store.has_article(str(article_iri(article.id, self.base)), article.sha256)

    def add(self, output: ArticleOutput) -> None:
        triples = b"".join(_drop_graph(line) for line in output.nquads.splitlines(keepends=True))
        self.store.replace_article_ntriples(
            str(graph_iri(output.article_id, self.base)), triples.decode("utf-8")
        )

    def close(self, ok: bool) -> None:
        self.store.close()
