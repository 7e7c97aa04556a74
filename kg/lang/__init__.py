"""Language data: one folder per language code, holding only data.

A language is supported when its folder has a ``language.yaml`` naming the
spaCy pipeline to load. Adding a language is adding a folder (``language.yaml``,
``lexicon.yaml``, ``frames.yaml``, ``places.yaml``, ``cues.yaml``,
``grammar.yaml``), not new code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from kg.errors import ConfigError, FrameError

__all__ = ["language_config", "load_data", "supported_languages"]


def supported_languages() -> list[str]:
    """The codes of the languages kg ships data for, sorted."""
    root = resources.files("kg.lang")
    return sorted(
        entry.name
        for entry in root.iterdir()
        if entry.is_dir() and (entry / "language.yaml").is_file()
    )


#: libyaml's safe loader where PyYAML was built with it (several times faster,
#: the same documents), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _check(lang: str) -> None:
    known = supported_languages()
    if lang not in known:
        raise ConfigError(f"unsupported language '{lang}'; supported: {', '.join(known)}")


@cache
def load_data(lang: str, name: str) -> dict[str, Any]:
    """Load ``kg/lang/<lang>/<name>.yaml`` (cached per process).

    Args:
        lang: a supported language code.
        name: the file name without ``.yaml``.

    Returns:
        The parsed mapping; an empty one when the language has no such file.

    Raises:
        ConfigError: unsupported language.
        FrameError: the file is not valid YAML or not a mapping.
    """
    _check(lang)
    path = resources.files("kg.lang") / lang / f"{name}.yaml"
    if not path.is_file():
        return {}
    where = f"kg/lang/{lang}/{name}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise FrameError(f"{where}{line}: invalid YAML: {exc}", where) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrameError(f"{where}: expected a mapping at the top level", where)
    return data


def language_config(lang: str) -> dict[str, Any]:
    """The ``language.yaml`` of a supported language (``model`` at least)."""
    config = load_data(lang, "language")
    if "model" not in config:
        raise FrameError(f"kg/lang/{lang}/language.yaml: missing 'model'")
    return config
