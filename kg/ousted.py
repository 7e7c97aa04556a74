"""The holder an office was taken from: "le président déchu" for the one person
of the article named with no role of their own.

A story of an overthrow names the ousted holder by the lost office ("le
président déchu", "le Premier ministre destitué") as often as by name, and
never gives the name a role of its own ("M. X" only). A definite role phrase
with a modifier of lost office (the lexicon's ``ousted_modifiers``) that no
earlier person is named with (:func:`kg.role_coref.role_antecedent` found
none) stands for the one person of the article who is named with no role at
all, before or after the phrase.

Refused: a phrase without a definite article ("un président déchu"), a
phrase with no such modifier ("le président"), an article with two people or
more named with no role (which one is unknown), or with none.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.lexicon import lexicon
from kg.model import Entity, Mention
from kg.nlp import Parsed
from kg.role_coref import RoleAnchor

__all__ = ["ousted_holder"]


def ousted_holder(
    role: Mention,
    parsed: Parsed,
    starts: dict[int, int],
    people: Sequence[Entity],
    anchors: Sequence[RoleAnchor],
    lang: str = "fr",
) -> Entity | None:
    """The one person named with no role, for a definite phrase of a lost office.

    Args:
        role: a role mention no person was found for.
        parsed: the parsed article.
        starts: the index of the token starting at each offset
            (:func:`kg.role_coref.token_starts`).
        people: the article's people.
        anchors: the people named with a role, and where.
        lang: the language.

    Returns:
        The person, or None (see the module's refusals).
    """
    lex = lexicon(lang)
    if not set(role.key.split()) & lex.ousted_modifiers:
        return None
    first = starts.get(role.start)
    article = parsed.doc[first - 1].lower_ if first else ""
    if article not in lex.body_articles and article not in lex.contractions:
        return None
    with_roles = {anchor.entity.key for anchor in anchors}
    bare = [person for person in people if person.key not in with_roles]
    return bare[0] if len(bare) == 1 else None
