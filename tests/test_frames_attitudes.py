"""Attitudes in their verb, support-verb, gerund and clitic shapes, contacts by letter,
events in noun form, and quotes after a colon, on real parses of sentences
written for these tests."""

from __future__ import annotations

import pytest
from conftest import facts_of


def pairs(text: str, predicate: str) -> list[tuple[str, str]]:
    return [
        (f.subject.split("/")[-1], (f.object or f.value or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate == predicate
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard s'en est pris à Anne Roux lors du débat.", ("paul-girard", "anne-roux")),
        ("L'Espagne a protesté auprès du Maroc.", ("espagne", "maroc")),
        # a gerund hung on a noun still has the clause's subject
        ("L'Espagne a répondu à cette saisie en protestant auprès du Maroc.", ("espagne", "maroc")),
        (
            "Paul Girard a répondu aux questions en critiquant Anne Roux.",
            ("paul-girard", "anne-roux"),
        ),
    ],
)
def test_attitudes_criticism_shapes(nlp, text: str, expected: tuple[str, str]) -> None:
    assert pairs(text, "criticized") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "La France a protesté hier.",  # nobody criticised
        "Paul Girard a pris en charge Anne Roux.",  # "prendre en charge" is no attack
        "Paul Girard s'en est allé à Lyon.",
    ],
)
def test_attitudes_no_criticism_without_a_target(nlp, text: str) -> None:
    assert pairs(text, "criticized") == []


def test_attitudes_reflexive_with_etre_is_not_passive(nlp) -> None:
    assert pairs("Paul Girard et Anne Roux se sont rencontrés à Lyon.", "metWith") == [
        ("paul-girard", "anne-roux")
    ]


def test_attitudes_quote_after_a_colon_is_the_subjects(nlp) -> None:
    text = "Paul Girard a défendu le projet devant les élus : « Ce pont sera utile à tous. »"
    assert pairs(text, "said") == [("paul-girard", "Ce pont sera utile à tous")]
    # no subject naming anyone: no speaker
    text = "Le projet a été défendu devant les élus : « Ce pont sera utile à tous. »"
    assert pairs(text, "said") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a reçu le soutien public d'Anne Roux.", ("anne-roux", "paul-girard")),
        (
            "Paul Girard a obtenu l'appui de l'Union démocratique.",
            ("union-democratique", "paul-girard"),
        ),
        ("Paul Girard a apporté son soutien à Anne Roux.", ("paul-girard", "anne-roux")),
    ],
)
def test_attitudes_support_received_or_given(nlp, text: str, expected: tuple[str, str]) -> None:
    assert pairs(text, "supported") == [expected]


def test_attitudes_support_received_is_no_meeting(nlp) -> None:
    # "recevoir" is a meeting verb; the support received stands for nobody
    assert pairs("Paul Girard a reçu le soutien public d'Anne Roux.", "metWith") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le maire Paul Girard en informera Anne Roux demain.", ("paul-girard", "anne-roux")),
        (
            "L'Union démocratique a saisi le Conseil constitutionnel.",
            ("union-democratique", "conseil-constitutionnel"),
        ),
    ],
)
def test_attitudes_informing_and_referring_are_contacts(
    nlp, text: str, expected: tuple[str, str]
) -> None:
    assert pairs(text, "contacted") == [expected]


def test_attitudes_a_thing_seized_is_no_contact(nlp) -> None:
    assert pairs("La police a saisi la drogue.", "contacted") == []


def test_attitudes_pronoun_passes_a_noun_of_the_other_gender(nlp) -> None:
    text = (
        "Acclamé par ses partisans, M. Girard a ouvert la convention. Une large partie de "
        "l'intervention de M. Girard a porté sur l'école. Il a ainsi fustigé la réforme "
        "de M. Lenoir."
    )
    assert pairs(text, "criticized") == [("girard", "lenoir")]
    # a masculine noun subject may be what "il" stands for: nobody is named
    text = (
        "Acclamé par ses partisans, M. Girard a ouvert la convention. Le congrès du parti a été "
        "houleux. Il a ainsi fustigé la réforme de M. Lenoir."
    )
    assert pairs(text, "criticized") == []


