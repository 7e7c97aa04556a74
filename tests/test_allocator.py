"""The allocator setting of build processes: freed memory is kept, not faulted back."""

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
