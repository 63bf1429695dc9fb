"""What the understand stage knows about a table.

The understand stage reads extract.model objects and adds meaning: the kind of
each table, which column holds which canonical field, the role of each row
(body, parent, total) and the hierarchy program > kegiatan > sub kegiatan.
It never changes the extracted cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_audit.extract.model import Cell, Row, Table

# Table kinds
IKU = "iku"  # indicator achievement: target, realisasi, capaian, tingkat pencapaian, kategori
PERJANJIAN_KINERJA = "perjanjian_kinerja"  # indicator targets and program/kegiatan/sub kegiatan budgets
RENCANA_REALISASI = "rencana_realisasi"  # target, anggaran, fisik, realisasi Rp, %
BELANJA = "belanja"  # spending by type (belanja operasi / modal / total)
KOMPOSISI = "komposisi"  # composition with a total (PNS by golongan, by age ...)
KEBUTUHAN = "kebutuhan"  # kebutuhan, terisi, GAP
SKALA = "skala"  # a scale the report states (tingkat pencapaian / predikat bands)
OTHER = "other"

# Canonical fields (column roles). A table maps each field it has to a column index.
FIELDS = (
    "no", "uraian", "sasaran", "indikator", "program", "kegiatan", "sub_kegiatan",
    "target", "realisasi", "capaian", "tingkat", "kategori", "koreksi", "nilai_akhir",
    "anggaran", "realisasi_rp", "persen", "fisik", "satuan",
    "kebutuhan", "terisi", "gap", "jumlah",
    "murni", "perubahan", "selisih",
    "target_renstra", "perubahan_tahun",
)

# Row roles
BODY = "body"
PARENT = "parent"  # has children whose additive columns sum to it
TOTAL = "total"  # JUMLAH / TOTAL: sums the rows it covers
SECTION = "section"  # a label-only row (e.g. "MISI 1", "Program Kepegawaian Daerah" with no numbers)


@dataclass
class ColumnRole:
    field: str  # one of FIELDS
    index: int  # column index in the table
    label: str  # the printed (flattened) column label
    group: str | None = None  # for repeated fields under a year/group header: "2023", "2024", "ANGGARAN"...


@dataclass
class RowInfo:
    index: int  # body row index
    role: str  # BODY | PARENT | TOTAL | SECTION
    level: int = 0  # 0 = top (program / total), 1 = kegiatan, 2 = sub kegiatan
    parent: int | None = None  # index of the parent row
    children: list[int] = field(default_factory=list)
    covers: list[int] = field(default_factory=list)  # TOTAL rows: the rows it sums
    label: str = ""  # the row's label text as printed (normalised whitespace)
    # What the row is in the planning hierarchy, when known: "program", "kegiatan",
    # "sub_kegiatan", "indikator" (an indicator of the program/kegiatan above it),
    # "iku", "sasaran", "total"; None for generic rows (composition items ...).
    kind: str | None = None
    # Indicator rows attached to this row (their `parent` is this row). They are not
    # in `children`: children are the rows whose additive columns sum to this row.
    indicators: list[int] = field(default_factory=list)
    # How the edge to `parent` was decided: "outline", "nomenclature", "numbers", or the
    # signals that ranked the rows ("label column, bold, indentation, numbering"); "" = given.
    edge: str = ""


@dataclass
class Band:
    """One band of a scale: low < x <= high style bounds, either end may be open."""

    label: str
    low: object | None  # Decimal or None
    high: object | None
    low_inclusive: bool = True
    high_inclusive: bool = True


@dataclass
class Scale:
    name: str  # "tingkat" | "kategori"
    bands: list[Band]
    source: str  # "document: table 3.x page N" or "config" or "default"
    table_id: str | None = None  # the table that states it (a Word draft names it by heading, not page)
    sentence: str | None = None  # the sentence that states it, when a sentence does
    page: int | None = None  # that sentence's page (a Word document's pseudo-page)


@dataclass
class AnalyzedTable:
    table: Table
    kind: str
    columns: list[ColumnRole]
    rows: list[RowInfo]
    lower_is_better: set[int] = field(default_factory=set)  # body rows of lower-is-better indicators
    # row -> polarity.Polarity (lower?, evidence "column"/"sentence"/"table"/"name", source)
    polarity: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # how kind/columns were decided (debug output)
    # understand.stage.TableStage: the planning stage (None = this year's DPA / PK / result)
    # and year the table is about; set by understand() (stage.assign)
    stage: object | None = None

    def col(self, name: str, group: str | None = None) -> ColumnRole | None:
        """The first column with that field (and group, when given)."""
        for c in self.columns:
            if c.field == name and (group is None or c.group == group):
                return c
        return None

    def cols(self, name: str) -> list[ColumnRole]:
        return [c for c in self.columns if c.field == name]

    def cell(self, row: int, name: str, group: str | None = None) -> Cell | None:
        c = self.col(name, group)
        if c is None:
            return None
        cells = self.table.rows[row].cells
        return cells[c.index] if c.index < len(cells) else None

    def row(self, index: int) -> Row:
        return self.table.rows[index]


@dataclass
class Understanding:
    """Everything the understand stage derived from one document."""

    tables: list[AnalyzedTable]
    scales: dict[str, Scale]  # "tingkat", "kategori": from the document when it states one
    narrative: object | None = None  # understand.narrative.Narrative of the document, when computed
