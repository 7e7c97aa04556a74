"""Writing a pyoxigraph store in an RDF format."""

import io

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.namespaces import KG
from kg.sparql.dump import dump_format, write_dump

EX = "http://example.org/kg/"


def _store() -> ox.Store:
    store = ox.Store()
    one = ox.NamedNode(EX + "entity/a")
    said = ox.NamedNode(str(KG) + "said")
    for graph in ("graph/1", "graph/2"):
        store.add(ox.Quad(one, said, ox.Literal("oui"), ox.NamedNode(EX + graph)))
    store.add(ox.Quad(one, said, ox.Literal("non"), ox.DefaultGraph()))
    return store


def test_dump_format_takes_names_and_aliases_in_any_case():
    assert dump_format("TTL") == ox.RdfFormat.TURTLE
    assert dump_format("nq") == dump_format("n-quads") == ox.RdfFormat.N_QUADS
    with pytest.raises(StoreError, match=r"unknown RDF format 'json'; known: .*trig"):
        dump_format("json")


def test_dump_quads_keep_their_graphs_and_triples_are_the_union(tmp_path):
    quads = io.BytesIO()
    write_dump(_store(), quads, ox.RdfFormat.N_QUADS)
    assert len(list(ox.parse(quads.getvalue(), format=ox.RdfFormat.N_QUADS))) == 3
    triples = tmp_path / "all.nt"
    write_dump(_store(), triples, ox.RdfFormat.N_TRIPLES)
    # the statement of two graphs is written once, beside the default graph's
    assert len(list(ox.parse(path=str(triples), format=ox.RdfFormat.N_TRIPLES))) == 2


def test_dump_turtle_and_trig_use_the_prefixes():
    for rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        out = io.BytesIO()
        write_dump(_store(), out, rdf_format)
        text = out.getvalue().decode()
        assert f"@prefix kg: <{KG}>" in text
        assert "kg:said" in text
