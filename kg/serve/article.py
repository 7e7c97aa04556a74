"""The data of an article page: its text, mentions, facts.

The article node keeps the original text (``kg:text``), and every mention
and fact has character offsets into it (``kg:start``/``kg:end``). The page
shows the whole text cut into segments at every mention and evidence
boundary, so that a mention is one highlighted segment and a fact's evidence
is a run of them.

A graph built without the text still has, for every mention and fact, the
sentence it came from: the page then shows those sentences at their place in
the article, ``[…]`` where sentences with nothing in them were.
"""

from __future__ import annotations

from collections import Counter

from kg.serve.facts import Known, Row, local_path, name_facts, names_of, rows, statements, values
from kg.serve.source import Source

__all__ = ["article_page", "place_sentences", "whole_text"]


def article_page(source: Source, iri: str, known: Known = None) -> Row | None:
    """Everything the article page shows, or None when ``iri`` is not an article.

    ``known`` are names already read (see :func:`kg.serve.facts.names_of`).

    Returns:
        ``iri``, ``path``, ``title``, ``date``, ``url``, ``language``,
        ``length``; ``full`` (whether the graph holds the whole text);
        ``sentences`` (the whole text as one, else each sentence the graph
        holds; each with ``start``, ``gap`` before it and ``segments``:
        ``text``, ``start``, ``end`` and ``mention``, the entity's label,
        type and path, on mention segments); ``facts`` (as
        :func:`kg.serve.facts.statements`, with ``subject_name``,
        ``object_name`` and ``placed``: whether the evidence is in the text shown).
    """
    this = values("a", [iri])
    meta = _article_meta(source, this)
    if "kind" not in meta:
        return None
    mentions, facts = _mentions_and_facts(source, this)
    names = name_facts(source, facts, known) | names_of(source, {m["e"] for m in mentions}, known)
    for mention in mentions:
        mention["entity"] = names[mention["e"]]
    text = meta.get("text")
    sentences = (
        place_sentences(mentions, facts) if text is None else [whole_text(text, mentions, facts)]
    )
    _name_fact_ends(facts, names, sentences)
    return {
        "iri": iri,
        "path": local_path(iri),
        "title": meta.get("title", ""),
        "date": meta.get("date", ""),
        "url": meta.get("url", ""),
        "language": meta.get("language", ""),
        "length": meta.get("length"),
        "full": text is not None,
        "sentences": sentences,
        "facts": facts,
    }


def _article_meta(source: Source, this: str) -> Row:
    """The article's kind (``Article`` when it is one), title, date, URL,
    language, length and text, those it has; ``this`` binds ``?a``."""
    found = rows(
        source,
        f"SELECT ?k ?v WHERE {{ {this} "
        '{ ?a a kg:Article BIND("kind" AS ?k) BIND("Article" AS ?v) } UNION '
        '{ ?a dcterms:title ?v BIND("title" AS ?k) } UNION '
        '{ ?a dcterms:date ?v BIND("date" AS ?k) } UNION '
        '{ ?a schema:url ?v BIND("url" AS ?k) } UNION '
        '{ ?a dcterms:language ?v BIND("language" AS ?k) } UNION '
        '{ ?a kg:length ?v BIND("length" AS ?k) } UNION '
        '{ ?a kg:text ?v BIND("text" AS ?k) } }',
    )
    return {row["k"]: row["v"] for row in found}


def _mentions_and_facts(source: Source, this: str) -> tuple[list[Row], list[Row]]:
    """The article's mentions, and its facts (``owl:sameAs`` links left out)
    in the order of their evidence; ``this`` binds ``?a``."""
    mentions = rows(
        source,
        f"SELECT DISTINCT ?e ?start ?end ?anchor ?sentence WHERE {{ {this} "
        "?m a kg:Mention ; prov:wasDerivedFrom ?a ; kg:refersTo ?e ; kg:start ?start ; "
        "kg:end ?end ; kg:anchor ?anchor . OPTIONAL { ?m kg:sentence ?sentence } }",
    )
    found = rows(
        source,
        f"SELECT DISTINCT ?s WHERE {{ {this} ?s a kg:Statement ; prov:wasDerivedFrom ?a ; "
        "rdf:predicate ?p FILTER(?p != owl:sameAs) }",
    )
    facts = sorted(statements(source, [r["s"] for r in found]), key=lambda f: f.get("start", 0))
    return mentions, facts


