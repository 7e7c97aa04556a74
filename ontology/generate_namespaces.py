"""Generate kg/namespaces.py from ontology/kg.ttl.

Run ``python ontology/generate_namespaces.py`` after editing the ontology;
``tests/test_namespaces.py`` fails while the module is stale. The generated
module holds a :class:`rdflib.namespace.DefinedNamespace` named ``KG`` with
``_fail = True``, so a mistyped ontology term raises instead of minting a new
IRI.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

__all__ = ["KG_NAMESPACE", "ONTOLOGY_IRI", "main", "render", "terms"]

KG_NAMESPACE = "https://w3id.org/newskg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/newskg/ontology"

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "kg.ttl"
TARGET = HERE.parent / "kg" / "namespaces.py"

_HEADER = '''\
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
ONTOLOGY_IRI = URIRef("{ontology}")

#: schema.org, under its https IRI.
SCHEMA = SDO

#: Wikidata items and direct-claim properties.
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")


class KG(DefinedNamespace):
    """The kg ontology: every class, property and individual of ontology/kg.ttl."""

    _fail = True
    _NS = Namespace("{namespace}")

'''

_FOOTER = """

#: Local names of the kg:Relation properties: the predicates a fact may use.
RELATIONS: frozenset[str] = frozenset{relations}

#: The relations whose object is a literal (a role, a quote), not an entity.
LITERAL_RELATIONS: frozenset[str] = frozenset{literal_relations}

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
"""

_KINDS = (
    (OWL.Class, "class"),
    (OWL.ObjectProperty, "object property"),
    (OWL.DatatypeProperty, "datatype property"),
    (OWL.NamedIndividual, "individual"),
)


def terms(graph: Graph) -> list[tuple[str, str, str]]:
    """List the ontology's own terms.

    Args:
        graph: the parsed ontology.

    Returns:
        ``(local name, kind, English label)`` for every subject in the kg
        namespace, sorted by local name.

    Raises:
        ValueError: when a term has no English label or is not a valid
            Python identifier.
    """
    found: list[tuple[str, str, str]] = []
    for subject in sorted({s for s in graph.subjects() if isinstance(s, URIRef)}):
        if not str(subject).startswith(KG_NAMESPACE):
            continue
        name = str(subject)[len(KG_NAMESPACE) :]
        if not name.isidentifier():
            raise ValueError(f"kg:{name} in {ONTOLOGY.name} is not a valid Python identifier")
        kind = next((label for cls, label in _KINDS if (subject, RDF.type, cls) in graph), "term")
        english = [
            str(o)
            for o in graph.objects(subject, RDFS.label)
            if isinstance(o, Literal) and o.language == "en"
        ]
        if not english:
            raise ValueError(f"kg:{name} in {ONTOLOGY.name} has no English rdfs:label")
        found.append((name, kind, sorted(english)[0]))
    return found


def render(ontology: Path = ONTOLOGY) -> str:
    """Return the source text of kg/namespaces.py for an ontology file.

    Args:
        ontology: the Turtle file to read.

    Returns:
        The module's source, formatted as ruff-format leaves it.
    """
    graph = Graph().parse(ontology, format="turtle")
    lines = [
        f"    {name}: URIRef  # {kind}: {label}".replace('"', "'")
        for name, kind, label in terms(graph)
    ]
    header = _HEADER.replace("{ontology}", ONTOLOGY_IRI).replace("{namespace}", KG_NAMESPACE)
    relation = URIRef(KG_NAMESPACE + "Relation")
    relations = sorted(
        str(s)[len(KG_NAMESPACE) :]
        for s in graph.subjects(RDF.type, relation)
        if str(s).startswith(KG_NAMESPACE)
    )
    literal = [
        n for n in relations if (URIRef(KG_NAMESPACE + n), RDF.type, OWL.DatatypeProperty) in graph
    ]
    footer = _FOOTER.replace("{relations}", _set_literal(relations)).replace(
        "{literal_relations}", _set_literal(literal)
    )
    return header + "\n".join(lines) + "\n" + footer


def _set_literal(names: list[str]) -> str:
    """Write ``({...})`` for a set of strings, laid out the way ruff-format does."""
    one_line = "({" + ", ".join(f'"{n}"' for n in names) + "})"
    if len(one_line) + 50 <= 100:
        return one_line
    return "(\n    {\n" + "".join(f'        "{n}",\n' for n in names) + "    }\n)"


def main() -> int:
    """Write kg/namespaces.py; return the process exit status."""
    TARGET.write_text(render(), encoding="utf-8")
    sys.stderr.write(f"wrote {TARGET.relative_to(HERE.parent)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
