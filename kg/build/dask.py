"""Building on a Dask distributed cluster, through sharded N-Quads files.

The client cuts the articles into partitions and submits one task per
partition. A worker builds its partition with the same code as a local run
(:func:`kg.build.pool.process_batch`, the model loaded once per worker process)
and writes the partition's N-Quads to ONE shard file in the shard directory,
named by the sha256 of its content and written atomically (temporary file,
then rename). The task returns the shard's name and, per article, its id,
byte range in the shard and counts; nothing else crosses the network.

The client then takes the shards in partition order — a deterministic second
pass — and hands each article's slice to the sink, which is the only writer.
Entity IRIs are deterministic (Wikidata id, or type and normalised name), so
the same entity built on different workers is already one node: merging the
shards is reading them in order. A failed task is retried by Dask
(``retries``); a shard is read once, after its task succeeded, so a retried
partition is never loaded twice. The shard directory must be visible to the
workers and the client (a shared file system for a real cluster).

Users start a cluster with ``dask scheduler`` and ``dask worker tcp://HOST:8786``
and pass ``--dask tcp://HOST:8786``; ``--dask local:N`` starts a local cluster
of N worker processes for this run.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.build.outputs import ArticleOutput, BuildConfig
from kg.build.pool import batches, process_batch
from kg.build.tuning import tune_process
from kg.errors import ConfigError
from kg.model import Article
from kg.rdf.writer import AtomicFile

__all__ = ["Shard", "build_partition", "connect", "extract_outputs_dask"]


@dataclass(frozen=True, slots=True)
class Shard:
    """What a worker reports for one partition: its shard file and articles."""

    name: str
    articles: tuple[tuple[ArticleOutput, int, int], ...]  # output without quads, start, end


def build_partition(articles: list[Article], config: BuildConfig, shard_dir: str) -> Shard:
    """Build one partition on a worker and write its shard file atomically.

    Args:
        articles: the partition.
        config: how to build.
        shard_dir: the directory of shard files (shared with the client).

    Returns:
        The shard's file name and each article's metadata and byte range.
    """
    tune_process()  # this runs in a Dask worker: its start-up, as far as kg can tell
    outputs = process_batch(articles, config)
    data = b"".join(o.nquads for o in outputs)
    name = hashlib.sha256(data).hexdigest()[:32] + ".nq"
    path = Path(shard_dir) / name
    if not path.exists():
        shard = AtomicFile(path, force=True)  # another worker may write the same shard
        shard.write(data)
        shard.commit()
    ranges, offset = [], 0
    for o in outputs:
        end = offset + len(o.nquads)
        meta = ArticleOutput(
            o.article_id, o.sha256, o.source, b"", o.entity_types, o.predicates, o.error
        )
        ranges.append((meta, offset, end))
        offset = end
    return Shard(name, tuple(ranges))


def connect(address: str):
    """A Dask client for ``tcp://HOST:PORT``, or a new local cluster for ``local:N``.

    Raises:
        ConfigError: dask.distributed is not installed or the scheduler is unreachable.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("--dask needs dask.distributed: pip install 'newskg[dask]'") from exc
    if address.startswith("local:"):
        workers = int(address.split(":", 1)[1] or 2)
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        return Client(cluster)
    try:
        return Client(address, timeout=10)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def extract_outputs_dask(
    articles: Iterable[Article],
    config: BuildConfig,
    client,
    shard_dir: Path,
    partition_size: int = 64,
    retries: int = 2,
) -> Iterator[ArticleOutput]:
    """Build articles on a Dask cluster; yield outputs in input order.

    At most a few partitions per worker are in flight, so the client's memory
    does not grow with the corpus.
    """
    shard_dir.mkdir(parents=True, exist_ok=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()

    def drain(future) -> Iterator[ArticleOutput]:
        shard: Shard = future.result()
        data = (shard_dir / shard.name).read_bytes()
        for meta, start, end in shard.articles:
            yield ArticleOutput(
                meta.article_id,
                meta.sha256,
                meta.source,
                data[start:end],
                meta.entity_types,
                meta.predicates,
                meta.error,
            )

    for batch in batches(articles, partition_size):
        pending.append(
            client.submit(
                build_partition, batch, config, str(shard_dir), retries=retries, pure=False
            )
        )
        if len(pending) >= 3 * workers:
            yield from drain(pending.popleft())
    while pending:
        yield from drain(pending.popleft())
