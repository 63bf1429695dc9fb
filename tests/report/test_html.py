"""The HTML report: escaped, self-contained, and it really shows rows and crops in a browser.

The browser tests drive Debian's chromium headless (`.ci/run` installs it) with
--dump-dom: the report's own script records, after window.onload, how many
finding rows the DOM has and how many crop images decoded (naturalWidth > 0).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lkip_audit.report import html as html_report
from lkip_audit.report.base import ReportInput

from .conftest import report_input

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
SCRIPT = "<script>alert(1)</script>"


def chromium(page: Path, tmp: Path, *extra: str) -> str:
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=5000", *extra, page.as_uri()]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    return proc.stdout


def body_attrs(dom: str) -> dict[str, str]:
    m = re.search(r"<body([^>]*)>", dom)
    assert m, dom[:500]
    return dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))


def xss_pdf(path: Path) -> None:
    """A one-table LKIP page whose row label is a script tag and whose JUMLAH is wrong:
    100.000 + 250.000 = 350.000, printed 300.000 (so SUM001 reports it, with the script row as an addend)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.lib.styles import getSampleStyleSheet

    st = getSampleStyleSheet()
    data = [["NO", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)"],
            ["1", SCRIPT, "100.000", "90.000"],
            ["2", "Belanja Modal", "250.000", "200.000"],
            ["", "JUMLAH", "300.000", "290.000"]]
    tb = Table(data, colWidths=[30, 220, 110, 110])
    tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black), ("ALIGN", (2, 1), (-1, -1), "RIGHT")]))
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph("Tabel 3.1 Realisasi Anggaran Tahun 2024", st["Normal"]), tb])


@pytest.fixture(scope="module")
def xss_report(tmp_path_factory) -> ReportInput:
    pdf = tmp_path_factory.mktemp("xss") / "xss.pdf"
    xss_pdf(pdf)
    from lkip_audit.check.config import CheckConfig
    from lkip_audit.check.engine import active_rules
    from lkip_audit.extract.pdf import read_document
    from lkip_audit.pipeline import check_document

    res = check_document(read_document(str(pdf)), CheckConfig())
    return ReportInput(path=str(pdf), document=res.document, findings=res.findings, rules=active_rules(CheckConfig()))


def test_document_text_is_escaped(xss_report: ReportInput):
    texts = [f.row for f in xss_report.findings] + [loc.row for f in xss_report.findings for loc in f.related]
    assert SCRIPT in texts, "the sample must put the script cell into a finding"
    out = html_report.render(xss_report)
    assert "<script>alert" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert out.count("<script>") == 1  # the report's own filter script, allowed by hash in the CSP


def test_html_is_self_contained(dinkes: ReportInput):
    out = html_report.render(dinkes)
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", out)
    assert "default-src &#x27;none&#x27;" in out  # CSP, attribute-escaped
    assert out.count('<tbody class="finding') == len(dinkes.findings)


@needs_chromium
def test_script_cell_shows_as_text_in_the_browser(xss_report: ReportInput, tmp_path):
    page = tmp_path / "xss.html"
    page.write_text(html_report.render(xss_report), encoding="utf-8")
    dom = chromium(page, tmp_path, "--dump-dom")
    attrs = body_attrs(dom)
    assert attrs.get("data-ready") == "1", "the report's own script must run (CSP hash)"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # serialized as text, not an element
    assert len(re.findall(r"<script\b", dom)) == 1


@needs_chromium
def test_bkd_report_rows_and_crops_load_in_chromium(bkd: ReportInput, tmp_path):
    page = tmp_path / "lkip-bkd-banten-2024.html"
    page.write_text(html_report.render(bkd), encoding="utf-8")
    attrs = body_attrs(chromium(page, tmp_path, "--dump-dom"))
    assert attrs["data-ready"] == "1"
    assert int(attrs["data-finding-rows"]) == len(bkd.findings) > 0
    # every finding with a page gets a crop (plus crops of related cells elsewhere); all must decode
    with_page = sum(1 for f in bkd.findings if f.page)
    assert int(attrs["data-images-total"]) >= with_page
    assert attrs["data-images-loaded"] == attrs["data-images-total"]
    shots = Path(os.environ.get("LKIP_SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "lkip-bkd-banten-2024.html.png"
    chromium(page, tmp_path, "--window-size=1280,2400", f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
