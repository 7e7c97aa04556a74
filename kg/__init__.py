"""kg: build an RDF knowledge graph of people, organisations, places and facts
from news articles.

The public API, in the order data flows::

    from kg import Pipeline, read_path, build_dataset, write

    pipeline = Pipeline(lang="fr")               # loads the spaCy model once
    extractions = list(pipeline.extract_many(read_path(Path("article.txt"))))
    write(build_dataset(extractions), "out.ttl", "turtle", force=True)

Everything kg raises on purpose is a :class:`KGError`.
"""

import importlib
from typing import Any

#: Public names and the module each lives in, imported on first use so that
#: ``import kg`` (and the command line) starts fast.
_EXPORTS: dict[str, str] = {
    "DEFAULT_BASE": "kg.graph",
    "Article": "kg.model",
    "BuildConfig": "kg.build.outputs",
    "BuildReport": "kg.build.runner",
    "Candidate": "kg.model",
    "ConfigError": "kg.errors",
    "EndpointError": "kg.errors",
    "Entity": "kg.model",
    "EntityType": "kg.model",
    "Extraction": "kg.model",
    "Fact": "kg.model",
    "FrameError": "kg.errors",
    "GoldError": "kg.errors",
    "InputError": "kg.errors",
    "KGError": "kg.errors",
    "Link": "kg.model",
    "Linker": "kg.link",
    "LinkingError": "kg.errors",
    "Mention": "kg.model",
    "MentionKind": "kg.model",
    "Modality": "kg.model",
    "OntologyError": "kg.errors",
    "Pipeline": "kg.pipeline",
    "Polarity": "kg.model",
    "Provenance": "kg.model",
    "QueryError": "kg.errors",
    "QueryLibrary": "kg.sparql.query",
    "Store": "kg.sparql.store",
    "StoreError": "kg.errors",
    "StoredQuery": "kg.sparql.query",
    "article_from_text": "kg.ingest",
    "article_graph": "kg.graph",
    "build_dataset": "kg.graph",
    "evaluate_files": "kg.evaluate",
    "expand_inputs": "kg.discover",
    "read_path": "kg.ingest",
    "read_text_file": "kg.ingest",
    "run_build": "kg.build.runner",
    "run_query": "kg.sparql.targets",
    "validate": "kg.rdf.shacl",
    "write": "kg.rdf.writer",
}

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_BASE",
    "Article",
    "BuildConfig",
    "BuildReport",
    "Candidate",
    "ConfigError",
    "EndpointError",
    "Entity",
    "EntityType",
    "Extraction",
    "Fact",
    "FrameError",
    "GoldError",
    "InputError",
    "KGError",
    "Link",
    "Linker",
    "LinkingError",
    "Mention",
    "MentionKind",
    "Modality",
    "OntologyError",
    "Pipeline",
    "Polarity",
    "Provenance",
    "QueryError",
    "QueryLibrary",
    "Store",
    "StoreError",
    "StoredQuery",
    "article_from_text",
    "article_graph",
    "build_dataset",
    "evaluate_files",
    "expand_inputs",
    "read_path",
    "read_text_file",
    "run_build",
    "run_query",
    "validate",
    "write",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
