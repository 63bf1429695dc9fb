"""Cross-table rule kinds: the same item in many tables ("cross-table", "pk-target"),
composite indices and totals that must agree ("composite"), the mean of activities ("mean").

All of them read the entity resolution of lkip_audit.understand.resolve, computed
once per run and kept on the check context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import Ctx, cell_at, row_label
from lkip_audit.extract.model import Cell
from lkip_audit.findings import Finding, Location
from lkip_audit.i18n import t as _t
from lkip_audit.numbers import parse_number
from lkip_audit.understand.model import AnalyzedTable, ColumnRole
from lkip_audit.understand.resolve import Entity, Occurrence, Resolution, normalise, resolve, ws

FIELDS_XT = {"others", "places", "field"}
FIELDS_PK = {"pk", "others", "places"}
FIELDS_COMPOSITE = {"addends", "count", "others"}
FIELDS_MEAN = {"addends", "count"}


def resolution(ctx: Ctx) -> Resolution | None:
    if ctx.understanding is None:
        return None
    res = getattr(ctx, "_xt_resolution", None)
    if res is None:
        res = resolve(ctx.understanding, ctx.doc)
        ctx._xt_resolution = res  # computed once per run
    return res


# -- values ----------------------------------------------------------------------


@dataclass
class Point:
    """One printed value of an item: where and what."""

    occ: Occurrence
    at: AnalyzedTable
    col: ColumnRole
    cell: Cell
    kind: str  # num | range | text
    value: object

    @property
    def shown(self) -> str:
        return ws(self.cell.text)


def point(res: Resolution, occ: Occurrence, key) -> Point | None:
    col = occ.fields.get(key)
    if col is None:
        return None
    at = res.tables[occ.table_id]
    c = cell_at(at, occ.row, col)
    if c is None or c.is_empty:
        return None
    p = c.number
    if p.kind in ("number", "percent") and p.value is not None:
        return Point(occ, at, col, c, "num", p)
    if p.kind == "range" and p.low is not None and p.high is not None:
        return Point(occ, at, col, c, "range", (p.low, p.high))
    if p.kind == "text" and key[0] in ("tingkat", "kategori"):
        return Point(occ, at, col, c, "text", normalise(c.text))
    return None  # empty, malformed (kind malformed) or text where a number belongs (kind schema)


def same(a: Point, b: Point, mode: str = "either") -> bool:
    if a.kind != b.kind:
        return False
    if a.kind != "num":
        return a.value == b.value
    pa, pb = a.value, b.value
    if pa.value == pb.value:
        return True
    if pa.decimals == pb.decimals:
        return False
    lo_p, hi_p = (pa, pb) if pa.decimals < pb.decimals else (pb, pa)
    return numeric.consistent(lo_p, hi_p.value, mode)


def classes(points: list[Point], mode: str) -> list[list[Point]]:
    out: list[list[Point]] = []
    for p in points:
        for cl in out:
            if same(cl[0], p, mode):
                cl.append(p)
                break
        else:
            out.append([p])
    return out


def location(ctx: Ctx, p: Point) -> Location:
    return ctx.location(p.at, p.occ.row, p.col)


def where(p: Point, ctx: Ctx | None = None) -> str:
    """"3.24 (hal. 6)" ("3.24 (p. 6)" in English); in a Word draft (no pages) "3.24 (Bab III >
    3.1.2)"."""
    if ctx is not None and ctx.word:
        return f"{ctx.table_name(p.at.table)} ({ctx.place(p.at.table, None)})"
    lang = ctx.lang if ctx is not None else "id"
    return f"{p.occ.table or p.occ.table_id} ({_t('loc.page', lang, page=p.cell.page)})"


def places(pts: list[Point], ctx: Ctx | None = None) -> str:
    return "; ".join(f"{where(p, ctx)}: {p.shown}" for p in pts)


