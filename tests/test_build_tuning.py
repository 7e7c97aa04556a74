"""Process tuning: chosen by the command line and build workers, never by the library.

The allocator setting of build processes: freed memory is kept, not faulted
back; the lemmatizer's word lists become sets.
"""

import os
import subprocess
import sys

import pytest

from kg.build.tuning import keep_freed_memory

# Allocates 32 MiB in 64 KiB blocks (below glibc's mapping threshold, so on the
# heap), frees them all, five times over; prints the page faults of the last
# four rounds.
ROUNDS = """
import resource, sys
from kg.build.tuning import keep_freed_memory
if sys.argv[1] == "keep":
    assert keep_freed_memory()
def one_round():
    blocks = [bytearray(65536) for _ in range(512)]
    del blocks
one_round()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(4):
    one_round()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def faults(mode: str) -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run(
        [sys.executable, "-c", ROUNDS, mode], capture_output=True, text=True, env=env, check=True
    )
    return int(done.stdout.strip())


def test_allocator_keeps_freed_memory_between_rounds() -> None:
    if not keep_freed_memory():
        pytest.skip("this C library has no mallopt (not glibc)")
    assert keep_freed_memory()  # a second call changes nothing
    default, kept = faults("default"), faults("keep")
    assert default > 4 * 4000  # each round faults its 32 MiB (8,192 pages) back in
    assert kept < 1000


# Loads the pipeline, tuned first or not, and prints the kinds of the
# lemmatizer's word lists; with "cli", a command that parses articles runs
# first (and fails).
LEMMAS = """
import sys
if sys.argv[1] == "tuned":
    from kg.build.tuning import tune_process
    tune_process()
if sys.argv[1] == "cli":
    from typer.testing import CliRunner
    from kg.cli import app
    assert CliRunner().invoke(app, ["show", "no-such-file.txt"]).exit_code == 1
from kg.nlp import load_pipeline
table = load_pipeline("fr").get_pipe("lemmatizer").lookups.get_table("lemma_index")
print(" ".join(sorted({type(table[key]).__name__ for key in table.keys()})))
"""


# Runs a command that reads no article; prints its exit code and whether
# spaCy was imported.
NO_SPACY = """
import sys
from typer.testing import CliRunner
from kg.cli import app
print(CliRunner().invoke(app, ["query", "--list"]).exit_code, "spacy" in sys.modules)
"""


def lemma_lists(mode: str, tmp_path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", LEMMAS, mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    return done.stdout.strip()


def test_tuning_is_the_callers_choice_never_the_librarys(tmp_path) -> None:
    assert lemma_lists("plain", tmp_path) == "list"
    assert lemma_lists("tuned", tmp_path) == "frozenset"
    assert lemma_lists("cli", tmp_path) == "frozenset"


def test_tuning_commands_that_parse_nothing_start_without_spacy(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_SPACY], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.split() == ["0", "False"]
