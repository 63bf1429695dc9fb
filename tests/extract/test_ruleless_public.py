"""Rule-less tables typeset by others: no caption, an English caption, a name that runs
into the next column, a header of several levels over numeric columns, dot leaders.

The synthetic PDFs are drawn here with reportlab; the expected cells are the data the
test draws. The public test PDFs of tabula-py (MIT; benchmarks/public_tables.py fetches
them into its cache) are read when that cache holds them, skipped otherwise; expected
values come from tabula-py's CSVs and, for 12s0324.pdf (no CSV), from the rendered page.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from lkip_audit.extract.layout import CAPTION_RE, find_captions, group_lines
from lkip_audit.extract.pdf import read_document
from lkip_audit.extract.pdfium_source import read_page
from lkip_audit.extract.ruleless import find_ruleless

H = 842.0
PLAIN, BOLD = "Helvetica", "Helvetica-Bold"


def _page(path: Path, items: list[tuple[float, float, str, str, float, str]]) -> Path:
    """One A4 page; items: (x, baseline from the top, text, font, size, align), align
    "l" (x is the left edge) or "r" (x is the right edge)."""
    c = canvas.Canvas(str(path), pagesize=(595.0, H))
    for x, y, s, font, size, align in items:
        c.setFont(font, size)
        if align == "r":
            c.drawRightString(x, H - y, s)
        else:
            c.drawString(x, H - y, s)
    c.showPage()
    c.save()
    return path


PROSE = ("The contributions received during the period are listed below, as reported by the "
         "campaign to the electoral")


# --- 1. no caption, a bold header, a name running into the next column -------------------

HEADER = ["Apellido", "Nombre", "Matricula", "Fecha", "Importe"]
DONORS = [
    ["MENA", "JUAN MARTIN", "27.083.460", "09/10/2013", "$ 10.000,00"],
    ["MOLLE", "MATIAS", "25.348.547", "09/10/2013", "$ 10.000,00"],
    ["PERAZZO", "PABLO DANIEL", "25.348.394", "09/10/2013", "$ 10.000,00"],
    ["VALSANGIACOMO BLANCOM", "FERNANDO JORGE", "26.800.203", "09/10/2013", "$ 10.000,00"],
    ["PICARDI", "FRANCO EDUARDO", "27.382.271", "09/10/2013", "$ 20.000,00"],
    ["PISONI", "CARLOS ENRIQUE", "26.034.823", "09/10/2013", "$ 10.000,00"],
    ["TEDESCHI", "ADRIAN ALBERTO", "24.171.507", "09/10/2013", "$ 5.000,00"],
]
# Left edges of the text columns, right edges of the number columns (points).
NAME_X, FIRST_X, MAT_R, DATE_X, AMOUNT_R = 60.0, 150.0, 290.0, 320.0, 440.0


def _donors(top: float, size: float = 9.0) -> list:
    items = []
    for x, text, align in zip((NAME_X, FIRST_X, MAT_R, DATE_X, AMOUNT_R), HEADER, "llrlr"):
        items.append((x, top, text, BOLD, size, align))
    for i, row in enumerate(DONORS):
        y = top + 16 * (i + 1)
        name = row[0]
        # The long name is set so that it ends where the next column's text begins
        # (the cell clips nothing here: the letters run into the Nombre column's space).
        x = FIRST_X - stringWidth(name, PLAIN, size) if stringWidth(name, PLAIN, size) > FIRST_X - NAME_X else NAME_X
        items.append((x, y, name, PLAIN, size, "l"))
        for cx, text, align in zip((FIRST_X, MAT_R, DATE_X, AMOUNT_R), row[1:], "lrlr"):
            items.append((cx, y, text, PLAIN, size, align))
    return items


def test_name_runs_into_the_next_column_as_drawn():
    """The test's premise: the long name's last letter ends at the Nombre column's left
    edge, so that the text layer joins it to the first name."""
    assert stringWidth(DONORS[3][0], PLAIN, 9.0) > FIRST_X - NAME_X


def test_captionless_table_with_a_bold_header_and_an_overflowing_name(tmp_path):
    items = [(60, 80, PROSE, PLAIN, 11, "l"), (60, 95, "commission.", PLAIN, 11, "l")] + _donors(130)
    doc = read_document(_page(tmp_path / "donors.pdf", items))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.number is None
    assert t.columns == HEADER
    assert [r.texts() for r in t.rows] == DONORS


def test_table_starting_in_the_top_margin_zone(tmp_path):
    """A table whose header row stands in the top 7% of the page (where running headers
    are), its rows below: the header is the table's; a running header above it, a line
    apart, is not."""
    items = [(60, 28, "Anexo I - Aportes de campaña", PLAIN, 8, "l")] + _donors(52)
    assert 52 < 0.07 * H < 52 + 16
    t, = read_document(_page(tmp_path / "top.pdf", items)).tables
    assert t.columns == HEADER
    assert [r.texts() for r in t.rows] == DONORS


def test_prose_with_numbers_is_no_table(tmp_path):
    """Paragraph lines with numbers in them (a year, an amount) make no table."""
    text = [("In 2013 the campaign received 55 contributions of $ 10.000,00 and 6 of $ 20.000,00 "
             "from donors in 12 provinces"),
            ("of the country; 27 of them gave twice, in 2012 and in 2013, a total of $ 540.000,00 "
             "over 18 months of the")]
    items = [(60, 100 + 14 * i, s, PLAIN, 10, "l") for i, s in enumerate(text * 3)]
    assert read_document(_page(tmp_path / "prose.pdf", items)).tables == []


# --- 2. an English caption, a headnote, a header of three levels, dot leaders ------------

GROUPS = ["Total", "Male", "Female"]
LEAVES = ["Total", "Under 18 years", "18 years and over"]
ARRESTS = [
    ["Total", "11,062.6", "1,540.0", "9,522.6", "8,263.3", "1,071.6", "7,191.7", "2,799.2", "468.3", "2,330.9"],
    ["Violent crime", "467.9", "69.1", "398.8", "380.2", "56.5", "323.7", "87.7", "12.6", "75.2"],
    ["Murder and nonnegligent manslaughter", "10.0", "0.9", "9.1", "9.0", "0.9", "8.1", "1.1", "-", "1.0"],
    ["Forcible rape", "17.5", "2.6", "14.9", "17.2", "2.5", "14.7", "-", "-", "-"],
    ["Robbery", "102.1", "25.5", "76.6", "90.0", "22.9", "67.1", "12.1", "2.5", "9.5"],
    ["Offenses against the family and children", "92.4", "3.7", "88.7", "68.9", "2.4", "66.6", "23.4", "1.3", "22.1"],
    ["Runaways", "75.8", "75.8", "(X)", "34.0", "34.0", "(X)", "41.8", "41.8", "(X)"],
]
# The label's first line when it wraps (the rest, indented, goes on the numbers' line).
WRAP = {"Murder and nonnegligent manslaughter": ("Murder and nonnegligent", "manslaughter"),
        "Offenses against the family and children": ("Offenses against the family and", "children")}
LABEL_X, LEADER_END = 40.0, 150.0  # a wrapped label fills its line up to the leaders
COL_R = [205.0 + 38.0 * k for k in range(9)]  # right edges of the nine numeric columns


def _arrests(top: float, size: float = 7.0) -> list:
    """The census table: a caption, two lines of headnote, a three-level header (group
    over a leaf of one or two lines, all set flush right over the numbers and bottom-
    aligned), labels with dot leaders, two labels wrapped over two lines."""
    items = [(LABEL_X, top, "Table 1. Arrests by Sex and Age: 2009", BOLD, 10, "l"),
             (LABEL_X, top + 12, "[In thousands (11,062.6 represents 11,062,600). For year ending December 31. "
                                 "Represents arrests reported by", PLAIN, 7, "l"),
             (LABEL_X, top + 20, "agencies with a total population of 247,526,916 as estimated by the FBI.]",
              PLAIN, 7, "l")]
    y0 = top + 34
    for g, name in enumerate(GROUPS):  # a group header centred over its three columns
        left, right = COL_R[3 * g] - 30, COL_R[3 * g + 2]
        items.append(((left + right) / 2 - stringWidth(name, PLAIN, size) / 2, y0, name, PLAIN, size, "l"))
    items.append((LABEL_X + 40, y0 + 8, "Offense charged", PLAIN, size, "l"))
    for k, r in enumerate(COL_R):  # leaves, bottom-aligned on the line y0 + 16
        leaf = LEAVES[k % 3]
        lines = {"Total": ["Total"], "Under 18 years": ["Under 18", "years"],
                 "18 years and over": ["18 years", "and over"]}[leaf]
        for j, s in enumerate(reversed(lines)):
            items.append((r, y0 + 16 - 8 * j, s, PLAIN, size, "r"))
    y = y0 + 28
    for row in ARRESTS:
        label = row[0]
        first, rest = WRAP.get(label, (None, label))
        if first:
            items.append((LABEL_X, y, first, PLAIN, size, "l"))
            y += 8
        x = LABEL_X + (3 if first else 0)
        items.append((x, y, rest, PLAIN, size, "l"))
        dots_x = x + stringWidth(rest, PLAIN, size) + 2
        dots = " ".join("." * max(0, int((LEADER_END - dots_x) / stringWidth(". ", PLAIN, size))))
        items.append((dots_x, y, dots, PLAIN, size, "l"))
        for r, v in zip(COL_R, row[1:]):
            items.append((r, y, v, PLAIN, size, "r"))
        y += 8
    return items


def test_english_caption():
    for line, num, title in [("Table 324. Arrests by Sex and Age: 2009", "324", "Arrests by Sex and Age: 2009"),
                             ("Table 1: Results", "1", ": Results"),
                             ("Tabel 3.1 Capaian Kinerja", "3.1", "Capaian Kinerja")]:
        m = CAPTION_RE.match(line)
        assert m and (m.group("num"), m.group("title")) == (num, title)
    # A word that only starts like a caption word, and a sentence about a table, are none.
    assert CAPTION_RE.match("Tables 2 and 3 show the results") is None
    words = [{"text": t, "x0": 40.0 + 30 * i, "x1": 65.0 + 30 * i, "top": 100.0, "bottom": 108.0, "fontname": ""}
             for i, t in enumerate("Table 2 shows the arrests by age".split())]
    assert find_captions(group_lines(words)) == []
    words = [{"text": t, "x0": 40.0 + 30 * i, "x1": 65.0 + 30 * i, "top": 100.0, "bottom": 108.0, "fontname": ""}
             for i, t in enumerate("Table 1: Results of the survey".split())]
    cap, = find_captions(group_lines(words))
    assert (cap.number, cap.title) == ("1", "Results of the survey")


def _grid(p) -> list[list[str]]:
    """A piece's rows of cell texts, a merged cell once, in its first column."""
    return [[c.text for c in sorted(p.cells, key=lambda c: c.col) if c.row == r] for r in range(p.nrows)]


