"""Which NER spans are names: cut, cleaned, earned and typed, with the real
French model on sentences written for these tests (and spans set by hand
where the rule is about a span the model may or may not produce)."""

from __future__ import annotations

import logging

import pytest
from spacy.tokens import Span

from kg.ingest import article_from_text
from kg.lexicon import lexicon
from kg.mentions import extract_mentions
from kg.model import EntityType
from kg.names import KnownNames, name_spans
from kg.nlp import parse

PERSON, PLACE, ORG = EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION
OTHER = EntityType.OTHER


def _parsed(text: str):
    return next(parse([article_from_text(text, "t")]))


def _names(text: str, known: KnownNames | None = None, ents: list[tuple[str, str]] = ()):
    """The names kept (text, type) and the spans dropped (text, reason). With
    ``ents``, the NER spans are set by hand: (words, label)."""
    doc = _parsed(text).doc
    if ents:
        spans = []
        for words, label in ents:
            start = doc.text.index(words)
            spans.append(doc.char_span(start, start + len(words), label=label))
        doc.ents = spans
    kept, dropped = name_spans(doc, lexicon("fr"), "fr", known)
    return [(k.span.text, k.type) for k in kept], [(d.text, d.reason) for d in dropped]


@pytest.mark.parametrize(
    "text, word",
    [
        ("La Justice a été saisie et la Constitution révisée.", "Justice"),
        ("La Justice a été saisie et la Constitution révisée.", "Constitution"),
        ("Le Conseil a rejeté le texte proposé par les États.", "Conseil"),
        ("Le Conseil a rejeté le texte proposé par les États.", "États"),
    ],
)
def test_names_lone_dictionary_words_are_dropped_with_a_reason(text: str, word: str) -> None:
    kept, dropped = _names(text)
    assert word not in [k for k, _ in kept]
    assert (word, "common noun without evidence") in dropped


@pytest.mark.parametrize(
    "text, ents, reason",
    [
        ("Lundi, la ministre a quitté la ville.", [("Lundi", "PER")], "common noun"),
        ("Coup de théâtre, la séance est levée.", [("Coup", "MISC")], "common noun"),
        ("Revers pour la majorité au conseil.", [("Revers", "ORG")], "first word"),
        ("Kerlan pour tous, dit le slogan.", [("Kerlan", "PER")], "first word"),
    ],
)
def test_names_sentence_initial_words_and_weekdays_are_no_names(text, ents, reason) -> None:
    kept, dropped = _names(text, ents=ents)
    assert kept == []
    assert len(dropped) == 1 and dropped[0][1].startswith(reason)


def test_names_first_word_of_a_sentence_earned_elsewhere() -> None:
    text = "Kerlan a signé. Le texte de Kerlan est court."
    kept, _ = _names(text, ents=[("Kerlan", "PER")])
    assert kept == [("Kerlan", PERSON)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("M. Marchand a répondu aux questions.", "Marchand"),
        ("Le président Blanc a signé le décret.", "Blanc"),
        ("Sa fille, Marie Blanc, était présente.", "Marie Blanc"),
    ],
)
def test_names_dictionary_words_earned_by_a_title_or_a_full_name(text: str, name: str) -> None:
    kept, _ = _names(text)
    assert (name, PERSON) in kept


def test_names_surname_of_a_longer_name_is_earned() -> None:
    text = "Anne Marchand est arrivée. Marchand a salué la foule."
    kept, _ = _names(text, ents=[("Anne Marchand", "PER"), ("Marchand a", "PER")])
    assert kept == [("Anne Marchand", PERSON), ("Marchand a", PERSON)]
    kept, dropped = _names("Marchand a salué la foule.", ents=[("Marchand", "PER")])
    assert kept == [] and dropped == [("Marchand", "common noun without evidence")]


