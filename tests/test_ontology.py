"""Tests of ontology/kg.ttl and ontology/shapes.ttl."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest
from conftest import require_tool
from factory import ROOT
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import KG, WD, WDT
from kg.rdf.shacl import load_ontology, load_shapes

# The Wikidata alignments written in kg.ttl, with the labels they must carry
# in wikidata/properties-en.json and properties-fr.json.
PROPERTY_LABELS = {
    "P39": ("position held", "fonction"),
    "P463": ("member of", "membre de"),
    "P108": ("employer", "employeur"),
    "P131": ("located in the administrative territorial entity", "localisation administrative"),
    "P276": ("location", "lieu"),
    "P585": ("point in time", "date"),
    "P642": ("of", "de"),
    "P1683": ("quote", "citation"),
}


def _kg_terms(graph: Graph) -> list[URIRef]:
    return sorted({s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(KG))})


def _aligned(graph: Graph, namespace: str) -> set[tuple[URIRef, URIRef, str]]:
    return {
        (s, p, str(o)[len(namespace) :])
        for s, p, o in graph
        if isinstance(o, URIRef) and str(o).startswith(namespace)
    }


def test_ontology_wikidata_property_alignments_are_checked(shared_dir: Path) -> None:
    graph = load_ontology()
    english = json.loads((shared_dir / "wikidata" / "properties-en.json").read_text("utf-8"))
    french = json.loads((shared_dir / "wikidata" / "properties-fr.json").read_text("utf-8"))
    aligned = _aligned(graph, str(WDT))
    assert {pid for _, _, pid in aligned} == set(PROPERTY_LABELS)
    for term, predicate, pid in sorted(aligned):
        assert predicate in (OWL.equivalentProperty, SKOS.closeMatch), f"{term} {predicate}"
        assert english.get(pid) == PROPERTY_LABELS[pid][0], f"{term} -> wdt:{pid}"
        assert french.get(pid) == PROPERTY_LABELS[pid][1], f"{term} -> wdt:{pid}"


def test_ontology_wikidata_items_are_checked(shared_dir: Path) -> None:
    with (shared_dir / "wikidata" / "verified-extra.csv").open(encoding="utf-8") as handle:
        verified = {row["qid"] for row in csv.DictReader(handle)}
    items = _aligned(load_ontology(), str(WD))
    assert items, "the ontology aligns kg:Person to wd:Q5"
    for term, _, qid in items:
        assert qid in verified, f"{term} -> wd:{qid} is not in verified-extra.csv"


def test_ontology_every_term_has_french_and_english_label_and_comment() -> None:
    graph = load_ontology()
    terms = _kg_terms(graph)
    assert len(terms) > 40
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in graph.objects(term, prop) if isinstance(o, Literal)}
            assert {"fr", "en"} <= langs, f"{term} lacks a French or English {prop}"


def test_ontology_declares_the_model() -> None:
    graph = load_ontology()
    for place in (KG.Country, KG.City, KG.Region):
        assert (place, RDFS.subClassOf, KG.Place) in graph
    assert (KG.Statement, RDFS.subClassOf, RDF.Statement) in graph
    assert (KG.metWith, RDF.type, OWL.SymmetricProperty) in graph
    assert (KG.holdsPosition, RDF.type, OWL.DatatypeProperty) in graph
    assert (KG.said, RDF.type, OWL.DatatypeProperty) in graph
    for value, cls in ((KG.positive, KG.Polarity), (KG.planned, KG.Modality)):
        assert (value, RDF.type, cls) in graph


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_ontology_files_parse_in_rapper(name: str) -> None:
    rapper = require_tool("rapper")
    path = ROOT / "ontology" / name
    proc = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    graph = load_ontology() if name == "kg.ttl" else load_shapes()
    assert f"returned {len(graph)} triples" in proc.stderr
