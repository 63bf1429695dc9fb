"""Rule-less tables and numbers wrapped in their cells (issue #11).

Oracle: the source data the Word-made documents were typeset from,
samples/src/bkd-banten-2024/tables/*.yaml (cell values as written there), and the
rendered pages (what stands on which line, read from the PDF's words). Nothing
here is taken from what the extractor prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lkip_audit.extract import pdfium_source
from lkip_audit.extract.layout import group_lines
from lkip_audit.extract.ruleless import find_ruleless, join_cell_lines, valid_number

from tests.extract.conftest import ROOT, extracted

WILD = ROOT / "samples" / "wild"
NOBORDER = WILD / "bkd-word-noborder.pdf"
GRID = WILD / "bkd-word-grid.pdf"
SRC = ROOT / "samples" / "src" / "bkd-banten-2024" / "tables"


def _source(number: str) -> dict:
    return yaml.safe_load((SRC / f"{number}.yaml").read_text(encoding="utf-8"))


def _source_rows(number: str) -> list[list[str]]:
    return [r["cells"] if isinstance(r, dict) else r for r in _source(number)["rows"]]


def _table(path: Path, number: str):
    found = [t for t in extracted(path).tables if t.number == number]
    assert len(found) == 1, f"Tabel {number}: {len(found)} tables"
    return found[0]


def _page_lines(path: Path, page: int):
    pdf = pdfium_source.open_document(path)
    try:
        return group_lines(pdfium_source.read_page(pdf, page - 1).words)
    finally:
        pdf.close()


# --- the rule-less document --------------------------------------------------------


def test_noborder_page_has_no_rules():
    """The premise: the page of Tabel 3.20 holds no ruling line and no shading."""
    pdf = pdfium_source.open_document(NOBORDER)
    try:
        data = pdfium_source.read_page(pdf, 32)  # page 33
    finally:
        pdf.close()
    assert data.edges == [] and data.shading == []


def test_tabel_3_20_cell_for_cell():
    """Tabel 3.20 (page 33) read cell for cell as the source data writes it."""
    t = _table(NOBORDER, "3.20")
    assert t.pages == [33]
    assert t.extractor == "pdfium-ruleless"
    assert [r.texts() for r in t.rows] == _source_rows("3.20")


def test_tabel_3_20_two_header_rows():
    """RENCANA spans TARGET | ANGGARAN and REALISASI spans FISIK | Rp | % (source header);
    NO and KEGIATAN/SUB KEGIATAN stand over both header rows."""
    t = _table(NOBORDER, "3.20")
    top, below = _source("3.20")["header"]
    paths = []
    for cell in top:
        if cell.get("rowspan") == 2:
            paths.append(cell["text"])
        else:
            for _ in range(cell["colspan"]):
                paths.append(f"{cell['text']} {below[len(paths) - 2]}")
    assert t.columns == paths


def test_tabel_3_19_group_over_three_columns():
    """Tabel 3.19: "TAHUN 2024" spans three columns and "TINGKAT PENCAPAIAN" both header
    rows (source header). The PDF breaks "PENCAPAIA N" inside the word, so the last
    column is compared without spaces."""
    t = _table(NOBORDER, "3.19")
    top, below = _source("3.19")["header"]
    assert t.columns[:3] == [c["text"] for c in top[:3]]
    assert t.columns[3:6] == [f"TAHUN 2024 {b}" for b in below]
    assert t.columns[6].replace(" ", "") == top[4]["text"].replace(" ", "")
    rows = _source_rows("3.19")
    got = [r.texts() for r in t.rows]
    assert len(got) == len(rows)
    assert [r[3:6] for r in got] == [r[3:6] for r in rows]


def test_wrapped_label_is_one_row():
    """The label "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran
    SKPD" of Tabel 3.20 stands on four lines of the page, and is one row with its numbers."""
    label = "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD"
    lines = _page_lines(NOBORDER, 33)
    start = next(i for i, ln in enumerate(lines) if ln.text.startswith("Koordinasi dan Penyusunan")
                 and "50.000.000" in ln.text)
    assert [ln.text for ln in lines[start + 1:start + 4]] == ["Laporan Keuangan", "Bulanan/Triwulanan/Semesteran", "SKPD"]
    t = _table(NOBORDER, "3.20")
    rows = [r.texts() for r in t.rows if r.texts()[1] == label]
    assert rows == [r for r in _source_rows("3.20") if r[1] == label]


def test_rule_less_tables_found_by_caption():
    """Every source table printed on the captioned pages 32-37 is found with its caption
    number, and with as many body rows as the source."""
    numbers = ["3.17", "3.18", "3.19", "3.20", "3.21", "3.22", "3.23", "3.24", "3.25", "3.26",
               "3.27", "3.28", "3.29"]
    for n in numbers:
        t = _table(NOBORDER, n)
        assert len(t.rows) == len(_source_rows(n)), n


# --- wrapped numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, text",
    [
        # The example: the decimals wrapped to the next line of the cell.
        (["2.340.024.648", ",00"], "2.340.024.648,00"),
        (["2.340.024.648,", "00"], "2.340.024.648,00"),
        (["2.340.024", ".648"], "2.340.024.648"),
        (["2.340.02", "4.648"], "2.340.024.648"),
        # Two whole numbers, or a number and a word, stay apart.
        (["2024", "2025"], "2024 2025"),
        (["12", "Dokumen"], "12 Dokumen"),
        (["Tahun", "2024"], "Tahun 2024"),
        (["87 Orang/", "Bulan"], "87 Orang/ Bulan"),
        # A label wrapped at a hyphen is joined as before.
        (["Penyediaan Gaji dan Tunjang-", "an ASN"], "Penyediaan Gaji dan Tunjangan ASN"),
    ],
)
def test_join_cell_lines(lines, text):
    assert join_cell_lines(lines) == text


