"""kg: build an RDF knowledge graph of people, organisations, places and facts
from news articles.

The public API, in the order data flows::

    from kg import Pipeline, read_path, build_dataset, write

    pipeline = Pipeline(lang="fr")               # loads the spaCy model once
    extractions = list(pipeline.extract_many(read_path(Path("article.txt"))))
    write(build_dataset(extractions), "out.ttl", "turtle", force=True)

Everything kg raises on purpose is a :class:`KGError`.
"""

from kg.corpus import BuildConfig, BuildReport, run_build
from kg.errors import (
    ConfigError,
    EndpointError,
    FrameError,
    GoldError,
    InputError,
    KGError,
    LinkingError,
    OntologyError,
    QueryError,
    StoreError,
)
from kg.evaluate import evaluate_files
from kg.export import write
from kg.graph import DEFAULT_BASE, article_graph, build_dataset
from kg.ingest import article_from_text, expand_inputs, read_path, read_text_file
from kg.link import Linker
from kg.model import (
    Article,
    Candidate,
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
from kg.pipeline import Pipeline
from kg.query import QueryLibrary, StoredQuery, run_query
from kg.store import Store
from kg.validate import validate

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
