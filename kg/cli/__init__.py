"""The ``kg`` command line: the only part of kg that prints, reads the
environment or exits.

Each verb group lives in its own module and registers itself on :data:`app`.
Library errors (:class:`kg.errors.KGError`) become one line on stderr and
exit code 1; usage errors exit 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

# Importing a verb module registers its commands on ``app``.
from kg.cli import build as _build  # noqa: E402,F401
from kg.cli import evaluate as _evaluate  # noqa: E402,F401
from kg.cli import export as _export  # noqa: E402,F401
from kg.cli import link as _link  # noqa: E402,F401
from kg.cli import push as _push  # noqa: E402,F401
from kg.cli import query as _query  # noqa: E402,F401
from kg.cli import serve as _serve  # noqa: E402,F401
from kg.cli import show as _show  # noqa: E402,F401
from kg.cli import store as _store  # noqa: E402,F401
from kg.cli import validate as _validate  # noqa: E402,F401
from kg.cli.common import app, main

__all__ = ["app", "main"]
