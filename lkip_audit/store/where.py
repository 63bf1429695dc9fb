"""Where the store is, without importing SQLAlchemy (a check without --store stays light).

    location(value) -> SQLAlchemy URL | None
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "LKIP_AUDIT_STORE"
# Test hook (tests/store/test_kill.py): "pause-after-first-table:FILE" writes FILE once the
# first table's facts are inserted (inside the report's transaction) and waits to be killed.
TEST_HOOK_ENV = "LKIP_AUDIT_STORE_TEST_HOOK"


class StoreError(RuntimeError):
    """The store cannot be opened or written (a usage error for the command line)."""


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "lkip-audit" / "store.sqlite"


def location(value: str | None) -> str | None:
    """The SQLAlchemy URL for --store / store = / $LKIP_AUDIT_STORE: "default" is
    $XDG_DATA_HOME/lkip-audit/store.sqlite, a URL ("postgresql://...", "sqlite:///...") is
    used as it is (postgresql:// with the psycopg 3 driver), anything else is a file path."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip()
    if v == "default":
        p = default_path()
    elif "://" in v:
        if v.startswith(("postgresql://", "postgres://")):
            v = "postgresql+psycopg://" + v.split("://", 1)[1]
        return v
    else:
        p = Path(v).expanduser()
    p = p.resolve()
    p.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{p}"


def redact(url: str) -> str:
    """The URL without its password (for messages)."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return url
