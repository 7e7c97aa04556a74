"""Scoring hand-made extractions against small gold files.

Each test works out the expected counts and ratios by hand in a comment.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import entity, extraction, fact

from kg.evaluate import score, symmetric_predicates
from kg.gold import GoldFile, load_gold
from kg.model import Modality, Polarity
from kg.scores import combine

ENTITIES = """\
  putin:    {name: Vladimir Poutine, type: Person, wikidata: Q7747, aliases: [Poutine]}
  trump:    {name: Donald Trump, type: Person, wikidata: Q22686, aliases: [Trump]}
  biden:    {name: Joe Biden, type: Person, wikidata: Q6279}
  peskov:   {name: Dmitri Peskov, type: Person, wikidata: null, aliases: [Peskov]}
  interfax: {name: Interfax, type: Organization}
  nato:     {name: OTAN, type: Organization, wikidata: Q7184}
  usa:      {name: États-Unis, type: Place, wikidata: Q30}
  finland:  {name: Finlande, type: Place, wikidata: Q33}
"""


def make_gold(tmp_path: Path, predicates: str, facts: str, entities: str = ENTITIES) -> GoldFile:
    """Write an article and its gold file under tmp_path, and load it."""
    (tmp_path / "a.txt").write_text("Texte de l'article.\n", "utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(
        f"text: a.txt\nlanguage: fr\npredicates: [{predicates}]\n"
        f"entities:\n{entities}facts:\n{facts}",
        "utf-8",
    )
    return load_gold(path)


PEOPLE = [
    entity("p/putin", "Vladimir Poutine", "Person", "Q7747"),
    entity("p/trump", "Donald Trump", "Person", "Q22686"),
    entity("p/biden", "Joe Biden", "Person", "Q6279"),
    entity("p/peskov", "Dmitri Peskov"),
    entity("o/interfax", "Interfax", "Organization"),
]


def test_evaluate_metwith_is_symmetric_but_contacted_is_not(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "metWith, contacted",
        "  - {s: trump, p: metWith, o: putin}\n  - {s: trump, p: contacted, o: putin}\n",
    )
    predicted = extraction(
        PEOPLE,
        [fact("p/putin", "metWith", "p/trump"), fact("p/putin", "contacted", "p/trump")],
    )
    result = score(gold, predicted)
    # metWith reversed matches; contacted reversed does not.
    # tp=1 fp=1 fn=1 -> P=1/2, R=1/2, F1=1/2
    assert (result.facts.tp, result.facts.fp, result.facts.fn) == (1, 1, 1)
    assert result.facts.p == pytest.approx(0.5)
    assert result.facts.r == pytest.approx(0.5)
    assert result.facts.f1 == pytest.approx(0.5)
    assert result.by_predicate["metWith"].f1 == pytest.approx(1.0)
    assert result.by_predicate["contacted"].f1 == 0.0
    assert [m.text for m in result.explain.missed] == ["trump contacted putin"]
    assert [s.text for s in result.explain.spurious] == ["Vladimir Poutine contacted Donald Trump"]


def test_evaluate_negative_fact_matches_only_negative(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "congratulated",
        "  - {s: putin, p: congratulated, o: trump, polarity: negative}\n",
    )
    positive = fact("p/putin", "congratulated", "p/trump")
    negative = fact("p/putin", "congratulated", "p/trump", polarity=Polarity.NEGATIVE)
    # The positive prediction: tp=0 fp=1 fn=1 -> P=R=F1=0.
    wrong = score(gold, extraction(PEOPLE, [positive])).facts
    assert (wrong.tp, wrong.fp, wrong.fn, wrong.p, wrong.r, wrong.f1) == (0, 1, 1, 0.0, 0.0, 0.0)
    # The negative prediction: tp=1 fp=0 fn=0 -> P=R=F1=1.
    right = score(gold, extraction(PEOPLE, [negative])).facts
    assert (right.tp, right.fp, right.fn, right.f1) == (1, 0, 0, 1.0)


def test_evaluate_quote_matches_by_containment_either_way(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "said",
        '  - {s: peskov, p: said, quote: "Ce n\'est pas exclu"}\n'
        '  - {s: peskov, p: said, quote: "Pourquoi devrions-nous nous impliquer"}\n'
        '  - {s: peskov, p: said, quote: "Derrière chaque réunion, il y a du travail"}\n',
    )
    predicted = extraction(
        PEOPLE,
        [
            # longer than the gold quote, typographic apostrophe and guillemets
            fact("p/peskov", "said", value="« Ce n’est pas exclu », a-t-il dit"),
            # shorter than the gold quote, no accents
            fact("p/peskov", "said", value="« devrions-nous nous impliquer »"),
            # shares words but neither contains the other
            fact("p/peskov", "said", value="Derrière chaque sommet, il y a du travail"),
        ],
    )
    result = score(gold, predicted).facts
    # tp=2 fp=1 fn=1 -> P=2/3, R=2/3, F1=2/3
    assert (result.tp, result.fp, result.fn) == (2, 1, 1)
    assert result.p == pytest.approx(2 / 3)
    assert result.r == pytest.approx(2 / 3)
    assert result.f1 == pytest.approx(2 / 3)


def test_evaluate_links_with_nil_entities(tmp_path: Path) -> None:
    gold = make_gold(tmp_path, "speaksFor", "  - {s: peskov, p: speaksFor, o: putin}\n")
    predicted = extraction(
        [
            entity("p/putin", "Poutine", "Person", "Q7747"),  # right
            entity("p/trump", "Trump", "Person", "Q6279"),  # wrong id (Biden's)
            entity("p/peskov", "Peskov"),  # NIL and unlinked: right
            entity("pl/usa", "États-Unis", "Place", "Q30"),  # right
        ]
    )
    result = score(gold, predicted)
    # Scored: putin, trump, biden, peskov, nato, usa, finland (interfax has no key).
    # The Trump entity carries Q6279, so it matches biden by id too: trump wrong,
    # biden right. nato and finland: no matching entity -> wrong.
    # right = putin, biden, peskov, usa = 4 of n=7
    assert (result.linking.right, result.linking.n) == (4, 7)
    assert result.linking.accuracy == pytest.approx(4 / 7)
    wrong = {w.entity: (w.expected, w.given) for w in result.explain.wrong_links}
    assert wrong == {
        "trump": ("Q22686", ("Q6279",)),
        "nato": ("Q7184", ()),
        "finland": ("Q33", ()),
    }
    # A NIL gold entity whose match carries an id is wrong.
    linked = extraction([entity("p/peskov", "Dmitri Peskov", "Person", "Q7747")])
    wrong_nil = {w.entity: w for w in score(gold, linked).explain.wrong_links}
    assert (wrong_nil["peskov"].expected, wrong_nil["peskov"].given) == (None, ("Q7747",))


def test_evaluate_entities_match_across_accents_and_apostrophes(tmp_path: Path) -> None:
    gold = make_gold(tmp_path, "speaksFor", "")
    predicted = extraction(
        [
            entity("o/otan", "L’OTAN", "Organization"),
            entity("pl/us", "Etats-Unis", "Place"),
            entity("p/putin", "Poutine", "Person"),
            entity("o/ue", "Union européenne", "Organization"),
            entity("e/sommet", "sommet d'Helsinki", "Event"),
        ]
    )
    result = score(gold, predicted).entities
    # Gold (8): nato, usa, putin matched; 5 missed.
    # Predicted Person/Organization/Place (4; the Event is not counted): 3 match.
    # P=3/4, R=3/8, F1=2*(3/4)(3/8)/(3/4+3/8)=1/2
    assert (result.tp, result.fp, result.fn) == (3, 1, 5)
    assert result.p == pytest.approx(0.75)
    assert result.r == pytest.approx(0.375)
    assert result.f1 == pytest.approx(0.5)


def test_evaluate_prediction_outside_predicates_is_not_counted(tmp_path: Path) -> None:
    gold = make_gold(tmp_path, "speaksFor", "  - {s: peskov, p: speaksFor, o: putin}\n")
    inside = fact("p/peskov", "speaksFor", "p/putin")
    outside = fact("p/peskov", "criticized", "o/interfax")
    result = score(gold, extraction(PEOPLE, [inside, outside]))
    # criticized is not in predicates: tp=1 fp=0 fn=0 -> P=R=F1=1
    assert (result.facts.tp, result.facts.fp, result.facts.fn) == (1, 0, 0)
    assert result.facts.p == 1.0
    assert list(result.by_predicate) == ["speaksFor"]
    assert result.explain.spurious == ()
    # The same wrong fact under a listed predicate costs precision: P=1/2.
    spurious = fact("p/peskov", "speaksFor", "o/interfax")
    assert score(gold, extraction(PEOPLE, [inside, spurious])).facts.p == pytest.approx(0.5)


def test_evaluate_year_qualifier_matches_any_date_in_that_year(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "metWith, contacted",
        "  - {s: trump, p: metWith, o: putin, place: finland, time: '2018'}\n"
        "  - {s: putin, p: contacted, o: trump, modality: possible}\n"
        "  - {s: trump, p: contacted, o: putin}\n",
    )
    finland = entity("pl/fi", "Finlande", "Place", "Q33")
    predicted = extraction(
        [*PEOPLE, finland],
        [
            fact("p/trump", "metWith", "p/putin", place="pl/fi", time="2018-07-16"),
            fact("p/putin", "contacted", "p/trump", modality=Modality.PLANNED),
            fact("p/trump", "contacted", "p/putin", modality=Modality.PLANNED, time="2019"),
        ],
    )
    result = score(gold, predicted)
    assert result.facts.tp == 3
    # Judged: place (right), time 2018 vs 2018-07-16 (right), modality possible
    # vs planned (wrong). The third gold fact carries no qualifier, so its
    # planned modality and time are not judged: right=2, n=3.
    assert (result.qualifiers.right, result.qualifiers.n) == (2, 3)
    assert [(m.qualifier, m.expected, m.given) for m in result.explain.qualifier_misses] == [
        ("modality", "possible", "planned")
    ]
    other_year = [fact("p/trump", "metWith", "p/putin", place="pl/fi", time="2019-07-16")]
    assert score(gold, extraction([*PEOPLE, finland], other_year)).qualifiers.right == 1


def test_evaluate_facts_are_paired_one_to_one_at_best(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "metWith",
        "  - {s: trump, p: metWith, o: putin}\n  - {s: trump, p: metWith, o: biden}\n",
    )
    # "Joe Biden" wrongly linked to Putin's id matches both putin and biden.
    both = entity("p/x", "Joe Biden", "Person", "Q7747")
    putin = entity("p/putin", "Vladimir Poutine")
    again = entity("p/putin2", "Poutine")
    trump = entity("p/trump", "Donald Trump")
    first = fact("p/trump", "metWith", "p/x")  # matches both gold facts
    second = fact("p/trump", "metWith", "p/putin")  # matches the first only
    duplicate = fact("p/putin2", "metWith", "p/trump")  # another edge, to the first too
    result = score(gold, extraction([both, putin, again, trump], [first, second, duplicate])).facts
    # Best pairing: putin<-second, biden<-first; duplicate is left over.
    # tp=2 fp=1 fn=0 -> P=2/3, R=1, F1=0.8
    assert (result.tp, result.fp, result.fn) == (2, 1, 0)
    assert result.f1 == pytest.approx(0.8)


def test_evaluate_holds_position_value_and_of(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "holdsPosition",
        "  - {s: trump, p: holdsPosition, value: président élu, of: usa}\n",
    )
    usa = entity("pl/usa", "Etats-Unis", "Place", "Q30")
    predicted = [fact("p/trump", "holdsPosition", value="président", of="pl/usa")]
    result = score(gold, extraction([*PEOPLE, usa], predicted))
    # "président" is contained in "président élu": tp=1; of agrees: 1/1.
    assert result.facts.tp == 1
    assert (result.qualifiers.right, result.qualifiers.n) == (1, 1)


def test_evaluate_empty_scores_are_zero_not_errors(tmp_path: Path) -> None:
    gold = make_gold(tmp_path, "", "", entities="")
    result = combine([score(gold, extraction([]))])
    data = result.to_dict()
    assert data["entities"] == {
        "p": 0.0,
        "r": 0.0,
        "f1": 0.0,
        "tp": 0,
        "correct": 0,
        "fp": 0,
        "fn": 0,
    }
    assert data["linking"] == {"accuracy": 0.0, "n": 0}
    assert data["qualifiers"] == {"accuracy": 0.0, "n": 0}
    assert data["facts"]["by_predicate"] == {}
    assert combine([]).to_dict()["files"] == 0


def test_evaluate_combine_micro_averages(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one = make_gold(tmp_path / "one", "speaksFor", "  - {s: peskov, p: speaksFor, o: putin}\n")
    two = make_gold(
        tmp_path / "two",
        "metWith",
        "  - {s: trump, p: metWith, o: putin}\n"
        "  - {s: trump, p: metWith, o: biden}\n"
        "  - {s: putin, p: metWith, o: biden}\n",
    )
    a = score(one, extraction(PEOPLE, [fact("p/peskov", "speaksFor", "p/putin")]))
    b = score(two, extraction(PEOPLE, [fact("p/trump", "metWith", "p/putin")]))
    report = combine([a, b])
    # tp=1+1, fp=0, fn=0+2 -> P=1, R=2/4, F1=2/3 (a macro average of R would be 2/3)
    assert (report.facts.tp, report.facts.fp, report.facts.fn) == (2, 0, 2)
    assert report.facts.r == pytest.approx(0.5)
    assert report.facts.f1 == pytest.approx(2 / 3)
    assert list(report.by_predicate) == [
        "metWith",
        "speaksFor",
    ]  # in the order of kg.gold.PREDICATES (sorted)
    assert report.by_predicate["metWith"].r == pytest.approx(1 / 3)


def test_evaluate_json_has_exactly_the_documented_shape(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "speaksFor, said",
        "  - {s: peskov, p: speaksFor, o: putin}\n"
        "  - {s: peskov, p: said, quote: oui, source: interfax}\n",
    )
    predicted = [
        fact("p/peskov", "speaksFor", "p/putin"),
        fact("p/peskov", "said", value="non", sentence="« Non », a dit Peskov."),
    ]
    report = combine([score(gold, extraction(PEOPLE, predicted))])
    data = json.loads(report.to_json())
    counts = {"p", "r", "f1", "tp", "correct", "fp", "fn"}
    assert set(data) == {"files", "entities", "linking", "facts", "qualifiers"}
    assert data["files"] == 1
    assert set(data["entities"]) == counts
    assert set(data["linking"]) == {"accuracy", "n"}
    assert set(data["facts"]) == counts | {"by_predicate"}
    assert set(data["facts"]["by_predicate"]) == {"speaksFor", "said"}
    assert all(set(v) == counts for v in data["facts"]["by_predicate"].values())
    assert set(data["qualifiers"]) == {"accuracy", "n"}
    # speaksFor matched, said spurious and missed: tp=1 fp=1 fn=1
    assert data["facts"] == {
        "p": 0.5,
        "r": 0.5,
        "f1": 0.5,
        "tp": 1,
        "correct": 1,
        "fp": 1,
        "fn": 1,
        "by_predicate": {
            "speaksFor": {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "correct": 1, "fp": 0, "fn": 0},
            "said": {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "correct": 0, "fp": 1, "fn": 1},
        },
    }
    assert data == report.to_dict()
    spurious = report.files[0].explain.spurious
    assert [(s.text, s.sentence) for s in spurious] == [
        ("Dmitri Peskov said \u201cnon\u201d", "« Non », a dit Peskov.")
    ]
    assert [m.text for m in report.files[0].explain.missed] == [
        "peskov said \u201coui\u201d [source=interfax]"
    ]


def test_evaluate_same_fact_in_several_sentences_counts_once(tmp_path: Path) -> None:
    gold = make_gold(
        tmp_path,
        "metWith, said",
        "  - {s: trump, p: metWith, o: putin, place: finland, time: '2018'}\n"
        "  - {s: peskov, p: said, quote: Ce n'est pas exclu}\n",
    )
    finland = entity("pl/fi", "Finlande", "Place", "Q33")
    predicted = [
        fact("p/trump", "metWith", "p/putin", sentence="Trump a vu Poutine."),
        fact("p/putin", "metWith", "p/trump", place="pl/fi", sentence="Ils se sont vus."),
        fact("p/trump", "metWith", "p/putin", time="2018-07-16", sentence="En 2018 aussi."),
        fact("p/peskov", "said", value="ce n’est pas exclu", sentence="Une."),
        fact("p/peskov", "said", value="Ce n'est pas exclu", sentence="Deux."),
        fact("p/peskov", "said", value="Tout autre chose", sentence="Trois."),
    ]
    result = score(gold, extraction([*PEOPLE, finland], predicted))
    # Three metWith statements are one edge; two of the quotes are one edge:
    # edges metWith, said, said -> correct=2 fp=1; gold tp=2 fn=0
    assert (result.facts.tp, result.facts.correct, result.facts.fp) == (2, 2, 1)
    assert result.facts.p == pytest.approx(2 / 3)
    # place agrees in the second statement, time in the third: 2/2
    assert (result.qualifiers.right, result.qualifiers.n) == (2, 2)
    assert [s.text for s in result.explain.spurious] == ["Dmitri Peskov said “Tout autre chose”"]


def test_evaluate_symmetry_comes_from_the_frames(tmp_path: Path) -> None:
    gold = make_gold(tmp_path, "contacted", "  - {s: trump, p: contacted, o: putin}\n")
    reversed_ = extraction(PEOPLE, [fact("p/putin", "contacted", "p/trump")])
    # frames.yaml declares meet.v1 symmetric, not contact.v1
    assert symmetric_predicates("fr") == frozenset({"metWith"})
    assert score(gold, reversed_).facts.tp == 0
    # a predicate declared symmetric matches either way round
    declared = score(gold, reversed_, symmetric=frozenset({"contacted"})).facts
    assert (declared.tp, declared.fp) == (1, 0)
