"""How the numbers of each table column are written, decided from all its cells.

DESIGN.md and READING.md (layer 5): the number convention is a property of a
column, decided from all of that column's cells together, never guessed per cell
or per table. ``parse_number`` reads one cell on its own; a cell such as
``94.96`` is malformed in the Indonesian reading although its column prints
``48.7``, ``91.2``, ``100.0``; ``624,989,000,00`` (comma thousands and a ``,00``
decimal, as Excel-made tables print it) is malformed under both the Indonesian
and the English reading.

Conventions (``lkip_audit.numbers.STYLES``):

* ``id``      1.234.567,89   dot thousands, comma decimals
* ``en``      1,234,567.89   comma thousands, dot decimals
* ``comma``   1,234,567,89   comma thousands, a last group of 1-2 digits is the decimals
* ``dot``     1.234.567.89   the same with dots
* ``decimal`` 48.7 and 100,53 in one column: no thousands, "." or "," is the decimal mark

How a column is decided (``column_style``):

1. Every body cell with a digit (not OCR, not empty) is read under each
   convention; a convention "fits" a cell when the cell reads as a number, a
   percentage or a range under it.
2. ``id`` and ``en`` are always candidates. ``comma`` and ``dot`` are candidates
   only when at least one cell has the shape ``1,234,56`` (thousands groups and a
   last group of 1-2 digits) and such cells are at least two thirds of the
   column's cells with two or more of that separator (Excel prints every cell of
   such a column with its ",00"): one ``282.101.14`` in a column of ``1.234.567``
   money stays broken. ``decimal`` is a candidate only when one cell
   uses "." as decimal mark (``16.13``) and another "," (``100,53``).
3. The candidates that fit the most cells win. When several win and a cell reads
   differently under them (``1.250``: 1250 or 1,25), the evidence decides in this
   order: a money header (Rp, anggaran, pagu, ...) says the separator is a
   thousands separator; so does a unit of counted things (``1.551 buah``,
   ``1.481 Eksportir``); so do two or more such cells in the column (each with
   exactly 3 digits after its one separator, ``19.222``, ``85.844``: a column of
   decimals would not print 3 decimals in every cell while the column has no
   other decimal); else what the separator means in every other column of
   the document that is decided (the document's own habit, where it has only one).
   A cell that still has two readings is ambiguous: kind "malformed" with
   ``doubt="ambiguous"`` and both readings, reported as info (DQ004), not used.
   So is a cell of a decided column that reads as a decimal with three decimals
   after its one separator ("203.955" among "207.31", "81.27"; "3,000") where the
   document uses that separator for thousands in another column: 203955 and 3000
   are as plausible.
4. A cell that fits none of the winners keeps its reading under the first winner
   (a malformed number, DQ001: ``900.00.0``, ``282.101.14``), unless it has
   exactly one reading under the common conventions (id, en, decimal: ``0,79``
   in a column of ``711.59`` and ``4,341,614``), its digits wrapped inside the
   cell in a way that may also be two values (``2.939.6 25``) or its text was
   extracted backwards (``00,003.695.544``): those are doubtful (info, DQ004),
   not used. A number wrapped for sure (``5.099. 119``, ``13.000.0 00``: the first
   piece ends with a separator, the next starts with 0 or completes the last
   group to 3 digits) is named as such; otherwise (``1.5 20``) it may be two
   stacked values. Either way the cell is doubtful: joining a wrapped cell is the
   grid layer's work (extract), and a join here would feed the arithmetic with a
   number no layer has vouched for.

Outline columns: a column whose cells are outline numbers (``1``, ``1.1``,
``1.1.1.``, ``1.2.``) numbers rows; its dotted cells are text, never amounts.

OCR cells (``Cell.ocr``) are read strictly (extract/ocr.py). A cell that only
parses after repairing a known OCR confusion (``%`` read as ``Yo``, ``Y6``,
``o/o``; ``O`` for ``0``; ``l`` or ``I`` for ``1``) is doubtful (``doubt="ocr"``,
info), never a malformed-number error, and its value is not used.

``settle_numbers`` is run by the pipeline on every document before it is
understood (the cached document keeps cell texts and ``Cell.ocr``, not parsed
values), so the decision rests only on what the document holds. A cached whole
check keeps what settling decided (``settled_state``) and a hit puts it back
(``restore_settled``) instead of deciding again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkip_audit.extract.model import Cell, Document, Table
from lkip_audit.numbers import ParsedNumber, clean_text, format_number, parse_number

__all__ = ["ColumnStyle", "column_style", "table_style", "apply_number_styles", "settle_numbers",
           "ocr_repair"]

BASE = ("id", "en")
ORDER = ("id", "en", "comma", "dot", "decimal")
_NUMERIC = ("number", "percent", "range")
_DIGIT = re.compile(r"[0-9]")
_TAIL = {",": re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+,[0-9]{1,2}(?![0-9.,])"),
         ".": re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})+\.[0-9]{1,2}(?![0-9.,])")}
_MULTI = {",": re.compile(r"[0-9],[0-9]+,[0-9]"), ".": re.compile(r"[0-9]\.[0-9]+\.[0-9]")}
# a separator followed by exactly 3 digits and nothing numeric after: "1.250", "1,250"
_THREE = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?P<sep>[.,])[0-9]{3}(?![0-9.,])")
_OUTLINE = re.compile(r"^[0-9]{1,2}(?:\.[0-9]{1,2})*\.?$")
_MONEY_HEADER = re.compile(
    r"\bRp\b|rupiah|anggaran|pagu|biaya|dana\b|belanja|keuangan|pendapatan|\bkeu\b", re.IGNORECASE)
# units of counted things: "1.551 buah" cannot be 1,551 buah
_COUNT_UNIT = re.compile(
    r"[0-9]\s*(?:buah|unit|orang|org|dokumen|laporan|kegiatan|paket|eksportir|kelompok|lembaga|"
    r"perusahaan|desa|pasar|jiwa|kk|sekolah|peserta|pegawai|asn|kali|titik|lokasi|ekor|batang)\b",
    re.IGNORECASE)
_NO_HEADER = re.compile(r"^\s*(no\.?|nomor|no\.? urut)\s*$", re.IGNORECASE)

# what a separator means in a convention when it is followed by exactly 3 digits
_MEANING = {
    "id": {".": "thousands", ",": "decimal"},
    "en": {".": "decimal", ",": "thousands"},
    "comma": {".": None, ",": "thousands"},
    "dot": {".": "thousands", ",": None},
    "decimal": {".": "decimal", ",": "decimal"},
}


def _fits(p: ParsedNumber, style: str) -> bool:
    if p.kind not in _NUMERIC:
        return False
    if style in BASE:
        return p.style in (style, "plain")
    return p.style in (style, "plain")


def _same(a: ParsedNumber, b: ParsedNumber) -> bool:
    return (a.kind, a.value, a.low, a.high) == (b.kind, b.value, b.low, b.high)


@dataclass
class ColumnStyle:
    """The decision for one column: ``style`` (None when no cell has a digit)."""

    style: str | None
    winners: tuple[str, ...] = ()
    outline: bool = False
    ambiguous: dict = field(default_factory=dict)  # row index -> readings
    reason: str = ""
    uses: dict = field(default_factory=dict)  # separator -> True when a fitting cell uses it
    money: bool = False  # the header names money (Rp, anggaran, pagu, ...)


def _cells(table: Table, j: int) -> list[tuple[int, Cell]]:
    out = []
    for i, row in enumerate(table.rows):
        if j < len(row.cells):
            c = row.cells[j]
            if not c.ocr and not c.is_empty and _DIGIT.search(c.text):
                out.append((i, c))
    return out


def _is_outline_column(table: Table, j: int, cells: list[tuple[int, Cell]]) -> bool:
    texts = [clean_text(c.text) for _, c in cells]
    if len(texts) < 2:
        return False
    outline = [t for t in texts if _OUTLINE.match(t)]
    if len(outline) < 0.8 * len(texts):
        return False
    header = table.columns[j] if j < len(table.columns) else ""
    deep = any(t.count(".") >= 2 or t.endswith(".") for t in outline)
    return deep or bool(_NO_HEADER.match(header or ""))


def _is_money(table: Table, j: int) -> bool:
    header = table.columns[j] if j < len(table.columns) else ""
    header = " ".join([header] + [hr[j].text for hr in table.header_rows if j < len(hr)])
    return bool(_MONEY_HEADER.search(header))


def column_style(table: Table, j: int, habit: dict | None = None) -> ColumnStyle:
    """Decide the convention of column ``j`` (see the module doc). ``habit`` maps "."
    and "," to what they mean in the document's decided columns ("thousands",
    "decimal" or None)."""
    cells = _cells(table, j)
    if not cells:
        return ColumnStyle(None)
    if _is_outline_column(table, j, cells):
        return ColumnStyle(None, outline=True, reason="outline numbers")
    readings = {i: {s: parse_number(c.text, s) for s in ORDER} for i, c in cells}
    texts = {i: clean_text(c.text) for i, c in cells}
    candidates = list(BASE)
    for sep, style in ((",", "comma"), (".", "dot")):
        tails = sum(1 for t in texts.values() if _TAIL[sep].search(t))
        multi = sum(1 for t in texts.values() if _MULTI[sep].search(t))
        if tails and 3 * tails >= 2 * multi:
            candidates.append(style)
    dot_dec = any(r["decimal"].kind in _NUMERIC and "." in texts[i] and not _fits(r["id"], "id")
                  for i, r in readings.items())
    comma_dec = any(r["decimal"].kind in _NUMERIC and "," in texts[i] and not _fits(r["en"], "en")
                    for i, r in readings.items())
    if dot_dec and comma_dec:
        candidates.append("decimal")
    score = {s: sum(1 for r in readings.values() if _fits(r[s], s)) for s in candidates}
    best = max(score.values())
    if best == 0:
        return ColumnStyle("id", winners=("id",), reason="no cell reads as a number")
    winners = tuple(s for s in ORDER if s in candidates and score[s] == best)

    def differing(ws):
        return [i for i, r in readings.items()
                if any(_fits(r[s], s) for s in ws)
                and not all(_fits(r[s], s) and _same(r[s], r[ws[0]]) for s in ws)]

    reason = f"fits {best} of {len(cells)} cells"
    if len(winners) > 1 and differing(winners):
        seps = {m.group("sep") for i in differing(winners) for m in _THREE.finditer(texts[i])}
        narrowed = winners
        thousands = tuple(s for s in winners if all(_MEANING[s][sep] == "thousands" for sep in seps))
        if _is_money(table, j):
            narrowed = thousands
            reason += "; money header: thousands"
        elif all(_COUNT_UNIT.search(texts[i]) for i in differing(winners)):
            narrowed = thousands
            reason += "; counted things (buah, orang, unit): thousands"
        elif len(differing(winners)) >= 2:
            narrowed = thousands
            reason += "; several cells, each with exactly 3 digits after the separator: thousands"
        elif habit:
            narrowed = tuple(s for s in winners
                             if all(habit.get(sep) and _MEANING[s][sep] == habit[sep] for sep in seps))
            reason += f"; document habit {habit}"
        if narrowed and not differing(narrowed):
            winners = narrowed
    style = winners[0]
    out = ColumnStyle(style, winners=winners, reason=reason, money=_is_money(table, j))
    if len(winners) > 1:
        for i in differing(winners):
            shown = []
            for s in winners:
                p = readings[i][s]
                if _fits(p, s):
                    txt = _show(p)
                    if txt not in shown:
                        shown.append(txt)
            if len(shown) > 1:
                out.ambiguous[i] = tuple(shown)
    return out


def _show(p: ParsedNumber) -> str:
    """A reading without thousands separators ("19222", "19,222"): unambiguous."""
    if p.kind == "range":
        return (f"{format_number(p.low, p.decimals, thousands=False)}-"
                f"{format_number(p.high, p.decimals, thousands=False)}")
    s = format_number(p.value, p.decimals, thousands=False)
    return s + ("%" if p.kind == "percent" else "")


def _doubt(text: str, doubt: str, readings: tuple[str, ...], problem: str) -> ParsedNumber:
    return ParsedNumber(text=text, kind="malformed", doubt=doubt, readings=readings, problem=problem)


def _wrapped(text: str, style: str, money: bool = False) -> tuple[ParsedNumber, bool] | None:
    """'13.000.0 00' -> (the number its pieces make, sure) when the first piece alone
    is no number under the column's convention and the joined text is one. Sure
    (READING.md: a number wrapped in its cell is one number) when the first piece ends
    with a separator ("266. 000") or the next one starts with 0 ("400.0 00"): neither
    is a value of its own; else ("2.939.6 25") it may be two stacked values: doubtful."""
    pieces = clean_text(text).split(" ")
    if len(pieces) < 2 or not all(re.fullmatch(r"[0-9.,]+", p) for p in pieces):
        return None
    first = parse_number(pieces[0], style)
    if _fits(first, style) and not pieces[0][-1] in ".,":
        return None
    joined = parse_number("".join(pieces), style)
    if _fits(joined, style) and ("." in "".join(pieces) or "," in "".join(pieces)):
        def completes(p: str, q: str) -> bool:
            # "114.051.57" + "8": the first piece has 3 groups and the next completes
            # its last group to 3 digits
            groups = re.split(r"[.,]", p)
            return len(groups) >= 3 and len(groups[-1]) + len(q) == 3
        sure = all(p[-1] in ".," or q[0] == "0" or completes(p, q) for p, q in zip(pieces, pieces[1:]))
        # "266.000" alone says nothing of its separator: sure only with several groups,
        # or in a money column where the separator is a thousands separator
        three = _THREE.fullmatch("".join(pieces))
        if three and not (money and _MEANING[style][three.group("sep")] == "thousands"):
            sure = False
        return joined, sure
    return None


def _mixed(text: str) -> ParsedNumber | None:
    """A cell broken under its column's convention that has exactly one reading under
    the common ones ("0,79" in a column of "711.59" and "4,341,614"): that reading.
    The exotic "comma" and "dot" conventions do not count: "282.101.14" among
    dot-thousands money has no common reading and stays malformed."""
    fits = [q for q in (parse_number(text, s) for s in ("id", "en", "decimal")) if q.kind in _NUMERIC
            and q.style != "plain"]
    fits = [q for q in fits if _fits(q, q.style if q.style in ORDER else "id")]
    if fits and all(_same(q, fits[0]) for q in fits):
        return fits[0]
    return None


def _reversed(text: str, style: str) -> ParsedNumber | None:
    """'00,003.695.544' (text extracted backwards) -> '445.596.300,00' when that reads."""
    t = clean_text(text)
    if not re.fullmatch(r"[0-9.,()%-]+", t) or "." not in t or "," not in t:
        return None
    back = t[::-1].translate(str.maketrans("()", ")("))
    p = parse_number(back, style)
    return p if _fits(p, style) and p.decimals in (0, 2) else None


def _document_habit(decisions: dict) -> dict:
    """What "." and "," followed by 3 digits mean in the document's decided columns."""
    seen = {".": set(), ",": set()}
    for cs in decisions.values():
        if cs.style is None or len(cs.winners) != 1:
            continue
        for sep in ".,":
            m = _MEANING[cs.style][sep]
            if m and cs.uses.get(sep):
                seen[sep].add(m)
    return {sep: (ms.pop() if len(ms) == 1 else None) for sep, ms in seen.items()}


