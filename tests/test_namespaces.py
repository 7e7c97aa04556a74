"""Tests of kg.namespaces: generated from ontology/kg.ttl, never stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from factory import ROOT
from rdflib import URIRef

from kg import namespaces
from kg.namespaces import KG, LITERAL_RELATIONS, RELATIONS


def _generator() -> ModuleType:
    path = ROOT / "ontology" / "generate_namespaces.py"
    spec = importlib.util.spec_from_file_location("generate_namespaces", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_namespaces_module_is_up_to_date() -> None:
    expected = _generator().render(ROOT / "ontology" / "kg.ttl")
    actual = Path(namespaces.__file__).read_text(encoding="utf-8")
    assert actual == expected, (
        "kg/namespaces.py is stale: run `python ontology/generate_namespaces.py`"
    )


def test_namespaces_mistyped_term_raises() -> None:
    assert KG.speaksFor == URIRef("https://w3id.org/newskg/ontology#speaksFor")
    with pytest.raises(AttributeError, match="speakFor"):
        _ = KG.speakFor


def test_namespaces_relations_are_the_fact_predicates() -> None:
    assert RELATIONS == {
        "speaksFor", "holdsPosition", "memberOf", "worksFor", "metWith", "visited",
        "contacted", "congratulated", "criticized", "defended", "supported", "threatened",
        "accused", "warned", "said", "locatedIn",
    }  # fmt: skip
    assert LITERAL_RELATIONS == {"holdsPosition", "said"}


def test_namespaces_generator_rejects_a_term_without_english_label(tmp_path: Path) -> None:
    ttl = tmp_path / "kg.ttl"
    ttl.write_text(
        "@prefix kg: <https://w3id.org/newskg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        'kg:Thing rdfs:label "chose"@fr .\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="kg:Thing .* no English rdfs:label"):
        _generator().render(ttl)
