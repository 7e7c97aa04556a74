"""Role coreference: a definite role phrase joined to the one person named
earlier with that role, and left alone when it is ambiguous or has no antecedent."""

import pytest

from kg.entities import group_mentions, resolve_references
from kg.ingest import article_from_text
from kg.mentions import extract_mentions
from kg.model import MentionKind
from kg.nlp import parse


def role_owners(text: str) -> dict[int, str | None]:
    """For every role mention of the text (by start offset), the label of the
    entity it was joined to, or None."""
    parsed = next(parse([article_from_text(text, "t")]))
    mentions = extract_mentions(parsed)
    index = resolve_references(parsed, group_mentions(mentions), mentions)
    owners: dict[int, str | None] = {}
    for entity in index.entities:
        for m in entity.mentions:
            if m.kind is MentionKind.ROLE:
                owners[m.start] = entity.label
    return owners


def owner_of_last(text: str, phrase: str) -> str | None:
    return role_owners(text).get(text.rindex(phrase))


@pytest.mark.parametrize(
    "text, phrase, person",
    [
        (
            "Le Président brésilien Paulo Mendes a reçu des journalistes mardi. "
            "Le président brésilien a affirmé que les négociations avançaient.",
            "président brésilien a affirmé",
            "Paulo Mendes",
        ),
        (
            "Anne Roux, ministre de la Culture, a inauguré le musée. "
            "La ministre a ensuite annoncé que les travaux reprendraient.",
            "ministre a ensuite",
            "Anne Roux",
        ),
        (
            "Le ministre de la Santé du Portugal, Luis Costa, a visité l'hôpital. "
            "Le ministre a déclaré que la situation restait grave.",
            "ministre a déclaré",
            "Luis Costa",
        ),
        (
            "L'émissaire des Nations unies, Pierre Lambert, est arrivé à Tunis. "
            "L'émissaire rencontrera les chefs des partis jeudi.",
            "émissaire rencontrera",
            "Pierre Lambert",
        ),
        # another name of the role
        (
            "Le pape Grégoire XVII a quitté Rome. Un cardinal a défendu le souverain pontife.",
            "souverain pontife",
            "Grégoire XVII",
        ),
        # a later phrase may leave out "nouveau"
        (
            "Le nouveau président Hugo Lima a prêté serment. "
            "Le président a promis que les élections auraient lieu.",
            "président a promis",
            "Hugo Lima",
        ),
    ],
)
def test_role_coref_joins_a_definite_role_to_the_person_named_with_it(text, phrase, person):
    assert owner_of_last(text, phrase) == person


@pytest.mark.parametrize(
    "text, phrase",
    [
        # two people named earlier with the role: ambiguous
        (
            "Le président Jean Dupont a reçu le président Marc Petit à Paris. "
            "Le président a déclaré que la rencontre avait été utile.",
            "président a déclaré",
        ),
        # no one named with the role before
        ("Le président a déclaré que la rencontre avait été utile.", "président a déclaré"),
        # a former president is no antecedent of "le président"
        (
            "L'ancien président Jean Dupont a publié un livre. "
            "Le président a déclaré qu'il ne l'avait pas lu.",
            "président a déclaré",
        ),
        # the phrase names a country the earlier role did not carry
        (
            "Le président Jean Dupont a reçu des élus. "
            "Le président russe a déclaré que les sanctions dureraient.",
            "président russe",
        ),
        # not a definite phrase
        (
            "Le ministre Paul Girard a visité Lille. "
            "Un ministre a déclaré que la réforme serait retirée.",
            "ministre a déclaré",
        ),
        # the antecedent must come first
        (
            "La ministre a déclaré que la réforme serait retirée. "
            "La ministre Claire Morel l'avait pourtant défendue.",
            "ministre a déclaré",
        ),
        # "le président X" is no antecedent of "le nouveau président"
        (
            "Le président Hugo Lima a quitté ses fonctions. "
            "Le nouveau président a promis que les élections auraient lieu.",
            "président a promis",
        ),
        # the complement runs into a verb: the name is the object, not an apposition
        (
            "Le ministre de la Santé a rencontré Luis Costa, un médecin, à Porto.",
            "ministre de la Santé",
        ),
        # punctuation inside the complement
        (
            "Le ministre de la Santé (Portugal) salue Luis Costa, un médecin.",
            "ministre de la Santé",
        ),
    ],
)
def test_role_coref_leaves_ambiguous_or_unanchored_roles_unresolved(text, phrase):
    assert owner_of_last(text, phrase) is None


def test_role_coref_gives_the_fact_to_the_person():
    from kg.pipeline import Pipeline

    text = (
        "Le Président tchèque Pavel Novak est arrivé à Berlin lundi. "
        "Le président tchèque a déclaré que l'accord serait signé avant l'été."
    )
    extraction = Pipeline().extract(article_from_text(text, "t"))
    novak = next(e for e in extraction.entities if e.label == "Pavel Novak")
    said = [f for f in extraction.facts if f.predicate == "said"]
    assert [f.subject for f in said] == [novak.key]


def test_role_coref_keeps_modifiers_written_before_the_noun():
    text = (
        "L'ancien président Jean Dupont a publié un livre. "
        "L'ancien président a déclaré que la campagne serait longue."
    )
    assert owner_of_last(text, "président a déclaré") == "Jean Dupont"


def test_role_coref_reads_a_role_joined_to_its_article():
    text = (
        "Le chancelier Karl Weber a présenté son budget. "
        "Les députés ont critiqué le discours du chancelier jeudi."
    )
    assert owner_of_last(text, "chancelier jeudi") == "Karl Weber"


@pytest.mark.parametrize(
    "text, phrase, person",
    [
        # a woman named with the masculine form, then with the feminine one
        (
            "Le rapporteur de la commission, Anne Roux, a rendu son avis. La rapporteuse a "
            "plaidé pour une réforme.",
            "rapporteuse a plaidé",
            "Anne Roux",
        ),
        (
            "Le directeur de l'hôpital, Claire Morel, est arrivée lundi. La directrice a "
            "annoncé des travaux.",
            "directrice a annoncé",
            "Claire Morel",
        ),
        # and the other way round
        (
            "La sénatrice Hélène Blanc a voté contre le texte. Le sénateur a expliqué son vote.",
            "sénateur a expliqué",
            "Hélène Blanc",
        ),
    ],
)
def test_role_coref_feminine_and_masculine_forms_are_one_role(text, phrase, person):
    assert owner_of_last(text, phrase) == person


def test_role_coref_other_gender_form_of_another_role_stays_unresolved():
    text = "Le rapporteur de la commission, Anne Roux, a rendu son avis. La directrice a parlé."
    assert owner_of_last(text, "directrice a parlé") is None