def table_style(table: Table) -> str | None:
    """The table's single convention when every decided column has the same one,
    else None (kept for callers; the decision is per column)."""
    styles = {column_style(table, j).style for j in range(_width(table))} - {None}
    return styles.pop() if len(styles) == 1 else None


def _width(table: Table) -> int:
    return max([len(table.columns)] + [len(r.cells) for r in table.rows])


def _uses(table: Table, j: int, style: str) -> dict:
    """Which separators the column's cells use in the role the convention gives them."""
    used = {}
    for _, c in _cells(table, j):
        t = clean_text(c.text)
        p = parse_number(t, style)
        if not _fits(p, style):
            continue
        if "." in t:
            used["."] = True
        if "," in t:
            used[","] = True
    return used


def apply_number_styles(doc: Document) -> None:
    """Decide each column's convention and re-read its cells accordingly."""
    decisions: dict[tuple[int, int], ColumnStyle] = {}
    for ti, table in enumerate(doc.tables):
        for j in range(_width(table)):
            cs = column_style(table, j)
            if cs.style is not None:
                cs.uses = _uses(table, j, cs.style) if not cs.ambiguous else {}
            decisions[(ti, j)] = cs
    habit = _document_habit(decisions)
    # separators the document uses as thousands separators in some decided column
    thousands_seps = {sep for cs in decisions.values() if cs.style is not None and len(cs.winners) == 1
                      for sep in ".," if cs.uses.get(sep) and _MEANING[cs.style][sep] == "thousands"}
    for ti, table in enumerate(doc.tables):
        notes = []
        for j in range(_width(table)):
            cs = decisions[(ti, j)]
            if cs.ambiguous and any(habit.values()):
                cs = column_style(table, j, habit)
            _apply_column(table, j, cs, thousands_seps)
            if cs.style not in (None, "id") and cs.style:
                notes.append(f"column {j + 1}: numbers read as {cs.style} ({cs.reason})")
            if cs.outline:
                notes.append(f"column {j + 1}: outline numbers, not amounts")
            if cs.ambiguous:
                notes.append(f"column {j + 1}: {len(cs.ambiguous)} cell(s) with two readings ({cs.reason})")
        for note in notes:
            if note not in table.notes:
                table.notes.append(note)


