"""What Word does not print is not read (issue #13): text moved away under tracked changes
(w:moveFrom; it is printed once, at w:moveTo), deleted text (w:del), and hidden runs
(w:vanish). The documents are built here with python-docx; the expected texts are the ones
the test wrote as visible."""

from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from lkip_audit.extract.docx import read_word  # noqa: E402


def run(text: str, hidden: bool = False):
    r = OxmlElement("w:r")
    if hidden:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:vanish"))
        r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def wrapped(tag: str, text: str):
    w = OxmlElement(tag)
    w.set(qn("w:id"), "1")
    w.set(qn("w:author"), "Perencana")
    r = run(text)
    if tag == "w:del":  # deleted text is w:delText
        r.find(qn("w:t")).tag = qn("w:delText")
    w.append(r)
    return w


def test_moved_deleted_and_hidden_text_is_not_read(tmp_path):
    d = docx.Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    p = d.add_paragraph()
    p._p.append(run("Realisasi anggaran mencapai "))
    p._p.append(wrapped("w:del", "95,26% "))
    p._p.append(wrapped("w:ins", "96,20% "))
    p._p.append(wrapped("w:moveFrom", "pada tahun 2023 "))
    p._p.append(run("(catatan penyusun) ", hidden=True))
    p._p.append(run("dari target."))
    q = d.add_paragraph()
    q._p.append(wrapped("w:moveTo", "pada tahun 2023"))
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "URAIAN"
    t.cell(0, 1).text = "NILAI"
    t.cell(1, 0).text = "Program A"
    c = t.cell(1, 1).paragraphs[0]._p
    c.append(run("100"))
    c.append(run(" (cek lagi)", hidden=True))
    path = tmp_path / "draf.docx"
    d.save(str(path))
    doc = read_word(str(path))
    lines = doc.pages[0].text.splitlines()
    # what the test wrote as visible: the inserted value, no deleted one, the moved words once (at
    # their new place), no hidden note
    assert "Realisasi anggaran mencapai 96,20% dari target." in lines
    assert sum(line.count("pada tahun 2023") for line in lines) == 1
    assert not any("catatan penyusun" in line or "cek lagi" in line or "95,26" in line for line in lines)
    assert doc.tables[0].rows[0].texts() == ["Program A", "100"]


def wrap(el, tag: str):
    """Put ``el`` inside a content control (w:sdt/w:sdtContent) or a w:customXml, in place."""
    parent = el.getparent()
    i = parent.index(el)
    outer = OxmlElement(tag)
    inner = outer
    if tag == "w:sdt":
        inner = OxmlElement("w:sdtContent")
        outer.append(inner)
    parent.remove(el)
    inner.append(el)
    parent.insert(i, outer)


def test_content_controls_and_custom_xml_around_blocks_rows_cells_and_paragraphs(tmp_path):
    d = docx.Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    cap = d.add_paragraph("Tabel 3.1 Realisasi Anggaran")
    t = d.add_table(rows=4, cols=3)
    for r, values in enumerate([["URAIAN", "ANGGARAN", "REALISASI"], ["Program A", "100", "90"],
                                ["Program B", "50", "40"], ["JUMLAH", "150", "130"]]):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    row2, cell12, para31 = t.rows[2]._tr, t.cell(1, 2)._tc, t.cell(3, 1).paragraphs[0]._p
    wrap(cap._p, "w:customXml")  # the caption paragraph inside custom XML
    wrap(t._tbl, "w:sdt")  # the whole table inside a content control
    wrap(row2, "w:sdt")  # a row inside a content control
    wrap(cell12, "w:sdt")  # a cell inside a content control
    wrap(para31, "w:sdt")  # a paragraph inside a cell's content control
    path = tmp_path / "draf.docx"
    d.save(str(path))
    doc = read_word(str(path))
    assert len(doc.tables) == 1
    tb = doc.tables[0]
    # every value the test wrote is where it wrote it
    assert tb.number == "3.1" and tb.columns == ["URAIAN", "ANGGARAN", "REALISASI"]
    assert [r.texts() for r in tb.rows] == [["Program A", "100", "90"], ["Program B", "50", "40"],
                                            ["JUMLAH", "150", "130"]]
