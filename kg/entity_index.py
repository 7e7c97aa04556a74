"""Which tokens of an article mention which entity.

:class:`EntityIndex` is what the frame matcher and the reference resolver ask,
token by token or sentence by sentence: the entity a token names, every entity
whose mention covers it, the mentions inside a sentence. It is built from the
article's parse and its entities, and never changes them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Span, Token

from kg.model import Entity, Mention
from kg.nlp import Parsed

__all__ = ["ORIGINAL_NAME", "EntityIndex", "token_offsets"]

#: The rule of a name given in brackets in the organisation's own language
#: ("(EVE, Eesti Vabariigi Erakond)"): a mention of the entity,
#: but no words of the French sentence. The index leaves it out, so that no
#: fact is read from the parse of words the model does not know.
ORIGINAL_NAME = "original-name"


class EntityIndex:
    """The entities of one article, and which tokens mention each.

    Args:
        parsed: the parsed article.
        entities: its entities, each with all its mentions (names, demonyms,
            resolved roles and pronouns).
        tokens: the indices of the article's non-space tokens and their original
            offsets, when already known (another index of the same article has them).
    """

    def __init__(
        self,
        parsed: Parsed,
        entities: Iterable[Entity],
        tokens: tuple[list[int], list[tuple[int, int]]] | None = None,
    ) -> None:
        self.parsed = parsed
        self.entities: tuple[Entity, ...] = tuple(entities)
        self._by_key = {e.key: e for e in self.entities}
        spans = [(m.start, m.end, m, e) for e in self.entities for m in e.mentions]
        self._spans = sorted(
            (s for s in spans if s[2].provenance.rule != ORIGINAL_NAME),
            key=lambda s: (s[0], -(s[1] - s[0])),
        )
        self._token: dict[int, list[tuple[Mention, Entity]]] = defaultdict(list)
        left_out: set[int] = set()
        self.tokens = tokens or token_offsets(parsed)
        tokens, offsets = self.tokens
        starts = [o[0] for o in offsets]
        for start, end, m, entity in spans:
            for k in range(bisect_left(starts, start), len(tokens)):
                if offsets[k][0] >= end:
                    break
                if offsets[k][1] > end:
                    continue
                if m.provenance.rule == ORIGINAL_NAME:
                    left_out.add(tokens[k])
                else:
                    self._token[tokens[k]].append((m, entity))
        #: The tokens of the names left out (see ORIGINAL_NAME): no fact reads them.
        self.left_out = frozenset(left_out)
        for items in self._token.values():
            items.sort(key=lambda item: -(item[0].end - item[0].start))

    def get(self, key: str) -> Entity:
        """The entity with this key (KeyError when there is none)."""
        return self._by_key[key]

    def entity_at(self, token: Token) -> Entity | None:
        """The entity named by the widest mention covering the token, or None."""
        items = self._token.get(token.i)
        return items[0][1] if items else None

    def entities_at(self, token: Token) -> list[Entity]:
        """Every entity whose mention covers the token, widest mention first."""
        return [entity for _m, entity in self._token.get(token.i, [])]

    def mentions_in(self, sent: Span) -> list[tuple[Mention, Entity]]:
        """The mentions inside a sentence (or any span) with their entities, in order."""
        start, end = self.parsed.span_offsets(sent)
        return [(m, e) for s, t, m, e in self._spans if start <= s and t <= end]


def token_offsets(parsed: Parsed) -> tuple[list[int], list[tuple[int, int]]]:
    """The indices of the non-space tokens and their offsets in the original text.

    Read from the Doc's arrays, without building a Token object for every
    word: this runs for every article.

    Args:
        parsed: the parsed article.

    Returns:
        The token indices and, in the same order, their (start, end) offsets.
    """
    table = parsed.doc.to_array([IDX, LENGTH, IS_SPACE]).astype(np.int64)
    kept = np.flatnonzero(table[:, 2] == 0)
    origin = np.asarray(parsed.offsets.origin, dtype=np.int64)
    first = table[kept, 0]
    starts = origin[first]
    ends = origin[first + table[kept, 1] - 1] + 1
    return kept.tolist(), list(zip(starts.tolist(), ends.tolist(), strict=True))
