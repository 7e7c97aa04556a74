"""Every command has help ending with an example that runs, and is in the README."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import typer
from factory import ROOT
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def commands() -> list[tuple[str, ...]]:
    """Every command path: ("build",), ("store", "stats") ..."""
    group = typer.main.get_command(app)
    found = []
    for name, command in sorted(group.commands.items()):
        if getattr(command, "commands", None):  # a group of sub-commands
            found += [(name, sub) for sub in sorted(command.commands)]
        else:
            found.append((name,))
    return found


def example_of(path: tuple[str, ...]) -> str:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    match = re.search(r"Example: (kg [^│╭╰]*?)(?:\s{2,}|\s*[╭│]|$)", text)
    assert match, f"kg {' '.join(path)} --help has no example:\n{result.stdout}"
    return match.group(1).strip()


def test_cli_every_command_has_help_and_an_example():
    paths = commands()
    assert ("build",) in paths and ("store", "entities") in paths
    for path in paths:
        example_of(path)


def test_cli_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(p) for p in commands() if f"kg {' '.join(p)}" not in readme]
    assert not missing


#: Examples that need what the previous ones made; run in this order.
ORDER = ["build", "show", "validate", "store load", "store stats", "store entities", "export"]


def test_cli_help_examples_really_run(tmp_path: Path, monkeypatch):
    """Run from a directory outside the project holding only a copy of examples/
    (what a user of the installed package downloads) and an empty out/."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    paths = sorted(
        commands(), key=lambda p: ORDER.index(" ".join(p)) if " ".join(p) in ORDER else 99
    )
    ran = []
    for path in paths:
        words = shlex.split(example_of(path))[1:]
        assert not any(w.startswith("tests/") for w in words), words
        if path == ("push",):
            continue  # needs a Virtuoso on port 8890; tests/test_remote.py pushes for real
        if path == ("serve",):
            continue  # runs until Ctrl-C; tests/test_serve_live.py serves for real
        result = runner.invoke(app, words)
        assert result.exit_code == 0, f"{' '.join(words)}:\n{result.output}"
        ran.append(" ".join(path))
    assert len(ran) == len(paths) - 2
    assert os.path.exists("out/example.trig") and os.path.exists("out/store.trig")


def test_cli_public_api_names_all_resolve():
    import kg

    assert sorted(kg.__all__) == sorted(set(kg.__all__))
    for name in kg.__all__:
        assert getattr(kg, name) is not None
