"""A ruled table whose rule between two rows is missing in one column: the numbers stacked in
that column's box stay in their own rows (h7). Expected values typed from the rendered page."""

from __future__ import annotations

from decimal import Decimal

from lkip_audit.extract.tables import piece_from_cells
from lkip_audit.numbers import parse_number
from tests.real.shared import real_audit


def _w(text: str, x0: float, top: float, x1: float) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 8}


def test_two_numbers_in_a_box_over_two_rows_go_to_their_rows():
    # label | pagu | realisasi, two body rows; the realisasi box spans both rows (no rule
    # between them there), its two numbers each on the line of its row's pagu
    boxes = [(0, 0, 100, 20), (100, 0, 200, 20), (200, 0, 300, 20),
             (0, 20, 100, 40), (100, 20, 200, 40),
             (0, 40, 100, 60), (100, 40, 200, 60),
             (200, 20, 300, 60)]
    words = [_w("Uraian", 5, 6, 50), _w("Pagu", 105, 6, 130), _w("Realisasi", 205, 6, 250),
             _w("A", 5, 26, 15), _w("1.071.768.000,00", 105, 26, 190), _w("975.767.379,00", 205, 26, 280),
             _w("B", 5, 46, 15), _w("6.442.445.400,00", 105, 46, 190), _w("6.297.664.332,00", 205, 46, 290)]
    p = piece_from_cells(1, boxes, words, "test-lines")
    assert p.origin(1, 2).text == "975.767.379,00"
    assert p.origin(2, 2).text == "6.297.664.332,00"
    assert p.origin(2, 2).row == 2


def test_a_merged_value_over_two_rows_stays_merged():
    # one number in the box spanning two rows: a merged value, left as it is
    boxes = [(0, 0, 100, 20), (100, 0, 200, 20), (0, 20, 100, 40), (0, 40, 100, 60), (100, 20, 200, 60)]
    words = [_w("Uraian", 5, 6, 50), _w("Nilai", 105, 6, 130), _w("A", 5, 26, 15), _w("B", 5, 46, 15),
             _w("100", 105, 36, 125)]
    p = piece_from_cells(1, boxes, words, "test-lines")
    assert p.origin(1, 1).text == "100" and p.origin(2, 1) is p.origin(1, 1)


def test_bp3iptek_tabel_3_2_keuangan_realisasi_per_row():
    # lkip_bp3iptek_2016.pdf p55 Tabel 3.2: in the Keuangan Realisasi column no rule separates
    # "Pengembangan Kemitraan ..." (975.767.379,00) from "Kegiatan Kerjasama Pelaksanaan ..."
    # (6.297.664.332,00), nor "Kegiatan Penyebarluasan ..." (579.991.336,00) from
    # "Penerbitan Jurnal dan Buletin BP3Iptek" (373.490.500,00)
    at = next(a for a in real_audit("lkip_bp3iptek_2016.pdf").understanding.tables if a.table.number == "3.2")
    col = next(c.index for c in at.columns if c.field == "realisasi_rp")
    lab = next(c.index for c in at.columns if c.field == "uraian")
    got = {r.cells[lab].text[:30]: parse_number(r.cells[col].text).value for r in at.table.rows if r.cells[lab].text}
    assert got["Pengembangan Kemitraan dan Kol"] == Decimal("975767379")
    assert got["Kegiatan Kerjasama Pelaksanaan"] == Decimal("6297664332")
    assert got["Kegiatan Penyebarluasan Hasil-"] == Decimal("579991336")
    assert got["Penerbitan Jurnal dan Buletin "] == Decimal("373490500")
