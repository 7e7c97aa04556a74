"""A synthetic corpus graph in kg's own statement model, for query benchmarks.

Articles are made of short French sentences, one per fact, written from
templates; every name in a sentence becomes a mention with its true offsets,
so each article's text, mentions, facts and provenance agree. The graph of
each article is built by kg itself (:func:`kg.build.outputs.to_output`, which calls
:func:`kg.graph.article_graph`), so the quads have exactly the shape
``kg build`` writes.

Entities come from a fixed pool: the people, organisations and countries of
the project's Wikidata catalogue (``kg/link/catalogue.tsv``), linked with
``owl:sameAs``, and as many unlinked people, organisations and places with
invented names. Each entity gets a heavy-tailed weight, so a few are named in
many articles and most in a handful, as in the news. Everything is drawn
from one seeded generator: the same arguments give the same quads.

Example (writes N-Quads and prints the number of quads)::

    python bench/synthetic.py --articles 5000 -o out/synthetic.nq
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.build.outputs import to_output
from kg.model import (
    Article,
    Entity,
    EntityType,
    Extraction,
    Fact,
    Link,
    Mention,
    MentionKind,
    Modality,
    Polarity,
    Provenance,
)

__all__ = ["PoolEntity", "entity_pool", "extractions", "write_nquads"]

CATALOGUE = Path(__file__).resolve().parent.parent / "kg" / "link" / "catalogue.tsv"

_KINDS = {
    "person": EntityType.PERSON,
    "organisation": EntityType.ORGANIZATION,
    "country": EntityType.PLACE,
    "region": EntityType.PLACE,
}
_FIRST = (
    "Claire Julien Amina Thomas Léa Hugo Sofia Karim Inès Louis Chloé Mehdi Camille Paul "
    "Nadia Antoine Elsa Yann Manon Olivier Sarah Lucas Aïcha Pierre Jeanne Malik Agathe"
).split()
_LAST = (
    "Martin Bernard Lefèvre Moreau Girard Benali Roux Fontaine Chevalier Mercier Diallo "
    "Lambert Faure Rousseau Blanchard Guerin Perrin Morel Nguyen Garnier Henry Masson Carpentier"
).split()
_ORG_HEAD = "Groupe Fondation Institut Agence Union Syndicat Comité Observatoire Conseil".split()
_ORG_TAIL = "Horizon Atlas Solidarité Avenir Méridien Lumière Vigie Arc Boréal Cap".split()
_PLACE_HEAD = "Saint Mont Port Val Bourg Pont Villeneuve Roche".split()
_PLACE_TAIL = "Aubin Clair Lac Vert Rivière Marne Sauve Orme Pins Dunes".split()
_ROLES = (
    "ministre des Affaires étrangères",
    "président",
    "porte-parole",
    "Premier ministre",
    "ambassadeur",
    "secrétaire général",
    "directrice",
)
_QUOTES = (
    "nous ne céderons pas",
    "le dialogue reste ouvert",
    "c'est une décision historique",
    "la situation est grave",
    "nous attendons des actes",
    "rien n'est exclu",
)
_VERBS = {
    "accused": "accusé",
    "congratulated": "félicité",
    "contacted": "contacté",
    "criticized": "critiqué",
    "defended": "défendu",
    "supported": "soutenu",
    "threatened": "menacé",
    "warned": "averti",
    "metWith": "rencontré",
}
#: (predicate, relative weight); every kg relation appears.
_PREDICATES = (
    ("said", 18),
    ("metWith", 12),
    ("holdsPosition", 12),
    ("speaksFor", 6),
    ("visited", 8),
    ("criticized", 6),
    ("supported", 6),
    ("congratulated", 4),
    ("accused", 4),
    ("warned", 4),
    ("threatened", 3),
    ("defended", 3),
    ("contacted", 4),
    ("memberOf", 4),
    ("worksFor", 4),
    ("locatedIn", 2),
)


@dataclass(frozen=True, slots=True)
class PoolEntity:
    """An entity that articles can name: its type, label, alias, Wikidata id, weight."""

    type: EntityType
    label: str
    alias: str | None
    qid: str | None
    weight: float

    @property
    def key(self) -> str:
        """The entity key kg would derive: ``{type}/{slug of the label}``."""
        return f"{self.type.value.lower()}/{_slug(self.label)}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _catalogue(path: Path) -> list[tuple[str, EntityType, str, str | None]]:
    """(qid, type, label, alias) for catalogue items that are people, organisations, places."""
    kinds: dict[str, EntityType] = {}
    labels: dict[str, dict[str, str]] = {}
    aliases: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or not parts[0].startswith("Q"):
            continue
        qid, field, value, lang = parts[:4]
        if field == "kind" and value in _KINDS:
            kinds.setdefault(qid, _KINDS[value])
        elif field == "label":
            labels.setdefault(qid, {}).setdefault(lang, value)
        elif field == "alias" and lang == "fr":
            aliases.setdefault(qid, value)
    items = []
    for qid in sorted(kinds, key=lambda q: int(q[1:])):
        names = labels.get(qid, {})
        label = names.get("fr") or names.get("en")
        if label:
            items.append((qid, kinds[qid], label, aliases.get(qid)))
    return items


def entity_pool(rng: random.Random, invented: int = 3000) -> list[PoolEntity]:
    """The catalogue's entities, linked, plus ``invented`` unlinked ones, with weights."""
    pool: list[PoolEntity] = []
    seen: set[str] = set()
    for qid, etype, label, alias in _catalogue(CATALOGUE):
        pool.append(PoolEntity(etype, label, alias, qid, rng.paretovariate(1.2)))
        seen.add(pool[-1].key)
    while invented > 0:
        draw = rng.random()
        if draw < 0.6:
            etype = EntityType.PERSON
            last = rng.choice(_LAST) + rng.choice(("", "-" + rng.choice(_LAST)))
            label, alias = f"{rng.choice(_FIRST)} {last}", last
        elif draw < 0.85:
            etype = EntityType.ORGANIZATION
            label, alias = (
                f"{rng.choice(_ORG_HEAD)} {rng.choice(_ORG_TAIL)} {rng.randint(1, 99)}",
                None,
            )
        else:
            etype = EntityType.PLACE
            label, alias = (
                f"{rng.choice(_PLACE_HEAD)}-{rng.choice(_PLACE_TAIL)}-{rng.randint(1, 99)}",
                None,
            )
        entity = PoolEntity(etype, label, alias, None, rng.paretovariate(1.2))
        if entity.key not in seen:
            seen.add(entity.key)
            pool.append(entity)
            invented -= 1
    return pool


