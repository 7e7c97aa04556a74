"""The data of the graph picture: an entity's neighbourhood as nodes and edges.

Edges come from statement nodes, not from the plain triples, so that denied
(``kg:negative``) and not-asserted (``kg:possible``, ``kg:planned``) facts,
which have no plain triple, are drawn too. Statements with the same ends,
predicate, polarity and modality become one edge with a count.
"""

from __future__ import annotations

from collections import Counter

from kg.serve.facts import Known, Row, local_path, names_of, rows, values
from kg.serve.source import Source

__all__ = ["neighbourhood"]

#: At most this many statements are read per hop.
STATEMENT_LIMIT = 5000


def neighbourhood(
    source: Source, iri: str, hops: int = 1, limit: int = 40, known: Known = None
) -> Row:
    """The entity, its neighbours up to ``hops`` away, and the edges between them.

    Args:
        source: the served data.
        iri: the entity in the middle.
        hops: 1 or 2.
        limit: at most this many nodes; the neighbours with the most
            statements are kept.
        known: names already read (see :func:`kg.serve.facts.names_of`).

    Returns:
        Cytoscape.js elements: ``nodes`` (``data``: ``id``, ``label``,
        ``type``, ``path``, ``center``) and ``edges`` (``data``: ``id``,
        ``source``, ``target``, ``predicate``, ``polarity``, ``modality``,
        ``count``, ``statement``: one of its statements, ``statement_path``),
        and ``truncated``: whether neighbours were left out.
    """
    kept = {iri}
    frontier = [iri]
    edges: dict[tuple[str, str, str, str, str], list[str]] = {}
    truncated = False
    for _ in range(max(1, min(hops, 2))):
        found = _statements_around(source, frontier)
        weight: Counter[str] = Counter()
        for row in found:
            key = (row["x"], row["y"], row["p"], row.get("pol", ""), row.get("mod", ""))
            edges.setdefault(key, []).append(row["s"])
            for end in (row["x"], row["y"]):
                if end not in kept:
                    weight[end] += 1
        room = max(0, limit - len(kept))
        chosen = [node for node, _ in weight.most_common(room)]
        truncated = truncated or len(weight) > room or len(found) >= STATEMENT_LIMIT
        kept.update(chosen)
        frontier = chosen
        if not frontier:
            break
    names = names_of(source, kept, known)
    nodes = [{"data": {"id": node, **names[node], "center": node == iri}} for node in sorted(kept)]
    drawn = []
    for number, ((x, y, p, pol, mod), found) in enumerate(sorted(edges.items())):
        if x in kept and y in kept:
            data = {
                "id": f"e{number}",
                "source": x,
                "target": y,
                "predicate": p.rsplit("#", 1)[-1],
                "polarity": pol.rsplit("#", 1)[-1],
                "modality": mod.rsplit("#", 1)[-1],
                "count": len(found),
                "statement": found[0],
                "statement_path": local_path(found[0]),
            }
            drawn.append({"data": data})
    return {"nodes": nodes, "edges": drawn, "truncated": truncated}


def _statements_around(source: Source, frontier: list[str]) -> list[Row]:
    """Statements between an entity of ``frontier`` and another resource."""
    return rows(
        source,
        f"SELECT DISTINCT ?s ?x ?y ?p ?pol ?mod WHERE {{ {values('f', frontier)} "
        "{ ?s rdf:subject ?f ; rdf:object ?y BIND(?f AS ?x) } UNION "
        "{ ?s rdf:object ?f ; rdf:subject ?x BIND(?f AS ?y) } "
        "?s rdf:predicate ?p FILTER(?p != owl:sameAs && isIRI(?y)) "
        "OPTIONAL { ?s kg:polarity ?pol } OPTIONAL { ?s kg:modality ?mod } }"
        f" LIMIT {STATEMENT_LIMIT}",
    )
