"""Posts taken over: "X reprend le poste qu'occupait Y" says that Y held the
post X is named with before in the article ("X a été élue présidente du
Sénat ... X reprend le poste qu'occupait Y": Y was its president); "X
succède à Y au poste de ministre" that Y held the post X gets (a verb of
``succession_verbs``, "à Y", and the role after a post noun).

The post noun ("poste", from ``post_nouns``) is the object of a verb of
``taking_verbs`` whose subject is X, and is followed by a relative pronoun,
the object of a verb of ``holding_verbs`` whose subject is Y. Y gets X's
post with the same entity it belongs to, its noun in the form the lexicon's
``role_synonyms`` gives ("présidente" -> "président": Y may be a man).
Refused: X named with no post before the sentence, or with two different
ones (which one was taken is not said), a post X held formerly or was
denied, a verb other than these ("X refuse le poste qu'occupait Y"), a
succession with no post named ("X succède à Y").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from kg.frames.membership import membership_words
from kg.frames.position_words import PositionWords
from kg.frames.provenance import fact_provenance
from kg.frames.role_holders import person
from kg.frames.role_owner import EntityAt
from kg.lang import load_data
from kg.lang.grammar import grammar
from kg.lexicon import name_key
from kg.model import Entity, Fact, Polarity
from kg.nlp import Parsed
from kg.syntax import markers

__all__ = ["posts_taken_over"]

_POSITION = "holdsPosition"


def _base_form(value: str, lang: str) -> str:
    """A role with its noun in the form its synonyms share ("Présidente de la
    Chambre" -> "Président de la Chambre"), its first letter's case kept."""
    synonyms = load_data(lang, "lexicon").get("role_synonyms") or {}
    low = value.lower()
    for other in sorted(synonyms, key=len, reverse=True):
        if low == other or low.startswith(other + " "):
            base = str(synonyms[other]) + value[len(other) :]
            return base[:1].upper() + base[1:] if value[:1].isupper() else base
    return value


def _taker_and_former(
    holding: Token, words: PositionWords, entity_at: EntityAt
) -> tuple[Token, Token] | None:
    """For a verb of holding with a relative pronoun as its object, the
    subjects of the verb taking the post and of the verb holding it."""
    relative = [c for c in holding.children if "Rel" in c.morph.get("PronType") and c.dep_ == "obj"]
    if not relative or relative[0].i == 0:
        return None
    post = holding.doc[relative[0].i - 1]
    taking = post.head
    if name_key(post.text) not in words.post_nouns or post.dep_ != "obj":
        return None
    if taking.lemma_.lower() not in words.taking_verbs:
        return None
    taker = [c for c in taking.children if c.dep_ == "nsubj" and person(c, entity_at)]
    former = [c for c in holding.children if c.dep_ == "nsubj" and person(c, entity_at)]
    return (taker[0], former[0]) if taker and former else None


def _successor_and_former(
    verb: Token, words: PositionWords, entity_at: EntityAt
) -> tuple[Token, Token, Token] | None:
    """ "X succède à Y au poste de ministre": the successor, the one succeeded
    ("à Y") and the role noun after the post noun."""
    successor = [c for c in verb.children if c.dep_ == "nsubj" and person(c, entity_at)]
    dative = grammar().dative_prepositions
    former = [
        c
        for c in verb.children
        if c.dep_.startswith("obl") and markers(c) & dative and person(c, entity_at)
    ]
    posts = [
        r
        for c in verb.children
        if c.dep_.startswith("obl") and name_key(c.text) in words.post_nouns
        for r in c.children
        if r.dep_ == "nmod"
    ]
    return (successor[0], former[0], posts[0]) if successor and former and posts else None


def _posts_of(
    holder: Entity | None, facts: list[Fact], lang: str
) -> dict[tuple[str, str | None], Fact]:
    """The current posts of a holder among some facts, by their role in its
    base form and the entity they belong to."""
    former_words = membership_words(lang).former
    return {
        (_base_form(f.value or "", lang), f.of): f
        for f in facts
        if holder is not None
        and f.predicate == _POSITION
        and f.subject == holder.key
        and f.polarity is Polarity.POSITIVE
        and not former_words & set(name_key(f.value or "").split())
    }


def posts_taken_over(
    parsed: Parsed, sent: Span, facts: list[Fact], entity_at: EntityAt, words: PositionWords
) -> list[Fact]:
    """The posts a sentence says someone held before the one who takes them:
    "X reprend le poste qu'occupait Y" (X's one post named before), "X succède
    à Y au poste de ministre" (the post X gets in the sentence).

    Args:
        parsed: the article and its parse.
        sent: the sentence.
        facts: the article's facts read so far (the posts named before, and
            those of this sentence).
        entity_at: the entity a token belongs to, or None.
        words: the language's position words.

    Returns:
        One holdsPosition fact per post taken over (see the module's refusals).
    """
    lang = parsed.article.language
    start = parsed.span_offsets(sent[0])[0]
    text = parsed.original(sent).strip()
    found: list[Fact] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in words.holding_verbs and (pair := _taker_and_former(tok, words, entity_at)):
            taker, former = pair
            named = [f for f in facts if f.provenance.start < start]
        elif lemma in words.succession_verbs and (
            three := _successor_and_former(tok, words, entity_at)
        ):
            taker, former, role = three
            named = [
                f for f in facts if f.provenance.sentence == text and role.text in (f.value or "")
            ]
        else:
            continue
        posts = _posts_of(person(taker, entity_at), named, lang)
        holder = person(former, entity_at)
        if len(posts) != 1 or holder is None:
            continue
        (value, of), fact = next(iter(posts.items()))
        provenance = fact_provenance(parsed, [taker, tok, former], fact.provenance.rule, 0.6)
        found.append(replace(fact, subject=holder.key, value=value, of=of, time=None,
                             source=None, provenance=provenance))  # fmt: skip
    return found