def test_events_in_noun_form_take_the_clause_subject_and_place(nlp) -> None:
    text = "En visite à Rome, Emmanuel Macron a salué le travail des pompiers."
    assert pairs(text, "visited") == [("emmanuel-macron", "rome")]
    text = "La rencontre entre Emmanuel Macron et Olaf Scholz a eu lieu à l'Élysée."
    (met,) = [f for f in facts_of(text) if f.predicate == "metWith"]
    assert met.place == "place/elysee"
    # a trip with no place visited gives nothing
    assert pairs("En voyage, Emmanuel Macron a lu un livre.", "visited") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marc Petit a démenti les accusations de la CGT.", ("cgt", "marc-petit")),
        (
            "Anne Roux a rejeté les accusations de Paul Girard sur sa gestion.",
            ("paul-girard", "anne-roux"),
        ),
        ("Le Maroc a réfuté les allégations de l'Espagne.", ("espagne", "maroc")),
        # an acronym before its name in brackets is the organisation
        (
            "Marc Petit a démenti les accusations de l'ANB (Agence nationale des barrages).",
            ("agence-nationale-des-barrages", "marc-petit"),
        ),
    ],
)
def test_attitudes_who_denies_an_accusation_is_accused(nlp, text: str, expected) -> None:
    assert pairs(text, "accused") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Marc Petit a démenti les accusations.",  # nobody accuses
        "Marc Petit a démenti les accusations portées contre la CGT.",  # accuser unnamed
        "Marc Petit a relayé les accusations de la CGT.",  # relaying is no denial
    ],
)
def test_attitudes_no_accused_without_accuser_or_denial(nlp, text: str) -> None:
    assert pairs(text, "accused") == []


