"""A check served from the cache imports none of the heavy libraries it does not use.

On a hit nothing is extracted or validated, so pandas/pandera (schemas), the PDF
readers (pdfplumber, pypdfium2, camelot) and rich's progress bar need not load:
their import time was most of a warm run. The oracle is sys.modules of a real CLI
process after the second check of the same file with the same cache directory;
the first (cold) check of the same process pattern must import pandera, so the
probe is shown to see imports at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "samples" / "lkip-contoh-dinkes-2024-bersih.pdf"
HEAVY = ("pandas", "pandera", "numpy", "pdfplumber", "pdfminer", "pypdfium2", "camelot", "rich.progress",
         # the stages that compute a check: the rule kinds and the understand stage they use
         # (check/select.py, check/kindnames.py and the lazy package attributes keep them out)
         "lkip_audit.check.kinds", "lkip_audit.check.engine", "lkip_audit.understand.columns",
         "lkip_audit.understand.resolve", "rapidfuzz")

PROBE = """
import json, runpy, sys
sys.argv = ["lkip-audit", "check", sys.argv[1], "--format", "json", "--no-progress", "-o", sys.argv[2],
            "--fail-on", "never"]
try:
    runpy.run_module("lkip_audit.cli", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m in %r)))
""" % (HEAVY,)


def _loaded(tmp_path: Path) -> list[str]:
    env = {**os.environ, "LKIP_AUDIT_CACHE": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", PROBE, str(PDF), str(tmp_path / "r.json")], env=env,
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_cached_check_imports_no_heavy_library(tmp_path):
    cold = _loaded(tmp_path)
    assert "pandera" in cold and "pandas" in cold  # the cold check validates with pandera
    assert "lkip_audit.check.kinds" in cold and "lkip_audit.understand.columns" in cold
    warm = _loaded(tmp_path)
    assert warm == []
