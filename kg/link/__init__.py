"""Linking entities to Wikidata: an offline catalogue, a live endpoint with a
cache, and disambiguation in the article's context."""

from kg.link.cache import Cache, default_cache_path
from kg.link.catalogue import Catalogue
from kg.link.disambiguate import Linker
from kg.link.scoring import DEFAULT_THRESHOLD
from kg.link.wikidata import DEFAULT_ENDPOINT, USER_AGENT, WikidataEndpoint

__all__ = [
    "DEFAULT_ENDPOINT",
    "DEFAULT_THRESHOLD",
    "USER_AGENT",
    "Cache",
    "Catalogue",
    "Linker",
    "WikidataEndpoint",
    "default_cache_path",
]
