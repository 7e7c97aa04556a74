"""The IRIs of the nodes kg writes: articles, graphs, entities, mentions, statements.

Pure: every IRI is derived from the data (article ids, entity keys, Wikidata
ids, a hash of a fact's fields), so the same extractions always name the same
nodes, and no blank node is ever minted. The layout under the data namespace
is the one ontology/README.md draws.
"""

from __future__ import annotations

import hashlib
import json
import re

from rdflib import URIRef

from kg.model import Entity, Fact

__all__ = [
    "DEFAULT_BASE",
    "article_iri",
    "entity_iri",
    "graph_iri",
    "link_iri",
    "mention_iri",
    "statement_iri",
]

#: The default namespace of data IRIs (``ex:`` in ontology/README.md).
DEFAULT_BASE = "https://w3id.org/newskg/id/"

_QID = re.compile(r"Q[1-9]\d*")


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an article: ``{base}article/{article_id}``."""
    return URIRef(f"{base}article/{article_id}")


def graph_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an article's named graph: ``{base}graph/{article_id}``."""
    return URIRef(f"{base}graph/{article_id}")


def entity_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an entity.

    Args:
        entity: the entity; its ``key`` is already a slug such as
            ``person/vladimir-poutine``.
        base: the data namespace.

    Returns:
        ``{base}entity/wd/{QID}`` for an entity linked to Wikidata, else
        ``{base}entity/{key}``.

    Raises:
        ValueError: the entity's link is not a Wikidata item id.
    """
    if entity.link is not None:
        return URIRef(f"{base}entity/wd/{_checked_qid(entity.link.qid)}")
    return URIRef(f"{base}entity/{entity.key}")


def mention_iri(article_id: str, start: int, end: int, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a mention: ``{base}mention/{article_id}/{start}-{end}``."""
    return URIRef(f"{base}mention/{article_id}/{start}-{end}")


def link_iri(article_id: str, entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the statement recording an entity's Wikidata link."""
    return URIRef(f"{base}link/{article_id}/{entity.key.replace('/', '-')}")


def statement_iri(fact: Fact, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a fact's statement node: a hash of every field of the fact.

    Returns:
        ``{base}statement/{article_id}/{16 hex digits of a SHA-1}``.
    """
    p = fact.provenance
    fields = [
        fact.subject,
        fact.predicate,
        fact.object,
        fact.value,
        str(fact.polarity),
        str(fact.modality),
        fact.place,
        fact.time,
        fact.of,
        fact.source,
        fact.role,
        [p.article_id, p.start, p.end, p.sentence, p.rule, p.confidence],
    ]
    digest = hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()
    return URIRef(f"{base}statement/{p.article_id}/{digest[:16]}")


def _checked_qid(qid: str) -> str:
    if not _QID.fullmatch(qid):
        raise ValueError(f"{qid!r} is not a Wikidata item id (Q followed by digits)")
    return qid
