"""Disambiguation with the shipped catalogue: context, types, surnames, NIL."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import article

from kg.link import DEFAULT_THRESHOLD, Catalogue, Linker
from kg.link.scoring import MARGIN, Option, choose
from kg.model import Entity, EntityType

PERSON, PLACE, ORG = EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION

US_ELECTION = (
    "Le jour du scrutin, les services de renseignement américains ont lancé des "
    "avertissements contre les agents russes, tandis que de fausses alertes à la bombe "
    "contre les bureaux de vote en Géorgie ont été imputées à l'ingérence russe. "
    "Donald Trump a battu l'administration de Joe Biden."
)
TBILISI = (
    "À Tbilissi, des dizaines de milliers de manifestants ont défilé devant le "
    "Parlement. La Géorgie, candidate à l'Union européenne, est divisée."
)


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker()


def test_link_disambiguate_georgia_in_us_election_is_the_state(linker: Linker) -> None:
    entities = [
        Entity("place/georgie", PLACE, "Géorgie"),
        Entity("person/donald-trump", PERSON, "Donald Trump"),
        Entity("person/joe-biden", PERSON, "Joe Biden"),
    ]
    linked = linker.link(entities, article(US_ELECTION))
    assert [e.qid for e in linked] == ["Q1428", "Q22686", "Q6279"]
    assert [e.key for e in linked] == [e.key for e in entities]
    assert linked[0].link is not None and linked[0].link.rule == "link:catalogue.v1"


def test_link_disambiguate_georgia_near_tbilisi_is_the_country(linker: Linker) -> None:
    entities = [
        Entity("place/tbilissi", PLACE, "Tbilissi"),
        Entity("place/georgie", PLACE, "Géorgie"),
        Entity("organization/union-europeenne", ORG, "Union européenne"),
    ]
    linked = linker.link(entities, article(TBILISI))
    assert [e.qid for e in linked] == ["Q994", "Q230", "Q458"]  # Tbilissi is a city now


def test_link_disambiguate_georgia_in_the_reference_article(
    linker: Linker, seed_path: Path
) -> None:
    text = seed_path.read_text(encoding="utf-8")
    entities = [
        Entity("person/vladimir-poutine", PERSON, "Vladimir Poutine", ("Poutine",)),
        Entity("person/donald-trump", PERSON, "Donald Trump", ("Trump",)),
        Entity("place/etats-unis", PLACE, "États-Unis", ("américain", "américains")),
        Entity("place/georgie", PLACE, "Géorgie"),
        Entity("place/finlande", PLACE, "Finlande"),
        Entity("place/maison-blanche", PLACE, "Maison Blanche"),
        Entity("organization/otan", ORG, "OTAN"),
        Entity("person/dmitri-peskov", PERSON, "Dmitri Peskov", ("Peskov",)),
    ]
    linked = linker.link(entities, article(text, "seed"))
    qids = [e.qid for e in linked]
    assert qids == ["Q7747", "Q22686", "Q30", "Q1428", "Q33", "Q35525", "Q7184", None]


def test_link_disambiguate_person_never_links_to_a_place(linker: Linker) -> None:
    for name in ("Géorgie", "Russie", "Finlande", "OTAN", "Maison Blanche"):
        linked = linker.link([Entity("person/x", PERSON, name)], article(US_ELECTION))
        assert linked[0].link is None, name


def test_link_disambiguate_place_never_links_to_a_person(linker: Linker) -> None:
    linked = linker.link([Entity("place/trump", PLACE, "Donald Trump")], article(US_ELECTION))
    assert linked[0].link is None


def test_link_disambiguate_unknown_name_stays_nil(linker: Linker) -> None:
    entities = [
        Entity("person/dmitri-peskov", PERSON, "Dmitri Peskov", ("Peskov",)),
        Entity("organization/interfax", ORG, "Interfax"),
        Entity("place/nulle-part", PLACE, "Nulle-Part-sur-Mer"),
    ]
    assert all(e.link is None for e in linker.link(entities, article(US_ELECTION)))


def test_link_disambiguate_bare_surname_links_when_single_or_named_in_full(linker: Linker) -> None:
    alone = linker.link([Entity("person/trump", PERSON, "Trump")], article("Trump a parlé."))
    assert alone[0].qid == "Q22686"
    single_score = alone[0].link.score
    named = linker.link(
        [Entity("person/trump", PERSON, "Trump")],
        article("Donald Trump a parlé. Plus tard, Trump a ajouté."),
    )
    assert named[0].qid == "Q22686" and named[0].link.score > single_score


def test_link_disambiguate_shared_surname_stays_nil(linker: Linker) -> None:
    catalogue = linker.catalogue
    shared = [
        name
        for name in ("Harris", "Kishida", "Guterres", "Biden")
        if len(catalogue.with_name("surname", name)) > 1
    ]
    assert shared, "the catalogue should hold at least one surname borne by two leaders"
    linked = linker.link([Entity("person/x", PERSON, shared[0])], article("Il a parlé."))
    assert linked[0].link is None


def test_link_disambiguate_keeps_existing_links_and_order(linker: Linker) -> None:
    entities = linker.link(
        [Entity("place/russie", PLACE, "Russie"), Entity("place/finlande", PLACE, "Finlande")],
        article("La Russie et la Finlande."),
    )
    again = linker.link(entities, article("La Russie et la Finlande."))
    assert again == entities


def test_link_disambiguate_threshold_and_margin_decide_nil() -> None:
    strong = Option("Q230", "country", 1.0, 1.0)
    weak = Option("Q1428", "region", 0.7, 0.6)
    assert choose([strong, weak], PLACE, frozenset(), {})[0].qid == "Q230"
    # 0.45 * 0.7 + 0.15 * 1 + 0.15 * 0.6 = 0.555, below the threshold
    assert DEFAULT_THRESHOLD > 0.555
    assert choose([weak], PLACE, frozenset(), {}) is None
    # the same candidate with one supporting item of context: + 0.25 * 0.5
    assert choose([weak], PLACE, frozenset({"Q30"}), {"Q1428": {"Q30"}}) is not None
    assert choose([strong], PLACE, frozenset(), {}, threshold=0.99) is None
    twin = Option("Q1428", "country", 1.0, 1.0 - MARGIN / 0.15 / 2)
    assert choose([strong, twin], PLACE, frozenset(), {}) is None


def test_link_disambiguate_linker_with_empty_catalogue_and_no_endpoint_links_nothing() -> None:
    linked = Linker(Catalogue([])).link([Entity("place/russie", PLACE, "Russie")], article("x"))
    assert linked[0].link is None


def _one_place(linker: Linker, name: str, text: str) -> str | None:
    return linker.link([Entity(f"place/{name.lower()}", PLACE, name)], article(text))[0].qid


def test_link_disambiguate_cities_of_the_table_are_linked(linker: Linker) -> None:
    assert _one_place(linker, "Paris", "La grève a paralysé Paris mardi.") == "Q90"
    assert _one_place(linker, "Pékin", "Pékin a convoqué l'ambassadeur.") == "Q956"
    # the English name of a city is one of its names too
    assert _one_place(linker, "Beijing", "Des étudiants ont défilé à Beijing.") == "Q956"
    assert _one_place(linker, "Beyrouth", "Une explosion a secoué Beyrouth.") == "Q3820"


def test_link_disambiguate_city_homonyms_follow_the_country_named(linker: Linker) -> None:
    libya = "Les combats ont repris à Tripoli, la capitale de la Libye."
    lebanon = "À Tripoli, dans le nord du Liban, l'armée a pris position."
    assert _one_place(linker, "Tripoli", libya) == "Q3579"
    assert _one_place(linker, "Tripoli", lebanon) is None
    south_africa = "Le maire de Wellington, en Afrique du Sud, a démissionné."
    assert _one_place(linker, "Wellington", south_africa) is None
    austria = "Le chancelier a quitté Vienne pour l'Autriche rurale."
    assert _one_place(linker, "Vienne", austria) == "Q1741"
    # the French département of the same name: the article names France
    assert _one_place(linker, "Vienne", "Les crues ont touché la Vienne, en France.") is None


def test_link_disambiguate_city_homonyms_without_context_need_a_large_lead(
    linker: Linker,
) -> None:
    # New Zealand's capital is more than five times as large as the others.
    assert _one_place(linker, "Wellington", "Il est arrivé à Wellington hier.") == "Q23661"
    # Canton (Ohio) and Guangzhou: the Chinese city leads by far.
    assert _one_place(linker, "Canton", "Une usine a fermé à Canton.") == "Q16572"


def test_link_disambiguate_person_named_like_a_city_stays_unlinked(linker: Linker) -> None:
    text = "Florence a rencontré Paris Hilton devant l'hôtel."
    for name in ("Florence", "Paris"):
        person = Entity(f"person/{name.lower()}", PERSON, name)
        assert linker.link([person], article(text))[0].qid is None, name
    assert _one_place(linker, "Djibouti", "Le port de Djibouti est saturé.") == "Q977"


def test_link_disambiguate_provinces_and_continents(linker: Linker) -> None:
    assert _one_place(linker, "Guangdong", "Des usines ferment dans le Guangdong.") == "Q15175"
    assert _one_place(linker, "Europe", "La croissance ralentit en Europe.") == "Q46"
    # an area the catalogue has no id for stays unlinked
    assert _one_place(linker, "Maghreb", "La sécheresse frappe le Maghreb.") is None


@pytest.mark.parametrize(
    "name",
    [
        "Conseil de sécurité de l'ONU",
        "Conseil de sécurité de l'Organisation des Nations unies",
        "Conseil de sécurité des Nations unies",
    ],
)
def test_link_disambiguate_organisation_named_through_another(linker: Linker, name: str) -> None:
    entity = Entity("organization/conseil", ORG, name)
    assert linker.link([entity], article(f"Le {name} a voté."))[0].qid == "Q37470"


def test_link_disambiguate_unknown_head_with_a_known_inner_name_stays_nil(linker: Linker) -> None:
    entity = Entity("organization/bureau", ORG, "Bureau des jardins de l'ONU")
    assert linker.link([entity], article("Le Bureau des jardins de l'ONU a ouvert."))[0].qid is None


def test_link_disambiguate_namesakes_in_the_same_country_need_a_lead(linker: Linker) -> None:
    # Portland (Oregon) is ten times as populous as Portland (Maine): naming
    # the country both lie in leaves the choice to the population
    text = "La police de Portland, aux États-Unis, enquête."
    assert _one_place(linker, "Portland", text) == "Q6106"
    # and a namesake in another country the article names still refuses
    text = "Le maire de Wellington, en Afrique du Sud, a parlé à la Nouvelle-Zélande."
    assert _one_place(linker, "Wellington", text) is None


@pytest.mark.parametrize(
    "name, text, qid",
    [
        ("Kofi Annan", "Kofi Annan a rencontré les délégués à Genève.", "Q1254"),
        ("Jacques Chirac", "Jacques Chirac a reçu son homologue à Paris.", "Q2105"),
        ("Jean-Paul II", "Le pape Jean-Paul II a béni la foule.", "Q989"),
        ("Silvio Berlusconi", "Silvio Berlusconi a quitté Rome hier.", "Q11860"),
    ],
)
def test_link_disambiguate_past_world_figures_are_linked(linker: Linker, name, text, qid) -> None:
    linked = linker.link([Entity("person/x", PERSON, name)], article(text))
    assert linked[0].qid == qid


def test_link_disambiguate_father_and_son_share_a_surname(linker: Linker) -> None:
    bare = linker.link([Entity("person/bush", PERSON, "Bush")], article("Bush a parlé hier."))
    assert bare[0].link is None  # two presidents bear it
    text = "George Walker Bush a parlé à Rome. Plus tard, Bush a quitté l'Italie."
    named = linker.link([Entity("person/bush", PERSON, "Bush")], article(text))
    assert named[0].qid == "Q207"


def test_link_disambiguate_namesake_of_a_past_figure_stays_unlinked(linker: Linker) -> None:
    text = "Paul Chirac, boulanger à Lyon, a ouvert une boutique."
    linked = linker.link([Entity("person/paul-chirac", PERSON, "Paul Chirac")], article(text))
    assert linked[0].link is None
