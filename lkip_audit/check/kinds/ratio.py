"""Rule kinds "ratio", "lower-better" and "product": a printed percentage recomputed."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import (
    DOUBT_TEXT, Ctx, Doubt, agrees, applies, cell_at, data_rows, judge, norm_unit, number, polarity_detail, polarity_of, same_group, state,
)
from lkip_audit.findings import Finding
from lkip_audit.understand.model import AnalyzedTable

HUNDRED = Decimal(100)
FIELDS_RATIO = {"numerator", "denominator", "target", "formula"}
FIELDS_LOWER = {"target", "realisasi", "expected_alt", "formula", "source"}
FIELDS_PRODUCT = {"capaian", "koreksi"}

DOUBT_TEXT.setdefault("magnitude", (
    "{numerator} dan {denominator} berbeda lebih dari seratus ribu kali besarnya: kolomnya mungkin tidak sepasang (mis. capaian dengan anggaran) karena tajuk tabel terbaca keliru",
    "{numerator} and {denominator} differ more than a hundred thousand times in size: the columns may not belong together (e.g. a capaian with a budget) because the header was misread",
))
# operands further apart than this are not a realisation and its target of one indicator
MAGNITUDE = Decimal(100000)


def _operand(at, row, col, allow_range=None):
    """(value, parsed, shown) or None when the cell gives no usable number."""
    cell = cell_at(at, row, col)
    st = state(cell)
    if st == "number":
        p = cell.number
        return p.value, p, numeric.shown(p)
    if st == "range" and allow_range in ("high", "low"):
        p = cell.number
        v = p.high if allow_range == "high" else p.low
        if v is None:
            return None
        return Decimal(v), p, numeric.shown(p)
    return None


def check_ratio(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    """result = numerator / denominator x factor, per row, per column group."""
    if not applies(rule, at):
        return
    prm = rule.params
    factor = Decimal(str(prm.get("factor", 100)))
    for rcol in at.cols(prm["result"]):
        ncol = same_group(at, prm["numerator"], rcol.group)
        dcol = same_group(at, prm["denominator"], rcol.group)
        also = None  # another plausible denominator: a row that holds against it is consistent
        if dcol is None and prm.get("denominator_fallback") and not at.cols(prm["denominator"]):
            dcol = same_group(at, prm["denominator_fallback"], rcol.group)
            also = same_group(at, prm["denominator_also"], rcol.group) if prm.get("denominator_also") else None
        if ncol is None or dcol is None or len({rcol.index, ncol.index, dcol.index}) < 3:
            continue
        lower_aware = bool(prm.get("skip_lower_is_better"))

        def values_at(r: int):
            if not 0 <= r < len(at.table.rows) or (lower_aware and r in at.lower_is_better):
                return None
            res, a, b = cell_at(at, r, rcol), _operand(at, r, ncol), _operand(at, r, dcol, prm.get("range_denominator"))
            if state(res) != "number" or a is None or b is None:
                return None
            return {"result": res.number.value, "numerator": a[0], "denominator": b[0]}

        def holds(v):
            return v["denominator"] != 0 and agrees(ctx, holds.rp, v["result"], v["numerator"] / v["denominator"] * factor)

        for i in data_rows(at):
            if lower_aware and i in at.lower_is_better:
                continue
            rcell = cell_at(at, i, rcol)
            if state(rcell) != "number":
                continue
            rp = rcell.number
            num = _operand(at, i, ncol)
            den = _operand(at, i, dcol, prm.get("range_denominator"))
            if num is None or den is None or den[0] == 0:
                continue
            if prm.get("unit_check") and norm_unit(num[1]) != norm_unit(den[1]):
                continue  # e.g. target "12 Dokumen" against a realisation printed in percent
            computed = num[0] / den[0] * factor
            if ctx.consistent(rp, computed):
                continue
            alt = _operand(at, i, also) if also is not None else None
            if alt is not None and alt[0] != 0 and ctx.consistent(rp, num[0] / alt[0] * factor):
                continue  # the percentage of the other budget (the original one, before the amendment)
            if den[1].kind != "range" and _fits_operand_precision(ctx, rp, num[1], den[1], lambda n, d: n / d * factor):
                continue  # the report computed from the unrounded operands (302,97 / 50 -> 605,93)
            holds.rp = rp
            extra = []
            small, big = sorted([abs(num[0]), abs(den[0])])
            if small and big / small >= MAGNITUDE:
                extra.append(Doubt("magnitude", (("numerator", num[2]), ("denominator", den[2]))))
            if lower_aware and polarity_of(at, i) is None and den[1].kind != "range":
                fit = _lower_fit(ctx, rp, num[0], den[0])  # realisasi / target: numerator, denominator
                if fit is not None:
                    extra.append(Doubt("polarity", (("alt", fit),)))
            doubts = judge(
                ctx, at, i, {"result": rcol, "numerator": ncol, "denominator": dcol}, holds,
                values_at=values_at, extra=extra,
            )
            is_range = den[1].kind == "range"
            den_shown = numeric.fmt(den[0], max(0, -den[0].normalize().as_tuple().exponent), "round") if is_range else den[2]
            expected = ctx.fmt(computed, rp.decimals)
            yield ctx.finding(
                rule, at, i, rcol,
                expected=expected,
                actual=numeric.shown(rp),
                variant="range" if is_range and "range" in rule.variants else None,
                fields={"numerator": num[2], "denominator": den_shown, "target": den[2]},
                related=[ctx.location(at, i, ncol), ctx.location(at, i, dcol)],
                detail={
                    "formula": prm.get("formula", f"{prm['numerator']} / {prm['denominator']} x {factor}"),
                    "numerator": str(num[0]),
                    "denominator": str(den[0]),
                    "computed": str(computed.quantize(Decimal("0.000001"))),
                    **(polarity_detail(at, i) if lower_aware else {}),
                },
                doubts=doubts,
            )


def _fits_operand_precision(ctx: Ctx, rp, p1, p2, f) -> bool:
    """Whether the printed result meets f over the intervals its printed operands stand for
    (XBRL Calculations 1.1: 302,97 is [302,965; 302,975)); whole numbers are exact. f must
    be monotonic in each operand over the box (true for x / y, (2y - x) / y away from 0).
    One convention for the whole row ("either" is round OR truncate, never a truncated
    operand under a rounded result: 99,90 / 94 = 106,277 is no 106,29, bab_iii_lkip_2016 p19)."""
    if p1.decimals <= 0 and p2.decimals <= 0:
        return False
    for m in numeric._modes(ctx.mode):
        boxes = []
        for p in (p1, p2):
            if p.decimals > 0:
                lo, hi = numeric.interval(p, m)
                boxes.append((lo, hi))
            else:
                boxes.append((p.value, p.value))
        if any(lo <= 0 <= hi for lo, hi in boxes[1:]) or boxes[1] == (0, 0):
            return False
        try:
            vals = [f(a, b) for a in boxes[0] for b in boxes[1]]
        except (ArithmeticError, ZeroDivisionError):
            return False
        if numeric.overlaps(rp, min(vals), max(vals), m, ctx.config.tolerance):
            return True
    return False


def _lower_fit(ctx: Ctx, rp, realisasi: Decimal, target: Decimal) -> str | None:
    """The lower-is-better formula the printed capaian fits, shown, or None."""
    if target == 0:
        return None
    a = (2 * target - realisasi) / target * HUNDRED
    if ctx.consistent(rp, a):
        return "(2 x target - realisasi) / target x 100 = " + ctx.fmt(a, rp.decimals)
    if realisasi != 0:
        b = target / realisasi * HUNDRED
        if ctx.consistent(rp, b):
            return "target / realisasi x 100 = " + ctx.fmt(b, rp.decimals)
    return None


def check_lower_better(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    """Capaian of a lower-is-better indicator: (2T - R) / T x 100 or T / R x 100."""
    if not applies(rule, at) or not at.lower_is_better:
        return
    prm = rule.params
    for rcol in at.cols(prm.get("result", "capaian")):
        tcol = same_group(at, prm.get("target", "target"), rcol.group)
        xcol = same_group(at, prm.get("realisasi", "realisasi"), rcol.group)
        if tcol is None or xcol is None:
            continue
        for i in sorted(at.lower_is_better):
            if not 0 <= i < len(at.table.rows):
                continue
            rcell = cell_at(at, i, rcol)
            if state(rcell) != "number":
                continue
            rp = rcell.number
            t = _operand(at, i, tcol)
            x = _operand(at, i, xcol)
            if t is None or x is None or t[0] == 0:
                continue
            if prm.get("unit_check") and norm_unit(t[1]) != norm_unit(x[1]):
                continue
            pol = polarity_of(at, i)
            # the formula the report states for this row (or for all its lower-is-better
            # indicators) wins; without one, either usual formula is accepted (DESIGN.md)
            stated = getattr(pol, "formula", None) if pol is not None and pol.lower else None
            use_a, use_b = stated in (None, "2t-r"), stated in (None, "t/r")
            a = (2 * t[0] - x[0]) / t[0] * HUNDRED
            b = t[0] / x[0] * HUNDRED if x[0] != 0 else None
            if stated == "t/r" and b is None:
                continue
            if (use_a and ctx.consistent(rp, a)) or (use_b and b is not None and ctx.consistent(rp, b)):
                continue
            if (use_a and _fits_operand_precision(ctx, rp, t[1], x[1], lambda tt, xx: (2 * tt - xx) / tt * HUNDRED)) or (
                    use_b and b is not None and _fits_operand_precision(ctx, rp, t[1], x[1], lambda tt, xx: tt / xx * HUNDRED)):
                continue
            severity = note = None
            extra = []
            higher = x[0] / t[0] * HUNDRED
            if pol is not None and pol.evidence == "name" and ctx.consistent(rp, higher):
                # polarity rests on the name alone and the value fits higher-is-better
                extra.append(Doubt("polarity-name", (("alt", "realisasi / target x 100 = " + ctx.fmt(higher, rp.decimals)),)))
            # realisasi 0 and no stated formula: the target / realisasi reading is a division by
            # zero, which a report may print as 100 ("fully met"); a printed 100 then does not
            # fail under every plausible reading: info, not an error (any other value, 1000
            # for a delay of 0 days, no reading gives: still an error)
            zero = ([Doubt("zero-realisation", (("actual", numeric.shown(rp)),))]
                    if stated is None and b is None and rp.value == HUNDRED else [])

            def holds(v, rp=rp, use_a=use_a, use_b=use_b):
                if v["target"] == 0:
                    return False
                alts = [(2 * v["target"] - v["realisasi"]) / v["target"] * HUNDRED] if use_a else []
                if use_b and v["realisasi"] != 0:
                    alts.append(v["target"] / v["realisasi"] * HUNDRED)
                return any(agrees(ctx, rp, v["result"], c) for c in alts)

            def values_at(r: int):
                if r not in at.lower_is_better:
                    return None
                res, tt, xx = cell_at(at, r, rcol), _operand(at, r, tcol), _operand(at, r, xcol)
                if state(res) != "number" or tt is None or xx is None:
                    return None
                return {"result": res.number.value, "target": tt[0], "realisasi": xx[0]}

            doubts = judge(ctx, at, i, {"result": rcol, "target": tcol, "realisasi": xcol}, holds,
                           values_at=values_at, extra=zero)
            if extra and not doubts:
                severity = "warning"  # not an error: the value fits the other polarity's formula
                note = (extra[0].reason("id"), extra[0].reason("en"))
            if stated == "t/r":
                shown_formula, value = f"{t[2]} / {x[2]} x 100", b
            else:
                shown_formula, value = f"(2 x {t[2]} - {x[2]}) / {t[2]} x 100", a
            yield ctx.finding(
                rule, at, i, rcol,
                expected=ctx.fmt(value, rp.decimals),
                actual=numeric.shown(rp),
                variant="stated" if stated and "stated" in rule.variants else None,
                fields={
                    "target": t[2],
                    "realisasi": x[2],
                    "expected_alt": ctx.fmt(b, rp.decimals) if b is not None else "-",
                    "formula": shown_formula,
                    "source": _where(pol.formula_source or pol.source, ctx.lang, ctx.doc) if stated else "",
                },
                related=[ctx.location(at, i, tcol), ctx.location(at, i, xcol)],
                detail={
                    "formula": ("(2 x target - realisasi) / target x 100" if stated == "2t-r" else
                                "target / realisasi x 100" if stated == "t/r" else
                                "(2 x target - realisasi) / target x 100 | target / realisasi x 100"),
                    "alternatives": [str(a.quantize(Decimal("0.000001")))]
                    + ([str(b.quantize(Decimal("0.000001")))] if b is not None else []),
                    **polarity_detail(at, i),
                },
                doubts=doubts, severity=severity, note=note,
            )


def _where(source: str, lang: str, doc=None) -> str:
    """Where the report states a formula, short: "hal. 6" / "p. 6" from a polarity source
    ("p6: '...'"); in a Word draft (no pages) the sentence's paragraph ("Bab III > 3.1,
    paragraf 12")."""
    import ast
    import re

    m = re.search(r"\bp(\d+)\b", source or "")
    if m and doc is not None:
        from lkip_audit.extract.docx import is_word_document, paragraph_place

        if is_word_document(doc):
            q = re.search(r"\bp\d+: (['\"].*)$", source or "", re.S)
            try:
                text = ast.literal_eval(q.group(1)) if q else ""
            except (ValueError, SyntaxError):
                text = ""
            return paragraph_place(doc, int(m.group(1)), text, lang) or ("laporan" if lang == "id" else "the report")
    if m:
        return ("hal. " if lang == "id" else "p. ") + m.group(1)
    return "laporan" if lang == "id" else "the report"


