"""Mentions: cleaned, typed spans; what is not an entity is rejected."""

import pytest

from kg.ingest import article_from_text
from kg.mentions import extract_mentions, name_key
from kg.model import EntityType, MentionKind
from kg.nlp import parse


def mentions_of(nlp, text: str):
    parsed = next(parse([article_from_text(text, "t")]))
    return parsed, extract_mentions(parsed)


def test_mentions_name_key_folds_case_accents_and_apostrophes():
    assert name_key("  L’Élysée ") == "l'elysee"
    assert name_key("États-Unis") == "etats unis"


def test_mentions_drop_leading_article_and_elision(nlp):
    _, mentions = mentions_of(nlp, "Les alliés de l’OTAN se sont réunis à Bruxelles.")
    names = {m.text: m.type for m in mentions if m.kind is MentionKind.NAME}
    assert names.get("OTAN") is EntityType.ORGANIZATION
    assert "l’OTAN" not in names


def test_mentions_offsets_point_into_the_original_text(nlp):
    text = "Selon l’agence Interfax, Vladimir Poutine n’a pas répondu à « Joe Biden »."
    parsed, mentions = mentions_of(nlp, text)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.provenance.article_id == "t"


def test_mentions_reject_common_words_and_credits(nlp):
    text = (
        "Le monde a suivi avec intérêt la rencontre entre Emmanuel Macron et Olaf Scholz.\n"
        "Crédit: AFP\nPlus tôt cette année, le président français s’est rendu à Berlin."
    )
    _, mentions = mentions_of(nlp, text)
    names = [m.text for m in mentions if m.kind is MentionKind.NAME]
    assert "Le monde" not in names and "monde" not in names
    assert "Crédit" not in names and "Plus" not in names
    credit = [m for m in mentions if m.text == "AFP"]
    assert [m.type for m in credit] == [EntityType.ORGANIZATION]
    assert not any("\n" in m.text for m in mentions)


def test_mentions_credit_marker_names_the_agency(nlp):
    _, mentions = mentions_of(nlp, "Le sommet s'est tenu mardi.\nCrédit: Zapata Presse\nLa suite.")
    credit = [m for m in mentions if m.text.startswith("Zapata")]
    assert [(m.text, m.type) for m in credit] == [("Zapata Presse", EntityType.ORGANIZATION)]


def test_mentions_demonyms_mention_their_country(nlp):
    _, mentions = mentions_of(nlp, "Les médias russes et la presse américaine ont réagi.")
    demonyms = {(m.text, m.key) for m in mentions if m.kind is MentionKind.DEMONYM}
    assert demonyms == {("russes", "russie"), ("américaine", "etats unis")}


def test_mentions_role_phrases_with_modifiers(nlp):
    _, mentions = mentions_of(nlp, "Le président élu américain a parlé au porte-parole du Kremlin.")
    roles = [m.text for m in mentions if m.kind is MentionKind.ROLE]
    assert roles == ["président élu américain", "porte-parole"]


@pytest.mark.parametrize("text", ["L’agence de presse russe Interfax a rapporté la nouvelle."])
def test_mentions_head_noun_types_misc_as_organization(nlp, text):
    _, mentions = mentions_of(nlp, text)
    org = [m for m in mentions if m.text == "Interfax"]
    assert org and org[0].type is EntityType.ORGANIZATION


def test_mentions_titles_are_not_part_of_a_name(nlp):
    _, mentions = mentions_of(
        nlp, "Le président a parlé. M. Fabre et le Président Basescu ont voté."
    )
    names = [m.text for m in mentions if m.kind is MentionKind.NAME and m.type is EntityType.PERSON]
    assert "Fabre" in names and "Basescu" in names
    assert not [n for n in names if n.startswith(("M.", "Président"))]