def test_multilevel_header_over_numeric_columns(tmp_path):
    """One column per numeric column under a group header over leaves of one or two
    lines; labels wrapped over two lines above their numbers; dot leaders left out."""
    path = _page(tmp_path / "arrests.pdf", _arrests(80))
    p, = find_ruleless(read_page(pdfium.PdfDocument(str(path)), 0), "pdfium", [])
    assert (p.caption.number, p.caption.title) == ("1", "Arrests by Sex and Age: 2009")
    assert (p.ncols, p.header_rows) == (10, 2)
    g = _grid(p)
    assert g[0] == ["Offense charged"] + GROUPS
    assert [c.colspan for c in sorted(p.cells, key=lambda c: c.col) if c.row == 0] == [1, 3, 3, 3]
    assert g[1] == LEAVES * 3
    assert g[2:] == ARRESTS
    t, = read_document(path).tables
    assert (t.number, t.title) == ("1", "Arrests by Sex and Age: 2009")
    assert [r.texts() for r in t.rows][-len(ARRESTS):] == ARRESTS


@pytest.mark.xfail(strict=True, reason="stitch.header_row_count takes a first header row whose first cells "
                                       "read 'Total' (a group header) for a total row: the header becomes body rows")
def test_multilevel_header_names_the_columns(tmp_path):
    t, = read_document(_page(tmp_path / "arrests.pdf", _arrests(80))).tables
    assert t.columns == ["Offense charged"] + [f"{g} {leaf}" for g in GROUPS for leaf in LEAVES]
    assert [r.texts() for r in t.rows] == ARRESTS


