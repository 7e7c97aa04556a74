"""Mentions around role nouns: the role phrases themselves ("le président élu
américain"), the party an adjective after a role names ("le sénateur
républicain") or an adjective used as a noun before a name ("le socialiste
Jean Morel"), and the body written in lower case after a role or a member
noun ("président de la commission des lois"). Called by
:func:`kg.mentions.extract_mentions` with its ``add`` step, which records a
mention and the tokens it takes.
"""

from __future__ import annotations

from kg.lexicon import Lexicon, name_key
from kg.model import EntityType, MentionKind
from kg.nlp import Parsed
from kg.phrases import PhraseHits

__all__ = ["add_member_bodies", "add_party_nouns", "add_roles"]


def add_roles(
    parsed: Parsed,
    lex: Lexicon,
    roles: PhraseHits,
    bodies: PhraseHits,
    add,
    taken: set[int],
    keys: list[str],
) -> None:
    """Role phrases: role noun, then modifiers and demonyms ("président élu
    américain"). A capitalised role noun inside a sentence is left to the
    name it starts."""
    doc = parsed.doc
    after = 0
    for i in sorted(roles.starts):
        if i < after or i in taken:
            continue
        if doc[i].text[:1].isupper() and i > 0 and not doc[i].is_sent_start:
            continue  # "Président" inside a name or title
        end = roles.at(i)[0][0]
        while end < len(doc) and (
            doc[end].text.lower() in lex.role_modifiers or doc[end].text.lower() in lex.demonyms
        ):
            end += 1
        span = doc[i:end]
        add(span, EntityType.PERSON, MentionKind.ROLE, name_key(span.text), "role", 0.6)
        party = lex.parties.get(doc[end].text.lower()) if end < len(doc) else None
        if party and end not in taken:
            # "le sénateur républicain": the adjective names the person's party
            add(doc[end : end + 1], EntityType.ORGANIZATION, MentionKind.DEMONYM, name_key(party),
                "party-adjective", 0.75)  # fmt: skip
            end += 1
        body = _role_body(parsed, lex, bodies, keys, end)
        if body and body[0] not in taken:
            span = doc[body[0] : body[1]]
            add(span, EntityType.ORGANIZATION, MentionKind.NAME, name_key(span.text),
                "role-body", 0.7)  # fmt: skip
            end = body[1]
        after = end


def add_member_bodies(
    parsed: Parsed, lex: Lexicon, bodies: PhraseHits, add, taken: set[int], keys: list[str]
) -> None:
    """ "X, membre de la commission des lois": a body after a member noun, found
    as after a role (see :func:`_role_body`), when a person is named before it
    in the sentence ("un membre de la commission a dit" names no member)."""
    doc = parsed.doc
    for i, key in enumerate(keys):
        body = _role_body(parsed, lex, bodies, keys, i + 1) if key in lex.member_nouns else None
        if not body or body[0] in taken or doc[i].pos_ != "NOUN":
            continue
        named = doc[doc[i].sent.start : i]
        if any(lex.labels.get(t.ent_type_) is EntityType.PERSON for t in named):
            add(doc[body[0] : body[1]], EntityType.ORGANIZATION, MentionKind.NAME,
                name_key(doc[body[0] : body[1]].text), "member-body", 0.7)  # fmt: skip


def add_party_nouns(parsed: Parsed, lex: Lexicon, add, taken: set[int], words: list[str]):
    """ "le socialiste Jean Morel": a party adjective used as a noun, after an
    article and right before a person's name, mentions the party. Refused: the
    adjective of a thing ("le vote socialiste") and one before no name ("les
    socialistes ont voté")."""
    doc = parsed.doc
    for i in range(1, len(doc) - 1):
        party = lex.parties.get(words[i]) if words[i][:1].islower() else None
        if (
            party
            and i not in taken
            and words[i - 1].lower() in lex.leading
            and lex.labels.get(doc[i + 1].ent_type_) is EntityType.PERSON
        ):
            add(doc[i : i + 1], EntityType.ORGANIZATION, MentionKind.DEMONYM, name_key(party),
                "party-noun", 0.75)  # fmt: skip


def _role_body(
    parsed: Parsed, lex: Lexicon, bodies: PhraseHits, keys: list[str], start: int
) -> tuple[int, int] | None:
    """The body a role belongs to, written in lower case after it: "(président)
    de la commission des lois", "(directeur) au service de presse épiscopal".
    A one-word body needs an adjective or a complement ("du comité" alone
    says too little). Returns its token range, or None."""
    doc, n = parsed.doc, len(keys)
    if start >= n or keys[start] not in lex.body_links:
        return None
    j = start + 1 + (start + 1 < n and keys[start + 1] in lex.body_articles)
    head = bodies.longest(j)
    if head is None or not doc[j].text[:1].islower():
        return None
    end = head[0]
    for _ in range(3):
        if end < n and doc[end].pos_ == "ADJ" and doc[end].text[:1].islower():
            end += 1
        elif end + 1 < n and keys[end] in lex.body_links and doc[end + 1].pos_ in ("NOUN", "PROPN"):
            end += 2
        elif (
            end + 2 < n
            and keys[end] in lex.body_links
            and keys[end + 1] in lex.body_articles
            and (doc[end + 2].pos_ == "NOUN" and doc[end + 2].text[:1].islower())
        ):
            end += 3  # "de l'énergie": a lower-case complement with its article
        else:
            break
    return (j, end) if end > j + 1 else None
