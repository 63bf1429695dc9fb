"""Issue #7, batch: `lkip-audit check DIR_OR_FILES... --jobs N`.

Inputs are small reports cut from the dinkes sample (pages chosen so each holds
known injected errors) plus one damaged PDF. Expected findings are recomputed
here by hand from samples/src/dinkes-sukamaju-2024/errors.yaml:

- E01, Tabel 3.18 (dinkes page 22): 547.170.012 / 634.250.000 x 100 = 86,27, printed 88,27;
- E02, Tabel 3.28 (dinkes page 28): 23.064.575.732 / 24.214.325.000 x 100 = 95,25, printed 94,15.

Every other expectation compares the batch with what the tool writes for each
report checked alone (today's single-report run, the reference the issue names).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from tests.pdfcuts import cut_pages, truncated_copy

from lkip_audit.batch import (BatchOptions, ReportOutcome, check_one, expand_inputs, run_batch)
from lkip_audit.check.config import CheckConfig

ROOT = Path(__file__).resolve().parents[1]
DINKES = ROOT / "samples" / "lkip-contoh-dinkes-2024.pdf"
LKIP = [sys.executable, "-m", "lkip_audit.cli"]
FORMATS = "json,md,text,sarif,junit,html"

# (name, dinkes pages, 1-based): three good reports and one damaged one.
CUTS = {"a-ringkasan": [1, 2, 3, 13], "b-anggaran": [22, 28], "c-iku": [13, 14, 15]}


def pct(a: str, b: str) -> str:
    v = (Decimal(a.replace(".", "")) / Decimal(b.replace(".", "")) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return str(v).replace(".", ",")


E01 = ("PCT001", pct("547.170.012", "634.250.000"), "88,27")
E02 = ("PCT001", pct("23.064.575.732", "24.214.325.000"), "94,15")


def test_hand_recomputation():
    assert (E01[1], E02[1]) == ("86,27", "95,25")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("batch-in")
    cut_pages(DINKES, CUTS, d)
    truncated_copy(d / "b-anggaran.pdf", d / "d-rusak.pdf")  # truncated: xref and most objects gone
    (d / "catatan.txt").write_text("not a report")  # a directory stands for its *.pdf only
    return d


def cli(*args, cwd=None, timeout=300):
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([*LKIP, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd)


@pytest.fixture(scope="module")
def alone(inputs, tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """Each good report checked alone (one report: today's code path), every format."""
    out = {}
    for name in CUTS:
        d = tmp_path_factory.mktemp(f"alone-{name}")
        r = cli("check", f"{name}.pdf", "--format", FORMATS, "-o", str(d), "--no-cache", "--no-progress",
                cwd=inputs)
        assert r.returncode == 1, r.stderr  # each cut holds at least one error-level finding
        out[name] = {p.name: p.read_bytes() for p in d.iterdir()}
        assert len(out[name]) == len(FORMATS.split(","))
    return out


@pytest.fixture(scope="module")
def batch2(inputs, tmp_path_factory):
    """The directory in one batch with two worker processes."""
    out = tmp_path_factory.mktemp("batch2")
    r = cli("check", ".", "--format", FORMATS, "-o", str(out), "--no-cache", "--jobs", "2", cwd=inputs)
    return r, out


def triples(report: dict) -> set:
    return {(f["rule"], f["expected"], f["actual"]) for f in report["findings"]}


def test_batch_exit_status_is_the_worst_and_a_damaged_pdf_stays_alone(inputs, batch2):
    r, out = batch2
    assert r.returncode == 3, r.stderr  # worst of: findings (1) and an unreadable file (3)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    # The damaged file is named with the reader's reason; it has no report files.
    assert "d-rusak.pdf: PDF rusak dan tidak dapat dibaca" in r.stderr
    assert not list(out.glob("d-rusak.*"))
    # The good ones around it were checked completely.
    b = json.loads((out / "b-anggaran.json").read_text(encoding="utf-8"))
    assert {E01, E02} <= triples(b)
    assert b["document"]["pages"] == 2
    for name in CUTS:
        assert (out / f"{name}.json").exists()
    assert not list(out.glob("catatan.*"))


def test_one_line_per_report_and_a_summary_table_in_input_order(batch2):
    r, _ = batch2
    progress = [ln for ln in r.stderr.splitlines() if ln.startswith("[")]
    assert len(progress) == 4
    assert sorted(int(ln[1:ln.index("/")]) for ln in progress) == [1, 2, 3, 4]
    assert all(ln.split("]")[0].endswith("/4") for ln in progress)
    # Outputs go to files, so the summary table is on stdout: header, 4 rows (input order), total.
    lines = r.stdout.strip().splitlines()
    assert lines[0].split()[:2] == ["laporan", "instansi"]
    assert [ln.split()[0] for ln in lines[1:5]] == [f"{n}.pdf" for n in [*CUTS, "d-rusak"]]
    assert "(tidak terbaca)" in lines[4]
    assert lines[5].startswith("4 laporan:") and "1 tidak terbaca" in lines[5]


def test_batch_outputs_are_byte_identical_to_each_report_checked_alone(alone, batch2, inputs, tmp_path):
    _, out2 = batch2
    serial = tmp_path / "jobs1"
    r = cli("check", *[f"{n}.pdf" for n in CUTS], "--format", FORMATS, "-o", str(serial), "--no-cache",
            "--jobs", "1", cwd=inputs)
    assert r.returncode == 1, r.stderr
    for name, files in alone.items():
        for fname, data in files.items():
            assert (out2 / fname).read_bytes() == data, fname
            assert (serial / fname).read_bytes() == data, fname


def test_stdout_keeps_the_input_order(alone, inputs):
    # No -o: the JSON documents follow one another on stdout in the order given,
    # whichever worker finished first.
    names = ["c-iku", "a-ringkasan", "b-anggaran"]
    r = cli("check", *[f"{n}.pdf" for n in names], "--format", "json", "--no-cache", "--jobs", "2", cwd=inputs)
    assert r.returncode == 1, r.stderr
    expected = b"".join(alone[n][f"{n}.json"] for n in names)
    assert r.stdout.encode("utf-8") == expected
    assert "3 laporan:" in r.stderr  # the summary table goes to stderr, stdout carries the reports


def test_fail_on_never_exits_0_and_english(inputs, tmp_path):
    r = cli("check", "a-ringkasan.pdf", "b-anggaran.pdf", "--format", "json", "-o", str(tmp_path), "--no-cache",
            "--fail-on", "never", "--lang", "en", cwd=inputs)
    assert r.returncode == 0, r.stderr
    assert "2 reports:" in r.stdout and "errors" in r.stdout.splitlines()[0]


def test_write_baseline_then_check_against_it(inputs, tmp_path):
    base = tmp_path / "baseline.json"
    files = ["a-ringkasan.pdf", "b-anggaran.pdf"]
    r = cli("check", *files, "--format", "json", "-o", str(tmp_path / "o1"), "--no-cache",
            "--write-baseline", str(base), cwd=inputs)
    assert r.returncode == 0, r.stderr  # every finding was just accepted
    accepted = json.loads(base.read_text(encoding="utf-8"))
    assert {"b-anggaran.pdf"} <= {d for e in accepted["findings"] for d in e["documents"]}
    r = cli("check", *files, "--format", "json", "-o", str(tmp_path / "o2"), "--no-cache",
            "--baseline", str(base), cwd=inputs)
    assert r.returncode == 0, r.stderr
    for f in files:
        rep = json.loads((tmp_path / "o2" / f.replace(".pdf", ".json")).read_text(encoding="utf-8"))
        assert rep["findings"] == []


def test_directory_arguments(inputs, tmp_path):
    sub = tmp_path / "tree" / "sub"
    sub.mkdir(parents=True)
    (tmp_path / "tree" / "z.pdf").write_bytes(b"%PDF-1.4")
    (sub / "y.PDF").write_bytes(b"%PDF-1.4")
    (sub / "x.pdf").write_bytes(b"%PDF-1.4")
    assert expand_inputs([str(tmp_path / "tree")]) == [str(tmp_path / "tree" / "z.pdf")]
    assert expand_inputs([str(tmp_path / "tree")], recursive=True) == [
        str(sub / "x.pdf"), str(sub / "y.PDF"), str(tmp_path / "tree" / "z.pdf")]
    # sorted, non-recursive; a file given twice is checked once
    assert expand_inputs([str(inputs), str(inputs / "c-iku.pdf")]) == [
        str(inputs / f"{n}.pdf") for n in [*CUTS, "d-rusak"]]
    empty = tmp_path / "kosong"
    empty.mkdir()
    r = cli("check", str(empty))
    assert r.returncode == 2 and "no PDF files" in r.stderr


def test_dask_without_scheduler_is_a_usage_error(inputs):
    r = cli("check", "a-ringkasan.pdf", "--executor", "dask", cwd=inputs)
    assert r.returncode == 2 and "--scheduler" in r.stderr


def test_check_one_never_raises_and_names_the_given_path(inputs):
    opts = BatchOptions(config=CheckConfig(), formats=("json",), use_cache=False)
    bad = check_one(str(inputs / "d-rusak.pdf"), opts)
    assert bad.status == 3 and bad.unreadable and bad.outputs == {}
    assert bad.line.startswith(f"{inputs / 'd-rusak.pdf'}: PDF rusak")
    missing = check_one(str(inputs / "tidak-ada.pdf"), opts)
    assert missing.status == 3 and "berkas tidak ditemukan" in missing.line
    # From bytes (as a Dask worker gets them): same report, naming the given path, not a temp file.
    path = str(inputs / "b-anggaran.pdf")
    from_path = check_one(path, opts)
    from_bytes = check_one(path, opts, content=Path(path).read_bytes())
    assert from_path.status == from_bytes.status == 1
    assert from_bytes.outputs["json"] == from_path.outputs["json"]
    assert json.loads(from_bytes.outputs["json"])["document"]["path"] == path


def test_reordering_buffer_is_bounded(monkeypatch):
    """Reports finishing out of order wait for earlier ones only within the window, and
    stdout still gets them in input order (memory does not grow with the batch)."""
    import io

    import lkip_audit.batch as batch

    seen_room = []

    def reversed_pairs(paths, options, jobs, room):
        # Finish every report of a window in reverse order.
        i = 0
        while i < len(paths):
            seen_room.append(room())
            k = min(room(), len(paths) - i)
            for j in reversed(range(i, i + k)):
                yield j, ReportOutcome(path=paths[j], status=0, outputs={"json": f"{j}\n".encode()}, line=paths[j])
            i += k

    monkeypatch.setattr(batch.runner, "run_local", reversed_pairs)  # the executor run_batch picks
    paths = [f"r{k}.pdf" for k in range(10)]
    out, err = io.StringIO(), io.StringIO()
    worst, rows = run_batch(paths, BatchOptions(formats=("json",)), {(p, "json"): None for p in paths},
                            jobs=2, out=out, err=err)
    assert worst == 0
    assert out.getvalue() == "".join(f"{k}\n" for k in range(10))
    assert [r.path for r in rows] == paths
    assert max(seen_room) <= 4  # window = 2 x jobs

