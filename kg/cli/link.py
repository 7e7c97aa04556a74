"""``kg link``: link the entities of a graph kg wrote to Wikidata."""

from __future__ import annotations

from contextlib import closing, nullcontext
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import typer

from kg.cli.common import FORCE, OUTPUT, app, destination, err, format_option, handle_errors
from kg.errors import ConfigError
from kg.graph_link import dataset_base, enrich_dataset, link_dataset, linked_items
from kg.link.catalogue import Catalogue, Row, read_rows, write_rows
from kg.link.disambiguate import Linker
from kg.link.scoring import DEFAULT_THRESHOLD

__all__ = ["link"]


_GRAPH_FILE = typer.Argument(
    ..., metavar="GRAPH_FILE", help="A graph kg wrote (ttl, trig, nq ...)."
)
_ENDPOINT = typer.Option(None, "--endpoint", help="SPARQL endpoint (default: Wikidata's).")
_OFFLINE = typer.Option(False, "--offline", help="Use only the shipped catalogue; no network.")
_ENRICH = typer.Option(
    False, "--enrich", help="Copy P31, P17, P131, P39, P625 of linked items into graph/wikidata."
)
_CACHE = typer.Option(
    None, "--cache", help="sqlite cache of answers (default: ~/.cache/newskg/wikidata.sqlite)."
)
_TIMEOUT = typer.Option(30.0, "--timeout", help="Seconds to wait for the endpoint.")
_THRESHOLD = typer.Option(None, "--threshold", help="Lowest score that links (default 0.6).")
_CATALOGUES = typer.Option(
    [],
    "--catalogue",
    help="More catalogue files to read with the shipped one (repeat for several).",
)
_SAVE_CATALOGUE = typer.Option(
    None,
    "--save-catalogue",
    help="Add what the endpoint resolved to this catalogue file, for later offline runs.",
)


def _output_format(graph_file: Path, output: str, fmt: str | None) -> str:
    """The output's format: --format, else -o's extension, else the input's
    (which its extension must tell)."""
    from kg.rdf.formats import format_from_path, resolve_format

    in_fmt = format_from_path(graph_file)
    if in_fmt is None:
        raise ConfigError(
            f"cannot tell the format of {graph_file} from its extension; "
            "use .ttl, .trig, .nq or .nt"
        )
    if fmt:
        return resolve_format(fmt)
    return (format_from_path(output) if output != "-" else in_fmt) or in_fmt


def _check_options(
    output: str, force: bool, threshold: float | None, offline: bool, endpoint: str, save: bool
) -> None:
    """Refuse option values that cannot work, before any work."""
    from kg.rdf.writer import check_destination

    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"--threshold must be between 0 and 1, got {threshold}")
    if output != "-":
        check_destination(output, force)
    if save and offline:
        raise ConfigError("--save-catalogue keeps what the endpoint resolved; drop --offline")
    if not offline:
        from kg.sparql.endpoint import check_endpoint_url

        check_endpoint_url(endpoint)


@app.command()
@handle_errors
def link(
    graph_file: Path = _GRAPH_FILE,
    output: str = OUTPUT,
    fmt: str | None = format_option(None, "Output format (default: from -o, else the input's)."),
    endpoint: str | None = _ENDPOINT,
    offline: bool = _OFFLINE,
    enrich: bool = _ENRICH,
    cache: Path | None = _CACHE,
    timeout: float = _TIMEOUT,
    threshold: float | None = _THRESHOLD,
    force: bool = FORCE,
    catalogues: list[Path] = _CATALOGUES,
    save_catalogue: Path | None = _SAVE_CATALOGUE,
) -> None:
    """Link a graph's entities to Wikidata: add owl:sameAs and a link statement.

    Entities the offline catalogue knows are linked without the network; the
    others are looked up at the endpoint (answers cached in --cache), unless
    --offline. Entities keep their IRIs; the output is written atomically.
    --save-catalogue grows a catalogue file with what the endpoint resolved
    (its rows are kept, new ones added); --catalogue reads such files, so an
    archive linked once online is linked offline afterwards.

    Example: kg link out/example.trig -o out/linked.trig --offline --force
    """
    from kg.link import DEFAULT_ENDPOINT, Cache, WikidataEndpoint
    from kg.link.cache import default_cache_path
    from kg.rdf.reader import load_rdf_file
    from kg.rdf.writer import write

    out_fmt = _output_format(graph_file, output, fmt)
    url = endpoint or DEFAULT_ENDPOINT
    _check_options(output, force, threshold, offline, url, save_catalogue is not None)
    saved = read_rows(save_catalogue) if save_catalogue and save_catalogue.exists() else []
    store = None if offline else Cache(cache or default_cache_path())
    # The cache is closed however the command ends.
    with closing(store) if store is not None else nullcontext():
        client = WikidataEndpoint(
            url, store, timeout, notify=lambda m: err.print(m, markup=False, soft_wrap=True)
        )
        linker = Linker(
            catalogue=Catalogue.with_extra(catalogues) if catalogues else None,
            endpoint=None if offline else client,
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
        )
        dataset = load_rdf_file(graph_file)
        linked = link_dataset(dataset, linker, fallback_id=graph_file.stem)
        if enrich:
            qids = linked_items(dataset)
            facts = linker.catalogue.facts(qids) if offline else client.facts(qids)
            enrich_dataset(dataset, facts, dataset_base(dataset))
        write(dataset, destination(output), out_fmt, force=force)
        where = "offline" if offline else f"{client.requests} requests to {client.url}"
        err.print(f"linked {len(linked)} entities; {where}")
        if save_catalogue is not None:
            learned = _save_learned(linker, client.url, save_catalogue, saved)
            err.print(f"{learned} catalogue rows from the endpoint saved to {save_catalogue}")


def _save_learned(linker: Linker, url: str, path: Path, saved: list[Row]) -> int:
    """Add what the endpoint resolved to the rows a catalogue file held; return
    how many rows the endpoint gave. Each row's source: the endpoint's host
    and today's date."""
    learned = linker.learned(f"{urlsplit(url).netloc or url}@{date.today().isoformat()}")
    comment = "Written by kg link --save-catalogue; read it with kg link --catalogue."
    write_rows(sorted({*saved, *learned}), path, comment)
    return len(learned)
