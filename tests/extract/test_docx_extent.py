"""A Word document has no pages (issue #13): the console header and the summary line say how
many parts (chapters) it has, and say that it has no pages, instead of "N halaman".

The documents are built here with python-docx; the expected counts are the chapters the test
wrote (each "BAB ..." heading starts a part)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from rich.console import Console  # noqa: E402

from lkip_audit.extract.docx import extent, is_word_document, read_word  # noqa: E402
from lkip_audit.extract.model import Document  # noqa: E402
from lkip_audit.report.text import render_text, summary_line  # noqa: E402


def three_chapters(tmp_path: Path) -> str:
    d = docx.Document()
    for title in ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA"):
        d.add_heading(title, level=1)
        d.add_paragraph("Isi bab ini.")
    path = tmp_path / "draf.docx"
    d.save(str(path))
    return str(path)


def test_word_summary_line_counts_parts_not_pages(tmp_path):
    doc = read_word(three_chapters(tmp_path))
    assert is_word_document(doc)
    line = summary_line(doc, [], "id", path="draf.docx")
    # three chapters written above: three parts, and no page count at all
    assert line == "draf.docx: 0 galat, 0 peringatan, 0 info; 0 tabel, 3 bagian (dokumen Word, tanpa halaman)"
    assert "halaman" not in line.replace("tanpa halaman", "")
    en = summary_line(doc, [], "en", path="draf.docx")
    assert en.endswith("0 tables, 3 parts (a Word document has no pages)")
    assert extent(doc, "id") == ("Bagian", "3 (dokumen Word, tanpa halaman)")


def test_word_console_header_says_parts(tmp_path):
    doc = read_word(three_chapters(tmp_path))
    out = io.StringIO()
    render_text(Console(file=out, width=200, color_system=None), doc, [], 31, "id", path="draf.docx")
    text = out.getvalue()
    assert "Bagian: 3 (dokumen Word, tanpa halaman)" in text
    assert "Halaman:" not in text


def test_pdf_summary_line_still_counts_pages():
    doc = Document(path="laporan.pdf", sha256="0" * 64, page_count=98, pages=[], tables=[])
    assert not is_word_document(doc)
    assert summary_line(doc, [], "id", path="laporan.pdf") == "laporan.pdf: 0 galat, 0 peringatan, 0 info; 0 tabel, 98 halaman"
    assert extent(doc, "en") == ("Pages", "98")


def test_markdown_and_xlsx_reports_say_parts_for_a_word_document(tmp_path):
    import openpyxl

    from lkip_audit.report import markdown, xlsx
    from lkip_audit.report.base import ReportInput

    doc = read_word(three_chapters(tmp_path))
    ri = ReportInput(path="draf.docx", document=doc, findings=[])
    text = markdown.render(ri)
    assert "| Bagian | 3 (dokumen Word, tanpa halaman) |" in text
    assert "| Halaman |" not in text
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(ri)))
    values = [tuple(r) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)]
    assert ("Bagian", "3 (dokumen Word, tanpa halaman)") in [v[:2] for v in values]
    # a PDF keeps its page count as a number
    pdf = Document(path="laporan.pdf", sha256="0" * 64, page_count=98, pages=[], tables=[])
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(ReportInput(path="laporan.pdf", document=pdf, findings=[]))))
    values = [tuple(r) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)]
    assert ("Halaman", 98) in [v[:2] for v in values]
    assert "| Halaman | 98 |" in markdown.render(ReportInput(path="laporan.pdf", document=pdf, findings=[]))
