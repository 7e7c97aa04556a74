"""Quotes, speakers and attribution on real parses of sentences written for these tests."""

from __future__ import annotations

from conftest import facts_of

from kg.ingest import article_from_text
from kg.model import Fact
from kg.nlp import parse
from kg.polarity import load_cues
from kg.quote_marks import find_quotes


def said(facts: list[Fact]) -> list[tuple[str, str]]:
    return [(f.subject.split("/")[-1], f.value or "") for f in facts if f.predicate == "said"]


def test_quotes_inverted_speech_verb_after_the_quote(nlp) -> None:
    text = "« Nous ne céderons pas », a déclaré Olaf Scholz."
    assert said(facts_of(text)) == [("olaf-scholz", "Nous ne céderons pas")]


def test_quotes_several_sentences_make_one_fact(nlp) -> None:
    text = "« Le dialogue continue. Rien n'est décidé. Nous verrons », a affirmé Olaf Scholz."
    ((speaker, value),) = said(facts_of(text))
    assert speaker == "olaf-scholz"
    assert value == "Le dialogue continue. Rien n'est décidé. Nous verrons"


def test_quotes_pronoun_speaker_takes_last_named_speaker(nlp) -> None:
    text = (
        "« Nous restons prudents », a déclaré Olaf Scholz.\n"
        "« Il faut du temps pour négocier. Avec qui parler ? dit-il."
    )
    found = said(facts_of(text))
    assert ("olaf-scholz", "Il faut du temps pour négocier. Avec qui parler ?") in found


def test_quotes_indirect_speech_is_the_clause(nlp) -> None:
    facts = facts_of("Angela Merkel a déclaré que les négociations reprendraient en mai.")
    assert said(facts) == [("angela-merkel", "les négociations reprendraient en mai")]
    assert facts[0].provenance.rule == "quote:indirect.v1"


def test_quotes_speech_verb_before_the_quote(nlp) -> None:
    found = said(facts_of("Angela Merkel a expliqué : « La porte reste ouverte. »"))
    assert found == [("angela-merkel", "La porte reste ouverte")]


def test_quotes_without_speaker_give_nothing(nlp) -> None:
    assert said(facts_of("Les manifestants scandaient « liberté » devant le palais.")) == []


def test_quotes_report_verb_makes_the_source(nlp) -> None:
    text = "L'agence Reuters a rapporté que Olaf Scholz avait rencontré Emmanuel Macron à Paris."
    meet = [f for f in facts_of(text) if f.predicate == "metWith"]
    assert meet and meet[0].source == "organization/reuters"


def test_quotes_selon_pronoun_is_the_last_speaker(nlp) -> None:
    text = (
        "« Rien n'est prêt », a déclaré Olaf Scholz.\n"
        "Selon lui, Emmanuel Macron n'a pas encore appelé Joe Biden."
    )
    facts = facts_of(text)
    call = next(f for f in facts if f.predicate == "contacted")
    assert call.source == "person/olaf-scholz"
    assert call.polarity.value == "negative"


def test_quotes_unclosed_quote_ends_at_the_line(nlp) -> None:
    parsed = next(parse([article_from_text("« Un début sans fin\nUne autre ligne.", "t1")]))
    (quote,) = find_quotes(parsed, load_cues("fr"))
    assert parsed.doc[quote.start : quote.end].text == "Un début sans fin"


def test_quotes_selon_after_the_speech_verb_is_the_source():
    facts = facts_of("« Nous resterons », a déclaré Pedro Sánchez, selon l'agence Reuters.")
    quotes = [f for f in facts if f.predicate == "said"]
    assert [(f.subject.split("/")[-1], f.source) for f in quotes] == [
        ("pedro-sanchez", "organization/reuters")
    ]


def test_quotes_speech_verb_of_the_next_sentence_is_not_the_speaker():
    text = (
        "Le rapport parle de « documents sur la surveillance des opposants ». "
        "Jean Dupont a déclaré qu'il ne les avait jamais vus."
    )
    quotes = [(f.subject.split("/")[-1], f.value) for f in facts_of(text) if f.predicate == "said"]
    assert all("surveillance" not in value for _, value in quotes)
