"""Issue #12.7: every error and warning on the BKD sample is either an item of the expected
list, with its arithmetic, or a failure of this test.

The expected list is samples/lkip-bkd-banten-2024.truth.yaml: written by samples/wild/oracle.py
from the sample's source data (samples/src/bkd-banten-2024/, transcribed from the seed report)
and samples/wild/relations/, never from what the tool prints; each item carries the printed
value, the recomputed one and the arithmetic ("2.994.439.352,00 + 1.265.593.500,00 =
4.260.032.852,00"). Matching is benchmarks/scoring.py's (rule category, table, row).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from benchmarks.scoring import score_document
from lkip_audit.pipeline import audit

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "samples" / "lkip-bkd-banten-2024.pdf"
TRUTH = ROOT / "samples" / "lkip-bkd-banten-2024.truth.yaml"


@lru_cache(maxsize=None)
def _score():
    truth = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))
    findings = audit(str(PDF)).findings
    return truth, score_document(findings, truth["items"], clean=False,
                                 unreadable_pages=truth.get("unreadable_pages") or [])


def test_every_expected_item_carries_its_arithmetic():
    truth, _ = _score()
    assert len(truth["items"]) >= 150
    for item in truth["items"]:
        assert item.get("arithmetic"), item["id"]


def test_no_error_or_warning_outside_the_expected_list():
    _, s = _score()
    extra = [f"{f.rule} {f.severity} p{f.page} {f.table} {f.row!r} {f.column}: {f.actual} vs {f.expected}"
             for f in s.false_positives]
    assert extra == [], "\n".join(extra)


def test_every_expected_item_is_found():
    _, s = _score()
    missed = [f"{i['id']} {i['rule']} {i.get('table')} {i.get('row')!r}: {i.get('arithmetic')}" for i in s.missed]
    assert missed == [], "\n".join(missed)