class _Writer:
    """Writes one article sentence by sentence, recording mentions and facts."""

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        self.text = ""
        self.sentences: list[tuple[int, int]] = []
        self.mentions: dict[str, list[Mention]] = {}
        self.entities: dict[str, PoolEntity] = {}

    def sentence(self, parts: list[str | PoolEntity], rule: str) -> tuple[int, int, str]:
        """Append a sentence made of text and entity names; return its span and text."""
        start = len(self.text) + (1 if self.text else 0)
        pieces: list[tuple[int, int, PoolEntity]] = []
        body = ""
        for part in parts:
            if isinstance(part, PoolEntity):
                name = part.alias if part.alias and part.key in self.entities else part.label
                pieces.append((start + len(body), start + len(body) + len(name), part))
                body += name
            else:
                body += part
        self.text += (" " if self.text else "") + body
        self.sentences.append((start, start + len(body)))
        for m_start, m_end, entity in pieces:
            self.entities.setdefault(entity.key, entity)
            prov = Provenance(self.article_id, m_start, m_end, body, "ner", 0.9)
            mention = Mention(
                self.text[m_start:m_end],
                m_start,
                m_end,
                entity.type,
                MentionKind.NAME,
                entity.label.lower(),
                len(self.sentences) - 1,
                prov,
            )
            self.mentions.setdefault(entity.key, []).append(mention)
        return start, start + len(body), body


