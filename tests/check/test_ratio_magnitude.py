"""CAP001/PCT001: a capaian recomputed from a score and a budget is a misread header, not a
wrong capaian: operands more than 100.000 times apart make the finding an info."""

from __future__ import annotations

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import Understanding
from tests.tablefactory import make_table


def _caps(t):
    at = analyze_table(t)
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=1, pages=[], tables=[t])
    return [f for f in run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig()) if f.rule == "CAP001"]


def test_score_over_budget_is_a_misread_header():
    # BKD Tabel 3.63 as read from samples/wild/bkd-word-hrules-bersih.pdf p70: the header rows
    # were merged so that REALISASI (80,00, a score) and TARGET (31.893.121.275, the budget)
    # fall under one CAPAIAN: 80,00 / 31.893.121.275 x 100 = 0,00 against a printed 100,00.
    t = make_table(["INDIKATOR KINERJA UTAMA", "REALISASI", "CAPAIAN", "TARGET"], [
        ["Capaian SAKIP Perangkat Daerah", "80,00", "100,00", "31.893.121.275"],
    ], number="3.63", page=70)
    found = _caps(t)
    assert [(f.expected, f.severity) for f in found] == [("0,00", "info")]
    assert "seratus ribu kali" in found[0].message


def test_a_gross_but_real_capaian_error_stays_an_error():
    # realisasi 88 against target 80: 88 / 80 x 100 = 110,00, printed 11,00 (a digit lost):
    # the operands are of one size, the error stands
    t = make_table(["INDIKATOR KINERJA UTAMA", "TARGET", "REALISASI", "CAPAIAN"], [
        ["Nilai SAKIP Perangkat Daerah", "80", "88", "11,00"],
    ], number="3.2", page=24)
    found = _caps(t)
    assert [(f.expected, f.severity) for f in found] == [("110,00", "error")]
