"""Reading articles: text files, JSON and JSON Lines records, standard input.

Readers return :class:`kg.model.Article` objects whose ``text`` is the
original text (BOM removed, CRLF/CR made LF) and refuse, with an
:class:`~kg.errors.InputError` naming the input, what is not a readable
article: a missing file, a directory, an empty or blank text, a binary file,
bytes that are not UTF-8 (the offset of the first bad byte is given), HTML
(refused rather than guessed at: strip it with a tool made for that first),
and texts larger than :data:`MAX_BYTES`.

JSON Lines (``.jsonl``, ``.ndjson``, their ``.gz`` forms and standard input)
are read as a stream, a line at a time, so neither a large file nor a
compression bomb fills the memory: the size limit applies to each article,
and a line longer than :data:`MAX_RECORD_BYTES` is skipped unread. A bad
record is yielded as an InputError in its place and reading goes on.

An article's id is its record's ``id``, or the file's path relative to the
input root (the directory given, or the file's own directory) without its
article suffix: ``2024-11-08/afp.2024.11.08`` for
``corpus/2024-11-08/afp.2024.11.08.txt`` read from ``corpus``. Two inputs of
one run that still get the same id are refused, never merged or replaced.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.discover import article_suffix, discover, path_id
from kg.errors import InputError
from kg.model import Article
from kg.records import (
    MAX_BYTES,
    article_from_text,
    check_text,
    parse_record,
    parse_records,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DOCUMENT_BYTES",
    "MAX_RECORD_BYTES",
    "article_from_text",
    "decode",
    "read_inputs",
    "read_jsonl",
    "read_path",
    "read_stdin",
    "read_text_file",
    "slugify",
    "strict",
]

#: The longest JSON Lines record read (JSON escapes take up to 6 bytes a character).
MAX_RECORD_BYTES = 6 * MAX_BYTES
#: The largest JSON document (a ``.json`` file, an array on stdin), read whole.
MAX_DOCUMENT_BYTES = 20 * MAX_BYTES
_LINES = (".jsonl", ".ndjson")
_CHUNK = 1 << 16


def slugify(text: str) -> str:
    """A lower-case ASCII slug: accents dropped, runs of other characters -> '-'."""
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _too_large(where: str, limit: int = MAX_BYTES) -> InputError:
    return InputError(f"{where}: more than the {limit:,} bytes an article may have", where)


def decode(data: bytes, where: str) -> str:
    """Decode article bytes as UTF-8 and check that they hold a text article.

    Args:
        data: the raw bytes.
        where: the path or record id, for messages.

    Returns:
        The text, BOM removed and newlines made LF.

    Raises:
        InputError: binary, not UTF-8, too large, empty, blank or HTML.
    """
    if len(data) > MAX_BYTES:
        raise _too_large(where)
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file (NUL bytes), not a text article", where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{where}: not UTF-8 (byte 0x{bad} at offset {exc.start}); convert it, "
            f"e.g. iconv -f latin1 -t utf-8",
            where,
        ) from None
    return check_text(text, where)


def _open(path: Path) -> IO[bytes]:
    if not path.exists():
        raise InputError(f"{path}: no such file", str(path))
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file", str(path))
    try:
        stream: IO[bytes] = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}", str(path)) from exc
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return stream


def _read_limited(stream: IO[bytes], limit: int, where: str) -> bytes:
    """At most ``limit`` bytes; more is an error, found without reading it all."""
    try:
        data = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{where}: cannot read: {exc}", where) from None
    if len(data) > limit:
        raise _too_large(where, limit)
    return data


def read_text_file(path: Path, language: str | None = None, root: Path | None = None) -> Article:
    """Read one plain-text article (gzip-compressed when it ends in ``.gz``).

    Args:
        path: the file.
        language: the article's language.
        root: the input root its id is relative to (default: its directory).
    """
    with _open(path) as stream:
        data = _read_limited(stream, MAX_BYTES, str(path))
    return article_from_text(
        decode(data, str(path)), path_id(path, root), source=str(path), language=language
    )


def _lines(stream: IO[bytes], where: str, first: bytes = b"") -> Iterator[tuple[int, bytes]]:
    """Numbered lines of a stream, each at most :data:`MAX_RECORD_BYTES`;
    a longer line is skipped to its end and given as ``b"\\0"``."""
    lineno = 0
    while True:
        line = first + stream.readline(MAX_RECORD_BYTES + 1 - len(first))
        first = b""
        if not line:
            return
        lineno += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            line = b"\0"
        yield lineno, line


def read_records(
    stream: IO[bytes], where: str, language: str | None = None, first: bytes = b""
) -> Iterator[Article | InputError]:
    """Read JSON Lines records from a stream, one at a time.

    Args:
        stream: the bytes (a file, a gzip stream, standard input).
        where: its name; records are named ``where:line``.
        language: the language of records that do not give one.
        first: bytes already read from the stream's start.

    Yields:
        An Article per good record and an InputError per bad one, in order;
        a stream that cannot be read further ends with one InputError.
    """
    try:
        for lineno, line in _lines(stream, where, first):
            name = f"{where}:{lineno}"
            if line == b"\0":
                yield InputError(
                    f"{name}: record longer than {MAX_RECORD_BYTES:,} bytes, skipped unread", name
                )
            elif line.strip():
                yield parse_record(line, name, language)
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"{where}: cannot read further: {exc}", where)


def _read_document(data: bytes, where: str, language: str | None) -> list[Article | InputError]:
    """Records of a JSON document read whole: an array of records, one record,
    or (a ``.json`` file holding several lines of objects) JSON Lines."""
    import io

    try:
        obj = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 (byte offset {exc.start})", where) from None
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and data.lstrip()[:1] == b"{":
            return list(read_records(io.BytesIO(data), where, language))
        raise InputError(f"{where}:{exc.lineno}: invalid JSON: {exc.msg}", where) from None
    except RecursionError:
        raise InputError(
            f"{where}: JSON nested too deeply to hold article records", where
        ) from None
    return parse_records(obj, where, language)


def strict(items: Iterable[Article | InputError]) -> Iterator[Article]:
    """The articles of a reader that yields its errors, raising the first error instead.

    Args:
        items: articles and errors, as :func:`read_inputs` and the record
            readers yield them.

    Yields:
        The articles, in order, up to the first error.

    Raises:
        InputError: the first error met.
    """
    for item in items:
        if isinstance(item, InputError):
            raise item
        yield item


def read_jsonl(data: bytes, where: str, language: str | None = None) -> Iterator[Article]:
    """Read JSON Lines records, or one JSON object or array, from bytes.

    Raises:
        InputError: at the first bad record (:func:`read_inputs` reports bad
            records and goes on).
    """
    import io

    if data.lstrip()[:1] == b"[":
        yield from strict(_read_document(data, where, language))
    else:
        yield from strict(read_records(io.BytesIO(data), where, language))


def _file_items(
    path: Path, language: str | None, root: Path | None
) -> Iterator[Article | InputError]:
    """The articles of one file; bad records are yielded in their place."""
    suffix = article_suffix(path)
    if suffix in _LINES:
        with _open(path) as stream:
            yield from read_records(stream, str(path), language)
    elif suffix == ".json":
        with _open(path) as stream:
            data = _read_limited(stream, MAX_DOCUMENT_BYTES, str(path))
        yield from _read_document(data, str(path), language)
    else:
        yield read_text_file(path, language, root)


def read_path(
    path: Path, language: str | None = None, root: Path | None = None
) -> Iterator[Article]:
    """Read the articles in one file, choosing the reader by its extension.

    ``.jsonl``/``.ndjson`` files are streamed record by record; a ``.json``
    file is one record, an array of them, or JSON Lines; anything else is one
    plain text. A ``.gz`` suffix is decompressed as the file is read.

    Raises:
        InputError: the file, or one of its records, is not a readable article.
    """
    yield from strict(_file_items(path, language, root))


def _stdin_items(stream: IO[bytes], language: str | None) -> Iterator[Article | InputError]:
    head = b""
    while (byte := stream.read(1)) and byte.isspace():
        head += byte
    head += byte
    if byte == b"{":
        yield from read_records(stream, "<stdin>", language, first=head)
        return
    data = head + _read_limited(stream, MAX_DOCUMENT_BYTES - len(head), "<stdin>")
    if byte == b"[":
        yield from _read_document(data, "<stdin>", language)
    else:
        yield article_from_text(decode(data, "<stdin>"), None, source="-", language=language)


def read_stdin(stream: IO[bytes] | bytes, language: str | None = None) -> Iterator[Article]:
    """Read standard input: JSON Lines when it starts with ``{``, a JSON array
    when it starts with ``[``, else one plain text.

    Args:
        stream: the input stream (or its bytes).
        language: the articles' language.

    Raises:
        InputError: the input, or one of its records, is not a readable article.
    """
    import io

    yield from strict(
        _stdin_items(io.BytesIO(stream) if isinstance(stream, bytes) else stream, language)
    )


def read_inputs(
    inputs: Iterable[str], language: str | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Article | InputError]:
    """Every article of the command-line inputs, and every error met, in order.

    Errors are yielded, never raised, so that a caller can report each bad
    input and go on. An article whose id an earlier article of the same run
    already has is refused with an error naming both.

    Args:
        inputs: files, directories, globs, and ``-`` for ``stdin``.
        language: the articles' language.
        stdin: the standard input stream.
    """
    import io

    seen: dict[str, str] = {}
    for given in inputs:
        try:
            found = list(discover([given]))
        except InputError as exc:
            yield exc
            continue
        for item, root in found:
            try:
                if item == "-":
                    articles = _stdin_items(stdin or io.BytesIO(), language)
                else:
                    articles = _file_items(Path(item), language, root)
                for article in articles:
                    yield _unique(article, seen)
            except InputError as exc:
                yield exc


def _unique(article: Article | InputError, seen: dict[str, str]) -> Article | InputError:
    """The article, or an error when an earlier article of the run has its id."""
    if isinstance(article, InputError):
        return article
    where = article.source or article.id
    first = seen.setdefault(article.id, where)
    if first == where:
        return article
    return InputError(
        f"{where}: id {article.id!r} is already the id of {first} in this run; "
        "an article never replaces another: give each a distinct id",
        where,
    )
