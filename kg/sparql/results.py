"""Query answers in one shape whatever engine ran them, and as text for people and scripts.

CSV, TSV and JSON carry every value whole. The table is for a person at a
terminal: an entity column ``?x`` and its label column ``?xLabel`` (the
convention of the Wikidata Query Service) become one column showing the
label with the Wikidata id beside it, terms of the kg ontology lose their
prefix, and long values (quotes, sentences) wrap to the width given instead
of being cut. When the rows do not fit the width side by side, each row
becomes a block: its first value on a line, the others indented under it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import rdflib
from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table

from kg.errors import QueryError
from kg.graph import DEFAULT_BASE
from kg.namespaces import KG, OWL, RDFS, WD
from kg.rdf.formats import get_format

__all__ = ["RESULT_FORMATS", "QueryResult", "field_grid", "format_result", "short_term"]


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


#: Output formats by query type.
RESULT_FORMATS = {
    "SELECT": ("table", "csv", "tsv", "json"),
    "ASK": ("table", "csv", "tsv", "json"),
    "CONSTRUCT": ("ttl", "nt", "jsonld"),
    "DESCRIBE": ("ttl", "nt", "jsonld"),
}
#: How terms are shortened in tables: the ontology's terms bare, then prefixes.
_SHORT = (
    ("", str(KG)),
    ("ex:", DEFAULT_BASE),
    ("wd:", str(WD)),
    ("owl:", str(OWL)),
    ("rdfs:", str(RDFS)),
)
_WIKIDATA_ID = re.compile(r"/(Q[1-9][0-9]*)$")


def format_result(result: QueryResult, fmt: str = "table", width: int = 100) -> str:
    """Render a result as text.

    Args:
        result: what :func:`kg.sparql.targets.run_query` returned.
        fmt: ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL JSON results) for
            SELECT and ASK; ``ttl``, ``nt`` or ``jsonld`` for CONSTRUCT/DESCRIBE.
        width: the columns the table may use (other formats ignore it).

    Raises:
        QueryError: the format does not fit the query type.
    """
    valid = RESULT_FORMATS[result.type]
    if fmt not in valid:
        raise QueryError(
            f"format {fmt!r} does not fit a {result.type} query; choose one of: {', '.join(valid)}"
        )
    if result.graph is not None:
        return result.graph.serialize(format=get_format(fmt).rdflib)
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
    return _table(result, width)


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


def short_term(term: rdflib.term.Identifier | None) -> str:
    """A term as a person reads it: a literal's text, an IRI with a short prefix.

    Terms of the kg ontology lose their namespace (``metWith``, ``positive``);
    kg's own data, Wikidata, OWL and RDFS get ``ex:``, ``wd:``, ``owl:`` and
    ``rdfs:``; other IRIs stay whole.
    """
    if term is None:
        return ""
    text = str(term)
    if isinstance(term, rdflib.URIRef):
        for prefix, namespace in _SHORT:
            if text.startswith(namespace):
                return prefix + text[len(namespace) :]
    return text


def _named(term: rdflib.term.Identifier | None, label: rdflib.term.Identifier | None) -> str:
    """An entity as its label, with its Wikidata id beside it when it has one."""
    if label is None:
        return short_term(term)
    match = _WIKIDATA_ID.search(str(term)) if isinstance(term, rdflib.URIRef) else None
    return f"{label} ({match.group(1)})" if match else str(label)


def _columns(names: list[str]) -> list[tuple[str, str | None]]:
    """(shown variable, its label variable or None), an entity and its label as one."""
    shown = []
    for name in names:
        if name.endswith("Label") and name[: -len("Label")] in names:
            continue
        label = f"{name}Label"
        shown.append((name, label if label in names else None))
    return shown


def _table(result: QueryResult, width: int) -> str:
    """A table when its rows fit the width unwrapped; otherwise one block per row."""
    columns = _columns(result.vars)
    cells = [
        [
            _named(row.get(name), row.get(label)) if label else short_term(row.get(name))
            for name, label in columns
        ]
        for row in result.rows
    ]
    names = [name for name, _label in columns]
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in names:
        table.add_column(name, overflow="fold")
    for row in cells:
        table.add_row(*row)
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, markup=False, highlight=False, color_system=None)
    natural = Measurement.get(console, console.options.update_width(10_000), table).maximum
    if natural <= width or not cells:
        console.print(table)
    else:
        for row in cells:
            console.print(row[0] or "-")
            console.print(Padding(field_grid(zip(names[1:], row[1:], strict=True)), (0, 0, 1, 2)))
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


def field_grid(fields: Iterable[tuple[str, str]]) -> Table:
    """Name and value pairs as two columns, the values wrapped whole; empty ones left out.

    Args:
        fields: (name, value) pairs, in the order to show them.
    """
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in fields:
        if value:
            grid.add_row(name, value)
    return grid
