"""The grid a table finder produces: one table as found on one page (a Piece) and its
cells (GridCell). Shared by the ruled finders (``tables``), the rule-less and h-rules
finders (``ruleless``), the Word reader (``docx``) and the stitcher (``stitch``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkip_audit.extract.model import BBox


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