def _odd_decimal(table: Table, j: int, cs: ColumnStyle, thousands_seps: set) -> set[int]:
    """Rows whose cell reads, under the column's convention, as a decimal with 3
    decimals after its one separator ("203.955", "3,000") while the document uses
    that separator as a thousands separator in another column: 203955 and 3000 are
    as plausible as 203,955 and 3,000 (a document that mixes conventions)."""
    out = set()
    for i, c in _cells(table, j):
        p = parse_number(c.text, cs.style)
        if not _fits(p, cs.style) or p.kind == "range" or p.decimals != 3:
            continue
        t = clean_text(c.text)
        m = _THREE.search(t)
        if not m or m.group("sep") not in thousands_seps or t.count(".") + t.count(",") != 1:
            continue
        other = "id" if m.group("sep") == "." else "en"
        if _fits(parse_number(c.text, other), other):
            out.add(i)
    return out


def _apply_column(table: Table, j: int, cs: ColumnStyle, thousands_seps: set = frozenset()) -> None:
    odd = _odd_decimal(table, j, cs, thousands_seps) if cs.style and not cs.outline else set()
    for i, c in _cells(table, j):
        if i in odd:
            dec = parse_number(c.text, cs.style)
            sep = _THREE.search(clean_text(c.text)).group("sep")
            th = parse_number(c.text, "id" if sep == "." else "en")
            readings = tuple(dict.fromkeys([_show(th), _show(dec)]))
            c._number = _doubt(c.text, "ambiguous", readings, "ambiguous: " + " or ".join(readings))
            continue
        if cs.outline:
            if "." in c.text:
                c._number = ParsedNumber(text=c.text, kind="text")
            continue
        if cs.style is None:
            continue
        if i in cs.ambiguous:
            c._number = _doubt(c.text, "ambiguous", cs.ambiguous[i],
                               "ambiguous: " + " or ".join(cs.ambiguous[i]))  # "19222 or 19,222"
            continue
        p = parse_number(c.text, cs.style)
        if p.kind == "text" or (p.kind == "malformed" and not _fits(p, cs.style)):
            w = _wrapped(c.text, cs.style, cs.money)
            if w is not None:
                joined, sure = w
                # Even a sure join stays out of the arithmetic: the grid layer (extract)
                # is what joins a wrapped cell; here it is only named (info).
                c._number = _doubt(
                    c.text, "wrapped", ("".join(clean_text(c.text).split(" ")),),
                    "digits wrapped inside the cell" if sure else "digits wrapped inside the cell, or two values")
                continue
        if p.kind == "malformed" and not p.doubt:
            m = _mixed(c.text)
            if m is not None:
                c._number = _doubt(c.text, "mixed", (_show(m),),
                                   f"written in another convention than its column's ({cs.style})")
                continue
            r = _reversed(c.text, cs.style)
            if r is not None:
                c._number = _doubt(c.text, "reversed", (_show(r),),
                                   "text extracted backwards")
                continue
        c._number = p


