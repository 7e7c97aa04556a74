"""The entity a role belongs to (its ``of``): "ministre belge", "président
du Parti vert", "sénateur du Nouveau-Mexique", "le député UMP", "journaliste
au Figaro", "Anne Roux, de Radio France", "son président" (the subject of the
verb the role phrase depends on). Read by :mod:`kg.frames.roles` once the
role's words and value are known.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from kg.frames.position_words import position_words
from kg.frames.role_values import kind_of_named, skip_determiners
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import subject_of

__all__ = ["EntityAt", "clause_subjects", "of_after_name", "owner", "possessor", "scope_owner"]

EntityAt = Callable[[Token], Entity | None]


def owner(
    sent: Span, j: int, entity_at: EntityAt, own: Entity | None, constituency: bool = False
) -> tuple[Entity | None, Token | None, int]:
    """The entity a role belongs to, read from token j (after the role's value)
    on: an organisation's name as a label ("le député UMP"), a demonym ("le
    ministre belge"), a "de" complement naming an entity ("du Parti vert") or
    a country by a capitalised noun and its demonym ("de la République
    tchèque"). A role elected for a territory ("sénateur républicain du
    Nouveau-Mexique") belongs to the place of its complement, not to the party
    its label names. Further "de" complements naming entities are passed over
    ("rapporteur de la commission X de l'ONU, Anne Roux": the commission's)."""
    doc = sent.doc
    of, of_token = None, None
    label = entity_at(doc[j]) if j < sent.end else None
    if label is not None and label is not own and label.type is EntityType.ORGANIZATION:
        # "le député UMP": an organisation's name as the role's label
        of, of_token = label, doc[j]
        while j < sent.end and entity_at(doc[j]) is label:
            j += 1
    completed = False
    while j < sent.end:
        tok = doc[j]
        ent = entity_at(tok)
        if tok.pos_ == "ADJ":
            if of is None and ent is not None and ent.type is EntityType.PLACE:
                of, of_token = ent, tok
            j += 1
            continue
        if tok.lower_ in grammar().genitive:
            k = skip_determiners(sent, j + 1)
            k += kind_of_named(sent, k, entity_at)
            named, at = _complement_entity(sent, k, entity_at)
            if named is None or named is own:
                break
            wanted = of is None or (
                constituency and not completed and named.type is EntityType.PLACE
            )
            if completed or not wanted:
                if completed and named.type is not EntityType.PERSON:
                    j = _past(sent, at, named, entity_at)
                    continue  # a complement of the complement
                break
            of, of_token, completed = named, doc[at], True
            j = _past(sent, at, named, entity_at)
            continue
        if tok.lower_ in grammar().place_prepositions and of is None:
            # "journaliste au Figaro", "chercheuse à l'Institut Pasteur": the
            # organisation one works at; a place there ("ambassadeur à Paris")
            # is where the role is held, not whose it is
            k = skip_determiners(sent, j + 1)
            named = entity_at(doc[k]) if k < sent.end else None
            if named is not None and named is not own and named.type is EntityType.ORGANIZATION:
                of, of_token = named, doc[k]
                j = k + 1
        break
    return of, of_token, j


def _complement_entity(sent: Span, k: int, entity_at: EntityAt) -> tuple[Entity | None, int]:
    """The entity a complement names from token k, and the token naming it:
    the entity at k, or the country of "République tchèque" (a capitalised
    noun naming nothing, then a demonym)."""
    if k >= sent.end:
        return None, k
    doc = sent.doc
    same = _same_as_before(sent, k, entity_at)
    if same is not None:
        return same, k + 1
    named = entity_at(doc[k])
    if (
        named is None
        and k + 1 < sent.end
        and doc[k].text[:1].isupper()
        and doc[k].pos_
        in (
            "NOUN",
            "PROPN",
        )
    ):
        after = entity_at(doc[k + 1])
        if after is not None and after.type is EntityType.PLACE and doc[k + 1].pos_ == "ADJ":
            return after, k + 1
    return named, k


def _same_as_before(sent: Span, k: int, entity_at: EntityAt) -> Entity | None:
    """ "du même État": the last entity of the kind named after "même" that
    the sentence names before token k, or None (no such words, no such entity)."""
    doc, words = sent.doc, position_words()
    if k + 1 >= sent.end or name_key(doc[k].text) not in words.same_words:
        return None
    kind = words.same_kinds.get(name_key(doc[k + 1].text))
    for tok in reversed(doc[sent.start : k]):
        ent = entity_at(tok)
        if kind is not None and ent is not None and ent.type.value == kind:
            return ent
    return None


def _past(sent: Span, k: int, named: Entity, entity_at: EntityAt) -> int:
    """The token after the words of ``named`` from token k."""
    j = k + 1
    while j < sent.end and entity_at(sent.doc[j]) is named:
        j += 1
    return j


def clause_subjects(head: Token) -> list[Token]:
    """The subjects of the verb a role phrase depends on (up to four steps
    up the parse), or none. A role phrase that is itself the subject ("que
    son président démissionne") depends on the verb above that one."""
    node = head
    for _ in range(4):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subjects = [t for t in subject_of(node) if t.i != head.i]
            if subjects or head.dep_ not in ("nsubj", "nsubj:pass") or head.head.i != node.i:
                return subjects
    return []


def possessor(head: Token, entity_at: EntityAt) -> tuple[Entity | None, Token | None]:
    """ "L'Union a indiqué, par la voix de sa présidente, X": "sa" is the
    subject of the verb the role phrase depends on, when that subject names
    an organisation or a place (a person's "son président" is left alone)."""
    for tok in clause_subjects(head):
        ent = entity_at(tok)
        if ent is not None and ent.type in (EntityType.ORGANIZATION, EntityType.PLACE):
            return ent, tok
    return None, None


def of_after_name(
    sent: Span, name: Token, entity_at: EntityAt
) -> tuple[Entity | None, Token | None]:
    """ "La journaliste Anne Roux, de Radio France": an organisation in a "de"
    phrase set off by a comma right after the holder's name, its kind maybe
    named before it ("Anne Roux, du quotidien Le Soir")."""
    doc = sent.doc
    holder = entity_at(name)
    j = name.i
    while j < sent.end and entity_at(doc[j]) is holder:
        j += 1
    if j + 2 < sent.end and doc[j].text == "," and doc[j + 1].lower_ in grammar().genitive:
        k = skip_determiners(sent, j + 2)
        if k + 1 < sent.end and doc[k].pos_ == "NOUN" and doc[k].text.islower():
            # "du journal Le Soir": the kind of organisation before its name
            k = skip_determiners(sent, k + 1)
        ent = entity_at(doc[k]) if k < sent.end else None
        if ent is not None and ent.type is EntityType.ORGANIZATION:
            return ent, doc[k]
    return None, None


def scope_owner(sent: Span, j: int, entity_at: EntityAt) -> tuple[Entity | None, Token | None]:
    """ "haut commissaire pour le Canada": the place a "pour" phrase
    names from token j on (a closing quote mark skipped), for the roles that
    represent a country; a scope naming no place ("pour les réfugiés") gives
    nothing."""
    doc = sent.doc
    while j < sent.end and doc[j].is_quote:
        j += 1
    if j >= sent.end or doc[j].lower_ not in grammar().scope_prepositions:
        return None, None
    k = skip_determiners(sent, j + 1)
    named = entity_at(doc[k]) if k < sent.end else None
    if named is not None and named.type is EntityType.PLACE:
        return named, doc[k]
    return None, None
