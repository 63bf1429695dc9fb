"""Where the tests find the real published LKIPs, and one audit per report for the whole run.

The reports live outside the repository (``../shared/real``); a test that needs an absent one
skips with a message. ``real_audit`` is shared by every module that checks a report with the
default configuration, so a report is read and checked once per test run, not once per module.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "real"


def real_path(name: str) -> Path:
    """The real report ``name``; skips the calling test when it is absent."""
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real report {name} not found in {REAL} (the real reports live outside the repo)")
    return path


@lru_cache(maxsize=4)
def real_audit(name: str):
    """The default check of the real report ``name`` (read once per run; tests only read it)."""
    from lkip_audit.pipeline import audit

    return audit(str(real_path(name)))