# --- 3. the public test PDFs of tabula-py, when the benchmark cache holds them -----------


def _resources() -> Path:
    from benchmarks.public_tables import SDIST_DIR, default_dir

    res = default_dir() / SDIST_DIR / "tests" / "resources"
    if not (res / "campaign_donors.pdf").is_file():
        pytest.skip("tabula-py's test PDFs are not in the benchmark cache (python benchmarks/public_tables.py)")
    return res


def test_campaign_donors():
    """No caption, a bold header, seven columns; 'VALSANGIACOMO BLANC' runs into the
    Nombre column. The CSV's last row is the page footer ("ANEXO I-A-1 Página 12 de
    14", below the table on the page), no row of the table."""
    res = _resources()
    expected = [row[1:] for row in csv.reader(open(res / "campaign_donors.csv", encoding="utf-8"))]
    assert expected[-1][4:] == ["ANE", "XO I-A-1 Págin", "a 12 de 14"]
    t, = read_document(res / "campaign_donors.pdf").tables
    assert [t.columns] + [r.texts() for r in t.rows] == expected[:-1]


def test_multicolumn():
    """Two blocks of three columns side by side (1-24 and 25-44): every row of the CSV
    is read, in its two halves."""
    res = _resources()
    expected = list(csv.reader(open(res / "MultiColumn.csv", encoding="utf-8")))
    t, = read_document(res / "MultiColumn.pdf").tables
    rows = [r.texts() for r in t.rows]
    assert [r[:3] for r in rows] + [r[3:] for r in rows if r[3]] == expected