# --------------------------------------------------------------------------
# OCR

_OCR_PERCENT = re.compile(r"(?<=[0-9])\s*(?:Yo|Y6|yo|o/o|°/o|%o|0/o|o/0)\s*$")
_OCR_UNITS = {"Yo", "Y6", "yo", "o/o", "%o"}


def ocr_repair(text: str) -> str:
    """The text with the known OCR confusions repaired (only inside tokens with a digit)."""
    s = _OCR_PERCENT.sub("%", clean_text(text))

    def fix(tok: str) -> str:
        if not _DIGIT.search(tok):
            return tok
        return re.sub(r"(?<=[0-9.,])[Oo]|[Oo](?=[0-9.,])", "0",
                      re.sub(r"(?<=[0-9.,])[lI|]|[lI|](?=[0-9.,])", "1", tok))

    return " ".join(fix(t) for t in s.split(" "))


def _ocr_number(text: str) -> ParsedNumber:
    from lkip_audit.extract.ocr import strict_number

    p = strict_number(text)
    if not _DIGIT.search(text or ""):
        return p
    confused_unit = p.kind in _NUMERIC and p.unit in _OCR_UNITS
    if p.kind in ("malformed", "text") or confused_unit:
        fixed = ocr_repair(text)
        if fixed != clean_text(text):
            q = strict_number(fixed)
            if q.kind in _NUMERIC:
                return _doubt(text, "ocr", (_show(q),),
                              f"OCR: reads only as {fixed!r}")
    return p


