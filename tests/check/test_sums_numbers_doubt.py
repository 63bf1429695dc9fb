"""SUM002 on a hierarchy read off the numbers alone (hierarchy._numbers_fallback): a failed
sum there holds only under a guessed reading, so it is an info that names the doubt."""

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import Understanding
from tests.tablefactory import make_table


def _sums(t, at):
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=1, pages=[], tables=[t])
    found = run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig())
    return [f for f in found if f.rule.startswith("SUM")]


def test_a_failed_sum_under_a_hierarchy_read_off_the_numbers_is_not_an_error():
    # no numbering, typography or label says who is whose child; the anggaran column makes
    # row 0 the parent (300 = 100 + 200), and its realisasi 280 is not 90 + 200 = 290. Read
    # as a flat list there is no such relation: an info naming the doubt, not a galat.
    t = make_table(
        ["URAIAN", "ANGGARAN", "REALISASI Rp"],
        [["Administrasi Umum", "300", "280"], ["Penyediaan A", "100", "90"], ["Penyediaan B", "200", "200"]],
    )
    at = analyze_table(t)
    assert at.rows[0].children == [1, 2] and at.rows[1].edge == "numbers"
    found = _sums(t, at)
    assert [(f.rule, f.row_index, f.expected, f.severity) for f in found] == [("SUM002", 0, "290", "info")]
    assert "jumlah pada kolom lain" in found[0].message
