"""What every rule kind shares: the check context and the finding builder."""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from decimal import Decimal

from lkip_audit.check.rule import Rule
from lkip_audit.check.config import CheckConfig
from lkip_audit.check import numeric
from lkip_audit.extract.model import Cell, Document
from lkip_audit.findings import Finding, Location
from lkip_audit.i18n import t as _t
from lkip_audit.numbers import ParsedNumber
from lkip_audit.understand.model import AnalyzedTable, ColumnRole, RowInfo, Understanding
from lkip_audit.understand.text import ws
from lkip_audit.understand.pairing import _other_year, same_group  # noqa: F401 (shared with the schema validation)

# "(hal. {page})" / "(p. {page})" in a message template: in a Word draft "({page})", the
# page field then holding the heading path (Ctx.finding)
_WORD_PAGE_RE = re.compile(r"\((?:hal\.|p\.|halaman|page) \{page\}\)")

LABEL_FIELDS = ("sub_kegiatan", "kegiatan", "indikator", "program", "uraian", "sasaran")
NUMBER_KINDS = ("number", "percent")


@dataclass
class Ctx:
    doc: Document | None
    understanding: Understanding | None
    config: CheckConfig
    table_order: dict[str, int] = field(default_factory=dict)
    order: dict[int, tuple] = field(default_factory=dict)  # id(finding) -> sort key
    doubtful: set[int] = field(default_factory=set)  # id(finding) of findings judge() lowered to info
    active: frozenset[str] | None = None  # ids of the rules this run checks (None: not known)
    ahead: dict = field(default_factory=dict)  # rule id -> work started ahead (engine.start_ahead)

    def runs(self, rule_id: str) -> bool:
        """Whether the rule ``rule_id`` runs in this check (a relation between rules the
        catalogue states, e.g. a cross-table rule's ``targets_checked_by``)."""
        return rule_id in self.active if self.active is not None else self.config.enabled(rule_id)

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

    # -- a Word draft has no pages ------------------------------------------------------

    @property
    def word(self) -> bool:
        """The document is a Word draft: its places are headings, not pages."""
        from lkip_audit.extract.docx import is_word_document

        return is_word_document(self.doc)

    def table_name(self, table) -> str:
        """How a message names a table after "tabel": its caption number, else its id
        ("p57-t1") in a PDF; in a Word draft its position under its heading ("ke-2 tanpa
        nomor"), never the reader's pseudo-page id."""
        if self.word and not table.number:
            from lkip_audit.extract.docx import word_table, word_table_name

            return word_table_name(None, word_table(self.doc, table.id)[2], self.lang) or table.label
        return table.label

    def place(self, table, page) -> str:
        """Where a table stands, for a message: "hal. 6" ("p. 6" in English) in a PDF; in a
        Word draft the heading path it stands under ("Bab III > 3.1.2")."""
        if self.word:
            from lkip_audit.extract.docx import word_place

            return word_place(self.doc, table.id if table is not None else None)
        return _t("loc.page", self.lang, page=page)

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
        doubts: list | tuple = (),
        severity: str | None = None,
        note: tuple[str, str] | None = None,
    ) -> Finding:
        """A finding of `rule`. With `doubts` (judge()) it is an info "tidak dapat diperiksa
        dengan andal" naming each doubt before the rule's message; `severity` and `note`
        (id, en) lower a finding and say why (e.g. polarity from the name alone)."""
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
        template = rule.template(self.lang, variant)
        if self.word and at is not None:
            # A Word draft has no pages: "tabel {table} (hal. {page})" names the table by its
            # caption number or position and the heading path it stands under.
            all_fields["table"] = self.table_name(at.table)
            all_fields["page"] = self.place(at.table, None)
            template = _WORD_PAGE_RE.sub("({page})", template)
        all_fields.update(fields or {})
        message = template.format(**all_fields)
        sev = severity or rule.severity
        detail = dict(detail or {})
        k = 0 if self.lang == "id" else 1
        if note is not None:
            message = f"{message} ({note[k]})"
            detail["note"] = {"id": note[0], "en": note[1]}
        if doubts:
            sev = "info"
            reasons = "; ".join(d.reason(self.lang) for d in doubts)
            message = f"{UNRELIABLE[k].capitalize()}: {reasons}. {message}"
            detail.update(doubt_detail(list(doubts)))
        f = Finding(
            rule=rule.id,
            severity=sev,
            message=message,
            page=page,
            table=at.table.number if at is not None else None,
            row=rlabel,
            column=clabel,
            expected=expected,
            actual=actual,
            related=list(related),
            table_id=at.table.id if at is not None else None,
            bbox=cell.bbox.as_list() if cell is not None and cell.bbox is not None else None,
            detail=detail,
            row_index=row if isinstance(row, int) else None,
            table_key=at.table.key if at is not None else None,
            column_index=(col if isinstance(col, int) else (col.index if col is not None else None)),
        )
        tpos = self.table_order.get(at.table.id, 10**6) if at is not None else -1
        cpos = col if isinstance(col, int) else (col.index if col is not None else -1)
        self.order[id(f)] = (page or 0, tpos, row if row is not None else -1, cpos, rule.id, f.message)
        if doubts:
            self.doubtful.add(id(f))
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


