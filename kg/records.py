"""JSON article records and article ids.

A record is a JSON object ``{"id", "text", "title", "date", "url",
"language"}`` with at least ``text``. :func:`parse_record` checks every field
and returns an :class:`~kg.model.Article` or an :class:`~kg.errors.InputError`
that names the record (``file:line`` and its id): it never raises, so that
one bad record among many is reported and skipped while reading goes on.

Article ids are made by :func:`safe_id`: the id as given (a record's ``id``,
or a file's path relative to the input root without its article suffix),
NFC-normalised, with every character an IRI path may not hold
percent-encoded. Letters of every script are kept, and two different ids
never become the same one: ``Été 2024`` is ``Été%202024``, ``ete-2024`` stays
``ete-2024``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from kg.dates import TIME_FORMS, xsd_time_type
from kg.errors import InputError
from kg.model import Article

__all__ = [
    "MAX_BYTES",
    "RECORD_FIELDS",
    "article_from_text",
    "check_text",
    "parse_record",
    "safe_id",
]

#: The largest article accepted (bytes of UTF-8): far above any news story.
MAX_BYTES = 5_000_000

#: The fields a record may have.
RECORD_FIELDS = ("id", "text", "title", "date", "url", "language")

_HTML = re.compile(
    r"<\s*(html|body|head|div|p|span|script|style|!doctype|br|a\s+href|meta|title)\b", re.I
)
#: Control characters other than the whitespace ones (tab, newline, \v, \f).
_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f]")
#: ASCII characters an IRI path segment holds as they are (RFC 3987 ipchar, and '/').
_IRI_ASCII = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/"
)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def _iri_char(char: str) -> str:
    """The character itself when an IRI path may hold it, else its %-encoding."""
    if char in _IRI_ASCII:
        return char
    code = ord(char)
    if code >= 0xA0 and unicodedata.category(char)[0] in "LMNPS":
        plane_end = code & 0xFFFF
        if code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF:
            return char
        if 0x10000 <= code < 0xE0000 and plane_end <= 0xFFFD:
            return char
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def safe_id(text: str) -> str:
    """An article id usable in IRIs, keeping the id as readable as possible.

    Args:
        text: the id as given.

    Returns:
        The NFC form of ``text`` with characters that an IRI path may not
        hold percent-encoded (``%`` itself too, so that no two ids meet), and
        ``.``/``..`` path segments encoded so that no IRI resolver folds them.
    """
    encoded = "".join(_iri_char(c) for c in unicodedata.normalize("NFC", text))
    parts = [p.replace(".", "%2E") if p in (".", "..") else p for p in encoded.split("/")]
    return "/".join(parts)


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
        article_id: its id (made safe with :func:`safe_id`); the first 16 hex
            digits of the text's sha256 when None.
        source: where it was read from.
        **metadata: title, date, url, language.

    Returns:
        The article.
    """
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fields = {k: v for k, v in metadata.items() if v is not None}
    return Article(
        id=safe_id(article_id) if article_id else digest[:16],
        text=text,
        sha256=digest,
        source=source,
        **fields,
    )


def _string(obj: dict[str, Any], name: str, label: str, where: str) -> str | None:
    """A record field that must be a string of valid Unicode, or absent."""
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(
            f"{label}: '{name}' must be a string, not {type(value).__name__} ({value!r:.40})",
            where,
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{label}: '{name}' holds a lone surrogate (\\u{ord(value[exc.start]):04x} "
            f"at offset {exc.start}), which is not text",
            where,
        ) from None
    return value


def _record_id(obj: dict[str, Any], where: str) -> str | None:
    rid = obj.get("id")
    if isinstance(rid, int) and not isinstance(rid, bool):
        return str(rid)
    rid = _string(obj, "id", where, where)
    if rid is not None and not rid.strip():
        raise InputError(f"{where}: 'id' is blank", where)
    return rid


def _check_fields(obj: dict[str, Any], label: str, where: str) -> dict[str, str | None]:
    """The metadata fields of a record, each checked."""
    fields = {name: _string(obj, name, label, where) for name in ("title", "date", "url")}
    fields["language"] = _string(obj, "language", label, where)
    when = fields["date"]
    if when is not None and xsd_time_type(when) is None:
        raise InputError(f"{label}: date {when!r} is not an ISO 8601 date ({TIME_FORMS})", where)
    url = fields["url"]
    if url is not None and not _URL.fullmatch(url):
        raise InputError(
            f"{label}: url {url!r} is not an absolute URL (scheme://..., no spaces or <>)", where
        )
    language = fields["language"]
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise InputError(f"{label}: language {language!r} is not a language code (fr, en)", where)
    return fields


def _record(obj: Any, where: str, language: str | None) -> Article:
    if not isinstance(obj, dict):
        kind = "an array" if isinstance(obj, list) else type(obj).__name__
        raise InputError(f"{where}: a record must be a JSON object with 'text', not {kind}", where)
    unknown = sorted(set(obj) - set(RECORD_FIELDS))
    if unknown:
        raise InputError(
            f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(RECORD_FIELDS)}",
            where,
        )
    rid = _record_id(obj, where)
    label = f"{where} (id {rid})" if rid is not None else where
    text = _string(obj, "text", label, where)
    if text is None:
        raise InputError(f"{label}: the record has no 'text' string", where)
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(
            f"{label}: {size:,} bytes is more than the {MAX_BYTES:,} an article may have", where
        )
    text = check_text(text, label)
    fields = _check_fields(obj, label, where)
    fields["language"] = fields["language"] or language
    return article_from_text(text, rid, source=where, **fields)


def parse_record(
    line: bytes | str, where: str, language: str | None = None
) -> Article | InputError:
    """Parse and check one JSON record.

    Args:
        line: the record's JSON text.
        where: where it was read (``file:line``), for messages and as its source.
        language: the language of records that do not give one.

    Returns:
        The article, or the error that names the record; never raises.
    """
    try:
        return _record(json.loads(line), where, language)
    except InputError as exc:
        return exc
    except json.JSONDecodeError as exc:
        return InputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})", where)
    except UnicodeDecodeError as exc:
        return InputError(f"{where}: not UTF-8 (byte offset {exc.start} of the line)", where)
    except RecursionError:
        return InputError(f"{where}: JSON nested too deeply to be an article record", where)


def parse_records(obj: Any, where: str, language: str | None = None) -> list[Article | InputError]:
    """Check the records of a parsed JSON document: an array of records, or one."""
    items = obj if isinstance(obj, list) else [obj]
    found: list[Article | InputError] = []
    for number, item in enumerate(items, 1):
        name = f"{where}[{number}]" if isinstance(obj, list) else where
        try:
            found.append(_record(item, name, language))
        except InputError as exc:
            found.append(exc)
    return found
