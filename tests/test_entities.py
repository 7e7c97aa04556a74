"""Entities: merging mentions within an article, and refusing unsafe merges."""

import pytest
from factory import parse_text

from kg.entities import group_mentions, merge_same_links, resolve_references
from kg.frames.resolver import Resolver
from kg.ingest import article_from_text
from kg.mentions import extract_mentions
from kg.model import Entity, EntityType, Link


def entities_of(text: str, holders=None):
    parsed = parse_text(text)
    mentions = extract_mentions(parsed)
    entities = group_mentions(mentions)
    return resolve_references(parsed, entities, mentions, holders=holders)


def labels(index):
    return {e.label: e for e in index.entities}


def test_entities_merge_surname_into_full_name():
    index = entities_of("Joe Biden a parlé mardi. Selon Biden, la réunion a été utile.")
    people = [e for e in index.entities if e.type is EntityType.PERSON]
    assert [e.label for e in people] == ["Joe Biden"]
    assert people[0].aliases == ("Biden",)
    assert len(people[0].mentions) == 2


def test_entities_do_not_merge_two_people_sharing_a_surname():
    text = (
        "Marine Le Pen a répondu à Jean-Marie Le Pen lors du congrès. "
        "Le Pen a ensuite quitté la salle."
    )
    index = entities_of(text)
    people = labels(index)
    assert "Marine Le Pen" in people and "Jean-Marie Le Pen" in people
    assert people["Marine Le Pen"].key != people["Jean-Marie Le Pen"].key
    # The bare surname is ambiguous: it joins neither of them.
    assert all("Le Pen" not in e.aliases for e in people.values())


def test_entities_keys_are_deterministic_and_unique():
    text = "Emmanuel Macron a reçu Olaf Scholz à Paris. Macron et Scholz ont déjeuné."
    first = entities_of(text)
    second = entities_of(text)
    assert [e.key for e in first.entities] == [e.key for e in second.entities]
    assert len({e.key for e in first.entities}) == len(first.entities)
    assert "person/emmanuel-macron" in {e.key for e in first.entities}


def test_entities_demonym_creates_country_entity():
    index = entities_of("Les services de renseignement américains ont lancé un avertissement.")
    places = [e for e in index.entities if e.type is EntityType.PLACE]
    assert [e.label for e in places] == ["États-Unis"]
    assert places[0].aliases == ("américains",)


def test_entities_role_in_apposition_joins_the_person():
    index = entities_of(
        "Le président élu américain Donald Trump a parlé. "
        "Dmitri Peskov, porte-parole du Kremlin, a répondu."
    )
    people = labels(index)
    trump_roles = [m.text for m in people["Donald Trump"].mentions if m.kind.value == "role"]
    peskov_roles = [m.text for m in people["Dmitri Peskov"].mentions if m.kind.value == "role"]
    assert trump_roles == ["président élu américain"]
    assert peskov_roles == ["porte-parole"]


def test_entities_bare_role_needs_knowledge_to_resolve():
    text = "Vladimir Poutine est resté à Moscou. Le président russe n'a pas répondu."
    assert all(m.kind.value != "role" for e in entities_of(text).entities for m in e.mentions)

    def holders(role, place):
        return frozenset({"Q7747"}) if (role, place) == ("president", "russie") else frozenset()

    parsed = parse_text(text)
    mentions = extract_mentions(parsed)
    from dataclasses import replace

    from kg.model import Link

    entities = [
        replace(e, link=Link("Q7747", 1.0, "catalogue", "test"))
        if e.label == "Vladimir Poutine"
        else e
        for e in group_mentions(mentions)
    ]
    index = resolve_references(parsed, entities, mentions, holders=holders)
    putin = labels(index)["Vladimir Poutine"]
    assert [m.text for m in putin.mentions if m.kind.value == "role"] == ["président russe"]


def test_entities_parenthesised_pronoun_and_reported_subject():
    index = entities_of("Il (Trump) a déclaré qu'il appellerait Poutine avant l'investiture.")
    trump = labels(index)["Trump"]
    pronouns = sorted(m.text for m in trump.mentions if m.kind.value == "pronoun")
    assert pronouns == ["Il", "il"]


def test_entities_homologue_is_the_other_person():
    text = "Lors de la visite de Vladimir Poutine à Paris, Emmanuel Macron a reçu son homologue."
    index = entities_of(text)
    putin = labels(index)["Vladimir Poutine"]
    assert [m.text for m in putin.mentions if m.kind.value == "pronoun"] == ["homologue"]


