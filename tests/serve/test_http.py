"""The real server (waitress) on a free loopback port: the page, the limit, the token,
and the `lkip-audit serve` command's options."""

from __future__ import annotations

import http.client
import re
from urllib.parse import urlsplit

from click.testing import CliRunner

from lkip_audit.cli import main

from .conftest import start_server


def request(base: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    u = urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def multipart(name: str, content: bytes, boundary: str = "lkipboundary7") -> tuple[bytes, str]:
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_server_serves_the_page_and_refuses_an_upload_over_the_limit():
    srv = start_server(jobs=1, max_upload_mb=0.5)
    try:
        assert srv.base.startswith("http://127.0.0.1:") and srv.served.token is None
        status, headers, body = request(srv.base, "GET", "/")
        assert status == 200 and headers["Content-Security-Policy"].startswith("default-src 'none'")
        page = body.decode()
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        cookie = headers["Set-Cookie"].split(";", 1)[0]
        data, ctype = multipart("besar.pdf", b"%PDF-1.4\n" + b"0" * 1_000_000)
        status, _h, body = request(srv.base, "POST", "/upload", data, {
            "Content-Type": ctype, "Cookie": cookie, "X-CSRF-Token": csrf, "Accept": "application/json"})
        assert status == 413, body[:300]
        assert b"Traceback" not in body
        assert list(srv.served.store.root.iterdir()) == []
    finally:
        srv.stop()
    assert not srv.served.store.root.exists()


def test_server_with_a_token_refuses_requests_without_it():
    srv = start_server(jobs=1, token="tok-123456")
    try:
        assert srv.served.url.endswith("/?token=tok-123456")
        assert request(srv.base, "GET", "/")[0] == 401
        assert request(srv.base, "GET", "/api/reports")[0] == 401
        status, headers, _ = request(srv.base, "GET", "/?token=tok-123456")
        assert status == 302
        cookie = headers["Set-Cookie"].split(";", 1)[0]
        assert request(srv.base, "GET", "/", headers={"Cookie": cookie})[0] == 200
    finally:
        srv.stop()


def test_serve_command_options():
    out = CliRunner().invoke(main, ["serve", "--help"])
    assert out.exit_code == 0
    for opt in ("--host", "--port", "--open", "--jobs", "--token", "--keep", "--max-upload-mb", "--config"):
        assert opt in out.output
    assert "127.0.0.1" in out.output and "8765" in out.output


def test_serve_command_reports_a_port_in_use():
    srv = start_server(jobs=1)
    try:
        port = urlsplit(srv.base).port
        out = CliRunner().invoke(main, ["serve", "--port", str(port)])
        assert out.exit_code == 2 and str(port) in out.output
    finally:
        srv.stop()


def test_serve_command_prints_its_address_and_cleans_up_on_sigterm(tmp_path):
    """The real command: the address on stderr, the page answers, SIGTERM stops it like
    Ctrl+C and the private directory is gone."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    err = open(tmp_path / "serve.err", "w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lkip_audit.cli", "serve", "--port", "0", "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=err, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    try:
        import time

        text = ""
        hang_guard = time.monotonic() + 300  # only against a server that never starts; nothing is timed
        while time.monotonic() < hang_guard:  # the two lines come as soon as the port is bound
            err.seek(0)
            text = err.read()
            if "lkip-serve-" in text or proc.poll() is not None:
                break
            time.sleep(0.1)
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", text)
        d = re.search(r"(/\S*lkip-serve-[\w]+)", text)
        assert m and d, text
        assert request(m.group(1), "GET", "/")[0] == 200
        assert Path(d.group(1)).is_dir()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=300) == 0  # a hang guard, not a time limit
        assert not Path(d.group(1)).exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        err.close()


def test_open_flag_opens_the_printed_address(monkeypatch):
    """--open: the default browser is sent to the address (with the token when one is needed)."""
    import threading
    import webbrowser

    import lkip_audit.serve as serve

    opened: list[str] = []
    seen = threading.Event()
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: (opened.append(url), seen.set()))
    real = serve.make_server

    def make(*args, **kw):
        served = real(*args, **kw)
        served.server.run = lambda: seen.wait(60)  # serve until the browser was sent there
        return served

    monkeypatch.setattr(serve, "make_server", make)
    lines: list[str] = []
    import signal

    before = signal.getsignal(signal.SIGTERM)
    serve.run("127.0.0.1", 0, open_browser=True, jobs=1, token="tok-abcdef", echo=lines.append)
    assert signal.getsignal(signal.SIGTERM) is before  # run() gives SIGTERM back
    assert seen.is_set() and len(opened) == 1
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=tok-abcdef", opened[0])
    assert opened[0] in lines[0]


def test_every_page_string_has_both_languages_and_the_same_fields():
    import string

    from lkip_audit.serve.strings import STRINGS

    fields = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)  # noqa: E731
    for key, texts in STRINGS.items():
        assert key.startswith("serve.") and texts.get("id") and texts.get("en"), key
        assert fields(texts["id"]) == fields(texts["en"]), key


def test_every_word_the_templates_ask_for_exists():
    from pathlib import Path

    import lkip_audit.serve.app  # noqa: F401 - registers the page's words
    from lkip_audit.i18n import _T

    templates = Path(lkip_audit.serve.app.__file__).parent / "templates"
    asked = set()
    for f in templates.glob("*.html"):
        asked |= set(re.findall(r"""\bt\(\s*'([\w.]+)'\s*[,)]""", f.read_text(encoding="utf-8")))
    assert "serve.title" in asked and len(asked) > 30
    assert sorted(k for k in asked if k not in _T) == []
