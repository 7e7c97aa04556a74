"""Tests of kg.rdf: the format registry, canonical output and atomic writes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import require_tool
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from test_graph import sample_extraction

from kg.errors import ConfigError
from kg.graph import build_dataset, graph_iri
from kg.rdf.formats import FORMATS, format_from_path, resolve_format
from kg.rdf.reader import load_rdf_file
from kg.rdf.serialize import serialize
from kg.rdf.writer import write

SUFFIXES = {
    "turtle": ".ttl",
    "trig": ".trig",
    "nquads": ".nq",
    "ntriples": ".nt",
    "json-ld": ".jsonld",
}
RAPPER = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "ntriples"}


def _dataset() -> Dataset:
    return build_dataset([sample_extraction()])


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def test_export_resolves_names_and_aliases() -> None:
    assert resolve_format("ttl") == "turtle"
    assert resolve_format("Turtle") == "turtle"
    assert resolve_format("nq") == "nquads"
    assert resolve_format("nt") == "ntriples"
    assert resolve_format("jsonld") == "json-ld"
    assert resolve_format("trig") == "trig"
    with pytest.raises(ConfigError, match=r"unknown RDF format 'turtel'; valid: .*ttl.*turtle"):
        resolve_format("turtel")


def test_export_guesses_format_from_extension() -> None:
    assert format_from_path("out/graph.ttl") == "turtle"
    assert format_from_path(Path("g.NQ")) == "nquads"
    assert format_from_path("g.jsonld") == "json-ld"
    assert format_from_path("g.txt") is None


@pytest.mark.parametrize("fmt", sorted(f.name for f in FORMATS.values() if f.writable))
def test_export_every_format_reads_back_isomorphic(fmt: str, tmp_path: Path) -> None:
    dataset = _dataset()
    dest = tmp_path / f"graph{SUFFIXES[fmt]}"
    write(dataset, dest, fmt)
    back = load_rdf_file(dest)
    assert isomorphic(_union(back), _union(dataset))
    if FORMATS[fmt].quads:
        name = graph_iri("a1")
        assert isomorphic(back.graph(name), dataset.graph(name))
    assert serialize(dataset, fmt) == dest.read_bytes()


@pytest.mark.parametrize("fmt", sorted(RAPPER))
def test_export_output_parses_in_rapper(fmt: str, tmp_path: Path) -> None:
    rapper = require_tool("rapper")
    dataset = _dataset()
    dest = tmp_path / f"graph{SUFFIXES[fmt]}"
    write(dataset, dest, fmt)
    proc = subprocess.run(
        [rapper, "-i", RAPPER[fmt], "-c", str(dest)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"returned {len(_union(dataset))} triples" in proc.stderr


def test_export_line_formats_are_sorted() -> None:
    for fmt in ("nquads", "ntriples"):
        lines = serialize(_dataset(), fmt).decode("utf-8").splitlines()
        assert lines == sorted(lines)
        assert len(lines) == len(_union(_dataset()))


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    dest = tmp_path / "graph.ttl"
    dest.write_text("keep me", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"graph\.ttl already exists; use --force"):
        write(_dataset(), dest, "turtle")
    assert dest.read_text(encoding="utf-8") == "keep me"
    write(_dataset(), dest, "turtle", force=True)
    assert dest.read_bytes() == serialize(_dataset(), "turtle")


def test_export_failed_write_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown RDF format"):
        write(_dataset(), tmp_path / "graph.ttl", "turtel")
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(ConfigError, match="cannot write"):
        write(_dataset(), target, "turtle", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
    assert list(target.iterdir()) == []
    with pytest.raises(ConfigError, match="does not exist"):
        write(_dataset(), tmp_path / "missing" / "graph.ttl", "turtle")


def test_export_new_file_gets_umask_mode(tmp_path: Path) -> None:
    dest = tmp_path / "graph.nt"
    write(_dataset(), dest, "nt")
    umask = os.umask(0)
    os.umask(umask)
    assert dest.stat().st_mode & 0o777 == 0o666 & ~umask


def test_writer_writes_to_a_stream_never_to_stdout(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    stream = io.BytesIO()
    write(_dataset(), stream, "nq")
    assert stream.getvalue() == serialize(_dataset(), "nq")
    assert capfdbinary.readouterr().out == b""


def test_cli_build_dash_writes_to_stdout(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Emmanuel Macron a rencontré Olaf Scholz à Berlin.", encoding="utf-8")
    done = subprocess.run(
        [str(Path(sys.executable).parent / "kg"), "build", str(article), "-f", "nq", "-o", "-"],
        capture_output=True,
        check=True,
        cwd=tmp_path,
    )
    assert b"<https://w3id.org/newskg/id/graph/a>" in done.stdout
    assert not (tmp_path / "-").exists()


def test_writer_one_rule_for_a_missing_directory_in_every_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    article = tmp_path / "a.txt"
    article.write_text("Emmanuel Macron a rencontré Olaf Scholz à Berlin.", encoding="utf-8")
    graph = tmp_path / "g.trig"
    write(_dataset(), graph, "trig")
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(app, ["store", "load", str(store), str(graph)]).exit_code == 0
    missing = tmp_path / "no" / "such"
    commands = {
        "build": ["build", str(article), "-o", str(missing / "a.nq")],
        "build-ttl": ["build", str(article), "-o", str(missing / "a.ttl")],
        "link": ["link", str(graph), "--offline", "-o", str(missing / "l.trig")],
        "export": ["export", "--store", str(store), "-o", str(missing / "e.nq")],
    }
    for name, args in commands.items():
        result = runner.invoke(app, args)
        assert result.exit_code == 1, name
        assert f"directory {missing} does not exist" in result.stderr, name
    assert not (tmp_path / "no").exists()


def test_formats_one_record_agrees_with_pyoxigraph_and_rdflib() -> None:
    from rdflib.plugin import Parser, Serializer, get

    from kg.rdf.formats import format_for_media_type, oxigraph_formats

    for record in FORMATS.values():
        assert format_for_media_type(record.media_type) is record
        get(record.rdflib, Parser)
        if record.writable:
            get(record.rdflib, Serializer)
        if record.oxigraph is not None:
            assert record.oxigraph.media_type == record.media_type
            assert f".{record.oxigraph.file_extension}" in record.extensions
        assert record.streamable == (record.name in ("nquads", "ntriples"))
    assert format_for_media_type("text/html") is None
    assert set(oxigraph_formats()) == {"turtle", "ttl", "trig", "nquads", "nq", "n-quads"} | {
        "ntriples",
        "nt",
        "n-triples",
    }
    assert format_from_path("x.rdf") is None and format_from_path("x.rdf", reading=True) == "rdfxml"