def test_entities_bare_surname_key_is_scoped_to_the_article():
    index = entities_of("Dupontel a parlé hier soir à la télévision.")
    people = [e for e in index.entities if e.type is EntityType.PERSON]
    assert [e.key for e in people] == ["person/t/dupontel"]


def test_entities_pronoun_takes_the_previous_subject_only_when_alone():
    index = entities_of("Angela Merkel a quitté Berlin lundi. Elle a rencontré Emmanuel Macron.")
    merkel = labels(index)["Angela Merkel"]
    assert [m.text for m in merkel.mentions if m.kind.value == "pronoun"] == ["Elle"]
    # Two people in the sentence before: the pronoun stays unresolved.
    index = entities_of("Emmanuel Macron a reçu Olaf Scholz. Il a ensuite rencontré Joe Biden.")
    assert not [m for e in index.entities for m in e.mentions if m.kind.value == "pronoun"]


@pytest.mark.parametrize(
    "text",
    [
        # The parser roots these on the fronted "dans la matinée" and hangs the
        # main verb under it, its subject on the auxiliary.
        "Un peu plus tard dans l'après-midi, le général Marc Durand, accompagné de"
        " plusieurs officiers, a d'ailleurs donné une longue conférence de presse."
        " Il a ensuite quitté la ville.",
        "Un peu plus tard dans la matinée, le général Marc Durand, entouré de plusieurs"
        " officiers, a d'ailleurs présenté son plan. Il a ensuite quitté la ville.",
        "Marc Durand a présenté son plan. Il a ensuite quitté la ville.",
    ],
)
def test_entities_pronoun_takes_the_main_subject_under_a_fronted_adverbial(text: str) -> None:
    durand = labels(entities_of(text))["Marc Durand"]
    assert [m.text for m in durand.mentions if m.kind.value == "pronoun"] == ["Il"]


@pytest.mark.parametrize(
    "text",
    [
        # the person is the subject of a relative or of a subordinate clause
        "Le rapport que Marc Durand a rédigé pendant la soirée est paru. Il a ensuite"
        " quitté la ville.",
        "La réforme dont Marc Durand a parlé hier soir fait débat. Il a ensuite quitté la ville.",
        "On sait depuis hier que Marc Durand a quitté le parti. Il a ensuite rejoint Lyon.",
    ],
)
def test_entities_pronoun_refuses_a_subject_of_a_dependent_clause(text: str) -> None:
    durand = labels(entities_of(text))["Marc Durand"]
    assert not [m for m in durand.mentions if m.kind.value == "pronoun"]


def _pipeline_entities(text: str):
    from kg.pipeline import Pipeline

    return Pipeline().extract(article_from_text(text, "t")).entities


@pytest.mark.parametrize(
    "text, label, alias",
    [
        (
            "La Confédération générale du travail (CGT) appelle à la grève. "
            "La CGT réclame des hausses de salaire.",
            "Confédération générale du travail",
            "CGT",
        ),
        (
            "Le Syndicat national des enseignants a manifesté. Le SNE demande des postes.",
            "Syndicat national des enseignants",
            "SNE",
        ),
    ],
)
def test_entities_acronym_and_long_form_are_one(text: str, label: str, alias: str) -> None:
    orgs = [e for e in entities_of(text).entities if e.type is EntityType.ORGANIZATION]
    assert [(e.label, e.aliases) for e in orgs] == [(label, (alias,))]


@pytest.mark.parametrize(
    "text, label, alias",
    [
        (
            "Marc Petit a démenti les accusations de l'ANB (Agence nationale des barrages).",
            "Agence nationale des barrages",
            "ANB",
        ),
        # a foreign acronym: not the initials of the French name
        (
            "Anne Roux a répondu aux critiques de l'ABW (Agence de sécurité intérieure).",
            "Agence de sécurité intérieure",
            "ABW",
        ),
    ],
)
def test_entities_acronym_before_its_name_in_brackets_is_one(text, label, alias) -> None:
    orgs = [e for e in entities_of(text).entities if e.type is EntityType.ORGANIZATION]
    assert [(e.label, e.aliases) for e in orgs] == [(label, (alias,))]


