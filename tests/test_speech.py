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
        (
            "Paul Girard espère que le chantier sera terminé en mai.",
            "le chantier sera terminé en mai",
        ),
        ("Paul Girard a laissé prévoir qu'il partirait.", "il partirait"),
        # what stands before "que" is the verb's
        (
            "Le ministre Paul Girard a prévenu, au lendemain du vote des élus, que trois "
            "hôpitaux fermeraient.",
            "trois hôpitaux fermeraient",
        ),
        # a stance verb under negation says its clause
        ("Paul Girard n'exclut pas que ces documents soient faux.", "ces documents soient faux"),
        (
            "Paul Girard s'est réjoui de la réouverture du musée.",
            "la réouverture du musée",
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
        ("Amélie Durand a fait connaître sa « surprise ».", "sa « surprise »"),
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
        # the voice between the verb and its clause, the name after a role
        "La CGT a fait savoir, par la voix de Paul Girard, que la grève continuerait.",
        (
            "La CGT a fait savoir, par la voix de l'ancien ministre Paul Girard, "
            "chef de la délégation, que les salariés refusaient le plan."
        ),
        (
            "La Commission européenne a fait savoir, par la voix de son porte-parole "
            "Paul Girard, que la réforme serait votée."
        ),
    ],
)
def test_speech_by_the_voice_of_speaks_for_the_subject(nlp, text: str) -> None:
    facts = facts_of(text)
    voice = [(f.subject, f.object) for f in facts if f.predicate == "speaksFor"]
    speakers = [f.subject for f in facts if f.predicate == "said"]
    assert voice == [("person/paul-girard", speakers[0])]
    assert speakers[0].startswith("organization/")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anne Roux a affirmé, dans un communiqué publié lundi, que le vote aurait lieu en mai.",
            "le vote aurait lieu en mai",
        ),
        (
            "Anne Roux a déclaré, lors d'une conférence de presse à Lyon, "
            "que la réforme serait retirée.",
            "la réforme serait retirée",
        ),
    ],
)
def test_speech_that_clause_after_an_aside(nlp, text: str, expected: str) -> None:
    assert said(facts_of(text)) == [("anne-roux", expected)]


