"""Dependency helpers every rule uses: subjects, objects, voice, markers,
and the subject a pronoun may stand for.

These read the parse the way any rule needs it (the logical subject of a
verb, its object, whether it is passive or reflexive, the prepositions
introducing a word); frame paths, the quote step and speaker resolution
all build on them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.lang.grammar import grammar
from kg.model import Entity, EntityType

__all__ = [
    "CLAUSE_POS",
    "is_negated",
    "is_passive",
    "is_reflexive",
    "is_verbal",
    "markers",
    "object_of",
    "previous_subject",
    "reporting_subject",
    "subject_of",
]

#: The parts of speech that head a clause.
CLAUSE_POS = ("VERB", "AUX")
_SPEAKERS = (EntityType.PERSON, EntityType.ORGANIZATION)


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
    return token.pos_ in CLAUSE_POS or (
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


def is_negated(verb: Token) -> bool:
    """True when the verb carries a negation ("ne ... pas", "n'a jamais")."""
    return any("Neg" in c.morph.get("Polarity") for c in verb.children)


def is_reflexive(verb: Token) -> bool:
    """True when the verb carries a reflexive pronoun ("s'entretenir")."""
    return any(
        c.lower_ in grammar().reflexive_pronouns or "Yes" in c.morph.get("Reflex")
        for c in verb.children
        if c.dep_.startswith(("expl", "obj", "iobj"))
    )


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Poutine, qui a rencontré ...")."""
    if "Rel" in token.morph.get("PronType"):
        clause = token.head
        if clause.dep_.startswith("acl") and clause.head.i != clause.i:
            return clause.head
    return token


def _subjects(node: Token) -> list[Token]:
    """The subjects hung on a verb, else on an auxiliary before it: the
    parser may hang "il" of "il a d'ailleurs reçu" on "a"."""
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj", "nsubj:pass")]
    return subjects or [
        s
        for a in node.children
        if a.dep_.startswith("aux") and a.i < node.i
        for s in a.children
        if s.dep_ in ("nsubj", "nsubj:pass")
    ]


def _dative_controllers(verb: Token) -> list[Token]:
    """The "à" complement of a verb whose infinitive it does ("a demandé à X
    de partir": X leaves); nothing for other verbs ("a promis à X de partir")."""
    if verb.lemma_.lower() not in grammar().dative_control_verbs:
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "iobj"
        or (c.dep_.startswith("obl") and markers(c) & grammar().dative_prepositions)
    ]


def subject_of(verb: Token) -> list[Token]:
    """The logical subject of a verb.

    Climbs from infinitives and participial adjuncts to their controller
    ("n'a pas exclu de contacter", "ajoutant que"), from a gerund to the verb
    it depends on, even through a noun it was hung on ("a répondu à
    la saisie en protestant"), shares the subject of a
    coordinated verb, takes the agent of a passive and the antecedent of
    "qui".
    """
    if verb.pos_ in CLAUSE_POS and is_passive(verb):
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        agents += [
            c
            for c in verb.children
            if c.dep_.startswith("obl") and markers(c) & grammar().agent_prepositions
        ]
        return agents[:1]
    node = verb
    for _ in range(4):
        subjects = _subjects(node)
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
                # after a line break the participle may come out as "dep"
                if c.dep_.startswith(("advcl", "dep")) and "Part" in c.morph.get("VerbForm")
                for a in c.children
                if a.dep_ == "appos" and a.pos_ == "PROPN"
            ]
            if detached:
                return detached[:1]
        form = node.morph.get("VerbForm")
        if node.dep_ == "xcomp":
            # object control: "accuser X d'avoir ...", "appeler X à ...",
            # "demander à X de ..."
            controllers = [c for c in node.head.children if c.dep_ == "obj"]
            controllers = controllers or _dative_controllers(node.head)
            if controllers:
                return [_antecedent(controllers[0])]
        climbs = node.dep_ == "xcomp" or node.dep_ == "conj"
        climbs = climbs or (node.dep_.startswith("advcl") and ("Inf" in form or "Part" in form))
        gerund = "Part" in form and "en" in markers(node)
        if not (climbs or gerund) or node.head.i == node.i:
            return []
        node = node.head
        while gerund and node.pos_ not in CLAUSE_POS and node.head.i != node.i:
            node = node.head  # "a répondu à la saisie en protestant": the gerund's verb
        if node.pos_ not in CLAUSE_POS:
            return []
    return []


