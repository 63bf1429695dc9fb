"""Where the rule catalogue and its vocabulary are (rules/), and reading the vocabulary.

The catalogue (``rules/*.yaml``) and the word lists beside it (``rules/vocabulary/*.yaml``:
lower-is-better terms, default bands, column headers, number words) are data. This
module only locates them, so every stage may read its words without importing the
check stage (extract < understand < check < report; tests/test_import_graph.py).

Which directory:

1. ``$LKIP_AUDIT_RULES``, when set: a catalogue directory of one's own (a copy of
   ``rules/`` with a rule added or changed). A vocabulary file it lacks is read from
   the built-in one.
2. Running from a source checkout (``lkip_audit/`` beside ``rules/`` and
   ``pyproject.toml``): that checkout's ``rules/``, so an older installed copy of the
   package data never wins over the rules being edited.
3. Else the installed package data ``lkip_audit.rules``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

ENV = "LKIP_AUDIT_RULES"

# libyaml's C loader when PyYAML was built with it, else the pure-Python one; both "safe".
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def checkout_rules_dir() -> Path | None:
    """rules/ of the source checkout this code runs from, or None (an installed package)."""
    root = Path(__file__).resolve().parent.parent
    rules = root / "rules"
    if (root / "pyproject.toml").is_file() and (rules / "README.md").is_file() and any(rules.glob("*.yaml")):
        return rules
    return None


@lru_cache(maxsize=1)
def builtin_rules_dir():
    """The catalogue shipped with this code: the checkout's rules/, else the package data."""
    return checkout_rules_dir() or files("lkip_audit.rules")


def rules_dir():
    """The catalogue directory in use: ``$LKIP_AUDIT_RULES``, else the built-in one."""
    env = os.environ.get(ENV)
    if env:
        path = Path(env).expanduser()
        if not path.is_dir():
            raise FileNotFoundError(f"{ENV}={env}: not a directory")
        return path
    return builtin_rules_dir()


def vocabulary_text(name: str) -> str:
    """The text of ``vocabulary/<name>.yaml`` in the catalogue directory in use (the
    built-in one when that directory has no such file)."""
    for root in (rules_dir(), builtin_rules_dir()):
        p = root / "vocabulary" / f"{name}.yaml"
        if p.is_file():
            try:
                st = os.stat(p)
            except (OSError, TypeError):  # a Traversable that is no file on disk
                return p.read_text(encoding="utf-8")
            return _read(str(p), st.st_mtime_ns, st.st_size)
    raise FileNotFoundError(f"vocabulary/{name}.yaml")


@lru_cache(maxsize=64)
def _read(path: str, mtime_ns: int, size: int) -> str:
    """A vocabulary file's text, read once per version (the matchers ask for it per column)."""
    return Path(path).read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def _parse(text: str):
    return yaml.load(text, Loader=Loader)


def vocabulary(name: str):
    """``vocabulary/<name>.yaml`` parsed (cached by content: do not modify the result)."""
    return _parse(vocabulary_text(name))
