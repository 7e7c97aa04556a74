"""Reading articles: text files, JSON and JSONL records, standard input.

Every reader returns :class:`kg.model.Article` objects whose ``text`` is the
original text (BOM removed, CRLF/CR made LF) and refuses, with an
:class:`~kg.errors.InputError` naming the input, what is not a readable
article: a missing file, a directory, an empty or blank text, a binary file,
bytes that are not UTF-8 (the offset of the first bad byte is given), HTML
(refused rather than guessed at: strip it with a tool made for that first),
and texts larger than :data:`MAX_BYTES`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Article

__all__ = [
    "MAX_BYTES",
    "article_from_text",
    "decode",
    "expand_inputs",
    "read_jsonl",
    "read_path",
    "read_stdin",
    "read_text_file",
    "slugify",
]

#: The largest article accepted (bytes of UTF-8): far above any news story.
MAX_BYTES = 5_000_000

_HTML = re.compile(
    r"<\s*(html|body|head|div|p|span|script|style|!doctype|br|a\s+href|meta|title)\b", re.I
)
#: Control characters other than the whitespace ones (tab, newline, \v, \f).
_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f]")
_SLUG_BAD = re.compile(r"[^a-z0-9]+")
_RECORD_FIELDS = ("id", "text", "title", "date", "url", "language")


def slugify(text: str) -> str:
    """A lower-case ASCII slug: accents dropped, runs of other characters -> '-'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG_BAD.sub("-", ascii_text.lower()).strip("-") or "x"


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
        raise InputError(
            f"{where}: {len(data):,} bytes is more than the {MAX_BYTES:,} an article may have",
            where,
        )
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


def check_text(text: str, where: str) -> str:
    """Normalise newlines and BOM, and refuse blank, binary-looking or HTML text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{where}: empty article (no text)", where)
    controls = len(_CONTROL.findall(text[:8192]))
    if controls > 8:
        raise InputError(f"{where}: binary data (control characters), not a text article", where)
    if _HTML.search(text[:20000]):
        raise InputError(
            f"{where}: looks like HTML; kg reads plain text: extract the article text first",
            where,
        )
    return text


def article_from_text(
    text: str,
    article_id: str | None = None,
    *,
    source: str | None = None,
    **metadata: Any,
) -> Article:
    """Build an Article from a text already checked with :func:`check_text`.

    Args:
        text: the article text.
        article_id: its id; the first 16 hex digits of its sha256 when None.
        source: where it was read from.
        **metadata: title, date, url, language.

    Returns:
        The article.
    """
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fields = {k: v for k, v in metadata.items() if v is not None}
    return Article(
        id=slugify(article_id) if article_id else digest[:16],
        text=text,
        sha256=digest,
        source=source,
        **fields,
    )


_YEAR_OR_MONTH = re.compile(r"\d{4}(-\d{2})?")


def _is_iso_date(value: str) -> bool:
    """A year, a year and month, a date or a date-time in ISO 8601."""
    if _YEAR_OR_MONTH.fullmatch(value):
        return True
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file", str(path))
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file", str(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}", str(path)) from exc


def read_text_file(path: Path, language: str | None = None) -> Article:
    """Read one plain-text article; its id is the file name without extension."""
    text = decode(_read_bytes(path), str(path))
    return article_from_text(text, path.stem, source=str(path), language=language)


def _record(obj: Any, where: str, language: str | None) -> Article:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a record must be a JSON object with 'text'", where)
    unknown = sorted(set(obj) - set(_RECORD_FIELDS))
    if unknown:
        raise InputError(
            f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(_RECORD_FIELDS)}",
            where,
        )
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: the record has no 'text' string", where)
    rid = obj.get("id")
    label = f"{where} (id {rid})" if rid is not None else where
    text = check_text(text, label)
    when = obj.get("date")
    if when is not None and not _is_iso_date(str(when)):
        raise InputError(
            f"{label}: date {when!r} is not an ISO 8601 date (2024-11-08, 2024-11, 2024 "
            f"or 2024-11-08T09:30:00)",
            where,
        )
    return article_from_text(
        text,
        str(rid) if rid is not None else None,
        source=where,
        title=obj.get("title"),
        date=obj.get("date"),
        url=obj.get("url"),
        language=obj.get("language") or language,
    )


def read_jsonl(data: bytes, where: str, language: str | None = None) -> Iterator[Article]:
    """Read JSON Lines records (one article per line), or one JSON object/array.

    Args:
        data: the raw bytes of the file or stream.
        where: its name, for messages (records are named ``where:line``).
        language: the default language for records that do not give one.

    Yields:
        One Article per record, in order.
    """
    text = decode(data, where)
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}:{exc.lineno}: invalid JSON: {exc.msg}", where) from None
        for i, obj in enumerate(records, 1):
            yield _record(obj, f"{where}[{i}]", language)
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}:{lineno}: invalid JSON: {exc.msg}", where) from None
        yield _record(obj, f"{where}:{lineno}", language)


#: Extensions read when a directory is given (each also gzip-compressed).
ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson")


def _suffix(path: Path) -> str:
    """The article suffix of a path, looking through a trailing ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str]:
    """Turn command-line inputs into files, in a stable order.

    Directories are walked recursively for ``.txt``, ``.json``, ``.jsonl``
    (and the same gzip-compressed), sorted; glob patterns are expanded,
    sorted; ``-`` (standard input) is passed through; other paths are passed
    through as they are, so that a missing one is reported when read.
    """
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if _suffix(found) in ARTICLE_SUFFIXES:
                    yield found
        elif not path.exists() and any(c in item for c in "*?["):
            matches = (
                sorted(Path().glob(item))
                if not path.is_absolute()
                else sorted(Path(path.anchor).glob(str(path.relative_to(path.anchor))))
            )
            if not matches:
                raise InputError(f"{item}: no file matches this pattern", item)
            yield from (m for m in matches if m.is_file())
        else:
            yield path


def read_path(path: Path, language: str | None = None) -> Iterator[Article]:
    """Read the articles in one file, choosing the reader by its extension.

    ``.json`` and ``.jsonl`` files hold records; anything else is plain text;
    a ``.gz`` suffix is decompressed first.
    """
    suffix = _suffix(path)
    data = _read_bytes(path)
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: not a valid gzip file ({exc})", str(path)) from None
    if suffix in (".jsonl", ".json", ".ndjson"):
        yield from read_jsonl(data, str(path), language)
    else:
        stem = path.name.split(".")[0]
        yield article_from_text(decode(data, str(path)), stem, source=str(path), language=language)


def read_stdin(data: bytes, language: str | None = None) -> Iterator[Article]:
    """Read standard input: JSON Lines when it starts with ``{`` or ``[``, else one text."""
    if data.lstrip()[:1] in (b"{", b"["):
        yield from read_jsonl(data, "<stdin>", language)
    else:
        yield article_from_text(decode(data, "<stdin>"), None, source="-", language=language)
