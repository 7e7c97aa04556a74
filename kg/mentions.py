"""Mentions: spaCy spans turned into clean, typed :class:`~kg.model.Mention` s.

Three sources, each with its rule id in the provenance:

* ``ner``: the statistical NER, cleaned: spans split at line breaks, leading
  articles and elisions dropped ("l'OTAN" -> "OTAN"), trailing punctuation
  dropped, and rejected when nothing proper is left ("Le monde", "Plus",
  "Crédit"). MISC spans are kept only when a head noun types them ("l'agence
  de presse russe Interfax" -> Organization). A span that names a country or
  region of ``places.yaml`` is a Place whatever the NER said.
* ``credit``: "Crédit: PA" names the agency that made the picture.
* ``demonym``: adjectives of nationality ("les médias russes") mention the
  country, through the demonyms of ``places.yaml``.
* ``role``: role phrases ("le président russe", "son homologue",
  "l'attaché de presse") mention a person; whom is decided in
  :mod:`kg.entities`, and an unresolved role mention makes no entity.

* ``known-name``: full names of people and organisations the linking
  catalogue knows, where the NER missed them ("Recep Tayyip Erdogan").
* ``organization-phrase``: "les services de renseignement américains": a
  common-noun phrase of the lexicon followed by a demonym names an organisation.

Confidence: 0.75 for organisation phrases, 0.9 for NER names (0.8 when the
type came from a head noun or the place list rather than the NER), 0.95 for
demonyms (a closed list), 0.7 for credits, 0.6 for role phrases (they still
need resolving).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from kg.lang import language_config, load_data
from kg.model import EntityType, Mention, MentionKind, Provenance
from kg.nlp import Parsed, token_strings

__all__ = ["KnownNames", "Lexicon", "extract_mentions", "lexicon", "make_mention", "name_key"]


@dataclass(frozen=True, slots=True)
class KnownNames:
    """Full names of known entities, to find where the NER misses them.

    Attributes:
        names: the name keys of each name's words -> its type:
            ("recep", "tayyip", "erdogan") -> Person.
        longest: first word -> the most words of a name it starts.
    """

    names: dict[tuple[str, ...], EntityType]
    longest: dict[str, int]

    @classmethod
    def of(cls, names: dict[tuple[str, ...], EntityType]) -> KnownNames:
        """Index a table of names."""
        longest: dict[str, int] = {}
        for words in names:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
        return cls(names, longest)


_TRAILING = frozenset(".,;:!?\"'()[]{}«»-–—…")
_NON_NAME_POS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "AUX", "VERB"})


@lru_cache(maxsize=131072)
def name_key(text: str) -> str:
    """The key under which names are merged: casefolded, accents and punctuation
    removed, apostrophes made plain, white space collapsed.

    Cached (bounded): it runs on every word of every article, and words repeat.
    """
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() or c in "' " else " " for c in text.casefold())
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The language data mentions need, loaded once per language."""

    labels: dict[str, EntityType]
    leading: frozenset[str]
    not_entities: frozenset[str]
    credit_markers: frozenset[str]
    credit_pattern: re.Pattern[str]  # a credit marker and its colon: "Crédit :"
    roles: dict[str, EntityType]  # name key of the role noun -> type
    role_length: int  # the most tokens a role noun spans
    role_starts: frozenset[str]  # first words of role nouns, to skip other tokens fast
    role_modifiers: frozenset[str]
    organization_heads: frozenset[str]
    honorifics: frozenset[str]  # name keys of "M.", "Mme", "Dr" ...
    organization_phrases: tuple[tuple[str, ...], ...]  # name keys of their words
    demonyms: dict[str, str]  # demonym -> place name
    places: dict[str, str]  # name key of a country/region name or alias -> its name


