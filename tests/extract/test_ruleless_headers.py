"""Header blocks of tables without vertical rules (issue #11): column-number rows, spanning
group headers, wrapped header words.

Oracle: the source data the Word-made documents were typeset from
(samples/wild/src/*/tables/*.yaml, samples/src/bkd-banten-2024/tables/*.yaml) and the
rendered pages. Nothing here is taken from what the extractor prints.
"""

from __future__ import annotations

import pytest
import yaml

from lkip_audit.extract.stitch import _is_column_numbering

from tests.extract.conftest import ROOT, extracted

WILD = ROOT / "samples" / "wild"
KONVENSI = WILD / "konvensi-lain.pdf"
KONVENSI_CLEAN = WILD / "konvensi-lain-bersih.pdf"  # the source data before errors.yaml
KONVENSI_SRC = WILD / "src" / "konvensi-lain" / "tables"


def _source(folder, number: str) -> dict:
    return yaml.safe_load((folder / f"{number}.yaml").read_text(encoding="utf-8"))


def _source_rows(folder, number: str) -> list[list[str]]:
    return [r["cells"] if isinstance(r, dict) else r for r in _source(folder, number)["rows"]]


def _table(path, number: str):
    found = [t for t in extracted(path).tables if t.number == number]
    assert len(found) == 1, f"Tabel {number}: {len(found)} tables"
    return found[0]


@pytest.mark.parametrize("texts, numbering", [
    (["(1)", "(2)", "(3)", "(4)"], True),
    (["1", "2", "3", "4", "5 = 4/3", "6 = 3-4"], True),           # konvensi-lain Tabel 7
    (["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)x100%"], True),
    (["1", "2", "3", "4 = 3 : 2 x 100"], True),
    (["1", "2", "3", "5 = 4/3"], False),                           # not consecutive
    (["1", "Program", "1.158.489.000", "1.133.450.500"], False),   # a body row
    (["1", "2", "3 = sisa"], False),                                # words after "="
])
def test_column_numbering_rows(texts, numbering):
    assert _is_column_numbering(texts) is numbering


def test_tabel_7_formula_numbering_row_is_header():
    """konvensi-lain Tabel 7 (page 8) numbers its columns "1 2 3 4 5 = 4/3 6 = 3-4" under
    the header (source: header row 2). It is header, not a body row: the body rows are the
    source's rows, the first one "Program Perencanaan, ..."; the column names are the first
    header row's (a numbering row is no part of a header path). The clean twin prints the
    source as written; the document with errors has the same rows, one value changed."""
    src = _source_rows(KONVENSI_SRC, "7")
    t = _table(KONVENSI_CLEAN, "7")
    assert [r.texts() for r in t.rows] == src
    assert t.columns == _source(KONVENSI_SRC, "7")["header"][0]
    t = _table(KONVENSI, "7")
    assert [r.texts()[:2] for r in t.rows] == [r[:2] for r in src]
    assert t.columns == _source(KONVENSI_SRC, "7")["header"][0]


# --- spanning group headers without vertical rules (bkd-word-noborder) -------------------

NOBORDER = WILD / "bkd-word-noborder.pdf"
BKD_SRC = ROOT / "samples" / "src" / "bkd-banten-2024" / "tables"


def _header_paths(header: list) -> list[str]:
    """Each column's header path from a source header (rows of texts or {text, rowspan,
    colspan}): the texts of the cells over it, top to bottom."""
    grid: dict[tuple[int, int], str | None] = {}
    for r, row in enumerate(header):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            cell = {"text": cell} if isinstance(cell, str) else cell
            for i in range(cell.get("rowspan", 1)):
                for j in range(cell.get("colspan", 1)):
                    grid[(r + i, c + j)] = cell["text"] if i == 0 else None
            c += cell.get("colspan", 1)
    out = []
    for c in range(max(k for _, k in grid) + 1):
        parts: list[str] = []
        for r in range(len(header)):
            t = grid.get((r, c))
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        out.append(" ".join(parts))
    return out


def _squeeze(s: str) -> str:
    # Narrow header cells break words on the page ("PENCAPAIA" / "N"): spaces cannot be told
    # from line breaks inside a word, so they are left out of the comparison.
    return s.replace(" ", "")


