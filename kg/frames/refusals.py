"""What a frame refuses: the readings in which its trigger states no fact.

A frame lists its refusals in ``frames.yaml`` (``refuses: [question, ...]``);
attitudes (criticism, support, accusation, warning ...) and contacts list
them all. Each refusal is a grammatical or typographic shape, never a word:

* ``question``: a trigger whose clause ends with a question mark (the
  first end mark after it is "?": "X a-t-il critiqué Y ?", "« Pourquoi X
  soutient-il Y ? », a demandé Z"): a question asks, it asserts nothing.
* ``unspoken_quote``: a trigger inside a quote (as the quote step found it)
  when the quote step found nobody who says the quote: whose words report the
  attitude is unknown.
* ``city_complement``: an object that is a town or city reached through a
  place preposition ("a dénoncé la réforme à Lyon"): the complement says
  where, not whom. A country or region stays ("a reproché à la France"), and
  so does a city named as the direct object ("a critiqué Washington").

* ``patient_complement``: an object reached through the complement of a
  noun whose "de X" undergoes the act ("a dénoncé l'arrestation de X": X is
  not the one criticised; the nouns are ``patient_nouns`` of
  ``reactions.yaml``).

A negated or possible attitude is no refusal: it stays a fact, with its
polarity and modality (:mod:`kg.polarity`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.model import Entity, EntityType
from kg.syntax import markers

__all__ = ["REFUSALS", "Refusals"]

#: The refusals a frame may list.
REFUSALS: tuple[str, ...] = ("city_complement", "patient_complement", "question", "unspoken_quote")

_QUESTION = "?"
_END_MARKS = {".", "!", "?", "…"}


class Refusals:
    """The refusals of one article: its quotes with no speaker, and its states.

    Args:
        doc: the parsed article's Doc.
        quoted: the tokens inside the article's quotes, as the quote step
            found them (:func:`kg.quote_marks.find_quotes`).
        source_of: the source the quote step found for a token, or None.
        is_state: whether a place is a country or a region (not a town).
        place_markers: the prepositions that introduce a place.
        patient_nouns: the nouns whose complement undergoes the act.
    """

    def __init__(
        self,
        doc: Doc,
        quoted: frozenset[int],
        source_of: Callable[[Token], Entity | None],
        is_state: Callable[[Entity], bool],
        place_markers: frozenset[str],
        patient_nouns: frozenset[str] = frozenset(),
    ) -> None:
        self._unspoken = {i for i in quoted if source_of(doc[i]) is None}
        self._is_state = is_state
        self._place_markers = place_markers
        self._patient_nouns = patient_nouns

    def trigger_refused(self, token: Token, refuses: frozenset[str]) -> bool:
        """True when a trigger states nothing: in a question or an unspoken quote."""
        if "question" in refuses and _asks(token):
            return True
        return "unspoken_quote" in refuses and token.i in self._unspoken

    def object_refused(self, entity: Entity, token: Token, refuses: frozenset[str]) -> bool:
        """True when an object is a town introduced by a place preposition, or
        the complement of a noun whose complement undergoes the act."""
        if "patient_complement" in refuses and token.lemma_.lower() in self._patient_nouns:
            return True
        return (
            "city_complement" in refuses
            and entity.type is EntityType.PLACE
            and not self._is_state(entity)
            and bool(markers(token) & self._place_markers)
        )


def _asks(token: Token) -> bool:
    """The first end mark after a token, in its sentence, is a question mark."""
    doc = token.doc
    for i in range(token.i + 1, token.sent.end):
        if doc[i].text in _END_MARKS:
            return doc[i].text == _QUESTION
    return False
