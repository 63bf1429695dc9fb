"""Ruled tables with open outer sides (tables.close_open_sides): horizontal rules across
the whole table, vertical rules only between columns, none at the left and right edges
(LaTeX's ``|c|c|`` without the outer bars; tabula-py's data.pdf). The table's extent
comes from where its horizontal rules end, so the first and last columns are cells.

The synthetic tables are drawn here with reportlab; the expected cells are the texts
the test draws. The data.pdf test reads the public suite from the benchmark's cache
(benchmarks/public_tables.py) and compares with the suite's own expected CSV."""

from __future__ import annotations

import csv

import pytest

from lkip_audit.extract.pdf import read_document
from lkip_audit.extract.pdfium_source import open_document, read_page
from lkip_audit.extract.tables import close_open_sides
from tests.extract.test_structure import Sheet

CARS = [
    ["", "mpg", "cyl", "carb"],
    ["Mazda RX4", "21.0", "6", "4"],
    ["Datsun 710", "22.8", "4", "1"],
    ["Hornet Sportabout", "18.7", "8", "2"],
    ["Valiant", "18.1", "6", "1"],
]


def _all_rows(t) -> list[list[str]]:
    """Header rows and body rows alike: whether the first row is taken for a header is
    the stitcher's business, not the ruled finder's."""
    return [[c.text for c in h] for h in t.header_rows] + [r.texts() for r in t.rows]


def _open_sided(s: Sheet, xs: list[float], ys: list[float], rows: list[list[str]]) -> None:
    """Rules across [xs[0], xs[-1]] at every ys; verticals at the inner xs only."""
    for y in ys:
        s.line(xs[0], y, xs[-1], y)
    for x in xs[1:-1]:
        s.line(x, ys[0], x, ys[-1])
    for (top, bottom), row in zip(zip(ys, ys[1:]), rows):
        for (a, _b), text in zip(zip(xs, xs[1:]), row):
            if text:
                s.text(a + 4, bottom - 5, text)


def test_open_sided_table_keeps_its_first_and_last_columns(tmp_path):
    s = Sheet(tmp_path / "open.pdf")
    xs = [100, 200, 250, 290, 330]
    ys = [100 + 16 * i for i in range(len(CARS) + 1)]
    _open_sided(s, xs, ys, CARS)
    doc = read_document(s.save())
    (t,) = doc.tables
    assert t.extractor.endswith("-lines")
    assert _all_rows(t) == CARS


def test_one_inner_rule_is_enough(tmp_path):
    # Two columns, one rule between them, rules above and below each row (a "Sasaran |
    # description" table of an LKIP, open at both sides).
    rows = [["Sasaran I", "Meningkatnya inovasi daerah"], ["Sasaran II", "Meningkatnya kerjasama riset"]]
    s = Sheet(tmp_path / "two.pdf")
    _open_sided(s, [80, 160, 420], [200, 220, 240], rows)
    doc = read_document(s.save())
    found = [_all_rows(t) for t in doc.tables]
    assert rows in found


def test_closed_grid_with_overshooting_rules_gets_no_extra_column(tmp_path):
    # Every side drawn, the horizontal rules running 8 pt past the outer verticals with
    # nothing printed there: no empty column is added at either side.
    s = Sheet(tmp_path / "closed.pdf")
    xs = [100, 200, 250, 290, 330]
    ys = [100 + 16 * i for i in range(len(CARS) + 1)]
    for y in ys:
        s.line(xs[0] - 8, y, xs[-1] + 8, y)
    for x in xs:
        s.line(x, ys[0], x, ys[-1])
    for (top, bottom), row in zip(zip(ys, ys[1:]), CARS):
        for (a, _b), text in zip(zip(xs, xs[1:]), row):
            if text:
                s.text(a + 4, bottom - 5, text)
    doc = read_document(s.save())
    (t,) = doc.tables
    assert _all_rows(t) == CARS


