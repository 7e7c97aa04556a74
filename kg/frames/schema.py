"""Frame files: load ``kg/lang/<lang>/frames.yaml`` and validate it.

A frame declares one way a language expresses a kg relation: its trigger
words, where its arguments sit on the dependency parse, the entity types it
accepts, and a base confidence. Validation reports every problem at once, one
per line, each naming the file, the frame and the field
(``frames[3].predicate: unknown predicate 'speakFor'; known: ...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kg.errors import FrameError
from kg.frames.refusals import REFUSALS
from kg.frames.value_checks import check_paths, check_types, check_word_lists
from kg.lang import load_data
from kg.namespaces import RELATIONS

__all__ = [
    "PREDICATES",
    "Frame",
    "FrameSet",
    "Trigger",
    "load_frames",
    "validate_frames",
]

#: The kg ontology properties a frame may produce.
PREDICATES: tuple[str, ...] = tuple(sorted(RELATIONS))

_KINDS = ("event", "role")
_FIELDS = {
    "id",
    "predicate",
    "kind",
    "verbs",
    "nouns",
    "roles",
    "subject",
    "object",
    "subject_types",
    "object_types",
    "symmetric",
    "confidence",
    "except",
    "refuses",
}
_TRIGGER_FIELDS = {"lemma", "subject", "object", "reflexive", "requires", "unless", "without"}
_ID = re.compile(r"^[a-z][a-z0-9_-]*\.v[0-9]+$")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word of a frame.

    Attributes:
        lemma: the lemma of the head word.
        words: further words that must appear among the trigger's dependents
            ("mettre en garde" -> lemma "mettre", words ("en", "garde")).
        subject, object: argument paths overriding the frame's, or None.
        reflexive: the verb must carry a reflexive pronoun ("s'entretenir").
        requires: words that must appear in the trigger's sentence.
        unless: words that must not appear in it.
        without: paths that must reach nothing ("appeler X à cesser" is no call).
    """

    lemma: str
    words: tuple[str, ...] = ()
    subject: tuple[str, ...] | None = None
    object: tuple[str, ...] | None = None
    reflexive: bool = False
    requires: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    without: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Frame:
    """One declared frame (see ``kg/lang/fr/frames.yaml`` for the fields)."""

    id: str
    predicate: str
    kind: str = "event"
    verbs: tuple[Trigger, ...] = ()
    nouns: tuple[Trigger, ...] = ()
    roles: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    subject_types: frozenset[str] = frozenset()
    object_types: frozenset[str] = frozenset()
    symmetric: bool = False
    confidence: float = 0.7
    refuses: frozenset[str] = frozenset()

    @property
    def rule(self) -> str:
        """The rule id written into provenance."""
        return f"frame:{self.id}"


@dataclass(frozen=True, slots=True)
class FrameSet:
    """The validated frames of one language, indexed by trigger lemma."""

    lang: str
    frames: tuple[Frame, ...]
    support_verbs: frozenset[str] = frozenset()
    verb_index: dict[str, tuple[tuple[Frame, Trigger], ...]] = field(default_factory=dict)
    noun_index: dict[str, tuple[tuple[Frame, Trigger], ...]] = field(default_factory=dict)
    appointment_verbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    organization_nouns: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    seat_nouns: frozenset[str] = frozenset()
    country_nouns: frozenset[str] = frozenset()
    capital_nouns: frozenset[str] = frozenset()

    def by_verb(self, lemma: str) -> tuple[tuple[Frame, Trigger], ...]:
        """The (frame, trigger) pairs whose verb trigger has this lemma."""
        return self.verb_index.get(lemma.lower(), ())

    def by_noun(self, lemma: str) -> tuple[tuple[Frame, Trigger], ...]:
        """The (frame, trigger) pairs whose noun trigger has this lemma."""
        return self.noun_index.get(lemma.lower(), ())

    @property
    def role_frames(self) -> tuple[Frame, ...]:
        """The frames of kind ``role``."""
        return tuple(f for f in self.frames if f.kind == "role")


