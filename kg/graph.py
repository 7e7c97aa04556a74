"""Turn extractions into RDF, following ontology/README.md.

Pure: no I/O. Every IRI is derived from the data (see :mod:`kg.iris`), no
blank node is minted, so the same extractions always give the same triples.

Each article becomes one named graph ``ex:graph/{article id}`` holding the
article node (with its original text, which every offset counts in), its
entities, their mentions, one ``kg:Statement`` node per fact (with qualifiers
and provenance), a link statement per Wikidata link, and the plain triple
``subject predicate object`` for facts that are positive and asserted.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.dates import TIME_FORMS, xsd_time_type
from kg.errors import InputError, OntologyError
from kg.iris import (
    DEFAULT_BASE,
    article_iri,
    entity_iri,
    graph_iri,
    link_iri,
    mention_iri,
    statement_iri,
)
from kg.model import Entity, EntityType, Extraction, Fact, Modality, Polarity, Provenance
from kg.namespaces import (
    DCTERMS,
    KG,
    LITERAL_RELATIONS,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RELATIONS,
    SCHEMA,
    SKOS,
    WD,
    XSD,
)

__all__ = [
    "DEFAULT_BASE",
    "add_link_statement",
    "article_graph",
    "article_iri",
    "article_triples",
    "bind_prefixes",
    "build_dataset",
    "confidence_literal",
    "entity_iri",
    "graph_iri",
    "link_iri",
    "mention_iri",
    "statement_iri",
    "time_literal",
]

#: One RDF triple.
Triple = tuple[Node, Node, Node]

_CLASSES = {
    EntityType.PERSON: KG.Person,
    EntityType.ORGANIZATION: KG.Organization,
    EntityType.PLACE: KG.Place,
    EntityType.EVENT: KG.Event,
    EntityType.OTHER: KG.Entity,
}
_POLARITY = {Polarity.POSITIVE: KG.positive, Polarity.NEGATIVE: KG.negative}
_MODALITY = {
    Modality.ASSERTED: KG.asserted,
    Modality.POSSIBLE: KG.possible,
    Modality.PLANNED: KG.planned,
}


@lru_cache(maxsize=4096)
def confidence_literal(confidence: float) -> Literal:
    """An ``xsd:decimal`` rounded to 3 places, in canonical form (``0.9``, ``1.0``)."""
    text = f"{confidence:.3f}".rstrip("0")
    return Literal(Decimal(text + "0" if text.endswith(".") else text))


def time_literal(value: str) -> Literal:
    """Type a time: ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date``.

    Raises:
        ValueError: when the value is none of these (see :mod:`kg.dates`).
    """
    kind = xsd_time_type(value)
    if kind not in ("gYear", "gYearMonth", "date"):
        raise ValueError(
            f"time {value!r} is not a year (2018), a month (2018-05) or an ISO date (2018-05-17)"
        )
    return Literal(value, datatype=XSD[kind])


def bind_prefixes(graph: Graph) -> None:
    """Bind kg's fixed prefixes on a graph or dataset, replacing rdflib's defaults."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True, replace=True)


class _Triples(list):
    """A list of triples with the ``add`` of a Graph: the builders below fill
    either, and a list is several times cheaper when the triples go elsewhere."""

    add = list.append


def article_triples(extraction: Extraction, base: str = DEFAULT_BASE) -> list[Triple]:
    """Every triple of one article, as a list (possibly with repeats).

    See :func:`article_graph`; this is the same content without building an
    rdflib Graph, for writers that serialise or store the triples themselves.
    """
    article = extraction.article
    graph = _Triples()
    art = article_iri(article.id, base)
    _add_article(graph, extraction, art)
    iris = {entity.key: entity_iri(entity, base) for entity in extraction.entities}
    for entity in extraction.entities:
        _add_entity(graph, entity, iris[entity.key], article.language)
        for mention in entity.mentions:
            node = mention_iri(article.id, mention.start, mention.end, base)
            graph.add((node, _TYPE, _MENTION))
            graph.add((node, _REFERS_TO, iris[entity.key]))
            graph.add((node, _ANCHOR, _plain(mention.text)))
            _add_provenance(graph, node, mention.provenance, art)
        if entity.link is not None:
            add_link_statement(
                graph, entity, iris[entity.key], link_iri(article.id, entity, base), art
            )
    for fact in extraction.facts:
        _add_fact(graph, fact, iris, statement_iri(fact, base), art)
    return graph