@pytest.mark.parametrize(
    "text",
    [
        # a finite verb in the aside: the "que" clause is another one's
        "Anne Roux a parlé, puis Paul Girard est parti, que la route soit ouverte ou non.",
        "Anne Roux a parlé, par la voix de Paul Girard, et les élus que la police a reçus ont ri.",
    ],
)
def test_speech_no_clause_across_an_aside_with_a_verb(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard est arrivé. Ceux-ci ont fait savoir que la grève continuerait.",
        "Paul Girard est arrivé. Ils ont déclaré que la grève continuerait.",
        (
            "Paul Girard est arrivé. Il y a eu un long silence dans la salle, "
            "mais ceux-ci ont aussitôt fait savoir qu'ils partiraient."
        ),
    ],
)
def test_speech_plural_pronoun_is_not_the_last_person(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


def test_speech_singular_pronoun_is_the_last_person(nlp) -> None:
    text = "Paul Girard est arrivé. Il a déclaré que la grève continuerait."
    assert said(facts_of(text)) == [("paul-girard", "la grève continuerait")]


def test_speech_voice_without_a_statement_gives_nothing(nlp) -> None:
    text = "Le syndicat Force ouvrière a perdu sa voix au conseil de Paul Girard."
    assert [f for f in facts_of(text) if f.predicate == "speaksFor"] == []


def test_speech_participle_hung_on_a_noun_keeps_the_clause_speaker(nlp) -> None:
    text = (
        "L'Union démocratique a fait connaître sa « colère » après ce vote, "
        "soulignant que « le parti quittera la coalition »."
    )
    assert said(facts_of(text)) == [
        ("union-democratique", "sa « colère »"),
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
    text = "Les autorités canadiennes ont fait savoir qu'elles fermaient la frontière."
    assert said(facts_of(text)) == [("canada", "elles fermaient la frontière")]
    # an authority noun without a demonym names nobody
    assert said(facts_of("Les autorités ont fait savoir qu'elles fermaient la frontière.")) == []


def test_speech_quoted_words_inside_a_clause_stay_in_it(nlp) -> None:
    text = (
        "Paul Girard a jugé que « l'ancien stade » était vétuste alors que « le nouveau » "
        "serait prêt."
    )
    assert said(facts_of(text)) == [
        ("paul-girard", "« l'ancien stade » était vétuste alors que « le nouveau » serait prêt")
    ]
    text = (
        "Paul Girard a précisé que le juge, « faute de preuves », avait renvoyé "
        "« le dossier au parquet »."
    )
    assert said(facts_of(text)) == [
        ("paul-girard", "le juge, « faute de preuves », avait renvoyé « le dossier au parquet »")
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
        "Une syndicaliste, Anne Roux, s'était dite « choquée », alors que le sénateur UDI "
        "Paul Girard, rapporteur du texte, annonçait pour sa part la création d'une commission."
    )
    assert said(facts_of(text)) == [
        ("anne-roux", "choquée"),
        ("paul-girard", "la création d'une commission"),
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


def _hand_built(words, heads, deps, pos, morphs):
    """A Doc with a parse written by hand, for a parse the model makes only
    on some sentences."""
    from spacy.tokens import Doc

    from kg.nlp import load_pipeline

    return Doc(
        load_pipeline("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs
    )


def test_speech_subject_hung_on_a_detached_participle(nlp) -> None:
    from kg.syntax import subject_of

    # "Interrogé, Yves Martin a déclaré que ...", the name hung on the participle
    words = ["Interrogé", ",", "Yves", "Martin", ",", "a", "déclaré", "que", "tout", "va"]
    heads = [6, 0, 0, 2, 6, 6, 6, 9, 9, 6]
    deps = ["advcl", "punct", "appos", "flat:name", "punct", "aux:tense", "ROOT", "mark"]
    deps += ["nsubj", "ccomp"]
    pos = ["VERB", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB", "SCONJ", "PRON", "VERB"]
    morphs = ["VerbForm=Part", "", "", "", "", "VerbForm=Fin", "VerbForm=Part", "", "", ""]
    doc = _hand_built(words, heads, deps, pos, morphs)
    assert [t.text for t in subject_of(doc[6])] == ["Yves"]
    # no name apposed to the participle: no subject
    pos[2] = "NOUN"
    doc = _hand_built(words, heads, deps, pos, morphs)
    assert subject_of(doc[6]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le gouvernement suisse a fait savoir que ce rapport était le travail d'experts "
            "privés.",
            [("suisse", "ce rapport était le travail d'experts privés")],
        ),
        (
            "Anne Roux a fait savoir que la faute était celle des banques.",
            [("anne-roux", "la faute était celle des banques")],
        ),
    ],
)
def test_speech_copular_that_clause_is_said(nlp, text: str, expected: list) -> None:
    # "que X était Y" hung on "fait": a clause headed by its attribute, finite by its copula
    assert said(facts_of(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anne Roux a plaidé pour une réforme du code afin qu'il soit plus simple.",
        "Paul Girard a plaidé pour un nouveau budget pour qu'il soit voté en mai.",
    ],
)
def test_speech_purpose_clause_is_not_said(nlp, text: str) -> None:
    # "pour que", "afin que": an aim, not what was said; the complement stays
    assert [value for _, value in said(facts_of(text))] in (
        ["une réforme du code"],
        ["un nouveau budget"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anne Roux a salué le vote, estimant que « la vieille équipe » était partie tandis "
            "que « la bonne » était restée.",
            "« la vieille équipe » était partie tandis que « la bonne » était restée",
        ),
        (
            "Paul Girard a conclu son discours, jugeant que « les anciens » avaient échoué "
            "tandis que « les jeunes » avaient réussi.",
            "« les anciens » avaient échoué tandis que « les jeunes » avaient réussi",
        ),
    ],
)
def test_speech_clause_cut_at_a_conjunction_goes_on(nlp, text: str, expected: str) -> None:
    # the words quoted after "tandis que" belong to the reported clause, not a quote of their own
    assert [value for _, value in said(facts_of(text))] == [expected]


def test_speech_quote_after_a_conjunction_is_not_said(nlp) -> None:
    text = "Paul Girard a quitté la salle tandis que « les anciens » restaient assis."
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Interrogé par la radio Europe 1, le ministre Paul Girard a déclaré que la taxe "
            "serait supprimée.",
            "europe-1",
        ),
        (
            "Dans une interview au quotidien Le Figaro, Anne Roux a affirmé que la taxe serait "
            "supprimée.",
            "le-figaro",
        ),
        (
            "Interrogée sur la chaîne de télévision régionale, TV Sud, Anne Roux a défendu le "
            "projet : « Le pont sera utile ».",
            "tv-sud",
        ),
    ],
)
def test_speech_medium_of_an_interview_is_the_source(nlp, text: str, source: str) -> None:
    facts = [f for f in facts_of(text) if f.predicate == "said"]
    assert [(f.source or "").split("/")[-1] for f in facts] == [source]


