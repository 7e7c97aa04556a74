"""Language files are checked on load, every problem reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.errors import ConfigError, FrameError
from kg.lang import load_data
from kg.lang.validate import check_lexicon, check_places
from kg.lexicon import lexicon

WHERE = "kg/lang/xx/places.yaml"


def _places(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "places.yaml"
    path.write_text(text, encoding="utf-8")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_lang_validate_a_place_without_a_name_names_file_and_entry(tmp_path: Path) -> None:
    places = _places(tmp_path, "countries:\n  FR: {name: France}\n  ZZ: {aliases: [Zédie]}\n")
    with pytest.raises(FrameError) as caught:
        check_places(places, WHERE)
    assert str(caught.value) == f"{WHERE}: 1 problem\n  countries.ZZ: missing 'name'"
    assert caught.value.path == WHERE


def test_lang_validate_reports_every_problem_at_once(tmp_path: Path) -> None:
    text = (
        "countries:\n"
        "  ZZ: Zédie\n"
        "  NO: {name: Norvège}\n"
        "regions:\n"
        "  ZZ-A: {name: Alpha, demonyms: alphéen, flag: vert}\n"
        "  ZZ-B: {name: ''}\n"
        "areas: [Europe, 3]\n"
    )
    with pytest.raises(ConfigError) as caught:
        check_places(_places(tmp_path, text), WHERE)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{WHERE}: 6 problems"
    assert lines[1:] == [
        "  countries.ZZ: expected a mapping with 'name', got 'Zédie'",
        "  countries: key False is not a string; quote it",
        "  regions.ZZ-A: unknown field 'flag'; known: name, aliases, demonyms, capital, country",
        "  regions.ZZ-A.demonyms: expected a list of words, got 'alphéen'",
        "  regions.ZZ-B: bad name ''",
        "  areas: expected a list of words, got ['Europe', 3]",
    ]


def test_lang_validate_lexicon_sections_of_the_wrong_shape(tmp_path: Path) -> None:
    data = {"media": "Radio Zédie", "roles": ["ministre"], "honorifics": ["M.", None]}
    where = "kg/lang/xx/lexicon.yaml"
    with pytest.raises(FrameError) as caught:
        check_lexicon(data, where, ("media", "honorifics", "absent"), ("roles",))
    assert str(caught.value).splitlines() == [
        f"{where}: 3 problems",
        "  media: expected a list of words, got 'Radio Zédie'",
        "  honorifics: expected a list of words, got ['M.', None]",
        "  roles: expected a mapping, got ['ministre']",
    ]


def test_lang_validate_the_shipped_files_pass() -> None:
    check_places(load_data("fr", "places"), "kg/lang/fr/places.yaml")
    assert "France" in lexicon("fr").places.values()
