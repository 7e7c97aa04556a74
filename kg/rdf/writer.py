"""Write files atomically: a file appears at its path whole or not at all.

Every command that writes a file goes through :class:`AtomicFile`, with one
rule: the destination's directory must exist (a mistyped directory is an
error, not a new folder), and an existing file is replaced only with
``force``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset

from kg.errors import ConfigError
from kg.rdf.serialize import serialize

__all__ = ["AtomicFile", "check_destination", "write"]


def _file_mode(path: Path) -> int:
    """The mode a new file gets under the current umask, or the replaced file's mode."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def check_destination(path: Path | str, force: bool = False) -> Path:
    """Refuse a destination before any work: one that exists (unless ``force``),
    or whose directory does not exist (it is never created).

    Returns:
        The path.

    Raises:
        ConfigError: naming the file or the missing directory.
    """
    path = Path(path)
    if path.exists() and not force:
        raise ConfigError(f"{path} already exists; use --force to overwrite it")
    if not path.parent.is_dir():
        raise ConfigError(f"cannot write {path}: directory {path.parent} does not exist")
    return path


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
        self.path = check_destination(path, force)
        try:
            self._file = tempfile.NamedTemporaryFile(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp", delete=False
            )
        except OSError as exc:
            raise ConfigError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    @property
    def stream(self) -> BinaryIO:
        """The pending file, for writers that stream into a file object."""
        return self._file  # type: ignore[return-value]

    def write(self, data: bytes) -> None:
        """Append bytes to the pending file."""
        try:
            self._file.write(data)
        except OSError as exc:
            raise self.failed(exc) from exc

    def failed(self, exc: BaseException) -> ConfigError:
        """Abort, and return the error to raise for ``exc``: one line naming the
        file, saying that a file already there was left as it was."""
        self.abort()
        if isinstance(exc.__cause__, OSError):  # a store's error wrapping the disk's
            exc = exc.__cause__
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        kept = f"; {self.path} was left as it was" if self.path.exists() else ""
        return ConfigError(f"cannot write {self.path}: {reason}{kept}")

    def commit(self) -> None:
        """Sync the pending file and rename it over the destination."""
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.chmod(self._file.name, _file_mode(self.path))
            os.replace(self._file.name, self.path)
        except OSError as exc:
            raise self.failed(exc) from exc

    def abort(self) -> None:
        """Drop the pending file; the destination is left as it was."""
        try:
            self._file.close()
        except OSError:
            pass  # what could not be flushed is dropped with the file
        if os.path.exists(self._file.name):
            os.unlink(self._file.name)


def write(dataset: Dataset, dest: Path | str | BinaryIO, fmt: str, force: bool = False) -> None:
    """Write a dataset to a file, atomically (see :class:`AtomicFile`), or to a stream.

    Args:
        dataset: the dataset to write.
        dest: a path, or an open binary stream (the caller's standard output).
        fmt: a format name or alias.
        force: replace an existing file.

    Raises:
        ConfigError: the format is unknown, the file exists and ``force`` is
            False, or the file cannot be written.
    """
    data = serialize(dataset, fmt)
    if not isinstance(dest, (str, Path)):
        dest.write(data)
        dest.flush()
        return
    out = AtomicFile(dest, force)
    out.write(data)
    out.commit()
