"""The HTTP transport under its former import path; it lives in :mod:`kg.sparql.transport`."""

from kg.sparql.transport import USER_AGENT, HTTPFailure, Reply, Transport

__all__ = ["USER_AGENT", "HTTPFailure", "Reply", "Transport"]
