"""Find an entity however its name is written: searches blind to case and accents.

A user types ``Helene`` and the article writes ``Hélène``, or the other way
round. :func:`name_pattern` turns what the user typed into a SPARQL
(XPath) regular expression in which every letter stands for all its
accented and cased forms, every apostrophe for the straight and the curly
one, and every space or hyphen for either. The expression is written with
alternations of whole characters, ``(?:e|é|è|...)``, and without flags, so
that it means the same to rdflib, pyoxigraph and Virtuoso.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import rdflib

from kg.namespaces import KG, OWL, RDFS, SKOS, WD

__all__ = ["entity_search", "fold", "name_pattern"]

_QID = re.compile(r"^[Qq][1-9][0-9]*$")
_KG = str(KG)
_NAMES = f"{RDFS.label.n3()}|{SKOS.altLabel.n3()}"
_SAME_AS = OWL.sameAs.n3()
#: Characters with the same meaning in a name, each set matched as one.
_EQUIVALENT = ("'’ʼ‘", " -‐‑–")
#: Characters with a meaning in XPath regular expressions.
_SPECIAL = set("\\.?*+{}()[]|^$-")


def fold(text: str) -> str:
    """``text`` without accents and case: ``Hélène`` -> ``helene``."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold()


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    """Each folded letter -> every Latin letter that folds to it (``e`` -> e, E, é, É ...)."""
    forms: dict[str, set[str]] = {}
    for code in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x180)]:
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            forms.setdefault(base, set()).add(char)
    for group in _EQUIVALENT:
        for char in group:
            forms[char] = set(group)
    return {base: tuple(sorted(chars)) for base, chars in forms.items()}


def _escape(char: str) -> str:
    return "\\" + char if char in _SPECIAL else char


def name_pattern(text: str) -> str:
    """A regular expression finding ``text`` inside a name, ignoring case and accents.

    Args:
        text: what the user typed, such as ``helene`` or ``Jean Pierre``;
            runs of spaces count as one.

    Returns:
        An XPath regular expression for SPARQL ``REGEX`` (no flags needed).
    """
    forms = _forms()
    parts = []
    for char in " ".join(text.split()):
        variants = forms.get(fold(char)) or tuple(sorted({char, char.lower(), char.upper()}))
        if len(variants) == 1:
            parts.append(_escape(variants[0]))
        else:
            parts.append("(?:" + "|".join(_escape(v) for v in variants) + ")")
    return "".join(parts)


def entity_search(value: str) -> str:
    """A SPARQL SELECT of the ``?entity`` nodes that ``value`` stands for.

    A Wikidata id (``Q7747``) finds the entities ``owl:sameAs`` that item;
    anything else finds the entities one of whose labels or aliases contains
    the text, whatever its case and accents. Only nodes typed with a class of
    the kg ontology answer, not Wikidata items whose labels share the graph.
    The query reads the default graph (the union of the article graphs on
    every engine kg runs on). REGEX gets the label itself, not ``STR(label)``:
    Virtuoso matches the string that ``STR`` makes byte by byte.

    Args:
        value: what the user typed.
    """
    if _QID.match(value):
        pattern = f"?entity {_SAME_AS} {WD[value.upper()].n3()} ."
    else:
        regex = rdflib.Literal(name_pattern(value)).n3()
        pattern = f"?entity {_NAMES} ?name . FILTER(REGEX(?name, {regex}))"
    return (
        f"SELECT DISTINCT ?entity WHERE {{ {pattern}"
        f' FILTER EXISTS {{ ?entity a ?type . FILTER(STRSTARTS(STR(?type), "{_KG}")) }} }}'
    )
