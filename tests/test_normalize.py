"""Normalisation for the NLP and the offset map back to the original text."""

from hypothesis import given
from hypothesis import strategies as st

from kg.normalize import normalize

TYPOGRAPHIC = "’‘«»“”\u00a0\u202f…ﬁﬂ\u00ad\u200b"


def test_normalize_replaces_typographic_characters():
    text, _ = normalize("Poutine n’a pas dit «\u00a0non\u00a0» … ﬁn")
    assert text == 'Poutine n\'a pas dit " non " ... fin'


def test_normalize_separates_glued_sentences():
    original = "sa victoire électorale.Crédit: PA"
    text, offsets = normalize(original)
    assert text == "sa victoire électorale. Crédit: PA"
    start = text.index("Crédit")
    s, e = offsets.to_original(start, start + len("Crédit"))
    assert original[s:e] == "Crédit"


def test_normalize_keeps_abbreviations():
    assert normalize("Les U.S.A. et M.Dupont")[0] == "Les U.S.A. et M.Dupont"


@given(st.text(alphabet=st.sampled_from(list(TYPOGRAPHIC + "abcXYZ é.'\n")), max_size=80))
def test_normalize_offsets_round_trip(original):
    text, offsets = normalize(original)
    assert len(offsets.origin) == len(text) + 1
    assert offsets.origin[-1] == len(original)
    # Offsets never go backwards and stay inside the original.
    assert list(offsets.origin) == sorted(offsets.origin)
    for i, char in enumerate(text):
        o = offsets.point(i)
        assert 0 <= o <= len(original)
        if char.isalnum() and o < len(original) and original[o].isalnum():
            # Letters map to themselves, or to the ligature they came from.
            assert char == original[o] or original[o] in "ﬁﬂ"


@given(
    st.lists(st.sampled_from(["Poutine", "n’a", "« oui »", "\u00a0", " ", "ﬁn", "…"]), max_size=20)
)
def test_normalize_word_spans_map_back(words):
    original = " ".join(words)
    text, offsets = normalize(original)
    for word in ("Poutine", "oui"):
        start = text.find(word)
        if start >= 0:
            s, e = offsets.to_original(start, start + len(word))
            assert original[s:e] == word
