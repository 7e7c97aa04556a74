"""Argument paths: from a trigger word to the words that fill its arguments.

A path is a string of steps joined by ``>`` (see ``frames.yaml``). Each step
maps a set of tokens to the tokens it reaches; the last step's tokens are the
candidates, tried in text order. The steps know grammar, not words: the
prepositions and markers they look for come from the frame file.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.lang.grammar import grammar
from kg.mentions import lexicon, name_key
from kg.syntax import CLAUSE_POS, is_negated, is_verbal, markers, object_of, subject_of

__all__ = ["follow"]

_PREP_DEPS = ("obl", "nmod", "iobj")


def _by_dep(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep or c.dep_.startswith(dep + ":")]


def _with_markers(tokens: list[Token], words: set[str] | None) -> list[Token]:
    if words is None:
        return tokens
    return [t for t in tokens if markers(t) & words]


def _clause_markers(token: Token) -> set[str]:
    """The conjunctions opening a clause, wherever the parser hung them ("si")."""
    found = markers(token)
    for t in token.subtree:
        if t.i >= token.i:
            break
        if t.dep_ == "mark":
            found.add(t.lower_)
    return found


def _complements(token: Token, support: frozenset[str]) -> list[Token]:
    """The prepositional complements of a trigger, with four common
    misattachments repaired: on a complement of the verb ("au téléphone avec
    X"), on a bare noun the parser took for a predicate ("s'est rendu lundi en
    Chine", "lundi" an xcomp), on an adverb ("a téléphoné hier à X") and on
    the support verb of a noun, after that verb ("a eu un entretien avec X")."""
    deps = _PREP_DEPS if token.pos_ in CLAUSE_POS else ("nmod", "obl")
    found = [c for c in token.children if c.dep_.split(":")[0] in deps and c.dep_ != "obl:agent"]
    # "a téléphoné hier à X": a complement the parser hung on an adverb of the
    # trigger ("loin de Paris", "près de X" are the adverb's own and stay out)
    found += [
        g
        for c in token.children
        if c.dep_ == "advmod" and c.pos_ == "ADV"
        for g in c.children
        if g.dep_.split(":")[0] in ("obl", "nmod") and not markers(g) & grammar().genitive
    ]
    if token.pos_ in CLAUSE_POS:
        bare = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "NOUN"]
        found += [
            g
            for c in [*found, *bare]
            if c.pos_ == "NOUN"
            for g in c.children
            if g.dep_ == "nmod" and not markers(g) & grammar().genitive  # "de" belongs to the noun
        ]
    elif _supported(token, support):
        # the support verb's complements after it: one set before it ("Au
        # Mali, l'armée a retiré son soutien à X") says where, not to whom
        found += [
            c
            for c in token.head.children
            if c.dep_.startswith("obl") and c.dep_ != "obl:agent" and c.i > token.head.i
        ]
    return found


def _phrase(token: Token) -> Iterator[Token]:
    """The tokens of a noun phrase, not entering clauses."""
    for child in token.children:
        if child.pos_ in CLAUSE_POS and child.dep_ not in ("acl",):
            continue
        yield child
        yield from _phrase(child)


def _supported(noun: Token, support: frozenset[str]) -> bool:
    """The noun is the object of a support verb ("X a lancé des accusations"),
    or the subject of its passive ("des accusations ont été lancées par X")."""
    verb = noun.head
    return (
        noun.dep_ in ("obj", "nsubj:pass")
        and verb.i != noun.i
        and verb.pos_ in CLAUSE_POS
        and verb.lemma_.lower() in support
    )


def _governor(noun: Token, support: frozenset[str]) -> list[Token]:
    """The subject of a support verb of the noun: "X a eu un entretien avec Y";
    of a passive one, its agent ("un mandat d'arrêt a été lancé par X")."""
    return subject_of(noun.head) if _supported(noun, support) else []


def _host(noun: Token) -> list[Token]:
    """The nominal a caption-like event noun hangs on: "X et Y lors d'une réunion"."""
    node = noun
    for _ in range(3):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("PROPN", "NOUN", "PRON"):
            return [node]
        if node.pos_ in CLAUSE_POS:
            return []
    return []


def _possessor(noun: Token) -> list[Token]:
    """The possessive determiner of a noun, then, for "Lors de sa visite à Pékin,
    Macron ...", the subject of the clause the noun's phrase modifies; of a
    verb read as a passive, its grammatical subject, not the agent ("Lors de
    sa visite, X a été reçu par Y": X visits; the parser's passive "X est
    revenu de sa visite en Chine")."""
    dets = [c for c in noun.children if c.dep_ == "det" and "Yes" in c.morph.get("Poss")]
    if not dets:
        return []
    node = noun
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in CLAUSE_POS:
            passive = [c for c in node.children if c.dep_ == "nsubj:pass"]
            return dets + (passive or subject_of(node))
    return dets


def _adjunct(noun: Token, words: set[str]) -> list[Token]:
    """ "En visite à Rome, X a salué ...": the subject of the verb that an
    event noun introduced by one of the words depends on, when the noun comes
    before the verb. After it, the noun may belong to the object ("X a reçu
    Y, en visite à Rome") or stand under a negated "être" ("X n'est pas en
    visite"), and gives nothing. "Lors d'une visite": the parser may make the
    adverb the noun's head; the adverb is then one of the words."""
    verb, introduced = noun.head, markers(noun)
    if verb.pos_ == "ADV" and verb.i < noun.i:
        verb, introduced = verb.head, introduced | {verb.lower_}
    if noun.pos_ == "NOUN" and introduced & words and verb.pos_ in CLAUSE_POS:
        return subject_of(verb) if noun.i < verb.i else []
    return []


def _receiver(noun: Token, verbs: set[str]) -> list[Token]:
    """The subject of a verb that receives the noun: "X a reçu le soutien de
    Y" (X is supported), "X a obtenu l'appui de Y"."""
    verb = noun.head
    if noun.pos_ == "NOUN" and verb.pos_ in CLAUSE_POS and verb.lemma_.lower() in verbs:
        if noun.dep_ == "obj" or (
            noun.dep_.startswith("obl") and markers(noun) & grammar().genitive
        ):
            return subject_of(verb)
    return []


def _clitic(token: Token) -> list[Token]:
    """ "X a critiqué Y, l'accusant de ...", "X a dénoncé Y et l'a accusé de
    ...": for a trigger whose object is a clitic pronoun before it, the
    object of the verb the trigger is coordinated with or hangs on. A clitic
    of a verb on its own, a relative or reflexive pronoun, or a host verb
    without a direct object gives nothing."""
    clitic = any(
        c.dep_ == "obj"
        and c.i < token.i
        and c.pos_ in ("PRON", "DET")
        and not {"Rel", "Int"} & set(c.morph.get("PronType"))
        and "Yes" not in c.morph.get("Reflex")
        for c in token.children
    )
    host = token.head
    if not clitic or host.i == token.i or host.pos_ not in CLAUSE_POS:
        return []
    if token.dep_ not in ("conj", "xcomp") and not token.dep_.startswith("advcl"):
        return []
    return [o for o in object_of(host) if o.i < token.i]


def _pair(token: Token) -> list[Token]:
    """ "entre X et Y": both members (a demonstrative repeating the first's noun too)."""
    firsts = [
        c
        for c in token.children
        if c.dep_.split(":")[0] in _PREP_DEPS and markers(c) & grammar().reciprocal_prepositions
    ]
    if not firsts:
        return []
    first = firsts[0]
    # "entre les chefs du parti X et ceux du parti Y": the parser may hang the
    # demonstrative on the complement; it repeats the first member's noun
    repeated = [
        c
        for g in first.children
        if g.dep_ == "nmod" and markers(g) & grammar().genitive
        for c in g.children
        if c.dep_ == "conj" and "Dem" in c.morph.get("PronType")
    ]
    return [first, *[c for c in first.children if c.dep_ == "conj"], *repeated]


def _verb_of(noun: Token) -> list[Token]:
    """The verb whose direct object a noun is, whatever the verb: "X a remis sa
    démission au président" reaches "remis", and its complements from there.
    A noun that is a subject or a complement gives nothing."""
    verb = noun.head
    if noun.dep_ == "obj" and verb.i != noun.i and verb.pos_ in CLAUSE_POS:
        return [verb]
    return []


def _conditions(verb: Token, words: set[str]) -> list[Token]:
    """The clauses of a verb opened by a conjunction of its own ("si Y ne cède
    pas"), also where the parser hung one on the verb's object as if it were a
    relative clause; one the conjunction only ends ("même si Y cède", a
    concession, where "si" is fixed to "même") gives nothing."""
    clauses = [c for c in verb.children if c.dep_.split(":")[0] in ("advcl", "xcomp", "ccomp")]
    clauses += [
        g for c in verb.children if c.dep_ == "obj" for g in c.children if g.dep_ == "acl:relcl"
    ]
    return [c for c in clauses if _opened_by(c, words)]


def _opened_by(clause: Token, words: set[str]) -> bool:
    """A conjunction of the words opens the clause, wherever the parser hung it
    before the verb (on the verb or on its subject: "si les alliés ...")."""
    for t in clause.subtree:
        if t.i >= clause.i:
            return False
        if t.dep_ == "mark" and t.lower_ in words:
            return True
    return False


def _own(clause: Token) -> bool:
    """A clause whose subject is the speaker's own: a personal pronoun ("il
    démissionnera") or a noun with a possessive ("ses ministres partiront")."""
    for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")):
        if subject.pos_ == "PRON" and subject.morph.get("Person"):
            return True
        if any("Yes" in d.morph.get("Poss") for d in subject.children if d.dep_ == "det"):
            return True
    return False


def _named(token: Token) -> bool:
    """A name, a pronoun or a role noun ("le président", "le chef de X"): one
    who can be received, not a thing ("une lettre de X")."""
    if token.pos_ in ("PROPN", "PRON"):
        return True
    return token.pos_ == "NOUN" and name_key(token.lemma_) in lexicon(token.doc.lang_).roles


def _step(token: Token, step: str, support: frozenset[str]) -> list[Token]:
    name, _, arg = step.partition("/")
    words = set(arg.split("|")) if arg else None
    if name == "subject":
        return subject_of(token) if is_verbal(token) else []
    if name == "object":
        return object_of(token) if is_verbal(token) else []
    if name == "prep":
        return _with_markers(_complements(token, support), words)
    if name == "deep":
        found = [t for t in _phrase(token) if t.dep_.split(":")[0] in ("nmod", "obl")]
        return _with_markers(found, words)
    if name == "pair":
        return _pair(token)
    if name == "host":
        # "host/en": only a noun introduced by one of the words ("X, en visite à Rome")
        if token.pos_ != "NOUN" or words is not None and not markers(token) & words:
            return []
        return _host(token)
    if name == "governor":
        return _governor(token, support) if token.pos_ == "NOUN" else []
    if name == "poss":
        return _possessor(token)
    if name == "receiver":
        return _receiver(token, words or set())
    if name == "adjunct":
        return _adjunct(token, words or set())
    if name == "clitic":
        return _clitic(token)
    if name == "iobj":
        return [c for c in token.children if c.dep_ == "iobj"]
    if name == "verb":
        return _verb_of(token)
    if name == "condition":
        return _conditions(token, words or set())
    if name == "negated":
        return [token] if is_negated(token) else []
    if name == "own":
        return [token] if _own(token) else []
    if name == "named":
        return [token] if _named(token) else []
    found = _by_dep(token, name)
    # the words may be the dependent itself ("advmod/auprès") or its markers
    return (
        found if words is None else [t for t in found if (_clause_markers(t) | {t.lower_}) & words]
    )


def follow(token: Token, path: str, support: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens a path reaches from a trigger, in text order.

    Args:
        token: the trigger.
        path: steps joined by ``>`` (``subject``, ``prep/avec``, ``condition/si>nsubj`` ...).
        support: the lemmas of support verbs, for ``governor``.

    Returns:
        The tokens reached (heads of phrases), sorted by position.
    """
    current = [token]
    for step in path.split(">"):
        current = [t for c in current for t in _step(c, step, support)]
        if not current:
            return []
    return sorted(set(current), key=lambda t: t.i)
