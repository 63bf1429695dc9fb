"""A parent/child reading rests on evidence (issue #11, READING.md): a row whose indent could
not be measured is no parent, and a sum found among the rows is no hierarchy when the
table's own total says the rows are a flat list."""

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import PARENT, TOTAL, Understanding
from tests.tablefactory import make_table


def rows(at):
    return {r.index: r for r in at.rows}


def _sums(t, at):
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=1, pages=[], tables=[t])
    found = run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig())
    return [f for f in found if f.rule.startswith("SUM")]


def test_row_with_an_empty_name_is_no_parent():
    # BKD Tabel 3.49 (samples/wild/bkd-word-grid.pdf p55): row "60" has an empty Unit Kerja
    # cell, so the extraction measured no indent for it (0) while every named row is
    # indented 5,5 pt. That 0 is no evidence: the rows stay a flat list, and JUMLAH is the
    # sum of all of them: 1 + 21 + 0 + 3 = 25 (KGB Disetujui 3 + 21 + 13 + 5 = 42).
    t = make_table(
        ["No", "Unit Kerja", "Belum Terproses", "Disetujui", "JUMLAH"],
        [["1", "Sekretariat Daerah", "1", "3", "4"],
         ["2", "Biro Hukum", "21", "21", "42"],
         ["60", "", "0", "13", "13"],
         ["61", "Satuan Pendidikan SMAN 1 Gunung Sari", "3", "5", "8"],
         ["", "JUMLAH", "25", "42", "67"]],
        indents={0: 5.5, 1: 5.5, 2: 0.0, 3: 5.5, 4: 5.5},
    )
    at = analyze_table(t)
    r = rows(at)
    assert not any(r[i].role == PARENT for i in range(4))
    assert all(r[i].parent is None for i in range(4))
    assert r[4].role == TOTAL and sorted(r[4].covers) == [0, 1, 2, 3]
    assert _sums(t, at) == []


def test_indent_still_marks_children_when_measured():
    # the same rows with the third one named and really set further left: a parent
    t = make_table(
        ["URAIAN", "ANGGARAN"],
        [["Administrasi Umum", "300"], ["Penyediaan A", "100"], ["Penyediaan B", "200"]],
        indents={0: 0.0, 1: 5.5, 2: 5.5},
    )
    r = rows(analyze_table(t))
    assert r[0].role == PARENT and r[0].children == [1, 2]


def test_a_coincidental_sum_is_no_parent_when_the_total_says_flat():
    # BKD Tabel 3.60 (samples/lkip-bkd-banten-2024.pdf p77-78): a list of agencies and their
    # PN count. BADAN PENDAPATAN DAERAH's 138 happens to equal 13 + 24 + 7 + 11 + 7 + 31 + 9 +
    # 26 + 10 of the nine agencies after it; the JUMLAH row, 1438, is the sum of all rows,
    # not of the rows left at the top under that reading. Here, shortened: 6 = 2 + 4, and
    # JUMLAH 5 + 6 + 2 + 4 + 3 = 20 counts every row.
    t = make_table(
        ["No", "Perangkat Daerah", "Jumlah PN"],
        [["1", "BADAN KEPEGAWAIAN DAERAH", "5"],
         ["2", "BADAN PENDAPATAN DAERAH", "6"],
         ["3", "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", "2"],
         ["4", "BADAN PENGEMBANGAN SUMBER DAYA MANUSIA", "4"],
         ["5", "DINAS KESEHATAN", "3"],
         ["", "JUMLAH", "20"]],
    )
    at = analyze_table(t)
    r = rows(at)
    assert all(r[i].parent is None and not r[i].children for i in range(5))
    assert sorted(r[5].covers) == [0, 1, 2, 3, 4]
    assert _sums(t, at) == []


def test_a_sum_among_the_rows_stays_a_parent_when_the_total_agrees():
    # the same rows where JUMLAH (5 + 6 + 3 = 14) counts BADAN PENDAPATAN once, with the
    # two rows that add up to it (2 + 4 = 6) as its parts: the total confirms that reading
    t = make_table(
        ["No", "Perangkat Daerah", "Jumlah PN"],
        [["1", "BADAN KEPEGAWAIAN DAERAH", "5"],
         ["2", "BADAN PENDAPATAN DAERAH", "6"],
         ["3", "UPTD PENDAPATAN WILAYAH SERANG", "2"],
         ["4", "UPTD PENDAPATAN WILAYAH CILEGON", "4"],
         ["5", "DINAS KESEHATAN", "3"],
         ["", "JUMLAH", "14"]],
    )
    at = analyze_table(t)
    r = rows(at)
    assert r[1].role == PARENT and r[1].children == [2, 3]
    assert _sums(t, at) == []



def test_a_total_named_the_whole_covers_the_subtotal_above_it():
    # lkip_distan_2016.pdf Tabel 16 p52: TOTAL KEGIATAN 114.853.147.800, then Belanja Tidak
    # Langsung 100.743.553.535 (its one row Belanja Pegawai the same), then JUMLAH TOTAL
    # 215.596.701.335 = 114.853.147.800 + 100.743.553.535
    t = make_table(
        ["NO", "PROGRAM/KEGIATAN", "ANGGARAN"],
        [["1", "Program Peningkatan Produksi Pertanian", "114.853.147.800"],
         ["", "TOTAL KEGIATAN", "114.853.147.800"],
         ["", "Belanja Tidak Langsung", "100.743.553.535"],
         ["", "JUMLAH TOTAL", "215.596.701.335"]],
    )
    at = analyze_table(t)
    r = rows(at)
    assert r[1].role == TOTAL and r[3].role == TOTAL
    assert r[3].covers == [1, 2]
    assert _sums(t, at) == []