def settle_numbers(doc: Document) -> None:
    """Fix how each cell's number is read: OCR cells strictly, then column conventions."""
    for table in doc.tables:
        for cells in [*table.header_rows, *(r.cells for r in table.rows)]:
            for cell in cells:
                if cell.ocr:
                    cell._number = _ocr_number(cell.text)
    apply_number_styles(doc)


# --------------------------------------------------------------------------
# The settled state, for the cache (issue #7)
#
# A cache hit serves the findings of a whole check and the document they were made
# from, settled as the check settled it. Settling again costs tens of thousands of
# parse_number calls; the check entry keeps what settling decided instead: each
# table's notes, and every cell whose number differs from what ``Cell.number``
# reads on its own (``parse_number(text)``). A cell not listed reads lazily as it
# would: the same value.

_NUMBER_FIELDS = ("value", "low", "high")


def _same_reading(p: ParsedNumber, q: ParsedNumber) -> bool:
    """``p`` and ``q`` are the same reading, printed the same (Decimal("1.50") and
    Decimal("1.5") are equal but not the same number as printed)."""
    return p is q or (p == q and type(p.readings) is type(q.readings)
                      and all(str(getattr(p, f)) == str(getattr(q, f)) for f in _NUMBER_FIELDS))


def _all_cells(table: Table):
    return [*table.header_rows, *(r.cells for r in table.rows)]


