"""What every rule kind shares: the check context and the finding builder."""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from decimal import Decimal

from lkip_audit.check.catalogue import Rule
from lkip_audit.check.config import CheckConfig
from lkip_audit.check import numeric
from lkip_audit.extract.model import Cell, Document
from lkip_audit.findings import Finding, Location
from lkip_audit.numbers import ParsedNumber
from lkip_audit.understand.model import AnalyzedTable, ColumnRole, RowInfo, Understanding

LABEL_FIELDS = ("sub_kegiatan", "kegiatan", "indikator", "program", "uraian", "sasaran")
NUMBER_KINDS = ("number", "percent")


@dataclass
class Ctx:
    doc: Document | None
    understanding: Understanding | None
    config: CheckConfig
    table_order: dict[str, int] = field(default_factory=dict)
    order: dict[int, tuple] = field(default_factory=dict)  # id(finding) -> sort key

    @property
    def mode(self) -> str:
        return self.config.rounding

    @property
    def lang(self) -> str:
        return self.config.lang

    def consistent(self, p: ParsedNumber, computed: Decimal) -> bool:
        return numeric.consistent(p, computed, self.mode, self.config.tolerance)

    def overlaps(self, p: ParsedNumber, low: Decimal, high: Decimal) -> bool:
        return numeric.overlaps(p, low, high, self.mode, self.config.tolerance)

    def fmt(self, value: Decimal | None, decimals: int, parens: bool = False) -> str | None:
        return numeric.fmt(value, decimals, self.mode, parens)

    def scale(self, name: str):
        over = getattr(self.config, name, None)
        if over is not None:
            return over
        if self.understanding is not None:
            return (self.understanding.scales or {}).get(name)
        return None

    # -- findings ----------------------------------------------------------

    def finding(
        self,
        rule: Rule,
        at: AnalyzedTable | None,
        row: int | None,
        col: ColumnRole | int | None,
        *,
        expected: str | None,
        actual: str | None,
        fields: dict | None = None,
        related: list[Location] | tuple = (),
        detail: dict | None = None,
        variant: str | None = None,
        page: int | None = None,
    ) -> Finding:
        cell = cell_at(at, row, col) if at is not None else None
        rlabel = row_label(at, row) if at is not None and row is not None else None
        clabel = col_label(at, col) if at is not None else None
        if page is None:
            if cell is not None and not cell.is_empty:
                page = cell.page
            elif at is not None and row is not None:
                page = at.table.rows[row].page
            elif at is not None and at.table.pages:
                page = at.table.pages[0]
        all_fields = {
            "table": at.table.label if at is not None else "",
            "row": rlabel or "",
            "column": clabel or "",
            "expected": expected if expected is not None else "",
            "actual": actual if actual is not None else "",
            "page": page if page is not None else "",
        }
        all_fields.update(fields or {})
        f = Finding(
            rule=rule.id,
            severity=rule.severity,
            message=rule.render(self.lang, variant, **all_fields),
            page=page,
            table=at.table.number if at is not None else None,
            row=rlabel,
            column=clabel,
            expected=expected,
            actual=actual,
            related=list(related),
            table_id=at.table.id if at is not None else None,
            bbox=cell.bbox.as_list() if cell is not None and cell.bbox is not None else None,
            detail=dict(detail or {}),
            row_index=row if isinstance(row, int) else None,
            table_key=at.table.key if at is not None else None,
            column_index=(col if isinstance(col, int) else (col.index if col is not None else None)),
        )
        tpos = self.table_order.get(at.table.id, 10**6) if at is not None else -1
        cpos = col if isinstance(col, int) else (col.index if col is not None else -1)
        self.order[id(f)] = (page or 0, tpos, row if row is not None else -1, cpos, rule.id, f.message)
        return f

    def location(self, at: AnalyzedTable, row: int, col: ColumnRole | int | None) -> Location:
        cell = cell_at(at, row, col)
        return Location(
            page=cell.page if cell is not None else at.table.rows[row].page,
            table=at.table.number,
            row=row_label(at, row),
            column=col_label(at, col),
            value=numeric.shown(cell.number) if cell is not None else None,
            table_id=at.table.id,
            bbox=cell.bbox.as_list() if cell is not None and cell.bbox is not None else None,
        )


def _norm(s: str | None) -> str:
    return " ".join((s or "").split())


