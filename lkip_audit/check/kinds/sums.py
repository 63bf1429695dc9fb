"""Rule kind "sum": a TOTAL row (or a PARENT row) equals the sum of the rows it covers."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import Ctx, Doubt, applies, cell_at, judge, row_infos, state
from lkip_audit.findings import Finding
from lkip_audit.understand.model import KEBUTUHAN, KOMPOSISI, AnalyzedTable, ColumnRole

FIELDS_SUM = {"addends", "count"}
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
        return out
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
            doubts = _doubts(ctx, at, i, covers, col, tp, [j for j, _ in addends])
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


def _doubts(ctx: Ctx, at: AnalyzedTable, i: int, covers: list[int], col, tp, rows: list[int]) -> list[Doubt]:
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

    vals = {j: number(cell_at(at, j, col)).value for j in rows}
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
