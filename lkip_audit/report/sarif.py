"""SARIF 2.1.0 (OASIS) for code-scanning dashboards and CI.

One run per document. The PDF is the run's artifact (with its SHA-256); each
result names the page in its region (``startLine`` = page number, as a PDF
has no lines; also ``properties.page`` and the region's message) and in its message, the table/row/column as a logical location, and
carries ``partialFingerprints`` built from the same fingerprint the baseline
uses (rule + table + row + column, not the page), so dashboards track a finding
across revisions of the report.
"""

from __future__ import annotations


from lkip_audit import __version__
from lkip_audit.findings import Finding, Location
from lkip_audit.i18n import t
from lkip_audit.report.base import ReportInput, word_location
from lkip_audit.extract.docx import word_table
from lkip_audit.report.explain import explain, formula
from lkip_audit.report.strings import s

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "lkipAuditFingerprint/v1"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _where(ri: ReportInput, page, table, table_id, row, column) -> str:
    parts = []
    if page:
        parts.append(f"{t('col.page', ri.lang)} {page}")
    if table or table_id:
        parts.append(ri.table_label(table, table_id))
    if row:
        parts.append(f"{t('col.row', ri.lang)}: {row}")
    if column:
        parts.append(f"{t('col.column', ri.lang)}: {column}")
    return ", ".join(parts)


def _location(ri: ReportInput, page, table, table_id, row, column, bbox, value=None) -> dict:
    region: dict = {}
    if page:
        # SARIF regions need a startLine, charOffset or byteOffset; a PDF has pages, so the page
        # number stands in startLine (dashboards then show "line 34" for page 34) and properties.page.
        region = {"startLine": page, "message": {"text": f"{t('col.page', ri.lang)} {page}"},
                  "properties": {"page": page}}
        if bbox:
            region["properties"]["bbox"] = list(bbox)
        if value is not None:
            region["properties"]["value"] = value
    phys: dict = {"artifactLocation": {"uri": _uri(ri.path), "index": 0}}
    if region:
        phys["region"] = region
    loc: dict = {"physicalLocation": phys}
    # a Word draft (no pages): the heading path the table stands under leads the names
    section = word_table(ri.document, table_id)[0] if not page else None
    names = [x for x in (section, ri.table_label(table, table_id) if (table or table_id) else None, row, column) if x]
    if names:
        loc["logicalLocations"] = [{"name": column or row or names[0], "fullyQualifiedName": " / ".join(names),
                                    "kind": "element"}]
    text = _where(ri, page, table, table_id, row, column)
    loc["message"] = {"text": f"{section} > {text}" if section and text else text}
    return loc


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:._-~")


def _result(ri: ReportInput, f: Finding, rule_index: dict[str, int]) -> dict:
    where = _where(ri, f.page, f.table, f.table_id, f.row, f.column)
    if f.page is None and (word := word_location(f, ri.lang, ri.document)):
        where = f"{word}: {where}" if where else word  # a Word draft: the heading path and paragraph
    nums = ""
    if f.actual is not None or f.expected is not None:
        nums = f" ({t('col.actual', ri.lang)}: {f.actual if f.actual is not None else '-'}; " \
               f"{t('col.expected', ri.lang)}: {f.expected if f.expected is not None else '-'})"
    res: dict = {
        "ruleId": f.rule,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": f"{where}: {f.message}{nums}" if where else f.message + nums},
        "locations": [_location(ri, f.page, f.table, f.table_id, f.row, f.column, f.bbox, f.actual)],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint()},
        "properties": {"page": f.page, "table": f.table, "tableId": f.table_id, "row": f.row, "column": f.column,
                       "expected": f.expected, "actual": f.actual, "severity": f.severity},
    }
    if f.section is not None or f.paragraph is not None:
        res["properties"].update({"section": f.section, "paragraph": f.paragraph})
    if f.rule in rule_index:
        res["ruleIndex"] = rule_index[f.rule]
    related = [_related(ri, i, loc) for i, loc in enumerate(f.related)]
    if related:
        res["relatedLocations"] = related
    return res


def _related(ri: ReportInput, i: int, loc: Location) -> dict:
    d = _location(ri, loc.page, loc.table, loc.table_id, loc.row, loc.column, loc.bbox, loc.value)
    d["id"] = i
    if loc.value is not None:
        d["message"]["text"] += f": {loc.value}"
    return d


def _rule(ri: ReportInput, rule) -> dict:
    lang = ri.lang
    help_text = explain(rule, lang, severity=ri.severity_of(rule))
    f = formula(rule, lang)
    md = [f"**{rule.title[lang]}**", "", rule.checks[lang], ""]
    if f:
        md += [f"{s('explain.formula', lang)}: `{f}`", ""]
    md += [f"{s('explain.basis', lang)}: {rule.basis}", "",
           f"{s('explain.example', lang)} ({rule.example.get('source')}): {rule.example.get('text')}"]
    return {
        "id": rule.id,
        "name": rule.title["en"].title().replace(" ", "").replace("-", "").replace(",", "").replace("(", "").replace(")", ""),
        "shortDescription": {"text": rule.title[lang]},
        "fullDescription": {"text": rule.checks[lang]},
        "help": {"text": help_text, "markdown": "\n".join(md)},
        "defaultConfiguration": {"level": LEVEL[ri.severity_of(rule)]},
        "properties": {"category": rule.category, "kind": rule.kind, "tags": [rule.category, "lkip"]},
    }


def sarif_dict(ri: ReportInput) -> dict:
    rules = sorted(ri.rules, key=lambda r: r.id)
    # Findings of rules that did not run cannot happen, but a foreign rule id must still resolve.
    known = {r.id for r in rules}
    from lkip_audit.check.catalogue import load_catalogue

    cat = load_catalogue()
    rules += [cat[rid] for rid in sorted({f.rule for f in ri.findings} - known) if rid in cat]
    rule_index = {r.id: i for i, r in enumerate(rules)}
    doc = ri.document
    run = {
        "tool": {"driver": {"name": "lkip-audit", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(ri, r) for r in rules]}},
        "language": "id-ID" if ri.lang == "id" else "en-US",
        "artifacts": [{"location": {"uri": _uri(ri.path)}, "mimeType": "application/pdf", "length": -1,
                       "hashes": {"sha-256": doc.sha256}, "roles": ["analysisTarget"],
                       "properties": {"pages": doc.page_count, "instansi": doc.instansi, "tahun": doc.tahun}}],
        "results": [_result(ri, f, rule_index) for f in ri.findings],
        "properties": {"tables": len(doc.tables), "pagesUnchecked": ri.unchecked_pages(),
                       "suppressedByBaseline": ri.suppressed},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(ri: ReportInput) -> str:
    from lkip_audit.report.jsontext import dumps_indented

    return dumps_indented(sarif_dict(ri)) + "\n"  # = json.dumps(ensure_ascii=False, indent=2)
