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

    def __getstate__(self):  # pickled (the reader's helper process) without the map below
        return {k: v for k, v in self.__dict__.items() if k != "_cover"}

    def origin(self, r: int, c: int) -> GridCell | None:
        """The cell that covers position (r, c) (the first of ``cells`` that does).

        Answered from a map of every covered position, built on the first call and again
        when ``cells`` is replaced or grows (the stitcher asks for every position of every
        row: a scan of the cells per position was most of the stitching's time). A finder
        that changes a cell's span in place does so before asking."""
        key = (id(self.cells), len(self.cells))
        cover = self.__dict__.get("_cover")
        if cover is None or cover[0] != key:
            where: dict[tuple[int, int], GridCell] = {}
            for cell in self.cells:
                for rr in range(cell.row, cell.row + cell.rowspan):
                    for cc in range(cell.col, cell.col + cell.colspan):
                        where.setdefault((rr, cc), cell)
            cover = (key, where)
            self.__dict__["_cover"] = cover
        return cover[1].get((r, c))