@pytest.mark.parametrize(
    "text",
    [
        # no medium noun before the organisation, and "avec" names a partner
        "Après un entretien avec l'OTAN, Paul Girard a affirmé que la taxe serait supprimée.",
        # a person or a place is no medium
        "Interrogé à Lyon par le juge Marc Petit, Paul Girard a affirmé que tout était réglé.",
        # the organisation comes after the next verb
        "Interrogé, Paul Girard a affirmé que la radio Europe 1 mentait.",
    ],
)
def test_speech_interview_without_a_medium_gives_no_source(nlp, text: str) -> None:
    facts = [f for f in facts_of(text) if f.predicate == "said"]
    assert facts and all(f.source is None for f in facts)


def test_speech_detached_participle_after_a_line_break(nlp) -> None:
    from kg.syntax import subject_of

    # "\nInterrogé, Yves Martin a déclaré que ...": after a line break the
    # parser labels the participle "dep"
    words = ["Interrogé", ",", "Yves", "Martin", ",", "a", "déclaré", "que", "tout", "va"]
    heads = [6, 0, 0, 2, 6, 6, 6, 9, 9, 6]
    deps = ["dep", "punct", "appos", "flat:name", "punct", "aux:tense", "ROOT", "mark"]
    deps += ["nsubj", "ccomp"]
    pos = ["VERB", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB", "SCONJ", "PRON", "VERB"]
    morphs = ["VerbForm=Part", "", "", "", "", "VerbForm=Fin", "VerbForm=Part", "", "", ""]
    doc = _hand_built(words, heads, deps, pos, morphs)
    assert [t.text for t in subject_of(doc[6])] == ["Yves"]
    # a finite verb in that place is no detached participle
    morphs[0] = "VerbForm=Fin"
    doc = _hand_built(words, heads, deps, pos, morphs)
    assert subject_of(doc[6]) == []


def _contrast_clause(second_dep: str, joined: bool = True):
    """ "X a estimé que A était parti tandis que B était resté", with the
    clause after "tandis que" hung on the speech verb; not ``joined``: ", et"
    in place of "tandis que"."""
    words = ["X", "a", "estimé", "que", "A", "était", "parti", "tandis", "que"]
    words += ["B", "était", "resté", "."]
    heads = [2, 2, 2, 6, 6, 6, 2, 6, 7, 11, 11, 2, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "mark", "nsubj", "aux:tense", "ccomp", "advmod"]
    deps += ["fixed", "nsubj", "aux:tense", second_dep, "punct"]
    pos = ["PROPN", "AUX", "VERB", "SCONJ", "PROPN", "AUX", "VERB", "ADV", "SCONJ"]
    pos += ["PROPN", "AUX", "VERB", "PUNCT"]
    if not joined:
        words[7:9], heads[7:9], deps[7:9], pos[7:9] = (
            [",", "et"],
            [6, 11],
            ["punct", "cc"],
            [
                "PUNCT",
                "CCONJ",
            ],
        )
    morphs = ["", "VerbForm=Fin", "VerbForm=Part", "", "", "VerbForm=Fin", "VerbForm=Part"]
    morphs += ["", "", "", "VerbForm=Fin", "VerbForm=Part", ""]
    return _hand_built(words, heads, deps, pos, morphs)


@pytest.mark.parametrize("dep", ["ccomp", "advcl"])
def test_speech_clause_tail_after_a_conjunction(nlp, dep: str) -> None:
    from kg.speech import clause_tail

    doc = _contrast_clause(dep)
    assert [t.text for t in clause_tail(doc[2], doc[6])] == ["resté"]


def test_speech_clause_tail_needs_a_conjunction_at_the_end(nlp) -> None:
    from kg.speech import clause_tail

    # "que A était parti, et B était resté": the first clause is whole
    doc = _contrast_clause("ccomp", joined=False)
    assert clause_tail(doc[2], doc[6]) == []


def test_speech_quote_after_a_compound_conjunction_has_no_speech_verb(nlp) -> None:
    from kg.polarity import load_cues
    from kg.quote_marks import Quote, quote_speech_verb

    # 'X a estimé que A était parti tandis que " B " était resté'
    words = ["X", "a", "estimé", "que", "A", "était", "parti", "tandis", "que", '"', "B", '"']
    words += ["était", "resté"]
    heads = [2, 2, 2, 6, 6, 6, 2, 6, 7, 13, 13, 13, 13, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "mark", "nsubj", "aux:tense", "ccomp", "advmod"]
    deps += ["fixed", "punct", "nsubj", "punct", "aux:tense", "ccomp"]
    pos = ["PROPN", "AUX", "VERB", "SCONJ", "PROPN", "AUX", "VERB", "ADV", "SCONJ", "PUNCT"]
    pos += ["PROPN", "PUNCT", "AUX", "VERB"]
    morphs = ["", "VerbForm=Fin", "VerbForm=Part", "", "", "VerbForm=Fin", "VerbForm=Part"]
    morphs += ["", "", "", "", "", "VerbForm=Fin", "VerbForm=Part"]
    doc = _hand_built(words, heads, deps, pos, morphs)
    for t in doc:
        t.lemma_ = {"estimé": "estimer", "était": "être"}.get(t.text, t.text.lower())
    cues = load_cues("fr")
    assert quote_speech_verb(doc, Quote(10, 11, 11), cues) is None
    # the same quote after the "que" of the speech verb is spoken by it
    doc[8].dep_ = "mark"
    assert quote_speech_verb(doc, Quote(10, 11, 11), cues) == doc[2]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Le ministre japonais des Affaires étrangères a déclaré que la visite était annulée.",
            "japon",
        ),
        ("Un porte-parole du ministère chinois a affirmé que la visite était annulée.", "chine"),
        # "selon X" ending the sentence, whatever word the parser hung it on
        (
            "Le retrait des troupes sera terminé avant la fin de la semaine selon le ministre "
            "de la Défense syrien.",
            "syrie",
        ),
    ],
)
def test_speech_unnamed_official_speaks_for_the_country(nlp, text: str, speaker: str) -> None:
    assert [who for who, _ in said(facts_of(text))] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a role named with a person stays that person's
        (
            "Le ministre japonais des Affaires étrangères, Taro Aso, est arrivé hier. Le "
            "ministre japonais a déclaré que la visite était annulée.",
            "taro-aso",
        ),
        ("Le président syrien Omar Saleh a déclaré que la visite était annulée.", "omar-saleh"),
        (
            "Le ministre japonais de la Santé Kenji Sato a déclaré que la visite était annulée.",
            "kenji-sato",
        ),
    ],
)
def test_speech_official_named_with_a_person_is_the_person(nlp, text: str, speaker: str) -> None:
    assert [who for who, _ in said(facts_of(text))] == [speaker]


