"""The pipeline: knowledge-based completion and the whole chain on short texts."""

from kg.ingest import article_from_text
from kg.model import Entity, EntityType, Fact, Link, Provenance
from kg.pipeline import Pipeline, complete_positions

PROV = Provenance("t", 0, 10, "Joe Biden, en tant que président sortant.", "frame:test", 0.8)


def entity(key: str, etype: EntityType, label: str, qid: str | None) -> Entity:
    link = Link(qid, 1.0, "catalogue", "test") if qid else None
    return Entity(key, etype, label, link=link)


def test_pipeline_complete_positions_from_catalogue_offices():
    biden = entity("person/joe-biden", EntityType.PERSON, "Joe Biden", "Q6279")
    usa = entity("place/etats-unis", EntityType.PLACE, "États-Unis", "Q30")
    offices = {"Q6279": [("president", "Q30")]}
    fact = Fact("person/joe-biden", "holdsPosition", PROV, value="président sortant")
    (done,) = complete_positions([fact], [biden, usa], offices)
    assert done.of == "place/etats-unis"
    # No country entity in the article: nothing is filled.
    (same,) = complete_positions([fact], [biden], offices)
    assert same.of is None
    # Another role noun: nothing is filled.
    other = Fact("person/joe-biden", "holdsPosition", PROV, value="sénateur")
    assert complete_positions([other], [biden, usa], offices)[0].of is None


def test_pipeline_organization_phrase_is_an_entity():
    pipeline = Pipeline()
    text = "Les services de renseignement américains accusent la Russie d'ingérence."
    extraction = pipeline.extract(article_from_text(text, "t"))
    orgs = {e.label for e in extraction.entities if e.type is EntityType.ORGANIZATION}
    assert "services de renseignement américains" in orgs
    accused = [f for f in extraction.facts if f.predicate == "accused"]
    assert [(f.subject, f.object) for f in accused] == [
        ("organization/services-de-renseignement-americains", "place/russie")
    ]


def test_pipeline_seed_biden_position_of_united_states(seed_path):
    from kg.ingest import read_text_file

    extraction = Pipeline().extract(read_text_file(seed_path))
    positions = {
        (f.subject, f.value, f.of) for f in extraction.facts if f.predicate == "holdsPosition"
    }
    assert ("person/joe-biden", "président sortant", "place/etats-unis") in positions


def test_pipeline_known_names_found_where_the_ner_misses():
    from kg.pipeline import known_names

    pipeline = Pipeline()
    text = "Recep Tayyip Erdogan n'a jamais rencontré Bachar el-Assad depuis 2011."
    extraction = pipeline.extract(article_from_text(text, "t"))
    erdogan = [e for e in extraction.entities if e.label == "Recep Tayyip Erdogan"]
    assert erdogan and erdogan[0].qid == "Q39259"
    # the NER tags the name MISC; the catalogue types it
    assert erdogan[0].type is EntityType.PERSON
    met = [f for f in extraction.facts if f.predicate == "metWith"]
    assert met and met[0].polarity.value == "negative"
    known = known_names(pipeline.linker.catalogue)
    # Bare surnames are not known names: they would catch too much.
    assert all(len(key.split()) > 1 or len(key) >= 3 for key in known.names)
    assert "poutine" not in known.names
    assert "recep tayyip erdogan" in known.names


def test_pipeline_a_position_in_an_international_organisation_is_employment():
    pipeline = Pipeline()
    text = "Antonio Guterres, secrétaire général de l'ONU, a appelé au calme."
    facts = pipeline.extract(article_from_text(text, "t")).facts
    assert [(f.subject, f.object) for f in facts if f.predicate == "worksFor"] == [
        ("person/antonio-guterres", "organization/onu")
    ]
    # a party is no international organisation of the catalogue: no employment
    text = "Anne Roux, secrétaire générale du Parti socialiste, a appelé au calme."
    facts = pipeline.extract(article_from_text(text, "t")).facts
    assert [f for f in facts if f.predicate == "worksFor"] == []