def _name_fact_ends(facts: list[Row], names: dict[str, Row], sentences: list[Row]) -> None:
    """Give each fact its subject's and object's names, and whether its
    evidence lies in the text shown (``placed``)."""
    shown = [(s["start"], s["start"] + len(s["text"])) for s in sentences]
    for fact in facts:
        fact["subject_name"] = names.get(fact.get("subject", ""), {"label": fact.get("subject")})
        other = fact.get("object", "")
        fact["object_name"] = (
            {"label": other, "type": "value", "path": None} if fact.get("literal") else names[other]
        )
        start, end = fact.get("start", -1), fact.get("end", -1)
        fact["placed"] = any(a <= start and end <= b for a, b in shown)


def place_sentences(mentions: list[Row], facts: list[Row]) -> list[Row]:
    """Put the sentences of ``mentions`` at their offsets and cut them into segments.

    A sentence's offset is the mention's start minus where its anchor is in
    the sentence; when the anchor occurs more than once, the offset most
    mentions agree on wins.

    Args:
        mentions: rows with ``start``, ``end``, ``anchor``, ``sentence`` and ``entity``.
        facts: statements with ``start`` and ``end`` (their bounds cut segments too).

    Returns:
        The sentences in text order: ``start``, ``text``, ``gap`` (True when
        text is missing before it) and ``segments``.
    """
    votes: dict[str, Counter[int]] = {}
    for m in mentions:
        sentence, anchor = m.get("sentence"), m["anchor"]
        if not sentence or not anchor:
            continue
        at = sentence.find(anchor)
        while at >= 0:
            votes.setdefault(sentence, Counter())[m["start"] - at] += 1
            at = sentence.find(anchor, at + 1)
    placed = sorted((c.most_common(1)[0][0], s) for s, c in votes.items())
    out: list[Row] = []
    end = 0
    for start, text in placed:
        if start < end:  # overlaps the previous sentence: a second reading of the same words
            continue
        stop = start + len(text)
        out.append(
            {
                "start": start,
                "text": text,
                "gap": start > end + 1,
                "segments": _segments(start, stop, text, mentions, facts),
            }
        )
        end = stop
    return out


def whole_text(text: str, mentions: list[Row], facts: list[Row]) -> Row:
    """The article's whole text as one sentence at offset 0, cut into segments.

    Args:
        text: the article's original text (``kg:text``).
        mentions: rows with ``start``, ``end`` and ``entity``.
        facts: statements with ``start`` and ``end``.

    Returns:
        A sentence as :func:`place_sentences` gives them, with no gap.
    """
    return {
        "start": 0,
        "text": text,
        "gap": False,
        "segments": _segments(0, len(text), text, mentions, facts),
    }


def _segments(start: int, stop: int, text: str, mentions: list[Row], facts: list[Row]) -> list[Row]:
    inside = [m for m in mentions if start <= m["start"] and m["end"] <= stop]
    cuts = {start, stop}
    for item in (*inside, *facts):
        for key in ("start", "end"):
            if start < item.get(key, -1) < stop:
                cuts.add(item[key])
    bounds = sorted(cuts)
    segments = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        owner = next((m for m in inside if m["start"] <= a and b <= m["end"]), None)
        segments.append(
            {
                "text": text[a - start : b - start],
                "start": a,
                "end": b,
                "mention": owner["entity"] if owner else None,
            }
        )
    return segments
