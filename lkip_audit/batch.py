"""Many reports in one `lkip-audit check` run: serially, in local processes, or on Dask.

One function, ``check_one(path, options) -> ReportOutcome``, checks one PDF and
renders every asked-for format into memory. It never raises: an unreadable
file or an internal error becomes an outcome with exit status 3. The outcome is
small and picklable (the rendered bytes, the counts, the status, the time),
so the same function runs

- in this process (``--jobs 1``),
- in a ``concurrent.futures.ProcessPoolExecutor`` (``--jobs N``, the default
  for several reports): forkserver (else spawn) workers, each replaced after
  ``TASKS_PER_WORKER`` reports so the runner's memory stays flat however many
  reports a batch holds,
- on a Dask distributed cluster (``--executor dask --scheduler ADDRESS``):
  ``Client.submit`` / ``as_completed``. The client sends each PDF's bytes with
  its task, so workers need the package installed but not the files.

Each PDF is still read by the guard's own reader process (extract/guard.py,
``subprocess``), which works under a pool worker and under a daemonic Dask
worker alike.

The parent (``run_batch``) writes each report's files as the outcome arrives,
prints one line per report as it finishes and a summary table at the end (in
the order of the inputs), and returns the worst exit status. At most a window
of reports is in flight or waiting to be written, so memory does not grow with
the number of reports. Outputs are the bytes a serial run writes (the same
renderers on the same inputs), whatever the executor or the completion order.

Baseline: every report is filtered by its own copy of the baseline, so a
report's result never depends on which other report finished first.
"""

from __future__ import annotations

import copy
import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lkip_audit.check.config import CheckConfig
from lkip_audit.i18n import register, t
from lkip_audit.extract.guard import Limits, ReadOptions

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 3
TASKS_PER_WORKER = 4  # a local pool worker is replaced after this many reports (flat memory)
EXECUTORS = ("local", "dask")

# The batch's own UI strings (Bahasa Indonesia by default, English with --lang en).
_STRINGS = {
    "col.report": {"id": "laporan", "en": "report"},
    "col.instansi": {"id": "instansi", "en": "instansi"},
    "col.tahun": {"id": "tahun", "en": "tahun"},
    "col.errors": {"id": "galat", "en": "errors"},
    "col.warnings": {"id": "peringatan", "en": "warnings"},
    "col.time": {"id": "waktu (dtk)", "en": "time (s)"},
    "unreadable": {"id": "(tidak terbaca)", "en": "(unreadable)"},
    "total": {
        "id": "{n} laporan: {error} galat, {warning} peringatan; {bad} tidak terbaca; {secs} dtk",
        "en": "{n} reports: {error} errors, {warning} warnings; {bad} unreadable; {secs} s",
    },
    "worker.died": {
        "id": "{path}: proses pemeriksa berhenti tiba-tiba ({detail})",
        "en": "{path}: the checking process stopped unexpectedly ({detail})",
    },
    "dask.missing": {
        "id": "--executor dask memerlukan Dask: pip install 'lkip-audit[dask]'",
        "en": "--executor dask needs Dask: pip install 'lkip-audit[dask]'",
    },
    "dask.connect": {
        "id": "tidak dapat terhubung ke penjadwal Dask {address}: {detail}",
        "en": "cannot reach the Dask scheduler {address}: {detail}",
    },
}


register(_STRINGS)
_s = t


class BatchError(ValueError):
    """Options or an environment a batch cannot run with (a usage error, exit 2)."""


# -- inputs ---------------------------------------------------------------------------------------

REPORT_SUFFIXES = (".pdf", ".docx", ".doc", ".odt")  # what a directory stands for


def expand_inputs(args, recursive: bool = False) -> list[str]:
    """Command-line arguments to report paths: a directory stands for the reports inside it
    (*.pdf and Word drafts *.docx/*.doc/*.odt, not Word's "~$" lock files; sorted; with
    ``recursive`` also in its subdirectories), anything else for itself (a missing file is
    reported by the reader). Raises BatchError for a directory without reports."""
    out: list[str] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            found = p.rglob("*") if recursive else p.iterdir()
            pdfs = sorted(str(f) for f in found if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                          and not f.name.startswith("~$"))
            if not pdfs:
                raise BatchError(f"{a}: no PDF files (nor Word .docx/.doc/.odt) in this directory" + ("" if recursive else " (try --recursive)"))
            out.extend(pdfs)
        else:
            out.append(str(a))
    return list(dict.fromkeys(out))  # a file named twice is checked once


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# -- one report -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TerminalSpec:
    """How text printed to standard output looks on the user's terminal (the worker renders
    it into memory, so it is told the terminal's width and colours)."""

    width: int
    color_system: str | None


