"""Regenerate the README's screenshot of the report viewer (reports/viewer.png).

    python scripts/screenshot_viewer.py [REPORT.pdf] [--rule PCT001] [-o reports/viewer.png]

Checks the report (the BKD Banten sample by default), writes its self-contained HTML
report to a temporary directory, opens it in headless chromium (Debian's package,
driven over the DevTools pipe as the browser tests do: tests/report/test_html.py),
selects the first error of the rule, waits until the page image is decoded and takes
the screenshot. Prints the HTML's size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lkip_audit.check.config import CheckConfig  # noqa: E402
from lkip_audit.check.engine import active_rules  # noqa: E402
from lkip_audit.pipeline import audit  # noqa: E402
from lkip_audit.report import html as html_report  # noqa: E402
from lkip_audit.report.base import ReportInput  # noqa: E402
from tests.report.test_html import CHROMIUM, Chromium  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", nargs="?", default=str(ROOT / "samples" / "lkip-bkd-banten-2024.pdf"))
    ap.add_argument("--rule", default="PCT001", help="select the first error of this rule (default PCT001)")
    ap.add_argument("--lang", default="id", choices=("id", "en"))
    ap.add_argument("-o", "--output", default=str(ROOT / "reports" / "viewer.png"))
    ap.add_argument("--size", default="1400x860", help="window WIDTHxHEIGHT in CSS pixels")
    a = ap.parse_args(argv)
    if CHROMIUM is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    config = CheckConfig(lang=a.lang)
    result = audit(a.report, config)
    path = Path(a.report).resolve()
    shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
    rules = active_rules(config)
    ri = ReportInput(path=shown, document=result.document, findings=result.findings, rules=rules,
                     severities={r.id: config.severity_for(r.id, r.severity) for r in rules}, lang=a.lang)
    pick = next((i + 1 for i, f in enumerate(ri.findings) if f.rule == a.rule and f.severity == "error" and f.bbox),
                next((i + 1 for i, f in enumerate(ri.findings) if f.bbox), 1))
    width, height = (int(x) for x in a.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="lkip-viewer-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html_report.render(ri), encoding="utf-8")
        print(f"{shown}: {len(ri.findings)} findings, HTML {page.stat().st_size:,} bytes")
        browser = Chromium(Path(tmp) / "profile", width, height)
        try:
            browser.open(page.as_uri() + f"#f{pick}")
            n = ri.findings[pick - 1].page
            browser.wait(f"document.getElementById('pageimg').getAttribute('data-decoded')==='{n}'")
            browser.js("document.getElementById('explain').open=false")
            out = Path(a.output)
            out.parent.mkdir(parents=True, exist_ok=True)
            browser.screenshot(out)
        finally:
            status = browser.close()
    print(f"screenshot of finding {pick} ({ri.findings[pick - 1].rule}, page {n}): {out} ({out.stat().st_size:,} bytes)")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