def _check_trigger(item: Any, where: str, errors: list[str]) -> Trigger | None:
    if isinstance(item, str):
        item = {"lemma": item}
    if not isinstance(item, dict):
        errors.append(f"{where}: expected a word or a mapping, got {item!r}")
        return None
    for key in sorted(set(item) - _TRIGGER_FIELDS):
        errors.append(
            f"{where}: unknown field {key!r}; known: {', '.join(sorted(_TRIGGER_FIELDS))}"
        )
    lemma = item.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip():
        errors.append(f"{where}.lemma: expected a word, got {lemma!r}")
        return None
    words = lemma.lower().split()
    subject = (
        check_paths(item["subject"], f"{where}.subject", errors) if "subject" in item else None
    )
    obj = check_paths(item["object"], f"{where}.object", errors) if "object" in item else None
    without = check_paths(item.get("without", []), f"{where}.without", errors)
    reflexive = item.get("reflexive", False)
    if not isinstance(reflexive, bool):
        errors.append(f"{where}.reflexive: expected true or false, got {reflexive!r}")
    lists = {}
    for key in ("requires", "unless"):
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            errors.append(f"{where}.{key}: expected a list of words, got {value!r}")
            value = []
        lists[key] = tuple(w.lower() for w in value)
    return Trigger(
        words[0],
        tuple(words[1:]),
        subject,
        obj,
        bool(reflexive),
        lists["requires"],
        lists["unless"],
        without,
    )


def _check_header(raw: dict, where: str, errors: list[str]) -> tuple[Any, Any, Any]:
    """A frame's unknown fields, id, predicate and kind; the last three as given."""
    for key in sorted(set(raw) - _FIELDS):
        errors.append(f"{where}: unknown field {key!r}; known: {', '.join(sorted(_FIELDS))}")
    fid = raw.get("id")
    if not isinstance(fid, str) or not _ID.match(fid):
        errors.append(f"{where}.id: expected an id like 'meet.v1', got {fid!r}")
    predicate = raw.get("predicate")
    if predicate not in PREDICATES:
        errors.append(
            f"{where}.predicate: unknown predicate {predicate!r}; known: {', '.join(PREDICATES)}"
        )
    kind = raw.get("kind", "event")
    if kind not in _KINDS:
        errors.append(f"{where}.kind: unknown kind {kind!r}; known: {', '.join(_KINDS)}")
    return fid, predicate, kind


def _check_roles(raw: dict, where: str, lang: str, errors: list[str]) -> tuple[list, list]:
    """A frame's role nouns ("lexicon" expanded) and the role nouns it leaves out."""
    roles = raw.get("roles", [])
    if roles == "lexicon":
        roles = ["lexicon"]
    if isinstance(roles, list) and "lexicon" in roles:
        # "lexicon" stands for the role nouns of lexicon.yaml, beside the frame's own
        lexicon = sorted(load_data(lang, "lexicon").get("roles", {}))
        roles = [r for r in roles if r != "lexicon"] + lexicon
    excluded = raw.get("except", [])
    if not isinstance(excluded, list) or not all(isinstance(r, str) for r in excluded):
        errors.append(f"{where}.except: expected a list of role nouns, got {excluded!r}")
        excluded = []
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        errors.append(f"{where}.roles: expected a list of role nouns or 'lexicon', got {roles!r}")
        roles = []
    return roles, excluded


def _check_flags(raw: dict, where: str, errors: list[str]) -> tuple[bool, float]:
    """A frame's ``symmetric`` flag and its confidence (0.5 in place of a bad one)."""
    symmetric = raw.get("symmetric", False)
    if not isinstance(symmetric, bool):
        errors.append(f"{where}.symmetric: expected true or false, got {symmetric!r}")
    confidence = raw.get("confidence")
    if (
        isinstance(confidence, bool)
        or not isinstance(confidence, int | float)
        or not 0 < confidence <= 1
    ):
        errors.append(f"{where}.confidence: expected a number in (0, 1], got {confidence!r}")
        confidence = 0.5
    return bool(symmetric), float(confidence)


def _check_refusals(raw: dict, where: str, errors: list[str]) -> frozenset[str]:
    """The readings a frame refuses (see :mod:`kg.frames.refusals`)."""
    refuses = raw.get("refuses", [])
    if not isinstance(refuses, list) or not all(r in REFUSALS for r in refuses):
        errors.append(
            f"{where}.refuses: expected a list of refusals; known: {', '.join(REFUSALS)}, "
            f"got {refuses!r}"
        )
        refuses = []
    return frozenset(refuses)


