"""Markdown report, for pasting into a ticket or a review memo.

Document text is escaped for Markdown tables and for renderers that let raw
HTML through: ``<``, ``>`` and ``&`` become entities, ``|`` and backticks are
backslash-escaped, line breaks become spaces.
"""

from __future__ import annotations

from lkip_audit import __version__
from lkip_audit.i18n import t
from lkip_audit.report.base import ReportInput, group_by_table, word_location
from lkip_audit.report.strings import s

_ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]"}


def md(text) -> str:
    if text is None:
        return "-"
    out = "".join(_ESC.get(c, c) for c in " ".join(str(text).split()))
    return out or "-"


def render(ri: ReportInput) -> str:
    from lkip_audit.extract.docx import extent, is_word_document  # a Word document has parts, not pages

    lang, doc = ri.lang, ri.document
    c = ri.counts()
    lines = [
        f"# {s('report.title', lang)}: {md(doc.instansi or ri.path)} {doc.tahun or ''}".rstrip(),
        "",
        "| | |",
        "| --- | --- |",
        f"| {t('header.document', lang)} | {md(ri.path)} |",
        f"| {t('header.instansi', lang)} | {md(doc.instansi)} |",
        f"| {t('header.tahun', lang)} | {md(doc.tahun)} |",
        "| {} | {} |".format(*extent(doc, lang)),
        f"| {t('header.tables', lang)} | {len(doc.tables)} |",
        f"| {t('header.findings', lang)} | "
        + ", ".join(f"{c.get(sev, 0)} {t('severity.' + sev, lang)}" for sev in ("error", "warning", "info"))
        + " |",
    ]
    if ri.unchecked_pages():
        lines.append(f"| {s('summary.unchecked', lang)} | {', '.join(map(str, ri.unchecked_pages()))} |")
    if ri.suppressed:
        lines.append(f"| {s('summary.suppressed', lang)} | {ri.suppressed} |")
    lines.append(f"| {s('summary.sha256', lang)} | `{doc.sha256}` |")
    lines.append("")
    if not ri.findings:
        lines += [t("no_findings", lang), ""]
    # a Word draft: the column holds the place in Word ("Bab III > 3.1 > Tabel 3, baris 4"), not a page
    page_col = t("word.location_column", lang) if is_word_document(doc) else t("col.page", lang)
    head = [t("col.rule", lang), s("col.severity", lang), page_col, t("col.row", lang),
            t("col.column", lang), t("col.actual", lang), t("col.expected", lang), s("col.reason", lang)]
    for (num, tid), items in group_by_table(ri.findings):
        first = items[0]
        title = ri.table_title(first)
        lines.append(f"## {md(ri.table_heading(num, tid))}" + (f" {md(title)}" if title else ""))
        lines.append("")
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + " --- |" * len(head))
        for f in items:
            lines.append(
                "| " + " | ".join([
                    f.rule, t("severity." + f.severity, lang), md(f.page if f.page is not None else word_location(f, lang, doc)), md(f.row), md(f.column),
                    md(f.actual), f"**{md(f.expected)}**" if f.expected is not None else "-", md(f.message),
                ]) + " |"
            )
        lines.append("")
    lines.append(f"_lkip-audit {__version__}_")
    return "\n".join(lines) + "\n"