@dataclass
class BatchOptions:
    """Everything a worker needs to check and render one report (picklable)."""

    config: CheckConfig = field(default_factory=CheckConfig)
    formats: tuple[str, ...] = ("json",)
    fail_on: str = "error"
    quiet: bool = False
    baseline: object = None  # lkip_audit.baseline.Baseline; each report filters with its own copy
    keep_findings: bool = False  # return every finding (for --write-baseline)
    limits: Limits = field(default_factory=Limits)
    read_options: ReadOptions = field(default_factory=ReadOptions)
    use_cache: bool = True
    debug: bool = False
    explain_matches: bool = False
    terminal: TerminalSpec | None = None  # text report to a terminal (else plain text)
    store: str | None = None  # store URL (lkip_audit/store): workers read it, the runner alone writes


@dataclass
class ReportOutcome:
    """The result of one report: small, picklable, no Document."""

    path: str
    status: int  # 0, 1 (a finding at or above the fail level) or 3 (unreadable / internal error)
    outputs: dict[str, bytes] = field(default_factory=dict)  # format -> rendered report
    line: str = ""  # the summary line, or the read error message
    instansi: str | None = None
    tahun: int | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    suppressed: int = 0
    pages: int = 0
    tables: int = 0
    seconds: float = 0.0
    unreadable: bool = False
    messages: list[str] = field(default_factory=list)  # for stderr: --debug, --explain-matches
    findings: list | None = None  # every finding before the baseline (only with keep_findings)
    store_payload: dict | None = None  # what the runner records in the store (--store)


def _render_all(path: str, result, options: BatchOptions) -> tuple[dict[str, bytes], object]:
    """Every format of one checked document, as bytes (what write_report would write)."""
    from lkip_audit.report.base import report_input
    from lkip_audit.report.output import render

    baseline = copy.deepcopy(options.baseline) if options.baseline is not None else None  # counted per report
    ri = report_input(path, result, options.config, fail_on=options.fail_on, baseline=baseline)
    outputs: dict[str, bytes] = {}
    for fmt in options.formats:
        if fmt == "text":
            buf = io.StringIO()
            _text(ri, buf, options)
            outputs[fmt] = buf.getvalue().encode("utf-8")
        else:
            data = render(fmt, ri)
            outputs[fmt] = data if isinstance(data, bytes) else data.encode("utf-8")
    return outputs, ri


def _text(ri, buf, options: BatchOptions) -> None:
    from rich.console import Console

    from lkip_audit.report.text import make_console, render as render_text

    term = options.terminal
    if term is None:
        console = make_console(buf)  # plain, as when the text goes to a file or a pipe
    else:
        console = Console(file=buf, highlight=False, force_terminal=True, width=term.width,
                          color_system=term.color_system)
    render_text(console, ri, quiet=options.quiet)


def check_one(path: str, options: BatchOptions, content: bytes | None = None) -> ReportOutcome:
    """Check and render one report; never raises.

    ``content``: the PDF's bytes, when the caller's files are not on this machine
    (a Dask worker): they are written to a private temporary file, read from there,
    and every output still names ``path``."""
    started = time.perf_counter()
    if content is None:
        return _check_path(path, path, options, started)
    with tempfile.TemporaryDirectory(prefix="lkip-batch-") as tmp:
        local = Path(tmp) / (Path(path).name or "report.pdf")
        local.write_bytes(content)
        return _check_path(path, str(local), options, started)


