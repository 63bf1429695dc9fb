"""From per-page pieces to document tables: header rows, captions, stitching.

A table that continues over a page break appears as several pieces. The piece
on the next page is a continuation when it is the first table there, has no
caption of its own, has as many columns as the table so far, and either
repeats the header or starts directly with body rows. Repeated header rows are
dropped; a row cut by the page break (the continuation's first row carries
only the rest of a wrapped label) is joined to the row it continues.
"""

from __future__ import annotations

import re

from lkip_audit.extract.layout import normalise_space
from lkip_audit.extract.model import Cell, Row, Table
from lkip_audit.extract.ruleless import regrid_continuations
from lkip_audit.extract.tables import GridCell, Piece
from lkip_audit.numbers import parse_number

_COLNUM_RE = re.compile(r"^\(?\d{1,2}\)?$")
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_ROWNUM_RE = re.compile(r"^(\d{1,3}|[IVX]{1,4}|[a-z])\.?$")


_UNIT_RE = re.compile(
    r"^\(?\s*(?:rp\.?(?:\s*\(?000\)?)?|%|persen|ribu\s+rp\.?|juta\s+rp\.?|rp\.?\s+(?:ribu|juta)|"
    r"orang|unit|satuan|nilai|indeks)\s*\)?$",
    re.IGNORECASE,
)


def _is_unit_row(texts: list[str]) -> bool:
    """A header row of units only: "(Rp)", "(%)", "Rp", "(Rp. 000)"."""
    filled = [t.strip() for t in texts if t.strip()]
    return bool(filled) and all(_UNIT_RE.match(t) for t in filled)


_HEADER_WORDS = re.compile(
    r"\b(?:no|nomor|uraian|sasaran|indikator|target|realisasi|capaian|pencapaian|program|kegiatan|"
    r"anggaran|pagu|satuan|jumlah|tahun|kinerja|keterangan|ket|kategori|predikat|persentase|"
    r"keuangan|fisik|rencana|kebutuhan|tujuan|misi|nilai|formulasi|sumber)\b\.?",
    re.IGNORECASE,
)


def _worded_header(cells: list) -> bool:
    """Most of the row's texts carry a header word ("No", "Target", "% Capaian"): a plain
    header row, set in neither bold nor capitals nor merged cells."""
    texts = [normalise_space(c.text) for c in cells if c.text.strip()]
    hits = sum(1 for t in texts if _HEADER_WORDS.search(t) and len(t) <= 60)
    return len(texts) >= 2 and hits * 2 > len(texts)


def _is_header_text(text: str) -> bool:
    t = text.strip()
    if not t:
        return True
    if _YEAR_RE.match(t):
        return True
    return parse_number(t).kind in ("text", "empty")


# A column number with the formula that derives its column: "5 = 4/3", "(6) = (3) - (4)",
# "7=(5/4)x100%": only column numbers, operators and the factor 100 after the "=".
_COLNUM_FORMULA_RE = re.compile(r"^(\(?\d{1,2}\)?)\s*=\s*[\d\s()+\-x×*/:%.,]+$", re.IGNORECASE)


def _column_number(text: str) -> str | None:
    """The column number a header cell prints ("(3)" -> "3", "5 = 4/3" -> "5"), or None."""
    t = normalise_space(text)
    m = _COLNUM_FORMULA_RE.match(t)
    if m:
        t = m.group(1)
    return t.strip("()") if _COLNUM_RE.match(t) else None


def _is_column_numbering(texts: list[str], spans: list[int] | None = None) -> bool:
    """A row "(1) (2) (3) ...", "1 2 3 ..." or "1 2 3 4 5 = 4/3 6 = 3-4" that numbers the
    columns. With ``spans`` (each cell's colspan), a number may skip as many as its merged
    cell covers: "1 ... 8 10" where "8" spans two columns (lkip_distan_2016.pdf p136-137,
    the RKT appendix numbers its columns 1-8, 10 under a "Satuan" header over two)."""
    spans = spans if spans is not None and len(spans) == len(texts) else [1] * len(texts)
    filled = [(t, s) for t, s in zip(texts, spans) if t.strip()]
    nums = [_column_number(t) for t, _ in filled]
    if len(nums) < 3 or any(n is None for n in nums):
        return False
    ints = [int(n) for n in nums]
    if ints == list(range(ints[0], ints[0] + len(ints))):
        return True
    return ints[0] <= 1 and all(a < b <= a + max(1, s) for a, b, (_, s) in zip(ints, ints[1:], filled))