def test_valid_number():
    assert valid_number("2.340.024.648,00") and valid_number("95,26") and valid_number("1,234.5")
    assert not valid_number("2.340.024.648,") and not valid_number(",00") and not valid_number("2.340.02")


def test_wrapped_money_in_ruled_cell_is_one_number():
    """bkd-word-grid, Tabel 3.26 (page 36): the ANGGARAN cell of the first row prints
    "2.340.024.648," on one line and "00" on the next; the cell reads as the source's
    "2.340.024.648,00", and the whole table as the source writes it."""
    lines = _page_lines(GRID, 36)
    i = next(i for i, ln in enumerate(lines) if "2.340.024.648," in ln.text.split())
    assert "00" in lines[i + 1].text.split()
    t = _table(GRID, "3.26")
    assert [r.texts() for r in t.rows] == _source_rows("3.26")


def test_wrapped_money_in_rule_less_cell_is_one_number():
    """The same table without borders: the wrapped "00" starts no row of its own."""
    t = _table(NOBORDER, "3.26")
    assert [r.texts() for r in t.rows] == _source_rows("3.26")


# --- no table from paragraphs ---------------------------------------------------------


def _words(lines: list[tuple[float, list[tuple[float, str]]]], size: float = 10.0) -> list[dict]:
    """Word dicts for a made-up page: (top, [(x0, text), ...]) per line, 5 pt per char."""
    out = []
    for top, items in lines:
        for x0, text in items:
            out.append({"text": text, "x0": x0, "x1": x0 + 5 * len(text), "top": top,
                        "bottom": top + size, "fontname": "Arial", "upright": True})
    return out


class _Page:
    def __init__(self, words):
        self.words, self.number, self.height, self.width = words, 1, 842.0, 595.0
        self.edges, self.shading = [], []


def test_list_of_laws_is_no_table():
    """A bulleted list whose lines carry aligned numbers ("Nomor 23 Tahun 2014") and no
    caption: running text, no table."""
    items = [
        "Undang-Undang Nomor 23 Tahun 2000 tentang Pembentukan Provinsi",
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
        "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan",
    ]
    lines = []
    for k, item in enumerate(items):
        x, ws = 100.0, [(80.0, "•")]
        for word in item.split():
            ws.append((x, word))
            x += 5 * len(word) + 3
        lines.append((200.0 + 14 * k, ws))
    assert find_ruleless(_Page(_words(lines)), "pdfium", []) == []


def test_paragraph_under_caption_is_no_table():
    """A caption followed by running text (no aligned numbers) gives no table."""
    text = [
        "Pada tahun 2024 realisasi anggaran mencapai 96,38 persen dari pagu",
        "yang ditetapkan sebesar 22.134.054.750 rupiah dan sisa anggaran",
        "dikembalikan ke kas daerah sesuai ketentuan yang berlaku pada",
    ]
    lines = [(180.0, [(80.0, "Tabel"), (110.0, "3.1"), (130.0, "Capaian"), (170.0, "Kinerja")])]
    for k, sentence in enumerate(text):
        x, ws = 80.0, []
        for word in sentence.split():
            ws.append((x, word))
            x += 5 * len(word) + 3
        lines.append((200.0 + 14 * k, ws))
    assert find_ruleless(_Page(_words(lines)), "pdfium", []) == []


def test_aligned_numeric_block_is_a_table():
    """Without a caption, three lines with two right-aligned numeric columns are a table."""
    rows = [("Belanja Pegawai", "21.577.670.000", "96,46"), ("Belanja Barang", "381.109.750", "92,11"),
            ("Belanja Modal", "52.597.000", "90,28")]
    lines = []
    for k, (label, money, pct) in enumerate(rows):
        lines.append((300.0 + 14 * k, [(80.0, w) for w in [label.split()[0]]]
                      + [(80.0 + 5 * len(label.split()[0]) + 3, label.split()[1]),
                         (400.0 - 5 * len(money), money), (480.0 - 5 * len(pct), pct)]))
    pieces = find_ruleless(_Page(_words(lines)), "pdfium", [])
    assert len(pieces) == 1
    assert [[c.text for c in pieces[0].cells if c.row == r] for r in range(3)] == [list(r) for r in rows]


def test_one_row_table_with_money_wrapped_mid_number():
    """Tabel 3.6 (page 25): one body row under its caption; the ANGGARAN cells print
    "38.995.711.8" / "27" and "37.147.689.7" / "95" on two lines (page words). The row
    reads as the source writes it."""
    lines = _page_lines(NOBORDER, 25)
    i = next(i for i, ln in enumerate(lines) if "38.995.711.8" in ln.text.split())
    assert lines[i + 1].text.split()[-2:] == ["27", "95"]
    t = _table(NOBORDER, "3.6")
    assert [r.texts() for r in t.rows] == _source_rows("3.6")


def test_stitched_over_a_page_break():
    """Tabel 3.54 runs from page 63 to page 64 without a caption on page 64; stitched,
    its rows are the source's, the total row "JUMLAH" (printed first, without numbers)
    included."""
    t = _table(NOBORDER, "3.54")
    assert t.pages == [63, 64]
    assert [r.texts() for r in t.rows] == _source_rows("3.54")
