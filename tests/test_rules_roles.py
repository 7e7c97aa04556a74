"""Role phrases (kg.frames.roles, kg.frames.role_values) on hand-built
parses: who holds the role, whose it is, and where its value ends.

The entities are given by the test, not found by the model; the end-to-end
role tests (tests/test_frames_roles.py) run the same rules on real parses.
"""

from __future__ import annotations

import pytest
from factory import entity, entity_lookup, hand_doc

from kg.frames.roles import RoleMatch, match_roles
from kg.frames.schema import load_frames
from kg.lexicon import lexicon
from kg.model import Entity

ROUX = {"Anne Roux": "Person", "Union": "Organization"}


def matches(
    table: str, frame_id: str, names: dict[str, str | Entity], **words: frozenset[str]
) -> list[RoleMatch]:
    """The role matches of one frame of the French frame file in a hand-built
    doc; ``words``: more word sets of ``match_roles`` (``constituencies`` ...)."""
    doc = hand_doc(table)
    frames = load_frames("fr")
    frame = next(f for f in frames.frames if f.id == frame_id)
    lex = lexicon("fr")
    found = []
    for sent in doc.sents:
        lowers = [t.lower_ for t in sent]
        found += match_roles(
            sent,
            frame,
            entity_lookup(doc, names),
            lex.role_modifiers,
            lowers,
            frames.appointment_verbs,
            lex.honorifics,
            **words,
        )
    return found


def roles(table: str, frame_id: str, names: dict[str, str | Entity] = ROUX) -> list[tuple]:
    """(holder, the entity the role belongs to, the role's value) of each match."""
    return [
        (m.holder.label, m.of.label if m.of is not None else None, m.value)
        for m in matches(table, frame_id, names)
    ]


SPOKESWOMAN_AFTER_NAME = """
    Anne          _         PROPN 10 nsubj
    Roux          _         PROPN 1  flat:name
    ,             _         PUNCT 1  punct
    porte-parole  _         NOUN  1  appos
    de            _         ADP   7  case
    l'            le        DET   7  det
    Union         _         PROPN 4  nmod
    ,             _         PUNCT 10 punct
    a             avoir     AUX   10 aux:tense
    démenti       démentir  VERB  0  ROOT
    .             _         PUNCT 10 punct
"""
SPOKESWOMAN_BEFORE_NAME = """
    La            le        DET   2  det
    porte-parole  _         NOUN  11 nsubj
    de            _         ADP   5  case
    l'            le        DET   5  det
    Union         _         PROPN 2  nmod
    ,             _         PUNCT 2  punct
    Anne          _         PROPN 2  appos
    Roux          _         PROPN 7  flat:name
    ,             _         PUNCT 11 punct
    a             avoir     AUX   11 aux:tense
    démenti       démentir  VERB  0  ROOT
    .             _         PUNCT 11 punct
"""
AS_SPOKESWOMAN = """
    Anne          _         PROPN 13 nsubj
    Roux          _         PROPN 1  flat:name
    ,             _         PUNCT 1  punct
    en            _         ADP   7  case
    tant          _         ADV   4  fixed
    que           _         SCONJ 4  fixed
    porte-parole  _         NOUN  1  nmod
    de            _         ADP   10 case
    l'            le        DET   10 det
    Union         _         PROPN 7  nmod
    ,             _         PUNCT 13 punct
    a             avoir     AUX   13 aux:tense
    démenti       démentir  VERB  0  ROOT
    .             _         PUNCT 13 punct
"""
# the role is the object of a verb: no name set off next to it
MET_THE_SPOKESWOMAN = """
    Anne          _         PROPN 4  nsubj
    Roux          _         PROPN 1  flat:name
    a             avoir     AUX   4  aux:tense
    salué         saluer    VERB  0  ROOT
    la            le        DET   6  det
    porte-parole  _         NOUN  4  obj
    de            _         ADP   9  case
    l'            le        DET   9  det
    Union         _         PROPN 6  nmod
    .             _         PUNCT 4  punct
"""
OF_A_COMPANY = """
    Anne          _         PROPN 11 nsubj
    Roux          _         PROPN 1  flat:name
    ,             _         PUNCT 1  punct
    porte-parole  _         NOUN  1  appos
    de            _         ADP   7  case
    la            le        DET   7  det
    société       _         NOUN  4  nmod
    Vega          _         PROPN 7  flat:name
    ,             _         PUNCT 11 punct
    a             avoir     AUX   11 aux:tense
    démenti       démentir  VERB  0  ROOT
    .             _         PUNCT 11 punct
"""
SPOKESWOMAN = "spokesperson.v1"


