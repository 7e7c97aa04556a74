"""Membership and employment read from the facts of a whole article: what a
role or a spokesperson's tie says beyond the frame that found it.

The words come from ``kg/lang/<lang>/membership.yaml``. On the facts the
frames found:

* a membership that is only possible or planned ("la perspective d'une
  adhésion de la Turquie à l'Union") or that is over ("ancien membre du
  parti") is no membership: dropped;
* no one is a member of a state named as an organisation ("le président de
  la République X"), by the head of its name (``states``);
* the one who presides an assembly ("la présidente du Congrès national, X")
  is no member of it by that role: dropped (the president of a committee or
  a party stays a member);
* the head of an organisation that employs its staff ("l'ancien chef de la
  Sécurité générale", ``employers``) works or worked for it rather than
  belongs to it (a former employment is still stated, as a former position is);
* who speaks for a party ("le Parti vert, représenté par X", "le porte-parole
  du Mouvement Y") is a member of it, and so is who would work for a party
  by a role ("le patron du Parti vert"); a party is an organisation whose
  name starts with a word of ``party_heads``. The spokesperson of an
  employer ("le porte-parole de l'Agence Y", or who announces its statement:
  "les accusations de l'Institut, annoncées par Y") works for it;
* a member of a body named after an assembly ("membre de la commission des
  finances du Sénat") is a member of the assembly;
* a senator or a deputy ("le sénateur X") is a member of the one chamber of
  the article whose name starts with a word of ``chambers``. Refused: two
  such chambers, or none, a former role ("l'ancien sénateur") and a role
  with more words ("député européen": of another assembly).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from kg.lang import load_data
from kg.lang.validate import check_lexicon
from kg.lexicon import lexicon, name_key
from kg.model import Entity, EntityType, Fact, Modality, Polarity

__all__ = ["MembershipWords", "current_membership", "membership_words", "refine_membership"]

_LISTS = (
    "former",
    "presiding_roles",
    "party_heads",
    "states",
    "assemblies",
    "employers",
    "group_members",
    "group_shares",
    "fellows",
    "statements",
    "announcing_verbs",
    "belonging_nouns",
    "denying_verbs",
    "charge_participles",
    "behalf_phrases",
)
_MAPS = ("chambers",)
#: The rules whose memberOf a role or a group of an organisation's people
#: gives ("le président du parti", "X et Y, responsables de l'Agence").
_LEADER_RULES = frozenset({"frame:leader.v1", "group:share.v1", "group:listed.v1"})
#: The rules of spokespeople named by their role ("le porte-parole de X") or
#: by a statement they announce ("les accusations de X, annoncées par Y").
_SPOKESPERSON_RULES = frozenset({"frame:spokesperson.v1", "voice:announced.v1"})


@dataclass(frozen=True, slots=True)
class MembershipWords:
    """The words of ``membership.yaml``, as name keys."""

    former: frozenset[str]
    presiding_roles: frozenset[str]
    party_heads: frozenset[str]
    states: frozenset[str]
    assemblies: frozenset[str]
    employers: frozenset[str]
    chambers: dict[str, frozenset[str]]  # role noun -> heads of its chambers' names
    group_members: frozenset[str]
    group_shares: frozenset[str]
    fellows: frozenset[str]
    statements: frozenset[str]
    announcing_verbs: frozenset[str]
    belonging_nouns: frozenset[str]
    denying_verbs: frozenset[str]
    charge_participles: frozenset[str]
    behalf_phrases: frozenset[str]
    modifiers: frozenset[str]  # role modifiers skipped before a role's head ("nouveau")
    leading: frozenset[str]  # leading articles skipped before a name's head


@cache
def membership_words(lang: str = "fr") -> MembershipWords:
    """Load and check the membership words of a language.

    Raises:
        FrameError: the file has problems; every one is listed.
    """
    data = load_data(lang, "membership")
    check_lexicon(data, f"kg/lang/{lang}/membership.yaml", _LISTS, _MAPS)
    lex = lexicon(lang)

    def keys(section: str) -> frozenset[str]:
        return frozenset(name_key(w) for w in data.get(section) or [])

    return MembershipWords(
        **{section: keys(section) for section in _LISTS},  # one field per list, by its name
        chambers={
            name_key(role): frozenset(name_key(w) for w in heads)
            for role, heads in (data.get("chambers") or {}).items()
        },
        modifiers=frozenset(name_key(w) for w in lex.role_modifiers),
        leading=frozenset(name_key(w) for w in lex.leading),
    )


def _name_head(entity: Entity, words: MembershipWords) -> str:
    """The first word of an entity's name, a leading article skipped
    ("l'Assemblée nationale" -> "assemblee")."""
    key = name_key(entity.label)
    for article in words.leading:
        glued = article.endswith("'") and key.startswith(article)
        if glued or key.startswith(article + " "):
            key = key[len(article) :].strip()
            break
    return key.split(" ", 1)[0] if key else ""


def _role_noun(
    role: str | None, nouns: Iterable[str], words: MembershipWords, whole: bool = False
) -> str | None:
    """The one of ``nouns`` a role as written starts with (or, ``whole``, is),
    its modifiers skipped ("nouveau vice-président" -> "vice president"), or None."""
    said = [w for w in name_key(role or "").split() if w not in words.modifiers]
    size = len(said) if whole else None
    return next((n for n in nouns if said[:size] == n.split()), None)


def _over(role: str | None, words: MembershipWords) -> bool:
    """A role qualified as former: "ancien chef", "ex-président"."""
    return bool(words.former & set(name_key(role or "").split()))


def current_membership(fact: Fact, words: MembershipWords) -> bool:
    """Whether a fact states a membership held now: asserted, positive, not
    qualified as former ("ancien membre du parti")."""
    return (
        fact.predicate == "memberOf"
        and fact.modality is Modality.ASSERTED
        and fact.polarity is Polarity.POSITIVE
        and not _over(fact.role, words)
    )


def _kept(fact: Fact, by_key: dict[str, Entity], words: MembershipWords) -> Fact | None:
    """A memberOf fact as the article's words leave it: kept, made worksFor, or None.
    A former head of an employer worked for it ("l'ancien chef du service"):
    that stays a fact; a former membership does not."""
    if fact.modality is not Modality.ASSERTED:
        return None
    org = by_key.get(fact.object or "")
    head = _name_head(org, words) if org is not None else ""
    if fact.provenance.rule in _LEADER_RULES and head in words.employers:
        staff = replace(fact.provenance, rule="membership:staff.v1")
        return replace(fact, predicate="worksFor", provenance=staff)
    if _over(fact.role, words) or head in words.states:
        return None
    presides = _role_noun(fact.role, words.presiding_roles, words) is not None
    if fact.provenance.rule in _LEADER_RULES and head in words.assemblies and presides:
        return None
    return fact


def _derived(fact: Fact, predicate: str, obj: str, rule: str, factor: float) -> Fact:
    provenance = fact.provenance
    provenance = replace(provenance, rule=rule, confidence=round(provenance.confidence * factor, 3))
    return Fact(
        subject=fact.subject,
        predicate=predicate,
        object=obj,
        role=fact.value or fact.role,
        polarity=fact.polarity,
        modality=fact.modality,
        provenance=provenance,
    )


def _chamber_members(
    facts: list[Fact], entities: Iterable[Entity], words: MembershipWords
) -> list[Fact]:
    """ "le sénateur X": X memberOf the article's one senate."""
    heads = {e.key: _name_head(e, words) for e in entities if e.type is EntityType.ORGANIZATION}
    found = []
    for fact in facts:
        if fact.predicate != "holdsPosition" or not fact.is_direct or _over(fact.value, words):
            continue
        role = _role_noun(fact.value, words.chambers, words, whole=True)
        chambers = words.chambers.get(role or "", ())
        bodies = [key for key, head in heads.items() if head in chambers]
        if len(bodies) == 1:
            found.append(_derived(fact, "memberOf", bodies[0], "membership:chamber.v1", 0.85))
    return found


