"""Names: which spans of the statistical NER name something, and what.

A span of the NER is a candidate, not a name. It is first cut where it runs
over a boundary: a line break, a dash between spaces (a dateline "Ville,
Pays - Texte"), a quote mark inside it, the end of a known organisation
followed by a person's name ("France Inter Marie Dupont"). Each piece is then
cleaned (leading articles, quote marks and punctuation at either end), a role
noun at its start is cut off ("Premier ministre Jean Dupont" -> "Jean
Dupont", "Présidente de la Chambre" -> "Chambre"), and it must earn its place:

* a word of the language's dictionary ("Justice", "Nord", "Lundi") is a name
  only with evidence: the catalogue knows it, a title or role stands before it
  ("M. Marchand"), or a longer name of the article ends with it;
* a dictionary word and a demonym ("Conseil italien") describe, they do not name;
* a demonym written with a capital ("les Libanais") names people, not a place:
  it is left out (the country is named by its own mentions);
* a role phrase alone ("Premier ministre") names no one by itself;
* one word that starts a sentence ("Revers pour ...") is a name only when a
  verb follows it (its subject: "Dupontel a dit"), the article also writes
  it with a capital elsewhere, or a longer name ends with it.

Types come from the catalogue first (a name it knows with one kind), then
from a head noun before the span ("le constructeur Renault", "la milice X")
or its own first word ("Parti X"), then from the context ("à X", "X, Pays"
make a place), and last from the NER label. A known organisation named
inside another's name ("Conseil de sécurité des Nations unies") is a name
too. Every dropped span comes back with its reason, for ``kg --debug``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from kg.lexicon import Lexicon, name_key
from kg.model import EntityType

__all__ = ["Dropped", "KnownNames", "NameSpan", "common_words", "name_spans"]

_EDGE = frozenset(".,;:!?\"'()[]{}«»‹›“”„‘’-–—…")
_QUOTES = frozenset('"«»‹›“”„')
_DASHES = frozenset("-–—")
_NON_NAME_POS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "AUX", "VERB"})
_OF = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "le", "les"})
_BARE = frozenset({"à", "de", "d'", "d’", "en"})
_LOCATIVE = frozenset({"à", "au", "aux", "en", "vers", "depuis"})


@dataclass(frozen=True, slots=True)
class KnownNames:
    """What the linking catalogue knows of names.

    Attributes:
        names: the name keys of each full name's words -> its type:
            ("recep", "tayyip", "erdogan") -> Person; found even where the
            NER missed them.
        longest: first word -> the most words of a name it starts.
        types: name key of any catalogue name -> the type of the items that
            bear it, when they all have one type.
    """

    names: dict[tuple[str, ...], EntityType]
    longest: dict[str, int]
    types: dict[str, EntityType]

    @classmethod
    def of(
        cls,
        names: dict[tuple[str, ...], EntityType],
        types: dict[str, EntityType] | None = None,
    ) -> KnownNames:
        """Index a table of full names and a table of name types."""
        longest: dict[str, int] = {}
        for words in names:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
        return cls(names, longest, types or {})


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A span kept as a name, with its type, key and confidence."""

    span: Span
    type: EntityType
    key: str
    confidence: float
    rule: str = "ner"


@dataclass(frozen=True, slots=True)
class Dropped:
    """A span of the NER that is not a name, and why."""

    text: str
    start: int  # character offsets in the parsed (normalised) text
    end: int
    reason: str


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


class _Context:
    """What the rules need to know of the article and the language."""

    def __init__(self, doc: Doc, lex: Lexicon, known: KnownNames | None, lang: str) -> None:
        self.doc, self.lex = doc, lex
        self.types = known.types if known else {}
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

    def known_type(self, key: str, span: Span, label: str) -> EntityType | None:
        """The catalogue's type of a name. A country or region is a place
        whatever the NER said; a city's name given to a person or an
        organisation by the NER ("Florence a dit", "Carrefour") stays theirs
        unless the context makes it a place ("à Florence")."""
        if key in self.lex.places:
            return EntityType.PLACE
        known = self.types.get(key)
        if known is EntityType.PLACE and label in ("PER", "ORG"):
            return known if _in_place_context(span, self) else None
        return known


def name_spans(
    doc: Doc, lex: Lexicon, lang: str = "fr", known: KnownNames | None = None
) -> tuple[list[NameSpan], list[Dropped]]:
    """The names among the NER spans of a parsed article, and the spans dropped.

    Args:
        doc: the parsed article.
        lex: the language's lexicon.
        lang: the language, for its dictionary.
        known: what the linking catalogue knows of names, when linking.

    Returns:
        The names in text order, and the dropped spans with their reasons.
    """
    ctx = _Context(doc, lex, known, lang)
    kept: list[NameSpan] = []
    dropped: list[Dropped] = []
    for ent in doc.ents:
        for piece in _pieces(ent, ctx):
            found = _judge(piece, piece.label_, ctx)
            if isinstance(found, str) and found.startswith("no type"):
                found = _coordinated(piece, kept, ctx) or found
            if isinstance(found, str):
                dropped.append(Dropped(piece.text, piece.start_char, piece.end_char, found))
            else:
                kept.append(found)
                kept.extend(_nested(found, ctx))
    return kept, dropped