def test_entities_acronym_before_a_bracketed_place_is_no_new_name() -> None:
    text = "Le comité a reçu le rapport du BPR (Lyon) hier."
    orgs = [e for e in entities_of(text).entities if e.type is EntityType.ORGANIZATION]
    assert all(e.label != "BPR" for e in orgs)


def test_entities_acronym_of_another_long_form_stays_apart() -> None:
    text = (
        "Le Bureau central des statistiques (INSEE) a publié. "
        "La Fédération nationale des éleveurs est inquiète."
    )
    orgs = [e for e in entities_of(text).entities if e.type is EntityType.ORGANIZATION]
    assert all(e.aliases == () for e in orgs if e.label != "Bureau central des statistiques")


def test_entities_middle_name_and_surname_fold_into_the_full_name() -> None:
    text = "Marc Olivier Durand a parlé. Marc Durand a ensuite quitté la salle. Durand est parti."
    people = [e for e in entities_of(text).entities if e.type is EntityType.PERSON]
    assert [(e.label, e.aliases) for e in people] == [
        ("Marc Olivier Durand", ("Durand", "Marc Durand"))
    ]


def test_entities_bare_surname_of_two_people_stays_apart_and_unlinked() -> None:
    text = "La ministre a rencontré Jean-Marc Ferrand et Paul Ferrand. Ferrand a souri."
    people = {e.label: e for e in _pipeline_entities(text) if e.type is EntityType.PERSON}
    assert set(people) == {"Jean-Marc Ferrand", "Paul Ferrand", "Ferrand"}
    assert people["Ferrand"].key == "person/t/ferrand" and people["Ferrand"].qid is None


def test_entities_names_of_one_linked_item_are_one_entity() -> None:
    text = "Des étudiants ont défilé à Pékin. La police de Beijing a dispersé la foule."
    places = [e for e in _pipeline_entities(text) if e.type is EntityType.PLACE]
    assert [(e.label, e.aliases, e.qid, len(e.mentions)) for e in places] == [
        ("Beijing", ("Pékin",), "Q956", 2)
    ]


def test_entities_merge_same_links_keeps_unlinked_apart() -> None:
    a = Entity("place/a", EntityType.PLACE, "Alpha", link=Link("Q1", 0.9, "catalogue", "r"))
    b = Entity("place/b", EntityType.PLACE, "Alpha Nord", link=Link("Q1", 0.9, "catalogue", "r"))
    c = Entity("place/c", EntityType.PLACE, "Gamma")
    d = Entity("place/d", EntityType.PLACE, "Delta")
    merged = merge_same_links([a, c, b, d])
    assert [(e.key, e.label, e.aliases) for e in merged] == [
        ("place/a", "Alpha Nord", ("Alpha",)),
        ("place/c", "Gamma", ()),
        ("place/d", "Delta", ()),
    ]


def test_entities_state_phrase_is_a_mention_of_the_country() -> None:
    text = "Le gouvernement roumain a protesté. Les services de renseignement russes se taisent."
    entities = entities_of(text).entities
    romania = [e for e in entities if e.label == "Roumanie"]
    assert romania and romania[0].type is EntityType.PLACE
    assert "gouvernement roumain" in {m.text for m in romania[0].mentions}
    assert any(e.type is EntityType.ORGANIZATION for e in entities)  # the services stay
    assert not any(e.label == "gouvernement roumain" for e in entities)


def test_entities_party_adjective_is_the_party_named_elsewhere() -> None:
    text = "La députée socialiste Anne Roy a critiqué la réforme, comme le Parti socialiste."
    parties = [e for e in _pipeline_entities(text) if e.type is EntityType.ORGANIZATION]
    assert [(e.label, e.aliases) for e in parties] == [("Parti socialiste", ("socialiste",))]
    alone = _pipeline_entities("Le sénateur républicain Paul Leroy a voté contre.")
    assert [e.label for e in alone if e.type is EntityType.ORGANIZATION] == ["Parti républicain"]


def _orgs(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (e.label, e.aliases)
        for e in entities_of(text).entities
        if e.type is EntityType.ORGANIZATION
    ]


