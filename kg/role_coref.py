"""Role coreference: a definite role phrase joined to the person it stands for.

News writing names a person once with a role ("le président syrien Bachar
el-Assad", "Ion Popescu, président de la Roumanie") and later by the role
alone ("le président syrien a déclaré ...", "Le président a dit ..."). This
module finds the role each person is named with (the *anchors*) and joins a
later definite role phrase to the one person named earlier with a compatible
role.

It refuses:

- a role phrase without a definite article ("un président", "des ministres");
- a role phrase with no earlier anchor (the person may be someone never named);
- two candidates: two different people named earlier with a compatible role
  leave the phrase unresolved;
- a different time or status modifier: "l'ancien président X" is no
  antecedent of "le président", nor "le président X" of "le président élu"
  (the phrase may only leave out an optional one: "le nouveau président X"
  ... "le président"; nor "le président X" of "le nouveau président");
- a place the anchor does not carry: "le président X" is no antecedent of
  "le président syrien" (it may be another country's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from kg.lang import load_data
from kg.lang.grammar import elided, grammar
from kg.lexicon import Lexicon, name_key
from kg.mentions import lexicon
from kg.model import Entity, Mention
from kg.nlp import Parsed

__all__ = [
    "RoleAnchor",
    "apposed_person",
    "role_antecedent",
    "role_key",
    "role_synonyms",
    "titled_names",
    "token_starts",
]

_LAST_WORD = re.compile(r"(\w+)\s*$")
# Between a role's complement and the name: a comma, no other punctuation.
_COMPLEMENT_GAP = re.compile(r"^[^,;:.!?«»()\"]{1,60},\s*$")


@dataclass(frozen=True, slots=True)
class RoleAnchor:
    """A person named with a role: where the role starts, its key, the person."""

    start: int
    key: str
    entity: Entity


@dataclass(frozen=True, slots=True)
class _RoleKey:
    noun: str
    modifiers: frozenset[str]
    places: frozenset[str]


@cache
def _vocabulary(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The name keys of role modifiers and of demonyms."""
    lex = lexicon(lang)
    modifiers = frozenset(name_key(w) for w in lex.role_modifiers)
    return modifiers, frozenset(name_key(w) for w in lex.demonyms)


@cache
def role_synonyms(lang: str) -> dict[str, str]:
    """Other names of role nouns, by name key, to the one name they stand for
    ("presidente" -> "president", "souverain pontife" -> "pape")."""
    data = load_data(lang, "lexicon")
    return {name_key(k): name_key(v) for k, v in (data.get("role_synonyms") or {}).items()}


