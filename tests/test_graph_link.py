"""Linking a graph kg wrote (the library behind ``kg link``)."""

from __future__ import annotations

from factory import SAMPLE, WD
from rdflib import Dataset, URIRef
from rdflib.namespace import OWL, RDF

from kg.graph import build_dataset
from kg.graph_link import dataset_base, enrich_dataset, link_dataset, linked_items
from kg.ingest import article_from_text
from kg.link.disambiguate import Linker
from kg.pipeline import Pipeline

TEXT = "Emmanuel Macron a reçu Joe Biden à Paris. Les deux présidents ont parlé de l'Ukraine."


def _statements(dataset: Dataset) -> set[tuple]:
    """Every triple about a statement that records an owl:sameAs, but its
    rdf:subject (a linked entity's IRI is its Wikidata id at build time, while
    kg link keeps the IRIs a graph has)."""
    links = {s for s, _, _, _ in dataset.quads((None, RDF.predicate, OWL.sameAs, None))}
    return {
        (s, p, o)
        for s, p, o, _ in dataset.quads((None, None, None, None))
        if s in links and p != RDF.subject
    }


def test_graph_link_writes_the_link_statement_the_build_writes() -> None:
    article = article_from_text(TEXT, "l1")
    built = build_dataset([Pipeline(link=True).extract(article)])
    unlinked = build_dataset([Pipeline(link=False).extract(article)])
    assert not _statements(unlinked)
    linked = link_dataset(unlinked, Linker())
    assert {e.link.qid for e in linked} >= {"Q3052772", "Q6279"}
    assert _statements(unlinked) == _statements(built)


def test_graph_link_leaves_linked_entities_and_enriches_the_items() -> None:
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    first = link_dataset(dataset, Linker())
    assert first and link_dataset(dataset, Linker()) == []
    items = linked_items(dataset)
    assert "Q6279" in items and all(item.startswith("Q") for item in items)
    facts = Linker().catalogue.facts(items)
    base = dataset_base(dataset)
    assert enrich_dataset(dataset, facts, base) > 0
    wikidata = dataset.graph(URIRef(f"{base}graph/wikidata"))
    assert (URIRef(f"{WD}Q6279"), None, None) in wikidata