def test_mentions_places_the_ner_missed_are_found_by_name() -> None:
    parsed = next(
        parse([article_from_text("L'envoyé spécial pour le Proche-Orient a parlé.", "t")])
    )
    parsed.doc.ents = []
    places = [
        (m.text, m.provenance.rule) for m in extract_mentions(parsed) if m.type.value == "Place"
    ]
    assert places == [("Proche-Orient", "known-place")]
    parsed = next(
        parse([article_from_text("La réunion a duré. Les États du Golfe ont parlé.", "t")])
    )
    parsed.doc.ents = []
    # "La Réunion" is an overseas region; "La réunion" is a meeting
    assert [m.text for m in extract_mentions(parsed) if m.type.value == "Place"] == []


def test_mentions_head_noun_and_acronym_the_ner_missed_name_an_organisation() -> None:
    parsed = next(parse([article_from_text("Le député du parti XYZ a voté contre.", "t")]))
    parsed.doc.ents = []
    orgs = [(m.text, m.provenance.rule) for m in extract_mentions(parsed)]
    assert ("parti XYZ", "headed-acronym") in orgs
    parsed = next(parse([article_from_text("Le député du parti a voté contre.", "t")]))
    parsed.doc.ents = []
    assert all(m.provenance.rule != "headed-acronym" for m in extract_mentions(parsed))


def _made_by(mentions, rule: str):
    return [m for m in mentions if m.provenance.rule == rule]


@pytest.mark.parametrize(
    "text, adjective, party",
    [
        ("Le sénateur républicain Paul Leroy a voté contre.", "républicain", "parti republicain"),
        ("La députée socialiste Anne Roy a critiqué la réforme.", "socialiste", "parti socialiste"),
        ("Selon le gouverneur démocrate, la loi passera.", "démocrate", "parti democrate"),
    ],
)
def test_mentions_party_adjective_after_a_role_names_the_party(nlp, text, adjective, party):
    _, mentions = mentions_of(nlp, text)
    parties = [(m.text, m.key, m.type) for m in _made_by(mentions, "party-adjective")]
    assert parties == [(adjective, party, EntityType.ORGANIZATION)]


@pytest.mark.parametrize(
    "rule, text, name",
    [
        ("mission", "Des pierres ont visé l'ambassade du Japon.", "ambassade du Japon"),
        ("mission", "Le consulat général de France a fermé.", "consulat général de France"),
        ("mission", "L'ambassade des États-Unis a répondu.", "ambassade des États-Unis"),
        ("role-body", "Paul Roy, président de la commission des lois, a parlé.",
         "commission des lois"),
        ("role-body", "Il était directeur adjoint au service de presse du diocèse.",
         "service de presse du diocèse"),
        ("role-body", "Le secrétaire général du conseil municipal a signé.", "conseil municipal"),
        ("role-body", "Le chef des forces armées a démissionné.", "forces armées"),
    ],
)  # fmt: skip
def test_mentions_missions_and_bodies_of_roles_are_organisations(nlp, rule, text, name):
    _, mentions = mentions_of(nlp, text)
    assert [(m.text, m.type) for m in _made_by(mentions, rule)] == [(name, EntityType.ORGANIZATION)]
    if rule == "mission":  # the country keeps its own mention
        country = name.split()[-1]
        assert any(m.text == country and m.type is EntityType.PLACE for m in mentions)


@pytest.mark.parametrize(
    "rule, text",
    [
        ("party-adjective", "Le président a salué les valeurs républicaines du pays."),
        ("party-adjective", "Un juge conservateur a été nommé hier."),
        ("party-adjective", "Les idées socialistes ont reculé en Europe."),
        ("mission", "Une ambassade de bonne volonté a été envoyée."),
        ("mission", "Le consulat a fermé hier soir."),
        ("role-body", "Le président du comité a parlé."),
        ("role-body", "La commission des lois a siégé sans son président."),
        ("role-body", "Le président a réuni le conseil des ministres."),
    ],
)
def test_mentions_descriptive_rules_name_nothing_outside_their_shape(nlp, rule, text):
    _, mentions = mentions_of(nlp, text)
    assert _made_by(mentions, rule) == []