def object_of(verb: Token) -> list[Token]:
    """The logical object of a verb: its direct object, or the subject of a
    passive (for a passive participle describing a noun, that noun)."""
    if is_passive(verb):
        found = [_antecedent(c) for c in verb.children if c.dep_ == "nsubj:pass"]
        if not found and verb.dep_.startswith("acl") and verb.head.i != verb.i:
            found = [verb.head]  # "la Fédération, représentée par X": the noun it describes
        return found
    objects = [_antecedent(c) for c in verb.children if c.dep_ == "obj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not objects and len(subjects) > 1 and subjects[0].i < verb.i < subjects[-1].i:
        # two subjects, one on each side: the parser lost the object
        return [subjects[-1]]
    if not objects:
        # "a félicité Donald Trump", "rencontrera Jean Martin lundi": a name
        # right after the verb, parsed as an xcomp (tagged X) or as a modifier
        # with no preposition, instead of the object
        objects = [
            c
            for c in verb.rights
            if c.dep_ in ("xcomp", "nmod", "obl:mod")
            and c.pos_ in ("PROPN", "X")
            and c.i == _after_verb(verb)
            and not any(m.dep_ == "case" for m in c.children)
        ]
    return objects


def _after_verb(verb: Token) -> int:
    """The index of the first token after a verb and its adverbs."""
    i = verb.i + 1
    while i < len(verb.doc) and verb.doc[i].pos_ == "ADV":
        i += 1
    return i


def previous_subject(tok: Token, entity_at: Callable[[Token], Entity | None]) -> Entity | None:
    """ "Marc Lenoir est arrivé. Il a déclaré ...": for a third-person pronoun,
    the closest subject of a main clause before it, in its sentence or the
    four before, when that subject names a person or an organisation. A
    subject naming nothing stops the search (the pronoun may stand for it),
    unless it is a common noun of the other gender; pronoun subjects are
    passed over.

    Args:
        tok: the pronoun.
        entity_at: the entity a token belongs to, or None.

    Returns:
        The entity, or None.
    """
    doc = tok.doc
    start = tok.sent.start
    for _ in range(4):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    gender = set(tok.morph.get("Gender"))
    for i in range(tok.i - 1, start - 1, -1):
        word = doc[i]
        main = word.head.dep_ == "ROOT" or (
            word.head.dep_ == "conj" and word.head.head.dep_ == "ROOT"
        )
        if word.dep_ not in ("nsubj", "nsubj:pass") or not main:
            continue
        if word.pos_ == "PRON":
            continue
        if word.pos_ == "NOUN" and gender and _gender(word) - gender:
            continue  # "Une large partie de l'intervention ... Il": a feminine noun is no "il"
        named = [word, *(c for c in word.children if c.dep_ in ("appos", "flat:name"))]
        found = [e for e in map(entity_at, named) if e is not None]
        return found[0] if found and found[0].type in _SPEAKERS else None
    return None


def reporting_subject(pronoun: Token) -> Token | None:
    """ "X a laissé entendre qu'il rencontrerait Y": for the subject pronoun
    of a complement clause, the subject of the verb that governs the clause,
    climbing from infinitives ("laissé entendre"). It holds where the parser
    did not make the reporting verb a main clause, which
    :func:`previous_subject` needs. Only a complement clause ("ccomp"): in a
    relative or an adverbial clause the pronoun may stand for anyone.

    Args:
        pronoun: the pronoun.

    Returns:
        The subject token, or None.
    """
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        if verb.dep_ != "xcomp":
            return None
        verb = verb.head
    return None


def _gender(noun: Token) -> set[str]:
    """A noun's gender, from itself or its determiner and adjectives."""
    found = set(noun.morph.get("Gender"))
    for child in noun.children:
        if not found and child.dep_ in ("det", "amod"):
            found = set(child.morph.get("Gender"))
    return found
