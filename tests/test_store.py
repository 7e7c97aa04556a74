"""The on-disk store: atomic article replacement, skipping, stats, dumps."""

from __future__ import annotations

import io
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from factory import EX, KG, SAMPLE
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.rdf.terms import ntriples_term, oxigraph_term, to_oxigraph
from kg.sparql.store import Store

A1 = EX + "graph/a1"


@pytest.fixture()
def sample() -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(SAMPLE, format="trig")
    return dataset


def _graph(dataset: rdflib.Dataset, iri: str) -> rdflib.Graph:
    out = rdflib.Graph()
    for triple in dataset.graph(rdflib.URIRef(iri)):
        out.add(triple)
    return out


def _quads(store: Store) -> set[str]:
    return {str(q) for q in store.oxigraph}


def test_store_replace_same_content_twice_is_idempotent(tmp_path, sample):
    with Store(tmp_path / "s") as store:
        store.replace_article(A1, _graph(sample, A1))
        first = _quads(store)
        store.replace_article(A1, _graph(sample, A1))
        assert _quads(store) == first
        assert len(first) == len(_graph(sample, A1))


def test_store_replace_changed_content_drops_old_facts(tmp_path, sample):
    with Store(tmp_path / "s") as store:
        store.replace_article(A1, _graph(sample, A1))
        changed = rdflib.Graph()
        changed.add(
            (rdflib.URIRef(EX + "article/a1"), rdflib.RDF.type, rdflib.URIRef(KG + "Article"))
        )
        store.replace_article(A1, changed)
        assert len(store.oxigraph) == 1
        assert store.stats().facts == 0


def test_store_exception_midway_leaves_previous_graph(tmp_path, sample):
    with Store(tmp_path / "s") as store:
        store.replace_article(A1, _graph(sample, A1))
        before = _quads(store)

        def broken():
            for number, quad in enumerate(to_oxigraph(_graph(sample, A1))):
                if number == 50:
                    raise RuntimeError("extraction failed half-way")
                yield quad

        with pytest.raises(RuntimeError, match="half-way"):
            store.replace_article(A1, broken())
        assert _quads(store) == before


def test_store_failed_update_leaves_previous_graph(tmp_path, sample):
    with Store(tmp_path / "s") as store:
        store.replace_article(A1, _graph(sample, A1))
        before = _quads(store)
        not_a_triple = ("subject", "predicate", "object")
        with pytest.raises(StoreError, match="cannot replace graph"):
            store.replace_article(A1, [*to_oxigraph(_graph(sample, A1))[:10], not_a_triple])
        assert _quads(store) == before


def test_store_has_article_compares_digest(tmp_path, sample):
    with Store(tmp_path / "s") as store:
        store.replace_article(A1, _graph(sample, A1))
        graph = _graph(sample, A1)
        sha = str(graph.value(rdflib.URIRef(EX + "article/a1"), rdflib.URIRef(KG + "sha256")))
        assert store.has_article(EX + "article/a1", sha)
        assert not store.has_article(EX + "article/a1", "0" * 64)
        assert not store.has_article(EX + "article/a2", sha)


def test_store_stats_counts_articles_entities_facts(tmp_path):
    with Store(tmp_path / "s") as store:
        store.load(SAMPLE)
        stats = store.stats()
    assert (stats.articles, stats.graphs, stats.facts) == (3, 3, 17)
    assert stats.by_predicate[KG + "metWith"] == 3
    assert stats.by_predicate[KG + "said"] == 3
    assert stats.entities == 16
    assert stats.quads == 331


def test_store_dump_roundtrips_nquads_and_unions_turtle(tmp_path, sample):
    with Store(tmp_path / "s") as store:
        store.load(SAMPLE)
        nquads = io.BytesIO()
        store.dump(nquads, "nquads")
        turtle = tmp_path / "all.ttl"
        store.dump(turtle, "ttl")
    back = rdflib.Dataset()
    back.parse(data=nquads.getvalue(), format="nquads")
    for iri in (A1, EX + "graph/a2", EX + "graph/a3"):
        assert isomorphic(_graph(back, iri), _graph(sample, iri))
    union = rdflib.Graph().parse(turtle, format="turtle")
    assert len(union) == len({(s, p, o) for s, p, o, _ in sample.quads()})


def test_store_second_open_is_a_clear_error(tmp_path):
    with Store(tmp_path / "s"):
        with pytest.raises(StoreError, match="locked"):
            Store(tmp_path / "s")


def test_store_missing_or_not_a_directory(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "absent", create=False)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store(tmp_path / "file")


def test_store_unknown_dump_format_lists_choices(tmp_path):
    with Store(tmp_path / "s") as store, pytest.raises(StoreError, match="known: .*trig"):
        store.dump(tmp_path / "x", "rdfxml")


