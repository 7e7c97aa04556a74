"""Builders shared by the tests: paths, model objects, parses.

Two kinds of spaCy ``Doc``:

* :func:`parse_text` runs the real French model on a text, for end-to-end tests;
* :func:`hand_doc` builds a ``Doc`` from a small dependency table written in
  the test (words, lemmas, parts of speech, heads, labels, morphology), the
  way spaCy's own ``tests/lang/fr`` build theirs. Rule tests use it, so that
  a new model parsing a sentence differently cannot leave a rule dead while
  its tests stay green.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from kg.model import (
    Article,
    Entity,
    EntityType,
    Extraction,
    Fact,
    Link,
    Provenance,
)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kg"
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SAMPLE = ROOT / "tests" / "data" / "sample.trig"
WIKIDATA_FIXTURE = ROOT / "tests" / "data" / "wikidata-fixture.ttl"

#: The IRI bases the tests spell out, to check kg's IRIs independently of kg.namespaces.
EX = "https://w3id.org/newskg/id/"
KG = "https://w3id.org/newskg/ontology#"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"

#: Written before these in a text, a word takes no space ("l'", "(").
_GLUED_AFTER = ("'", "(")
#: Written after a word, these take no space before them.
_GLUED_BEFORE = frozenset({",", ".", ")", ";", ":"})


def article(text: str, article_id: str = "t", **fields: str | None) -> Article:
    """An article with its text's sha256 computed, other fields as given."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=article_id, text=text, sha256=sha, **fields)  # type: ignore[arg-type]


def provenance(sentence: str = "Une phrase.", article_id: str = "a") -> Provenance:
    """The provenance of a test record: the whole sentence, rule ``test``."""
    return Provenance(article_id, 0, len(sentence), sentence, "test", 1.0)


def entity(
    key: str, label: str, kind: str = "Person", qid: str | None = None, *aliases: str
) -> Entity:
    """An entity, linked to ``qid`` by the catalogue when one is given."""
    link = Link(qid, 1.0, "catalogue", "test") if qid else None
    return Entity(key, EntityType(kind), label, tuple(aliases), (), link)


def fact(subject: str, predicate: str, obj: str | None = None, **fields) -> Fact:
    """A fact; ``sentence=`` sets its provenance's sentence, other fields as given."""
    sentence = fields.pop("sentence", "Une phrase.")
    return Fact(subject, predicate, provenance(sentence), obj, **fields)


def extraction(
    entities: Iterable[Entity], facts: Iterable[Fact] = (), text: str = "Texte de l'article.\n"
) -> Extraction:
    """The extraction of an article ``a`` with this text."""
    return Extraction(article(text, "a"), tuple(entities), tuple(facts))


def parse_text(text: str, article_id: str = "t", date: str | None = None):
    """The real model's parse of a text (a :class:`kg.nlp.Parsed`)."""
    from kg.ingest import article_from_text
    from kg.nlp import parse

    return next(parse([article_from_text(text, article_id, date=date)]))


@cache
def _vocab():
    import spacy

    return spacy.blank("fr").vocab


def hand_doc(table: str) -> Doc:
    """A ``Doc`` built from a dependency table, one token a line.

    Columns, separated by spaces: the word, its lemma (``_``: the word
    itself), its part of speech, its head as a 1-based line number (0 for the
    root), its dependency label, and optionally its morphology
    (``Tense=Fut|VerbForm=Fin``, ``_`` for none) and ``SpaceAfter=No``.
    Spaces are otherwise guessed as French is written: none after an
    elision or "(", none before a comma, a full stop or ")".
    """
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [row[0] for row in rows]
    glued = [len(row) > 6 and row[6] == "SpaceAfter=No" for row in rows]
    spaces = [
        not (glued[i] or word.endswith(_GLUED_AFTER))
        and (i + 1 < len(words) and words[i + 1] not in _GLUED_BEFORE)
        for i, word in enumerate(words)
    ]
    heads = [int(row[3]) - 1 if row[3] != "0" else i for i, row in enumerate(rows)]
    return Doc(
        _vocab(),
        words=words,
        spaces=spaces,
        lemmas=[row[0] if row[1] == "_" else row[1] for row in rows],
        pos=[row[2] for row in rows],
        heads=heads,
        deps=[row[4] for row in rows],
        morphs=[row[5] if len(row) > 5 and row[5] != "_" else "" for row in rows],
    )


def token(doc: Doc, word: str, nth: int = 0) -> Token:
    """The nth token of a doc with this text."""
    return [t for t in doc if t.text == word][nth]


def entity_lookup(doc: Doc, names: dict[str, str | Entity]) -> Callable[[Token], Entity | None]:
    """The entity of each token, from names written in the doc.

    Args:
        doc: a hand-built doc.
        names: each name (its words as the doc has them) and its entity, or
            only its type (``Person``, ``Organization``, ``Place``): then the
            entity is labelled with the name and keyed by type and name.

    Returns:
        A function from a token to the entity it belongs to, or None.
    """
    found: dict[int, Entity] = {}
    words = [t.text for t in doc]
    for name, given in names.items():
        parts = name.split()
        key = f"{str(given).lower()}/{'-'.join(parts).lower()}"
        one = given if isinstance(given, Entity) else Entity(key, EntityType(given), name)
        starts = [i for i in range(len(words)) if words[i : i + len(parts)] == parts]
        assert starts, f"{name!r} is not in the doc"
        for start in starts:
            found.update({i: one for i in range(start, start + len(parts))})
    return lambda tok: found.get(tok.i)
