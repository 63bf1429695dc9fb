"""Indonesian number parsing and formatting (shared by every stage).

INTERFACE (stable):

    parse_number(text, style="id") -> ParsedNumber
    format_number(value, decimals, style="id", thousands=True) -> str
    interval(parsed, mode="round") -> (low, high)       # half-open [low, high)
    consistent(parsed, computed, mode="round") -> bool  # computed falls in the printed interval

Extra helpers: ``clean_text(text)`` (the normalisation applied before parsing).

What ``parse_number`` reads
---------------------------
Every cell is first normalised: Unicode NFKC (ligatures, full-width digits,
non-breaking and narrow spaces), zero-width characters and soft hyphens are
removed, minus-like characters (U+2212, U+2010, U+2011, U+2012) become "-",
runs of whitespace become one space.

* ``38.995.711.827`` dot thousands; ``1.802.368.000,00`` and ``95,26`` comma
  decimals (style "id"); ``100`` and ``2024`` plain.
* ``Rp38.995.711.827,00``, ``Rp 1.250.000``, ``Rp. 1.250.000,-``: currency=True
  (a trailing ",-" means "no cents": decimals 0).  "Rp" alone is malformed;
  "Rp -" is empty.
* ``95,26%`` / ``95,26 %``: kind "percent", unit "%", value 95.26 (the
  printed number, not 0.9526).
* ``(2.297.732.999)``, ``-5``, ``−5``: negative.
* ``-``, ``–``, ``—``, ``""``: kind "empty" (no value).  ``0`` is the number 0.
* ``70-80``, ``70 - 80``, ``70–80``, ``70,5-80``, ``70 s.d. 80``, ``70 s/d 80``:
  kind "range" with ``low``/``high`` (``value`` is None); a reversed range is
  malformed, and doubtful (``doubt="expression"``, the difference as reading)
  when written "a - b" with a bound of 1000 or more: a subtraction written out.
* A footnote marker attached to a number (``203,440*``, ``95,5*)``) is not part
  of it; ``6 *)`` (a row label) stays text.
* ``4,98 Nilai``, ``87 Orang/Bulan``: the unit is the trailing words (letters,
  optionally followed by digits such as "m2", joined by spaces or "/"),
  whitespace normalised ("Orang / Bulan" -> "Orang/Bulan").  Multipliers such
  as "Juta" or "Miliar" are reported as the unit and NOT applied.
* Anything that does not start with a number (after an optional "(", "Rp",
  sign) or that is followed by something other than a unit is kind "text":
  "Sesuai Target", "III/d", "1. Penyusunan ...", "3 dari 5", "12 15".
  Row labels "1.", "a.", "I." are text.

Separators: pattern per cell, never locale guessing
---------------------------------------------------
* Both "." and "," present: dots (thousands) before one comma -> "id";
  commas (thousands) before one dot -> "en"; anything else is malformed.
  Every thousands group after the first must have exactly 3 digits, the first
  1-3 digits and no leading zero.
* Only dots: several dots in valid 3-digit groups are always "id" thousands.
  A single dot is a thousands separator with style="id" (``1.234`` = 1234;
  ``12.5``, ``1.5``, ``12.0`` are malformed: a dot followed by other than 3
  digits cannot be a thousands separator) and a decimal point with style="en"
  (``12.5`` = 12.5, ``1.234`` = 1.234).
* Only commas: a single comma is the decimal comma with style="id"
  (``12,5`` = 12.5, ``1,234`` = 1.234) and a thousands separator with
  style="en" (``1,234`` = 1234; ``12,5`` is then malformed).  Several commas
  in valid 3-digit groups (``1,234,567``) are "en" thousands in either style;
  otherwise (``1,2,3``, ``12,34,56``) malformed.
* Two separators in a row (``5..0``) or a separator at the end (``1.234.``)
  are malformed.

The ``style`` argument is a document-level hint and only decides the two
ambiguous single-separator shapes above.

Malformed versus text: the code/date heuristic
----------------------------------------------
A dot-only integer that is not a valid thousands number is malformed
(``900.00.0``, ``282.101.14``, ``1.250.00.0``) UNLESS it has the shape of a
budget/account nomenclature code or a date, which are kind "text":

* code: at least 3 dot-separated groups, the first with 1-2 digits, every
  group except the last with 1-2 digits, the last with 1-2 digits (or 4
  digits when there are 5 or more groups, as in sub-kegiatan/rekening codes
  "1.02.01.2.01.0001", "5.1.02.01.01.0024").  Examples: "1.02.03",
  "03.5.03.02.1.04".  A group of exactly 3 digits never appears in a code
  under this rule, so breaking one group of a real thousands number (removing
  or adding one digit) always stays malformed.
* date: ``dd.mm.yyyy`` with a valid day (1-31), month (1-12) and year
  1900-2100, e.g. "31.12.2024".

Precision
---------
A printed number stands for an interval (XBRL Calculations 1.1 style):
``95,26`` means [95,255; 95,265) when the report rounded (half away from zero,
like Excel ROUND and Decimal ROUND_HALF_UP) and [95,26; 95,27) when it
truncated.  Negative numbers mirror this: ``-95,26`` rounded means
(-95,265; -95,255].  All arithmetic is Decimal; floats are rejected.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

__all__ = [
    "STYLES",
    "ParsedNumber",
    "parse_number",
    "format_number",
    "interval",
    "consistent",
    "clean_text",
]


# Number conventions (the ``style`` of parse_number).  "id" and "en" are the
# document-level hints of old; the others are column conventions decided by
# extract/numstyle.py from all of a column's cells (see "Column conventions").
STYLES = ("id", "en", "comma", "dot", "decimal")


@dataclass(frozen=True)
class ParsedNumber:
    text: str  # the original text, unchanged
    kind: str  # "number" | "percent" | "range" | "empty" | "text" | "malformed"
    value: Decimal | None = None  # None for range/empty/text/malformed
    low: Decimal | None = None  # range only
    high: Decimal | None = None  # range only
    unit: str | None = None  # "Dokumen", "Orang/Bulan", "Nilai", "%"...
    decimals: int = 0  # digits printed after the decimal separator
    currency: bool = False  # printed with "Rp"
    negative: bool = False  # "(1.234)" or "-1.234"
    style: str = "plain"  # "id" (1.234,5), "en" (1,234.5) or "plain" (no separators)
    problem: str | None = None  # malformed: why (English, short)
    # A cell that cannot be read reliably: kind "malformed", value None, and
    # doubt says why ("ambiguous": two plausible readings under its column's
    # convention; "ocr": it parses only after repairing an OCR confusion;
    # "reversed": it parses only read backwards; "wrapped": its digits wrap in
    # the cell; "mixed": it reads one way only, in another convention than its
    # column's; "expression": a reversed range that may be a subtraction);
    # readings names them
    # ("1.250 = 1250", "1.250 = 1,25").  Reported as info (DQ004), never as a
    # malformed-number error, and never used in arithmetic.
    doubt: str | None = None
    readings: tuple[str, ...] = ()

    @property
    def is_number(self) -> bool:
        return self.value is not None


# --------------------------------------------------------------------------
# normalisation

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"), None)
_MINUS = {ord(c): "-" for c in "\u2212\u2010\u2011\u2012\ufe63\uff0d"}
_DASHES = "-\u2013\u2014\u2015"


def clean_text(text: str) -> str:
    """NFKC, drop zero-width characters, map minus signs to '-', collapse spaces."""
    s = unicodedata.normalize("NFKC", text)
    s = s.translate(_ZERO_WIDTH).translate(_MINUS)
    return " ".join(s.split())


# --------------------------------------------------------------------------
# regular expressions (ASCII digits only: \d would accept other scripts)

_EMPTY_RE = re.compile(rf"^[{_DASHES}\s]*$")
_CURRENCY_RE = re.compile(r"^Rp\.?(?![^\W\d_])\s*", re.IGNORECASE)
_CORE_RE = re.compile(r"^[0-9][0-9.,]*")
_WORD = r"[^\W\d_][^\W_]*\.?"
_REST_RE = re.compile(
    rf"^\s*(?P<pct>%)?\s*(?P<unit>{_WORD}(?:\s*/\s*{_WORD}|\s+{_WORD})*)?\s*$"
)
_RANGE_RE = re.compile(
    r"^(?P<a>.*?[0-9]\s*%?)\s*"
    rf"(?:[{_DASHES}~]|\s(?:s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s)"
    r"\s*(?P<b>[-\u2013(+]?\s*(?:Rp\.?\s*)?[0-9].*)$",
    re.IGNORECASE,
)
_FOOTNOTE_RE = re.compile(r"^\*{1,3}\)?$")  # attached to the number: "203,440*"
_DATE_RE = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$")


class _Malformed(Exception):
    pass


class _Text(Exception):
    pass


# --------------------------------------------------------------------------
# parsing


def parse_number(text: str, style: str = "id") -> ParsedNumber:
    """Parse one printed cell.  Never raises on any text; see module docstring."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    if text is None:
        return ParsedNumber(text=text, kind="empty")
    if type(text) is str:
        return _parse_str(text, style)
    return _parse(text, style)


