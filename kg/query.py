"""Stored SPARQL queries: read their headers, bind parameters as terms, run anywhere.

A stored query is a ``.rq`` file whose leading ``#+`` comment lines are YAML
in the grlc style::

    #+ summary: Who speaks for whom
    #+ description: Spokesperson facts, with the role and the article.
    #+ tags:
    #+   - people
    #+ defaults:
    #+   - person: Peskov

A variable named ``?_name`` is a literal parameter ``name``; ``?_name_iri`` is
an IRI parameter ``name``. Values become RDF terms (a plain literal, or an IRI
checked for forbidden characters) and are never spliced into the query as raw
text: rdflib gets them as ``initBindings``; the pyoxigraph store and remote
endpoints get a ``VALUES`` block, placed first in the outermost ``WHERE``
group so that filters there see the value, whose terms rdflib writes with
escaping (Oxigraph's ``substitutions`` only accepts projected variables, so
it cannot bind a parameter used only in a pattern or filter).

Every engine reads the union of all graphs as the default graph (Virtuoso does
so without being asked); queries that count use ``GRAPH ?g`` or ``DISTINCT``
so that a triple repeated in two article graphs counts the same everywhere.
"""

from __future__ import annotations

import csv
import io
import json
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
    "DEFAULT_GRAPH_NAME",
    "queryable",
    "QUERY_TYPES",
    "Parameter",
    "QueryLibrary",
    "QueryResult",
    "StoredQuery",
    "RESULT_FORMATS",
    "default_query_dir",
    "format_result",
    "oxigraph_result",
    "run_query",
]

QUERY_TYPES = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_PARAM = re.compile(r"[?$](_[A-Za-z][A-Za-z0-9]*?(?:_iri)?)\b")
_COMMENT_OR_STRING = re.compile(r"#[^\n]*|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\s]*$")


@dataclass(frozen=True, slots=True)
class Parameter:
    """A query parameter taken from a ``?_name`` or ``?_name_iri`` variable.

    Attributes:
        name: the name users pass (``person`` for ``?_person`` or ``?_person_iri``).
        variable: the SPARQL variable without ``?``.
        kind: ``literal`` or ``iri``.
        default: the value from the ``defaults`` header, or None (then required).
    """

    name: str
    variable: str
    kind: str
    default: str | None = None

    def term(self, value: str, query: str) -> rdflib.term.Identifier:
        """Return ``value`` as the RDF term this parameter stands for."""
        if self.kind == "literal":
            return rdflib.Literal(value)
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
            kind = "iri" if variable.endswith("_iri") and len(variable) > 4 else "literal"
            pname = variable[1:-4] if kind == "iri" else variable[1:]
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

    def with_values(self, bound: Mapping[str, rdflib.term.Identifier]) -> str:
        """The query text with a VALUES block for ``bound`` as the first thing in WHERE."""
        if not bound:
            return self.text
        match = re.search(r"\bWHERE\s*\{", _strip(self.text), re.IGNORECASE)
        if match is None:
            raise QueryError(
                f"query {self.name!r} takes parameters but has no 'WHERE {{' to bind them in",
                self.name,
            )
        names = " ".join(f"?{v}" for v in bound)
        terms = " ".join(term.n3() for term in bound.values())
        block = f"\n  VALUES ({names}) {{ ({terms}) }}\n"
        return self.text[: match.end()] + block + self.text[match.end() :]


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
        out.update({str(k).removeprefix("_").removesuffix("_iri"): str(v) for k, v in item.items()})
    return out


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


@dataclass(slots=True)
class QueryResult:
    """A query's answer in one shape whatever engine ran it.

    Attributes:
        type: SELECT, ASK, CONSTRUCT or DESCRIBE.
        vars: the projected variables of a SELECT, in order.
        rows: SELECT solutions: variable -> rdflib term (unbound ones absent).
        boolean: the answer of an ASK.
        graph: the triples of a CONSTRUCT or DESCRIBE.
    """

    type: str
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, rdflib.term.Identifier]] = field(default_factory=list)
    boolean: bool | None = None
    graph: rdflib.Graph | None = None


def run_query(
    query: StoredQuery,
    params: Mapping[str, str] | None = None,
    *,
    graph: rdflib.Graph | None = None,
    store: Any = None,
    endpoint: str | None = None,
    timeout: float = 30.0,
    retries: int = 3,
) -> QueryResult:
    """Run a stored query on an rdflib graph, a :class:`kg.store.Store` or an endpoint.

    Args:
        query: the stored query.
        params: parameter values by name.
        graph: an rdflib Graph or Dataset (see :func:`queryable`).
        store: a :class:`kg.store.Store`.
        endpoint: a SPARQL endpoint URL.
        timeout: seconds per request (endpoint only).
        retries: extra attempts after a 5xx or a timeout (endpoint only).

    Raises:
        QueryError: bad parameters, or not exactly one target given.
        StoreError: the store failed.
        EndpointError: the endpoint failed, after the retries.
    """
    targets = [t for t in (graph, store, endpoint) if t is not None]
    if len(targets) != 1:
        raise QueryError(
            f"query {query.name!r}: give exactly one of graph, store or endpoint", query.name
        )
    bound = query.bind(params)
    if graph is not None:
        return _run_rdflib(query, bound, graph)
    if store is not None:
        return _run_store(query, bound, store)
    from kg.remote import query_endpoint

    return query_endpoint(
        endpoint, query.with_values(bound), query.type, timeout=timeout, retries=retries
    )


#: Where triples found outside any named graph are put for stored queries.
DEFAULT_GRAPH_NAME = rdflib.URIRef("urn:x-kg:default-graph")


