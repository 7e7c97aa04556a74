"""Phrase lists: cut by the language's tokenizer, found by name keys, so a
phrase with an elision, a hyphen or an accent-less capital is found as
the text writes it."""

from kg.ingest import article_from_text
from kg.lexicon import lexicon, name_key
from kg.mentions import extract_mentions
from kg.model import EntityType, MentionKind
from kg.names import KnownNames, name_spans
from kg.nlp import parse
from kg.phrases import PhraseList, key_doc, lexicon_phrases


def _parsed(text: str):
    return next(parse([article_from_text(text, "t")]))


def _found(phrases: PhraseList, text: str) -> list[str]:
    doc = _parsed(text).doc
    hits = phrases.find(key_doc(doc))
    return [doc[i:end].text for i in sorted(hits.starts) for end, _key in hits.at(i)]


def test_phrases_with_an_elision_or_a_hyphen_are_found(nlp):
    phrases = PhraseList(["secrétaire d'État", "chef d'état-major", "secrétaire"], "fr")
    assert _found(phrases, "La secrétaire d'État est arrivée.") == [
        "secrétaire d'État",
        "secrétaire",
    ]
    # the parsed text has plain apostrophes (kg.normalize)
    assert _found(phrases, "Le Secrétaire d’Etat a parlé au chef d'état-major.") == [
        "Secrétaire d'Etat",
        "Secrétaire",
        "chef d'état-major",
    ]


def test_phrases_are_whole_token_runs(nlp):
    phrases = PhraseList(["secrétaire d'État", "chef d'état-major"], "fr")
    assert _found(phrases, "Le chef d'état a parlé aux secrétaires d'État.") == []
    assert _found(phrases, "Les États se sont réunis.") == []


def test_phrases_hits_give_the_longest_and_the_shortest_ending(nlp):
    phrases = PhraseList(["premier ministre", "ministre"], "fr")
    doc = _parsed("Le Premier ministre a parlé.").doc
    hits = phrases.find(key_doc(doc))
    assert hits.longest(1) == (3, "premier ministre")
    assert hits.longest(1, stop=2) is None
    assert hits.ending_at(3) == (2, "ministre")
    assert hits.ending_at(2) is None


def test_phrases_of_the_lexicon_are_built_once(nlp):
    assert lexicon_phrases("fr") is lexicon_phrases("fr")
    roles = lexicon_phrases("fr").roles
    for role in lexicon("fr").role_phrases:
        doc = nlp.make_doc(role)
        assert roles.find(key_doc(doc)).longest(0) == (len(doc), name_key(role)), role


def test_phrases_role_with_an_elision_is_a_role_mention(nlp):
    for text, role in [
        ("La secrétaire d'État américaine a rencontré Jean Morel.", "secrétaire d'État américaine"),
        ("Hier, le secrétaire d’Etat belge est parti.", "secrétaire d’Etat belge"),
    ]:
        mentions = extract_mentions(_parsed(text))
        roles = [m.text for m in mentions if m.kind is MentionKind.ROLE]
        assert roles == [role], text
    mentions = extract_mentions(_parsed("Le secrétaire a signé un état des lieux."))
    assert [m.text for m in mentions if m.kind is MentionKind.ROLE] == []


def test_phrases_role_with_an_elision_is_cut_off_a_name(nlp):
    doc = _parsed("Secrétaire d'État Jean Morel a signé.").doc
    doc.ents = [doc.char_span(0, len("Secrétaire d'État Jean Morel"), label="PER")]
    kept, _ = name_spans(doc, lexicon("fr"))
    assert [(n.span.text, n.type) for n in kept] == [("Jean Morel", EntityType.PERSON)]


def test_phrases_known_names_with_a_hyphen_are_found(nlp):
    known = KnownNames.of({"Jean-Luc Mardel": EntityType.PERSON})
    doc = _parsed("Hier, Jean-Luc Mardel a signé.").doc
    hits = known.phrases.find(key_doc(doc))
    (start,) = hits.starts
    end, key = hits.at(start)[0]
    assert doc[start:end].text == "Jean-Luc Mardel"
    assert known.names[key] is EntityType.PERSON
    assert known.phrases.find(key_doc(_parsed("Hier, Jean Mardel a signé.").doc)).starts == {}


def _kept(text: str, name: str, label: str) -> list[tuple[str, EntityType]]:
    doc = _parsed(text).doc
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label=label)]
    kept, _ = name_spans(doc, lexicon("fr"))
    return [(n.span.text, n.type) for n in kept]


def test_phrases_an_organisation_head_before_a_name_types_it(nlp):
    org = EntityType.ORGANIZATION
    text = "Selon l'agence de presse russe Borodine, rien n'est fait."
    assert _kept(text, "Borodine", "PER") == [("Borodine", org)]
    text = "Le groupe armé Tazarine a revendiqué l'attaque."
    assert _kept(text, "Tazarine", "PER") == [("Tazarine", org)]
    # a determiner or another name ends the words looked at
    text = "Le journaliste de l'agence Borodine a parlé à Marc Tazarine."
    assert _kept(text, "Marc Tazarine", "PER") == [("Marc Tazarine", EntityType.PERSON)]


def test_phrases_a_role_with_an_elision_refers_back_to_its_holder(nlp):
    from conftest import facts_of

    text = (
        "La secrétaire d'État belge Anne Morel est arrivée à Paris. "
        "La secrétaire d'État belge a déclaré que la paix était possible."
    )
    said = [(f.subject, f.value) for f in facts_of(text) if f.predicate == "said"]
    assert said == [("person/anne-morel", "la paix était possible")]
    # another role noun: no antecedent
    text = text.replace("La secrétaire d'État belge a", "La ministre belge a")
    said = [f.subject for f in facts_of(text) if f.predicate == "said"]
    assert "person/anne-morel" not in said
