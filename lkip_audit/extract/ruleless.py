"""Tables drawn without any ruling line, and numbers wrapped inside their cells (issue #11).

A rule-less table (a Word table with its borders turned off) has no lines to give
its grid, so the grid comes from the text itself (READING.md, layers 1 and 2):

- Region: below a caption ("Tabel 3.20 ..."), or, without one, a block of lines
  whose numbers align in columns. It ends at the next caption, at a paragraph line
  (one continuous run of words across most of the text width) or at a wide gap.
  A block only becomes a table with evidence: a caption right above it and at
  least two rows with numbers in aligned columns, or, without a caption, at least
  three such rows in at least two aligned numeric columns, or a header (lines in
  capitals or bold, no number but a year; a column-number row) right over a row of
  three numbers or more (a target range "70-80" among them) that names every
  column holding a number: the small uncaptioned capaian table of one indicator; or,
  under a caption, lines numbered 1, 2, 3, ... with text beside (a list whose only
  numbers are its row numbers), or a bold header over one row of two numbers. Where
  doubtful, no table. A caption may be English ("Table 324.", layout.CAPTION_RE) and
  have a headnote of up to five prose lines before its table. A table may start (end)
  in the page's top (bottom) margin zone: lines of three cells or more at line spacing.
- Rows: from the numeric cells' baselines. A line with a number standing in an
  aligned numeric column (or a row number in front) starts a row; the lines below
  it without one (the rest of a wrapped label, a wrapped ",00") belong to it. A
  label over several lines is one row. But a line without numbers whose first word
  would have fit on the line above (no wrap) starts a row of its own (a sub-item
  without a value), as does one after a label ended by dot leaders; such a row takes
  the numbers of a line that continues it by wrapping.
- Columns: from the gaps shared by the body rows (no body word crosses them), and from
  the header: a header word alone over a column the body leaves empty (NO over an empty
  column, "Sisa") still starts one, where no body word crosses the gap before it; a
  column of letter numbers ("a.", "b.") a tab gap before the labels is one of its own,
  though the section labels run over that gap (they stay in the column they start in);
  a long text that runs into the next column's space on one row ("VALSANGIACOMO
  BLANC|FERNANDO") is split by its characters at the boundary the other rows keep.
- Header: the lines between the caption and the first row; a line whose only numbers
  are years ("Sasaran 2023 2024 2025 2026", bold or capitals) and a column-number row
  "(1) ... (7)" stay header though their numbers align with the body's. A header phrase above
  others whose columns have no text at its height (RENCANA over TARGET | ANGGARAN)
  spans those columns: two header rows with merged cells. A line whose numbers stand
  inside phrases of words ("Under 18 | 18 years") is header too; the cells of a header
  row may be centred, top- or bottom-aligned together.

``join_cell_lines`` is the cell-text assembly for every finder: a number broken
over two lines of one cell ("2.340.024.648" / ",00") is one number when the
pieces only make a valid number together.
"""

from __future__ import annotations

import re
from statistics import median

from lkip_audit.extract.grid import GridCell, Piece
from lkip_audit.extract.layout import Line, group_lines, is_bold, join_lines, normalise_space
from lkip_audit.extract.model import BBox

# A whole number as printed: Indonesian (1.234.567,89) or English (1,234,567.89)
# grouping, or plain digits with an optional decimal part; sign, brackets, Rp, %.
_NUM_BODY = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_VALID_NUMBER = re.compile(r"^[(\-]?(?:Rp\.?\s?)?" + _NUM_BODY + r"(?:,-|,00)?\)?%?$")


def valid_number(s: str) -> bool:
    return bool(_VALID_NUMBER.match(s.strip()))


def _joins(prev: str, nxt: str) -> bool:
    """``prev`` (a line's last token) and ``nxt`` (the next line's first token) are the two
    halves of one number: the break falls at a digit or separator, together they make a
    valid number, and at least one of them is not a valid number by itself."""
    if not prev or not nxt or not any(ch.isdigit() for ch in prev):
        return False  # "Rp." over "186.250.000" is a currency sign, already valid apart
    if not (prev[-1].isdigit() or prev[-1] in ".,") or not (nxt[0].isdigit() or nxt[0] in ".,"):
        return False
    if not valid_number(prev + nxt):
        return False
    if _MONEY_CUT.match(prev) and re.match(r"^\d$", nxt):
        return True  # "22.134.054.750,0" / "0": money has no one-digit decimals
    return not (valid_number(prev) and valid_number(nxt))


_MONEY_CUT = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d$")


def join_cell_lines(lines: list[str]) -> str:
    """The text of one cell from its lines, top to bottom: ``layout.join_lines``, except
    that a number broken over lines is joined without a space."""
    parts: list[str] = []
    for ln in (normalise_space(s) for s in lines):
        if not ln:
            continue
        if parts:
            head, _, rest = ln.partition(" ")
            tail = parts[-1].rsplit(" ", 1)[-1]
            if _joins(tail, head):
                parts[-1] = parts[-1] + head
                if rest:
                    parts.append(rest)
                continue
        parts.append(ln)
    return normalise_space(join_lines(parts))


def cell_text_of(words: list[dict]) -> str:
    """``layout.text_of`` with wrapped numbers joined (the hook in tables.piece_from_cells)."""
    return join_cell_lines([ln.text for ln in group_lines(words)])


# --- the rule-less finder -------------------------------------------------------------

_NUMERIC_WORD = re.compile(r"^[(\-]?(?:Rp\.?)?\d[\d.,]*%?\)?$")
_FRAGMENT = re.compile(r"^[.,]\d*(?:-)?%?$")  # ",00", ".648": the rest of a wrapped number
_ROWNUM = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[IVX]{1,4})[.)]?$")


def _is_numeric(w: dict) -> bool:
    return bool(_NUMERIC_WORD.match(w["text"])) and any(ch.isdigit() for ch in w["text"])


def _is_paragraph(ln: Line, text_width: float) -> bool:
    """A line of running text: its words follow each other at word spacing (no column
    gap) over more than half of the text width."""
    if ln.x1 - ln.x0 < 0.5 * text_width:
        return False
    ws = ln.words
    h = median(w["bottom"] - w["top"] for w in ws)
    return all(b["x0"] - a["x1"] < 1.2 * h for a, b in zip(ws, ws[1:]))


def _numeric_columns(lines: list[Line], members: int = 2) -> list[float]:
    """Right edges shared by numbers of at least ``members`` lines: the numeric columns."""
    rights = sorted(w["x1"] for ln in lines for w in ln.words if _is_numeric(w) and w is not ln.words[0])
    clusters: list[list[float]] = []
    for x in rights:
        if clusters and x - clusters[-1][-1] <= 2.0:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [median(c) for c in clusters if len(c) >= members]


def _anchor(ln: Line, numcols: list[float], prev: Line | None = None, first_col_right: float | None = None) -> bool:
    """A line that starts a body row: a number in an aligned numeric column that is not
    the rest of a number wrapped from the line above ("2.340.024.648," / "00"). The
    line's first word counts only right of ``first_col_right`` (a row that prints only
    a second target value under the first, its label cell empty)."""

    def wrapped(w: dict) -> bool:
        return prev is not None and any(
            v["x0"] < w["x1"] and w["x0"] < v["x1"] and _joins(v["text"], w["text"]) for v in prev.words)

    return any(
        _is_numeric(w) and not _FRAGMENT.match(w["text"])
        and (w is not ln.words[0] or (first_col_right is not None and w["x0"] > first_col_right))
        and any(abs(w["x1"] - x) <= 2.0 for x in numcols) and not wrapped(w)
        for w in ln.words
    )


def _starts_row(ln: Line, numcols: list[float], first_col_right: float | None, prev: Line | None = None,
                numbered: tuple[list[float], set[int]] | None = None) -> bool:
    """``numbered``: the column edges and the columns that hold row numbers only."""
    if _anchor(ln, numcols, prev, first_col_right) or _total_line(ln):
        return True
    w = ln.words[0]
    if not _ROWNUM.match(w["text"]):
        return False
    if first_col_right is not None and w["x1"] <= first_col_right + 1:
        return True
    # A row number in a numbering column further right: "I." of a program under an IKU,
    # "1." of a kegiatan under its program (a table of several numbered levels).
    return numbered is not None and _col_of(numbered[0], (w["x0"] + w["x1"]) / 2) in numbered[1]


