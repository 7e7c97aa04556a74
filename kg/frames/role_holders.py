"""Where a role's holder is named, read around a role phrase: a name before
it set off by a comma, a parenthesis or "en tant que" (an age apposition
skipped: "X, 52 ans, ministre"), the role joined by "et" to a role before it,
the subject of "être" standing for a relative pronoun, an appointment verb
governing the role bare ("élu président"), and the "pour" phrase of its scope
skipped before a name after it. Read by :mod:`kg.frames.roles`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.frames.position_words import PositionWords
from kg.frames.role_owner import EntityAt
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, EntityType
from kg.syntax import subject_of

__all__ = [
    "announced_holder",
    "antecedent",
    "appointed",
    "capacity_holder",
    "coordinated",
    "copula_holder",
    "handed_to",
    "name_after",
    "name_before",
    "named_among",
    "named_before_verb",
    "person",
    "purpose_subject",
    "skip_scope",
]

_BEFORE = {",", "(", "-", "—", "–"}  # and the capacity markers' words


def person(tok: Token, entity_at: EntityAt) -> Entity | None:
    """The person a token names, or None (no entity, or one of another type)."""
    ent = entity_at(tok)
    return ent if ent is not None and ent.type is EntityType.PERSON else None


def name_after(sent: Span, j: int, honorifics: frozenset[str], entity_at: EntityAt) -> Token | None:
    """A person's name right after the role phrase ending at token j, across a
    comma and a title: "le ministre de X, Jean Dupont", "son directeur, M. Roux"."""
    doc = sent.doc
    k = j + 1 if j < sent.end and doc[j].text == "," else j
    if k + 1 < sent.end and name_key(doc[k].text) in honorifics:
        k += 1
    if k < sent.end and doc[k].pos_ in ("PROPN", "X", "NOUN") and person(doc[k], entity_at):
        return doc[k]
    return None


def named_among(sent: Span, j: int, among: frozenset[str], entity_at: EntityAt) -> Token | None:
    """ "ses dirigeants, dont le fondateur X": a person named after a word of
    inclusion following a (plural) role phrase that ends at token j, with at
    most a few lower-case words between ("le fondateur"); anything else
    between ("dont le fils de X", "dont la plupart") gives nothing."""
    doc = sent.doc
    k = j + 1 if j < sent.end and doc[j].text == "," else j
    if k >= sent.end or doc[k].lower_ not in among:
        return None
    for tok in doc[k + 1 : min(k + 5, sent.end)]:
        if person(tok, entity_at):
            return tok
        if tok.pos_ not in ("DET", "NOUN", "ADJ") or not tok.text[:1].islower():
            return None
    return None


def name_before(sent: Span, k: int, entity_at: EntityAt) -> Token | None:
    """The holder's name before a role phrase that ends at token k: "X, ministre",
    "X (ministre", "X en tant que ministre". Skipped on the way: the role's
    determiners and adjectives ("X, l'actuel ministre", "X, éphémère ministre")
    and one short apposition with a number ("X, 52 ans, ministre", "X, âgé de
    52 ans, ministre"). Refused: a name not set off by one of those marks
    ("X ministre"), and an apposition naming an entity or of more than five words."""
    doc = sent.doc
    while k >= sent.start and (
        doc[k].lower_ in grammar().determiners
        or (doc[k].pos_ == "ADJ" and entity_at(doc[k]) is None)
    ):
        k -= 1
    gap = 0
    while k >= sent.start and doc[k].lower_ in _BEFORE | grammar().capacity_words:
        k, gap = k - 1, gap + 1
    if gap and doc[k + 1].text == "," and k >= sent.start and not person(doc[k], entity_at):
        k = _skip_age(sent, k, entity_at)
    if gap and k >= sent.start and person(doc[k], entity_at):
        return doc[k]
    return None


def antecedent(subject: Token, head: Token) -> Token:
    """ "X, qui est président du parti": the name a relative pronoun subject of
    the copula stands for (the noun the relative clause hangs on); any other
    subject stands for itself."""
    if "Rel" in subject.morph.get("PronType") and head.dep_ == "acl:relcl":
        return head.head
    return subject


def copula_holder(head: Token, entity_at: EntityAt) -> Token | None:
    """ "X est président du parti", "X, qui est président": the person subject
    of "être" with the role noun ``head`` as its attribute, or None."""
    if not any(c.dep_ == "cop" for c in head.children):
        return None
    found = None
    for c in head.children:
        named = antecedent(c, head) if c.dep_.startswith("nsubj") else None
        if named is not None and person(named, entity_at):
            found = named
    return found


def coordinated(sent: Span, end: int, start: int) -> bool:
    """A role phrase starting at token ``start`` joined by "et" to the one that
    ended at token ``end``: "X, ministre de la Santé et président du parti".
    Between them only words of the first phrase: no verb, and no comma outside
    brackets ("X, ministre, a reçu Y et le président" is no coordination)."""
    doc = sent.doc
    k = start - 1
    while k >= sent.start and doc[k].lower_ in grammar().determiners:
        k -= 1
    if end < 0 or k < end or doc[k].lower_ not in grammar().additive_conjunctions:
        return False
    depth = 0
    for tok in doc[end:k]:
        depth += (tok.text == "(") - (tok.text == ")")
        if tok.pos_ in ("VERB", "AUX") or (depth == 0 and tok.text == ","):
            return False
    return depth == 0


def _skip_age(sent: Span, k: int, entity_at: EntityAt) -> int:
    """The token before ", 52 ans," or ", âgé de 52 ans," that ends at token k
    (the comma after it already passed), or k when there is no such apposition."""
    doc = sent.doc
    for c in range(k, max(sent.start, k - 6) - 1, -1):
        if doc[c].text == ",":
            words = doc[c + 1 : k + 1]
            if any(t.like_num for t in words) and all(entity_at(t) is None for t in words):
                return c - 1
            return k
    return k


def appointed(
    head: Token, appointing: frozenset[str], role_objects: frozenset[str] = frozenset()
) -> bool:
    """A role noun governed bare by an appointment verb: "élu président",
    "nommé Premier ministre" (the parser makes it an xcomp or a bare oblique);
    "nommé à la présidence" has a preposition and is no role phrase, and "a
    investi le vice-président" a determiner: the role names the one invested,
    it is not given to the subject. "a nommé X ministre", which the parser
    reads as two objects, is one too: the role is the second object, and so
    is the one object of a verb of ``role_objects`` ("pour devenir ministre")."""
    bare = not any(c.dep_ in ("case", "det") for c in head.children)
    verb = head.head
    lemma = verb.lemma_.lower()
    second = head.dep_ == "obj" and any(c.dep_ == "obj" and c.i < head.i for c in verb.children)
    second = second or (head.dep_ == "obj" and lemma in role_objects)
    return (head.dep_.split(":")[0] in ("xcomp", "obl") or second) and bare and lemma in appointing


def purpose_subject(verb: Token, purpose: frozenset[str]) -> Token | None:
    """ "X, qui part pour devenir ministre": the subject of the clause an
    infinitive of purpose hangs on, or the name its relative pronoun stands
    for (the parser may take that clause's verb for a noun)."""
    marked = any(c.dep_ == "mark" and c.lower_ in purpose for c in verb.children)
    if not marked or not verb.dep_.startswith("advcl"):
        return None
    clause = verb.head
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return antecedent(subjects[0], clause) if subjects else None


def capacity_holder(head: Token, entity_at: EntityAt, words: PositionWords) -> Token | None:
    """ "ses articles écrits en tant que directeur", "il a signé en tant que
    président": the person a role after a capacity marker is held by, the
    subject of the clause it is in (a possessive noun stands for that
    subject); "sa démission de chef du gouvernement", "sa démission de son
    poste de ministre": the possessor of a noun of leaving held the post.
    Refused: a noun of leaving with no possessive ("la démission de chef du
    gouvernement" names no holder), a clause whose subject is no person
    (nor is any clause above it asked)."""
    node = head
    if node.dep_ == "nmod" and name_key(node.head.text) in words.post_nouns:
        node = node.head  # "de son poste de ministre"
    cases = [c for c in node.children if c.dep_ == "case"]
    marker = " ".join(
        w.lower_ for c in cases for w in [c, *[f for f in c.children if f.dep_ == "fixed"]]
    )
    owner = node.head
    quits = name_key(owner.lemma_) in words.leaving_nouns and _possessed(owner)
    quits = quits and node.dep_ == "nmod"
    if owner.i == node.i or not (quits or marker in words.capacity_markers):
        return None
    for _ in range(5):
        if owner.pos_ in ("VERB", "AUX"):
            subjects = subject_of(owner)
        else:
            subjects = [c for c in owner.children if c.dep_.startswith("nsubj")]
        for s in subjects:
            named = [s] + [a for a in s.children if a.dep_ == "appos"]
            named += [f for a in named for f in a.children if f.dep_ == "flat:name"]
            found = next((t for t in named if person(t, entity_at)), None)
            if found is not None:
                return found
        if subjects or owner.head.i == owner.i:
            return None  # a clause whose subject is no person: not above it
        if owner.dep_ == "acl" and not _possessed(owner.head):
            return None  # "le texte signé en tant que ministre": by whom is not said
        owner = owner.head
    return None


def _possessed(noun: Token) -> bool:
    """Whether a noun has a possessive determiner ("ses articles")."""
    return any("Yes" in c.morph.get("Poss") for c in noun.children if c.dep_ == "det")


def announced_holder(
    sent: Span, start: int, end: int, planned: frozenset[str], entity_at: EntityAt
) -> Token | None:
    """ "X est pressenti pour diriger le gouvernement ... le Premier ministre
    pressenti": a role phrase (value from token ``start`` to ``end``) with
    a modifier of a post to come stands for the one person the article
    earlier made the subject of that modifier's verb. Refused: no such
    person, or two (which one is meant is not said)."""
    doc = sent.doc
    modifier = next((t for t in doc[start:end] if name_key(t.text) in planned), None)
    if modifier is None:
        return None
    found: dict[str, Token] = {}
    for tok in doc[: sent.start]:
        if tok.lemma_ != modifier.lemma_ or tok.pos_ not in ("VERB", "ADJ"):
            continue
        # the one it is said of: "X est pressenti", "le parti a désigné X"
        deps = ("nsubj:pass", "obj", "nsubj") if tok.pos_ == "ADJ" else ("nsubj:pass", "obj")
        said_of = [c for c in tok.children if c.dep_ in deps]
        for subject in said_of + [c for s in said_of for c in s.children if c.dep_ == "conj"]:
            holder = person(subject, entity_at)
            if holder is not None:
                found.setdefault(holder.key, subject)
    return next(iter(found.values())) if len(found) == 1 else None


def named_before_verb(verb: Token, entity_at: EntityAt) -> Token | None:
    """ "Paris, France - Anne Roux a été nommée ministre": the person whose
    name stands right before the verb and its auxiliaries, where the parser
    took another word (a dateline's city) for the subject. A name inside a
    prepositional phrase ("le fils de X a été nommé") is refused."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    if first == 0:
        return None
    holder = person(doc[first - 1], entity_at)
    k = first - 1
    while k > verb.sent.start and entity_at(doc[k - 1]) is holder:
        k -= 1
    if holder is None or any(c.dep_ == "case" for c in doc[k].children):
        return None
    return doc[k]


def handed_to(
    top: Token, handing: frozenset[str], post_nouns: frozenset[str], entity_at: EntityAt
) -> Token | None:
    """ "Le poste de ministre de la Justice échoit à X", "celui de ministre
    revient à X": the person after "à" of a verb handing over the post that
    is its subject. Between the role and the subject only a noun of posts
    ("poste") or a demonstrative ("celui"): "le fils du ministre a été confié
    à X" hands over no post."""
    node = top
    for _ in range(3):
        if node.dep_ in ("nsubj", "nsubj:pass") or node.head.i == node.i:
            break
        parent = node.head
        post = name_key(parent.text) in post_nouns or "Dem" in parent.morph.get("PronType")
        if node.dep_ not in ("nmod", "appos") or not post:
            return None
        node = parent
    verb = node.head
    if node.dep_ not in ("nsubj", "nsubj:pass") or verb.lemma_.lower() not in handing:
        return None
    for c in verb.children:
        if c.dep_.startswith("obl") and any(
            m.lower_ in grammar().dative_prepositions for m in c.children if m.dep_ == "case"
        ):
            named = [c] + [a for a in c.children if a.dep_ == "appos"]
            return next((t for t in named if person(t, entity_at)), None)
    return None


def skip_scope(sent: Span, j: int, entity_at: EntityAt) -> int:
    """ "l'envoyé de l'ONU pour le Darfour, X": a "pour" phrase naming the
    role's scope, skipped up to its comma (at most five words, no person)."""
    doc = sent.doc
    if j >= sent.end or doc[j].lower_ not in grammar().scope_prepositions:
        return j
    for k in range(j + 1, min(j + 7, sent.end)):
        if doc[k].text == ",":
            return k
        if person(doc[k], entity_at):
            return j
    return j