def evidence(pts: list[Point]) -> list[dict]:
    return [{"table": p.occ.table or p.occ.table_id, "row": p.occ.row, "page": p.cell.page,
             "name": p.occ.name, "value": p.shown, "tie": p.occ.tie, "score": p.occ.score,
             "against": p.occ.against, "parent": p.occ.parent, "pk": p.occ.pk} for p in pts]


# -- pk-target: targets against the Perjanjian Kinerja ------------------------------


def _pk_reference(res: Resolution, e: Entity):
    """(reference points, original reference point or None, kind) for an indicator."""
    amended, original = [], []
    for o in e.occurrences:
        if o.pk == "amended":
            p = point(res, o, ("target", None))
            if p is not None:
                amended.append(p)
            m = point(res, o, ("target_murni", None))
            if m is not None:
                original.append(m)
        elif o.pk == "original":
            p = point(res, o, ("target", None))
            if p is not None:
                original.append(p)
    return amended, original


def _majority(pts: list[Point], mode: str) -> Point | None:
    if not pts:
        return None
    cls = sorted(classes(pts, mode), key=lambda c: -len(c))
    return cls[0][0]


def pk_findings(rule, ctx: Ctx, res: Resolution):
    """(entity id, finding) for every indicator whose target differs from the PK."""
    for e in res.entities:
        if e.cls != "indikator":
            continue
        amended, original = _pk_reference(res, e)
        refs = amended or original
        if not refs:
            continue
        ref = _majority(refs, ctx.mode)
        orig = _majority(original, ctx.mode)
        ref_ids = {id(p) for p in refs}
        pts = [p for o in e.occurrences if (p := point(res, o, ("target", None))) is not None]
        bad = []
        for p in pts:
            if id(p) in ref_ids or same(p, ref, ctx.mode):
                continue
            if is_money(p) != is_money(ref):
                continue  # an amount of money is no indicator target (a budget column read as one)
            if p.occ.pk == "original" and orig is not None and same(p, orig, ctx.mode):
                continue  # the original PK itself, quoting its own target
            bad.append(p)
        if not bad:
            continue
        loc = bad[0]
        others = [p for p in pts if p is not loc]
        for m in original:
            if m.col.field == "murni" and all(m is not x for x in others):
                others.append(m)
        kind = "Perubahan" if amended else ""
        f = ctx.finding(
            rule, loc.at, loc.occ.row, loc.col,
            expected=ref.shown, actual=loc.shown,
            fields={"row": loc.occ.name, "pk": kind, "others": where(ref, ctx), "places": places([loc] + others, ctx)},
            related=[location(ctx, p) for p in others],
            detail={"entity": e.name, "reference": where(ref, ctx), "reference_pk": "amended" if amended else "original",
                    "matches": evidence([loc] + others)},
        )
        f.row = loc.occ.name  # the item's name, not another label of the row
        yield e.id, f


def check_pk_target(rule, at, ctx: Ctx) -> Iterable[Finding]:
    res = resolution(ctx)
    if res is None:
        return
    for _, f in pk_findings(rule, ctx, res):
        yield f


# -- cross-table: the same item, different values -------------------------------------


# Budget fields of a row: an indicator's budget is an attribution (one program's budget
# may serve several indicators), not an item of the budget hierarchy.
BUDGET_FIELDS = ("anggaran", "realisasi_rp", "persen")
_BUDGET_COLS = ("anggaran", "perubahan", "murni", "realisasi_rp")


def aggregate_budgets(res: Resolution) -> dict:
    """Budget values the document prints for a whole: a program's pagu, a total row
    (TOTAL BELANJA, JUMLAH), every row of a spending table. value -> (table, page)."""
    out = getattr(res, "_aggregates", None)
    if out is not None:
        return out
    out = {}
    programs = {(o.table_id, o.row) for e in res.entities if e.cls == "program" for o in e.occurrences}
    for tid, at in res.tables.items():
        cols = [c for c in at.columns if c.field in _BUDGET_COLS]
        if not cols:
            continue
        for ri in at.rows:
            if not (ri.role == "total" or ri.kind in ("total", "program") or (tid, ri.index) in programs
                    or at.kind == "belanja"):
                continue
            for c in cols:
                ce = cell_at(at, ri.index, c)
                if ce is not None and ce.number.kind == "number" and ce.number.value:
                    out.setdefault(ce.number.value, (at.table, ce.page))
    res._aggregates = out
    return out