def test_census_tables_read_by_the_ruleless_finder():
    """12s0324.pdf (no CSV; expected values from the rendered page): Table 324, ten
    value columns under Total / Male / Female over Total / Under 18 years / 18 years and
    over, and Table 325 under its caption and a headnote, read from the text alone (the
    rule-less finder given no ruled table)."""
    res = _resources()
    data = read_page(pdfium.PdfDocument(str(res / "12s0324.pdf")), 0)
    t324, t325 = find_ruleless(data, "pdfium", [])

    g = _grid(t324)
    assert t324.ncols == 10 and t324.header_rows == 2
    assert g[0] == ["Offense charged", "Total", "Male", "Female"]
    assert g[1] == LEAVES * 3
    assert g[2] == ARRESTS[0]
    assert g[4] == ["Murder and nonnegligent manslaughter", "10.0", "0.9", "9.1", "9.0", "0.9", "8.1", "1.1", "–",
                    "1.0"]
    assert g[-1] == ARRESTS[-1]
    assert t324.nrows - t324.header_rows == 32  # the offenses printed, Total to Runaways
    g = _grid(t325)
    assert (t325.caption.number, t325.caption.title) == ("325", "Arrests by Race: 2009")
    assert g[0] == ["Offense charged", "Total", "White", "Black", "American Indian/Alaskan Native",
                    "Asian Pacific Islander"]
    assert g[1] == ["Total", "10,690,561", "7,389,208", "3,027,153", "150,544", "123,656"]
    assert g[3] == ["Murder and nonnegligent manslaughter", "9,739", "4,741", "4,801", "100", "97"]


# --- 4. rows without a number under a caption: sub-items, not wrapped label lines --------

SUBITEMS = [
    ["I.", "Tugas Belajar", "", ""],
    ["", "a.", "S3", ""],
    ["", "", "Ekonomi", ""],
    ["", "", "Administrasi", ""],
    ["", "b.", "S2", "3"],
    ["", "", "Pendidikan Matematika dan Ilmu Pengetahuan Alam untuk SMA", "1"],
    ["", "", "Kedokteran", ""],
    ["", "", "Ilmu Hukum", "2"],
]
LABEL_RIGHT = 290.0  # the label column's text ends here at most: a longer label wraps


def _wrap(text: str, x: float, size: float) -> list[str]:
    """Greedy line breaking at LABEL_RIGHT, as a word processor sets a cell."""
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and x + stringWidth(trial, PLAIN, size) > LABEL_RIGHT:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    return lines + [cur]


def test_rows_without_numbers_are_rows(tmp_path):
    """Sub-items without a value ("Ekonomi", "Administrasi" under "a. S3") are rows of
    their own: the line above stops short where their first word would have fit, so
    they are no wrapped continuation; a label that wraps (its next word did not fit)
    stays one row, its number on its last line."""
    size = 8.0
    items = [(60, 100, "Tabel 3.53 Rekapitulasi Tugas Belajar Pegawai", BOLD, 10, "l"),
             (62, 120, "No", BOLD, size, "l"), (150, 120, "Uraian", BOLD, size, "l"), (400, 120, "Jumlah", BOLD, size, "r")]
    y = 130.0
    for no, letter, label, value in SUBITEMS:
        y += 10
        if no:
            items += [(62, y, no, BOLD, size, "l"), (85, y, letter, BOLD, size, "l")]  # a section label
            continue
        if letter:
            items.append((85, y, letter, PLAIN, size, "l"))
        x = 105.0 if letter else 114.0
        lines = _wrap(label, x, size)
        for j, s in enumerate(lines):
            items.append((x, y + 10 * j, s, PLAIN, size, "l"))
        if value:
            items.append((400, y + 10 * (len(lines) - 1), value, PLAIN, size, "r"))
        y += 10 * (len(lines) - 1)
    assert len(_wrap(SUBITEMS[5][2], 114.0, size)) == 2  # the premise: that label wraps
    t, = read_document(_page(tmp_path / "sub.pdf", items)).tables
    assert t.number == "3.53"
    assert [r.texts() for r in t.rows] == SUBITEMS