def _is_section_row(p: Piece, r: int) -> bool:
    """Row ``r`` is one text running over (nearly) the whole width of the table: a cell
    spanning all columns, or the only text of the row in a cell spanning most of them
    (a section row "Misi 1 : ...", "Sasaran Strategis 7 : ...", a Program row)."""
    cells = [c for c in p.grid()[r] if c is not None and c.text.strip()]
    if len(cells) != 1 or p.ncols < 2:
        return False
    c = cells[0]
    if c.colspan >= p.ncols:
        return True
    # Part of the row's width is a narrow numbering column left empty or merged apart.
    return c.colspan >= 2 and c.colspan * 4 >= p.ncols * 3 and c.rowspan == 1


def header_row_count(p: Piece) -> int:
    """How many leading grid rows are header rows.

    A header row has no numbers in it (years and column numbering "(1)" aside)
    and looks like a header: bold, or upper case, or part of a merged header
    cell. At most 4 rows; a piece that starts with numbers has none.
    """
    grid = p.grid()
    count = 0
    spanning_until = 0
    first_bold = False
    for r in range(min(p.nrows - 1, 4)):
        cells = [c for c in grid[r] if c is not None]
        texts = [c.text for c in cells]
        colnums = _is_column_numbering(texts, [c.colspan for c in cells]) or (
            r > 0 and count == r and _is_unit_row(texts))
        nonempty = [c for c in cells if c.text.strip()]
        bold = sum(1 for c in nonempty if c.bold) * 2 > len(nonempty) if nonempty else False
        # The first row, bold, starting with a text label is a header even when other
        # cells look like numbers (years, age bands "19-25").
        styled_first = r == 0 and bold and nonempty and _is_header_text(nonempty[0].text)
        if not (colnums or styled_first) and not all(_is_header_text(t) for t in texts):
            break
        lead = [normalise_space(c.text) for c in grid[r][:2] if c is not None and c.text.strip()]
        if not colnums and r >= spanning_until and (
            (lead and _ROWNUM_RE.match(lead[0])) or any(t.upper().startswith(("JUMLAH", "TOTAL")) for t in lead)
        ):
            break  # a numbered or total row is a body row, even without numbers
        if not nonempty and r >= spanning_until:
            break
        if count and r >= spanning_until and _is_section_row(p, r):
            break  # "Misi 1 : ...", "Program ...": a full-width section row opens the body
        upper = sum(1 for c in nonempty if c.text.upper() == c.text) * 2 > len(nonempty) if nonempty else False
        # (an empty merged cell says nothing: a continuation's blank UNIT KERJA / PROGRAM cells
        # run down its body rows, lkip_bpbd_2016.pdf p67)
        spans = any((c.colspan > 1 or c.rowspan > 1) and c.text.strip() for c in cells)
        worded = r == 0 and _worded_header(cells)
        if not (bold or upper or spans or colnums or worded or r < spanning_until):
            break
        if r == 0:
            first_bold = bold
        elif first_bold and not (bold or colnums or worded or r < spanning_until):
            break  # the header was bold; a plain row after it is body
        count = r + 1
        for c in cells:
            spanning_until = max(spanning_until, c.row + c.rowspan)
    # A header that spans into rows must be taken whole.
    n = max(count, min(spanning_until, p.nrows - 1)) if count else 0
    # The row numbering the columns "(1) (2) (3)" (and a unit row "(Rp) (%)") closes the
    # header even past the usual four rows; the body never starts with one.
    while n < p.nrows - 1 and n < 8:
        cells = [c for c in grid[n] if c is not None]
        texts = [c.text for c in cells]
        if not (_is_column_numbering(texts, [c.colspan for c in cells]) or (n > 0 and _is_unit_row(texts))):
            break
        n += 1
    return n


def numbering_rows(p: Piece, nheader: int) -> set[int]:
    """The header rows that number the columns ("(1) (2) (3)", "1 2 3 ... 10"): no part of
    any column's header path (a "6" under "% Realisasi" is no year nor group)."""
    grid = p.grid()
    return {r for r in range(nheader)
            if _is_column_numbering([c.text for c in grid[r] if c is not None], [c.colspan for c in grid[r] if c is not None])}


def flatten_columns(p: Piece, nheader: int) -> list[str]:
    """Column labels: the texts of the header cells covering each column, top to bottom."""
    labels = []
    skip = numbering_rows(p, nheader)
    for c in range(p.ncols):
        parts: list[str] = []
        for r in range(nheader):
            if r in skip:
                continue
            cell = p.origin(r, c)
            if cell is None or not cell.text.strip():
                continue
            t = normalise_space(cell.text)
            if not parts or parts[-1] != t:
                parts.append(t)
        labels.append(" ".join(parts))
    return labels