def _coordinated(piece: Span, kept: list[NameSpan], ctx: _Context) -> NameSpan | None:
    """An untyped name in a list of places takes their type: "Mejit, Likiep
    et Ujelang" (the parser makes it a ``conj`` of a name kept before)."""
    span = _clean(piece, ctx)
    if span is None or not span[0].text[:1].isupper():
        return None
    root = span.root
    if root.dep_ != "conj":
        return None
    for name in kept:
        if name.span.start <= root.head.i < name.span.end and name.type is EntityType.PLACE:
            return NameSpan(span, EntityType.PLACE, name_key(span.text), 0.7, "coordination")
    return None


def _nested(name: NameSpan, ctx: _Context) -> Iterator[NameSpan]:
    """A known organisation named inside another's name, after "de": "Conseil
    de sécurité des Nations unies" also names the Nations unies."""
    if name.type is not EntityType.ORGANIZATION:
        return
    span = name.span
    for j in range(span.start + 2, span.end):
        if span.doc[j - 1].text.lower() not in _OF:
            continue
        tail = span.doc[j : span.end]
        key = name_key(tail.text)
        if tail[0].text[:1].isupper() and ctx.types.get(key) is EntityType.ORGANIZATION:
            yield NameSpan(tail, EntityType.ORGANIZATION, key, 0.8, "nested-name")
            return


def _pieces(ent: Span, ctx: _Context) -> Iterator[Span]:
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


def _split_known(span: Span, ctx: _Context) -> Iterator[Span]:
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


def _clean(span: Span, ctx: _Context) -> Span | None:
    """Drop leading articles, credit markers, quote marks and punctuation."""
    doc, start, end = span.doc, span.start, span.end
    lex = ctx.lex
    if end - start > 2 and name_key(doc[start].text) in lex.credit_markers:
        if doc[start + 1].text == ":":
            start += 2  # "Crédit: PA" tagged as one span
    while start < end and (
        doc[start].text.lower() in lex.leading or doc[start].is_space or doc[start].text in _EDGE
    ):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE):
        end -= 1
    return Span(doc, start, end, label=span.label) if start < end else None


