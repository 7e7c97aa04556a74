"""An on-disk cache of SPARQL answers, keyed by (endpoint, query).

A second run over the same articles sends no request: every answer the
endpoint gave is kept in one sqlite file, as the JSON text it returned.
Entries never expire on their own; delete the file (or call :meth:`Cache.clear`)
to ask the endpoint again.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

from kg.errors import ConfigError

__all__ = ["Cache", "default_cache_path"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    endpoint TEXT NOT NULL,
    query TEXT NOT NULL,
    body TEXT NOT NULL,
    stored REAL NOT NULL
)
"""


def default_cache_path() -> Path:
    """``~/.cache/newskg/wikidata.sqlite``: where ``kg link`` keeps answers."""
    return Path.home() / ".cache" / "newskg" / "wikidata.sqlite"


class Cache:
    """SPARQL answers stored in a sqlite file.

    Args:
        path: the database file (created with its folder), or ``:memory:``.

    Raises:
        ConfigError: when the file cannot be opened or is not a cache.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"cannot open the SPARQL cache {self.path}: {exc}") from exc

    @staticmethod
    def _key(endpoint: str, query: str) -> str:
        return hashlib.sha256(f"{endpoint}\n{query}".encode()).hexdigest()

    def get(self, endpoint: str, query: str) -> str | None:
        """The stored answer to ``query`` at ``endpoint``, or None."""
        row = self._db.execute(
            "SELECT body FROM answers WHERE key = ?", (self._key(endpoint, query),)
        ).fetchone()
        return row[0] if row else None

    def put(self, endpoint: str, query: str, body: str) -> None:
        """Store an answer, replacing any older one."""
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (self._key(endpoint, query), endpoint, query, body, time.time()),
            )
            self._db.commit()
        except sqlite3.Error as exc:
            raise ConfigError(f"cannot write the SPARQL cache {self.path}: {exc}") from exc

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM answers").fetchone()[0])

    def clear(self) -> None:
        """Forget every stored answer."""
        self._db.execute("DELETE FROM answers")
        self._db.commit()

    def close(self) -> None:
        """Close the database."""
        self._db.close()
