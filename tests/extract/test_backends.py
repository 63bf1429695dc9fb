"""The PDFium page source against the pdfplumber reference.

Oracle: pdfplumber itself (pdfminer's layout parse), the reader the extract
stage was built and validated on (test_samples_extraction.py checks its tables
against the samples' source data). The PDFium source must give the same words,
the same ruling lines and, through the whole pipeline, the same tables.
"""

from __future__ import annotations

import re

import pdfplumber
import pypdfium2 as pdfium
import pytest
from pdfplumber import table as pt
from pdfplumber.utils import filter_edges

from lkip_audit.extract import pdfium_source
from lkip_audit.extract.pdf import read_document, ruling_edges
from lkip_audit.extract.tables import LINE_SETTINGS, intersections_to_cells

from tests.extract.conftest import SAMPLES, extracted

BKD = SAMPLES / "lkip-bkd-banten-2024.pdf"
DINKES = SAMPLES / "lkip-contoh-dinkes-2024.pdf"
STEMS = ["lkip-bkd-banten-2024", "lkip-contoh-dinkes-2024", "lkip-contoh-dinkes-2024-bersih"]

# pdfminer prints a glyph it cannot map to Unicode as "(cid:N)"; PDFium maps it
# (the bullets of the sample are "(cid:127)" in pdfplumber, "•" in PDFium).
_CID = re.compile(r"\(cid:\d+\)")


def _plumber_page(path, number):
    with pdfplumber.open(str(path)) as pdf:
        pp = pdf.pages[number - 1]
        words = pp.extract_words(extra_attrs=["fontname"], keep_blank_chars=False, use_text_flow=False)
        edges, _shading = ruling_edges(pp)
        return words, edges, pp.width, pp.height


def _pdfium_page(path, number):
    pdf = pdfium_source.open_document(path)
    try:
        return pdfium_source.read_page(pdf, number - 1)
    finally:
        pdf.close()


# BKD p.15: a ruled table and the start of a long one; dinkes p.13: a landscape
# page with an h-rule table; dinkes p.24: h-rule table plus ruled tables.
@pytest.mark.parametrize("path,number", [(BKD, 15), (BKD, 57), (DINKES, 13), (DINKES, 24)])
def test_words_and_edges_match_pdfplumber(path, number):
    words, edges, width, height = _plumber_page(path, number)
    data = _pdfium_page(path, number)
    assert (data.width, data.height) == (pytest.approx(float(width)), pytest.approx(float(height)))

    assert len(data.words) == len(words) > 50
    worst = 0.0
    for a, b in zip(data.words, words):
        if _CID.search(b["text"]):
            assert len(a["text"]) == len(_CID.sub("?", b["text"]))
        else:
            assert a["text"] == b["text"]
        assert a["fontname"] == b["fontname"]
        # pdfminer's char box is one em tall from the descent; PDFium's widths come
        # from its loose glyph box: within a point of each other.
        worst = max(worst, *(abs(a[k] - b[k]) for k in ("x0", "x1", "top", "bottom")))
    assert worst < 1.0

    def key(e):
        return (e["orientation"], round(e["x0"], 2), round(e["top"], 2), round(e["x1"], 2), round(e["bottom"], 2))

    assert sorted(map(key, data.edges)) == sorted(map(key, edges))
    assert len(edges) > 4


def test_fast_intersections_to_cells_equals_pdfplumber():
    """tables.intersections_to_cells is a faster copy of pdfplumber's: same cells on every page."""
    s = pt.TableSettings.resolve(LINE_SETTINGS)
    pdf = pdfium_source.open_document(BKD)
    compared = 0
    try:
        for i in range(len(pdf)):
            edges = pdfium_source.read_page(pdf, i).edges
            v, h = filter_edges(edges, "v", min_length=1), filter_edges(edges, "h", min_length=1)
            merged = filter_edges(pt.merge_edges(v + h, s.snap_x_tolerance, s.snap_y_tolerance,
                                                 s.join_x_tolerance, s.join_y_tolerance), min_length=3)
            points = pt.edges_to_intersections(merged, 3, 3)
            if points:
                assert intersections_to_cells(points) == pt.intersections_to_cells(points), f"page {i + 1}"
                compared += 1
    finally:
        pdf.close()
    assert compared > 50


