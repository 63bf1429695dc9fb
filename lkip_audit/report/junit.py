"""JUnit XML for CI dashboards.

One testsuite per document; one testcase per rule x table that has findings
(classname ``<document>.<rule>``, name the table), failing when one of its
findings is at or above the fail level (so the dashboard agrees with the exit
code) and passing with the findings in ``system-out`` otherwise; and one passing
testcase per rule that ran without any finding (name "all tables"). No
timestamps or durations, so the file is the same for the same input.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from lkip_audit import __version__
from lkip_audit.findings import Finding
from lkip_audit.i18n import t
from lkip_audit.extract.docx import is_word_document
from lkip_audit.report.base import ReportInput, word_location
from lkip_audit.report.strings import s


def _line(ri: ReportInput, f: Finding) -> str:
    lang = ri.lang
    parts = [f"[{f.rule} {t('severity.' + f.severity, lang)}]"]
    if f.page:
        parts.append(f"{t('col.page', lang)} {f.page}")
    elif (word := word_location(f, lang, ri.document)) is not None:
        parts.append(word)  # a Word draft has no pages
    if f.row:
        parts.append(f"{t('col.row', lang)}: {f.row}")
    if f.column:
        parts.append(f"{t('col.column', lang)}: {f.column}")
    head = "  ".join(parts)
    nums = f"{t('col.actual', lang)}: {f.actual if f.actual is not None else '-'}   " \
           f"{t('col.expected', lang)}: {f.expected if f.expected is not None else '-'}"
    return f"{head}\n    {nums}\n    {f.message}"


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters; PDFs sometimes do."""
    return "".join(c if c in "\t\n\r" or ord(c) >= 0x20 else "\ufffd" for c in text)


def junit_tree(ri: ReportInput) -> ET.Element:
    lang = ri.lang
    stem = Path(ri.path).name
    cases: dict[tuple[str, str], list[Finding]] = {}
    for f in ri.findings:
        cases.setdefault((f.rule, ri.table_heading(f.table, f.table_id)), []).append(f)
    rules_run = sorted({r.id for r in ri.rules} | {f.rule for f in ri.findings})
    with_findings = {rule for rule, _ in cases}

    suite = ET.Element("testsuite", name=_clean(f"lkip-audit {ri.path}"))
    props = ET.SubElement(suite, "properties")
    for k, v in (("document", ri.path), ("sha256", ri.document.sha256), ("instansi", ri.document.instansi),
                 ("tahun", ri.document.tahun), ("pages", ri.document.page_count), ("fail_on", ri.fail_on),
                 ("suppressed", ri.suppressed), ("tool", f"lkip-audit {__version__}")):
        ET.SubElement(props, "property", name=k, value=_clean("" if v is None else str(v)))
    n = failures = 0
    word = is_word_document(ri.document)
    for (rule, table), items in sorted(cases.items(), key=lambda kv: (kv[0][0], min(f.page or 0 for f in kv[1]), kv[0][1])):
        n += 1
        case = ET.SubElement(suite, "testcase", classname=_clean(f"{stem}.{rule}"), name=_clean(table))
        body = _clean("\n".join(_line(ri, f) for f in items))
        failing = [f for f in items if ri.fails(f)]
        if failing:
            failures += 1
            worst = "error" if any(f.severity == "error" for f in failing) else failing[0].severity
            if word:  # a Word draft has no pages: the headings its findings stand under
                msg = f"{rule}: {s('junit.findings', lang, n=len(items))}" + \
                    "".join(f", {x}" for x in sorted({f.section for f in items if f.section}))
            else:
                msg = f"{rule}: {s('junit.findings', lang, n=len(items))}, {t('col.page', lang)} " + \
                      ", ".join(str(p) for p in sorted({f.page for f in items if f.page}))
            fail = ET.SubElement(case, "failure", message=_clean(msg), type=worst)
            fail.text = body
        else:
            out = ET.SubElement(case, "system-out")
            out.text = body
    for rule in rules_run:
        if rule in with_findings:
            continue
        n += 1
        ET.SubElement(suite, "testcase", classname=_clean(f"{stem}.{rule}"), name=s("junit.all_tables", lang))
    suite.set("tests", str(n))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name="lkip-audit", tests=str(n), failures=str(failures), errors="0")
    root.append(suite)
    return root


def render(ri: ReportInput) -> str:
    root = junit_tree(ri)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
