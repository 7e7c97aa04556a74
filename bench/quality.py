"""Write the extraction quality report (Markdown) for the README's quality section.

Runs the kg pipeline on the articles of the given gold files, scores it as
``kg eval`` does, and writes the totals, the per-predicate scores and the
lists of missed facts, spurious facts and wrong links.

Usage::

    python bench/quality.py examples/gold/sommet-elysee.yaml -o quality.md
    python bench/quality.py GOLD.yaml... -o - --no-link
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import KGError
from kg.evaluate import evaluate_files
from kg.pipeline import pipeline_extractor
from kg.scores import Counts, Report

__all__ = ["main", "render_markdown"]


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _row(name: str, c: Counts) -> str:
    return f"| {name} | {_pct(c.p)} | {_pct(c.r)} | {_pct(c.f1)} | {c.tp} | {c.fp} | {c.fn} |"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    """Render a report as Markdown: totals, per predicate, then what went wrong.

    Args:
        report: the scores of one or more gold files.

    Returns:
        The Markdown text, ending with a newline.
    """
    head = (
        "| | P % | R % | F1 % | TP | FP | FN |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    lines = [
        f"Scores over {len(report.files)} annotated article(s), micro-averaged. "
        "A ratio with a zero denominator is shown as 0.",
        "",
        "### Totals",
        "",
        head,
        _row("entities", report.entities),
        _row("facts", report.facts),
        "",
        "| | accuracy % | n |",
        "| --- | ---: | ---: |",
        f"| linking | {_pct(report.linking.accuracy)} | {report.linking.n} |",
        f"| qualifiers | {_pct(report.qualifiers.accuracy)} | {report.qualifiers.n} |",
        "",
        "### Facts per predicate",
        "",
        head,
        *(_row(f"`{name}`", counts) for name, counts in report.by_predicate.items()),
    ]
    for file in report.files:
        ex = file.explain
        lines += ["", f"### Errors in `{file.article_id}` ({file.gold.name})", ""]
        lines.append(f"Missed facts ({len(ex.missed)}):")
        if ex.missed:
            lines.append("")
            lines += [f"- {_cell(m.text)}" for m in ex.missed]
        lines += ["", f"Spurious facts ({len(ex.spurious)}):"]
        if ex.spurious:
            lines.append("")
            lines += [f"- {_cell(s.text)} — “{_cell(s.sentence)}”" for s in ex.spurious]
        lines += ["", f"Wrong links ({len(ex.wrong_links)}):"]
        if ex.wrong_links:
            lines.append("")
            for w in ex.wrong_links:
                given = ", ".join(q or "none" for q in w.given) or "no matching entity"
                lines.append(
                    f"- {w.entity} ({_cell(w.name)}): given {given}; "
                    f"expected {w.expected or 'none (NIL)'}"
                )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the quality report from the command line; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold annotation files")
    parser.add_argument(
        "-o", "--output", required=True, help="Markdown file to write, - for stdout"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    parser.add_argument("--no-link", action="store_true", help="do not link entities")
    args = parser.parse_args(argv)
    target = None if args.output == "-" else Path(args.output)
    if target is not None and target.exists() and not args.force:
        print(f"error: {target} exists; use --force to overwrite it", file=sys.stderr)
        return 1
    try:
        report = evaluate_files(args.gold, pipeline_extractor(not args.no_link))
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    text = render_markdown(report)
    if target is None:
        sys.stdout.write(text)
    else:
        partial = target.with_name(target.name + ".part")
        partial.write_text(text, "utf-8")
        partial.replace(target)
        print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
