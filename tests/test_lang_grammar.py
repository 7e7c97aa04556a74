"""The function words of a language: one file, checked on load, read by every rule."""

from __future__ import annotations

import re

import pytest

from kg.errors import FrameError
from kg.lang import load_data
from kg.lang.grammar import elided, grammar, leading_article
from kg.lang.validate import check_grammar
from kg.lexicon import lexicon
from kg.link.fuzzy import spelling_key
from kg.role_coref import _apposition_gap

WHERE = "kg/lang/xx/grammar.yaml"


def _regex_error(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        return str(exc)
    raise AssertionError(f"{pattern!r} compiles")


def _shipped() -> dict:
    return dict(load_data("fr", "grammar"))


def test_lang_grammar_every_missing_or_mistyped_section_is_reported_at_once() -> None:
    data = _shipped()
    del data["complementisers"]
    data["genitive"] = "de"
    data["description_kinds"] = {"city": "ville", "region": ["région"]}
    data["transliteration_folds"] = [["(x", "y"], ["ou"], ["ph", "f"]]
    with pytest.raises(FrameError) as caught:
        check_grammar(data, WHERE, ("genitive", "complementisers"))
    assert str(caught.value).splitlines() == [
        f"{WHERE}: 5 problems",
        "  complementisers: missing section",
        "  genitive: expected a list of words, got 'de'",
        "  description_kinds.city: expected a list of words, got 'ville'",
        f"  transliteration_folds[0]: bad pattern '(x': {_regex_error('(x')}",
        "  transliteration_folds[1]: expected [pattern, replacement], got ['ou']",
    ]
    assert caught.value.path == WHERE


def test_lang_grammar_the_shipped_file_passes_and_is_loaded_once() -> None:
    data = _shipped()
    check_grammar(data, "kg/lang/fr/grammar.yaml", ("genitive", "definite_articles"))
    assert grammar("fr") is grammar("fr")
    assert grammar("fr").genitive == frozenset(data["genitive"])


def test_lang_grammar_is_the_one_reader_of_the_genitive_words() -> None:
    import kg.lang
    from kg.pipeline import _office_role
    from kg.polarity import load_cues

    assert not hasattr(kg.lang, "grammar_words")
    assert load_cues("fr").genitive is grammar("fr").genitive
    genitive = tuple(sorted(grammar("fr").genitive))
    assert _office_role("Président de la République", genitive) == "president"
    assert _office_role("ministre des Affaires étrangères", genitive) == "ministre"
    assert _office_role("secrétaire d'État", genitive) == "secretaire"
    assert _office_role("porte-parole", genitive) == "porte parole"


def test_lang_grammar_joined_sets_are_the_union_of_their_sections() -> None:
    words = grammar("fr")
    assert words.determiners == (
        words.definite_articles | words.possessive_determiners | words.indefinite_articles
    )
    assert words.conjunctions == words.additive_conjunctions | words.alternative_conjunctions
    assert words.capacity_words == {w for m in words.capacity_markers for w in m.split()}
    assert words.singular_possessives <= words.possessive_determiners


@pytest.mark.parametrize(
    "text, stripped",
    [
        ("l'unesco", "unesco"),
        ("l' unesco", "unesco"),
        ("la commission", "commission"),
        ("les verts", "verts"),
        ("le senat", "senat"),
        ("lesotho", "lesotho"),
        ("la", "la"),
        ("unesco", "unesco"),
    ],
)
def test_lang_grammar_leading_article_strips_one_article(text: str, stripped: str) -> None:
    assert leading_article("fr").sub("", text, count=1) == stripped


def test_lang_grammar_leading_article_with_literal_gaps() -> None:
    pattern = leading_article("fr", gap=" ", elided_gap="")
    assert pattern.sub("", "l'union africaine") == "union africaine"
    assert pattern.sub("", "le  senat") == " senat"
    assert pattern.sub("", "les\tverts") == "les\tverts"


def test_lang_grammar_elided_forms_end_with_their_apostrophe() -> None:
    assert [w for w in sorted(grammar("fr").genitive) if elided(w)] == ["d'"]
    assert not any(elided(w) for w in grammar("fr").indefinite_articles)


@pytest.mark.parametrize(
    "gap, apposed",
    [
        (", ", True),
        (" ", True),
        (", en tant que ", True),
        (", comme ", True),
        (", l’", True),
        (", l'", True),
        (", son ", True),
        (" (", False),
        (" et le ", False),
        (", ses ", False),
        (", un ", False),
    ],
)
def test_lang_grammar_apposition_gap_takes_its_words_from_the_grammar(
    gap: str, apposed: bool
) -> None:
    assert bool(_apposition_gap("fr").match(gap)) is apposed


def test_lang_grammar_transliteration_folds_come_from_the_language() -> None:
    assert spelling_key("Boutros") == spelling_key("Butros")
    assert spelling_key("Abou Mazen") == spelling_key("Abu Mazen")
    assert spelling_key("Boutros") != spelling_key("Bitros")


def test_lang_grammar_person_pronouns_are_read_from_the_lexicon() -> None:
    listed = load_data("fr", "lexicon")["person_pronouns"]
    assert lexicon("fr").person_pronouns == frozenset(w.lower() for w in listed)
