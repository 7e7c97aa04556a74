"""Reported speech: speech verbs from the lexicon, what they report, "selon X",
partial quotes and "par la voix de", on real parses of sentences written for
these tests. Each construction has several shapes and sentences that must
give nothing."""

from __future__ import annotations

import pytest
from conftest import facts_of

from kg.model import Fact


def said(facts: list[Fact]) -> list[tuple[str, str]]:
    return [(f.subject.split("/")[-1], f.value or "") for f in facts if f.predicate == "said"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unlemmatised forms ("estime", "indique") match the lexicon's -er verbs
        ("Le sénateur Paul Girard estime que la taxe est injuste.", "la taxe est injuste"),
        ("Amélie Durand indique que la loi sera retirée.", "la loi sera retirée"),
        # an infinitive or an attribute is what was said
        ("Paul Girard a déclaré vouloir quitter ses fonctions.", "vouloir quitter ses fonctions"),
        ("Paul Girard a promis de baisser les impôts.", "baisser les impôts"),
        ("Amélie Durand a demandé au préfet de rouvrir la route.", "rouvrir la route"),
        # a noun complement, for the verbs listed with one
        ("Paul Girard a annoncé sa démission.", "sa démission"),
        ("Amélie Durand a plaidé pour une réforme du code pénal.", "une réforme du code pénal"),
        # a "que" clause the parser hung on the complement of the verb
        (
            "Anne Roux a expliqué aux habitants des villages inondés qu'elle enverra des renforts",
            "elle enverra des renforts",
        ),
        ("Paul Girard espère que la crise se résoudra.", "la crise se résoudra"),
        ("Paul Girard a laissé prévoir qu'il partirait.", "il partirait"),
        # what stands before "que" is the verb's
        (
            "Paul Girard a déjà fait savoir, à la veille de la réunion du comité, que seuls "
            "quatre ministres seraient remplacés.",
            "seuls quatre ministres seraient remplacés",
        ),
        # a stance verb under negation says its clause
        ("Paul Girard n'exclut pas que ces documents soient faux.", "ces documents soient faux"),
        (
            "Paul Girard s'est réjoui de la prochaine victoire du parti.",
            "la prochaine victoire du parti",
        ),
        # "faire savoir": the pair of verbs is one speech verb
        ("Amélie Durand a fait savoir qu'elle se retirait.", "elle se retirait"),
    ],
)
def test_speech_verbs_report_their_content(nlp, text: str, expected: str) -> None:
    assert (said(facts_of(text))[0][1]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a dit bonjour à ses voisins.",  # a noun object of "dire" says nothing
        "Amélie Durand a annoncé à Lyon.",  # no content
        "Paul Girard est venu à Lyon pour annoncer sa démission.",  # an aim, not a statement
        "Amélie Durand n'a pas déclaré qu'elle partirait.",  # a denied statement
        "Paul Girard a rencontré Amélie Durand à Lyon.",  # no speech verb
        "Paul Girard exclut que la loi passe.",  # a stance stated, not a possibility said
        # "appeler à" says its noun complement, not an infinitive
        "Le conseil est appelé à remplacer Paul Girard.",
        # a relative "que" after the complement is no reported clause
        "Amélie Durand a déclaré aux familles des otages que la police avait libérés hier.",
    ],
)
def test_speech_gives_nothing_without_a_statement(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        ("Selon Paul Girard, la route sera rouverte.", "paul-girard", "la route sera rouverte"),
        ("D'après Amélie Durand, le budget a été voté.", "amelie-durand", "le budget a été voté"),
        ("La route sera rouverte, selon Paul Girard.", "paul-girard", "La route sera rouverte"),
    ],
)
def test_speech_according_to_says_the_clause(nlp, text: str, speaker: str, expected: str) -> None:
    assert said(facts_of(text)) == [(speaker, expected)]


def test_speech_according_to_after_a_speech_verb_is_only_the_source(nlp) -> None:
    facts = facts_of("« Nous partirons », a déclaré Paul Girard, selon l'agence Reuters.")
    assert [(f.subject, f.source) for f in facts if f.predicate == "said"] == [
        ("person/paul-girard", "organization/reuters")
    ]
    assert said(facts_of("Selon une étude, la route sera rouverte en juin.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a qualifié cette décision d'« inacceptable ».", "inacceptable"),
        ("Amélie Durand a fait connaître son « indignation ».", "son « indignation »"),
        ("Amélie Durand s'est dite « très inquiète ».", "très inquiète"),
        # the pronoun speaker is the named subject of the sentence before
        ("Paul Girard est arrivé à Lyon. Il a jugé « scandaleuse » la décision.", "scandaleuse"),
    ],
)
def test_speech_partial_quote_goes_to_the_speaker_of_its_verb(
    nlp, text: str, expected: str
) -> None:
    ((speaker, value),) = said(facts_of(text))
    assert speaker in ("paul-girard", "amelie-durand") and value == expected


def test_speech_partial_quote_under_another_verb_gives_nothing(nlp) -> None:
    # the quoted word belongs to "apporter", not to a speech verb
    text = "Paul Girard a ouvert un chantier destiné à apporter un peu de « clarté »."
    assert said(facts_of(text)) == []