def settled_state(doc: Document) -> dict:
    """What settle_numbers decided on ``doc`` (run right after it): every table's notes and
    ``[table, row, column, number]`` for each cell whose settled number is not the one the
    cell reads on its own (rows counted over the header rows, then the body rows)."""
    cells = []
    for ti, table in enumerate(doc.tables):
        for ri, row in enumerate(_all_cells(table)):
            for j, c in enumerate(row):
                p = c._number
                if p is not None and not _same_reading(p, parse_number(c.text)):
                    cells.append([ti, ri, j, p])
    return {"notes": [list(t.notes) for t in doc.tables], "cells": cells}


def restore_settled(doc: Document, state) -> bool:
    """Put a settled_state back on ``doc`` as read (unsettled). False, with ``doc`` untouched,
    when the state does not fit the document (then settle_numbers it)."""
    try:
        notes, cells = state["notes"], state["cells"]
        if not isinstance(notes, list) or len(notes) != len(doc.tables):
            return False
        if not all(isinstance(n, list) and all(type(s) is str for s in n) for n in notes):
            return False
        rows = [_all_cells(t) for t in doc.tables]
        targets = []
        for entry in cells:
            ti, ri, j, p = entry
            if not (type(ti) is int and type(ri) is int and type(j) is int and isinstance(p, ParsedNumber)):
                return False
            if ti < 0 or ri < 0 or j < 0:
                return False
            c = rows[ti][ri][j]
            if p.text != c.text:
                return False
            targets.append((c, p))
    except (KeyError, TypeError, ValueError, IndexError):
        return False
    for table, n in zip(doc.tables, notes):
        table.notes = list(n)
    for c, p in targets:
        c._number = p
    return True
