"""SUM002 for a label-only program whose one indicator row carries the program's figures:
that row is the sum of the program's kegiatan (BKD Tabel 2.8, T004 of the truth files)."""

from __future__ import annotations

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import Understanding
from tests.tablefactory import make_table

HDR = ["NO", "PROGRAM/INDIKATOR KINERJA PROGRAM", "NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN"]


def _sums(t):
    at = analyze_table(t)
    # a 40-page report: the table (page 15) does not end the document
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=40, pages=[], tables=[t])
    return at, [f for f in run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig()) if f.rule == "SUM002"]


def test_indicator_row_carrying_the_program_budget_is_the_sum_of_its_kegiatan():
    # shortened from BKD Tabel 2.8 (samples/lkip-bkd-banten-2024.pdf p15): program I is a
    # label-only row; its indicator "Persentase Ketercapaian ..." prints the program's
    # 31.893.121.275; its kegiatan print 828.804.357 + 22.134.054.750 = 22.962.859.107
    rows = [
        ["I.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI", "", "", "", ""],
        ["1.", "Persentase Ketercapaian dari Seluruh Kegiatan pada Program Penunjang", "", "", "100,00", "31.893.121.275"],
        ["", "", "1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "100", "828.804.357"],
        ["", "", "2.", "Administrasi Keuangan Perangkat Daerah", "100", "22.134.054.750"],
    ]
    at, found = _sums(make_table(HDR, rows, number="2.8", page=15, bold_rows={0, 2, 3}))
    assert at.rows[0].role == "section" and at.rows[0].indicators == [1]
    assert [(f.row_index, f.actual, f.expected, f.severity) for f in found] == [
        (1, "31.893.121.275", "22.962.859.107", "error")]


def test_carrier_that_adds_up_gives_no_finding():
    rows = [
        ["I.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI", "", "", "", ""],
        ["1.", "Persentase Ketercapaian dari Seluruh Kegiatan pada Program Penunjang", "", "", "100,00", "22.962.859.107"],
        ["", "", "1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "100", "828.804.357"],
        ["", "", "2.", "Administrasi Keuangan Perangkat Daerah", "100", "22.134.054.750"],
    ]
    _, found = _sums(make_table(HDR, rows, number="2.8", page=15, bold_rows={0, 2, 3}))
    assert found == []
