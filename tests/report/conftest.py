"""Shared fixtures: each sample is read once per session; CLI tests re-check it
with their own configuration (pipeline.check_document) instead of re-reading."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from lkip_audit.check.config import CheckConfig
from lkip_audit.check.engine import active_rules
from lkip_audit.extract.pdf import read_document
from lkip_audit.pipeline import check_document
from lkip_audit.report.base import ReportInput

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
BKD = SAMPLES / "lkip-bkd-banten-2024.pdf"
DINKES = SAMPLES / "lkip-contoh-dinkes-2024.pdf"


@lru_cache(maxsize=None)
def document(path: str):
    return read_document(path)


def report_input(path: Path, config: CheckConfig | None = None, lang: str = "id") -> ReportInput:
    config = config or CheckConfig(lang=lang)
    result = check_document(document(str(path)), config)
    rules = active_rules(config)
    return ReportInput(path=str(path.relative_to(ROOT)), document=result.document, findings=result.findings,
                       rules=rules, severities={r.id: config.severity_for(r.id, r.severity) for r in rules},
                       lang=config.lang)


@pytest.fixture(scope="session")
def bkd() -> ReportInput:
    return report_input(BKD)


@pytest.fixture(scope="session")
def dinkes() -> ReportInput:
    return report_input(DINKES)


@pytest.fixture
def cached_audit(monkeypatch):
    """Make `lkip-audit check` reuse the session's extraction (the check stage still runs with the
    command's configuration). Unreadable files still go through the real reader."""
    import lkip_audit.pipeline as pipeline

    real = pipeline.audit

    def fake(path, config=None, *args, **kwargs):
        p = Path(path).resolve()
        if p in (BKD.resolve(), DINKES.resolve()):
            return check_document(document(str(p)), config or CheckConfig())
        return real(path, config, *args, **kwargs)

    monkeypatch.setattr(pipeline, "audit", fake)
    return fake
