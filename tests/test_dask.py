"""Issue #7: `check --executor dask --scheduler ADDRESS` on a Dask LocalCluster (loopback).

The cluster's workers are separate (daemonic) processes; each still reads its
PDF in the guard's own reader process. The JSON a Dask run writes must be the
bytes a local run writes for the same reports; a damaged PDF among them is
reported on its own (exit 3) without stopping the others.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pdfcuts import cut_pages, truncated_copy

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
DINKES = ROOT / "samples" / "lkip-contoh-dinkes-2024.pdf"
LKIP = [sys.executable, "-m", "lkip_audit.cli"]
# Pages of the dinkes sample holding known injected errors (errors.yaml: E01 p22, E02 p28, E04 p13).
CUTS = {"p22-p28": [22, 28], "p13-p15": [13, 14, 15], "p1-p3": [1, 2, 3]}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("dask-in")
    cut_pages(DINKES, CUTS, d)
    truncated_copy(d / "p22-p28.pdf", d / "rusak.pdf")
    return d


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as c:
        yield c


def cli(*args, cwd, timeout=300):
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([*LKIP, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd)


def test_dask_run_writes_the_same_json_as_the_local_run(inputs, cluster, tmp_path):
    files = [f"{n}.pdf" for n in CUTS] + ["rusak.pdf"]
    local, remote = tmp_path / "local", tmp_path / "dask"
    rl = cli("check", *files, "--format", "json", "-o", str(local), "--no-cache", "--jobs", "1", cwd=inputs)
    rd = cli("check", *files, "--format", "json", "-o", str(remote), "--no-cache",
             "--executor", "dask", "--scheduler", cluster.scheduler_address, cwd=inputs)
    assert rl.returncode == rd.returncode == 3, (rl.stderr, rd.stderr)  # findings (1) and a damaged PDF (3)
    assert "Traceback" not in rd.stderr
    assert "rusak.pdf: PDF rusak dan tidak dapat dibaca" in rd.stderr
    names = sorted(p.name for p in local.iterdir())
    assert names == sorted(f"{n}.json" for n in CUTS)
    assert sorted(p.name for p in remote.iterdir()) == names
    for n in names:
        assert (remote / n).read_bytes() == (local / n).read_bytes(), n
    # The summary table, in input order, on stdout (every report went to a file).
    rows = rd.stdout.strip().splitlines()[1:5]
    assert [r.split()[0] for r in rows] == files


def test_dask_stdout_in_input_order(inputs, cluster):
    files = [f"{n}.pdf" for n in CUTS]
    rl = cli("check", *files, "--format", "json", "--no-cache", "--jobs", "1", cwd=inputs)
    rd = cli("check", *files, "--format", "json", "--no-cache", "--executor", "dask",
             "--scheduler", cluster.scheduler_address, cwd=inputs)
    assert rl.returncode == rd.returncode == 1, rd.stderr
    assert rd.stdout == rl.stdout
