"""Which formats exist, where each report goes, and writing it there.

The CLI only parses options; this module decides file names and writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lkip_audit.report.base import ReportInput

FORMATS = ("text", "json", "html", "md", "sarif", "junit", "xlsx")
EXTENSION = {"text": "txt", "json": "json", "html": "html", "md": "md", "sarif": "sarif",
             "junit": "junit.xml", "xlsx": "xlsx"}
BINARY = {"xlsx"}


class OutputError(ValueError):
    """A combination of formats and --output that cannot work (a usage error)."""


def parse_formats(values) -> tuple[str, ...]:
    """--format json --format html, or --format json,html; order kept, duplicates dropped."""
    out = []
    for v in values or ("text",):
        for part in str(v).split(","):
            part = part.strip().lower()
            if not part:
                continue
            if part not in FORMATS:
                raise OutputError(f"unknown format {part!r}; choose from {', '.join(FORMATS)}")
            out.append(part)
    return tuple(dict.fromkeys(out or ["text"]))


def plan_outputs(formats: tuple[str, ...], output: str | None, reports: list[str]) -> dict[tuple[str, str], Path | None]:
    """(report, format) -> file, or None for standard output.

    One report and one format: ``-o`` names the file. Several reports or formats:
    ``-o`` is a directory and each file is ``<report stem>.<extension>``. Without
    ``-o`` only one format can go to standard output, and never xlsx."""
    many = len(formats) > 1 or len(reports) > 1
    if output is None:
        if len(formats) > 1:
            raise OutputError("several formats need -o DIR (one file per format)")
        if formats[0] in BINARY:
            raise OutputError(f"--format {formats[0]} needs -o FILE")
        return {(r, f): None for r in reports for f in formats}
    out = Path(output)
    if many:
        if out.exists() and not out.is_dir():
            raise OutputError(f"--output {output} must be a directory when several reports or formats are written")
        stems = [Path(r).stem for r in reports]
        if len(set(stems)) != len(stems):
            raise OutputError("two reports have the same file name; check them in separate runs")
        return {(r, f): out / f"{Path(r).stem}.{EXTENSION[f]}" for r in reports for f in formats}
    if out.is_dir():
        return {(reports[0], formats[0]): out / f"{Path(reports[0]).stem}.{EXTENSION[formats[0]]}"}
    return {(reports[0], formats[0]): out}


def render(fmt: str, ri: ReportInput, quiet: bool = False, file=None) -> str | bytes | None:
    """The report of one document in one format (text is printed to ``file`` directly)."""
    if fmt == "text":
        from lkip_audit.report.text import make_console, render as render_text

        render_text(make_console(file), ri, quiet=quiet)
        return None
    if fmt == "json":
        from lkip_audit.report.json_report import render as r
    elif fmt == "html":
        from lkip_audit.report.html import render as r
    elif fmt == "md":
        from lkip_audit.report.markdown import render as r
    elif fmt == "sarif":
        from lkip_audit.report.sarif import render as r
    elif fmt == "junit":
        from lkip_audit.report.junit import render as r
    elif fmt == "xlsx":
        from lkip_audit.report.xlsx import render as r
    else:  # pragma: no cover - parse_formats rejects it
        raise OutputError(fmt)
    return r(ri)


def write_report(fmt: str, ri: ReportInput, target: Path | None, quiet: bool = False) -> None:
    """Render and write one report to its file, or to standard output."""
    if target is None:
        if fmt == "text":
            render(fmt, ri, quiet=quiet)
            return
        data = render(fmt, ri)
        sys.stdout.write(data)  # type: ignore[arg-type]
        sys.stdout.flush()
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "text":
        with target.open("w", encoding="utf-8") as fh:
            render(fmt, ri, quiet=quiet, file=fh)
        return
    data = render(fmt, ri)
    if isinstance(data, bytes):
        target.write_bytes(data)
    else:
        target.write_text(data, encoding="utf-8")
