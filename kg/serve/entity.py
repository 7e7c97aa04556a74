"""The data of an entity page: who or what it is, its facts, the articles naming it."""

from __future__ import annotations

from collections import Counter

from kg.namespaces import WD
from kg.serve.facts import (
    ENTITY_TYPES,
    Known,
    Row,
    local_path,
    name_facts,
    rows,
    statements,
    values,
)
from kg.serve.source import Source

__all__ = ["entity_page"]

_WIKIDATA = str(WD)


def entity_page(source: Source, iri: str, fact_limit: int = 200, known: Known = None) -> Row | None:
    """Everything the entity page shows, or None when ``iri`` is not an entity.

    Args:
        source: the served data.
        iri: the entity's IRI.
        fact_limit: at most this many facts are read (``facts_total`` says how many exist).
        known: names already read (see :func:`kg.serve.facts.names_of`).

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
    facts, total = _facts(source, iri, fact_limit, known)
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


def _facts(source: Source, iri: str, limit: int, known: Known) -> tuple[list[Row], int]:
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
    names = name_facts(source, facts, known)
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
    # Counted here rather than by GROUP BY ... ORDER BY, which took five times
    # as long for an entity named in 2,600 articles.
    mentions = rows(
        source,
        f"SELECT ?a WHERE {{ {values('e', [iri])} ?m kg:refersTo ?e ; prov:wasDerivedFrom ?a }}",
    )
    counts = Counter(row["a"] for row in mentions)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    titles = (
        {
            row["a"]: row["t"]
            for row in rows(
                source,
                f"SELECT ?a ?t WHERE {{ {values('a', [a for a, _ in top])} ?a dcterms:title ?t }}",
            )
        }
        if top
        else {}
    )
    articles = [
        {"iri": a, "path": local_path(a), "title": titles.get(a, ""), "mentions": n} for a, n in top
    ]
    return articles, len(counts)
