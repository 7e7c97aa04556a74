"""RDF files and terms: the format registry (:mod:`~kg.rdf.formats`), terms
between rdflib and pyoxigraph (:mod:`~kg.rdf.terms`), canonical serialising
(:mod:`~kg.rdf.serialize`), the RDF-file reader (:mod:`~kg.rdf.reader`), the
atomic writer (:mod:`~kg.rdf.writer`) and SHACL checks (:mod:`~kg.rdf.shacl`).
"""
