"""What "selon X" says: "Selon X, la réforme sera votée" gives X said the
clause the phrase hangs on, or the main clause when it ends the sentence
(the refusals in :func:`according_to`). The quote step (:mod:`kg.quotes`)
makes X the source of the sentence's other words.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.event_time import event_time
from kg.model import Entity, Fact
from kg.nlp import Parsed
from kg.polarity import Cues
from kg.said_text import said_provenance, said_text
from kg.speech import speech_verb

__all__ = ["according_to"]


def according_to(
    parsed: Parsed, marker: Token, ent: Entity, pronoun: bool, inside: set[int], cues: Cues
) -> Fact | None:
    """ "Selon X, la réforme sera votée": X said the clause that "selon X"
    hangs on, or the main clause when the phrase ends the sentence. Nothing
    when the phrase hangs on a noun inside the sentence ("le rôle, selon X,
    de ...") or sits in a quote, when the clause is no more than the phrase, or
    when it follows a speech verb ("a déclaré Y, selon X": X is the source of
    what Y said, not a speaker; before it, "Selon X, Y a promis de ...", X
    says the whole clause and is the source of Y's words), or when X is a
    pronoun ("selon lui": too weak a speaker to say a whole clause; it stays
    the clause's source)."""
    clause = marker.head
    sent = marker.sent
    rest = marker.doc[marker.i : sent.end]
    last = all(t.is_punct or t.is_space for t in marker.doc[marker.right_edge.i + 1 : sent.end])
    if last and not any(t.text == "," for t in rest):
        # "..., selon le ministre.": ending the sentence, it says its main
        # clause, whichever word the parser hung it on, unless someone else
        # speaks in the sentence ("a déclaré Y, selon X")
        speaks = any(t.pos_ in ("VERB", "AUX") and speech_verb(t, cues) for t in sent)
        clause, hung = sent.root, not speaks
    else:
        hung = marker.dep_.startswith("obl")
    if (
        pronoun
        or clause.i == marker.i
        or (speech_verb(clause, cues) is not None and marker.i > clause.i)
        or clause.pos_ not in ("VERB", "AUX", "ADJ")
        or not hung
        or marker.i in inside
    ):
        return None
    doc = parsed.doc
    # the phrase ends at its comma, whatever the parser hung under it
    comma = next((t.i for t in doc[marker.i : marker.sent.end] if t.text == ","), None)
    end = comma + 1 if comma is not None else marker.right_edge.i + 1
    skip = set(range(marker.left_edge.i, max(end, marker.i + 1)))
    subordinate = clause.dep_.startswith(("ccomp", "advcl", "acl", "csubj", "xcomp"))
    scope = clause.subtree if subordinate else clause.sent
    tokens = [t.i for t in scope if t.i not in skip]
    if marker.i < clause.i:
        # "Damas - Selon X, Y a promis ...": what stands before the phrase is not said
        tokens = [i for i in tokens if i > marker.i] or tokens
    value = said_text(parsed, doc, min(tokens), max(tokens) + 1, skip)
    if not value:
        return None
    first, last = min(tokens + [marker.i]), max(tokens + [marker.i])
    conf = 0.7
    return Fact(
        subject=ent.key,
        predicate="said",
        value=value,
        time=event_time(clause, clause.sent, cues, parsed.article.date),
        provenance=said_provenance(parsed, doc, first, last, conf, "quote:according.v1"),
    )