def _article(
    index: int,
    rng: random.Random,
    by_type: dict[EntityType, list[PoolEntity]],
    cum: dict[EntityType, list[float]],
) -> Extraction:
    """One article: 4-9 facts of assorted predicates, polarities, modalities, qualifiers."""
    article_id = f"syn-{index:06d}"
    writer = _Writer(article_id)

    def pick(etype: EntityType) -> PoolEntity:
        return rng.choices(by_type[etype], cum_weights=cum[etype])[0]

    facts: list[Fact] = []
    title_subject = pick(EntityType.PERSON)
    for _ in range(rng.randint(4, 9)):
        predicate = rng.choices([p for p, _ in _PREDICATES], [w for _, w in _PREDICATES])[0]
        subject = title_subject if rng.random() < 0.3 else pick(EntityType.PERSON)
        polarity = Polarity.NEGATIVE if rng.random() < 0.1 else Polarity.POSITIVE
        modality = rng.choices(list(Modality), [85, 8, 7])[0]
        place = pick(EntityType.PLACE) if rng.random() < 0.25 else None
        time = None
        if rng.random() < 0.3:
            year = rng.randint(2015, 2025)
            time = rng.choice(
                (
                    str(year),
                    f"{year}-{rng.randint(1, 12):02d}",
                    f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                )
            )
        source = pick(EntityType.ORGANIZATION) if rng.random() < 0.2 else None
        obj: PoolEntity | None = None
        value = of = role = None
        neg = "n'a pas " if polarity is Polarity.NEGATIVE else "a "
        if modality is Modality.POSSIBLE:
            neg = "pourrait avoir "
        elif modality is Modality.PLANNED:
            neg = "doit avoir "
        parts: list[str | PoolEntity] = [subject, " "]
        if predicate == "said":
            value = rng.choice(_QUOTES)
            parts += [neg, f"déclaré : « {value} »"]
        elif predicate == "holdsPosition":
            value = rng.choice(_ROLES)
            of = pick(rng.choice((EntityType.PLACE, EntityType.ORGANIZATION)))
            parts += [f"{neg}été nommé {value} de ", of]
        elif predicate in ("visited", "locatedIn"):
            obj = pick(EntityType.PLACE)
            if predicate == "locatedIn":
                subject = pick(rng.choice((EntityType.ORGANIZATION, EntityType.PLACE)))
                parts = [subject, " ", neg, "son siège à ", obj]
            else:
                parts += [neg, "visité ", obj]
        elif predicate in ("memberOf", "worksFor"):
            obj = pick(EntityType.ORGANIZATION)
            parts += [neg, "rejoint " if predicate == "memberOf" else "travaillé pour ", obj]
        elif predicate == "speaksFor":
            obj = pick(rng.choice((EntityType.PERSON, EntityType.ORGANIZATION)))
            role = "porte-parole" if rng.random() < 0.7 else None
            parts += [neg, "parlé au nom de ", obj]
        else:
            obj = pick(EntityType.PERSON if rng.random() < 0.7 else EntityType.ORGANIZATION)
            parts += [neg, f"{_VERBS[predicate]} ", obj]
        if obj is not None and obj.key == subject.key:
            continue
        if place is not None:
            parts += [" à ", place]
        if time is not None:
            parts.append(f" ({time})")
        if source is not None:
            parts += [", selon ", source]
        parts.append(".")
        rule = f"frame:{predicate}.v1"
        start, end, body = writer.sentence(parts, rule)
        prov = Provenance(article_id, start, end, body, rule, round(rng.uniform(0.5, 0.99), 3))
        facts.append(
            Fact(
                subject=subject.key,
                predicate=predicate,
                provenance=prov,
                object=obj.key if obj else None,
                value=value,
                polarity=polarity,
                modality=modality,
                place=place.key if place else None,
                time=time,
                of=of.key if of else None,
                source=source.key if source else None,
                role=role,
            )
        )
    entities = []
    for key, item in writer.entities.items():
        mentions = tuple(writer.mentions[key])
        aliases = tuple(sorted({m.text for m in mentions} - {item.label}))
        link = None
        if item.qid:
            link = Link(item.qid, round(rng.uniform(0.8, 1.0), 3), "catalogue", "link:catalogue.v1")
        entities.append(Entity(key, item.type, item.label, aliases, mentions, link))
    text = writer.text
    article = Article(
        id=article_id,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=f"{title_subject.label} : {facts[0].predicate if facts else 'actualité'}",
        date=f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        url=f"https://example.org/news/{article_id}",
        source="synthetic",
    )
    return Extraction(article, tuple(entities), tuple(facts), tuple(writer.sentences))


def extractions(articles: int, seed: int = 7) -> Iterator[Extraction]:
    """Yield ``articles`` synthetic extractions, the same ones for the same seed."""
    rng = random.Random(seed)
    pool = entity_pool(rng)
    by_type = {
        t: [e for e in pool if e.type is t]
        for t in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE)
    }
    cum = {}
    for etype, members in by_type.items():
        total, sums = 0.0, []
        for entity in members:
            total += entity.weight
            sums.append(total)
        cum[etype] = sums
    for index in range(articles):
        yield _article(index, rng, by_type, cum)


def write_nquads(articles: int, dest: Path, seed: int = 7) -> int:
    """Write the synthetic corpus as N-Quads (one named graph per article).

    Args:
        articles: how many articles.
        dest: the output file.
        seed: the random seed.

    Returns:
        The number of quads written.
    """
    count = 0
    with dest.open("wb") as out:
        for extraction in extractions(articles, seed):
            data = to_output(extraction).nquads
            count += data.count(b"\n")
            out.write(data)
    return count


def main(argv: list[str] | None = None) -> int:
    """Command line: write the corpus and print its size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    quads = write_nquads(args.articles, args.output, args.seed)
    print(f"{quads} quads, {args.articles} articles -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
