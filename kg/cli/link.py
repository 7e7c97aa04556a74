"""``kg link``: link the entities of a graph kg wrote to Wikidata."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import typer
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.cli.common import app, destination, err, handle_errors
from kg.errors import ConfigError, InputError
from kg.graph import DEFAULT_BASE, confidence_literal, link_iri
from kg.link.catalogue import Catalogue, Row, read_rows, write_rows
from kg.link.disambiguate import DEFAULT_THRESHOLD, Linker
from kg.link.wikidata import WikidataFact
from kg.model import Article, Entity, EntityType
from kg.namespaces import KG, OWL, PROV, RDF, RDFS, SKOS, WD, XSD

__all__ = ["link", "link_dataset"]

WIKIDATA_GRAPH = "graph/wikidata"
WD_PREFIXES = {
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
}
WD_ENTITY = "http://www.wikidata.org/entity/Q"
GEO_WKT = URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")


def _read(path: Path, fmt: str) -> Dataset:
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except FileNotFoundError as exc:
        raise InputError(f"{path} does not exist", path=str(path)) from exc
    except Exception as exc:  # rdflib raises many unrelated types on bad input
        raise InputError(f"cannot parse {path} as {fmt}: {exc}", path=str(path)) from exc
    return dataset


def _entities(graph: Graph) -> list[tuple[URIRef, Entity]]:
    """The unlinked entities of one graph, keyed by their IRIs."""
    types = {KG[t.value]: t for t in EntityType if t is not EntityType.OTHER}
    types[KG.Entity] = EntityType.OTHER
    found = []
    for node, cls in sorted(graph.subject_objects(RDF.type)):
        if cls not in types or not isinstance(node, URIRef) or "/entity/" not in str(node):
            continue
        if any(
            str(o).startswith("http://www.wikidata.org/entity/")
            for o in graph.objects(node, OWL.sameAs)
        ):
            continue
        labels = sorted(str(o) for o in graph.objects(node, RDFS.label))
        if not labels:
            continue
        aliases = tuple(sorted({str(o) for o in graph.objects(node, SKOS.altLabel)} - {labels[0]}))
        key = str(node).split("/entity/", 1)[1]
        found.append((node, Entity(key=key, type=types[cls], label=labels[0], aliases=aliases)))
    return found


def _article(graph: Graph, article_id: str) -> Article:
    """The article as far as the graph tells: its sentences."""
    text = "\n".join(sorted({str(s) for s in graph.objects(None, KG.sentence)}))
    return Article(id=article_id, text=text, sha256="")


def _article_id(graph: Graph, fallback: str) -> tuple[str, str]:
    """The article id and the data base IRI of a graph."""
    for node in graph.subjects(RDF.type, KG.Article):
        base, _, article_id = str(node).rpartition("article/")
        return article_id, base
    return fallback, DEFAULT_BASE


def link_dataset(dataset: Dataset, linker: Linker, fallback_id: str = "graph") -> list[Entity]:
    """Link every unlinked entity of every graph, in place.

    Each linked entity gets ``owl:sameAs wd:Q..`` and a link statement
    (``ex:link/{article}/{entity}``) in its own graph.

    Args:
        dataset: the graph kg wrote.
        linker: the linker to use.
        fallback_id: the article id of a graph that has no kg:Article.

    Returns:
        The entities linked.
    """
    linked: list[Entity] = []
    for graph in list(dataset.graphs()):
        if graph.identifier == DATASET_DEFAULT_GRAPH_ID and len(graph) == 0:
            continue
        if str(graph.identifier).endswith(WIKIDATA_GRAPH):
            continue
        pairs = _entities(graph)
        if not pairs:
            continue
        article_id, base = _article_id(graph, fallback_id)
        results = linker.link([e for _, e in pairs], _article(graph, article_id))
        for (node, _), entity in zip(pairs, results, strict=True):
            if entity.link is None:
                continue
            statement = link_iri(article_id, entity, base)
            target = WD[entity.link.qid]
            graph.add((node, OWL.sameAs, target))
            graph.add((statement, RDF.type, KG.Statement))
            graph.add((statement, RDF.subject, node))
            graph.add((statement, RDF.predicate, OWL.sameAs))
            graph.add((statement, RDF.object, target))
            graph.add((statement, KG.rule, Literal(entity.link.rule)))
            graph.add((statement, KG.confidence, confidence_literal(entity.link.score)))
            graph.add((statement, KG.candidateSource, Literal(entity.link.source)))
            graph.add((statement, PROV.wasDerivedFrom, URIRef(f"{base}article/{article_id}")))
            linked.append(entity)
    return linked


def enrich_dataset(dataset: Dataset, facts: list[WikidataFact], base: str) -> int:
    """Add Wikidata facts to the named graph ``{base}graph/wikidata``.

    Positions held (P39) also get a statement node with their start (P580)
    and end (P582) years, as Wikidata shapes them. Returns the triples added.
    """
    ns = {k: Namespace(v) for k, v in WD_PREFIXES.items()}
    graph = dataset.graph(URIRef(f"{base}{WIKIDATA_GRAPH}"))
    for prefix, iri in WD_PREFIXES.items():
        dataset.bind(prefix, iri)
    before = len(graph)
    for fact in facts:
        item = WD[fact.qid]
        if fact.prop == "P625":
            value = Literal(fact.value, datatype=GEO_WKT)
        else:
            value = WD[fact.value] if fact.is_item else Literal(fact.value)
        graph.add((item, ns["wdt"][fact.prop], value))
        if fact.prop == "P39":
            held = URIRef(f"{base}wikidata/{fact.qid}/P39/{fact.value}")
            graph.add((item, ns["p"]["P39"], held))
            graph.add((held, ns["ps"]["P39"], value))
            for qualifier, when in (("P580", fact.start), ("P582", fact.end)):
                if when:
                    year = when[:4]
                    graph.add((held, ns["pq"][qualifier], Literal(year, datatype=XSD.gYear)))
    return len(graph) - before


@app.command()
@handle_errors
def link(
    graph_file: Path = typer.Argument(
        ..., metavar="GRAPH_FILE", help="A graph kg wrote (ttl, trig, nq ...)."
    ),
    output: str = typer.Option(
        "-", "-o", "--output", help="Output file ('-' for stdout, the default)."
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="Output format (default: from -o, else the input's)."
    ),
    endpoint: str | None = typer.Option(
        None, "--endpoint", help="SPARQL endpoint (default: Wikidata's)."
    ),
    offline: bool = typer.Option(
        False, "--offline", help="Use only the shipped catalogue; no network."
    ),
    enrich: bool = typer.Option(
        False,
        "--enrich",
        help="Copy P31, P17, P131, P39, P625 of linked items into graph/wikidata.",
    ),
    cache: Path | None = typer.Option(
        None, "--cache", help="sqlite cache of answers (default: ~/.cache/newskg/wikidata.sqlite)."
    ),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds to wait for the endpoint."),
    threshold: float | None = typer.Option(
        None, "--threshold", help="Lowest score that links (default 0.6)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    catalogues: list[Path] = typer.Option(
        [],
        "--catalogue",
        help="More catalogue files to read with the shipped one (repeat for several).",
    ),
    save_catalogue: Path | None = typer.Option(
        None,
        "--save-catalogue",
        help="Add what the endpoint resolved to this catalogue file, for later offline runs.",
    ),
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
    from kg.rdf.formats import format_from_path, resolve_format
    from kg.rdf.writer import write

    in_fmt = format_from_path(graph_file)
    if in_fmt is None:
        raise ConfigError(
            f"cannot tell the format of {graph_file} from its extension; "
            "use .ttl, .trig, .nq or .nt"
        )
    out_fmt = (
        resolve_format(fmt)
        if fmt
        else (format_from_path(output) if output != "-" else in_fmt) or in_fmt
    )
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"--threshold must be between 0 and 1, got {threshold}")
    if output != "-" and Path(output).exists() and not force:
        raise ConfigError(f"{output} already exists; use --force to overwrite it")
    if save_catalogue is not None and offline:
        raise ConfigError("--save-catalogue keeps what the endpoint resolved; drop --offline")
    saved = read_rows(save_catalogue) if save_catalogue and save_catalogue.exists() else []
    if not offline:
        from kg.sparql.endpoint import check_endpoint_url

        check_endpoint_url(endpoint or DEFAULT_ENDPOINT)
    store = None if offline else Cache(cache or default_cache_path())
    client = WikidataEndpoint(
        endpoint or DEFAULT_ENDPOINT,
        store,
        timeout,
        notify=lambda message: err.print(message, markup=False, soft_wrap=True),
    )
    linker = Linker(
        catalogue=Catalogue.with_extra(catalogues) if catalogues else None,
        endpoint=None if offline else client,
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
    )
    dataset = _read(graph_file, _rdflib_format(in_fmt))
    linked = link_dataset(dataset, linker, fallback_id=graph_file.stem)
    if enrich:
        same = [str(o) for _, _, o, _ in dataset.quads((None, OWL.sameAs, None, None))]
        qids = sorted({o.rsplit("/", 1)[1] for o in same if o.startswith(WD_ENTITY)})
        facts = linker.catalogue.facts(qids) if offline else client.facts(qids)
        enrich_dataset(dataset, facts, _base(dataset))
    write(dataset, destination(output), out_fmt, force=force)
    where = "offline" if offline else f"{client.requests} requests to {client.url}"
    err.print(f"linked {len(linked)} entities; {where}")
    if save_catalogue is not None:
        learned = _save_learned(linker, client.url, save_catalogue, saved)
        err.print(f"{learned} catalogue rows from the endpoint saved to {save_catalogue}")
    if store is not None:
        store.close()


def _save_learned(linker: Linker, url: str, path: Path, saved: list[Row]) -> int:
    """Add what the endpoint resolved to the rows a catalogue file held; return
    how many rows the endpoint gave. Each row's source: the endpoint's host
    and today's date."""
    learned = linker.learned(f"{urlsplit(url).netloc or url}@{date.today().isoformat()}")
    comment = "Written by kg link --save-catalogue; read it with kg link --catalogue."
    write_rows(sorted({*saved, *learned}), path, comment)
    return len(learned)


def _base(dataset: Dataset) -> str:
    for node, _, _, _ in dataset.quads((None, RDF.type, KG.Article, None)):
        return str(node).rpartition("article/")[0]
    return DEFAULT_BASE


def _rdflib_format(name: str) -> str:
    return {
        "turtle": "turtle",
        "trig": "trig",
        "nquads": "nquads",
        "ntriples": "nt",
        "jsonld": "json-ld",
    }.get(name, name)
