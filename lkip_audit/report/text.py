"""Console report: a header, then findings grouped by table in page order.

Built for a 100-column terminal: the numbers (printed vs expected) sit on their
own line and are never wrapped; long labels and reasons wrap. Without a
terminal (pipe, file, CI log) rich emits no colours or control characters.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.text import Text

from lkip_audit.extract.docx import extent, is_word_document, word_table
from lkip_audit.extract.model import Document
from lkip_audit.findings import Finding
from lkip_audit.i18n import t
from lkip_audit.report.base import ReportInput, word_location, word_table_label

SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _table_key(f: Finding) -> tuple:
    return (f.table or "", f.table_id or "")


def render_text(console: Console, doc: Document, findings: list[Finding], rules: int, lang: str = "id",
                path: str | None = None, titles: dict[str, str] | None = None) -> None:
    counts = Counter(f.severity for f in findings)
    head = Text()
    head.append(f"{t('header.document', lang)}: ", style="bold")
    head.append(path or doc.path)
    head.append("\n")
    head.append(f"{t('header.instansi', lang)}: {doc.instansi or '-'}   ")
    head.append(f"{t('header.tahun', lang)}: {doc.tahun or '-'}   ")
    head.append("{}: {}   ".format(*extent(doc, lang)))  # a Word document has parts, not pages
    head.append(f"{t('header.tables', lang)}: {len(doc.tables)}\n")
    head.append(f"{t('header.findings', lang)}: ")
    for sev in ("error", "warning", "info"):
        head.append(f"{counts.get(sev, 0)} {t('severity.' + sev, lang)}", style=SEV_STYLE[sev])
        head.append("  ")
    console.print(head)
    if doc.problems:
        pages = ", ".join(str(p.page) for p in doc.problems)
        console.print(Text(t("summary.unchecked_line", lang, n=len(doc.problems), pages=pages), style="yellow"))
    console.print()
    if not findings:
        console.print(t("no_findings", lang))
        return
    titles = titles or {}
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        groups.setdefault(_table_key(f), []).append(f)
    ordered = sorted(groups.items(), key=lambda kv: min((f.page or 0) for f in kv[1]))
    for (num, tid), items in ordered:
        title = Text()
        pages = sorted({f.page for f in items if f.page})
        if num or tid:
            label = f"{t('col.table', lang)} {num}" if num else \
                word_table_label(doc, tid, lang) or f"{t('col.table', lang)} ({t('table.none', lang)}, {tid})"
            section = word_table(doc, tid)[0]  # a Word draft: where the table stands
            label = f"{section} > {label}" if section else label
            title.append(label, style="bold")
            name = titles.get(tid or "", "")
            if name:
                title.append(f" {name}")
        else:
            title.append(t("header.document", lang), style="bold")
        if pages:
            title.append(f"  [{t('col.page', lang)} {', '.join(map(str, pages))}]", style="dim")
        console.print(title)
        for f in items:
            line = Text("  ")
            line.append(f.rule, style="bold")
            line.append(" ")
            line.append(t("severity." + f.severity, lang), style=SEV_STYLE.get(f.severity, ""))
            if f.page:
                line.append(f"  {t('col.page', lang)} {f.page}")
            elif (where := word_location(f, lang, doc)) is not None:
                line.append(f"  {where}")  # a Word draft: no pages
            if f.row:
                line.append(f"  {t('col.row', lang)}: ")
                line.append(f.row, style="italic")
            if f.column:
                line.append(f"  {t('col.column', lang)}: {f.column}")
            console.print(line)
            if f.actual is not None or f.expected is not None:
                nums = Text("    ")
                nums.append(f"{t('col.actual', lang)}: {f.actual if f.actual is not None else '-'}")
                nums.append("   ")
                nums.append(f"{t('col.expected', lang)}: {f.expected if f.expected is not None else '-'}", style="bold")
                console.print(nums, no_wrap=True, overflow="ignore", crop=False)
            console.print(Text("    " + f.message, style="dim" if console.is_terminal else ""))
        console.print()


def summary_line(doc: Document, findings: list[Finding], lang: str, path: str | None = None) -> str:
    c = Counter(f.severity for f in findings)
    if is_word_document(doc):  # no pages: its parts (chapters), said as such
        return t("summary.line_word", lang, path=path or doc.path, error=c.get("error", 0),
                 warning=c.get("warning", 0), info=c.get("info", 0), tables=len(doc.tables), parts=doc.page_count)
    return t(
        "summary.line",
        lang,
        path=path or doc.path,
        error=c.get("error", 0),
        warning=c.get("warning", 0),
        info=c.get("info", 0),
        tables=len(doc.tables),
        pages=doc.page_count,
    )


def render(console: Console, ri: "ReportInput", quiet: bool = False) -> None:
    """The whole console report of one document (or only its summary line when quiet)."""
    from lkip_audit.report.strings import s

    doc = ri.document
    if not quiet:
        titles = {tb.id: tb.title for tb in doc.tables}
        render_text(console, doc, ri.findings, len(ri.rules), ri.lang, path=ri.path, titles=titles)
    line = summary_line(doc, ri.findings, ri.lang, path=ri.path)
    if ri.suppressed:
        line += "; " + s("suppressed.line", ri.lang, n=ri.suppressed)
    console.print(line, markup=False, highlight=False)


def make_console(file=None) -> Console:
    """A console for the report: on a terminal it wraps at the terminal's width (numbers
    never wrap); elsewhere (pipe, file, CI log) lines are never broken and carry no
    colour or control characters."""
    probe = Console(file=file, highlight=False)
    if probe.is_terminal:
        return Console(file=file, highlight=False)
    return Console(file=file, highlight=False, soft_wrap=True, no_color=True, color_system=None, width=10_000)
