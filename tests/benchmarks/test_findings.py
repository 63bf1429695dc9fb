"""benchmarks/findings.py: the parts that are not the matching (merging triage files,
reading failures, the untriaged YAML, instansi comparison). Inputs are built by hand."""

from __future__ import annotations

import yaml

from benchmarks import findings


def test_triage_files_merged(tmp_path):
    # real_triage.yaml and real_triage_a.yaml both judge r1.pdf: their entries are concatenated;
    # a broken part is reported, not fatal
    (tmp_path / "real_triage.yaml").write_text(yaml.safe_dump({"reports": {
        "r1.pdf": {"pages": 10, "instansi": "Dinas A", "tahun": 2016, "findings": [{"rule": "SUM001"}]}}}))
    (tmp_path / "real_triage_a.yaml").write_text(yaml.safe_dump({"reports": {
        "r1.pdf": {"findings": [{"rule": "PCT001"}]}, "r2.pdf": {"tahun": 2017, "findings": []}}}))
    (tmp_path / "real_triage_b.yaml").write_text("reports: [unclosed\n")
    merged, used, problems = findings.load_triage(tmp_path)
    assert used == ["real_triage.yaml", "real_triage_a.yaml"]
    assert len(problems) == 1 and problems[0].startswith("real_triage_b.yaml")
    assert [e["rule"] for e in merged["r1.pdf"]["findings"]] == ["SUM001", "PCT001"]
    r1, r2 = merged["r1.pdf"], merged["r2.pdf"]
    assert (r1["instansi"], r1["tahun"], r2["tahun"]) == ("Dinas A", 2016, 2017)


def test_no_triage_files(tmp_path):
    assert findings.load_triage(tmp_path) == ({}, [], [])


def test_unreadable_document_is_a_result(tmp_path):
    # a text file named .pdf cannot be read: the result says so instead of raising
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    r = findings.run_one(str(bad))
    assert r["error"] and "findings" not in r


def test_instansi_comparison():
    # the triage may add the abbreviation read off the cover; case and punctuation do not count
    assert findings.same_instansi("Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat",
                                  "Badan Kesatuan Bangsa dan Politik (Kesbangpol) Provinsi Jawa Barat")
    assert findings.same_instansi("DINAS A, PROVINSI B", "Dinas A Provinsi B")
    assert not findings.same_instansi(None, "Dinas A")
    assert not findings.same_instansi("Dinas A", "Dinas B")
    assert findings.same_instansi("Dinas A", None) is None


def test_untriaged_yaml_leaves_the_verdict_empty():
    f = {"rule": "SUM001", "severity": "error", "page": 3, "table": "3.1", "row": "JUMLAH", "column": "Target",
         "actual": "10", "expected": "12", "message": "m"}
    report = {"reports": [{"report": "r.pdf", "error": None, "pages": 5, "instansi_triaged": None,
                           "instansi_detected": "Dinas A", "tahun_triaged": None, "tahun_detected": 2016,
                           "untriaged_findings": [f]}]}
    text = findings.untriaged_yaml(report, "abc1234")
    assert "\n      verdict:\n" in text
    entry = yaml.safe_load(text)["reports"]["r.pdf"]["findings"][0]
    assert entry["verdict"] is None and entry["actual"] == "10" and entry["commit"] == "abc1234"
    assert yaml.safe_load(text)["reports"]["r.pdf"]["instansi"] == "Dinas A"


def test_plan_with_docx_and_missing_document(tmp_path, monkeypatch):
    # a truth file naming a PDF and its DOCX: with --docx both are scored against the same items;
    # a document that does not exist is reported as such; a broken truth file too
    (tmp_path / "samples" / "wild").mkdir(parents=True)
    (tmp_path / "samples" / "wild" / "w.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "samples" / "wild" / "w.truth.yaml").write_text(yaml.safe_dump(
        {"document": "samples/wild/w.pdf", "docx": "samples/wild/w.docx", "clean": True, "items": []}))
    (tmp_path / "samples" / "x.truth.yaml").write_text("document: [\n")
    monkeypatch.setattr(findings, "ROOT", tmp_path)

    class Args:
        docx, only = True, None

    plans = findings.plan_samples(Args)
    by_name = {p["name"]: p for p in plans}
    assert set(by_name) == {"x", "w.pdf", "w.docx"}
    assert by_name["x"]["error"].startswith("truth file unreadable")
    assert by_name["w.pdf"]["error"] is None and by_name["w.pdf"]["clean"] is True
    assert by_name["w.docx"]["error"] == "document missing: samples/wild/w.docx"
    Args.docx = False
    assert {p["name"] for p in findings.plan_samples(Args)} == {"x", "w.pdf"}


def test_nothing_checked_is_scored_as_no_finding(monkeypatch):
    # the tool read the document but checked nothing (NothingChecked): its items are missed, it is
    # not set aside as unreadable; 2 items, 0 found -> recall 0
    class NothingChecked(Exception):
        reason, detail = "no-tables", "84"

    def boom(path):
        raise NothingChecked(path)

    import lkip_audit.pipeline

    monkeypatch.setattr(lkip_audit.pipeline, "audit", boom)
    r = findings.run_one("x.pdf")
    assert r["error"] is None and r["findings"] == [] and r["nothing_checked"] == "no-tables 84"
    plan = {"name": "x.pdf", "path": "x.pdf", "truth": "x.truth.yaml", "clean": False, "error": None,
            "items": [{"id": "T1", "rule": "SUM001", "table": "1", "row": "a"},
                      {"id": "T2", "rule": "PCT001", "table": "1", "row": "b"}]}
    s = findings.score_samples([plan], {"x.pdf": r})
    d = s["documents"][0]
    assert (d["found"], d["missed"], d["recall"], d["nothing_checked"]) == (0, 2, 0.0, "no-tables 84")
    assert s["totals"]["items"] == 2 and s["totals"]["recall"] == 0.0
