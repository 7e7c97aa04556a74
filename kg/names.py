"""Names: which spans of the statistical NER name something, and what.

A span of the NER is a candidate, not a name. It is first cut into pieces,
cleaned and stripped of a role noun at its start (:mod:`kg.name_cuts`), and
each piece must then earn its place:

* a word of the language's dictionary ("Justice", "Nord", "Lundi") is a name
  only with evidence: the catalogue knows it, a title or role stands before it
  ("M. Marchand"), or a longer name of the article ends with it;
* the complement of a role names only when it is no minister's portfolio
  ("ministre de l'Intérieur") and no dictionary noun with a demonym
  ("président du Conseil italien");
* a demonym written with a capital ("les Libanais") names people, not a place:
  it is left out (the country is named by its own mentions);
* a role phrase alone ("Premier ministre") names no one by itself;
* one word that starts a sentence ("Revers pour ...") is a name only when a
  verb follows it (its subject: "Dupontel a dit"), the article also writes
  it with a capital elsewhere, or a longer name ends with it.

Types come from the catalogue first (a name it knows with one kind), then
from a head noun before the span ("le constructeur Renault", "la milice X")
or its own first word ("Parti X"), then from the context ("à X", "X, Pays"
make a place; a name the catalogue does not know as a place is no place
when it is the subject of a speech or report verb, "X a rapporté que": it
speaks, so it is an organisation), and last from the NER label. A known organisation named
inside another's name ("Conseil de sécurité des Nations unies") is a name
too. Every dropped span comes back with its reason, for ``kg --debug``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from kg.lang import load_data
from kg.lang.grammar import grammar
from kg.lexicon import Lexicon, name_key
from kg.model import EntityType
from kg.name_cuts import (
    KnownNames,
    SpanContext,
    clean,
    from_capital,
    in_place_context,
    pieces,
    strip_role,
    with_adjectives,
)
from kg.phrases import TextPhrases

__all__ = ["Dropped", "KnownNames", "NameSpan", "name_spans"]

_NON_NAME_POS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "AUX", "VERB"})
_OPEN = frozenset('«"“„‹')
_CLOSE = frozenset('»"”›')


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


def name_spans(
    doc: Doc,
    lex: Lexicon,
    lang: str = "fr",
    known: KnownNames | None = None,
    phrases: TextPhrases | None = None,
) -> tuple[list[NameSpan], list[Dropped]]:
    """The names among the NER spans of a parsed article, and the spans dropped.

    Args:
        doc: the parsed article.
        lex: the language's lexicon.
        lang: the language, for its dictionary.
        known: what the linking catalogue knows of names, when linking.
        phrases: the lexicon's phrase lists in the article, when the caller
            has them already (:mod:`kg.phrases`); else they are made here.

    Returns:
        The names in text order, and the dropped spans with their reasons.
    """
    ctx = SpanContext(doc, lex, known, lang, phrases)
    kept: list[NameSpan] = []
    dropped: list[Dropped] = []
    for ent in doc.ents:
        for piece in pieces(ent, ctx):
            found = _judge(piece, piece.label_, ctx)
            if isinstance(found, str) and found.startswith("no type"):
                found = _coordinated(piece, kept, ctx) or found
            if isinstance(found, str):
                dropped.append(Dropped(piece.text, piece.start_char, piece.end_char, found))
            else:
                kept.append(found)
                kept.extend(_nested(found, ctx))
    return kept, dropped


def _coordinated(piece: Span, kept: list[NameSpan], ctx: SpanContext) -> NameSpan | None:
    """An untyped name in a list of places takes their type: "Mejit, Likiep
    et Ujelang" (the parser makes it a ``conj`` of a name kept before)."""
    span = clean(piece, ctx)
    if span is None or not span[0].text[:1].isupper():
        return None
    root = span.root
    if root.dep_ != "conj":
        return None
    for name in kept:
        if name.span.start <= root.head.i < name.span.end and name.type is EntityType.PLACE:
            return NameSpan(span, EntityType.PLACE, name_key(span.text), 0.7, "coordination")
    return None