def _attributed_whole(res: Resolution, p: Point, ctx: Ctx | None = None) -> str | None:
    """Where the budget printed on an indicator's row is also printed for a whole (a
    program, a total), or None: then the row may attribute that whole to the indicator."""
    if p.occ.kind not in ("indikator", "iku", "sasaran"):
        return None
    col = next((c for c in p.at.columns if c.field == "anggaran" and c.group == p.col.group), None)
    col = col or p.at.col("anggaran")
    if col is None:
        return None
    ce = cell_at(p.at, p.occ.row, col)
    if ce is None:
        return None
    value = ce.number.value if ce.number.kind == "number" else None
    if value is None:
        # a money amount wrapped in its cell ("38.995.711.8 27"): its digits joined
        joined = parse_number(re.sub(r"(?<=[\d.,])\s+(?=\d)", "", ws(ce.text)))
        value = joined.value if joined.kind == "number" else None
    whole = aggregate_budgets(res).get(value) if value is not None else None
    if whole is None:
        return None
    table, page = whole
    if ctx is not None and ctx.word:  # a Word draft: the table's heading path, no page
        return f"{ws(ce.text)} = {ctx.table_name(table)} ({ctx.place(table, None)})"
    return f"{ws(ce.text)} = {table.label} ({_t('loc.page', ctx.lang if ctx is not None else 'id', page=page)})"


def check_cross_table(rule, at, ctx: Ctx) -> Iterable[Finding]:
    res = resolution(ctx)
    if res is None:
        return
    # params.targets_checked_by: the rule that compares indicator targets with the PK;
    # while it runs, this rule leaves those targets to it
    pk_rule = rule.params.get("targets_checked_by")
    pk_runs = bool(pk_rule) and ctx.runs(pk_rule)
    # Where the document holds the signed amended Perjanjian Kinerja, the signed original
    # (uncaptioned, in the appendix) is the murni stage: its values are not this year's plan
    # any more (the pk-target kind still reads its targets). A captioned Bab II PK is not: it is quoted
    # as the report's plan, often with the amended figures.
    amended_pk = "amended" in res.pk.values()
    for e in res.entities:
        keys: list = []
        for o in e.occurrences:
            for k in o.fields:
                if k not in keys and k[0] != "target_murni":
                    keys.append(k)
        pk_covered = e.cls == "indikator" and any(_pk_reference(res, e))
        for key in keys:
            if pk_runs and pk_covered and key == ("target", None):
                continue  # the pk-target rule compares indicator targets with the PK
            allpts = [p for o in e.occurrences if (p := point(res, o, key)) is not None]
            if any(p.occ.pk == "amended" for p in allpts):
                allpts = [p for p in allpts if p.occ.pk != "original"]  # the amended PK counts
            elif amended_pk:
                allpts = [p for p in allpts if not (p.occ.pk == "original" and p.occ.table is None)]
            # A volume with its unit ("6 Dokumen") and a bare percentage of achievement
            # ("100,00") are different measures of the same item: compare like with like.
            # So are an amount of money and an index, or a range and a number outside targets.
            for m in dict.fromkeys(measure(p, key[0]) for p in allpts):
                pts = [p for p in allpts if measure(p, key[0]) == m]
                if len({p.occ.table_id for p in pts}) >= 2:
                    yield from _disagreement(rule, ctx, e, key, pts, res)


def has_unit(p: Point) -> bool:
    return p.kind == "num" and p.value.unit not in (None, "%") and p.value.kind != "percent"


