"""One edge per post: the positions an article states twice for one holder
are one fact.

* A role's feminine and masculine forms name one post ("le rapporteur de
  la commission, Anne Roux ... la rapporteuse de la commission"): the form
  stated first is kept. Posts of different entities ("président" of a
  country and of a party) stay apart.
* In one sentence, a former post beside the same post held now ("l'ancien
  ministre X, ministre par intérim") is one edge: the current one is kept.
  In two sentences the former post and the current one stay two facts
  (a holder may come back to an office).

Words come from the lexicon (``role_synonyms``, ``role_modifiers``) and
``membership.yaml`` (``former``).
"""

from __future__ import annotations

from kg.frames.membership import membership_words
from kg.lexicon import name_key
from kg.mentions import lexicon
from kg.model import Fact
from kg.role_coref import role_synonyms

__all__ = ["one_edge_per_post"]

_POSITION = "holdsPosition"


def _canonical(value: str, synonyms: dict[str, str]) -> tuple[str, ...]:
    """A role's words as name keys, its noun in the one form its synonyms
    share ("rapporteuse de la commission" -> "rapporteur de la commission")."""
    words = name_key(value).split()
    for size in range(len(words), 0, -1):
        noun = " ".join(words[:size])
        if noun in synonyms:
            return (*synonyms[noun].split(), *words[size:])
    return tuple(words)


def one_edge_per_post(facts: list[Fact], lang: str = "fr") -> list[Fact]:
    """The facts with each post stated once per holder.

    Args:
        facts: an article's facts, in text order.
        lang: the language whose words are read.

    Returns:
        The facts less the second statements of a post (see the module's rules).
    """
    synonyms = role_synonyms(lang)
    former = membership_words(lang).former
    modifiers = frozenset(name_key(w) for w in lexicon(lang).role_modifiers) | former
    first: dict[tuple, Fact] = {}
    current: dict[tuple, bool] = {}
    for fact in facts:
        if fact.predicate != _POSITION or not fact.value:
            continue
        words = _canonical(fact.value, synonyms)
        first.setdefault((fact.subject, words, fact.of, fact.polarity), fact)
        bare = tuple(w for w in words if w not in modifiers)
        if not former & set(words):
            current[(fact.subject, bare, fact.of, fact.provenance.sentence)] = True
    kept = []
    for fact in facts:
        if fact.predicate == _POSITION and fact.value:
            words = _canonical(fact.value, synonyms)
            if first[(fact.subject, words, fact.of, fact.polarity)] is not fact:
                continue
            bare = tuple(w for w in words if w not in modifiers)
            key = (fact.subject, bare, fact.of, fact.provenance.sentence)
            if former & set(words) and current.get(key):
                continue
        kept.append(fact)
    return kept