def _strip_role(span: Span, ctx: _Context) -> tuple[Span, str] | str:
    """Cut honorifics and a role noun off the start of a span.

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
    end = start
    for j in range(start, min(start + lex.role_length, span.end)):
        if " ".join(name_key(t.text) for t in doc[start : j + 1]) in lex.roles:
            end = j + 1
    if end == start:
        if start >= span.end:
            return "honorific"
        return Span(doc, start, span.end, label=span.label), _role_before(span, ctx)
    role = " ".join(name_key(t.text) for t in doc[start:end])
    relation = "name"
    while end < span.end and (
        doc[end].text.lower() in lex.role_modifiers
        or doc[end].text.lower() in lex.demonyms
        or doc[end].text.lower() in _OF
    ):
        relation = f"of:{role}" if doc[end].text.lower() in _OF else relation
        end += 1
    if end >= span.end or not doc[end].text[:1].isupper():
        return "role phrase"
    return Span(doc, end, span.end, label=span.label), relation


def _role_before(span: Span, ctx: _Context) -> str:
    """ "of:<role>" when a role and "de" stand right before the span
    ("président du Conseil italien"), else ""."""
    doc, i = span.doc, span.start - 1
    seen_of = False
    while i >= 0 and doc[i].text.lower() in _OF:
        seen_of, i = True, i - 1
    if not seen_of or i < 0:
        return ""
    for n in range(1, ctx.lex.role_length + 1):
        if i - n + 1 < 0:
            break
        role = " ".join(name_key(t.text) for t in doc[i - n + 1 : i + 1])
        if role in ctx.lex.roles:
            return f"of:{role}"
    return ""


def _complement(span: Span, role: str, ctx: _Context) -> str | None:
    """Why the complement of a role is no name, or None. A minister's is a
    portfolio ("ministre de l'Intérieur"); a dictionary noun and a demonym
    ("président du Conseil italien") describe; anything else names ("porte-parole
    du Kremlin", "chef de la Sécurité générale")."""
    if role in ctx.lex.portfolio_roles:
        return "portfolio of a minister"
    words = [t for t in span if t.is_alpha and t.pos_ not in ("ADP", "DET")]
    if len(words) == 2 and words[1].text.lower() in ctx.lex.demonyms:
        return "complement of a role"
    return None


def _judge(piece: Span, label: str, ctx: _Context) -> NameSpan | str:
    """Keep a piece as a typed name, or say why it is not one."""
    span = _clean(piece, ctx)
    if span is None:
        return "punctuation only"
    stripped = _strip_role(span, ctx)
    if isinstance(stripped, str):
        return stripped
    rest, relation = stripped
    span, lex = _from_capital(rest, ctx), ctx.lex
    if span is None:
        return "no capitalised word"
    key = name_key(span.text)
    known = ctx.known_type(key, span, "PER" if relation == "name" else label)
    if key in lex.not_entities:
        return "listed as not an entity"
    if not any(t.text[:1].isupper() for t in span) or not any(c.isalpha() for c in span.text):
        return "no capitalised word"
    if known is None and len(span) == 1 and span[0].pos_ in _NON_NAME_POS:
        return f"a single {span[0].pos_.lower()}"
    if span.text.lower() in lex.demonyms:
        return "demonym naming people"
    if relation == "name":
        label = "PER"
    if known is None:
        of = relation.startswith("of:")
        reason = _complement(span, relation[3:], ctx) if of else _unearned(span, ctx)
        if reason:
            return reason
        label = "ORG" if of else label
    etype, conf = _type(span, label, known, ctx)
    if etype is None:
        return f"no type for NER label {label}"
    if known is EntityType.PLACE:
        return NameSpan(span, etype, name_key(lex.places.get(key, span.text)), conf)
    return NameSpan(span, etype, key, conf)


def _from_capital(span: Span, ctx: _Context) -> Span | None:
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


def _unearned(span: Span, ctx: _Context) -> str | None:
    """Why an unknown span of one dictionary word is not a name, or None."""
    doc = span.doc
    words = [t for t in span if t.is_alpha or "-" in t.text]
    if len(words) != 1 or len(span) != 1:
        return None
    if not ctx.is_common(span.text, span[0].lemma_):
        after = doc[span.end] if span.end < len(doc) else None
        subject = after is not None and after.pos_ in ("VERB", "AUX")
        if span[0].is_sent_start and not subject and name_key(span.text) not in ctx.mid_capitals:
            if name_key(span.text) not in ctx.surnames:
                return "first word of a sentence without evidence"
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None:
        word = name_key(before.text)
        if word in ctx.lex.honorifics or word in ctx.lex.roles:
            return None  # "M. Marchand", "le président Blanc"
        if name_key(span.text) in ctx.lex.institutions and before.pos_ in ("DET", "ADP"):
            return None  # "le Sénat", "au Parlement"
        if before.text.lower() in _BARE and span.start_char > before.sent.start_char:
            return None  # "l'atoll de Bikini", "à Tours": no article, so a name
    if name_key(span.text) in ctx.surnames:
        return None
    return "common noun without evidence"


def _type(
    span: Span, label: str, known: EntityType | None, ctx: _Context
) -> tuple[EntityType | None, float]:
    """The type of a name: catalogue, head noun, context, then the NER label."""
    if known is not None:
        return known, 0.9
    etype = ctx.lex.labels.get(label)
    if len(span) == 1 and name_key(span.text) in ctx.lex.institutions:
        return EntityType.ORGANIZATION, 0.8
    head = _head_type(span, ctx.lex)
    if head is not None:
        return head, 0.8
    if etype is EntityType.PERSON and len(span) == 1 and _in_place_context(span, ctx):
        return EntityType.PLACE, 0.8
    if etype is None and label == "MISC" and _is_acronym(span.text):
        return EntityType.ORGANIZATION, 0.8
    if etype is None and _work_head(span, ctx.lex):
        return EntityType.OTHER, 0.8
    return etype, 0.9


def _head_type(span: Span, lex: Lexicon) -> EntityType | None:
    """Type a span by a head noun: before it ("l'agence de presse russe
    Interfax", "le groupe jihadiste X") or its own first word ("Parti X")."""
    doc = span.doc
    if len(span) > 1 and name_key(span[0].text) in lex.organization_heads:
        return EntityType.ORGANIZATION
    words: list[str] = []
    for i in range(span.start - 1, max(span.start - 5, -1), -1):
        token = doc[i]
        if token.pos_ in ("DET", "PUNCT") or token.text[:1].isupper():
            break  # a capitalised word before is another name's, not a head noun
        words.insert(0, token.text)
        for n in range(len(words)):
            if name_key(" ".join(words[n:])) in lex.organization_heads:
                return EntityType.ORGANIZATION
            if name_key(" ".join(words[: len(words) - n])) in lex.organization_heads:
                return EntityType.ORGANIZATION
    return None


def _work_head(span: Span, lex: Lexicon) -> bool:
    """ "l'émission Les Guignols", "le film X": a work, typed Other."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and doc[i].text.lower() in lex.leading:
        i -= 1
    return i >= 0 and name_key(doc[i].text) in lex.work_heads


def _in_place_context(span: Span, ctx: _Context) -> bool:
    """ "à X", "en X", "X, Pays": a place whatever the NER said."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text.lower() in _LOCATIVE:
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        after = doc[span.end + 1 : min(span.end + 5, len(doc))]
        for n in range(len(after), 0, -1) if after and after[0].text[:1].isupper() else ():
            if name_key(after[:n].text) in ctx.lex.places:
                return True
    return False


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()
