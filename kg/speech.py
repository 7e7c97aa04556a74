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
* :func:`voice_of`: the spokesperson of "X, par la voix de Y, a fait savoir".
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.lang.grammar import grammar
from kg.polarity import Cues
from kg.syntax import markers

__all__ = ["reported_content", "speech_verb", "that_clause", "that_clause_mark", "voice_of"]


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
    helpers = [c for c in token.children if c.i < token.i and c.pos_ in ("VERB", "AUX")]
    if token.dep_ == "xcomp" and token.head.i < token.i:
        helpers.append(token.head)
    for helper in helpers:
        pair = f"{helper.lemma_.lower()} {lemma}"
        if pair in cues.speech_verbs or pair in cues.speech_objects:
            return pair
    if lemma in cues.speech_verbs or lemma in cues.speech_objects:
        return lemma
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
            finite = any(
                "Fin" in t.morph.get("VerbForm")
                for t in [clause, *(c for c in clause.children if c.dep_.startswith("aux"))]
            )
            verbal = clause.pos_ in ("VERB", "AUX")
            return clause if clause.i > j + 1 and verbal and finite else None
    return None


def _hung_lower(verb: Token) -> Token | None:
    """ "a déclaré aux familles des otages enlevés qu'il ferait ...": a "que"
    clause the parser hung on a word of the verb's complement. Taken when it
    is the first "que" after the verb, no finite verb stands between them,
    and the clause is not a relative one ("les otages que la police a
    libérés": a "que" right after its noun)."""
    top = verb.head if verb.dep_ == "xcomp" else verb  # "a fait savoir": from "fait"
    for tok in top.subtree:
        if tok.i <= verb.i:
            continue
        if tok.lower_ in grammar().complementisers:
            clause = tok.head
            finite = "Fin" in clause.morph.get("VerbForm")
            # a relative "que" follows its noun ("les otages que ..."), not a comma
            before = tok.doc[tok.i - 1]
            relative = clause.dep_.startswith("acl") and before.pos_ in ("NOUN", "PROPN")
            if clause.i > tok.i and clause.pos_ in ("VERB", "AUX") and finite and not relative:
                return clause
            return None
        if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm"):
            return None
    return None


def reported_content(verb: Token, entry: str, cues: Cues) -> Token | None:
    """The head of what a speech verb reports (see the module's docstring).

    Args:
        verb: the speech verb.
        entry: its lexicon entry (from :func:`speech_verb`).
        cues: the language's cue words.

    Returns:
        The head token of the clause, infinitive, attribute or noun phrase.
    """
    if "Inf" in verb.morph.get("VerbForm") and markers(verb) & cues.purpose_markers:
        return None  # "pour annoncer": an aim, not a statement
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
