"""Regenerate reports/: every output format for each sample report (and one Word draft).

    python reports/build.py            # all samples, all formats
    python reports/build.py --lang en  # English messages (written to reports/en/)

Runs the real command line (`lkip-audit check ... -o reports/`), so the files
here are exactly what a user gets. JSON, SARIF, JUnit, Markdown, text and HTML
are byte-identical across runs for the same PDFs and code; the XLSX differs only
in its zip container's file times. A screenshot of each HTML report is saved
next to it when chromium is installed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ["lkip-bkd-banten-2024.pdf", "lkip-contoh-dinkes-2024.pdf", "lkip-contoh-dinkes-2024-bersih.pdf",
           # a planner's Word draft: its findings are placed as Word shows them (Bab > section > Tabel, baris)
           "wild/konvensi-lain.docx"]
FORMATS = "text,json,html,md,sarif,junit,xlsx"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("id", "en"), default="id")
    args = ap.parse_args()
    out = ROOT / "reports" / ("" if args.lang == "id" else "en")
    out.mkdir(parents=True, exist_ok=True)
    docs = [f"samples/{name}" for name in SAMPLES]
    cmd = [sys.executable, "-m", "lkip_audit.cli", "check", *docs, "--format", FORMATS, "-o", str(out),
           "--lang", args.lang, "--no-progress", "--fail-on", "never"]
    code = subprocess.call(cmd, cwd=ROOT)
    if code != 0:
        return code
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser and args.lang == "id":
        for name in SAMPLES:
            page = out / f"{Path(name).stem}.html"
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={out / '.chromium'}", "--window-size=1280,1600",
                            f"--screenshot={page.with_suffix('.png')}", page.as_uri()],
                           capture_output=True, timeout=120)
        shutil.rmtree(out / ".chromium", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
