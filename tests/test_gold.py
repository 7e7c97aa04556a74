"""Reading and validating gold annotation files."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import EXAMPLES

from kg.errors import GoldError, InputError
from kg.gold import PREDICATES, gold_article, load_gold

DATA = EXAMPLES / "gold"

HEADER = """\
text: article.txt
language: fr
predicates: [speaksFor, said]
"""

ENTITIES = """\
entities:
  putin:  {name: Vladimir Poutine, type: Person, wikidata: Q7747, aliases: [Poutine]}
  peskov: {name: Dmitri Peskov, type: Person, wikidata: null}
  interfax: {name: Interfax, type: Organization}
"""


def write_gold(tmp_path: Path, body: str, article: bool = True) -> Path:
    """Write a gold file (and, unless told not to, the article it names)."""
    if article:
        (tmp_path / "article.txt").write_text("Dmitri Peskov parle pour Poutine.\n", "utf-8")
    path = tmp_path / "gold.yaml"
    path.write_text(body, "utf-8")
    return path


def problems(tmp_path: Path, body: str, article: bool = True) -> list[str]:
    """The problem lines of the GoldError raised for ``body``."""
    with pytest.raises(GoldError) as info:
        load_gold(write_gold(tmp_path, body, article))
    assert info.value.path == str(tmp_path / "gold.yaml")
    first, *rest = str(info.value).splitlines()
    assert first.startswith(f"{tmp_path / 'gold.yaml'}: ")
    return [line.strip() for line in rest]


def test_gold_loads_seed_file(shared_dir: Path, seed_path: Path) -> None:
    gold = load_gold(shared_dir / "gold" / "seed-poutine-trump.yaml")
    assert gold.text == seed_path.resolve()
    assert gold.language == "fr"
    assert gold.date is None
    assert len(gold.entities) == 13
    assert len(gold.facts) == 20
    assert set(gold.predicates) <= set(PREDICATES)
    putin, peskov = gold.entities["putin"], gold.entities["peskov"]
    assert (putin.wikidata, putin.link_scored) == ("Q7747", True)
    assert "président russe" in putin.aliases
    assert (peskov.wikidata, peskov.link_scored) == (None, False)
    met = gold.facts[5]
    assert (met.s, met.p, met.o, met.place, met.time) == (
        "trump",
        "metWith",
        "putin",
        "finland",
        "2018",
    )
    assert met.modality is None and met.polarity == "positive"
    refused = gold.facts[13]
    assert (refused.polarity, refused.modality) == ("negative", "planned")
    assert gold.facts[14].quote == "contact entre les deux hommes"
    assert gold.facts[14].source == "interfax"


def test_gold_null_wikidata_is_nil_and_absent_key_is_unscored(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, HEADER + ENTITIES + "facts: []\n"))
    assert gold.entities["peskov"].wikidata is None
    assert gold.entities["peskov"].link_scored is True
    assert gold.entities["interfax"].link_scored is False
    assert gold.text == (tmp_path / "article.txt").resolve()


def test_gold_dates_and_unquoted_years_become_text(tmp_path: Path) -> None:
    body = HEADER.replace("language: fr\n", "language: fr\ndate: 2024-11-08\n") + ENTITIES
    body += "facts:\n  - {s: peskov, p: speaksFor, o: putin, time: 2018}\n"
    gold = load_gold(write_gold(tmp_path, body))
    assert gold.date == "2024-11-08"
    assert gold.facts[0].time == "2018"
    article = gold_article(gold)
    assert (article.id, article.language, article.date) == ("article", "fr", "2024-11-08")


def test_gold_reports_bad_yaml_with_its_line(tmp_path: Path) -> None:
    body = HEADER.replace("language: fr", "language: fr: en") + ENTITIES
    pattern = r"gold\.yaml: line 2, column 13: not valid YAML: mapping values are not allowed"
    with pytest.raises(GoldError, match=pattern):
        load_gold(write_gold(tmp_path, body))


def test_gold_reports_every_unknown_entity_at_once(tmp_path: Path) -> None:
    body = (
        HEADER
        + ENTITIES
        + (
            "facts:\n"
            "  - {s: peskof, p: speaksFor, o: putn}\n"
            "  - {s: peskov, p: said, quote: oui, source: tass}\n"
            "  - {s: putin, p: speaksFor, o: peskov, place: kremlin}\n"
            "  - {s: peskov, p: speaksFor, o: putin, of: russia}\n"
        )
    )
    known = "known: interfax, peskov, putin"
    assert problems(tmp_path, body) == [
        f"facts[0].s: unknown entity 'peskof'; {known}",
        f"facts[0].o: unknown entity 'putn'; {known}",
        f"facts[1].source: unknown entity 'tass'; {known}",
        f"facts[2].place: unknown entity 'kremlin'; {known}",
        f"facts[3].of: unknown entity 'russia'; {known}",
    ]


def test_gold_reports_unknown_predicates_in_facts_and_list(tmp_path: Path) -> None:
    body = HEADER.replace("[speaksFor, said]", "[speakFor, said]") + ENTITIES
    body += "facts:\n  - {s: peskov, p: spokesmanOf, o: putin}\n"
    found = problems(tmp_path, body)
    assert len(found) == 2
    assert found[0].startswith(
        "predicates[0]: unknown predicate 'speakFor'; known: accused, congratulated, "
    )
    assert found[1].startswith(
        "facts[0].p: unknown predicate 'spokesmanOf'; known: accused, congratulated, "
    )
    assert found[1].endswith(", warned, worksFor")


def test_gold_reports_bad_polarity_and_modality(tmp_path: Path) -> None:
    body = (
        HEADER
        + ENTITIES
        + (
            "facts:\n"
            "  - {s: peskov, p: speaksFor, o: putin, polarity: negated}\n"
            "  - {s: peskov, p: speaksFor, o: putin, modality: maybe}\n"
        )
    )
    assert problems(tmp_path, body) == [
        "facts[0].polarity: unknown polarity 'negated'; known: positive, negative",
        "facts[1].modality: unknown modality 'maybe'; known: asserted, possible, planned",
    ]


def test_gold_reports_bad_entity_type(tmp_path: Path) -> None:
    body = HEADER + "entities:\n  putin: {name: Poutine, type: Human}\n  x: {name: X}\nfacts: []\n"
    assert problems(tmp_path, body) == [
        "entities.putin.type: unknown type 'Human'; "
        "known: Person, Organization, Place, Event, Other",
        "entities.x.type: missing; known: Person, Organization, Place, Event, Other",
    ]


def test_gold_reports_missing_text_file(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + ENTITIES + "facts: []\n", article=False)
    assert len(found) == 1
    assert found[0].startswith("text: article file 'article.txt' not found")


def test_gold_reports_wikidata_values_that_are_not_qids(tmp_path: Path) -> None:
    body = HEADER + (
        "entities:\n"
        "  a: {name: A, type: Person, wikidata: 7747}\n"
        "  b: {name: B, type: Person, wikidata: q7747}\n"
        "  c: {name: C, type: Person, wikidata: P31}\n"
        "  d: {name: D, type: Person, wikidata: Q7747}\n"
        "facts: []\n"
    )
    suffix = "is not a Wikidata id (Q followed by digits) or null"
    assert problems(tmp_path, body) == [
        f"entities.a.wikidata: 7747 {suffix}",
        f"entities.b.wikidata: 'q7747' {suffix}",
        f"entities.c.wikidata: 'P31' {suffix}",
    ]


def test_gold_reports_missing_and_unknown_fields(tmp_path: Path) -> None:
    body = (
        "text: article.txt\n"
        "entities:\n  putin: {nom: Poutine, type: Person}\n"
        "facts:\n  - {s: putin, p: said, quote: oui, when: 2018}\n  - {p: said}\n"
    )
    assert problems(tmp_path, body) == [
        "language: missing",
        "predicates: missing",
        "entities.putin: unknown field 'nom'; known: name, type, wikidata, aliases",
        "entities.putin.name: missing",
        "facts[0]: unknown field 'when'; known: s, p, o, value, quote, polarity, modality, "
        "place, time, of, source",
        "facts[1].s: missing",
        "facts[1]: needs an object: one of o, value, quote",
    ]


def test_gold_reports_bad_time_and_date(tmp_path: Path) -> None:
    body = HEADER.replace("language: fr\n", "language: fr\ndate: hier\n") + ENTITIES
    body += "facts:\n  - {s: peskov, p: speaksFor, o: putin, time: '18'}\n"
    assert problems(tmp_path, body) == [
        "date: 'hier' is not a year or an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "facts[0].time: '18' is not a year or an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ]


def test_gold_reports_missing_file_and_non_mapping(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="nothing.yaml: gold file not found"):
        load_gold(tmp_path / "nothing.yaml")
    assert problems(tmp_path, "- just\n- a list\n") == [
        "file: expected a mapping with keys text, language, date, predicates, entities, facts"
    ]


def test_gold_article_fails_on_unreadable_text(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, HEADER + ENTITIES))
    (tmp_path / "article.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError):
        gold_article(gold)


def test_gold_test_data_file_validates() -> None:
    gold = load_gold(DATA / "sommet-elysee.yaml")
    assert gold.date == "2024-11-12"
    assert gold.entities["afp"].link_scored is False
    assert gold.facts[-1].modality == "planned" and gold.facts[-1].time == "2025"
    assert gold_article(gold).text.startswith("Le président français Emmanuel Macron")