def row_info(at: AnalyzedTable, row: int) -> RowInfo | None:
    for ri in at.rows:
        if ri.index == row:
            return ri
    return None


def row_infos(at: AnalyzedTable) -> dict[int, RowInfo]:
    return {ri.index: ri for ri in at.rows if 0 <= ri.index < len(at.table.rows)}


def row_label(at: AnalyzedTable, row: int) -> str | None:
    ri = row_info(at, row)
    if ri is not None and ws(ri.label):
        return ws(ri.label)
    cells = at.table.rows[row].cells
    for name in LABEL_FIELDS:
        for c in at.cols(name):
            if c.index < len(cells) and ws(cells[c.index].text):
                return ws(cells[c.index].text)
    skip = {c.index for c in at.columns if c.field == "no"}
    for i, cell in enumerate(cells):
        if i not in skip and cell.number.kind == "text" and ws(cell.text):
            return ws(cell.text)
    return None


def col_label(at: AnalyzedTable, col: ColumnRole | int | None) -> str | None:
    if col is None:
        return None
    if isinstance(col, ColumnRole):
        if ws(col.label):
            return ws(col.label)
        col = col.index
    cols = at.table.columns
    if 0 <= col < len(cols) and ws(cols[col]):
        return ws(cols[col])
    for c in at.columns:
        if c.index == col and ws(c.label):
            return ws(c.label)
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


# --- doubt before "galat" (READING.md) -------------------------------------------
#
# An inconsistency is an error only if it holds under every plausible reading. Before a
# ratio / capaian / sum / label finding is reported as an error, judge() asks whether the
# failure may be an artifact of reading the table: a number read by OCR, a number whose
# decimal/thousands reading is ambiguous (and the other reading makes the relation hold),
# a value that belongs to the neighbouring row (the row's numbers fit when paired with
# it: a shifted row), a number assembled from text wrapped over lines, a split label, rows
# that may be siblings rather than parent and children, an indicator whose printed
# capaian fits the other polarity's formula while its polarity is not stated. Any such
# doubt turns the finding into an info "tidak dapat diperiksa dengan andal" naming the
# reason (Ctx.finding(..., doubts=...)); the rule's own message follows.

DOUBT_TEXT = {
    "ocr": ("angka {cell} dibaca dengan OCR", "the number {cell} was read by OCR"),
    "number-reading": (
        "angka {cell} dapat juga dibaca {alt}, dan dengan bacaan itu hitungannya cocok",
        "the number {cell} can also be read as {alt}, and with that reading the arithmetic holds",
    ),
    "shifted-row": (
        "angka baris ini cocok bila {cell} diambil dari baris di {side}nya (baris mungkin bergeser saat ekstraksi)",
        "the row's numbers agree when {cell} is taken from the row {side_en} it (the rows may be shifted by extraction)",
    ),
    "wrapped-cell": (
        "angka {cell} tersusun dari teks yang terbungkus beberapa baris",
        "the number {cell} is assembled from text wrapped over several lines",
    ),
    "split-label": (
        "di dekat baris ini ada baris tanpa label (label terbelah atau baris terpotong) yang tidak ikut dijumlahkan",
        "next to these rows is a row without a label (a split label or a cut row) that was not added",
    ),
    "page-break": (
        "baris \"{row}\" di batas halaman tidak memuat angka sama sekali (angkanya mungkin hilang saat halaman berganti)",
        "the row \"{row}\" at a page break shows no number at all (its numbers may have been lost across the page break)",
    ),
    "uncounted": (
        "baris \"{row}\" di antara rinciannya memuat angka di kolom ini tetapi tidak ikut dijumlahkan (dibaca sebagai indikator)",
        "the row \"{row}\" among the children has a number in this column but was not added (it was read as an indicator)",
    ),
    "siblings": (
        "baris-baris ini mungkin setara, bukan induk dan rinciannya: {why}",
        "these rows may be siblings rather than a parent and its children: {why_en}",
    ),
    "polarity": (
        "capaian cocok dengan rumus indikator \"semakin rendah semakin baik\" ({alt}), dan polaritas indikator tidak dinyatakan laporan",
        "the achievement fits the lower-is-better formula ({alt}), and the report does not state the indicator's polarity",
    ),
    "other-year": (
        "kalimat sebelumnya dalam paragraf yang sama membahas tahun {year}, jadi tahun {stated} mungkin disebut dengan sengaja",
        "an earlier sentence of the same paragraph speaks of {year}, so {stated} may be named on purpose",
    ),
    "referent": (
        "tidak pasti daftar atau tabel mana yang dihitung kalimat ({why})",
        "it is not certain which list or table the sentence counts ({why_en})",
    ),
    "zero-realisation": (
        "realisasi 0: rumus target / realisasi tidak terdefinisi dan laporan tidak menyatakan rumus capaian indikator ini "
        "(capaian {actual} mungkin berarti target tercapai penuh)",
        "the realisation is 0: target / realisation is undefined and the report states no achievement formula for this "
        "indicator (the achievement {actual} may mean the target fully met)",
    ),
    "polarity-name": (
        "indikator dianggap \"semakin rendah semakin baik\" hanya dari namanya, dan capaian cocok dengan rumus semakin tinggi semakin baik ({alt})",
        "the indicator is taken as lower-is-better from its name alone, and the achievement fits the higher-is-better formula ({alt})",
    ),
}
_WHY_EN = {
    "tingkat baris hanya dibedakan oleh huruf tebal/indentasi":
        "the row levels are told apart only by bold or indentation",
    "induk dan rinciannya sama-sama kegiatan": "parent and children are all kegiatan",
    "induk dan rinciannya sama-sama program": "parent and children are all programs",
    "induk dan rinciannya sama-sama sub kegiatan": "parent and children are all sub kegiatan",
}
UNRELIABLE = ("tidak dapat diperiksa dengan andal", "cannot be checked reliably")


