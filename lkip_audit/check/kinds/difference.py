"""Rule kind "difference": result = minuend - subtrahend (GAP, bertambah/berkurang)."""

from __future__ import annotations

from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import Ctx, agrees, applies, cell_at, data_rows, judge, same_group, state
from lkip_audit.findings import Finding
from lkip_audit.understand.model import AnalyzedTable

FIELDS_DIFF = {"minuend", "subtrahend"}


def check_difference(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    if not applies(rule, at):
        return
    prm = rule.params
    for rcol in at.cols(prm["result"]):
        mcol = same_group(at, prm["minuend"], rcol.group)
        scol = same_group(at, prm["subtrahend"], rcol.group)
        if mcol is None or scol is None:
            continue
        label = (rcol.label or "").lower()
        signs = [1]
        for word, sign in (prm.get("one_sided") or {}).items():
            others = [w for w in prm["one_sided"] if w != word]
            if word in label and not any(o in label for o in others):
                signs = [sign]
        for i in data_rows(at):
            cells = [cell_at(at, i, c) for c in (rcol, mcol, scol)]
            if any(state(c) != "number" for c in cells):
                continue  # malformed operands are the malformed kind's, missing ones the schema kind's
            rp, mp, sp = (c.number for c in cells)
            diff = mp.value - sp.value
            if any(ctx.consistent(rp, s * diff) for s in signs):
                continue
            exp_val = signs[0] * diff

            def values_at(r: int):
                cs = [cell_at(at, r, c) for c in (rcol, mcol, scol)] if 0 <= r < len(at.table.rows) else []
                if not cs or any(state(c) != "number" for c in cs):
                    return None
                return {"result": cs[0].number.value, "minuend": cs[1].number.value, "subtrahend": cs[2].number.value}

            def holds(v, rp=rp):
                return any(agrees(ctx, rp, v["result"], s * (v["minuend"] - v["subtrahend"])) for s in signs)

            doubts = judge(ctx, at, i, {"result": rcol, "minuend": mcol, "subtrahend": scol}, holds,
                           values_at=values_at)
            yield ctx.finding(
                rule, at, i, rcol,
                expected=ctx.fmt(exp_val, rp.decimals, parens=bool(prm.get("parens"))),
                actual=numeric.shown(rp),
                fields={"minuend": numeric.shown(mp), "subtrahend": numeric.shown(sp)},
                related=[ctx.location(at, i, mcol), ctx.location(at, i, scol)],
                detail={"formula": f"{prm['minuend']} - {prm['subtrahend']}", "computed": str(exp_val)},
                doubts=doubts,
            )
