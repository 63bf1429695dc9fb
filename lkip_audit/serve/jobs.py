"""The reports of a `lkip-audit serve` run: where their files live and who checks them.

Every upload gets a server-generated id (``secrets.token_hex``) and its own
directory inside one private directory (``tempfile.mkdtemp``: mode 0700). The
uploaded bytes are stored there under a fixed name chosen by the server from the
content (``document.pdf`` / ``document.docx``), never under the name the browser
sent; the reports are written beside it (``report.html``, ``report.json``, ...).
The browser's file name is kept only as a label for the page.

Checks run outside the request in a process pool (as ``lkip-audit check --jobs``
does, lkip_audit/batch/): ``jobs`` reports at a time, each worker replaced
after a few reports, and each PDF still read by the guard's own reader process
(extract/guard.py). A worker reports page progress through a queue that a thread
of the server drains into the report's record, which the page polls.

The extraction cache is off: an upload must leave nothing behind once its report
is deleted (``--keep`` keeps the directory when the server stops).
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

# format -> (file in the report's directory, media type, extension of the download)
OUTPUTS = {
    "html": ("report.html", "text/html; charset=utf-8", ".html"),
    "json": ("report.json", "application/json", ".json"),
    "sarif": ("report.sarif", "application/sarif+json", ".sarif"),
    "md": ("report.md", "text/markdown; charset=utf-8", ".md"),
    "xlsx": ("report.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
}
ACCEPTED_KINDS = {"pdf": "document.pdf", "docx": "document.docx"}
TASKS_PER_WORKER = 4
STATES = ("queued", "reading", "checking", "done", "failed")


def new_id() -> str:
    return secrets.token_hex(8)


def is_report_id(value: str) -> bool:
    return len(value) == 16 and all(c in "0123456789abcdef" for c in value)


def display_name(raw: str | None) -> str:
    """The browser's file name as a label only: its last path part, printable characters,
    no leading dots, at most 120 characters ("../../etc/passwd" -> "passwd")."""
    name = (raw or "").replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".").strip()
    return name[:120] or "laporan"


@dataclass
class Settings:
    """What the reviewer chose on the page for the next uploads."""

    lang: str = "id"
    fail_on: str = "error"
    kategori: str = ""  # the scale as typed (options.parse_scale); empty: the report's own


@dataclass
class Report:
    id: str
    name: str  # label: the browser's file name, sanitised
    kind: str  # pdf | docx
    directory: Path
    settings: Settings
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    state: str = "queued"
    done: int = 0  # pages read
    total: int = 0  # pages to read (0: not known yet)
    message: str = ""  # why it failed
    instansi: str | None = None
    tahun: int | None = None
    counts: dict = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    pages: int = 0
    tables: int = 0
    status: int | None = None  # 0, 1 (findings at or above the fail level), 3 (unreadable)
    outputs: list = field(default_factory=list)  # the formats written (a renderer may have failed)
    rendering: bool = False  # checked and counted; the viewer is still being rendered
    seconds: float = 0.0
    deleted: bool = False

    @property
    def finished(self) -> bool:
        """Nothing more will be written for it."""
        return self.state in ("done", "failed") and not self.rendering

    def upload_path(self) -> Path:
        return self.directory / ACCEPTED_KINDS[self.kind]

    def output_path(self, fmt: str) -> Path:
        return self.directory / OUTPUTS[fmt][0]

    def as_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "state": self.state,
            "done": self.done, "total": self.total, "message": self.message,
            "instansi": self.instansi, "tahun": self.tahun, "counts": dict(self.counts),
            "pages": self.pages, "tables": self.tables, "status": self.status,
            "seconds": round(self.seconds, 1), "created": self.created.isoformat(timespec="seconds"),
            "lang": self.settings.lang, "fail_on": self.settings.fail_on, "outputs": list(self.outputs),
            "rendering": self.rendering,
        }


# -- the worker (runs in a pool process) --------------------------------------------------------

_queue = None  # progress queue, set by the pool's initializer


def _init_worker(queue) -> None:
    global _queue
    _queue = queue


def _tell(report_id: str, state: str, done: int = 0, total: int = 0) -> None:
    if _queue is not None:
        try:
            _queue.put_nowait((report_id, state, done, total))
        except Exception:  # noqa: BLE001 - progress is a courtesy, never a reason to fail
            pass


def _tell_ready(report_id: str, summary: dict) -> None:
    """The counts and the formats written so far, before the viewer is rendered."""
    if _queue is not None:
        try:
            _queue.put_nowait((report_id, "ready", summary, 0))
        except Exception:  # noqa: BLE001
            pass


def check_upload(report_id: str, directory: str, kind: str, name: str, config, fail_on: str) -> dict:
    """Check one stored upload and write every format into its directory; never raises.

    Returns a small summary (the counts and the document's identity) or the message
    of a read error. Reports name the file by its label, never by its place on disk."""
    from lkip_audit import pipeline
    from lkip_audit.extract.errors import ReadError
    from lkip_audit.extract.guard import Limits, ReadOptions
    from lkip_audit.i18n import t
    from lkip_audit.report.base import failing, report_input

    started = time.perf_counter()
    local = str(Path(directory) / ACCEPTED_KINDS[kind])
    lang = config.lang

    def progress(done: int, total: int) -> None:
        _tell(report_id, "reading" if done < total else "checking", done, total)

    _tell(report_id, "reading")
    try:
        result = pipeline.audit(local, config, progress=progress, limits=Limits(), options=ReadOptions())  # no cache
    except ReadError as e:
        detail = (e.detail or "").replace(local, name)
        return {"ok": False, "message": t(f"read_error.{e.reason}", lang, path=name, detail=detail),
                "status": 3, "seconds": time.perf_counter() - started}
    except Exception:  # noqa: BLE001 - the page says so; the server goes on
        return {"ok": False, "message": t("internal_error", lang, path=name), "status": 3,
                "seconds": time.perf_counter() - started}
    _tell(report_id, "checking", result.document.page_count, result.document.page_count)
    try:
        ri = report_input(name, result, config, fail_on=fail_on, lang=lang)
        counts = ri.counts()
        doc = result.document
        summary = {"ok": True, "status": 1 if any(failing(f, fail_on) for f in ri.findings) else 0,
                   "instansi": doc.instansi, "tahun": doc.tahun, "pages": doc.page_count, "tables": len(doc.tables),
                   "counts": {k: counts.get(k, 0) for k in ("error", "warning", "info")}, "outputs": []}
        # the quick formats first: the page shows the counts and offers them while the viewer
        # (page images: most of the rendering time of a long report) is still being made
        for fmt in [f for f in OUTPUTS if f != "html"] + ["html"]:
            if fmt == "html":
                _tell_ready(report_id, {**summary, "outputs": list(summary["outputs"]),
                                        "seconds": time.perf_counter() - started})
            try:  # each format on its own: one renderer's failure leaves the others
                data = render_format(fmt, ri)
            except Exception:  # noqa: BLE001
                traceback.print_exc()  # the server's terminal, not the page
                continue
            target = Path(directory) / OUTPUTS[fmt][0]
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
            summary["outputs"].append(fmt)
        return {**summary, "seconds": time.perf_counter() - started}
    except Exception:  # noqa: BLE001
        return {"ok": False, "message": t("internal_error", lang, path=name), "status": 3,
                "seconds": time.perf_counter() - started}


def render_format(fmt: str, ri) -> str | bytes:
    """One format through the project's renderers; HTML through the report viewer when
    the HTML renderer offers one (render_viewer), else its self-contained report."""
    if fmt == "html":
        from lkip_audit.report import html as html_report

        viewer = getattr(html_report, "render_viewer", None)
        return viewer(ri) if viewer is not None else html_report.render(ri)
    from lkip_audit.report.output import render

    return render(fmt, ri)


# -- the store (server side) --------------------------------------------------------------------

class Store:
    """The reports of this server, their private directory and the pool that checks them."""

    def __init__(self, jobs: int = 1, keep: bool = False, root: str | None = None) -> None:
        self.root = Path(root or tempfile.mkdtemp(prefix="lkip-serve-"))
        os.chmod(self.root, 0o700)
        self.keep = keep
        self.jobs = max(1, int(jobs))
        self._lock = threading.RLock()
        self._reports: dict[str, Report] = {}
        self._pool = None
        self._queue = None
        self._drainer: threading.Thread | None = None
        self._closed = False

    # records
    def get(self, report_id: str) -> Report | None:
        if not is_report_id(report_id):
            return None
        with self._lock:
            r = self._reports.get(report_id)
            return r if r is not None and not r.deleted else None

    def all(self) -> list[Report]:
        with self._lock:
            return sorted((r for r in self._reports.values() if not r.deleted), key=lambda r: r.created,
                          reverse=True)

    def new_directory(self) -> tuple[str, Path]:
        rid = new_id()
        d = self.root / rid
        os.mkdir(d, 0o700)
        return rid, d

    def add(self, report: Report) -> Report:
        with self._lock:
            self._reports[report.id] = report
        return report

    def delete(self, report_id: str) -> bool:
        with self._lock:
            r = self._reports.get(report_id) if is_report_id(report_id) else None
            if r is None or r.deleted:
                return False
            r.deleted = True
            running = not r.finished
            if not running:
                del self._reports[report_id]
        if not running:
            shutil.rmtree(r.directory, ignore_errors=True)
        return True  # a running check's directory goes when it finishes

    # checking
    def submit(self, report: Report, config) -> None:
        from concurrent.futures.process import BrokenProcessPool

        args = (report.id, str(report.directory), report.kind, report.name, config, report.settings.fail_on)
        with self._lock:
            pool = self._ensure_pool()
            try:
                fut = pool.submit(check_upload, *args)
            except BrokenProcessPool:
                self._pool = None
                fut = self._ensure_pool().submit(check_upload, *args)
        fut.add_done_callback(lambda f, rid=report.id: self._finished(rid, f))

    def fail(self, report_id: str, message: str) -> None:
        with self._lock:
            r = self._reports.get(report_id)
            if r is not None:
                r.state, r.status, r.message = "failed", 3, message

    def _ensure_pool(self):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from lkip_audit.batch import _pool_context

            ctx = _pool_context()
            if self._queue is None:
                self._queue = ctx.Queue()
                self._drainer = threading.Thread(target=self._drain, name="lkip-serve-progress", daemon=True)
                self._drainer.start()
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx,
                                             max_tasks_per_child=TASKS_PER_WORKER,
                                             initializer=_init_worker, initargs=(self._queue,))
        return self._pool

    def _drain(self) -> None:
        while True:
            try:
                item = self._queue.get()
            except (EOFError, OSError):
                return
            if item is None:
                return
            rid, state, done, total = item
            with self._lock:
                r = self._reports.get(rid)
                if r is None or r.state in ("done", "failed"):
                    continue  # a late message: the result is already here
                if state == "ready":
                    self._apply(r, done)
                    r.rendering = True
                    continue
                r.state = state
                if total:
                    r.done, r.total = done, total

    def _finished(self, report_id: str, fut) -> None:
        from lkip_audit.i18n import t

        try:
            out = fut.result()
        except Exception:  # noqa: BLE001 - a dead worker, a cancelled future
            out = None
        with self._lock:
            r = self._reports.get(report_id)
            if r is None:
                return
            if out is None:
                r.state, r.status = "failed", 3
                r.message = t("serve.err.worker", r.settings.lang, name=r.name)
            elif out["ok"]:
                self._apply(r, out)
            else:
                r.state, r.status, r.message = "failed", out["status"], out["message"]
                r.seconds = out["seconds"]
            r.rendering = False
            gone = r.deleted
            if gone:
                del self._reports[report_id]
        if gone:
            shutil.rmtree(r.directory, ignore_errors=True)

    @staticmethod
    def _apply(r: Report, out: dict) -> None:
        r.state, r.status = "done", out["status"]
        r.instansi, r.tahun = out["instansi"], out["tahun"]
        r.pages, r.tables, r.counts = out["pages"], out["tables"], out["counts"]
        r.outputs = list(out.get("outputs", []))
        r.done = r.total = r.pages
        r.seconds = out["seconds"]

    def close(self) -> None:
        """Stop the pool; delete every file unless ``keep``."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            # A running check is not waited for (a long PDF can take minutes): its worker is ended.
            processes = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in processes:
                if proc.is_alive():
                    proc.terminate()
            for proc in processes:
                proc.join(timeout=5)
        if self._queue is not None:
            try:
                self._queue.put(None)
            except Exception:  # noqa: BLE001
                pass
            if self._drainer is not None:
                self._drainer.join(timeout=5)
            self._queue.close()
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)
