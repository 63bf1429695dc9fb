"""Findings: the output of the check stage and the input of every renderer.

Every finding carries provenance: page, table, row, column, expected, actual.
A finding without a location is a bug.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Location:
    page: int | None
    table: str | None  # caption number "3.20" or None
    row: str | None  # row label as printed
    column: str | None  # column label as printed
    value: str | None = None  # the printed value there
    table_id: str | None = None  # internal id ("p57-t1"), for uncaptioned tables
    bbox: list[float] | None = None  # cell box on the page, PDF points, top-left origin

    def as_dict(self) -> dict:
        return {
            "page": self.page,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "table_id": self.table_id,
            "bbox": self.bbox,
        }


@dataclass
class Finding:
    rule: str
    severity: str
    message: str  # rendered in the run's language
    page: int | None
    table: str | None
    row: str | None
    column: str | None
    expected: str | None
    actual: str | None
    related: list[Location] = field(default_factory=list)
    table_id: str | None = None
    bbox: list[float] | None = None
    detail: dict = field(default_factory=dict)  # extra machine-readable facts (addends, formula, tie)
    row_index: int | None = None  # 0-based body row of the table (machine use: crops, tests)
    table_key: str | None = None  # page-independent table name (Table.key), for fingerprints
    column_index: int | None = None  # 0-based column of the table
    # A Word input has no pages (page is None): the heading path the finding stands under
    # ("Bab III > 3.1.2"), that heading's text, and for a narrative finding the paragraph number.
    section: str | None = None
    section_title: str | None = None
    paragraph: int | None = None

    def fingerprint(self) -> str:
        """Stable id of the finding, independent of page numbers (for baselines / SARIF)."""
        key = "\x1f".join(
            [self.rule, self.table or self.table_key or self.table_id or "", _fingerprint_text(self.row), _fingerprint_text(self.column)]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def sort_key(self):
        return (self.page or 0, self.table or "", self.table_id or "", self.row or "", self.rule, self.column or "")


def _fingerprint_text(s: str | None) -> str:
    """A row or column label as a baseline fingerprint keys it: lower-case, whitespace
    collapsed (no other normalising, so a fingerprint stays what earlier versions
    wrote). Not a label normaliser: those are understand/text.py's (``norm_label`` for
    the vocabulary, ``word_key`` for word-by-word comparison); this base module may not
    import the understand stage."""
    return " ".join((s or "").lower().split())