def test_names_institution_after_an_article_is_an_organisation() -> None:
    kept, dropped = _names("Le ministre de l'Intérieur a parlé au Sénat.")
    assert ("Sénat", ORG) in kept
    assert ("ministre de l'Intérieur", "portfolio of a minister") in dropped


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        ("Lors du vote, le Premier ministre est parti.", [("Premier ministre", "MISC")], None),
        ("Le Premier ministre Paul Durand est parti.", [("Premier ministre Paul Durand", "MISC")],
         ("Paul Durand", PERSON)),
        ("La présidente de la Cour des comptes a parlé.",
         [("présidente de la Cour des comptes", "PER")], ("Cour des comptes", ORG)),
        ("Le président du Conseil italien a parlé.", [("Conseil italien", "ORG")], None),
    ],
)  # fmt: skip
def test_names_role_nouns_are_cut_off(text: str, ents, expected) -> None:
    kept, dropped = _names(text, ents=ents)
    assert kept == ([expected] if expected else [])
    if expected is None:
        assert dropped and dropped[0][1] in ("role phrase", "complement of a role")


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        ("Lyon, France - Claire Dubois a été élue maire.",
         [("France - Claire Dubois", "LOC")], [("France", PLACE), ("Claire Dubois", PERSON)]),
        ("Rome, Italie - Paolo Ricci a gagné.",
         [("Italie - Paolo Ricci", "LOC")], [("Italie", PLACE), ("Paolo Ricci", PERSON)]),
        ('« Nous partirons », a dit Kerlan" Leroy.',
         [('Kerlan" Leroy', "PER")], [("Kerlan", PERSON), ("Leroy", PERSON)]),
        ("Il a évoqué la guerre en Syrie et la paix d'Oslo.",
         [("paix d'Oslo", "LOC")], [("Oslo", PLACE)]),
        ("Il a évoqué la guerre en Irak.", [("guerre en Irak", "MISC")], [("Irak", PLACE)]),
    ],
)  # fmt: skip
def test_names_spans_are_cut_at_datelines_quotes_and_prepositions(text, ents, expected) -> None:
    kept, _ = _names(text, KnownNames.of({}, {"oslo": PLACE}), ents=ents)
    assert kept == expected
    assert not any('"' in name or "«" in name for name, _ in kept)


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        ("Le ministre Marc Petit lundi a signé.", [("Marc Petit lundi", "PER")], "Marc Petit"),
        ("Anne Marie Roux hier soir a parlé.", [("Anne Marie Roux hier soir", "PER")],
         "Anne Marie Roux"),
    ],
)  # fmt: skip
def test_names_person_span_loses_the_lower_case_words_it_ends_with(text, ents, expected) -> None:
    kept, _ = _names(text, ents=ents)
    assert (expected, PERSON) in kept
    assert not any(name.endswith(("lundi", "soir")) for name, _ in kept)


def test_names_role_phrase_tagged_as_a_person_is_still_no_name() -> None:
    kept, dropped = _names("Le Premier ministre a signé.", ents=[("Premier ministre", "PER")])
    assert kept == []
    assert ("Premier ministre", "role phrase") in dropped


def test_names_known_organisation_then_person_is_split() -> None:
    known = KnownNames.of({}, {"radio centre": ORG})
    text = "Il a déclaré sur Radio Centre Marie Dupont que rien n'était fait."
    kept, _ = _names(text, known, ents=[("Radio Centre Marie Dupont", "ORG")])
    assert kept == [("Radio Centre", ORG), ("Marie Dupont", PERSON)]
    # an organisation the catalogue does not know is left whole
    kept, _ = _names(text, None, ents=[("Radio Centre Marie Dupont", "ORG")])
    assert kept == [("Radio Centre Marie Dupont", ORG)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("La milice Wagner a revendiqué l'attaque.", "Wagner"),
        ("Le constructeur automobile Stellantis a annoncé des licenciements.", "Stellantis"),
        ("Le fabricant Airbus a livré cent avions.", "Airbus"),
        ("Le groupe jihadiste Boko Haram a enlevé des élèves.", "Boko Haram"),
    ],
)
def test_names_head_noun_types_companies_and_armed_groups(text: str, name: str) -> None:
    kept, _ = _names(text)
    assert (name, ORG) in kept


@pytest.mark.parametrize(
    "text, name",
    [
        ("Son confrère de parti Paul Girard a protesté.", "Paul Girard"),
        ("Un homme de parti, Paul Girard, a protesté.", "Paul Girard"),
    ],
)
def test_names_head_noun_after_a_bare_de_types_nothing(text: str, name: str) -> None:
    kept, _ = _names(text, ents=[(name, "PER")])
    assert kept == [(name, PERSON)]


def test_names_catalogue_type_comes_first_but_not_over_a_person() -> None:
    known = KnownNames.of({}, {"nordia": ORG, "marville": PLACE})
    kept, _ = _names("Nordia a signé.", known, ents=[("Nordia", "PER")])
    assert kept == [("Nordia", ORG)]
    kept, _ = _names("Hier, Marville a signé.", known, ents=[("Marville", "PER")])
    assert kept == [("Marville", PERSON)]  # a person named like a town
    kept, _ = _names("Il habite à Marville.", known, ents=[("Marville", "PER")])
    assert kept == [("Marville", PLACE)]
    kept, _ = _names("Marville, France - La pluie.", known, ents=[("Marville", "PER")])
    assert kept == [("Marville", PLACE)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Al-Manar a rapporté hier que les rebelles avaient quitté la ville.", "Al-Manar"),
        ("Selon les témoins, Radio Kivu a affirmé que le pont était coupé.", "Radio Kivu"),
        ("Dans un communiqué, Ouzbekinfo a démenti la rumeur.", "Ouzbekinfo"),
    ],
)
def test_names_unknown_place_that_reports_is_an_organisation(text: str, name: str) -> None:
    kept, _ = _names(text, KnownNames.of({}, {}), ents=[(name, "LOC")])
    assert kept == [(name, ORG)]


