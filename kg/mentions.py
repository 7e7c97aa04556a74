"""Mentions: spaCy spans turned into clean, typed :class:`~kg.model.Mention` s.

Three sources, each with its rule id in the provenance:

* ``ner``: the names among the statistical NER's spans, split, cleaned,
  typed and earned as :mod:`kg.names` says; the spans dropped are logged
  (``kg --debug``) with their reasons.
* ``credit``: "Crédit: PA" names the agency that made the picture.
* ``demonym``: adjectives of nationality ("les médias russes") mention the
  country, through the demonyms of ``places.yaml``.
* ``role``: role phrases ("le président russe", "son homologue",
  "l'attaché de presse") mention a person; whom is decided in
  :mod:`kg.entities`, and an unresolved role mention makes no entity. These,
  and the party and body mentions around role nouns, are found by
  :mod:`kg.role_mentions`.

* ``known-name``: full names of people and organisations the linking
  catalogue knows, where the NER missed them ("Recep Tayyip Erdogan").
* ``known-place``: countries, regions and areas of ``places.yaml`` the NER
  missed ("l'émissaire pour le Moyen-Orient").
* ``nested-name``: a known organisation inside another's name ("Conseil de
  sécurité des Nations unies" names the Nations unies too).
* ``headed-acronym``: "le parti ACT": a head noun and an acronym the NER missed.
* ``bracketed-acronym``: "l'IPN (Institut de la mémoire nationale)": an
  acronym the NER missed, before an organisation's name in brackets.
* ``coordination``: an untyped name in a list of places is a place.
* ``quoted-title``: a name that fills a quotation after a verb, a noun or
  an article (la « Caméra d'Or ») is a title, caption or quoted term: Other.
* ``organization-phrase``: "les services de renseignement américains": a
  common-noun phrase of the lexicon followed by a demonym names an organisation.
* ``state``: "le gouvernement roumain": a phrase of the lexicon's
  ``state_phrases`` and a demonym mention the country itself.
* ``mission``: "l'ambassade du Japon": a diplomatic mission of a country
  named after the lexicon's ``mission_heads`` is an organisation.
* ``role-body``: "président de la commission des lois": a body of the
  lexicon's ``role_bodies`` after a role, with its complement, is an
  organisation.
* ``party-adjective``: "le sénateur républicain": an adjective of the
  lexicon's ``party_adjectives`` right after a role noun mentions the party
  (an adjective standing for its entity, like a demonym).
* ``body``: "les forces armées", "le comité exécutif du parti": a body named
  by a description (:mod:`kg.body_mentions`), an entity only when a fact
  names it.

Confidence: 0.75 for organisation phrases, 0.9 for NER names (0.8 when the
type came from a head noun or the place list rather than the NER), 0.95 for
demonyms (a closed list), 0.7 for credits, 0.6 for role phrases (they still
need resolving).
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

from kg.body_mentions import add_bodies
from kg.lexicon import Lexicon, lexicon, name_key
from kg.model import EntityType, Mention, MentionKind, Provenance
from kg.names import KnownNames, name_spans
from kg.nlp import Parsed, token_strings
from kg.other_names import is_acronym, restate
from kg.phrases import PhraseHits, TextPhrases
from kg.role_mentions import add_member_bodies, add_party_nouns, add_roles

__all__ = ["KnownNames", "Lexicon", "extract_mentions", "lexicon", "make_mention", "name_key"]


_log = logging.getLogger(__name__)


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
    sent_of = _sentence_indexes(doc)
    # Token texts and keys once: creating spaCy Token objects is the cost here.
    words = token_strings(doc)
    keys = [name_key(w) for w in words]
    # The phrase lists of the lexicon, found once over the article's name keys.
    phrases = TextPhrases.of(doc, lang)
    taken: set[int] = set()
    found: list[Mention] = []

    def add(span: Span, etype: EntityType, kind: MentionKind, key: str, rule: str, conf: float):
        found.append(make_mention(parsed, span, etype, kind, key, sent_of[span.start], rule, conf))
        taken.update(range(span.start, span.end))

    names, dropped = name_spans(doc, lex, lang, known, phrases)
    for name in names:
        add(name.span, name.type, MentionKind.NAME, name.key, name.rule, name.confidence)
    for drop in dropped:
        start, _end = parsed.offsets.to_original(drop.start, drop.end)
        _log.debug("%s: dropped %r at %d: %s", parsed.article.id, drop.text, start, drop.reason)
    if known:
        _add_known(parsed, known.phrases.find(phrases.keys), known, add, taken, words)
    _add_known_places(parsed, lex, add, taken, words)
    _add_headed_acronyms(parsed, lex, add, taken, words, keys)
    _add_bracketed_acronyms(parsed, add, taken, words, {n.span.start: n.type for n in names})
    _add_credits(parsed, lex, add, taken)
    _add_organization_phrases(parsed, lex, phrases.organizations, add, taken)
    _add_missions(parsed, lex, phrases.missions, add, taken, keys)
    _add_demonyms(parsed, lex, add, taken, words)
    add_roles(parsed, lex, phrases.roles, phrases.bodies, add, taken, keys)
    add_party_nouns(parsed, lex, add, taken, words)
    add_member_bodies(parsed, lex, phrases.bodies, add, taken, keys)
    add_bodies(parsed, lex, phrases.described, add, taken, words)

    def make(span: Span, key: str, rule: str) -> Mention:
        org, index = EntityType.ORGANIZATION, sent_of[span.start]
        return make_mention(parsed, span, org, MentionKind.NAME, key, index, rule, 0.8)

    found = restate(parsed, found, lex, make, lang)
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _sentence_indexes(doc: Doc) -> list[int]:
    """The index of the sentence each token of ``doc`` is in."""
    sent_of = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [index] * (sent.end - sent.start)
    return sent_of


def _add_demonyms(parsed: Parsed, lex: Lexicon, add, taken: set[int], words: list[str]) -> None:
    """ "les médias russes": a lower-case adjective of nationality mentions the
    country of ``places.yaml`` it names."""
    doc = parsed.doc
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


def _add_known(
    parsed: Parsed,
    hits: PhraseHits,
    known: KnownNames,
    add,
    taken: set[int],
    words: list[str],
) -> None:
    """Known full names the NER missed ("Recep Tayyip Erdogan"): the longest
    name of the catalogue at a capitalised word, overlapping nothing."""
    doc = parsed.doc
    after = 0
    for i in sorted(hits.starts):
        if i < after or not words[i][:1].isupper():
            continue
        for end, key in hits.at(i):
            if not taken.intersection(range(i, end)):
                span = doc[i:end]
                add(span, known.names[key], MentionKind.NAME, name_key(span.text),
                    "known-name", 0.85)  # fmt: skip
                after = end
                break


def _add_known_places(parsed: Parsed, lex: Lexicon, add, taken: set[int], words: list[str]):
    """Countries, regions and areas of ``places.yaml`` the NER missed ("pour le
    Moyen-Orient"): capitalised token runs whose name is a place's."""
    doc = parsed.doc
    i = 0
    while i < len(words):
        match = 0
        if words[i][:1].isupper() and i not in taken:
            for j in range(min(i + 5, len(words)), i, -1):
                if taken.intersection(range(i, j)) or not words[j - 1][:1].isalpha():
                    continue
                if not all(
                    w[:1].isupper() or w.lower() in lex.name_joiners or not w[:1].isalpha()
                    for w in words[i:j]
                ):
                    continue
                if name_key(doc[i:j].text) in lex.places:
                    match = j
                    break
        if match:
            place = lex.places[name_key(doc[i:match].text)]
            add(
                doc[i:match],
                EntityType.PLACE,
                MentionKind.NAME,
                name_key(place),
                "known-place",
                0.85,
            )
            i = match
        else:
            i += 1


def _add_headed_acronyms(
    parsed: Parsed, lex: Lexicon, add, taken: set[int], words: list[str], keys: list[str]
) -> None:
    """ "le parti ACT", "le syndicat FO": an organisation head noun and an
    acronym the NER left out name an organisation."""
    doc = parsed.doc
    for i in range(1, len(words)):
        word = words[i]
        if i in taken or i - 1 in taken or keys[i - 1] not in lex.organization_heads:
            continue
        if is_acronym(word):
            span = doc[i - 1 : i + 1]
            add(span, EntityType.ORGANIZATION, MentionKind.NAME, name_key(span.text),
                "headed-acronym", 0.8)  # fmt: skip


def _add_bracketed_acronyms(
    parsed: Parsed, add, taken: set[int], words: list[str], name_types: dict[int, EntityType]
) -> None:
    """ "l'IPN (Institut de la mémoire nationale)": an acronym the NER left
    out, right before a name in brackets, names the same organisation (a
    foreign acronym need not be the French name's initials). An acronym before
    a bracketed place or person, or before a bracket that opens no name, stays
    out. The acronym so defined names the organisation wherever the article
    writes it again."""
    doc = parsed.doc
    defined = set()
    for i in range(len(words) - 2):
        if i in taken or words[i + 1] != "(" or name_types.get(i + 2) != EntityType.ORGANIZATION:
            continue
        if is_acronym(words[i]):
            defined.add(words[i])
    for i, word in enumerate(words):
        if word in defined and i not in taken:
            add(doc[i : i + 1], EntityType.ORGANIZATION, MentionKind.NAME, name_key(word),
                "bracketed-acronym", 0.8)  # fmt: skip


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
    parsed: Parsed, lex: Lexicon, hits: PhraseHits, add, taken: set[int]
) -> None:
    """ "les services de renseignement américains": a phrase of the lexicon + a
    demonym; "le gouvernement roumain", a phrase that names the state, is a
    mention of the country."""
    doc = parsed.doc
    for i in sorted(hits.starts):
        for end, key in hits.at(i):
            if end >= len(doc) or doc[end].text.lower() not in lex.demonyms:
                continue
            if taken.intersection(range(i, end + 1)):
                continue
            span = doc[i : end + 1]
            place = lex.demonyms[doc[end].text.lower()]
            if key in lex.state_phrases:
                # "le gouvernement roumain" speaks for Romania: a mention of it
                add(span, EntityType.PLACE, MentionKind.DEMONYM, name_key(place), "state", 0.8)
                break
            add(
                span,
                EntityType.ORGANIZATION,
                MentionKind.NAME,
                name_key(span.text),
                "organization-phrase",
                0.75,
            )
            add(
                doc[end : end + 1],
                EntityType.PLACE,
                MentionKind.DEMONYM,
                name_key(place),
                "demonym",
                0.95,
            )
            break


def _add_missions(
    parsed: Parsed, lex: Lexicon, hits: PhraseHits, add, taken: set[int], keys: list[str]
) -> None:
    """ "l'ambassade du Japon", "le consulat général de France": a mission head
    of the lexicon, "de", and a country name the organisation (the country
    keeps its own mention)."""
    doc = parsed.doc
    for i in sorted(hits.starts):
        if i in taken:
            continue
        for of, _key in hits.at(i):
            if of + 1 >= len(doc) or keys[of] not in lex.genitive:
                continue
            end = of + 1
            while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text == "-"):
                end += 1
            if end > of + 1 and name_key(doc[of + 1 : end].text) in lex.places:
                span = doc[i:end]
                add(span, EntityType.ORGANIZATION, MentionKind.NAME, name_key(span.text),
                    "mission", 0.75)  # fmt: skip
            break
