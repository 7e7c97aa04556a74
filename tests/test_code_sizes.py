"""Every module of ``kg/`` stays readable: at most 400 lines, and no function
or method over 60 lines (docstring included). A module or function that grows
past the limit is split into named steps or moved out by its job."""

from __future__ import annotations

import ast

from factory import PACKAGE

MODULE_LINES = 400
FUNCTION_LINES = 60


def _sources() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(PACKAGE.parent)), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_code_sizes_no_module_over_the_limit() -> None:
    long = {name: n for name, src in _sources() if (n := len(src.splitlines())) > MODULE_LINES}
    assert long == {}


def test_code_sizes_no_function_over_the_limit() -> None:
    long = {}
    for name, src in _sources():
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    long[f"{name}:{node.name}"] = length
    assert long == {}
