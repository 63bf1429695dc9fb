"""A batch of 8 reports with --jobs 2 --store records all 8 (the runner process writes,
the workers only read); running it again adds nothing."""

from __future__ import annotations

import subprocess
import sys

from lkip_audit.store import Store, location


def _eight(cut_pdf, tmp_path):
    """8 different files (different sha256: a comment line after %%EOF) of the same report."""
    d = tmp_path / "batch"
    d.mkdir()
    data = cut_pdf.read_bytes()
    for k in range(8):
        (d / f"laporan-{k}.pdf").write_bytes(data + f"\n% copy {k}\n".encode())
    return d


def _run(d, store_url, cache_env, tmp_path):
    return subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(d), "--jobs", "2", "--store",
                           store_url, "--format", "json", "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, env=cache_env, cwd=tmp_path, timeout=900)


def test_batch_records_every_report_once(store_url, cut_pdf, cache_env, tmp_path):
    d = _eight(cut_pdf, tmp_path)
    first = _run(d, store_url, cache_env, tmp_path)
    assert first.returncode in (0, 1), first.stderr[-3000:]
    st = Store(location(store_url))
    docs = st.documents()
    assert sorted(x["file_name"] for x in docs) == [f"laporan-{k}.pdf" for k in range(8)]
    assert len({x["sha256"] for x in docs}) == 8
    # one instansi and tahun: one current version, the other seven superseded and kept
    assert sum(1 for x in docs if x["superseded_by"] is None) == 1
    counts = st.counts()
    assert counts["facts"] > 0 and counts["facts"] % 8 == 0
    assert first.stderr.count("dicatat (") == 8

    again = _run(d, store_url, cache_env, tmp_path)
    assert again.returncode in (0, 1), again.stderr[-3000:]
    assert st.counts() == counts
    assert again.stderr.count("sudah tercatat") == 8
