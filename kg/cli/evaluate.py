"""``kg eval``: run the extraction on annotated articles and score it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.cli.common import app, err, handle_errors, out, tune_for_nlp
from kg.evaluate import evaluate_files
from kg.model import Article, Extraction
from kg.scores import Counts, Report

__all__ = ["eval_command", "run_eval"]


def run_eval(
    paths: list[Path], link: bool = True, extract: Callable[[Article], Extraction] | None = None
) -> Report:
    """Score the kg pipeline (or ``extract``) on gold files; see :func:`evaluate_files`."""
    if extract is None:
        from kg.pipeline import pipeline_extractor  # loads spaCy: only when extracting

        extract = pipeline_extractor(link)
    return evaluate_files(paths, extract)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _counts_row(name: str, c: Counts) -> list[str]:
    return [name, _pct(c.p), _pct(c.r), _pct(c.f1), str(c.tp), str(c.fp), str(c.fn)]


def _tables(report: Report) -> tuple[Table, Table]:
    title = f"kg eval: {len(report.files)} file(s), micro-averaged"
    scores = Table(title=title, title_justify="left")
    for column in ("", "P %", "R %", "F1 %", "TP", "FP", "FN"):
        scores.add_column(column, justify="right" if column else "left")
    scores.add_row(*_counts_row("entities", report.entities))
    scores.add_row(*_counts_row("facts", report.facts), style="bold")
    for name, counts in report.by_predicate.items():
        scores.add_row(*_counts_row(f"  {name}", counts))
    shares = Table()
    for column in ("", "accuracy %", "n"):
        shares.add_column(column, justify="right" if column else "left")
    for name, share in (("linking", report.linking), ("qualifiers", report.qualifiers)):
        shares.add_row(name, _pct(share.accuracy), str(share.n))
    return scores, shares


def _print_explain(report: Report, out: Console) -> None:
    for file in report.files:
        ex = file.explain
        out.print(Text.assemble("\n", (str(file.gold), "bold"), f" (article {file.article_id})"))
        out.print(f"missed facts ({len(ex.missed)}):")
        for missed in ex.missed:
            out.print(f"  - {missed.text}", markup=False)
        out.print(f"spurious facts ({len(ex.spurious)}):")
        for spurious in ex.spurious:
            out.print(f"  + {spurious.text}", markup=False)
            out.print(f"      in: {spurious.sentence}", markup=False)
        out.print(f"wrong links ({len(ex.wrong_links)}):")
        for wrong in ex.wrong_links:
            given = ", ".join(q or "none" for q in wrong.given) or "no matching entity"
            expected = wrong.expected or "none (NIL)"
            out.print(f"  {wrong.entity} ({wrong.name}): given {given}; expected {expected}")
        if ex.missed_entities:
            out.print(f"missed entities: {', '.join(ex.missed_entities)}")
        if ex.qualifier_misses:
            out.print(f"qualifier disagreements ({len(ex.qualifier_misses)}):")
            for miss in ex.qualifier_misses:
                line = (
                    f"  {miss.fact}: {miss.qualifier} given {miss.given}, expected {miss.expected}"
                )
                out.print(line, markup=False)


EXAMPLE = "kg eval examples/gold/sommet-elysee.yaml --explain"


@app.command("eval", epilog=f"Example: {EXAMPLE}")
@handle_errors
def eval_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD.yaml...", help="Gold annotation files (YAML, format version 1)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the totals as JSON.")] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="List missed and spurious facts and wrong links (on stderr with --json).",
        ),
    ] = False,
    link: Annotated[
        bool, typer.Option("--link/--no-link", help="Link entities to Wikidata (offline).")
    ] = True,
) -> None:
    """Score the extraction against gold annotations.

    Every gold file is validated first; then each annotated article is read
    and extracted, and the results are scored: entities, Wikidata links,
    facts (overall and per predicate) and qualifiers, micro-averaged over the
    files. Ratios with a zero denominator are reported as 0.
    """
    tune_for_nlp()
    report = run_eval(gold, link=link)
    if as_json:
        typer.echo(report.to_json())
    else:
        for table in _tables(report):
            out.print(table)
    if explain:
        _print_explain(report, err if as_json else out)
