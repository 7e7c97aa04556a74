"""Read statements and labels from the served data, as plain dicts for pages and JSON.

The pages (entity, article, graph) all show facts the same way: a
``kg:Statement`` node with its subject, predicate and object, polarity and
modality, qualifiers (place, of, source, time, role), confidence, rule,
sentence, evidence offsets and article. :func:`statements` reads them for any
set of statement nodes in one query; :func:`labels` names the resources they
point to. IRIs are put into query text only through pyoxigraph's
:class:`~pyoxigraph.NamedNode`, which refuses anything that is not an IRI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox

from kg.graph import DEFAULT_BASE
from kg.namespaces import PREFIXES as NAMESPACE_PREFIXES
from kg.serve.source import Source
from kg.sparql.store import KG
from kg.sparql.targets import solution_rows

__all__ = [
    "BASE",
    "ENTITY_TYPES",
    "Known",
    "PREFIXES",
    "Row",
    "labels",
    "local_path",
    "name_facts",
    "names_of",
    "rows",
    "statements",
    "values",
]

#: The namespace of kg's resources (entities, articles, statements ...).
BASE = DEFAULT_BASE

#: The rdf:type local names an entity may have, most specific first.
ENTITY_TYPES = ("Person", "Organization", "Place", "Event", "Entity")

#: The SPARQL prologue of the pages' queries: every prefix kg binds.
PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in NAMESPACE_PREFIXES.items())

Row = dict[str, Any]

#: Names already known, by IRI (see :func:`names_of`).
Known = Mapping[str, Row] | None

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_FIELDS = {
    f"{_RDF}subject": "subject",
    f"{_RDF}predicate": "predicate",
    f"{_RDF}object": "object",
    f"{KG}polarity": "polarity",
    f"{KG}modality": "modality",
    f"{KG}place": "place",
    f"{KG}of": "of",
    f"{KG}source": "source",
    f"{KG}time": "time",
    f"{KG}role": "role",
    f"{KG}confidence": "confidence",
    f"{KG}rule": "rule",
    f"{KG}sentence": "sentence",
    f"{KG}start": "start",
    f"{KG}end": "end",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "article",
}
_LINKS = ("subject", "object", "place", "of", "source")


def local_path(iri: str) -> str | None:
    """The part of a kg IRI after :data:`BASE` (``entity/wd/Q7747``), or None."""
    return iri[len(BASE) :] if iri.startswith(BASE) else None


def values(variable: str, iris: Iterable[str]) -> str:
    """A ``VALUES ?variable { <iri> ... }`` block; each IRI is checked by pyoxigraph."""
    return f"VALUES ?{variable} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def rows(source: Source, sparql: str) -> list[Row]:
    """Run a SELECT on the union of all graphs; each row maps a variable to a Python value.

    IRIs and strings become ``str``, integers ``int``, decimals ``float``;
    unbound variables are absent.
    """
    return solution_rows(source.query(PREFIXES + sparql, union=True), _python)


def _python(term: Any) -> Any:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value.rsplit("#", 1)[-1]
        if datatype in ("integer", "int", "long"):
            return int(term.value)
        if datatype in ("decimal", "double", "float"):
            return float(term.value)
    return term.value


def statements(source: Source, iris: Iterable[str]) -> list[Row]:
    """The statements ``iris``, each a dict of its fields, ordered as given.

    Fields: ``iri``, ``subject``, ``predicate`` (local name), ``object``,
    ``polarity``/``modality`` (local names), ``place``, ``of``, ``source``,
    ``time``, ``role``, ``confidence``, ``rule``, ``sentence``, ``start``,
    ``end``, ``article``, and ``literal`` (True when the object is a value,
    not a resource). Absent fields are left out.
    """
    order = list(dict.fromkeys(iris))
    if not order:
        return []
    found: dict[str, Row] = {iri: {"iri": iri} for iri in order}
    sparql = f"SELECT ?s ?p ?o (isIRI(?o) AS ?r) WHERE {{ {values('s', order)} ?s ?p ?o }}"
    for row in rows(source, sparql):
        field = _FIELDS.get(row["p"])
        if field is None:
            continue
        value = row["o"]
        if field in ("predicate", "polarity", "modality"):
            value = value.rsplit("#", 1)[-1]
        if field == "object":
            found[row["s"]]["literal"] = row.get("r") != "true"
        found[row["s"]][field] = value
    return [found[iri] for iri in order]


def labels(source: Source, facts: Iterable[Row], known: Known = None) -> dict[str, Row]:
    """Label and type of every resource the facts point to: IRI -> {label, type, path}."""
    iris = {f[k] for f in facts for k in _LINKS if k in f and not (k == "object" and f["literal"])}
    return names_of(source, iris, known)


def name_facts(source: Source, facts: list[Row], known: Known = None) -> dict[str, Row]:
    """Give the facts' qualifiers (place, of, source) names, and their article a page path.

    Returns:
        The names of every resource the facts point to (see :func:`labels`).
    """
    names = labels(source, facts, known)
    for fact in facts:
        for key in ("place", "of", "source"):
            if key in fact:
                fact[key] = names[fact[key]]
        fact["article_path"] = local_path(fact.get("article", ""))
    return names


def names_of(source: Source, iris: Iterable[str], known: Known = None) -> dict[str, Row]:
    """Label, type and page path of each IRI (the IRI itself when it has no label).

    Args:
        source: the served data.
        iris: the resources to name.
        known: names already read (IRI -> a row with ``label``, ``type``,
            ``path``), such as the search index's; only the others are queried.
    """
    known = known or {}
    out = {
        iri: {key: known[iri][key] for key in ("label", "type", "path")}
        for iri in set(iris)
        if iri in known
    }
    wanted = sorted(set(iris) - set(out))
    out |= {iri: {"label": iri, "type": "Entity", "path": local_path(iri)} for iri in wanted}
    if not wanted:
        return out
    # One branch a property, each DISTINCT: an entity named in many articles has
    # its label and type once in each article's graph, and joining label with
    # type would pair every copy with every other.
    sparql = (
        f"SELECT DISTINCT ?x ?k ?v WHERE {{ {values('x', wanted)} "
        '{ ?x rdfs:label ?v BIND("label" AS ?k) } UNION { ?x a ?v BIND("type" AS ?k) } }'
    )
    for row in rows(source, sparql):
        entry = out[row["x"]]
        if row["k"] == "label":
            if entry["label"] == row["x"] or len(row["v"]) < len(entry["label"]):
                entry["label"] = row["v"]
            continue
        kind = row["v"].rsplit("#", 1)[-1]
        if kind in ENTITY_TYPES and ENTITY_TYPES.index(kind) < ENTITY_TYPES.index(entry["type"]):
            entry["type"] = kind
    return out
