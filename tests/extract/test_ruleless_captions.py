"""Captions of rule-less tables (issue #11): a sentence between the caption and its table,
a caption set below its table. The PDFs are drawn here with reportlab; expected values are
the texts the test draws."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from lkip_audit.extract.pdf import read_document

H = 842.0


def _page(path: Path, items: list[tuple[float, float, str, int]]) -> Path:
    """One A4 page; items: (x, baseline from the top, text, font size)."""
    c = canvas.Canvas(str(path), pagesize=(595.0, H))
    for x, y, s, size in items:
        c.setFont("Helvetica-Bold" if s.startswith("Tabel") else "Helvetica", size)
        c.drawString(x, H - y, s)
    c.showPage()
    c.save()
    return path


PROSE = ("Capaian kinerja sasaran strategis tersebut dapat dilihat pada tabel berikut ini yang "
         "disusun dari data")
ROWS = [("1", "Penyediaan Gaji dan Tunjangan ASN", "21.577.670.000", "20.813.698.871", "96,46"),
        ("2", "Penyediaan Administrasi Pelaksanaan", "381.109.750", "351.037.405", "92,11")]


def _table(top: float) -> list[tuple[float, float, str, int]]:
    """A rule-less table: header NO | KEGIATAN | ANGGARAN | REALISASI | %, two rows, the
    numbers right-aligned (drawn at their right edge by width estimate: 4.4 pt a digit)."""
    out = [(72, top, "NO", 8), (100, top, "KEGIATAN", 8), (300, top, "ANGGARAN", 8),
           (390, top, "REALISASI", 8), (480, top, "%", 8)]
    for i, row in enumerate(ROWS):
        y = top + 14 * (i + 1)
        out += [(72, y, row[0], 8), (100, y, row[1], 8)]
        for right, text in zip((360, 450, 500), row[2:]):
            out.append((right - 4.45 * len(text), y, text, 8))
    return out


def _check(t):
    assert t.columns == ["NO", "KEGIATAN", "ANGGARAN", "REALISASI", "%"]
    assert [r.texts() for r in t.rows] == [list(r) for r in ROWS]


def test_sentence_between_caption_and_table(tmp_path):
    items = [(72, 100, "Tabel 3.2 Realisasi Anggaran Tahun 2024", 10),
             (72, 125, PROSE, 11), (72, 140, "sekretariat.", 11)] + _table(165)
    doc = read_document(_page(tmp_path / "s.pdf", items))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert (t.number, t.caption_position) == ("3.2", "above")
    _check(t)


def test_caption_below_a_short_table(tmp_path):
    """Two body rows, no rule: without a caption too little evidence for a table (three
    aligned rows), with the caption right below it a table."""
    items = [(72, 80, PROSE, 11)] + _table(110) + [(72, 160, "Tabel 3.3 Realisasi Anggaran Tahun 2024", 10),
                                                    (72, 190, PROSE, 11)]
    doc = read_document(_page(tmp_path / "b.pdf", items))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert (t.number, t.caption_position) == ("3.3", "below")
    _check(t)
