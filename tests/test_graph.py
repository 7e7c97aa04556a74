"""Tests of kg.graph: extractions built by hand -> RDF."""

from __future__ import annotations

import dataclasses
import re

import pytest
from factory import article as make_article
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg import namespaces
from kg.errors import InputError, OntologyError
from kg.graph import (
    DEFAULT_BASE,
    article_graph,
    build_dataset,
    confidence_literal,
    entity_iri,
    graph_iri,
    time_literal,
)
from kg.model import (
    Entity,
    EntityType,
    Extraction,
    Fact,
    Link,
    Mention,
    MentionKind,
    Modality,
    Polarity,
    Provenance,
)
from kg.namespaces import KG, RDF
from kg.rdf.serialize import serialize

TEXT = (
    "Dmitri Peskov, porte-parole de Vladimir Poutine, a déclaré : « Nous sommes prêts. » "
    "Poutine n'a pas rencontré Donald Trump à Helsinki. "
    "Trump pourrait rencontrer Poutine en 2025."
)


def _span(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _sentence(start: int) -> str:
    begin = max(TEXT.rfind(". ", 0, start), TEXT.rfind("» ", 0, start))
    begin = 0 if begin < 0 else begin + 2
    end = TEXT.find(".", start)
    return TEXT[begin : end + 1]


def _prov(start: int, end: int, rule: str, confidence: float) -> Provenance:
    return Provenance("a1", start, end, _sentence(start), rule, confidence)


def _mention(needle: str, etype: EntityType, key: str, nth: int = 0) -> Mention:
    start, end = _span(needle, nth)
    return Mention(
        text=TEXT[start:end],
        start=start,
        end=end,
        type=etype,
        kind=MentionKind.NAME,
        key=key,
        sentence_index=0,
        provenance=_prov(start, end, "ner", 0.9),
    )


def sample_extraction() -> Extraction:
    """An article with four entities and five facts of every kind the graph handles."""
    article = make_article(
        TEXT,
        "a1",
        language="fr",
        title="Sommet incertain",
        date="2024-11-08",
        url="https://example.org/a1",
        source="a1.txt",
    )
    peskov = Entity(
        key="person/dmitri-peskov",
        type=EntityType.PERSON,
        label="Dmitri Peskov",
        mentions=(_mention("Dmitri Peskov", EntityType.PERSON, "dmitri peskov"),),
    )
    # Q7747 (Vladimir Putin) checked in wikidata/leaders-2024-10-23.csv.
    poutine = Entity(
        key="person/vladimir-poutine",
        type=EntityType.PERSON,
        label="Vladimir Poutine",
        aliases=("Poutine",),
        mentions=(
            _mention("Vladimir Poutine", EntityType.PERSON, "vladimir poutine"),
            _mention("Poutine", EntityType.PERSON, "poutine", 1),
        ),
        link=Link(qid="Q7747", score=0.97, source="catalogue", rule="link:catalogue.v1"),
    )
    trump = Entity(
        key="person/donald-trump",
        type=EntityType.PERSON,
        label="Donald Trump",
        aliases=("Trump",),
        mentions=(_mention("Donald Trump", EntityType.PERSON, "donald trump"),),
    )
    helsinki = Entity(
        key="place/helsinki",
        type=EntityType.PLACE,
        label="Helsinki",
        mentions=(_mention("Helsinki", EntityType.PLACE, "helsinki"),),
    )
    first = _span("Dmitri Peskov, porte-parole de Vladimir Poutine")
    quote = _span("« Nous sommes prêts. »")
    met = _span("Poutine n'a pas rencontré Donald Trump à Helsinki")
    could = _span("Trump pourrait rencontrer Poutine en 2025")
    facts = (
        Fact(
            subject=peskov.key,
            predicate="speaksFor",
            object=poutine.key,
            role="porte-parole",
            provenance=_prov(*first, "frame:spokesperson.v1", 0.85),
        ),
        Fact(
            subject=peskov.key,
            predicate="holdsPosition",
            value="porte-parole",
            of=poutine.key,
            provenance=_prov(*first, "frame:position.v1", 0.8),
        ),
        Fact(
            subject=peskov.key,
            predicate="said",
            value="Nous sommes prêts.",
            source=peskov.key,
            provenance=_prov(quote[0], quote[1], "frame:quote.v1", 0.7),
        ),
        Fact(
            subject=poutine.key,
            predicate="metWith",
            object=trump.key,
            polarity=Polarity.NEGATIVE,
            place=helsinki.key,
            provenance=_prov(*met, "frame:meet.v1", 0.75),
        ),
        Fact(
            subject=trump.key,
            predicate="metWith",
            object=poutine.key,
            modality=Modality.POSSIBLE,
            time="2025",
            provenance=_prov(*could, "frame:meet.v1", 0.6),
        ),
    )
    return Extraction(article=article, entities=(peskov, poutine, trump, helsinki), facts=facts)


def _expected_turtle(extraction: Extraction) -> str:
    """The graph written out by hand; statement IRIs are looked up, not recomputed."""
    graph = article_graph(extraction)
    ids = {
        (str(graph.value(s, RDF.predicate)), str(graph.value(s, KG.rule))): str(s).rsplit("/", 1)[1]
        for s in graph.subjects(RDF.type, KG.Statement)
        if str(s).startswith(DEFAULT_BASE + "statement/")
    }
    spk = ids[(str(KG.speaksFor), "frame:spokesperson.v1")]
    pos = ids[(str(KG.holdsPosition), "frame:position.v1")]
    said = ids[(str(KG.said), "frame:quote.v1")]
    meets = sorted(
        (str(graph.value(s, KG.modality)), str(s).rsplit("/", 1)[1])
        for s in graph.subjects(RDF.predicate, KG.metWith)
    )
    met_possible, met_negative = meets[1][1], meets[0][1]  # kg:possible sorts after kg:asserted
    s1 = _sentence(0)
    s2 = _sentence(_span("Poutine n'a")[0])
    s3 = _sentence(_span("Trump pourrait")[0])
    q = _span("« Nous sommes prêts. »")
    sp = _span("Dmitri Peskov, porte-parole de Vladimir Poutine")
    mt = _span("Poutine n'a pas rencontré Donald Trump à Helsinki")
    cd = _span("Trump pourrait rencontrer Poutine en 2025")
    p2 = _span("Poutine", 1)
    dt = _span("Donald Trump")
    he = _span("Helsinki")
    return f"""
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix ex: <https://w3id.org/newskg/id/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{DEFAULT_BASE}article/a1> a kg:Article ;
    dcterms:title "Sommet incertain"@fr ; dcterms:date "2024-11-08"^^xsd:date ;
    schema:url <https://example.org/a1> ; dcterms:language "fr" ;
    kg:sha256 "{extraction.article.sha256}" ; kg:length {len(TEXT)} ;
    kg:text {Literal(TEXT).n3()} .

<{DEFAULT_BASE}entity/person/dmitri-peskov> a kg:Person ; rdfs:label "Dmitri Peskov"@fr ;
    kg:speaksFor <{DEFAULT_BASE}entity/wd/Q7747> ;
    kg:holdsPosition "porte-parole" ;
    kg:said "Nous sommes prêts." .
<{DEFAULT_BASE}entity/wd/Q7747> a kg:Person ; rdfs:label "Vladimir Poutine"@fr ;
    skos:altLabel "Poutine"@fr ; owl:sameAs wd:Q7747 .
<{DEFAULT_BASE}entity/person/donald-trump> a kg:Person ; rdfs:label "Donald Trump"@fr ;
    skos:altLabel "Trump"@fr .
<{DEFAULT_BASE}entity/place/helsinki> a kg:Place ; rdfs:label "Helsinki"@fr .

<{DEFAULT_BASE}mention/a1/0-13> a kg:Mention ;
    kg:refersTo <{DEFAULT_BASE}entity/person/dmitri-peskov> ; kg:anchor "Dmitri Peskov" ;
    kg:start 0 ; kg:end 13 ; kg:sentence "{s1}" ; kg:rule "ner" ; kg:confidence 0.9 ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}mention/a1/31-47> a kg:Mention ;
    kg:refersTo <{DEFAULT_BASE}entity/wd/Q7747> ; kg:anchor "Vladimir Poutine" ;
    kg:start 31 ; kg:end 47 ; kg:sentence "{s1}" ; kg:rule "ner" ; kg:confidence 0.9 ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}mention/a1/{p2[0]}-{p2[1]}> a kg:Mention ;
    kg:refersTo <{DEFAULT_BASE}entity/wd/Q7747> ; kg:anchor "Poutine" ;
    kg:start {p2[0]} ; kg:end {p2[1]} ; kg:sentence "{s2}" ; kg:rule "ner" ;
    kg:confidence 0.9 ; prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}mention/a1/{dt[0]}-{dt[1]}> a kg:Mention ;
    kg:refersTo <{DEFAULT_BASE}entity/person/donald-trump> ; kg:anchor "Donald Trump" ;
    kg:start {dt[0]} ; kg:end {dt[1]} ; kg:sentence "{s2}" ; kg:rule "ner" ;
    kg:confidence 0.9 ; prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}mention/a1/{he[0]}-{he[1]}> a kg:Mention ;
    kg:refersTo <{DEFAULT_BASE}entity/place/helsinki> ; kg:anchor "Helsinki" ;
    kg:start {he[0]} ; kg:end {he[1]} ; kg:sentence "{s2}" ; kg:rule "ner" ;
    kg:confidence 0.9 ; prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .

<{DEFAULT_BASE}link/a1/person-vladimir-poutine> a kg:Statement ;
    rdf:subject <{DEFAULT_BASE}entity/wd/Q7747> ; rdf:predicate owl:sameAs ;
    rdf:object wd:Q7747 ; kg:rule "link:catalogue.v1" ; kg:confidence 0.97 ;
    kg:candidateSource "catalogue" ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .

<{DEFAULT_BASE}statement/a1/{spk}> a kg:Statement ;
    rdf:subject <{DEFAULT_BASE}entity/person/dmitri-peskov> ; rdf:predicate kg:speaksFor ;
    rdf:object <{DEFAULT_BASE}entity/wd/Q7747> ; kg:role "porte-parole" ;
    kg:polarity kg:positive ; kg:modality kg:asserted ;
    kg:sentence "{s1}" ; kg:start {sp[0]} ; kg:end {sp[1]} ;
    kg:rule "frame:spokesperson.v1" ; kg:confidence 0.85 ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}statement/a1/{pos}> a kg:Statement ;
    rdf:subject <{DEFAULT_BASE}entity/person/dmitri-peskov> ; rdf:predicate kg:holdsPosition ;
    rdf:object "porte-parole" ; kg:of <{DEFAULT_BASE}entity/wd/Q7747> ;
    kg:polarity kg:positive ; kg:modality kg:asserted ;
    kg:sentence "{s1}" ; kg:start {sp[0]} ; kg:end {sp[1]} ;
    kg:rule "frame:position.v1" ; kg:confidence 0.8 ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}statement/a1/{said}> a kg:Statement ;
    rdf:subject <{DEFAULT_BASE}entity/person/dmitri-peskov> ; rdf:predicate kg:said ;
    rdf:object "Nous sommes prêts." ; kg:source <{DEFAULT_BASE}entity/person/dmitri-peskov> ;
    kg:polarity kg:positive ; kg:modality kg:asserted ;
    kg:sentence "{s1}" ; kg:start {q[0]} ; kg:end {q[1]} ;
    kg:rule "frame:quote.v1" ; kg:confidence 0.7 ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}statement/a1/{met_negative}> a kg:Statement ;
    rdf:subject <{DEFAULT_BASE}entity/wd/Q7747> ; rdf:predicate kg:metWith ;
    rdf:object <{DEFAULT_BASE}entity/person/donald-trump> ;
    kg:place <{DEFAULT_BASE}entity/place/helsinki> ;
    kg:polarity kg:negative ; kg:modality kg:asserted ;
    kg:sentence "{s2}" ; kg:start {mt[0]} ; kg:end {mt[1]} ;
    kg:rule "frame:meet.v1" ; kg:confidence 0.75 ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
<{DEFAULT_BASE}statement/a1/{met_possible}> a kg:Statement ;
    rdf:subject <{DEFAULT_BASE}entity/person/donald-trump> ; rdf:predicate kg:metWith ;
    rdf:object <{DEFAULT_BASE}entity/wd/Q7747> ; kg:time "2025"^^xsd:gYear ;
    kg:polarity kg:positive ; kg:modality kg:possible ;
    kg:sentence "{s3}" ; kg:start {cd[0]} ; kg:end {cd[1]} ;
    kg:rule "frame:meet.v1" ; kg:confidence 0.6 ;
    prov:wasDerivedFrom <{DEFAULT_BASE}article/a1> .
"""


def _assert_isomorphic(actual: Graph, expected: Graph) -> None:
    if isomorphic(actual, expected):
        return
    _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
    lines = ["graphs differ", "only in actual:"]
    lines += sorted(" ".join(t.n3() for t in triple) for triple in only_actual)
    lines += ["only in expected:"]
    lines += sorted(" ".join(t.n3() for t in triple) for triple in only_expected)
    pytest.fail("\n".join(lines))


def test_graph_matches_expected_turtle() -> None:
    extraction = sample_extraction()
    expected = Graph().parse(data=_expected_turtle(extraction), format="turtle")
    _assert_isomorphic(article_graph(extraction), expected)


def test_graph_negative_and_possible_facts_have_no_direct_triple() -> None:
    graph = article_graph(sample_extraction())
    poutine = URIRef(DEFAULT_BASE + "entity/wd/Q7747")
    trump = URIRef(DEFAULT_BASE + "entity/person/donald-trump")
    assert (poutine, KG.metWith, trump) not in graph
    assert (trump, KG.metWith, poutine) not in graph
    statements = {
        (graph.value(s, KG.polarity), graph.value(s, KG.modality))
        for s in graph.subjects(RDF.predicate, KG.metWith)
    }
    assert statements == {(KG.negative, KG.asserted), (KG.positive, KG.possible)}


def test_graph_output_is_byte_identical_across_runs_and_entity_order() -> None:
    extraction = sample_extraction()
    shuffled = dataclasses.replace(
        extraction,
        entities=tuple(reversed(extraction.entities)),
        facts=tuple(reversed(extraction.facts)),
    )
    outputs = {
        fmt: {
            serialize(build_dataset([e]), fmt) for e in (extraction, sample_extraction(), shuffled)
        }
        for fmt in ("turtle", "trig", "nquads", "ntriples", "json-ld")
    }
    for fmt, variants in outputs.items():
        assert len(variants) == 1, f"{fmt} output changes between runs"


def test_graph_has_no_blank_nodes() -> None:
    graph = article_graph(sample_extraction())
    assert not [t for t in graph.all_nodes() if isinstance(t, BNode)]


def test_graph_dataset_has_one_named_graph_per_article_and_empty_default() -> None:
    first = sample_extraction()
    second = dataclasses.replace(
        first, article=dataclasses.replace(first.article, id="a2", source="a2.txt")
    )
    second = dataclasses.replace(
        second,
        entities=tuple(
            dataclasses.replace(
                e,
                mentions=tuple(
                    dataclasses.replace(
                        m, provenance=dataclasses.replace(m.provenance, article_id="a2")
                    )
                    for m in e.mentions
                ),
            )
            for e in first.entities
        ),
        facts=(),
    )
    dataset = build_dataset([first, second])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {graph_iri("a1"), graph_iri("a2")}
    assert len(dataset.default_graph) == 0
    assert isinstance(dataset, Dataset)


def test_graph_duplicate_article_id_is_an_input_error() -> None:
    extraction = sample_extraction()
    with pytest.raises(InputError, match="'a1'"):
        build_dataset([extraction, extraction])


def test_graph_unknown_predicate_lists_known_ones() -> None:
    extraction = sample_extraction()
    bad = dataclasses.replace(extraction.facts[0], predicate="speakFor")
    with pytest.raises(OntologyError, match=r"'speakFor'.*known: .*speaksFor"):
        article_graph(dataclasses.replace(extraction, facts=(bad,)))


def test_graph_unknown_entity_key_is_a_value_error() -> None:
    extraction = sample_extraction()
    bad = dataclasses.replace(extraction.facts[0], object="person/nobody")
    with pytest.raises(ValueError, match="person/nobody"):
        article_graph(dataclasses.replace(extraction, facts=(bad,)))


def test_graph_entity_iri_uses_qid_when_linked() -> None:
    extraction = sample_extraction()
    peskov, poutine = extraction.entities[:2]
    assert entity_iri(poutine) == URIRef(DEFAULT_BASE + "entity/wd/Q7747")
    assert entity_iri(peskov, "http://x.test/") == URIRef(
        "http://x.test/entity/person/dmitri-peskov"
    )


def test_graph_literals_are_typed() -> None:
    assert time_literal("2018") == Literal("2018", datatype=namespaces.XSD.gYear)
    assert time_literal("2024-11-08") == Literal("2024-11-08", datatype=namespaces.XSD.date)
    assert confidence_literal(0.8499999) == Literal("0.85", datatype=namespaces.XSD.decimal)
    assert confidence_literal(1) == Literal("1.0", datatype=namespaces.XSD.decimal)
    with pytest.raises(ValueError, match="mardi"):
        time_literal("mardi")


@given(st.floats(min_value=0, max_value=1))
def test_graph_confidence_is_canonical_decimal_within_bounds(value: float) -> None:
    literal = confidence_literal(value)
    assert re.fullmatch(r"[01]\.\d{1,3}", str(literal)), str(literal)
    assert not (str(literal).endswith("0") and len(str(literal)) > 3)
    assert abs(float(literal) - value) <= 0.0005 + 1e-12


@given(st.sampled_from(list(Polarity)), st.sampled_from(list(Modality)))
def test_graph_direct_triple_only_for_positive_asserted(
    polarity: Polarity, modality: Modality
) -> None:
    extraction = sample_extraction()
    fact = dataclasses.replace(extraction.facts[0], polarity=polarity, modality=modality)
    graph = article_graph(dataclasses.replace(extraction, facts=(fact,)))
    direct = (
        URIRef(DEFAULT_BASE + "entity/person/dmitri-peskov"),
        KG.speaksFor,
        URIRef(DEFAULT_BASE + "entity/wd/Q7747"),
    )
    assert (direct in graph) == (polarity is Polarity.POSITIVE and modality is Modality.ASSERTED)
    assert len(set(graph.subjects(RDF.predicate, KG.speaksFor))) == 1


def test_graph_article_text_is_the_original_that_offsets_index() -> None:
    from kg.ingest import article_from_text
    from kg.pipeline import Pipeline

    # Typographic quotes and apostrophes, a narrow no-break space and runs of
    # spaces: the NLP reads a normalised copy, the graph keeps the original.
    text = (
        "Le  président  Emmanuel Macron a déclaré\u202f: « Nous n\u2019irons pas à Berlin. »\n\n"
        "Angela Merkel , chancelière  d\u2019Allemagne, a rencontré   Vladimir Poutine à Moscou."
    )
    extraction = Pipeline().extract(article_from_text(text, "typo"))
    graph = article_graph(extraction)
    article = URIRef(DEFAULT_BASE + "article/typo")
    assert graph.value(article, KG.text) == Literal(text)
    anchors = list(graph.subject_objects(KG.anchor))
    assert len(anchors) >= 4
    for node, anchor in anchors:
        start, end = graph.value(node, KG.start).toPython(), graph.value(node, KG.end).toPython()
        assert text[start:end] == str(anchor)
    statements = list(graph.subjects(RDF.type, KG.Statement))
    assert statements
    for node in statements:
        start, end = graph.value(node, KG.start), graph.value(node, KG.end)
        if start is None:
            continue
        evidence = text[start.toPython() : end.toPython()]
        assert evidence.strip() and evidence in str(graph.value(node, KG.sentence))