def article_graph(extraction: Extraction, base: str = DEFAULT_BASE) -> Graph:
    """Build every triple of one article.

    Args:
        extraction: the article, its entities and facts.
        base: the data namespace.

    Returns:
        A graph with the article node (metadata and ``kg:text``), the entities (labels, alternative
        labels, types, ``owl:sameAs``), their mentions, a statement node per
        fact and per Wikidata link, and the plain triple of every direct fact.

    Raises:
        OntologyError: a fact's predicate is not a kg relation.
        ValueError: a fact names an entity key the extraction does not hold,
            or a time that is not a year or an ISO date.
    """
    graph = Graph(identifier=graph_iri(extraction.article.id, base))
    bind_prefixes(graph)
    for triple in article_triples(extraction, base):
        graph.add(triple)
    return graph


def build_dataset(extractions: Iterable[Extraction], base: str = DEFAULT_BASE) -> Dataset:
    """Build a dataset with one named graph per article and an empty default graph.

    Args:
        extractions: what was extracted from each article.
        base: the data namespace.

    Returns:
        The dataset; each article's triples are in ``ex:graph/{article id}``.

    Raises:
        InputError: two extractions share an article id.
        OntologyError, ValueError: see :func:`article_graph`.
    """
    dataset = Dataset()
    bind_prefixes(dataset)
    seen: dict[str, str | None] = {}
    for extraction in extractions:
        article = extraction.article
        if article.id in seen:
            raise InputError(
                f"two articles share the id {article.id!r} ({seen[article.id]} and "
                f"{article.source}); give each article a distinct id",
                path=article.source,
            )
        seen[article.id] = article.source
        built = article_graph(extraction, base)
        named = dataset.graph(built.identifier)
        for triple in built:
            named.add(triple)
    return dataset


def _add_article(graph: Graph, extraction: Extraction, node: URIRef) -> None:
    article = extraction.article
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, DCTERMS.language, Literal(article.language)))
    graph.add((node, KG.sha256, Literal(article.sha256)))
    graph.add((node, KG.length, Literal(len(article.text))))
    graph.add((node, KG.text, Literal(article.text)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title, lang=article.language)))
    if article.date:
        graph.add((node, DCTERMS.date, _date_literal(article.date, article.id)))
    if article.url:
        graph.add((node, SCHEMA.url, URIRef(article.url)))


def _date_literal(value: str, article_id: str) -> Literal:
    """An article date: a year, month, day or date-time (see :mod:`kg.dates`)."""
    kind = xsd_time_type(value)
    if kind is None:
        raise ValueError(
            f"article {article_id!r} has date {value!r}, "
            f"which is not an ISO 8601 date ({TIME_FORMS})"
        )
    return Literal(value, datatype=XSD[kind])


def _add_entity(graph: Graph, entity: Entity, node: URIRef, language: str) -> None:
    graph.add((node, RDF.type, _CLASSES[entity.type]))
    graph.add((node, RDFS.label, Literal(entity.label, lang=language)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, Literal(alias, lang=language)))
    if entity.link is not None:
        graph.add((node, OWL.sameAs, WD[entity.link.qid]))


