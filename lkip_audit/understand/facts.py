"""Cell facts: what an understood document states about its items, one value per cell.

A pure function of the understood document (no I/O): every item row that
resolve.py ties to an indikator / sasaran / program / kegiatan / sub kegiatan, and
every column of it that holds a target, realisasi, capaian, anggaran or realisasi
anggaran, gives one ``Fact``: the item (kind and normalised name), the field, the
year the value is about (stage.column_year: "Realisasi 2023", "Capaian Tahun Lalu",
else the caption's or the report's year), the planning stage (stage.column_stage:
None for the year's own PK / DPA / result, "renstra", "murni", ...), the value as
printed and as a number, and where it is (page, table, row, column).

A column whose year is unclear (a header year that contradicts the caption: "#")
gives no fact: the store keeps only what can be compared.

    facts(doc, und) -> list[Fact]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkip_audit.extract.model import Document
from lkip_audit.understand.model import AnalyzedTable, Understanding
from lkip_audit.understand.resolve import CLASS_OF, normalise, resolve, ws
from lkip_audit.understand.stage import column_stage, column_year

# Column field (understand/model.FIELDS) -> stored field.
FIELD_OF = {
    "target": "target",
    "target_renstra": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "anggaran": "anggaran",
    "realisasi_rp": "realisasi_anggaran",
}
# Item kinds as the store names them (resolve's classes; "iku" is an indikator).
ITEM_KINDS = ("indikator", "sasaran", "program", "kegiatan", "sub_kegiatan")
_RENSTRA = re.compile(r"\brenstra\b|\bRPJMD?\b|\bRPD\b|rencana\s+strategis|jangka\s+menengah", re.I)
# Not facts of the item for a year: a national comparison, quarterly targets, weights, units, and
# the target at the end of the plan period ("Target Akhir Renstra": its year is not in the header)
_SKIP_LABEL = re.compile(r"NASIONAL|\bTW\b|TRIWULAN|STANDAR|BOBOT|SATUAN", re.I)
_AKHIR = re.compile(r"\bAKHIR\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class Fact:
    item_kind: str  # one of ITEM_KINDS
    item_name: str  # as printed
    item_key: str  # normalised name (resolve.normalise)
    field: str  # target | realisasi | capaian | anggaran | realisasi_anggaran
    year: int | None  # the year the value is about
    stage: str | None  # None: the year's own PK / DPA / result
    value: str | None  # exact decimal text; None for a range
    low: str | None  # a range ("70-80")
    high: str | None
    printed: str  # the cell as printed
    unit: str | None
    page: int | None
    table_number: str | None
    table_id: str
    table_title: str | None
    row_index: int
    row_label: str | None
    column_label: str | None
    column_index: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _stage(at: AnalyzedTable, col) -> str | None:
    if col.field == "target_renstra" or _RENSTRA.search(ws(col.label) + " " + ws(col.group)):
        return "renstra"
    return column_stage(at, col)


def facts(doc: Document, und: Understanding) -> list[Fact]:
    """Every cell fact of the document, in table and row order."""
    if und is None:
        return []
    res = resolve(und, doc)
    year = doc.tahun
    out: list[Fact] = []
    seen: set[tuple] = set()
    for at in und.tables:
        if at.kind == "skala":
            continue
        cols = [c for c in at.columns if c.field in FIELD_OF and not _SKIP_LABEL.search(ws(c.label))
                and not (_AKHIR.search(ws(c.label) + " " + ws(c.group))
                         and not _YEAR.search(ws(c.label) + " " + ws(c.group)))]
        if not cols:
            continue
        years = {}
        for c in cols:
            y = column_year(at, c, year)
            if y == "#":
                continue
            years[c.index] = (y if y is not None else year, _stage(at, c))
        for i, row in enumerate(at.table.rows):
            ent = res.entity_at(at.table.id, i)
            if ent is None:
                continue
            occ = next((o for o in ent.occurrences if o.table_id == at.table.id and o.row == i), None)
            if occ is None:
                continue
            kind = CLASS_OF.get(occ.kind, occ.kind)
            for c in cols:
                if c.index not in years or c.index >= len(row.cells):
                    continue
                cell = row.cells[c.index]
                p = cell.number
                if p.kind not in ("number", "percent", "range"):
                    continue
                if p.kind == "range" and (p.low is None or p.high is None):
                    continue
                if p.kind != "range" and p.value is None:
                    continue
                y, stage = years[c.index]
                key = (at.table.id, i, c.index)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Fact(
                    item_kind=kind, item_name=occ.name, item_key=normalise(occ.name),
                    field=FIELD_OF[c.field], year=y, stage=stage,
                    value=None if p.kind == "range" else str(p.value),
                    low=str(p.low) if p.kind == "range" else None,
                    high=str(p.high) if p.kind == "range" else None,
                    printed=ws(cell.text), unit=p.unit, page=cell.page or row.page,
                    table_number=at.table.number, table_id=at.table.id, table_title=ws(at.table.title) or None,
                    row_index=i, row_label=occ.name, column_label=_column_label(c), column_index=c.index,
                ))
    return out


def _column_label(col) -> str:
    return " / ".join(x for x in (ws(col.group), ws(col.label)) if x) or col.field
