"""The data model: frozen records that flow through the pipeline.

text -> :class:`Article` -> :class:`Mention` -> :class:`Entity` -> :class:`Fact`
-> graph. Offsets are always character offsets into ``Article.text``, the
original text as read (after BOM removal and newline normalisation), never
into the normalised text the NLP sees. No spaCy or rdflib object lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Article",
    "Candidate",
    "Entity",
    "EntityType",
    "Extraction",
    "Fact",
    "Link",
    "Mention",
    "MentionKind",
    "Modality",
    "Polarity",
    "Provenance",
]


class EntityType(StrEnum):
    """The kinds of entity kg extracts; values are ontology class names."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    EVENT = "Event"
    OTHER = "Other"


class MentionKind(StrEnum):
    """How a mention names its entity."""

    NAME = "name"  # a proper name: "Vladimir Poutine"
    DEMONYM = "demonym"  # an adjective of nationality: "russe" -> Russia
    ROLE = "role"  # a role phrase: "le président russe"
    PRONOUN = "pronoun"  # "il", "son homologue" resolved by grammar


class Polarity(StrEnum):
    """Whether a fact is stated as true or as not (yet) true."""

    POSITIVE = "positive"
    NEGATIVE = "negative"


class Modality(StrEnum):
    """Whether a fact happened, might happen, or is intended."""

    ASSERTED = "asserted"
    POSSIBLE = "possible"
    PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from its source.

    Attributes:
        id: a stable identifier: the record's ``id``, the file stem, or a
            prefix of the text's sha256 for standard input.
        text: the original text (BOM removed, CRLF made LF).
        title, date, url: optional metadata; ``date`` is ISO 8601.
        language: an ISO 639-1 code.
        source: where it was read from (a path, ``path:line`` or ``-``).
        sha256: hex digest of ``text`` encoded as UTF-8.
    """

    id: str
    text: str
    sha256: str
    language: str = "fr"
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a mention or fact came from.

    Attributes:
        article_id: the article's id.
        start, end: character offsets of the evidence in the original text.
        sentence: the text of the sentence the evidence is in.
        rule: the id of the rule that produced it (e.g. ``ner``, ``frame:meet.v1``).
        confidence: in [0, 1]; how it is computed is documented per rule.
    """

    article_id: str
    start: int
    end: int
    sentence: str
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an entity.

    Attributes:
        text: the original text at ``[start, end)``.
        start, end: character offsets into the article's original text.
        type: the entity type.
        kind: how it names the entity.
        key: the normalised name used for merging (e.g. ``vladimir poutine``),
            or for demonyms the name of the place they denote.
        sentence_index: the index of the sentence in the article.
        provenance: where the mention came from.
    """

    text: str
    start: int
    end: int
    type: EntityType
    kind: MentionKind
    key: str
    sentence_index: int
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Link:
    """A link from an entity to a Wikidata item, with how it was made."""

    qid: str
    score: float
    source: str  # "catalogue" or the endpoint URL
    rule: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, merged from its mentions in an article.

    Attributes:
        key: a deterministic slug, unique in the article, used in IRIs
            (e.g. ``person/vladimir-poutine``).
        type: the entity type.
        label: the preferred name (the longest proper-name mention).
        aliases: the other distinct surface forms, sorted.
        mentions: every mention, in text order.
        link: the Wikidata link, when one was made.
    """

    key: str
    type: EntityType
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    link: Link | None = None

    @property
    def qid(self) -> str | None:
        """The linked Wikidata id, or None."""
        return self.link.qid if self.link else None


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement extracted from an article, with qualifiers and provenance.

    Entity-valued fields hold entity keys (see :attr:`Entity.key`).

    Attributes:
        subject: the subject entity key.
        predicate: the local name of a ``kg:`` property (``speaksFor`` ...).
        object: the object entity key, for entity-valued predicates.
        value: the literal object: a role for ``holdsPosition``, the quoted
            words for ``said``.
        polarity, modality: see :class:`Polarity`, :class:`Modality`.
        place: an entity key; time: a year or an ISO date.
        of: for ``holdsPosition``, the entity the role belongs to.
        source: the entity that reported the claim.
        role: a role qualifier (e.g. "porte-parole" on ``speaksFor``).
        provenance: where it came from.
    """

    subject: str
    predicate: str
    provenance: Provenance
    object: str | None = None
    value: str | None = None
    polarity: Polarity = Polarity.POSITIVE
    modality: Modality = Modality.ASSERTED
    place: str | None = None
    time: str | None = None
    of: str | None = None
    source: str | None = None
    role: str | None = None

    @property
    def is_direct(self) -> bool:
        """True when the fact may also be asserted as a plain triple."""
        return self.polarity is Polarity.POSITIVE and self.modality is Modality.ASSERTED


@dataclass(frozen=True, slots=True)
class Candidate:
    """A Wikidata item that an entity might denote.

    Attributes:
        qid: the Wikidata id (``Q7747``).
        label: its label in the language looked up.
        description: its short description, if any.
        types: its ``wdt:P31`` classes (Q-ids).
        popularity: its sitelink count (0 when unknown).
        source: ``catalogue`` or the endpoint URL.
        names: the labels and aliases that matched.
        country: its ``wdt:P17`` country, if any.
    """

    qid: str
    label: str
    description: str | None = None
    types: tuple[str, ...] = ()
    popularity: int = 0
    source: str = "catalogue"
    names: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=())