@pytest.mark.parametrize("number", [
    "3.2",    # TAHUN 2024 over six columns, beside INDIKATOR KINERJA UTAMA and KATEGORI
    "3.6",    # KINERJA and ANGGARAN groups; INDIKATOR / KINERJA / UTAMA a cell of three lines
    "3.15",   # TAHUN 2024 over three columns, TINGKAT PENCAPAIAN beside them over both rows
    "3.16",   # the same, the table stitched over pages 29-30
    "3.19",
    "3.20",   # RENCANA over TARGET | ANGGARAN, REALISASI right above "Rp" at one line's pitch
    "3.41",   # "2024" over Kebutuhan | Terisi | GAP (pages 50-52)
    "3.54",
    "3.63",   # CAPAIAN KINERJA TAHUN 2024 right above REALISASI / FISIK / ... (no cell padding)
])
def test_spanning_header_attached_to_its_columns(number):
    """Column header paths as the source header writes them (its merged cells)."""
    source = yaml.safe_load((BKD_SRC / f"{number}.yaml").read_text(encoding="utf-8"))
    found = [t for t in extracted(NOBORDER).tables if t.number == number]
    assert len(found) == 1
    assert [_squeeze(c) for c in found[0].columns] == [_squeeze(c) for c in _header_paths(source["header"])]


def test_uncaptioned_table_two_groups_and_a_heading_above():
    """Page 28: the table under the heading "3.1.4. MEMBANDINGKAN ... STANDAR NASIONAL"
    (rendered page; no caption): CAPAIAN KINERJA TAHUN 2024 over three columns and CAPAIAN
    STANDAR NASIONAL / TAHUN 2024 (two lines) over three more; the heading's last line
    "NASIONAL", in a larger type right above it, is no part of its header."""
    t = next(t for t in extracted(NOBORDER).tables if t.pages == [28] and t.number is None)
    assert t.columns == [
        "NO", "SASARAN", "INDIKATOR KINERJA UTAMA",
        "CAPAIAN KINERJA TAHUN 2024 TARGET TAHUNAN",
        "CAPAIAN KINERJA TAHUN 2024 REALISASI FISIK TERHADAP TARGET TAHUNAN",
        "CAPAIAN KINERJA TAHUN 2024 CAPAIAN KINERJA",
        "CAPAIAN STANDAR NASIONAL TAHUN 2024 TARGET",
        "CAPAIAN STANDAR NASIONAL TAHUN 2024 REALISASI",
        "CAPAIAN STANDAR NASIONAL TAHUN 2024 CAPAIAN KINERJA",
    ]


def test_group_of_two_lines_right_above_a_child():
    """Tabel 3.59 (page 67): "Tahun" / "2024" over Kasus | Proses | Sisa, "Proses" one line's
    pitch below "2024" (source header: {Tahun 2024, colspan 3} over the three)."""
    t = next(t for t in extracted(NOBORDER).tables if t.number == "3.59")
    assert t.columns[-3:] == ["Tahun 2024 Kasus", "Tahun 2024 Proses", "Tahun 2024 Sisa"]


@pytest.mark.parametrize("pdf, page", [("bkd-word-noborder.pdf", 84), ("bkd-word-hrules.pdf", 86)])
def test_bertambah_berkurang_header_whole(pdf, page):
    """The BELANJA DAERAH table (rendered page 84 of the rule-less document, 86 of the one
    with horizontal rules): its last column is headed "BERTAMBAH/" over "BERKURANG" under
    ANGGARAN, a cell of two lines, not "BERKURANG" (which would make it a decrease). On
    page 86 the PENDAPATAN DAERAH table above it, ruled alike and headed BERKURANG only,
    is a table of its own: the heading "BELANJA DAERAH" in a larger type stands between."""
    tables = [t for t in extracted(WILD / pdf).tables if t.pages == [page]]
    belanja = [t for t in tables if "URUSAN/PROGRAM" in t.columns]
    assert len(belanja) == 1
    assert belanja[0].columns[-1] == "ANGGARAN BERTAMBAH/ BERKURANG"
    assert belanja[0].rows[0].texts()[:2] == ["5.03", "KEPEGAWAIAN"]
