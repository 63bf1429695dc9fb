"""`lkip-audit serve` refuses what it must: requests without the token on a network bind,
POSTs without the CSRF token, foreign Host names on a loopback bind, uploads over the
limit or of the wrong type (by content, not name); a traversal file name never reaches
the file system; document text is escaped on every page."""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile

import pytest

from .conftest import DINKES, SCRIPT, Client

PDF_HEAD = b"%PDF-1.4\n"


def test_network_bind_generates_a_token_and_warns_about_tls():
    from lkip_audit.serve import access_policy

    token, messages = access_policy("0.0.0.0", None, "en")
    assert token and len(token) >= 24
    assert any(token in m for m in messages)
    assert any("no TLS" in m for m in messages)
    assert access_policy("192.168.10.5", "given-token", "id")[0] == "given-token"
    assert access_policy("127.0.0.1", None)[0] is None
    assert access_policy("localhost", None) == (None, [])
    assert access_policy("::1", None) == (None, [])


def test_request_without_the_token_is_refused(make_app):
    app, _store = make_app(token="s3cret-token", loopback_only=False)
    http = app.test_client()
    for path in ("/", "/api/reports", "/static/app.js", "/r/0123456789abcdef"):
        r = http.get(path, headers={"Host": "10.1.2.3:8765"})
        assert r.status_code == 401, path
    assert http.get("/?token=wrong", headers={"Host": "10.1.2.3:8765"}).status_code == 401
    assert http.post("/upload", headers={"Host": "10.1.2.3:8765"}).status_code == 401
    # the printed address: the token moves into an HttpOnly cookie, out of the address bar
    r = http.get("/?token=s3cret-token", headers={"Host": "10.1.2.3:8765"})
    assert r.status_code == 302 and "token=" not in r.headers["Location"]
    cookie = r.headers["Set-Cookie"]
    assert "lkip_token=s3cret-token" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert http.get("/", headers={"Host": "10.1.2.3:8765"}).status_code == 200
    other = app.test_client()
    assert other.get("/api/reports", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    assert other.get("/api/reports", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_loopback_bind_answers_only_loopback_host_names(client):
    assert client.http.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.http.get("/", headers={"Host": "[::1]:8765"}).status_code == 200
    r = client.http.get("/api/reports", headers={"Host": "attacker.example:8765"})  # DNS rebinding
    assert r.status_code == 403


def test_post_without_csrf_token_is_refused(client):
    data = DINKES.read_bytes()
    r = client.upload(data, "lkip.pdf", csrf=False)
    assert r.status_code == 403 and "CSRF" in r.get_json()["error"]
    r = client.upload(data, "lkip.pdf", csrf=False, **{"X-CSRF-Token": "forged"})
    assert r.status_code == 403
    r = client.upload(data, "lkip.pdf", Origin="http://attacker.example")
    assert r.status_code == 403
    assert client.http.post("/settings", data={"lang": "en"}).status_code == 403
    assert client.http.post("/r/0123456789abcdef/delete").status_code == 403
    assert client.store.all() == []
    assert not any(client.store.root.iterdir())


def test_every_form_carries_the_csrf_token(client):
    page = client.http.get("/").get_data(as_text=True)
    forms = re.findall(r"<form\b.*?</form>", page, flags=re.S)
    assert forms
    for form in forms:
        if 'method="post"' in form:
            assert f'name="csrf_token" value="{client.csrf}"' in form


def test_security_headers_and_no_inline_script(client):
    r = client.http.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    page = r.get_data(as_text=True)
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts and all('src="/static/' in s for s in scripts)
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)  # no CDN, no network
    assert client.http.get("/static/app.js").status_code == 200


def test_traversal_filename_is_neutralised(client, xss_file, tmp_path):
    before = set(os.listdir("/etc"))
    for name in ("../../etc/passwd", "..\\..\\Windows\\system.ini", "/etc/lkip-audit-test.pdf"):
        r = client.upload(xss_file.read_bytes(), name)
        assert r.status_code == 200, r.get_json()
        rep = r.get_json()["reports"][0]
        assert "/" not in rep["name"] and "\\" not in rep["name"] and ".." not in rep["name"]
        assert re.fullmatch(r"[0-9a-f]{16}", rep["id"])
        j = client.wait(rep["id"])
        assert j["state"] == "done", j
    assert set(os.listdir("/etc")) == before
    # inside the private directory only server-chosen names
    names = {p.relative_to(client.store.root).as_posix() for p in client.store.root.rglob("*")}
    assert all(re.fullmatch(r"[0-9a-f]{16}(/(document\.pdf|report\.(html|json|sarif|md|xlsx)))?", n) for n in names), names
    rid = client.store.all()[0].id
    cd = client.http.get(f"/r/{rid}/download/json").headers["Content-Disposition"]
    assert ".." not in cd and "/" not in cd
    # an id is never a path
    assert client.http.get("/r/..%2F..%2Fetc/download/json").status_code == 404
    assert client.http.get(f"/r/{rid}/download/..%2F..%2Fpasswd").status_code == 404


def test_private_directory_modes_and_deletion(make_app, xss_file):
    app, store = make_app()
    c = Client(app)
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    rid = c.upload(xss_file.read_bytes(), "a.pdf").get_json()["reports"][0]["id"]
    assert c.wait(rid)["state"] == "done"
    d = store.root / rid
    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    assert stat.S_IMODE((d / "document.pdf").stat().st_mode) == 0o600
    assert stat.S_IMODE((d / "report.xlsx").stat().st_mode) == 0o600
    r = c.http.post(f"/r/{rid}/delete", headers={"X-CSRF-Token": c.csrf})
    assert r.status_code == 302 and not d.exists()
    assert c.http.get(f"/r/{rid}").status_code == 404
    store.close()
    assert not store.root.exists()


def test_keep_retains_the_files(make_app, xss_file):
    app, store = make_app(keep=True)
    c = Client(app)
    rid = c.upload(xss_file.read_bytes(), "a.pdf").get_json()["reports"][0]["id"]
    assert c.wait(rid)["state"] == "done"
    store.close()
    try:
        assert (store.root / rid / "document.pdf").is_file() and (store.root / rid / "report.json").is_file()
    finally:
        import shutil

        shutil.rmtree(store.root, ignore_errors=True)


def test_script_in_a_document_cell_renders_as_text(client, xss_file):
    evil_name = "<img src=x onerror=alert(1)>.pdf"  # the file name is shown on the app's own pages
    r = client.upload(xss_file.read_bytes(), evil_name)
    rep = r.get_json()["reports"][0]
    j = client.wait(rep["id"])
    assert j["state"] == "done", j
    assert j["counts"]["error"] >= 1
    import json as _json

    data = _json.loads(client.http.get(f"/r/{rep['id']}/download/json").data)
    texts = [f.get("row") for f in data["findings"]] + [loc.get("row") for f in data["findings"]
                                                       for loc in f.get("related", [])]
    assert SCRIPT in texts, "the sample must put the script cell into a finding"
    for path in ("/", f"/r/{rep['id']}"):
        page = client.http.get(path).get_data(as_text=True)
        assert "<img src=x" not in page, path
        assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in page, path
    page = client.http.get(f"/r/{rep['id']}/report.html").get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    viewer = client.http.get(f"/r/{rep['id']}/report.html")
    csp = viewer.headers["Content-Security-Policy"]
    assert "sandbox allow-scripts" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "'sha256-" in csp  # only the viewer's own script, by the hash its renderer declared


@pytest.mark.parametrize("name,content,word", [
    ("laporan.pdf", b"Ini bukan PDF, hanya teks.\n" * 20, "bukan PDF"),
    ("kosong.pdf", b"", "kosong"),
    ("draf.docx", None, "bukan PDF"),  # a zip without word/document.xml
    ("kertas-kerja.xlsx", "xlsx", "lembar kerja"),
])
def test_wrong_type_gets_a_message_and_no_traceback(client, tmp_path, name, content, word):
    if content is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("readme.txt", "hello")
        content = buf.getvalue()
    elif content == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        wb.active["A1"] = "x"
        wb.save(tmp_path / "k.xlsx")
        content = (tmp_path / "k.xlsx").read_bytes()
    r = client.upload(content, name)
    assert r.status_code == 415
    body = r.get_json()
    assert body["reports"] == [] and word in body["errors"][0] and name in body["errors"][0]
    assert "Traceback" not in r.get_data(as_text=True)
    # a plain form (no script) gets a page with the message
    r = client.upload(content, name, json=False)
    page = r.get_data(as_text=True)
    assert r.status_code == 415 and word in page and "Traceback" not in page
    assert client.store.all() == [] and not any(client.store.root.iterdir())


def test_type_is_decided_by_content_not_name(client, xss_file):
    r = client.upload(xss_file.read_bytes(), "laporan.docx")  # a PDF with a Word name
    assert r.status_code == 200
    rid = r.get_json()["reports"][0]["id"]
    assert client.store.get(rid).kind == "pdf"
    assert client.wait(rid)["state"] == "done"


def test_upload_over_the_limit_is_refused(make_app):
    app, store = make_app(max_upload_bytes=200_000)
    c = Client(app)
    r = c.upload(PDF_HEAD + b"0" * 400_000, "besar.pdf")
    assert r.status_code == 413
    assert "batas unggah" in r.get_json()["error"] and "Traceback" not in r.get_data(as_text=True)
    assert store.all() == [] and not any(store.root.iterdir())


def test_unreadable_pdf_is_a_failed_report_with_the_readers_message(client):
    r = client.upload(PDF_HEAD + b"1 0 obj << /Type /Catalog >> endobj\n" * 3, "rusak.pdf")
    assert r.status_code == 200
    j = client.wait(r.get_json()["reports"][0]["id"])
    assert j["state"] == "failed" and j["status"] == 3
    assert "rusak.pdf" in j["message"] and "Traceback" not in j["message"]
    assert client.store.root.as_posix() not in j["message"]


def test_settings_are_validated_and_used(client, xss_file):
    bad = client.http.post("/settings", data={"csrf_token": client.csrf, "lang": "en", "fail_on": "never",
                                              "kategori": "Baik=abc"})
    assert bad.status_code == 400 and "kategori" in bad.get_data(as_text=True)
    ok = client.http.post("/settings", data={"csrf_token": client.csrf, "lang": "en", "fail_on": "never",
                                             "kategori": "Sangat Baik=>=91;Baik=76-90;Cukup=<=75"})
    assert ok.status_code == 302
    page = client.http.get("/").get_data(as_text=True)
    assert 'lang="en"' in page and "Reports checked so far" in page
    rid = client.upload(xss_file.read_bytes(), "a.pdf").get_json()["reports"][0]["id"]
    j = client.wait(rid)
    assert j["state"] == "done" and j["lang"] == "en" and j["fail_on"] == "never"
    assert j["status"] == 0  # errors found, but the fail level is never
    assert "No finding at or above the fail level" in client.http.get(f"/r/{rid}").get_data(as_text=True)


def test_word_draft_is_checked(client):
    from .conftest import SAMPLES

    docx = SAMPLES / "wild" / "draf-bab3.docx"
    r = client.upload(docx.read_bytes(), "draf.docx")
    assert r.status_code == 200, r.get_json()
    rid = r.get_json()["reports"][0]["id"]
    assert client.store.get(rid).kind == "docx"
    j = client.wait(rid)
    assert j["state"] == "done", j
    viewer = client.http.get(f"/r/{rid}/report.html")
    assert viewer.status_code == 200 and b"draf.docx" in viewer.data
    # a Word draft has no pages: its parts (draf-bab3.docx is one chapter, Bab III)
    page = client.http.get(f"/r/{rid}").get_data(as_text=True)
    assert "1 bagian (dokumen Word, tanpa halaman)" in page and " halaman, " not in page
    import json as _json

    data = _json.loads(client.http.get(f"/r/{rid}/download/json").data)
    assert sum(data["summary"][k] for k in ("error", "warning", "info")) == sum(j["counts"].values())


def test_the_settings_file_of_the_cli_is_used(make_app, xss_file, tmp_path):
    """--config: the same file as `lkip-audit check` (language, rules) sets the page's defaults."""
    conf = tmp_path / "lkip-audit.toml"
    conf.write_text('lang = "en"\nignore = ["SUM"]\n', encoding="utf-8")
    app, _store = make_app(config_path=str(conf))
    c = Client(app)
    page = c.http.get("/").get_data(as_text=True)
    assert 'lang="en"' in page and "Reports checked so far" in page and str(conf) in page
    rid = c.upload(xss_file.read_bytes(), "a.pdf").get_json()["reports"][0]["id"]
    j = c.wait(rid)
    assert j["state"] == "done" and j["lang"] == "en"
    import json as _json

    data = _json.loads(c.http.get(f"/r/{rid}/download/json").data)
    assert data["findings"] and not any(f["rule"].startswith("SUM") for f in data["findings"])


def test_a_bad_settings_file_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from lkip_audit.cli import main

    conf = tmp_path / "lkip-audit.toml"
    conf.write_text('select = ["NOPE999"]\n', encoding="utf-8")
    import tempfile
    from pathlib import Path

    before = set(Path(tempfile.gettempdir()).glob("lkip-serve-*"))
    out = CliRunner().invoke(main, ["serve", "--config", str(conf), "--port", "0"])
    assert out.exit_code == 2 and "NOPE999" in out.output
    assert set(Path(tempfile.gettempdir()).glob("lkip-serve-*")) <= before  # no private directory left


def test_deleting_a_report_while_it_is_checked(client):
    """The report leaves the list at once; its files go when its check finishes."""
    import time

    r = client.upload(DINKES.read_bytes(), "lkip.pdf")
    rid = r.get_json()["reports"][0]["id"]
    directory = client.store.root / rid
    assert (directory / "document.pdf").is_file()
    assert client.http.post(f"/r/{rid}/delete", headers={"X-CSRF-Token": client.csrf}).status_code == 302
    assert client.http.get(f"/api/reports/{rid}").status_code == 404
    assert rid not in [x["id"] for x in client.http.get("/api/reports").get_json()["reports"]]
    end = time.monotonic() + 600
    while directory.exists() and time.monotonic() < end:  # the check runs to its end, then its files go
        time.sleep(0.3)
    assert not directory.exists()


def test_a_failing_renderer_leaves_the_other_formats(client, xss_file, monkeypatch):
    """The HTML renderer raising: the other formats are still written and offered, and the
    page says the view is missing. (The check runs in a thread of this process here, so
    that the patched renderer is the one used.)"""
    import concurrent.futures

    from lkip_audit.serve import jobs

    def broken(fmt, ri):
        if fmt == "html":
            raise RuntimeError("renderer broke")
        return real(fmt, ri)

    real = jobs.render_format
    monkeypatch.setattr(jobs, "render_format", broken)
    pool = concurrent.futures.ThreadPoolExecutor(1)
    monkeypatch.setattr(client.store, "_ensure_pool", lambda: pool)
    try:
        rid = client.upload(xss_file.read_bytes(), "a.pdf").get_json()["reports"][0]["id"]
        j = client.wait(rid)
    finally:
        pool.shutdown(wait=True)
    assert j["state"] == "done" and sorted(j["outputs"]) == ["json", "md", "sarif", "xlsx"]
    page = client.http.get(f"/r/{rid}").get_data(as_text=True)
    assert 'id="no-viewer"' in page and 'id="dl-xlsx"' in page and 'id="dl-html"' not in page
    assert client.http.get(f"/r/{rid}/report.html").status_code == 404
    assert client.http.get(f"/r/{rid}/download/html").status_code == 404
    assert client.http.get(f"/r/{rid}/download/xlsx").status_code == 200


def test_viewer_policy_comes_from_the_renderers_head_only():
    from lkip_audit.serve.app import viewer_csp

    head = (b'<html><head><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; '
            b'img-src data:; script-src &#x27;sha256-AAAA&#x27;"></head><body>')
    csp = viewer_csp(head + b"</body>")
    assert "script-src 'sha256-AAAA'" in csp and "sandbox allow-scripts" in csp and "frame-ancestors 'self'" in csp
    # a policy-looking text in the body (document text, were it ever unescaped) is not read
    body_only = b'<html><head></head><body><meta http-equiv="Content-Security-Policy" content="script-src *">'
    assert "script-src" not in viewer_csp(body_only) and viewer_csp(body_only).startswith("default-src 'none'")
    wild = b'<html><head><meta http-equiv="Content-Security-Policy" content="script-src * &#x27;unsafe-eval&#x27;"></head>'
    assert "script-src" not in viewer_csp(wild)


def test_plain_form_upload_without_script_opens_the_report(client, xss_file):
    """The <noscript> path: a form post with the CSRF field redirects to the report."""
    r = client.http.post("/upload", data={"csrf_token": client.csrf, "file": (io.BytesIO(xss_file.read_bytes()), "a.pdf")},
                         content_type="multipart/form-data")
    assert r.status_code == 302 and re.fullmatch(r"/r/[0-9a-f]{16}", r.headers["Location"])
    assert client.wait(r.headers["Location"].rsplit("/", 1)[1])["state"] == "done"


def test_counts_and_quick_downloads_come_before_the_viewer(client, xss_file, monkeypatch):
    """The worker announces the counts and the formats written before it renders the
    viewer (page images: the slow part); the page offers them and says the view is coming.
    The check runs in a thread here, the viewer's rendering held until the test lets it go."""
    import concurrent.futures
    import queue
    import threading
    import time

    from lkip_audit.serve import jobs

    gate = threading.Event()
    real = jobs.render_format

    def slow(fmt, ri):
        if fmt == "html":
            assert gate.wait(120), "the test never let the viewer go"
        return real(fmt, ri)

    q: queue.Queue = queue.Queue()
    monkeypatch.setattr(jobs, "render_format", slow)
    monkeypatch.setattr(jobs, "_queue", q)
    store = client.store
    store._queue = q
    drainer = threading.Thread(target=store._drain, daemon=True)
    drainer.start()
    pool = concurrent.futures.ThreadPoolExecutor(1)
    monkeypatch.setattr(store, "_ensure_pool", lambda: pool)
    try:
        rid = client.upload(xss_file.read_bytes(), "a.pdf").get_json()["reports"][0]["id"]
        end = time.monotonic() + 300
        j = client.http.get(f"/api/reports/{rid}").get_json()
        while not j["rendering"] and j["state"] != "failed" and time.monotonic() < end:
            time.sleep(0.1)
            j = client.http.get(f"/api/reports/{rid}").get_json()
        assert j["state"] == "done" and j["rendering"] and j["counts"]["error"] >= 1, j
        assert sorted(j["outputs"]) == ["json", "md", "sarif", "xlsx"]
        page = client.http.get(f"/r/{rid}").get_data(as_text=True)
        assert 'id="rendering"' in page and 'id="dl-xlsx"' in page and 'id="viewer"' not in page
        assert client.http.get(f"/r/{rid}/download/xlsx").status_code == 200
        assert client.http.get(f"/r/{rid}/report.html").status_code == 404
        gate.set()
        j = client.wait(rid)
        assert j["state"] == "done" and not j["rendering"] and "html" in j["outputs"]
        assert 'id="viewer"' in client.http.get(f"/r/{rid}").get_data(as_text=True)
        assert client.http.get(f"/r/{rid}/report.html").status_code == 200
    finally:
        gate.set()
        pool.shutdown(wait=True)
        q.put(None)
        drainer.join(timeout=10)
        store._queue = None


def test_a_report_being_checked_refreshes_itself_without_script(client):
    from lkip_audit.serve.jobs import Report, Settings

    rid, directory = client.store.new_directory()  # a record in the checking state, no check behind it
    r = client.store.add(Report(id=rid, name="a.pdf", kind="pdf", directory=directory, settings=Settings(),
                                state="reading", done=3, total=10))
    page = client.http.get(f"/r/{rid}").get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page and 'id="r-progress"' in page
    r.state, r.outputs = "done", []
    page = client.http.get(f"/r/{rid}").get_data(as_text=True)
    assert 'http-equiv="refresh"' not in page
