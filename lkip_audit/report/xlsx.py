"""XLSX "Kertas Kerja Reviu": the Inspektorat's review working paper.

Sheet 1: one row per finding (No, Halaman, Tabel, Baris, Kolom, Nilai tercetak,
Nilai seharusnya, Kode aturan, Uraian, and an empty Tanggapan column for the
agency's reply), frozen header, filters, widths that fit the content. Sheet 2:
the document summary. Printed values stay text, exactly as printed ("99,24"),
so Excel does not reinterpret them. Written with openpyxl.
"""

from __future__ import annotations

import io
from datetime import datetime

from lkip_audit import __version__
from lkip_audit.i18n import t
from lkip_audit.report.base import ReportInput, word_location
from lkip_audit.extract.docx import is_word_document, word_table, word_table_name
from lkip_audit.report.strings import s

COLUMNS = ("col.no", "col.page_full", "col.table", "col.row", "col.column", "col.printed_full",
           "col.expected_full", "col.rule_code", "col.reason", "col.response")
MAX_WIDTH = {"col.row": 45, "col.reason": 70, "col.response": 40, "col.column": 25}
FIXED_TIME = datetime(2000, 1, 1)  # no wall-clock time in the file: same input, same workbook


def header(lang: str, word: bool = False) -> list[str]:
    """The column titles; ``word``: a Word draft's second column holds its place in Word
    ("Bab III > 3.1 > Tabel 3, baris 4"), not a page."""
    return [t("word.location_column", lang) if word and k == "col.page_full" else s(k, lang) for k in COLUMNS]


def _sanitize(v):
    """Drop control characters XML cannot hold."""
    if isinstance(v, str):
        return "".join(c for c in v if c in "\t\n" or ord(c) >= 0x20)
    return v


def _as_text(ws) -> None:
    """Cell text from the document is data, never a formula (openpyxl reads a leading '=' as one)."""
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"


def render(ri: ReportInput) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = ri.lang
    wb = Workbook()
    wb.properties.creator = f"lkip-audit {__version__}"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = s("sheet.review", lang)[:31]
    word = is_word_document(ri.document)
    ws.append(header(lang, word))
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    for c in ws[1]:
        c.font = bold
        c.fill = fill
        c.alignment = Alignment(vertical="center", wrap_text=True)
    for i, f in enumerate(ri.findings, start=1):
        table = f.table or word_table_name(None, word_table(ri.document, f.table_id)[2], lang) or \
            (f"({t('table.none', lang)}, {f.table_id})" if f.table_id else "")
        ws.append([_sanitize(x) for x in (
            i, f.page if f.page is not None else word_location(f, lang, ri.document), table, f.row or "", f.column or "", f.actual if f.actual is not None else "",
            f.expected if f.expected is not None else "", f.rule, f.message, None)])
    _as_text(ws)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = wrap if c.column in (4, 5, 9, 10) or (word and c.column == 2) else top
            if c.column in (6, 7):
                c.number_format = "@"
    for idx, key in enumerate(COLUMNS, start=1):
        letter = get_column_letter(idx)
        longest = max((len(str(c.value)) for c in ws[letter] if c.value is not None), default=4)
        ws.column_dimensions[letter].width = min(max(longest + 2, 6), MAX_WIDTH.get(key, 30))
    ws.column_dimensions[get_column_letter(len(COLUMNS))].width = MAX_WIDTH["col.response"]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    sm = wb.create_sheet(s("sheet.summary", lang)[:31])
    doc, c = ri.document, ri.counts()
    from lkip_audit.extract.docx import extent  # a Word document has parts, not pages
    rows = [
        (t("header.document", lang), ri.path),
        (t("header.instansi", lang), doc.instansi or ""),
        (t("header.tahun", lang), doc.tahun),
        extent(doc, lang) if is_word_document(doc) else (t("header.pages", lang), doc.page_count),
        (t("header.tables", lang), len(doc.tables)),
        (s("summary.total", lang), len(ri.findings)),
        (t("severity.error", lang), c.get("error", 0)),
        (t("severity.warning", lang), c.get("warning", 0)),
        (t("severity.info", lang), c.get("info", 0)),
        (s("summary.rules", lang), ", ".join(sorted(r.id for r in ri.rules))),
        *([] if word else [(s("summary.unchecked", lang), ", ".join(map(str, ri.unchecked_pages())) or "-")]),
        (s("summary.suppressed", lang), ri.suppressed),
        (s("summary.sha256", lang), doc.sha256),
        (s("summary.tool", lang), f"lkip-audit {__version__}"),
    ]
    for k, v in rows:
        sm.append([k, _sanitize(v)])
    _as_text(sm)
    for cell in sm["A"]:
        cell.font = bold
    sm.column_dimensions["A"].width = max(len(str(k)) for k, _ in rows) + 2
    sm.column_dimensions["B"].width = min(max(len(str(v)) for _, v in rows) + 2, 80)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
