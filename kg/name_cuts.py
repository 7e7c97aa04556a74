"""Cutting the spans of the statistical NER into the pieces that may be names.

A span is cut where it runs over a boundary: a line break, a dash between
spaces (a dateline "Ville, Pays - Texte"), a quote mark inside it, the end of
a known organisation followed by a person's name ("France Inter Marie
Dupont"). A piece loses its leading articles, quote marks and punctuation,
and a role noun at its start ("Premier ministre Jean Dupont" -> "Jean
Dupont"). :class:`SpanContext` holds what these rules, and those of
:mod:`kg.names`, need to know of the article and the language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from kg.lexicon import Lexicon, name_key
from kg.model import EntityType
from kg.phrases import PhraseList, TextPhrases

__all__ = [
    "KnownNames",
    "SpanContext",
    "clean",
    "common_words",
    "from_capital",
    "in_place_context",
    "pieces",
    "strip_role",
]

_EDGE = frozenset(".,;:!?\"'()[]{}«»‹›“”„‘’-–—…")


_QUOTES = frozenset('"«»‹›“”„')


_DASHES = frozenset("-–—")


@dataclass(frozen=True, slots=True)
class KnownNames:
    """What the linking catalogue knows of names.

    Attributes:
        names: name key of each full name -> its type: "recep tayyip erdogan"
            -> Person; found even where the NER missed them.
        phrases: those names as a phrase list, to find them in a text.
        types: name key of any catalogue name -> the type of the items that
            bear it, when they all have one type.
    """

    names: dict[str, EntityType]
    phrases: PhraseList
    types: dict[str, EntityType]

    @classmethod
    def of(
        cls,
        names: dict[str, EntityType],
        types: dict[str, EntityType] | None = None,
        lang: str = "fr",
    ) -> KnownNames:
        """Index full names (as written, with their types) and a table of name types."""
        keys: dict[str, EntityType] = {}
        for name, etype in names.items():
            keys.setdefault(name_key(name), etype)
        return cls(keys, PhraseList(names, lang), types or {})


@cache
def common_words(lang: str) -> frozenset[str]:
    """The nouns and adjectives of the language's dictionary (the lemmatizer's
    lists), lower case."""
    from kg.nlp import load_pipeline

    words: set[str] = set()
    for _name, pipe in load_pipeline(lang).pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for pos in ("noun", "adj"):
            if pos in table:
                words.update(table[pos])
    return frozenset(words)


class SpanContext:
    """What the rules need to know of the article and the language."""

    def __init__(
        self,
        doc: Doc,
        lex: Lexicon,
        known: KnownNames | None,
        lang: str,
        phrases: TextPhrases | None = None,
    ) -> None:
        self.doc, self.lex, self.lang = doc, lex, lang
        self.phrases = phrases or TextPhrases.of(doc, lang)
        self.roles = self.phrases.roles
        self.types = dict.fromkeys(lex.media, EntityType.ORGANIZATION)
        self.types.update(known.types if known else {})
        self.common = common_words(lang)
        self.mid_capitals = {
            name_key(t.text) for t in doc if t.text[:1].isupper() and not t.is_sent_start
        }
        self.surnames = {
            name_key(ent[-1].text)
            for ent in doc.ents
            if ent.label_ == "PER" and len(ent) > 1 and ent[-1].text[:1].isupper()
        }

    def is_common(self, word: str, lemma: str) -> bool:
        lower = word.lower()
        parts = lower.split("-")
        return (
            lower in self.common
            or lemma.lower() in self.common
            or all(p in self.common for p in parts)
        )

    def with_article(self, key: str, span: Span) -> str:
        """The key of a known name whose article a preposition absorbed ("du
        Figaro": "le figaro"); else ``key``."""
        if key in self.types or span.start == 0:
            return key
        article = self.lex.contractions.get(span.doc[span.start - 1].text.lower())
        longer = name_key(f"{article} {span.text}") if article else key
        return longer if longer in self.types else key

    def known_type(self, key: str, span: Span, label: str) -> EntityType | None:
        """The catalogue's type of a name. A country or region is a place
        whatever the NER said; a city's name given to a person or an
        organisation by the NER ("Florence a dit", "Carrefour") stays theirs
        unless the context makes it a place ("à Florence")."""
        if key in self.lex.places:
            return EntityType.PLACE
        known = self.types.get(key)
        if known is EntityType.PLACE and label in ("PER", "ORG"):
            return known if in_place_context(span, self) else None
        return known


def pieces(ent: Span, ctx: SpanContext) -> Iterator[Span]:
    """Cut a span at line breaks, spaced dashes, inner quote marks, and the end
    of a known organisation followed by a capitalised name. After a dash (a
    dateline), the NER's label stays with the first piece; a later one has
    none unless it looks like a person's name (two or three capitalised
    words, the last not in the dictionary)."""
    for piece, after_dash in _cuts(ent):
        if after_dash:
            words = [t for t in piece if t.is_alpha]
            person = 2 <= len(piece) <= 3 and len(words) == len(piece)
            person = person and all(t.text[:1].isupper() for t in words)
            person = person and not ctx.is_common(words[-1].text, words[-1].lemma_)
            piece = Span(piece.doc, piece.start, piece.end, label="PER" if person else "")
        yield from _split_known(piece, ctx)


def _cuts(ent: Span) -> Iterator[tuple[Span, bool]]:
    """The pieces of a span, each with whether a spaced dash came before it."""
    doc, start, dashed = ent.doc, ent.start, False
    for token in ent:
        text = token.text
        dash = text in _DASHES and token.i > ent.start and bool(doc[token.i - 1].whitespace_)
        cut = "\n" in text or dash or (text in _QUOTES and ent.start < token.i < ent.end - 1)
        if cut:
            if token.i > start:
                yield Span(doc, start, token.i, label=ent.label), dashed
            start, dashed = token.i + 1, dashed or dash
        elif "\n" in token.whitespace_:
            yield Span(doc, start, token.i + 1, label=ent.label), dashed
            start = token.i + 1
    if ent.end > start:
        yield Span(doc, start, ent.end, label=ent.label), dashed


def _split_known(span: Span, ctx: SpanContext) -> Iterator[Span]:
    """ "France Inter Marie Dupont": a known organisation, then a person's name."""
    for cut in range(len(span) - 2, 0, -1):
        head = span[:cut]
        rest = span[cut:]
        if ctx.types.get(name_key(head.text)) is EntityType.ORGANIZATION and all(
            t.text[:1].isupper() and t.is_alpha for t in rest
        ):
            yield Span(span.doc, head.start, head.end, label="ORG")
            yield Span(span.doc, rest.start, rest.end, label="PER")
            return
    yield span


def clean(span: Span, ctx: SpanContext) -> Span | None:
    """Drop leading articles, credit markers, quote marks and punctuation, and
    the lower-case words a person's span ends with; a known name that starts
    with its article ("Le Monde") keeps it."""
    doc, start, end = span.doc, span.start, span.end
    lex = ctx.lex
    if end - start > 2 and name_key(doc[start].text) in lex.credit_markers:
        if doc[start + 1].text == ":":
            start += 2  # "Crédit: PA" tagged as one span
    while start < end and (doc[start].is_space or doc[start].text in _EDGE):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE):
        end -= 1
    if span.label_ == "PER":
        end = _without_trailing_words(doc, start, end)
    if end - start > 1 and doc[start + 1].text[:1].isupper():
        if name_key(doc[start:end].text) in ctx.types:
            return Span(doc, start, end, label=span.label)
    while start < end and (doc[start].text.lower() in lex.leading or doc[start].is_space):
        start += 1
    return Span(doc, start, end, label=span.label) if start < end else None


