"""Every stored query parses on rdflib and pyoxigraph and documents itself."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from factory import ROOT
from rdflib.plugins.sparql import prepareQuery

from kg.folding import entity_search
from kg.sparql.query import QueryLibrary

LIBRARY = QueryLibrary()
NAMES = LIBRARY.names()


def test_queries_meta_there_are_at_least_twelve():
    assert len(NAMES) >= 12


@pytest.mark.parametrize("name", NAMES)
def test_queries_meta_parses_everywhere_and_has_headers(name):
    query = LIBRARY.get(name)
    prepareQuery(query.text)
    text = query.with_values(query.bind(_sample_params(query)))
    if not re.search(r"\bSERVICE\s*<", text, re.IGNORECASE):  # executing would call out
        ox.Store().query(text)
    assert query.summary, f"{name}.rq has no '#+ summary:' header"
    assert query.description, f"{name}.rq has no '#+ description:' header"
    assert query.tags, f"{name}.rq has no '#+ tags:' header"


def _sample_params(query) -> dict[str, str]:
    """An IRI for IRI and entity parameters (an entity given by name is looked
    for by a query of its own, checked below), a word for the others."""
    return {
        p.name: "https://w3id.org/newskg/id/x" if p.kind in ("iri", "entity") else "x"
        for p in query.parameters
        if p.default is None or p.kind == "entity"
    }


@pytest.mark.parametrize("value", ["Hélène d'Arc", "Q7747", 'x" } DROP ALL #'])
def test_queries_meta_entity_search_parses_everywhere(value):
    text = entity_search(value)
    prepareQuery(text)
    ox.Store().query(text)


def test_queries_meta_use_only_ontology_terms():
    """A mistyped kg: term in a query silently matches nothing: refuse it."""
    import re

    from rdflib import Graph

    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    prefix = "https://w3id.org/newskg/ontology#"
    defined = {str(s)[len(prefix) :] for s in ontology.subjects() if str(s).startswith(prefix)}
    files = sorted((ROOT / "queries").glob("*.rq")) + [ROOT / "tests" / "data" / "sample.trig"]
    unknown = {
        f.name: sorted(set(re.findall(r"\bkg:([A-Za-z0-9_]+)", f.read_text("utf-8"))) - defined)
        for f in files
    }
    assert not {name: terms for name, terms in unknown.items() if terms}


def test_queries_meta_sample_graph_passes_the_shapes():
    from kg.rdf.reader import load_rdf_file
    from kg.rdf.shacl import validate

    result = validate(load_rdf_file(ROOT / "tests" / "data" / "sample.trig"))
    assert result.conforms, result.summary()