@pytest.mark.parametrize(
    ("table", "names", "expected"),
    [
        (SPOKESWOMAN_AFTER_NAME, ROUX, [("Anne Roux", "Union", "porte-parole")]),
        (SPOKESWOMAN_BEFORE_NAME, ROUX, [("Anne Roux", "Union", "porte-parole")]),
        (AS_SPOKESWOMAN, ROUX, [("Anne Roux", "Union", "porte-parole")]),
        (MET_THE_SPOKESWOMAN, ROUX, []),
        # the kind of an organisation named before it is neither the role nor the entity
        (
            OF_A_COMPANY,
            {"Anne Roux": "Person", "Vega": "Organization"},
            [("Anne Roux", "Vega", "porte-parole")],
        ),
    ],
)
def test_rules_roles_holder_is_a_name_set_off_next_to_the_role(table, names, expected) -> None:
    assert roles(table, SPOKESWOMAN, names) == expected


AGED = """
    Anne        _         PROPN 13 nsubj
    Roux        _         PROPN 1  flat:name
    ,           _         PUNCT 1  punct
    52          _         NUM   5  nummod
    ans         an        NOUN  1  nmod
    ,           _         PUNCT 1  punct
    présidente  président NOUN  1  appos
    de          _         ADP   10 case
    l'          le        DET   10 det
    Union       _         PROPN 7  nmod
    ,           _         PUNCT 13 punct
    a           avoir     AUX   13 aux:tense
    voté        voter     VERB  0  ROOT
    .           _         PUNCT 13 punct
"""
# an apposition with no number is no gap between the name and its role
COME_FROM = AGED.replace("52          _         NUM", "venue       venir     VERB").replace(
    "ans         an        NOUN  1  nmod", "Lyon        _         PROPN 4  obl:arg"
)
ONE_OF = """
    Anne         _          PROPN 13 nsubj
    Roux         _          PROPN 1  flat:name
    ,            _          PUNCT 1  punct
    l'           le         DET   5  det
    une          un         PRON  1  appos
    des          de         ADP   7  case
    dirigeantes  dirigeant  NOUN  5  nmod
    de           _          ADP   10 case
    l'           le         DET   10 det
    Union        _          PROPN 7  nmod
    ,            _          PUNCT 13 punct
    a            avoir      AUX   13 aux:tense
    protesté     protester  VERB  0  ROOT
    .            _          PUNCT 13 punct
"""
IS_PRESIDENT = """
    Anne        _          PROPN 5 nsubj
    Roux        _          PROPN 1 flat:name
    est         être       AUX   5 cop
    la          le         DET   5 det
    présidente  président  NOUN  0 ROOT
    de          _          ADP   8 case
    l'          le         DET   8 det
    Union       _          PROPN 5 nmod
    .           _          PUNCT 5 punct
"""
ELECTED = """
    Anne        _          PROPN 5 nsubj:pass
    Roux        _          PROPN 1 flat:name
    a           avoir      AUX   5 aux:tense
    été         être       AUX   5 aux:pass
    élue        élire      VERB  0 ROOT       Tense=Past|VerbForm=Part|Voice=Pass
    présidente  président  NOUN  5 xcomp
    de          _          ADP   9 case
    l'          le         DET   9 det
    Union       _          PROPN 6 nmod
    .           _          PUNCT 5 punct
"""
# "à la présidente" has a preposition: no role taken
SPOKE_TO = """
    Anne        _          PROPN 4 nsubj
    Roux        _          PROPN 1 flat:name
    a           avoir      AUX   4 aux:tense
    parlé       parler     VERB  0 ROOT
    à           _          ADP   7 case
    la          le         DET   7 det
    présidente  président  NOUN  4 obl:arg
    de          _          ADP   10 case
    l'          le         DET   10 det
    Union       _          PROPN 7 nmod
    .           _          PUNCT 4 punct
"""
# named by the president, not named president: "par" makes it no role of hers
NAMED_BY = """
    Anne        _          PROPN 5 nsubj:pass
    Roux        _          PROPN 1 flat:name
    a           avoir      AUX   5 aux:tense
    été         être       AUX   5 aux:pass
    nommée      nommer     VERB  0 ROOT       Tense=Past|VerbForm=Part|Voice=Pass
    par         _          ADP   8 case
    la          le         DET   8 det
    présidente  président  NOUN  5 obl:agent
    de          _          ADP   11 case
    l'          le         DET   11 det
    Union       _          PROPN 8 nmod
    .           _          PUNCT 5 punct
"""
LEADER = "leader.v1"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (AGED, [("Anne Roux", "Union", "présidente")]),
        (COME_FROM, []),
        (ONE_OF, [("Anne Roux", "Union", "dirigeantes")]),
        (IS_PRESIDENT, [("Anne Roux", "Union", "présidente")]),
        (ELECTED, [("Anne Roux", "Union", "présidente")]),  # the verb appoints: no part of the role
        (SPOKE_TO, []),
        (NAMED_BY, []),
        # a one-word role must be a noun
        (AGED.replace("président NOUN", "président ADJ "), []),
    ],
)
def test_rules_roles_holder_across_an_age_a_copula_or_an_election(table, expected) -> None:
    assert roles(table, LEADER) == expected


