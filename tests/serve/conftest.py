"""Fixtures of the `lkip-audit serve` tests: an app with its store, a real server on a
free loopback port, and small documents made here (a script tag in a cell)."""

from __future__ import annotations

import io
import re
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
DINKES = SAMPLES / "lkip-contoh-dinkes-2024.pdf"
SCRIPT = "<script>alert(1)</script>"


def xss_pdf(path: Path) -> Path:
    """One LKIP table whose row label is a script tag and whose JUMLAH is wrong
    (100.000 + 250.000 printed 300.000), so a finding carries the script text."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    st = getSampleStyleSheet()
    data = [["NO", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)"],
            ["1", SCRIPT, "100.000", "90.000"],
            ["2", "Belanja Modal", "250.000", "200.000"],
            ["", "JUMLAH", "300.000", "290.000"]]
    tb = Table(data, colWidths=[30, 220, 110, 110])
    tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black), ("ALIGN", (2, 1), (-1, -1), "RIGHT")]))
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph("Tabel 3.1 Realisasi Anggaran Tahun 2024", st["Normal"]), tb])
    return path


@pytest.fixture(scope="package", autouse=True)
def own_data_home(tmp_path_factory):
    """`serve` records into the default store ($XDG_DATA_HOME/lkip-audit/store.sqlite): the
    tests' servers, and the commands they start, use a data home of their own."""
    import os

    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "LKIP_AUDIT_STORE")}
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data-home"))
    os.environ.pop("LKIP_AUDIT_STORE", None)
    yield Path(os.environ["XDG_DATA_HOME"])
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def xss_file(tmp_path_factory) -> Path:
    return xss_pdf(tmp_path_factory.mktemp("xss") / "xss.pdf")


class Client:
    """A Flask test client that knows the page's CSRF token."""

    def __init__(self, app):
        self.app = app
        self.http = app.test_client()
        page = self.http.get("/")
        assert page.status_code == 200, page.status_code
        self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.get_data(as_text=True)).group(1)

    def upload(self, content: bytes, name: str, *, csrf: bool = True, json: bool = True, **headers):
        if csrf:
            headers["X-CSRF-Token"] = self.csrf
        if json:
            headers["Accept"] = "application/json"
        return self.http.post("/upload", data={"file": (io.BytesIO(content), name)}, headers=headers,
                              content_type="multipart/form-data")

    def wait(self, report_id: str, deadline_s: float = 600) -> dict:
        """Poll the report until its check and its viewer are finished (bounded, as the page does)."""
        end = time.monotonic() + deadline_s
        while True:
            j = self.http.get(f"/api/reports/{report_id}").get_json()
            if (j["state"] in ("done", "failed") and not j.get("rendering")) or time.monotonic() > end:
                return j
            time.sleep(0.3)


@pytest.fixture
def make_app(tmp_path):
    """create_app(...) with a store of its own; every store is closed after the test."""
    from lkip_audit.serve.app import create_app
    from lkip_audit.serve.jobs import Store

    stores = []

    def make(**kw):
        store = Store(jobs=kw.pop("jobs", 1), keep=kw.pop("keep", False))
        stores.append(store)
        return create_app(store, **kw), store

    yield make
    for s in stores:
        s.close()


@pytest.fixture
def client(make_app):
    app, store = make_app()
    c = Client(app)
    c.store = store
    return c


class Running:
    def __init__(self, served):
        self.served = served
        self.thread = threading.Thread(target=served.serve_forever, name="lkip-serve-test", daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return self.served.base

    def stop(self) -> None:
        self.served.close()
        self.thread.join(timeout=10)


def start_server(**kw) -> Running:
    from lkip_audit.serve import make_server

    return Running(make_server("127.0.0.1", 0, **kw))