def _check_path(path: str, local: str, options: BatchOptions, started: float) -> ReportOutcome:
    from lkip_audit import pipeline
    from lkip_audit.cache import Cache
    from lkip_audit.extract.errors import ReadError
    from lkip_audit.i18n import t
    from lkip_audit.report.base import failing
    from lkip_audit.report.strings import s
    from lkip_audit.report.text import summary_line

    lang = options.config.lang
    out = ReportOutcome(path=path, status=EXIT_OK)
    try:
        result = pipeline.audit(local, options.config, limits=options.limits, options=options.read_options,
                                cache=Cache(enabled=options.use_cache))
    except ReadError as e:
        detail = (e.detail or "").replace(local, path) if local != path else e.detail
        out.status, out.unreadable = EXIT_UNREADABLE, True
        out.line = t(f"read_error.{e.reason}", lang, path=path, detail=detail)
        if options.debug:
            tb = getattr(e, "child_traceback", None)
            out.messages = [m for m in (tb, traceback.format_exc()) if m]
        out.seconds = time.perf_counter() - started
        return out
    except Exception:
        out.status, out.unreadable = EXIT_UNREADABLE, True
        out.line = t("internal_error", lang, path=path)
        if options.debug:
            out.messages = [traceback.format_exc()]
        out.seconds = time.perf_counter() - started
        return out
    try:
        doc = result.document
        if options.debug:
            out.messages += [f"[debug] {tb.id} tabel={tb.number} hal={tb.pages} baris={len(tb.rows)} "
                             f"extractor={tb.extractor}" for tb in doc.tables]
        if options.explain_matches:
            from lkip_audit.understand.resolve import explain_matches, resolve

            out.messages += list(explain_matches(resolve(result.understanding, doc)))
        if options.store:  # cross-year findings from the store (read only) and the record to write
            from lkip_audit.store.run import prepare

            out.store_payload, notes = prepare(result, path, options.store, options.config, options.explain_matches)
            out.messages += notes
        outputs, ri = _render_all(path, result, options)
        counts = ri.counts()
        out.outputs = outputs
        out.instansi, out.tahun = doc.instansi, doc.tahun
        out.errors, out.warnings, out.infos = counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0)
        out.suppressed, out.pages, out.tables = ri.suppressed, doc.page_count, len(doc.tables)
        out.line = summary_line(doc, ri.findings, lang, path=path)
        if ri.suppressed:
            out.line += "; " + s("suppressed.line", lang, n=ri.suppressed)
        out.status = EXIT_FINDINGS if any(failing(f, options.fail_on) for f in ri.findings) else EXIT_OK
        if options.keep_findings:
            out.findings = list(result.findings)
    except Exception:
        out = ReportOutcome(path=path, status=EXIT_UNREADABLE, unreadable=True,
                            line=t("internal_error", lang, path=path),
                            messages=[traceback.format_exc()] if options.debug else [])
    out.seconds = time.perf_counter() - started
    return out


# -- executors: each yields (index, outcome) in completion order -----------------------------------

Room = Callable[[], int]  # how many more reports may be in flight now


def run_serial(paths: list[str], options: BatchOptions, room: Room | None = None) -> Iterator[tuple[int, ReportOutcome]]:
    for i, p in enumerate(paths):
        yield i, check_one(p, options)


def run_local(paths: list[str], options: BatchOptions, jobs: int, room: Room) -> Iterator[tuple[int, ReportOutcome]]:
    """A pool of ``jobs`` processes ("forkserver", else "spawn"), each replaced after TASKS_PER_WORKER reports.

    A worker that dies (killed, out of memory) breaks the pool: a fresh pool takes
    the reports in hand once more, and a report that breaks it twice is reported as
    not checked (exit 3)."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    def new_pool():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(),
                                   max_tasks_per_child=TASKS_PER_WORKER)

    pool = new_pool()
    pending: dict = {}
    tries: dict[int, int] = {}
    nxt = 0

    def submit(i: int) -> None:
        tries[i] = tries.get(i, 0) + 1
        pending[pool.submit(check_one, paths[i], options)] = i

    try:
        while nxt < len(paths) or pending:
            while nxt < len(paths) and len(pending) < room():
                submit(nxt)
                nxt += 1
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            again: list[int] = []
            broken = False
            for fut in sorted(done, key=lambda f: pending[f]):
                i = pending.pop(fut)
                try:
                    outcome = fut.result()
                except BrokenProcessPool as e:
                    broken = True
                    if tries[i] < 2:
                        again.append(i)  # maybe another report killed the worker: once more
                        continue
                    outcome = _failed(paths[i], options, str(e) or "worker died")
                except Exception as e:  # pickling problems and the like
                    outcome = _failed(paths[i], options, f"{type(e).__name__}: {e}")
                yield i, outcome
            if broken:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                again += [pending.pop(f) for f in list(pending)]  # their futures died with the pool
                for i in sorted(again):
                    submit(i)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Modules every report needs, imported once in the fork server rather than in each worker.
PRELOAD = ["lkip_audit.batch", "lkip_audit.pipeline", "lkip_audit.understand.schemas", "lkip_audit.report.output",
           "lkip_audit.report.json_report", "lkip_audit.report.text", "lkip_audit.cache"]


def _pool_context():
    """"forkserver" where it exists (Linux, macOS): workers fork from a clean single-threaded
    server that has imported the checker once (pandas and pandera cost about a second per
    process); "spawn" elsewhere. Never plain "fork": the parent may hold threads."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def _failed(path: str, options: BatchOptions, detail: str) -> ReportOutcome:
    return ReportOutcome(path=path, status=EXIT_UNREADABLE, unreadable=True,
                         line=_s("worker.died", options.config.lang, path=path, detail=detail))


