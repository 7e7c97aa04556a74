"""The time of an event: a year or a date in its phrase, completed from the
article's date.

:func:`event_time` reads the words that date a trigger (see its docstring);
:func:`resolve_date` turns day words into an ISO date against the article's
date: "le 8 avril" takes the article's year ("en janvier" gives its month),
"dimanche" is the last Sunday
on or before the article's day (the next one for a future verb), "hier",
"la veille", "demain" count days from it. The words are those of
``cues.yaml`` (``months``, ``weekdays``, ``relative_days``). A day word with
no article day to count from gives nothing, and so does a day and month
when the article has no year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.event_place import gatherings, place_words
from kg.polarity import Cues, is_future
from kg.speech import speech_verb
from kg.syntax import markers

__all__ = ["event_time", "resolve_date"]

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DAY = re.compile(r"^(0?[1-9]|[12]\d|3[01])(er)?$")


def _day(reference: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(reference[:10]) if reference else None
    except ValueError:
        return None


def resolve_date(
    words: Sequence[str], reference: str | None, cues: Cues, future: bool = False
) -> str | None:
    """An ISO date from day words, counted from the article's date.

    Args:
        words: lower-case words dating an event ("vendredi", "22", "avril").
        reference: the article's date (ISO 8601: a year, a month or a day).
        cues: the language's cue words (months, weekdays, relative days).
        future: the event is to come (a weekday then counts forward).

    Returns:
        ``YYYY-MM-DD``, or None when the words and the date do not give a day.
    """
    year = reference[:4] if reference and _YEAR.match(reference[:4]) else None
    for i, word in enumerate(words[:-1]):
        month = cues.months.get(words[i + 1])
        match = _DAY.match(word)
        if match and month and year:
            try:
                return dt.date(int(year), month, int(match.group(1))).isoformat()
            except ValueError:
                return None
    months = [cues.months[w] for w in words if w in cues.months]
    if months and year:
        return f"{year}-{months[0]:02d}"  # "en janvier": the month of the article's year
    today = _day(reference)
    if today is None or len(reference or "") < 10:
        return None
    for word in words:
        if word in cues.relative_days:
            return (today + dt.timedelta(days=cues.relative_days[word])).isoformat()
        if word in cues.weekdays:
            back = (today.weekday() - cues.weekdays[word]) % 7
            step = (7 - back) % 7 if future else -back
            return (today + dt.timedelta(days=step)).isoformat()
    return None


def _dated(child: Token, cues: Cues) -> bool:
    """A word that dates the verb it hangs on."""
    lower = child.lower_
    return (
        lower in cues.months
        or lower in cues.weekdays
        or lower in cues.relative_days
        or child.lemma_.lower() in cues.time_nouns
        or (child.text.isdigit() and any(t.lower_ in cues.months for t in child.children))
    )


def _earlier_day(sent: Span, cues: Cues, reference: str | None) -> str | None:
    """ "Le 22 avril, X a ... Le même jour, Y a ...": the last day and month
    named in the three sentences before (with the year after them, if any)."""
    doc = sent.doc
    start = sent.start
    for _ in range(3):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for tok in reversed(doc[start : sent.start]):
        if tok.lower_ in cues.months and tok.i > 0 and _DAY.match(doc[tok.i - 1].text):
            after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
            year = after if _YEAR.match(after) else reference
            return resolve_date([doc[tok.i - 1].lower_, tok.lower_], year, cues)
    return None


def _is_gerund(verb: Token) -> bool:
    """ "en protestant": a participle after "en", wherever the parser hung it
    (on a noun, "a réagi à ces incidents en protestant", it is often ``nmod``)."""
    return any(c.dep_ in ("mark", "case") and c.lower_ == "en" for c in verb.lefts)


def _aside(verb: Token, cues: Cues) -> list[Token]:
    """ "a fait savoir, à la veille du vote, que": the words set off by commas
    right after a verb, when they hold a time word and no verb (the parser
    often hangs them on the clause that follows)."""
    doc, sent = verb.doc, verb.sent
    if verb.i + 1 >= sent.end or doc[verb.i + 1].text != ",":
        return []
    for j in range(verb.i + 2, min(sent.end, verb.i + 16)):
        if doc[j].pos_ in ("VERB", "AUX"):
            return []
        if doc[j].text == ",":
            words = list(doc[verb.i + 2 : j])
            return words if any(_YEAR.match(t.text) or _dated(t, cues) for t in words) else []
    return []


def _verb_scope(trigger: Token, cues: Cues) -> list[Token]:
    """The words that date a verb (see :func:`event_time`)."""
    scope = _aside(trigger, cues)
    heads = [trigger]
    node = trigger
    for _ in range(3):  # "le 22 avril, X a réagi, indiquant que ..., ajoutant que"
        participle = "Part" in node.morph.get("VerbForm")
        if not (
            node.dep_ == "xcomp"
            or (participle and node.dep_.startswith(("advcl", "acl")))
            or (participle and _is_gerund(node))
        ):
            break
        node = node.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head  # a participle hung on a noun: the noun's verb
        if node.dep_ == "ccomp" and speech_verb(node.head, cues):
            # "indiquant que X avait agi, ajoutant que": the second participle
            # hung inside the first one's clause belongs to the first
            node = node.head
        heads.append(node)
    children = [c for head in heads for c in head.children if c.i != trigger.i]
    # "a rencontré Marc Petit en 2004", "à Lille dimanche": a time the parser
    # hung on a name next to it; a name has no time of its own (a noun has:
    # "l'élection de 2016")
    children += [g for c in children if c.pos_ == "PROPN" for g in c.children]
    for child in children:
        if _YEAR.match(child.text):
            scope.append(child)
        elif _dated(child, cues):
            scope.extend(child.subtree)
    words = place_words(trigger.doc.lang_)
    for noun in (g for head in heads for g in gatherings(head, words)):
        # "lors du sommet de Vienne en 1999": the gathering's date is the event's
        if any(_YEAR.match(t.text) or _dated(t, cues) for t in noun.subtree):
            scope.extend(noun.subtree)
    return scope


def _subject_met(verb: Token, cues: Cues) -> list[Token]:
    """ "Le conseil, réuni mardi 9 mai, a décidé que": the day a body
    met, said by a participle of a gathering verb (``gathering_verbs``) set
    beside the verb's subject, dates the verb when it has no time of its
    own. Only day words (a weekday, a day and month, "hier"), and only a
    gathering: "X, nommé vendredi, a annoncé" or "X, élu en 2004, a déclaré"
    date a past step, not the statement."""
    days = set(cues.weekdays) | set(cues.months) | set(cues.relative_days)
    gathering = place_words(verb.doc.lang_).gathering_verbs
    for subject in (c for c in verb.children if c.dep_.startswith("nsubj")):
        for participle in subject.children:
            if participle.dep_ != "acl" or "Part" not in participle.morph.get("VerbForm"):
                continue
            if participle.lemma_.lower() not in gathering:
                continue
            for child in participle.children:
                if child.i > participle.i and any(t.lower_ in days for t in child.subtree):
                    return list(child.subtree)
    return []


def _next_to(scope: list[Token], cues: Cues) -> tuple[Token, int, bool] | None:
    """ "la veille du congrès", "deux jours après le sommet": the event a day
    noun or a count of days counts from, by how many days, and whether it was
    a count (the verb may then have a day of its own)."""
    for tok in scope:
        shift = cues.relative_days.get(tok.lower_)
        if shift is not None and tok.pos_ == "NOUN":
            event = _event_of(tok, cues)
            if event is not None:
                return event, shift, False
        counted = _counted_to(tok, cues)
        if counted is not None:
            return (*counted, True)
    return None


def _event_of(day: Token, cues: Cues) -> Token | None:
    """The event of "la veille de X", also where the parser hung X beside the
    day noun, on the same word, right after it ("au lendemain du sommet")."""
    for child in day.children:
        if child.dep_ == "nmod" and markers(child) & cues.genitive:
            return child
    doc = day.doc
    after = doc[day.i + 1] if day.i + 1 < len(doc) else None
    if after is None or after.dep_ != "case" or day.head.i == day.i:
        return None
    event = after.head
    beside = event.head.i == day.head.i and event.dep_.startswith(("obl", "nmod"))
    return event if beside and markers(event) & cues.genitive else None


def _counted_to(unit: Token, cues: Cues) -> tuple[Token, int] | None:
    """ "deux jours après le sommet", "une semaine avant la réunion": the event
    a count of days is set from (the unit's head, its complement, or the noun
    right after it on the same word), and the shift in days."""
    days = cues.day_units.get(unit.lemma_.lower(), 0) * (_count(unit, cues) or 0)
    if not days:
        return None
    events = [unit.head] if unit.head.i > unit.i else []
    events += [c for c in unit.children if c.dep_ == "nmod" and c.i > unit.i]
    doc = unit.doc
    if unit.i + 1 < len(doc) and doc[unit.i + 1].head.head.i == unit.head.i != unit.i:
        events.append(doc[unit.i + 1].head)  # hung beside the unit, on the same word
    for event in events:
        for case in event.children:
            if case.dep_ == "case" and case.lower_ in cues.sequence_prepositions:
                return event, cues.sequence_prepositions[case.lower_] * days
    return None


def _next_to_event(
    event: Token, shift: int, sent: Span, cues: Cues, reference: str | None
) -> str | None:
    """ "la veille de la réunion du comité", "au lendemain du sommet": the
    day before or after an event, dated in its own phrase ("la veille du
    sommet du 3 mai") or where the article named it, or what it involves,
    with a day before ("le comité, réuni samedi 23 avril, ...", "le sommet
    s'est tenu le 3 mai"). None when the event has no day: the article's
    date is not the event's."""
    found = resolve_date([t.lower_ for t in event.subtree], reference, cues)
    names = {event.lemma_.lower()} | {
        c.lemma_.lower() for c in event.children if c.dep_ == "nmod" and c.pos_ == "NOUN"
    }
    for earlier in reversed(sent.doc[: sent.start]):
        if found is not None:
            break
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() in names:
            words = list(earlier.subtree)
            if earlier.dep_.startswith("nsubj"):  # "le sommet s'est tenu le 3 mai"
                words += [t for c in earlier.head.children if _dated(c, cues) for t in c.subtree]
            found = resolve_date([t.lower_ for t in words], reference, cues)
    if found is None or len(found) < 10:
        return None
    return (dt.date.fromisoformat(found) + dt.timedelta(days=shift)).isoformat()


def _day_words(scope: list[Token], cues: Cues) -> list[str]:
    """The lower-case words of a scope, a day the parser hung on the month
    right before it ("mars 28", the English order) put in the French order
    ("28 mars"); a number after a month that counts something else ("en
    mars 28 soldats") hangs on its noun and stays where it is."""
    words = []
    for tok in scope:
        if tok.dep_ == "nummod" and tok.head.i == tok.i - 1 and tok.head.lower_ in cues.months:
            if _DAY.match(tok.text) and words and words[-1] == tok.head.lower_:
                words.insert(len(words) - 1, tok.lower_)
                continue
        words.append(tok.lower_)
    return words


def _count(unit: Token, cues: Cues) -> int | None:
    """The number before a unit of time: "deux jours", "3 semaines", "un jour"."""
    for child in unit.children:
        if child.i < unit.i and child.dep_ in ("det", "nummod"):
            if child.text.isdigit():
                return int(child.text)
            if child.lower_ in cues.count_words:
                return cues.count_words[child.lower_]
    return None


def _counted_from(noun: Token, sent: Span, cues: Cues, reference: str | None) -> str | None:
    """ "X a été arrêté le 4 juin, trois jours après la visite de Y": an event
    noun set a count of days after (or before) a dated verb it hangs on took
    place that many days before (or after) the verb's day. Refused: no count
    ("après la visite" says no day), a verb with no day of its own."""
    units = [c for c in noun.children if c.i < noun.i and c.lemma_.lower() in cues.day_units]
    head = noun.head
    if not units and head.lemma_.lower() in cues.day_units and head.i < noun.i:
        units, head = [head], head.head  # "une semaine avant la rencontre": the unit's verb
    direction = next(
        (
            cues.sequence_prepositions[c.lower_]
            for c in noun.children
            if c.dep_ == "case" and c.lower_ in cues.sequence_prepositions
        ),
        None,
    )
    if direction is None or not units or head.pos_ not in ("VERB", "AUX"):
        return None
    days = cues.day_units[units[0].lemma_.lower()] * (_count(units[0], cues) or 0)
    day = _day(event_time(head, sent, cues, reference)) if days else None
    if day is None:
        return None
    return (day - dt.timedelta(days=direction * days)).isoformat()


def _scope_day(
    trigger: Token,
    scope: list[Token],
    sent: Span,
    cues: Cues,
    reference: str | None,
    planned: bool = False,
) -> str | None:
    """The day (or month) the day words of a trigger's scope name; a weekday
    counts forward for an event to come."""
    words = _day_words(scope, cues)
    next_to = _next_to(scope, cues)
    if next_to is not None:
        event, shift, counted = next_to
        found = _next_to_event(event, shift, sent, cues, reference)
        if found is not None or not counted:
            return found
    future = planned or (trigger.pos_ != "NOUN" and is_future(trigger))
    found = resolve_date(words, reference, cues, future)
    if found is None and cues.same_day_words & set(words):
        return _earlier_day(sent, cues, reference)
    return found


def event_time(
    trigger: Token, sent: Span, cues: Cues, reference: str | None, planned: bool = False
) -> str | None:
    """The year or date of an event (``planned``: one still to come, "doit
    rencontrer X mardi", whose weekday is the next one).

    Read in a noun trigger's phrase; for a verb, on a year hanging on it ("en
    2018"), on a time word of it ("en juillet 2018", "vendredi 22 avril",
    "hier") or in an aside right after it ("a annoncé, mardi, que"), and for
    an infinitive or a participle adjunct also on its governing verb
    ("envisage de se rendre à Washington au printemps 2025", "le 22 avril, X
    a réagi, indiquant que"), and for a gerund on the verb it depends on ("X
    a réagi hier en protestant auprès de Y"); on a gathering that places the
    verb ("lors du sommet de Vienne en 1999"). In a verbless caption, the
    whole sentence. A year deeper in an argument ("l'élection de 2016")
    dates the argument, not the event. Without a year, day words are
    resolved against the article's date (:func:`resolve_date`), "la
    veille de" an event against the event's day, and an event noun "un jour
    après" a dated verb against the verb's day.
    """
    if trigger.pos_ == "NOUN" and (counted := _counted_from(trigger, sent, cues, reference)):
        return counted
    scope = list(trigger.subtree) if trigger.pos_ == "NOUN" else _verb_scope(trigger, cues)
    if not scope and trigger.pos_ != "NOUN":
        scope = _subject_met(trigger, cues)
    if not any(_YEAR.match(t.text) for t in scope):
        found = _scope_day(trigger, scope, sent, cues, reference, planned) if scope else None
        if found is not None or sent.root.pos_ in ("VERB", "AUX"):
            return found
        scope = list(sent)  # a verbless caption: its year
    months = cues.months
    for tok in scope:
        if _YEAR.match(tok.text) and tok.pos_ == "NUM":
            doc = tok.doc
            month = months.get(doc[tok.i - 1].lower_) if tok.i >= 1 else None
            if month and tok.i >= 2 and doc[tok.i - 2].text.isdigit():
                day = int(doc[tok.i - 2].text)
                if 1 <= day <= 31:
                    return f"{tok.text}-{month:02d}-{day:02d}"
            return f"{tok.text}-{month:02d}" if month else tok.text  # "en avril 2005"
    return None
