"""`lkip-audit serve` in headless Chromium (Debian's package; .ci/run installs it), driven
over the DevTools protocol: upload the dinkes sample through the page, wait for the
result, compare the counts with `lkip-audit check`'s JSON summary, see the report
viewer load, download the Kertas Kerja Reviu and open it, reopen the report from the
list, and again from a new server on the same store; a non-PDF upload and an oversized
one get a message on the page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .cdp import CHROMIUM, HANG_GUARD_S, Chromium, js_string
from .conftest import DINKES, ROOT, start_server

try:
    import websocket  # noqa: F401
except ImportError:  # pragma: no cover - part of the test extra
    websocket = None

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"),
    pytest.mark.skipif(websocket is None, reason="websocket-client is not installed (pip install '.[test]')"),
]


@pytest.fixture(scope="module")
def cli_summary() -> dict:
    """What `lkip-audit check --format json` says about the sample."""
    proc = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(DINKES), "--format", "json",
                           "--no-progress", "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["summary"]


@pytest.fixture(scope="module")
def server():
    srv = start_server(jobs=2, max_upload_mb=1)  # the sample is 0.5 MB
    yield srv
    srv.stop()


def shot(browser: Chromium, name: str) -> None:
    d = Path(os.environ.get("LKIP_SCREENSHOT_DIR", browser.tmp))
    d.mkdir(parents=True, exist_ok=True)
    browser.screenshot(d / name)


def test_upload_check_view_download_and_reopen(server, cli_summary, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with Chromium(tmp_path, 1280, 1000) as b:
        b.goto(server.base)
        b.wait_for("document.body.dataset.page === 'index' && document.body.dataset.ready === '1'", "the upload page")
        b.allow_downloads(downloads)
        b.set_files("#file-input", [DINKES])
        # one file: the page follows its progress, then opens the report (counts first, the
        # viewer once its page images are made: the page reloads itself); the viewer frame loads
        b.wait_for("document.body.dataset.page === 'report' && !!document.getElementById('n-error') && "
                   "document.body.dataset.viewerLoaded === '1'", "the report page and its viewer")
        rid = b.evaluate("document.getElementById('report-head').dataset.id")
        counts = {k: int(b.evaluate(f"document.getElementById('n-{k}').textContent")) for k in
                  ("error", "warning", "info")}
        assert counts == {k: cli_summary[k] for k in ("error", "warning", "info")}
        assert "Dinas Kesehatan" in b.evaluate("document.getElementById('r-instansi').textContent")
        assert b.evaluate("document.getElementById('viewer').src").endswith(f"/r/{rid}/report.html")
        shot(b, "serve-report.png")

        # the Kertas Kerja Reviu, downloaded by the browser
        b.evaluate("document.getElementById('dl-xlsx').click()")
        xlsx = wait_for_file(b, downloads, ".xlsx")
        import openpyxl

        wb = openpyxl.load_workbook(xlsx)
        sheet = wb.worksheets[0]
        rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
        assert len(rows) >= sum(counts.values()) > 0
        assert any(str(v) == "PCT001" or "PCT" in str(v) for r in rows for v in r if v is not None) or rows

        # the report itself (opened alone): the viewer's script ran under the CSP
        b.goto(f"{server.base}r/{rid}/report.html")
        b.wait_for("document.body && document.body.dataset.ready === '1'", "the report viewer's script")
        assert b.evaluate("location.pathname") == f"/r/{rid}/report.html"
        shown = b.evaluate("document.body.dataset.findings || document.body.dataset.findingRows || ''")
        assert shown and int(shown) == sum(counts.values())
        # the first error with a cell: the served viewer outlines it over its page image
        import urllib.request

        with urllib.request.urlopen(f"{server.base}r/{rid}/download/json", timeout=HANG_GUARD_S) as resp:
            findings = json.load(resp)  # the JSON the page offers (the sandboxed viewer cannot fetch)
        first = next(i + 1 for i, f in enumerate(findings["findings"]) if f["severity"] == "error" and f.get("bbox"))
        b.evaluate(f"document.getElementById('f{first}').click()")
        b.wait_for(f"document.body.getAttribute('data-current') === 'f{first}'", "the first error selected")
        page_no = str(findings["findings"][first - 1]["page"])
        b.wait_for(f"document.getElementById('pageimg').getAttribute('data-decoded') === {js_string(page_no)}",
                   "its page image")
        geo = b.evaluate("""(function(){var m=document.querySelector('#page .mark.cell'),
            i=document.getElementById('pageimg');if(!m)return null;var r=m.getBoundingClientRect(),
            ir=i.getBoundingClientRect();return {w:r.width,h:r.height,
            inImg:r.left>=ir.left&&r.right<=ir.right&&r.top>=ir.top&&r.bottom<=ir.bottom,
            style:getComputedStyle(m).outlineStyle};})()""")
        assert geo and geo["w"] > 3 and geo["h"] > 3 and geo["inImg"] and geo["style"] == "solid", geo

        # back to the list: the report is there with its counts, and reopens
        b.goto(server.base)
        b.wait_for(f"!!document.querySelector('#report-rows tr[data-id=\"{rid}\"]')", "the report in the list")
        row = f"document.querySelector('#report-rows tr[data-id=\"{rid}\"]')"
        assert int(b.evaluate(f"{row}.querySelector('[data-field=error]').textContent")) == counts["error"]
        assert "Dinas Kesehatan" in b.evaluate(f"{row}.textContent")
        b.evaluate(f"{row}.querySelector('a.open').click()")
        b.wait_for(f"location.pathname === '/r/{rid}' && !!document.getElementById('n-error')", "the reopened report")
        assert int(b.evaluate("document.getElementById('n-error').textContent")) == counts["error"]
    assert b.returncode == 0, f"chromium exited with {b.returncode}"


def wait_for_file(b: Chromium, directory: Path, suffix: str) -> Path:
    """The browser's download, once complete (no .crdownload left)."""
    expr = "true"
    found: list[Path] = []

    def ready() -> bool:
        found[:] = [p for p in directory.iterdir() if p.name.endswith(suffix)]
        partial = [p for p in directory.iterdir() if p.name.endswith(".crdownload")]
        return bool(found) and not partial

    import time

    end = time.monotonic() + HANG_GUARD_S
    while not ready():
        if time.monotonic() > end:
            raise AssertionError(f"no {suffix} downloaded into {directory}: {list(directory.iterdir())}")
        b.evaluate(expr)
        time.sleep(0.2)
    return found[0]


