"""The typed document model produced by the extract stage.

Small, explicit objects in the spirit of pdfplumber's: a Document has Pages and
Tables; a Table has header rows and body Rows of Cells; every Cell knows the
page it was printed on, its position there and its parsed value. Later stages
read these objects and never reach back into the PDF.

Coordinates are PDF points with the origin at the top-left of the page
(pdfplumber's convention): ``x0, top, x1, bottom``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from lkip_audit.numbers import ParsedNumber, parse_number


@dataclass(frozen=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: "BBox") -> "BBox":
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2)]


@dataclass(frozen=True)
class Word:
    text: str
    bbox: BBox
    bold: bool = False


@dataclass
class Cell:
    """One table cell as printed, with provenance."""

    text: str
    page: int  # 1-based page number
    bbox: BBox | None = None
    ocr: bool = False  # the text came from OCR, not from the PDF's text layer
    _number: ParsedNumber | None = field(default=None, repr=False, compare=False)

    @property
    def number(self) -> ParsedNumber:
        """The parsed value; parsed lazily and cached."""
        if self._number is None:
            self._number = parse_number(self.text)
        return self._number

    @property
    def value(self) -> Decimal | None:
        return self.number.value

    @property
    def unit(self) -> str | None:
        return self.number.unit

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass
class Row:
    """A body row. ``index`` is 0-based among the table's body rows."""

    index: int
    cells: list[Cell]
    bold: bool = False  # most of the row's text is set in a bold font
    indent: float = 0.0  # x of the first text in the label column, relative to the column's left edge

    @property
    def page(self) -> int:
        pages = [c.page for c in self.cells if not c.is_empty]
        return min(pages) if pages else self.cells[0].page

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    """A table found in the document, stitched over pages when it continues."""

    id: str  # stable within a document: "p57-t1" (page and order of the first piece)
    number: str | None  # caption number as printed, "3.20"; None when uncaptioned
    title: str  # caption text after the number, whitespace-normalised
    pages: list[int]  # every page a piece of the table is on, ascending
    columns: list[str]  # column labels, flattened from multi-row headers: "RENCANA ANGGARAN"
    header_rows: list[list[Cell]]
    rows: list[Row]
    caption_position: str | None = None  # "above" | "below" | None
    bbox: BBox | None = None  # of the first piece, on pages[0]
    extractor: str = "pdfplumber-lines"  # which method found it (visible in debug output)
    notes: list[str] = field(default_factory=list)  # stitching and extraction remarks

    @property
    def label(self) -> str:
        """How the table is named in messages: its number, or its id."""
        return self.number or self.id

    @property
    def key(self) -> str:
        """A page-independent name: the caption number, else a digest of the column
        labels and the first row's text (stable when pages move in a new draft)."""
        if self.number:
            return self.number
        first = " ".join(c.text for c in self.rows[0].cells) if self.rows else ""
        basis = "\x1f".join(self.columns) + "\x1e" + " ".join(first.lower().split())
        return "~" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:10]

    def column(self, index: int) -> list[Cell]:
        return [r.cells[index] for r in self.rows if index < len(r.cells)]


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    text: str
    words: list[Word] = field(default_factory=list)
    has_text: bool = True  # False for image-only (scanned) pages
    rotation: int = 0
    problem: str | None = None  # why this page could not be read, when it could not


@dataclass
class PageProblem:
    """A page that could not be (fully) checked: scanned, damaged, timed out."""

    page: int
    reason: str  # "image-only" | "damaged" | "timeout" | "too-complex" | "memory" | "ocr-..."
    detail: str = ""


@dataclass
class Document:
    path: str
    sha256: str
    page_count: int
    pages: list[Page]
    tables: list[Table]
    instansi: str | None = None
    tahun: int | None = None
    problems: list[PageProblem] = field(default_factory=list)
    # A Word input (extract/docx.py): {"kind": "docx", "tables": {table id: [section path, heading]},
    # "paragraphs": [[page, line, number, section path, heading], ...]}; empty for a PDF.
    outline: dict = field(default_factory=dict)

    def table(self, number: str) -> Table | None:
        for t in self.tables:
            if t.number == number:
                return t
        return None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)
