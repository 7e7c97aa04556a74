"""Times completed from the article's date: day words resolved by hand-worked
calendars (2005-04-20 was a Wednesday), and on real parses."""

from __future__ import annotations

import pytest

from kg.entities import group_mentions, resolve_references
from kg.event_time import resolve_date
from kg.ingest import article_from_text
from kg.mentions import extract_mentions
from kg.nlp import parse
from kg.pipeline import article_facts
from kg.polarity import load_cues


@pytest.mark.parametrize(
    ("words", "reference", "future", "expected"),
    [
        (["le", "8", "avril"], "2005", False, "2005-04-08"),
        (["vendredi", "22", "avril"], "2005-04-25", False, "2005-04-22"),
        (["1er", "mai"], "2005-04-20", False, "2005-05-01"),
        (["hier"], "2005-04-20", False, "2005-04-19"),
        (["la", "veille"], "2005-04-20", False, "2005-04-19"),
        (["avant-hier"], "2005-03-01", False, "2005-02-27"),
        (["dimanche"], "2005-04-20", False, "2005-04-17"),  # the last Sunday
        (["mercredi"], "2005-04-20", False, "2005-04-20"),  # the same day
        (["lundi"], "2005-04-20", True, "2005-04-25"),  # a future verb: the next Monday
        (["en", "janvier"], "2005", False, "2005-01"),  # a month alone: the article's year
    ],
)
def test_event_time_resolve_against_the_article_date(words, reference, future, expected) -> None:
    assert resolve_date(words, reference, load_cues("fr"), future) == expected


@pytest.mark.parametrize(
    ("words", "reference"),
    [
        (["dimanche"], "2005"),  # no day to count from
        (["hier"], None),
        (["le", "8", "avril"], None),  # no year
        (["en", "janvier"], None),
        (["le", "31", "avril"], "2005"),  # no such day
        (["la", "semaine"], "2005-04-20"),
    ],
)
def test_event_time_give_nothing_without_a_day(words, reference) -> None:
    assert resolve_date(words, reference, load_cues("fr")) is None


def facts_by_sentence(text: str, date: str | None) -> list[tuple[str, str | None]]:
    parsed = next(parse([article_from_text(text, "t1", date=date)]))
    mentions = extract_mentions(parsed)
    index = resolve_references(parsed, group_mentions(mentions), mentions, "fr", None)
    return [(f.predicate, f.time) for f in article_facts(parsed, index)]


def facts_dated(text: str, date: str | None) -> dict[str, str | None]:
    return dict(facts_by_sentence(text, date))


def test_event_time_facts_carry_the_resolved_time(nlp) -> None:
    times = facts_dated("Paul Girard a rencontré Anne Roux dimanche à Lyon.", "2005-04-20")
    assert times["metWith"] == "2005-04-17"
    times = facts_dated("Paul Girard a affirmé mardi 8 mars que le pont serait rouvert.", "2005")
    assert times["said"] == "2005-03-08"
    times = facts_dated("Paul Girard a déclaré hier que la route serait rouverte.", "2005-04-20")
    assert times["said"] == "2005-04-19"


def test_event_time_no_time_word_gives_no_time(nlp) -> None:
    text = "Paul Girard a rencontré Anne Roux à Lyon."
    assert facts_dated(text, "2005-04-20")["metWith"] is None


def test_event_time_a_participle_takes_the_time_of_its_verb(nlp) -> None:
    text = (
        "Le 3 juin, l'Union démocratique a fait connaître sa colère, "
        "soulignant que la réforme est injuste."
    )
    parsed = next(parse([article_from_text(text, "t1", date="2005")]))
    mentions = extract_mentions(parsed)
    index = resolve_references(parsed, group_mentions(mentions), mentions, "fr", None)
    said = [f for f in article_facts(parsed, index) if f.predicate == "said"]
    assert [(f.value, f.time) for f in said] == [
        ("sa colère", "2005-06-03"),
        ("la réforme est injuste", "2005-06-03"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the second participle hung inside the first one's clause
        "Le scandale a entraîné la publication, lundi 3 mars, d'un communiqué du Parti vert, "
        "indiquant que le maire avait menti, ajoutant que la ville doit porter plainte.",
        "Le Parti vert a indiqué lundi 3 mars que le maire avait menti, "
        "ajoutant que la ville doit porter plainte.",
        "Lundi 3 mars, Anne Roux a expliqué que le maire avait menti, "
        "précisant que la ville portera plainte.",
    ],
)
def test_event_time_a_participle_inside_a_clause_takes_the_speech_verb_time(nlp, text) -> None:
    said = [time for predicate, time in facts_by_sentence(text, "2005") if predicate == "said"]
    assert said == ["2005-03-03", "2005-03-03"]


