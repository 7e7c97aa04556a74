"""One real thing, one node: which names and entities of an article are the
same thing.

* :func:`short_forms`: a name is a short form of another of the article's
  names (a surname, a name without its middle name, an acronym);
* :func:`merge_same_links`: entities linked to one Wikidata item are one;
* :func:`label_names`: the names an entity's label is chosen from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from kg.model import Entity, EntityType, Mention, MentionKind
from kg.other_names import ORIGINAL_NAME, initials, is_acronym

__all__ = ["label_names", "merge_same_links", "short_forms"]


def short_forms(by_key: dict[str, list[Mention]]) -> dict[str, str]:
    """Map each name key to the key of the entity it is a short form of:

    * a person's name without a middle name to the one with it ("Konrad
      Hejmo" -> "Konrad Stanisław Hejmo");
    * a shorter person name, or a one-word name of another type the NER gave
      a person's surname ("Hunt" as a place), to the single longer person
      name that ends with it;
    * an acronym to the long form written just before or after it in brackets
      ("Confédération générale du travail (CGT)", "l'IPN (Institut de la
      mémoire nationale)") or whose initials it is.
    """
    people = [k for k, ms in by_key.items() if any(m.type is EntityType.PERSON for m in ms)]
    target: dict[str, str] = {}
    for name in people:
        words = name.split()
        fuller = [
            k
            for k in people
            if len(words) >= 2
            and len(k.split()) > len(words)
            and k.split()[0] == words[0]
            and k.split()[-1] == words[-1]
        ]
        if len(fuller) == 1:
            target[name] = fuller[0]
    people = [k for k in people if k not in target]
    for short, mentions in by_key.items():
        if short in target:
            continue
        if any(m.kind is not MentionKind.NAME for m in mentions):
            continue
        words = short.split()
        longer = [
            k for k in people if len(k.split()) > len(words) and k.split()[-len(words) :] == words
        ]
        if len(longer) == 1 and (short in people or len(words) == 1):
            target[short] = longer[0]
            continue
        long_form = _long_form(short, mentions, by_key)
        if long_form is not None:
            target[short] = long_form
    return target


def _long_form(short: str, mentions: list[Mention], by_key: dict[str, list[Mention]]) -> str | None:
    """The one long form an acronym stands for in the article, or None."""
    text = mentions[0].text.replace(".", "")
    if not is_acronym(text):
        return None
    text = text.replace("-", "")
    beside, initial = set(), set()
    for key, others in by_key.items():
        if key == short or len(key.split()) < 2:
            continue
        letters = initials(key)
        if letters[:1] != text[:1].casefold():
            continue  # "Conseil de sécurité de l'Organisation des Nations unies (ONU)"
        if any(
            0 < m.start - o.end <= 3 or 0 < o.start - m.end <= 3 for m in mentions for o in others
        ):
            beside.add(key)
        if letters == text.casefold():
            initial.add(key)
    found = beside or initial
    return found.pop() if len(found) == 1 else None


def label_names(mentions: Iterable[Mention]) -> list[Mention]:
    """The name mentions an entity's label is chosen from, in order: every name
    but one given in the organisation's own language after its acronym, which
    is an alias ("(EVE, Eesti Vabariigi Erakond)"), unless no
    other name is left."""
    names = [m for m in mentions if m.kind is MentionKind.NAME]
    label = [m for m in names if m.provenance.rule != ORIGINAL_NAME]
    return label or names


def merge_same_links(entities: Sequence[Entity]) -> list[Entity]:
    """Merge the entities of an article linked to the same Wikidata item
    ("Pékin" and "Beijing", "Biden" and "Joe Biden" when both were linked).

    The merged entity keeps the key, type and link of the one with the most
    name mentions (the first of them on a tie), the longest name as label and
    every other name as an alias.

    Args:
        entities: the linked entities of one article.

    Returns:
        The entities, in order of first mention, one per linked item.
    """
    by_qid: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        if entity.qid:
            by_qid[entity.qid].append(entity)
    out: list[Entity] = []
    for entity in entities:
        same = by_qid.get(entity.qid or "", [entity])
        if len(same) == 1:
            out.append(entity)
            continue
        if entity is not same[0]:
            continue
        main = max(same, key=lambda e: sum(m.kind is MentionKind.NAME for m in e.mentions))
        mentions = sorted({m for e in same for m in e.mentions}, key=lambda m: (m.start, m.end))
        names = {m.text for m in label_names(mentions)} | {e.label for e in same}
        label = max(sorted(names), key=len)
        aliases = tuple(sorted({a for e in same for a in (e.label, *e.aliases)} - {label}))
        out.append(replace(main, label=label, aliases=aliases, mentions=tuple(mentions)))
    return out
