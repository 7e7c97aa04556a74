"""Make benchmark corpora: French Wikinews sentences grouped into articles.

Consecutive lines of ``frwikinews/sentences-dev.txt`` (mostly from the same
story) are grouped five at a time into articles; the project's example
articles are added; the list is repeated, with fresh ids, until the corpus
has the number of articles asked for. Written as JSON Lines.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def base_articles(shared: Path, group: int = 5) -> list[str]:
    """The distinct article texts a benchmark corpus is made of."""
    lines = (shared / "frwikinews" / "sentences-dev.txt").read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line.strip()]
    texts = [" ".join(lines[i : i + group]) for i in range(0, len(lines), group)]
    texts.append((EXAMPLES / "sommet-helsinki.txt").read_text(encoding="utf-8"))
    for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    return texts


def write_corpus(shared: Path, count: int, dest: Path) -> Path:
    """Write ``count`` articles as JSON Lines to ``dest`` and return it."""
    texts = base_articles(shared)
    with dest.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = {"id": f"bench-{i:06d}", "text": texts[i % len(texts)]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return dest