def test_speech_official_without_a_country_names_nobody(nlp) -> None:
    text = "Le ministre des Affaires étrangères a déclaré que la visite était annulée."
    assert said(facts_of(text)) == []


def test_speech_report_verb_says_a_clause_where_nobody_speaks(nlp) -> None:
    text = "L'agence Reuters a rapporté que les rebelles tueraient les otages."
    assert said(facts_of(text)) == [("reuters", "les rebelles tueraient les otages")]
    # someone speaks inside the clause: the agency is only the source
    text = (
        "L'agence Reuters a rapporté que le ministre Paul Girard avait déclaré que les otages "
        "seraient libérés."
    )
    facts = [f for f in facts_of(text) if f.predicate == "said"]
    assert [(f.subject, f.source) for f in facts] == [
        ("person/paul-girard", "organization/reuters")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le député Luc Marin y voyait une « victoire du cynisme », dont l'effet sera grave.",
            [("luc-marin", "victoire du cynisme")],
        ),
        (
            "Anne Roux y voit une « menace pour la démocratie ».",
            [("anne-roux", "menace pour la démocratie")],
        ),
        # without quote marks an opinion verb says nothing; nor does seeing
        ("Anne Roux y voit une menace pour la démocratie.", []),
        ("Paul Girard y voyait clair.", []),
        ("Paul Girard y a vu son frère.", []),
    ],
)
def test_speech_opinion_verb_speaks_its_quoted_words(nlp, text: str, expected: list) -> None:
    assert said(facts_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Selon un porte-parole de la mairie de Lyon, la route sera fermée. Le porte-parole "
            "de la mairie de Lyon, Paul Girard, a confirmé la fermeture.",
            "paul-girard",
        ),
        (
            "Selon un envoyé de l'Union africaine, la trêve tiendra. L'envoyé de l'Union "
            "africaine, Paul Girard, est arrivé à Dakar.",
            "paul-girard",
        ),
        (
            "D'après un conseiller de la Banque mondiale, la dette sera annulée. Ce matin, le "
            "conseiller de la Banque mondiale, Marc Petit, a rencontré les ministres.",
            "marc-petit",
        ),
    ],
)
def test_speech_indefinite_role_is_the_person_named_later(nlp, text: str, speaker: str) -> None:
    assert [who for who, _ in said(facts_of(text))][:1] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # another complement later: another person
        "Selon un émissaire de l'ONU, la trêve tiendra. L'émissaire de l'Union africaine, "
        "Paul Girard, est arrivé.",
        # no complement: any diplomate
        "Selon un diplomate, la trêve tiendra. Le diplomate Paul Girard est arrivé.",
        # two people named later with the role
        "Selon un porte-parole de la mairie de Lyon, la route sera fermée. Le porte-parole "
        "de la mairie de Lyon, Paul Girard, et le porte-parole de la mairie de Lyon, Marc "
        "Petit, sont arrivés.",
    ],
)
def test_speech_indefinite_role_without_one_match_names_nobody(nlp, text: str) -> None:
    # the first sentence has no speaker; the second says nothing
    assert said(facts_of(text)) == []


