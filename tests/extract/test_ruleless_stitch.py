"""Rule-less tables continued over page breaks (issue #11).

Oracle: the source data bkd-word-noborder.pdf was typeset from
(samples/src/bkd-banten-2024/tables/*.yaml) and its rendered pages (pdftoppm): which
page each table runs over, where Word repeated (and LibreOffice clipped) the header, and
which row the page break cut. Nothing here is taken from what the extractor prints.

Cell texts are compared without spaces, and with the PDF's soft hyphen (U+0002, where
LibreOffice broke "RKA-SKPD" after its hyphen) read as "-": narrow cells break words
in the middle on the page ("Akuntabilita" / "s"), and a break inside a word cannot be
told from a space between words.
"""

from __future__ import annotations

import pytest
import yaml

from lkip_audit.extract.layout import Line
from lkip_audit.extract.ruleless import _repeated_header

from tests.extract.conftest import ROOT, extracted

NOBORDER = ROOT / "samples" / "wild" / "bkd-word-noborder.pdf"
SRC = ROOT / "samples" / "src" / "bkd-banten-2024" / "tables"


def _norm(cells: list[str]) -> list[str]:
    return [c.replace("\x02", "-").replace(" ", "") for c in cells]


def _source_rows(number: str) -> list[list[str]]:
    rows = yaml.safe_load((SRC / f"{number}.yaml").read_text(encoding="utf-8"))["rows"]
    return [_norm(r["cells"] if isinstance(r, dict) else r) for r in rows]


def _table(number: str):
    found = [t for t in extracted(NOBORDER).tables if t.number == number]
    assert len(found) == 1, f"Tabel {number}: {len(found)} tables"
    return found[0]


@pytest.mark.parametrize("number, pages", [
    # Tabel 2.8 runs from page 14 to page 21 (rendered pages). Page 15 repeats a header
    # clipped to two lines and starts with "Provinsi", the last word of the row cut at the
    # bottom of page 14; on page 15 three of the nine columns hold no text, so the page
    # alone shows only four columns (PENANGGUNGJAWAB empty, run into RENCANA ANGGARAN).
    # Page 19 has numbers in one column only (TARGET "39 Nilai", ...) for most of its rows.
    ("2.8", list(range(14, 22))),
    # Tabel 3.65 (landscape) runs from page 71 to page 76; its ANGGARAN cells wrap
    # "22.134.054.750,0" / "0" on page 71.
    ("3.65", list(range(71, 77))),
    # Tabel 3.41 runs from page 50 to page 52, followed on page 52 by the heading
    # "5. Rekapitulasi PNS Berdasarkan Eselon" in the body type's larger size.
    ("3.41", [50, 51, 52]),
    # Tabel 3.16 (pages 29-30): "1. Program Penunjang ..." a numbered row without numbers
    # right under the header, its indicator below it.
    ("3.16", [29, 30]),
])
def test_rule_less_table_stitched_row_for_row(number, pages):
    t = _table(number)
    assert t.pages == pages
    assert [_norm(r.texts()) for r in t.rows] == _source_rows(number)


def test_stitched_columns_are_the_source_header():
    """With the columns of all its pages, Tabel 2.8 has the source's nine columns and its
    RENCANA group spans TARGET | ANGGARAN (source header); PENANGGUNGJAWAB is a column of
    its own, not merged into RENCANA ANGGARAN."""
    t = _table("2.8")
    assert len(t.columns) == 9
    assert t.columns[6:8] == ["RENCANA TARGET", "RENCANA ANGGARAN"]
    assert t.columns[8].replace(" ", "") == "PENANGGUNGJAWAB"


def _line(*words: tuple[str, float, float, float]) -> Line:
    ws = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + 8} for t, x0, x1, top in words]
    return Line(ws, ws[0]["top"], ws[0]["bottom"], ws[0]["x0"], ws[-1]["x1"])


def test_clipped_repeated_header_and_the_cut_row():
    """Page 15's lines (positions from the PDF's words): a repeated header of two lines whose
    words all stand in page 14's header at the same place, then "Provinsi", which is not
    header but the rest of the row the break cut."""
    first = [
        _line(("PROGRAM/", 171.0, 215.0, 485.0), ("RENCANA", 380.4, 420.3, 485.0)),
        _line(("INDIKATOR", 101.5, 145.8, 489.6)),
        _line(("NO", 76.9, 88.9, 498.8), ("KINERJA", 106.2, 141.2, 498.8)),
        _line(("KINERJA", 175.4, 210.4, 503.4), ("TARGET", 350.5, 383.4, 503.4)),
        _line(("UTAMA", 109.3, 138.2, 508.0)),
    ]
    head = [
        _line(("INDIKATOR", 101.5, 145.8, 70.4), ("PROGRAM/", 171.0, 215.0, 70.4), ("RENCANA", 380.4, 420.3, 70.4)),
        _line(("NO", 76.9, 88.9, 75.0)),
        _line(("KINERJA", 106.2, 141.2, 79.6), ("TARGET", 350.5, 383.4, 79.6)),
        _line(("Provinsi", 180.9, 209.4, 88.8)),
    ]
    header, rest = _repeated_header(first, head)
    assert header == head[:3] and rest == head[3:]
    # A header of other words is no repetition.
    other = [_line(("No", 80.5, 91.2, 75.0), ("Jabatan", 186.3, 216.5, 75.0), ("Kebutuhan", 355.7, 397.5, 75.0))]
    assert _repeated_header(first, other) is None