# --- 5. a captioned table of one row with fewer than three numbers -------------------------


def _one_row(caption: bool) -> list:
    items = [(60, 80, PROSE, PLAIN, 11, "l"), (60, 95, "commission.", PLAIN, 11, "l")]
    if caption:
        items.append((100, 120, "Tabel 3.43 Keadaan PNS berdasarkan Jenis Kelamin Tahun 2024", BOLD, 10, "l"))
    items += [(236, 136, "Tahun", BOLD, 8, "l"), (272, 136, "Perempuan", BOLD, 8, "l"), (327, 136, "Laki-laki", BOLD, 8, "l"),
              (257, 146, "2024", PLAIN, 8, "r"), (316, 146, "5390", PLAIN, 8, "r"), (360, 146, "5302", PLAIN, 8, "r"),
              (60, 170, PROSE, PLAIN, 11, "l")]
    return items


def test_captioned_table_of_one_row_with_two_numbers(tmp_path):
    """Under its caption, a bold header over one row ("2024 | 5390 | 5302", the year in
    the first cell) is a table; the same lines without a caption are none (too little
    evidence in body text)."""
    t, = read_document(_page(tmp_path / "one.pdf", _one_row(True))).tables
    assert (t.number, t.columns) == ("3.43", ["Tahun", "Perempuan", "Laki-laki"])
    assert [r.texts() for r in t.rows] == [["2024", "5390", "5302"]]
    assert read_document(_page(tmp_path / "none.pdf", _one_row(False))).tables == []


# --- 6. the last row of a table alone on the next page, under the repeated header --------

PENSIONS = [["1", "Pensiun Batas Usia Pensiun (BUP)", "199", "199"],
            ["2", "Pensiun Atas Permintaan Sendiri (APS)", "1", "0"],
            ["3", "Pensiun Meninggal Dunia Aktif (MDA)", "0", "56"],
            ["4", "Pemberhentian lainnya", "0", "2"]]
TOTAL = ["", "JUMLAH", "200", "257"]


def _pension_header(top: float) -> list:
    return [(452, top, "2024", BOLD, 8, "l"), (82, top + 5, "No", BOLD, 8, "l"), (238, top + 5, "Uraian", BOLD, 8, "l"),
            (413, top + 10, "Rencana", BOLD, 8, "l"), (476, top + 10, "Realisasi", BOLD, 8, "l")]


def _pension_row(row: list, y: float) -> list:
    no, label, a, b = row
    items = [(108, y, label, BOLD if label == "JUMLAH" else PLAIN, 8, "l"),
             (456, y, a, BOLD if label == "JUMLAH" else PLAIN, 8, "r"), (519, y, b, BOLD if label == "JUMLAH" else PLAIN, 8, "r")]
    return ([(85, y, no, PLAIN, 8, "l")] if no else []) + items


def test_last_row_alone_under_the_repeated_header(tmp_path):
    """A rule-less table whose total row the page break sends to the next page, under
    the header Word repeats there, then prose: one table with that row, not a row lost."""
    path = tmp_path / "two.pdf"
    c = canvas.Canvas(str(path), pagesize=(595.0, H))
    pages = [[(72, 600, "Tabel 3.37 Rekapitulasi Pensiun Tahun 2024", BOLD, 10, "l")] + _pension_header(616)
             + [it for k, row in enumerate(PENSIONS) for it in _pension_row(row, 640 + 9.2 * k)],
             _pension_header(70) + _pension_row(TOTAL, 89) + [(71, 112, PROSE, PLAIN, 11, "l"), (71, 127, PROSE, PLAIN, 11, "l")]]
    for items in pages:
        for x, y, s, font, size, align in items:
            c.setFont(font, size)
            (c.drawRightString if align == "r" else c.drawString)(x, H - y, s)
        c.showPage()
    c.save()
    t, = read_document(path).tables
    assert (t.number, t.pages) == ("3.37", [1, 2])
    assert t.columns == ["No", "Uraian", "2024 Rencana", "2024 Realisasi"]
    assert [r.texts() for r in t.rows] == PENSIONS + [TOTAL]
