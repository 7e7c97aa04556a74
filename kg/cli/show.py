"""``kg show``: the entities and facts kg finds in articles, for a person or a script.

For a person the layout follows the terminal: from :data:`WIDE` columns on,
two tables (entities, then facts with their sentence); below, the entities
as a narrow table and each fact as a block, the fact on one line and its
qualifiers and sentence indented under it, so that a sentence wraps at the
width of the terminal rather than in a thin column. For a script,
``--format json`` (one object a line) and ``--format csv`` write one record
per entity and per fact, with the fields of the tables, never cut.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from kg.cli.common import (
    ARTICLES,
    LANG,
    LINK,
    app,
    format_option,
    handle_errors,
    out,
    tune_for_nlp,
)
from kg.errors import ConfigError
from kg.model import Article, Extraction

__all__ = ["WIDE", "entity_records", "fact_records", "show"]

#: From this many columns on, facts are a table; below, one block each.
WIDE = 120

ENTITY_FIELDS = ("record", "article", "entity", "type", "wikidata", "mentions", "also called")
#: The fact fields gathered in the tables' "qualifiers" column.
QUALIFIERS = ("polarity", "modality", "place", "time", "of", "source", "role")
FACT_FIELDS = (
    ("record", "article", "subject", "predicate", "object", "value") + QUALIFIERS + ("sentence",)
)
FORMATS = ("table", "json", "csv")
#: The columns of the wide fact table, with their share of the width.
_FACT_COLUMNS = (
    ("subject", 2),
    ("predicate", 1),
    ("object", 2),
    ("qualifiers", 2),
    ("sentence", 5),
)


def entity_records(extraction: Extraction) -> Iterator[dict[str, Any]]:
    """One record per entity of an article, with the fields of :data:`ENTITY_FIELDS`."""
    for entity in extraction.entities:
        yield {
            "record": "entity",
            "article": extraction.article.id,
            "entity": entity.label,
            "type": entity.type.value,
            "wikidata": entity.qid or "",
            "mentions": len(entity.mentions),
            "also called": list(entity.aliases),
        }


def fact_records(extraction: Extraction) -> Iterator[dict[str, Any]]:
    """One record per fact of an article, with :data:`FACT_FIELDS`.

    Entities are given by name; ``object`` is an entity, ``value`` a literal
    object (a position held, the words said), and one of them is empty.
    """
    names = {e.key: e.label for e in extraction.entities}

    def name(key: str | None) -> str:
        return names.get(key, key) if key else ""

    for fact in extraction.facts:
        yield {
            "record": "fact",
            "article": extraction.article.id,
            "subject": name(fact.subject),
            "predicate": fact.predicate,
            "object": name(fact.object),
            "value": fact.value or "",
            "polarity": fact.polarity.value,
            "modality": fact.modality.value,
            "place": name(fact.place),
            "time": fact.time or "",
            "of": name(fact.of),
            "source": name(fact.source),
            "role": fact.role or "",
            "sentence": fact.provenance.sentence,
        }


def _object(record: dict[str, Any]) -> str:
    """The object entity's name, or the quoted value (a role, the words said)."""
    return record["object"] or (f'"{record["value"]}"' if record["value"] else "")


def _articles(inputs: list[str], lang: str) -> Iterator[Article]:
    """The articles of the inputs, read as ``kg build`` reads them (the same
    ids); the first bad input stops the command."""
    from kg.ingest import read_inputs, strict

    yield from strict(read_inputs(inputs, lang, sys.stdin.buffer if "-" in inputs else None))


def _write_records(extractions: Iterable[Extraction], fmt: str) -> None:
    writer = None
    if fmt == "csv":
        fields = list(dict.fromkeys(ENTITY_FIELDS + FACT_FIELDS))
        writer = csv.DictWriter(sys.stdout, fields, restval="", lineterminator="\n")
        writer.writeheader()
    for extraction in extractions:
        for record in [*entity_records(extraction), *fact_records(extraction)]:
            if writer is None:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                record["also called"] = "; ".join(record.get("also called", []))
                writer.writerow(record)


def _entity_table(extraction: Extraction) -> Table:
    table = Table(title=f"entities of {extraction.article.id}", header_style="bold")
    for column in ENTITY_FIELDS[2:]:
        justify = "right" if column == "mentions" else "left"
        table.add_column(column, overflow="fold", justify=justify)
    for record in entity_records(extraction):
        record["mentions"] = str(record["mentions"])
        record["also called"] = ", ".join(record["also called"])
        table.add_row(*(record[c] for c in ENTITY_FIELDS[2:]))
    return table


def _qualifiers(record: dict[str, Any]) -> str:
    given = [record["polarity"], record["modality"]]
    given += [f"{q}={record[q]}" for q in QUALIFIERS[2:] if record[q]]
    return " ".join(given)


def _fact_table(extraction: Extraction) -> Table:
    table = Table(title=f"facts of {extraction.article.id}", header_style="bold", expand=True)
    for column, share in _FACT_COLUMNS:
        table.add_column(column, overflow="fold", ratio=share)
    for record in fact_records(extraction):
        table.add_row(
            record["subject"],
            record["predicate"],
            _object(record),
            _qualifiers(record),
            record["sentence"],
        )
    return table


def _print_fact_blocks(extraction: Extraction) -> None:
    out.print(f"facts of {extraction.article.id}", style="bold")
    for record in fact_records(extraction):
        out.print(f"{record['subject']}  {record['predicate']}  {_object(record)}".rstrip())
        under = Group(Text(_qualifiers(record)), Text(record["sentence"]))
        out.print(Padding(under, (0, 0, 1, 4), expand=False))


def _print_tables(extractions: Iterable[Extraction]) -> None:
    for extraction in extractions:
        out.print(_entity_table(extraction))
        if not extraction.facts:
            out.print(f"no fact found in {extraction.article.id}")
        elif out.width >= WIDE:
            out.print(_fact_table(extraction))
        else:
            _print_fact_blocks(extraction)


@app.command()
@handle_errors
def show(
    inputs: list[str] = ARTICLES,
    lang: str = LANG,
    link: bool = LINK,
    fmt: str = format_option(
        "table", "table (laid out for the terminal), json (one record a line) or csv."
    ),
) -> None:
    """Show the entities and facts found in articles, each fact with its sentence.

    Below 120 columns each fact is a block (the fact, then its qualifiers and
    sentence); from 120 on, a table. json and csv give one record per entity
    and per fact, for scripts.

    Example: kg show examples/sommet-helsinki.txt examples/articles.jsonl
    """
    from kg.pipeline import Pipeline

    tune_for_nlp()

    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    pipeline = Pipeline(lang=lang, link=link)
    extractions = pipeline.extract_many(_articles(inputs, lang))
    if fmt == "table":
        _print_tables(extractions)
    else:
        _write_records(extractions, fmt)
