"""Small tables without a caption: a header over one row of numbers (issue #11).

The IKU capaian tables of bkd-banten-2024 ("INDIKATOR KINERJA PROGRAM | TAHUN 2024 over
TARGET TAHUNAN, REALISASI ..., NILAI CAPAIAN ... | TINGKAT PENCAPAIAN" and one row) have
no "Tabel X.Y" caption: the source data gives them a descriptive title that is not
printed (samples/src/bkd-banten-2024/tables/u-*.yaml, notes). Without rules (noborder)
such a table is found from its header over a row of three numbers or more; with
horizontal rules only (hrules) it is not joined to the table of text right above it,
whose rules have a slightly different extent, a blank line apart.

Oracle: the source data and the rendered pages (pages as printed: bkd-word-noborder p25,
p30, p41, p42; bkd-word-hrules p41). Nothing is taken from what the extractor prints.
"""

from __future__ import annotations

import pytest
import yaml

from lkip_audit.extract.layout import Line
from lkip_audit.extract.ruleless import _column_numbers, _header_like, _numbers_on

from tests.extract.conftest import ROOT, extracted

WILD = ROOT / "samples" / "wild"
NOBORDER = WILD / "bkd-word-noborder.pdf"
HRULES = WILD / "bkd-word-hrules.pdf"
SRC = ROOT / "samples" / "src" / "bkd-banten-2024" / "tables"


def _source(name: str) -> dict:
    return yaml.safe_load((SRC / f"{name}.yaml").read_text(encoding="utf-8"))


def _header_paths(header: list) -> list[str]:
    """Each column's label from a source header: the texts of the cells over it, top to
    bottom, joined by a space (as Table.columns flattens a multi-row header)."""
    taken: set[tuple[int, int]] = set()
    paths: dict[int, list[str]] = {}
    for r, row in enumerate(header):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            cell = cell if isinstance(cell, dict) else {"text": cell}
            span, rows = cell.get("colspan", 1), cell.get("rowspan", 1)
            for dc in range(span):
                for dr in range(rows):
                    taken.add((r + dr, c + dc))
                if cell["text"]:
                    paths.setdefault(c + dc, []).append(cell["text"])
            c += span
    return [" ".join(paths.get(c, [])) for c in range(max(paths) + 1)]


def _tables_on(path, page: int, row: list[str]):
    """The tables starting on ``page`` whose first row begins with ``row``'s first cell and
    has as many cells (the text table above a capaian table names the same indicator)."""
    return [t for t in extracted(path).tables
            if t.pages[0] == page and t.rows and t.rows[0].texts()[0] == row[0] and len(t.columns) == len(row)]


@pytest.mark.parametrize("path, page, name", [
    (NOBORDER, 41, "u-3.33-c"),  # Nilai Indeks Profesional ASN Dimensi Kedisiplinan 4,98 5,00 99,60
    (NOBORDER, 42, "u-3.33-i"),  # Nilai Kriteria Perencanaan Kebutuhan Pegawai 39 40,00 102,56
    (HRULES, 41, "u-3.33-c"),
])
def test_a_header_over_one_row_is_a_table(path, page, name):
    src = _source(name)
    assert src["number"] is None  # uncaptioned in the source, so on the page
    row = src["rows"][0]
    found = _tables_on(path, page, row)
    assert len(found) == 1
    t = found[0]
    assert t.number is None
    assert [r.texts() for r in t.rows] == [row]
    assert t.columns == _header_paths(src["header"])


def test_a_range_target_counts_as_a_number():
    """bkd-word-noborder p25 (u-3.6-a): "1. | Capaian SAKIP ... | 70-80 | 78,25 | 97,81" under
    NO | INDIKATOR KINERJA UTAMA | TAHUN 2024 (three columns): two plain numbers and a
    target range make the row of three numbers."""
    src = _source("u-3.6-a")
    row = src["rows"][0]
    found = _tables_on(NOBORDER, 25, row)
    found = [t for t in found if t.number is None]
    assert len(found) == 1
    assert [r.texts() for r in found[0].rows] == [row]
    assert found[0].columns == _header_paths(src["header"])


def test_the_row_cut_by_the_page_break_is_joined():
    """bkd-word-noborder p30-p31 (u-3.16-a, the CAP003 item T140): the header and the first
    lines of the one row are at the foot of page 30 (with all its numbers, TINGKAT PENCAPAIAN
    and KATEGORI); page 31 starts with the header repeated and the rest of the row's two
    labels ("Akuntabel, Efektif dan Efisien", "Kinerja Instansi Pemerintah) Perangkat
    Daerah"), no number. Read as one table over both pages, the row is the source's."""
    src = _source("u-3.16-a")
    row = src["rows"][0]
    found = [t for t in extracted(NOBORDER).tables
             if t.pages[0] == 30 and t.number is None and t.rows and t.rows[0].texts()[0] == row[0]]
    assert len(found) == 1
    assert found[0].pages == [30, 31]
    assert [r.texts() for r in found[0].rows] == [row]


def test_hrules_tables_a_blank_line_apart_stay_two():
    """bkd-word-hrules p41: the text table u-3.33-b (Indikator Kinerja Program | Definisi
    Operasional | Rumus Perhitungan) and, a blank line below, the capaian table u-3.33-c: the
    rules of the two have nearly the same extent and nothing stands between them; they are
    two tables, each with its own header and row."""
    b, c = _source("u-3.33-b"), _source("u-3.33-c")
    assert b["rows"][0][0] == c["rows"][0][0]
    found = [t for t in extracted(HRULES).tables if t.pages[0] == 41 and t.rows
             and t.rows[0].texts()[0] == b["rows"][0][0]]
    assert [t.columns for t in found] == [b["header"][0], _header_paths(c["header"])]
    assert [[r.texts() for r in t.rows] for t in found] == [b["rows"], c["rows"]]


def _line(*texts: str, bold: bool = False) -> Line:
    words, x = [], 70.0
    for s in texts:
        words.append({"text": s, "x0": x, "x1": x + 6 * len(s), "top": 100.0, "bottom": 108.0,
                      "fontname": "Arial-BoldMT" if bold else "ArialMT"})
        x += 6 * len(s) + 30
    return Line(words, 100.0, 108.0, words[0]["x0"], words[-1]["x1"])


def test_what_counts_as_a_row_of_numbers_and_as_a_header():
    assert _numbers_on(_line("1.", "Capaian", "SAKIP", "70-80", "78,25", "97,81")) == 3
    # a row of age bands is a header, not a row of numbers (Tabel 3.44)
    assert _numbers_on(_line("Tahun", "19-25", "26-30", "31-35", "36-40")) == 0
    assert _column_numbers(_line("1", "2", "3", "4", "5"))
    assert _numbers_on(_line("1", "2", "3", "4", "5")) == 0
    assert not _column_numbers(_line("1", "2", "4"))
    assert _header_like(_line("TAHUN", "2024"))
    assert _header_like(_line("Target", "Realisasi", bold=True))
    assert not _header_like(_line("Target", "Realisasi"))  # neither capitals nor bold
    assert not _header_like(_line("JUMLAH", "1.390"))  # a number that is not a year