def _without_trailing_words(doc: Doc, start: int, end: int) -> int:
    """The end of a person's span without the lower-case nouns and adverbs it
    runs on with after a capitalised word ("Marc Petit lundi", "Anne Roux hier
    soir"); a name keeps two words at least ("Premier ministre" stays whole
    for the role rules), and particles ("du", "el-Assad") are no such words."""
    cut = end
    while cut > start and doc[cut - 1].text.islower() and doc[cut - 1].pos_ in ("NOUN", "ADV"):
        cut -= 1
    if cut < end and cut - start >= 2 and doc[cut - 1].text[:1].isupper():
        return cut
    return end


def with_adjectives(span: Span, ctx: SpanContext) -> Span:
    """A capitalised institution noun and the lower-case adjectives after it
    are one name: "le Conseil constitutionnel", "la Cour suprême". An
    adjective of nationality or of a party stays out ("le Conseil italien"
    is a description)."""
    doc, lex = span.doc, ctx.lex
    key = name_key(span.text)
    if len(span) != 1 or not span.text[:1].isupper():
        return span
    if key not in lex.institutions and key not in lex.office_bodies:
        return span
    end = span.end
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].text.islower():
        if doc[end].text in lex.demonyms or doc[end].text in lex.parties:
            break
        end += 1
    return Span(doc, span.start, end, label=span.label) if end > span.end else span


