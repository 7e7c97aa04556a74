"""The pipeline: articles in, :class:`~kg.model.Extraction` s out.

text -> NLP (:mod:`kg.nlp`) -> mentions (:mod:`kg.mentions`) -> entities
(:mod:`kg.entities`, with Wikidata linking from :mod:`kg.link` between the
two merging steps) -> facts (:mod:`kg.frames`). The spaCy model and the
catalogue are loaded once per :class:`Pipeline`; articles go through
``nlp.pipe`` in batches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from kg.body_mentions import named_bodies
from kg.capitals import CapitalCountries, capitals_as_countries
from kg.entities import OfficeHolders, group_mentions, merge_same_links, resolve_references
from kg.frames import EntityLookup, FrameSet, extract_facts, load_frames, speaker_lookup
from kg.frames.located import CountryOf
from kg.lang.grammar import grammar
from kg.mentions import KnownNames, extract_mentions, lexicon, name_key
from kg.model import Article, Entity, EntityType, Extraction, Fact
from kg.nlp import Parsed, check_language, load_pipeline, parse
from kg.polarity import load_cues
from kg.quotes import speech_facts

__all__ = ["Pipeline", "article_facts", "pipeline_extractor"]


class Pipeline:
    """Extracts entities and facts from articles of one language.

    Args:
        lang: the language of the articles (a folder of ``kg/lang``).
        link: link entities to Wikidata.
        offline: use only the bundled catalogue (no network).
        endpoint: a Wikidata SPARQL endpoint URL for live linking.
        batch_size: articles per spaCy batch.
        catalogues: catalogue files (``kg link --save-catalogue``) read with
            the shipped catalogue.
    """

    def __init__(
        self,
        lang: str = "fr",
        link: bool = True,
        offline: bool = True,
        endpoint: str | None = None,
        batch_size: int = 16,
        catalogues: Sequence[str | Path] = (),
    ) -> None:
        self.lang = lang
        self.catalogues = tuple(catalogues)
        self.link = link
        self.offline = offline
        self.endpoint = endpoint
        self.batch_size = batch_size
        load_pipeline(lang)  # fail early on an unsupported language or missing model

    @cached_property
    def linker(self):
        """The Wikidata linker (catalogue, and the endpoint unless offline)."""
        from kg.link import Linker, WikidataEndpoint
        from kg.link.catalogue import Catalogue

        endpoint = None
        if not self.offline and self.endpoint:
            endpoint = WikidataEndpoint(self.endpoint)
        catalogue = (
            Catalogue.with_extra(self.catalogues) if self.catalogues else Catalogue.load_default()
        )
        return Linker(catalogue, endpoint=endpoint)

    @cached_property
    def holders(self) -> OfficeHolders:
        """Office holders from the catalogue, for roles such as "président russe"."""
        return office_holders(self.linker.catalogue, self.lang)

    @cached_property
    def known(self) -> KnownNames:
        """Full names of the catalogue's people and organisations, for mentions."""
        return known_names(self.linker.catalogue, self.lang)

    @cached_property
    def offices(self) -> dict[str, list[tuple[str, str]]]:
        """Person Wikidata id -> (role key, country id) of the offices they hold."""
        return offices_by_holder(self.linker.catalogue, self.lang)

    @cached_property
    def capitals(self) -> CapitalCountries:
        """Capitals from the catalogue, and the verbs by which one stands for its country."""
        return capital_countries(self.linker.catalogue, self.lang)

    def warm(self) -> Pipeline:
        """Load everything now (model, catalogue, look-up tables), not on the
        first article: before forking workers, so that they share it."""
        load_pipeline(self.lang)
        lexicon(self.lang)
        if self.link:
            _ = self.linker, self.holders, self.offices, self.known, self.capitals
        load_frames(self.lang)
        return self

    def extract(self, article: Article) -> Extraction:
        """Extract the entities and facts of one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], check: bool = True) -> Iterator[Extraction]:
        """Extract articles in batches, yielding results in input order.

        Args:
            articles: the articles.
            check: refuse articles that are not in the pipeline's language.

        Raises:
            InputError: an article is not in the pipeline's language.
        """

        def checked() -> Iterator[Article]:
            for article in articles:
                if check:
                    check_language(article, self.lang)
                yield article

        for parsed in parse(checked(), self.lang, self.batch_size):
            yield self.extract_parsed(parsed)

    def extract_parsed(self, parsed: Parsed) -> Extraction:
        """Extract from an article already parsed by :func:`kg.nlp.parse`."""
        mentions = extract_mentions(parsed, self.lang, self.known if self.link else None)
        entities = group_mentions(mentions, self.lang)
        if self.link:
            entities = merge_same_links(self.linker.link(entities, parsed.article))
            entities = capitals_as_countries(parsed, entities, self.capitals)
        index = resolve_references(
            parsed, entities, mentions, self.lang, self.holders if self.link else None
        )
        country_of = countries_of(index.entities, self.linker.catalogue) if self.link else None
        facts = article_facts(parsed, index, country_of=country_of)
        if self.link:
            facts = complete_positions(facts, index.entities, self.offices)
            facts += staff_facts(facts, index.entities, self.linker.catalogue.kind)
        sentences = tuple(parsed.span_offsets(s) for s in parsed.doc.sents)
        entities = tuple(named_bodies(index.entities, facts))
        return Extraction(parsed.article, entities, tuple(facts), sentences)


def pipeline_extractor(link: bool = True) -> Callable[[Article], Extraction]:
    """The pipeline as a function from an article to its extraction, as
    :func:`kg.evaluate.evaluate_files` takes it: one offline pipeline per
    language, made when the first article of that language comes.

    Args:
        link: link entities to Wikidata (offline, from the catalogue).
    """
    pipelines: dict[str, Pipeline] = {}

    def extract(article: Article) -> Extraction:
        if article.language not in pipelines:
            pipelines[article.language] = Pipeline(lang=article.language, link=link, offline=True)
        return pipelines[article.language].extract(article)

    return extract


def article_facts(
    parsed: Parsed,
    index: EntityLookup,
    frames: FrameSet | None = None,
    country_of: CountryOf | None = None,
) -> list[Fact]:
    """The facts of one parsed article: the quote step first (what was said,
    and who is the source of which words), then the frames, which take the
    quote step's attribution.

    Args:
        parsed: the article and its parse.
        index: the article's entities (``entity_at(token)``).
        frames: the frames to match; the article's language's by default.
        country_of: the article's entity for the country a place is in
            (:func:`countries_of`); none by default.

    Returns:
        The facts, in text order, ``said`` facts included.
    """
    frames = frames or load_frames(parsed.article.language)
    entities = getattr(index, "entities", ())
    said, attribution = speech_facts(
        parsed, speaker_lookup(parsed, index), load_cues(frames.lang), entities
    )
    return extract_facts(parsed, index, attribution, said, frames, country_of)


def capital_countries(catalogue, lang: str = "fr") -> CapitalCountries:
    """The catalogue's capitals, and the verbs whose subject, a capital, stands
    for its country: the speech and report verbs and the government acts of
    ``cues.yaml``, and the one-word verbs of the frames a country may act in.

    Args:
        catalogue: the Wikidata catalogue.
        lang: the language of the cue and frame files.
    """
    cues, frames = load_cues(lang), load_frames(lang)
    acts = {
        trigger.lemma
        for frame in frames.frames
        if frame.kind == "event" and EntityType.PLACE.value in frame.subject_types
        for trigger in frame.verbs
        if not trigger.words and not trigger.reflexive
    }
    said = {v for v in (*cues.speech_verbs, *cues.report_verbs) if " " not in v}
    verbs = frozenset({*acts, *said, *cues.speech_forms, *cues.government_verbs})
    return CapitalCountries.from_catalogue(catalogue, verbs)


def countries_of(entities: Iterable[Entity], catalogue) -> CountryOf:
    """The country a place is in, as an entity of the article.

    The catalogue gives a linked place's country (``P17``); the answer is the
    article's place entity linked to that country, so that "Alep, dans le
    nord du pays" names a country the article speaks of, never one it does
    not. A place with no link, or whose country is not in the article, has none.

    Args:
        entities: the article's entities.
        catalogue: the Wikidata catalogue.

    Returns:
        A function from a place to its country's entity, or None.
    """
    by_qid = {e.qid: e for e in entities if e.qid and e.type is EntityType.PLACE}

    def country_of(place: Entity) -> Entity | None:
        item = catalogue.item(place.qid) if place.qid else None
        found = {c for c in item.values("P17") if c in by_qid} if item else set()
        return by_qid[found.pop()] if len(found) == 1 else None

    return country_of


def known_names(catalogue, lang: str = "fr") -> KnownNames:
    """The names a catalogue knows well enough to find without the NER: labels
    and aliases of people of two words or more, labels of organisations of two
    words or more, and organisation abbreviations of three letters or more;
    and the type of every name whose items all have one type."""
    kinds = {"person": EntityType.PERSON, "organisation": EntityType.ORGANIZATION}
    places = {"country", "region", "city", "building", "place"}
    found: dict[str, EntityType] = {}
    types: dict[str, EntityType | None] = {}
    for item in catalogue.items.values():
        etype = EntityType.PLACE if item.kind in places else kinds.get(item.kind or "")
        if etype is None:
            continue
        for how, name in item.names:
            key = name_key(name)
            if how != "demonym":
                types[key] = etype if types.get(key, etype) is etype else None
            if etype is EntityType.PLACE:
                continue
            if how in ("label", "alias") and len(key.split()) >= 2:
                found.setdefault(name, etype)
            elif how == "abbrev" and etype is EntityType.ORGANIZATION and len(name) >= 3:
                found.setdefault(name, etype)
    return KnownNames.of(found, {k: t for k, t in types.items() if t is not None}, lang)


def _office_role(label: str, genitive: tuple[str, ...]) -> str:
    """ "président de la Russie" -> "president": the role noun of an office
    label, up to the first genitive word (``genitive`` in ``grammar.yaml``)."""
    key = name_key(label)
    for word in genitive:
        key = key.split(f" {word}" if word.endswith("'") else f" {word} ")[0]
    return key


def offices_by_holder(catalogue, lang: str = "fr") -> dict[str, list[tuple[str, str]]]:
    """For each office holder in the catalogue, the role and country of their offices."""
    genitive = tuple(sorted(grammar(lang).genitive))
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for qid, item in catalogue.items.items():
        for held in item.values("P39"):
            office = catalogue.item(held.split("|", 1)[0])
            if office is None:
                continue
            roles = {_office_role(label, genitive) for label in office.labels.values()}
            for country in office.values("P1001"):
                for role in sorted(roles):
                    found[qid].append((role, country))
    return found


def complete_positions(
    facts: Iterable[Fact], entities: Iterable[Entity], offices: dict[str, list[tuple[str, str]]]
) -> list[Fact]:
    """Fill the missing ``of`` of a position from what the catalogue knows.

    "Joe Biden, en tant que président sortant" names no country; the catalogue
    says Joe Biden holds the office "président des États-Unis". When the role
    noun matches such an office and its country is an entity of the article,
    the fact gets that country as ``of``. Nothing is filled otherwise.
    """
    by_key = {e.key: e for e in entities}
    by_qid = {e.qid: e for e in entities if e.qid}
    out = []
    for fact in facts:
        subject = by_key.get(fact.subject)
        if fact.predicate == "holdsPosition" and fact.of is None and fact.value and subject:
            role = name_key(fact.value).split()[0]
            countries = {c for r, c in offices.get(subject.qid or "", []) if r == role}
            places = [by_qid[c] for c in sorted(countries) if c in by_qid]
            if len(places) == 1:
                fact = replace(fact, of=places[0].key)
        out.append(fact)
    return out


def staff_facts(
    facts: Iterable[Fact], entities: Iterable[Entity], kind: Callable[[str], str | None]
) -> list[Fact]:
    """Who holds a position in an international organisation works for it.

    "Kofi Annan, secrétaire général de l'ONU": the bundled catalogue knows
    the ONU as an international organisation (kind ``organisation``), so the
    position's holder works for it. A position of a party, a company or a
    country, or of an organisation the catalogue does not know, gives nothing
    here (parties are membership, read by the frames).

    Args:
        facts: the article's facts.
        entities: the article's entities.
        kind: the catalogue kind of a Wikidata id.

    Returns:
        The worksFor facts not already stated, one per holder and organisation.
    """
    by_key = {e.key: e for e in entities}
    facts = list(facts)
    stated = {(f.subject, f.object) for f in facts if f.predicate == "worksFor"}
    found = []
    for fact in facts:
        org = by_key.get(fact.of or "")
        if fact.predicate != "holdsPosition" or org is None or not org.qid:
            continue
        if kind(org.qid) != "organisation" or (fact.subject, org.key) in stated:
            continue
        stated.add((fact.subject, org.key))
        rule = replace(fact.provenance, rule="catalogue:staff.v1")
        found.append(
            Fact(
                subject=fact.subject,
                predicate="worksFor",
                object=org.key,
                role=fact.value,
                polarity=fact.polarity,
                modality=fact.modality,
                provenance=rule,
            )
        )
    return found


def office_holders(catalogue, lang: str = "fr") -> OfficeHolders:
    """Build a look-up of current office holders from a linking catalogue.

    An office matches a bare role ("président") and a place ("russie") when
    its French label is the role followed by "de"/"du"/"des" and it belongs
    to (``P1001``) the country bearing that name. Holders are those whose
    ``P39`` entry for the office has no end year.
    """
    genitive = tuple(sorted(grammar(lang).genitive))
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for qid, item in catalogue.items.items():
        if item.kind == "office":
            for lang_label in item.labels.values():
                role = _office_role(lang_label, genitive)
                for country in item.values("P1001"):
                    offices[(role, country)].add(qid)
        for held in item.values("P39"):
            office, _start, end = (held.split("|") + ["", ""])[:3]
            if not end:
                holders[office].add(qid)

    def look_up(role: str, place: str) -> frozenset[str]:
        countries = {m.qid for m in catalogue.lookup(place) if catalogue.kind(m.qid) == "country"}
        found: set[str] = set()
        for country in countries:
            for office in offices.get((name_key(role), country), ()):
                found |= holders.get(office, set())
        return frozenset(found)

    return look_up
