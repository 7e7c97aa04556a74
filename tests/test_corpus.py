"""Many articles: workers, stores, incremental rebuilds, bad articles, Dask."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph
from typer.testing import CliRunner

from kg.build.outputs import BuildConfig
from kg.build.pool import process_batch, process_stream
from kg.build.runner import Built, run_build
from kg.build.sinks import QuadFileSink, StoreSink
from kg.cli import app
from kg.ingest import article_from_text
from kg.sparql.store import Store

runner = CliRunner()

TEXTS = [
    "Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi. Les deux dirigeants ont parlé "
    "de l'Ukraine.",
    "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré que Vladimir Poutine n'avait pas "
    "encore félicité Donald Trump.",
    "Selon l'agence Reuters, Joe Biden a appelé le président français Emmanuel Macron.",
    "La chancelière Angela Merkel s'est rendue à Paris, où elle a rencontré le président français.",
]


def corpus(tmp_path: Path, count: int = 12) -> Path:
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = {"id": f"c{i:03d}", "text": TEXTS[i % len(TEXTS)] + f" Article {i}."}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def nquads(path: Path) -> list[bytes]:
    return sorted(path.read_bytes().splitlines())


def test_corpus_two_workers_give_the_same_nquads(tmp_path: Path):
    src = corpus(tmp_path)
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    assert runner.invoke(app, ["build", str(src), "-o", str(one), "-j", "1"]).exit_code == 0
    result = runner.invoke(app, ["build", str(src), "-o", str(two), "-j", "2"])
    assert result.exit_code == 0, result.output
    assert one.read_bytes() == two.read_bytes()
    assert b"/graph/c011>" in one.read_bytes()


def test_corpus_order_does_not_change_the_graph(tmp_path: Path):
    articles = [article_from_text(t, f"o{i}") for i, t in enumerate(TEXTS)]
    outs = []
    for order in (articles, list(reversed(articles))):
        dest = tmp_path / f"{len(outs)}.nq"
        run_build(order, QuadFileSink(str(dest)), BuildConfig())
        outs.append(nquads(dest))
    assert outs[0] == outs[1]


def test_corpus_store_skips_unchanged_and_replaces_changed(tmp_path: Path):
    store_dir = tmp_path / "store"
    first = [article_from_text(t, f"s{i}") for i, t in enumerate(TEXTS)]
    report = run_build(first, StoreSink(store_dir), BuildConfig())
    assert (report.built, report.unchanged) == (4, 0)
    with Store(store_dir) as store:
        quads_before = len(store.oxigraph)

    report = run_build(first, StoreSink(store_dir), BuildConfig())
    assert (report.built, report.unchanged) == (0, 4)

    changed = list(first)
    changed[1] = article_from_text("Joe Biden a rencontré Xi Jinping à San Francisco.", "s1")
    report = run_build(changed, StoreSink(store_dir), BuildConfig())
    assert (report.built, report.unchanged) == (1, 3)
    with Store(store_dir) as store:
        text = "\n".join(str(q) for q in store.oxigraph)
        assert "Peskov" not in text  # the old facts of s1 are gone
        assert "Xi Jinping" in text
        assert len(store.oxigraph) != quads_before

    report = run_build(changed, StoreSink(store_dir, force=True), BuildConfig())
    assert report.built == 4


def test_corpus_interrupted_build_resumes_without_doubles(tmp_path: Path):
    store_dir = tmp_path / "store"
    articles = [article_from_text(t, f"r{i}") for i, t in enumerate(TEXTS)]

    class Interrupt(Exception):
        pass

    def stop_after_two(event):
        if isinstance(event, Built) and event.output.article_id == "r1":
            raise Interrupt

    with pytest.raises(Interrupt):
        run_build(
            articles, StoreSink(store_dir), BuildConfig(batch_size=1), on_article=stop_after_two
        )
    report = run_build(articles, StoreSink(store_dir), BuildConfig())
    assert (report.built, report.unchanged) == (2, 2)

    full = tmp_path / "full"
    run_build(articles, StoreSink(full), BuildConfig())
    with Store(store_dir) as a, Store(full) as b:
        # The article graphs are equal; the default graph holds the ontology.
        named = [
            sorted(str(q) for q in s.oxigraph if not isinstance(q.graph_name, DefaultGraph))
            for s in (a, b)
        ]
        assert named[0] == named[1] and len(named[0]) > 100


def test_corpus_bad_articles_are_skipped_and_counted(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe not utf-8 \x00\x00")
    (folder / "c.txt").write_text(
        "The president met the prime minister in London on Monday "
        "and they talked about the economy and the war.",
        encoding="utf-8",
    )
    out = tmp_path / "o.nq"
    result = runner.invoke(app, ["build", str(folder), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert "2 article(s) skipped" in result.stderr
    assert "b.txt" in result.stderr and "c.txt" in result.stderr
    assert b"/article/a>" in out.read_bytes()
    result = runner.invoke(app, ["build", str(folder), "-o", str(out), "--force", "--strict"])
    assert result.exit_code == 1 and "b.txt" in result.stderr


ENGLISH = (
    "The president met the prime minister in London on Monday and they talked about the "
    "economy and the war."
)


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_corpus_stream_keeps_input_order_around_refused_articles(batch_size: int):
    texts = [ENGLISH, TEXTS[0], ENGLISH, TEXTS[1], TEXTS[2], ENGLISH, ENGLISH]
    articles = [article_from_text(text, f"s{i}") for i, text in enumerate(texts)]
    outputs = list(process_stream(articles, BuildConfig(batch_size=batch_size)))
    assert [o.article_id for o in outputs] == [a.id for a in articles]
    refused = [o.error is not None for o in outputs]
    assert refused == [text == ENGLISH for text in texts]
    assert all(b"/article/" + o.article_id.encode() in o.nquads for o in outputs if not o.error)
    assert outputs == process_batch(articles, BuildConfig(batch_size=batch_size))


def test_corpus_store_cli_stats_and_entities(tmp_path: Path):
    store_dir = tmp_path / "store"
    src = corpus(tmp_path, 8)
    result = runner.invoke(app, ["build", str(src), "--store", str(store_dir), "-j", "1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["build", str(src), "--store", str(store_dir), "-j", "1"])
    assert "8 article(s) unchanged" in result.stderr
    result = runner.invoke(
        app, ["store", "entities", str(store_dir), "--type", "Person", "--explain"]
    )
    assert result.exit_code == 0, result.output
    assert "Macron" in result.stdout and "Q3052772" in result.stdout
    with Store(store_dir) as store:
        macron = [e for e in store.entities("Person") if e.label == "Emmanuel Macron"]
    assert len(macron) == 1 and macron[0].qid == "Q3052772"
    assert len(macron[0].articles) == 4


@pytest.mark.skipif(os.environ.get("KG_SKIP_DASK") == "1", reason="KG_SKIP_DASK=1")
def test_corpus_dask_local_cluster_matches_single_process(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    from kg.build.dask import extract_outputs_dask

    articles = [
        article_from_text(t + f" Numéro {i}.", f"d{i:02d}")
        for i in range(24)
        for t in TEXTS[i % len(TEXTS) : i % len(TEXTS) + 1]
    ]
    single = tmp_path / "single.nq"
    run_build(articles, QuadFileSink(str(single)), BuildConfig())
    config = BuildConfig()
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        with Client(cluster) as client:
            distributed = tmp_path / "dask.nq"
            shard_dir = tmp_path / "shards"
            run_build(
                articles,
                QuadFileSink(str(distributed)),
                config,
                executor=lambda a: extract_outputs_dask(
                    a, config, client, shard_dir, partition_size=5
                ),
            )
    finally:
        cluster.close()
    assert nquads(distributed) == nquads(single)
    assert len(list(shard_dir.glob("*.nq"))) == 5
    assert not list(shard_dir.glob(".shard.*"))


def test_corpus_run_build_reports_typed_events(tmp_path: Path):
    from kg.build.runner import Skipped, Unchanged
    from kg.errors import InputError

    store_dir = tmp_path / "store"
    articles = [article_from_text(t, f"e{i}") for i, t in enumerate(TEXTS[:2])]
    run_build(articles[:1], StoreSink(store_dir), BuildConfig())
    events = []
    bad = InputError("broken.txt: not UTF-8", "broken.txt")
    report = run_build(
        [*articles, bad], StoreSink(store_dir), BuildConfig(), on_article=events.append
    )
    # Articles are read ahead of the NLP, so a bad record may be told first.
    built = [event for event in events if isinstance(event, Built)]
    assert len(events) == 3 and events[0] == Unchanged("e0")
    assert Skipped("broken.txt: not UTF-8") in events
    assert [event.output.article_id for event in built] == ["e1"]
    assert (report.built, report.unchanged, report.failed) == (1, 1, ["broken.txt: not UTF-8"])