@pytest.mark.parametrize(
    "text, name",
    [
        # a known town stays a place: its government speaks
        ("Marville a annoncé que les écoles fermeraient.", "Marville"),
        # no speech verb, or the name is not its subject
        ("Tamanrasset a accueilli le sommet.", "Tamanrasset"),
        ("Les témoins ont affirmé à Tamanrasset que le pont était coupé.", "Tamanrasset"),
        # a country's long name
        (
            "La République fédérale du Nigeria a annoncé un accord.",
            "République fédérale du Nigeria",
        ),
    ],
)
def test_names_place_that_does_not_report_stays_a_place(text: str, name: str) -> None:
    known = KnownNames.of({}, {"marville": PLACE})
    kept, _ = _names(text, known, ents=[(name, "LOC")])
    assert kept == [(name, PLACE)]


@pytest.mark.parametrize(
    "text",
    [
        "Les Libanais ont voté dimanche.",
        "Des milliers de Français ont manifesté.",
        "Les Équatoriens attendent le résultat.",
    ],
)
def test_names_demonyms_naming_people_are_not_places(text: str) -> None:
    mentions = extract_mentions(_parsed(text))
    assert [m for m in mentions if m.type is PLACE] == []


def test_names_dropped_spans_are_logged_for_debug(caplog: pytest.LogCaptureFixture) -> None:
    parsed = _parsed("La Justice a été saisie.")
    with caplog.at_level(logging.DEBUG, logger="kg"):
        extract_mentions(parsed)
    assert "dropped 'Justice' at 3: common noun without evidence" in caplog.text


def test_names_hand_built_span_keeps_no_punctuation() -> None:
    doc = _parsed("Selon « Jean Morel », tout va bien.").doc
    first = next(t.i for t in doc if t.text == "Jean")
    doc.ents = [Span(doc, first - 1, first + 3, label="PER")]  # the quote marks too
    kept, _ = name_spans(doc, lexicon("fr"))
    assert [k.span.text for k in kept] == ["Jean Morel"]


def test_names_known_organisation_inside_a_name_is_named_too() -> None:
    known = KnownNames.of({}, {"nations unies": ORG})
    kept, _ = _names("Le Conseil de sécurité des Nations unies a voté.", known)
    assert kept == [("Conseil de sécurité des Nations unies", ORG), ("Nations unies", ORG)]
    kept, _ = _names("Le Conseil de sécurité des Nations unies a voté.")
    assert kept == [("Conseil de sécurité des Nations unies", ORG)]


def test_names_untyped_name_in_a_list_of_places_is_a_place() -> None:
    text = "Les crues touchent Vardo, Kerlin et, plus au nord, Ostrava."
    ents = [("Vardo", "LOC"), ("Kerlin", "LOC"), ("Ostrava", "MISC")]
    kept, _ = _names(text, ents=ents)
    assert ("Ostrava", PLACE) in kept
    alone, dropped = _names("Le nom Ostrava est ancien.", ents=[("Ostrava", "MISC")])
    assert alone == [] and dropped == [("Ostrava", "no type for NER label MISC")]


def test_names_work_after_its_head_noun_is_other() -> None:
    text = "L'émission Les Vigies du Soir a diffusé un reportage."
    kept, _ = _names(text, ents=[("Les Vigies du Soir", "MISC")])
    assert kept == [("Vigies du Soir", EntityType.OTHER)]


def test_names_debug_option_prints_the_dropped_spans(tmp_path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    article = tmp_path / "a.txt"
    article.write_text("La Justice a été saisie par Anne Morel.", encoding="utf-8")
    out = tmp_path / "a.ttl"
    result = CliRunner().invoke(app, ["--debug", "build", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "kg.mentions: a: dropped 'Justice' at 3: common noun without evidence" in result.stderr
    quiet = CliRunner().invoke(app, ["build", str(article), "-o", str(out), "--force"])
    assert quiet.exit_code == 0 and "dropped" not in quiet.stderr


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le ministre a déclaré sur France Inter Marie Dupont que rien n'était fait.",
            [("France Inter", ORG), ("Marie Dupont", PERSON)],
        ),
        ("Selon Le Monde, la réforme est prête.", [("Le Monde", ORG)]),
    ],
)
def test_names_media_are_organisations_and_end_a_span(text: str, expected) -> None:
    kept, _ = _names(text)
    assert kept == expected
    swallowed = text.split(" que ")[0].split("sur ")[-1] if "sur " in text else ""
    if swallowed:
        kept, _ = _names(text, ents=[(swallowed, "ORG")])
        assert kept == expected


