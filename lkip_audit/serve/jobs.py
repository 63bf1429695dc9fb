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

With a store (lkip_audit/store: ``serve`` uses the default one unless ``--store`` or
``--no-store`` says otherwise) the list survives a restart: a worker reads the store
for the cross-year rules and returns what to record; the server process alone records
it (one writer, as a batch's runner) and copies the rendered reports (never the
upload) into the data directory, ``DATA/<sha256>/``; at start-up the list is built
from the store's documents, each reopening its kept reports or, when none were kept
here, saying that the file must be checked again.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import sys
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
FAIL_LEVELS = ("error", "warning", "info", "never")
META = "meta.json"  # beside the kept reports: what the page needs to show them again
_SHA256 = re.compile(r"[0-9a-f]{64}")


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
    sha256: str | None = None  # recorded in the store under this digest
    notes: list = field(default_factory=list)  # cross-year and store lines for the page
    stored: bool = False  # listed from the store at start-up (not checked by this run)
    recheck: bool = False  # in the store, but its rendered reports were not kept: check it again

    @property
    def state_word(self) -> str:
        """The key of the state's words (serve.state.*): a Word draft is read part by part
        (its chapters; it has no pages), so its reading is "membaca bagian"."""
        return "reading_parts" if self.state == "reading" and self.kind == "docx" else self.state

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
            "rendering": self.rendering, "notes": list(self.notes), "stored": self.stored,
            "recheck": self.recheck,
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


