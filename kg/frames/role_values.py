"""Where a role phrase ends: the role nouns of a frame looked up by their
words, then the modifiers and complements that belong to the role's value
("président élu", "ministre de l'Intérieur", "chef d'état-major",
"ministre des Relations avec le Parlement").

A complement naming another entity is not the role's (it is the entity the
role belongs to, read by :mod:`kg.frames.roles`), nor is the kind of an
organisation named right after it ("porte-parole de la société Renault").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.lang.grammar import grammar
from kg.model import Entity, EntityType

__all__ = [
    "RoleIndex",
    "is_place",
    "kind_of_named",
    "match_at",
    "role_index",
    "skip_determiners",
    "value_end",
    "value_start",
]

EntityAt = Callable[[Token], Entity | None]

#: Nouns whose "avec" complement belongs to a title.
_RELATION = {"relations"}

RoleIndex = dict[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=256)
def role_index(roles: tuple[str, ...]) -> RoleIndex:
    """Role nouns by their first word, longest first, so a token is looked up once."""
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for role in roles:
        # "d'état": "d'" + "état", as the tokenizer splits it; "président-directeur":
        # split at the hyphen too (the tokenizer keeps "vice-président" whole only)
        words = tuple(role.replace("'", "' ").split())
        index[words[0]].append(words)
        if "-" in role:
            split = tuple(role.replace("'", "' ").replace("-", " - ").split())
            index[split[0]].append(split)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def match_at(sent: Span, i: int, roles: RoleIndex) -> int:
    """The end of the longest role noun starting at token i, or i when none."""
    doc = sent.doc
    for words in roles.get(doc[i].lower_, ()):
        n = len(words)
        if i + n <= sent.end and all(doc[i + k].lower_ == words[k] for k in range(1, n)):
            return i + n
    return i


def skip_determiners(sent: Span, k: int) -> int:
    """The first token from k on that is no determiner ("le", "son", "une")."""
    while k < sent.end and sent.doc[k].lower_ in grammar().determiners:
        k += 1
    return k


def value_start(sent: Span, i: int, modifiers: frozenset[str]) -> int:
    """Where a role's value starts, its noun at token i: "l'ancien ministre",
    an adjective of ``modifiers`` before the role is the value's; "élue
    présidente", a verb is not."""
    doc = sent.doc
    start = i
    while (
        start > sent.start and doc[start - 1].lower_ in modifiers and doc[start - 1].pos_ == "ADJ"
    ):
        start -= 1
    return start


def value_end(
    sent: Span,
    end: int,
    modifiers: frozenset[str],
    head: Token,
    entity_at: EntityAt,
    roles: RoleIndex,
    portfolio_links: frozenset[str] = frozenset(),
) -> int:
    """The end of a role's value, from the end of its role noun on.

    Args:
        sent: the sentence.
        end: the token after the role noun.
        modifiers: role modifiers ("élu", "sortant") that belong to the value.
        head: the role noun's first token.
        entity_at: the entity a token belongs to, or None.
        roles: the frame's role nouns ("président-directeur général": two joined).
        portfolio_links: the words before a portfolio ("aux" in "secrétaire
            d'État aux Transports").

    Returns:
        The token after the value: past its modifiers, a demonym before a
        complement, a joined role and a complement naming no other entity.
    """
    end = _past_modifiers(sent, end, modifiers, entity_at)
    end = _joined_roles(sent, end, roles, entity_at)
    end = _portfolio(sent, end, portfolio_links, entity_at)
    return _own_complement(sent, end, modifiers, head, entity_at)


def _past_modifiers(sent: Span, end: int, modifiers: frozenset[str], entity_at: EntityAt) -> int:
    """Past the role modifiers from token ``end`` ("président élu"), and a
    demonym before a capitalised complement naming nothing ("ministre
    français des Affaires étrangères")."""
    doc = sent.doc
    while end < sent.end and doc[end].lower_ in modifiers:
        end += 1
    if (
        end + 2 < sent.end
        and is_place(doc[end], entity_at)
        and doc[end + 1].lower_ in grammar().genitive
    ):
        k = skip_determiners(sent, end + 2)
        if k < sent.end and doc[k].text[:1].isupper() and entity_at(doc[k]) is None:
            end += 1
    return end


def _joined_roles(sent: Span, end: int, roles: RoleIndex, entity_at: EntityAt) -> int:
    """ "président-directeur général": roles joined by a hyphen from token
    ``end``, with their adjectives (a demonym is not one)."""
    doc = sent.doc
    while end + 1 < sent.end and doc[end].text == "-" and match_at(sent, end + 1, roles) > end + 1:
        end = match_at(sent, end + 1, roles)
        while end < sent.end and doc[end].pos_ == "ADJ" and not is_place(doc[end], entity_at):
            end += 1
    return end