def test_names_the_common_phrase_of_a_medium_stays_no_name() -> None:
    kept, dropped = _names("Le monde entier regarde.", ents=[("Le monde", "ORG")])
    assert kept == [] and [text for text, _ in dropped] == ["Le monde"]


@pytest.mark.parametrize(
    "text, body, kept_as",
    [
        ("Marc Durand, président du Conseil, a démissionné.", "Conseil", None),
        ("La vice-présidente du Conseil, Anne Roy, a voté.", "Conseil", None),
        ("Le secrétaire général du Conseil a signé hier.", "Conseil", None),
        ("Claire Martin, présidente du Sénat, a reçu Paul Leroy.", "Sénat", ORG),
        ("Le porte-parole du Kremlin a démenti.", "Kremlin", ORG),
        ("Le président du Conseil européen a parlé.", "Conseil européen", ORG),
    ],
)
def test_names_body_after_a_role_is_a_name_unless_a_lone_office_body(text, body, kept_as) -> None:
    kept, dropped = _names(text, ents=[(body, "ORG")])
    if kept_as is None:  # "président du Conseil": the body belongs to the title
        assert body not in [k for k, _ in kept]
        assert (body, "body completing a role") in dropped
    else:
        assert (body, kept_as) in kept


@pytest.mark.parametrize(
    "text, name, label, kept_as",
    [
        ("L'émission s'ouvrait sur la mention « Rodolphe III » à l'écran.", "Rodolphe III", "PER",
         OTHER),
        ('La "Grand Juge" de la cour a prêté serment.', "Grand Juge", "PER", OTHER),
        ("Le comique criait « Bonjour Lucien Morel » en riant.", "Bonjour Lucien Morel", "PER",
         OTHER),
        ("« Lucien Morel a menti », a dit Paul Leroy.", "Lucien Morel", "PER", PERSON),
        ("Le quotidien « Le Monde » a publié l'entretien.", "Le Monde", "ORG", ORG),
        ("Selon « Lucien Morel », tout va bien.", "Lucien Morel", "PER", PERSON),
    ],
)  # fmt: skip
def test_names_whole_quotation_after_verb_noun_or_article_is_a_title(
    text, name, label, kept_as
) -> None:
    # a longer quote, a known medium and a quotation after a preposition keep their type
    kept, _ = _names(text, ents=[(name, label)])
    assert kept == [(name, kept_as)]


@pytest.mark.parametrize(
    "text, span, kept",
    [
        # a known medium whose article the preposition absorbed
        ("Marie Lenoir, du Figaro, est rentrée.", "Figaro", ("Figaro", ORG)),
        ("Il l'a confié au Monde hier soir.", "Monde", ("Monde", ORG)),
        # an organisation's head noun before the name earns a dictionary word
        ("Paul Girard, du parti Les Républicains, a voté.", "Républicains", ("Républicains", ORG)),
        ("Elle écrit pour le journal Libération depuis mai.", "Libération", ("Libération", ORG)),
        # an institution noun and its adjectives are one name
        ("Le Conseil constitutionnel a tranché.", "Conseil", ("Conseil constitutionnel", ORG)),
        ("La Cour suprême a rejeté le recours.", "Cour", ("Cour suprême", ORG)),
        # the complement of a role elected for a territory is a place
        ("Paul Girard, député de la Gironde, a voté.", "Gironde", ("Gironde", PLACE)),
        ("Anne Roux, maire de Villeneuve, a parlé.", "Villeneuve", ("Villeneuve", PLACE)),
        ("Paul Girard, président du Sénat, a parlé.", "Sénat", ("Sénat", ORG)),
    ],
)  # fmt: skip
def test_names_articles_heads_and_adjectives_earn_dictionary_words(text, span, kept) -> None:
    names, _ = _names(text, ents=[(span, "ORG")])
    assert kept in names


@pytest.mark.parametrize(
    "text, span",
    [
        ("Le monde du travail proteste.", "monde"),  # not capitalised: no medium
        ("Il a parlé de la libération des otages.", "libération"),
        ("Berlusconi, président du Conseil italien, a parlé.", "Conseil"),  # a demonym stays out
    ],
)
def test_names_articles_heads_and_adjectives_stay_in_their_shape(text, span) -> None:
    names, _ = _names(text, ents=[(span, "ORG")])
    assert all(not label.lower().startswith(span.lower()) or label == span for label, _ in names)
    assert ("Conseil italien", ORG) not in names
