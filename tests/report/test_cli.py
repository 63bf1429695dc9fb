"""`lkip-audit check` options: exit codes, formats and outputs, config, baseline, console."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from click.testing import CliRunner
from rich.console import Console

from lkip_audit.cli import main
from lkip_audit.findings import SEVERITY_RANK
from lkip_audit.report.text import render

from .conftest import DINKES, ROOT

PDF = str(DINKES)


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def findings_json(*args):
    r = run("check", PDF, "--format", "json", "--no-progress", *args)
    assert r.exit_code in (0, 1), r.output
    return r, json.loads(r.stdout)


@pytest.mark.parametrize("level", ["error", "warning", "info", "never"])
def test_exit_code_for_each_fail_level(cached_audit, level):
    r, data = findings_json("--fail-on", level)
    # The definition in DESIGN.md, applied to the findings the run reported.
    severities = {f["severity"] for f in data["findings"]}
    assert {"error", "warning", "info"} <= severities, "the sample should have every severity"
    expected = 0 if level == "never" else int(any(SEVERITY_RANK[s] >= SEVERITY_RANK[level] for s in severities))
    assert r.exit_code == expected


def test_exit_code_depends_on_level_when_only_lower_findings(cached_audit):
    # DOC002 (a page that could not be checked, info) is the only finding left: page 31 of the
    # sample is an image-only page (samples/src/dinkes-sukamaju-2024).
    r, data = findings_json("--select", "DOC002", "--fail-on", "error")
    assert {f["severity"] for f in data["findings"]} == {"info"}
    assert r.exit_code == 0
    assert findings_json("--select", "DOC002", "--fail-on", "warning")[0].exit_code == 0
    assert findings_json("--select", "DOC002", "--fail-on", "info")[0].exit_code == 1


def test_unchecked_pages_are_one_warning_that_fail_on_warning_holds(cached_audit):
    # Page 31 of the sample is an image without a text layer (samples/src/dinkes-sukamaju-2024):
    # DOC002 says so at info, DOC003 names every unchecked page at warning.
    r, data = findings_json("--select", "DOC002,DOC003", "--fail-on", "warning")
    doc003 = [f for f in data["findings"] if f["rule"] == "DOC003"]
    assert len(doc003) == 1 and doc003[0]["severity"] == "warning" and doc003[0]["page"] == 31
    assert "halaman 31" in doc003[0]["message"] and "--ocr" in doc003[0]["message"]
    assert r.exit_code == 1
    assert findings_json("--select", "DOC002,DOC003", "--fail-on", "error")[0].exit_code == 0


def test_usage_errors_exit_2(cached_audit, tmp_path):
    assert run("check", PDF, "--format", "pdf").exit_code == 2
    assert run("check", PDF, "--format", "json,html").exit_code == 2  # several formats need -o DIR
    assert run("check", PDF, "--format", "xlsx").exit_code == 2  # binary: needs -o
    assert run("check", PDF, "--fail-on", "fatal").exit_code == 2
    assert run("check", PDF, "--severity", "SUM002").exit_code == 2
    assert run("check", PDF, "--severity", "SUM002=fatal").exit_code == 2
    assert run("check", PDF, "--kategori", "Baik").exit_code == 2
    bad = tmp_path / "baseline.json"
    bad.write_text("{}", encoding="utf-8")
    assert run("check", PDF, "--baseline", str(bad)).exit_code == 2


@pytest.mark.parametrize("args, unknown, near", [
    (("--select", "NOPE"), "NOPE", None),
    (("--select", "PCT01"), "PCT01", "PCT001"),  # no id starts with PCT01 (the catalogue has PCT001)
    (("--select", "PCT,SUMM"), "SUMM", "SUM"),
    (("--ignore", "XT9"), "XT9", "XT"),
    (("--severity", "BND9=info"), "BND9", "BND"),
])
def test_unknown_rule_selectors_are_usage_errors(args, unknown, near):
    # rejected before anything is read: the usage error names the selector and, like
    # ruff, the nearest known ids or prefixes
    r = CliRunner().invoke(main, ["check", PDF, "--no-progress", "--lang", "en", *args])
    assert r.exit_code == 2
    assert f"unknown rule id or prefix: {unknown}" in r.output
    assert args[0] in r.output
    if near:
        assert near in r.output.split(unknown, 1)[1]
    else:  # nothing close: the known prefixes are listed
        assert "known prefixes: BND, CAP" in r.output


def test_known_selectors_and_all_are_accepted(cached_audit):
    assert findings_json("--select", "ALL", "--ignore", "DOC002,NAR", "--severity", "pct=info")[0].exit_code in (0, 1)


def test_unknown_selector_in_the_config_file_names_the_file(tmp_path, monkeypatch):
    (tmp_path / "lkip-audit.toml").write_text('ignore = ["SUM001", "DOC9"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", PDF, "--no-progress"])
    assert r.exit_code == 2
    assert "lkip-audit.toml: ignore" in r.output and "DOC9" in r.output
    assert "aturan atau awalan tidak dikenal" in r.output  # Bahasa Indonesia by default


def test_unreadable_input_exits_3(tmp_path):
    txt = tmp_path / "laporan.pdf"
    txt.write_text("bukan PDF", encoding="utf-8")
    assert run("check", str(txt), "--no-progress").exit_code == 3


def test_config_file_select_and_ignore(cached_audit, tmp_path, monkeypatch):
    (tmp_path / "lkip-audit.toml").write_text('select = ["SUM"]\nignore = ["SUM001"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    r = runner.invoke(main, ["check", PDF, "--format", "json", "--no-progress"], catch_exceptions=False)
    rules = {f["rule"] for f in json.loads(r.stdout)["findings"]}
    assert rules and all(x.startswith("SUM") and x != "SUM001" for x in rules)
    # the command line overrides the file's select and adds to its ignore
    r = runner.invoke(main, ["check", PDF, "--format", "json", "--no-progress", "--select", "DOC,SUM",
                             "--ignore", "SUM"], catch_exceptions=False)
    # the sample's page 31 is a scan: DOC002 (the page, info) and DOC003 (the report, warning)
    assert {f["rule"] for f in json.loads(r.stdout)["findings"]} == {"DOC002", "DOC003"}


def test_pyproject_config_and_severity_override(cached_audit, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    with open("pyproject.toml", "w", encoding="utf-8") as fh:
        fh.write('[project]\nname = "x"\n\n[tool.lkip-audit]\nselect = ["SUM002"]\nlang = "en"\n'
                 '[tool.lkip-audit.severity]\nSUM = "warning"\n')
    r = runner.invoke(main, ["check", PDF, "--format", "json", "--no-progress"], catch_exceptions=False)
    data = json.loads(r.stdout)
    assert data["findings"] and {f["severity"] for f in data["findings"]} == {"warning"}
    assert r.exit_code == 0  # warnings only, fail level error
    r = runner.invoke(main, ["check", PDF, "--format", "json", "--no-progress", "--severity", "SUM002=error"],
                      catch_exceptions=False)
    assert {f["severity"] for f in json.loads(r.stdout)["findings"]} == {"error"} and r.exit_code == 1


def test_baseline_round_trip(cached_audit, tmp_path):
    base = tmp_path / "baseline.json"
    r = run("check", PDF, "--no-progress", "--quiet", "--write-baseline", str(base))
    assert r.exit_code == 0  # everything was just accepted
    _, before = findings_json()
    entries = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert sum(e["count"] for e in entries) == len(before["findings"]) > 0
    r, after = findings_json("--baseline", str(base), "--fail-on", "info")
    assert r.exit_code == 0 and after["findings"] == []
    assert after["summary"]["suppressed"] == len(before["findings"])
    # A baseline written from a subset still reports what it did not accept.
    run("check", PDF, "--no-progress", "--quiet", "--select", "SUM", "--write-baseline", str(base))
    r, partial = findings_json("--baseline", str(base))
    assert {f["rule"] for f in partial["findings"]} == {f["rule"] for f in before["findings"] if not f["rule"].startswith("SUM")}
    assert r.exit_code == 1


def test_baseline_counts_occurrences():
    from lkip_audit.baseline import Baseline, baseline_dict
    from lkip_audit.findings import Finding

    def f(page, actual):
        return Finding("CAP002", "error", "m", page, "3.6", "AKI", "CAPAIAN (%)", "96,45", actual)

    data = baseline_dict({"a.pdf": [f(13, "99,77")]})
    assert data["findings"][0]["count"] == 1
    b = Baseline({data["findings"][0]["fingerprint"]: 1})
    # same rule, table, row and column on another page: matched (fingerprints ignore pages) ...
    kept, suppressed = b.filter([f(14, "99,77"), f(14, "112,63")])
    # ... but only as many times as accepted
    assert len(suppressed) == 1 and len(kept) == 1


def test_several_formats_to_a_directory(cached_audit, tmp_path):
    out = tmp_path / "out"
    r = run("check", PDF, "--no-progress", "--format", "json", "--format", "md,sarif,junit,xlsx,text", "-o", str(out))
    assert r.exit_code == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"lkip-contoh-dinkes-2024.{x}" for x in ("json", "md", "sarif", "junit.xml", "xlsx", "txt"))
    assert r.stdout == ""  # everything went to files; the summary is on stderr
    assert "lkip-contoh-dinkes-2024.sarif" in r.stderr


def test_quiet_prints_only_the_summary_line(cached_audit):
    r = run("check", PDF, "--quiet")
    _, data = findings_json()
    s = data["summary"]
    assert r.stdout.splitlines() == [
        f"{PDF}: {s['error']} galat, {s['warning']} peringatan, {s['info']} info; {s['tables']} tabel, "
        f"{data['document']['pages']} halaman"]


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def test_console_without_terminal_has_no_control_characters(cached_audit):
    r = run("check", PDF)
    assert r.stdout and not CONTROL.search(r.stdout)
    _, data = findings_json()
    for f in data["findings"]:  # every printed/expected pair is on one line, whole
        if f["actual"] is not None and f["expected"] is not None:
            assert f"Tercetak: {f['actual']}   Seharusnya: {f['expected']}" in r.stdout


def test_console_fits_100_columns_without_wrapping_numbers(bkd):
    buf = StringIO()
    console = Console(file=buf, force_terminal=True, width=100, color_system="truecolor", highlight=False)
    render(console, bkd)
    text = re.sub(r"\x1b\[[0-9;]*m", "", buf.getvalue())
    lines = text.splitlines()
    assert max(len(ln) for ln in lines) <= 100
    for f in bkd.findings:
        if f.actual is not None and f.expected is not None and len(f.actual) + len(f.expected) < 60:
            assert f"    Tercetak: {f.actual}   Seharusnya: {f.expected}" in lines, f


def test_explain_prints_formula_and_example_in_both_languages():
    r = run("explain", "pct001")
    assert r.exit_code == 0
    assert "Rumus:\n  % realisasi = realisasi (Rp) / anggaran (Rp) x 100" in r.stdout
    assert "Contoh (LKIP 2024 BKD Provinsi Banten, Tabel 3.20):" in r.stdout and "99,40" in r.stdout
    r = run("explain", "CAP004", "--lang", "en")
    assert "Formula:\n  nilai akhir (final score) = capaian (%) x (1 - koreksi (correction, %) / 100)" in r.stdout
    assert "Example (" in r.stdout
    assert run("explain", "XX999").exit_code == 2


def test_rules_lists_the_catalogue():
    from lkip_audit.check.catalogue import load_catalogue

    r = run("rules")
    ids = [ln.split("\t")[0] for ln in r.stdout.splitlines()]
    assert ids == sorted(rid for rid, rule in load_catalogue().items() if rule.implemented)


def test_readme_documents_the_new_options():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for opt in ("--baseline", "--write-baseline", "--severity", "--kategori", "--rounding", "--tolerance",
                "sarif", "junit", "xlsx", "html", "md"):
        assert opt in readme, opt


def test_the_progress_bar_counts_parts_of_a_word_draft_and_pages_of_a_pdf(monkeypatch):
    """A .docx has no pages: its reading is "Membaca bagian" (serve says the same);
    a PDF's "Membaca halaman". Rendered on a forced terminal."""
    import io

    from rich.console import Console

    from lkip_audit import cli as cli_mod

    from tests.extract.conftest import SAMPLES

    shown = {}
    for name in ("bkd-word-grid.docx", "bkd-word-grid.pdf"):
        buf = io.StringIO()
        monkeypatch.setattr(cli_mod, "_err_console", lambda buf=buf: Console(file=buf, force_terminal=True, width=100))
        prog, cb = cli_mod._progress(True, "id", str(SAMPLES / "wild" / name))
        prog.start()
        cb(1, 3)
        prog.refresh()
        assert prog.live.is_started
        cb(3, 3)  # the last page or part read: the bar (and its refresh thread) stops
        assert not prog.live.is_started
        prog.stop()
        shown[name] = buf.getvalue()
    assert "Membaca bagian" in shown["bkd-word-grid.docx"] and "halaman" not in shown["bkd-word-grid.docx"]
    assert "Membaca halaman" in shown["bkd-word-grid.pdf"]