def _check_frame(raw: Any, i: int, lang: str, errors: list[str]) -> Frame | None:
    where = f"frames[{i}]"
    if not isinstance(raw, dict):
        errors.append(f"{where}: expected a mapping, got {raw!r}")
        return None
    if isinstance(raw.get("id"), str):
        where = f"frames[{i}] ({raw['id']})"
    fid, predicate, kind = _check_header(raw, where, errors)
    verbs = [
        _check_trigger(v, f"{where}.verbs[{j}]", errors)
        for j, v in enumerate(raw.get("verbs") or [])
    ]
    nouns = [
        _check_trigger(v, f"{where}.nouns[{j}]", errors)
        for j, v in enumerate(raw.get("nouns") or [])
    ]
    roles, excluded = _check_roles(raw, where, lang, errors)
    if kind == "event" and not verbs and not nouns:
        errors.append(f"{where}: an event frame needs 'verbs' or 'nouns'")
    if kind == "role" and not roles:
        errors.append(f"{where}: a role frame needs 'roles'")
    subject = check_paths(raw.get("subject", []), f"{where}.subject", errors)
    obj = check_paths(raw.get("object", []), f"{where}.object", errors)
    if kind == "event" and not (subject and obj):
        errors.append(f"{where}: an event frame needs 'subject' and 'object' paths")
    subject_types = check_types(raw.get("subject_types"), f"{where}.subject_types", errors)
    object_types = check_types(raw.get("object_types"), f"{where}.object_types", errors)
    symmetric, confidence = _check_flags(raw, where, errors)
    if not isinstance(fid, str) or predicate not in PREDICATES or kind not in _KINDS:
        return None
    return Frame(
        id=fid,
        predicate=predicate,
        kind=kind,
        verbs=tuple(v for v in verbs if v),
        nouns=tuple(n for n in nouns if n),
        roles=tuple(r.lower() for r in roles if r.lower() not in {e.lower() for e in excluded}),
        subject=subject,
        object=obj,
        subject_types=subject_types,
        object_types=object_types,
        symmetric=symmetric,
        confidence=confidence,
        refuses=_check_refusals(raw, where, errors),
    )


def _by_lemma(frames: list[Frame], part: str) -> dict[str, tuple[tuple[Frame, Trigger], ...]]:
    """The frames' triggers of one part of speech (``verbs`` or ``nouns``) by lemma."""
    found: dict[str, list[tuple[Frame, Trigger]]] = {}
    for frame in frames:
        for trigger in getattr(frame, part):
            found.setdefault(trigger.lemma, []).append((frame, trigger))
    return {k: tuple(v) for k, v in found.items()}


def validate_frames(data: Any, lang: str = "fr", where: str = "frames.yaml") -> FrameSet:
    """Validate a parsed frame file and index its triggers.

    Args:
        data: the parsed YAML (a mapping with a ``frames`` list).
        lang: the language the frames are for.
        where: the file name used in messages.

    Returns:
        The frames, indexed by trigger lemma.

    Raises:
        FrameError: listing every problem, one per line.
    """
    errors: list[str] = []
    raw_frames = data.get("frames") if isinstance(data, dict) else None
    if not isinstance(raw_frames, list) or not raw_frames:
        raise FrameError(f"{where}: expected a non-empty 'frames' list", where)
    frames: list[Frame] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_frames):
        frame = _check_frame(raw, i, lang, errors)
        if frame is None:
            continue
        if frame.id in seen:
            errors.append(f"frames[{i}].id: duplicate id {frame.id!r}")
        seen.add(frame.id)
        frames.append(frame)
    lemmas = check_word_lists(data, errors)
    if errors:
        raise FrameError(f"{where}: {len(errors)} problem(s):\n" + "\n".join(errors), where)
    return FrameSet(
        lang,
        tuple(frames),
        lemmas["support_verbs"],
        _by_lemma(frames, "verbs"),
        _by_lemma(frames, "nouns"),
        lemmas["appointment_verbs"],
        lemmas["place_nouns"],
        lemmas["organization_nouns"],
        lemmas["party_nouns"],
        lemmas["seat_nouns"],
        lemmas["country_nouns"],
        lemmas["capital_nouns"],
    )


@cache
def load_frames(lang: str = "fr") -> FrameSet:
    """Load and validate the frames of a language (cached per process).

    Raises:
        ConfigError: the language is not supported.
        FrameError: the frame file is missing, not YAML, or does not validate.
    """
    where = f"kg/lang/{lang}/frames.yaml"
    data = load_data(lang, "frames")
    if not data:
        raise FrameError(
            f"{where}: missing or empty; a language needs frames to extract facts", where
        )
    return validate_frames(data, lang, where)