def dask_client(scheduler: str, lang: str = "id", timeout: float = 30):
    """A distributed.Client connected to ``scheduler`` (imported only here: Dask is optional)."""
    try:
        from distributed import Client
    except ImportError as e:
        raise BatchError(_s("dask.missing", lang)) from e
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise BatchError(_s("dask.connect", lang, address=scheduler, detail=e)) from e


def run_dask(paths: list[str], options: BatchOptions, client, room: Room) -> Iterator[tuple[int, ReportOutcome]]:
    """Submit ``check_one`` to a Dask cluster; outcomes arrive in completion order.

    Each task carries its PDF's bytes (workers need the package, not the files).
    A file this machine cannot read is reported here without a task."""
    import uuid

    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    ac = as_completed()
    index: dict = {}
    nxt = 0

    def submit() -> tuple[int, ReportOutcome] | None:
        nonlocal nxt
        i, path = nxt, paths[nxt]
        nxt += 1
        try:
            content = Path(path).read_bytes()
        except OSError:
            return i, check_one(path, options)  # the reader's own message (not found, a directory, ...)
        fut = client.submit(check_one, path, options, content, key=f"lkip-audit-{run}-{i}", pure=False)
        index[fut.key] = i
        ac.add(fut)
        return None

    while nxt < len(paths) or index:
        while nxt < len(paths) and len(index) < room():
            local = submit()
            if local is not None:
                yield local
        if not index:
            continue
        fut = next(ac)
        i = index.pop(fut.key)
        try:
            outcome = fut.result()
        except Exception as e:  # the task failed on the cluster (e.g. KilledWorker)
            outcome = _failed(paths[i], options, f"{type(e).__name__}: {e}")
        fut.release()
        yield i, outcome


# -- the batch ------------------------------------------------------------------------------------

@dataclass
class Row:
    """One line of the summary table."""

    path: str
    instansi: str | None
    tahun: int | None
    errors: int
    warnings: int
    seconds: float
    unreadable: bool
    status: int


