"""``kg serve``: the graph in a browser, read-only.

Modules, from the data up:

* :mod:`kg.serve.source`: a store folder (read-only) or a graph file (in memory);
* :mod:`kg.serve.facts`: statements and names read for pages;
* :mod:`kg.serve.entity`, :mod:`kg.serve.article`, :mod:`kg.serve.neighbourhood`,
  :mod:`kg.serve.search`: the data of each page;
* :mod:`kg.serve.sparql`: queries from clients under limits, result formats;
* :mod:`kg.serve.api`: the stored queries as a web API and its OpenAPI description;
* :mod:`kg.serve.app`: the Starlette application (routes, templates, headers).

Templates are in ``templates/``, styles and scripts in ``static/``, the
vendored JavaScript libraries with their licences in ``static/vendor/``.
"""

from __future__ import annotations

from kg.serve.app import CSP, create_app
from kg.serve.source import Source, open_source
from kg.serve.sparql import Limits

__all__ = ["CSP", "Limits", "Source", "create_app", "open_source"]