def test_event_time_a_participle_does_not_take_the_time_of_the_clause_it_hangs_in(nlp) -> None:
    text = (
        "Paul Girard a déclaré que Marc Petit avait menti mardi 4 mars, "
        "ajoutant que la ville doit porter plainte."
    )
    times = [time for predicate, time in facts_by_sentence(text, "2005") if predicate == "said"]
    assert times == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the event dated where the article named what it involves
        (
            "Le comité central du Parti vert, réuni samedi 9 avril, a désigné Anne Roux. "
            "Paul Girard avait annoncé, à la veille de la réunion du comité central, "
            "que la ville portera plainte.",
            "2005-04-08",
        ),
        # the event dated on the verb it is the subject of
        (
            "Le sommet s'est tenu le 3 mai à Oslo. "
            "Au lendemain du sommet, Paul Girard a déclaré que la ville portera plainte.",
            "2005-05-04",
        ),
        # the event dated in its own phrase
        (
            "Paul Girard a déclaré, à la veille du sommet du 3 mai, que la ville portera plainte.",
            "2005-05-02",
        ),
    ],
)
def test_event_time_the_day_before_an_event_counts_from_its_day(nlp, text, expected) -> None:
    assert facts_by_sentence(text, "2005")[-1] == ("said", expected)


@pytest.mark.parametrize("date", ["2005", "2005-04-20"])
def test_event_time_the_day_before_an_undated_event_has_no_time(nlp, date: str) -> None:
    # the article's date is not the summit's
    text = "Paul Girard a déclaré, à la veille du sommet, que la ville portera plainte."
    assert facts_by_sentence(text, date)[-1] == ("said", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the aside on the clause after it
        (
            "Anne Roux a déjà fait savoir, le 8 mars, que seuls deux élus seraient exclus.",
            "2005-03-08",
        ),
        (
            "Le congrès du Parti vert s'est ouvert le 3 mai. "
            "Anne Roux a fait savoir, à la veille du congrès, que seuls deux élus seraient exclus.",
            "2005-05-02",
        ),
        ("Paul Girard a annoncé, mardi 8 mars, que la ville portera plainte.", "2005-03-08"),
    ],
)
def test_event_time_an_aside_after_the_verb_dates_it(nlp, text: str, expected: str) -> None:
    assert facts_by_sentence(text, "2005")[-1] == ("said", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month before the year
        ("Anne Roux a rencontré Marc Petit en Espagne en avril 2004.", "2004-04"),
        # the time the parser hung on the name before it
        ("Paul Girard a rencontré Marc Petit en 2004.", "2004"),
        ("Anne Roux a rencontré Marc Petit à Lille dimanche.", "2005-04-17"),
        ("Anne Roux a critiqué Marc Petit à Lille hier.", "2005-04-19"),
    ],
)
def test_event_time_a_time_after_a_name_dates_the_verb(nlp, text: str, expected: str) -> None:
    assert facts_by_sentence(text, "2005-04-20")[0][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the name's own participle, and a number that is no year of the event
        "Paul Girard a rencontré Marc Petit, élu en 2001.",
        "Anne Roux a rencontré Marc Petit à Lille, ville de 2005 habitants.",
    ],
)
def test_event_time_a_name_keeps_what_describes_it(nlp, text: str) -> None:
    assert facts_by_sentence(text, "2005-04-20")[0][1] is None


def test_event_time_an_appointment_dates_the_role(nlp) -> None:
    text = "Anne Roux, nommée ministre de la Culture jeudi 3 mars, a pris ses fonctions."
    assert facts_dated(text, "2005")["holdsPosition"] == "2005-03-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the gerund hung on the verb's complement, as nmod or as acl
        (
            "L'Espagne a réagi hier à ces attaques en protestant vivement auprès du Maroc.",
            "2005-04-19",
        ),
        (
            "L'Italie a réagi lundi à ces propos en protestant vivement auprès de la Suisse.",
            "2005-04-18",
        ),
        ("Paul Girard a réagi dimanche aux questions en critiquant Anne Roux.", "2005-04-17"),
    ],
)
def test_event_time_a_gerund_takes_the_time_of_its_verb(nlp, text: str, expected: str) -> None:
    assert facts_dated(text, "2005-04-20")["criticized"] == expected


