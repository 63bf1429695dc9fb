"""Arithmetic typeset as a stacked fraction in the text of a page.

A report often works out an indicator under its "Rumus" as a fraction set on three lines,
the fraction bar between them, the result after "=" on the middle line or on the next one::

    27.694.035.120.859,00 - 24.240.445.765.650,00          342
    = X 100%                                               = x 100% = 39,00%
    24.240.445.765.650,00                                  881
    = 15.36%

(the page text of lkip_audit.extract: one line per printed line, top to bottom). Such a
fraction is no sentence, so the narrative's inline formulas ("126,68/77 *100% = 165,00") do
not see it. `stacked_fractions` reads them: the numerator and the denominator are lines that
hold only numbers joined by "+" or "-" (each number may carry "∑" before it and a unit word
after it: "∑ 10.246.498kbm", "∑ 179 sentra layanan"), the middle line starts with "=" and holds
nothing but "x 100%" and the result. "x 100%" is read both ways: a ratio made a percentage
(x 100), or percentages multiplied by 100% = 1 ("(100,53 + 100 + 100) / 3 X 100% = 100,18"). A line of words ("∑ Pendapatan Asli Daerah") is the
formula's definition, not its arithmetic: not read. The values are those of
lkip_audit.understand.narrative_claims.Formula, so formula_holds decides the same way as for a
formula written in a sentence (every plausible reading of each number; rounded or truncated).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from lkip_audit.extract.model import Document
from lkip_audit.understand.narrative_claims import Formula, _readings

_NUM = r"\d[\d.,]*\d|\d"
_UNIT = r"(?:\s*/?\s*[A-Za-z][A-Za-z/]*){0,3}"
_TERM = re.compile(r"^\s*(?:∑\s*)?(?P<n>" + _NUM + r")(?P<u>" + _UNIT + r")\s*$")
_OP = re.compile(r"\s+[-–+]\s+")
_MIDDLE = re.compile(
    r"^=\s*(?P<x>[xX×*]\s*100\s*%\s*)?"
    r"(?:=\s*(?P<r>" + _NUM + r")\s*(?P<pct>%)?(?P<u>" + _UNIT + r"))?\s*$")
_RESULT = re.compile(r"^=\s*(?P<r>" + _NUM + r")\s*(?P<pct>%)?\s*$")


@dataclass
class StackedFraction:
    page: int
    numerator: str  # as printed
    denominator: str
    formula: Formula  # the values, result and readings (start/end: the line of the result)


def _expression(line: str) -> list[tuple[int, str]] | None:
    """[(sign, number as printed)] of a line that is a sum or difference of numbers, else None."""
    parts = _OP.split(line.strip())
    ops = _OP.findall(line.strip())
    out = []
    for k, part in enumerate(parts):
        m = _TERM.match(part)
        if m is None:
            return None
        sign = 1 if k == 0 or ops[k - 1].strip() == "+" else -1
        out.append((sign, m.group("n")))
    return out or None


def _bounds(terms: list[tuple[int, Decimal, int]]) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
    """(value, rounded low, rounded high, truncated low, truncated high) of a signed sum whose
    numbers are read with the given decimals: a number with d decimals stands for
    [x - h, x + h) rounded or [x, x + 2h) truncated (h = half a unit of its last place)."""
    v = rlo = rhi = tlo = thi = Decimal(0)
    for sign, x, d in terms:
        h = Decimal(5).scaleb(-d - 1) if d else Decimal(0)
        v += sign * x
        if sign > 0:
            rlo, rhi, tlo, thi = rlo + x - h, rhi + x + h, tlo + x, thi + x + 2 * h
        else:
            rlo, rhi, tlo, thi = rlo - x - h, rhi - x + h, tlo - x - 2 * h, thi - x
    return v, rlo, rhi, tlo, thi


def _ratio(lo_n, hi_n, lo_d, hi_d, k) -> tuple[Decimal, Decimal] | None:
    if lo_d <= 0 <= hi_d:
        return None
    corners = [a / b * k for a in (lo_n, hi_n) for b in (lo_d, hi_d)]
    return min(corners), max(corners)


def _formula(num: list[tuple[int, str]], den: list[tuple[int, str]], ks: tuple[int, ...], result: str,
             text: str) -> Formula | None:
    rc = _readings(result.rstrip("%").strip())
    readings = [[(s, r) for r in _readings(n)] for s, n in num + den]
    if not rc or any(not r for r in readings):
        return None
    vals, spans = [], []
    for k, combo in itertools.product(ks, itertools.product(*readings)):
        terms = [(s, x, d) for s, (x, d) in combo]
        n = _bounds(terms[:len(num)])
        d = _bounds(terms[len(num):])
        if d[0] == 0:
            continue
        r = _ratio(n[1], n[2], d[1], d[2], k)
        t = _ratio(n[3], n[4], d[3], d[4], k)
        if r is None or t is None:
            continue
        vals.append(n[0] / d[0] * k)
        spans.append((r[0], r[1], t[0], t[1]))
    if not vals:
        return None
    return Formula(text, result, 0, len(result), vals, rc, spans)


def _shown(line: str, terms: list) -> str:
    """The line as a term of the formula: without "∑", in brackets when it is a sum."""
    t = " ".join(line.replace("∑", " ").split())
    return f"({t})" if len(terms) > 1 else t


def stacked_fractions(doc: Document) -> list[StackedFraction]:
    """Every fraction with its result written on the pages' text lines (see the module doc)."""
    out = []
    for page in doc.pages:
        if not page.has_text or not page.text:
            continue
        lines = [ln.strip() for ln in page.text.splitlines()]
        for i in range(1, len(lines) - 1):
            mid = _MIDDLE.match(lines[i])
            if mid is None:
                continue
            num, den = _expression(lines[i - 1]), _expression(lines[i + 1])
            if num is None or den is None:
                continue
            result, pct, unit = mid.group("r"), mid.group("pct"), (mid.group("u") or "").strip()
            if result is None:
                if i + 2 >= len(lines):
                    continue
                nxt = _RESULT.match(lines[i + 2])
                if nxt is None:
                    continue
                result, pct = nxt.group("r"), nxt.group("pct")
            # "x 100%" turns a ratio into a percentage, or multiplies percentages by 100% = 1
            # ("(100,53 + 100 + 100) / 3 X 100% = 100,18", a mean of achievements): both readings
            if mid.group("x") is not None:
                ks = (100, 1)
            else:
                ks = (100,) if pct else (1,)
            shown = result + ("%" if pct else "") + (f" {unit}" if unit else "")
            text = (f"{_shown(lines[i - 1], num)} / {_shown(lines[i + 1], den)}"
                    + (" x 100%" if mid.group("x") is not None else "") + f" = {shown}")
            fm = _formula(num, den, ks, result + ("%" if pct else ""), text)
            if fm is None:
                continue
            fm.result = shown
            out.append(StackedFraction(page.number, lines[i - 1], lines[i + 1], fm))
    return out
