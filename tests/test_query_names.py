"""Entity parameters find what the user typed: any case, any accents, labels and
aliases, a Wikidata id or an IRI, on a graph file, the store and Virtuoso alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from factory import EX

from kg.folding import fold, name_pattern
from kg.sparql.push import push
from kg.sparql.query import QueryLibrary
from kg.sparql.store import Store
from kg.sparql.targets import run_query

#: Four speakers written with and without accents, an alias, a hyphen and an apostrophe,
#: and Wikidata items with labels of their own, which are not entities of the graph.
NAMES = """\
@prefix ex: <https://w3id.org/newskg/id/> .
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix wd: <http://www.wikidata.org/entity/> .

ex:graph\\/n1 {
    ex:article\\/n1 a kg:Article .
    ex:entity\\/person\\/helene-dupre a kg:Person ;
        rdfs:label "Hélène Dupré"@fr ; skos:altLabel "la ministre"@fr .
    ex:entity\\/person\\/helene-martin a kg:Person ; rdfs:label "HELENE MARTIN"@fr .
    ex:entity\\/wd\\/Q7747 a kg:Person ;
        rdfs:label "Vladimir Poutine"@fr ; skos:altLabel "le président russe"@fr ;
        owl:sameAs wd:Q7747 .
    ex:entity\\/person\\/jean-pierre-darc a kg:Person ; rdfs:label "Jean-Pierre d’Arc"@fr .
    ex:statement\\/n1\\/1 a kg:Statement ; rdf:predicate kg:said ;
        rdf:subject ex:entity\\/person\\/helene-dupre ; rdf:object "Nous verrons." ;
        kg:sentence "« Nous verrons », a dit Hélène Dupré." ; prov:wasDerivedFrom ex:article\\/n1 .
    ex:statement\\/n1\\/2 a kg:Statement ; rdf:predicate kg:said ;
        rdf:subject ex:entity\\/person\\/helene-martin ; rdf:object "Rien n'est fait." ;
        kg:sentence "« Rien n'est fait », a dit HELENE MARTIN." ;
        prov:wasDerivedFrom ex:article\\/n1 .
    ex:statement\\/n1\\/3 a kg:Statement ; rdf:predicate kg:said ;
        rdf:subject ex:entity\\/wd\\/Q7747 ; rdf:object "C'est possible." ;
        kg:sentence "« C'est possible », a dit le président russe." ;
        prov:wasDerivedFrom ex:article\\/n1 .
    ex:statement\\/n1\\/4 a kg:Statement ; rdf:predicate kg:said ;
        rdf:subject ex:entity\\/person\\/jean-pierre-darc ; rdf:object "Non." ;
        kg:sentence "« Non », a dit Jean-Pierre d’Arc." ; prov:wasDerivedFrom ex:article\\/n1 .
}

ex:graph\\/wikidata {
    wd:Q7747 rdfs:label "Vladimir Poutine"@fr ; skos:altLabel "Poutine"@fr .
    wd:Q22686 rdfs:label "Donald Trump"@fr .
}
"""

#: What the user types -> the speakers that must answer (by their IRI's last part).
CASES = [
    ("helene", {"helene-dupre", "helene-martin"}),
    ("HÉLÈNE", {"helene-dupre", "helene-martin"}),
    ("dupre", {"helene-dupre"}),
    ("Hélène Martin", {"helene-martin"}),
    ("LA MINISTRE", {"helene-dupre"}),
    ("president russe", {"Q7747"}),
    ("Q7747", {"Q7747"}),
    ("q7747", {"Q7747"}),
    ("Q22686", set()),
    ("Trump", set()),
    ("jean pierre d'arc", {"jean-pierre-darc"}),
    ("Poutine.", set()),
    ('x" } DROP ALL #', set()),
    (EX + "entity/person/helene-martin", {"helene-martin"}),
]


@pytest.fixture(scope="module")
def names_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("names") / "names.trig"
    path.write_text(NAMES, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def engines(names_file: Path, virtuoso, tmp_path_factory):
    """The same data on rdflib (the file), the pyoxigraph store and Virtuoso."""
    dataset = rdflib.Dataset()
    dataset.parse(names_file, format="trig")
    virtuoso.clear()
    push(names_file, virtuoso.gsp_url, user=virtuoso.user, password=virtuoso.password)
    with Store(tmp_path_factory.mktemp("store") / "s") as store:
        store.load(names_file)
        yield {
            "file": {"graph": dataset},
            "store": {"store": store},
            "virtuoso": {"endpoint": virtuoso.sparql_url},
        }


def speakers(rows: list[dict]) -> set[str]:
    return {str(row["speaker"]).rsplit("/", 1)[-1] for row in rows}


@pytest.mark.parametrize("engine", ["file", "store", "virtuoso"])
def test_query_names_find_the_person_however_typed(engines, engine):
    query = QueryLibrary().get("quotes-by-person")
    for typed, expected in CASES:
        result = run_query(query, {"person": typed}, **engines[engine])
        rows = result.rows
        assert speakers(rows) == expected, (engine, typed)
        assert result.vars == ["speaker", "speakerLabel", "quote", "sentence", "article"]
        assert all(str(row["speakerLabel"]) for row in rows)


@pytest.mark.parametrize("engine", ["file", "store", "virtuoso"])
def test_query_names_entity_query_takes_a_name_or_an_id(engines, engine):
    query = QueryLibrary().get("entity")
    by_name = run_query(query, {"entity": "poutine"}, **engines[engine]).rows
    by_id = run_query(query, None, **engines[engine]).rows  # the default: Q7747
    assert by_name and len(by_name) == len(by_id)
    values = {str(row["value"]) for row in by_id}
    assert "http://www.wikidata.org/entity/Q7747" in values and "Vladimir Poutine" in values


def test_query_names_empty_name_is_refused(engines):
    from kg.errors import QueryError

    with pytest.raises(QueryError, match="parameter 'person' needs a name"):
        run_query(QueryLibrary().get("quotes-by-person"), {"person": "  "}, **engines["store"])


def test_query_names_pattern_ignores_case_and_accents():
    pattern = name_pattern("Hélène d'Arc")
    for written in ("HELENE D’ARC", "hélène d'arc", "Mme Hèlene D'Arc-Smith"):
        assert re.search(pattern, written), written
    for written in ("Helen d'Arc", "Hélène Darc", "Hélène"):
        assert not re.search(pattern, written), written
    assert re.search(name_pattern("1.5 (x)"), "a 1.5 (X)")
    assert not re.search(name_pattern("1.5"), "125")
    assert fold("Œuvre ÉTÉ") == "œuvre ete"