def add_link_statement(
    graph: Graph, entity: Entity, node: URIRef, link: URIRef, art: URIRef
) -> None:
    """Add the statement that records a linked entity's ``owl:sameAs`` (its rule,
    confidence and candidate source), derived from the article ``art``.

    Args:
        graph: where the triples go.
        entity: a linked entity.
        node: the entity's IRI.
        link: the statement's IRI (see :func:`link_iri`).
        art: the article's IRI.
    """
    assert entity.link is not None
    graph.add((link, RDF.type, KG.Statement))
    graph.add((link, RDF.subject, node))
    graph.add((link, RDF.predicate, OWL.sameAs))
    graph.add((link, RDF.object, WD[entity.link.qid]))
    graph.add((link, KG.rule, Literal(entity.link.rule)))
    graph.add((link, KG.confidence, confidence_literal(entity.link.score)))
    graph.add((link, KG.candidateSource, Literal(entity.link.source)))
    graph.add((link, PROV.wasDerivedFrom, art))


# The terms written for every mention and statement, looked up once (an
# attribute of an rdflib namespace is computed on every access).
_SENTENCE, _START, _END, _RULE = KG.sentence, KG.start, KG.end, KG.rule
_CONFIDENCE, _DERIVED_FROM = KG.confidence, PROV.wasDerivedFrom
_TYPE, _MENTION, _REFERS_TO, _ANCHOR = RDF.type, KG.Mention, KG.refersTo, KG.anchor


@lru_cache(maxsize=1 << 13, typed=True)
def _plain(value: str | int) -> Literal:
    """A plain string or integer literal, cached: offsets, rules and names repeat."""
    return Literal(value)


def _add_provenance(graph: Graph, node: URIRef, provenance: Provenance, art: URIRef) -> None:
    graph.add((node, _SENTENCE, _plain(provenance.sentence)))
    graph.add((node, _START, _plain(provenance.start)))
    graph.add((node, _END, _plain(provenance.end)))
    graph.add((node, _RULE, _plain(provenance.rule)))
    graph.add((node, _CONFIDENCE, confidence_literal(provenance.confidence)))
    graph.add((node, _DERIVED_FROM, art))


def _add_fact(graph: Graph, fact: Fact, iris: dict[str, URIRef], node: URIRef, art: URIRef) -> None:
    if fact.predicate not in RELATIONS:
        raise OntologyError(
            f"unknown predicate {fact.predicate!r} in a fact of article "
            f"{fact.provenance.article_id!r} (rule {fact.provenance.rule}); "
            f"known: {', '.join(sorted(RELATIONS))}"
        )
    predicate = KG[fact.predicate]

    def entity(key: str, field: str) -> URIRef:
        if key not in iris:
            raise ValueError(
                f"fact {fact.predicate} of article {fact.provenance.article_id!r} "
                f"(rule {fact.provenance.rule}) names {field} {key!r}, which is not an "
                f"entity of the article; known: {', '.join(sorted(iris)) or 'none'}"
            )
        return iris[key]

    subject = entity(fact.subject, "subject")
    obj: Node
    if fact.predicate in LITERAL_RELATIONS:
        if fact.value is None:
            raise ValueError(
                f"fact {fact.predicate} of article {fact.provenance.article_id!r} "
                f"(rule {fact.provenance.rule}) has no value"
            )
        obj = Literal(fact.value)
    else:
        if fact.object is None:
            raise ValueError(
                f"fact {fact.predicate} of article {fact.provenance.article_id!r} "
                f"(rule {fact.provenance.rule}) has no object entity"
            )
        obj = entity(fact.object, "object")
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, KG.polarity, _POLARITY[fact.polarity]))
    graph.add((node, KG.modality, _MODALITY[fact.modality]))
    for qualifier, key in ((KG.place, fact.place), (KG.of, fact.of), (KG.source, fact.source)):
        if key is not None:
            graph.add((node, qualifier, entity(key, str(qualifier).rsplit("#", 1)[-1])))
    if fact.time is not None:
        graph.add((node, KG.time, time_literal(fact.time)))
    if fact.role is not None:
        graph.add((node, KG.role, Literal(fact.role)))
    _add_provenance(graph, node, fact.provenance, art)
    if fact.is_direct:
        graph.add((subject, predicate, obj))
