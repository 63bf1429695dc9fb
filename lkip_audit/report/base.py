"""What every renderer receives: one checked document and how to present it.

Renderers are plain functions of a ``ReportInput``; none of them reads
configuration files or the command line, so each can be tested alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lkip_audit.check.catalogue import Rule
from lkip_audit.extract.model import Document, Table
from lkip_audit.findings import SEVERITIES, SEVERITY_RANK, Finding
from lkip_audit.i18n import t

FAIL_LEVELS = ("error", "warning", "info", "never")


@dataclass
class ReportInput:
    path: str  # the report as named on the command line
    document: Document
    findings: list[Finding]  # after the baseline, in document order
    rules: list[Rule] = field(default_factory=list)  # the rules that ran
    severities: dict[str, str] = field(default_factory=dict)  # rule id -> effective severity
    lang: str = "id"
    fail_on: str = "error"
    suppressed: int = 0  # findings hidden by the baseline

    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    def severity_of(self, rule: Rule) -> str:
        return self.severities.get(rule.id, rule.severity)

    def table(self, f: Finding) -> Table | None:
        for tb in self.document.tables:
            if (f.table_id and tb.id == f.table_id) or (not f.table_id and f.table and tb.number == f.table):
                return tb
        return None

    def table_label(self, table: str | None, table_id: str | None) -> str:
        """'Tabel 3.20', 'Tabel (tanpa nomor, p7-t1)' (a PDF), 'Tabel ke-2 tanpa nomor' (a Word
        draft: its position under its heading) or 'Dokumen'."""
        if table:
            return f"{t('col.table', self.lang)} {table}"
        word = word_table_label(self.document, table_id, self.lang)
        if word:
            return word
        if table_id:
            return f"{t('col.table', self.lang)} ({t('table.none', self.lang)}, {table_id})"
        return t("header.document", self.lang)

    def table_heading(self, table: str | None, table_id: str | None) -> str:
        """``table_label`` led, in a Word draft, by the heading path the table stands under
        ("Bab III > 3.1 > Tabel 3"): where to find it in Word, and two uncaptioned tables under
        different headings ("Tabel ke-1 tanpa nomor") told apart. A PDF's: ``table_label``."""
        label = self.table_label(table, table_id)
        if table or table_id:
            from lkip_audit.extract.docx import word_table

            section = word_table(self.document, table_id)[0]
            if section:
                return f"{section} > {label}"
        return label

    def table_title(self, f: Finding) -> str:
        tb = self.table(f)
        return tb.title if tb else ""

    def fails(self, f: Finding) -> bool:
        """The finding is at or above the fail level."""
        return failing(f, self.fail_on)

    def unchecked_pages(self) -> list[int]:
        return sorted({p.page for p in self.document.problems})


def report_input(path: str, result, config, *, fail_on: str = "error", baseline=None,
                 rules: list[Rule] | None = None, lang: str | None = None) -> ReportInput:
    """The one place a checked document becomes a report's input (the command line,
    a batch worker, the web page): the findings after ``baseline`` (its ``filter``,
    the hidden ones counted), the rules the configuration runs and their effective
    severities, the configuration's language unless ``lang`` says otherwise.

    result: what the pipeline returns (``document``, ``findings``); rules: the active
    rules when the caller has them already (the same list for every report)."""
    if rules is None:
        from lkip_audit.check.select import active_rules

        rules = active_rules(config)
    findings = list(result.findings)
    suppressed: list = []
    if baseline is not None:
        findings, suppressed = baseline.filter(findings)
    return ReportInput(path=path, document=result.document, findings=findings, rules=rules,
                       severities={r.id: config.severity_for(r.id, r.severity) for r in rules},
                       lang=config.lang if lang is None else lang, fail_on=fail_on, suppressed=len(suppressed))


def word_location(f: Finding, lang: str = "id", doc: Document | None = None) -> str | None:
    """Where a finding of a Word draft (no pages) is found in Word: "Bab III > 3.1.2 >
    Tabel 3.18, baris 4", "Bab III > 3.2, paragraf 14", "Bab III > 3.1.7 > Tabel ke-2 tanpa
    nomor, baris 1" (``doc``: the document, which knows an uncaptioned table's position under
    its heading); None for a finding with a page."""
    if f.page is not None or (f.section is None and f.paragraph is None and f.table is None and f.table_id is None):
        return None
    table = None
    if f.table or f.table_id:
        table = f"{t('col.table', lang)} {f.table}" if f.table else \
            word_table_label(doc, f.table_id, lang) or \
            f"{t('col.table', lang)} ({t('table.none', lang)}, {f.table_id})"
        if f.row_index is not None:
            table += f", {_WORDS['row'][lang]} {f.row_index + 1}"
    if f.paragraph is not None:
        # a sentence: the paragraph is the place to look; the table cell it quotes after it
        where = f"{f.section + ', ' if f.section else ''}{_WORDS['paragraph'][lang]} {f.paragraph}"
        return where + (f" ({table})" if table else "")
    return " > ".join(x for x in (f.section, table) if x) or None


_WORDS = {"row": {"id": "baris", "en": "row"}, "paragraph": {"id": "paragraf", "en": "paragraph"}}


def word_table_label(doc: Document | None, table_id: str | None, lang: str) -> str | None:
    """'Tabel ke-2 tanpa nomor' for an uncaptioned table of a Word draft, else None."""
    from lkip_audit.extract.docx import word_table, word_table_name

    if doc is None or not table_id:
        return None
    name = word_table_name(None, word_table(doc, table_id)[2], lang)
    return f"{t('col.table', lang)} {name}" if name else None


def failing(f: Finding, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    return SEVERITY_RANK.get(f.severity, 0) >= SEVERITY_RANK[fail_on]


def group_by_table(findings: list[Finding]) -> list[tuple[tuple[str | None, str | None], list[Finding]]]:
    """Findings grouped by table, groups in page order (first page of their findings)."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.table, f.table_id), []).append(f)
    return sorted(groups.items(), key=lambda kv: (min((f.page or 0) for f in kv[1]), kv[0][0] or "", kv[0][1] or ""))


__all__ = ["ReportInput", "report_input", "FAIL_LEVELS", "SEVERITIES", "failing", "group_by_table", "word_location", "word_table_label"]
