"""SPARQL and stores: the on-disk store (:mod:`~kg.sparql.store`), stored
queries and query targets (:mod:`~kg.sparql.query`), results and their
formats (:mod:`~kg.sparql.results`), queries on a remote endpoint
(:mod:`~kg.sparql.endpoint`), Graph Store pushes (:mod:`~kg.sparql.push`) and
the HTTP policy every remote request follows (:mod:`~kg.sparql.transport`).
"""