def is_money(p: Point) -> bool:
    """An amount of Rupiah: a million or more printed with thousands separators."""
    return (p.kind == "num" and p.value.kind == "number" and p.value.value is not None
            and abs(p.value.value) >= 1_000_000 and len(re.findall(r"(?<=\d)[.,]\d{3}(?!\d)", p.shown)) >= 2)


def measure(p: Point, fld: str) -> str:
    """What a printed value measures, as far as its form tells: a volume with its unit,
    an amount of money, a range (outside targets: a misread column), or a plain number."""
    if has_unit(p):
        return "unit"
    if is_money(p):
        return "money"
    if p.kind == "range" and fld != "target":
        return "range"
    return p.kind


def _works_out(ctx: Ctx, p: Point, key) -> bool:
    """The row prints that year's target and realisasi and its capaian is one over the other
    x 100 (either polarity)."""
    vals = []
    for fld in ("target", "realisasi"):
        col = p.occ.fields.get((fld, key[1]))
        c = cell_at(p.at, p.occ.row, col) if col is not None else None
        if c is None or c.is_empty or c.number.kind not in ("number", "percent") or not c.number.value:
            return False
        vals.append(c.number.value)
    t, r = vals
    return ctx.consistent(p.value, r / t * 100) or ctx.consistent(p.value, t / r * 100)


def _quoting_place(ctx: Ctx, pts: list[Point], key) -> Point | None:
    """Two places, no majority: the place that quotes a past year's achievement rather than the
    one that works it out. When exactly one of the two prints that year's target and realisasi
    beside the capaian and its capaian follows from them, and the other prints no such inputs,
    the finding is at the other (Tabel 3,6's "Capaian Kinerja Tahun 2015" 100 against the IKU
    table's 2015 target 85, realisasi 96,23, capaian 113,21). None otherwise: the first place."""
    if key[0] != "capaian" or key[1] is None or len(pts) != 2:
        return None
    worked = [p for p in pts if _works_out(ctx, p, key)]
    if len(worked) != 1:
        return None
    other = next(p for p in pts if p is not worked[0])
    if ("target", key[1]) in other.occ.fields or ("realisasi", key[1]) in other.occ.fields:
        return None  # the other prints inputs too: its own row tells (the CAP rules), not this
    return other


def _disagreement(rule, ctx: Ctx, e: Entity, key, pts: list[Point], res: Resolution | None = None) -> Iterable[Finding]:
    cls = classes(pts, ctx.mode)
    if len(cls) < 2:
        return
    sizes = sorted((len(c) for c in cls), reverse=True)
    majority = sizes[0] > sizes[1]
    if majority:
        # One finding per value that departs from the majority, at its first place.
        major = max(cls, key=len)
        cases = [(c[0], major[0]) for c in cls if c is not major]
    else:
        loc = _quoting_place(ctx, pts, key) or pts[0]
        cases = [(loc, next(c[0] for c in cls if not any(loc is x for x in c)))]
    cls_of = {id(p): k for k, c in enumerate(cls) for p in c}
    major_k = cls_of[id(major[0])] if majority else None
    for loc, expected in cases:
        # Related: the places of the majority and of this value; another departing value
        # has its own finding (the message still names every place).
        others = [p for p in pts if p is not loc
                  and (not majority or cls_of[id(p)] in (major_k, cls_of[id(loc)]))]
        exp_places = [p for p in others if same(p, expected, ctx.mode)]
        lower = {}
        if res is not None and key[0] in BUDGET_FIELDS:
            whole = _attributed_whole(res, loc, ctx) or _attributed_whole(res, expected, ctx)
            if whole:
                # One reading: the table gives the indicator the budget of a whole (its
                # program, the agency): not the same fact as another table's share.
                lower = {"severity": "info", "note": (
                    f"tidak dapat diperiksa dengan andal: anggaran indikator dapat berarti anggaran "
                    f"keseluruhan ({whole})",
                    f"cannot be checked reliably: an indicator's budget may be that of a whole ({whole})")}
        twins = [o.row for o in e.occurrences if o.table_id == loc.occ.table_id and o.row != loc.occ.row]
        if twins and not lower:
            # The table names the item on two rows: the other row may be the item and this
            # one a repeated label (or a child): not surely the same fact.
            rows = ", ".join(str(r + 1) for r in twins)
            tname = ctx.table_name(loc.at.table) if ctx.word else loc.occ.table or loc.occ.table_id
            lower = {"severity": "info", "note": (
                f"tidak dapat diperiksa dengan andal: tabel {tname} memuat nama ini "
                f"juga di baris {rows}",
                f"cannot be checked reliably: table {tname} prints this name on "
                f"row {rows} too")}
        f = ctx.finding(
            rule, loc.at, loc.occ.row, loc.col,
            expected=expected.shown, actual=loc.shown,
            fields={"row": loc.occ.name, "others": ", ".join(where(p, ctx) for p in exp_places), "places": places(pts, ctx),
                    "field": key[0] if key[1] is None else f"{key[0]} {key[1].lstrip('?')}"},
            related=[location(ctx, p) for p in others],
            detail={"entity": e.name, "field": key[0], "group": key[1], "values": len(cls),
                    "majority": majority, "matches": evidence(pts)},
            **lower,
        )
        f.row = loc.occ.name
        yield f