def polar(text: str, predicate: str) -> list[tuple[str, str, str]]:
    return [
        (f.subject.split("/")[-1], (f.object or "").split("/")[-1], f.polarity.value)
        for f in facts_of(text)
        if f.predicate == predicate
    ]


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Paul Girard a annulé sa visite au Maroc.", "visited", ("paul-girard", "maroc")),
        ("La CGT a retiré son soutien à Anne Roux.", "supported", ("cgt", "anne-roux")),
        (
            "Paul Girard a suspendu son soutien à Anne Roux.",
            "supported",
            ("paul-girard", "anne-roux"),
        ),
        (
            "Paul Girard a annulé sa rencontre avec Anne Roux.",
            "metWith",
            ("paul-girard", "anne-roux"),
        ),
        # the event's own subject, not the one who calls it off
        ("Paul Girard a annulé la visite d'Anne Roux au Maroc.", "visited", ("anne-roux", "maroc")),
    ],
)
def test_attitudes_an_event_called_off_is_negative(nlp, text: str, predicate, expected) -> None:
    assert polar(text, predicate) == [(*expected, "negative")]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a retiré ses troupes du Maroc.",  # no event noun
        "Paul Girard a annulé le sommet de Rome.",  # nobody met anyone
        "Paul Girard a retiré sa plainte et a rencontré Anne Roux.",  # the meeting stands
    ],
)
def test_attitudes_calling_off_gives_no_negative_fact_without_its_event(nlp, text: str) -> None:
    assert [f for f in facts_of(text) if f.polarity.value == "negative"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a critiqué le journal Le Monde.", ("paul-girard", "le-monde")),
        ("Paul Girard a critiqué le quotidien Libération.", ("paul-girard", "liberation")),
        ("Anne Roux a dénoncé la chaîne TF1.", ("anne-roux", "tf1")),
    ],
)
def test_attitudes_the_name_after_a_kind_noun_is_the_object(nlp, text: str, expected) -> None:
    assert pairs(text, "criticized") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a critiqué le projet Orion.",  # a name of nothing known
        "Paul Girard a lu le journal Le Monde.",  # no attitude
    ],
)
def test_attitudes_a_kind_noun_without_a_known_name_gives_nothing(nlp, text: str) -> None:
    assert pairs(text, "criticized") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard est arrivé à Rome dimanche.", ("paul-girard", "rome")),
        # "être" read as a tense auxiliary: "est arrivé" is no passive
        (
            "Paul Girard est arrivé hier en Chine pour une visite de trois jours.",
            ("paul-girard", "chine"),
        ),
        (
            "Paul Girard a annoncé sa démission en arrivant au Sénat.",
            ("paul-girard", "senat"),
        ),
    ],
)
def test_attitudes_who_arrives_somewhere_visits_it(nlp, text: str, expected) -> None:
    assert pairs(text, "visited") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard est arrivé à un accord avec Anne Roux.",  # no place
        "Paul Girard est arrivé en tête à Lyon.",
        "Le colis de Paul Girard est arrivé à Lyon.",  # a thing arrives, not the person
    ],
)
def test_attitudes_arriving_without_a_place_or_a_traveller_gives_no_visit(nlp, text: str) -> None:
    assert pairs(text, "visited") == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Paul Girard a pris la défense d'Anne Roux.", "defended", ("paul-girard", "anne-roux")),
        ("Paul Girard s'est porté à la défense de la CGT.", "defended", ("paul-girard", "cgt")),
        ("Paul Girard a rendu visite à Anne Roux à Lyon.", "metWith", ("paul-girard", "anne-roux")),
        ("La CGT a porté plainte contre Paul Girard.", "accused", ("cgt", "paul-girard")),
        ("Anne Roux a déposé une plainte contre la CGT.", "accused", ("anne-roux", "cgt")),
    ],
)
def test_attitudes_support_verb_shapes(nlp, text: str, predicate: str, expected) -> None:
    assert pairs(text, predicate) == [expected]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Paul Girard a pris la parole devant Anne Roux.", "defended"),  # no "défense"
        ("Paul Girard a rendu hommage à Anne Roux.", "metWith"),  # no "visite"
        ("La CGT a porté plainte à Lyon.", "accused"),  # nobody accused
    ],
)
def test_attitudes_support_verb_without_its_noun_or_target(nlp, text: str, predicate) -> None:
    assert pairs(text, predicate) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les chercheurs nippons ont dénoncé la Chine.", ("japon", "chine")),
        (
            "Hier, le ministère chinois, accusé par les médias nippons de censure, "
            "n'a pas répondu.",
            ("japon", "chine"),
        ),
    ],
)
def test_attitudes_a_country_named_by_its_demonym_takes_the_stance(nlp, text, expected) -> None:
    found = pairs(text, "criticized") + pairs(text, "accused")
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Paul Girard a critiqué Anne Roux, l'accusant d'avoir menti.", "accused",
         ("paul-girard", "anne-roux")),
        ("La CGT a dénoncé Marc Petit et l'a accusé de mentir.", "accused", ("cgt", "marc-petit")),
        ("La CGT a salué Marc Petit, le soutenant dans sa démarche.", "supported",
         ("cgt", "marc-petit")),
        (
            "Marc Petit a pris la parole. Il a salué M. Girard, l'accusant pourtant d'avoir "
            "trahi ses électeurs.",
            "accused",
            ("marc-petit", "girard"),
        ),
    ],
)  # fmt: skip
def test_attitudes_a_clitic_object_is_the_object_of_the_first_verb(nlp, text, predicate, expected):
    assert pairs(text, predicate) == [expected]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Paul Girard l'a critiqué hier.", "criticized"),  # no first verb: unknown
        ("Paul Girard a lu le rapport, le critiquant vivement.", "criticized"),  # a thing
        # a relative clause is no second verb of the same subject
        ("Anne Roux a rencontré Paul Girard, qui l'a critiquée.", "criticized"),
    ],
)
def test_attitudes_a_clitic_without_a_named_first_object_gives_nothing(nlp, text, predicate):
    assert pairs(text, predicate) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a écrit à Anne Roux.", ("paul-girard", "anne-roux")),
        (
            "Paul Girard a écrit une lettre au ministre de l'Intérieur, Marc Petit.",
            ("paul-girard", "marc-petit"),
        ),
        ("Paul Girard a remis un rapport à la CGT.", ("paul-girard", "cgt")),
        (
            "Paul Girard a remis sa démission au président, Marc Petit.",
            ("paul-girard", "marc-petit"),
        ),
        ("Paul Girard a pris contact avec la CGT.", ("paul-girard", "cgt")),
    ],
)
def test_attitudes_who_writes_hands_over_or_gets_in_touch_contacts(nlp, text, expected) -> None:
    assert pairs(text, "contacted") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a écrit dans Le Monde.",  # a medium, no addressee
        "Paul Girard a écrit un livre sur la CGT.",  # a topic
        "Paul Girard a remis en cause la politique d'Anne Roux.",  # no addressee
        "Paul Girard a pris la parole avec Anne Roux.",  # no "contact"
    ],
)
def test_attitudes_writing_or_handing_over_without_an_addressee(nlp, text: str) -> None:
    assert pairs(text, "contacted") == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        (
            "Un mandat d'arrêt a été lancé par la justice française à l'encontre de Paul Girard.",
            "accused",
            ("france", "paul-girard"),
        ),
        (
            "La justice française a émis un mandat d'arrêt contre Paul Girard.",
            "accused",
            ("france", "paul-girard"),
        ),
        ("Des accusations ont été lancées par la CGT contre Paul Girard.", "accused",
         ("cgt", "paul-girard")),
        ("Le Maroc a lancé des accusations à l'égard de l'Espagne.", "accused",
         ("maroc", "espagne")),
        ("Un soutien a été apporté par la CGT à Anne Roux.", "supported", ("cgt", "anne-roux")),
    ],
)  # fmt: skip
def test_attitudes_passive_support_verbs_and_warrants(nlp, text, predicate, expected) -> None:
    assert pairs(text, predicate) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Un mandat de trois ans a été confié par la CGT à Paul Girard.",  # no warrant
        "Un mandat d'arrêt a été lancé à Lyon.",  # nobody named
        "Des accusations ont été lancées contre Paul Girard.",  # no accuser
    ],
)
def test_attitudes_no_warrant_or_accusation_without_both_sides(nlp, text: str) -> None:
    assert pairs(text, "accused") == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Paul Girard a mis en cause Anne Roux.", "accused", ("paul-girard", "anne-roux")),
        ("Paul Girard a mis en cause la responsabilité de la CGT.", "accused",
         ("paul-girard", "cgt")),
        ("Paul Girard a pointé du doigt la CGT.", "accused", ("paul-girard", "cgt")),
        ("Paul Girard a assuré Anne Roux de son soutien.", "supported",
         ("paul-girard", "anne-roux")),
        ("Paul Girard a assuré Anne Roux de son appui total.", "supported",
         ("paul-girard", "anne-roux")),
    ],
)  # fmt: skip
def test_attitudes_blame_and_assurance_of_support(nlp, text, predicate, expected) -> None:
    assert pairs(text, predicate) == [expected]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Paul Girard a mis en place la réforme de la CGT.", "accused"),  # no "cause"
        ("Paul Girard a pointé la CGT dans son rapport.", "accused"),  # no "doigt"
        ("Paul Girard a assuré Anne Roux de sa présence.", "supported"),  # no support
        ("Paul Girard a assuré que la CGT avait son soutien.", "supported"),  # a claim
    ],
)
def test_attitudes_no_blame_or_support_without_their_words(nlp, text, predicate) -> None:
    assert pairs(text, predicate) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a essuyé les critiques de la CGT.", ("cgt", "paul-girard")),
        ("Anne Roux a reçu de nombreuses critiques de la CGT.", ("cgt", "anne-roux")),
        ("Paul Girard s'est attiré les critiques d'Anne Roux.", ("anne-roux", "paul-girard")),
    ],
)
def test_attitudes_who_receives_criticism_is_criticised(nlp, text: str, expected) -> None:
    assert pairs(text, "criticized") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a reçu de nombreuses critiques.",  # no critic named
        "Paul Girard a relayé les critiques de la CGT.",  # relaying is not receiving
    ],
)
def test_attitudes_criticism_received_needs_its_critic(nlp, text: str) -> None:
    assert pairs(text, "criticized") == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        # the subject of a relative clause is its antecedent
        ("Paul Girard, qui a dénoncé Anne Roux, est parti.", "criticized",
         [("paul-girard", "anne-roux")]),
        # a detached participle takes the clause's subject
        ("Paul Girard est parti, dénonçant Anne Roux.", "criticized",
         [("paul-girard", "anne-roux")]),
        ("Paul Girard a vivement critiqué Anne Roux.", "criticized",
         [("paul-girard", "anne-roux")]),
        # coordinated objects: one fact each
        ("Paul Girard a critiqué Anne Roux et la CGT.", "criticized",
         [("paul-girard", "anne-roux"), ("paul-girard", "cgt")]),
        ("Le Japon a accusé la Chine de mentir.", "accused", [("japon", "chine")]),
    ],
)  # fmt: skip
def test_attitudes_relative_participle_and_coordinated_shapes(nlp, text, predicate, expected):
    assert pairs(text, predicate) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Girard a voté pour Anne Roux.", ("paul-girard", "anne-roux")),
        ("La CGT a appelé à voter pour Anne Roux.", ("cgt", "anne-roux")),
        ("La CGT s'est ralliée à Anne Roux.", ("cgt", "anne-roux")),
        ("La CGT s'est prononcée en faveur d'Anne Roux.", ("cgt", "anne-roux")),
        ("Paul Girard a plaidé en faveur de la CGT.", ("paul-girard", "cgt")),
    ],
)
def test_attitudes_votes_and_rallying_are_support(nlp, text: str, expected) -> None:
    assert pairs(text, "supported") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard a voté contre Anne Roux.",  # against is no support
        "Paul Girard a voté pour la réforme à Lyon.",  # a thing, then a town
        "La CGT s'est prononcée contre Anne Roux.",  # no "en faveur"
        "Paul Girard a plaidé pour la réforme devant la CGT.",  # the CGT is the audience
    ],
)
def test_attitudes_no_support_in_a_vote_against_or_for_a_thing(nlp, text: str) -> None:
    assert pairs(text, "supported") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La CGT a désavoué Anne Roux.", ("cgt", "anne-roux")),
        ("Paul Girard a étrillé la CGT.", ("paul-girard", "cgt")),
        ("Les reproches de Paul Girard à la CGT sont nombreux.", ("paul-girard", "cgt")),
        ("Paul Girard a lancé une diatribe contre la CGT.", ("paul-girard", "cgt")),
        ("La CGT a condamné Paul Girard.", ("cgt", "paul-girard")),
    ],
)
def test_attitudes_more_verbs_and_nouns_of_criticism(nlp, text: str, expected) -> None:
    assert pairs(text, "criticized") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "La Cour suprême a condamné Paul Girard à cinq ans de prison.",  # a sentence passed
        "Paul Girard a été condamné à une amende par la Cour suprême.",
    ],
)
def test_attitudes_a_sentence_passed_is_no_criticism(nlp, text: str) -> None:
    assert pairs(text, "criticized") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La CGT a menacé de quitter la coalition si Paul Girard ne démissionne pas.",
            ("cgt", "paul-girard"),
        ),
        ("La CGT a lancé un ultimatum à Paul Girard.", ("cgt", "paul-girard")),
        ("La CGT a adressé des menaces à Anne Roux.", ("cgt", "anne-roux")),
    ],
)
def test_attitudes_threats_by_condition_and_ultimatum(nlp, text: str, expected) -> None:
    assert pairs(text, "threatened") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "La CGT a menacé de faire grève à Lyon.",  # a town is where
        "La CGT a menacé de faire grève si la réforme passe.",  # a thing, no one
    ],
)
def test_attitudes_no_threat_without_someone_threatened(nlp, text: str) -> None:
    assert pairs(text, "threatened") == []


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        ("Les critiques de la CGT contre Paul Girard se multiplient.", "criticized",
         ("cgt", "paul-girard")),
        ("Paul Girard a lancé des accusations contre Anne Roux.", "accused",
         ("paul-girard", "anne-roux")),
        ("Paul Girard a exprimé son soutien à Anne Roux.", "supported",
         ("paul-girard", "anne-roux")),
        ("La CGT a mis en garde Paul Girard contre toute réforme.", "warned",
         ("cgt", "paul-girard")),
        ("Paul Girard a lancé un avertissement à la CGT.", "warned", ("paul-girard", "cgt")),
        ("Paul Girard a adressé ses félicitations à Anne Roux.", "congratulated",
         ("paul-girard", "anne-roux")),
        ("Le Japon a menacé la Chine de représailles.", "threatened", ("japon", "chine")),
    ],
)  # fmt: skip
def test_attitudes_noun_and_support_verb_forms(nlp, text, predicate, expected) -> None:
    assert pairs(text, predicate) == [expected]
