"""RDF namespaces used by kg.

Generated from ontology/kg.ttl by ontology/generate_namespaces.py; do not edit
by hand (tests/test_namespaces.py fails when this file is stale).
"""

from __future__ import annotations

from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = [
    "DCTERMS",
    "KG",
    "LITERAL_RELATIONS",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RELATIONS",
    "SCHEMA",
    "SKOS",
    "WD",
    "WDT",
    "XSD",
]

#: The IRI of the ontology document itself.
ONTOLOGY_IRI = URIRef("https://w3id.org/newskg/ontology")

#: schema.org, under its https IRI.
SCHEMA = SDO

#: Wikidata items and direct-claim properties.
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")


class KG(DefinedNamespace):
    """The kg ontology: every class, property and individual of ontology/kg.ttl."""

    _fail = True
    _NS = Namespace("https://w3id.org/newskg/ontology#")

    Article: URIRef  # class: article
    City: URIRef  # class: city
    Country: URIRef  # class: country
    Entity: URIRef  # class: entity
    Event: URIRef  # class: event
    Mention: URIRef  # class: mention
    Modality: URIRef  # class: modality
    Organization: URIRef  # class: organization
    Person: URIRef  # class: person
    Place: URIRef  # class: place
    Polarity: URIRef  # class: polarity
    Region: URIRef  # class: region
    Relation: URIRef  # class: relation
    Statement: URIRef  # class: statement
    accused: URIRef  # object property: accused
    anchor: URIRef  # datatype property: anchor
    asserted: URIRef  # individual: asserted
    candidateSource: URIRef  # datatype property: candidate source
    confidence: URIRef  # datatype property: confidence
    congratulated: URIRef  # object property: congratulated
    contacted: URIRef  # object property: contacted
    criticized: URIRef  # object property: criticized
    defended: URIRef  # object property: defended
    end: URIRef  # datatype property: end
    holdsPosition: URIRef  # datatype property: holds position
    length: URIRef  # datatype property: length
    locatedIn: URIRef  # object property: located in
    memberOf: URIRef  # object property: member of
    metWith: URIRef  # object property: met with
    modality: URIRef  # object property: modality
    negative: URIRef  # individual: negative
    of: URIRef  # object property: of
    place: URIRef  # object property: place
    planned: URIRef  # individual: planned
    polarity: URIRef  # object property: polarity
    positive: URIRef  # individual: positive
    possible: URIRef  # individual: possible
    refersTo: URIRef  # object property: refers to
    role: URIRef  # datatype property: role
    rule: URIRef  # datatype property: rule
    said: URIRef  # datatype property: said
    sentence: URIRef  # datatype property: sentence
    sha256: URIRef  # datatype property: SHA-256 digest
    source: URIRef  # object property: source
    speaksFor: URIRef  # object property: speaks for
    start: URIRef  # datatype property: start
    supported: URIRef  # object property: supported
    text: URIRef  # datatype property: text
    threatened: URIRef  # object property: threatened
    time: URIRef  # datatype property: time
    visited: URIRef  # object property: visited
    warned: URIRef  # object property: warned
    worksFor: URIRef  # object property: works for


#: Local names of the kg:Relation properties: the predicates a fact may use.
RELATIONS: frozenset[str] = frozenset(
    {
        "accused",
        "congratulated",
        "contacted",
        "criticized",
        "defended",
        "holdsPosition",
        "locatedIn",
        "memberOf",
        "metWith",
        "said",
        "speaksFor",
        "supported",
        "threatened",
        "visited",
        "warned",
        "worksFor",
    }
)

#: The relations whose object is a literal (a role, a quote), not an entity.
LITERAL_RELATIONS: frozenset[str] = frozenset({"holdsPosition", "said"})

#: The prefixes kg binds when it writes RDF, in a fixed order.
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "kg": KG,
    "dcterms": DCTERMS,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "skos": SKOS,
    "wd": WD,
    "wdt": WDT,
    "xsd": XSD,
}