def test_speech_according_to_before_a_speech_verb_says_the_clause(nlp) -> None:
    # "Selon X, Y a promis ...": X says it all, and is the source of Y's words
    facts = facts_of("Selon l'agence Reuters, Paul Girard a promis de partir.")
    assert sorted((f.subject, f.value, f.source) for f in facts if f.predicate == "said") == [
        ("organization/reuters", "Paul Girard a promis de partir", None),
        ("person/paul-girard", "partir", "organization/reuters"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quoted words opening on the verb of a subject before them
        (
            "Le maire Paul Girard « regrette profondément cette décision ».",
            [("paul-girard", "regrette profondément cette décision")],
        ),
        # a coordinated verb shares the subject
        (
            "Anne Roux a publié un texte dans lequel elle « présente ses excuses » et « promet "
            "une enquête ».",
            [("anne-roux", "présente ses excuses"), ("anne-roux", "promet une enquête")],
        ),
    ],
)
def test_speech_quote_opening_on_the_verb_of_a_subject(nlp, text: str, expected: list) -> None:
    assert said(facts_of(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one quoted word: a scare quote
        "Le maire Paul Girard « oublie » ses promesses.",
        # the verb does not open the quote
        "Le maire Paul Girard a trouvé « une ville endormie et triste ».",
    ],
)
def test_speech_quote_not_opening_on_a_verb_gives_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


def test_speech_quote_on_a_verb_inside_reported_speech_stays_in_it(nlp) -> None:
    text = "Anne Roux a demandé que le gouvernement suisse « ouvre les archives aux chercheurs »."
    assert said(facts_of(text)) == [
        ("anne-roux", "le gouvernement suisse « ouvre les archives aux chercheurs »")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("La direction de Renault a fait savoir que l'usine resterait ouverte.", "renault"),
        (
            "La direction de Renault a publié un communiqué. Elle a annoncé que l'usine "
            "resterait ouverte.",
            "renault",
        ),
    ],
)
def test_speech_management_of_an_organisation_speaks_for_it(nlp, text: str, speaker: str) -> None:
    assert [who for who, _ in said(facts_of(text))] == [speaker]


