"""Acceptance (issue #16): the synthetic agency's 2023 report is checked into a store,
then its 2024 report with the same store; the cross-year findings are exactly the
mismatches injected into the 2023 sample (samples/src/bkd-banten-2023/errors.yaml, each
naming where the 2024 report prints the value: `against`), and each cites both
documents with file and page (pages from the samples' layout manifests)."""

from __future__ import annotations

import json
import subprocess
import sys

import yaml

from lkip_audit.store import Store, location
from tests.store.conftest import ROOT, SAMPLES

SRC23 = ROOT / "samples" / "src" / "bkd-banten-2023"
PDF23, PDF24 = SAMPLES / "lkip-bkd-banten-2023.pdf", SAMPLES / "lkip-bkd-banten-2024.pdf"


def _check(pdf, store_url, env, cwd, *extra):
    p = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(pdf), "--store", store_url, "--format",
                        "json", "--no-progress", *extra], capture_output=True, text=True, env=env, cwd=cwd,
                       timeout=900)
    assert p.returncode in (0, 1), p.stderr[-3000:]
    return json.loads(p.stdout), p.stderr


def _expected():
    """(rule, 2024 table or None for a sentence, year, field, 2023 table, 2023 row, 2023 page,
    2023 value) -> (2024 pages of the table, or the sentence's words)."""
    errors = yaml.safe_load((SRC23 / "errors.yaml").read_text(encoding="utf-8"))
    manifest23 = json.loads((SAMPLES / "lkip-bkd-banten-2023.layout.json").read_text(encoding="utf-8"))
    manifest24 = json.loads((SAMPLES / "lkip-bkd-banten-2024.layout.json").read_text(encoding="utf-8"))
    pages23 = {t["number"]: t["pages"][0] for t in manifest23["tables"]}
    pages24 = {t["number"]: t["pages"] for t in manifest24["tables"] if t["number"]}
    out = {}
    for e in errors:
        src = yaml.safe_load((SRC23 / "tables" / f"{e['table']}.yaml").read_text(encoding="utf-8"))
        row_label = src["rows"][e["row"]][2]  # both tables name the item in their third column
        places = e["against"] if isinstance(e["against"], list) else [e["against"]]
        for a in places:
            key = (e["rule"], a.get("table"), a["year"], a["field"], src["number"], row_label,
                   pages23[src["number"]], e["value"])
            out[key] = pages24[a["table"]] if a.get("table") else a["sentence"]
    return out


def test_cross_year_findings_are_the_injected_mismatches(store_url, cache_env, tmp_path):
    report23, err23 = _check(PDF23, store_url, cache_env, tmp_path)
    assert not [f for f in report23["findings"] if f["rule"].startswith("YR")]  # nothing earlier is stored
    report24, err24 = _check(PDF24, store_url, cache_env, tmp_path)
    expected = _expected()
    got = set()
    for f in report24["findings"]:
        if not f["rule"].startswith("YR"):
            continue
        this, stored = f["detail"]["this"], f["detail"]["stored"]
        key = (f["rule"], f["table"], this["year"], this["field"], stored["table"], stored["row"], stored["page"],
               stored["value"])
        got.add(key)
        # both documents, with file and page, in the message and in the detail
        assert f"lkip-bkd-banten-2024.pdf hal. {f['page']}" in f["message"]
        assert f"lkip-bkd-banten-2023.pdf hal. {stored['page']}" in f["message"]
        assert stored["file"] == "lkip-bkd-banten-2023.pdf" and this["file"] == "lkip-bkd-banten-2024.pdf"
        where = expected.get(key)
        if f["table"] is None:  # a sentence: the words the errors file names
            assert where is not None and where in " ".join(f["detail"]["sentence"].split()), f
        else:  # the 2024 page is one of the table's pages
            assert where is not None and f["page"] in where, f
    assert got == set(expected)
    assert "dibandingkan dengan laporan tersimpan tahun 2023" in err24
    assert report24["summary"]["cross_year"] == {"compared": [2023], "not_compared": []}
    st = Store(location(store_url))
    assert sorted((d["tahun"], d["file_name"]) for d in st.documents()) == [
        (2023, "lkip-bkd-banten-2023.pdf"), (2024, "lkip-bkd-banten-2024.pdf")]


def test_years_not_in_the_store_are_named_not_found(tmp_path, cache_env):
    report24, err24 = _check(PDF24, str(tmp_path / "empty.sqlite"), cache_env, tmp_path, "--explain-matches")
    assert not [f for f in report24["findings"] if f["rule"].startswith("YR")]
    assert "tahun 2023 tidak dapat dibandingkan" in err24
    assert report24["summary"]["cross_year"] == {"compared": [], "not_compared": [2023]}
    # --explain-matches shows how the instansi was identified (meta.yaml of the sample)
    assert "instansi 'Badan Kepegawaian Daerah Provinsi Banten'" in err24
    assert "kunci / key: 'badan kepegawaian daerah provinsi banten'" in err24


def test_an_abbreviated_instansi_is_the_same_agency(tmp_path, cache_env):
    """The 2023 report stored under "BKD Provinsi Banten" (as another report may print it)
    is compared with the 2024 report of "Badan Kepegawaian Daerah Provinsi Banten"."""
    from tests.store.test_store import fact, payload

    url = str(tmp_path / "s.sqlite")
    Store(location(url)).record(payload("9" * 64, tahun=2023, instansi="BKD Provinsi Banten", file_name="bkd23.pdf",
                                        facts=[fact(year=2023, field="realisasi", value="328.50", printed="328,50",
                                                    page=5, table_number="3.1")]))
    report24, err24 = _check(PDF24, url, cache_env, tmp_path)
    yr = [f for f in report24["findings"] if f["rule"] == "YR001"]
    assert [(f["table"], f["actual"], f["expected"], f["detail"]["stored"]["file"]) for f in yr] == [
        ("3.11", "330,50", "328,50", "bkd23.pdf")]


def test_the_json_report_with_cross_year_follows_the_schema(tmp_path, cache_env):
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "lkip-audit-report-v1.schema.json").read_text(encoding="utf-8"))
    report24, _ = _check(PDF24, str(tmp_path / "empty.sqlite"), cache_env, tmp_path)
    jsonschema.validate(report24, schema)
    assert report24["summary"]["cross_year"]["not_compared"] == [2023]