def test_rows_without_rules_are_not_closed_into_one_cell(tmp_path):
    # A statistical abstract's layout: rules under the header and at the foot only,
    # a vertical rule between the label column and the figures; the body's six rows are
    # lines of text. Closing the left side would make one cell of all six labels.
    labels = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]
    s = Sheet(tmp_path / "abstract.pdf")
    xs = [100, 220, 300, 380]
    for y in (100, 116, 220):
        s.line(xs[0], y, xs[-1], y)
    for x in xs[1:-1]:
        s.line(x, 100, x, 220)
    for a, h in zip(xs, ["Item", "Total", "Male"]):
        s.text(a + 4, 111, h)
    for i, label in enumerate(labels):
        y = 130 + 14 * i
        s.text(104, y, label)
        s.text(224, y, f"{10 + i}.5")
        s.text(304, y, f"{20 + i}.0")
    path = s.save()
    page = read_page(open_document(path), 0)
    assert close_open_sides(page.edges, page.words) == []
    doc = read_document(path)
    assert not any(t.extractor.endswith("-lines") for t in doc.tables)


def test_open_sides_are_added_where_the_rules_end(tmp_path):
    s = Sheet(tmp_path / "open.pdf")
    xs = [100, 200, 250, 290, 330]
    ys = [100 + 16 * i for i in range(len(CARS) + 1)]
    _open_sided(s, xs, ys, CARS)
    page = read_page(open_document(s.save()), 0)
    sides = sorted((round(e["x0"]), round(e["top"]), round(e["bottom"])) for e in close_open_sides(page.edges, page.words))
    assert sides == [(100, ys[0], ys[-1]), (330, ys[0], ys[-1])]


# --- the public suite (skipped when the benchmark has not downloaded it) ---------------------


def _data_pdf():
    from benchmarks.public_tables import SDIST_DIR, default_dir

    res = default_dir() / SDIST_DIR / "tests" / "resources"
    if not (res / "data.pdf").exists():
        pytest.skip("public suite not in the cache: run python benchmarks/public_tables.py once")
    return res


def test_data_pdf_page_1_every_cell():
    res = _data_pdf()
    with open(res / "data_1.csv", newline="", encoding="utf-8") as f:
        want = [row for row in csv.reader(f)]
    doc = read_document(res / "data.pdf")
    (t,) = [t for t in doc.tables if t.pages == [1]]
    assert _all_rows(t) == want  # 12 columns (car names and carb included), 33 rows


def test_data_pdf_pages_2_and_3_keep_their_outer_columns():
    # Read off the rendered pages: the iris table's first column (Sepal.Length) and last
    # (Species); the second iris table's row numbers (145-150); the third table's "len".
    res = _data_pdf()
    doc = read_document(res / "data.pdf")
    by_page = {p: [_all_rows(t) for t in doc.tables if t.pages == [p]] for p in (2, 3)}
    first, second = by_page[2]
    assert first[0] == ["Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width", "Species"]
    assert first[1] == ["5.1", "3.5", "1.4", "0.2", "setosa"]
    assert second[-1] == ["150", "5.9", "3.0", "5.1", "1.8", "virginica"]
    (third,) = by_page[3]
    assert third[0] == ["len", "supp", "dose"] and third[-1] == ["22.5", "VC", "1.0"]
    assert len(third) == 16


# --- a real report (skipped when absent) --------------------------------------------------------


def test_real_report_open_left_side():
    # lkip_bp3iptek_2016.pdf p42 (rendered and read): under "Misi Kesatu", a table ruled
    # across its width with one vertical rule, after the "Sasaran" column, and no rule at
    # either side. Its first row is "Sasaran" | "Dalam upaya Meningkatkan Kajian dan
    # Analisis ..."; the "Misi Kedua : ..." row runs across both columns.
    from tests.real.shared import real_path

    doc = read_document(real_path("lkip_bp3iptek_2016.pdf"))
    (t,) = [t for t in doc.tables if t.pages[0] == 42]
    rows = _all_rows(t)
    assert rows[0][0] == "Sasaran"
    assert rows[0][1].startswith("Dalam upaya Meningkatkan Kajian dan Analisis untuk Kebijakan Pembangunan")
    assert rows[1][0].startswith("Misi Kedua : Meningkatkan pemanfaatan penelitian, pengembangan dan penerapan")
    assert len(rows[0]) == 2