def test_speech_management_of_a_person_names_nobody(nlp) -> None:
    # "direction" of a person or a place is no organisation speaking
    text = "La direction de Paris a fait savoir que la route resterait ouverte."
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Le mouvement Hamas a gagné les élections. Ce mouvement a annoncé qu'il formerait "
            "un gouvernement.",
            "mouvement-hamas",
        ),
        (
            "La chaîne de télévision française TV Sud a diffusé un sketch. La chaîne a fait "
            "savoir qu'elle regrettait la séquence.",
            "tv-sud",
        ),
        (
            "L'agence de presse Interfax a publié une dépêche. L'agence a précisé que le texte "
            "était authentique.",
            "interfax",
        ),
    ],
)
def test_speech_kind_noun_stands_for_the_organisation_named_with_it(
    nlp, text: str, speaker: str
) -> None:
    assert [who for who, _ in said(facts_of(text))] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # two newspapers named before
        "Le journal Le Soir et le journal La Voix ont publié la photo. Le journal a affirmé "
        "que la photo était vraie.",
        # a complement is not the newspaper's name
        "Un journal de Lyon a publié la photo. Le journal a affirmé que la photo était vraie.",
        # nothing named before
        "La chaîne a fait savoir qu'elle regrettait la séquence.",
        # an indefinite noun is another one
        "La chaîne TV Sud a diffusé un sketch. Une chaîne a fait savoir qu'elle le regrettait.",
    ],
)
def test_speech_kind_noun_without_one_organisation_names_nobody(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


def test_speech_que_clause_of_a_participle_is_not_the_verb_before(nlp) -> None:
    # "ajoutant que X était Y": the clause is the participle's, the noun the first verb's
    text = "Paul Girard a fait connaître son refus, ajoutant que ce projet était une erreur."
    assert said(facts_of(text)) == [
        ("paul-girard", "son refus"),
        ("paul-girard", "ce projet était une erreur"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Le gouvernement du Japon a fait savoir que le manuel serait retiré.", "japon"),
        ("Les autorités de la Syrie ont annoncé que le retrait était achevé.", "syrie"),
        # "du pays": the country named before
        (
            "Le Japon a protesté. Le gouvernement du pays a fait savoir que le manuel serait "
            "retiré.",
            "japon",
        ),
    ],
)
def test_speech_authority_of_a_named_country_speaks_for_it(nlp, text: str, speaker: str) -> None:
    assert [who for who, _ in said(facts_of(text))] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement de coalition a fait savoir que le manuel serait retiré.",
        # a city is no country the authorities of "du pays" could be
        "Paul Girard est arrivé à Lyon. Les autorités du pays ont annoncé que tout était calme.",
    ],
)
def test_speech_authority_without_a_country_names_nobody(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Paul Girard a déclaré à l'AFP que la taxe serait supprimée.", "organization/afp"),
        ("« Nous partirons », a déclaré Paul Girard à la radio Europe 1.", "organization/europe-1"),
    ],
)
def test_speech_medium_told_is_the_source(nlp, text: str, source: str) -> None:
    assert [f.source for f in facts_of(text) if f.predicate == "said"] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a déclaré à ses proches que la taxe serait supprimée.",
        # an organisation that is no medium
        "Paul Girard a déclaré à l'OTAN que la taxe serait supprimée.",
    ],
)
def test_speech_told_to_no_medium_gives_no_source(nlp, text: str) -> None:
    facts = [f for f in facts_of(text) if f.predicate == "said"]
    assert facts and all(f.source is None for f in facts)


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            "Des pluies ont frappé plusieurs villes au Japon. Les autorités nationales "
            "affirment avoir déployé des renforts dans la capitale.",
            "japon",
            "avoir déployé des renforts dans la capitale",
        ),
        (
            "La police a arrêté trois hommes en Bolivie hier. Selon les autorités "
            "nationales, les suspects seront jugés en mai.",
            "bolivie",
            "les suspects seront jugés en mai",
        ),
        (
            "Des combats ont éclaté au Nigeria. Le gouvernement fédéral a déclaré que "
            "l'ordre serait rétabli.",
            "nigeria",
            "l'ordre serait rétabli",
        ),
    ],
)
def test_speech_national_authorities_speak_for_the_country_of_the_scene(
    nlp, text: str, speaker: str, expected: str
) -> None:
    assert said(facts_of(text)) == [(speaker, expected)]