# --- tables with horizontal rules only (bkd-word-hrules) -----------------------------------

HRULES = ROOT / "samples" / "wild" / "bkd-word-hrules.pdf"


def _hrules_table(number: str):
    found = [t for t in extracted(HRULES).tables if t.number == number]
    assert len(found) == 1, f"Tabel {number}: {len(found)} tables"
    return found[0]


@pytest.mark.parametrize("number, pages", [
    # Rendered pages: Tabel 2.8 runs from page 14 to page 22; its first body row (the tall
    # "Capaian SAKIP ..." cell) puts more than 80 pt between two rules on page 14. Page 15
    # repeats a header clipped to two lines whose hidden words ("UTAMA", "KINERJA") stay in
    # the text layer under it, beside "Kegiatan pada Program ..." the rest of the row cut.
    ("2.8", list(range(14, 23))),
    ("3.65", list(range(72, 78))),
    ("3.49", [54, 55, 56, 57, 58, 59]),
])
def test_hrules_table_stitched_row_for_row(number, pages):
    t = _hrules_table(number)
    assert t.pages == pages
    assert [_norm(r.texts()) for r in t.rows] == _source_rows(number)


def test_hrules_tables_split_at_a_caption():
    """Page 27: Tabel 3.11 and Tabel 3.12 (captions between them), ruled alike less than 80
    pt apart, are two tables, each with the source's nine columns."""
    for number in ("3.11", "3.12"):
        t = _hrules_table(number)
        assert t.pages == [27]
        assert len(t.columns) == 9
        assert [_norm(r.texts()) for r in t.rows] == _source_rows(number)


# --- ruled tables whose repeated header is clipped (bkd-word-grid) -------------------------

GRID = ROOT / "samples" / "wild" / "bkd-word-grid.pdf"


@pytest.mark.parametrize("number, pages", [
    # Rendered pages: the repeated header of Tabel 2.8 on pages 15-22 is clipped to two lines
    # ("INDIKATOR KINERJA", "PROGRAM/ INDIKATOR"), the clipped words "UTAMA", "KINERJA"
    # stay in the text layer in the first body row, beside the rest of the row cut at the
    # bottom of the page before ("Kegiatan pada Program ...", "Tanggapan Pemeriksaan").
    ("2.8", list(range(14, 23))),
    ("3.65", list(range(72, 78))),
])
def test_ruled_table_with_clipped_repeated_header_stitched(number, pages):
    found = [t for t in extracted(GRID).tables if t.number == number]
    assert len(found) == 1
    assert found[0].pages == pages
    assert [_norm(r.texts()) for r in found[0].rows] == _source_rows(number)


@pytest.mark.parametrize("number", ["3.47", "3.62"])
def test_long_label_line_in_table_type_is_no_paragraph(number):
    """Tabel 3.47 (page 53) and 3.62 (page 68): a label wraps to a line that runs like prose
    over most of the text width ("Ke Provinsi Banten/Kabupaten/Kota Se Provinsi Banten atau
    sebaliknya"), set in the table's 8 pt, not the paragraphs' 11 pt (page words); the table
    goes on under it (3.47's JUMLAH row)."""
    assert [_norm(r.texts()) for r in _table(number).rows] == _source_rows(number)


REAL = ROOT.parent / "shared" / "real"


@pytest.mark.skipif(not (REAL / "6_lkip_2016_full_1.pdf").exists(), reason="real reports not beside the repository")
def test_repeated_header_with_rows_covered_by_merged_cells_is_dropped():
    """6_lkip_2016_full_1.pdf Tabel III.2 (pages 40-42, set sideways): every page repeats the
    header, whose rows "2016", "Nilai" and the column numbers "(1)" ... "(7)" stand under
    merged header cells (rendered page 41: "Realisasi** / 2016 / Nilai / (6)"). Those rows
    are header on pages 41 and 42, never body rows."""
    t = next(t for t in extracted(REAL / "6_lkip_2016_full_1.pdf").tables if t.number == "III.2")
    assert t.pages == [40, 41, 42]
    texts = [" ".join(c for c in r.texts() if c) for r in t.rows]
    assert not any(x in ("2016 2016 2016", "Nilai Nilai Nilai") or x.startswith("(1) (2)") for x in texts)
