"""Finding the article files that command-line inputs name, and their ids."""

from pathlib import Path

import pytest

from kg.discover import article_suffix, discover, path_id
from kg.errors import InputError


def test_discover_article_suffix_looks_through_gzip():
    assert article_suffix(Path("a/b.JSONL.gz")) == ".jsonl"
    assert article_suffix(Path("notes.txt")) == ".txt"
    assert article_suffix(Path("archive.gz")) == ""
    assert article_suffix(Path("README")) == ""


def test_discover_path_id_is_relative_to_the_root_without_article_suffix(tmp_path: Path):
    root = tmp_path / "corpus"
    assert path_id(root / "2024" / "afp.2024.11.08.txt.gz", root) == "2024/afp.2024.11.08"
    assert path_id(root / "notes.md", root) == "notes.md"
    # a root the file is not under leaves the file's own name
    assert path_id(tmp_path / "x.json", root) == "x"


def test_discover_walks_folders_expands_globs_and_keeps_stdin(tmp_path: Path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    for name in ("d/b.txt", "d/sub/a.jsonl.gz", "d/skip.md", "c.txt", "e.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = list(discover([str(tmp_path / "d"), str(tmp_path / "[ce].txt"), "-"]))
    assert found == [
        (tmp_path / "d" / "b.txt", tmp_path / "d"),
        (tmp_path / "d" / "sub" / "a.jsonl.gz", tmp_path / "d"),
        (tmp_path / "c.txt", tmp_path),
        (tmp_path / "e.txt", tmp_path),
        ("-", None),
    ]


def test_discover_a_pattern_matching_nothing_is_an_error(tmp_path: Path):
    with pytest.raises(InputError, match=r"no file matches this pattern"):
        list(discover([str(tmp_path / "*.txt")]))