def row_info(at: AnalyzedTable, row: int) -> RowInfo | None:
    for ri in at.rows:
        if ri.index == row:
            return ri
    return None


def row_infos(at: AnalyzedTable) -> dict[int, RowInfo]:
    return {ri.index: ri for ri in at.rows if 0 <= ri.index < len(at.table.rows)}


def row_label(at: AnalyzedTable, row: int) -> str | None:
    ri = row_info(at, row)
    if ri is not None and _norm(ri.label):
        return _norm(ri.label)
    cells = at.table.rows[row].cells
    for name in LABEL_FIELDS:
        for c in at.cols(name):
            if c.index < len(cells) and _norm(cells[c.index].text):
                return _norm(cells[c.index].text)
    skip = {c.index for c in at.columns if c.field == "no"}
    for i, cell in enumerate(cells):
        if i not in skip and cell.number.kind == "text" and _norm(cell.text):
            return _norm(cell.text)
    return None


def col_label(at: AnalyzedTable, col: ColumnRole | int | None) -> str | None:
    if col is None:
        return None
    if isinstance(col, ColumnRole):
        if _norm(col.label):
            return _norm(col.label)
        col = col.index
    cols = at.table.columns
    if 0 <= col < len(cols) and _norm(cols[col]):
        return _norm(cols[col])
    for c in at.columns:
        if c.index == col and _norm(c.label):
            return _norm(c.label)
    return None


def cell_at(at: AnalyzedTable, row: int | None, col: ColumnRole | int | None) -> Cell | None:
    if row is None or col is None or not (0 <= row < len(at.table.rows)):
        return None
    idx = col.index if isinstance(col, ColumnRole) else col
    cells = at.table.rows[row].cells
    return cells[idx] if 0 <= idx < len(cells) else None


def number(cell: Cell | None) -> ParsedNumber | None:
    """The parsed number of a cell when it holds one, else None."""
    if cell is None:
        return None
    p = cell.number
    return p if p.kind in NUMBER_KINDS and p.value is not None else None


def state(cell: Cell | None) -> str:
    """number | empty | range | malformed | text."""
    if cell is None:
        return "empty"
    p = cell.number
    if p.kind in NUMBER_KINDS and p.value is not None:
        return "number"
    if p.kind in ("empty",) or cell.is_empty:
        return "empty"
    if p.kind == "range":
        return "range"
    if p.kind == "malformed":
        return "malformed"
    return "text"


def same_group(at: AnalyzedTable, name: str, group: str | None) -> ColumnRole | None:
    """The column for `name` in `group`; falls back to the only ungrouped/unique one."""
    c = at.col(name, group) if group is not None else None
    if c is not None:
        return c
    cands = at.cols(name)
    if group is None:
        if len(cands) <= 1:
            return cands[0] if cands else None
        # Several columns for the field (quarters TW I-IV, years): an ungrouped one, or
        # the total over the groups; anything else is ambiguous and is not guessed.
        plain = [x for x in cands if x.group is None]
        if len(plain) == 1:
            return plain[0]
        totals = [x for x in cands if (x.group or "").upper() in ("JUMLAH", "TOTAL", "TAHUNAN", "SETAHUN")]
        return totals[0] if len(totals) == 1 else None
    ungrouped = [x for x in cands if x.group is None]
    if len(ungrouped) == 1:
        return ungrouped[0]
    if len(cands) == 1 and not _other_year(cands[0].group, group):
        return cands[0]
    return None


def _other_year(a: str | None, b: str | None) -> bool:
    """Both groups name a year, and not the same one (capaian 2015 is not target 2016's)."""
    ya, yb = (re.findall(r"\b(?:19|20)\d\d\b", g or "") for g in (a, b))
    return bool(ya) and bool(yb) and not set(ya) & set(yb)


def data_rows(at: AnalyzedTable, roles=("body", "parent", "total")) -> list[int]:
    infos = row_infos(at)
    out = []
    for i in range(len(at.table.rows)):
        ri = infos.get(i)
        role = ri.role if ri is not None else "body"
        if role in roles:
            out.append(i)
    return out


def applies(rule: Rule, at: AnalyzedTable) -> bool:
    kinds = rule.params.get("table_kinds")
    return not kinds or at.kind in kinds


def norm_unit(p: ParsedNumber) -> str | None:
    u = (p.unit or "").strip().lower()
    if not u or u == "%" or p.kind == "percent":
        return None
    return " ".join(u.split())
