"""Other names an article gives an organisation right beside its name.

Two constructions of news writing name one organisation twice in a row:

* brackets right after its name, giving first its acronym and, after a
  comma, its name in its own language: "le Parti populaire estonien (EVE,
  Eesti Vabariigi Erakond)", "l'Union des démocrates slovènes (SDZ)"; the
  acronym is the organisation's whatever its letters, since it may
  abbreviate the name in another language;
* an apposition that restates the name: "le Hezbollah, ou Parti de Dieu,
  a ...", "l'OTAN, c'est-à-dire l'Organisation du traité de l'Atlantique
  nord, ...".

:func:`restate` gives those mentions, and every other mention of the same
name in the article, the key of one name, so that
:func:`kg.entities.group_mentions` makes one entity of them. The name in
the original language keeps the rule :data:`ORIGINAL_NAME`: an alias, never
the entity's label, and no words of the sentence (see
:mod:`kg.entity_index`).

Refused: brackets after a person or a place ("Paul Girard (UMP)", "Lyon
(Rhône)"), brackets that hold no acronym first (a year, a count, a place),
a list of acronyms ("(PCF, PSU)"), a known news medium ("(AFP)"), an
acronym of the complement only ("le Bureau exécutif de l'Union africaine de
football (UAF)" is the union's), a one-word name (an acronym abbreviates
several words: "Airbus (EADS)" is two companies), an acronym given after
two names whose initials it is not; a choice between two names (no comma
before "ou": "le PS ou les Verts"; a list: "la CGT, la CFDT, ou FO,"; a
determiner after ", ou": "le PS, ou le Parti de gauche,"; a correction:
"Paris, ou plutôt Lyon"); two names of different types.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span

from kg.entity_index import ORIGINAL_NAME, token_offsets
from kg.lang.grammar import grammar
from kg.lexicon import Lexicon, name_key
from kg.model import EntityType, Mention, MentionKind
from kg.nlp import Parsed, token_strings

__all__ = ["ACRONYM", "APPOSED", "ORIGINAL_NAME", "MakeName", "initials", "is_acronym", "restate"]

#: The rules of the mentions this module makes or re-keys.
ACRONYM = "bracketed-alias"
APPOSED = "apposed-name"

#: Builds an organisation's name mention: span, key, rule.
MakeName = Callable[[Span, str, str], Mention]

_QUOTES = frozenset({'"', "«", "»", "“", "”"})
_CLOSE = frozenset({",", ")"})
_FINAL = frozenset({".", "!", "?", "...", ";"})
_LONGEST_ACRONYM = 5  # tokens: "CD-ABC" is three
_LONGEST_NAME = 12  # tokens of a name in its own language


def is_acronym(word: str) -> bool:
    """True for an acronym: 2 to 8 capital letters, accents and hyphens allowed
    ("ĽSNS", "CD-ABC"; not "Likoud", "G8")."""
    letters = word.replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def initials(key: str, lang: str = "fr") -> str:
    """The initials of a name key, its small words skipped
    ("confederation generale du travail" -> "cgt", "l'atlantique" -> "a")."""
    skip = grammar(lang).initials_skip
    words = key.replace("-", " ").replace("'", " ").split()
    return "".join(w[0] for w in words if w not in skip)


def restate(
    parsed: Parsed, mentions: Iterable[Mention], lex: Lexicon, make: MakeName, lang: str = "fr"
) -> list[Mention]:
    """The mentions, with the other names of an organisation given its key.

    Args:
        parsed: the parsed article.
        mentions: its mentions, each on whole tokens.
        lex: the language's lexicon (news media, places).
        make: builds a name mention, for an acronym or a name the NER left out.
        lang: the language, for its grammar words.

    Returns:
        The mentions, in no particular order: the bracketed acronym and name
        re-keyed or added, the mentions inside the bracketed name dropped,
        and every name mention sharing a key with a restated one re-keyed.
    """
    names = _Names(parsed, list(mentions))
    for end in sorted(names.by_end):
        named = names.at_end(end, widest=True)
        if named.type is EntityType.ORGANIZATION:
            _apposed(parsed.doc, names, named, end, lang)
    found = (
        _bracket(parsed.doc, names, i, lex, lang) for i, w in enumerate(names.words) if w == "("
    )
    brackets = [b for b in found if b is not None]
    defined = _defined(brackets, lang)
    for bracket in brackets:
        _bracketed(parsed.doc, names, bracket, defined, lex, make)
    return names.rekeyed()


class _Names:
    """The mentions of an article by their tokens, and the changes to make."""

    def __init__(self, parsed: Parsed, mentions: list[Mention]) -> None:
        self.words = token_strings(parsed.doc)
        kept, offsets = token_offsets(parsed)
        first = {s: i for i, (s, _e) in zip(kept, offsets, strict=True)}
        after = {e: i + 1 for i, (_s, e) in zip(kept, offsets, strict=True)}
        self.mentions = mentions
        self.at = {
            m: (first[m.start], after[m.end])
            for m in mentions
            if m.start in first and m.end in after
        }
        self.taken = {i for s, e in self.at.values() for i in range(s, e)}
        self.by_end: dict[int, list[Mention]] = defaultdict(list)
        self.by_start: dict[int, list[Mention]] = defaultdict(list)
        for m, (s, e) in sorted(self.at.items(), key=lambda item: item[1][1] - item[1][0]):
            if m.kind is MentionKind.NAME:
                self.by_end[e].append(m)
                self.by_start[s].append(m)
        self.dropped: set[Mention] = set()
        self.added: list[Mention] = []
        self.rules: dict[Mention, str] = {}
        self.links: list[tuple[str, str]] = []

    def at_end(self, end: int, widest: bool = False) -> Mention:
        """The shortest (or widest) name mention ending at token ``end``."""
        return self.by_end[end][-1 if widest else 0]

    def same(self, other: str, key: str, mention: Mention | None = None, rule: str = "") -> None:
        """Record that the name with key ``other`` names the thing with ``key``."""
        self.links.append((other, key))
        if mention is not None:
            self.rules[mention] = rule

    def rekeyed(self) -> list[Mention]:
        """The mentions kept and added; every name mention whose key is linked
        to another's takes the key of its group's first-written name, as an
        organisation."""
        mentions = [m for m in self.mentions if m not in self.dropped] + self.added
        written: dict[str, int] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            written.setdefault(m.key, m.start)
        parent: dict[str, str] = {}

        def root(key: str) -> str:
            while key in parent:
                key = parent[key]
            return key

        for a, b in self.links:
            ra, rb = root(a), root(b)
            if ra != rb:
                low, high = sorted((ra, rb), key=lambda k: (k not in written, written.get(k, 0), k))
                parent[high] = low
        out = []
        for m in mentions:
            rule = self.rules.get(m)
            if m.kind is MentionKind.NAME and (m.key in parent or rule):
                how = replace(m.provenance, rule=rule) if rule else m.provenance
                m = replace(m, key=root(m.key), type=EntityType.ORGANIZATION, provenance=how)
            out.append(m)
        return out


def _apposed(doc: Doc, names: _Names, named: Mention, end: int, lang: str) -> None:
    """ "A, ou B," / "A, c'est-à-dire (le) B,": the organisation name B after
    the name A ending at token ``end`` restates it (into ``names``)."""
    words, g = names.words, grammar(lang)
    if words[end : end + 1] != [","] or _listed(names, names.at[named][0], lang):
        return
    start = end + 1
    if start < len(words) and name_key(words[start]) in g.alternative_conjunctions:
        start += 1
    else:
        markers = frozenset(name_key(m) for m in g.restatement_markers)
        size = next((n for n in range(1, 7) if name_key(doc[start : start + n].text) in markers), 0)
        if not size:
            return
        start += size
        if start < len(words) and words[start].lower() in g.definite_articles:
            start += 1
    if not names.by_start.get(start):
        return
    restated = names.by_start[start][-1]
    last = names.at[restated][1]
    closed = last == len(words) or words[last] == "," or words[last] in _FINAL
    if restated.type is EntityType.ORGANIZATION and (closed or doc[last].is_sent_start):
        names.same(restated.key, named.key, restated, APPOSED)


def _listed(names: _Names, start: int, lang: str) -> bool:
    """True when the name at token ``start`` follows another name and a comma
    ("la CGT, la CFDT, ou FO"): an item of a list."""
    before = start - 1
    if before >= 0 and names.words[before].lower() in grammar(lang).definite_articles:
        before -= 1
    return before > 0 and names.words[before] == "," and bool(names.by_end.get(before))


class _Bracket(NamedTuple):
    """ "A (ACR, Name)": the acronym, the token that ends it (a comma or the
    closing bracket), the organisation named right before (or None) and the
    acronym's own mention (or None)."""

    acronym: Span
    close: int
    named: Mention | None
    own: Mention | None