def _numbering_columns(body: list[Line], edges: list[float], soft: tuple[float, ...] = ()) -> set[int]:
    """Columns whose body words are all row numbers ("1.", "I.", "a"), two at least. A
    section label running over a ``soft`` boundary ("Pemberian Satyalancana" over the
    letter column and the label column) is in none of them."""
    found: dict[int, list[bool]] = {}
    for ln in body:
        ws = [w for ph in _phrases(ln) if not _crosses(ph, soft) for w in ph] if soft else ln.words
        for w in ws:
            found.setdefault(_col_of(edges, (w["x0"] + w["x1"]) / 2), []).append(bool(_ROWNUM.match(w["text"])))
    return {c for c, ok in found.items() if len(ok) >= 2 and all(ok)}


_TOTAL_LABEL = re.compile(r"^(?:jumlah|total|sub\s*total|rata-rata|rerata)\b", re.IGNORECASE)


def _total_line(ln: Line) -> bool:
    """A total row's label ("JUMLAH", "Jumlah Anggaran", "TOTAL BELANJA"), not a wrapped
    label line that happens to start with the word ("Jumlah Jabatan untuk Pelaksanaan
    Pengadaan ASN", "Jumlah Jabatan"): the word alone, or in capitals or bold. (A total
    row with numbers starts a row by its numbers.)"""
    if not _TOTAL_LABEL.match(ln.words[0]["text"]):
        return False
    return len(ln.words) == 1 or ln.text.upper() == ln.text or ln.bold


def _gaps(lines: list[Line], x0: float, x1: float) -> list[float]:
    """Column boundaries: the middles of the gaps no word of the body lines crosses
    (gaps under 4 pt are word spacing). A total line ("JUMLAH" merged over the number
    and label columns) does not close a gap the other lines share."""
    rest = [ln for ln in lines if not _total_line(ln)]
    spans = sorted((w["x0"], w["x1"]) for ln in (rest if len(rest) >= 2 else lines) for w in ln.words)
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 4.0:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    edges = [x0]
    for (_a0, a1), (b0, _b1) in zip(merged, merged[1:]):
        edges.append((a1 + b0) / 2)
    edges.append(x1)
    return edges


def _header_starts(head: list[Line], body: list[Line], edges: list[float]) -> list[float]:
    """``edges`` (from the body's gaps) with the columns the header starts and the body
    does not: two header phrases on one line over one body column, with a gap between
    them that no body word crosses, head two columns (NO over an always empty column
    beside KEGIATAN, bkd-word-noborder Tabel 3.30; "Realisasi | Sisa" over numbers and
    an empty Sisa column, Tabel 3.58). The new boundary is the middle of the part of
    that gap the body leaves free. Only a grid the body already gives (two columns or
    more) is refined: a heading between two rules ("3.1  Capaian ...") over one line is
    no table."""
    if len(edges) < 3:
        return edges
    spans = sorted((w["x0"], w["x1"]) for ln in body for w in ln.words)
    out = list(edges)
    for ln in head:
        phs = _phrases(ln)
        for p, q in zip(phs, phs[1:]):
            a, b = p[-1]["x1"], q[0]["x0"]
            if _col_of(out, (p[0]["x0"] + a) / 2) != _col_of(out, (b + q[-1]["x1"]) / 2):
                continue
            free = _free_part(spans, a, b)
            if free is not None and free[1] - free[0] >= 2.0:
                out = sorted(out + [(free[0] + free[1]) / 2])
    return out


def _free_part(spans: list[tuple[float, float]], a: float, b: float) -> tuple[float, float] | None:
    """The widest stretch of (a, b) that no span crosses (1 pt apart), or None."""
    cuts = sorted((max(a, w0 - 1), min(b, w1 + 1)) for w0, w1 in spans if w0 - 1 < b and a < w1 + 1)
    best, x = None, a
    for c0, c1 in cuts + [(b, b)]:
        if c0 > x and (best is None or c0 - x > best[1] - best[0]):
            best = (x, c0)
        x = max(x, c1)
    return best


_LETTER = re.compile(r"^[a-z][.)]$")


def _crosses(ph: list[dict], soft: tuple[float, ...]) -> bool:
    return any(ph[0]["x0"] < e < ph[-1]["x1"] for e in soft)


def _letter_columns(body: list[Line], edges: list[float]) -> tuple[list[float], tuple[float, ...]]:
    """``edges`` with a letter column split off its label column, and the new boundaries.
    Under a merged "Uraian" header the sub-items are numbered "a.", "b." in a narrow
    column of their own, a tab gap before the label (bkd-word-noborder Tabel 3.58,
    3.59); the section rows' labels ("I. Pemberian Satyalancana") start in that column and
    run over the gap, so the body's gaps do not show it. A column where two lines or more
    start with a letter number and a gap of 6 pt or more before the next word, and every
    other line's words there either start in the letters' place (a section label over
    both: a ``soft`` boundary, its text stays in the column it starts in) or stand clear
    of the gap, is two columns."""
    out, soft = list(edges), []
    for c in range(len(edges) - 1):
        lo_x, hi_x = edges[c], edges[c + 1]
        rows = [[w for w in ln.words if lo_x <= (w["x0"] + w["x1"]) / 2 < hi_x] for ln in body]
        rows = [ws for ws in rows if ws]
        letters = [ws for ws in rows if len(ws) >= 2 and _LETTER.match(ws[0]["text"])
                   and ws[1]["x0"] - ws[0]["x1"] >= 6]
        if len(letters) < 2:
            continue
        left = min(ws[0]["x0"] for ws in letters)
        a = max(ws[0]["x1"] for ws in letters)
        b = min(ws[1]["x0"] for ws in letters)
        if b - a < 4:
            continue
        spans, ok = [], True
        for ws in rows:
            if any(ws is x for x in letters):
                continue
            if ws[0]["x0"] <= left + 2:
                continue  # a section label starting in the letters' place
            for w in ws:
                if w["x0"] < b and a < w["x1"]:
                    spans.append((w["x0"], w["x1"]))
                if w["x0"] < a:
                    ok = False  # other text in the letters' place: no letter column
        if not ok:
            continue
        free = _free_part(spans, a, b)
        if free is None or free[1] - free[0] < 2.0:
            continue
        e = (free[0] + free[1]) / 2
        out.append(e)
        soft.append(e)
    return sorted(out), tuple(soft)


