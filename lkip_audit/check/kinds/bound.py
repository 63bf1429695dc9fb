"""Rule kind "bound": a value above a limit or below zero where it cannot be.

Parameters: ``type`` (not_above: each of ``fields`` <= the ``limit`` field of its row,
``percent`` naming the row's printed percentage; max: each of ``fields`` <= ``max``;
min: each of ``fields`` >= ``min``, with ``unmapped`` also every unmapped column that
is not a rate), ``table_kinds``."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import Ctx, applies, cell_at, data_rows, judge, same_group, state
from lkip_audit.findings import Finding
from lkip_audit.understand.model import AnalyzedTable

FIELDS_BOUND = {"limit", "limit_value", "percent", "computed_percent"}
HUNDRED = Decimal(100)


def check_bound(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    if not applies(rule, at):
        return
    prm = rule.params
    typ = prm["type"]
    if typ == "not_above":
        yield from _not_above(rule, at, ctx)
    elif typ == "max":
        limit = Decimal(str(prm["max"]))
        for col in [c for name in prm["fields"] for c in at.cols(name)]:
            for i in data_rows(at):
                c = cell_at(at, i, col)
                if state(c) == "number" and c.number.value > limit + ctx.config.tolerance:
                    yield ctx.finding(
                        rule, at, i, col,
                        expected="<= " + numeric.fmt(limit, c.number.decimals),
                        actual=numeric.shown(c.number),
                        fields={"limit": numeric.fmt(limit, 0), "limit_value": numeric.fmt(limit, 0),
                                "percent": numeric.shown(c.number), "computed_percent": ""},
                        detail={"bound": f"<= {limit}"},
                    )
    elif typ == "min":
        limit = Decimal(str(prm.get("min", 0)))
        cols = [c for c in at.columns if c.field in (prm.get("fields") or [])]
        if prm.get("unmapped"):
            mapped = {c.index for c in at.columns}
            ncol = max((len(r.cells) for r in at.table.rows), default=0)
            cols += [i for i in range(ncol) if i not in mapped]
        for col in cols:
            if isinstance(col, int) and _not_a_count(at, col):
                continue  # an unmapped rate column ("TINGKAT EFISIENSI", "%") may be negative
            for i in data_rows(at):
                c = cell_at(at, i, col)
                if state(c) == "number" and c.number.value < limit:
                    yield ctx.finding(
                        rule, at, i, col,
                        expected=">= " + numeric.fmt(limit, 0),
                        actual=numeric.shown(c.number),
                        fields={"limit": numeric.fmt(limit, 0), "limit_value": numeric.fmt(limit, 0),
                                "percent": "", "computed_percent": ""},
                        detail={"bound": f">= {limit}"},
                    )


_RATE = re.compile(r"%|\b(TINGKAT|PERSEN|PERSENTASE|PROSENTASE|RASIO|EFISIENSI|CAPAIAN|SELISIH|DEVIASI|PERTUMBUHAN|"
                   r"KENAIKAN|PENURUNAN|PERUBAHAN|INDEKS|NILAI)\b", re.I)


def _not_a_count(at: AnalyzedTable, col: int) -> bool:
    """An unmapped column of rates, not counts: its header names a rate or a percentage, or
    its numbers are printed as percentages."""
    label = at.table.columns[col] if 0 <= col < len(at.table.columns) else ""
    if _RATE.search(label or ""):
        return True
    cells = [cell_at(at, i, col) for i in data_rows(at)]
    nums = [c for c in cells if state(c) == "number"]
    return bool(nums) and any(c.number.kind == "percent" for c in nums)


def _not_above(rule, at, ctx):
    prm = rule.params
    for vcol in [c for name in prm["fields"] for c in at.cols(name)]:
        lcol = same_group(at, prm["limit"], vcol.group)
        if lcol is None:
            continue
        pcol = same_group(at, prm["percent"], vcol.group) if prm.get("percent") else None
        for i in data_rows(at):
            v, lim = cell_at(at, i, vcol), cell_at(at, i, lcol)
            if state(v) != "number" or state(lim) != "number":
                continue
            vp, lp = v.number, lim.number
            if vp.value <= lp.value + ctx.config.tolerance:
                continue
            pc = cell_at(at, i, pcol) if pcol is not None else None
            percent = numeric.shown(pc.number) if pc is not None and not pc.is_empty else "-"
            computed = vp.value / lp.value * HUNDRED if lp.value else None
            related = [ctx.location(at, i, lcol)] + ([ctx.location(at, i, pcol)] if pcol is not None else [])

            def values_at(r: int):
                a, b = (cell_at(at, r, vcol), cell_at(at, r, lcol)) if 0 <= r < len(at.table.rows) else (None, None)
                if state(a) != "number" or state(b) != "number":
                    return None
                return {"value": a.number.value, "limit": b.number.value}

            doubts = judge(ctx, at, i, {"value": vcol, "limit": lcol},
                           lambda x: x["value"] <= x["limit"] + ctx.config.tolerance, values_at=values_at)
            yield ctx.finding(
                rule, at, i, vcol,
                expected="<= " + numeric.shown(lp),
                actual=numeric.shown(vp),
                fields={
                    "limit": numeric.shown(lp),
                    "limit_value": numeric.shown(lp),
                    "percent": percent,
                    "computed_percent": ctx.fmt(computed, 2) if computed is not None else "-",
                },
                related=related,
                detail={"bound": f"{vcol.field} <= {prm['limit']}", "excess": str(vp.value - lp.value)},
                doubts=doubts,
            )
