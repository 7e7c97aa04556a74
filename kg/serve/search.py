"""The home page's data: what the data holds, and entity search as one types.

:class:`NameIndex` is built once when the server starts: every label and
other name of every entity, keyed by :func:`kg.mentions.name_key` (case,
accents and punctuation do not matter) from each word on, so that ``pou``
finds "Vladimir Poutine". A search is a binary search in a sorted list.
"""

from __future__ import annotations

import bisect

from kg.mentions import name_key
from kg.serve.facts import ENTITY_TYPES, Row, local_path, rows
from kg.serve.source import Source
from kg.sparql.store import KG

__all__ = ["NameIndex", "overview"]

_TYPES = " ".join(f"kg:{t}" for t in ENTITY_TYPES)


def overview(source: Source) -> Row:
    """Counts for the home page.

    Returns:
        ``articles``; ``entities`` (type -> count, most first); ``facts``
        (predicate local name -> statements, most first); ``facts_total``.
    """
    articles = rows(source, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }")
    entities = rows(
        source,
        f"SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?t {{ {_TYPES} }} ?e a ?t }} "
        "GROUP BY ?t ORDER BY DESC(?n)",
    )
    facts = rows(
        source,
        "SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement ; rdf:predicate ?p "
        "FILTER(?p != owl:sameAs) } GROUP BY ?p ORDER BY DESC(?n) ?p",
    )
    by_predicate = {r["p"].removeprefix(KG): r["n"] for r in facts}
    return {
        "articles": articles[0]["n"] if articles else 0,
        "entities": {r["t"].removeprefix(KG): r["n"] for r in entities},
        "facts": by_predicate,
        "facts_total": sum(by_predicate.values()),
    }


class NameIndex:
    """Every entity by every word-start of its names, for prefix search.

    Args:
        source: the served data, read once.
    """

    def __init__(self, source: Source) -> None:
        self.entities: dict[str, Row] = {}
        # Types and names are read apart, each DISTINCT: an entity named in many
        # articles has them once in each article's graph.
        for row in rows(
            source, f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {_TYPES} }} ?e a ?t }}"
        ):
            iri, kind = row["e"], row["t"].removeprefix(KG)
            entry = self.entities.setdefault(
                iri, {"iri": iri, "label": "", "type": kind, "path": local_path(iri)}
            )
            if ENTITY_TYPES.index(kind) < ENTITY_TYPES.index(entry["type"]):
                entry["type"] = kind
        keys: set[tuple[str, str]] = set()
        for row in rows(
            source,
            "SELECT DISTINCT ?e ?p ?n WHERE { VALUES ?p { rdfs:label skos:altLabel } ?e ?p ?n }",
        ):
            entry = self.entities.get(row["e"])
            if entry is None:
                continue
            label = row["p"].endswith("#label")
            if label and (not entry["label"] or len(row["n"]) < len(entry["label"])):
                entry["label"] = row["n"]
            words = name_key(row["n"]).split()
            for at in range(len(words)):
                keys.add((" ".join(words[at:]), row["e"]))
        for entry in self.entities.values():
            entry["label"] = entry["label"] or entry["iri"]
        self._keys = sorted(keys)

    def search(self, text: str, limit: int = 20) -> list[Row]:
        """Entities with a name in which a word starts with ``text`` (folded).

        Names that start with ``text`` come first, then shorter labels.

        Returns:
            Up to ``limit`` entities: ``iri``, ``label``, ``type``, ``path``.
        """
        prefix = name_key(text)
        if not prefix:
            return []
        at = bisect.bisect_left(self._keys, (prefix, ""))
        hits: dict[str, bool] = {}
        while at < len(self._keys) and self._keys[at][0].startswith(prefix):
            iri = self._keys[at][1]
            if iri not in hits:
                hits[iri] = name_key(self.entities[iri]["label"]).startswith(prefix)
            at += 1
        ranked = sorted(hits, key=lambda i: (not hits[i], len(self.entities[i]["label"]), i))
        return [self.entities[iri] for iri in ranked[:limit]]
