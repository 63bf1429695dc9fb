"""Table structure on small PDFs drawn here with reportlab (issue #11): shading,
header rows, section rows. Expected values are the texts the test itself draws."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.pdfgen import canvas

from lkip_audit.extract.pdf import read_document

H = 842.0  # A4 height; the tests think top-down like the extractor


class Sheet:
    """A one-page PDF drawn top-down."""

    def __init__(self, path: Path, landscape: bool = False):
        self.path = path
        self.c = canvas.Canvas(str(path), pagesize=(595.0, H))

    def line(self, x0, top, x1, bottom, width=0.5):
        self.c.setLineWidth(width)
        self.c.line(x0, H - top, x1, H - bottom)

    def fill(self, x0, top, x1, bottom, grey=0.8):
        self.c.setFillColor(Color(grey, grey, grey))
        self.c.rect(x0, H - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        self.c.setFillColor(Color(0, 0, 0))

    def text(self, x, baseline, s, size=9, font="Helvetica"):
        self.c.setFont(font, size)
        self.c.drawString(x, H - baseline, s)

    def grid(self, xs, ys):
        for y in ys:
            self.line(xs[0], y, xs[-1], y)
        for x in xs:
            self.line(x, ys[0], x, ys[-1])

    def save(self):
        self.c.showPage()
        self.c.save()
        return self.path


def test_shaded_header_cells_are_not_rules(tmp_path):
    # Word paints a shaded header cell as three filled rectangles (left and right
    # padding strips and the text area): their sides must not become columns.
    s = Sheet(tmp_path / "shade.pdf")
    s.text(60, 80, "Tabel 3.1 Pengukuran Kinerja", font="Helvetica-Bold")
    xs, ys = [60, 260, 340, 420, 500], [100, 125, 145, 165]
    for a, b in zip(xs, xs[1:]):
        s.fill(a + 0.5, 100.5, a + 5.5, 124.5)
        s.fill(a + 5.5, 100.5, b - 5.5, 124.5)
        s.fill(b - 5.5, 100.5, b - 0.5, 124.5)
    s.grid(xs, ys)
    for x, h in zip(xs, ["Indikator Kinerja", "Target", "Realisasi", "Capaian"]):
        s.text(x + 8, 116, h, font="Helvetica-Bold")
    for y, row in ((139, ["Persentase A", "25%", "20%", "80%"]), (159, ["Persentase B", "10", "12", "120%"])):
        for x, v in zip(xs, row):
            s.text(x + 30 if v[0].isdigit() else x + 8, y, v)
    doc = read_document(s.save())
    (t,) = doc.tables
    assert t.number == "3.1"
    assert t.columns == ["Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    assert [[c.text for c in r.cells] for r in t.rows] == [
        ["Persentase A", "25%", "20%", "80%"], ["Persentase B", "10", "12", "120%"]]


def test_table_of_shaded_cells_without_lines_is_still_found(tmp_path):
    # Cells drawn as coloured boxes separated by white gaps, no ruling line at all.
    s = Sheet(tmp_path / "tiles.pdf")
    xs, ys = [60, 260, 340, 420], [100, 125, 145, 165]
    for a, b in zip(xs, xs[1:]):
        for t_, u in zip(ys, ys[1:]):
            s.fill(a + 1, t_ + 1, b - 1, u - 1, grey=0.85)
    for x, h in zip(xs, ["URAIAN", "TARGET", "REALISASI"]):
        s.text(x + 8, 116, h, font="Helvetica-Bold")
    for y, row in ((139, ["Indikator A", "25", "20"]), (159, ["Indikator B", "10", "12"])):
        for x, v in zip(xs, row):
            s.text(x + 8, y, v)
    doc = read_document(s.save())
    (t,) = doc.tables
    assert t.columns == ["URAIAN", "TARGET", "REALISASI"]
    assert [c.text for c in t.rows[1].cells] == ["Indikator B", "10", "12"]


def test_full_width_section_row_is_not_header(tmp_path):
    s = Sheet(tmp_path / "section.pdf")
    xs, ys = [60, 260, 340, 420, 500], [100, 125, 145, 165, 185]
    for y in ys:
        s.line(xs[0], y, xs[-1], y)
    for x in xs:  # the section row (125-145) is one merged cell: no inner verticals there
        s.line(x, 100, x, 125)
        s.line(x, 145, x, 185)
    s.line(xs[0], 125, xs[0], 145)
    s.line(xs[-1], 125, xs[-1], 145)
    for x, h in zip(xs, ["INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]):
        s.text(x + 8, 116, h, font="Helvetica-Bold")
    s.text(68, 139, "MISI 1 : MEWUJUDKAN APARATUR YANG PROFESIONAL", font="Helvetica-Bold")
    for y, row in ((159, ["Indeks A", "80", "84", "105"]), (179, ["Indeks B", "70", "63", "90"])):
        for x, v in zip(xs, row):
            s.text(x + 8, y, v)
    doc = read_document(s.save())
    (t,) = doc.tables
    assert t.columns == ["INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]
    assert [c.text for c in t.rows[0].cells] == ["MISI 1 : MEWUJUDKAN APARATUR YANG PROFESIONAL", "", "", ""]
    assert [c.text for c in t.rows[2].cells] == ["Indeks B", "70", "63", "90"]


def _sideways_table(path: Path, angle: int) -> Path:
    """A ruled 3 x 3 table typeset sideways on a portrait page: the canvas turned by
    ``angle`` (90: text runs bottom to top; -90: top to bottom), as a landscape table
    pasted into a portrait report."""
    c = canvas.Canvas(str(path), pagesize=(595.0, H))
    if angle == 90:
        c.translate(595.0, 0)
    else:
        c.translate(0, H)
    c.rotate(angle)
    # In the turned frame: x runs along the page's height, y along its width (up).
    xs, ys = [60, 300, 420, 540], [500, 475, 455, 435]  # ys downward in the landscape view
    c.setLineWidth(0.5)
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    c.setFont("Helvetica-Bold", 9)
    for x, h in zip(xs, ["URAIAN", "TARGET", "REALISASI"]):
        c.drawString(x + 6, 484, h)
    c.setFont("Helvetica", 9)
    for y, row in ((462, ["Anggaran belanja", "2391", "2.145.070"]), (442, ["Indeks kepuasan", "80,5", "78,25"])):
        for x, v in zip(xs, row):
            c.drawString(x + 6, y, v)
    c.showPage()
    c.save()
    return path


def test_sideways_table_is_read_upright_both_ways(tmp_path):
    # The digits must come out in their order ("2391", never "1932"), rows as rows.
    for angle in (90, -90):
        doc = read_document(_sideways_table(tmp_path / f"side{angle}.pdf", angle))
        (t,) = doc.tables
        assert t.columns == ["URAIAN", "TARGET", "REALISASI"], angle
        assert [[c.text for c in r.cells] for r in t.rows] == [
            ["Anggaran belanja", "2391", "2.145.070"], ["Indeks kepuasan", "80,5", "78,25"]], angle
