"""The JSON report (schema_version "1", contract in DESIGN.md).

Deterministic: the same input and configuration give the same bytes (no
timestamps, sorted findings, fixed key order).
"""

from __future__ import annotations

from collections import Counter

from lkip_audit import __version__
from lkip_audit.extract.model import Document
from lkip_audit.findings import Finding
from lkip_audit.extract.docx import is_word_document, word_table
from lkip_audit.report.base import ReportInput, word_location

SCHEMA_VERSION = "1"


def summary(doc: Document, findings: list[Finding], rules: int, suppressed: int = 0) -> dict:
    counts = Counter(f.severity for f in findings)
    unchecked = sorted({p.page for p in doc.problems})
    return {
        "error": counts.get("error", 0),
        "warning": counts.get("warning", 0),
        "info": counts.get("info", 0),
        "tables": len(doc.tables),
        "rules": rules,
        "pages_checked": doc.page_count - len(unchecked),
        "pages_unchecked": unchecked,
        "suppressed": suppressed,  # findings accepted by a baseline, not listed
        # check --store only (lkip_audit/store/run.py): earlier years compared, and those with no stored report
        **({"cross_year": doc.cross_year} if getattr(doc, "cross_year", None) else {}),
    }


def finding_dict(f: Finding, doc: Document | None = None, lang: str = "id") -> dict:
    """One finding as the contract writes it. ``doc`` a Word draft: also ``location``, the
    place a reviewer finds in Word ("Bab III > 3.1.2 > Tabel 3.18, baris 4", in ``lang``), and
    each related place's ``section``; a PDF's finding is written without them."""
    out = {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "page": f.page,
        "table": f.table,
        "row": f.row,
        "column": f.column,
        "expected": f.expected,
        "actual": f.actual,
        "related": [loc.as_dict() for loc in f.related],
        "table_id": f.table_id,
        "bbox": f.bbox,
        "fingerprint": f.fingerprint(),
        "detail": _plain(f.detail),
        # A Word draft has no pages (page null): where to find the finding in Word.
        "section": f.section,
        "section_title": f.section_title,
        "paragraph": f.paragraph,
    }
    if doc is not None and is_word_document(doc):
        out["location"] = word_location(f, lang, doc)
        for rel, loc in zip(out["related"], f.related):
            rel["section"] = word_table(doc, loc.table_id)[0]
    return out


def report_dict(doc: Document, findings: list[Finding], rules: int, path: str | None = None,
                suppressed: int = 0, lang: str = "id") -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "lkip-audit", "version": __version__},
        "document": {
            "path": path if path is not None else doc.path,
            "sha256": doc.sha256,
            "pages": doc.page_count,
            "instansi": doc.instansi,
            "tahun": doc.tahun,
        },
        "summary": summary(doc, findings, rules, suppressed),
        "findings": [finding_dict(f, doc, lang) for f in findings],
    }


def render_json(doc: Document, findings: list[Finding], rules: int, path: str | None = None,
                suppressed: int = 0, lang: str = "id") -> str:
    from lkip_audit.report.jsontext import dumps_indented

    return dumps_indented(report_dict(doc, findings, rules, path, suppressed, lang)) + "\n"  # = json.dumps(indent=2)


def render(ri: ReportInput) -> str:
    """The JSON report of a ReportInput (schema: schemas/lkip-audit-report-v1.schema.json)."""
    return render_json(ri.document, ri.findings, len(ri.rules), path=ri.path, suppressed=ri.suppressed,
                       lang=ri.lang)


def _plain(v):
    """Make detail JSON-safe and deterministic (Decimals as strings)."""
    if isinstance(v, dict):
        return {str(k): _plain(v[k]) for k in sorted(v, key=str)}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)