def _span_home(labels: list[str] | None, a: int, b: int) -> int:
    """The column of ``a..b-1`` (the columns a merged body cell covers) that the cell's text
    belongs to: the one whose header label holds every other label of the span ("Target*
    2016" over "2016", "2016": the narrow side columns are ruling slivers of one merged
    header, 6_lkip_2016_full_1.pdf p49), else the origin column ``a``."""
    if not labels or b - a < 2 or b > len(labels):
        return a
    words = [set(normalise_space(x).split()) for x in labels[a:b]]
    if not any(words) or words[0] == max(words, key=len):
        return a
    heads = [k for k, w in enumerate(words) if w and all(o <= w for o in words) and any(o < w for o in words)]
    return a + heads[0] if len(heads) == 1 or (heads and all(words[h] == words[heads[0]] for h in heads)) else a


def _cells_of_row(p: Piece, r: int, labels: list[str] | None = None) -> list[Cell]:
    out = []
    for c in range(p.ncols):
        o = p.origin(r, c)
        if o is not None and o.row == r and o.col == c:
            out.append(Cell(text=normalise_space(o.text), page=p.page, bbox=o.bbox))
        else:
            # Covered by a merged cell: empty here, the text stands in the origin cell.
            out.append(Cell(text="", page=p.page, bbox=o.bbox if o is not None else None))
    for c in range(p.ncols):
        o = p.origin(r, c)
        if o is None or o.row != r or o.col != c or o.colspan < 2 or not out[c].text:
            continue
        home = _span_home(labels, c, min(c + o.colspan, p.ncols))
        if home != c:
            # the value of a merged body cell under the one labelled column of its span
            out[home] = Cell(text=out[c].text, page=p.page, bbox=o.bbox)
            out[c] = Cell(text="", page=p.page, bbox=o.bbox)
    return out


def _row_meta(p: Piece, r: int) -> tuple[bool, float]:
    cells = [p.origin(r, c) for c in range(p.ncols)]
    origin = [c for c in cells if c is not None and c.row == r and c.text.strip()]
    bold = bool(origin) and sum(1 for c in origin if c.bold) * 2 > len(origin)
    # The indent that shows the hierarchy is the label's: the first text cell that is
    # not a row number (numbers are right-aligned and would say nothing).
    label = next(
        (c for c in sorted(origin, key=lambda c: c.col)
         if parse_number(c.text).kind == "text" and not _ROWNUM_RE.match(c.text.strip())),
        None,
    )
    return bold, (label.indent if label is not None else 0.0)


def _header_texts(p: Piece, nheader: int) -> list[list[str]]:
    return [[normalise_space(c.text) if c else "" for c in row] for row in p.grid()[:nheader]]


def _numeric(text: str) -> bool:
    return parse_number(text).kind in ("number", "percent", "range", "malformed")


def build_tables(pieces: list[Piece], page_has_text_before: dict[int, list[float]]) -> list[Table]:
    """Stitch pieces (in page order, top to bottom) into tables.

    ``page_has_text_before[page]`` lists the tops of body-text lines on that page,
    used to tell a continuation (nothing but the running header above it) from a
    new table that happens to have the same shape.
    """
    pieces = regrid_continuations(pieces, page_has_text_before)  # rule-less tables over page breaks
    tables: list[Table] = []
    last_piece: Piece | None = None
    last_table: Table | None = None
    first_on_page: set[int] = set()
    seen_pages: set[int] = set()
    for p in pieces:
        if p.page not in seen_pages:
            first_on_page.add(id(p))
            seen_pages.add(p.page)

    for p in pieces:
        nh = header_row_count(p)
        if getattr(p, "continues", None) is not None and p.continues is last_piece and last_table is not None:
            # A rule-less continuation, read with its table's columns (ruleless.py): its
            # own header rows (a repeated header, perhaps clipped) are dropped.
            _append_piece(last_table, p, p.header_rows)
            last_piece = p
            continue
        cont = (
            last_table is not None
            and last_piece is not None
            and (p.caption is None or (p.caption_position == "below" and last_table.number is None))
            and id(p) in first_on_page
            and p.page == last_piece.page + 1
            and p.ncols == last_piece.ncols
            and not any(t < p.bbox.top - 2 for t in page_has_text_before.get(p.page, []))
            and (nh == 0 or _header_texts(p, nh) == _header_texts(last_piece, nh) or _same_columns(p, nh, last_table)
                 or _clipped_header(p, last_table) is not None or _repeats_numbering(p, nh, last_piece))
        )
        if cont:
            clipped = _clipped_header(p, last_table) if nh else None
            if clipped is not None:
                _append_piece(last_table, p, *clipped)
            else:
                _append_piece(last_table, p, nh)
            last_piece = p
            continue
        columns = flatten_columns(p, nh)
        header_rows = [
            [Cell(text=normalise_space(o.text) if (o := p.origin(r, c)) is not None else "", page=p.page,
                  bbox=o.bbox if o is not None else None) for c in range(p.ncols)]
            for r in range(nh) if r not in numbering_rows(p, nh)
        ]
        rows = []
        for r in range(nh, p.nrows):
            bold, indent = _row_meta(p, r)
            cells = _cells_of_row(p, r, columns)
            if any(c.text for c in cells):  # a row with no text carries nothing
                rows.append(Row(index=len(rows), cells=cells, bold=bold, indent=indent))
        cap = p.caption
        t = Table(
            id=f"p{p.page}-t{sum(1 for x in tables if x.pages[0] == p.page) + 1}",
            number=getattr(cap, "number", None),
            title=getattr(cap, "title", "") or "",
            pages=[p.page],
            columns=columns,
            header_rows=header_rows,
            rows=rows,
            caption_position=p.caption_position,
            bbox=p.bbox,
            extractor=p.extractor,
        )
        tables.append(t)
        last_table, last_piece = t, p
    return [t for t in tables if t.rows]


