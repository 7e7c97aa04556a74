"""Choose the Wikidata item an entity denotes, or none.

Candidates come from the offline catalogue (by label, alias, abbreviation,
demonym or surname) and, for entities the catalogue does not know, from a
Wikidata endpoint (by exact label or alias). Each candidate gets a score::

    score = 0.45 * name + 0.15 * type + 0.15 * prior + 0.25 * context

* ``name``: how the entity's names match the candidate: label 1.0, alias
  0.95, abbreviation 0.9, demonym 0.85, bare surname 0.7 -- raised to 0.8
  when a single catalogue person bears that surname and to 0.95 when the
  article also names the candidate's full name. A person the catalogue does
  not know by name gets the people whose names are spelling variants of its
  own (:mod:`kg.link.fuzzy`) at 0.8, and only where the context supports one.
* ``type``: 1.0 when the candidate's kind fits the entity type (Person ->
  human; Place -> country, region, city, building or another located item;
  Organization -> organisation), 0.5 for a plausible metonymy or an unknown
  kind. An incompatible kind (a Person and anything that is not a human, a
  Place or Organization and a human) removes the candidate.
* ``prior``: catalogue items by kind (country 1.0; person, organisation, city,
  building 0.8; region, office 0.6); endpoint items by popularity,
  ``log(1 + sitelinks) / log(301)`` capped at 1.
* ``context``: 0.5 for each distinct item of the article that supports the
  candidate, capped at 1. The article's items are the other entities' links
  and unambiguous names of countries, demonyms and capitals found in its
  text; the entity's own names are left out. An item supports a candidate
  when it is the candidate itself (named elsewhere, e.g. by a demonym), one
  the candidate is tied to (its country, the jurisdiction of an office it
  holds ...), or one tied to the candidate (a capital to its country).

The best candidate is linked when its score reaches the threshold (0.6)
and beats the runner-up by at least 0.05 (:mod:`kg.link.scoring` holds the
weights and :func:`~kg.link.scoring.choose`); otherwise the entity stays
unlinked (NIL). Entities are scored twice: the first pass links what needs
no context, and its links join the context of the second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, cached_property

from kg.lang.grammar import elided, grammar
from kg.link.catalogue import Catalogue, Row, normalise
from kg.link.cities import city_facts
from kg.link.fuzzy import PersonNames
from kg.link.scoring import (
    DEFAULT_THRESHOLD,
    KIND_PRIOR,
    NAME_SCORE,
    Option,
    choose,
    kind_of_item,
)
from kg.link.wikidata import WikidataEndpoint, WikidataItem
from kg.model import Article, Entity, EntityType, Link

__all__ = ["Linker"]

_WORD = re.compile(r"[\w'’-]+")


@cache
def _joint_pattern(lang: str = "fr") -> re.Pattern[str]:
    """A genitive with its article ("de l'", "des ") before the rest of a name."""
    joints = [
        re.escape(j[:-1]) + "[’']" if elided(j) else re.escape(j) + " "
        for j in grammar(lang).genitive_joints
    ]
    return re.compile(rf"^({'|'.join(joints)})(.+)$", re.IGNORECASE)


@cache
def _links(lang: str = "fr") -> tuple[str, ...]:
    """The genitives with their article that join a head to another name; a
    bare elided form ("d'") fits only before a vowel and is left out."""
    joints = grammar(lang).genitive_joints
    return tuple(j if elided(j) else j + " " for j in joints if " " in j or not elided(j))


class Linker:
    """Links an article's entities to Wikidata.

    Args:
        catalogue: the offline catalogue; the shipped one when None.
        endpoint: asked about entities the catalogue does not know; None
            keeps linking offline.
        threshold: the lowest score that links (see the module docstring).
    """

    def __init__(
        self,
        catalogue: Catalogue | None = None,
        endpoint: WikidataEndpoint | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.catalogue = catalogue if catalogue is not None else Catalogue.load_default()
        self.endpoint = endpoint
        self.threshold = threshold
        self._online: dict[str, WikidataItem] = {}
        self._learned: dict[str, tuple[str | None, set[str]]] = {}

    def link(self, entities: Sequence[Entity], article: Article) -> tuple[Entity, ...]:
        """Return the entities, in order, with ``link`` set where the evidence
        is strong enough; entities already linked are left as they are.

        Raises:
            EndpointError: when the endpoint is asked and fails.
        """
        text_names = {normalise(e.label) for e in entities} | {
            normalise(a) for e in entities for a in e.aliases
        }
        text = normalise(article.text)
        options = [self._catalogue_options(e, text, text_names) for e in entities]
        if self.endpoint is not None:
            self._add_endpoint_options(entities, options)
        pairs = list(zip(entities, options, strict=True))
        first = [e.link.qid if e.link else self._pick(e, opts) for e, opts in pairs]
        scan = self._scan(article.text)
        final = []
        for index, (entity, opts) in enumerate(pairs):
            if entity.link is not None:
                final.append(entity)
                continue
            own = {normalise(n) for n in (entity.label, *entity.aliases)}
            context = {q for i, q in enumerate(first) if q and i != index}
            context |= {q for name, qids in scan.items() if name not in own for q in qids}
            supports = self._supports(context)
            picked = choose(opts, entity.type, frozenset(context), supports, self.threshold)
            if picked is None:
                final.append(entity)
                continue
            option, score = picked
            rule = "link:catalogue.v1" if option.source == "catalogue" else "link:wikidata.v1"
            if option.source != "catalogue":
                kind, names = self._learned.setdefault(option.qid, (option.kind, set()))
                names.update((entity.label, *entity.aliases))
            final.append(
                replace(entity, link=Link(option.qid, round(score, 3), option.source, rule))
            )
        return tuple(final)

    def learned(self, source: str) -> list[Row]:
        """Catalogue rows of the items linked through the endpoint so far, so
        that offline runs link them too: kind, the endpoint's label, the names
        the articles gave them, a person's surname, the country.

        Args:
            source: the ``source`` of every row (the endpoint and a date).
        """
        rows: set[Row] = set()
        for qid, (kind, names) in self._learned.items():
            item = self._online.get(qid)
            if kind is None or item is None:
                continue
            cand = item.candidate
            rows.add(Row(qid, "kind", kind, "", source))
            rows.add(Row(qid, "label", cand.label, "", source))
            for name in names - {cand.label}:
                rows.add(Row(qid, "alias", name, "fr", source))
            if kind == "person":
                for name in {cand.label, *names}:
                    if len(name.split()) > 1:
                        rows.add(Row(qid, "surname", name.split()[-1], "", source))
            if cand.country:
                prop = "P27" if kind == "person" else "P17"
                rows.add(Row(qid, prop, cand.country, "", source))
        return sorted(rows)

    def _pick(self, entity: Entity, opts: list[Option]) -> str | None:
        picked = choose(opts, entity.type, frozenset(), {}, self.threshold)
        return picked[0].qid if picked else None

    def _supports(self, context: set[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for qid in context:
            for target in self.catalogue.related(qid):
                out.setdefault(target, set()).add(qid)
        return out

    def _catalogue_options(self, entity: Entity, text: str, names: set[str]) -> list[Option]:
        """Catalogue candidates; ``text`` is the normalised article text and
        ``names`` the normalised names of every entity of the article."""
        best: dict[str, Option] = {}
        names = [entity.label, *entity.aliases]
        if entity.type is EntityType.ORGANIZATION and not any(map(self.catalogue.lookup, names)):
            names += [v for name in names for v in self._other_inner_names(name)]
        for name in names:
            for match in self.catalogue.lookup(name):
                item = self.catalogue.items[match.qid]
                score = NAME_SCORE[match.how]
                if match.how == "surname":
                    if len(self.catalogue.with_name("surname", name)) == 1:
                        score = 0.8
                    full = {normalise(n) for how, n in item.names if how in ("label", "alias")}
                    if any(f in names or (" " in f and f in text) for f in full):
                        score = 0.95
                option = Option(
                    qid=match.qid,
                    kind=item.kind,
                    name=score,
                    prior=KIND_PRIOR.get(item.kind or "", 0.5),
                    related=frozenset(self.catalogue.related(match.qid)),
                    **city_facts(item),
                )
                if match.qid not in best or best[match.qid].name < option.name:
                    best[match.qid] = option
        if not best and entity.type is EntityType.PERSON:
            return self._variant_options(entity)
        return list(best.values())

    def _other_inner_names(self, name: str) -> list[str]:
        """ "Conseil de sécurité de l'ONU" -> "Conseil de sécurité des Nations
        unies" ...: an organisation's name that ends with another known
        organisation's, written with that one's other names."""
        words = name.split()
        for i in range(1, len(words)):
            joint = _joint_pattern().match(" ".join(words[i:]))
            if joint is None:
                continue
            inner = [m for m in self.catalogue.lookup(joint.group(2)) if m.how != "demonym"]
            qids = {m.qid for m in inner if self.catalogue.kind(m.qid) == "organisation"}
            if len(qids) != 1:
                continue
            item = self.catalogue.items[qids.pop()]
            head = " ".join(words[:i])
            return [
                f"{head} {link}{other}"
                for how, other in item.names
                if how in ("label", "alias", "abbrev")
                for link in _links()
            ]
        return []

    @cached_property
    def _people(self) -> PersonNames:
        """The catalogue's people by full name, for spelling variants."""
        return PersonNames(
            (name, qid)
            for qid, item in self.catalogue.items.items()
            if item.kind == "person"
            for how, name in item.names
            if how in ("label", "alias")
        )

    def _variant_options(self, entity: Entity) -> list[Option]:
        """People whose names are spelling variants of a person entity's."""
        found = {qid for name in (entity.label, *entity.aliases) for qid in self._people.near(name)}
        return [
            Option(
                qid=qid,
                kind="person",
                name=NAME_SCORE["fuzzy"],
                prior=KIND_PRIOR["person"],
                related=frozenset(self.catalogue.related(qid)),
                needs_context=True,
            )
            for qid in sorted(found)
        ]

    def _add_endpoint_options(
        self, entities: Sequence[Entity], options: list[list[Option]]
    ) -> None:
        assert self.endpoint is not None
        wanted = [i for i, e in enumerate(entities) if not options[i] and e.link is None]
        if not wanted:
            return
        names = {n for i in wanted for n in (entities[i].label, *entities[i].aliases)}
        found = self.endpoint.candidates(names)
        for i in wanted:
            entity = entities[i]
            for rank, name in enumerate((entity.label, *entity.aliases)):
                for item in found.get(name.strip(), ()):
                    cand = item.candidate
                    self._online[cand.qid] = item
                    related = {cand.country} if cand.country else set()
                    options[i].append(
                        Option(
                            qid=cand.qid,
                            kind=kind_of_item(item),
                            name=1.0 if rank == 0 else 0.95,
                            prior=min(1.0, math.log1p(cand.popularity) / math.log(301)),
                            related=frozenset(related - {cand.qid}),
                            source=cand.source,
                        )
                    )

    def _scan(self, text: str) -> dict[str, set[str]]:
        """Unambiguous country, demonym and capital names in a text."""
        words = _WORD.findall(text)
        firsts = self.catalogue.first_words
        starts = [i for i, word in enumerate(words) if normalise(word) in firsts]
        found: dict[str, set[str]] = {}
        for size in (1, 2, 3):
            for start in starts:
                if start + size > len(words):
                    continue
                phrase = " ".join(words[start : start + size])
                key = normalise(phrase)
                if key in found or len(key) < 3:
                    continue
                matches = self.catalogue.lookup(phrase)
                qids = {m.qid for m in matches if self.catalogue.kind(m.qid) == "country"}
                qids |= self.catalogue.capital_of(phrase)
                if len(qids) == 1 and len({m.qid for m in matches} | qids) == 1:
                    found[key] = qids
        return found