def _tables(doc):
    return [(t.number, t.pages, t.columns, [r.texts() for r in t.rows], [r.bold for r in t.rows],
             [round(r.indent) for r in t.rows]) for t in doc.tables]


@pytest.mark.parametrize("stem", STEMS)
def test_same_tables_with_both_backends(stem):
    path = SAMPLES / f"{stem}.pdf"
    fast = extracted(path)  # the default backend, pdfium
    ref = read_document(path, backend="pdfplumber")
    assert len(fast.tables) == len(ref.tables) > 30
    assert _tables(fast) == _tables(ref)
    assert [t.extractor.replace("pdfium-", "pdfplumber-") for t in fast.tables] == [t.extractor for t in ref.tables]
    assert all(t.extractor.startswith("pdfium-") for t in fast.tables)
    assert fast.problems == ref.problems
    assert (fast.instansi, fast.tahun) == (ref.instansi, ref.tahun)


def _three_pages(tmp_path, rotate_middle=0):
    """BKD pages 10-12 (tables 2.1, 2.2, 2.3, one on each page) as a new PDF."""
    src = pdfium.PdfDocument(str(BKD))
    out = pdfium.PdfDocument.new()
    out.import_pages(src, [9, 10, 11])
    if rotate_middle:
        out[1].set_rotation(rotate_middle)
    path = tmp_path / "three.pdf"
    out.save(str(path))
    return path


def test_page_pdfium_cannot_read_goes_to_pdfplumber(tmp_path, monkeypatch):
    path = _three_pages(tmp_path)
    real = pdfium_source.read_page

    def failing(pdf, index):
        if index == 1:
            raise RuntimeError("simulated PDFium failure")
        return real(pdf, index)

    monkeypatch.setattr(pdfium_source, "read_page", failing)
    doc = read_document(path)
    # Each page's table was read by the source that read its page, and nothing was lost.
    assert [(t.number, t.pages, t.extractor) for t in doc.tables] == [
        ("2.1", [1], "pdfium-lines"), ("2.2", [2], "pdfplumber-lines"), ("2.3", [3], "pdfium-lines")]
    assert not doc.problems
    # Row counts as in the full sample (and its source data, see test_samples_extraction).
    full = {t.number: len(t.rows) for t in extracted(BKD).tables}
    assert [len(t.rows) for t in doc.tables] == [full["2.1"], full["2.2"], full["2.3"]]


def test_page_turned_for_display_is_read_in_its_own_space(tmp_path):
    # Upright text on a page whose /Rotate 90 turns it sideways (as a scanner or a tool
    # does): read where the text runs upright, like the same page without /Rotate.
    path = _three_pages(tmp_path, rotate_middle=90)
    (tmp_path / "plain").mkdir()
    plain = _three_pages(tmp_path / "plain")
    doc, ref = read_document(path), read_document(plain)
    assert doc.pages[1].rotation == 90
    assert doc.pages[1].text == ref.pages[1].text != ""
    assert [(t.number, t.pages, len(t.rows)) for t in doc.tables] == [
        (t.number, t.pages, len(t.rows)) for t in ref.tables]
    assert not doc.problems


def test_turned_text_goes_to_pdfplumber(tmp_path):
    # Text drawn turned a quarter (a landscape page in a portrait file, /Rotate turning it
    # back for display): PDFium's page space would read it sideways, so pdfplumber reads it.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "turned.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.translate(A4[0], 0)
    c.rotate(90)
    c.drawString(72, 72, "Realisasi Keuangan sebesar 95,07 persen")
    c.showPage()
    c.save()
    pdf = pdfium_source.open_document(path)
    try:
        with pytest.raises(pdfium_source.UnsupportedPage):
            page = pdf[0]
            page.set_rotation(90)
            pdfium_source.read_page(pdf, 0)
    finally:
        pdf.close()


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError):
        read_document(BKD, backend="camelot")