def _bracket(doc: Doc, names: _Names, opening: int, lex: Lexicon, lang: str) -> _Bracket | None:
    """The acronym first in the brackets opened at token ``opening``, or None."""
    item = _item(names.words, opening + 1, _LONGEST_ACRONYM)
    if item is None:
        return None
    acronym = doc[opening + 1 : item[0]]
    if not (_one_word(acronym) and is_acronym(acronym.text)) or name_key(acronym.text) in lex.media:
        return None
    if names.words[item[1]] == "," and _listed_acronyms(names.words, item[1] + 1):
        return None
    named = names.at_end(opening) if names.by_end.get(opening) else None
    if named is not None and not (
        named.type is EntityType.ORGANIZATION and _abbreviates(acronym.text, named.key, lang)
    ):
        named = None
    starting = names.by_start.get(acronym.start, [])
    own = next((m for m in starting if names.at[m][1] == acronym.end), None)
    return _Bracket(acronym, item[1], named, own)


def _defined(brackets: list[_Bracket], lang: str) -> dict[str, str]:
    """The name key each acronym stands for: the one name it follows in
    brackets, or among several the one whose initials it is; none when
    that leaves several ("Union des paysans (ZSL)" as well as "Front
    populaire (ZSL)")."""
    followed: dict[str, set[str]] = defaultdict(set)
    for b in brackets:
        if b.named is not None:
            followed[name_key(b.acronym.text)].add(b.named.key)
    defined = {}
    for acronym, keys in followed.items():
        if len(keys) > 1:
            keys = {k for k in keys if initials(k, lang) == acronym.replace(" ", "")}
        if len(keys) == 1:
            defined[acronym] = keys.pop()
    return defined


