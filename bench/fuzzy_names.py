"""Measure the threshold of the fuzzy look-up of people's names.

Prints two figures of RapidFuzz's ``ratio`` on spelling keys
(:func:`kg.link.fuzzy.spelling_key`): the highest similarity between the
names of two distinct people of the shipped catalogue (a threshold must stay
above it), and the similarity of spelling variants of one person's name, as
outlets write them (a threshold must stay below them). kg uses
:data:`kg.link.fuzzy.THRESHOLD`, between the two.

Usage::

    python bench/fuzzy_names.py
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from kg.link.catalogue import Catalogue
from kg.link.fuzzy import THRESHOLD, spelling_key

# (one outlet's spelling, another's): transliterations and slips of the pen.
VARIANTS = [
    ("Volodymyr Zelenski", "Volodymyr Zelensky"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
    ("Alexandre Loukachenko", "Alexander Lukashenko"),
    ("Benjamin Netanyahu", "Benyamin Netanyahou"),
    ("Mikhail Mishustin", "Mikhaïl Michoustine"),
    ("Vladimir Putin", "Vladimir Poutine"),
    ("Emmanuel Macon", "Emmanuel Macron"),
    ("Olaf Scholtz", "Olaf Scholz"),
    ("Xi Jingping", "Xi Jinping"),
    ("Mahmoud Abbas", "Mahmud Abbas"),
    ("Hassan Rohani", "Hassan Rouhani"),
    ("Iouri Andropov", "Yuri Andropov"),
    ("Mouammar Kadhafi", "Muammar Gaddafi"),
]


def distinct_people(catalogue: Catalogue) -> list[tuple[float, str, str]]:
    """For each person name, the most similar name of another person."""
    owners: dict[str, set[str]] = {}
    for qid, item in catalogue.items.items():
        if item.kind != "person":
            continue
        for how, name in item.names:
            if how in ("label", "alias") and len(name.split()) >= 2:
                owners.setdefault(spelling_key(name), set()).add(qid)
    keys = list(owners)
    closest = []
    for key in keys:
        for other, score, _ in process.extract(key, keys, scorer=fuzz.ratio, limit=4):
            if not owners[other] & owners[key]:
                closest.append((score, key, other))
                break
    return sorted(closest, reverse=True)


def main() -> None:
    """Print the figures."""
    closest = distinct_people(Catalogue.load_default())
    top, one, other = closest[0]
    print(f"distinct people, highest similarity: {top:.1f} ({one} / {other})")
    scores = sorted((fuzz.ratio(spelling_key(a), spelling_key(b)), a, b) for a, b in VARIANTS)
    for score, a, b in scores:
        print(f"variant {score:5.1f}  {a} / {b}")
    caught = sum(score >= THRESHOLD for score, _, _ in scores)
    print(
        f"threshold {THRESHOLD}: {caught}/{len(scores)} variants found, 0 distinct pairs above it"
        if closest[0][0] < THRESHOLD
        else f"threshold {THRESHOLD} is too low"
    )


if __name__ == "__main__":
    main()
