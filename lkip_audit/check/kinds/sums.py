"""Rule kind "sum": a TOTAL row (or a PARENT row) equals the sum of the rows it covers."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import (
    DOUBT_TEXT, Ctx, Doubt, applies, cell_at, data_rows, judge, number, row_infos, same_group, state,
)
from lkip_audit.findings import Finding
from lkip_audit.numbers import ParsedNumber
from lkip_audit.understand.model import KEBUTUHAN, KOMPOSISI, AnalyzedTable, ColumnRole

FIELDS_SUM = {"addends", "count"}

# doubts of a failed sum that only this kind finds (the others are in base.DOUBT_TEXT)
DOUBT_TEXT.setdefault("duplicate-row", (
    "baris \"{row}\" mengulang label baris di atasnya; tanpa baris ulangan itu jumlahnya cocok",
    "the row \"{row}\" repeats the label of the row above it; without that repeated row the sum holds",
))
DOUBT_TEXT.setdefault("cut-at-end", (
    "tabel terpotong di akhir dokumen (halaman {page}) tepat setelah rincian ini, dan jumlah rincian yang termuat masih kurang dari induknya: rincian berikutnya mungkin tidak termuat",
    "the table is cut at the end of the document (page {page}) right after these rows, and the rows included add up to less than their parent: the remaining rows may not be included",
))
DOUBT_TEXT.setdefault("continued", (
    "tabel ini mungkin bersambung {dir} halaman {page} (potongan tabel tanpa judul), sehingga baris yang dijumlahkan mungkin belum lengkap",
    "the table may continue {dir_en} page {page} (an uncaptioned piece of a table), so the rows summed may be incomplete",
))
DOUBT_TEXT.setdefault("gap-stated", (
    "selisihnya, {gap}, tercetak di halaman {page} laporan: angka ini dapat memuat bagian yang tidak dirinci dalam tabel (misalnya belanja tidak langsung)",
    "the difference, {gap}, is printed on page {page} of the report: this figure may include a part the table does not list (such as indirect spending)",
))
NON_ADDITIVE = {"no", "uraian", "sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "satuan",
                "capaian", "persen", "fisik", "tingkat", "kategori", "koreksi", "nilai_akhir"}


def additive_columns(rule, at: AnalyzedTable) -> list[ColumnRole | int]:
    fields = rule.params.get("fields") or []
    cols: list[ColumnRole | int] = [c for c in at.columns if c.field in fields]
    if rule.params.get("unmapped_in") and at.kind in rule.params["unmapped_in"]:
        mapped = {c.index for c in at.columns}
        ncol = max((len(r.cells) for r in at.table.rows), default=0)
        cols += [i for i in range(ncol) if i not in mapped]
    return cols


def _covered(at: AnalyzedTable, mode: str) -> list[tuple[int, list[int]]]:
    infos = row_infos(at)
    out = []
    if mode == "parent":
        for i, ri in sorted(infos.items()):
            if ri.role == "parent" and ri.children:
                out.append((i, [c for c in ri.children if c in infos or 0 <= c < len(at.table.rows)]))
            elif ri.role == "section" and ri.children and len(ri.indicators) == 1:
                # a label-only program whose one indicator row carries its figures (BKD
                # Tabel 2.8: "I. PROGRAM PENUNJANG ...", then "1. Persentase Ketercapaian ..."
                # with the program's 31.893.121.275): that row is the sum of the kegiatan
                carrier = ri.indicators[0]
                cinfo = infos.get(carrier)
                if cinfo is not None and cinfo.role in ("body",) and not cinfo.children:
                    out.append((carrier, [c for c in ri.children if 0 <= c < len(at.table.rows)]))
        return sorted(out)
    prev_total = -1
    for i in range(len(at.table.rows)):
        ri = infos.get(i)
        if ri is None or ri.role != "total":
            continue
        covers = list(ri.covers)
        if not covers:  # rows since the previous total that have no parent
            covers = [
                j for j in range(prev_total + 1, i)
                if (infos.get(j) is None or (infos[j].role in ("body", "parent") and infos[j].parent is None))
            ]
        out.append((i, [c for c in covers if 0 <= c < len(at.table.rows) and c != i]))
        prev_total = i
    return out


def check_sum(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    if not applies(rule, at):
        return
    mode = rule.params.get("rows", "total")
    if mode == "across":
        yield from _check_across(rule, at, ctx)
        return
    groups = _covered(at, mode)
    if not groups:
        return
    cols = additive_columns(rule, at)
    for i, covers in groups:
        if not covers:
            continue
        for col in cols:
            tcell = cell_at(at, i, col)
            if state(tcell) != "number":
                continue  # malformed: the malformed kind's; text: the schema kind's; empty: nothing printed to check
            tp = tcell.number
            if isinstance(col, int) and tp.kind == "percent":
                continue
            addends, bad = [], False
            for j in covers:
                c = cell_at(at, j, col)
                st = state(c)
                if st == "number":
                    addends.append((j, c.number))
                elif st == "empty":
                    continue
                elif st == "malformed" and (read := _confirmed_reading(ctx, at, j, col)) is not None:
                    addends.append((j, read))  # a misplaced separator that the row's % confirms
                else:
                    bad = True  # never recompute from a malformed or unreadable operand
                    break
            if bad or not addends:
                continue
            total = sum((p.value for _, p in addends), Decimal(0))
            exact = tp.decimals == 0 and all(p.decimals == 0 for _, p in addends)
            if exact:
                ok = abs(total - tp.value) <= ctx.config.tolerance
            else:
                lo = hi = Decimal(0)
                for _, p in addends:
                    a, b = numeric.interval(p, ctx.mode)
                    lo += a
                    hi += b
                ok = ctx.consistent(tp, total) or ctx.overlaps(tp, lo, hi)
            if ok:
                continue
            doubts = _doubts(ctx, at, i, covers, col, tp, [j for j, _ in addends], {j: p.value for j, p in addends})
            shown = [numeric.shown(p) for _, p in addends]
            yield ctx.finding(
                rule, at, i, col,
                expected=ctx.fmt(total, tp.decimals),
                actual=numeric.shown(tp),
                fields={"addends": " + ".join(shown), "count": len(shown)},
                related=[ctx.location(at, j, col) for j, _ in addends],
                detail={
                    "formula": "sum of covered rows" if mode == "total" else "sum of children",
                    "addends": [{"row": j, "value": s} for (j, _), s in zip(addends, shown)],
                    "computed": str(total),
                },
                doubts=doubts,
            )


# A whole Rupiah amount printed with a misplaced separator: "1,011.080.000" (a comma for the
# first dot), "1403.419.201" (a dot missing); groups of three digits after the first.
_MISPLACED_SEP = re.compile(r"^(\d{1,4})((?:[.,]\d{3})+)(?:,00|,-)?$")


def _confirmed_reading(ctx: Ctx, at: AnalyzedTable, row: int, col) -> ParsedNumber | None:
    """The one reading of a malformed money cell (its digits as a whole amount) when the same row
    confirms it: a realisasi Rp whose realisasi / anggaran x 100 is the row's printed % (or an
    anggaran the other way round). Else None: the cell is not used (never guess an operand)."""
    if not isinstance(col, ColumnRole) or col.field not in ("realisasi_rp", "anggaran"):
        return None
    cell = cell_at(at, row, col)
    m = _MISPLACED_SEP.match("".join((cell.text or "").split())) if cell is not None else None
    if m is None:
        return None
    value = Decimal(re.sub(r"\D", "", m.group(1) + m.group(2)))
    other = same_group(at, "anggaran" if col.field == "realisasi_rp" else "realisasi_rp", col.group)
    pcol = same_group(at, "persen", col.group)
    o, pct = number(cell_at(at, row, other)), number(cell_at(at, row, pcol))
    if o is None or pct is None or not o.value or not value:
        return None
    num, den = (value, o.value) if col.field == "realisasi_rp" else (o.value, value)
    if not ctx.consistent(pct, num / den * 100):
        return None
    return ParsedNumber(text=cell.text, kind="number", value=value, decimals=0, style="id")


def _across_columns(rule, at: AnalyzedTable) -> tuple[ColumnRole, list[int]] | None:
    """The JUMLAH column and the count columns it adds up across each row ("Laki-Laki",
    "Perempuan" | "Jumlah"): the one column of field jumlah, and the unmapped columns between the
    last label column and it (at least two), each holding only numbers or empty cells."""
    js = [c for c in at.columns if c.field == "jumlah"]
    if len(js) != 1:
        return None
    jcol = js[0]
    mapped = {c.index for c in at.columns}
    labels = [c.index for c in at.columns if c.field in NON_ADDITIVE and c.field not in ("capaian", "persen", "fisik")]
    start = max((i for i in labels if i < jcol.index), default=-1) + 1
    cols = list(range(start, jcol.index))
    if len(cols) < 2 or any(i in mapped for i in cols):
        return None
    for i in cols:
        states = [state(cell_at(at, r, i)) for r in range(len(at.table.rows))]
        if any(st not in ("number", "empty") for st in states) or "number" not in states:
            return None
    return jcol, cols


def _check_across(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    """Rows whose JUMLAH cell is not the sum of the row's count columns, where the table's other
    rows show that it is their sum: at least three rows with numbers hold, and those that fail are
    at most one in four. Whole numbers only (counts of people, units); an empty or "-" cell is 0;
    total rows are left to the column sums (the rule with rows: total)."""
    found = _across_columns(rule, at)
    if found is None:
        return
    jcol, cols = found
    infos = row_infos(at)
    rows = []
    for r in data_rows(at, ("body", "parent")):
        tcell = cell_at(at, r, jcol)
        if state(tcell) != "number":
            continue
        parts = [(i, number(cell_at(at, r, i))) for i in cols]
        nums = [(i, p) for i, p in parts if p is not None]
        if not nums or tcell.number.decimals or any(p.decimals for _, p in nums):
            continue
        total = sum((p.value for _, p in nums), Decimal(0))
        rows.append((r, tcell.number, nums, total))
    bad = [x for x in rows if x[3] != x[1].value]
    good = len(rows) - len(bad)
    if good < 3 or len(bad) * 4 > len(rows):
        return
    for r, tp, nums, total in bad:
        if infos.get(r) is not None and infos[r].role == "total":
            continue
        shown = [numeric.shown(p) for _, p in nums]
        yield ctx.finding(
            rule, at, r, jcol,
            expected=ctx.fmt(total, 0),
            actual=numeric.shown(tp),
            fields={"addends": " + ".join(shown), "count": len(shown)},
            related=[ctx.location(at, r, i) for i, _ in nums],
            detail={"formula": "sum of the row's count columns", "computed": str(total),
                    "rows_holding": good, "rows_checked": len(rows)},
        )


def _under(infos, j: int, i: int) -> bool:
    """Row j descends from row i."""
    seen = set()
    p = infos[j].parent if j in infos else None
    while p is not None and p not in seen:
        if p == i:
            return True
        seen.add(p)
        p = infos[p].parent if p in infos else None
    return False


def _doubts(ctx: Ctx, at: AnalyzedTable, i: int, covers: list[int], col, tp, rows: list[int],
            values: dict | None = None) -> list[Doubt]:
    """Doubts of a failed sum (base.judge): an addend or the total read by OCR or with another
    number reading that makes it add up, and label-less rows (a label split over a page
    break, a cut row) among or next to the rows summed that carry a number in the column."""
    infos = row_infos(at)
    extra: list[Doubt] = []
    lo, hi = min(covers + [i]), max(covers + [i])
    for j in range(max(0, lo - 1), min(len(at.table.rows), hi + 2)):
        ri = infos.get(j)
        if j in covers or j == i or ri is None or ri.label or ri.role == "total":
            continue
        if state(cell_at(at, j, col)) == "number":
            extra.append(Doubt("split-label"))
            break
    parent = infos.get(i)
    if parent is not None and parent.role == "parent":
        kinds = {infos[j].kind for j in covers if j in infos}
        edges = {infos[j].edge for j in covers if j in infos}
        # typography alone (bold, indentation) set them apart: no label column, numbering,
        # outline number, nomenclature or sum says who is whose child
        weak = bool(edges) and all(e and set(e.split(", ")) <= {"bold", "indentation"} for e in edges)
        if weak and (parent.kind is None or parent.kind in kinds):
            # nothing names the levels (no program/kegiatan/sub kegiatan kinds, or the same
            # kind above and below): the rows may be siblings, set apart only by typography
            why_id = ("tingkat baris hanya dibedakan oleh huruf tebal/indentasi"
                      if parent.kind is None else f"induk dan rinciannya sama-sama {parent.kind.replace('_', ' ')}")
            extra.append(Doubt("siblings", (("why", why_id),)))
        elif edges == {"numbers"}:
            # no numbering, typography or label says who is whose child: the hierarchy was
            # read off another column's sums (hierarchy._numbers_fallback), a guess that a
            # flat reading of the rows, under which there is no such sum, contradicts
            extra.append(Doubt("siblings", (
                ("why", "tingkat baris hanya disimpulkan dari jumlah pada kolom lain"),
                ("why_en", "the row levels are only inferred from the sums of another column"))))
    if parent is not None and parent.role == "total":
        flat = _flat_reading(at, infos, covers, col)
        if flat is not None:
            from lkip_audit.check.kinds.base import agrees

            if agrees(ctx, tp, tp.value, flat):
                # the total leaves out rows the hierarchy put under others by typography or
                # by another column's sums alone; read as one list, the total holds
                extra.append(Doubt("siblings", (
                    ("why", "dibaca sebagai satu daftar (tanpa induk-rincian yang hanya dibedakan tampilan), jumlahnya cocok"),
                    ("why_en", "read as one list (without parents told apart only by typography), the total holds"))))
    # an indicator row under one of the children that carries a number in this very column:
    # read as an indicator, it may be a child whose label sits elsewhere (the parent's own
    # indicator row carries the parent's numbers and is no doubt)
    for j, rj in sorted(infos.items()):
        if j in covers or j == i or rj.kind != "indikator" or rj.parent == i or not _under(infos, j, i):
            continue
        if state(cell_at(at, j, col)) == "number":
            from lkip_audit.check.kinds.base import row_label as _rl

            extra.append(Doubt("uncounted", (("row", _rl(at, j) or str(j + 1)),)))
            break
    extra += _piece_doubts(ctx, at, i, covers, col, tp, parent is None or parent.role != "total")
    dup = _duplicate_row(at, covers, col, tp, ctx)
    if dup is not None:
        extra.append(dup)
    gap = _gap_stated(ctx, at, col, tp, rows)
    if gap is not None:
        extra.append(gap)
    pages = [r.page for r in at.table.rows]
    for j in covers:
        if j in rows:
            continue
        cells = at.table.rows[j].cells
        blank = all(not c.text.strip() for k, c in enumerate(cells) if k == (col if isinstance(col, int) else col.index))
        at_break = (j + 1 < len(pages) and pages[j + 1] != pages[j]) or (j > 0 and pages[j - 1] != pages[j])
        if blank and at_break:
            from lkip_audit.check.kinds.base import row_label

            extra.append(Doubt("page-break", (("row", row_label(at, j) or str(j + 1)),)))
            break
    names = {f"a{j}": col for j in rows}
    names["total"] = col
    # judge reads each name's cell in row i; the addends live in other rows, so give it
    # their cells through a shim table view: OCR and number-reading doubts per cell
    doubts = list(extra)
    for j in rows + [i]:
        c = cell_at(at, j, col)
        if c is not None and c.ocr:
            doubts.append(Doubt("ocr", (("cell", '"' + " ".join(c.text.split()) + '"'),)))
            break
    from lkip_audit.check.kinds.base import agrees, alt_readings, number

    # the addends' values as summed (a malformed cell read by _confirmed_reading has no cell.number)
    vals = values if values is not None else {j: number(cell_at(at, j, col)).value for j in rows}
    total = sum(vals.values(), Decimal(0))
    for j in rows + [i]:
        c = cell_at(at, j, col)
        for alt in alt_readings(c):
            t2 = total - vals[j] + alt if j != i else total
            printed = alt if j == i else tp.value
            if agrees(ctx, tp, printed, t2):
                doubts.append(Doubt("number-reading", (("cell", '"' + " ".join(c.text.split()) + '"'),
                                                       ("alt", str(alt)))))
                break
    return doubts


_GAP_MIN = Decimal(100000)  # a difference this large printed to the unit is no coincidence


def _gap_stated(ctx: Ctx, at: AnalyzedTable, col, tp, rows: list[int]) -> Doubt | None:
    """A total or parent larger than its rows by an amount the report prints elsewhere, to
    the unit (lkip_bpbd_2016.pdf p66: BPBD PROV JABAR 27.059.202.004 over its 20 kegiatan
    18.649.134.000; p70 states "Belanja Tidak Langsung (BTL) Gaji Rp. 8.410.068.004,- ... dan
    Belanja Langsung (BL) Kegiatan Rp. 18.649.134.000,-"): the figure covers a part the table
    does not list. Only for money-sized differences, as a whole number."""
    import re

    from lkip_audit.check.kinds.base import number

    doc = ctx.doc
    if doc is None or not getattr(doc, "pages", None):
        return None
    vals = [p.value for j in rows if (p := number(cell_at(at, j, col))) is not None]
    gap = tp.value - sum(vals, Decimal(0))
    if gap < _GAP_MIN or gap != gap.to_integral_value():
        return None
    shown = ctx.fmt(gap, 0)
    if not shown:
        return None
    rx = re.compile(r"(?<![\d.,])" + re.escape(shown) + r"(?![\d]|[.,]\d)")
    for page in doc.pages:
        if page.text and rx.search(page.text):
            return Doubt("gap-stated", (("gap", shown), ("page", str(page.number))))
    return None


def _duplicate_row(at: AnalyzedTable, covers: list[int], col, tp, ctx: Ctx) -> Doubt | None:
    """A covered row that repeats the label of the covered row right above it (BKD Tabel
    3.65: "Evaluasi Disiplin ASN" twice, the second with the kegiatan's total realisasi):
    a repeated row or a child? When the sum holds without it, it is a doubt, not a galat."""
    from lkip_audit.check.kinds.base import agrees, number, row_label

    vals = {j: number(cell_at(at, j, col)) for j in covers}
    total = sum((p.value for p in vals.values() if p is not None), Decimal(0))
    prev = None
    for j in covers:
        lab = " ".join((row_label(at, j) or "").lower().split())
        if lab and prev is not None and lab == prev and vals[j] is not None:
            if agrees(ctx, tp, tp.value, total - vals[j].value):
                return Doubt("duplicate-row", (("row", row_label(at, j)),))
        prev = lab
    return None


def _piece_doubts(ctx: Ctx, at: AnalyzedTable, i: int, covers: list[int], col, tp, is_parent: bool) -> list[Doubt]:
    """A table cut at a page break and not stitched, read as one table, makes the sum hold:
    a parent whose children run to the piece's last row while an uncaptioned piece starts
    on the next page, and the first rows of that piece make up the difference; or a total
    in an uncaptioned piece that covers its first rows, while the pieces before it (up to
    the captioned one) hold top rows that make up the difference. Where no such reading
    makes the sum hold, the finding stands (a wrong total stays wrong when stitched)."""
    from lkip_audit.check.kinds.base import agrees, number

    doc, und = ctx.doc, ctx.understanding
    if doc is None or und is None or not covers or not at.table.pages or not at.table.rows:
        return []
    if ctx.word:
        # A Word draft has no page breaks to cut a table: its tables are whole (the reader
        # joins a table continued by hand), and its pseudo-pages are chapters, not pages.
        return []
    by_table = {id(a.table): a for a in und.tables}
    tables = [t for t in (getattr(doc, "tables", []) or []) if id(t) in by_table]
    first, last = min(at.table.pages), max(at.table.pages)
    infos = row_infos(at)
    nrows = len(at.table.rows)

    def val(a: AnalyzedTable, j: int, c) -> Decimal | None:
        p = number(cell_at(a, j, c))
        return p.value if p is not None else None

    def same_col(a: AnalyzedTable):
        if isinstance(col, int):
            return col if len(a.table.columns) == len(at.table.columns) else None
        return next((c for c in a.columns if c.field == col.field and c.group == col.group), None)

    here = sum((v for j in covers if (v := val(at, j, col)) is not None), Decimal(0))
    holds = lambda extra: agrees(ctx, tp, tp.value, here + extra)  # noqa: E731
    out: list[Doubt] = []
    if is_parent:
        tail, stack = max(covers), list(covers)
        while stack:  # the last row of the parent's subtree
            k = stack.pop()
            tail = max(tail, k)
            ri = infos.get(k)
            if ri is not None:
                stack += [c for c in ri.children + ri.indicators if c > k]
        # the uncaptioned pieces that follow, each starting on the page after the last
        chain, page = [], last
        while len(chain) < 10:
            nxt = [t for t in tables if t is not at.table and t not in chain and t.number is None
                   and t.pages and min(t.pages) == page + 1]
            if not nxt:
                break
            chain.append(nxt[0])
            page = max(nxt[0].pages)
        if tail >= nrows - 1 and not chain and doc.page_count and last >= doc.page_count and here < tp.value:
            # an excerpt that ends inside the table (a chapter file ending mid-table): the
            # parent's other children are not in the document, so its sum cannot be checked
            out.append(Doubt("cut-at-end", (("page", str(last)),)))
        level = infos[i].kind if i in infos else None
        # rows of the children's own kind count (a kegiatan's sub kegiatan continuing on the
        # next page are inside that kegiatan's figure); without kinds, every row
        kinds = {infos[c].kind for c in covers if c in infos}
        kinds = kinds if kinds and None not in kinds else None
        nested = any(infos[c].children for c in covers if c in infos)  # children with children of their own
        run, done = Decimal(0), tail < nrows - 1
        for t in chain:
            na = by_table[id(t)]
            ncol = same_col(na)
            if ncol is None or done:
                break
            typed = kinds is not None and any(r.kind in kinds for r in na.rows)
            seen_parent = False
            for j, rj in enumerate(na.rows):
                if rj.role == "total" or (level and rj.kind == level):
                    done = True  # the next row of the parent's own level closes its children
                    break
                if typed:
                    if rj.kind not in kinds:
                        continue
                elif rj.parent is not None or rj.role not in ("body", "parent"):
                    continue
                elif not nested:
                    # leaf children: the piece's leading rows, up to its first parent row
                    if rj.role == "parent":
                        done = True
                        break
                else:
                    # children that are parents: the leading rows finish the last child;
                    # the piece's own top parents are the next children
                    seen_parent = seen_parent or rj.role == "parent"
                    if not seen_parent:
                        continue
                v = val(na, j, ncol)
                if v is None:
                    continue
                run += v
                if holds(run):
                    out.append(Doubt("continued", (("dir", "ke"), ("dir_en", "on"), ("page", str(last + 1)))))
                    done = True
                    break
    elif at.table.number is None:
        body = [k for k in range(nrows) if (ri := infos.get(k)) is None or ri.role not in ("section", "total")]
        if body and min(covers) <= body[0]:
            # the pieces before this one, back to the captioned table they continue
            chain, page = [], first
            while len(chain) < 10:
                prev = [t for t in tables if t is not at.table and t not in chain and t.pages and max(t.pages) == page - 1]
                if not prev:
                    break
                chain.insert(0, prev[-1])
                if prev[-1].number is not None:
                    break
                page = min(prev[-1].pages)
            # the stitched table's top rows: every piece's rows without a parent, but the
            # leading rows of a later piece continue a parent printed before (up to the
            # piece's first parent row), and an IKU/sasaran/indicator row is no addend where
            # program/kegiatan rows are; or, where the rows name their levels, the programs
            tops: list[Decimal] = []
            programs: list[Decimal] = []
            for n, t in enumerate(chain + [at.table]):
                a = by_table[id(t)]
                c = same_col(a) if t is not at.table else col
                if c is None:
                    continue
                units = [r for r in a.rows if r.parent is None and r.role in ("body", "parent") and r.index != i]
                if any(r.kind in ("program", "kegiatan", "sub_kegiatan") for r in units):
                    units = [r for r in units if r.kind not in ("iku", "sasaran", "indikator")]
                first_parent = next((r.index for r in a.rows if r.role == "parent"), None)
                if n > 0 and first_parent is not None:
                    units = [r for r in units if r.index >= first_parent]
                tops += [v for r in units if (v := val(a, r.index, c)) is not None]
                for r in a.rows:
                    if r.kind != "program":
                        continue
                    v = val(a, r.index, c)
                    if v is None and len(r.indicators) == 1:
                        v = val(a, r.indicators[0], c)  # a label-only program: its indicator row carries its figures
                    if v is not None:
                        programs.append(v)
            for cand in (tops, programs):
                if cand and agrees(ctx, tp, tp.value, sum(cand, Decimal(0))):
                    out.append(Doubt("continued", (("dir", "dari"), ("dir_en", "from"), ("page", str(first - 1)))))
                    break
    return out


def _flat_reading(at: AnalyzedTable, infos, covers: list[int], col) -> Decimal | None:
    """The sum of a total's rows read as one list: the covered rows plus the rows put under
    them only by bold/indentation or by another column's sums (a guessed hierarchy). None
    when no covered row has such children."""
    from lkip_audit.check.kinds.base import number

    weak = lambda e: bool(e) and (set(e.split(", ")) <= {"bold", "indentation"} or e == "numbers")  # noqa: E731
    rows, stack, guessed = set(covers), list(covers), False
    while stack:
        k = stack.pop()
        ri = infos.get(k)
        if ri is None:
            continue
        for c in ri.children:
            if c not in rows and weak(infos[c].edge if c in infos else ""):
                rows.add(c)
                stack.append(c)
                guessed = True
    if not guessed:
        return None
    vals = [p.value for j in sorted(rows) if (p := number(cell_at(at, j, col))) is not None]
    return sum(vals, Decimal(0))
