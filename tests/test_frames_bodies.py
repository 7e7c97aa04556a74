"""Bodies named by a description ("les forces armées", "le comité exécutif du
parti"), their plural anaphora ("celles-ci", "ceux-ci" for "les chefs de X"),
support in noun and support-verb form, and a country's justice, on real parses
of sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import facts_of
from factory import parse_text

from kg.ingest import article_from_text
from kg.mentions import extract_mentions


def pairs(text: str, predicate: str) -> list[tuple[str, str]]:
    return [
        (f.subject.split("/")[-1], (f.object or f.value or "").split("/")[-1])
        for f in facts_of(text)
        if f.predicate == predicate
    ]


def speakers(text: str) -> list[str]:
    return [s for s, _quote in pairs(text, "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Le comité exécutif du parti a demandé que Paul Girard quitte la présidence.",
            "comite-executif",
        ),
        ("La police a indiqué que trois manifestants avaient été blessés.", "police"),
        ("Le bureau politique a exigé que les ministres démissionnent.", "bureau-politique"),
        ("Selon les forces armées, la frontière est calme.", "forces-armees"),
        ("La gendarmerie a demandé que les manifestants quittent la place.", "gendarmerie"),
        ("Selon les forces de l'ordre, trois manifestants ont été blessés.", "forces-de-l-ordre"),
    ],
)
def test_bodies_named_by_description_speak(nlp, text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Une armée de juristes a examiné le texte.",  # no definite article: no body
        "Un car de police stationnait devant la mairie.",
        "La Police nationale recrute.",  # capitalised: a name, the NER's to find
    ],
)
def test_bodies_need_a_definite_lower_case_phrase(nlp, text: str) -> None:
    mentions = extract_mentions(parse_text(text))
    assert [m for m in mentions if m.provenance.rule == "body"] == []


def test_bodies_the_same_phrase_twice_is_one_entity(nlp) -> None:
    text = (
        "Les forces armées ont annoncé que la frontière était fermée. Le chef des forces "
        "armées, Marc Petit, a précisé que le pont restait ouvert."
    )
    facts = facts_of(text)
    bodies = {k for f in facts for k in (f.subject, f.object, f.of) if k and "forces" in k}
    assert bodies == {"organization/t1/forces-armees"}


def test_bodies_a_role_of_a_body_is_its_member(nlp) -> None:
    text = "L'amiral Marc Petit, chef d'état-major des forces armées, a démissionné."
    facts = facts_of(text)
    chief = [f for f in facts if f.predicate == "holdsPosition" and f.value == "chef d'état-major"]
    assert [f.of for f in chief] == ["organization/t1/forces-armees"]
    assert pairs(text, "memberOf") == [("marc-petit", "forces-armees")]


def test_bodies_only_those_a_fact_names_are_entities(nlp) -> None:
    from kg.pipeline import Pipeline

    pipeline = Pipeline(link=False)
    text = "La police a déclaré que la route était fermée."
    named = pipeline.extract(article_from_text(text, "a1"))
    assert "organization/a1/police" in {e.key for e in named.entities}
    passing = pipeline.extract(article_from_text("Paul Girard a été arrêté par la police.", "a2"))
    assert not [e for e in passing.entities if e.label == "police"]


@pytest.mark.parametrize(
    "text",
    [
        # "ceux-ci": the chiefs, who stand for their body
        "Les chefs des forces armées se sont réunis lundi, et ceux-ci ont fait savoir que la "
        "frontière resterait fermée.",
        # "celles-ci": the nearest feminine plural noun
        "Les députés attendaient les forces armées, mais celles-ci ont annoncé que la frontière "
        "resterait fermée.",
        # in the sentence before
        "Le ministre a convoqué les forces armées. Celles-ci ont annoncé que la frontière "
        "resterait fermée.",
        "Le ministre a reçu les forces armées, et ces dernières ont annoncé que la frontière "
        "resterait fermée.",
    ],
)
def test_bodies_plural_anaphors_stand_for_the_nearest_body(nlp, text: str) -> None:
    assert speakers(text) == ["forces-armees"]


@pytest.mark.parametrize(
    "text",
    [
        # the nearest masculine plural noun is "députés": no body
        "Les forces armées ont reçu les députés, mais ceux-ci ont annoncé que la loi passerait.",
        # two people: a plural pronoun stands for no person
        "Paul Girard et Anne Roux se sont réunis, et ceux-ci ont annoncé que la loi passerait.",
    ],
)
def test_bodies_plural_anaphors_refuse_other_nouns(nlp, text: str) -> None:
    assert "forces-armees" not in speakers(text)
    assert "paul-girard" not in speakers(text)


def test_bodies_voice_of_a_body(nlp) -> None:
    text = (
        "Les forces armées ont indiqué, par la voix du général Marc Petit, que le couvre-feu "
        "serait levé."
    )
    assert pairs(text, "speaksFor") == [("marc-petit", "forces-armees")]
    assert speakers(text) == ["forces-armees"]


@pytest.mark.parametrize(
    ("text", "expected", "polarity"),
    [
        (
            "Les forces armées reconnaissent l'autorité du président intérimaire Paul Girard.",
            ("forces-armees", "paul-girard"),
            "positive",
        ),
        (
            "Le gouvernement libanais a reconnu la légitimité de Paul Girard.",
            ("liban", "paul-girard"),
            "positive",
        ),
        (
            "L'armée a retiré son soutien au président Paul Girard.",
            ("armee", "paul-girard"),
            "negative",
        ),
        (
            "Paul Girard n'a pas reconnu l'autorité de Marc Petit.",
            ("paul-girard", "marc-petit"),
            "negative",
        ),
        (
            "Le comité central du parti a exprimé son soutien à Marc Petit.",
            ("comite-central", "marc-petit"),
            "positive",
        ),
        (
            "Le parti Avenir a reçu un financement de Paul Girard.",
            ("paul-girard", "parti-avenir"),
            "positive",
        ),
        (
            "Paul Girard a obtenu des assurances de financement de la banque Lazard.",
            ("banque-lazard", "paul-girard"),
            "positive",
        ),
    ],
)
def test_bodies_support_in_noun_and_support_verb_form(
    nlp, text: str, expected: tuple[str, str], polarity: str
) -> None:
    facts = [f for f in facts_of(text) if f.predicate == "supported"]
    assert [(f.subject.split("/")[-1], f.object.split("/")[-1]) for f in facts] == [expected]
    assert [str(f.polarity) for f in facts] == [polarity]


def test_bodies_support_received_by_coordinated_people(nlp) -> None:
    text = "Paul Girard et Anne Roux ont recueilli des assurances écrites de Marc Petit."
    assert pairs(text, "supported") == [("marc-petit", "paul-girard"), ("marc-petit", "anne-roux")]


@pytest.mark.parametrize(
    "text",
    [
        "Au Portugal, l'armée a retiré son soutien à Paul Girard.",
        "En Espagne, le comité central du parti a exprimé son soutien à Paul Girard.",
    ],
)
def test_bodies_a_place_set_before_the_support_verb_is_no_one_supported(nlp, text: str) -> None:
    objects = [p[1] for p in pairs(text, "supported")]
    assert objects == ["paul-girard"]


@pytest.mark.parametrize(
    "text",
    [
        "Le financement de la campagne de Paul Girard a été critiqué.",  # nothing received
        "Paul Girard a reconnu ses erreurs devant Anne Roux.",  # no authority recognised
        "L'armée reconnaît-elle l'autorité de Paul Girard ?",  # a question
        "Paul Girard a souscrit une assurance auprès de la banque Lazard.",
    ],
)
def test_bodies_no_support_without_its_construction(nlp, text: str) -> None:
    assert pairs(text, "supported") == []


@pytest.mark.parametrize(
    "text",
    [
        "La justice française a lancé un mandat d'arrêt à l'encontre de Paul Girard.",
        "Un mandat d'arrêt a été lancé par la justice française contre Paul Girard.",
    ],
)
def test_bodies_a_countrys_justice_stands_for_the_country(nlp, text: str) -> None:
    assert pairs(text, "accused") == [("france", "paul-girard")]


@pytest.mark.parametrize(
    "text",
    [
        "Un mandat d'arrêt a été lancé contre Paul Girard.",  # by nobody named
        "La justice française a-t-elle lancé un mandat d'arrêt contre Paul Girard ?",
    ],
)
def test_bodies_no_warrant_without_an_issuer_or_in_a_question(nlp, text: str) -> None:
    assert pairs(text, "accused") == []


def test_bodies_a_countrys_police_speaks_for_the_country(nlp) -> None:
    text = "La police italienne a annoncé que Paul Girard avait été arrêté."
    assert speakers(text) == ["italie"]
    # no demonym: the police itself
    assert speakers("La police a annoncé que Paul Girard avait été arrêté.") == ["police"]


def _said_times(text: str) -> list[str | None]:
    from kg.entities import group_mentions, resolve_references
    from kg.pipeline import article_facts

    doc = parse_text(text, "t1", date="2005-04-27")
    mentions = extract_mentions(doc)
    index = resolve_references(doc, group_mentions(mentions), mentions, "fr", None)
    return [f.time for f in article_facts(doc, index) if f.predicate == "said"]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        (
            "Le conseil national du parti, réuni mardi 19 avril, a demandé que Paul Girard "
            "démissionne.",
            "2005-04-19",
        ),
        (
            "Le bureau politique, réuni lundi, a exigé que les ministres démissionnent.",
            "2005-04-25",
        ),
        # the verb's own day comes first
        ("Marc Petit, arrivé lundi à Paris, a déclaré mardi que la loi passerait.", "2005-04-26"),
        # a past step beside the subject is not the statement's day
        ("Marc Petit, élu en 2004, a déclaré que la loi passerait.", None),
        ("Marc Petit, nommé ministre vendredi, a annoncé que la loi passerait.", None),
    ],
)
def test_bodies_the_day_a_body_met_dates_its_statement(nlp, text: str, time: str | None) -> None:
    assert _said_times(text) == [time]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Les dirigeants du Parti vert ont annoncé que la loi passerait.", "parti-vert"),
        (
            "Le ministre a reçu les dirigeants du Parti vert, et ces derniers ont annoncé que la "
            "loi passerait.",
            "parti-vert",
        ),
        (
            "Les chefs des forces armées ont fait savoir que la frontière resterait fermée.",
            "forces-armees",
        ),
        # with a demonym, an organisation phrase
        (
            "Les forces armées israéliennes ont annoncé que la frontière resterait fermée.",
            "forces-armees-israeliennes",
        ),
    ],
)
def test_bodies_the_leaders_of_a_body_speak_for_it(nlp, text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Le chef du Parti vert a annoncé que la loi passerait.",  # one person, maybe named later
        "Les enfants des dirigeants du Parti vert ont annoncé que la loi passerait.",
        "Les dirigeants de Paris ont annoncé que la loi passerait.",  # a place: no body
    ],
)
def test_bodies_no_leaders_standing_for_a_body(nlp, text: str) -> None:
    assert speakers(text) == []


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("L'armée pourrait retirer son soutien à Paul Girard.", "negative"),
        ("Les forces armées pourraient reconnaître l'autorité de Paul Girard.", "positive"),
    ],
)
def test_bodies_support_in_a_conditional_is_possible(nlp, text: str, polarity: str) -> None:
    facts = [f for f in facts_of(text) if f.predicate == "supported"]
    assert [(str(f.polarity), str(f.modality)) for f in facts] == [(polarity, "possible")]


def test_bodies_a_determiner_is_no_anaphor(nlp) -> None:
    from kg.entities import group_mentions, resolve_references

    text = "Les forces armées ont reçu des renforts, et ces dernières semaines ont été calmes."
    doc = parse_text(text)
    mentions = extract_mentions(doc)
    index = resolve_references(doc, group_mentions(mentions), mentions, "fr", None)
    body = next(e for e in index.entities if e.label == "forces armées")
    assert [m.text for m in body.mentions] == ["forces armées"]
    text = "Les forces armées ont reçu des renforts, et ces dernières ont été calmes."
    doc = parse_text(text)
    mentions = extract_mentions(doc)
    index = resolve_references(doc, group_mentions(mentions), mentions, "fr", None)
    body = next(e for e in index.entities if e.label == "forces armées")
    assert [m.text for m in body.mentions] == ["forces armées", "ces dernières"]


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        (
            "La justice chilienne a émis un mandat d'arrêt contre le président déchu. "
            "M. Lenoir a fui à l'étranger.",
            "accused",
            ("chili", "lenoir"),
        ),
        # the one person named with no role, named before the phrase
        (
            "Paul Girard a quitté la capitale. L'armée a retiré son soutien au président renversé, "
            "et le ministre Marc Petit a salué l'armée.",
            "supported",
            ("armee", "paul-girard"),
        ),
    ],
)
def test_bodies_an_ousted_holder_is_the_one_person_without_a_role(
    nlp, text: str, predicate: str, expected: tuple[str, str]
) -> None:
    assert pairs(text, predicate) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # two people named with no role: which one is unknown
        "La justice chilienne a émis un mandat d'arrêt contre le président déchu. "
        "M. Lenoir et M. Garnier ont fui à l'étranger.",
        # no modifier of a lost office
        "La justice chilienne a émis un mandat d'arrêt contre le président. "
        "M. Lenoir a fui à l'étranger.",
        # no definite article
        "La justice chilienne a émis un mandat d'arrêt contre un ministre déchu. "
        "M. Lenoir a fui à l'étranger.",
    ],
)
def test_bodies_no_ousted_holder_without_one_bare_person(nlp, text: str) -> None:
    assert [o for _s, o in pairs(text, "accused")] == []


def test_bodies_the_president_of_a_partys_body_is_the_partys(nlp) -> None:
    text = (
        "Le Parti vert s'est réuni en congrès à Lyon. Le comité exécutif du parti a demandé que "
        "son président, Marc Petit, démissionne."
    )
    facts = facts_of(text)
    held = [(f.value, f.of) for f in facts if f.predicate == "holdsPosition"]
    assert held == [("président", "organization/parti-vert")]
    assert pairs(text, "memberOf") == [("marc-petit", "parti-vert")]
