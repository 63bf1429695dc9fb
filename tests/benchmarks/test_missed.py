"""Open missed entries of a real report found by a current finding (benchmarks/scoring.py
score_missed; rule in benchmarks/TRIAGE.md). Findings and entries are built by hand."""

from __future__ import annotations

from benchmarks import findings
from benchmarks.scoring import missed_reported_by, score_missed


def _f(**kw):
    base = {"rule": "SUM001", "severity": "error", "page": 18, "table": "9", "row": "TOTAL APBD",
            "column": "Anggaran", "actual": "56.017.527.555", "expected": "56.017.677.525"}
    return {**base, **kw}


ENTRY = {"page": 18, "table": "9", "row": "TOTAL APBD", "column": "Jumlah Anggaran Setelah Perubahan (Rp.)",
         "printed": "56.017.527.555", "recomputed": "56.017.677.525"}


def test_same_page_table_and_printed_number():
    assert missed_reported_by(_f(), ENTRY)
    # the row and column labels are not compared; the table is compared after normalising spaces/dots
    assert missed_reported_by(_f(row="Total", column="Pagu", table="9."), ENTRY)
    # another page, another table, another number: not this entry
    assert not missed_reported_by(_f(page=19), ENTRY)
    assert not missed_reported_by(_f(table="10"), ENTRY)
    # a finding whose table lost its caption still counts on the entry's page
    assert missed_reported_by(_f(table=None), ENTRY)
    assert not missed_reported_by(_f(actual="56.017.677.525"), ENTRY)


def test_numbers_compared_after_parsing():
    # "219.60" (English decimals on the page) is the tool's "219,60"; "91,63%" is 91,63
    e = {"page": 3, "table": "3.2", "printed": "219.60"}
    assert missed_reported_by(_f(page=3, table="3.2", actual="219,60"), e)
    assert missed_reported_by(_f(page=3, table="3.2", actual="219,6 %"), e)
    assert not missed_reported_by(_f(page=3, table="3.2", actual="219,61"), e)
    # an entry without a table matches a finding of any table on its page
    assert missed_reported_by(_f(page=7, table=None, actual="91,63"), {"page": 7, "table": None, "printed": "91,63%"})
    # a printed text that is no number is never matched
    assert not missed_reported_by(_f(actual="31"), {"page": 18, "table": "9", "printed": "31 / 270 / 240"})


def test_score_counts_open_entries_and_errors_only():
    later = {**ENTRY, "reported_later": "SUM001 at abc1234"}
    other = {**ENTRY, "printed": "100", "row": "x"}
    info = _f(actual="100", severity="info")
    res = score_missed([_f(), info], [ENTRY, later, other])
    assert [(m["printed"], f is not None) for m, f in res] == [("56.017.527.555", True), ("100", False)]


def test_report_lines_and_json_fields():
    r = findings.score_real(["r.pdf"], {"r.pdf": {"findings": [], "missed": [ENTRY, {**ENTRY, "printed": "1"}]}},
                            {"/x/r.pdf": {"error": None, "seconds": 1, "pages": 20, "instansi": None, "tahun": None,
                                          "findings": [_f()]}}, __import__("pathlib").Path("/x"))
    d = r["reports"][0]
    assert (d["missed_open"], d["missed_now_reported"]) == (2, 1)
    assert (r["overall"]["missed_open"], r["overall"]["missed_now_reported"]) == (2, 1)
    lines = findings.missed_lines(r)
    assert lines[0] == "real: known missed errors now reported: 1 of 2 (r.pdf)"
    assert lines[-1] == "real: known missed errors now reported: 1 of 2 (all reports)"
