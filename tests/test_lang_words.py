"""Language is data: no French word is written in kg's code outside kg/lang/fr/.

The words of a language live in ``kg/lang/<code>/`` (YAML, and the few rules
that are French by nature as code there), so adding a language is a new
folder. This test reads every string written in the code of ``kg/`` (not the
docstrings, which may quote French examples) and fails on a French word:
a French function word (spaCy's French stop words that are not English ones)
or a word with a French accented letter.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH

KG = Path(__file__).resolve().parent.parent / "kg"
LANGUAGE_FOLDER = KG / "lang" / "fr"

#: French stop words that the code writes in another sense: a dependency
#: label ("aux"), English words ("possible", "stop"), a byte name ("NUL").
#: Two-letter language codes ("en", "de", "es") are not looked for at all,
#: which leaves "de" and "en" unseen when written alone.
NOT_FRENCH_HERE = frozenset({"aux", "possible", "stop", "nul", "en", "de", "es"})

WORDS = (set(FRENCH) - set(ENGLISH)) - NOT_FRENCH_HERE
ACCENTED = re.compile("[àâçéèêëîïôûùüÿœ]")
WORD = re.compile(r"[^\W\d_][\w'’]*")

#: Modules that still write French words, to be moved into kg/lang/fr/.
#: This list may only shrink: a module cleaned is taken off, and a test
#: below fails when a listed module holds no French word any more.
STILL_TO_CLEAN: frozenset[str] = frozenset()


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def french_words(source: str) -> set[str]:
    """The French words written in the strings of a module's code."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in skip or "://" in node.value:
            continue
        text = re.sub(r"\[[^\]]*\]", " ", node.value)  # a regex class "[a-zà-ÿ]" is no word
        for word in WORD.findall(text):
            if word.isupper() or (len(word) < 2 and not ACCENTED.search(word.lower())):
                continue  # "AUX", "?o": tags and variables
            if word.lower() in WORDS or ACCENTED.search(word.lower()):
                found.add(word.lower())
    return found


def _modules() -> dict[str, set[str]]:
    found = {}
    for path in sorted(KG.rglob("*.py")):
        if LANGUAGE_FOLDER in path.parents:
            continue
        name = path.relative_to(KG.parent).as_posix()
        found[name] = french_words(path.read_text(encoding="utf-8"))
    return found


def test_lang_words_none_in_code_outside_the_language_folder() -> None:
    found = _modules()
    assert {
        name: sorted(words) for name, words in found.items() if words and name not in STILL_TO_CLEAN
    } == {}


def test_lang_words_the_list_still_to_clean_only_shrinks() -> None:
    found = _modules()
    assert sorted(name for name in STILL_TO_CLEAN if not found.get(name)) == []


def test_lang_words_are_found_in_code_and_not_in_docstrings() -> None:
    source = (
        '"""Le président a dit que ..."""\n'
        'MARKERS = {"par", "selon"}\n'
        'def f(x):\n    """X est élu."""\n    return x in ("élu", "à", "AUX", "obl")\n'
    )
    assert french_words(source) == {"par", "selon", "élu", "à"}


def test_lang_words_none_in_english_code() -> None:
    source = (
        'TAGS = ("AUX", "VERB", "nsubj", "obl:agent")\n'
        'QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"\n'
        'PATTERN = r"[a-zà-ÿ]+"\n'
        'HELP = "Stop at the first bad article; the output file is not written."\n'
    )
    assert french_words(source) == set()