def _parent_bodies(
    facts: list[Fact], by_key: dict[str, Entity], words: MembershipWords
) -> list[Fact]:
    """ "membre de la commission des finances du Sénat": a member of a body
    whose name ends with an assembly's name is a member of the assembly."""
    assemblies = [
        e
        for e in by_key.values()
        if e.type is EntityType.ORGANIZATION and _name_head(e, words) in words.assemblies
    ]
    found = []
    for fact in facts:
        body = by_key.get(fact.object or "")
        if fact.predicate != "memberOf" or body is None:
            continue
        for assembly in assemblies:
            inner = name_key(assembly.label)
            if assembly is not body and name_key(body.label).endswith(" " + inner):
                found.append(_derived(fact, "memberOf", assembly.key, "membership:body.v1", 0.9))
    return found


def refine_membership(
    facts: list[Fact], entities: Iterable[Entity], lang: str = "fr"
) -> list[Fact]:
    """Apply what roles say about membership and employment to an article's facts.

    Args:
        facts: the facts the frames found.
        entities: the article's entities.
        lang: the language of the words to read.

    Returns:
        The facts with memberships dropped, made employment or added, as the
        module docstring lists; the other facts unchanged.
    """
    words = membership_words(lang)
    entities = list(entities)
    by_key = {e.key: e for e in entities}
    out: list[Fact] = []
    for fact in facts:
        org = by_key.get(fact.object or "")
        head = _name_head(org, words) if org and org.type is EntityType.ORGANIZATION else ""
        if fact.predicate == "worksFor" and head in words.party_heads:
            fact = replace(fact, predicate="memberOf")  # "le patron du Parti vert"
        if fact.predicate == "memberOf":
            kept = _kept(fact, by_key, words)
            if kept is not None:
                out.append(kept)
            continue
        out.append(fact)
        if fact.predicate != "speaksFor" or not fact.is_direct or org is None:
            continue
        if head in words.party_heads:
            out.append(_derived(fact, "memberOf", org.key, "membership:spokesperson.v1", 0.9))
        elif head in words.employers and fact.provenance.rule in _SPOKESPERSON_RULES:
            out.append(_derived(fact, "worksFor", org.key, "membership:spokesperson.v1", 0.9))
    return out + _parent_bodies(out, by_key, words) + _chamber_members(facts, entities, words)