def test_event_time_a_gerund_without_a_dated_verb_has_no_time(nlp) -> None:
    text = "Paul Girard a réagi aux questions en critiquant Anne Roux."
    assert facts_dated(text, "2005-04-20")["criticized"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le 22 avril, la CGT a critiqué Marc Petit. "
            "Le même jour, Paul Girard a rencontré Anne Roux à Lyon.",
            ("metWith", "2005-04-22"),
        ),
        (
            "Le 3 mars 2004, la CGT a critiqué Marc Petit. "
            "Ce jour-là, Paul Girard a déclaré que le pont serait fermé.",
            ("said", "2004-03-03"),
        ),
        (
            "Anne Roux est arrivée à Lyon le 9 mai. Il pleuvait. "
            "Le jour même, Paul Girard a rencontré Anne Roux.",
            ("metWith", "2005-05-09"),
        ),
    ],
)
def test_event_time_the_same_day_is_the_last_day_named(nlp, text: str, expected) -> None:
    assert facts_by_sentence(text, "2005")[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no day named before: nothing to refer to
        "Paul Girard a rencontré Anne Roux le même jour.",
        "Paul Girard a critiqué Marc Petit en 2004. "
        "Le même jour, Anne Roux a rencontré Marc Petit.",
    ],
)
def test_event_time_the_same_day_without_a_day_before_gives_nothing(nlp, text: str) -> None:
    assert facts_by_sentence(text, "2005")[-1][1] is None


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        (
            "Deux ingénieurs ont été arrêtés à Kaboul le 14 avril, trois jours après la visite "
            "du président Paul Girard en Afghanistan.",
            "visited",
            "2005-04-11",
        ),
        # the day after its month, in the English order
        (
            "Deux ingénieurs ont été arrêtés à Kaboul mars 28, deux jours après la visite "
            "du président Paul Girard en Afghanistan.",
            "visited",
            "2005-03-26",
        ),
        # the count hangs the event on its unit
        (
            "L'accord a été signé le 3 mai, une semaine avant la rencontre entre Paul Girard "
            "et Anne Roux.",
            "metWith",
            "2005-05-10",
        ),
    ],
)
def test_event_time_an_event_counted_from_a_dated_verb(nlp, text, predicate, expected) -> None:
    assert facts_dated(text, "2005")[predicate] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no count of days: only "after", no day
        "L'accord a été signé le 3 mai, après la visite de Paul Girard en Irak.",
        # a verb with no day of its own
        "Deux ingénieurs ont été arrêtés à Kaboul, trois jours après la visite de Paul Girard "
        "en Afghanistan.",
        # a number after a month that counts soldiers, not the day
        "En avril 12 soldats ont été blessés, trois jours après la visite de Paul Girard "
        "en Afghanistan.",
    ],
)
def test_event_time_an_event_counted_from_an_undated_verb_has_no_time(nlp, text: str) -> None:
    assert facts_dated(text, "2005")["visited"] is None


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        # 2024-03-15 is a Friday: a planned meeting's Tuesday is the next one
        ("Paul Girard doit rencontrer Anne Roux mardi à Lyon.", "metWith", "2024-03-19"),
        ("Paul Girard a rencontré Anne Roux mardi à Lyon.", "metWith", "2024-03-12"),
        # the day the parser hung the addressee on
        ("Paul Girard a téléphoné hier à Anne Roux.", "contacted", "2024-03-14"),
    ],
)
def test_event_time_a_planned_event_counts_forward(nlp, text, predicate, expected) -> None:
    assert facts_dated(text, "2024-03-15")[predicate] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a rencontré Anne Roux deux jours après le sommet du 3 mai.", "2005-05-05"),
        (
            "Paul Girard a rencontré Anne Roux une semaine avant le sommet du 3 mai.",
            "2005-04-26",
        ),
        # the parser hangs the summit beside the day noun
        ("Paul Girard a rencontré Anne Roux au lendemain du sommet du 3 mai.", "2005-05-04"),
        # a day of its own wins over an undated count
        ("Paul Girard a rencontré Anne Roux le 8 mai, deux jours après le sommet.", "2005-05-08"),
        # no day for the summit: no time
        ("Paul Girard a rencontré Anne Roux deux jours après le sommet.", None),
    ],
)
def test_event_time_counted_from_a_dated_event(nlp, text: str, expected) -> None:
    assert facts_dated(text, "2005")["metWith"] == expected