def _own_complement(
    sent: Span, end: int, modifiers: frozenset[str], head: Token, entity_at: EntityAt
) -> int:
    """ "ministre de l'Intérieur", "chef de file", "chef d'état-major": a "de"
    complement at token ``end`` naming no other entity belongs to the role;
    "porte-parole de la société Renault" ends before it (the kind belongs to
    the name)."""
    doc = sent.doc
    if end >= sent.end or doc[end].lower_ not in grammar().genitive:
        return end
    k = skip_determiners(sent, end + 1)
    common = doc[k].pos_ == "NOUN" and doc[k].text[:1].islower()
    if kind_of_named(sent, k, entity_at):
        return end
    if k < sent.end and (
        common or (doc[k].pos_ in ("NOUN", "PROPN") and doc[k].text[:1].isupper())
    ):
        named = entity_at(doc[k])
        own = entity_at(head)
        if (
            named is None
            or (named is own)
            or (
                named.type is EntityType.ORGANIZATION
                and named.label.lower().startswith(head.lower_)
            )
        ):
            end = _complement_end(sent, k + 1, modifiers, entity_at)
    return end


def _complement_end(sent: Span, end: int, modifiers: frozenset[str], entity_at: EntityAt) -> int:
    """The end of a complement that belongs to the role, from the token after
    its first noun: its hyphenated words, its adjectives (not a modifier, not a
    demonym), the complements joined to it."""
    doc = sent.doc
    while end + 1 < sent.end and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 2  # "chef d'état-major"
    while end < sent.end and doc[end].pos_ == "ADJ" and doc[end].lower_ not in modifiers:
        ent = entity_at(doc[end])
        if ent is not None and ent.type is EntityType.PLACE:
            break
        end += 1
    end = _joined_complements(sent, end, entity_at)
    return _relation_complement(sent, end)


def _portfolio(sent: Span, end: int, links: frozenset[str], entity_at: EntityAt) -> int:
    """Keep a portfolio after a role: "secrétaire d'État aux Transports",
    "commissaire à la Concurrence": a link word, a determiner maybe, then a
    capitalised noun naming no entity and its adjectives. A lower-case noun
    ("ministre à la retraite") or a name ("envoyé à Paris") is refused."""
    if end >= sent.end or sent.doc[end].lower_ not in links:
        return end
    after = _title_words(sent, skip_determiners(sent, end + 1), entity_at)
    return end if after is None else _joined_complements(sent, after, entity_at)


def _title_words(sent: Span, k: int, entity_at: EntityAt) -> int | None:
    """The end of a capitalised noun at token k and its adjectives, none of
    them naming an entity ("Affaires étrangères", "Sports"); None when token
    k is no such noun."""
    doc = sent.doc
    if not (
        k < sent.end
        and doc[k].pos_ in ("NOUN", "PROPN")
        and doc[k].text[:1].isupper()
        and entity_at(doc[k]) is None
    ):
        return None
    end = k + 1
    while end < sent.end and doc[end].pos_ == "ADJ" and entity_at(doc[end]) is None:
        end += 1
    return end


def kind_of_named(sent: Span, k: int, entity_at: EntityAt) -> bool:
    """A common noun at token k naming the kind of the organisation named right
    after it: "société" in "de la société Renault" (a place's kind, "la ville de
    Lyon", has "de" between and is not one)."""
    doc = sent.doc
    if not (k + 1 < sent.end and doc[k].pos_ == "NOUN" and doc[k].text[:1].islower()):
        return False
    named = entity_at(doc[k + 1])
    return (
        entity_at(doc[k]) is None
        and named is not None
        and named.type is EntityType.ORGANIZATION
        and doc[k + 1].text[:1].isupper()
    )


def _relation_complement(sent: Span, end: int) -> int:
    """Keep "avec le Parlement" in "ministre des Relations avec le Parlement":
    after "relations", an "avec" complement is the rest of the title, even
    where it names an organisation."""
    doc = sent.doc
    if not (
        end + 1 < sent.end
        and doc[end - 1].lower_ in _RELATION
        and doc[end].lower_ in grammar().comitative_prepositions
    ):
        return end
    k = skip_determiners(sent, end + 1)
    if k < sent.end and (
        doc[k].pos_ == "NOUN" or (doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper())
    ):
        end = k + 1
        while end < sent.end and doc[end].pos_ == "ADJ":
            end += 1
    return end


def _joined_complements(sent: Span, end: int, entity_at: EntityAt) -> int:
    """Extend a role's complement over "et de la Communication", "et des Sports":
    a capitalised noun, naming no entity, joined by "et de"."""
    doc = sent.doc
    while (
        end + 1 < sent.end
        and doc[end].lower_ in grammar().additive_conjunctions
        and doc[end + 1].lower_ in grammar().genitive
    ):
        after = _title_words(sent, skip_determiners(sent, end + 2), entity_at)
        if after is None:
            break
        end = after
    return end


def is_place(tok: Token, entity_at: EntityAt) -> bool:
    """Whether a token belongs to a place ("Irak", or the demonym "irakien")."""
    ent = entity_at(tok)
    return ent is not None and ent.type is EntityType.PLACE
