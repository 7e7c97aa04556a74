"""Read an RDF file into an rdflib dataset, the parser chosen from its suffix."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.rdf.formats import FORMATS, format_from_path

__all__ = ["load_rdf_file"]


def load_rdf_file(path: Path | str) -> Dataset:
    """Read an RDF file, choosing the parser from its extension.

    Triples from single-graph formats (Turtle, N-Triples, RDF/XML) land in
    the default graph; TriG, N-Quads and JSON-LD keep their named graphs.

    Args:
        path: a ``.ttl``, ``.trig``, ``.nq``, ``.nt``, ``.jsonld``, ``.json``
            or ``.rdf`` file.

    Returns:
        The dataset read.

    Raises:
        InputError: the file is missing, its extension is unknown, or it does
            not parse; the message names the file.
    """
    path = Path(path)
    fmt = format_from_path(path, reading=True)
    if fmt is None:
        suffixes = sorted(ext for f in FORMATS.values() for ext in f.extensions)
        raise InputError(
            f"cannot tell the RDF format of {path} from its extension; valid: "
            + ", ".join(suffixes),
            path=str(path),
        )
    parser = FORMATS[fmt].rdflib
    if not path.is_file():
        raise InputError(f"cannot read {path}: no such file", path=str(path))
    dataset = Dataset()
    try:
        dataset.parse(path, format=parser)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(f"cannot parse {path} as {parser}: {exc}", path=str(path)) from exc
    return dataset
