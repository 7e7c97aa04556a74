"""Tests of kg.rdf.shacl and ``kg validate``: the SHACL shapes catch broken graphs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from test_graph import sample_extraction
from typer.testing import CliRunner

from kg import namespaces
from kg.errors import InputError
from kg.graph import DEFAULT_BASE, build_dataset
from kg.namespaces import KG, RDF, RDFS
from kg.rdf.reader import load_rdf_file
from kg.rdf.shacl import validate
from kg.rdf.writer import write


def _graph() -> Graph:
    graph = Graph()
    for s, p, o, _ in build_dataset([sample_extraction()]).quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _some_fact(graph: Graph) -> URIRef:
    return sorted(
        s
        for s in graph.subjects(RDF.type, KG.Statement)
        if str(s).startswith(DEFAULT_BASE + "statement/")
    )[0]


def _messages(graph: Graph) -> str:
    result = validate(graph)
    assert not result.conforms
    return result.summary()


def test_validate_sample_graph_conforms() -> None:
    result = validate(build_dataset([sample_extraction()]))
    assert result.conforms, result.summary()
    assert result.violations == ()
    assert result.summary() == "conforms to the kg shapes"


def test_validate_offset_beyond_article_length_fails() -> None:
    extraction = sample_extraction()
    fact = extraction.facts[0]
    length = len(extraction.article.text)
    bad = dataclasses.replace(fact, provenance=dataclasses.replace(fact.provenance, end=length + 5))
    result = validate(build_dataset([dataclasses.replace(extraction, facts=(bad,))]))
    assert not result.conforms
    [violation] = result.violations
    assert violation.focus == URIRef(DEFAULT_BASE + "article/a1")
    assert violation.message.startswith(DEFAULT_BASE + "statement/a1/")
    assert f"has kg:end {length + 5}, beyond the article's kg:length {length}" in violation.message


def test_validate_confidence_above_one_fails() -> None:
    extraction = sample_extraction()
    fact = extraction.facts[1]
    bad = dataclasses.replace(fact, provenance=dataclasses.replace(fact.provenance, confidence=1.5))
    result = validate(build_dataset([dataclasses.replace(extraction, facts=(bad,))]))
    assert [(str(v.path), str(v.value)) for v in result.violations] == [(str(KG.confidence), "1.5")]
    assert "kg:confidence must be exactly one xsd:decimal in [0, 1]" in result.summary()


def test_validate_missing_rule_fails() -> None:
    graph = _graph()
    node = _some_fact(graph)
    graph.remove((node, KG.rule, None))
    result = validate(graph)
    assert [(v.focus, v.path) for v in result.violations] == [(node, KG.rule)]
    assert "exactly one kg:rule" in result.summary()


def test_validate_start_not_before_end_fails() -> None:
    graph = _graph()
    node = _some_fact(graph)
    end = graph.value(node, KG.end)
    graph.set((node, KG.start, end))
    assert "less than kg:end" in _messages(graph)


def test_validate_unknown_polarity_and_modality_fail() -> None:
    graph = _graph()
    node = _some_fact(graph)
    graph.set((node, KG.polarity, KG.possible))
    graph.set((node, KG.modality, URIRef(str(KG) + "certain")))
    text = _messages(graph)
    assert "kg:polarity must be one of kg:positive, kg:negative" in text
    assert "kg:modality must be one of kg:asserted, kg:possible, kg:planned" in text


def test_validate_fact_without_polarity_fails() -> None:
    graph = _graph()
    graph.remove((_some_fact(graph), KG.polarity, None))
    assert "kg:polarity and kg:modality" in _messages(graph)


def test_validate_predicate_outside_relations_fails() -> None:
    graph = _graph()
    node = _some_fact(graph)
    graph.set((node, RDF.predicate, KG.start))
    assert "rdf:predicate must be a kg:Relation" in _messages(graph)


def test_validate_literal_object_of_object_property_fails() -> None:
    graph = _graph()
    node = next(graph.subjects(RDF.predicate, KG.speaksFor))
    graph.set((node, RDF.object, Literal("Vladimir Poutine")))
    assert "an entity IRI for the other relations" in _messages(graph)


def test_validate_fact_without_offsets_fails_but_link_passes() -> None:
    graph = _graph()
    node = _some_fact(graph)
    graph.remove((node, KG.start, None))
    assert "a fact statement needs kg:start, kg:end, kg:sentence" in _messages(graph)
    link = URIRef(DEFAULT_BASE + "link/a1/person-vladimir-poutine")
    assert (link, KG.start, None) not in graph
    assert link not in {v.focus for v in validate(graph).violations}


def test_validate_entity_without_label_fails() -> None:
    graph = _graph()
    entity = URIRef(DEFAULT_BASE + "entity/place/helsinki")
    graph.remove((entity, RDFS.label, None))
    assert "an entity needs an rdfs:label" in _messages(graph)


def test_validate_mention_anchor_length_must_match_offsets() -> None:
    graph = _graph()
    mention = URIRef(DEFAULT_BASE + "mention/a1/0-13")
    graph.set((mention, KG.anchor, Literal("Dmitri")))
    assert "kg:anchor" in _messages(graph)


def test_validate_untyped_time_fails() -> None:
    graph = _graph()
    node = next(graph.subjects(KG.time, None))
    graph.set((node, KG.time, Literal("2025", datatype=namespaces.XSD.string)))
    assert "kg:time is at most one xsd:gYear" in _messages(graph)


def test_validate_load_rdf_file_reports_bad_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl"):
        load_rdf_file(broken)
    with pytest.raises(InputError, match=r"valid: .*\.ttl"):
        load_rdf_file(tmp_path / "graph.xyz")
    with pytest.raises(InputError, match="no such file"):
        load_rdf_file(tmp_path / "missing.nq")


def test_validate_cli_exit_codes_and_report(tmp_path: Path) -> None:
    from kg.cli import app

    good = tmp_path / "good.trig"
    write(build_dataset([sample_extraction()]), good, "trig")
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output

    graph = _graph()
    graph.remove((_some_fact(graph), KG.rule, None))
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(graph.serialize(format="turtle", encoding="utf-8"))
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "kg:rule" in result.output
    assert "1 violation" in result.output

    help_text = runner.invoke(app, ["validate", "--help"]).output
    assert "kg validate" in help_text