# -- composite: composite indices and totals that must agree ------------------------


def _sum_points(ctx: Ctx, total: Point, addends: list[Point]) -> tuple[bool, Decimal]:
    s = sum((p.value.value for p in addends), Decimal(0))
    tp = total.value
    if tp.decimals == 0 and all(p.value.decimals == 0 for p in addends):
        return abs(s - tp.value) <= ctx.config.tolerance, s
    lo = hi = Decimal(0)
    for p in addends:
        a, b = numeric.interval(p.value, ctx.mode)
        lo += a
        hi += b
    return ctx.consistent(tp, s) or ctx.overlaps(tp, lo, hi), s


def _components(res: Resolution) -> dict[int, list[int]]:
    """IKU entity -> component indicator entities, from a table that lists an IKU
    and, beside it, the program indicators that make it up (the report relating them)."""
    keys: dict[str, int] = {}
    for e in res.entities:
        if e.cls == "indikator":
            for o in e.occurrences:
                keys.setdefault(normalise(o.name), e.id)
    out: dict[int, list[int]] = {}
    for at in res.tables.values():
        inds = sorted([c for c in at.columns if c.field == "indikator"], key=lambda c: c.index)
        if len(inds) < 2 or not re.search(r"UTAMA", ws(inds[0].label), re.I) \
                or not re.search(r"PROGRAM|KEGIATAN", ws(inds[-1].label), re.I):
            continue
        current = None
        for i in range(len(at.table.rows)):
            c0 = cell_at(at, i, inds[0])
            if c0 is not None and ws(c0.text):
                current = keys.get(normalise(c0.text))
            c1 = cell_at(at, i, inds[-1])
            if current is None or c1 is None or not ws(c1.text):
                continue
            comp = keys.get(normalise(c1.text))
            if comp is not None and comp != current and comp not in out.setdefault(current, []):
                out[current].append(comp)
    return {k: v for k, v in out.items() if len(v) >= 2 and res.entities[k].name.casefold().startswith("indeks")}


def _main_value(res: Resolution, e: Entity, key, mode) -> tuple[Point | None, list[Point]]:
    pts = [p for o in e.occurrences if (p := point(res, o, key)) is not None and p.kind == "num"]
    if any(p.occ.pk == "amended" for p in pts):
        pts = [p for p in pts if p.occ.pk != "original"]
    if not pts:
        return None, []
    cls = sorted(classes(pts, mode), key=lambda c: -len(c))
    return cls[0][0], pts


