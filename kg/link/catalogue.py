"""The offline Wikidata catalogue: names, kinds and a few facts of known items.

The catalogue ships as ``kg/link/catalogue.tsv`` (written by
``python -m kg.link.generate``): one row per fact, ``qid field value lang
source``. Fields are ``kind`` (country, region, city, building, person, office,
organisation), the names ``label``, ``alias``, ``abbrev``, ``demonym``,
``surname``, ``capital`` (the name of a country's capital), ``iso`` and
Wikidata properties (``P17``, ``P27``, ``P39`` as ``office|start|end``,
``P131``, ``P625`` as ``lat,lon``, ``P1001``, ``P1082`` population), and for
cities ``homonym`` as ``country|population`` of another city of the same
name. Items without a kind (classes such as human) are kept for facts but
never offered as candidates.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

from kg.errors import ConfigError
from kg.lang.grammar import leading_article
from kg.link.wikidata import WikidataFact
from kg.model import Candidate

__all__ = [
    "HEADER",
    "NAME_FIELDS",
    "Catalogue",
    "CatalogueItem",
    "Match",
    "Row",
    "normalise",
    "read_rows",
    "write_rows",
]

DEFAULT_PATH = Path(__file__).resolve().parent / "catalogue.tsv"
HEADER = ("qid", "field", "value", "lang", "source")
#: Fields that name an item, from the most to the least specific.
NAME_FIELDS = ("label", "alias", "abbrev", "demonym", "surname")
HUMAN = "Q5"  # the class of every person item (wdt:P31 wd:Q5)
_SPACES = re.compile(r"[\s\-‐–—]+")


@lru_cache(maxsize=131072)
def normalise(name: str) -> str:
    """Return the lookup key of a name: case, accents, apostrophes, hyphens
    and a leading French article do not matter.

    >>> normalise("l’Organisation du traité de l'Atlantique nord")
    "organisation du traite de l'atlantique nord"
    """
    text = unicodedata.normalize("NFKD", name.casefold().replace("’", "'").replace("ʼ", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACES.sub(" ", text).strip(" .,;:")
    return leading_article(gap=" ", elided_gap="").sub("", text)


@dataclass(frozen=True, slots=True, order=True)
class Row:
    """One fact of a catalogue: ``field`` of item ``qid`` is ``value``."""

    qid: str
    field: str
    value: str
    lang: str
    source: str


def read_rows(path: Path | str) -> list[Row]:
    """The rows of a catalogue file.

    Raises:
        ConfigError: when the file cannot be read or a row is malformed.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.startswith("#")]
    except OSError as exc:
        raise ConfigError(f"cannot read the catalogue {path}: {exc}") from exc
    reader = csv.reader(lines, delimiter="\t")
    header = next(reader, None)
    if header != list(HEADER):
        raise ConfigError(f"{path}: header must be qid, field, value, lang, source; got {header}")
    rows = []
    for number, row in enumerate(reader, start=2):
        if len(row) != 5:
            raise ConfigError(f"{path}: data row {number} has {len(row)} columns, expected 5")
        rows.append(Row(*row))
    return rows


