"""Frame files: the shipped one validates, a broken one names every problem."""

from __future__ import annotations

import pytest

from kg.errors import FrameError
from kg.frames import PREDICATES, load_frames, validate_frames


def good_frame(**changes: object) -> dict[str, object]:
    frame: dict[str, object] = {
        "id": "meet.v1",
        "predicate": "metWith",
        "verbs": ["rencontrer"],
        "subject": ["subject"],
        "object": ["object", "prep/avec"],
        "subject_types": ["Person"],
        "object_types": ["Person"],
        "confidence": 0.8,
    }
    frame.update(changes)
    return frame


def test_frames_shipped_file_validates_and_indexes_triggers() -> None:
    frames = load_frames("fr")
    assert {f.predicate for f in frames.frames} <= set(PREDICATES)
    assert any(f.id == "meet.v1" for f, _t in frames.by_verb("rencontrer"))
    assert any(f.predicate == "visited" for f, _t in frames.by_noun("visite"))
    assert all(f.rule.startswith("frame:") for f in frames.frames)
    assert "homologue" not in next(f for f in frames.frames if f.id == "position.v1").roles


def test_frames_all_errors_are_reported_at_once() -> None:
    data = {
        "frames": [
            good_frame(),
            good_frame(id="speak.v1", predicate="speakFor"),
            good_frame(id="bad id", object=["prep"], confidence=2),
            good_frame(id="typo.v1", subject_types=["Persn"], colour="red"),
        ]
    }
    with pytest.raises(FrameError) as caught:
        validate_frames(data, "fr", "frames.yaml")
    message = str(caught.value)
    assert (
        "frames[1] (speak.v1).predicate: unknown predicate 'speakFor'; known: accused, "
        "congratulated" in message
    )
    assert "frames[2] (bad id).id" in message
    assert "'prep' needs its prepositions" in message
    assert "confidence: expected a number in (0, 1]" in message
    assert "unknown type 'Persn'; known: Person" in message
    assert "unknown field 'colour'" in message
    assert caught.value.path == "frames.yaml"


def test_frames_duplicate_ids_and_empty_files_are_refused() -> None:
    with pytest.raises(FrameError, match="duplicate id 'meet.v1'"):
        validate_frames({"frames": [good_frame(), good_frame()]})
    with pytest.raises(FrameError, match="non-empty 'frames' list"):
        validate_frames({"frames": []})


def test_frames_trigger_mapping_and_multiword_trigger() -> None:
    frames = validate_frames(
        {
            "frames": [
                good_frame(
                    id="warn.v1",
                    predicate="warned",
                    verbs=["mettre en garde", {"lemma": "entretenir", "reflexive": True}],
                )
            ]
        }
    )
    ((_frame, trigger),) = frames.by_verb("mettre")
    assert trigger.words == ("en", "garde")
    ((_frame, reflexive),) = frames.by_verb("entretenir")
    assert reflexive.reflexive is True
    with pytest.raises(FrameError, match=r"verbs\[0\]: unknown field 'lema'"):
        validate_frames({"frames": [good_frame(verbs=[{"lema": "voir"}])]})


def test_frames_roles_flags_and_word_lists_are_checked_together() -> None:
    role = good_frame(id="chief.v1", predicate="holdsPosition", kind="role", verbs=[], roles=[])
    data = {
        "frames": [
            role,
            good_frame(id="bad.v1", roles=7, symmetric="yes", **{"except": "maire"}),
            good_frame(id="odd.v1", kind="state"),
        ],
        "support_verbs": "faire",
        "place_nouns": ["ville"],
    }
    with pytest.raises(FrameError) as caught:
        validate_frames(data, "fr", "frames.yaml")
    assert str(caught.value).splitlines() == [
        "frames.yaml: 6 problem(s):",
        "frames[0] (chief.v1): a role frame needs 'roles'",
        "frames[1] (bad.v1).except: expected a list of role nouns, got 'maire'",
        "frames[1] (bad.v1).roles: expected a list of role nouns or 'lexicon', got 7",
        "frames[1] (bad.v1).symmetric: expected true or false, got 'yes'",
        "frames[2] (odd.v1).kind: unknown kind 'state'; known: event, role",
        "support_verbs: expected a list of words, got 'faire'",
    ]


def test_frames_role_nouns_take_the_lexicon_less_the_excluded_ones() -> None:
    role = good_frame(
        id="chief.v1",
        predicate="holdsPosition",
        kind="role",
        verbs=[],
        roles=["Doyen", "lexicon"],
        symmetric=True,
        **{"except": ["MAIRE"]},
    )
    frames = validate_frames({"frames": [role], "place_nouns": ["Ville"]}, "fr")
    frame = frames.frames[0]
    assert "doyen" in frame.roles and "ministre" in frame.roles
    assert "maire" not in frame.roles
    assert frame.symmetric is True
    assert frames.place_nouns == frozenset({"ville"})


def test_frames_refusals_are_read_and_checked() -> None:
    frames = validate_frames({"frames": [good_frame(refuses=["question", "unspoken_quote"])]})
    assert frames.frames[0].refuses == frozenset({"question", "unspoken_quote"})
    assert validate_frames({"frames": [good_frame()]}).frames[0].refuses == frozenset()
    with pytest.raises(FrameError, match=r"refuses: expected a list of refusals; known: city"):
        validate_frames({"frames": [good_frame(refuses=["questions"])]})
    with pytest.raises(FrameError, match=r"\(meet.v1\).refuses"):
        validate_frames({"frames": [good_frame(refuses="question")]})
