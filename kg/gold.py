"""Read and validate gold annotation files (format version 1).

A gold file is YAML describing one article: where its text is, its language,
the predicates whose facts it lists exhaustively, the entities it names and
the facts it states. :func:`load_gold` checks the whole file and reports every
problem at once in one :class:`~kg.errors.GoldError`, one problem a line::

    gold/a.yaml: 2 problems
      facts[3].o: unknown entity 'putn'; known: biden, finland, putin
      entities.nato.wikidata: 'NATO' is not a Wikidata id (Q followed by digits) or null
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from kg.errors import GoldError
from kg.ingest import read_text_file
from kg.model import Article
from kg.namespaces import RELATIONS

__all__ = [
    "ENTITY_TYPES",
    "MODALITIES",
    "POLARITIES",
    "PREDICATES",
    "GoldEntity",
    "GoldFact",
    "GoldFile",
    "gold_article",
    "load_gold",
]

#: The relation properties of the kg ontology: the predicates a fact may use.
PREDICATES: tuple[str, ...] = tuple(sorted(RELATIONS))
ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Place", "Event", "Other")
POLARITIES: tuple[str, ...] = ("positive", "negative")
MODALITIES: tuple[str, ...] = ("asserted", "possible", "planned")

_TOP_KEYS = ("text", "language", "date", "predicates", "entities", "facts")
_REQUIRED_TOP_KEYS = ("text", "language", "predicates", "entities")
_ENTITY_KEYS = ("name", "type", "wikidata", "aliases")
_FACT_KEYS = (
    "s",
    "p",
    "o",
    "value",
    "quote",
    "polarity",
    "modality",
    "place",
    "time",
    "of",
    "source",
)
_ENTITY_REFS = ("s", "o", "place", "of", "source")
_QID = re.compile(r"Q[1-9][0-9]*")
_TIME = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """An entity the article names.

    Attributes:
        id: the local id used by facts (``putin``).
        name: the name as written in the article.
        type: Person, Organization, Place, Event or Other.
        wikidata: the Wikidata id, or None for an entity with no item (NIL).
        link_scored: False when the file gives no ``wikidata`` key, so that
            linking is not scored for this entity.
        aliases: other ways the text names it.
    """

    id: str
    name: str
    type: str
    wikidata: str | None = None
    link_scored: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldFact:
    """A fact the article states.

    Attributes:
        s: the subject entity id.
        p: the predicate (local name of a ``kg:`` property).
        o: the object entity id, for entity-valued predicates.
        value: the literal object (the role for ``holdsPosition``).
        quote: the quoted or reported words (for ``said``).
        polarity: ``positive`` or ``negative``.
        modality: ``asserted``, ``possible`` or ``planned``; None when the
            file does not say (the fact is then asserted, but the qualifier
            is not scored).
        place, of, source: entity ids of the qualifiers, when given.
        time: a year or an ISO date, when given.
    """

    s: str
    p: str
    o: str | None = None
    value: str | None = None
    quote: str | None = None
    polarity: str = "positive"
    modality: str | None = None
    place: str | None = None
    time: str | None = None
    of: str | None = None
    source: str | None = None

    @property
    def literal(self) -> str | None:
        """The literal object: the value or the quote."""
        return self.value if self.value is not None else self.quote


@dataclass(frozen=True, slots=True)
class GoldFile:
    """One validated gold file.

    Attributes:
        path: the YAML file.
        text: the article's text file, resolved relative to ``path``.
        language: the article's ISO 639-1 language code.
        date: the publication date (ISO 8601), when given.
        predicates: the predicates whose facts are listed exhaustively.
        entities: the entities by local id, in file order.
        facts: the facts, in file order.
    """

    path: Path
    text: Path
    language: str
    predicates: tuple[str, ...]
    entities: dict[str, GoldEntity]
    facts: tuple[GoldFact, ...]
    date: str | None = None


def load_gold(path: Path) -> GoldFile:
    """Read and validate one gold annotation file.

    Args:
        path: the YAML file.

    Returns:
        The validated file, with the text path resolved relative to it.

    Raises:
        GoldError: the file cannot be read, is not YAML, or does not
            validate; the message lists every problem found.
    """
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GoldError(f"{path}: gold file not found", str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}", str(path)) from exc
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise GoldError(f"{path}:{where}: not valid YAML: {problem}", str(path)) from exc
    checker = _Checker(path)
    gold = checker.check(data)
    if checker.problems:
        count = len(checker.problems)
        lines = [f"{path}: {count} problem{'s' if count > 1 else ''}"]
        lines += [f"  {problem}" for problem in checker.problems]
        raise GoldError("\n".join(lines), str(path))
    assert gold is not None
    return gold


def gold_article(gold: GoldFile) -> Article:
    """Read the article a gold file annotates, with the file's language and date.

    Args:
        gold: a validated gold file.

    Returns:
        The article; its id is the text file's name without extension.

    Raises:
        InputError: the text file cannot be read.
    """
    article = read_text_file(gold.text, language=gold.language)
    return replace(article, date=gold.date) if gold.date else article


class _Checker:
    """Collects every problem of one file while building its records."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def check(self, data: Any) -> GoldFile | None:
        if not isinstance(data, dict):
            self.add("file", f"expected a mapping with keys {', '.join(_TOP_KEYS)}")
            return None
        self._unknown_keys("file", data, _TOP_KEYS)
        for key in _REQUIRED_TOP_KEYS:
            if key not in data:
                self.add(key, "missing")
        text = self._text(data.get("text"))
        language = self._string("language", data.get("language"), "fr")
        date = self._time("date", data["date"]) if data.get("date") is not None else None
        predicates = self._predicates(data.get("predicates"))
        entities = self._entities(data.get("entities"))
        facts = self._facts(data.get("facts"), entities)
        return GoldFile(
            path=self.path,
            text=text,
            language=language,
            predicates=predicates,
            entities=entities,
            facts=facts,
            date=date,
        )

    def _unknown_keys(self, where: str, mapping: dict, known: tuple[str, ...]) -> None:
        for key in mapping:
            if key not in known:
                self.add(where, f"unknown field {key!r}; known: {', '.join(known)}")

    def _string(self, where: str, value: Any, default: str = "") -> str:
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.add(where, f"expected text, got {type(value).__name__}")
            return default
        text = str(value).strip()
        if not text:
            self.add(where, "empty")
        return text

    def _text(self, value: Any) -> Path:
        if value is None:
            return self.path.parent
        relative = self._string("text", value)
        text = (self.path.parent / relative).resolve()
        if relative and not text.is_file():
            self.add("text", f"article file {relative!r} not found (looked for {text})")
        return text

    def _time(self, where: str, value: Any) -> str | None:
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = str(value).strip()
        if isinstance(value, bool) or not _TIME.fullmatch(text):
            self.add(where, f"{value!r} is not a year or an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
            return None
        return text

    def _choice(self, where: str, value: Any, choices: tuple[str, ...], what: str) -> str | None:
        if value in choices:
            return value
        self.add(where, f"unknown {what} {value!r}; known: {', '.join(choices)}")
        return None

    def _predicates(self, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.add("predicates", "expected a list of predicates")
            return ()
        found = []
        for index, item in enumerate(value):
            if self._choice(f"predicates[{index}]", item, PREDICATES, "predicate"):
                found.append(item)
        return tuple(found)

    def _entities(self, value: Any) -> dict[str, GoldEntity]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add("entities", "expected a mapping of entity id to entity")
            return {}
        entities = {}
        for key, body in value.items():
            entity = self._entity(f"entities.{key}", str(key), body)
            if entity is not None:
                entities[str(key)] = entity
        return entities

    def _entity(self, where: str, key: str, body: Any) -> GoldEntity | None:
        if not isinstance(body, dict):
            self.add(where, "expected a mapping with keys name, type, wikidata, aliases")
            return None
        self._unknown_keys(where, body, _ENTITY_KEYS)
        if "name" not in body:
            self.add(f"{where}.name", "missing")
        name = self._string(f"{where}.name", body.get("name"))
        if "type" not in body:
            self.add(f"{where}.type", f"missing; known: {', '.join(ENTITY_TYPES)}")
            kind = "Other"
        else:
            kind = self._choice(f"{where}.type", body["type"], ENTITY_TYPES, "type") or "Other"
        wikidata = body.get("wikidata")
        if wikidata is not None and not (isinstance(wikidata, str) and _QID.fullmatch(wikidata)):
            self.add(
                f"{where}.wikidata",
                f"{wikidata!r} is not a Wikidata id (Q followed by digits) or null",
            )
            wikidata = None
        aliases = body.get("aliases") or []
        if not isinstance(aliases, list):
            self.add(f"{where}.aliases", "expected a list of names")
            aliases = []
        names = tuple(
            self._string(f"{where}.aliases[{index}]", alias) for index, alias in enumerate(aliases)
        )
        return GoldEntity(
            id=key,
            name=name,
            type=kind,
            wikidata=wikidata,
            link_scored="wikidata" in body,
            aliases=tuple(alias for alias in names if alias),
        )

    def _facts(self, value: Any, entities: dict[str, GoldEntity]) -> tuple[GoldFact, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.add("facts", "expected a list of facts")
            return ()
        facts = []
        for index, body in enumerate(value):
            fact = self._fact(f"facts[{index}]", body, entities)
            if fact is not None:
                facts.append(fact)
        return tuple(facts)

    def _fact(self, where: str, body: Any, entities: dict[str, GoldEntity]) -> GoldFact | None:
        if not isinstance(body, dict):
            self.add(where, "expected a mapping such as {s: ..., p: ..., o: ...}")
            return None
        before = len(self.problems)
        self._unknown_keys(where, body, _FACT_KEYS)
        for key in ("s", "p"):
            if key not in body:
                self.add(f"{where}.{key}", "missing")
        if not any(body.get(key) is not None for key in ("o", "value", "quote")):
            self.add(where, "needs an object: one of o, value, quote")
        known = ", ".join(sorted(entities)) or "(none)"
        for key in _ENTITY_REFS:
            ref = body.get(key)
            if ref is not None and str(ref) not in entities:
                self.add(f"{where}.{key}", f"unknown entity {str(ref)!r}; known: {known}")
        if "p" in body:
            self._choice(f"{where}.p", body["p"], PREDICATES, "predicate")
        polarity = body.get("polarity", "positive")
        self._choice(f"{where}.polarity", polarity, POLARITIES, "polarity")
        modality = body.get("modality")
        if modality is not None:
            self._choice(f"{where}.modality", modality, MODALITIES, "modality")
        time = self._time(f"{where}.time", body["time"]) if body.get("time") is not None else None
        literals = {
            key: self._string(f"{where}.{key}", body[key])
            for key in ("value", "quote")
            if body.get(key) is not None
        }
        if len(self.problems) > before:
            return None
        refs = {key: str(body[key]) for key in _ENTITY_REFS if body.get(key) is not None}
        return GoldFact(
            p=body["p"],
            polarity=polarity,
            modality=modality,
            time=time,
            value=literals.get("value"),
            quote=literals.get("quote"),
            **refs,
        )
