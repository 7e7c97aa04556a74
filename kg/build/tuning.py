"""Process tuning that the command line and build workers choose: never a side
effect of importing or calling the library.

:func:`tune_process` keeps freed memory (below) and has spaCy's lemmatizer
look words up in sets (:func:`kg.nlp.use_lemma_sets`); a pool about to fork
its workers calls :func:`share_before_fork`.

Keep freed memory in build processes, so each batch does not fault it back in.

Between two batches of articles, spaCy and kg free some tens of megabytes of
arrays and objects. By default the C library (glibc) gives memory at the top
of its heap back to the system as soon as 128 KiB are free, and maps blocks
above a moving size threshold on their own; the next batch then takes page
faults to get the same memory back, zero-filled by the kernel. A build runs
batch after batch in one long-lived process, so it keeps that memory instead.
The peak resident size does not change: only memory that was already in use
is kept.

Only glibc has ``mallopt``; elsewhere :func:`keep_freed_memory` does nothing
and returns False.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from functools import cache

from kg.nlp import use_lemma_sets

__all__ = ["keep_freed_memory", "share_before_fork", "tune_process"]

# mallopt parameters, from glibc's <malloc.h>.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

#: Free memory kept at the top of the heap before it is given back.
TRIM_THRESHOLD = 256 * 1024 * 1024
#: Blocks at least this large get their own mapping (glibc's largest allowed).
MMAP_THRESHOLD = 32 * 1024 * 1024


@cache
def keep_freed_memory() -> bool:
    """Tell glibc's allocator to keep freed memory in this process.

    Call it once in a process that builds many batches; forked workers
    inherit the setting. Calling it again does nothing.

    Returns:
        True when the setting is in force (glibc on Linux), False otherwise.
    """
    ok = False
    if sys.platform.startswith("linux"):
        try:
            # The symbols of this process, so the C library it actually runs on.
            mallopt = ctypes.CDLL(None).mallopt
        except (OSError, AttributeError):
            mallopt = None  # not glibc (musl has no mallopt)
        if mallopt is not None:
            mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
            mallopt.restype = ctypes.c_int
            ok = bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and bool(
                mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
            )
    return ok


def tune_process() -> None:
    """Tune this process for building: keep freed memory, lemma word lists as sets.

    Called by the command line and by each build worker at start-up; forked
    workers inherit it. Results do not change, only speed.
    """
    keep_freed_memory()
    use_lemma_sets()


def share_before_fork() -> None:
    """Freeze every object alive now (the loaded model) before forking workers.

    Frozen, the model's objects are not walked by the workers' collections, so
    their memory pages stay shared (Python's advice for fork without exec).
    """
    gc.freeze()
