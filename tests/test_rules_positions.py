"""Position rules (kg.frames.roles, kg.frames.role_values) on hand-built
parses: a relative clause, a role elected for a territory, a participle role,
a portfolio, an appointment with two objects. The end-to-end tests of the
same shapes are in tests/test_frames_positions.py."""

from __future__ import annotations

import pytest
from test_rules_roles import matches

from kg.lexicon import lexicon

POSITION = "position.v1"


def roles(table: str, names: dict[str, str]) -> list[tuple]:
    """(holder, the entity the role belongs to, the role's value) of each match
    of the position frame, with the lexicon's words as the pipeline gives them."""
    lex = lexicon("fr")
    found = matches(
        table,
        POSITION,
        names,
        constituencies=lex.constituency_roles,
        portfolio_links=lex.portfolio_links,
    )
    return [(m.holder.label, m.of.label if m.of else None, m.value) for m in found]


WHO_IS = """
    Anne        _          PROPN 11 nsubj
    Roux        _          PROPN 1  flat:name
    ,           _          PUNCT 1  punct
    qui         _          PRON  6  nsubj      PronType=Rel
    est         être       AUX   6  cop
    présidente  président  NOUN  1  acl:relcl
    de          _          ADP   9  case
    l'          le         DET   9  det
    Union       _          PROPN 6  nmod
    ,           _          PUNCT 11 punct
    parle       parler     VERB  0  ROOT
    .           _          PUNCT 11 punct
"""


def test_rules_positions_a_relative_pronoun_stands_for_its_antecedent() -> None:
    names = {"Anne Roux": "Person", "Union": "Organization"}
    assert roles(WHO_IS, names) == [("Anne Roux", "Union", "présidente")]
    # a relative clause hung on a place gives nothing
    assert roles(WHO_IS, {"Anne Roux": "Place", "Union": "Organization"}) == []
    # "qui" read as no relative pronoun: the subject stands for itself
    assert roles(WHO_IS.replace("PronType=Rel", "_"), names) == []


SENATOR = """
    Paul        _          PROPN 10 nsubj
    Roux        _          PROPN 1  flat:name
    ,           _          PUNCT 1  punct
    sénateur    _          NOUN  1  appos
    républicain _          ADJ   4  amod
    du          de         ADP   7  case
    Morvan      _          PROPN 4  nmod
    ,           _          PUNCT 10 punct
    a           avoir      AUX   10 aux:tense
    voté        voter      VERB  0  ROOT
    .           _          PUNCT 10 punct
"""


def test_rules_positions_an_elected_role_belongs_to_its_place() -> None:
    names = {"Paul Roux": "Person", "républicain": "Organization", "Morvan": "Place"}
    assert roles(SENATOR, names) == [("Paul Roux", "Morvan", "sénateur")]
    # a minister's complement is no territory: the label stays the role's entity
    minister = SENATOR.replace("sénateur    _", "ministre    _")
    assert roles(minister, names) == [("Paul Roux", "républicain", "ministre")]


CHARGED = """
    Paul        _          PROPN 9  nsubj
    Roux        _          PROPN 1  flat:name
    ,           _          PUNCT 1  punct
    chargé      charger    VERB  1  acl
    des         de         ADP   6  case
    archives    archive    NOUN  4  obl:arg
    ,           _          PUNCT 9  punct
    a           avoir      AUX   9  aux:tense
    parlé       parler     VERB  0  ROOT
    .           _          PUNCT 9  punct
"""


def test_rules_positions_a_participle_role_needs_its_complement() -> None:
    names = {"Paul Roux": "Person"}
    assert roles(CHARGED, names) == [("Paul Roux", None, "chargé des archives")]
    # "chargé de rédiger": a task, not a position
    task = CHARGED.replace("archives    archive    NOUN", "rédiger     rédiger    VERB")
    assert roles(task, names) == []


PORTFOLIO = """
    La          le         DET   2  det
    secrétaire  _          NOUN  9  nsubj
    d'          de         ADP   4  case
    État        _          NOUN  2  nmod
    aux         à          ADP   6  case
    Transports  transport  NOUN  2  nmod
    ,           _          PUNCT 8  punct
    Anne        _          PROPN 2  appos
    parle       parler     VERB  0  ROOT
    .           _          PUNCT 9  punct
"""


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Transports  transport  NOUN", [("Anne", None, "secrétaire d'État aux Transports")]),
        # a lower-case noun is no portfolio: the role ends before "aux", and
        # the name after the phrase is out of its reach
        ("transports  transport  NOUN", []),
    ],
)
def test_rules_positions_a_portfolio_after_a_link_word(word, expected) -> None:
    table = PORTFOLIO.replace("Transports  transport  NOUN", word)
    assert roles(table, {"Anne": "Person"}) == expected


APPOINTED = """
    Le          le         DET   2  det
    parlement   _          NOUN  4  nsubj
    a           avoir      AUX   4  aux:tense
    nommé       nommer     VERB  0  ROOT
    Anne        _          PROPN 4  obj
    présidente  président  NOUN  4  obj
    .           _          PUNCT 4  punct
"""


def test_rules_positions_the_second_object_of_an_appointment() -> None:
    assert roles(APPOINTED, {"Anne": "Person"}) == [("Anne", None, "présidente")]
    # "a investi la présidente": with a determiner the role names who is invested
    invested = APPOINTED.replace("Anne        _          PROPN 4  obj", "la  le  DET 6 det")
    assert roles(invested, {"parlement": "Person"}) == []