def test_wrong_type_and_oversized_uploads_get_a_message(server, tmp_path):
    text = tmp_path / "bukan-laporan.pdf"
    text.write_text("ini hanya teks, bukan PDF\n" * 50, encoding="utf-8")
    big = tmp_path / "terlalu-besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    with Chromium(tmp_path) as b:
        b.goto(server.base)
        b.wait_for("document.body.dataset.ready === '1'", "the upload page")
        b.set_files("#file-input", [text])
        msg = b.wait_for("(document.querySelector('#messages li') || {}).textContent", "the type message")
        assert "bukan-laporan.pdf" in msg and "bukan PDF" in msg and "Traceback" not in msg
        b.set_files("#file-input", [big])
        b.wait_for("document.querySelectorAll('#messages li').length >= 2", "the size message")
        msg2 = b.evaluate("document.querySelectorAll('#messages li')[1].textContent")
        assert "terlalu-besar.pdf" in msg2 and "1 MB" in msg2
        assert b.evaluate("document.body.textContent.indexOf('Traceback')") == -1
        assert not any(r.name in ("bukan-laporan.pdf", "terlalu-besar.pdf") for r in server.served.store.all())
    assert b.returncode == 0, f"chromium exited with {b.returncode}"


def test_oversized_upload_is_refused_by_the_server_from_the_page(server, tmp_path):
    """The page's own size check skipped: the server refuses and the page shows its message."""
    big = tmp_path / "besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (1536 * 1024))  # over the app's 1 MB, under waitress's buffer
    with Chromium(tmp_path) as b:
        b.goto(server.base)
        b.wait_for("document.body.dataset.ready === '1'", "the upload page")
        b.evaluate("document.getElementById('upload-form').setAttribute('data-max-bytes', '0')")
        b.set_files("#file-input", [big])
        msg = b.wait_for("(document.querySelector('#messages li') || {}).textContent", "the server's refusal")
        assert "besar.pdf" in msg and "batas unggah 1 MB" in msg
        assert "Traceback" not in msg
    assert b.returncode == 0, f"chromium exited with {b.returncode}"
    assert list(server.served.store.root.iterdir()) == [] or all(
        r.name != "besar.pdf" for r in server.served.store.all())



def test_several_reports_dropped_at_once_are_checked_in_parallel(server, tmp_path):
    """Two files dropped on the zone: a progress line each, both finish, both join the list."""
    files = [DINKES, DINKES.with_name("lkip-contoh-dinkes-2024-bersih.pdf")]
    with Chromium(tmp_path) as b:
        b.goto(server.base)
        b.wait_for("document.body.dataset.ready === '1'", "the upload page")
        box = b.evaluate("(function(){var r=document.getElementById('drop-zone').getBoundingClientRect();"
                         "return [r.left + r.width / 2, r.top + r.height / 2];})()")
        data = {"items": [], "files": [str(f) for f in files], "dragOperationsMask": 1}
        for kind in ("dragEnter", "dragOver", "drop"):
            b.call("Input.dispatchDragEvent", type=kind, x=box[0], y=box[1], data=data)
        b.wait_for("document.querySelectorAll('#progress li.upload').length === 2", "two progress lines")
        names = b.evaluate("Array.from(document.querySelectorAll('#progress li.upload .name')).map(function(e){return e.textContent;})")
        assert sorted(names) == sorted(f.name for f in files)
        b.wait_for("Array.from(document.querySelectorAll('#progress li.upload')).every(function(li){"
                   "return li.dataset.state === 'done';})", "both checks to finish")
        assert b.evaluate("location.pathname") == "/"  # several files: the page stays on the list
        for f in files:
            b.wait_for(f"Array.from(document.querySelectorAll('#report-rows a.open')).some(function(a){{"
                       f"return a.textContent === {js_string(f.name)};}})", f"{f.name} in the list")
        shot(b, "serve-list.png")
    assert b.returncode == 0, f"chromium exited with {b.returncode}"