@lru_cache(maxsize=1 << 14)
def _parse_str(text: str, style: str) -> ParsedNumber:
    """parse_number of a str, memoised: a cell is read under several conventions and again
    by each stage (settling the columns, understanding, the checks, a cache hit's settling);
    the result is immutable (a frozen dataclass of immutable values), so sharing it is safe."""
    return _parse(text, style)


def _parse(text, style: str) -> ParsedNumber:
    try:
        s = clean_text(str(text))
        if _EMPTY_RE.match(s):
            return ParsedNumber(text=text, kind="empty")
        m = _RANGE_RE.match(s)
        if m:
            r = _parse_range(text, m.group("a"), m.group("b"), style)
            if r is not None:
                return r
        return _parse_single(text, s, style)
    except Exception as exc:  # safety net: parsing must never raise
        return ParsedNumber(text=text, kind="malformed", problem=f"unparseable ({type(exc).__name__})")


def _parse_range(text: str, a: str, b: str, style: str) -> ParsedNumber | None:
    pa = _parse_single(text, a.strip(), style)
    pb = _parse_single(text, b.strip(), style)
    numeric = ("number", "percent")
    if pa.kind == "malformed" or pb.kind == "malformed":
        bad = pa if pa.kind == "malformed" else pb
        return ParsedNumber(text=text, kind="malformed", problem=f"range bound: {bad.problem}")
    if pa.kind not in numeric or pb.kind not in numeric:
        return None  # e.g. a date 12-05-2024: let the single parser call it text
    if pa.unit and pb.unit and pa.unit != pb.unit:
        return None
    styles = {pa.style, pb.style} - {"plain"}
    if len(styles) > 1:
        return ParsedNumber(text=text, kind="malformed", problem="range mixes id and en separators")
    unit = pb.unit or pa.unit
    currency = pa.currency or pb.currency
    decimals = max(pa.decimals, pb.decimals)
    rstyle = styles.pop() if styles else "plain"
    if pa.value > pb.value:
        if " - " in clean_text(text) and max(pa.value, pb.value) >= 1000:
            # "27.694.035.120.859,00 - 24.240.445.765.650,00": as likely a subtraction
            # written out (a formula) as a reversed range; neither reading is sure
            diff = format_number(pa.value - pb.value, decimals, style="id")
            return ParsedNumber(
                text=text, kind="malformed", unit=unit, currency=currency, decimals=decimals,
                style=rstyle, problem="range lower bound exceeds upper bound, or a subtraction",
                doubt="expression", readings=(diff,),
            )
        return ParsedNumber(
            text=text, kind="malformed", unit=unit, currency=currency, decimals=decimals,
            style=rstyle, problem="range lower bound exceeds upper bound",
        )
    return ParsedNumber(
        text=text, kind="range", low=pa.value, high=pb.value, unit=unit,
        decimals=decimals, currency=currency, negative=pa.negative, style=rstyle,
    )