def _overflow_columns(body: list[Line], edges: list[float]) -> list[float]:
    """``edges`` with the boundaries that a text running over into the next column's space
    hides. A long name printed tight against the next cell ("VALSANGIACOMO BLANCO" into
    the Nombre column, the last letter under "FERNANDO") closes the gutter between the
    two columns on its line only, so the body's gaps merge the columns. Within a column, a
    stretch 4 pt wide or more that all but a few lines (one in twenty, one at least) leave
    free is a boundary when most of the other lines have text on both sides of it and
    each line that crosses it is a row of the grid (it fills every column the other lines
    fill, and has its number in each column of numbers; a section label or a text
    merged over the columns fills no numeric column). The words
    that cross it are split there by their characters (``_split_words``)."""
    n = len(body)
    if n < 5:
        return edges
    k = max(1, n // 20)

    def covered(ln: Line, lo: float, hi: float) -> list[tuple[float, float]]:
        out: list[list[float]] = []
        for w in ln.words:
            if w["x1"] <= lo or w["x0"] >= hi:
                continue
            if out and w["x0"] <= out[-1][1] + 4.0:
                out[-1][1] = max(out[-1][1], w["x1"])
            else:
                out.append([w["x0"], w["x1"]])
        return [(a, b) for a, b in out]

    def cols_of(ln: Line, es: list[float]) -> set[int]:
        return {_col_of(es, (w["x0"] + w["x1"]) / 2) for w in ln.words}

    def nums_of(ln: Line, es: list[float]) -> set[int]:
        return {_col_of(es, (w["x0"] + w["x1"]) / 2) for w in ln.words if _is_numeric(w)}

    out = list(edges)
    for c in range(len(edges) - 1):
        lo, hi = edges[c], edges[c + 1]
        spans = [[(max(a, lo), min(b, hi)) for a, b in covered(ln, lo, hi)] for ln in body]
        # The stretches of the column that at most k lines cover (a sweep over the spans).
        events = sorted([(a, 1) for sp in spans for a, _ in sp] + [(b, -1) for sp in spans for _, b in sp])
        runs: list[tuple[float, float]] = []
        depth, start = 0, lo
        for x, d in events:
            before, depth = depth, depth + d
            if before <= k < depth:
                runs.append((start, x))
            elif depth <= k < before:
                start = x
        if depth <= k:
            runs.append((start, hi))
        for a, b in runs:
            if b - a < 4.0:
                continue
            crossers = {i for i, sp in enumerate(spans) if any(x0 < b and x1 > a for x0, x1 in sp)}
            rest = [i for i in range(n) if i not in crossers]
            both = [i for i in rest if any(x1 <= a + 1e-6 for _, x1 in spans[i])
                    and any(x0 >= b - 1e-6 for x0, _ in spans[i])]
            if not (1 <= len(crossers) <= k) or any(_total_line(body[i]) for i in crossers) \
                    or len(both) * 10 < 6 * len(rest):
                continue
            filled = {d for d in range(len(edges) - 1) if d != c
                      and sum(1 for i in rest if d in cols_of(body[i], edges)) * 10 >= 8 * len(rest)}
            numeric = {d for d in filled
                       if sum(1 for i in rest if d in nums_of(body[i], edges)) * 10 >= 8 * len(rest)}
            if not numeric or not all(filled <= cols_of(body[i], edges) and numeric <= nums_of(body[i], edges)
                                      for i in crossers):
                continue
            # The boundary: where the right column's text starts when it is set flush left
            # (the long name's letters before it are its own), where the left column's
            # text ends when that is set flush right, else the middle of the gutter.
            lefts = [min(x0 for x0, _ in spans[i] if x0 >= b - 1e-6) for i in both]
            rights = [max(x1 for _, x1 in spans[i] if x1 <= a + 1e-6) for i in both]
            if sum(1 for x in lefts if x - min(lefts) <= 1.0) * 10 >= 8 * len(lefts):
                out.append(min(lefts) - 0.5)
            elif sum(1 for x in rights if max(rights) - x <= 1.0) * 10 >= 8 * len(rights):
                out.append(max(rights) + 0.5)
            else:
                out.append((max(rights) + min(lefts)) / 2)
    return sorted(out)


def _split_words(lines: list[Line], edges: list[float]) -> list[Line]:
    """``lines`` with the words that run over one of ``edges`` split there (by their
    ``chars``, as pdfium_source keeps them): each character goes to the column its
    centre stands in. A line so changed is a new Line (a block's lines are read more
    than once)."""
    inner = edges[1:-1]
    out: list[Line] = []
    for ln in lines:
        if not any(w["x0"] + 1 < e < w["x1"] - 1 for w in ln.words for e in inner):
            out.append(ln)
            continue
        words: list[dict] = []
        for w in ln.words:
            chars = w.get("chars")
            if not chars or not any(w["x0"] + 1 < e < w["x1"] - 1 for e in inner):
                words.append(w)
                continue
            parts: list[list] = []
            last = None
            for ch in chars:
                col = _col_of(edges, (ch[0] + ch[1]) / 2)
                if parts and col == last:
                    parts[-1].append(ch)
                else:
                    parts.append([ch])
                    last = col
            for part in parts:
                text = "".join(ch[2] for ch in part).strip()
                if text:
                    words.append(dict(w, text=text, x0=part[0][0], x1=part[-1][1], chars=part))
        out.append(Line(words, ln.top, ln.bottom, ln.x0, ln.x1))
    return out


def _col_of(edges: list[float], x: float) -> int:
    for i in range(len(edges) - 1):
        if x < edges[i + 1]:
            return i
    return len(edges) - 2


def _phrases(ln: Line) -> list[list[dict]]:
    """Words of one line grouped at word spacing: the texts of separate cells."""
    out: list[list[dict]] = []
    for w in ln.words:
        h = w["bottom"] - w["top"]
        if out and w["x0"] - out[-1][-1]["x1"] < 0.8 * h:
            out[-1].append(w)
        else:
            out.append([w])
    return out


_LEADER = re.compile(r"^\.{3,}$")


def _leaders(words: list[dict]) -> int:
    """How many words at the end of ``words`` (in reading order) are dot leaders: a run
    of dots ("........") or two single dots or more (". . . ."), which lead the eye
    from a label to its numbers."""
    k = len(words)
    while k and words[k - 1]["text"] == ".":
        k -= 1
    if len(words) - k >= 2 or (len(words) - k == 1 and k and (words[k - 1]["text"].endswith("."))):
        while k and _LEADER.match(words[k - 1]["text"]):
            k -= 1
        return len(words) - k
    return 1 if words and _LEADER.match(words[-1]["text"]) else 0


def _without_leaders(words: list[dict]) -> list[dict]:
    """A label cell's words without the dot leaders after it, and without the full stop
    the leaders start with ("Robbery. . . ." is "Robbery"; "etc.." is "etc.")."""
    ordered = [w for ln in group_lines(words) for w in ln.words]
    n = _leaders(ordered)
    if not n:
        return words
    keep = ordered[:-n]
    if keep and keep[-1]["text"].endswith("."):
        keep[-1] = dict(keep[-1], text=keep[-1]["text"][:-1])
    return [w for w in keep if w["text"]]


def _cell(words: list[dict], bbox: BBox, r: int, c: int, rowspan: int = 1, colspan: int = 1):
    words = _without_leaders(words)
    text = cell_text_of(words) if words else ""
    n = sum(len(w["text"]) for w in words)
    bold = bool(words) and sum(len(w["text"]) for w in words if is_bold(w)) * 2 > n
    indent = (min(w["x0"] for w in words) - bbox.x0) if words else 0.0
    return GridCell(text, bbox, r, c, rowspan, colspan, bold=bold, indent=round(indent, 1))


def _header_blocks(head: list[Line]) -> list[list[dict]]:
    """The header's cell texts: phrases (words at word spacing on one line) joined with the
    phrases that continue them on the next line of the same cell: one line pitch lower
    (a child cell below a group header starts lower, after the cell padding) and centred,
    left-aligned or right-aligned with them ("American" / "Indian/Alaskan" / "Native" over
    a column of numbers) ("CAPAIAN STANDAR NASIONAL" / "TAHUN 2024")."""
    blocks: list[list[list[dict]]] = []
    for ph in sorted((ph for ln in head for ph in _phrases(ln)), key=lambda ph: (ph[0]["top"], ph[0]["x0"])):
        h = max(w["bottom"] - w["top"] for w in ph)
        x0, x1 = ph[0]["x0"], ph[-1]["x1"]
        best = None
        for b in blocks:
            last = b[-1]
            l0, l1 = last[0]["x0"], last[-1]["x1"]
            dy = ph[0]["top"] - last[0]["top"]
            if not (0.5 * h < dy <= 1.4 * h) or x0 > l1 or x1 < l0:
                continue
            if abs((x0 + x1) / 2 - (l0 + l1) / 2) <= 3 or abs(x0 - l0) <= 2 or abs(x1 - l1) <= 1.5:
                if best is None or dy < best[0]:
                    best = (dy, b)
        if best is not None:
            best[1].append(ph)
        else:
            blocks.append([ph])
    return blocks


def _split_group_lines(blocks: list[list[list[dict]]], edges: list[float]) -> list[list[dict]]:
    """The header blocks as word lists, a group header split from the child cell that runs
    on right below it at the same pitch (no cell padding): a first line ("CAPAIAN KINERJA
    TAHUN 2024", "TAHUN 2024") and the lines after it ("REALISASI" / "FISIK" / ...)
    centred at the height of the cells beside them (TARGET TAHUNAN, CAPAIAN
    KINERJA: Word centres a header row's cells vertically) are two cells. A group's own
    second line ("CAPAIAN STANDAR NASIONAL" / "TAHUN 2024") stands higher than them."""

    def cy(ws: list[dict]) -> float:
        return (min(w["top"] for w in ws) + max(w["bottom"] for w in ws)) / 2

    out: list[list[dict]] = []
    flat = [[w for ph in b for w in ph] for b in blocks]
    for b, ws in zip(blocks, flat):
        ends = [ph[-1]["x1"] for ph in b]
        mids = [(ph[0]["x0"] + ph[-1]["x1"]) / 2 for ph in b]
        if max(ends) - min(ends) <= 1.5 and max(mids) - min(mids) > 3:
            out.append(ws)  # lines set flush right together: one cell, no group over a child
            continue
        for k in range(1, len(b)):
            first = [w for ph in b[:k] for w in ph]
            rest = [w for ph in b[k:] for w in ph]
            fb, rb = max(w["bottom"] for w in first), max(w["bottom"] for w in rest)
            cols = [_col_of(edges, (w["x0"] + w["x1"]) / 2) for w in first]
            near = range(min(cols) - 1, max(cols) + 2)  # the cells beside it under a group
            beside = [o for o in flat if o is not ws and fb - 1 < min(w["top"] for w in o) < rb
                      and any(_col_of(edges, (w["x0"] + w["x1"]) / 2) in near for w in o)]
            # (A cell of two lines level with its neighbours is centred with them whole.)
            if any(abs(cy(o) - cy(rest)) <= 2 < abs(cy(o) - cy(ws)) for o in beside):
                out += [first, rest]  # "Tahun" / "2024" over "Proses": a split after two lines
                break
        else:
            out.append(ws)
    return out


def _header_cells(head: list[Line], edges: list[float], top: float, bottom: float) -> tuple[list, int]:
    """Header cells over the columns ``edges`` from the header lines: one row, or two when
    a header cell groups the columns below it (RENCANA over TARGET | ANGGARAN, "CAPAIAN
    KINERJA TAHUN 2024" over three columns)."""
    ncols = len(edges) - 1
    if not head:
        return [], 0
    by_col: list[list[dict]] = [[] for _ in range(ncols)]
    for ln in head:
        for w in ln.words:
            by_col[_col_of(edges, (w["x0"] + w["x1"]) / 2)].append(w)
    blocks = _split_group_lines(_header_blocks(head), edges)
    # A group header: a block whose column holds other header text only below it, over a
    # run of neighbouring columns whose header text also starts below it, centred under it.
    groups: list[tuple[list[dict], int, int]] = []
    used: set[int] = set()
    for blk in sorted(blocks, key=lambda b: min(w["top"] for w in b)):
        own = {id(w) for w in blk}
        pt, pb = min(w["top"] for w in blk), max(w["bottom"] for w in blk)
        bx0, bx1 = min(w["x0"] for w in blk), max(w["x1"] for w in blk)
        cx = (bx0 + bx1) / 2
        c = _col_of(edges, cx)
        if c in used:
            continue

        def rest(k: int) -> list[dict]:
            return [w for w in by_col[k] if id(w) not in own]

        below = rest(c)
        if not below or min(w["top"] for w in below) < pb - 1:
            continue

        def middle(ws: list[dict]) -> float:
            return (min(w["top"] for w in ws) + max(w["bottom"] for w in ws)) / 2

        def child(k: int) -> bool:
            """Column ``k``'s header starts below the block and stands level with the one
            right under it (the cells of one header row are centred, top-aligned or
            bottom-aligned together: "Total" beside "Under 18 / years" in a census table; a cell over both rows, INDIKATOR KINERJA UTAMA beside TARGET
            TAHUNAN under TAHUN 2024, is centred on both)."""
            ws = rest(k)
            if not ws or k in used or min(w["top"] for w in ws) < pb - 1:
                return False
            return (abs(middle(ws) - middle(below)) <= 2
                    or abs(min(w["top"] for w in ws) - min(w["top"] for w in below)) <= 2
                    or abs(max(w["bottom"] for w in ws) - max(w["bottom"] for w in below)) <= 2)

        # Other header blocks level with this one: a column nearer to one of them is theirs.
        others = [(min(w["x0"] for w in o) + max(w["x1"] for w in o)) / 2 for o in blocks
                  if o is not blk and min(w["top"] for w in o) < pb and max(w["bottom"] for w in o) > pt]

        def nearest_is_me(k: int) -> bool:
            kc = (edges[k] + edges[k + 1]) / 2
            return all(abs(kc - cx) <= abs(kc - o) for o in others)

        def centred(a: int, b: int) -> bool:
            span = edges[b + 1] - edges[a]
            if abs((edges[a] + edges[b + 1]) / 2 - cx) <= max(6.0, 0.03 * span):
                return True
            # The texts of the columns under it, centred in their cells, span it evenly, or
            # the outer ones stand as far from its centre ("2024" over Kebutuhan | Terisi | GAP).
            ws = [w for k in range(a, b + 1) for w in rest(k)]
            if abs((min(w["x0"] for w in ws) + max(w["x1"] for w in ws)) / 2 - cx) <= 4.0:
                return True
            left, right = rest(a), rest(b)
            mid = ((min(w["x0"] for w in left) + max(w["x1"] for w in left)) / 2
                   + (min(w["x0"] for w in right) + max(w["x1"] for w in right)) / 2) / 2
            return abs(mid - cx) <= 3.0

        ok = [k == c or (child(k) and nearest_is_me(k)) for k in range(ncols)]
        best: list[int] = []
        for a in range(c, -1, -1):
            if not ok[a]:
                break
            for b in range(c, ncols):
                if not ok[b]:
                    break
                if b > a and centred(a, b) and b - a + 1 > len(best):
                    best = list(range(a, b + 1))
        if len(best) >= 2:
            groups.append((blk, best[0], best[-1]))
            used.update(best)
    cells = []
    if not groups:
        for c in range(ncols):
            cells.append(_cell(by_col[c], BBox(edges[c], top, edges[c + 1], bottom), 0, c))
        return cells, 1
    grouped = {id(w) for blk, _, _ in groups for w in blk}
    split = max(max(w["bottom"] for w in blk) for blk, _, _ in groups)
    for blk, a, b in groups:
        cells.append(_cell(blk, BBox(edges[a], top, edges[b + 1], split), 0, a, 1, b - a + 1))
    for c in range(ncols):
        ws = [w for w in by_col[c] if id(w) not in grouped]
        if c in used:
            cells.append(_cell([w for w in ws if w["top"] >= split - 1], BBox(edges[c], split, edges[c + 1], bottom), 1, c))
        else:
            cells.append(_cell(ws, BBox(edges[c], top, edges[c + 1], bottom), 0, c, 2, 1))
    return cells, 2


def _build(page_no: int, head: list[Line], body: list[Line], numcols: list[float], source: str,
           edges: list[float] | None = None, bands: list[list[Line]] | None = None, finder: str = "ruleless",
           soft: tuple[float, ...] = ()):
    """A Piece from the header lines and the body lines of a rule-less region; ``edges``:
    the column boundaries when they are known (a table stitched over pages), else from
    the gaps of ``body``; ``bands``: the body's rows when rules between them say where
    they are (``from_bands``), else they come from the numbers' baselines."""
    x0 = min(ln.x0 for ln in head + body) - 1
    x1 = max(ln.x1 for ln in head + body) + 1
    if edges is None:
        edges, soft = _letter_columns(body, _header_starts(head, body, _gaps(body, x0, x1)))
        if len(edges) >= 3 and bands is None:
            split = _overflow_columns(body, edges)
            if len(split) > len(edges):
                body = _split_words(body, split)
                edges = split
    if len(edges) < 3:
        return None
    first_right = edges[1]
    numbered = (edges, _numbering_columns(body, edges, soft))
    rows: list[list[Line]] = [list(b) for b in bands] if bands is not None else []
    # A label whose line ends in dot leaders is whole: a line below it without numbers
    # starts the next row ("Murder and nonnegligent" over "manslaughter . . . 10.0"),
    # and that row's numbers come on a later line of it (``pending``).
    # (A line with leaders of its own and no numbers, "Forcible rape . . . . – – –", is a
    # whole row.)
    # A line without numbers under a line whose text in that column stops short, where
    # the line's first word would have fit, is no wrapped continuation (text wraps only
    # when the next word does not fit): it starts a row of its own ("S3" / "Ekonomi" /
    # "Administrasi", sub-items without a value). Its numbers may still come on a line
    # that continues it by wrapping.
    def label_ends(ln: Line) -> bool:
        return bool(_leaders([w for w in ln.words if w["x1"] <= first_right + 1]))

    ends: dict[int, float] = {}
    for ln in body:
        for w in ln.words:
            c = _col_of(edges, (w["x0"] + w["x1"]) / 2)
            ends[c] = max(ends.get(c, w["x1"]), w["x1"])

    def wraps(prev: Line, ln: Line, unknown: bool = True) -> bool:
        first = ln.words[0]
        c = _col_of(edges, (first["x0"] + first["x1"]) / 2)
        before = [w for w in prev.words if _col_of(edges, (w["x0"] + w["x1"]) / 2) == c]
        if not before or first["x0"] < before[0]["x0"] - 1:
            return unknown  # nothing above it in its column, or text set further left
        limit = min(edges[c + 1], ends[c])
        space = 0.25 * (first["bottom"] - first["top"])
        return before[-1]["x1"] + space + (first["x1"] - first["x0"]) > limit - 0.5

    pending = False
    for k, ln in enumerate(body if bands is None else []):
        starts = not rows or _starts_row(ln, numcols, first_right, body[k - 1] if k else None, numbered)
        if starts and pending and _anchor(ln, numcols, body[k - 1], first_right) and wraps(rows[-1][-1], ln, False):
            rows[-1].append(ln)
            pending = False
        elif starts:
            rows.append([ln])
            pending = False
        elif not pending and label_ends(rows[-1][-1]):
            rows.append([ln])
            pending = not label_ends(ln)
        elif not wraps(rows[-1][-1], ln):
            rows.append([ln])
            pending = not label_ends(ln)
        else:
            rows[-1].append(ln)
    top = min(ln.top for ln in head + body) - 1
    body_top = body[0].top - 1
    hcells, nh = _header_cells(head, edges, top, body_top)
    cells = list(hcells)
    ncols = len(edges) - 1
    for i, rl in enumerate(rows):
        rt = rl[0].top - 1
        rb = rows[i + 1][0].top - 1 if i + 1 < len(rows) else max(ln.bottom for ln in rl) + 1
        col: dict[int, int] = {}
        for ln in rl:
            for ph in _phrases(ln):
                # A total label merged over several columns ("JUMLAH ANGGARAN" over NO and
                # the label columns; total lines close no gutter, see _gaps) is one text,
                # in the column it starts in.
                # So is a section label over a letter column and its label column (soft).
                spans_soft = _crosses(ph, soft)
                lead = _col_of(edges, ph[0]["x0"] + 1 if spans_soft else (ph[0]["x0"] + ph[0]["x1"]) / 2)
                for w in ph:
                    c = _col_of(edges, (w["x0"] + w["x1"]) / 2)
                    col[id(w)] = lead if (_total_line(rl[0]) or spans_soft) and not _is_numeric(w) else c
        ws = [w for ln in rl for w in ln.words]
        for c in range(ncols):
            cw = [w for w in ws if col[id(w)] == c]
            cells.append(_cell(cw, BBox(edges[c], rt, edges[c + 1], rb), nh + i, c))
    bottom = max(ln.bottom for ln in body) + 1
    piece = Piece(page_no, BBox(x0, top, x1, bottom), nh + len(rows), ncols, cells, f"{source}-{finder}",
                  col_edges=edges)
    piece.bands = bands
    piece.header_rows = nh  # read by _number_columns and by the stitching of continuations
    piece.lines = (head, body)  # the words it was read from: regrid_continuations
    piece.numcols = numcols
    return piece


def find_ruleless(data, read_by: str, taken: list[BBox]) -> list:
    """Rule-less tables of a page (``data``: pdfium_source.PageData), outside ``taken``
    (the boxes of the tables found from rules)."""
    from lkip_audit.extract.layout import find_captions

    words = [w for w in data.words if w.get("upright", True)]

    def free(w: dict) -> bool:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        return not any(b.x0 - 2 <= cx <= b.x1 + 2 and b.top - 2 <= cy <= b.bottom + 2 for b in taken)

    lines = group_lines([w for w in words if free(w)])
    if len(lines) < 3:
        return []
    lo, hi = data.height * 0.07, data.height * 0.93
    inside = [k for k, ln in enumerate(lines) if lo < ln.top < hi]
    if inside:
        # A table that begins in the top margin zone (its header row and first row above
        # 7% of a tall page, campaign_donors) or ends in the bottom one: the lines of
        # three cells or more right above the first line (below the last), each at line
        # spacing from the next. A running header or footer stands apart, in fewer cells.
        a, b = inside[0], inside[-1]
        while a > 0 and len(_phrases(lines[a - 1])) >= 3 and \
                lines[a].top - lines[a - 1].bottom <= 1.2 * (lines[a].bottom - lines[a].top):
            a -= 1
        while b + 1 < len(lines) and len(_phrases(lines[b + 1])) >= 3 and \
                lines[b + 1].top - lines[b].bottom <= 1.2 * (lines[b].bottom - lines[b].top):
            b += 1
        lines = lines[a:b + 1]
    else:
        lines = []
    if not lines:
        return []
    text_width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    captions = [_trim_caption(c) for c in find_captions(lines)]
    cap_line = {id(ln): c for c in captions for ln in c.lines}
    pieces = []
    used: set[int] = set()

    prose = [ln.bottom - ln.top for ln in lines if _is_paragraph(ln, text_width)]
    body_size = median(prose) if len(prose) >= 3 else None

    def in_smaller_type(ln: Line, out: list[Line]) -> bool:
        """A line that runs like prose but is set in the table's type, smaller than the
        page's paragraphs: a long label wrapped in a wide label column ("Ke Provinsi
        Banten/Kabupaten/Kota Se Provinsi Banten atau sebaliknya")."""
        if not out or body_size is None:
            return False
        h, size = ln.bottom - ln.top, median(x.bottom - x.top for x in out)
        return h < 0.85 * body_size and abs(h - size) <= 0.1 * size

    def region(start: int) -> list[Line]:
        """Lines from ``start`` down to the next caption, paragraph line or wide gap."""
        out: list[Line] = []
        pitch = max(min(ln.bottom - ln.top for ln in lines[start:start + 3]), 6.0)
        for j in range(start, len(lines)):
            ln = lines[j]
            if id(ln) in cap_line or (_is_paragraph(ln, text_width) and not in_smaller_type(ln, out)):
                break
            if out and ln.top - out[-1].bottom > 2.5 * pitch:
                break
            if len(out) >= 2 and ln.bottom - ln.top > 1.25 * median(x.bottom - x.top for x in out):
                break  # text in a larger type: a heading after the table ("5. Rekapitulasi ...")
            out.append(ln)
        return out

    # 1. Below a caption.
    for cap in captions:
        last = cap.lines[-1]
        start = next((j for j, ln in enumerate(lines) if ln.top > last.bottom - 1 and id(ln) not in cap_line), None)
        if start is None or lines[start].top - cap.bbox.bottom > 40:
            continue
        if any(b.top >= cap.bbox.bottom - 2 and b.top - cap.bbox.bottom < 60 for b in taken):
            continue  # the caption's table was found from its rules
        # A sentence may stand between the caption and its table ("Tabel 3.2 ..." / "Data
        # berikut bersumber dari ..." / the table), or a headnote ("[In thousands ... ]"
        # under "Table 324. ..."): up to five lines of prose, skipped; a number in running
        # text ("a total population of 239,839,971 as estimated") keeps it prose, a line
        # of numbers does not. The last line of the prose starts where the line above does.
        k = start
        while (k < len(lines) and k - start < 5 and id(lines[k]) not in cap_line
               and (_is_paragraph(lines[k], text_width)
                    or (k > start and _is_paragraph(lines[k - 1], text_width)
                        and abs(lines[k].x0 - lines[k - 1].x0) <= 2 and _is_paragraph(lines[k], 0.0)))
               and sum(1 for w in lines[k].words[1:] if _is_numeric(w)) * 4 < len(lines[k].words)):
            k += 1
        for first_line in ([start] if k == start else [start, k]):
            if first_line >= len(lines) or lines[first_line].top - cap.bbox.bottom > 70:
                continue
            block = region(first_line)
            p = _from_block(data.number, block, read_by, min_rows=1, min_cols=1)
            if p is None:
                p = _numbered_list(data.number, block, read_by)
            if p is None:
                p = _captioned_row(data.number, block, read_by)
            if p is not None:
                if first_line != start:
                    # pdf._attach_captions gives a caption only a table with nothing between.
                    p.caption, p.caption_position = cap, "above"
                pieces.append(p)
                used.update(id(ln) for ln in block)
                break
    # 1b. Above a caption set below its table (a caption with no table under it): the lines
    # right above it, as a captioned block (pdf._attach_captions gives it the caption).
    for cap in captions:
        first = cap.lines[0]
        i0 = next((j for j, ln in enumerate(lines) if ln is first), None)
        if i0 is None or i0 == 0 or any(p.caption is cap or p.bbox.top >= cap.bbox.bottom - 2
                                        and p.bbox.top - cap.bbox.bottom < 60 for p in pieces):
            continue
        if any(b.top >= cap.bbox.bottom - 2 and b.top - cap.bbox.bottom < 60 for b in taken):
            continue
        below = next((ln for ln in lines[i0 + 1:] if id(ln) not in cap_line), None)
        if below is not None and below.top - cap.bbox.bottom < 40 and not _is_paragraph(below, text_width):
            continue  # lines right under the caption: its table, were there one
        block: list[Line] = []
        pitch = max(first.bottom - first.top, 6.0)
        for j in range(i0 - 1, -1, -1):
            ln = lines[j]
            if id(ln) in used or id(ln) in cap_line or _is_paragraph(ln, text_width):
                break
            if (block[0].top if block else cap.bbox.top) - ln.bottom > 2.5 * pitch:
                break
            block.insert(0, ln)
        if not block or cap.bbox.top - block[-1].bottom > 40:
            continue
        while len(block) > 2 and block[0].bottom - block[0].top > 1.25 * median(x.bottom - x.top for x in block):
            block = block[1:]  # a heading above the table
        p = _from_block(data.number, block, read_by, min_rows=1, min_cols=1)
        if p is not None:
            pieces.append(p)
            used.update(id(ln) for ln in block)
    # 2. Without a caption: a block of lines whose numbers align.
    j = 0
    while j < len(lines):
        ln = lines[j]
        if id(ln) in used or id(ln) in cap_line or _is_paragraph(ln, text_width):
            j += 1
            continue
        block = [x for x in region(j) if id(x) not in used]
        j += max(len(block), 1)
        # A heading right above the table, in a larger type ("... STANDAR NASIONAL"), is
        # not its header.
        while len(block) > 2 and block[0].bottom - block[0].top > 1.25 * median(x.bottom - x.top for x in block):
            block = block[1:]
        if block and any(0 <= block[0].top - b.bottom < 25 and block[0].x0 < b.x1 and block[-1].x1 > b.x0
                         for b in taken):
            # Right under a table found from its rules (a ruled header band over rule-less
            # body rows): the body of that table, not a table of its own; left out.
            continue
        p = _from_block(data.number, block, read_by, min_rows=3, min_cols=2)
        if p is None:
            # A small table without a caption: a header over a row or two of numbers.
            p, block = _under_header(data.number, block, read_by)
        if p is None and block and block[0] is lines[0] and not any(id(x) in cap_line for x in block):
            # At the top of the page, with less evidence (numbers in one column only): the
            # continuation of a table from the page before, if its header or its columns
            # say so (regrid_continuations); else no table.
            p = _from_block(data.number, block, read_by, min_rows=2, min_cols=1)
            if p is None:
                p = _header_over_text(data.number, block, read_by)
            if p is None:
                p = _header_over_rows(data.number, block, read_by)
            if p is not None:
                p.weak = True
        if p is not None:
            pieces.append(p)
            used.update(id(x) for x in block)
    return sorted(pieces, key=lambda p: (p.bbox.top, p.bbox.x0))


def _trim_caption(cap):
    """A caption without the table lines ``find_captions`` took as its title's continuation
    (with no rule between them, a header line right below looks like one): a title line
    is set in the caption line's size."""
    h0 = cap.lines[0].bottom - cap.lines[0].top
    keep = [cap.lines[0]]
    for ln in cap.lines[1:]:
        if abs((ln.bottom - ln.top) - h0) > 0.12 * h0:
            break
        keep.append(ln)
    if len(keep) < len(cap.lines):
        cap.lines = keep
        cap.bbox = BBox(min(ln.x0 for ln in keep), keep[0].top, max(ln.x1 for ln in keep), keep[-1].bottom)
    return cap


def _from_block(page_no: int, block: list[Line], read_by: str, min_rows: int, min_cols: int):
    """A Piece from a block of lines, or None without the evidence: ``min_rows`` rows
    with numbers in ``min_cols`` aligned numeric columns. A captioned block (min_rows 1)
    of a single body row needs three numbers on that row."""
    if len(block) < 2:
        return None
    numcols = _numeric_columns(block)
    anchors = [k for k, ln in enumerate(block) if _anchor(ln, numcols, block[k - 1] if k else None)]
    single = False
    if len(anchors) < 2 and min_rows <= 1:
        # One body row under a caption (an IKU table): its numbers align with nothing.
        numcols = _numeric_columns(block, 1)
        anchors = [k for k, ln in enumerate(block) if _numbers_on(ln) >= 3]
        while len(anchors) > 1 and anchors[0] > 0 and _header_like(block[anchors[0]]):
            anchors = anchors[1:]  # a header line of years over the row ("2023 2024 2025")
        anchors = anchors[:1]
        single = True
    if not anchors or len(anchors) < min_rows:
        return None
    # Numeric columns that carry numbers on at least ``min_rows`` anchor lines.
    strong = [x for x in numcols
              if sum(1 for k in anchors if any(_is_numeric(w) and abs(w["x1"] - x) <= 2 for w in block[k].words)) >= min_rows]
    if len(strong) < min_cols:
        return None
    first = anchors[0]
    # A header line whose only numbers are years ("Sasaran 2023 2024 2025 2026": the years
    # under a target group, in capitals or bold) and a column-number row "(1) ... (7)" are
    # header, though their numbers stand in the body's columns, while rows follow them. So
    # is a line whose numbers all stand inside phrases of words ("Under 18 | 18 years",
    # right-aligned over the age columns like the numbers below them).
    while ((first > 0 and (_header_like(block[first]) or _column_numbers(block[first])))
           or _numbers_in_text(block[first])):
        later = [k for k in anchors if k > first]
        if not later:
            break
        first = later[0]
    # A total row printed first with no numbers ("JUMLAH" over empty cells) is body.
    # (Not a header line of three cells or more of words, "Total | years | and over".)
    while first > 0 and _TOTAL_LABEL.match(block[first - 1].words[0]["text"]) and not _text_cells(block[first - 1]):
        first -= 1
    # So is a numbered row without numbers above the first one with numbers ("1. Program
    # Penunjang ..." over its indicators): a row number and a label, in the first column.
    left = min(ln.x0 for ln in block)
    for k in range(first):
        ws = block[k].words
        if (len(ws) >= 2 and _ROWNUM.match(ws[0]["text"]) and ws[0]["x0"] <= left + 12
                and not _is_numeric(ws[1]) and not ws[1]["text"][:1].isdigit()):
            first = k
            break
    head, body = block[:first], block[first:]
    if single:
        numcols = []  # the one row: the lines below continue it
    p = _build(page_no, head, body, numcols, read_by)
    if p is None or p.ncols < 2:
        return None
    if _number_columns(p, dense=min_cols >= 2, least=1 if single else 2) < (3 if single else min_cols):
        return None
    return p


def _numbered_list(page_no: int, block: list[Line], read_by: str):
    """A captioned table whose only numbers are its row numbers (a list of agencies with a
    text value each, bkd-word-noborder Tabel 3.57): lines that start with the row numbers
    1, 2, 3, ... (three at least) at the block's left edge, each followed by text, the
    lines between them right of that edge (a wrapped label). The lines above the first
    row are the header. Only under a caption (the caller): without one, a numbered list
    in the text looks the same."""
    if len(block) < 4:
        return None
    left = min(ln.x0 for ln in block)
    starts = [k for k, ln in enumerate(block)
              if len(ln.words) >= 2 and re.fullmatch(r"\d{1,3}\.?", ln.words[0]["text"])
              and ln.words[0]["x0"] <= left + 12 and not _is_numeric(ln.words[1])]
    if len(starts) < 3:
        return None
    vals = [int(block[k].words[0]["text"].rstrip(".")) for k in starts]
    if vals[0] != 1 or any(b != a + 1 for a, b in zip(vals, vals[1:])):
        return None
    first, rownum_right = starts[0], max(block[k].words[0]["x1"] for k in starts)
    body = block[first:]
    if any(ln.x0 <= rownum_right for k, ln in enumerate(body, first) if k not in starts):
        return None  # a line at the row numbers' place that is not a row: no such list
    p = _build(page_no, block[:first], body, [], read_by)
    if p is None or p.ncols < 2 or p.nrows - p.header_rows != len(starts):
        return None
    return p


def _captioned_row(page_no: int, block: list[Line], read_by: str):
    """Under a caption, a table of one row with fewer than three numbers (bkd-word-noborder
    Tabel 3.36 "1 | Formasi Pemerintah Provinsi Banten | 11737 | -" under No | Uraian |
    2024 Usulan / Realisasi; Tabel 3.43 "2024 | 5390 | 5302" under Tahun | Perempuan |
    Laki-laki): header lines in bold (no number but a year) right under the caption, then
    one line with two numbers or more (the first word counted, a dash for nil beside
    them) and at most the rest of its wrapped label below it, each of its cells under a
    header cell. Only under a caption (the caller): without one, such a line is text."""
    k = 0
    while k < len(block) and block[k].bold and (_header_like(block[k]) or all(_YEAR.match(w["text"]) for w in block[k].words)):
        k += 1
    if not k or k >= len(block):
        return None
    row, rest = block[k], block[k + 1:]
    if sum(1 for w in row.words if _is_numeric(w)) < 2 or any(_is_numeric(w) for ln in rest for w in ln.words):
        return None
    if any(ln.bold or ln.x0 < row.words[0]["x1"] for ln in rest):
        return None  # more than the label's wrapped lines: not one row
    p = _build(page_no, block[:k], block[k:], [], read_by)
    if p is None or p.ncols < 2 or not p.header_rows or p.nrows - p.header_rows != 1:
        return None
    named = {c for cell in p.cells if cell.row < p.header_rows and cell.text
             for c in range(cell.col, cell.col + cell.colspan)}
    filled = {cell.col for cell in p.cells if cell.row >= p.header_rows and cell.text}
    if not filled <= named or _number_columns(p, least=1) < 2:
        return None
    return p


_YEAR = re.compile(r"^(?:19|20)\d\d(?:\s?-\s?(?:19|20)?\d\d)?[.,:)]?$")  # "2024", "2023-2026"


def _header_like(ln: Line) -> bool:
    """A line of a table's header: in capitals or bold, with no number but a year, or a
    row of column numbers."""
    if _column_numbers(ln):
        return True
    letters = [ch for ch in ln.text if ch.isalpha()]
    if not letters or not (ln.bold or ln.text.upper() == ln.text):
        return False
    return not any(_is_numeric(w) and not _YEAR.match(w["text"]) for w in ln.words)


def _numbers_in_text(ln: Line) -> bool:
    """A line with numbers, each of them inside a phrase that has a word of letters
    ("Under 18 18 years", "Total years and over"): a header's words, no row's values."""
    phs = _phrases(ln)
    nums = [ph for ph in phs if any(_is_numeric(w) for w in ph)]
    return bool(nums) and all(any(any(ch.isalpha() for ch in w["text"]) for w in ph) for ph in nums)


def _text_cells(ln: Line) -> bool:
    """Three phrases or more on a line, none with a digit or a dash: a header line."""
    phs = _phrases(ln)
    return len(phs) >= 3 and not any(ch.isdigit() or ch in "-\u2013" for w in ln.words for ch in w["text"])


_RANGE = re.compile(r"^\d+(?:[.,]\d+)?-\d+(?:[.,]\d+)?%?$")  # a target range, "70-80"


def _numbers_on(ln: Line) -> int:
    """The numbers on a line after its first word, target ranges ("70-80") among them when
    two plain numbers stand beside them (a row of ranges alone is a header of bands,
    "19-25 | 26-30 | ..."); none on a row of column numbers."""
    if _column_numbers(ln):
        return 0
    plain = sum(1 for w in ln.words[1:] if _is_numeric(w) and not _FRAGMENT.match(w["text"]))
    return plain + sum(1 for w in ln.words[1:] if _RANGE.match(w["text"])) if plain >= 2 else plain


def _column_numbers(ln: Line) -> bool:
    """A header row numbering the columns: "1 2 3 4 5", "(1) (2) (3)"."""
    ns = [re.fullmatch(r"\(?(\d{1,2})\)?", w["text"]) for w in ln.words]
    if len(ns) < 3 or not all(ns):
        return False
    vals = [int(m.group(1)) for m in ns]
    return all(b == a + 1 for a, b in zip(vals, vals[1:]))


def _under_header(page_no: int, block: list[Line], read_by: str) -> tuple:
    """A table without a caption and with fewer rows than a block needs to be one by its
    numbers alone (an IKU's capaian table of one row under its column headings): (the
    Piece, the lines it was read from), or (None, ``block``). The evidence: a line with
    three numbers or more, right under a header (lines in capitals or bold, without a
    number but a year) that names every column holding a number. The lines above the
    header (a table of text before it, a blank line apart) are not part of it."""
    k = next((k for k, ln in enumerate(block) if _numbers_on(ln) >= 3), None)
    if not k:
        return None, block
    i = k
    while i > 0 and _header_like(block[i - 1]):
        i -= 1
    if i == k:
        return None, block
    lines = block[i:]
    p = _from_block(page_no, lines, read_by, min_rows=1, min_cols=1)
    if p is None or not p.header_rows or p.header_rows >= p.nrows:
        return None, block
    heads = [c for c in p.cells if c.row < p.header_rows and c.text]
    numeric = {c.col for c in p.cells if c.row >= p.header_rows and _STARTS_NUMBER.match(c.text)}
    named = {k for c in heads for k in range(c.col, c.col + c.colspan)}
    if len(numeric) < 3 or not numeric <= named:
        return None, block
    return p, lines


def _header_over_text(page_no: int, block: list[Line], read_by: str):
    """A block at the top of a page that starts with header lines over lines without a
    number: the repeated header of a table and the rest of its row cut by the page break
    (bkd-word-noborder p31, the labels of u-3.16-a's one row), if the table before it
    has that header (regrid_continuations keeps it only then), as a weak piece; else None."""
    k = 0
    while k < len(block) and _header_like(block[k]):
        k += 1
    body = block[k:]
    if not k or not body or any(_numbers_on(ln) for ln in body):
        return None
    return _build(page_no, block[:k], body, [], read_by)


def _header_over_rows(page_no: int, block: list[Line], read_by: str):
    """A block at the top of a page that starts with header lines (bold or capitals, no
    number but a year; a line of years in bold) over a row or two with numbers, too few
    to be a table by themselves: the repeated header of a table and the last rows the
    page break left to this page (bkd-word-noborder p48: "JUMLAH 200 269" under the
    repeated header of Tabel 3.37), as a weak piece that regrid_continuations keeps
    only if its header repeats the table's; else None."""
    k = 0
    while k < len(block) and (_header_like(block[k]) or (
            block[k].bold and all(_YEAR.match(w["text"]) for w in block[k].words))):
        k += 1
    body = block[k:]
    if not k or not body or not any(_numbers_on(ln) for ln in body):
        return None
    return _build(page_no, block[:k], body, _numeric_columns(body, 1), read_by)


_STARTS_NUMBER = re.compile(r"^[(\-]?(?:Rp\.?\s?)?\d")


def _number_columns(p, dense: bool = False, least: int = 2) -> int:
    """Columns of the grid whose body cells hold numbers: most of their filled cells, and
    at least two; ``dense``: numbers in most of the body rows (the evidence a block
    without a caption needs). Aligned numbers inside running text (a list of laws,
    "Nomor 23 Tahun 2014") or labels strewn around a chart leave no such column."""
    body_rows = set(range(getattr(p, "header_rows", 1), p.nrows))
    n = 0
    for col in range(p.ncols):
        texts = [c.text for c in p.cells if c.col == col and c.colspan == 1 and c.row in body_rows and c.text]
        nums = sum(1 for t in texts if _STARTS_NUMBER.match(t))
        if nums >= least and nums * 10 >= 6 * len(texts) and (not dense or nums * 10 >= 6 * len(body_rows)):
            n += 1
    return n


# --- tables continued over page breaks ------------------------------------------------


def _same_word(a: dict, b: dict) -> bool:
    return a["text"] == b["text"] and abs(a["x0"] - b["x0"]) <= 3 and abs(a["x1"] - b["x1"]) <= 3


def _repeated_header(first_head: list[Line], head: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """``head`` (the lines above a continuation's first body row) split into the repeated
    header of the table and the lines after it, or None when it repeats no header.

    Word repeats a table's header rows on every page, at the same x positions, though
    LibreOffice may clip a tall repeated header to fewer lines ("INDIKATOR KINERJA" for
    "INDIKATOR KINERJA UTAMA"): every word of a repeated header line stands in the first
    page's header at the same place. The lines after it (the rest of a row cut by the
    page break, "Provinsi") are body."""
    known = [w for ln in first_head for w in ln.words]
    k = 0
    while k < len(head) and all(any(_same_word(w, v) for v in known) for w in head[k].words):
        k += 1
    if sum(len(ln.words) for ln in head[:k]) < 3:
        return None
    return head[:k], head[k:]


def _drop_clipped_header(first_head: list[Line], header: list[Line], body: list[Line]) -> None:
    """Remove from the lines right under a clipped repeated header the words of the header
    that its clipping hid but the text layer kept ("UTAMA", "KINERJA" under "INDIKATOR
    KINERJA": the same words at the same x as in the first page's header, within the first
    page's header height below the repeated header's top). The lines are changed in place."""
    if not header:
        return
    known = [w for ln in first_head for w in ln.words]
    depth = max(ln.bottom for ln in first_head) - min(ln.top for ln in first_head)
    limit = min(ln.top for ln in header) + depth + 1
    for ln in body:
        if ln.top > limit:
            break
        keep = [w for w in ln.words if not any(_same_word(w, v) for v in known)]
        if len(keep) < len(ln.words):
            ln.words[:] = keep
            if keep:
                ln.x0, ln.x1 = min(w["x0"] for w in keep), max(w["x1"] for w in keep)
                ln.top, ln.bottom = min(w["top"] for w in keep), max(w["bottom"] for w in keep)


def _plain(lines: list[Line]) -> bool:
    """Lines in neither bold nor capitals: the rest of a wrapped body label, no header."""
    return all(not ln.bold and ln.text.upper() != ln.text for ln in lines)


def regrid_continuations(pieces: list, text_tops: dict[int, list[float]]) -> list:
    """Rule-less tables continued over page breaks, read as one table.

    A rule-less piece continues the one before it when it is the first table of the next
    page, has no caption of its own, no body text above it (nor the piece before it lines
    of body text below it), and either repeats the
    header of the table's first piece (``_repeated_header``) or, without a header, has
    its numbers in the same columns. Each page alone may lack the evidence for some
    columns (a column empty on one page leaves no gutter there, so its neighbours run
    together), so the columns come from the gaps shared by the body rows of all the
    pages, and every piece is read again with them: the pieces then have the same
    columns and header, and the lines a continuation starts with that begin no row (the
    rest of the row cut by the page break) are joined to that row when stitched.

    Sets ``continues`` (the piece before it) and ``continues_row`` on each continuation,
    read by ``stitch.build_tables``. Returns the pieces without the ``weak`` ones (a
    block at the top of a page with too little evidence of its own) that continue
    nothing."""
    seen: set[int] = set()
    first_on_page: set[int] = set()
    for p in pieces:
        if p.page not in seen:
            first_on_page.add(id(p))
            seen.add(p.page)

    def continuation(prev, p, first):
        """(header lines, body lines) of ``p`` read as the continuation of ``first``'s
        table, or None."""
        if not (hasattr(p, "lines") and hasattr(prev, "lines")) or id(p) not in first_on_page:
            return None
        if p.page != prev.page + 1 or (p.caption is not None and p.caption_position != "below"):
            return None
        if any(t < p.bbox.top - 2 for t in text_tops.get(p.page, [])):
            return None
        if sum(1 for t in text_tops.get(prev.page, []) if t > prev.bbox.bottom + 2) >= 2:
            # Lines of text below the table before it (more than a page number the footer
            # zone missed): that table ended on its page (bkd-word-noborder p43-p44).
            return None
        head, body = p.lines
        first_head = first.lines[0]
        if head and first_head:
            split = _repeated_header(first_head, head)
            if split is not None:
                _drop_clipped_header(first_head, split[0], split[1] + body)
                return split[0], [ln for ln in split[1] + body if ln.words]
        if head and not _plain(head):
            return None
        # No repeated header: the numbers stand in the table's numeric columns.
        cols = _numeric_columns(body, 1)
        shared = [x for x in cols if any(abs(x - y) <= 2 for y in first.numcols)]
        if len(shared) >= 2 and len(shared) * 2 >= len(cols):
            return [], head + body
        return None

    chains: list[list[tuple]] = []
    for k, p in enumerate(pieces):
        prev = pieces[k - 1] if k else None
        if prev is not None and chains and chains[-1][-1][0] is prev:
            parts = continuation(prev, p, chains[-1][0][0])
            if parts is not None:
                chains[-1].append((p, *parts))
                continue
        if hasattr(p, "lines") and not getattr(p, "weak", False):
            chains.append([(p, *p.lines)])
    for chain in chains:
        if len(chain) > 1:
            _regrid(chain)
    return [p for p in pieces if not getattr(p, "weak", False) or getattr(p, "continues", None) is not None]


def _regrid(chain: list[tuple]) -> None:
    """Read the pieces of one table again with the columns of all its body rows."""
    bodies = [ln for _, _, body in chain for ln in body]
    lines = bodies + [ln for _, head, _ in chain for ln in head]
    x0 = min(ln.x0 for ln in lines) - 1
    x1 = max(ln.x1 for ln in lines) + 1
    edges, soft = _letter_columns(bodies, _header_starts(chain[0][1], bodies, _gaps(bodies, x0, x1)))
    numcols = _numeric_columns(bodies)
    if len(edges) < 3:
        return
    rebuilt = []
    for p, head, body in chain:
        if not body:
            return
        source, finder = p.extractor.rsplit("-", 1)
        bands = getattr(p, "bands", None)
        if bands is not None:
            bands = [b for b in ([ln for ln in b if ln.words] for b in bands) if b]
            inside = {id(ln) for b in bands for ln in b}
            extra = [ln for ln in body if id(ln) not in inside]
            bands = ([extra] if extra else []) + bands  # header lines that repeat no header
        q = _build(p.page, head, body, numcols, source, edges=edges, bands=bands, finder=finder, soft=soft)
        if q is None:
            return
        rebuilt.append((p, q, body))
    for k, (p, q, body) in enumerate(rebuilt):
        b = p.bbox  # a table found from its rules keeps their extent
        p.bbox = BBox(min(b.x0, q.bbox.x0), min(b.top, q.bbox.top), max(b.x1, q.bbox.x1), max(b.bottom, q.bbox.bottom))
        p.nrows, p.ncols, p.cells, p.col_edges = q.nrows, q.ncols, q.cells, q.col_edges
        p.header_rows, p.lines, p.numcols = q.header_rows, q.lines, q.numcols
        if k:
            p.continues = rebuilt[k - 1][0]
            p.continues_row = not _starts_row(body[0], numcols, edges[1], None, (edges, _numbering_columns(bodies, edges, soft)))


# --- tables ruled with horizontal lines only -----------------------------------------------


def from_bands(page_no: int, bands: list[list[Line]], source: str):
    """A Piece from the lines between the full-width horizontal rules of a table drawn with
    horizontal rules only (tables.find_hrules): the rules say where the rows are, the gaps
    shared by the body rows where the columns are, and the first band, without numbers
    in the table's numeric columns, is the header (read as a rule-less header: its cells
    of several lines, its group headers over the columns under them). None without two
    bands or two columns."""
    bands = [b for b in bands if b]
    if len(bands) < 2:
        return None
    lines = [ln for b in bands for ln in b]
    numcols = _numeric_columns(lines)
    head: list[Line] = []
    if not any(_anchor(ln, numcols, b[k - 1] if k else None) for b in bands[:1] for k, ln in enumerate(b)):
        head, bands = bands[0], bands[1:]
    body = [ln for b in bands for ln in b]
    p = _build(page_no, head, body, numcols, source, bands=bands, finder="hrules")
    if p is None or p.ncols < 2:
        return None
    return p