def run_batch(paths: list[str], options: BatchOptions, targets: dict, *, executor: str = "local",
              jobs: int | None = None, scheduler: str | None = None, client=None,
              out=None, err=None, summary_to_stdout: bool | None = None,
              on_findings: Callable[[str, list], None] | None = None) -> tuple[int, list[Row]]:
    """Check ``paths``; write each report's formats to ``targets[(path, format)]`` (a Path, or
    None for standard output, then in input order); print a line per report as it finishes
    and a summary table. Returns (worst exit status, rows in input order)."""
    out = out or sys.stdout
    err = err or sys.stderr
    lang = options.config.lang
    n = len(paths)
    to_stdout = any(targets.get((p, f)) is None for p in paths for f in options.formats)
    if summary_to_stdout is None:
        summary_to_stdout = not to_stdout  # stdout is free when every report goes to a file

    buffered: dict[int, list[bytes]] = {}  # finished, waiting for earlier reports (stdout only)
    jobs = jobs or default_jobs()
    window = max(2, 2 * jobs)

    if executor == "dask":
        owns_client = client is None
        if client is None:
            client = dask_client(scheduler, lang)
        try:
            threads = sum(client.nthreads().values())
        except Exception:  # pragma: no cover - scheduler went away: the submit will say so
            threads = jobs
        window = max(2, 2 * threads)
    room = lambda: window - len(buffered)  # noqa: E731

    if executor == "dask":
        stream = run_dask(paths, options, client, room)
    elif jobs <= 1 or n == 1:
        stream = run_serial(paths, options, room)
    else:
        stream = run_local(paths, options, min(jobs, n), room)

    rows: list[Row | None] = [None] * n
    worst = EXIT_OK
    emitted = 0  # stdout outputs written for reports [0, emitted)
    done = 0
    t0 = time.perf_counter()
    try:
        for i, o in stream:
            done += 1
            for m in o.messages:
                print(m.rstrip("\n"), file=err)
            print(f"[{done}/{n}] {o.line} ({_secs(o.seconds, lang)} {'dtk' if lang == 'id' else 's'})",
                  file=err, flush=True)
            rows[i] = Row(o.path, o.instansi, o.tahun, o.errors, o.warnings, o.seconds, o.unreadable, o.status)
            worst = max(worst, o.status)
            if o.findings is not None and on_findings is not None:
                on_findings(o.path, o.findings)
            if o.store_payload is not None:  # the runner is the store's only writer
                from lkip_audit.store.run import record

                print(record(options.store, o.store_payload, o.path, lang), file=err)
            for fmt, data in o.outputs.items():
                target = targets.get((o.path, fmt))
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
            if to_stdout:  # standard output keeps the order of the inputs
                buffered[i] = [d for f, d in o.outputs.items() if targets.get((o.path, f)) is None]
                while emitted in buffered:
                    for data in buffered.pop(emitted):
                        _write_stdout(out, data)
                    emitted += 1
            del o  # nothing of a finished report is kept but its row
    finally:
        if executor == "dask" and owns_client:
            client.close()
    wall = time.perf_counter() - t0
    final = [r for r in rows if r is not None]
    print_summary(final, lang, out if summary_to_stdout else err, wall)
    return worst, final


def _write_stdout(out, data: bytes) -> None:
    buf = getattr(out, "buffer", None)
    if buf is not None:
        out.flush()
        buf.write(data)
        buf.flush()
    else:
        out.write(data.decode("utf-8"))
        out.flush()


def _secs(x: float, lang: str) -> str:
    text = f"{x:.1f}"
    return text.replace(".", ",") if lang == "id" else text


def print_summary(rows: list[Row], lang: str, file, wall: float) -> None:
    """The summary table, in input order: a rich table on a terminal, plain columns elsewhere."""
    from rich.console import Console
    from rich.table import Table

    cols = [_s(k, lang) for k in ("col.report", "col.instansi", "col.tahun", "col.errors", "col.warnings", "col.time")]
    body = []
    for r in rows:
        if r.unreadable:
            body.append([r.path, _s("unreadable", lang), "-", "-", "-", _secs(r.seconds, lang)])
        else:
            body.append([r.path, r.instansi or "-", str(r.tahun or "-"), str(r.errors), str(r.warnings),
                         _secs(r.seconds, lang)])
    total = _s("total", lang, n=len(rows), error=sum(r.errors for r in rows),
               warning=sum(r.warnings for r in rows), bad=sum(r.unreadable for r in rows), secs=_secs(wall, lang))
    console = Console(file=file, highlight=False)
    if console.is_terminal:
        table = Table(*cols, show_lines=False)
        for c in table.columns[3:]:
            c.justify = "right"
        for b in body:
            table.add_row(*b)
        console.print(table)
        console.print(total, markup=False)
        return
    widths = [max(len(c), *(len(b[k]) for b in body)) if body else len(c) for k, c in enumerate(cols)]

    def line(cells):
        left = [cells[k].ljust(widths[k]) for k in range(3)]
        right = [cells[k].rjust(widths[k]) for k in range(3, len(cols))]
        return "  ".join(left + right).rstrip()

    print(line(cols), file=file)
    for b in body:
        print(line(b), file=file)
    print(total, file=file, flush=True)