def _main_points(res: Resolution, e: Entity, key, mode) -> list[Point]:
    """Every point printing the value _main_value gives the item."""
    first, pts = _main_value(res, e, key, mode)
    return [p for p in pts if first is not None and same(first, p, mode)]


def _parallel_pair(res: Resolution, e: Entity, comps: list[int], key, mode) -> tuple[Point, list[Point]] | None:
    """The index and its components where the report prints them in two tables of the same
    columns (Tabel 3.15 the IKU, Tabel 3.16 the program indicators, both under
    "TAHUN 2024 / TARGET TAHUNAN"), one right after the other (at most one table between):
    the place where the inconsistency is printed, rather than the first table naming the
    index (Tabel 2.7 prints no component). None when no two such tables exist (a pair far
    apart, e.g. the IKU row of one Rencana table and the indicator rows of another, is no
    evidence the report puts them together)."""
    order = {tid: k for k, tid in enumerate(res.tables)}
    header = lambda p: ws(p.col.label).casefold()
    comp_pts = [_main_points(res, res.entities[c], key, mode) for c in comps]
    best = None
    for total in _main_points(res, e, key, mode):
        tables = None  # tables printing every component under the index's column header
        for pts in comp_pts:
            here = {p.occ.table_id for p in pts if header(p) == header(total) and p.occ.table_id != total.occ.table_id}
            tables = here if tables is None else tables & here
        for tid in tables or ():
            d = abs(order.get(tid, 0) - order.get(total.occ.table_id, 0))
            if d <= 2 and (best is None or d < best[0]):
                addends = [next(p for p in pts if p.occ.table_id == tid and header(p) == header(total)) for pts in comp_pts]
                best = (d, total, addends)
    return None if best is None else (best[1], best[2])


def check_composite(rule, at, ctx: Ctx) -> Iterable[Finding]:
    res = resolution(ctx)
    if res is None:
        return
    # 1. An IKU index and its component indicators, related by the report's own table.
    for iku, comps in _components(res).items():
        e = res.entities[iku]
        for fld in ("target", "realisasi"):
            key = (fld, None)
            pair = _parallel_pair(res, e, comps, key, ctx.mode)
            if pair is not None:
                total, addends = pair
            else:
                total, _ = _main_value(res, e, key, ctx.mode)
                if total is None:
                    continue
                addends = []
                for cid in comps:
                    v, _ = _main_value(res, res.entities[cid], key, ctx.mode)
                    if v is None:
                        addends = []
                        break
                    addends.append(v)
            if len(addends) < 2:
                continue
            ok, s = _sum_points(ctx, total, addends)
            if ok:
                continue
            shown = [p.shown for p in addends]
            f = ctx.finding(
                rule, total.at, total.occ.row, total.col,
                expected=ctx.fmt(s, total.value.decimals), actual=total.shown,
                fields={"row": total.occ.name, "addends": " + ".join(shown), "count": len(shown), "others": ""},
                related=[location(ctx, p) for p in addends],
                detail={"entity": e.name, "field": fld, "computed": str(s),
                        "components": [res.entities[c].name for c in comps], "matches": evidence(addends)},
            )
            f.row = total.occ.name
            yield f
    # 2. A table of an index's components with the index as its last row.
    for t in res.tables.values():
        yield from _component_table(rule, t, ctx)
    # 3. Totals of one population broken down several ways (PNS by golongan, education ...).
    yield from _population_totals(rule, res, ctx)


