"""Speech verbs and what they report, read on the dependency parse.

The words come from ``kg/lang/<lang>/cues.yaml`` (``speech_verbs``,
``speech_objects``, ``voice_nouns``); the code knows grammar only:

* :func:`speech_verb`: a verb is a speech verb by its lemma, by its form when
  the tagger left it unlemmatised ("estime"), or as the second verb of a
  listed pair ("fait savoir", "laisser entendre").
* :func:`reported_content`: what a speech verb reports: its "que" clause, else
  its infinitive or attribute ("a déclaré vouloir", "a promis de", "s'est dit
  prêt", "a qualifié X d'inacceptable"), else, for the verbs of
  ``speech_objects`` only, their noun object or their complement introduced
  by the listed preposition ("a annoncé sa démission", "a plaidé pour une
  réforme"). Nothing else: "a dit à ses proches" reports nothing.
* :func:`clause_tail`: the rest of a reported clause cut at "tandis que".
* :func:`incise`: the clause a speech verb set after it reports ("La
  réforme sera votée, a assuré X").
* :func:`reported_words`: the words a speech verb reports, speech of their
  own inside left out; :func:`speaks_inside`: whether someone speaks there.
* :func:`voice_of`: the spokesperson of "X, par la voix de Y, a fait savoir".
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.lang.grammar import grammar
from kg.polarity import Cues
from kg.syntax import markers

__all__ = [
    "clause_tail",
    "incise",
    "reported_content",
    "reported_words",
    "speaks_inside",
    "speech_verb",
    "that_clause",
    "that_clause_mark",
    "voice_of",
]


def speech_verb(token: Token, cues: Cues) -> str | None:
    """The speech verb a token is, as the lexicon writes it, or None.

    Args:
        token: a verb.
        cues: the language's cue words.

    Returns:
        The lexicon entry ("estimer" for "estime", "faire savoir" for the
        "savoir" of "a fait savoir"), or None for any other word.
    """
    lemma = token.lemma_.lower()
    lemma = cues.speech_forms.get(token.lower_, lemma) if lemma == token.lower_ else lemma
    # "a fait savoir": "faire" hangs on "savoir", or "savoir" on "faire"
    # "y voit", "s'est posé en": a clitic before the verb makes a pair of its own
    helpers = [c for c in token.children if c.i < token.i and c.pos_ in ("VERB", "AUX", "PRON")]
    if token.dep_ == "xcomp" and token.head.i < token.i:
        helpers.append(token.head)
    for helper in helpers:
        clitic = helper.pos_ == "PRON" and "Yes" not in helper.morph.get("Reflex")
        first = helper.lower_ if clitic else helper.lemma_.lower()  # "s'" is "se"
        pair = f"{first} {lemma}"
        if pair in cues.speech_verbs or pair in cues.speech_objects or pair in cues.quote_verbs:
            return pair
    if lemma in cues.speech_verbs or lemma in cues.speech_objects:
        return lemma
    return _stated_as(token, lemma, cues)


def _stated_as(verb: Token, lemma: str, cues: Cues) -> str | None:
    """ "a posé comme condition", "a fait part": the verb with its noun
    (``stated_as``), as one speech verb "poser comme condition"."""
    nouns = cues.stated_as.get(lemma, frozenset())
    for child in verb.children if nouns else ():
        if child.lemma_.lower() in nouns and child.dep_.startswith(("obl", "obj", "xcomp")):
            return " ".join([lemma, *(t.lower_ for t in child.lefts), child.lemma_.lower()])
    return None


def _stated(verb: Token, nouns: frozenset[str]) -> Token | None:
    """What "poser comme condition" or "faire part" states: its noun object,
    the "de" complement of its noun or of the verb ("a fait part de son
    inquiétude"), or the noun after the "que" of "ne ... que" ("ne pose
    comme condition que le départ de X")."""
    for child in verb.children:
        if child.dep_ == "obj" and child.pos_ == "NOUN" and child.lemma_.lower() not in nouns:
            return child
    own = [c for c in verb.children if c.lemma_.lower() in nouns]
    for head in [*own, verb]:
        for child in head.children:
            if child.dep_.startswith(("nmod", "obl")) and markers(child) & grammar().genitive:
                if child.pos_ == "NOUN" and child.lemma_.lower() not in nouns:
                    return child
    for tok in verb.subtree:
        if tok.i > verb.i and tok.lower_ in grammar().complementisers and tok.head.pos_ == "NOUN":
            return tok.head
    return None


def that_clause_mark(clause: Token) -> bool:
    """True when a clause opens with "que" ("... et que le gouvernement ...")."""
    return (
        bool(markers(clause) & grammar().complementisers)
        or clause.left_edge.lower_ in grammar().complementisers
    )


def that_clause(verb: Token) -> Token | None:
    """The "que" clause of a verb ("a déclaré qu'il viendrait"), or None."""
    for child in verb.children:
        # the parser sometimes labels "que" an object rather than a marker
        if child.dep_ == "ccomp" and that_clause_mark(child):
            return child
    return _hung_lower(verb) or _after_aside(verb)


def _after_aside(verb: Token) -> Token | None:
    """ "a fait savoir, par la voix de X, chef de Y, que ...": a "que" clause
    after an aside set off by commas, which the parser hung elsewhere. Taken
    when the aside follows the verb directly, holds no finite verb and no
    other "que", and the clause's verb is finite; at most 25 words away."""
    doc, sent = verb.doc, verb.sent
    if verb.i + 1 >= sent.end or doc[verb.i + 1].text != ",":
        return None
    for j in range(verb.i + 2, min(sent.end - 1, verb.i + 27)):
        tok = doc[j]
        if (
            tok.lower_ in grammar().complementisers
            or tok.text in (";", ":")
            or (tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm"))
        ):
            return None
        if tok.text == "," and doc[j + 1].lower_ in grammar().complementisers:
            clause = doc[j + 1].head
            return clause if clause.i > j + 1 and _finite_clause(clause) else None
    return None


def _finite_clause(head: Token) -> bool:
    """True when a token heads a finite clause: a finite verb, or a verb or a
    copular attribute whose auxiliary or copula is finite ("a été", "était
    le fait de")."""
    copular = any(c.dep_ == "cop" for c in head.children)
    if head.pos_ not in ("VERB", "AUX") and not copular:
        return False
    helpers = [c for c in head.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    return any("Fin" in t.morph.get("VerbForm") for t in [head, *helpers])


def _hung_lower(verb: Token) -> Token | None:
    """ "a déclaré aux familles des otages enlevés qu'il ferait ...": a "que"
    clause the parser hung on a word of the verb's complement. Taken when it
    is the first "que" after the verb, no finite verb nor present participle
    stands between them, the "que" is no part of a conjunction ("pour que",
    "tandis que", but "a écrit deux semaines plus tôt que" is no
    comparison) and the clause is not a relative one ("les otages que la police a
    libérés": a "que" right after its noun)."""
    top = verb.head if verb.dep_ == "xcomp" else verb  # "a fait savoir": from "fait"
    for tok in top.subtree:
        if tok.i <= verb.i:
            continue
        if tok.lower_ in grammar().complementisers:
            clause = tok.head
            # a relative "que" follows its noun ("les otages que ..."), not a comma
            before = tok.doc[tok.i - 1]
            if tok.dep_ == "fixed" or (
                before.pos_ in ("ADP", "ADV", "SCONJ") and not _measured(before)
            ):
                return None  # "pour que", "tandis que": an aim or a contrast, not speech
            relative = clause.dep_.startswith("acl") and before.pos_ in ("NOUN", "PROPN")
            if clause.i > tok.i and _finite_clause(clause) and not relative:
                return clause
            return None
        if tok.pos_ in ("VERB", "AUX") and (
            "Fin" in tok.morph.get("VerbForm") or _present_participle(tok)
        ):
            return None  # "soulignant que ...": the clause is that verb's
    return None


def _measured(adverb: Token) -> bool:
    """ "quelques jours plus tôt": an adverb with a measure of its own ends a
    phrase of time, and a "que" after it opens the verb's clause, not a
    comparison ("plus tôt que prévu" has no measure). The parser hangs the
    measure on the adverb, or the adverb on the measure."""
    return adverb.pos_ == "ADV" and (
        any(c.dep_.startswith("obl") and c.pos_ == "NOUN" for c in adverb.children)
        or (adverb.dep_ in ("amod", "advmod") and adverb.head.pos_ == "NOUN")
    )


def _present_participle(tok: Token) -> bool:
    """ "soulignant", "ajoutant": a verb of its own, unlike a past participle
    ("des otages enlevés")."""
    return "Part" in tok.morph.get("VerbForm") and "Past" not in tok.morph.get("Tense")


def reported_content(verb: Token, entry: str, cues: Cues, aim: bool = False) -> Token | None:
    """The head of what a speech verb reports (see the module's docstring).

    Args:
        verb: the speech verb.
        entry: its lexicon entry (from :func:`speech_verb`).
        cues: the language's cue words.
        aim: an infinitive of aim is a statement here ("sa visite en Irak
            pour annoncer", :func:`kg.occasions.purpose_occasion`).

    Returns:
        The head token of the clause, infinitive, attribute or noun phrase.
    """
    if not aim and "Inf" in verb.morph.get("VerbForm") and markers(verb) & cues.purpose_markers:
        return None  # "est venu pour annoncer": an aim, not a statement
    words = entry.split(" ")
    nouns = cues.stated_as.get(words[0], frozenset())
    if len(words) > 1 and words[-1] in nouns:  # "poser comme condition", not "faire savoir"
        return _stated(verb, nouns)
    how = cues.speech_objects.get(entry)
    if entry in cues.speech_verbs:
        # a verb listed only with its complement ("appeler à") reports nothing
        # else: "est appelé à remplacer" is no statement
        clause = that_clause(verb)
        if clause is not None:
            return clause
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "ADJ"):
                return child
    for child in verb.children:
        if how == "obj" and child.dep_ in ("obj", "ccomp") and child.pos_ == "NOUN":
            return child  # the parser may label the noun object a clause
        if (
            how
            and how != "obj"
            and child.dep_.startswith("obl")
            and child.pos_ == "NOUN"  # "appelle à un respect", not "appelé à remplacer"
            and how in markers(child)
        ):
            return child
    return None


def incise(verb: Token, entry: str, cues: Cues) -> list[int]:
    """ "La réforme sera votée, a assuré Paul Girard.": a speech verb set
    after the clause it reports, behind a comma, with its subject after it
    and nothing but that subject after it in the sentence. Returns the
    tokens of the clause (from the sentence's start to the comma); nothing
    for a verb with a complement of its own ("a déclaré que"), a verb not
    hung on the sentence's main clause, a subject before the verb, or a
    clause with no finite verb.

    Args:
        verb: a speech verb.
        entry: its lexicon entry (from :func:`speech_verb`).
        cues: the language's cue words.
    """
    doc, sent, head = verb.doc, verb.sent, verb.head
    first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))])
    if entry not in cues.speech_verbs or first - 1 <= sent.start or doc[first - 1].text != ",":
        return []
    if head.i == verb.i or head.i > verb.i or head != sent.root:
        return []
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("nsubj", "obj", "expl:subj")]
    before = [c for c in verb.children if c.i < verb.i and c.dep_.startswith("nsubj")]
    rest = [t for t in doc[verb.right_edge.i + 1 : sent.end] if not t.is_punct]
    if not after or before or rest or not _finite_clause(head):
        return []
    return [t.i for t in doc[sent.start : first - 1] if not t.is_space]


