"""Scanned pages (issue #6): two pages of the dinkes sample rendered to images and
wrapped back into a PDF (tests/robust/corpus.py: scanned). Without --ocr they are
reported unchecked (test_corpus.py); with --ocr, on a machine with Tesseract and
its Indonesian data, their percentages are checked and the known errors found:

- E01, Tabel 3.18: 547.170.012 / 634.250.000 x 100 = 86,27, printed 88,27;
- E02, Tabel 3.28: 23.064.575.732 / 24.214.325.000 x 100 = 95,25, printed 94,15
(samples/src/dinkes-sukamaju-2024/errors.yaml; recomputed in test_corpus.py).
"""

from __future__ import annotations

import json

import pytest

from lkip_audit.extract.ocr import read_with_ocr, strict_number, tesseract_status
from tests.robust.conftest import no_traceback, run_cli
from tests.robust.test_corpus import E01, E02, triples

WHY_NOT = tesseract_status("ind")


@pytest.mark.slow
@pytest.mark.skipif(WHY_NOT is not None, reason=f"OCR not available here: {WHY_NOT}")
def test_ocr_checks_scanned_pages(corpus_dir):
    r = run_cli("check", str(corpus_dir / "scanned.pdf"), "--ocr", "--format", "json", "--no-progress", timeout=400)
    no_traceback(r)
    # Issue #12.3: a relation that fails on a number read by OCR is not a galat but an info
    # "tidak dapat diperiksa dengan andal" naming OCR as the doubt; the known errors are
    # still found and located, so the exit code stays 0 at the default fail level.
    assert r.code == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["summary"]["pages_checked"] == 2 and rep["summary"]["pages_unchecked"] == []
    assert E01 in triples(rep, 1)
    assert E02 in triples(rep, 2)
    pct = [f for f in rep["findings"] if f["rule"] == "PCT001"]
    assert pct
    for f in pct:
        assert f["severity"] == "info"
        assert [d["code"] for d in f["detail"]["doubt"]] == ["ocr"]
        assert f["table"] in ("3.18", "3.28")


def test_ocr_unavailable_is_said(corpus_dir):
    # A language Tesseract does not have (or no Tesseract at all): the pages stay
    # unchecked and the reason says OCR is not available, not "run with --ocr".
    doc = read_with_ocr(corpus_dir / "scanned.pdf", lang="zzz")
    assert [(p.page, p.reason) for p in doc.problems] == [(1, "ocr-unavailable"), (2, "ocr-unavailable")]
    assert "zzz" in doc.problems[0].detail or "not installed" in doc.problems[0].detail


@pytest.mark.parametrize("text", ["9S,26", "1O0", "95;26", "l00,00", "12.5OO.000"])
def test_ocr_cells_that_do_not_parse_cleanly_are_malformed(text):
    p = strict_number(text)
    assert p.kind == "malformed" and p.value is None, p


@pytest.mark.parametrize("text,value", [("95,26", "95.26"), ("28.500 Jiwa", "28500"), ("(2.297.732.999)", "-2297732999"),
                                        ("Rp38.995.711.827,00", "38995711827.00"), ("97,40%", "97.40")])
def test_ocr_cells_that_parse_cleanly_keep_their_value(text, value):
    from decimal import Decimal

    assert strict_number(text).value == Decimal(value)
