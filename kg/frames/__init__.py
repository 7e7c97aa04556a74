"""Frames: relations and events declared in YAML, matched on the dependency parse.

``load_frames`` reads and validates ``kg/lang/<lang>/frames.yaml``;
``extract_facts`` turns a parsed article and its entities into facts.
The matcher is imported on first use, so that :mod:`kg.quotes` can use the
grammar of :mod:`kg.frames.paths` while the matcher uses :mod:`kg.quotes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.frames.schema import PREDICATES, Frame, FrameSet, Trigger, load_frames, validate_frames

if TYPE_CHECKING:
    from kg.frames.match import EntityLookup, extract_facts

__all__ = [
    "PREDICATES",
    "EntityLookup",
    "Frame",
    "FrameSet",
    "Trigger",
    "extract_facts",
    "load_frames",
    "validate_frames",
]


def __getattr__(name: str) -> Any:
    if name in ("extract_facts", "EntityLookup"):
        from kg.frames import match

        return getattr(match, name)
    raise AttributeError(f"module 'kg.frames' has no attribute {name!r}")