@cache
def _coref_words(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """The role synonyms (by name key) and the modifiers a repeated role may omit."""
    data = load_data(lang, "lexicon")
    optional = frozenset(name_key(w) for w in data.get("role_optional_modifiers") or [])
    return role_synonyms(lang), optional


def _split_key(key: str, lang: str) -> _RoleKey | None:
    """A role key ("president elu americain") as its noun, modifiers and places;
    None when it does not start with a role noun or holds another word."""
    lex = lexicon(lang)
    modifiers, demonyms = _vocabulary(lang)
    words = key.split()
    lead = next((n for n, w in enumerate(words) if w not in modifiers), len(words))
    before, words = frozenset(words[:lead]), words[lead:]
    size = next((n for n in range(len(words), 0, -1) if " ".join(words[:n]) in lex.roles), 0)
    if not size:
        return None
    rest = words[size:]
    if any(w not in modifiers and w not in demonyms for w in rest):
        return None
    noun = " ".join(words[:size])
    return _RoleKey(
        _coref_words(lang)[0].get(noun, noun),
        before | frozenset(w for w in rest if w in modifiers),
        frozenset(w for w in rest if w in demonyms),
    )


def _compatible(phrase: _RoleKey, anchor: _RoleKey, optional: frozenset[str]) -> bool:
    """The anchor's role can be what the phrase repeats: the same noun, the
    anchor's modifiers less optional ones, and every place of the phrase in
    the anchor."""
    return (
        phrase.noun == anchor.noun
        and phrase.modifiers <= anchor.modifiers
        and anchor.modifiers - phrase.modifiers <= optional
        and phrase.places <= anchor.places
    )


def role_key(role: Mention, text: str, lang: str) -> tuple[str, int]:
    """The key of a role mention with the modifiers written before its noun
    ("l'ancien président" gives "ancien president"), and where they start."""
    modifiers, _demonyms = _vocabulary(lang)
    words: list[str] = []
    begin = role.start
    while (found := _LAST_WORD.search(text, 0, begin)) and name_key(found.group(1)) in modifiers:
        words.insert(0, name_key(found.group(1)))
        begin = found.start(1)
    return " ".join([*words, role.key]), begin


def role_antecedent(
    role: Mention, parsed: Parsed, starts: dict[int, int], anchors: list[RoleAnchor], lang: str
) -> Entity | None:
    """The one person named earlier with the role a definite role phrase repeats.

    Args:
        role: a role mention not apposed to a name ("le président syrien").
        parsed: the parsed article.
        starts: the index of the token starting at each offset (:func:`token_starts`).
        anchors: the people named with a role in the article.
        lang: the language.

    Returns:
        The person, or None when the phrase is not definite, has no earlier
        anchor or has two (see the module's refusals).
    """
    key, begin = role_key(role, parsed.article.text, lang)
    first = starts.get(begin)
    if first is None or first == 0 or not _definite(parsed.doc[first - 1]):
        return None
    phrase = _split_key(key, lang)
    if phrase is None:
        return None
    found: dict[str, Entity] = {}
    for anchor in anchors:
        if anchor.start >= role.start:
            continue
        split = _split_key(anchor.key, lang)
        if split is not None and _compatible(phrase, split, _coref_words(lang)[1]):
            found[anchor.entity.key] = anchor.entity
    return next(iter(found.values())) if len(found) == 1 else None


def _complement_apposed(
    role: Mention, name: Mention, parsed: Parsed, starts: dict[int, int]
) -> bool:
    """Whether a name set off by commas follows the role's complement: "le
    ministre de la Santé du Portugal, Luis Costa, ...". The complement starts
    with a preposition, is short and holds no punctuation; the name ends with a
    comma or the sentence ("... au président de la République, Marc Petit."),
    never runs on into a clause of its own.

    Args:
        role: a role mention.
        name: a person name mention after it.
        parsed: the parsed article.
        starts: the index of the token starting at each offset (:func:`token_starts`).
    """
    text = parsed.article.text
    gap = text[role.end : name.start]
    first = starts.get(role.end + len(gap) - len(gap.lstrip()))
    return (
        first is not None
        and parsed.doc[first].pos_ == "ADP"
        and bool(_COMPLEMENT_GAP.match(gap))
        and text[name.end : name.end + 2].lstrip()[:1] in (",", ".")
    )


@cache
def _apposition_gap(lang: str) -> re.Pattern[str]:
    """What may stand between a name and its apposed role: a comma, a capacity
    marker ("en tant que"), a definite article or a singular possessive."""
    words = grammar(lang)
    capacity = "|".join(re.escape(m) + r"\s+" for m in words.capacity_markers)
    determiners = sorted(words.definite_articles | words.singular_possessives)
    determiners += [w.replace("'", "’") for w in determiners if elided(w)]
    alternatives = "|".join(re.escape(w) for w in determiners)
    return re.compile(rf"^\s*,?\s*(?:{capacity})?(?:(?:{alternatives})\s*)?$", re.I)


def apposed_person(
    role: Mention,
    names: list[tuple[Mention, Entity]],
    parsed: Parsed,
    starts: dict[int, int],
    lang: str = "fr",
) -> Entity | None:
    """The person a role phrase is apposed to: the name right after it (or after
    its complement, between commas), or right before it with a comma.

    Args:
        role: a role mention.
        names: the person name mentions of the article with their entities, in order.
        parsed: the parsed article.
        starts: the index of the token starting at each offset (:func:`token_starts`).
        lang: the language.

    Returns:
        The person, or None.
    """
    text = parsed.article.text
    gap = _apposition_gap(lang)
    for m, entity in names:
        if m.start >= role.end and gap.match(text[role.end : m.start]):
            return entity
        if m.start >= role.end and _complement_apposed(role, m, parsed, starts):
            return entity
        if m.end <= role.start and gap.match(text[m.end : role.start]):
            if "," in text[m.end : role.start]:
                return entity
    return None


def token_starts(parsed: Parsed) -> dict[int, int]:
    """The index of the token that starts at each offset of the original text."""
    return {parsed.span_offsets(t)[0]: t.i for t in parsed.doc if not t.is_space}


def _definite(token: Token) -> bool:
    """A singular definite article, alone or joined to a preposition ("du")."""
    morph = token.morph
    return morph.get("Definite") == ["Def"] and morph.get("Number") != ["Plur"]


def titled_names(
    parsed: Parsed, names: list[tuple[Mention, Entity]], starts: dict[int, int], lang: str
) -> list[RoleAnchor]:
    """The people named right after a definite role phrase, whatever its case:
    "le Président syrien Bachar el-Assad", "la ministre Anne Roux".

    Args:
        parsed: the parsed article.
        names: the person name mentions with their entities.
        starts: the index of the token starting at each offset (:func:`token_starts`).
        lang: the language.

    Returns:
        One anchor for each such name.
    """
    doc = parsed.doc
    lex = lexicon(lang)
    anchors: list[RoleAnchor] = []
    for mention, entity in names:
        first = starts.get(mention.start)
        if first is None:
            continue
        found = _role_before(doc, first, lex)
        if found is not None:
            begin, key = found
            anchors.append(RoleAnchor(parsed.span_offsets(doc[begin])[0], key, entity))
    return anchors


def _role_before(doc: Doc, end: int, lex: Lexicon) -> tuple[int, str] | None:
    """The definite role phrase ending right before token ``end``: its first
    token and key, or None."""
    stop = end
    while stop > 0 and (
        doc[stop - 1].lower_ in lex.role_modifiers or doc[stop - 1].lower_ in lex.demonyms
    ):
        stop -= 1
    for size in range(min(lex.role_length, stop), 0, -1):
        begin = stop - size
        noun = name_key(doc[begin:stop].text)  # "secrétaire d'État": one key, as the lexicon's
        if noun in lex.roles:
            while begin > 0 and doc[begin - 1].lower_ in lex.role_modifiers:
                begin -= 1  # "l'ancien Premier ministre X"
            if begin == 0 or not _definite(doc[begin - 1]):
                return None
            return begin, name_key(doc[begin:end].text)
    return None