def _parse_single(text: str, s: str, style: str) -> ParsedNumber:
    negative = False
    currency = False

    def strip_parens(x: str) -> tuple[str, bool]:
        if len(x) >= 2 and x[0] == "(" and x[-1] == ")":
            return x[1:-1].strip(), True
        return x, False

    s, neg = strip_parens(s)
    if not neg and s.startswith("(") and re.fullmatch(r"[^()]*\)\s*%", s[1:]):
        s, neg = s[1:s.index(")")].strip() + "%", True  # "(5,25)%"
    negative |= neg
    m = _CURRENCY_RE.match(s)
    if m:
        currency = True
        s = s[m.end():]
        s, neg = strip_parens(s)
        negative |= neg
    if not s:
        if currency:
            return ParsedNumber(text=text, kind="malformed", currency=True,
                                problem="currency symbol without a number")
        return ParsedNumber(text=text, kind="empty")
    if _EMPTY_RE.match(s):  # "Rp -", "(-)"
        return ParsedNumber(text=text, kind="empty", currency=currency)
    if s[0] in "-+\u2013":
        negative |= s[0] != "+"
        s = s[1:].lstrip()
        if not currency:
            m = _CURRENCY_RE.match(s)
            if m:
                currency = True
                s = s[m.end():]

    core_m = _CORE_RE.match(s)
    if not core_m:
        if currency:
            return ParsedNumber(text=text, kind="malformed", currency=True,
                                problem="currency symbol without a number")
        return ParsedNumber(text=text, kind="text")
    core = core_m.group(0)
    rest = s[core_m.end():]

    # "1.250.000,-" : no cents
    if core[-1] in ".," and rest.startswith("-") and (len(rest) == 1 or rest[1] == " "):
        core, rest = core[:-1], rest[1:]

    if core[-1] in ".,":
        head = core[:-1]
        if head.isdigit() and not currency and not negative:
            return ParsedNumber(text=text, kind="text")  # row numbering "1."
        rm = _REST_RE.match(rest)
        if rm is None:
            return ParsedNumber(text=text, kind="text")
        return ParsedNumber(text=text, kind="malformed", currency=currency,
                            problem="number ends with a separator")

    rest = _FOOTNOTE_RE.sub("", rest)  # "203,440*": a footnote marker, not a unit
    rm = _REST_RE.match(rest)
    if rm is None or re.fullmatch(r"[eE][0-9]+", rest):  # "1e5" is not 1 "e5"
        return ParsedNumber(text=text, kind="text")
    pct = rm.group("pct") is not None
    words = rm.group("unit")
    if words:
        words = re.sub(r"\s*/\s*", "/", " ".join(words.split()))
    if words and words.lower().rstrip(".") == "rp" and not pct:
        currency, words = True, None
    if pct:
        unit = "%" if not words else f"% {words}"
    else:
        unit = words or None

    try:
        int_digits, frac_digits, nstyle = _read_core(core, style)
    except _Text:
        if currency:
            return ParsedNumber(text=text, kind="malformed", currency=True, unit=unit,
                                problem="looks like a code, not an amount")
        return ParsedNumber(text=text, kind="text")
    except _Malformed as exc:
        return ParsedNumber(text=text, kind="malformed", unit=unit, currency=currency,
                            negative=negative, problem=str(exc))

    value = Decimal(f"{int_digits}.{frac_digits}" if frac_digits else int_digits)
    if negative:
        value = -value
    return ParsedNumber(
        text=text, kind="percent" if pct else "number", value=value, unit=unit,
        decimals=len(frac_digits), currency=currency, negative=negative, style=nstyle,
    )


