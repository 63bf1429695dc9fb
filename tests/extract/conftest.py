"""Shared fixtures: each sample PDF is extracted once per test session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lkip_audit.extract.pdf import read_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@lru_cache(maxsize=None)
def extracted(pdf: Path):
    return read_document(pdf)