def _nested(name: NameSpan, ctx: SpanContext) -> Iterator[NameSpan]:
    """A known organisation named inside another's name, after "de": "Conseil
    de sécurité des Nations unies" also names the Nations unies."""
    if name.type is not EntityType.ORGANIZATION:
        return
    span = name.span
    for j in range(span.start + 2, span.end):
        if span.doc[j - 1].text.lower() not in ctx.lex.role_links:
            continue
        tail = span.doc[j : span.end]
        key = name_key(tail.text)
        if tail[0].text[:1].isupper() and ctx.types.get(key) is EntityType.ORGANIZATION:
            yield NameSpan(tail, EntityType.ORGANIZATION, key, 0.8, "nested-name")
            return


def _complement(span: Span, role: str, ctx: SpanContext) -> str | None:
    """Why the complement of a role is no name, or None. A minister's is a
    portfolio ("ministre de l'Intérieur"); a dictionary noun and a demonym
    ("président du Conseil italien") and a lone office body ("président du
    Conseil") describe; anything else names ("porte-parole du Kremlin", "chef
    de la Sécurité générale")."""
    if role in ctx.lex.portfolio_roles:
        return "portfolio of a minister"
    # "social-démocrate" is one word of the name, though not all letters
    words = [t for t in span if t.text.replace("-", "").isalpha() and t.pos_ not in ("ADP", "DET")]
    if len(words) == 2 and words[1].text.lower() in ctx.lex.demonyms:
        return "complement of a role"
    if len(words) == 1 and name_key(words[0].text) in ctx.lex.office_bodies:
        return "body completing a role"  # "président du Conseil"
    return None


def _whole_quotation(span: Span) -> bool:
    """True when quote marks enclose the span and nothing else, after a verb,
    a noun or an article: a title, a caption, quoted words or a borrowed term
    (la « Caméra d'Or », la mention « Y II », annoncer « Habemus Papa X », la
    "Chief Justice"), typed Other whatever the NER said. After a preposition
    (selon « Jean Morel ») the quotation may be a person's name."""
    doc = span.doc
    start, end = span.start - 1, span.end
    while start >= 0 and doc[start].is_space:
        start -= 1
    while end < len(doc) and doc[end].is_space:
        end += 1
    if start < 1 or end >= len(doc):
        return False
    enclosed = doc[start].text in _OPEN and doc[end].text in _CLOSE
    return enclosed and doc[start - 1].pos_ in ("VERB", "NOUN", "DET")


def _judge(piece: Span, label: str, ctx: SpanContext) -> NameSpan | str:
    """Keep a piece as a typed name, or say why it is not one."""
    span = clean(piece, ctx)
    if span is None:
        return "punctuation only"
    stripped = strip_role(span, ctx)
    if isinstance(stripped, str):
        return stripped
    rest, relation = stripped
    span, lex = from_capital(rest, ctx), ctx.lex
    if span is None:
        return "no capitalised word"
    span = with_adjectives(span, ctx)
    key = ctx.with_article(name_key(span.text), span)
    known = ctx.known_type(key, span, "PER" if relation == "name" else label)
    if known is None and key in lex.not_entities:
        return "listed as not an entity"
    if known is None and _whole_quotation(span):
        return NameSpan(span, EntityType.OTHER, key, 0.7, "quoted-title")
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
        if of:  # "député de la Gironde": a place; "président du Sénat": an organisation
            label = "LOC" if name_key(relation[3:]) in lex.constituency_roles else "ORG"
    etype, conf = _type(span, label, known, ctx)
    if etype is None:
        return f"no type for NER label {label}"
    if known is EntityType.PLACE:
        return NameSpan(span, etype, name_key(lex.places.get(key, span.text)), conf)
    return NameSpan(span, etype, key, conf)


def _unearned(span: Span, ctx: SpanContext) -> str | None:
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
        if word in ctx.lex.honorifics or ctx.roles.ending_at(span.start, 1):
            return None  # "M. Marchand", "le président Blanc"
        if name_key(span.text) in ctx.lex.institutions and before.pos_ in ("DET", "ADP"):
            return None  # "le Sénat", "au Parlement"
        head = doc[span.start - 2] if before.pos_ == "DET" and span.start > 1 else before
        if name_key(head.text) in ctx.lex.organization_heads:
            return None  # "le parti Les Républicains", "le journal Libération"
        bare = before.text.lower() in ctx.lex.bare_prepositions
        if bare and span.start_char > before.sent.start_char:
            return None  # "l'atoll de Bikini", "à Tours": no article, so a name
    if name_key(span.text) in ctx.surnames:
        return None
    return "common noun without evidence"


