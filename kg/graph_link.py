"""Link the entities of a graph kg wrote, and add what Wikidata says of them.

:func:`link_dataset` links the entities a dataset holds without a Wikidata
id, in place: each linked entity gets ``owl:sameAs wd:Q..`` and the same link
statement :mod:`kg.graph` writes at build time. :func:`enrich_dataset` adds
Wikidata facts about the linked items to the named graph
``{base}graph/wikidata``.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.graph import DEFAULT_BASE, add_link_statement, article_iri, link_iri
from kg.link.disambiguate import Linker
from kg.link.wikidata import WikidataFact
from kg.model import Article, Entity, EntityType
from kg.namespaces import KG, OWL, RDF, RDFS, SKOS, WD, XSD

__all__ = ["WIKIDATA_GRAPH", "dataset_base", "enrich_dataset", "link_dataset", "linked_items"]

#: The named graph (under the data base IRI) that Wikidata facts go to.
WIKIDATA_GRAPH = "graph/wikidata"
_WD_PREFIXES = {
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
}
_WD_ITEM = f"{WD}Q"
_GEO_WKT = URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")


def _entities(graph: Graph) -> list[tuple[URIRef, Entity]]:
    """The unlinked entities of one graph, keyed by their IRIs."""
    types = {KG[t.value]: t for t in EntityType if t is not EntityType.OTHER}
    types[KG.Entity] = EntityType.OTHER
    found = []
    for node, cls in sorted(graph.subject_objects(RDF.type)):
        if cls not in types or not isinstance(node, URIRef) or "/entity/" not in str(node):
            continue
        if any(str(o).startswith(WD) for o in graph.objects(node, OWL.sameAs)):
            continue
        labels = sorted(str(o) for o in graph.objects(node, RDFS.label))
        if not labels:
            continue
        aliases = tuple(sorted({str(o) for o in graph.objects(node, SKOS.altLabel)} - {labels[0]}))
        key = str(node).split("/entity/", 1)[1]
        found.append((node, Entity(key=key, type=types[cls], label=labels[0], aliases=aliases)))
    return found


def _article(graph: Graph, article_id: str) -> Article:
    """The article as far as the graph tells: its sentences."""
    text = "\n".join(sorted({str(s) for s in graph.objects(None, KG.sentence)}))
    return Article(id=article_id, text=text, sha256="")


def _article_id(graph: Graph, fallback: str) -> tuple[str, str]:
    """The article id and the data base IRI of a graph."""
    for node in graph.subjects(RDF.type, KG.Article):
        base, _, article_id = str(node).rpartition("article/")
        return article_id, base
    return fallback, DEFAULT_BASE


def link_dataset(dataset: Dataset, linker: Linker, fallback_id: str = "graph") -> list[Entity]:
    """Link every unlinked entity of every graph, in place.

    Each linked entity gets ``owl:sameAs wd:Q..`` and a link statement
    (``ex:link/{article}/{entity}``) in its own graph.

    Args:
        dataset: the graph kg wrote.
        linker: the linker to use.
        fallback_id: the article id of a graph that has no kg:Article.

    Returns:
        The entities linked.
    """
    linked: list[Entity] = []
    for graph in list(dataset.graphs()):
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID and len(graph) == 0:
            continue
        if str(graph.identifier).endswith(WIKIDATA_GRAPH):
            continue
        pairs = _entities(graph)
        if not pairs:
            continue
        article_id, base = _article_id(graph, fallback_id)
        results = linker.link([e for _, e in pairs], _article(graph, article_id))
        article = article_iri(article_id, base)
        for (node, _), entity in zip(pairs, results, strict=True):
            if entity.link is None:
                continue
            statement = link_iri(article_id, entity, base)
            graph.add((node, OWL.sameAs, WD[entity.link.qid]))
            add_link_statement(graph, entity, node, statement, article)
            linked.append(entity)
    return linked


def enrich_dataset(dataset: Dataset, facts: list[WikidataFact], base: str) -> int:
    """Add Wikidata facts to the named graph ``{base}graph/wikidata``.

    Positions held (P39) also get a statement node with their start (P580)
    and end (P582) years, as Wikidata shapes them. Returns the triples added.
    """
    ns = {k: Namespace(v) for k, v in _WD_PREFIXES.items()}
    graph = dataset.graph(URIRef(f"{base}{WIKIDATA_GRAPH}"))
    for prefix, iri in _WD_PREFIXES.items():
        dataset.bind(prefix, iri)
    before = len(graph)
    for fact in facts:
        item = WD[fact.qid]
        if fact.prop == "P625":
            value = Literal(fact.value, datatype=_GEO_WKT)
        else:
            value = WD[fact.value] if fact.is_item else Literal(fact.value)
        graph.add((item, ns["wdt"][fact.prop], value))
        if fact.prop == "P39":
            held = URIRef(f"{base}wikidata/{fact.qid}/P39/{fact.value}")
            graph.add((item, ns["p"]["P39"], held))
            graph.add((held, ns["ps"]["P39"], value))
            for qualifier, when in (("P580", fact.start), ("P582", fact.end)):
                if when:
                    year = when[:4]
                    graph.add((held, ns["pq"][qualifier], Literal(year, datatype=XSD.gYear)))
    return len(graph) - before


def linked_items(dataset: Dataset) -> list[str]:
    """The Wikidata ids (``Q..``) the dataset's entities are ``owl:sameAs``, sorted."""
    same = [str(o) for _, _, o, _ in dataset.quads((None, OWL.sameAs, None, None))]
    return sorted({o.rsplit("/", 1)[1] for o in same if o.startswith(_WD_ITEM)})


def dataset_base(dataset: Dataset) -> str:
    """The data base IRI of a graph kg wrote, read from its article IRIs."""
    for node, _, _, _ in dataset.quads((None, RDF.type, KG.Article, None)):
        return str(node).rpartition("article/")[0]
    return DEFAULT_BASE
