"""Reading articles and refusing what is not one."""

import gzip
import json
from pathlib import Path

import pytest

from kg.discover import expand_inputs
from kg.errors import InputError
from kg.ingest import read_path, read_stdin, read_text_file


def test_ingest_reads_text_with_bom_and_crlf(tmp_path: Path):
    path = tmp_path / "article-1.txt"
    path.write_bytes("\ufeffLigne une.\r\nLigne deux.\r\n".encode())
    article = read_text_file(path)
    assert article.id == "article-1"
    assert article.text == "Ligne une.\nLigne deux.\n"
    assert len(article.sha256) == 64


def test_ingest_reads_jsonl_records_with_metadata(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    records = [
        {
            "id": "x1",
            "text": "Un texte.",
            "title": "T",
            "date": "2024-11-08",
            "url": "http://e.org/1",
        },
        {"id": "x2", "text": "Deux.", "language": "fr"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second = read_path(path)
    assert (first.id, first.title, first.date, first.url) == (
        "x1",
        "T",
        "2024-11-08",
        "http://e.org/1",
    )
    assert second.id == "x2"


def test_ingest_reads_gzip_and_directories(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt.gz").write_bytes(gzip.compress("Texte compressé.".encode()))
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    found = list(expand_inputs([str(tmp_path)]))
    assert [p.name for p in found] == ["a.txt", "b.txt.gz"]
    assert next(read_path(found[1])).text == "Texte compressé."


def test_ingest_stdin_text_or_jsonl():
    assert next(read_stdin(b"Un texte.")).text == "Un texte."
    assert next(read_stdin(b'{"id": "s", "text": "Bonjour."}')).id == "s"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty article"),
        (b"  \n\t \n", "empty article"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        ("Le président a parlé à Ré".encode("latin-1"), "not UTF-8 (byte 0xe9 at offset 5)"),
        (b"<html><body><p>Bonjour</p></body></html>", "looks like HTML"),
    ],
)
def test_ingest_refuses_bad_input(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_text_file(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_ingest_refuses_missing_file_and_directory(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text_file(tmp_path)


def test_ingest_refuses_enormous_file(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"mot " * 1_500_000)
    with pytest.raises(InputError, match="more than the 5,000,000"):
        read_text_file(path)


def test_ingest_refuses_record_without_text(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "txt": "oops"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"r.jsonl:1: unknown field\(s\) txt"):
        list(read_path(path))


def test_ingest_refuses_a_record_with_a_bad_date(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "text": "Un texte.", "date": "hier"}\n', encoding="utf-8")
    with pytest.raises(
        InputError, match=r"r.jsonl:1 \(id a\): date 'hier' is not an ISO 8601 date"
    ):
        list(read_path(path))
    path.write_text('{"id": "a", "text": "Un texte.", "date": "2024-11"}\n', encoding="utf-8")
    assert next(read_path(path)).date == "2024-11"


def _gzip_of_zeros(path: Path, size: int) -> None:
    """A gzip file of ``size`` bytes of '0', written a megabyte at a time."""
    chunk = b"0" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=1) as stream:
        for _ in range(size // len(chunk)):
            stream.write(chunk)


def test_ingest_gzip_bomb_is_refused_without_filling_memory(tmp_path: Path):
    import tracemalloc

    bomb = tmp_path / "bomb.txt.gz"
    _gzip_of_zeros(bomb, 64 << 20)
    assert bomb.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="more than the 5,000,000 bytes"):
            read_text_file(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20


def test_ingest_jsonl_gzip_bomb_line_is_skipped_and_reading_goes_on(tmp_path: Path):
    import tracemalloc

    from kg.ingest import read_inputs

    bomb = tmp_path / "wire.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=1) as stream:
        stream.write(b'{"id": "a", "text": "Un premier texte."}\n{"id": "big", "text": "')
        chunk = b"0" * (1 << 20)
        for _ in range(64):
            stream.write(chunk)
        stream.write(b'"}\n{"id": "z", "text": "Un dernier texte."}\n')
    tracemalloc.start()
    try:
        items = list(read_inputs([str(bomb)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [getattr(i, "id", None) for i in items] == ["a", None, "z"]
    assert "wire.jsonl.gz:2: record longer than" in str(items[1])
    assert peak < 80 << 20


def test_ingest_size_limit_is_per_article_not_per_stream(tmp_path: Path):
    path = tmp_path / "many.jsonl"
    text = "Le ministre a parlé longtemps devant les députés réunis. " * 40
    with path.open("w", encoding="utf-8") as stream:
        for n in range(3000):
            stream.write(json.dumps({"id": f"r{n}", "text": text}) + "\n")
    assert path.stat().st_size > 6_000_000
    articles = list(read_path(path))
    assert len(articles) == 3000 and articles[-1].id == "r2999"
    gz = tmp_path / "many.jsonl.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    assert sum(1 for _ in read_path(gz)) == 3000
    assert sum(1 for _ in read_stdin(path.read_bytes())) == 3000
    big = tmp_path / "big.jsonl"
    big.write_text(json.dumps({"id": "big", "text": "mot " * 1_300_000}) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"big.jsonl:1 \(id big\): 5,200,000 bytes is more"):
        list(read_path(big))


def test_ingest_ids_keep_the_whole_name_and_every_script(tmp_path: Path):
    from kg.ingest import read_inputs

    (tmp_path / "d1").mkdir()
    (tmp_path / "d1" / "afp.2024.11.08.txt").write_text("Un texte.", encoding="utf-8")
    (tmp_path / "d1" / "Été 2024.txt").write_text("Un autre texte.", encoding="utf-8")
    (tmp_path / "d1" / "100%.txt").write_text("Encore un texte.", encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["d1/100%25", "d1/afp.2024.11.08", "d1/Été%202024"]
    assert next(read_path(tmp_path / "d1" / "afp.2024.11.08.txt")).id == "afp.2024.11.08"
    record = tmp_path / "r.jsonl"
    record.write_text(json.dumps({"id": "東京 #1", "text": "Un texte."}) + "\n", "utf-8")
    assert next(read_path(record)).id == "東京%20%231"


def test_ingest_strict_yields_articles_up_to_the_first_error(tmp_path: Path):
    from kg.ingest import read_inputs, strict

    (tmp_path / "a.txt").write_text("Un texte.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe binaire")
    (tmp_path / "c.txt").write_text("Un autre texte.", encoding="utf-8")
    read = []
    with pytest.raises(InputError, match=r"b\.txt: not UTF-8"):
        for article in strict(read_inputs([str(tmp_path)])):
            read.append(article.id)
    assert read == ["a"]
    assert [a.id for a in strict(read_inputs([str(tmp_path / "c.txt")]))] == ["c"]