@pytest.mark.parametrize(
    "text",
    [
        # no country named as a place before
        "Les autorités nationales affirment avoir déployé des renforts dans la capitale.",
        "Des pluies ont frappé le Japon. Les autorités nationales affirment avoir agi.",
        # two countries: which one is unknown
        "Des heurts ont eu lieu en Bolivie et au Pérou. Les autorités nationales ont "
        "déclaré que la loi serait retirée.",
        # local authorities are no country's
        "Des pluies ont frappé plusieurs villes au Japon. Les autorités locales affirment "
        "avoir déployé des renforts.",
    ],
)
def test_speech_national_authorities_without_one_scene_country_say_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            "Après le vote de mardi, la présidente du Sénat, Anne Roux, invoquant le "
            "règlement intérieur de l'assemblée, a suspendu la séance.",
            "anne-roux",
            "le règlement intérieur de l'assemblée",
        ),
        ("Invoquant l'urgence, Paul Girard a signé le décret.", "paul-girard", "l'urgence"),
        (
            "Amélie Durand, qui invoque la loi de 1905, refuse de payer.",
            "amelie-durand",
            "la loi de 1905",
        ),
    ],
)
def test_speech_what_one_invokes_is_said(nlp, text: str, speaker: str, expected: str) -> None:
    assert said(facts_of(text)) == [(speaker, expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plusieurs élus ont réagi, dont son collègue de parti Paul Girard qui y voyait "
            "une « trahison », dont les effets seront durables.",
            "trahison",
        ),
        (
            "La réforme a déçu son camarade de promotion Paul Girard, qui y voyait un "
            "« signal » fort.",
            "signal",
        ),
        ("Anne Roux, qui y voit une « victoire », a remercié ses électeurs.", "victoire"),
    ],
)
def test_speech_opinion_in_a_relative_clause_is_its_antecedents(
    nlp, text: str, expected: str
) -> None:
    ((speaker, value),) = said(facts_of(text))
    assert speaker in ("paul-girard", "anne-roux") and value == expected


def test_speech_relative_clause_on_an_unnamed_noun_says_nothing(nlp) -> None:
    text = "Paul Girard a critiqué le projet. Son collègue, qui y voit une « erreur », s'est tu."
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            "Al-Manar a rapporté hier que les rebelles avaient quitté la ville.",
            "al-manar",
            "les rebelles avaient quitté la ville",
        ),
        (
            "Selon des témoins, Radio Kivu a affirmé que le pont était coupé.",
            "radio-kivu",
            "le pont était coupé",
        ),
    ],
)
def test_speech_unknown_name_that_reports_is_an_organisation_speaking(
    nlp, text: str, speaker: str, expected: str
) -> None:
    facts = facts_of(text)
    assert said(facts) == [(speaker, expected)]
    assert [f.subject for f in facts if f.predicate == "said"][0].startswith("organization/")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le maire a parlé. Radio Kivu a affirmé deux semaines plus tôt que les "
            "rebelles brûleraient le village à moins que l'armée se retire.",
            "les rebelles brûleraient le village",
        ),
        (
            "Paul Girard a annoncé deux semaines plus tard que la route serait rouverte.",
            "la route serait rouverte",
        ),
    ],
)
def test_speech_that_clause_after_a_measured_time_adverb(nlp, text: str, expected: str) -> None:
    ((_, value),) = said(facts_of(text))
    assert value.startswith(expected)


@pytest.mark.parametrize(
    "text",
    ["Paul Girard a parlé plus tôt que prévu.", "Anne Roux a répondu plus vite que son rival."],
)
def test_speech_comparison_after_a_verb_says_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard s'est posé en arbitre de la crise.", "arbitre de la crise"),
        ("Anne Roux se pose en défenseur des petits commerces.", "défenseur des petits commerces"),
    ],
)
def test_speech_how_one_presents_oneself_is_said(nlp, text: str, expected: str) -> None:
    ((_, value),) = said(facts_of(text))
    assert value == expected


@pytest.mark.parametrize(
    "text",
    ["L'avion s'est posé en urgence à Lyon.", "Paul Girard a posé le carton en haut."],
)
def test_speech_posing_a_thing_says_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les Verts ne posent comme condition à leur soutien que le départ du ministre.",
            "le départ du ministre",
        ),
        ("Paul Girard a posé comme condition le retrait du texte.", "le retrait du texte"),
    ],
)
def test_speech_a_condition_set_is_said(nlp, text: str, expected: str) -> None:
    ((_, value),) = said(facts_of(text))
    assert value == expected


