"""The holders a list names after a reaction noun: "X a suscité des
critiques, parmi lesquelles celles de A, ou encore celle de B".

A holder is named after a pronoun of ``holder_pronouns`` followed by "de",
in a list that a word of ``enumeration`` opens after the reaction noun
("parmi lesquelles", "notamment"). The list may go on in the next sentence
when the sentence splitter cut it inside a quote and that sentence opens with
such a pronoun ("», ou encore celle de B"). A holder's words end at a
relative pronoun, a quote mark, a colon or the next pronoun; in them, the one
person named (else the one organisation), or people joined by "et"
("celles de A et de B"). Refused: two people not joined, a pronoun outside
a list ("la situation, celle de B, reste fragile").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from kg.frames.reaction_words import ReactionWords
from kg.lang.grammar import grammar
from kg.model import Entity, EntityType

__all__ = ["listed_holders"]

Holder = tuple[Entity, Token]

#: Marks that end the words naming a reaction's holder ("celle de X : « ... »").
_HOLDER_ENDS = frozenset({":", ";", ".", '"', "(", "«", "»"})


def listed_holders(
    noun: Token,
    next_sent: Span | None,
    holder: Callable[[Token], Holder | None],
    words: ReactionWords,
) -> list[Holder]:
    """The holders a list names after a reaction noun.

    Args:
        noun: the reaction noun.
        next_sent: the sentence after the noun's, or None.
        holder: the holder a token names, with the token that names it.
        words: the words of ``reactions.yaml``.

    Returns:
        The holders in text order.
    """
    tokens = list(noun.doc[noun.i + 1 : noun.sent.end])
    opens = [i for i, t in enumerate(tokens) if t.lower_ in words.enumeration]
    if not opens:
        return []
    tokens = tokens[opens[0] :]
    if next_sent is not None:
        opening = next((t for t in next_sent if t.pos_ not in ("PUNCT", "CCONJ", "ADV")), None)
        if opening is not None and opening.lower_ in words.holder_pronouns:
            tokens += list(next_sent)
    found = []
    for i, token in enumerate(tokens):
        if token.lower_ not in words.holder_pronouns or token.pos_ != "PRON":
            continue
        if i + 1 < len(tokens) and tokens[i + 1].lower_ in grammar().genitive:
            found += _named(tokens[i + 1 :], holder, words.holder_pronouns)
    return found


def _named(
    tokens: list[Token], holder: Callable[[Token], Holder | None], pronouns: frozenset[str]
) -> list[Holder]:
    """The one person (else the one organisation) named before the end of a
    holder's words, or people joined by "et"; two unjoined: none."""
    hits: dict[str, Holder] = {}
    for token in tokens:
        relative = "Rel" in token.morph.get("PronType")
        if relative or token.text in _HOLDER_ENDS or token.lower_ in pronouns:
            break
        hit = holder(token)
        if hit is not None:
            hits.setdefault(hit[0].key, hit)
    for kind in (EntityType.PERSON, EntityType.ORGANIZATION):
        of_kind = [h for h in hits.values() if h[0].type is kind]
        if of_kind:
            joined = {of_kind[0][1], *of_kind[0][1].conjuncts}
            return of_kind if all(t in joined for _, t in of_kind) else []
    return []