def _valid_groups(groups: list[str]) -> str | None:
    """Problem with a list of thousands groups, or None when they are well formed."""
    first = groups[0]
    if not 1 <= len(first) <= 3:
        return f"first thousands group '{first}' must have 1-3 digits"
    if first[0] == "0":
        return f"thousands group cannot start with '{first}'"
    for g in groups[1:]:
        if len(g) != 3:
            return f"thousands group '{g}' does not have 3 digits"
    return None


def _is_code_or_date(groups: list[str]) -> bool:
    m = _DATE_RE.match(".".join(groups))
    if m:
        d, mo, y = (int(x) for x in m.groups())
        if 1 <= d <= 31 and 1 <= mo <= 12 and 1900 <= y <= 2100:
            return True
    if len(groups) < 3:
        return False
    if any(not 1 <= len(g) <= 2 for g in groups[:-1]):
        return False
    last = len(groups[-1])
    return 1 <= last <= 2 or (last == 4 and len(groups) >= 5)


def _read_core(core: str, style: str) -> tuple[str, str, str]:
    """Return (integer digits, fraction digits, style) or raise _Malformed/_Text."""
    if ".." in core or ",," in core or ".," in core or ",." in core:
        raise _Malformed("two separators in a row")
    dots, commas = core.count("."), core.count(",")
    if not dots and not commas:
        return core, "", "plain"
    if style in ("comma", "dot"):
        return _read_same_sep(core, "," if style == "comma" else ".", style)
    if style == "decimal":
        return _read_decimal(core)

    if dots and commas:
        first_comma, last_dot = core.index(","), core.rindex(".")
        first_dot, last_comma = core.index("."), core.rindex(",")
        if commas == 1 and last_dot < first_comma:
            int_part, frac = core.split(",")
            problem = _valid_groups(int_part.split("."))
            if problem:
                raise _Malformed(problem)
            return int_part.replace(".", ""), frac, "id"
        if dots == 1 and last_comma < first_dot:
            int_part, frac = core.split(".")
            problem = _valid_groups(int_part.split(","))
            if problem:
                raise _Malformed(problem)
            return int_part.replace(",", ""), frac, "en"
        raise _Malformed("mixed '.' and ',' separators in no known pattern")

    if dots:
        groups = core.split(".")
        if len(groups) == 2 and style == "en":
            return groups[0], groups[1], "en"
        problem = _valid_groups(groups)
        if problem is None:
            return "".join(groups), "", "id"
        if _is_code_or_date(groups):
            raise _Text()
        if len(groups) == 2:
            raise _Malformed(
                f"dot followed by {len(groups[1])} digit(s) is not a thousands separator"
                if len(groups[1]) != 3 else problem
            )
        raise _Malformed(problem)

    groups = core.split(",")
    if len(groups) == 2:
        if style == "id":
            return groups[0], groups[1], "id"
        problem = _valid_groups(groups)
        if problem is None:
            return "".join(groups), "", "en"
        if len(groups[1]) != 3:
            problem = f"comma followed by {len(groups[1])} digit(s) is not a thousands separator"
        raise _Malformed(problem)
    problem = _valid_groups(groups)
    if problem is None:
        return "".join(groups), "", "en"
    raise _Malformed(f"several commas: {problem}")


