"""Bodies named by a description: "les forces armées", "la police", "le comité
exécutif du parti".

A phrase of the lexicon's ``descriptive_bodies``, written in lower case right
after an article, mentions an organisation of the article (rule ``body``).
The same phrase twice is one organisation: its key is the phrase's, so "les
forces armées ... des forces armées" is one entity, and its entity's key is
scoped to the article (two articles' "l'armée" are not one army). Refused: a phrase after
no definite article, bare or contracted ("une armée de juristes", "un car de
police" name no body), a capitalised phrase (a name, the NER's), a phrase
with a demonym after it ("l'armée russe", an organisation phrase of
:mod:`kg.mentions`).

Such a body is an entity only when a fact names it (the convention of the
gold: "l'armée" named in passing is no entity): :func:`named_bodies` drops
the others once the facts are known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.lexicon import Lexicon
from kg.model import Entity, EntityType, Fact, Mention, MentionKind
from kg.nlp import Parsed
from kg.phrases import PhraseHits

__all__ = ["BODY_RULE", "add_bodies", "described", "named_bodies"]

#: The rule id of a body mention, in its provenance.
BODY_RULE = "body"
#: The rule id of the body after a role (:mod:`kg.role_mentions`).
_AFTER_ROLE = "role-body"


def add_bodies(
    parsed: Parsed, lex: Lexicon, hits: PhraseHits, add, taken: set[int], words: list[str]
) -> None:
    """Mention the bodies named by a description (see the module's docstring).

    Args:
        parsed: the parsed article.
        lex: the language's lexicon.
        hits: where the phrases of ``descriptive_bodies`` stand.
        add: records a mention (span, type, kind, key, rule, confidence).
        taken: the tokens other mentions hold.
        words: the text of every token.
    """
    doc = parsed.doc
    for i in sorted(hits.starts):
        found = hits.longest(i)
        if found is None or i == 0 or taken.intersection(range(i, found[0])):
            continue
        end, key = found
        article = words[i - 1].lower()
        if not words[i][:1].islower() or not (
            article in lex.body_articles or article in lex.contractions
        ):
            continue
        if end < len(doc) and words[end].lower() in lex.demonyms:
            continue
        add(doc[i:end], EntityType.ORGANIZATION, MentionKind.NAME, key, BODY_RULE, 0.7)


def named_bodies(entities: Sequence[Entity], facts: Iterable[Fact]) -> list[Entity]:
    """The entities without the bodies named by description that no fact names.

    Args:
        entities: the article's entities.
        facts: the article's facts.

    Returns:
        The entities in the same order, less every entity all of whose mentions
        come from the ``body`` rule and that no fact has as its subject,
        object, ``of`` or source.
    """
    named: set[str] = set()
    for fact in facts:
        named.update(k for k in (fact.subject, fact.object, fact.of, fact.source) if k)
    return [e for e in entities if e.key in named or not described(e.mentions)]


def described(mentions: Iterable[Mention]) -> bool:
    """Whether an entity is a body named only by description, whose key is the
    article's own: one of its names at least comes from the ``body`` rule, and
    the others from it or from the body after a role ("le chef des forces
    armées")."""
    rules = {m.provenance.rule for m in mentions if m.kind is MentionKind.NAME}
    return BODY_RULE in rules and rules <= {BODY_RULE, _AFTER_ROLE}