def clause_tail(verb: Token, content: Token) -> list[Token]:
    """The rest of a reported clause that ends on a subordinator ("estimant
    que X était parti tandis que Y était resté"): the parser may hang the
    subordinate clause on the speech verb as a clause of its own. Taken when
    it is the verb's next clause, starts right after the reported one (quote
    marks aside) and opens with no "que" of its own; nothing otherwise.
    """
    words = [t for t in content.subtree if not t.is_punct]
    if not words or words[-1].pos_ != "SCONJ":
        return []
    gap = content.right_edge.i + 1
    for child in verb.children:
        if child.i <= content.i or child.dep_ not in ("ccomp", "advcl"):
            continue
        start = child.left_edge.i
        between = verb.doc[gap:start]
        if all(t.is_punct for t in between) and not that_clause_mark(child):
            return [child]
        return []
    return []


def voice_of(verb: Token, subject: Token, cues: Cues) -> list[Token]:
    """Y in "X, par la voix de Y, a fait savoir": the heads that may name Y
    (the "de" complement of "voix", a name the parser apposed to it or to
    that complement: "par la voix de son porte-parole, Y").

    The "par la voix" phrase may hang on the verb, on the verb governing it
    ("a fait savoir") or on its subject; right after the verb ("a fait savoir,
    par la voix de Y, que") the parser may hang it anywhere, so it is read
    there on the words.
    """
    heads = [verb, subject] + ([verb.head] if verb.dep_ == "xcomp" else [])
    near = list(verb.doc[verb.i + 1 : min(verb.i + 5, verb.sent.end)])
    for child in [c for head in heads for c in head.children] + near:
        if (
            child.lemma_.lower() in cues.voice_nouns
            and markers(child) & grammar().agent_prepositions
        ):
            named = [
                g
                for g in child.children
                if (g.dep_ == "nmod" and markers(g) & cues.genitive) or g.dep_ == "appos"
            ]
            return named + [a for g in named for a in g.children if a.dep_ == "appos"]
    return []