@dataclass(frozen=True)
class Doubt:
    code: str  # a key of DOUBT_TEXT
    fields: tuple = ()  # (name, value) pairs for the reason's template

    def reason(self, lang: str = "id") -> str:
        ti, te = DOUBT_TEXT[self.code]
        f = dict(self.fields)
        f.setdefault("side_en", {"atas": "above", "bawah": "below"}.get(f.get("side", ""), ""))
        f.setdefault("why_en", _WHY_EN.get(f.get("why", ""), f.get("why", "")))
        try:
            return (ti if lang == "id" else te).format(**f)
        except (KeyError, IndexError):
            return ti if lang == "id" else te


def alt_readings(cell: Cell | None) -> list[Decimal]:
    """Other plausible values of a printed number: a single separator read the other way
    ("98.90" as 98,90 or 9890; "1.712" as 1712 or 1,712). Empty when the text has no
    such doubt (two or more separators, or both kinds, fix the convention)."""
    p = number(cell)
    if p is None:
        return []
    t = re.sub(r"[^\d.,]", "", cell.text or "")
    seps = [ch for ch in t if ch in ".,"]
    if len(seps) != 1:
        return []
    head, tail = re.split(r"[.,]", t, maxsplit=1)
    if not head or not tail:
        return []
    sign = -1 if p.value < 0 else 1
    as_int = Decimal(head + tail) * sign
    as_dec = Decimal(head + "." + tail) * sign
    out = []
    for v in (as_int, as_dec):
        if v != p.value and (p.kind != "percent" or v == as_dec):
            out.append(v)
    return out


def _cell_ref(at: AnalyzedTable, row: int, col) -> str:
    c = cell_at(at, row, col)
    text = " ".join((c.text if c is not None else "").split())
    lab = col_label(at, col) or ""
    return f"\"{text}\"" + (f" ({lab})" if lab else "")