def _type(
    span: Span, label: str, known: EntityType | None, ctx: SpanContext
) -> tuple[EntityType | None, float]:
    """The type of a name: catalogue, head noun, context, then the NER label."""
    if known is not None:
        return known, 0.9
    etype = ctx.lex.labels.get(label)
    if name_key(span[0].text) in ctx.lex.institutions:
        return EntityType.ORGANIZATION, 0.8  # "le Sénat", "Cour suprême de l'Oregon"
    head = _head_type(span, ctx)
    if head is not None:
        return head, 0.8
    if etype is EntityType.PERSON and len(span) == 1 and in_place_context(span, ctx):
        return EntityType.PLACE, 0.8
    if etype is EntityType.PLACE and _speaks(span, ctx):
        return EntityType.ORGANIZATION, 0.8
    if etype is None and label == "MISC" and _is_acronym(span.text):
        return EntityType.ORGANIZATION, 0.8
    if etype is None and _work_head(span, ctx.lex):
        return EntityType.OTHER, 0.8
    return etype, 0.9


@cache
def _speech_verbs(lang: str) -> frozenset[str]:
    """The one-word speech and report verbs of a language (``cues.yaml``)."""
    cues = load_data(lang, "cues")
    verbs = [*cues.get("speech_verbs", []), *cues.get("report_verbs", [])]
    return frozenset(verb for verb in verbs if " " not in verb)


def _speaks(span: Span, ctx: SpanContext) -> bool:
    """ "Al-Manar a rapporté que ...": a word of the name is the subject of a
    speech or report verb. Only asked of a name the catalogue does not know
    (a known city stays a place: "Kaboul a annoncé" is its government's);
    refused for a name with a known country or region in it ("la République
    populaire de Chine a annoncé" is the country's)."""
    if any(name_key(t.text) in ctx.lex.places for t in span):
        return False
    verbs = _speech_verbs(ctx.lang)
    return any(
        t.dep_.startswith("nsubj") and t.head.pos_ == "VERB" and t.head.lemma_.lower() in verbs
        for t in span
    )


def _head_type(span: Span, ctx: SpanContext) -> EntityType | None:
    """Type a span by a head noun: its own first word ("Parti X") or one among
    the four lower-case words before it ("l'agence de presse russe Interfax",
    "le groupe jihadiste X"); a determiner, a punctuation mark or a capitalised
    word (another name's) ends the words looked at. A head after a noun and a
    bare "de" qualifies that noun and heads no name: "son confrère de parti X"
    names a person ("Y, de journal X" still names a newspaper)."""
    doc, lex = span.doc, ctx.lex
    if len(span) > 1 and name_key(span[0].text) in lex.organization_heads:
        return EntityType.ORGANIZATION
    k = span.start
    while k > max(span.start - 4, 0):
        token = doc[k - 1]
        if token.pos_ in ("DET", "PUNCT") or token.text[:1].isupper():
            break
        k -= 1
    heads = ctx.phrases.heads
    for i in range(k, span.start):
        if _classifier(doc, i):
            continue
        if any(end <= span.start for end, _key in heads.at(i)):
            return EntityType.ORGANIZATION
    return None


def _classifier(doc: Doc, i: int) -> bool:
    """A noun after a bare "de" qualifies the noun before it ("son confrère
    de parti Paul Girard": a colleague, not a party): no head of a name.
    After anything but a noun ("X, de journal Y") the head stays one."""
    before = doc[i - 1] if i > 1 else None
    return (
        before is not None
        and doc[i - 2].pos_ == "NOUN"
        and before.pos_ == "ADP"
        and before.lower_ in grammar().genitive
        and not before.morph.get("Definite")
    )


def _work_head(span: Span, lex: Lexicon) -> bool:
    """ "l'émission Les Guignols", "le film X": a work, typed Other."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and doc[i].text.lower() in lex.leading:
        i -= 1
    return i >= 0 and name_key(doc[i].text) in lex.work_heads


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()