def write_rows(rows: Iterable[Row], path: Path, comment: str) -> int:
    """Write rows as tab-separated values atomically (a temporary file
    renamed); return how many. ``comment`` becomes the first line."""
    tmp = path.with_name(f".{path.name}.tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            fh.write(f"# {comment}\n")
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            writer.writerow(HEADER)
            for row in rows:
                writer.writerow((row.qid, row.field, row.value, row.lang, row.source))
                count += 1
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ConfigError(f"cannot write the catalogue {path}: {exc}") from exc
    return count


@dataclass(frozen=True, slots=True)
class Match:
    """A catalogue item whose name matches: how (``label``, ``alias`` ...)."""

    qid: str
    how: str
    name: str


@dataclass(slots=True)
class CatalogueItem:
    """Everything the catalogue knows of one item."""

    qid: str
    kind: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    facts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    names: list[tuple[str, str]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        """The French label, else the English one, else any, else the id."""
        return (
            self.labels.get("fr")
            or self.labels.get("en")
            or next(iter(self.labels.values()), self.qid)
        )

    def values(self, prop: str) -> list[str]:
        """The values of a property (``P17`` ...), possibly none."""
        return list(self.facts.get(prop, ()))


class Catalogue:
    """Items indexed by normalised name; built from catalogue rows.

    Args:
        rows: ``(qid, field, value, lang, source)`` tuples.
    """

    def __init__(self, rows: Iterable[tuple[str, str, str, str, str]]) -> None:
        self.items: dict[str, CatalogueItem] = {}
        self._index: dict[str, dict[str, str]] = defaultdict(dict)
        self._capitals: dict[str, set[str]] = defaultdict(set)
        for qid, fld, value, lang, source in rows:
            item = self.items.setdefault(qid, CatalogueItem(qid))
            item.sources.add(source)
            if fld == "kind":
                item.kind = item.kind or value
            elif fld in NAME_FIELDS:
                item.names.append((fld, value))
                if fld == "label" and lang not in item.labels:
                    item.labels[lang] = value
                key = normalise(value)
                best = self._index[key].get(qid)
                if best is None or NAME_FIELDS.index(fld) < NAME_FIELDS.index(best):
                    self._index[key][qid] = fld
            elif fld == "capital":
                self._capitals[normalise(value)].add(qid)
            elif value not in item.facts[fld]:
                item.facts[fld].append(value)

    @classmethod
    def load(cls, path: Path | str) -> Catalogue:
        """Read a catalogue file.

        Raises:
            ConfigError: when the file cannot be read or a row is malformed.
        """
        return cls((r.qid, r.field, r.value, r.lang, r.source) for r in read_rows(path))

    @classmethod
    def with_extra(cls, paths: Iterable[Path | str]) -> Catalogue:
        """The shipped catalogue and the rows of more catalogue files (written
        by ``kg link --save-catalogue``), read as one.

        Raises:
            ConfigError: when a file cannot be read or a row is malformed.
        """
        rows = read_rows(DEFAULT_PATH)
        for path in paths:
            rows += read_rows(path)
        return cls((r.qid, r.field, r.value, r.lang, r.source) for r in rows)

    @staticmethod
    def load_default() -> Catalogue:
        """The catalogue that ships with kg, read once per process."""
        return _default()

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, qid: object) -> bool:
        return qid in self.items

    def item(self, qid: str) -> CatalogueItem | None:
        """The item with this id, or None."""
        return self.items.get(qid)

    def kind(self, qid: str) -> str | None:
        """The kind of an item (``country``, ``person`` ...), or None."""
        item = self.items.get(qid)
        return item.kind if item else None

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every name and capital, to skip text that starts none."""
        keys = [*self._index, *self._capitals]
        return frozenset(key.split(" ", 1)[0] for key in keys if key)

    def lookup(self, name: str) -> list[Match]:
        """Items with a kind that bear this name, best-matching field first."""
        key = normalise(name)
        found = [
            Match(qid, how, name)
            for qid, how in self._index.get(key, {}).items()
            if self.items[qid].kind is not None
        ]
        return sorted(found, key=lambda m: (NAME_FIELDS.index(m.how), m.qid))

    def capital_of(self, name: str) -> set[str]:
        """The countries whose capital bears this name."""
        return set(self._capitals.get(normalise(name), ()))

    def related(self, qid: str) -> set[str]:
        """Items an item is tied to: its country, citizenship, jurisdiction of
        its offices, the territory it lies in."""
        item = self.items.get(qid)
        if item is None:
            return set()
        out = set(item.values("P17") + item.values("P27") + item.values("P131"))
        out.update(item.values("P1001"))
        for held in item.values("P39"):
            office = held.split("|", 1)[0]
            out.add(office)
            office_item = self.items.get(office)
            if office_item:
                out.update(office_item.values("P1001"))
        out.discard(qid)
        return out

    def candidate(self, qid: str, names: tuple[str, ...] = ()) -> Candidate:
        """A :class:`Candidate` built from what the catalogue knows."""
        item = self.items[qid]
        countries = item.values("P17") or item.values("P27")
        return Candidate(
            qid=qid,
            label=item.label,
            types=(HUMAN,) if item.kind == "person" else (),
            source="catalogue",
            names=names,
            country=countries[0] if countries else None,
        )

    def facts(self, qids: Iterable[str]) -> list[WikidataFact]:
        """What the catalogue knows of items as Wikidata facts: P17, P27,
        P131, P625, P1001 and P39 with its start and end years."""
        out: list[WikidataFact] = []
        for qid in sorted(set(qids)):
            item = self.items.get(qid)
            if item is None:
                continue
            for prop in ("P17", "P27", "P131", "P1001"):
                out += [WikidataFact(qid, prop, value) for value in item.values(prop)]
            for value in item.values("P625"):
                lat, lon = value.split(",")
                out.append(WikidataFact(qid, "P625", f"Point({lon} {lat})", is_item=False))
            for held in item.values("P39"):
                office, start, end = (held.split("|") + ["", ""])[:3]
                out.append(WikidataFact(qid, "P39", office, start or None, end or None))
        return out

    def with_name(self, how: str, name: str) -> list[str]:
        """Ids of items with a kind that bear ``name`` as field ``how``."""
        return [m.qid for m in self.lookup(name) if m.how == how]


@cache
def _default() -> Catalogue:
    return Catalogue.load(DEFAULT_PATH)