def _bracketed(
    doc: Doc,
    names: _Names,
    bracket: _Bracket,
    defined: dict[str, str],
    lex: Lexicon,
    make: MakeName,
) -> None:
    """ "A (ACR, Name)": ACR and Name are A's other names; "(ACR, Name)"
    alone: Name is ACR's (into ``names``)."""
    acronym, own, named = bracket.acronym, bracket.own, bracket.named
    key = defined.get(name_key(acronym.text))
    if named is not None and named.key == key:
        if own is not None:
            names.same(own.key, key, own, ACRONYM)
        elif not names.taken.intersection(range(acronym.start, acronym.end)):
            names.added.append(make(acronym, key, ACRONYM))
        names.same(name_key(acronym.text), key)
    elif own is not None and own.type is EntityType.ORGANIZATION:
        key = own.key
    else:
        return
    if names.words[bracket.close] == ",":
        _original_name(doc, names, bracket.close + 1, key, lex, make)


def _original_name(
    doc: Doc, names: _Names, first: int, key: str, lex: Lexicon, make: MakeName
) -> None:
    """The name after the acronym and a comma, from token ``first``: an alias
    of the organisation with ``key``; the mentions inside it are dropped."""
    while first < len(names.words) and names.words[first] in _QUOTES:
        first += 1
    item = _item(names.words, first, _LONGEST_NAME)
    if item is None or item[0] == first:
        return
    name = doc[first : item[0]]
    if not name.text[:1].isupper() or any(c.isdigit() for c in name.text):
        return
    if name_key(name.text) in lex.places:
        return
    inside = [m for m, (s, e) in names.at.items() if first <= s and e <= item[0]]
    whole = [m for m in inside if names.at[m] == (first, item[0])]
    if any(m.type is EntityType.PERSON for m in inside if m.kind is MentionKind.NAME) or any(
        m.type is EntityType.PLACE for m in whole
    ):
        return
    for m in inside:
        names.dropped.add(m)
        if m.kind is MentionKind.NAME:
            names.same(m.key, key)
    names.added.append(make(name, key, ORIGINAL_NAME))
    names.same(name_key(name.text), key)


def _listed_acronyms(words: list[str], first: int) -> bool:
    """True when the bracketed item from token ``first`` holds an acronym:
    "(PCF, PSU)" lists the members of an alliance."""
    item = _item(words, first, _LONGEST_NAME)
    return item is not None and any(is_acronym(w) for w in words[first : item[0]])


def _item(words: list[str], first: int, longest: int) -> tuple[int, int] | None:
    """A bracketed item from token ``first``: the token after its last word,
    and the comma or closing bracket that ends it (after closing quotes)."""
    stop = first
    while stop < len(words) and stop - first <= longest:
        if words[stop] in _CLOSE or words[stop] in _QUOTES or words[stop] == "(":
            break
        stop += 1
    end = stop
    while end < len(words) and words[end] in _QUOTES:
        end += 1
    return (stop, end) if end < len(words) and words[end] in _CLOSE else None


def _one_word(span: Span) -> bool:
    return len(span) > 0 and not any(t.whitespace_ for t in span[:-1])


def _abbreviates(acronym: str, key: str, lang: str) -> bool:
    """True when an acronym after the name with ``key`` may be that name's: the
    name has several words and the acronym is not the initials of its
    complement alone ("Conseil de sécurité de l'Organisation des Nations
    unies (ONU)")."""
    words = key.replace("-", " ").replace("'", " ").split()
    if len(words) < 2:
        return False
    letters = acronym.replace("-", "").casefold()
    if initials(key, lang) == letters:
        return True
    genitive = {g.rstrip("'") for g in grammar(lang).genitive}
    return not any(
        initials(" ".join(words[i + 1 :]), lang) == letters
        for i, w in enumerate(words)
        if w in genitive
    )
