"""Generate the shipped Wikidata catalogue from reference tables and French names.

Run ``python -m kg.link.generate --shared PATH`` where ``PATH`` is the folder
that holds ``wikidata/countries.csv`` and its sibling tables. The generator
reads:

* the tables (countries, first-level subdivisions, both leaders snapshots,
  international organisations, world cities, separately verified ids);
* ``kg/lang/fr/places.yaml``: French names, aliases and demonyms keyed by ISO
  code, joined to the tables' ids by that code;
* ``kg/link/sources/names-fr.yaml``: French names and facts of people,
  offices, organisations and places, keyed by ids that must be in a table,
  or that name in ``checked`` the public sources that confirm them;
* ``kg/link/sources/figures-fr.yaml``: world figures beyond today's leaders
  (its header states which), in the same format and under the same rule.

and writes ``kg/link/catalogue.tsv``: one row per fact, columns ``qid field
value lang source``. ``source`` names the table and its snapshot
(``countries.csv@<sha256 prefix>``) or the hand-written file the fact came
from, joined with ``+`` when a row combines both. No id is ever made up: a
hand-written id missing from every table is an error.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ConfigError
from kg.lang.grammar import grammar
from kg.lang.validate import check_places
from kg.link.catalogue import Row, write_rows
from kg.link.cities import city_rows, name_fold

__all__ = ["Row", "Tables", "build_rows", "main", "write_catalogue"]

PACKAGE = Path(__file__).resolve().parent
PLACES = PACKAGE.parent / "lang" / "fr" / "places.yaml"
NAMES = PACKAGE / "sources" / "names-fr.yaml"
FIGURES = PACKAGE / "sources" / "figures-fr.yaml"
OUTPUT = PACKAGE / "catalogue.tsv"
QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class Tables:
    """The reference tables, read once, with their snapshot tags."""

    countries: list[dict[str, str]]
    subdivisions: list[dict[str, str]]
    leaders: dict[str, list[dict[str, str]]]
    orgs: list[dict[str, str]]
    verified: list[dict[str, str]]
    tags: dict[str, str]
    cities: list[dict[str, str]]

    @classmethod
    def read(cls, shared: Path) -> Tables:
        """Read the tables under ``shared/wikidata``.

        Raises:
            ConfigError: when a table is missing.
        """
        folder = shared / "wikidata"
        names = {
            "countries": "countries.csv",
            "subdivisions": "subdivisions.csv",
            "leaders-2022": "leaders-2022-10-10.csv",
            "leaders-2024": "leaders-2024-10-23.csv",
            "orgs": "intl-orgs.csv",
            "verified": "verified-extra.csv",
            "cities": "cities.tsv",
        }
        data: dict[str, list[dict[str, str]]] = {}
        tags: dict[str, str] = {}
        for key, name in names.items():
            path = folder / name
            if not path.is_file():
                raise ConfigError(
                    f"reference table {path} is missing; --shared must name the folder "
                    f"that holds wikidata/{name}"
                )
            raw = path.read_bytes()
            tags[key] = f"{name}@{hashlib.sha256(raw).hexdigest()[:12]}"
            lines = raw.decode("utf-8").splitlines()
            if name.endswith(".tsv"):  # tab-separated, no quoting
                data[key] = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
            else:
                data[key] = list(csv.DictReader(lines))
        return cls(
            countries=data["countries"],
            subdivisions=data["subdivisions"],
            leaders={"leaders-2022": data["leaders-2022"], "leaders-2024": data["leaders-2024"]},
            orgs=data["orgs"],
            verified=data["verified"],
            tags=tags,
            cities=data["cities"],
        )

    def checked_ids(self) -> set[str]:
        """Every Wikidata id that some table holds."""
        ids = {r["wikiDataId"] for r in self.countries}
        ids |= {r["wikiDataId"] for r in self.subdivisions}
        for rows in self.leaders.values():
            for r in rows:
                ids |= {r["countryid"], r["position"], r["officeholder"]}
        ids |= {r["wikidata_qid"] for r in self.orgs}
        ids |= {r["qid"] for r in self.verified}
        ids |= {r["qid"] for r in self.cities if r["checked"] == "yes"}
        return {i for i in ids if QID.match(i or "")}


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must hold a mapping at the top level")
    return data


def _names(qid: str, entry: dict[str, Any], source: str) -> Iterator[Row]:
    if entry.get("name"):
        yield Row(qid, "label", entry["name"], "fr", source)
    for alias in entry.get("aliases") or ():
        yield Row(qid, "alias", alias, "fr", source)
    for demonym in entry.get("demonyms") or ():
        yield Row(qid, "demonym", demonym, "fr", source)


def _countries(tables: Tables, places: dict[str, Any]) -> Iterator[Row]:
    tag = tables.tags["countries"]
    french = places.get("countries") or {}
    for r in tables.countries:
        qid = r["wikiDataId"]
        if not QID.match(qid):
            continue
        yield Row(qid, "kind", "country", "", tag)
        yield Row(qid, "label", r["name"], "en", tag)
        yield Row(qid, "iso", r["iso2"], "", tag)
        if r["latitude"] and r["longitude"]:
            yield Row(qid, "P625", f"{float(r['latitude'])},{float(r['longitude'])}", "", tag)
        if r["capital"]:
            yield Row(qid, "capital", r["capital"], "en", tag)
        entry = french.get(r["iso2"])
        if entry:
            joined = f"places.yaml+{tag}"
            yield from _names(qid, entry, joined)
            if entry.get("capital"):
                yield Row(qid, "capital", entry["capital"], "fr", joined)


def _regions(tables: Tables, places: dict[str, Any], country_ids: dict[str, str]) -> Iterator[Row]:
    tag = tables.tags["subdivisions"]
    french = places.get("regions") or {}
    for r in tables.subdivisions:
        code, qid = r["iso3166_2"], r["wikiDataId"]
        if code not in french or not QID.match(qid):
            continue
        entry = french[code]
        joined = f"places.yaml+{tag}"
        yield Row(qid, "kind", "region", "", tag)
        yield Row(qid, "iso", code, "", tag)
        # "État de New York": the English name is also a city's; leave it out.
        if not entry["name"].startswith(grammar().city_named_regions):
            yield Row(qid, "label", r["name"], "en", tag)
        yield from _names(qid, entry, joined)
        country = country_ids.get(r["country_code"])
        if country:
            yield Row(qid, "P17", country, "", joined)
        if r["latitude"] and r["longitude"]:
            yield Row(qid, "P625", f"{float(r['latitude'])},{float(r['longitude'])}", "", tag)


ROMAN = re.compile(r"^[IVXL]+$")


def _surname(name: str) -> str | None:
    """The last word of a name, unless it is a regnal number ("Jean-Paul II")."""
    parts = name.split()
    return parts[-1] if len(parts) > 1 and not ROMAN.match(parts[-1]) else None


def _leaders(tables: Tables) -> Iterator[Row]:
    for key, rows in tables.leaders.items():
        tag = tables.tags[key]
        for r in rows:
            person, office, country = r["officeholder"], r["position"], r["countryid"]
            if not (QID.match(person) and QID.match(office) and QID.match(country)):
                continue
            yield Row(country, "kind", "country", "", tag)
            yield Row(country, "label", r["country"], "en", tag)
            yield Row(office, "kind", "office", "", tag)
            yield Row(office, "label", r["positionLabel"], "en", tag)
            yield Row(office, "P1001", country, "", tag)
            yield Row(person, "kind", "person", "", tag)
            yield Row(person, "label", r["officeholderLabel"], "en", tag)
            surname = _surname(r["officeholderLabel"])
            if surname:
                yield Row(person, "surname", surname, "en", tag)
            span = f"{office}|{r['start_year']}|{r['end_year']}"
            yield Row(person, "P39", span, "", tag)


def _orgs(tables: Tables) -> Iterator[Row]:
    tag = tables.tags["orgs"]
    for r in tables.orgs:
        qid = r["wikidata_qid"]
        if not QID.match(qid or ""):
            continue
        yield Row(qid, "kind", "organisation", "", tag)
        if r["name_en"]:
            yield Row(qid, "label", r["name_en"], "en", tag)
        if r["name_fr"]:
            yield Row(qid, "label", r["name_fr"], "fr", tag)
        for field, lang in (("abbrev_en", "en"), ("abbrev_fr", "fr")):
            abbrev = (r.get(field) or "").strip()
            # Some rows carry a full name in the abbreviation column.
            if abbrev and " " not in abbrev and len(abbrev) <= 12:
                yield Row(qid, "abbrev", abbrev, lang, tag)


def _cities(tables: Tables, places: dict[str, Any], country_ids: dict[str, str]) -> Iterator[Row]:
    tag = tables.tags["cities"]
    names = {name_fold(r["name"]) for r in tables.countries}
    for entry in (places.get("countries") or {}).values():
        names.update(name_fold(n) for n in [entry["name"], *(entry.get("aliases") or ())])
    for qid, field, value, lang in city_rows(tables.cities, country_ids, names):
        yield Row(qid, field, value, lang, tag)


def _verified(tables: Tables) -> Iterator[Row]:
    tag = tables.tags["verified"]
    for r in tables.verified:
        yield Row(r["qid"], "label", r["label_en"], "en", tag)
        yield Row(r["qid"], "label", r["label_fr"], "fr", tag)


def _handwritten(
    names: dict[str, Any],
    checked: set[str],
    capitals: dict[str, str],
    tag: str,
    source: str = NAMES.name,
) -> Iterator[Row]:
    kinds = {"people": "person", "offices": "office", "organisations": "organisation"}
    problems = []
    for section, entries in names.items():
        for qid, entry in (entries or {}).items():
            ids = [qid] + [v for vs in (entry.get("facts") or {}).values() for v in _fact_ids(vs)]
            # An id outside the tables needs "checked": the public sources that
            # confirm it, named in the entry itself.
            elsewhere = {qid} if entry.get("checked") else set()
            problems += [
                f"{section}.{qid}: {i} is in no reference table"
                for i in ids
                if i not in checked and i not in elsewhere
            ]
            kind = entry.get("kind") or kinds.get(section)
            if kind is None:
                problems.append(f"{section}.{qid}: no kind; choose city, building, person ...")
                continue
            yield Row(qid, "kind", kind, "", source)
            yield from _names(qid, entry, source)
            if kind == "person":
                for name in [entry.get("name")] + list(entry.get("aliases") or ()):
                    surname = _surname(name or "")
                    if surname:
                        yield Row(qid, "surname", surname, "fr", source)
            for prop, values in (entry.get("facts") or {}).items():
                for value in values:
                    text = (
                        "|".join("" if v is None else str(v) for v in value)
                        if isinstance(value, list)
                        else value
                    )
                    yield Row(qid, prop, text, "", source)
            if kind == "city" and entry.get("name") in capitals:
                yield Row(qid, "P17", capitals[entry["name"]], "", f"{source}+{tag}")
    if problems:
        raise ConfigError(
            f"unchecked Wikidata ids in kg/link/sources/{source}:\n" + "\n".join(problems)
        )


def _fact_ids(values: Iterable[Any]) -> Iterator[str]:
    for value in values:
        first = value[0] if isinstance(value, list) else value
        if isinstance(first, str) and first.startswith("Q"):
            yield first


def build_rows(
    tables: Tables,
    places: dict[str, Any],
    names: dict[str, Any],
    figures: dict[str, Any] | None = None,
) -> list[Row]:
    """Join the tables with the hand-written names into sorted, unique rows.

    ``figures`` is the content of ``figures-fr.yaml``, read like ``names``.

    Raises:
        ConfigError: when a hand-written id is in no table, or a key of the
            French names is not a code.
    """
    check_places(places, "kg/lang/fr/places.yaml")
    country_ids = {
        r["iso2"]: r["wikiDataId"] for r in tables.countries if QID.match(r["wikiDataId"])
    }
    capitals = {r["capital"]: r["wikiDataId"] for r in tables.countries if r["capital"]}
    rows: set[Row] = set()
    rows.update(_countries(tables, places))
    rows.update(_regions(tables, places, country_ids))
    rows.update(_leaders(tables))
    rows.update(_orgs(tables))
    rows.update(_cities(tables, places, country_ids))
    rows.update(_verified(tables))
    checked, tag = tables.checked_ids(), tables.tags["countries"]
    rows.update(_handwritten(names, checked, capitals, tag))
    rows.update(_handwritten(figures or {}, checked, capitals, tag, FIGURES.name))
    return sorted(rows)


def write_catalogue(rows: Iterable[Row], path: Path) -> int:
    """Write rows as tab-separated values atomically; return how many."""
    return write_rows(
        rows, path, "Generated by python -m kg.link.generate; edit its sources, not this file."
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: read the tables, write the catalogue."""
    parser = argparse.ArgumentParser(
        prog="python -m kg.link.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--shared", type=Path, required=True, help="folder holding wikidata/*.csv")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="catalogue to write")
    args = parser.parse_args(argv)
    try:
        tables = Tables.read(args.shared)
        rows = build_rows(tables, _load_yaml(PLACES), _load_yaml(NAMES), _load_yaml(FIGURES))
        count = write_catalogue(rows, args.output)
    except ConfigError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    sys.stderr.write(f"wrote {count} rows to {args.output}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
