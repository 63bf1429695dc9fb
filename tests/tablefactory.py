"""Build extract.model objects by hand for stage tests (no PDF involved)."""

from __future__ import annotations

from lkip_audit.extract.model import Cell, Row, Table


def make_table(
    header: list[str] | list[list[str]],
    rows: list[list[str]],
    number: str | None = "1.1",
    title: str = "",
    page: int = 1,
    bold_rows: set[int] | frozenset[int] = frozenset(),
    indents: dict[int, float] | None = None,
) -> Table:
    """A table whose columns are `header` (flat labels) or the join of header rows."""
    if header and isinstance(header[0], list):
        header_rows = header
        ncol = len(header_rows[0])
        columns = [
            " ".join(dict.fromkeys(h[i] for h in header_rows if h[i].strip())) for i in range(ncol)
        ]
    else:
        header_rows = [header]
        columns = list(header)
    return Table(
        id=f"p{page}-t1",
        number=number,
        title=title,
        pages=[page],
        columns=columns,
        header_rows=[[Cell(text=t, page=page) for t in h] for h in header_rows],
        rows=[
            Row(
                index=i,
                cells=[Cell(text=t, page=page) for t in r],
                bold=i in bold_rows,
                indent=(indents or {}).get(i, 0.0),
            )
            for i, r in enumerate(rows)
        ],
        caption_position="above",
    )