@cache
def lexicon(lang: str = "fr") -> Lexicon:
    """Load the lexicon of a language (``lexicon.yaml`` and ``places.yaml``)."""
    config = language_config(lang)
    lex = load_data(lang, "lexicon")
    places = load_data(lang, "places")
    demonyms: dict[str, str] = {}
    names: dict[str, str] = {}
    for section in ("countries", "regions"):
        for entry in (places.get(section) or {}).values():
            name = entry["name"]
            for alias in [name, *(entry.get("aliases") or [])]:
                names.setdefault(name_key(alias), name)
            if section == "countries":
                for demonym in entry.get("demonyms") or []:
                    demonyms.setdefault(demonym.lower(), name)
    return Lexicon(
        labels={k: EntityType(v) for k, v in (config.get("entity_labels") or {}).items()},
        leading=frozenset(w.lower() for w in lex.get("leading_articles", [])),
        not_entities=frozenset(name_key(w) for w in lex.get("not_entities", [])),
        credit_markers=frozenset(name_key(w) for w in lex.get("credit_markers", [])),
        credit_pattern=re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(w) for w in lex.get("credit_markers", []))
            + r")\s*:\s*",
            re.IGNORECASE,
        ),
        roles={name_key(r): EntityType(t) for r, t in (lex.get("roles") or {}).items()},
        role_length=max((len(r.split()) for r in lex.get("roles") or {}), default=1) + 1,
        role_starts=frozenset(name_key(r).split(" ", 1)[0] for r in lex.get("roles") or {}),
        role_modifiers=frozenset(w.lower() for w in lex.get("role_modifiers", [])),
        organization_heads=frozenset(name_key(w) for w in lex.get("organization_heads", [])),
        honorifics=frozenset(name_key(w) for w in lex.get("honorifics", [])),
        organization_phrases=tuple(
            sorted(
                (tuple(name_key(p).split()) for p in lex.get("organization_phrases", [])),
                key=len,
                reverse=True,
            )
        ),
        demonyms=demonyms,
        places=names,
    )


def extract_mentions(
    parsed: Parsed, lang: str = "fr", known: KnownNames | None = None
) -> list[Mention]:
    """Find the mentions of an article, in text order, without overlaps between
    names (demonyms and role phrases may lie inside nothing but themselves).

    Args:
        parsed: the parsed article.
        lang: its language, for the lexicon.
        known: full names of known people and organisations (from the linking
            catalogue), found even where the NER missed them.

    Returns:
        The mentions, sorted by start offset.
    """
    lex = lexicon(lang)
    doc = parsed.doc
    sent_of = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [index] * (sent.end - sent.start)
    # Token texts and keys once: creating spaCy Token objects is the cost here.
    words = token_strings(doc)
    keys = [name_key(w) for w in words]
    taken: set[int] = set()
    found: list[Mention] = []

    def add(span: Span, etype: EntityType, kind: MentionKind, key: str, rule: str, conf: float):
        found.append(make_mention(parsed, span, etype, kind, key, sent_of[span.start], rule, conf))
        taken.update(range(span.start, span.end))

    for ent in doc.ents:
        for piece in _split_lines(ent):
            _add_entity(piece, lex, add)
    if known:
        _add_known(parsed, known, add, taken, words, keys)
    _add_credits(parsed, lex, add, taken)
    _add_organization_phrases(parsed, lex, add, taken, keys)
    for i, word in enumerate(words):
        place = lex.demonyms.get(word.lower()) if word[:1].islower() else None
        if place and i not in taken and doc[i].pos_ == "ADJ":
            add(
                doc[i : i + 1],
                EntityType.PLACE,
                MentionKind.DEMONYM,
                name_key(place),
                "demonym",
                0.95,
            )
    _add_roles(parsed, lex, add, taken, keys)
    found.sort(key=lambda m: (m.start, m.end))
    return found


def make_mention(
    parsed: Parsed,
    span: Span | Token,
    etype: EntityType,
    kind: MentionKind,
    key: str,
    sentence_index: int,
    rule: str,
    confidence: float,
) -> Mention:
    """A Mention of a span or token, with its provenance in the original text."""
    start, end = parsed.span_offsets(span)
    s_start, s_end = parsed.span_offsets(span.sent)
    text = parsed.article.text
    sentence = text[s_start:s_end].strip()
    provenance = Provenance(parsed.article.id, start, end, sentence, rule, confidence)
    return Mention(text[start:end], start, end, etype, kind, key, sentence_index, provenance)


