"""Argument paths: from a trigger word to the words that fill its arguments.

A path is a string of steps joined by ``>`` (see ``frames.yaml``). Each step
maps a set of tokens to the tokens it reaches; the last step's tokens are the
candidates, tried in text order. The steps know grammar, not words: the
prepositions and markers they look for come from the frame file.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

__all__ = [
    "follow",
    "is_passive",
    "is_reflexive",
    "markers",
    "object_of",
    "subject_of",
]

_NOMINAL_DEPS = ("obl", "nmod", "iobj", "obj", "nsubj")
_PREP_DEPS = ("obl", "nmod", "iobj")
_CLAUSE_POS = ("VERB", "AUX")
_GENITIVE = frozenset({"de", "du", "des", "d'"})


def markers(token: Token) -> set[str]:
    """The prepositions or conjunctions introducing a token ("à", "d'après").

    In French they stand before the word they introduce, so only the left
    children are looked at (most tokens have none: the fast path).
    """
    if not token.n_lefts:
        return set()
    found = [c for c in token.lefts if c.dep_ in ("case", "mark") or c.dep_.startswith("case")]
    words = {c.lower_ for c in found} | {c.lemma_.lower() for c in found}
    for c in found:
        fixed = [f.lower_ for f in c.children if f.dep_ == "fixed"]
        words |= set(fixed)
        if fixed:
            words.add(c.lower_ + "".join(fixed))  # "d'" + "après"
    if len(found) > 1:
        words.add("".join(c.lower_ for c in found))
    return words


def is_verbal(token: Token) -> bool:
    """A verb, or a participle the tagger took for a noun ("a téléphoné" as NOUN)."""
    return token.pos_ in _CLAUSE_POS or (
        token.pos_ == "NOUN" and any(c.dep_.startswith("aux") for c in token.children)
    )


def is_passive(verb: Token) -> bool:
    """True for a passive verb ("a été reçu par").

    A passive needs the auxiliary "être" (``aux:pass``, unless the verb is
    reflexive: "s'en est pris") or the passive voice;
    a subject labelled ``nsubj:pass`` on a verb with "avoir" alone ("Meloni n'a
    pas rencontré") is a parser mistake and the verb is read as active, and so
    is a reflexive verb ("s'est entretenu").
    """
    if any(c.dep_ == "aux:pass" for c in verb.children):
        # "s'en est pris à": "être" of a reflexive verb is its compound tense
        return not is_reflexive(verb)
    if verb.dep_.startswith("acl") and any(c.dep_ == "obl:agent" for c in verb.children):
        return True  # "la Fédération, représentée par X"
    # "ne s'est pas entretenu": the tagger may mark a reflexive participle
    # passive; a reflexive verb, one with an active subject, or one whose
    # "être" the parser reads as a tense auxiliary ("est arrivé") is not
    return (
        "Pass" in verb.morph.get("Voice")
        and not is_reflexive(verb)
        and not any(c.dep_ in ("nsubj", "aux:tense") for c in verb.children)
    )


def is_reflexive(verb: Token) -> bool:
    """True when the verb carries a reflexive pronoun ("s'entretenir")."""
    return any(
        c.lower_ in ("se", "s'") or "Yes" in c.morph.get("Reflex")
        for c in verb.children
        if c.dep_.startswith(("expl", "obj", "iobj"))
    )


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Poutine, qui a rencontré ...")."""
    if "Rel" in token.morph.get("PronType"):
        clause = token.head
        if clause.dep_.startswith("acl") and clause.head is not clause:
            return clause.head
    return token


def _by_dep(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep or c.dep_.startswith(dep + ":")]


def subject_of(verb: Token) -> list[Token]:
    """The logical subject of a verb.

    Climbs from infinitives and participial adjuncts to their controller
    ("n'a pas exclu de contacter", "ajoutant que"), from a gerund to the verb
    it depends on, even through a noun it was hung on ("a répondu à
    la saisie en protestant"), shares the subject of a
    coordinated verb, takes the agent of a passive and the antecedent of
    "qui".
    """
    if verb.pos_ in _CLAUSE_POS and is_passive(verb):
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        agents += [c for c in verb.children if c.dep_.startswith("obl") and "par" in markers(c)]
        return agents[:1]
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj", "nsubj:pass")]
        if len(subjects) > 1:
            subjects = [c for c in subjects if c.i < node.i] or subjects
        if subjects:
            return [_antecedent(subjects[0])]
        if node.dep_ == "ROOT":
            # "Interrogé, Yves Martin a déclaré": the parser may hang the
            # subject on the detached participle before the verb
            detached = [
                a
                for c in node.lefts
                if c.dep_.startswith("advcl") and "Part" in c.morph.get("VerbForm")
                for a in c.children
                if a.dep_ == "appos" and a.pos_ == "PROPN"
            ]
            if detached:
                return detached[:1]
        form = node.morph.get("VerbForm")
        if node.dep_ == "xcomp":
            # object control: "accuser X d'avoir ...", "appeler X à ..."
            controllers = [c for c in node.head.children if c.dep_ == "obj"]
            if controllers:
                return [_antecedent(controllers[0])]
        climbs = node.dep_ == "xcomp" or node.dep_ == "conj"
        climbs = climbs or (node.dep_.startswith("advcl") and ("Inf" in form or "Part" in form))
        gerund = "Part" in form and "en" in markers(node)
        if not (climbs or gerund) or node.head is node:
            return []
        node = node.head
        while gerund and node.pos_ not in _CLAUSE_POS and node.head is not node:
            node = node.head  # "a répondu à la saisie en protestant": the gerund's verb
        if node.pos_ not in _CLAUSE_POS:
            return []
    return []


def object_of(verb: Token) -> list[Token]:
    """The logical object of a verb: its direct object, or the subject of a
    passive (for a passive participle describing a noun, that noun)."""
    if is_passive(verb):
        found = [_antecedent(c) for c in verb.children if c.dep_ == "nsubj:pass"]
        if not found and verb.dep_.startswith("acl") and verb.head is not verb:
            found = [verb.head]  # "la Fédération, représentée par X": the noun it describes
        return found
    objects = [_antecedent(c) for c in verb.children if c.dep_ == "obj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not objects and len(subjects) > 1 and subjects[0].i < verb.i < subjects[-1].i:
        # two subjects, one on each side: the parser lost the object
        return [subjects[-1]]
    if not objects:
        # "a félicité Donald Trump": a name right after the verb, parsed as an
        # xcomp (tagged X) instead of the object
        objects = [
            c
            for c in verb.rights
            if c.dep_ == "xcomp" and c.pos_ in ("PROPN", "X") and c.i == _after_verb(verb)
        ]
    return objects


def _after_verb(verb: Token) -> int:
    """The index of the first token after a verb and its adverbs."""
    i = verb.i + 1
    while i < len(verb.doc) and verb.doc[i].pos_ == "ADV":
        i += 1
    return i


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
    """The prepositional complements of a trigger, with two common misattachments
    repaired: on a complement of the verb ("au téléphone avec X") and on the
    support verb of a noun ("a eu un entretien avec X")."""
    deps = _PREP_DEPS if token.pos_ in _CLAUSE_POS else ("nmod", "obl")
    found = [c for c in token.children if c.dep_.split(":")[0] in deps and c.dep_ != "obl:agent"]
    if token.pos_ in _CLAUSE_POS:
        found += [
            g
            for c in list(found)
            if c.pos_ == "NOUN"
            for g in c.children
            if g.dep_ == "nmod" and not markers(g) & _GENITIVE  # "de" belongs to the noun
        ]
    elif token.dep_ == "obj" and token.head.lemma_.lower() in support:
        found += [
            c for c in token.head.children if c.dep_.startswith("obl") and c.dep_ != "obl:agent"
        ]
    return found


def _phrase(token: Token) -> Iterator[Token]:
    """The tokens of a noun phrase, not entering clauses."""
    for child in token.children:
        if child.pos_ in _CLAUSE_POS and child.dep_ not in ("acl",):
            continue
        yield child
        yield from _phrase(child)


def _governor(noun: Token, support: frozenset[str]) -> list[Token]:
    """The subject of a support verb of the noun: "X a eu un entretien avec Y"."""
    verb = noun.head
    if noun.dep_ == "obj" and verb.pos_ in _CLAUSE_POS and verb.lemma_.lower() in support:
        return subject_of(verb)
    return []


def _host(noun: Token) -> list[Token]:
    """The nominal a caption-like event noun hangs on: "X et Y lors d'une réunion"."""
    node = noun
    for _ in range(3):
        if node.head is node:
            return []
        node = node.head
        if node.pos_ in ("PROPN", "NOUN", "PRON"):
            return [node]
        if node.pos_ in _CLAUSE_POS:
            return []
    return []


def _possessor(noun: Token) -> list[Token]:
    """The possessive determiner of a noun, then, for "Lors de sa visite à Pékin,
    Macron ...", the subject of the clause the noun's phrase modifies."""
    dets = [c for c in noun.children if c.dep_ == "det" and "Yes" in c.morph.get("Poss")]
    if not dets:
        return []
    node = noun
    for _ in range(3):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in _CLAUSE_POS:
            return dets + subject_of(node)
    return dets


def _adjunct(noun: Token, words: set[str]) -> list[Token]:
    """ "En visite à Rome, X a salué ...": the subject of the verb that an
    event noun introduced by one of the words depends on."""
    verb = noun.head
    if noun.pos_ == "NOUN" and markers(noun) & words and verb.pos_ in _CLAUSE_POS:
        return subject_of(verb)
    return []


def _receiver(noun: Token, verbs: set[str]) -> list[Token]:
    """The subject of a verb that receives the noun: "X a reçu le soutien de
    Y" (X is supported), "X a obtenu l'appui de Y"."""
    verb = noun.head
    if noun.pos_ == "NOUN" and verb.pos_ in _CLAUSE_POS and verb.lemma_.lower() in verbs:
        if noun.dep_ == "obj" or (noun.dep_.startswith("obl") and markers(noun) & _GENITIVE):
            return subject_of(verb)
    return []


def _pair(token: Token) -> list[Token]:
    """ "entre X et Y": both members."""
    firsts = [
        c for c in token.children if c.dep_.split(":")[0] in _PREP_DEPS and "entre" in markers(c)
    ]
    if not firsts:
        return []
    first = firsts[0]
    return [first, *[c for c in first.children if c.dep_ == "conj"]]


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
        return _host(token) if token.pos_ == "NOUN" else []
    if name == "governor":
        return _governor(token, support) if token.pos_ == "NOUN" else []
    if name == "poss":
        return _possessor(token)
    if name == "receiver":
        return _receiver(token, words or set())
    if name == "adjunct":
        return _adjunct(token, words or set())
    if name == "iobj":
        return [c for c in token.children if c.dep_ == "iobj"]
    found = _by_dep(token, name)
    # the words may be the dependent itself ("advmod/auprès") or its markers
    return (
        found if words is None else [t for t in found if (_clause_markers(t) | {t.lower_}) & words]
    )


def follow(token: Token, path: str, support: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens a path reaches from a trigger, in text order.

    Args:
        token: the trigger.
        path: steps joined by ``>`` (``subject``, ``prep/avec``, ``advcl/si>nsubj`` ...).
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
