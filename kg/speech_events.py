"""The events of an article that may say or source words.

Quotes with the speech verb that introduces them, "selon X" phrases, words
of an interview, speech verbs with the clause, infinitive or noun they report
(an infinitive of aim only after an occasion: "sa visite pour annoncer"),
and negated stance verbs with their object, in text order. The quote step
(:mod:`kg.quotes`) turns them into ``said`` facts and attribution.
"""

from __future__ import annotations

from spacy.attrs import DEP, LEMMA, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Token

from kg.occasions import OccasionWords, occasion_words, purpose_occasion
from kg.polarity import Cues, is_negated
from kg.quote_marks import Quote, quote_speech_verb
from kg.speech import incise, reported_content, speech_verb, that_clause, that_clause_mark
from kg.syntax import markers

__all__ = ["speech_events"]


def speech_events(doc: Doc, quotes: list[Quote], cues: Cues) -> list[tuple[int, str, object]]:
    """What may say or source words in a parsed article, in text order.

    Args:
        doc: the parse.
        quotes: the article's quotes (:func:`kg.quote_marks.find_quotes`).
        cues: the language's cue words.

    Returns:
        ``(token index, kind, data)`` for each: ``quote`` with (quote, speech
        verb), ``source`` with the marker of "selon X", ``medium`` with an
        interview word, ``indirect`` with (speech verb, what it reports),
        ``occasion`` with (speech infinitive of aim, what it reports, the
        occasion noun), ``incise`` with (speech verb, the clause before it),
        and ``stance`` with (negated stance verb, its object).
    """
    inside: set[int] = {i for q in quotes for i in range(q.start, q.end)}
    occasions = occasion_words(doc.lang_)
    events: list[tuple[int, str, object]] = []
    verb: Token | None = None
    for quote in quotes:
        previous = verb
        verb = quote_speech_verb(doc, quote, cues)
        if verb is None and quote.follows:
            verb = previous  # a quote going on over lines keeps its speaker
        if verb is not None:
            events.append((verb.i, "quote", (quote, verb)))
    strings = doc.vocab.strings
    # Token objects only where needed: obliques (for "selon X") and verbs.
    for i, (dep, pos, lemma_id) in enumerate(doc.to_array([DEP, POS, LEMMA]).tolist()):
        if strings[dep].startswith(("obl", "nmod")):
            tok = doc[i]
            if markers(tok) & cues.attribution_markers:
                events.append((i, "source", tok))
        if strings[lemma_id].lower() in cues.medium_words:
            events.append((i, "medium", doc[i]))
        if i in inside or pos not in (VERB, AUX):
            continue
        events += _verb_events(doc[i], cues, occasions, inside)
    events.sort(key=lambda e: e[0])
    return events


def _verb_events(
    tok: Token, cues: Cues, occasions: OccasionWords, inside: set[int]
) -> list[tuple[int, str, object]]:
    """The events of one verb: what it reports (each clause of "a réclamé
    que X et que Y"), on an occasion or not, the clause before it ("...,
    a assuré X", unless quoted: the quote step has it), and a negated
    stance."""
    events: list[tuple[int, str, object]] = []
    lemma = tok.lemma_.lower()
    entry = speech_verb(tok, cues)
    occasion = purpose_occasion(tok, occasions) if entry else None
    content = reported_content(tok, entry, cues, occasion is not None) if entry else None
    if content is None and lemma in cues.report_verbs:
        content = that_clause(tok)  # a report verb only attributes its clause
    before = incise(tok, entry, cues) if entry and content is None else []
    if before and not inside.intersection(before):
        events.append((tok.i, "incise", (tok, tok.head)))
    if content is not None and occasion is not None:
        events.append((tok.i, "occasion", (tok, content, occasion)))
    elif content is not None:
        events.append((tok.i, "indirect", (tok, content)))
        events.extend(
            (tok.i, "indirect", (tok, c))
            for c in content.conjuncts
            if c.i > content.i and that_clause_mark(c)
        )
    if lemma in cues.stance_verbs and is_negated(tok, cues):
        # "n'excluait pas un contact", "n'exclut pas que ..."
        objects = [c for c in tok.children if c.dep_ == "obj" and c.pos_ == "NOUN"]
        objects = objects or [c for c in [that_clause(tok)] if c is not None]
        if objects:
            events.append((tok.i, "stance", (tok, objects[0])))
    return events