def _read_same_sep(core: str, sep: str, style: str) -> tuple[str, str, str]:
    """Convention "comma" (624,989,000,00) or "dot" (624.989.000.00): one character
    separates thousands and, before a last group of 1-2 digits, the decimals."""
    other = "." if sep == "," else ","
    if other in core:
        raise _Malformed(f"'{other}' in a number whose column separates with '{sep}'")
    groups = core.split(sep)
    last = groups[-1]
    if 1 <= len(last) <= 2:
        ints = groups[:-1]
        problem = _valid_groups(ints) if len(ints) > 1 else None
        if problem is None:
            return "".join(ints), last, style
    else:
        problem = _valid_groups(groups)
        if problem is None:
            return "".join(groups), "", style
    if sep == "." and _is_code_or_date(groups):
        raise _Text()
    raise _Malformed(problem)


def _read_decimal(core: str) -> tuple[str, str, str]:
    """Convention "decimal": no thousands separators; one "." or "," is the decimal mark."""
    dots, commas = core.count("."), core.count(",")
    if dots and commas:
        raise _Malformed("both '.' and ',' in a number whose column has no thousands separators")
    sep = "." if dots else ","
    groups = core.split(sep)
    if len(groups) == 2:
        return groups[0], groups[1], "decimal"
    if sep == "." and _is_code_or_date(groups):
        raise _Text()
    raise _Malformed(f"several '{sep}' in a number whose column has no thousands separators")


# --------------------------------------------------------------------------
# formatting


def _to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError("use Decimal (or int/str), never float")
    if isinstance(value, (int, str)):
        return Decimal(value)
    raise TypeError(f"cannot use {type(value).__name__} as a number")


def _quantize(value: Decimal, decimals: int, rounding: str) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + decimals + 10)
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def format_number(
    value,
    decimals: int = 0,
    style: str = "id",
    thousands: bool = True,
    *,
    parens: bool = False,
) -> str:
    """Print ``value`` rounded half-up (away from zero) to ``decimals`` digits.

    style "id": ``-1.234,50``; style "en": ``-1,234.50``.  ``parens=True``
    prints negatives as ``(1.234,50)``.  A value that rounds to zero has no sign.
    """
    if style not in ("id", "en"):
        raise ValueError(f"style must be 'id' or 'en', not {style!r}")
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    v = _quantize(_to_decimal(value), decimals, ROUND_HALF_UP)
    negative = v < 0
    digits = format(abs(v), "f")
    int_part, _, frac = digits.partition(".")
    tsep, dsep = (".", ",") if style == "id" else (",", ".")
    if thousands:
        head = len(int_part) % 3 or 3
        parts = [int_part[:head]] + [int_part[i:i + 3] for i in range(head, len(int_part), 3)]
        int_part = tsep.join(parts)
    s = int_part + (dsep + frac if decimals else "")
    if negative:
        s = f"({s})" if parens else "-" + s
    return s