def check_upload(report_id: str, directory: str, kind: str, name: str, config, fail_on: str,
                 store_db: str | None = None) -> dict:
    """Check one stored upload and write every format into its directory; never raises.

    Returns a small summary (the counts and the document's identity) or the message
    of a read error. Reports name the file by its label, never by its place on disk.
    With ``store_db`` the cross-year findings come from the store (read only here) and
    the summary carries ``store_payload``: what the server process records."""
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
    store_payload, notes = None, []
    if store_db:
        try:  # the cross-year rules (YR) against the stored reports, and the record to write
            from lkip_audit.store.run import prepare

            store_payload, notes = prepare(result, name, store_db, config)
        except Exception as e:  # noqa: BLE001 - the report is still checked, without the store
            detail = str(e).splitlines()[0] if str(e) else ""
            notes = [t("serve.store_unreadable", lang, detail=f"{type(e).__name__}: {detail}")]
    try:
        ri = report_input(name, result, config, fail_on=fail_on, lang=lang)
        counts = ri.counts()
        doc = result.document
        summary = {"ok": True, "status": 1 if any(failing(f, fail_on) for f in ri.findings) else 0,
                   "instansi": doc.instansi, "tahun": doc.tahun, "pages": doc.page_count, "tables": len(doc.tables),
                   "counts": {k: counts.get(k, 0) for k in ("error", "warning", "info")}, "outputs": [],
                   "notes": notes, "sha256": doc.sha256}
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
        return {**summary, "seconds": time.perf_counter() - started, "store_payload": store_payload}
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

    def __init__(self, jobs: int = 1, keep: bool = False, root: str | None = None, db: str | None = None,
                 data_dir: str | os.PathLike | None = None, lang: str = "id") -> None:
        """``db``: the store's URL (lkip_audit/store; None: the list lives in memory only);
        ``data_dir``: where the rendered reports of recorded documents are kept (default:
        data_dir_for(db)). Raises StoreError when the store or the data directory cannot
        be opened, before anything is created."""
        self.db = db
        self.lang = lang
        self.data_dir: Path | None = None
        self._db_store = None
        self._write_lock = threading.Lock()  # one writer: this process, one thread at a time
        if db:
            self._open_store(db, data_dir)
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
        if db:
            self._load()

    # the store of checked reports (lkip_audit/store)
    def _open_store(self, db: str, data_dir) -> None:
        from lkip_audit.store import Store as ReportStore
        from lkip_audit.store.where import StoreError

        self._db_store = ReportStore(db)  # created or migrated here: StoreError when it cannot be
        self.data_dir = Path(data_dir) if data_dir else data_dir_for(db)
        try:
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(self.data_dir, 0o700)
        except OSError as e:
            raise StoreError(f"{self.data_dir}: {e.strerror or e}") from e

    def _load(self) -> None:
        """The list from the store's documents, newest first; kept reports whose document is
        no longer in the store (``lkip-audit store forget``) are deleted."""
        from lkip_audit.store.where import StoreError, redact

        try:
            docs = self._db_store.documents()
        except Exception as e:  # noqa: BLE001 - driver errors differ by backend
            raise StoreError(f"store {redact(self.db)}: {type(e).__name__}: {e}") from e
        known = set()
        for d in docs:
            sha = str(d.get("sha256") or "")
            if not _SHA256.fullmatch(sha):  # a store may be shared: its text names no path here
                continue
            known.add(sha)
            if sha[:16] not in self._reports:
                self._reports[sha[:16]] = self._stored_report(sha, d)
        for child in self.data_dir.iterdir():
            if child.is_symlink() or not child.is_dir():
                continue
            if (_SHA256.fullmatch(child.name) and child.name not in known) or child.name.startswith(".tmp-"):
                shutil.rmtree(child, ignore_errors=True)

    def _stored_report(self, sha: str, d: dict) -> Report:
        """A document of the store as a report of the list: its kept reports when there are,
        else the counts of the store and ``recheck``."""
        created = d.get("checked_at")
        if not isinstance(created, datetime):
            created = datetime.now(timezone.utc)
        elif created.tzinfo is None:  # SQLite gives back a naive UTC time
            created = created.replace(tzinfo=timezone.utc)
        counts = {"error": _int(d.get("errors")), "warning": _int(d.get("warnings")), "info": _int(d.get("infos"))}
        directory = self.data_dir / sha
        r = Report(id=sha[:16], name=display_name(d.get("file_name")), kind="pdf", directory=directory,
                   settings=Settings(lang=self.lang), created=created, state="done",
                   instansi=d.get("instansi"), tahun=d.get("tahun"), counts=counts, pages=_int(d.get("pages")),
                   tables=_int(d.get("tables")), status=1 if counts["error"] else 0, sha256=sha, stored=True)
        r.done = r.total = r.pages
        meta = _read_meta(directory)
        outputs = [f for f in (meta or {}).get("outputs", []) if f in OUTPUTS and (directory / OUTPUTS[f][0]).is_file()]
        if meta and outputs:
            s = meta.get("settings") if isinstance(meta.get("settings"), dict) else {}
            r.settings = Settings(lang=s.get("lang") if s.get("lang") in ("id", "en") else self.lang,
                                  fail_on=s.get("fail_on") if s.get("fail_on") in FAIL_LEVELS else "error",
                                  kategori=str(s.get("kategori") or "")[:500])
            mc = meta.get("counts") if isinstance(meta.get("counts"), dict) else {}
            r.counts = {k: _int(mc.get(k, counts[k])) for k in counts}
            r.status = meta.get("status") if meta.get("status") in (0, 1) else r.status
            r.seconds = float(meta.get("seconds") or 0) if isinstance(meta.get("seconds"), (int, float)) else 0.0
            r.notes = [str(x) for x in (meta.get("notes") or [])][:20] if isinstance(meta.get("notes"), list) else []
            r.kind = meta.get("kind") if meta.get("kind") in ACCEPTED_KINDS else "pdf"
            r.name = display_name(str(meta.get("name") or r.name))
            r.outputs = outputs
        else:
            r.recheck = True
        return r

    def _record(self, report_id: str, out: dict) -> None:
        """Record a finished check in the store and keep its rendered reports (the server
        process: the store's only writer). A store that cannot be written is said in the
        report's notes (and on stderr); the report itself stays."""
        from lkip_audit.store.run import msg

        data = out.pop("store_payload", None)
        with self._lock:
            r = self._reports.get(report_id)
            if r is None or r.deleted or data is None:
                return
            name, directory, lang, kind, settings = r.name, r.directory, r.settings.lang, r.kind, r.settings
        notes = out.setdefault("notes", [])
        sha = str(data["document"].get("sha256") or "")
        with self._write_lock:
            try:
                rec = self._db_store.record(data)
            except Exception as e:  # noqa: BLE001 - driver errors differ by backend
                detail = str(e).splitlines()[0] if str(e) else ""
                line = msg("failed", lang, path=name, detail=f"{type(e).__name__}: {detail}")
                notes.append(line)
                print(line, file=sys.stderr, flush=True)
                return
            if rec.new:
                sup = msg("sup", lang, ids=", #".join(map(str, rec.superseded))) if rec.superseded else ""
                notes.append(msg("recorded", lang, path=name, facts=rec.facts, findings=rec.findings, sup=sup))
            else:
                notes.append(msg("known", lang, path=name))
            if not _SHA256.fullmatch(sha):
                return
            out["sha256"] = sha
            meta = {"name": name, "kind": kind, "settings": {"lang": settings.lang, "fail_on": settings.fail_on,
                                                             "kategori": settings.kategori},
                    "status": out.get("status"), "counts": out.get("counts"), "pages": out.get("pages"),
                    "tables": out.get("tables"), "seconds": out.get("seconds"), "notes": notes,
                    "outputs": list(out.get("outputs") or [])}
            try:
                self._keep_outputs(directory, sha, meta)
            except OSError as e:
                from lkip_audit.i18n import t

                line = t("serve.err.keep", lang, dir=str(self.data_dir), detail=e.strerror or str(e))
                notes.append(line)
                print(line, file=sys.stderr, flush=True)

    def _keep_outputs(self, source: Path, sha: str, meta: dict) -> None:
        """Copy the rendered reports (not the upload) to DATA/<sha256>/ with their meta.json,
        replacing an earlier copy; made beside it and renamed into place."""
        tmp = self.data_dir / f".tmp-{new_id()}"
        os.mkdir(tmp, 0o700)
        try:
            for fmt in meta["outputs"]:
                fname = OUTPUTS[fmt][0]
                with open(source / fname, "rb") as src, _private(tmp / fname) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            with _private(tmp / META) as fh:
                fh.write(json.dumps(meta, ensure_ascii=False).encode("utf-8"))
            dest = self.data_dir / sha
            if dest.exists():
                shutil.rmtree(dest)
            os.rename(tmp, dest)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def _forget(self, sha: str) -> None:
        """A deleted report leaves the store too (as `lkip-audit store forget`), with its kept files."""
        if not self._db_store or not _SHA256.fullmatch(sha or ""):
            return
        with self._write_lock:
            try:
                self._db_store.forget(sha)
            except Exception:  # noqa: BLE001 - the page's delete still removes it from the list
                traceback.print_exc()
            shutil.rmtree(self.data_dir / sha, ignore_errors=True)

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
            sha = r.sha256
        if not running:
            shutil.rmtree(r.directory, ignore_errors=True)
        if sha:
            self._forget(sha)
        return True  # a running check's directory goes when it finishes

    # checking
    def submit(self, report: Report, config) -> None:
        from concurrent.futures.process import BrokenProcessPool

        args = (report.id, str(report.directory), report.kind, report.name, config, report.settings.fail_on,
                self.db)
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
        if out is not None and out.get("ok") and self._db_store is not None:
            self._record(report_id, out)  # before the report is finished: a reopened list has it
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
            if out is not None and out.get("ok") and out.get("sha256") and self._db_store is not None:
                r.sha256 = out["sha256"]
                for other in [o for o in self._reports.values() if o.stored and o.sha256 == r.sha256]:
                    del self._reports[other.id]  # listed from the store at start-up: this check replaces it
            gone = r.deleted
            if gone:
                del self._reports[report_id]
        if gone:
            shutil.rmtree(r.directory, ignore_errors=True)
            if r.sha256:
                self._forget(r.sha256)  # deleted while it was being recorded

    @staticmethod
    def _apply(r: Report, out: dict) -> None:
        r.state, r.status = "done", out["status"]
        r.instansi, r.tahun = out["instansi"], out["tahun"]
        r.pages, r.tables, r.counts = out["pages"], out["tables"], out["counts"]
        r.outputs = list(out.get("outputs", []))
        r.done = r.total = r.pages
        r.seconds = out["seconds"]
        r.notes = list(out.get("notes") or [])

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


def data_dir_for(db: str) -> Path:
    """Where serve keeps the rendered reports of a store's documents: beside a SQLite file
    (``store.sqlite`` -> ``store-serve/``); for a server's URL, a directory of this machine
    under $XDG_DATA_HOME/lkip-audit/ named by a digest of the URL (without its password)."""
    import hashlib

    from lkip_audit.store.where import default_path, redact

    if db.startswith("sqlite:///") and ":memory:" not in db:
        p = Path(db.split(":///", 1)[1])
        return p.with_name(p.stem + "-serve")
    return default_path().parent / ("serve-" + hashlib.sha256(redact(db).encode("utf-8")).hexdigest()[:12])


def _read_meta(directory: Path) -> dict | None:
    try:
        meta = json.loads((directory / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _private(path: Path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


def _int(value) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0