@pytest.mark.parametrize(
    "text",
    ["Paul Girard a posé le livre sur la table.", "Paul Girard a posé une question au ministre."],
)
def test_speech_posing_without_a_condition_says_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        # a title after a naming verb and a colon
        "Le programme des Nations Unies publie un nouveau rapport intitulé : « Le climat en "
        "2050 ».",
        "Paul Girard a publié un livre intitulé : « La France d'après ».",
        # a passive speech verb is said by its own agent, not by the verb above
        "Le texte doit encore être voté par le Sénat espagnol pour être finalement considéré "
        "comme ratifié par l'Espagne.",
    ],
)
def test_speech_titles_and_passives_above_say_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


def test_speech_passive_speech_verb_with_its_agent_is_said(nlp) -> None:
    text = "La loi a été qualifiée d'« injuste » par Paul Girard."
    assert said(facts_of(text)) == [("paul-girard", "injuste")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a réaffirmé que la réforme serait votée.", "la réforme serait votée"),
        ("Anne Roux a déploré que le texte soit retiré.", "le texte soit retiré"),
        ("Le ministre Paul Girard a rétorqué que rien n'était décidé.", "rien n'était décidé"),
        ("Anne Roux a suggéré de reporter le vote.", "reporter le vote"),
        ("Paul Girard a avoué avoir menti.", "avoir menti"),
        (
            "Anne Roux a réitéré sa demande de libération des otages.",
            "sa demande de libération des otages",
        ),
        ("Paul Girard a clamé son innocence.", "son innocence"),
    ],
)
def test_speech_more_verbs_of_saying(nlp, text: str, expected: str) -> None:
    ((_, value),) = said(facts_of(text))
    assert value == expected


def test_speech_a_reported_thing_without_a_clause_says_nothing(nlp) -> None:
    assert said(facts_of("Anne Roux a signalé un incident à la police.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a fait part de son inquiétude.", "son inquiétude"),
        ("Anne Roux a fait part de sa volonté de démissionner.", "sa volonté de démissionner"),
    ],
)
def test_speech_making_known_states_the_complement(nlp, text: str, expected: str) -> None:
    assert said(facts_of(text)) == [(said(facts_of(text))[0][0], expected)]


@pytest.mark.parametrize(
    "text", ["Paul Girard a fait partie du gouvernement.", "Paul Girard fait son travail."]
)
def test_speech_doing_says_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La réforme sera votée en mai, a assuré Paul Girard.", "La réforme sera votée en mai"),
        ("Il faut agir vite, estime Anne Roux.", "Il faut agir vite"),
        (
            "La réforme sera votée en mai, a assuré Paul Girard à la presse.",
            "La réforme sera votée en mai",
        ),
        ("La séance est levée, a ajouté le président Paul Girard.", "La séance est levée"),
    ],
)
def test_speech_the_clause_before_an_incise_is_said(nlp, text: str, expected: str) -> None:
    facts = [f for f in facts_of(text) if f.predicate == "said"]
    assert [(f.value, f.time) for f in facts] == [(expected, None)]


@pytest.mark.parametrize(
    "text",
    [
        # a verb with a complement of its own, or with its subject before it
        "Paul Girard a parlé, Anne Roux a répondu.",
        "Paul Girard est arrivé, il a déclaré qu'il partirait demain.",
        # an incise inside the clause, whose words go on after it
        "La réforme, a assuré Paul Girard, sera votée en mai.",
    ],
)
def test_speech_no_incise_without_its_shape(nlp, text: str) -> None:
    assert [f.provenance.rule for f in facts_of(text) if f.predicate == "said"].count(
        "quote:incise.v1"
    ) == 0


def test_speech_allegations_that_report_something_say_nothing(nlp) -> None:
    text = (
        "Paul Girard a rejeté les allégations des services de renseignement faisant état "
        "d'une fraude électorale."
    )
    assert said(facts_of(text)) == []


def test_speech_according_to_a_statement_of_x_is_x(nlp) -> None:
    text = "Selon un communiqué de la CGT, la grève continuera en mai."
    assert said(facts_of(text)) == [("cgt", "la grève continuera en mai")]


@pytest.mark.parametrize(
    "text",
    [
        # a report or a study is a document, not a statement
        "D'après un rapport de l'ONU, la famine menace trois pays.",
        "Selon une étude de l'OMS, la maladie recule.",
    ],
)
def test_speech_according_to_a_document_says_nothing(nlp, text: str) -> None:
    assert said(facts_of(text)) == []