def check_product(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    """nilai akhir = capaian x (1 - koreksi / 100); capaian is itself a rounded figure."""
    if not applies(rule, at):
        return
    prm = rule.params
    for rcol in at.cols(prm.get("result", "nilai_akhir")):
        ccol = same_group(at, prm.get("value", "capaian"), rcol.group)
        kcol = same_group(at, prm.get("correction", "koreksi"), rcol.group)
        if ccol is None or kcol is None:
            continue
        for i in data_rows(at):
            rcell = cell_at(at, i, rcol)
            if state(rcell) != "number":
                continue
            rp = rcell.number
            c = _operand(at, i, ccol)
            k = _operand(at, i, kcol)
            if c is None or k is None:
                continue
            mult = 1 - k[0] / HUNDRED
            computed = c[0] * mult
            if ctx.consistent(rp, computed):
                continue
            lo, hi = numeric.interval(c[1], ctx.mode)  # the capaian behind the printed one
            ends = sorted([lo * mult, hi * mult])
            if ctx.overlaps(rp, ends[0], ends[1]):
                continue
            yield ctx.finding(
                rule, at, i, rcol,
                expected=ctx.fmt(computed, rp.decimals),
                actual=numeric.shown(rp),
                fields={"capaian": c[2], "koreksi": k[2]},
                related=[ctx.location(at, i, ccol), ctx.location(at, i, kcol)],
                detail={"formula": "capaian x (1 - koreksi / 100)", "computed": str(computed)},
            )
