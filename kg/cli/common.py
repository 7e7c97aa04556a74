"""What every command shares: the Typer app, consoles, error handling."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, BinaryIO, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from kg.errors import KGError

app = typer.Typer(
    name="kg",
    help="Build an RDF knowledge graph from news articles, then query, link and export it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Data goes to stdout; progress, tables for people and errors go to stderr.
#: Markup is off: text from kg, from files or from the user prints as it is
#: (``[dask]`` stays ``[dask]``); kg's own styling goes through :func:`labelled`.
out = Console(highlight=False, markup=False)
err = Console(stderr=True, highlight=False, markup=False)

_state = {"debug": bool(os.environ.get("KG_DEBUG"))}

F = TypeVar("F", bound=Callable[..., Any])


@app.callback()
def _root(
    debug: bool = typer.Option(
        False, "--debug", help="Show the full traceback on errors, and why spans were dropped."
    ),
) -> None:
    """kg: news articles in, an RDF knowledge graph out."""
    _state["debug"] = debug or bool(os.environ.get("KG_DEBUG"))  # for this command only
    logger = logging.getLogger("kg")
    for handler in [h for h in logger.handlers if isinstance(h, _DebugLines)]:
        logger.removeHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.NOTSET)
    if debug:
        logger.addHandler(_DebugLines())


class _DebugLines(logging.Handler):
    """The library's debug log (why spans were dropped ...) on stderr, one
    line a record, written to whatever stderr is when the record comes."""

    def emit(self, record: logging.LogRecord) -> None:
        err.print(f"{record.name}: {record.getMessage()}", markup=False, soft_wrap=True)


#: The ``FILE...`` argument of the commands that read articles (build, show).
ARTICLES = typer.Argument(
    ...,
    metavar="FILE...",
    help="Articles: .txt, .json/.jsonl (also .gz), directories, globs, or - for stdin.",
)


#: Options that several commands share, defined once.
LANG = typer.Option("fr", "--lang", help="Language of the articles.")
LINK = typer.Option(True, "--link/--no-link", help="Link entities to Wikidata.")
FORCE = typer.Option(False, "--force", help="Overwrite an existing output file.")
OUTPUT = typer.Option("-", "-o", "--output", help="Output file ('-' for stdout, the default).")


def format_option(default: str | None, choices: str) -> Any:
    """The ``--format``/``-f`` option of a command, its help naming the valid choices."""
    return typer.Option(default, "--format", "-f", help=choices)


def destination(dest: str) -> str | BinaryIO:
    """Where ``-o`` points: a path, or this process's standard output for ``-``."""
    return sys.stdout.buffer if dest == "-" else dest


def tune_for_nlp() -> None:
    """Tune this process for running the NLP (see kg.build.tuning); called by
    the commands that parse articles, so that the others start without spaCy."""
    from kg.build.tuning import tune_process

    tune_process()


def labelled(label: str, style: str, text: object) -> Text:
    """A label in kg's style followed by ``text`` exactly as it is.

    Args:
        label: kg's own word, such as ``error:`` or ``skipped:``.
        style: a rich style for the label, such as ``bold red``.
        text: a message, a path or a name; brackets in it are never read as markup.
    """
    return Text.assemble((label, style), " ", str(text))


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line on stderr and return the Exit to raise."""
    err.print(labelled("error:", "bold red", message), soft_wrap=True)
    return typer.Exit(code)


def handle_errors(func: F) -> F:
    """Turn KGError (and Ctrl-C) into one line on stderr and a non-zero exit."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            if _state["debug"]:
                raise
            raise fail(str(exc).splitlines()[0] if _one_line(exc) else str(exc)) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None

    return wrapper  # type: ignore[return-value]


def _one_line(exc: KGError) -> bool:
    """Multi-line messages (validation reports) are kept whole."""
    return "\n" not in str(exc)


def main() -> None:
    """Entry point of the ``kg`` console script."""
    try:
        app(prog_name="kg")
    finally:
        # The command is done. Objects that are still alive (the spaCy model,
        # the catalogue) die with the process: frozen, they are not walked by
        # the collections Python runs on the way out, which took half a second.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
