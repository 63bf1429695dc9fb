"""The HTML report viewer: escaped, self-contained, one image per page, and it works in a browser.

The browser tests drive Debian's chromium headless over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: no extra package, no port, no browser download). They wait
for what they assert (the viewer's ready flag, the page image decoded) instead of giving
the page a fixed virtual-time budget, and check chromium's exit status.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import select
import shutil
import subprocess
from pathlib import Path

import pytest
from markupsafe import escape

from lkip_audit.report import html as html_report
from lkip_audit.report.base import ReportInput

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
SCRIPT = "<script>alert(1)</script>"
LIMIT = 8 * 1024 * 1024  # issue #15: the self-contained file stays under 8 MB
HANG_GUARD_S = 300  # only against a browser that stopped answering; nothing asserts how long a step took


class Chromium:
    """Headless chromium over the DevTools protocol on fd 3 (commands) and fd 4 (replies),
    NUL-separated JSON. ``wait`` evaluates a condition in the page until it holds."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 900):
        cmd_r, cmd_w = os.pipe()
        rep_r, rep_w = os.pipe()

        def fds():  # in the child: our pipe ends as its (inheritable) fd 3 and 4
            a, b = os.dup(cmd_r), os.dup(rep_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--hide-scrollbars", f"--user-data-dir={profile}", "--remote-debugging-pipe",
                f"--window-size={width},{height}", "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(cmd_r)
        os.close(rep_w)
        self.w, self.r = os.fdopen(cmd_w, "wb", buffering=0), os.fdopen(rep_r, "rb", buffering=0)
        self.buf, self.n, self.session = b"", 0, None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable")
        # a script error in the page is recorded (DevTools scripts are not subject to the page's CSP)
        self.call("Page.addScriptToEvaluateOnNewDocument", source="window.addEventListener('error',function(e){"
                  "document.documentElement.setAttribute('data-js-error',String(e.message));});")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def call(self, method: str, **params):
        self.n += 1
        msg = {"id": self.n, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        self.w.write(json.dumps(msg).encode("utf-8") + b"\0")
        while True:
            while b"\0" not in self.buf:
                ready, _, _ = select.select([self.r], [], [], HANG_GUARD_S)
                chunk = self.r.read(1 << 16) if ready else b""
                if not chunk:
                    raise RuntimeError(f"chromium stopped answering {method}: "
                                       + self.proc.stderr.read1(4000).decode(errors="replace"))
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            m = json.loads(raw)
            if m.get("id") == self.n:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})

    def js(self, expr: str):
        r = self.call("Runtime.evaluate", expression=expr, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"])
        return r["result"].get("value")

    def wait(self, condition: str):
        """Evaluate ``condition`` (a JS expression) until it is truthy; its value."""
        return self.js("new Promise(function(done){(function poll(){var v;try{v=(" + condition + ");}catch(e){v=null;}"
                       "if(v){done(v);}else{setTimeout(poll,25);}})();})")

    def open(self, url: str) -> None:
        """Load the page and wait until the viewer's script says it is ready (or a script failed)."""
        self.call("Page.navigate", url=url)
        self.wait("document.documentElement.getAttribute('data-js-error')||(document.readyState==='complete'"
                  "&&document.body&&document.body.getAttribute('data-ready')==='1')")
        self.check()

    def check(self) -> None:
        """No script error so far."""
        err = self.js("document.documentElement.getAttribute('data-js-error')")
        assert err is None, f"script error in the page: {err}"

    def key(self, key: str) -> None:
        """Press and release one key: a character ("j") or a named key ("ArrowDown")."""
        named = {"ArrowDown": 40, "ArrowUp": 38}
        extra = {"text": key} if len(key) == 1 else {"code": key, "windowsVirtualKeyCode": named[key]}
        self.call("Input.dispatchKeyEvent", type="keyDown", key=key, **extra)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, **{k: v for k, v in extra.items() if k != "text"})

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))

    def close(self) -> int:
        """Close the browser; its exit status."""
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.w.close()
        self.r.close()
        try:
            return self.proc.wait(timeout=HANG_GUARD_S)
        finally:
            self.proc.stderr.close()


@pytest.fixture
def browser(tmp_path):
    b = Chromium(tmp_path / "profile")
    try:
        yield b
        b.check()  # no script error while the test clicked and typed
    finally:
        status = b.close()
    assert status == 0, "chromium must exit cleanly"


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