def _repeats_numbering(p: Piece, nh: int, last: Piece) -> bool:
    """Every header row of ``p`` is the row numbering the columns ("1 2 3 ... 7"), and the
    piece before it numbers its columns too (under its full header, or alone): a
    continuation that repeats only the numbering row, not the header (bab_iii.pdf Tabel 9,
    p19-20). The numbers need not be the same: p20 prints "1 2 _ 3 4 5 6" under the
    seven columns numbered "1 ... 7" on p18-19."""
    if nh == 0 or numbering_rows(p, nh) != set(range(nh)):
        return False
    nl = header_row_count(last)
    return bool(numbering_rows(last, nl))


def _same_columns(p: Piece, nh: int, table: Table) -> bool:
    return flatten_columns(p, nh) == table.columns


def _clipped_header(p: Piece, t: Table) -> tuple[int, list[list[str]]] | None:
    """The rows a continuation ``p`` starts with that repeat ``t``'s header clipped (Word
    repeats the header on every page; LibreOffice may clip a tall one to fewer lines,
    "INDIKATOR KINERJA" for "INDIKATOR KINERJA UTAMA"): their number, and per column the
    header words they leave out, which the text layer may still hold under them (the
    first body row's "UTAMA"). None when ``p`` repeats no header of ``t``."""
    if p.ncols != len(t.columns):
        return None
    labels = [normalise_space(c).split() for c in t.columns]
    known = {w for ws in labels for w in ws}
    left = [list(ws) for ws in labels]
    grid = p.grid()
    n = matched = 0
    for r in range(min(p.nrows - 1, 6)):
        cells = [(c, grid[r][c]) for c in range(p.ncols) if grid[r][c] is not None and grid[r][c].text.strip()]
        if not cells:
            continue  # a row covered by merged header cells, or empty: the next one decides
        ok = True
        for c, cell in cells:
            # Each word stands in the table's header (in some column: a merged header cell
            # may sit over other columns on this page, "2016" / "Nilai" over a group).
            if not all(w in known for w in normalise_space(cell.text).split()):
                ok = False
                break
        if not ok:
            break
        for c, cell in cells:
            for w in normalise_space(cell.text).split():
                matched += 1
                for k in range(c, c + cell.colspan):
                    if w in left[k]:
                        left[k].remove(w)
        n = r + 1
    if n == 0 or matched < 3:
        return None
    while n < p.nrows - 1:  # the rows numbering the columns, units: header too
        texts = [c.text for c in grid[n] if c is not None]
        if not (_is_column_numbering(texts, [c.colspan for c in grid[n] if c is not None]) or _is_unit_row(texts)):
            break
        n += 1
    return n, left


def _strip_hidden(cells: list[Cell], hidden: list[list[str]]) -> list[Cell]:
    """The first body row after a clipped header without the header words the clipping hid
    (leading words of a cell that its column's header leaves out)."""
    out = []
    for c, cell in zip(hidden, cells):
        words = cell.text.split()
        rest = list(c)
        while words and words[0] in rest:
            rest.remove(words.pop(0))
        out.append(Cell(text=" ".join(words), page=cell.page, bbox=cell.bbox))
    return out