def _split_lines(ent: Span) -> list[Span]:
    """Split a span at line breaks: a name never runs across lines."""
    pieces, start = [], ent.start
    for token in ent:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if "\n" in token.text else token.i + 1
            if end > start:
                pieces.append(Span(ent.doc, start, end, label=ent.label))
            start = token.i + 1
    if ent.end > start:
        pieces.append(Span(ent.doc, start, ent.end, label=ent.label))
    return pieces


def _clean(span: Span, lex: Lexicon) -> Span | None:
    """Drop leading articles and elisions and trailing punctuation."""
    doc, start, end = span.doc, span.start, span.end
    if end - start > 2 and name_key(doc[start].text) in lex.credit_markers:
        if doc[start + 1].text == ":":
            start += 2  # "Crédit: PA" tagged as one span
    while start < end and (doc[start].text.lower() in lex.leading or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _TRAILING):
        end -= 1
    if start < end and doc[start].text in _TRAILING:
        start += 1
    return Span(doc, start, end, label=span.label) if start < end else None


def _is_name(span: Span, lex: Lexicon) -> bool:
    if name_key(span.text) in lex.not_entities:
        return False
    first = span[0].text
    if first[:1].islower() and name_key(first) in lex.role_starts:
        return False  # "président de la République": a role phrase, not a name
    if not any(t.text[:1].isupper() for t in span):
        return False
    if len(span) == 1 and span[0].pos_ in _NON_NAME_POS:
        return False
    return any(c.isalpha() for c in span.text)


def _head_type(span: Span, lex: Lexicon) -> EntityType | None:
    """Type a span by the head noun before it: "l'agence de presse russe Interfax"."""
    doc = span.doc
    words: list[str] = []
    for i in range(span.start - 1, max(span.start - 5, -1), -1):
        token = doc[i]
        if token.pos_ in ("DET", "PUNCT") or token.is_sent_start and token.pos_ == "DET":
            break
        words.insert(0, token.text)
        for n in range(len(words)):
            if name_key(" ".join(words[n:])) in lex.organization_heads:
                return EntityType.ORGANIZATION
            if name_key(" ".join(words[: len(words) - n])) in lex.organization_heads:
                return EntityType.ORGANIZATION
    return None


def _add_entity(ent: Span, lex: Lexicon, add) -> None:
    span = _clean(ent, lex)
    if span is None or not _is_name(span, lex):
        return
    key = name_key(span.text)
    if key in lex.places:
        add(span, EntityType.PLACE, MentionKind.NAME, name_key(lex.places[key]), "ner", 0.9)
        return
    etype = lex.labels.get(ent.label_)
    if etype is EntityType.PERSON:
        span = _strip_titles(span, lex)
        key = name_key(span.text)
    conf = 0.9
    head = _head_type(span, lex)
    if head is not None and etype is not EntityType.PERSON:
        etype, conf = head, 0.8
    if etype is None:
        return
    add(span, etype, MentionKind.NAME, key, "ner", conf)


def _strip_titles(span: Span, lex: Lexicon) -> Span:
    """ "M. Paroubek" -> "Paroubek", "Président Basescu" -> "Basescu": a title or
    role word before a person's name is not part of the name."""
    doc, start = span.doc, span.start
    while start < span.end - 1:
        word = name_key(doc[start].text)
        if word in lex.honorifics or word in lex.roles:
            start += 1
            if start < span.end and doc[start].text == ".":
                start += 1
        else:
            break
    if start >= span.end or not doc[start].text[:1].isupper():
        return span
    return Span(doc, start, span.end, label=span.label)