@pytest.fixture(scope="module")
def bkd_html(bkd: ReportInput) -> str:
    return html_report.render(bkd)


@pytest.fixture(scope="module")
def dinkes_html(dinkes: ReportInput) -> str:
    return html_report.render(dinkes)


def data_uris(out: str) -> list[str]:
    return re.findall(r'"src": ?"(data:image/[^"]+)"', out)


# -- the file ---------------------------------------------------------------------------

def test_document_text_is_escaped(xss_report: ReportInput):
    texts = [f.row for f in xss_report.findings] + [loc.row for f in xss_report.findings for loc in f.related]
    assert SCRIPT in texts, "the sample must put the script cell into a finding"
    out = html_report.render(xss_report)
    assert "<script>alert" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert out.count("<script>") == 1  # the viewer's own script, allowed by hash in the CSP
    # the JSON handed to the script cannot close its element either
    for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', out, re.S):
        assert "<" not in block


def test_csp_allows_exactly_the_viewers_script(dinkes: ReportInput, dinkes_html: str):
    out = dinkes_html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', out).group(1)
    csp = csp.replace("&#39;", "'").replace("&#x27;", "'")
    assert csp.startswith("default-src 'none'; img-src data:;")
    script = re.search(r"<script>(.*?)</script>", out, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    style = re.search(r"<style>(.*?)</style>", out, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp and "unsafe-inline" not in csp


def test_html_is_self_contained_with_one_image_per_page(dinkes: ReportInput, dinkes_html: str):
    out = dinkes_html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", out)
    assert "default-src &#39;none&#39;" in out or "default-src &#x27;none&#x27;" in out  # CSP, attribute-escaped
    assert out.count('<li class="finding') == len(dinkes.findings)
    pages = {f.page for f in dinkes.findings if f.page} | {loc.page for f in dinkes.findings for loc in f.related
                                                           if loc.page and loc.bbox}
    uris = data_uris(out)
    assert len(uris) == len(pages) < len(dinkes.findings)  # once per page, not once per finding
    assert len(set(uris)) == len(uris)


def test_every_finding_carries_its_rules_explanation(dinkes: ReportInput, dinkes_html: str):
    from lkip_audit.report.explain import explain

    out = dinkes_html
    for rule in {f.rule for f in dinkes.findings}:
        assert f'<details id="rule-{rule}">' in out and f'href="#rule-{rule}"' in out
        r = next(r for r in dinkes.rules if r.id == rule)
        first_line = explain(r, "id", severity=dinkes.severity_of(r)).splitlines()[0]
        assert str(escape(first_line)) in out


def test_english_viewer(dinkes: ReportInput):
    from dataclasses import replace

    out = html_report.render(replace(dinkes, lang="en"))
    assert 'lang="en"' in out and "Search" in out and "Cari" not in out


def test_bkd_html_is_under_8_mb(bkd_html: str, capsys):
    size = len(bkd_html.encode("utf-8"))
    with capsys.disabled():
        print(f"\nBKD self-contained HTML: {size:,} bytes ({size / 1024 / 1024:.2f} MB), "
              f"{len(data_uris(bkd_html))} page images")
    assert size < LIMIT


def test_hundred_pages_with_200_findings_stay_under_8_mb(tmp_path, capsys):
    """The worst case the issue names: every page of a 100-page report has findings (two each),
    the pages are the BKD sample's own (tables, text, a scan) plus two repeated."""
    from pypdf import PdfReader, PdfWriter

    from lkip_audit.extract.model import Document, Page
    from lkip_audit.findings import Finding, Location

    from .conftest import BKD

    reader, writer = PdfReader(str(BKD)), PdfWriter()
    for i in list(range(len(reader.pages))) + [10, 20]:
        writer.add_page(reader.pages[i])
    pdf = tmp_path / "seratus.pdf"
    with pdf.open("wb") as fh:
        writer.write(fh)
    pages = [Page(number=i + 1, width=595.3, height=841.9, text="") for i in range(100)]
    doc = Document(path=str(pdf), sha256="0" * 64, page_count=100, pages=pages, tables=[])
    findings = []
    for i in range(200):
        p = i // 2 + 1
        box = [300.0, 100.0 + (i % 2) * 300, 380.0, 114.0 + (i % 2) * 300]
        findings.append(Finding(rule="PCT001", severity="error", message=f"temuan {i}", page=p, table="3.1",
                                row=f"baris {i}", column="%", expected="1", actual="2", bbox=box,
                                related=[Location(page=(p % 100) + 1, table="3.1", row="r", column="c", bbox=box)]))
    out = html_report.render(ReportInput(path=str(pdf), document=doc, findings=findings))
    size = len(out.encode("utf-8"))
    with capsys.disabled():
        print(f"\n100 pages, 200 findings: {size:,} bytes ({size / 1024 / 1024:.2f} MB), "
              f"{len(data_uris(out))} page images")
    assert len(data_uris(out)) == 100
    assert size < LIMIT


def test_page_images_shrink_to_fit_their_budget():
    from lkip_audit.report.crops import render_pages

    from .conftest import BKD

    full = render_pages(str(BKD), [20, 34, 57])
    small = render_pages(str(BKD), [20, 34, 57], budget=3 * 25_000)
    assert sorted(full) == sorted(small) == [20, 34, 57]
    for p in full:
        assert len(small[p].data) <= 25_000 < len(full[p].data)
        assert small[p].width < full[p].width  # smaller pictures, not only coarser ones
        assert small[p].data_uri().startswith("data:image/webp;base64,")
    assert render_pages(str(BKD), [34]) == {34: full[34]}  # the same bytes every time


def test_a_sentence_is_found_across_line_breaks_and_hyphens():
    from lkip_audit.report.crops import _compact, _find, _lines

    page = "Judul\r\nHasil peng-\r\nukuran terhadap 2 (dua) Indikator;\r\nberikutnya di halaman"
    hay, index = _compact(page)
    span = _find(hay, _compact("Hasil pengukuran terhadap 2 (dua) Indikator; berikutnya")[0])
    assert span is not None
    assert page[index[span[0]]:index[span[1] - 1] + 1] == "Hasil peng-\r\nukuran terhadap 2 (dua) Indikator;\r\nberikutnya"
    # cut by the page end: as much of its beginning as is printed here
    span = _find(hay, _compact("berikutnya di halaman sebelas yang tidak ada di sini")[0])
    assert page[index[span[0]]:index[span[1] - 1] + 1] == "berikutnya di halaman"
    assert _find(hay, _compact("kalimat lain sama sekali")[0]) is None
    assert _find(hay, _compact("Hasil")[0]) is None  # too short to place
    # character boxes in reading order become one box per printed line
    chars = [(10, 100, 15, 110), (15, 100, 20, 110), (10, 114, 15, 124), (15, 114, 40, 124)]
    assert _lines(chars) == [(10, 100, 20, 110), (10, 114, 40, 124)]


def test_marks_of_a_cell_and_of_a_sentence(bkd: ReportInput):
    from lkip_audit.report.crops import sentence_boxes

    cell = next(f for f in bkd.findings if f.bbox and f.severity == "error")
    marks = html_report.finding_marks(bkd, cell)
    kinds = [m[0] for m in marks if m[1] == cell.page]
    assert "cell" in kinds and "row" in kinds
    got = next(m for m in marks if m[0] == "cell")
    assert got[2:] == [round(v, 1) for v in cell.bbox]
    nar = next(f for f in bkd.findings if f.detail.get("sentence") and f.page)
    boxes = sentence_boxes(bkd.document.path, {nar.page: [nar.detail["sentence"]]})
    marks = html_report.finding_marks(bkd, nar, boxes)
    lines = [m for m in marks if m[0] == "sentence"]
    assert lines and all(m[1] == nar.page and m[4] > m[2] and m[5] > m[3] for m in lines)


def test_served_viewer_fetches_page_images_by_url(dinkes: ReportInput):
    out = html_report.render_viewer(dinkes, page_image_url="/laporan/abc/halaman/{page}")
    assert not data_uris(out)
    page = next(f.page for f in dinkes.findings if f.page)
    assert f'"src": "/laporan/abc/halaman/{page}"' in out or f'"src":"/laporan/abc/halaman/{page}"' in out
    assert "img-src &#39;self&#39; data:" in out or "img-src &#x27;self&#x27; data:" in out
    out2 = html_report.render_viewer(dinkes, page_image_url=lambda p: f"/p{p}.webp")
    assert f"/p{page}.webp" in out2


# -- in the browser ---------------------------------------------------------------------

@needs_chromium
def test_script_cell_shows_as_text_in_the_browser(xss_report: ReportInput, tmp_path, browser: Chromium):
    page = tmp_path / "xss.html"
    page.write_text(html_report.render(xss_report), encoding="utf-8")
    browser.open(page.as_uri())  # data-ready="1": the viewer's own script ran (CSP hash)
    assert browser.js("document.querySelectorAll('script:not([type])').length") == 1
    assert browser.js("Array.from(document.querySelectorAll('li.finding')).some("
                      "function(li){return li.textContent.indexOf('<script>alert(1)</script>')>=0;})")
    assert browser.js("window.alert.toString().indexOf('native code')>=0")


@needs_chromium
def test_bkd_viewer_filters_outline_and_keys(bkd: ReportInput, bkd_html: str, tmp_path, browser: Chromium):
    page = tmp_path / "lkip-bkd-banten-2024.html"
    page.write_text(bkd_html, encoding="utf-8")
    browser.open(page.as_uri())
    n = len(bkd.findings)
    assert browser.js("document.body.getAttribute('data-findings')") == str(n)
    assert browser.js("document.body.getAttribute('data-shown')") == str(n)

    # on opening, the first finding of the list is selected and its cell or sentence is outlined in view
    current = browser.js("document.body.getAttribute('data-current')")
    opened = bkd.findings[int(current[1:]) - 1]
    assert opened.page and (opened.bbox or opened.detail.get("sentence"))
    assert browser.wait(f"document.getElementById('pageimg').getAttribute('data-decoded')==='{opened.page}'")
    assert browser.js("""(function(){var b=document.getElementById('pagebox').getBoundingClientRect(),
        i=document.getElementById('pageimg').getBoundingClientRect(),
        ms=document.querySelectorAll('#page .mark.cell, #page .mark.sentence');
        return ms.length>0&&Array.from(ms).every(function(m){var r=m.getBoundingClientRect();
        return r.width>3&&r.left>=i.left&&r.right<=i.right&&r.top>=b.top&&r.bottom<=b.bottom;});})()""")

    # filters: severity, rule, table, text; each shows exactly the findings that match
    def choose(key: str, value: str) -> int:
        browser.js(f"(function(){{var s=document.getElementById('f-{key}');s.value={json.dumps(value)};"
                   "s.dispatchEvent(new Event('change'));})()")
        return int(browser.js("document.body.getAttribute('data-shown')"))

    errors = [f for f in bkd.findings if f.severity == "error"]
    assert choose("severity", "error") == len(errors) < n
    assert browser.js("Array.from(document.querySelectorAll('li.finding')).every(function(li){"
                      "return li.hidden===(li.getAttribute('data-severity')!=='error');})")
    rule = errors[0].rule
    assert choose("rule", rule) == sum(1 for f in errors if f.rule == rule)
    choose("severity", "")
    assert choose("rule", rule) == sum(1 for f in bkd.findings if f.rule == rule)
    choose("rule", "")
    table = next(f.table for f in bkd.findings if f.table)
    assert choose("table", table) == sum(1 for f in bkd.findings if (f.table or f.table_id or "-") == table)
    choose("table", "")
    word = "koordinasi"
    browser.js("(function(){var s=document.getElementById('f-search');s.value='Koordinasi';"
               "s.dispatchEvent(new Event('input'));})()")
    want = sum(1 for f in bkd.findings if word in " ".join(
        x for x in (f.rule, f.message, f.row, f.column, f.table, f.table_id, f.actual, f.expected,
                    f.detail.get("sentence")) if isinstance(x, str)).lower())
    assert int(browser.js("document.body.getAttribute('data-shown')")) == want > 0
    browser.js("(function(){var s=document.getElementById('f-search');s.value='';"
               "s.dispatchEvent(new Event('input'));})()")
    assert browser.js("document.body.getAttribute('data-shown')") == str(n)

    # the first error with a cell: its outline is drawn over the page image, in view
    first = next(i + 1 for i, f in enumerate(bkd.findings) if f.severity == "error" and f.bbox)
    browser.js(f"document.getElementById('f{first}').click()")
    assert browser.wait(f"document.body.getAttribute('data-current')==='f{first}'")
    page_no = str(bkd.findings[first - 1].page)
    assert browser.wait(f"document.getElementById('pageimg').getAttribute('data-decoded')==={json.dumps(page_no)}")
    geo = browser.js("""(function(){var m=document.querySelector('#page .mark.cell'),i=document.getElementById('pageimg'),
        b=document.getElementById('pagebox');if(!m)return null;var r=m.getBoundingClientRect(),
        ir=i.getBoundingClientRect(),br=b.getBoundingClientRect(),cx=(r.left+r.right)/2,cy=(r.top+r.bottom)/2;
        return {w:r.width,h:r.height,inImg:r.left>=ir.left&&r.right<=ir.right&&r.top>=ir.top&&r.bottom<=ir.bottom,
        inView:r.top>=br.top&&r.bottom<=br.bottom&&r.left>=br.left&&r.right<=br.right,
        over:document.elementFromPoint(cx,cy)===i,natural:i.naturalWidth,
        outline:getComputedStyle(m).outlineStyle+' '+getComputedStyle(m).outlineColor};})()""")
    assert geo and geo["w"] > 3 and geo["h"] > 3, geo
    assert geo["inImg"] and geo["inView"] and geo["over"] and geo["natural"] > 500, geo
    assert geo["outline"].startswith("solid rgb(211, 47, 47)"), geo

    # j / k move between the findings shown, the page follows
    order = browser.js("Array.from(document.querySelectorAll('li.finding')).map(function(li){"
                       "return [li.id, li.getAttribute('data-page')];})")
    at = [i for i, (fid, _) in enumerate(order) if fid == f"f{first}"][0]
    browser.key("j")
    nxt, nxt_page = order[at + 1]
    assert browser.wait(f"document.body.getAttribute('data-current')==='{nxt}'")
    assert browser.js("document.body.getAttribute('data-page-shown')") == nxt_page
    if nxt_page:
        assert browser.wait(f"document.getElementById('pageimg').getAttribute('data-decoded')==='{nxt_page}'")
    browser.key("ArrowDown")
    assert browser.wait(f"document.body.getAttribute('data-current')==='{order[at + 2][0]}'")
    browser.key("k")
    browser.key("k")
    assert browser.wait(f"document.body.getAttribute('data-current')==='f{first}'")
    assert browser.js("document.body.getAttribute('data-page-shown')") == page_no
    assert browser.js("document.getElementById('explain-rule').textContent") == bkd.findings[first - 1].rule
    assert browser.js("document.getElementById('explain-text').textContent").startswith(bkd.findings[first - 1].rule)
    assert browser.js("document.getElementById('explain').open") is False
    browser.js("document.querySelector('#current a.rule').click()")  # the rule id above the page
    assert browser.js("document.getElementById('explain').open") is True
    assert browser.js("document.body.getAttribute('data-current')") == f"f{first}"

    # a related cell on another page: its link shows that page with the cell outlined in blue
    far = next((i + 1, k, m[1]) for i, f in enumerate(bkd.findings)
               for k, m in enumerate([m for m in html_report.finding_marks(bkd, f) if m[0] == "related"])
               if f.page and m[1] != f.page)
    browser.js(f"document.getElementById('f{far[0]}').click()")
    browser.js(f"document.querySelector('#f{far[0]} a.goto[data-mark=\"{far[1]}\"]').click()")
    assert browser.wait(f"document.getElementById('pageimg').getAttribute('data-decoded')==='{far[2]}'")
    assert browser.js("document.body.getAttribute('data-page-shown')") == str(far[2])
    assert browser.js("document.getElementById('pageno').textContent") == f"Halaman {far[2]}"
    assert browser.js("""(function(){var b=document.getElementById('pagebox').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#page .mark.related')).some(function(m){
        var r=m.getBoundingClientRect();return r.width>3&&r.top>=b.top&&r.bottom<=b.bottom;});})()""")
    browser.js(f"document.getElementById('f{first}').click()")

    shots = Path(os.environ.get("LKIP_SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "lkip-bkd-banten-2024.html.png"
    browser.screenshot(shot)
    assert shot.is_file() and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


@needs_chromium
def test_word_draft_shows_its_table_with_the_cell_marked(tmp_path, browser: Chromium):
    """A .docx has no pages: the pane shows the finding's table as HTML, the printed cell marked."""
    from lkip_audit.check.config import CheckConfig
    from lkip_audit.check.engine import active_rules
    from lkip_audit.pipeline import audit
    from tests.extract.test_docx import kegiatan_draft

    path = kegiatan_draft(tmp_path, "99,24")  # 19.879.294 / 20.000.000 x 100 = 99,40
    res = audit(str(path), CheckConfig())
    ri = ReportInput(path=str(path), document=res.document, findings=res.findings, rules=active_rules(CheckConfig()))
    pct = [i + 1 for i, f in enumerate(ri.findings) if f.rule == "PCT001"]
    assert pct and all(f.page is None for f in ri.findings)
    out = html_report.render(ri)
    assert '<td class="cell">99,24</td>' in out
    page = tmp_path / "draf.html"
    page.write_text(out, encoding="utf-8")
    browser.open(page.as_uri())
    browser.js(f"document.getElementById('f{pct[0]}').click()")
    assert browser.wait("document.querySelector('#docx td.cell')&&document.querySelector('#docx td.cell').textContent")\
        == "99,24"
    assert browser.js("document.body.getAttribute('data-page-shown')") == "docx"
    assert browser.js("document.getElementById('page').hidden") is True


@needs_chromium
def test_word_draft_shows_the_related_table_beside_the_findings(tmp_path, browser: Chromium):
    """A cross-table finding of a .docx: the pane shows the finding's table and, below it, the
    other table holding the related cell (Tabel IV.1 of konvensi-lain.docx), that cell marked;
    a sentence's finding shows its paragraph with the sentence marked."""
    from lkip_audit.check.config import CheckConfig
    from lkip_audit.check.engine import active_rules
    from lkip_audit.pipeline import audit
    from tests.report.test_docx_locations import DRAFT, _blocks, _table_after_caption

    _, iv1 = _table_after_caption(_blocks(), "IV.1")  # the value printed there, read from the .docx
    head = [" ".join(c.text.split()) for c in iv1.rows[0].cells]
    row = next(r for r in iv1.rows if any("Jumlah IKM yang tersertifikasi halal" in c.text for c in r.cells))
    value = " ".join(row.cells[head.index("CAPAIAN (%)")].text.split())
    res = audit(str(DRAFT), CheckConfig())
    ri = ReportInput(path=str(DRAFT), document=res.document, findings=res.findings, rules=active_rules(CheckConfig()))
    n = next(i + 1 for i, f in enumerate(ri.findings)
             if f.rule == "XT001" and f.row == "Jumlah IKM yang tersertifikasi halal")
    page = tmp_path / "konvensi.html"
    page.write_text(html_report.render(ri), encoding="utf-8")
    browser.open(page.as_uri())
    browser.js(f"document.getElementById('f{n}').click()")
    assert browser.wait("document.querySelector('#docx td.rel')&&document.querySelector('#docx td.rel').textContent")\
        == value
    assert browser.js("document.querySelectorAll('#docx table.docx').length") == 2
    assert browser.js("document.body.getAttribute('data-page-shown')") == "docx"
    # a sentence's finding: its paragraph in the pane, the sentence marked
    nar = next(i + 1 for i, f in enumerate(ri.findings) if f.rule == "NAR001")
    browser.js(f"document.getElementById('f{nar}').click()")
    assert "89,93%" in browser.wait("document.querySelector('#docx mark')&&document.querySelector('#docx mark').textContent")


@needs_chromium
def test_a_report_without_findings_opens(dinkes: ReportInput, tmp_path, browser: Chromium):
    from dataclasses import replace

    out = html_report.render(replace(dinkes, findings=[]))
    assert "Tidak ada temuan." in out and not data_uris(out)
    page = tmp_path / "bersih.html"
    page.write_text(out, encoding="utf-8")
    browser.open(page.as_uri())
    assert browser.js("document.body.getAttribute('data-findings')") == "0"
    assert browser.js("document.body.getAttribute('data-current')") is None
    browser.key("j")  # nothing to move to, and no error
    assert browser.js("document.getElementById('page').hidden") is True
