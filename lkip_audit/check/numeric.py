"""Number helpers for the check stage, built on lkip_audit.numbers.

Only the documented interface of lkip_audit.numbers is used: parse_number (through
Cell.number), format_number, interval and consistent. The rounding mode "either"
accepts a printed value when it is consistent under rounding OR truncation.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from lkip_audit import numbers as _numbers
from lkip_audit.numbers import ParsedNumber

MODES = ("round", "truncate", "either")
HUNDRED = Decimal(100)


def _modes(mode: str) -> tuple[str, ...]:
    return ("round", "truncate") if mode == "either" else (mode,)


def _fallback_interval(p: ParsedNumber, mode: str) -> tuple[Decimal, Decimal]:
    v = p.value
    step = Decimal(1).scaleb(-p.decimals)
    if mode == "truncate":
        return (v, v + step) if v >= 0 else (v - step, v)
    half = step / 2
    return v - half, v + half


def interval(p: ParsedNumber, mode: str = "round") -> tuple[Decimal, Decimal]:
    """Half-open interval [low, high) a printed value stands for ("either": the union)."""
    lows, highs = [], []
    for m in _modes(mode):
        fn = getattr(_numbers, "interval", None)
        lo, hi = fn(p, mode=m) if fn else _fallback_interval(p, m)
        lows.append(Decimal(lo))
        highs.append(Decimal(hi))
    return min(lows), max(highs)


def consistent(p: ParsedNumber, computed: Decimal, mode: str = "either", tolerance: Decimal = Decimal(0)) -> bool:
    """The recomputed value falls in the printed value's interval (per mode), or within tolerance."""
    if p.value is None:
        return False
    fn = getattr(_numbers, "consistent", None)
    for m in _modes(mode):
        if fn is not None:
            if fn(p, computed, mode=m):
                return True
        else:
            lo, hi = _fallback_interval(p, m)
            if lo <= computed < hi:
                return True
    if tolerance and abs(computed - p.value) <= tolerance:
        return True
    return False


def overlaps(p: ParsedNumber, low: Decimal, high: Decimal, mode: str = "either", tolerance: Decimal = Decimal(0)) -> bool:
    """The printed value's interval meets the closed range [low, high]."""
    if p.value is None:
        return False
    plo, phi = interval(p, mode)
    plo -= tolerance
    phi += tolerance
    return low < phi and high >= plo


def quantize(value: Decimal, decimals: int, mode: str = "either") -> Decimal:
    exp = Decimal(1).scaleb(-decimals)
    rounding = ROUND_DOWN if mode == "truncate" else ROUND_HALF_UP
    return value.quantize(exp, rounding=rounding)


def fmt(value: Decimal | None, decimals: int = 0, mode: str = "either", parens: bool = False) -> str | None:
    """Print a value the way the report prints numbers (Indonesian format)."""
    if value is None:
        return None
    q = quantize(value, decimals, mode)
    if parens and q < 0:
        return "(" + _format(-q, decimals) + ")"
    return _format(q, decimals)


def _format(q: Decimal, decimals: int) -> str:
    fn = getattr(_numbers, "format_number", None)
    if fn is not None:
        return fn(q, decimals)
    sign = "-" if q < 0 else ""
    s = f"{abs(q):.{decimals}f}"
    whole, _, frac = s.partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    out = ".".join(groups) or "0"
    return sign + out + ("," + frac if frac else "")


def shown(p: ParsedNumber) -> str:
    """A printed value as shown in messages: its text, whitespace-normalised."""
    return " ".join((p.text or "").split())


def decimals_for_ratio(p: ParsedNumber) -> int:
    return p.decimals
