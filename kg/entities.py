"""Entities: the mentions of one article merged into the things they name.

Merging happens in two steps, with the Wikidata linker in between so that
knowledge can help resolve roles:

1. :func:`group_mentions` merges proper names and demonyms: identical names;
   (a person known only by one word gets a key scoped to the article, so that
   a bare surname never merges two people across articles);
   a bare surname or a shorter name into the one full name that ends with it
   ("Poutine" -> "Vladimir Poutine", never when two full names share it);
   demonyms into their country ("russe" -> Russie).
2. :func:`resolve_references` attaches role phrases and pronouns to those
   entities where the grammar or knowledge makes it safe: apposition ("le
   président élu américain Donald Trump", "Dmitri Peskov, attaché de presse");
   "le ministre de la Santé du Portugal, Luis Costa,"; a definite role phrase
   repeating the role one person was named with earlier (see
   :mod:`kg.role_coref`); the office holder
   of a bare "président russe" when that person is named in the article; an
   ousted holder ("le président déchu") as the one person named with no role
   (:mod:`kg.ousted`); "son homologue" as the other leader of the sentence;
   a plural anaphor as the nearest plural body (:mod:`kg.body_anaphora`); "Il (Trump)"; and "il" as
   subject of a clause reported by a named person ("Trump a dit qu'il ...").
   Anything else stays unresolved: an unsafe merge is worse than none.

The result is an :class:`~kg.entity_index.EntityIndex` that the frame matcher
queries token by token.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from kg.body_anaphora import body_anaphors
from kg.body_mentions import described
from kg.coalesce import label_names, merge_same_links, short_forms
from kg.entity_index import EntityIndex, token_offsets
from kg.ingest import slugify
from kg.mentions import lexicon, make_mention, name_key
from kg.model import Entity, EntityType, Mention, MentionKind
from kg.nlp import Parsed
from kg.ousted import ousted_holder
from kg.role_coref import (
    RoleAnchor,
    apposed_person,
    role_antecedent,
    role_key,
    titled_names,
    token_starts,
)

__all__ = [
    "EntityIndex",
    "OfficeHolders",
    "group_mentions",
    "merge_same_links",
    "resolve_references",
]

#: (bare role key such as "president", place key such as "russie") -> Wikidata ids
#: of the holders of that office, from the linking catalogue.
OfficeHolders = Callable[[str, str], frozenset[str]]

_PRONOUN_CONF = 0.6


@cache
def _places_by_key(lang: str) -> dict[str, str]:
    """The names that adjectives stand for (places of demonyms, parties of
    party adjectives), by their name key."""
    lex = lexicon(lang)
    return {name_key(v): v for v in [*lex.places.values(), *lex.parties.values()]}


def group_mentions(mentions: Sequence[Mention], lang: str = "fr") -> list[Entity]:
    """Merge the name and demonym mentions of an article into entities.

    Args:
        mentions: the article's mentions (role mentions are ignored here).
        lang: the language, for place names of demonym-only countries.

    Returns:
        Entities in order of first mention, keys unique within the article.
    """
    places = _places_by_key(lang)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    order: list[str] = []
    for m in mentions:
        if m.kind in (MentionKind.NAME, MentionKind.DEMONYM):
            if m.key not in by_key:
                order.append(m.key)
            by_key[m.key].append(m)
    target = short_forms(by_key)
    merged: dict[str, list[Mention]] = defaultdict(list)
    for key in order:
        merged[target.get(key, key)].extend(by_key[key])
    entities: list[Entity] = []
    used: set[str] = set()
    for key, group in merged.items():
        group.sort(key=lambda m: m.start)
        names = [m for m in group if m.kind is MentionKind.NAME]
        etype = _majority_type(names or group)
        label = (
            max((m.text for m in label_names(names)), key=len) if names else places.get(key, key)
        )
        aliases = sorted({m.text for m in group} - {label})
        ekey = f"{etype.value.lower()}/{slugify(label)}"
        if (etype is EntityType.PERSON and len(label.split()) == 1) or described(group):
            # A bare surname never merges two people across articles, nor "l'armée"
            # two armies.
            article = slugify(group[0].provenance.article_id)
            ekey = f"{etype.value.lower()}/{article}/{slugify(label)}"
        suffix, base = 2, ekey
        while ekey in used:
            ekey, suffix = f"{base}-{suffix}", suffix + 1
        used.add(ekey)
        entities.append(Entity(ekey, etype, label, tuple(aliases), tuple(group)))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def _majority_type(mentions: Sequence[Mention]) -> EntityType:
    counts = Counter(m.type for m in mentions)
    best = max(counts.values())
    return next(m.type for m in mentions if counts[m.type] == best)


def resolve_references(
    parsed: Parsed,
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    lang: str = "fr",
    holders: OfficeHolders | None = None,
) -> EntityIndex:
    """Attach role phrases and pronouns to entities where it is safe.

    Args:
        parsed: the parsed article.
        entities: the entities from :func:`group_mentions` (possibly linked).
        mentions: all the article's mentions, role mentions included.
        lang: the language.
        holders: office holders from a catalogue, for bare roles ("président russe").

    Returns:
        The index over the entities, with the resolved mentions added.
    """
    people = [e for e in entities if e.type is EntityType.PERSON]
    demonyms = [m for m in mentions if m.kind is MentionKind.DEMONYM]
    roles = [m for m in mentions if m.kind is MentionKind.ROLE]
    added: dict[str, list[Mention]] = defaultdict(list)
    starts = token_starts(parsed)
    anchors, pending = _apposed_roles(parsed, people, roles, starts, lang, added)
    still: list[Mention] = []
    for role in pending:
        entity = (
            role_antecedent(role, parsed, starts, anchors, lang)
            or _office_holder(role, demonyms, people, holders)
            or ousted_holder(role, parsed, starts, people, anchors, lang)
        )
        if entity is not None:
            added[entity.key].append(
                replace(role, provenance=replace(role.provenance, rule="role:known"))
            )
        else:
            still.append(role)
    tokens = token_offsets(parsed)
    index = EntityIndex(parsed, _with_mentions(entities, added), tokens)
    for key, mention in _counterparts(parsed, index, still):
        added[key].append(mention)
    index = EntityIndex(parsed, _with_mentions(entities, added), tokens)
    for key, mention in [*_pronouns(parsed, index, lang), *body_anaphors(parsed, index, lang)]:
        added[key].append(mention)
    return EntityIndex(parsed, _with_mentions(entities, added), tokens)


def _apposed_roles(
    parsed: Parsed,
    people: list[Entity],
    roles: list[Mention],
    starts: dict[int, int],
    lang: str,
    added: dict[str, list[Mention]],
) -> tuple[list[RoleAnchor], list[Mention]]:
    """Attach the roles in apposition to a named person (into ``added``).

    Returns:
        The anchors a later role phrase may repeat (titled names and the
        apposed roles), and the roles left unattached, in order.
    """
    text = parsed.article.text
    person_names = sorted(
        ((m, e) for e in people for m in e.mentions if m.kind is MentionKind.NAME),
        key=lambda x: x[0].start,
    )
    anchors = titled_names(parsed, person_names, starts, lang)
    pending: list[Mention] = []
    for role in roles:
        entity = apposed_person(role, person_names, parsed, starts, lang)
        if entity is not None:
            added[entity.key].append(role)
            anchors.append(RoleAnchor(role.start, role_key(role, text, lang)[0], entity))
        else:
            pending.append(role)
    return anchors, pending


def _counterparts(
    parsed: Parsed, index: EntityIndex, roles: list[Mention]
) -> list[tuple[str, Mention]]:
    """The "son homologue" roles that stand for a person, as pronoun mentions."""
    found: list[tuple[str, Mention]] = []
    for role in roles:
        entity = _counterpart(parsed, index, role)
        if entity is not None:
            how = replace(role.provenance, rule="coref:homologue", confidence=_PRONOUN_CONF)
            found.append((entity.key, replace(role, kind=MentionKind.PRONOUN, provenance=how)))
    return found


def _with_mentions(entities: Sequence[Entity], added: dict[str, list[Mention]]) -> list[Entity]:
    out = []
    for e in entities:
        extra = added.get(e.key)
        if extra:
            mentions = tuple(sorted({*e.mentions, *extra}, key=lambda m: (m.start, m.end)))
            e = replace(e, mentions=mentions)
        out.append(e)
    return out


def _office_holder(
    role: Mention,
    demonyms: list[Mention],
    people: list[Entity],
    holders: OfficeHolders | None,
) -> Entity | None:
    """The named person of the article who holds the bare office "président russe"."""
    if holders is None:
        return None
    country = next((d.key for d in demonyms if role.start <= d.start and d.end <= role.end), None)
    if country is None:
        return None
    words = role.key.split()
    demonym_words = {name_key(d.text) for d in demonyms if role.start <= d.start < role.end}
    bare = " ".join(w for w in words if w not in demonym_words)
    qids = holders(bare, country)
    matches = [e for e in people if e.qid in qids]
    return matches[0] if len(matches) == 1 else None


def _counterpart(parsed: Parsed, index: EntityIndex, role: Mention) -> Entity | None:
    """ "X a défendu son homologue": the other person named before, in the sentence."""
    if not role.key.endswith("homologue"):
        return None
    doc = parsed.doc
    token = next((t for t in doc if parsed.span_offsets(t)[0] == role.start), None)
    if token is None or not any(
        c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in token.children
    ):
        return None
    subject = next((c for c in token.head.children if c.dep_.startswith("nsubj")), None)
    owner = index.entity_at(subject) if subject is not None else None
    if owner is None or owner.type is not EntityType.PERSON:
        return None
    candidates = [
        e
        for m, e in index.mentions_in(token.sent)
        if e.type is EntityType.PERSON and e.key != owner.key and m.end <= role.start
    ]
    distinct = {e.key: e for e in candidates}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _pronouns(parsed: Parsed, index: EntityIndex, lang: str) -> list[tuple[str, Mention]]:
    """ "Il (Trump)", "X a déclaré qu'il ..." and "X ... . Il ..." pronouns, with
    their entities."""
    doc = parsed.doc
    found: list[tuple[str, Mention]] = []
    resolved: dict[int, Entity] = {}
    # Only the tokens spelt as a person pronoun ("il", "elle") are looked at
    # (found on the lower-case array, without building a Token for every word).
    wanted = [doc.vocab.strings[word] for word in lexicon(lang).person_pronouns]
    lowers = doc.to_array("LOWER")
    for i in sorted(i for h in wanted for i in (lowers == h).nonzero()[0].tolist()):
        token = doc[i]
        if token.pos_ != "PRON":
            continue
        entity = None
        rule = ""
        nxt = doc[token.i + 1 : token.i + 4]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")":
            entity, rule = index.entity_at(nxt[1]), "coref:parenthesis"
        elif token.dep_.startswith("nsubj") and token.head.dep_ in ("ccomp", "xcomp"):
            matrix = token.head.head
            subj = next((c for c in matrix.children if c.dep_.startswith("nsubj")), None)
            if subj is not None:
                entity = resolved.get(subj.i) or index.entity_at(subj)
                rule = "coref:reported-subject"
        elif token.dep_.startswith("nsubj") and token.head.dep_ == "conj":
            # "X n'a pas encore rencontré Y, mais il envisage de ...": the subject
            # of the first of two coordinated clauses
            first = token.head.head
            subj = next((c for c in first.children if c.dep_.startswith("nsubj")), None)
            if subj is not None:
                entity = resolved.get(subj.i) or index.entity_at(subj)
                rule = "coref:coordinated-subject"
        if entity is None and not rule and token.dep_ in ("nsubj", "nsubj:pass"):
            entity, rule = _previous_subject(token, index, resolved), "coref:previous-subject"
        if entity is None or entity.type is not EntityType.PERSON:
            continue
        resolved[token.i] = entity
        mention = make_mention(
            parsed,
            token,
            EntityType.PERSON,
            MentionKind.PRONOUN,
            token.lower_,
            _sentence_index(parsed, token.sent),
            rule,
            _PRONOUN_CONF,
        )
        found.append((entity.key, mention))
    return found


_VERBS = ("VERB", "AUX")
# Links that make a verb's clause depend on another's (see _main_clause).
_SUBORDINATE = frozenset({"acl:relcl", "ccomp", "xcomp", "advcl", "csubj", "conj", "parataxis"})


def _previous_subject(
    pronoun: Token, index: EntityIndex, resolved: dict[int, Entity]
) -> Entity | None:
    """ "Vladimir Poutine a reçu X. Il a ensuite ...": the subject of the
    sentence before, when it is the only person that sentence names and no
    person is named in this sentence before the pronoun."""
    sent = pronoun.sent
    if sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    people = {e.key: e for m, e in index.mentions_in(before) if e.type is EntityType.PERSON}
    if len(people) != 1:
        return None
    if any(
        e.type is EntityType.PERSON
        for t in pronoun.doc[sent.start : pronoun.i]
        for e in index.entities_at(t)
    ):
        return None
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubj:pass") and _main_clause(t.head)]
    for subject in subjects:
        entity = resolved.get(subject.i) or index.entity_at(subject)
        if entity is not None and entity.key in people:
            return entity
    return None


def _main_clause(head: Token) -> bool:
    """The head of a main-clause subject: the topmost verb or its auxiliary.

    The parser sometimes roots a sentence on the words of a fronted adverbial
    and hangs the main verb under them ("Plus tard dans la soirée, X, ...,
    a d'ailleurs donné ...": "donné" an ``acl`` of "soirée", X the subject of
    "a"); a verb with no verb above it is still the main one. A subject of a
    relative, reported, adverbial or coordinated clause is refused, and so is
    any verb with another verb above it.
    """
    verb = head.head if head.dep_.startswith("aux") else head
    if verb.dep_ == "ROOT":
        return True
    return (
        verb.pos_ in _VERBS
        and verb.dep_ not in _SUBORDINATE
        and not any(a.pos_ in _VERBS for a in verb.ancestors)
    )


def _sentence_index(parsed: Parsed, sent: Span) -> int:
    return next(i for i, s in enumerate(parsed.doc.sents) if s.start == sent.start)
