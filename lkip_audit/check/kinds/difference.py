"""Rule kind "difference": result = minuend - subtrahend (GAP, bertambah/berkurang, sisa
anggaran, a change between two years).

Two ways of finding the operands, by the rule's params:

- fields (``minuend``, ``subtrahend``): the columns of those fields in the result
  column's group (GAP = kebutuhan - terisi; sisa = anggaran - realisasi Rp).
  ``signs`` lists the signs that are plausible readings of the result (default [1]);
  ``one_sided`` narrows them by a word of the result's header ("berkurang": -1);
  ``unless_fields``: the rule does not apply where the table has a column of one of
  those fields (another rule's difference); ``label_none``: nor to a result column
  whose header has one of those words.
- ``between: years``: a change between two years ("PERUBAHAN 2022-2023",
  "KENAIKAN/PENURUNAN"; the result's field, and those of ``result_also``): the operands are two columns of one field whose headers name
  the two years (the ones the result's header names, else the table's last two). The
  header leaves the reading open (later - earlier or the reverse; a difference in
  points or a relative change in %), so the table's own rows decide it: the readings
  under which most rows agree are the plausible ones, and a row is reported only when
  it fails under every one of them (READING.md). No reading that at least half the rows
  agree with: the column is not read as this change, and nothing is reported.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import Ctx, agrees, applies, cell_at, data_rows, judge, same_group, state
from lkip_audit.findings import Finding
from lkip_audit.understand.model import AnalyzedTable, ColumnRole

FIELDS_DIFF = {"minuend", "subtrahend"}

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# the fields whose columns of two years a change column may compare
_YEAR_OPERANDS = ("target", "realisasi", "capaian", "anggaran", "realisasi_rp", "persen", "fisik", "jumlah",
                  "kebutuhan", "terisi", "nilai_akhir", "target_renstra")


def _signs(prm: dict, label: str) -> list[int]:
    signs = [int(s) for s in (prm.get("signs") or [1])]
    one = prm.get("one_sided") or {}
    for word, sign in one.items():
        others = [w for w in one if w != word]
        if word in label and not any(o in label for o in others):
            signs = [int(sign)]
    return signs


def check_difference(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    if not applies(rule, at):
        return
    prm = rule.params
    if any(at.cols(f) for f in prm.get("unless_fields") or ()):
        return
    if prm.get("between") == "years":
        yield from _between_years(rule, at, ctx)
        return
    for rcol in at.cols(prm["result"]):
        label = (rcol.label or "").lower()
        if any(w in label for w in prm.get("label_none") or ()):
            continue
        mcol = same_group(at, prm["minuend"], rcol.group)
        scol = same_group(at, prm["subtrahend"], rcol.group)
        if mcol is None or scol is None:
            continue
        signs = _signs(prm, label)
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


# -- a change between two years ---------------------------------------------------------


def _year_of(c: ColumnRole) -> str | None:
    """The one year a column's group (else its header) names, or None."""
    for text in (c.group, c.label):
        ys = set(_YEAR.findall(text or ""))
        if ys:
            return ys.pop() if len(ys) == 1 else None
    return None


def year_pairs(at: AnalyzedTable, rcol: ColumnRole) -> list[tuple[ColumnRole, ColumnRole]]:
    """(later, earlier) column pairs a change column may compare: of one field, the two
    years its header names, else the table's last two years (and the last and the first,
    with three or more)."""
    if rcol.group and _YEAR.search(rcol.group) and len(set(_YEAR.findall(rcol.group))) == 1:
        return []  # a difference within one year's block (TARGET | REALISASI | SELISIH under 2023)
    named = sorted(set(_YEAR.findall(rcol.label or "")))
    if len(named) not in (0, 2):
        return []
    by_field: dict[str, dict[str, ColumnRole]] = {}
    for c in at.columns:
        if c is rcol or c.field not in _YEAR_OPERANDS:
            continue
        y = _year_of(c)
        if y is not None:
            by_field.setdefault(c.field, {}).setdefault(y, c)
    pairs = []
    for cols in by_field.values():
        if named:
            if named[0] in cols and named[1] in cols:
                pairs.append((cols[named[1]], cols[named[0]]))
            continue
        years = sorted(cols)
        if len(years) >= 2:
            pairs.append((cols[years[-1]], cols[years[-2]]))
            if len(years) > 2:
                pairs.append((cols[years[-1]], cols[years[0]]))
    return pairs


