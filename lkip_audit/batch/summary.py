"""The batch's summary: one row per report and the table printed at the end."""

from __future__ import annotations

from dataclasses import dataclass

from lkip_audit.batch.common import _s

@dataclass
class Row:
    """One line of the summary table."""

    path: str
    instansi: str | None
    tahun: int | None
    errors: int
    warnings: int
    seconds: float
    unreadable: bool
    status: int


def _write_stdout(out, data: bytes) -> None:
    buf = getattr(out, "buffer", None)
    if buf is not None:
        out.flush()
        buf.write(data)
        buf.flush()
    else:
        out.write(data.decode("utf-8"))
        out.flush()


def _secs(x: float, lang: str) -> str:
    text = f"{x:.1f}"
    return text.replace(".", ",") if lang == "id" else text


def print_summary(rows: list[Row], lang: str, file, wall: float) -> None:
    """The summary table, in input order: a rich table on a terminal, plain columns elsewhere."""
    from rich.console import Console
    from rich.table import Table

    cols = [_s(k, lang) for k in ("col.report", "col.instansi", "col.tahun", "col.errors", "col.warnings", "col.time")]
    body = []
    for r in rows:
        if r.unreadable:
            body.append([r.path, _s("unreadable", lang), "-", "-", "-", _secs(r.seconds, lang)])
        else:
            body.append([r.path, r.instansi or "-", str(r.tahun or "-"), str(r.errors), str(r.warnings),
                         _secs(r.seconds, lang)])
    total = _s("total", lang, n=len(rows), error=sum(r.errors for r in rows),
               warning=sum(r.warnings for r in rows), bad=sum(r.unreadable for r in rows), secs=_secs(wall, lang))
    console = Console(file=file, highlight=False)
    if console.is_terminal:
        table = Table(*cols, show_lines=False)
        for c in table.columns[3:]:
            c.justify = "right"
        for b in body:
            table.add_row(*b)
        console.print(table)
        console.print(total, markup=False)
        return
    widths = [max(len(c), *(len(b[k]) for b in body)) if body else len(c) for k, c in enumerate(cols)]

    def line(cells):
        left = [cells[k].ljust(widths[k]) for k in range(3)]
        right = [cells[k].rjust(widths[k]) for k in range(3, len(cols))]
        return "  ".join(left + right).rstrip()

    print(line(cols), file=file)
    for b in body:
        print(line(b), file=file)
    print(total, file=file, flush=True)
