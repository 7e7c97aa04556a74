"""Text from kg, files and users reaches the console literally, never as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from factory import EXAMPLES
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.common import handle_errors
from kg.errors import ConfigError

runner = CliRunner()


def test_cli_common_error_keeps_brackets(capsys):
    @handle_errors
    def needs_dask() -> None:
        raise ConfigError("--dask needs dask.distributed: pip install 'newskg[dask]'")

    with pytest.raises(typer.Exit) as exited:
        needs_dask()
    assert exited.value.exit_code == 1
    assert capsys.readouterr().err == (
        "error: --dask needs dask.distributed: pip install 'newskg[dask]'\n"
    )


def test_cli_common_file_names_keep_brackets(tmp_path: Path):
    draft = tmp_path / "[draft] note.txt"
    draft.write_bytes((EXAMPLES / "sommet-helsinki.txt").read_bytes())
    (tmp_path / "[bold]empty.txt").write_bytes(b"")
    built = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "o.nq")])
    assert built.exit_code == 1
    assert "skipped:" in built.stderr and "[bold]empty.txt" in built.stderr

    note = tmp_path / "note.txt"
    note.write_text(
        "Donald Trump et Vladimir Poutine se sont rencontrés [bold]lundi[/bold] à Helsinki.\n",
        encoding="utf-8",
    )
    shown = runner.invoke(app, ["show", str(note)], env={"COLUMNS": "100"})
    assert shown.exit_code == 0, shown.output
    assert "se sont rencontrés [bold]lundi[/bold] à" in shown.stdout

    missing = runner.invoke(app, ["show", str(tmp_path / "[red]gone.txt")])
    assert missing.exit_code == 1 and "[red]gone.txt" in missing.stderr


def test_cli_common_user_text_keeps_brackets():
    result = runner.invoke(app, ["query", "[italic]speaks-for", "--graph", "x.trig"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no stored query '[italic]speaks-for' in ")


def test_cli_common_shared_options_are_defined_once() -> None:
    import inspect

    from kg.cli import common
    from kg.cli.build import build
    from kg.cli.export import export
    from kg.cli.link import link
    from kg.cli.show import show

    def default(command, name: str):
        return inspect.signature(inspect.unwrap(command)).parameters[name].default

    assert default(build, "lang") is default(show, "lang") is common.LANG
    assert default(build, "link") is default(show, "link") is common.LINK
    assert default(build, "output") is default(link, "output") is common.OUTPUT
    assert default(export, "output") is common.OUTPUT
    assert default(link, "force") is default(export, "force") is common.FORCE
    for command in (build, show, export, link):
        assert default(command, "fmt").param_decls == ("--format", "-f")