# --------------------------------------------------------------------------
# precision


def _check(parsed: ParsedNumber, mode: str) -> Decimal:
    if mode not in ("round", "truncate", "either"):
        raise ValueError(f"mode must be 'round', 'truncate' or 'either', not {mode!r}")
    if parsed.value is None:
        raise ValueError(f"{parsed.text!r} is not a number (kind {parsed.kind})")
    return parsed.value


def interval(parsed: ParsedNumber, mode: str = "round") -> tuple[Decimal, Decimal]:
    """The interval of true values the printed number stands for.

    For a printed value p >= 0 with unit u = 10**-decimals:
    round -> [p - u/2, p + u/2), truncate -> [p, p + u).  For p < 0 the
    interval is mirrored and closed at the other end: round ->
    (p - u/2, p + u/2], truncate -> (p - u, p].  Printed zero: round ->
    (-u/2, u/2) and truncate -> (-u, u).  ``consistent`` applies exactly these
    end points.  Raises ValueError for non-numbers and for mode "either".
    """
    p = _check(parsed, mode)
    if mode == "either":
        raise ValueError("interval() needs mode 'round' or 'truncate'")
    with localcontext() as ctx:
        ctx.prec = max(50, p.adjusted() + parsed.decimals + 10)
        u = Decimal(1).scaleb(-parsed.decimals)
        if mode == "round":
            half = u / 2
            return p - half, p + half
        if p > 0:
            return p, p + u
        if p < 0:
            return p - u, p
        return -u, u


def consistent(parsed: ParsedNumber, computed, mode: str = "round") -> bool:
    """True when ``computed`` (Decimal or int) would print as ``parsed``.

    mode "round": computed rounded half away from zero to ``parsed.decimals``
    equals the printed value; "truncate": computed cut toward zero equals it;
    "either": one of the two.  Raises ValueError for non-numbers.
    """
    p = _check(parsed, mode)
    c = _to_decimal(computed)
    if mode == "either":
        return consistent(parsed, c, "round") or consistent(parsed, c, "truncate")
    rounding = ROUND_HALF_UP if mode == "round" else ROUND_DOWN
    return _quantize(c, parsed.decimals, rounding) == p


# --- Indonesian number words ------------------------------------------------------
# The words are data: rules/vocabulary/number_words.yaml.


@lru_cache(maxsize=4)
def _number_word_table(text: str) -> dict:
    import yaml

    from lkip_audit.vocabulary import Loader

    return yaml.load(text, Loader=Loader)


def number_word_vocabulary() -> dict:
    """rules/vocabulary/number_words.yaml (units, teens, tens, hundreds, scales, glued)."""
    from lkip_audit.vocabulary import vocabulary_text

    return _number_word_table(vocabulary_text("number_words"))


def number_words(text: str) -> int | None:
    """The value of Indonesian number words ("dua belas" 12, "Delapan Puluh Sembilan" 89,
    "seratus dua puluh" 120, "sebelas" 11), or None when the text is not only number words."""
    toks = re.sub(r"[^a-z ]", " ", (text or "").lower().replace("-", " ")).split()
    if not toks:
        return None
    v = number_word_vocabulary()
    units, glued, scales = v["units"], v["glued"], v["scales"]
    # split glued "se" prefixes: sepuluh, sebelas, seratus, seribu
    one = next(w for w, n in units.items() if n == 1)
    expanded: list[str] = []
    for t in toks:
        if t in glued:
            expanded += [one, glued[t]]
        else:
            expanded.append(t)
    total = 0  # completed thousands/millions groups
    group = 0  # value below 1000 being built
    cur = None  # pending unit digit
    for t in expanded:
        if t in units:
            if cur is not None:
                return None
            cur = units[t]
        elif t == v["teens"]:
            if cur is None:
                return None
            group += 10 + cur
            cur = None
        elif t == v["tens"]:
            if cur is None or cur == 0:
                return None
            group += cur * 10
            cur = None
        elif t == v["hundreds"]:
            if cur is None or cur == 0 or group:
                return None
            group += cur * 100
            cur = None
        elif t in scales:
            if cur is not None:
                group += cur
                cur = None
            if group == 0:
                return None
            total += group * scales[t]
            group = 0
        else:
            return None
    if cur is not None:
        group += cur
    return total + group