def _append_piece(t: Table, p: Piece, nh: int, hidden: list[list[str]] | None = None) -> None:
    t.pages.append(p.page)
    start = nh
    if p.caption is not None and p.caption_position == "below":
        # The caption under the last piece names the whole table.
        t.number, t.title, t.caption_position = p.caption.number, p.caption.title, "below"
        t.id = t.id  # the id stays that of the first piece
    if p.extractor not in t.extractor.split("+"):
        t.extractor += "+" + p.extractor
    if nh:
        t.notes.append(f"page {p.page}: dropped {nh} repeated header row(s)")
    for r in range(start, p.nrows):
        bold, indent = _row_meta(p, r)
        cells = _cells_of_row(p, r, t.columns if len(t.columns) == p.ncols else None)
        if r == start and hidden is not None:
            cells = _strip_hidden(cells, hidden)
        if not any(c.text for c in cells):
            continue
        # Only after a clipped repeated header (words of it left out): Word's layout of a
        # row allowed to break across pages.
        cut = hidden is not None and any(hidden) and _rest_of_cut_row(cells, t.rows)
        if r == start and not cut and t.rows and _rest_of_cut_row(cells, t.rows):
            # Also after a whole repeated header (or none): Word breaks a row whose text runs
            # past the page foot, and the first row of the next page holds the rest of its
            # labels ("Nilai Indeks Profesional ASN" / "Dimensi Kinerja", bkd-word-grid
            # Tabel 3.16). A row of its own set apart (bold where the last is not, or a cell
            # merged over several columns: a section row) is not such a rest.
            origins = [p.origin(r, c) for c in range(p.ncols)]
            cut = bold == t.rows[-1].bold and not any(
                o is not None and o.row == r and o.colspan > 1 for o in origins)
        if r == start and t.rows and (getattr(p, "continues_row", False) or cut or _continues_previous_row(cells, t.rows)):
            prev = t.rows[-1]
            for i, c in enumerate(cells):
                if c.text:
                    prev.cells[i] = Cell(
                        text=normalise_space(prev.cells[i].text + " " + c.text),
                        page=prev.cells[i].page,
                        bbox=prev.cells[i].bbox,
                    )
            t.notes.append(f"page {p.page}: joined the first row to the row cut by the page break")
            continue
        t.rows.append(Row(index=len(t.rows), cells=cells, bold=bold, indent=indent))


def _rest_of_cut_row(cells: list[Cell], rows: list[Row]) -> bool:
    """After a repeated header: a first row of text only, without a row number, in
    columns where the last row has text, is the rest of that row cut by the page break
    when the last row has numbers and the new one leaves empty a column that holds a
    number in most rows of the table (a row of its own would have them). A table of
    many text-only rows (a list of study programmes, numbers in some rows) gives no
    such evidence."""
    if not rows:
        return False
    prev = rows[-1]
    filled = [i for i, c in enumerate(cells) if c.text]
    if not filled or any(_numeric(cells[i].text) or _ROWNUM_RE.match(cells[i].text.strip()) for i in filled):
        return False
    if not all(i < len(prev.cells) and prev.cells[i].text and not _numeric(prev.cells[i].text) for i in filled):
        return False
    if not any(_numeric(c.text) for c in prev.cells):
        return False
    mostly = [i for i in range(len(cells))
              if sum(1 for r in rows if i < len(r.cells) and _numeric(r.cells[i].text)) * 10 >= 6 * len(rows)]
    return any(not cells[i].text for i in mostly)


def _continues_previous_row(cells: list[Cell], rows: list[Row]) -> bool:
    """The first row after a page break only carries the rest of the previous row's text.

    Evident when it has no numbers and no row number, sits only over text cells of
    the previous row, and leaves empty a column that holds a number in every
    other row of the table (a real row would have it).
    """
    prev = rows[-1]
    filled = [i for i, c in enumerate(cells) if c.text]
    if not filled or any(_numeric(cells[i].text) for i in filled):
        return False
    if cells[0].text.strip() and not prev.cells[0].text.strip():
        return False
    if not all(prev.cells[i].text and not _numeric(prev.cells[i].text) for i in filled):
        return False
    always_numeric = [
        i for i in range(len(cells))
        if len(rows) >= 2 and all(i < len(r.cells) and _numeric(r.cells[i].text) for r in rows)
    ]
    return any(not cells[i].text for i in always_numeric)
