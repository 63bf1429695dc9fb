"""PCT001 and the interval a printed number stands for (DESIGN.md, READING.md): a neighbour's
"99,70" stands for [99,695; 99,705), so 99,7146 is not "the row's numbers fit with the
neighbour's value" (it was read with one decimal, 99,70 -> 99,7, and a tolerance of 0,1)."""

from __future__ import annotations

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import Understanding
from tests.tablefactory import make_table

HDR = [["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA", "RENCANA", "REALISASI", "REALISASI", "REALISASI"],
       ["", "", "TARGET", "ANGGARAN", "FISIK", "Rp", "%"]]


def test_pct_against_a_neighbour_printed_with_a_trailing_zero():
    # BKD Tabel 3.28 (samples/lkip-bkd-banten-2024.pdf p38), rows as printed:
    # 2.976.959.269 / 2.994.439.352 x 100 = 99,416 -> 99,42 (printed 99,70);
    # 1.261.981.481 / 1.265.593.500 x 100 = 99,7146 -> 99,71 (printed 99,69);
    # 1.715.040.788 / 1.728.845.852 x 100 = 99,2015 -> 99,20 (printed 99,70).
    # Each is wrong under every reading: 99,7146 is outside [99,695; 99,705) of the
    # neighbours' 99,70 too, so no "shifted row" doubt.
    t = make_table(HDR, [
        ["1.", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "100,00", "2.994.439.352", "100,00", "2.976.959.269", "99,70"],
        ["", "Pengadaan Peralatan dan Mesin Lainnya", "250 Unit", "1.265.593.500", "100,00", "1.261.981.481", "99,69"],
        ["", "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya", "3 Unit", "1.728.845.852", "100,00", "1.715.040.788", "99,70"],
    ], number="3.28", page=38)
    at = analyze_table(t)
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=1, pages=[], tables=[t])
    found = [f for f in run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig()) if f.rule == "PCT001"]
    assert sorted((f.row_index, f.actual, f.expected, f.severity) for f in found) == [
        (0, "99,70", "99,42", "error"), (1, "99,69", "99,71", "error"), (2, "99,70", "99,20", "error")]


def test_a_real_shift_still_doubts():
    # row 1 prints 99,42, which is row 0's 2.976.959.269 / 2.994.439.352 x 100 = 99,416, and
    # row 0 prints row 1's 99,71 (1.261.981.481 / 1.265.593.500 x 100 = 99,7146): the two
    # percentages are swapped, each fits the other row: info, not galat
    t = make_table(HDR, [
        ["1.", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "100,00", "2.994.439.352", "100,00", "2.976.959.269", "99,71"],
        ["", "Pengadaan Peralatan dan Mesin Lainnya", "250 Unit", "1.265.593.500", "100,00", "1.261.981.481", "99,42"],
    ], number="3.28", page=38)
    t.extractor = "pdfium-ruleless"  # rows read off text baselines (a ruled table's rows cannot shift)
    at = analyze_table(t)
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=1, pages=[], tables=[t])
    found = [f for f in run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig()) if f.rule == "PCT001"]
    assert sorted((f.row_index, f.severity) for f in found) == [(0, "info"), (1, "info")]
