"""Stored SPARQL queries: read their headers, bind parameters as terms.

A stored query is a ``.rq`` file whose leading ``#+`` comment lines are YAML
in the grlc style::

    #+ summary: Who speaks for whom
    #+ description: Spokesperson facts, with the role and the article.
    #+ tags:
    #+   - people
    #+ defaults:
    #+   - person: Peskov

A variable named ``?_name`` is a literal parameter ``name``; ``?_name_iri`` is
an IRI parameter ``name``; ``?_name_entity`` is an entity parameter ``name``,
which the user gives as an entity IRI, a Wikidata id (``Q7747``: the entities
``owl:sameAs`` that item) or a piece of a name (``helene``: the entities one of
whose labels or aliases contains it, whatever the case and the accents, see
:mod:`kg.folding`). Values become RDF terms (a plain literal, or an IRI
checked for forbidden characters) and are never spliced into the query as raw
text: rdflib gets them as ``initBindings``; the pyoxigraph store and remote
endpoints get a ``VALUES`` block, placed first in the outermost ``WHERE``
group so that filters there see the value, whose terms rdflib writes with
escaping (Oxigraph's ``substitutions`` only accepts projected variables, so
it cannot bind a parameter used only in a pattern or filter). An entity given
by name or Wikidata id is first looked for by a query of its own
(:func:`kg.folding.entity_search`) on the same engine, and the entities found
are bound as a VALUES block: joining a sub-query instead made rdflib evaluate
the rest of the query unbound (minutes on a thousand articles).

Every engine reads the union of all graphs as the default graph (Virtuoso does
so without being asked); queries that count use ``GRAPH ?g`` or ``DISTINCT``
so that a triple repeated in two article graphs counts the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rdflib
import yaml
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError

__all__ = [
    "QUERY_TYPES",
    "Parameter",
    "QueryLibrary",
    "StoredQuery",
    "default_query_dir",
]

QUERY_TYPES = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_PARAM = re.compile(r"[?$](_[A-Za-z][A-Za-z0-9]*?(?:_iri|_entity)?)\b")
_COMMENT_OR_STRING = re.compile(r"#[^\n]*|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\s]*$")
_SUFFIXES = {"_iri": "iri", "_entity": "entity"}


#: A bound parameter: one RDF term, or the entities found for a name.
Bound = rdflib.term.Identifier | tuple[rdflib.URIRef, ...]


@dataclass(frozen=True, slots=True)
class Parameter:
    """A query parameter taken from a ``?_name`` or ``?_name_iri`` variable.

    Attributes:
        name: the name users pass (``person`` for ``?_person`` or ``?_person_iri``).
        variable: the SPARQL variable without ``?``.
        kind: ``literal``, ``iri`` or ``entity``.
        default: the value from the ``defaults`` header, or None (then required).
    """

    name: str
    variable: str
    kind: str
    default: str | None = None

    def term(self, value: str, query: str) -> rdflib.term.Identifier:
        """Return ``value`` as the RDF term this parameter stands for.

        An entity parameter given a name or a Wikidata id keeps it as a
        literal, which :meth:`StoredQuery.with_values` turns into a search.
        """
        if self.kind == "literal":
            return rdflib.Literal(value)
        if self.kind == "entity" and not _IRI.match(value):
            if not value.strip():
                raise QueryError(
                    f"query {query!r}: parameter {self.name!r} needs a name, "
                    "a Wikidata id or an IRI, got nothing",
                    query,
                )
            return rdflib.Literal(value.strip())
        if not _IRI.match(value):
            raise QueryError(
                f"query {query!r}: parameter {self.name!r} needs an absolute IRI, got {value!r}",
                query,
            )
        return rdflib.URIRef(value)


@dataclass(frozen=True, slots=True)
class StoredQuery:
    """A SPARQL query read from a ``.rq`` file, with its grlc-style header."""

    name: str
    text: str
    type: str
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    defaults: dict[str, str] = field(default_factory=dict)
    parameters: tuple[Parameter, ...] = ()
    path: Path | None = None

    @classmethod
    def from_file(cls, path: Path) -> StoredQuery:
        """Read and check a ``.rq`` file.

        Raises:
            QueryError: the file is unreadable, its header is not YAML, or the
                query does not parse.
        """
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file {path}: {exc}", str(path)) from exc
        return cls.parse(text, name=Path(path).stem, path=Path(path))

    @classmethod
    def parse(cls, text: str, name: str = "query", path: Path | None = None) -> StoredQuery:
        """Parse query text with its ``#+`` header.

        Raises:
            QueryError: a bad header or a query that rdflib cannot parse.
        """
        where = str(path) if path else name
        header = "\n".join(
            line.strip()[2:] for line in text.splitlines() if line.strip().startswith("#+")
        )
        try:
            meta = yaml.safe_load(header) if header.strip() else {}
        except yaml.YAMLError as exc:
            raise QueryError(
                f"query {where}: the #+ header is not valid YAML: {exc}", name
            ) from exc
        if not isinstance(meta, dict):
            raise QueryError(f"query {where}: the #+ header must be 'key: value' lines", name)
        try:
            parsed = prepareQuery(text)
        except Exception as exc:  # rdflib raises pyparsing and plain exceptions alike
            raise QueryError(f"query {where} does not parse: {exc}", name) from exc
        qtype = _query_type(parsed.algebra.name)
        defaults = _defaults(meta.get("defaults"), where, name)
        params: dict[str, Parameter] = {}
        for variable in _PARAM.findall(_strip(text)):
            suffix = next((x for x in _SUFFIXES if variable.endswith(x) and variable != x), "")
            kind = _SUFFIXES.get(suffix, "literal")
            pname = variable[1 : len(variable) - len(suffix)]
            params.setdefault(pname, Parameter(pname, variable, kind, defaults.get(pname)))
        unknown = sorted(set(defaults) - set(params))
        if unknown:
            raise QueryError(
                f"query {where}: defaults for unknown parameters {unknown}; "
                f"parameters: {sorted(params) or 'none'}",
                name,
            )
        tags = meta.get("tags") or ()
        return cls(
            name=name,
            text=text,
            type=qtype,
            summary=str(meta.get("summary") or "").strip(),
            description=str(meta.get("description") or "").strip(),
            tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (str(tags),),
            defaults=defaults,
            parameters=tuple(params.values()),
            path=path,
        )

    def bind(self, params: Mapping[str, str] | None = None) -> dict[str, rdflib.term.Identifier]:
        """Check ``params`` and return variable -> RDF term, defaults filled in.

        Args:
            params: parameter name -> value as given by the user (``person``
                or the variable spelling ``_person``/``_person_iri``).

        Raises:
            QueryError: an unknown parameter or a missing required one.
        """
        by_name = {p.name: p for p in self.parameters}
        valid = ", ".join(f"{p.name} ({p.kind})" for p in self.parameters) or "none"
        given: dict[str, str] = {}
        for key, value in (params or {}).items():
            param = by_name.get(key) or next(
                (p for p in self.parameters if p.variable == key), None
            )
            if param is None:
                raise QueryError(
                    f"query {self.name!r} has no parameter {key!r}; parameters: {valid}",
                    self.name,
                )
            given[param.name] = value
        bound: dict[str, rdflib.term.Identifier] = {}
        for param in self.parameters:
            value = given.get(param.name, param.default)
            if value is None:
                raise QueryError(
                    f"query {self.name!r} needs parameter {param.name!r} "
                    f"(--param {param.name}=...); parameters: {valid}",
                    self.name,
                )
            bound[param.variable] = param.term(value, self.name)
        return bound

    def with_values(self, bound: Mapping[str, Bound], *, terms: bool = True) -> str:
        """The query text with ``bound`` placed first in WHERE.

        Args:
            bound: what :meth:`bind` returned, entity parameters given by name
                or Wikidata id replaced by the entities found (see
                :func:`run_query`); each becomes its own VALUES block.
            terms: also write the single terms as a VALUES row (False when the
                engine takes them apart, as rdflib's ``initBindings``).

        Raises:
            QueryError: no ``WHERE {`` to bind in, or an entity still given by name.
        """
        for variable in self.searches(bound):
            raise QueryError(
                f"query {self.name!r}: find the entities of ?{variable} first (run_query does)",
                self.name,
            )
        found = {v: t for v, t in bound.items() if isinstance(t, tuple)}
        values = {v: t for v, t in bound.items() if not isinstance(t, tuple)} if terms else {}
        if not values and not found:
            return self.text
        match = re.search(r"\bWHERE\s*\{", _strip(self.text), re.IGNORECASE)
        if match is None:
            raise QueryError(
                f"query {self.name!r} takes parameters but has no 'WHERE {{' to bind them in",
                self.name,
            )
        block = "".join(
            f"\n  VALUES ?{v} {{ {' '.join(t.n3() for t in items)} }}" for v, items in found.items()
        )
        if values:
            names = " ".join(f"?{v}" for v in values)
            block += f"\n  VALUES ({names}) {{ ({' '.join(t.n3() for t in values.values())}) }}"
        return self.text[: match.end()] + block + "\n" + self.text[match.end() :]

    def searches(self, bound: Mapping[str, Bound]) -> dict[str, str]:
        """The entity parameters of ``bound`` given as a name or a Wikidata id, by variable."""
        kinds = {p.variable: p.kind for p in self.parameters}
        return {
            v: str(t)
            for v, t in bound.items()
            if kinds.get(v) == "entity" and isinstance(t, rdflib.Literal)
        }


def _strip(text: str) -> str:
    """Blank out comments, strings and IRIs, keeping offsets, to search the syntax."""
    return _COMMENT_OR_STRING.sub(lambda m: " " * len(m.group(0)), text)


def _query_type(algebra_name: str) -> str:
    for qtype in QUERY_TYPES:
        if algebra_name.upper().startswith(qtype):
            return qtype
    return "SELECT"


def _defaults(raw: Any, where: str, name: str) -> dict[str, str]:
    """Accept grlc's list of one-key maps, or a plain map."""
    if raw is None:
        return {}
    items: list[Any] = raw if isinstance(raw, list) else [raw]
    out: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            raise QueryError(f"query {where}: defaults must be 'name: value' entries", name)
        out.update({_plain_name(str(k)): str(v) for k, v in item.items()})
    return out


def _plain_name(key: str) -> str:
    """``_person_entity`` or ``person`` -> ``person``."""
    key = key.removeprefix("_")
    for suffix in _SUFFIXES:
        key = key.removesuffix(suffix)
    return key


def default_query_dir() -> Path:
    """The ``queries/`` directory shipped beside the package."""
    import importlib.resources

    packaged = importlib.resources.files("kg") / "queries"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "queries"


class QueryLibrary:
    """The stored queries of a directory (``*.rq``), by name (the file stem).

    Args:
        directory: where the ``.rq`` files are; defaults to :func:`default_query_dir`.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_query_dir()
        if not self.directory.is_dir():
            raise QueryError(f"no query directory at {self.directory}")

    def names(self) -> list[str]:
        """The query names, sorted."""
        return sorted(p.stem for p in self.directory.glob("*.rq"))

    def __iter__(self) -> Iterator[StoredQuery]:
        return (self.get(name) for name in self.names())

    def get(self, name_or_path: str | Path) -> StoredQuery:
        """Load a query by name, or from a path to a ``.rq`` file.

        Raises:
            QueryError: no such query (the message lists the known ones).
        """
        candidate = Path(name_or_path)
        if candidate.suffix == ".rq" and candidate.is_file():
            return StoredQuery.from_file(candidate)
        path = self.directory / f"{name_or_path}.rq"
        if not path.is_file():
            raise QueryError(
                f"no stored query {str(name_or_path)!r} in {self.directory}; "
                f"known: {', '.join(self.names()) or 'none'}",
                str(name_or_path),
            )
        return StoredQuery.from_file(path)
