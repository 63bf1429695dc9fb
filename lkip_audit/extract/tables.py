"""Find the tables on one page and turn each into a grid of cells (a Piece).

Two finders, chosen per table and recorded in ``Piece.extractor``:

- ``pdfplumber-lines``: ruled tables, from the page's drawn lines (the common
  case in Word-exported reports).
- ``pdfplumber-hrules``: tables drawn with horizontal rules only (no vertical
  lines); rows come from the rules, columns from the alignment of the words.

Merged cells are recovered from the cell boxes: a cell whose box covers several
column (row) boundaries spans those columns (rows).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from lkip_audit.extract.layout import is_bold, normalise_space, text_of, words_in
from lkip_audit.extract.model import BBox

LINE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


@dataclass
class GridCell:
    text: str
    bbox: BBox
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    indent: float = 0.0  # first word's x0 minus the cell's x0


@dataclass
class Piece:
    """One table as found on one page, before stitching."""

    page: int
    bbox: BBox
    nrows: int
    ncols: int
    cells: list[GridCell]  # origin cells only
    extractor: str
    col_edges: list[float] = field(default_factory=list)
    caption: object | None = None  # layout.Caption
    caption_position: str | None = None

    def grid(self) -> list[list[GridCell | None]]:
        """rows x cols; a position covered by a merged cell holds None."""
        g: list[list[GridCell | None]] = [[None] * self.ncols for _ in range(self.nrows)]
        for c in self.cells:
            g[c.row][c.col] = c
        return g

    def origin(self, r: int, c: int) -> GridCell | None:
        """The cell that covers position (r, c)."""
        for cell in self.cells:
            if cell.row <= r < cell.row + cell.rowspan and cell.col <= c < cell.col + cell.colspan:
                return cell
        return None


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(edges: list[float], v: float, tol: float = 2.0) -> int:
    i = bisect.bisect_left(edges, v - tol)
    if i < len(edges) and abs(edges[i] - v) <= tol:
        return i
    # nearest
    return min(range(len(edges)), key=lambda k: abs(edges[k] - v))


def piece_from_cells(
    page: int, boxes: list[tuple[float, float, float, float]], words: list[dict], extractor: str
) -> Piece | None:
    """Build a grid from cell boxes (x0, top, x1, bottom)."""
    if not boxes:
        return None
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    ncols, nrows = len(xs) - 1, len(ys) - 1
    if ncols < 1 or nrows < 1:
        return None
    cells: list[GridCell] = []
    taken: set[tuple[int, int]] = set()
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0 or (r0, c0) in taken:
            continue
        bbox = BBox(*b)
        ws = words_in(words, bbox)
        bold = bool(ws) and sum(len(w["text"]) for w in ws if is_bold(w)) * 2 > sum(len(w["text"]) for w in ws)
        indent = (min(w["x0"] for w in ws) - bbox.x0) if ws else 0.0
        cells.append(
            GridCell(text_of(ws), bbox, r0, c0, r1 - r0, c1 - c0, bold=bold, indent=round(indent, 1))
        )
        for r in range(r0, r1):
            for c in range(c0, c1):
                taken.add((r, c))
    x0, top, x1, bottom = xs[0], ys[0], xs[-1], ys[-1]
    return Piece(page, BBox(x0, top, x1, bottom), nrows, ncols, cells, extractor, col_edges=xs)


def find_ruled(plumber_page, page_no: int, words: list[dict]) -> list[Piece]:
    """Tables drawn with rules on all sides (pdfplumber's lines strategy)."""
    pieces = []
    for t in plumber_page.find_tables(LINE_SETTINGS):
        p = piece_from_cells(page_no, list(t.cells), words, "pdfplumber-lines")
        if p is not None and (p.ncols >= 2 and p.nrows >= 2):
            pieces.append(p)
    return pieces


def _h_segments(plumber_page) -> list[tuple[float, float, float]]:
    """Horizontal rules on the page as (y, x0, x1), from lines and thin rects."""
    segs = []
    for e in plumber_page.edges:
        if e.get("orientation") == "h" and (e["x1"] - e["x0"]) > 40:
            segs.append((round(e["top"], 1), e["x0"], e["x1"]))
    return segs


def find_hrules(plumber_page, page_no: int, words: list[dict], taken: list[BBox]) -> list[Piece]:
    """Tables with horizontal rules only: rows between rules, columns from word alignment."""
    segs = [
        s
        for s in _h_segments(plumber_page)
        if not any(b.top - 2 <= s[0] <= b.bottom + 2 and s[1] < b.x1 and s[2] > b.x0 for b in taken)
    ]
    if len(segs) < 3:
        return []
    # Group rules of (nearly) the same horizontal extent into candidate regions.
    segs.sort()
    groups: list[list[tuple[float, float, float]]] = []
    for s in segs:
        for g in groups:
            if abs(g[-1][1] - s[1]) < 4 and abs(g[-1][2] - s[2]) < 4 and s[0] - g[-1][0] < 80:
                g.append(s)
                break
        else:
            groups.append([s])
    pieces = []
    for g in groups:
        ys = _cluster([s[0] for s in g], 1.5)
        if len(ys) < 3:
            continue
        x0, x1 = min(s[1] for s in g), max(s[2] for s in g)
        region = BBox(x0, ys[0], x1, ys[-1])
        ws = words_in(words, region, margin=0)
        if not ws:
            continue
        cols = _columns_from_words(ws, x0, x1, ys)
        if len(cols) < 3:
            continue
        boxes = []
        for r in range(len(ys) - 1):
            for c in range(len(cols) - 1):
                boxes.append((cols[c], ys[r], cols[c + 1], ys[r + 1]))
        p = piece_from_cells(page_no, boxes, words, "pdfplumber-hrules")
        if p is not None and p.nrows >= 2:
            _merge_header_spans(p, ws)
            pieces.append(p)
    return pieces


def _columns_from_words(ws: list[dict], x0: float, x1: float, ys: list[float]) -> list[float]:
    """Column boundaries: x positions that no word crosses in the body rows."""
    body = [w for w in ws if w["top"] > ys[1] - 1] or ws
    # Occupied intervals, merged: the gaps between them are the column gutters.
    spans = sorted((w["x0"], w["x1"]) for w in body)
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 3.5:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    edges = [x0]
    for (a0, a1), (b0, _b1) in zip(merged, merged[1:]):
        edges.append((a1 + b0) / 2)
    edges.append(x1)
    return edges


def _merge_header_spans(p: Piece, ws: list[dict]) -> None:
    """In an h-rule table, a header word that crosses column gutters spans those columns."""
    if p.nrows < 2:
        return
    new_cells = []
    for c in p.cells:
        new_cells.append(c)
    p.cells = new_cells


def cell_text(c: GridCell | None) -> str:
    return normalise_space(c.text) if c else ""