def test_speech_pronoun_without_a_named_subject_before_gives_nothing(nlp) -> None:
    text = "La route a été fermée hier. Il a jugé « scandaleuse » la décision."
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le syndicat Force ouvrière, par la voix de Paul Girard, a fait savoir qu'il refusait.",
        "La Commission européenne, par la voix de Paul Girard, a annoncé qu'elle partait.",
    ],
)
def test_speech_by_the_voice_of_speaks_for_the_subject(nlp, text: str) -> None:
    facts = facts_of(text)
    voice = [(f.subject, f.object) for f in facts if f.predicate == "speaksFor"]
    speakers = [f.subject for f in facts if f.predicate == "said"]
    assert voice == [("person/paul-girard", speakers[0])]
    assert speakers[0].startswith("organization/")


def test_speech_voice_without_a_statement_gives_nothing(nlp) -> None:
    text = "Le syndicat Force ouvrière a perdu sa voix au conseil de Paul Girard."
    assert [f for f in facts_of(text) if f.predicate == "speaksFor"] == []


def test_speech_participle_hung_on_a_noun_keeps_the_clause_speaker(nlp) -> None:
    text = (
        "L'Union démocratique a fait connaître son « indignation » face à cette décision, "
        "indiquant que « le parti quittera la coalition »."
    )
    assert said(facts_of(text)) == [
        ("union-democratique", "indignation"),
        ("union-democratique", "le parti quittera la coalition"),
    ]


def test_speech_editor_brackets_stay_in_the_quote(nlp) -> None:
    text = "Paul Girard a déclaré que « [cette loi] est mauvaise »."
    assert said(facts_of(text)) == [("paul-girard", "[cette loi] est mauvaise")]


def test_speech_each_que_clause_is_said(nlp) -> None:
    text = "Anne Roux a réclamé que la Chine libère les prisonniers et que le gouvernement parte."
    assert said(facts_of(text)) == [
        ("anne-roux", "la Chine libère les prisonniers"),
        ("anne-roux", "le gouvernement parte"),
    ]
    # a coordination inside one clause stays one statement
    text = "Anne Roux a dit que la Chine et le Japon signeront."
    assert said(facts_of(text)) == [("anne-roux", "la Chine et le Japon signeront")]


def test_speech_authorities_of_a_country_speak_for_it(nlp) -> None:
    text = "Les autorités brésiliennes ont fait savoir qu'elles accordaient l'asile."
    assert said(facts_of(text)) == [("bresil", "elles accordaient l'asile")]
    # an authority noun without a demonym names nobody
    assert said(facts_of("Les autorités ont fait savoir qu'elles accordaient l'asile.")) == []


def test_speech_quoted_words_inside_a_clause_stay_in_it(nlp) -> None:
    text = (
        "Paul Girard a estimé que « le vieux parti » était mort tandis que « le nouveau » vivait."
    )
    assert said(facts_of(text)) == [
        ("paul-girard", "« le vieux parti » était mort tandis que « le nouveau » vivait")
    ]
    text = (
        "Paul Girard a indiqué que le maire, « devant la gravité des faits », "
        "avait saisi « le préfet »."
    )
    assert said(facts_of(text)) == [
        ("paul-girard", "le maire, « devant la gravité des faits », avait saisi « le préfet »")
    ]


def test_speech_inverted_clitic_takes_the_subject_before(nlp) -> None:
    text = "Paul Girard est arrivé hier. « Nous resterons ici », a-t-il ajouté."
    assert said(facts_of(text)) == [("paul-girard", "Nous resterons ici")]
    # no named subject before: the quote has no speaker
    text = "La route est fermée. « Nous resterons ici », a-t-il ajouté."
    assert said(facts_of(text)) == []
    # the source is unnamed: the group inside the quote does not say it
    text = "« Le groupe Lenoir peut encore progresser », a ajouté cette source."
    assert said(facts_of(text)) == []


def test_speech_a_person_named_in_the_subject_speaks_before_its_party(nlp) -> None:
    text = (
        "Un dirigeant, Paul Girard, s'était déclaré « scandalisé », tandis que le député UMP "
        "Anne Roux, présidente de la commission, annonçait de son côté la mise en chantier "
        "d'un amendement."
    )
    assert said(facts_of(text)) == [
        ("paul-girard", "scandalisé"),
        ("anne-roux", "la mise en chantier d'un amendement"),
    ]


def test_speech_a_quote_goes_on_over_lines_with_its_speaker(nlp) -> None:
    text = (
        "Paul Girard a défendu le projet : « Le pont sera utile.\n"
        "(...) Il reliera les deux rives.\n"
        "Nous le financerons ensemble ».\n"
        "La séance a été levée."
    )
    assert said(facts_of(text)) == [
        ("paul-girard", "Le pont sera utile"),
        ("paul-girard", "Il reliera les deux rives"),
        ("paul-girard", "Nous le financerons ensemble"),
    ]


def test_speech_an_open_quote_before_a_new_quote_does_not_go_on(nlp) -> None:
    # the next mark opens a quote: the line after is someone else's words
    text = "Paul Girard a déclaré : « Le pont sera utile.\nAnne Roux a répondu : « Nous verrons »."
    assert said(facts_of(text)) == [
        ("paul-girard", "Le pont sera utile"),
        ("anne-roux", "Nous verrons"),
    ]


def test_speech_subject_hung_on_a_detached_participle(nlp) -> None:
    text = (
        "Interrogé de son côté, Yves Martin, producteur de l'émission, s'est efforcé de "
        "relativiser la portée de la séquence, déclarant que « la caricature était maladroite »."
    )
    assert said(facts_of(text)) == [("yves-martin", "la caricature était maladroite")]
    # no name apposed to the participle: no speaker
    text = (
        "Interrogé de son côté, le producteur s'est efforcé de relativiser la portée de la "
        "séquence, déclarant que « la caricature était maladroite »."
    )
    assert said(facts_of(text)) == []
