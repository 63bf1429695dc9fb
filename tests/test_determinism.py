"""Same input, same output (issue #6): two runs of ``check --format json`` on each
sample give identical bytes. The runs are separate processes with different hash
seeds and without the cache (both runs read and check), so an order that depends
on set or dict iteration of strings would show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PDFS = ["lkip-contoh-dinkes-2024.pdf", "lkip-contoh-dinkes-2024-bersih.pdf", "lkip-bkd-banten-2024.pdf"]


def run(pdf: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    p = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(pdf), "--format", "json", "--no-progress",
                        "--no-cache"],
                       capture_output=True, env=env, timeout=600)
    assert p.returncode in (0, 1), p.stderr.decode(errors="replace")[-2000:]
    return p.stdout


@pytest.mark.parametrize("name", PDFS)
def test_json_report_is_byte_identical(name):
    a, b = run(SAMPLES / name, "1"), run(SAMPLES / name, "2")
    assert a, "empty report"
    assert a == b