def judge(
    ctx: Ctx,
    at: AnalyzedTable,
    row: int,
    operands: dict,
    holds,
    values_at=None,
    extra: list | tuple = (),
) -> list[Doubt]:
    """The doubts under which a failed relation of `row` may be a reading artifact.

    operands: {name: column (ColumnRole or index)}: the cells of `row` the relation reads.
    holds(values): whether the relation holds for {name: Decimal}.
    values_at(r): the operand values of row r ({name: Decimal}) or None; enables the
    shifted-row reading. extra: doubts the caller found (siblings, polarity ...).
    Returns [] when the failure survives every plausible reading (an error)."""
    doubts: list[Doubt] = list(extra)
    cells = {n: cell_at(at, row, c) for n, c in operands.items()}
    for n, c in cells.items():
        if c is not None and c.ocr:
            doubts.append(Doubt("ocr", (("cell", _cell_ref(at, row, operands[n])),)))
            break
    for n, c in cells.items():
        if c is not None and number(c) is not None and _wrapped(c.text or ""):
            doubts.append(Doubt("wrapped-cell", (("cell", _cell_ref(at, row, operands[n])),)))
            break
    base = values_at(row) if values_at is not None else None
    if base is None:
        base = {n: number(c).value for n, c in cells.items() if number(c) is not None}
    if len(base) == len(operands):
        for n, c in cells.items():
            for alt in alt_readings(c):
                v = dict(base)
                v[n] = alt
                if _safe(holds, v):
                    shown = numeric.fmt(alt, max(0, -alt.normalize().as_tuple().exponent), "round")
                    doubts.append(Doubt("number-reading", (("cell", _cell_ref(at, row, operands[n])), ("alt", shown))))
                    break
        if values_at is not None and not _rows_exact(at):
            for s, side in ((-1, "atas"), (1, "bawah")):
                other = values_at(row + s) if 0 <= row + s < len(at.table.rows) else None
                if not other or len(other) != len(operands) or _safe(holds, other):
                    continue  # a shift breaks both rows; a neighbour that adds up is not shifted
                for n in operands:
                    v = dict(base)
                    v[n] = other[n]
                    if _safe(holds, v) and _shift_explains_neighbour(at, row, s, n, base, other, holds, values_at):
                        doubts.append(Doubt("shifted-row", (("cell", _cell_ref(at, row, operands[n])), ("side", side))))
                        break
                else:
                    continue
                break
    return doubts


def _shift_explains_neighbour(at, row: int, s: int, n: str, base: dict, other: dict, holds, values_at) -> bool:
    """A shift that puts the neighbour's value of ``n`` into this row also explains the
    neighbour's own failure: the two values swapped, or the shift running on (the
    neighbour's value from the row beyond it), or the neighbour at the edge of the rows
    with numbers. A neighbour that fails for a reason of its own is no shifted row, and the
    match is a coincidence (bkd-word-noborder Tabel 3.54: 58 - 5 = 53 fits the GAP of the
    row below while that row's own 58 - 3 = 55 against 43 is not explained by any shift)."""
    w = dict(other)
    w[n] = base[n]
    if _safe(holds, w):
        return True
    r2 = row + 2 * s
    beyond = values_at(r2) if 0 <= r2 < len(at.table.rows) else None
    if not beyond or len(beyond) != len(other):
        return True
    u = dict(other)
    u[n] = beyond[n]
    return _safe(holds, u)


def _rows_exact(at: AnalyzedTable) -> bool:
    """The table's rows were read exactly: every piece from a Word document's own table, or
    with its rows bounded by drawn ruling lines (``*-lines``, ``*-hrules``: a value stays in
    the ruled row it is printed in). No row can be shifted by extraction there, so the
    shifted-row reading is not plausible; it is for rows read off text baselines (rule-less)."""
    ex = getattr(at.table, "extractor", "") or ""
    return bool(ex) and all(p.startswith("docx") or p.endswith(("-lines", "-hrules")) for p in ex.split("+"))


def _wrapped(text: str) -> bool:
    """A number assembled from text wrapped over lines: a line break, or a space between
    two of its digit groups next to a separator ("1.435.619. 200"; "1 234 567" is a
    space-thousands number, not a wrapped one)."""
    t = text.strip()
    return "\n" in t or re.search(r"\d[.,]\s+\d|\d\s+[.,]\d", t) is not None


def agrees(ctx: Ctx, printed: ParsedNumber, value: Decimal, computed: Decimal) -> bool:
    """Whether `computed` agrees with `value`: the printed number itself (its interval) or
    another reading of it / another row's number (within a unit of its last digit)."""
    if value == printed.value:
        return ctx.consistent(printed, computed)
    dec = max(0, -value.as_tuple().exponent)  # printed "99,70" has 2 decimals, not 1 (not normalize())
    return abs(computed - value) <= Decimal(1).scaleb(-dec)


def _safe(holds, values) -> bool:
    try:
        return bool(holds(values))
    except (ArithmeticError, KeyError, TypeError, ValueError):
        return False


def doubt_detail(doubts: list[Doubt]) -> dict:
    return {"doubt": [{"code": d.code, "reason_id": d.reason("id"), "reason_en": d.reason("en")} for d in doubts]}


def polarity_of(at: AnalyzedTable, row: int):
    """The row's polarity.Polarity, or None (higher is better by default). A row listed in
    at.lower_is_better without recorded evidence (a hand-built model) counts as stated."""
    p = (getattr(at, "polarity", None) or {}).get(row)
    if p is not None:
        return p
    if row in at.lower_is_better:
        from lkip_audit.understand.polarity import Polarity

        return Polarity(True, "column", "given")
    return None


def polarity_detail(at: AnalyzedTable, row: int) -> dict:
    p = polarity_of(at, row)
    return {"polarity": p.describe()} if p is not None else {"polarity": {"polarity": "higher-is-better", "evidence": "default", "source": ""}}