def _add_known(
    parsed: Parsed,
    known: KnownNames,
    add,
    taken: set[int],
    words: list[str],
    keys: list[str],
) -> None:
    """Known full names the NER missed ("Recep Tayyip Erdogan"): token runs whose
    merged keys are a known name, starting with a capital, overlapping nothing."""
    doc = parsed.doc
    i = 0
    while i < len(words):
        match = 0
        longest = known.longest.get(keys[i], 0) if words[i][:1].isupper() else 0
        if longest and i not in taken:
            for j in range(i, min(i + longest, len(words))):
                if j in taken or not words[j][:1].isalpha():
                    break
                if tuple(keys[i : j + 1]) in known.names:
                    match = j + 1
        if match:
            span = doc[i:match]
            etype = known.names[tuple(keys[i:match])]
            add(span, etype, MentionKind.NAME, name_key(span.text), "known-name", 0.85)
            i = match
        else:
            i += 1


def _add_credits(parsed: Parsed, lex: Lexicon, add, taken: set[int]) -> None:
    """ "Crédit: PA" -> PA, an Organization (the agency credited)."""
    doc = parsed.doc
    for match in lex.credit_pattern.finditer(parsed.text):
        after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if after is None:
            continue
        start = end = after.start
        while end < len(doc) and doc[end].text[:1].isupper() and "\n" not in doc[end].text:
            end += 1
            if "\n" in doc[end - 1].whitespace_:
                break
        if end > start and not taken.intersection(range(start, end)):
            span = doc[start:end]
            add(span, EntityType.ORGANIZATION, MentionKind.NAME, name_key(span.text), "credit", 0.7)
        taken.update(range(start, end))


def _add_organization_phrases(
    parsed: Parsed, lex: Lexicon, add, taken: set[int], keys: list[str]
) -> None:
    """ "les services de renseignement américains": a phrase of the lexicon + a demonym."""
    doc = parsed.doc
    firsts = {words[0] for words in lex.organization_phrases}
    for i in range(len(keys)):
        if keys[i] not in firsts:
            continue
        for words in lex.organization_phrases:
            end = i + len(words)
            if tuple(keys[i:end]) != words or end >= len(doc):
                continue
            if doc[end].text.lower() not in lex.demonyms or taken.intersection(range(i, end + 1)):
                continue
            span = doc[i : end + 1]
            add(
                span,
                EntityType.ORGANIZATION,
                MentionKind.NAME,
                name_key(span.text),
                "organization-phrase",
                0.75,
            )
            place = lex.demonyms[doc[end].text.lower()]
            add(
                doc[end : end + 1],
                EntityType.PLACE,
                MentionKind.DEMONYM,
                name_key(place),
                "demonym",
                0.95,
            )
            break


def _match_role(keys: list[str], i: int, lex: Lexicon) -> int:
    """The end of the longest role noun starting at token i, or i when none."""
    first = keys[i]
    if not first or first.split(" ", 1)[0] not in lex.role_starts:
        return i
    best = i
    for j in range(i, min(i + lex.role_length, len(keys))):
        if not keys[j] or not keys[j][0].isalpha():
            break
        if " ".join(keys[i : j + 1]) in lex.roles:
            best = j + 1
    return best


def _add_roles(parsed: Parsed, lex: Lexicon, add, taken: set[int], keys: list[str]) -> None:
    """Role phrases: role noun, then modifiers and demonyms ("président élu américain")."""
    doc = parsed.doc
    i = 0
    while i < len(doc):
        end = _match_role(keys, i, lex)
        if end == i or i in taken:
            i += 1
            continue
        if doc[i].text[:1].isupper() and i > 0 and not doc[i].is_sent_start:
            i += 1  # "Président" inside a name or title
            continue
        while end < len(doc) and (
            doc[end].text.lower() in lex.role_modifiers or doc[end].text.lower() in lex.demonyms
        ):
            end += 1
        span = doc[i:end]
        key = " ".join(keys[i:end])
        add(span, EntityType.PERSON, MentionKind.ROLE, key, "role", 0.6)
        i = end
