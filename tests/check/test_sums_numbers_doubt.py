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


def test_total_that_holds_when_typography_parents_are_read_as_siblings():
    # five agencies and a JUMLAH; the second is set in bold, so typography alone makes it
    # the parent of the three (not bold) below it. JUMLAH 5 + 6 + 2 + 4 + 3 = 20 counts
    # every row: read as one list the total holds (under the bold reading it is 5 + 6 = 11).
    t = make_table(
        ["No", "Perangkat Daerah", "Jumlah PN"],
        [["1", "BADAN KEPEGAWAIAN DAERAH", "5"],
         ["2", "BADAN PENDAPATAN DAERAH", "6"],
         ["3", "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", "2"],
         ["4", "BADAN PENGEMBANGAN SUMBER DAYA MANUSIA", "4"],
         ["5", "DINAS KESEHATAN", "3"],
         ["", "JUMLAH", "20"]],
        bold_rows={1, 5},
    )
    at = analyze_table(t)
    assert at.rows[1].children == [2, 3, 4]
    found = [f for f in _sums(t, at) if f.rule == "SUM001"]
    assert [(f.expected, f.severity) for f in found] == [("11", "info")]
    assert "satu daftar" in found[0].message


def _with_text(t, at, text):
    from lkip_audit.extract.model import Page

    doc = Document(path="x.pdf", sha256="0" * 64, page_count=2,
                   pages=[Page(number=1, width=595, height=842, text=""),
                          Page(number=2, width=595, height=842, text=text)], tables=[t])
    found = run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig())
    return [f for f in found if f.rule == "SUM001"]


def test_a_total_larger_than_its_rows_by_an_amount_the_report_states_is_a_doubt():
    # the shape of lkip_bpbd_2016.pdf p66/p70: the total 27.059.202.004 is the 18.649.134.000
    # of the listed kegiatan plus the Belanja Tidak Langsung 8.410.068.004 a sentence states
    t = make_table(["URAIAN", "ANGGARAN (Rp)"],
                   [["Kegiatan A", "10.000.000.000"], ["Kegiatan B", "8.649.134.000"],
                    ["JUMLAH", "27.059.202.004"]])
    at = analyze_table(t)
    stated = _with_text(t, at, "terdiri dari Belanja Tidak Langsung (BTL) Gaji Rp. 8.410.068.004,- dan Belanja Langsung")
    assert [(f.expected, f.severity) for f in stated] == [("18.649.134.000", "info")]
    assert "8.410.068.004" in stated[0].message
    # the same total with no such amount in the text (or only a longer number holding it) stays an error
    for text in ("Belanja Tidak Langsung tidak dirinci.", "Rp 18.410.068.004,-", "8.410.068.004.5"):
        assert [(f.expected, f.severity) for f in _with_text(t, at, text)] == [("18.649.134.000", "error")]
