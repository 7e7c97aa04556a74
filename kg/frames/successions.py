"""Posts taken over: "X prend le poste qu'occupait Y" says that Y held the
post X is named with before in the article ("X a été nommée présidente de
la Chambre ... X prend le poste qu'occupait Y": Y was its president).

The post noun ("poste", from ``post_nouns``) is the object of a verb of
``taking_verbs`` whose subject is X, and is followed by a relative pronoun,
the object of a verb of ``holding_verbs`` whose subject is Y. Y gets X's
post with the same entity it belongs to, its noun in the form the lexicon's
``role_synonyms`` gives ("présidente" -> "président": Y may be a man).
Refused: X named with no post before the sentence, or with two different
ones (which one was taken is not said), a post X held formerly or was
denied, a verb other than these ("X refuse le poste qu'occupait Y").
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
from kg.lexicon import name_key
from kg.model import Fact, Polarity
from kg.nlp import Parsed

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


def posts_taken_over(
    parsed: Parsed, sent: Span, facts: list[Fact], entity_at: EntityAt, words: PositionWords
) -> list[Fact]:
    """The posts a sentence says someone held before the one who takes them.

    Args:
        parsed: the article and its parse.
        sent: the sentence.
        facts: the article's facts read so far (the posts named before).
        entity_at: the entity a token belongs to, or None.
        words: the language's position words.

    Returns:
        One holdsPosition fact per post taken over (see the module's refusals).
    """
    lang = parsed.article.language
    former_words = membership_words(lang).former
    start = parsed.span_offsets(sent[0])[0]
    found: list[Fact] = []
    for tok in sent:
        pair = None
        if tok.lemma_.lower() in words.holding_verbs:
            pair = _taker_and_former(tok, words, entity_at)
        if pair is None:
            continue
        taker, former = person(pair[0], entity_at), person(pair[1], entity_at)
        posts = {
            (_base_form(f.value or "", lang), f.of): f
            for f in facts
            if f.predicate == _POSITION
            and taker is not None
            and f.subject == taker.key
            and f.provenance.start < start
            and f.polarity is Polarity.POSITIVE
            and not former_words & set(name_key(f.value or "").split())
        }
        if len(posts) != 1 or former is None:
            continue
        (value, of), fact = next(iter(posts.items()))
        provenance = fact_provenance(parsed, [pair[0], tok, pair[1]], fact.provenance.rule, 0.6)
        found.append(replace(fact, subject=former.key, value=value, of=of, time=None,
                             source=None, provenance=provenance))  # fmt: skip
    return found