def strip_role(span: Span, ctx: SpanContext) -> tuple[Span, str] | str:
    """Cut honorifics and a role noun off the start of a span, or the end of
    a role that starts before it ("secrétaire d'|État américain").

    Returns the rest and how it relates to the role: ``"name"`` ("Premier
    ministre Jean Dupont" -> "Jean Dupont"), ``"of:<role>"`` ("Présidente de
    la Chambre" -> "Chambre", the role's complement) or ``""`` (no role); or the
    reason the span is no name ("role phrase", "honorific").
    """
    doc, lex = span.doc, ctx.lex
    if name_key(span.text) in lex.honorifics:
        return "honorific"
    start = span.start
    while start < span.end - 1 and name_key(doc[start].text) in lex.honorifics:
        start += 1 + (doc[start + 1].text == ".")
    # "secrétaire d'|État américain": the NER span starts inside a role
    found = ctx.roles.longest(start, span.end) or ctx.roles.covering(start, lex.role_length)
    if found is None:
        if start >= span.end:
            return "honorific"
        return Span(doc, start, span.end, label=span.label), _role_before(span, ctx)
    end, role = found
    relation = "name"
    while end < span.end and (
        doc[end].text.lower() in lex.role_modifiers
        or doc[end].text.lower() in lex.demonyms
        or doc[end].text.lower() in lex.role_links
    ):
        relation = f"of:{role}" if doc[end].text.lower() in lex.role_links else relation
        end += 1
    if end >= span.end or not doc[end].text[:1].isupper():
        return "role phrase"
    return Span(doc, end, span.end, label=span.label), relation


def _role_before(span: Span, ctx: SpanContext) -> str:
    """How a span relates to a role right before it: ``"of:<role>"`` after a
    role and "de" ("président du Conseil italien"), ``"name"`` right after a
    role noun in lower case and its modifiers ("le vice-président Marin", "du
    nouveau président Marin": a person's name whatever the NER said), else
    "". An acronym or a party's name after a role is a label, not the holder
    ("le député UMP", "le candidat Démocrate"): no relation."""
    doc, i = span.doc, span.start
    while i > 0 and doc[i - 1].text.lower() in ctx.lex.role_links:
        i -= 1
    if i == 0:
        return ""
    if i < span.start:
        found = ctx.roles.ending_at(i, ctx.lex.role_length)
        return f"of:{found[1]}" if found else ""
    words = [t for t in span if t.is_alpha]
    if not words or any(t.text.isupper() or t.text.lower() in ctx.lex.parties for t in words):
        return ""
    while i > 0 and (
        doc[i - 1].text.lower() in ctx.lex.role_modifiers
        or doc[i - 1].text.lower() in ctx.lex.demonyms
    ):
        i -= 1
    found = ctx.roles.ending_at(i, ctx.lex.role_length)
    return "name" if found and doc[found[0]].text[:1].islower() else ""


def from_capital(span: Span, ctx: SpanContext) -> Span | None:
    """A span that starts with a lower-case word: "ministère de l'Intérieur",
    "parti National" and "îles Marshall" are names as they stand; "guerre en
    Irak" names only what follows its last preposition or article."""
    if span[0].text[:1].isupper() or name_key(span[0].text) in ctx.lex.organization_heads:
        return span
    for i in range(1, len(span)):
        if span[i].text[:1].isupper():
            if span[i - 1].pos_ not in ("ADP", "DET"):
                return span
            last = max(j for j in range(i, len(span)) if span[j - 1].pos_ in ("ADP", "DET"))
            return Span(span.doc, span.start + last, span.end, label=span.label)
    return None


def in_place_context(span: Span, ctx: SpanContext) -> bool:
    """ "à X", "en X", "X, Pays": a place whatever the NER said."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text.lower() in ctx.lex.place_markers:
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        after = doc[span.end + 1 : min(span.end + 5, len(doc))]
        for n in range(len(after), 0, -1) if after and after[0].text[:1].isupper() else ():
            if name_key(after[:n].text) in ctx.lex.places:
                return True
    return False