def reported_words(verb: Token, content: Token, cues: Cues) -> tuple[list[int], set[int]]:
    """The tokens a speech verb reports, and those left to speech of their own
    inside (a speech verb, "... et que Y").

    Args:
        verb: the speech verb.
        content: the head of what it reports (:func:`reported_content`).
        cues: the language's cue words.

    Returns:
        The token indices said, and those of the nested speech left out.
    """
    nested = {
        t.i
        for c in content.subtree
        if (c.dep_.startswith("advcl") and speech_verb(c, cues))
        or (c.i != content.i and c.dep_ == "conj" and that_clause_mark(c))
        for t in c.subtree
    }  # a speech verb inside, and "... et que Y": said on their own
    # "de baisser", "pour une réforme", "et que": the words introducing it are not said
    lead = {c.i for c in content.children if c.dep_ in ("mark", "case", "cc") and c.i < content.i}
    # "a prévenu, au lendemain du vote, que ...": what stands
    # before "que" is the verb's, not the clause's
    that = [c.i for c in content.children if c.lower_ in grammar().complementisers]
    lead |= set(range(content.left_edge.i, min(that))) if that else set()
    if content.pos_ == "NOUN":  # "annonçait pour sa part la création"
        lead |= {t.i for c in content.lefts if c.dep_ in ("nmod", "obl") for t in c.subtree}
    words = [t for c in [content, *clause_tail(verb, content)] for t in c.subtree]
    tokens = [t.i for t in words if t.i not in nested and t.i not in lead]
    return tokens, nested


def speaks_inside(clause: Token, cues: Cues) -> bool:
    """Whether someone inside a clause speaks or takes a stance: "... que Y
    a déclaré", "... que Y n'excluait pas".

    Args:
        clause: the head of the clause.
        cues: the language's cue words.
    """
    return any(
        t.pos_ in ("VERB", "AUX")
        and (speech_verb(t, cues) is not None or t.lemma_.lower() in cues.stance_verbs)
        for t in clause.subtree
    )
