"""Frames matched on real parses of sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import facts_of

from kg.model import Fact, Modality, Polarity


def triples(facts: list[Fact], predicate: str) -> set[tuple[str, str]]:
    return {
        (f.subject.split("/")[-1], (f.object or f.value or "").split("/")[-1])
        for f in facts
        if f.predicate == predicate
    }


def one(facts: list[Fact], predicate: str) -> Fact:
    found = [f for f in facts if f.predicate == predicate]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Emmanuel Macron a rencontré Olaf Scholz à Berlin.", ("emmanuel-macron", "olaf-scholz")),
        (
            "Olaf Scholz a été reçu par Emmanuel Macron à l'Élysée.",
            ("emmanuel-macron", "olaf-scholz"),
        ),
        (
            "Angela Merkel s'est entretenue avec Justin Trudeau mardi.",
            ("angela-merkel", "justin-trudeau"),
        ),
        (
            "Angela Merkel et Justin Trudeau se sont rencontrés à Ottawa.",
            ("angela-merkel", "justin-trudeau"),
        ),
        (
            "Une réunion entre Angela Merkel et Justin Trudeau a eu lieu à Ottawa.",
            ("angela-merkel", "justin-trudeau"),
        ),
    ],
)
def test_frames_meet_in_many_forms(nlp, text: str, expected: tuple[str, str]) -> None:
    found = triples(facts_of(text), "metWith")
    assert expected in found or expected[::-1] in found, found


def test_frames_meet_caption_has_place_and_year(nlp) -> None:
    fact = one(
        facts_of("Boris Johnson et Narendra Modi lors d'une réunion en Inde, 2021."), "metWith"
    )
    assert fact.place == "place/inde"
    assert fact.time == "2021"
    assert fact.provenance.rule == "frame:meet.v1"


def test_frames_relative_clause_subject(nlp) -> None:
    facts = facts_of("Le chancelier Olaf Scholz, qui a rencontré Joe Biden, est rentré à Berlin.")
    assert ("olaf-scholz", "joe-biden") in triples(facts, "metWith")


def test_frames_visit_noun_with_year(nlp) -> None:
    fact = one(
        facts_of(
            "Lors de la visite de Xi Jinping à Moscou en 2023, les deux pays ont signé un accord."
        ),
        "visited",
    )
    assert fact.subject.endswith("xi-jinping")
    assert fact.object == "place/moscou"
    assert fact.time == "2023"


def test_frames_visit_verb(nlp) -> None:
    facts = facts_of("Emmanuel Macron s'est rendu à Kiev la semaine dernière.")
    assert ("emmanuel-macron", "kiev") in triples(facts, "visited")


def test_frames_negation_with_pas_encore(nlp) -> None:
    fact = one(
        facts_of("Jacques Chirac n'a pas encore félicité George Bush pour sa victoire."),
        "congratulated",
    )
    assert fact.polarity is Polarity.NEGATIVE
    assert fact.modality is Modality.ASSERTED


def test_frames_not_excluded_is_possible_and_positive(nlp) -> None:
    fact = one(facts_of("Angela Merkel n'a pas exclu d'appeler Vladimir Poutine."), "contacted")
    assert fact.polarity is Polarity.POSITIVE
    assert fact.modality is Modality.POSSIBLE


def test_frames_negated_intention_is_negative_and_planned(nlp) -> None:
    fact = one(
        facts_of("Angela Merkel n'envisage pas de s'entretenir avec Donald Trump."), "metWith"
    )
    assert fact.polarity is Polarity.NEGATIVE
    assert fact.modality is Modality.PLANNED


def test_frames_refuse_is_negative(nlp) -> None:
    fact = one(facts_of("Nicolas Sarkozy a refusé de rencontrer Vladimir Poutine."), "metWith")
    assert fact.polarity is Polarity.NEGATIVE


def test_frames_future_is_planned(nlp) -> None:
    fact = one(facts_of("Emmanuel Macron rencontrera Olaf Scholz à Berlin."), "metWith")
    assert fact.modality is Modality.PLANNED


def test_frames_coordination_gives_one_fact_each(nlp) -> None:
    facts = facts_of("Jacques Chirac a félicité George Bush et Tony Blair.")
    assert triples(facts, "congratulated") == {
        ("jacques-chirac", "george-bush"),
        ("jacques-chirac", "tony-blair"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Le contact avec la réalité a été difficile pour Emmanuel Macron.",
        "Emmanuel Macron a rencontré des difficultés au Sénat.",
        "Angela Merkel a appelé à la retenue.",
        "Plus tôt cette année, Emmanuel Macron a visité une usine.",
    ],
)
def test_frames_trigger_in_another_sense_gives_nothing(nlp, text: str) -> None:
    facts = [f for f in facts_of(text) if f.predicate in ("metWith", "contacted", "visited")]
    assert facts == []


def test_frames_threat_with_object_and_with_condition(nlp) -> None:
    facts = facts_of("Recep Erdogan a menacé la Grèce de représailles.")
    assert ("recep-erdogan", "grece") in triples(facts, "threatened")
    text = "Donald Trump a menacé de partir si les alliés de l'Union européenne ne payaient pas."
    assert ("donald-trump", "union-europeenne") in triples(facts_of(text), "threatened")


def test_frames_accusation_passive(nlp) -> None:
    facts = facts_of("Vladimir Poutine a été accusé par Joe Biden de crimes de guerre.")
    assert ("joe-biden", "vladimir-poutine") in triples(facts, "accused")


def test_frames_role_apposition_gives_position_and_spokesperson(nlp) -> None:
    facts = facts_of("Karine Jean-Pierre, porte-parole de Joe Biden, a parlé mardi.")
    assert ("karine-jean-pierre", "joe-biden") in triples(facts, "speaksFor")
    position = one(facts, "holdsPosition")
    assert position.value == "porte-parole"
    assert position.of and position.of.endswith("joe-biden")


def test_frames_role_with_demonym_and_modifier(nlp) -> None:
    fact = one(
        facts_of("Le président élu brésilien Lula da Silva a promis des réformes."), "holdsPosition"
    )
    assert fact.value == "président élu"
    assert fact.of == "place/bresil"


def test_frames_evidence_offsets_point_into_the_original_text(nlp) -> None:
    text = "« Bonjour », dit-on. Jacques Chirac a rencontré George Bush à Paris."
    fact = one(facts_of(text), "metWith")
    evidence = text[fact.provenance.start : fact.provenance.end]
    assert evidence.startswith("Jacques Chirac") and evidence.endswith("George Bush")
    assert fact.provenance.sentence == "Jacques Chirac a rencontré George Bush à Paris."
    assert 0 < fact.provenance.confidence <= 1


def test_frames_phone_conversation_is_contact_not_meeting(nlp) -> None:
    facts = facts_of("Le chancelier Olaf Scholz s'est entretenu au téléphone avec Joe Biden.")
    assert ("olaf-scholz", "joe-biden") in triples(facts, "contacted")
    assert triples(facts, "metWith") == set()


def test_frames_support_verb_gives_the_noun_its_subject_and_place(nlp) -> None:
    fact = one(facts_of("Joe Biden a eu un entretien avec Xi Jinping à Bali."), "metWith")
    assert (fact.subject, fact.object) == ("person/joe-biden", "person/xi-jinping")
    assert fact.place == "place/bali"


def test_frames_object_control_of_an_infinitive(nlp) -> None:
    facts = facts_of("Joe Biden a accusé Vladimir Poutine d'avoir menacé la Pologne.")
    assert ("joe-biden", "vladimir-poutine") in triples(facts, "accused")
    assert ("vladimir-poutine", "pologne") in triples(facts, "threatened")
    assert ("joe-biden", "pologne") not in triples(facts, "threatened")


def test_frames_denial_of_accusations_keeps_the_accuser(nlp) -> None:
    facts = facts_of("Jean Dupont a démenti les accusations de la société Renault.")
    assert ("jean-dupont", "renault") not in triples(facts, "accused")


def test_frames_hyphenated_role_and_former_holder(nlp) -> None:
    fact = one(
        facts_of("Le départ de Daniel Bernard, ancien président-directeur général de Carrefour."),
        "holdsPosition",
    )
    assert fact.subject == "person/daniel-bernard"
    assert fact.value == "ancien président-directeur général"
    assert fact.of == "organization/carrefour"


def test_frames_role_of_an_organisation_needs_a_holder(nlp) -> None:
    facts = facts_of("Le directeur de la banque a démissionné hier soir.")
    assert [f for f in facts if f.predicate == "holdsPosition"] == []


def test_frames_call_on_someone_to_act_is_no_contact(nlp) -> None:
    facts = facts_of("Emmanuel Macron a appelé Vladimir Poutine à cesser les combats.")
    assert triples(facts, "contacted") == set()
    facts = facts_of("Emmanuel Macron a appelé Vladimir Poutine pour parler de la guerre.")
    assert ("emmanuel-macron", "vladimir-poutine") in triples(facts, "contacted")


def test_frames_possessive_visit_takes_the_clause_subject(nlp) -> None:
    facts = facts_of("Lors de sa visite à Pékin, Emmanuel Macron a rencontré Xi Jinping.")
    assert ("emmanuel-macron", "pekin") in triples(facts, "visited")
    assert ("emmanuel-macron", "xi-jinping") in triples(facts, "metWith")


def test_frames_time_of_the_event_not_of_an_argument():
    accused = one(
        facts_of(
            "Les services de renseignement américains accusent la Russie d'ingérence "
            "dans l'élection présidentielle de 2016."
        ),
        "accused",
    )
    assert accused.time is None
    met = one(
        facts_of("Emmanuel Macron a rencontré Olaf Scholz en juillet 2018 à Berlin."), "metWith"
    )
    assert met.time == "2018-07"  # the month before the year counts
    met = one(
        facts_of("Emmanuel Macron a rencontré Olaf Scholz le 3 mars 2019 à Berlin."), "metWith"
    )
    assert met.time == "2019-03-03"


@pytest.mark.parametrize(
    ("text", "holder", "value"),
    [
        (
            "Victor Hugo Rosero, chef d'état-major de la marine, a parlé.",
            "victor-hugo-rosero",
            "chef d'état-major",
        ),
        (
            "Emmanuel Akitani Bob, chef de file de l'opposition, a voté.",
            "emmanuel-akitani-bob",
            "chef de file",
        ),
        ("Dmitri Peskov, porte-parole du Kremlin, a parlé.", "dmitri-peskov", "porte-parole"),
        (
            "La ministre de la Culture et de la Communication, Marie Durand, a parlé.",
            "marie-durand",
            "ministre de la Culture et de la Communication",
        ),
        (
            "La ministre des Sports et des Jeux olympiques, Amélie Oudéa, a parlé.",
            "amelie-oudea",
            "ministre des Sports et des Jeux olympiques",
        ),
        (
            "Le ministre des Relations avec le Parlement, Paul Martin, a parlé.",
            "paul-martin",
            "ministre des Relations avec le Parlement",
        ),
        # a name after "avec" is a companion, not part of the title
        (
            "Le ministre de la Défense, Paul Martin, a visité Lyon avec Jean Dupont.",
            "paul-martin",
            "ministre de la Défense",
        ),
    ],
)
def test_frames_role_value_keeps_its_complement(text, holder, value):
    positions = [f for f in facts_of(text) if f.predicate == "holdsPosition"]
    assert [(f.subject.split("/")[-1], f.value) for f in positions] == [(holder, value)]


@pytest.mark.parametrize(
    ("text", "predicate", "pair"),
    [
        # the parser tags "Donald" X and hangs it as an xcomp, not the object
        (
            "Olaf Scholz a félicité Donald Trump pour sa victoire.",
            "congratulated",
            ("olaf-scholz", "donald-trump"),
        ),
        # the tagger takes the participle "téléphoné" for a noun
        (
            "Emmanuel Macron a téléphoné à Vladimir Poutine dimanche.",
            "contacted",
            ("emmanuel-macron", "vladimir-poutine"),
        ),
    ],
)
def test_frames_survive_parser_mistakes(text, predicate, pair):
    assert triples(facts_of(text), predicate) == {pair}


def test_frames_warn_with_mettre_en_garde():
    text = "La Chine a mis en garde Taïwan contre toute provocation."
    assert triples(facts_of(text), "warned") == {("chine", "taiwan")}


def test_frames_role_with_demonym_before_its_complement():
    fact = one(
        facts_of("Le ministre français des Affaires étrangères, Jean-Noël Barrot, a parlé."),
        "holdsPosition",
    )
    assert (fact.subject, fact.value, fact.of) == (
        "person/jean-noel-barrot",
        "ministre des Affaires étrangères",
        "place/france",
    )


def test_frames_first_person_in_a_quote_is_the_speaker():
    text = "« Nous défendrons la Pologne », a déclaré Olaf Scholz à Berlin."
    assert triples(facts_of(text), "defended") == {("olaf-scholz", "pologne")}


def test_frames_coordinated_pronoun_and_time_of_the_governing_verb():
    text = (
        "Giorgia Meloni n'a pas encore rencontré Keir Starmer, mais elle prévoit de se rendre "
        "à Londres en mars 2026."
    )
    facts = facts_of(text)
    met = one(facts, "metWith")
    assert met.polarity is Polarity.NEGATIVE
    visit = one(facts, "visited")
    assert (visit.subject, visit.object, visit.modality, visit.time) == (
        "person/giorgia-meloni",
        "place/londres",
        Modality.PLANNED,
        "2026-03",
    )


@pytest.mark.parametrize(
    ("text", "holder", "value"),
    [
        (
            "On attend le départ de MM. Jaroslav Palas, ministre de l'Agriculture, "
            "et Vladimir Mlynar, ministre de l'Informatique.",
            "jaroslav-palas",
            "ministre de l'Agriculture",
        ),
        ("Le porte-parole du Kremlin, Dmitri Peskov, a parlé.", "dmitri-peskov", "porte-parole"),
    ],
)
def test_frames_role_holder_before_or_after_by_determiner(text, holder, value):
    positions = {
        (f.subject.split("/")[-1], f.value)
        for f in facts_of(text)
        if f.predicate == "holdsPosition"
    }
    assert (holder, value) in positions


def test_frames_copula_role_keeps_polarity_and_tense():
    future = one(facts_of("Jean Dupont sera le prochain ministre de l'Intérieur."), "holdsPosition")
    assert (future.polarity, future.modality) == (Polarity.POSITIVE, Modality.PLANNED)
    former = one(facts_of("Jean Dupont n'est plus ministre de l'Intérieur."), "holdsPosition")
    assert former.polarity is Polarity.NEGATIVE


def test_frames_negated_reflexive_verb_is_not_passive():
    text = "Antony Blinken ne s'est pas entretenu avec son homologue chinois Wang Yi."
    met = one(facts_of(text), "metWith")
    assert {met.subject, met.object} == {"person/antony-blinken", "person/wang-yi"}
    assert met.polarity is Polarity.NEGATIVE


def test_frames_attribution_is_not_an_argument():
    text = "Selon l'agence Reuters, la Chine a mis en garde Taïwan contre toute provocation."
    warned = one(facts_of(text), "warned")
    assert (warned.object, warned.source) == ("place/taiwan", "organization/reuters")