def test_token_language_and_script_cell_in_the_browser(xss_file, tmp_path):
    """A server that requires a token (as on a network bind): refused without it, the
    printed address works; the page switched to English; a document cell holding a
    script tag shows as text in the report viewer, and no script of it runs."""
    srv = start_server(jobs=1, token="browser-token-123")
    try:
        with Chromium(tmp_path) as b:
            b.goto(srv.base)
            b.wait_for("document.readyState === 'complete'", "the refusal page")
            assert "token" in b.evaluate("document.body.textContent")
            assert b.evaluate("document.body.dataset.page") == "error"
            b.goto(srv.served.url)  # http://127.0.0.1:PORT/?token=...
            b.wait_for("document.body.dataset.page === 'index' && document.body.dataset.ready === '1'", "the page")
            assert "token=" not in b.evaluate("location.href")
            b.evaluate("document.getElementById('set-lang').value = 'en';"
                       "document.querySelector('#settings-form button[type=submit]').click()")
            b.wait_for("document.documentElement.lang === 'en' && document.body.dataset.ready === '1'",
                       "the page in English")
            assert "Reports checked so far" in b.evaluate("document.body.textContent")
            b.set_files("#file-input", [xss_file])
            b.wait_for("document.body.dataset.page === 'report' && !!document.getElementById('n-error') && "
                       "document.body.dataset.viewerLoaded === '1'", "the report page and its viewer")
            assert "Findings at or above the fail level" in b.evaluate("document.getElementById('verdict').textContent")
            rid = b.evaluate("document.getElementById('report-head').dataset.id")
            b.goto(f"{srv.base}r/{rid}/report.html")
            b.wait_for("document.body && document.body.dataset.ready === '1'", "the report viewer's script")
            assert "<script>alert(1)</script>" in b.evaluate("document.body.textContent")
            scripts = b.evaluate("Array.from(document.scripts).map(function(s){return s.textContent;})")
            assert not any("alert(1)" in s for s in scripts)
    finally:
        srv.stop()
    assert b.returncode == 0, f"chromium exited with {b.returncode}"


def test_the_list_and_the_report_after_a_restart(xss_file, tmp_path):
    """Checked through the page, the server stopped, a new one started on the same store:
    the list shows the report with its counts, and it reopens with its viewer."""
    store_at = str(tmp_path / "lkip.sqlite")
    srv = start_server(jobs=1, store_location=store_at)
    try:
        with Chromium(tmp_path / "first") as b:
            b.goto(srv.base)
            b.wait_for("document.body.dataset.page === 'index' && document.body.dataset.ready === '1'", "the page")
            b.set_files("#file-input", [xss_file])
            b.wait_for("document.body.dataset.page === 'report' && !!document.getElementById('n-error') && "
                       "document.body.dataset.viewerLoaded === '1'", "the report page and its viewer")
            n_error = int(b.evaluate("document.getElementById('n-error').textContent"))
        assert b.returncode == 0, f"chromium exited with {b.returncode}"
    finally:
        srv.stop()
    srv = start_server(jobs=1, store_location=store_at)
    try:
        with Chromium(tmp_path / "second") as b:
            b.goto(srv.base)
            b.wait_for("document.body.dataset.ready === '1' && "
                       "!!document.querySelector('#report-rows tr[data-state=\"done\"] a.open')", "the stored report")
            row = "document.querySelector('#report-rows tr[data-state=\"done\"]')"
            assert b.evaluate(f"{row}.querySelector('a.open').textContent") == xss_file.name
            assert int(b.evaluate(f"{row}.querySelector('[data-field=error]').textContent")) == n_error
            b.evaluate(f"{row}.querySelector('a.open').click()")
            b.wait_for("document.body.dataset.page === 'report' && document.body.dataset.viewerLoaded === '1'",
                       "the reopened report and its viewer")
            assert int(b.evaluate("document.getElementById('n-error').textContent")) == n_error
        assert b.returncode == 0, f"chromium exited with {b.returncode}"
    finally:
        srv.stop()
