"""Frames: relations and events declared in YAML, matched on the dependency parse.

``load_frames`` reads and validates ``kg/lang/<lang>/frames.yaml``;
``extract_facts`` turns a parsed article, its entities and the attribution
found by the quote step into facts.
"""

from __future__ import annotations

from kg.frames.match import extract_facts, speaker_lookup
from kg.frames.resolver import EntityLookup, Sources
from kg.frames.schema import PREDICATES, Frame, FrameSet, Trigger, load_frames, validate_frames

__all__ = [
    "PREDICATES",
    "EntityLookup",
    "Frame",
    "FrameSet",
    "Sources",
    "Trigger",
    "extract_facts",
    "load_frames",
    "speaker_lookup",
    "validate_frames",
]