def test_rules_roles_an_election_dates_the_role() -> None:
    (match,) = matches(ELECTED, LEADER, ROUX)
    assert match.appointed_by is not None and match.appointed_by.text == "élue"
    (match,) = matches(IS_PRESIDENT, LEADER, ROUX)
    assert match.appointed_by is None


MAYOR_AND_PRESIDENT = """
    Anne        _          PROPN 14 nsubj
    Roux        _          PROPN 1  flat:name
    ,           _          PUNCT 1  punct
    maire       _          NOUN  1  appos
    de          _          ADP   6  case
    Lyon        _          PROPN 4  nmod
    et          _          CCONJ 8  cc
    présidente  président  NOUN  4  conj
    de          _          ADP   11 case
    l'          le         DET   11 det
    Union       _          PROPN 8  nmod
    ,           _          PUNCT 14 punct
    a           avoir      AUX   14 aux:tense
    voté        voter      VERB  0  ROOT
    .           _          PUNCT 14 punct
"""
# a verb between the two roles: the second is not Anne Roux's
MAYOR_WHO_MET = """
    Anne        _          PROPN 9  nsubj
    Roux        _          PROPN 1  flat:name
    ,           _          PUNCT 1  punct
    maire       _          NOUN  1  appos
    de          _          ADP   6  case
    Lyon        _          PROPN 4  nmod
    ,           _          PUNCT 1  punct
    a           avoir      AUX   9  aux:tense
    reçu        recevoir   VERB  0  ROOT
    Hugo        _          PROPN 9  obj
    Blanc       _          PROPN 10 flat:name
    et          _          CCONJ 14 cc
    la          le         DET   14 det
    présidente  président  NOUN  10 conj
    de          _          ADP   17 case
    l'          le         DET   17 det
    Union       _          PROPN 14 nmod
    .           _          PUNCT 9  punct
"""
WITH_LYON = {**ROUX, "Lyon": "Place"}
POSITION = "position.v1"


def test_rules_roles_two_roles_joined_by_et_have_one_holder() -> None:
    assert roles(MAYOR_AND_PRESIDENT, POSITION, WITH_LYON) == [
        ("Anne Roux", "Lyon", "maire"),
        ("Anne Roux", "Union", "présidente"),
    ]
    names = {**WITH_LYON, "Hugo Blanc": "Person"}
    assert roles(MAYOR_WHO_MET, POSITION, names) == [("Anne Roux", "Lyon", "maire")]