def _component_table(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    if not re.search(r"\bkomponen\b", at.table.title or "", re.I) or len(at.table.rows) < 3:
        return
    last = len(at.table.rows) - 1
    label = ws(row_label(at, last))
    if not re.match(r"(indeks|nilai|total|jumlah)\b", label, re.I):
        return
    ncol = len(at.table.rows[last].cells)
    for j in range(ncol):
        tcell = cell_at(at, last, j)
        if tcell is None or tcell.number.kind not in ("number", "percent") or tcell.number.value is None:
            continue
        rows, bad = [], False
        for i in range(last):
            c = cell_at(at, i, j)
            if c is None or c.is_empty:
                continue
            if c.number.kind not in ("number", "percent") or c.number.value is None:
                bad = True
                break
            rows.append((i, c))
        if bad or len(rows) < 2:
            continue
        s = sum((c.number.value for _, c in rows), Decimal(0))
        tp = tcell.number
        lo = hi = Decimal(0)
        for _, c in rows:
            a, b = numeric.interval(c.number, ctx.mode)
            lo += a
            hi += b
        exact = tp.decimals == 0 and all(c.number.decimals == 0 for _, c in rows)
        ok = abs(s - tp.value) <= ctx.config.tolerance if exact else (ctx.consistent(tp, s) or ctx.overlaps(tp, lo, hi))
        if ok:
            continue
        shown = [ws(c.text) for _, c in rows]
        yield ctx.finding(
            rule, at, last, j,
            expected=ctx.fmt(s, tp.decimals), actual=ws(tp.text),
            fields={"addends": " + ".join(shown), "count": len(shown), "others": ""},
            related=[ctx.location(at, i, j) for i, _ in rows],
            detail={"formula": "index = sum of its components (table of components)", "computed": str(s)},
        )


_BREAKDOWN = re.compile(r"^(golongan|(tingkat\s+)?pendidikan|jabatan|jenis\s+kelamin|usia|umur|kelompok\s+umur)$", re.I)
_SUBJECT = re.compile(r"^(?P<subject>.+?)\s+(berdasarkan|menurut)\s+(?P<by>.+?)(\s+(tahun|th\.?)\s+\d{4}.*)?$", re.I)


def _table_total(at: AnalyzedTable) -> tuple[int, int, Decimal, list[str]] | None:
    """(row, column, total, parts) of a composition table: its JUMLAH, or the sum of its one row."""
    rows = at.table.rows
    if not rows:
        return None
    heads = [ws(h).casefold() for h in at.table.columns]
    jcol = next((j for j, h in enumerate(heads) if h in ("jumlah", "total")), None)
    totals = [ri.index for ri in at.rows if ri.role == "total" and ri.index < len(rows)]
    if totals:
        i = totals[-1]
        cells = rows[i].cells
        cand = [j for j, c in enumerate(cells) if c.number.kind == "number" and c.number.value is not None]
        j = jcol if jcol is not None and jcol in cand else (cand[-1] if cand else None)
        if j is None:
            return None
        return i, j, cells[j].number.value, [ws(cells[j].text)]
    if len(rows) != 1:
        return None
    cells = rows[0].cells
    if jcol is not None and jcol < len(cells) and cells[jcol].number.value is not None:
        return 0, jcol, cells[jcol].number.value, [ws(cells[jcol].text)]
    parts, s = [], Decimal(0)
    for j, c in enumerate(cells):
        if j == 0 or c.is_empty:
            continue  # the year / label cell
        if c.number.kind != "number" or c.number.value is None or c.number.decimals:
            return None
        parts.append(ws(c.text))
        s += c.number.value
    return (0, len(cells) - 1, s, parts) if len(parts) >= 2 else None


def _population_totals(rule, res: Resolution, ctx: Ctx) -> Iterable[Finding]:
    groups: dict[str, list] = {}
    for at in res.tables.values():
        m = _SUBJECT.match(ws(at.table.title))
        if not m or not _BREAKDOWN.match(ws(m.group("by"))):
            continue
        tot = _table_total(at)
        if tot is None:
            continue
        groups.setdefault(normalise(m.group("subject")), []).append((at, tot))
    for items in groups.values():
        if len(items) < 2:
            continue
        vals: dict[Decimal, list] = {}
        for it in items:
            vals.setdefault(it[1][2], []).append(it)
        if len(vals) < 2:
            continue
        ranked = sorted(vals.items(), key=lambda kv: -len(kv[1]))
        major_v, major = ranked[0]
        tie = len(ranked) > 1 and len(ranked[1][1]) == len(major)
        loc = items[0] if tie else next(it for it in items if it[1][2] != major_v)
        exp_v = next(v for v, _ in ranked if v != loc[1][2])
        at, (i, j, v, parts) = loc
        others = [it for it in items if it is not loc]
        f = ctx.finding(
            rule, at, i, j, variant="totals",
            expected=ctx.fmt(exp_v, 0), actual=ctx.fmt(v, 0),
            fields={"addends": " + ".join(parts), "count": len(parts),
                    "others": ", ".join(f"{ctx.table_name(o[0].table)}: {ctx.fmt(o[1][2], 0)}" for o in others)},
            related=[ctx.location(o[0], o[1][0], o[1][1]) for o in others],
            detail={"formula": "the same population counted by different breakdowns has one total"},
        )
        yield f


# -- mean: programme/kegiatan capaian = mean of its children ------------------

_MEAN_FORMULA = re.compile(r"(Σ|∑).{0,300}|rata-rata[^.\n]{0,80}capaian|capaian[^.\n]{0,80}rata-rata", re.I | re.S)
_CHILD = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


def states_mean(ctx: Ctx) -> bool:
    if ctx.doc is None:
        return False
    for p in ctx.doc.pages:
        for m in _MEAN_FORMULA.finditer(p.text or ""):
            s = m.group(0)
            if re.search(r"rata-rata", s, re.I) or re.search(r"kegiatan", s, re.I):
                return True
    return False


def _is_hundred(c: Cell | None) -> bool:
    return (c is not None and c.number.kind in ("number", "percent") and c.number.value == 100
            and (c.number.unit in (None, "%")))


def check_mean(rule, at, ctx: Ctx) -> Iterable[Finding]:
    res = resolution(ctx)
    if res is None or not states_mean(ctx):
        return
    by_table: dict[str, list[Occurrence]] = {}
    for e in res.entities:
        for o in e.occurrences:
            by_table.setdefault(o.table_id, []).append(o)
    for tid, occs in by_table.items():
        t = res.tables[tid]
        caps = [c for c in t.columns if c.field == "capaian"]
        for o in sorted(occs, key=lambda o: o.row):
            child_kind = _CHILD.get(o.kind)
            if child_kind is None:
                continue
            kids = [k for k in occs if k.parent_row == o.row and k.kind == child_kind]
            if len(kids) < 2:
                continue
            for col in caps:
                # Only a percentage of achievement (target 100) whose children are
                # percentages of achievement too: "Σ Persentase Ketercapaian ... / Jumlah Kegiatan".
                tcol = next((c for c in t.columns if c.field == "target" and c.group == col.group), None)
                if tcol is None or not all(_is_hundred(cell_at(t, r, tcol)) for r in [o.row] + [k.row for k in kids]):
                    continue
                pc = cell_at(t, o.row, col)
                if pc is None or pc.number.kind not in ("number", "percent") or pc.number.value is None:
                    continue
                vals = []
                for k in sorted(kids, key=lambda k: k.row):
                    kc = cell_at(t, k.row, col)
                    if kc is None or kc.number.kind not in ("number", "percent") or kc.number.value is None:
                        vals = []
                        break
                    vals.append((k.row, kc))
                if len(vals) < 2:
                    continue
                mean = sum((c.number.value for _, c in vals), Decimal(0)) / len(vals)
                if ctx.consistent(pc.number, mean):
                    continue
                shown = [ws(c.text) for _, c in vals]
                yield ctx.finding(
                    rule, t, o.row, col,
                    expected=ctx.fmt(mean, pc.number.decimals), actual=ws(pc.text),
                    fields={"addends": " + ".join(shown), "count": len(shown)},
                    related=[ctx.location(t, r, col) for r, _ in vals],
                    detail={"formula": "mean of the children's capaian (stated in the report)", "computed": str(mean)},
                )
