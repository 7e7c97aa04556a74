"""Finding article files: command-line inputs -> files, and a file's article id.

A directory is walked for the article suffixes (:data:`ARTICLE_SUFFIXES`,
each also gzip-compressed), a glob pattern is expanded, ``-`` stands for
standard input. An article file's id is its path relative to the input root
without ``.gz`` and its article suffix (see :mod:`kg.ingest`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError

__all__ = ["ARTICLE_SUFFIXES", "article_suffix", "discover", "expand_inputs", "path_id"]

#: Extensions read when a directory is given (each also gzip-compressed).
ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson")


def article_suffix(path: Path) -> str:
    """The article suffix of a path, lower-case, looking through a trailing ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def path_id(path: Path, root: Path | None = None) -> str:
    """The id of an article file, as given: its path relative to ``root`` (or
    its name), without ``.gz`` and its article suffix (made safe for IRIs by
    :func:`kg.records.safe_id` when the article is made)."""
    try:
        relative = path.relative_to(root) if root is not None else Path(path.name)
    except ValueError:
        relative = Path(path.name)
    name = relative.as_posix()
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    if suffix.lower() in ARTICLE_SUFFIXES:
        name = name[: -len(suffix)]
    return name


def discover(inputs: Iterable[str]) -> Iterator[tuple[Path | str, Path | None]]:
    """Turn command-line inputs into files, each with the root its id is relative to.

    Directories are walked recursively for ``.txt``, ``.json``, ``.jsonl``,
    ``.ndjson`` (and the same gzip-compressed), sorted, with the directory as
    root; glob patterns are expanded, sorted, with the folder before the first
    pattern as root; ``-`` (standard input) is passed through; other paths are
    passed through with their own folder as root, so that a missing one is
    reported when read.

    Raises:
        InputError: a glob pattern that matches no file.
    """
    for item in inputs:
        if item == "-":
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if article_suffix(found) in ARTICLE_SUFFIXES:
                    yield found, path
        elif not path.exists() and any(c in item for c in "*?["):
            parts = path.parts
            fixed = next(i for i, part in enumerate(parts) if any(c in part for c in "*?["))
            root = Path(*parts[:fixed]) if fixed else Path()
            matches = sorted(root.glob(str(Path(*parts[fixed:]))))
            if not matches:
                raise InputError(f"{item}: no file matches this pattern", item)
            yield from ((m, root) for m in matches if m.is_file())
        else:
            yield path, None


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str]:
    """The files of command-line inputs, in a stable order (see :func:`discover`)."""
    for item, _root in discover(inputs):
        yield item