def test_store_closed_store_refuses_work(tmp_path):
    store = Store(tmp_path / "s")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()


def test_store_cli_load_stats_export(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    store = str(tmp_path / "out" / "store")
    loaded = runner.invoke(app, ["store", "load", store, str(SAMPLE), "--no-ontology"])
    assert loaded.exit_code == 0, loaded.output
    stats = runner.invoke(app, ["store", "stats", store])
    assert stats.exit_code == 0, stats.output
    assert re.search(r"facts\s*│\s*17", stats.stdout)
    dest = tmp_path / "all.trig"
    args = ["export", "--store", store, "--format", "trig", "-o", str(dest)]
    assert runner.invoke(app, args).exit_code == 0
    assert len(rdflib.Dataset().parse(dest, format="trig")) == 325
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and "use --force" in again.stderr
    missing = runner.invoke(app, ["store", "stats", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "does not exist" in missing.stderr


@pytest.mark.parametrize(
    "term",
    [
        rdflib.URIRef("https://w3id.org/newskg/id/entity/person/vladimir-poutine"),
        rdflib.Literal("Poutine"),
        rdflib.Literal("président russe", lang="fr"),
        rdflib.Literal("Kremlin", lang="FR"),
        rdflib.Literal("x", datatype=rdflib.XSD.string),
        rdflib.Literal(42),
        rdflib.Literal("0.95", datatype=rdflib.XSD.decimal),
        rdflib.Literal("2018", datatype=rdflib.XSD.gYear),
        rdflib.Literal('il a dit "non"'),
        rdflib.Literal("deux\nlignes\tet\\barre"),
        rdflib.Literal("bip\x07\x7f"),
        rdflib.Literal("œuvre — « citation » 🙂"),
    ],
)
def test_store_ntriples_term_writes_what_pyoxigraph_writes(term: rdflib.term.Node) -> None:
    assert ntriples_term(term) == str(oxigraph_term(term))


def test_store_ntriples_term_refuses_a_bad_iri() -> None:
    with pytest.raises(ValueError):
        ntriples_term(rdflib.URIRef("not an iri"))


def _kg(*args: str, file_limit: int | None = None) -> subprocess.CompletedProcess:
    """Run the kg command in a process of its own, optionally with a file size
    limit, so that writing past it fails as on a full disk."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    kg = Path(sys.executable).with_name("kg")
    return subprocess.run(
        [str(kg), *args],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=limit if file_limit else None,
    )


def test_store_export_onto_a_full_disk_is_one_line_and_keeps_the_old_file(tmp_path):
    store = tmp_path / "s"
    with Store(store) as opened:
        opened.load(SAMPLE)
        # Larger than the files the store itself writes when opened (OPTIONS).
        words = "une phrase assez longue pour grossir le fichier " * 4
        body = "\n".join(f'<{EX}s{n}> <{EX}p> "{words}{n}" .' for n in range(2000))
        opened.oxigraph.update(f"INSERT DATA {{ GRAPH <{EX}graph/big> {{ {body} }} }}")
    whole = tmp_path / "whole.nq"
    assert _kg("export", "--store", str(store), "-o", str(whole)).returncode == 0
    dest = tmp_path / "out.nq"
    dest.write_text("the previous export\n", encoding="utf-8")
    # The write that fails is the last one, when the file is closed.
    done = _kg(
        "export",
        "--store",
        str(store),
        "-o",
        str(dest),
        "--force",
        file_limit=whole.stat().st_size - 100,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"error: cannot write {dest}: File too large; {dest} was left as it was"
    )
    assert dest.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nq", "s", "whole.nq"]


def test_store_commands_refuse_a_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("acheter du pain\n", encoding="utf-8")
    for args in (
        ["store", "stats", str(folder)],
        ["store", "entities", str(folder)],
        ["export", "--store", str(folder)],
        ["query", "articles", "--store", str(folder)],
    ):
        done = _kg(*args)
        assert done.returncode == 1, args
        assert done.stderr.strip() == (
            f"error: no store at {folder}: the directory is not a kg store "
            "(kg build --store or kg store load makes one)"
        )
        assert [p.name for p in folder.iterdir()] == ["todo.txt"]


@pytest.mark.parametrize("damage", ["CURRENT", "sst"])
def test_store_damaged_store_is_one_line(tmp_path, damage):
    store = tmp_path / "s"
    with Store(store) as opened:
        opened.load(SAMPLE)
    victims = [store / "CURRENT"] if damage == "CURRENT" else sorted(store.glob("*.sst"))
    assert victims
    for victim in victims:
        victim.write_bytes(b"\x5a" * victim.stat().st_size)
    for args in (["store", "stats", str(store)], ["export", "--store", str(store)]):
        done = _kg(*args)
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(
            f"error: cannot open store {store}: it is damaged"
        )
