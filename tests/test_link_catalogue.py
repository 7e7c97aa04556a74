"""The shipped catalogue, its generator and the French place names."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
import yaml

from kg.errors import ConfigError
from kg.link.catalogue import DEFAULT_PATH, Catalogue, Row, normalise, read_rows, write_rows
from kg.link.generate import FIGURES, NAMES, PLACES, Tables, build_rows, write_catalogue


def _shipped_rows() -> list[list[str]]:
    with DEFAULT_PATH.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t"))[1:]


def _ids_in(values: list[str]) -> set[str]:
    return {v for v in values if v.startswith("Q") and v[1:].isdigit()}


def test_link_catalogue_every_id_is_checked_against_the_tables(shared_dir: Path) -> None:
    tables = Tables.read(shared_dir)
    in_tables = tables.checked_ids() - {r["qid"] for r in tables.verified}
    verified = {r["qid"] for r in tables.verified}
    ids = set()
    for qid, _field, value, _lang, _source in _shipped_rows():
        ids.add(qid)
        ids |= _ids_in(value.split("|"))
    # ids outside the tables that the hand-written files back with the sources they name
    elsewhere = {
        q
        for source in (NAMES, FIGURES)
        for entries in yaml.safe_load(source.read_text(encoding="utf-8")).values()
        for q, e in entries.items()
        if e.get("checked")
    }
    unchecked = ids - in_tables - elsewhere
    assert unchecked <= verified, f"ids in no table: {sorted(unchecked - verified)}"
    # and every id outside the tables is backed by a verified-extra row in the catalogue
    backed = {r[0] for r in _shipped_rows() if r[4].startswith("verified-extra.csv@")}
    assert unchecked <= backed


def test_link_catalogue_is_what_the_generator_writes(shared_dir: Path, tmp_path: Path) -> None:
    tables = Tables.read(shared_dir)
    rows = build_rows(
        tables,
        yaml.safe_load(PLACES.read_text(encoding="utf-8")),
        yaml.safe_load(NAMES.read_text(encoding="utf-8")),
        yaml.safe_load(FIGURES.read_text(encoding="utf-8")),
    )
    fresh = tmp_path / "catalogue.tsv"
    write_catalogue(rows, fresh)
    assert fresh.read_text(encoding="utf-8") == DEFAULT_PATH.read_text(encoding="utf-8"), (
        "kg/link/catalogue.tsv is stale: run python -m kg.link.generate --shared PATH"
    )


def test_link_catalogue_rows_name_their_source_and_snapshot() -> None:
    sources = {row[4] for row in _shipped_rows()}
    for source in sources:
        for part in source.split("+"):
            assert part in {NAMES.name, FIGURES.name, PLACES.name} or "@" in part, source


def test_link_catalogue_generator_refuses_an_unchecked_id(shared_dir: Path) -> None:
    tables = Tables.read(shared_dir)
    unknown = f"Q{max(int(q[1:]) for q in tables.checked_ids()) + 1}"
    names = {"people": {unknown: {"name": "Personne Inconnue"}}}
    with pytest.raises(ConfigError, match=f"people.{unknown}: {unknown} is in no reference table"):
        build_rows(tables, {}, names)


def test_link_catalogue_places_cover_every_country_of_the_table(shared_dir: Path) -> None:
    places = yaml.safe_load(PLACES.read_text(encoding="utf-8"))
    codes = {r["iso2"] for r in Tables.read(shared_dir).countries}
    assert codes == set(places["countries"])
    with_demonyms = [c for c, e in places["countries"].items() if e.get("demonyms")]
    assert len(with_demonyms) >= 60
    for code, entry in places["regions"].items():
        assert code.split("-")[0] == entry["country"], code


def test_link_catalogue_knows_the_reference_article_items() -> None:
    catalogue = Catalogue.load_default()
    expected = {
        "Vladimir Poutine": "Q7747",
        "Donald Trump": "Q22686",
        "Joe Biden": "Q6279",
        "Maison Blanche": "Q35525",
        "Helsinki": "Q1757",
        "OTAN": "Q7184",
        "ONU": "Q1065",
        "UE": "Q458",
        "Russie": "Q159",
        "Finlande": "Q33",
        "États-Unis": "Q30",
    }
    for name, qid in expected.items():
        assert [m.qid for m in catalogue.lookup(name)] == [qid], name
    for demonym in ("russe", "russes", "américain", "américaine", "américains"):
        assert [(m.qid, m.how) for m in catalogue.lookup(demonym)] in (
            [("Q159", "demonym")],
            [("Q30", "demonym")],
        ), demonym
    assert {m.qid for m in catalogue.lookup("Géorgie")} == {"Q230", "Q1428"}
    assert catalogue.item("Q1757").values("P17") == ["Q33"]


def test_link_catalogue_lookup_ignores_case_accents_articles_and_hyphens() -> None:
    catalogue = Catalogue.load_default()
    for variant in ("l’OTAN", "l'otan", "Etats-Unis", "les États Unis", "la Maison-Blanche"):
        assert catalogue.lookup(variant), variant
    assert normalise("  L’Élysée. ") == "elysee"


def test_link_catalogue_loads_fast_and_once() -> None:
    started = time.perf_counter()
    first = Catalogue.load_default()
    assert Catalogue.load_default() is first
    assert time.perf_counter() - started < 2.0
    assert len(first) > 1000


def test_link_catalogue_reports_a_malformed_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("qid\tfield\tvalue\tlang\tsource\nQ30\tlabel\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.tsv: data row 2 has 2 columns, expected 5"):
        Catalogue.load(bad)


def test_link_catalogue_generator_rejects_a_key_yaml_read_as_a_boolean(shared_dir: Path) -> None:
    places = yaml.safe_load("countries:\n  NO: {name: Norvège}\n")
    with pytest.raises(ConfigError, match="key False is not a string; quote it"):
        build_rows(Tables.read(shared_dir), places, {})


def test_link_catalogue_cities_are_the_checked_rows_of_the_table(shared_dir: Path) -> None:
    tables = Tables.read(shared_dir)
    checked = {r["qid"] for r in tables.cities if r["checked"] == "yes"}
    unchecked = {r["qid"] for r in tables.cities if r["checked"] != "yes"} - checked
    catalogue = Catalogue.load_default()
    cities = {qid for qid, item in catalogue.items.items() if item.kind == "city"}
    assert len(cities & checked) > 4000
    assert not cities & unchecked
    sources = {s for qid in cities for s in catalogue.items[qid].sources}
    assert any(s.startswith("cities.tsv@") for s in sources)


def test_link_catalogue_cities_carry_country_population_and_homonyms() -> None:
    catalogue = Catalogue.load_default()
    tripoli = catalogue.item("Q3579")
    assert tripoli is not None and tripoli.kind == "city"
    assert tripoli.values("P17") == ["Q1016"]  # Libya
    assert int(tripoli.values("P1082")[0]) > 1_000_000
    # the Lebanese Tripoli is not checked in the table: no item, but a homonym
    assert [h.split("|")[0] for h in tripoli.values("homonym")] == ["Q822"]
    assert {m.qid for m in catalogue.lookup("Tripoli")} == {"Q3579"}
    # a city named like a country is left to the country
    assert [m.qid for m in catalogue.lookup("Djibouti")] == ["Q977"]
    assert [m.qid for m in catalogue.lookup("Moscou")] == ["Q649"]


def test_link_catalogue_rows_round_trip_and_refuse_a_bad_header(tmp_path: Path) -> None:
    rows = [Row("Q1", "kind", "city", "", "here@2026"), Row("Q1", "label", "Ici", "fr", "here")]
    path = tmp_path / "mine.tsv"
    assert write_rows(rows, path, "test rows") == 2
    assert read_rows(path) == rows
    assert path.read_text(encoding="utf-8").startswith("# test rows\n")
    assert [m.qid for m in Catalogue.with_extra([path]).lookup("Ici")] == ["Q1"]
    path.write_text("q\tf\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mine.tsv: header must be"):
        read_rows(path)


def test_link_catalogue_generator_takes_an_id_outside_the_tables_with_its_sources(
    shared_dir: Path,
) -> None:
    tables = Tables.read(shared_dir)
    unknown = f"Q{max(int(q[1:]) for q in tables.checked_ids()) + 1}"
    names = {"places": {unknown: {"kind": "place", "name": "Nulle Part", "checked": "a list"}}}
    rows = build_rows(tables, {}, names)
    assert any(r.qid == unknown and r.value == "Nulle Part" for r in rows)
    names["places"][unknown].pop("checked")
    with pytest.raises(ConfigError, match=f"places.{unknown}: {unknown} is in no reference table"):
        build_rows(tables, {}, names)


def test_link_catalogue_figures_name_their_sources_and_past_offices() -> None:
    figures = yaml.safe_load(FIGURES.read_text(encoding="utf-8"))["people"]
    assert all(entry.get("checked") for entry in figures.values())
    catalogue = Catalogue.load_default()
    bush = catalogue.items["Q207"]
    assert ("label", "George W. Bush") in bush.names
    assert [m.qid for m in catalogue.lookup("George Walker Bush")] == ["Q207"]
    # a regnal number is no surname: "II" names neither Jean-Paul II nor a king
    assert catalogue.with_name("surname", "II") == []
    assert "Q989" in {m.qid for m in catalogue.lookup("Jean-Paul II")}


def test_link_catalogue_generator_refuses_an_unchecked_figure(shared_dir: Path) -> None:
    tables = Tables.read(shared_dir)
    unknown = f"Q{max(int(q[1:]) for q in tables.checked_ids()) + 1}"
    figures = {"people": {unknown: {"name": "Ancien Dirigeant"}}}
    with pytest.raises(ConfigError, match=r"figures-fr.yaml:\n.*is in no reference table"):
        build_rows(tables, {}, {}, figures)