@pytest.mark.parametrize(
    "text, label, aliases",
    [
        # an acronym of the name in its own language, then that name
        (
            "Le Parti populaire estonien (EVE, Eesti Vabariigi Erakond) a remporté le scrutin. "
            "L'EVE gouvernera seul.",
            "Parti populaire estonien",
            ("EVE", "Eesti Vabariigi Erakond"),
        ),
        # an acronym alone, whatever its letters
        (
            "Marc Durand a quitté l'Union des démocrates slovènes (SDZ) en mars.",
            "Union des démocrates slovènes",
            ("SDZ",),
        ),
        # the other name in quotes
        (
            "L'Agence fédérale de l'énergie (BFE, « Bundesamt für Energie ») a publié un rapport.",
            "Agence fédérale de l'énergie",
            ("BFE", "Bundesamt für Energie"),
        ),
    ],
)
def test_entities_bracketed_acronym_and_original_name_are_aliases(text, label, aliases) -> None:
    assert _orgs(text) == [(label, aliases)]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Girard (UMP) a voté contre.",
        "Le Bureau exécutif de l'Union africaine de football (UAF) s'est réuni.",
        "Le Front populaire (PCF, PSU) a défilé.",
        "Le Front populaire (PCF et PSU) a défilé.",
        "Le ministère de la Santé (AFP) a confirmé la nouvelle.",
        "Le Conseil régional (2004) a voté le budget.",
    ],
)
def test_entities_brackets_that_give_no_other_name_merge_nothing(text) -> None:
    assert all(aliases == () for _label, aliases in _orgs(text))


def test_entities_original_name_is_no_word_of_the_sentence() -> None:
    text = "Le Parti populaire estonien (EVE, Eesti Vabariigi Erakond) a gagné."
    index = entities_of(text)
    (party,) = [e for e in index.entities if e.type is EntityType.ORGANIZATION]
    doc = index.parsed.doc
    inside = [t for t in doc if t.text in ("Eesti", "Erakond")]
    assert "Eesti Vabariigi Erakond" in party.aliases
    assert inside and all(index.entity_at(t) is None for t in inside)
    # nor is it found again by its words, as a name the index left out would be
    resolver = Resolver(index.parsed, index)
    assert all(resolver.entity_at(t) is None for t in inside)
    assert index.entity_at(next(t for t in doc if t.text == "EVE")) is party


@pytest.mark.parametrize(
    "text",
    [
        "Le Hezbollah, ou Parti de Dieu, a rejeté l'offre.",
        "Le Parti de Dieu, ou Hezbollah, a rejeté l'offre.",
        "Le ministre a rencontré les chefs du Hezbollah, ou Parti de Dieu.",
        "Le Hezbollah, autrement dit le Parti de Dieu, a rejeté l'offre.",
    ],
)
def test_entities_name_restated_after_ou_is_one_entity_with_one_key(text) -> None:
    orgs = [e for e in entities_of(text).entities if e.type is EntityType.ORGANIZATION]
    assert [(e.key, e.label, e.aliases) for e in orgs] == [
        ("organization/parti-de-dieu", "Parti de Dieu", ("Hezbollah",))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le PS ou les Verts remporteront la mairie.",
        "La CGT, la CFDT, ou FO, appellent à la grève.",
        "Le Parti socialiste, ou le Parti de gauche, présentera un candidat.",
        "Le Likoud, ou Israël, refuse l'accord.",
        "Le congrès se tiendra à Paris, ou plutôt à Lyon.",
    ],
)
def test_entities_a_choice_between_two_names_stays_two(text) -> None:
    index = entities_of(text)
    assert len(index.entities) >= 2
    assert all(e.aliases == () for e in index.entities)


def test_entities_facts_of_both_names_go_to_one_entity() -> None:
    text = (
        "Marc Durand est membre du Parti populaire estonien (EVE, Eesti Vabariigi Erakond). "
        "Anne Roux, membre de l'EVE, a démissionné."
    )
    from kg.pipeline import Pipeline

    extraction = Pipeline().extract(article_from_text(text, "t"))
    members = {(f.subject, f.object) for f in extraction.facts if f.predicate == "memberOf"}
    assert members == {
        ("person/marc-durand", "organization/parti-populaire-estonien"),
        ("person/anne-roux", "organization/parti-populaire-estonien"),
    }


def test_entities_acronym_after_two_names_joins_only_the_one_it_abbreviates() -> None:
    text = "Le Parti du travail (PT) a gagné à Lima et le Front populaire (PT) a perdu à Quito."
    assert _orgs(text) == [("Parti du travail", ("PT",)), ("Front populaire", ())]
    text = (
        "L'Union des paysans (ZSL) a gagné à Varsovie et le Front populaire (ZSL) a perdu "
        "à Cracovie."
    )
    assert all(aliases == () for _label, aliases in _orgs(text))