MINISTER_WITH_DEMONYM = """
    Le         le        DET   2  det
    ministre   _         NOUN  12 nsubj
    italien    _         ADJ   2  amod
    de         _         ADP   6  case
    l'         le        DET   6  det
    Intérieur  intérieur NOUN  2  nmod
    ,          _         PUNCT 2  punct
    Marco      _         PROPN 2  appos
    Neri       _         PROPN 8  flat:name
    ,          _         PUNCT 12 punct
    a          avoir     AUX   12 aux:tense
    parlé      parler    VERB  0  ROOT
    .          _         PUNCT 12 punct
"""
RELATIONS_WITH = """
    Anne       _         PROPN 12 nsubj
    Roux       _         PROPN 1  flat:name
    ,          _         PUNCT 1  punct
    ministre   _         NOUN  1  appos
    des        de        ADP   6  case
    Relations  relation  NOUN  4  nmod
    avec       _         ADP   9  case
    le         _         DET   9  det
    Parlement  parlement NOUN  4  nmod
    ,          _         PUNCT 12 punct
    a          avoir     AUX   12 aux:tense
    parlé      parler    VERB  0  ROOT
    .          _         PUNCT 12 punct
"""
CULTURE_AND = """
    Anne           _             PROPN 14 nsubj
    Roux           _             PROPN 1  flat:name
    ,              _             PUNCT 1  punct
    ministre       _             NOUN  1  appos
    de             _             ADP   7  case
    la             le            DET   7  det
    Culture        culture       NOUN  4  nmod
    et             _             CCONJ 11 cc
    de             _             ADP   11 case
    la             le            DET   11 det
    Communication  communication NOUN  7  conj
    ,              _             PUNCT 14 punct
    a              avoir         AUX   14 aux:tense
    parlé          parler        VERB  0  ROOT
    .              _             PUNCT 14 punct
"""


@pytest.mark.parametrize(
    ("table", "names", "expected"),
    [
        # the demonym names the country, and leaves the value
        (
            MINISTER_WITH_DEMONYM,
            {"Marco Neri": "Person", "italien": "Place"},
            [("Marco Neri", "italien", "ministre de l'Intérieur")],
        ),
        # after "relations", "avec" and what follows belong to the title, even an organisation
        (
            RELATIONS_WITH,
            {"Anne Roux": "Person", "Parlement": "Organization"},
            [("Anne Roux", None, "ministre des Relations avec le Parlement")],
        ),
        (
            CULTURE_AND,
            {"Anne Roux": "Person"},
            [("Anne Roux", None, "ministre de la Culture et de la Communication")],
        ),
        # a complement naming an entity is the entity the role belongs to
        (
            CULTURE_AND,
            {"Anne Roux": "Person", "Culture": "Organization"},
            [("Anne Roux", "Culture", "ministre")],
        ),
    ],
)
def test_rules_roles_value_takes_the_complements_that_name_no_entity(
    table, names, expected
) -> None:
    assert roles(table, POSITION, names) == expected


JOURNALIST_OF = """
    La           le       DET   2  det
    journaliste  _        NOUN  11 nsubj
    Anne         _        PROPN 2  appos
    Roux         _        PROPN 3  flat:name
    ,            _        PUNCT 2  punct
    de           _        ADP   7  case
    Radio        _        PROPN 2  nmod
    Nova         _        PROPN 7  flat:name
    ,            _        PUNCT 11 punct
    a            avoir    AUX   11 aux:tense
    écrit        écrire   VERB  0  ROOT
    .            _        PUNCT 11 punct
"""


def test_rules_roles_organisation_after_the_name_of_the_holder() -> None:
    names = {"Anne Roux": "Person", "Radio Nova": "Organization"}
    assert roles(JOURNALIST_OF, "employee.v1", names) == [
        ("Anne Roux", "Radio Nova", "journaliste")
    ]
    unnamed = {"Anne Roux": "Person"}
    assert roles(JOURNALIST_OF, "employee.v1", unnamed) == [("Anne Roux", None, "journaliste")]


PRESIDENT_VOTED = """
    La          le         DET   2 det
    présidente  président  NOUN  7 nsubj
    de          _          ADP   5 case
    l'          le         DET   5 det
    Union       _          PROPN 2 nmod
    a           avoir      AUX   7 aux:tense
    voté        voter      VERB  0 ROOT
    .           _          PUNCT 7 punct
"""


def test_rules_roles_holder_from_the_entity_index_needs_the_organisation() -> None:
    # the entity index resolved "la présidente" to the person named earlier
    roux = entity("person/anne-roux", "Anne Roux")
    (match,) = matches(PRESIDENT_VOTED, LEADER, {"présidente": roux, "Union": "Organization"})
    assert (match.holder, match.of and match.of.label, match.via_index) == (roux, "Union", True)
    assert matches(PRESIDENT_VOTED, LEADER, {"présidente": roux}) == []
    as_object = PRESIDENT_VOTED.replace("7 nsubj", "7 obj  ")
    assert matches(as_object, LEADER, {"présidente": roux, "Union": "Organization"}) == []
