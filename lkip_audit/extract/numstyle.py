"""A table printed with English number separators (1,234.5) is read as such.

DESIGN.md: English-formatted numbers appear in some reports; detect them by
pattern, never by locale guessing per cell. ``parse_number`` reads each cell on
its own, so a cell such as ``94.96`` is malformed in the Indonesian reading (a
dot followed by two digits is no thousands separator) although the table around
it prints ``1,234.5``. Here the pattern is taken from the whole table: when some
cells are unambiguously English-style and none unambiguously Indonesian-style,
every cell of the table is read with ``style="en"``. Mixed tables are left as
they are (their odd cells stay reported as malformed). OCR cells are never
re-read: their parsing stays strict (extract/ocr.py).

``settle_numbers`` is run by the pipeline on every document before it is
understood, fresh or from the cache (which keeps cell texts and ``Cell.ocr``,
not parsed values), so the decision rests only on what the document holds.
"""

from __future__ import annotations

from lkip_audit.extract.model import Document, Table
from lkip_audit.numbers import parse_number


def table_style(table: Table) -> str | None:
    """"en" when the table's unambiguous numbers are all English-style, "id" when all
    Indonesian-style, None when it has none or both."""
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell.ocr:
                continue
            style = cell.number.style
            if style in ("en", "id") and cell.number.kind != "malformed":
                seen.add(style)
    return seen.pop() if len(seen) == 1 else None


def apply_number_styles(doc: Document) -> None:
    for table in doc.tables:
        if table_style(table) != "en":
            continue
        for row in table.rows:
            for cell in row.cells:
                if cell.ocr:
                    continue
                en = parse_number(cell.text, "en")
                if en.kind != "malformed":
                    cell._number = en
        note = "numbers read with English separators (1,234.5): no cell of the table is Indonesian-style"
        if note not in table.notes:
            table.notes.append(note)


def settle_numbers(doc: Document) -> None:
    """Fix how each cell's number is read: OCR cells strictly, then table styles."""
    from lkip_audit.extract.ocr import strict_number

    for table in doc.tables:
        for cells in [*table.header_rows, *(r.cells for r in table.rows)]:
            for cell in cells:
                if cell.ocr:
                    cell._number = strict_number(cell.text)
    apply_number_styles(doc)
