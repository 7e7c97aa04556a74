"""The data of an entity page: who or what it is, its facts, the articles naming it."""

from __future__ import annotations

from kg.serve.facts import ENTITY_TYPES, Row, local_path, name_facts, rows, statements, values
from kg.serve.source import Source

__all__ = ["entity_page"]

_WIKIDATA = "http://www.wikidata.org/entity/"


def entity_page(source: Source, iri: str, fact_limit: int = 200) -> Row | None:
    """Everything the entity page shows, or None when ``iri`` is not an entity.

    Args:
        source: the served data.
        iri: the entity's IRI.
        fact_limit: at most this many facts are read (``facts_total`` says how many exist).

    Returns:
        ``iri``, ``path``, ``label``, ``type``, ``names`` (other names),
        ``wikidata`` (ids), ``groups`` (facts by direction and predicate, each
        fact with ``other``: the label, type and path of its other end),
        ``facts_total``, ``articles`` (IRI, path, title, mentions) and
        ``articles_total``.
    """
    this = values("e", [iri])
    about: dict[str, set[str]] = {"type": set(), "label": set(), "alt": set(), "same": set()}
    for row in rows(
        source,
        f"SELECT DISTINCT ?k ?v WHERE {{ {this} "
        '{ ?e a ?v BIND("type" AS ?k) } UNION { ?e rdfs:label ?v BIND("label" AS ?k) } UNION '
        '{ ?e skos:altLabel ?v BIND("alt" AS ?k) } UNION { ?e owl:sameAs ?v BIND("same" AS ?k) } }',
    ):
        about[row["k"]].add(row["v"])
    kinds = [t.rsplit("#", 1)[-1] for t in about["type"]]
    kinds = [k for k in ENTITY_TYPES if k in kinds]
    if not kinds and not about["label"]:
        return None
    label = min(about["label"], key=len) if about["label"] else iri
    facts, total = _facts(source, iri, fact_limit)
    articles, articles_total = _articles(source, iri)
    return {
        "iri": iri,
        "path": local_path(iri),
        "label": label,
        "type": kinds[0] if kinds else "Entity",
        "names": sorted((about["label"] | about["alt"]) - {label}, key=str.casefold),
        "wikidata": sorted(v[len(_WIKIDATA) :] for v in about["same"] if v.startswith(_WIKIDATA)),
        "groups": _groups(facts),
        "facts_total": total,
        "articles": articles,
        "articles_total": articles_total,
    }


def _facts(source: Source, iri: str, limit: int) -> tuple[list[Row], int]:
    this = values("e", [iri])
    where = (
        f'{this} {{ ?s rdf:subject ?e BIND("out" AS ?dir) }} '
        'UNION { ?s rdf:object ?e BIND("in" AS ?dir) }'
    )
    found = rows(source, f"SELECT DISTINCT ?s ?dir WHERE {{ {where} }} LIMIT {int(limit)}")
    total = len(found)
    if total >= limit:
        total = rows(source, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {where} }}")[0]["n"]
    direction = {row["s"]: row["dir"] for row in found}
    facts = statements(source, direction)
    names = name_facts(source, facts)
    for fact in facts:
        fact["direction"] = direction[fact["iri"]]
        end = fact.get("object" if fact["direction"] == "out" else "subject")
        if fact["direction"] == "out" and fact.get("literal"):
            fact["other"] = {"label": end, "type": "value", "path": None}
        else:
            fact["other"] = names.get(end, {"label": end, "type": "Entity", "path": None})
    return facts, total


def _groups(facts: list[Row]) -> list[Row]:
    groups: dict[tuple[str, str], list[Row]] = {}
    for fact in facts:
        groups.setdefault((fact["direction"], fact.get("predicate", "?")), []).append(fact)
    return [
        {
            "direction": direction,
            "predicate": predicate,
            "facts": sorted(items, key=lambda f: (f["other"]["label"], -f.get("confidence", 0))),
        }
        for (direction, predicate), items in sorted(
            groups.items(), key=lambda kv: (kv[0][0] != "out", kv[0][1])
        )
    ]


def _articles(source: Source, iri: str, limit: int = 50) -> tuple[list[Row], int]:
    this = values("e", [iri])
    where = f"{this} ?m kg:refersTo ?e ; prov:wasDerivedFrom ?a ."
    found = rows(
        source,
        f"SELECT ?a (SAMPLE(?t) AS ?title) (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {where} "
        f"OPTIONAL {{ ?a dcterms:title ?t }} }} GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT {limit}",
    )
    total = len(found)
    if total >= limit:
        total = rows(source, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {where} }}")[0]["n"]
    articles = [
        {"iri": r["a"], "path": local_path(r["a"]), "title": r.get("title", ""), "mentions": r["n"]}
        for r in found
    ]
    return articles, total