def queryable(data: rdflib.Graph) -> rdflib.Graph:
    """The data as stored queries expect it: every triple in a named graph.

    The stored queries look inside ``GRAPH ?g`` (one graph per article). A
    plain Graph (a Turtle file: the union of the articles), or the default
    graph of a Dataset, is copied into the named graph
    :data:`DEFAULT_GRAPH_NAME`; a Dataset whose default graph is empty is
    returned as it is, without a copy.
    """
    if isinstance(data, rdflib.Dataset):
        if not len(data.default_graph):
            return data
        out = rdflib.Dataset()
        for s, p, o, g in data.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            if name is None or name == data.default_graph.identifier:
                name = DEFAULT_GRAPH_NAME
            out.graph(name).add((s, p, o))
        return out
    out = rdflib.Dataset()
    named = out.graph(DEFAULT_GRAPH_NAME)
    for triple in data:
        named.add(triple)
    return out


def _run_rdflib(query: StoredQuery, bound: dict, graph: rdflib.Graph) -> QueryResult:
    graph = queryable(graph)
    union = getattr(graph, "default_union", None)
    if isinstance(graph, rdflib.Dataset):
        graph.default_union = True
    try:
        return _collect(query.type, graph.query(query.text, initBindings=bound))
    except Exception as exc:  # rdflib evaluation errors have no common base
        raise QueryError(f"query {query.name!r} failed on the graph: {exc}", query.name) from exc
    finally:
        if isinstance(graph, rdflib.Dataset):
            graph.default_union = union


def _collect(qtype: str, result: Any) -> QueryResult:
    """Read an rdflib result through, while the graph is still set up for it."""
    if qtype == "ASK":
        return QueryResult(qtype, boolean=bool(result.askAnswer))
    if qtype in ("CONSTRUCT", "DESCRIBE"):
        out = rdflib.Graph()
        for triple in result:
            out.add(triple)
        return QueryResult(qtype, graph=out)
    names = [str(v) for v in result.vars or []]
    rows = [{n: v for n, v in zip(names, row, strict=True) if v is not None} for row in result]
    return QueryResult(qtype, vars=names, rows=rows)


def _run_store(query: StoredQuery, bound: dict, store: Any) -> QueryResult:
    # Oxigraph substitutes only projected variables, so a VALUES block binds here.
    return oxigraph_result(query.type, store.query(query.with_values(bound), union=True))


def oxigraph_result(qtype: str, result: Any) -> QueryResult:
    """Read a pyoxigraph answer through into a :class:`QueryResult` of rdflib terms.

    Args:
        qtype: SELECT, ASK, CONSTRUCT or DESCRIBE.
        result: what pyoxigraph's ``Store.query`` returned (or any iterable of
            its solutions with their ``variables``, or of its triples).
    """
    from kg.store import to_rdflib

    if qtype == "ASK":
        return QueryResult(qtype, boolean=bool(result))
    if qtype in ("CONSTRUCT", "DESCRIBE"):
        out = rdflib.Graph()
        for t in result:
            out.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return QueryResult(qtype, graph=out)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = to_rdflib(term)
        rows.append(row)
    return QueryResult(qtype, vars=names, rows=rows)


#: Output formats by query type.
RESULT_FORMATS = {
    "SELECT": ("table", "csv", "tsv", "json"),
    "ASK": ("table", "csv", "tsv", "json"),
    "CONSTRUCT": ("ttl", "nt", "jsonld"),
    "DESCRIBE": ("ttl", "nt", "jsonld"),
}
_RDF = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as text.

    Args:
        result: what :func:`run_query` returned.
        fmt: ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL JSON results) for
            SELECT and ASK; ``ttl``, ``nt`` or ``jsonld`` for CONSTRUCT/DESCRIBE.

    Raises:
        QueryError: the format does not fit the query type.
    """
    valid = RESULT_FORMATS[result.type]
    if fmt not in valid:
        raise QueryError(
            f"format {fmt!r} does not fit a {result.type} query; choose one of: {', '.join(valid)}"
        )
    if result.graph is not None:
        return result.graph.serialize(format=_RDF[fmt])
    if result.type == "ASK":
        return _format_ask(bool(result.boolean), fmt)
    if fmt == "json":
        return json.dumps(
            {
                "head": {"vars": result.vars},
                "results": {
                    "bindings": [{k: _json_term(v) for k, v in row.items()} for row in result.rows]
                },
            },
            ensure_ascii=False,
            indent=1,
        )
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += [
            "\t".join(row[v].n3() if v in row else "" for v in result.vars) for row in result.rows
        ]
        return "\n".join(lines) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.vars)
        writer.writerows([[str(row.get(v, "")) for v in result.vars] for row in result.rows])
        return buffer.getvalue()
    return _table(result.vars, [[_short(row.get(v)) for v in result.vars] for row in result.rows])


def _format_ask(answer: bool, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer})
    return ("true" if answer else "false") + "\n"


def _json_term(term: rdflib.term.Identifier) -> dict[str, str]:
    if isinstance(term, rdflib.URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, rdflib.BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, rdflib.Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, rdflib.Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _short(term: rdflib.term.Identifier | None) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, ns in _SHORT:
        if isinstance(term, rdflib.URIRef) and text.startswith(ns):
            return prefix + text[len(ns) :]
    return text


_SHORT = (
    ("ex:", "https://w3id.org/newskg/id/"),
    ("kg:", "https://w3id.org/newskg/ontology#"),
    ("wd:", "http://www.wikidata.org/entity/"),
    ("owl:", "http://www.w3.org/2002/07/owl#"),
)


def _table(header: list[str], rows: list[list[str]]) -> str:
    cells = [header, *rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