def _readings(pairs, signs) -> list[tuple]:
    """(later column, earlier column, sign, mode): mode "diff" (sign x (later - earlier))
    or "rel" (the same as a percentage of the earlier value)."""
    return [(m, s, sign, mode) for m, s in pairs for mode in ("diff", "rel") for sign in signs]


def _computed(mode: str, sign: int, later: Decimal, earlier: Decimal) -> Decimal | None:
    d = sign * (later - earlier)
    if mode == "diff":
        return d
    if earlier == 0:
        return None
    return d / abs(earlier) * 100


def _between_years(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    prm = rule.params
    for rcol in [c for f in [prm["result"], *(prm.get("result_also") or ())] for c in at.cols(f)]:
        label = (rcol.label or "").lower()
        if any(w in label for w in prm.get("label_none") or ()):
            continue
        pairs = year_pairs(at, rcol)
        if not pairs:
            continue
        readings = _readings(pairs, _signs(prm, label))
        rows = []
        for i in data_rows(at):
            for m, s in pairs:
                cells = [cell_at(at, i, c) for c in (rcol, m, s)]
                if all(state(c) == "number" for c in cells):
                    rows.append(i)
                    break
        if not rows:
            continue

        def holds_at(i: int, rd) -> bool:
            m, s, sign, mode = rd
            cells = [cell_at(at, i, c) for c in (rcol, m, s)]
            if any(state(c) != "number" for c in cells):
                return False
            v = _computed(mode, sign, cells[1].number.value, cells[2].number.value)
            return v is not None and ctx.consistent(cells[0].number, v)

        counts = [sum(1 for i in rows if holds_at(i, rd)) for rd in readings]
        best = max(counts)
        if best == 0 or best * 2 < len(rows):
            continue  # no reading the table's own rows support: not read as this change
        plausible = [rd for rd, n in zip(readings, counts) if n == best]
        m, s, sign, mode = plausible[0]
        same_pair = [rd for rd in plausible if rd[0] is m and rd[1] is s]
        for i in rows:
            if any(holds_at(i, rd) for rd in plausible):
                continue
            cells = [cell_at(at, i, c) for c in (rcol, m, s)]
            if any(state(c) != "number" for c in cells):
                continue  # fails only for want of the first reading's operands: not judged
            rp, mp, sp = (c.number for c in cells)
            exp_val = _computed(mode, sign, mp.value, sp.value)
            if exp_val is None:
                continue

            def values_at(r: int, m=m, s=s):
                cs = [cell_at(at, r, c) for c in (rcol, m, s)] if 0 <= r < len(at.table.rows) else []
                if not cs or any(state(c) != "number" for c in cs):
                    return None
                return {"result": cs[0].number.value, "minuend": cs[1].number.value, "subtrahend": cs[2].number.value}

            def holds(v, rp=rp, same_pair=same_pair):
                for _, _, sg, md in same_pair:
                    c = _computed(md, sg, v["minuend"], v["subtrahend"])
                    if c is not None and agrees(ctx, rp, v["result"], c):
                        return True
                return False

            doubts = judge(ctx, at, i, {"result": rcol, "minuend": m, "subtrahend": s}, holds, values_at=values_at)
            variant = None
            if mode == "rel":  # later and earlier as printed; the variant's message says which way
                a, b, ca, cb = mp, sp, m, s
                variant = "relative" if sign > 0 else "relative_down"
                formula = f"({m.label} - {s.label}) / {s.label} x 100" if sign > 0 \
                    else f"({s.label} - {m.label}) / {s.label} x 100"
            else:
                a, b = (mp, sp) if sign > 0 else (sp, mp)
                ca, cb = (m, s) if sign > 0 else (s, m)
                formula = f"{ca.label} - {cb.label}"
            yield ctx.finding(
                rule, at, i, rcol,
                expected=ctx.fmt(exp_val, rp.decimals, parens=bool(prm.get("parens"))),
                actual=numeric.shown(rp),
                fields={"minuend": numeric.shown(a), "subtrahend": numeric.shown(b)},
                related=[ctx.location(at, i, ca), ctx.location(at, i, cb)],
                detail={"formula": formula, "computed": str(exp_val),
                        "readings": len(plausible), "rows_agreeing": f"{best}/{len(rows)}"},
                variant=variant,
                doubts=doubts,
            )
