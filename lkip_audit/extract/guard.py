"""Read untrusted PDFs safely: limits, deadlines and a separate reader process.

PDFs come from outside (a portal upload, an e-mail attachment). They can be
damaged, encrypted, enormous, scanned, or made to hurt the reader: a content
stream that inflates to hundreds of MB, a page with tens of thousands of tiny
cells, an object graph that sends the parser round in circles. pdfminer and
pdfium can hang or balloon on such files, and some of that happens inside C
code a Python timer cannot interrupt. So:

- the document is read in a child process (multiprocessing "spawn"), with an
  address-space limit (``RLIMIT_AS``) so a memory bomb ends in MemoryError or the
  child's death, never in the machine swapping;
- inside the child each page runs under a timer (``setitimer``): a page that
  takes longer than ``page_timeout`` becomes a ``PageProblem("timeout")`` and the
  reader goes on with the next page;
- the whole document has a deadline (``timeout``): when it is reached the pages
  read so far are kept (their findings are not lost) and every page not read
  becomes a ``PageProblem("timeout")``;
- both deadlines read time from one clock, ``time.monotonic`` unless another is
  given (``read_in_process(clock=...)``, ``_PageGuard.clock``): the tests drive a
  fake clock that a page advances by a set cost, so the deadline logic is tested
  without real time and without depending on the machine's speed;
- the parent watches the child: when the child stalls on a page beyond what the
  timer could stop, or dies on it (segfault, out of memory), the parent kills it
  and reads the document again, skipping that page (reported as "timeout" or
  "damaged"); when the child dies outside any page, the whole input is reported
  unreadable (``ReadError``, exit code 3).

The child sends the finished ``Document`` back pickled (our own objects, between
our own processes). On the 98-page sample the isolation costs about one
interpreter start plus the imports (figures: ``benchmarks/robust.py``).
"""

from __future__ import annotations

import math
import os
import re
import signal
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lkip_audit.extract.errors import ReadError
from lkip_audit.extract import docx as _word  # noqa: F401 - registers the Word inputs' messages
from lkip_audit.extract.model import Document, PageProblem

DEFAULT_TIMEOUT = 900.0  # seconds for a whole document
DEFAULT_PAGE_TIMEOUT = 30.0  # seconds for one page
# Address space of the reader process. Measured (issue #14.4, /tmp scripts in the commit
# message): the four largest real reports (73-148 pages) read completely under 512 MB;
# the decompression bomb of the bad-input corpus peaks at ~450 MB RSS under 768 MB and
# ~850 MB under 1024 MB (2 GB with no limit). 768 MB leaves headroom for real reports.
DEFAULT_MEMORY_MB = 768
_OUT_OF_MEMORY = "the reader ran out of memory"
MAX_RETRIES = 5  # times the reader is restarted after stalling or dying on a page


@dataclass(frozen=True)
class Limits:
    """How long and how much the reading of one document may take."""

    timeout: float | None = DEFAULT_TIMEOUT  # whole document, seconds; None: no limit
    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT  # one page, seconds; None: no limit
    memory_mb: int | None = DEFAULT_MEMORY_MB  # reader's address space; None: no limit
    isolate: bool = True  # read in a child process (False: in this process, timers only)


@dataclass(frozen=True)
class ReadOptions:
    ocr: bool = False  # OCR image-only pages (needs Tesseract, see extract/ocr.py)
    ocr_lang: str = "ind"


class PageLimit(Exception):
    """Raised inside a page's reading to stop it; read_document turns it into a PageProblem.

    ``page_reason`` / ``page_detail`` are read by read_document (duck-typed, so the
    reader does not depend on this module).
    """

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.page_reason = reason
        self.page_detail = detail


# ---------------------------------------------------------------------------
# inside the reader (child process, or this process when not isolated)


@dataclass
class _PageGuard:
    """The per-page hook given to read_document: skips, page timer, document deadline."""

    page_timeout: float | None
    deadline: float | None  # time.monotonic() value; None: none
    skip: dict[int, tuple[str, str]] = field(default_factory=dict)  # page -> (reason, detail)
    on_start: Callable[[int, float | None], None] | None = None  # (page, its time limit)
    timers: bool = True  # signal timers need the main thread
    document_timeout: float | None = None  # for the message only
    clock: Callable[[], float] = time.monotonic  # what "now" is (a test gives a fake one)

    def __call__(self, number: int):
        return self._guard(number)

    def scaled(self, factor: float) -> "_PageGuard":
        """The same guard with ``factor`` times the page time limit (OCR pages)."""
        from dataclasses import replace

        return replace(self, page_timeout=self.page_timeout * factor if self.page_timeout else None)

    def budget(self, now: float) -> float | None:
        """Seconds page reading may take when it starts at ``now``: the page limit, cut
        to what is left before the document deadline; None: no limit. Raises PageLimit
        when the deadline has passed (the page is not read)."""
        if self.deadline is not None and now >= self.deadline:
            raise PageLimit("timeout", f"document time limit reached ({_secs(self.document_timeout)} s); page not read")
        budget = self.page_timeout
        if self.deadline is not None:
            left = self.deadline - now
            budget = left if budget is None else min(budget, left)
        return budget

    def overrun(self, budget: float) -> PageLimit:
        """What stops a page that used up ``budget``: its own limit, or the document's."""
        if self.page_timeout is not None and budget >= self.page_timeout - 1e-6:
            return PageLimit("timeout", f"page took longer than {_secs(self.page_timeout)} s; skipped")
        return PageLimit("timeout", f"document time limit reached ({_secs(self.document_timeout)} s) while reading the page")

    @contextmanager
    def _guard(self, number: int):
        if number in self.skip:
            reason, detail = self.skip[number]
            raise PageLimit(reason, detail)
        start = self.clock()
        budget = self.budget(start)
        if self.on_start:
            self.on_start(number, self.page_timeout)
        if not self.timers or budget is None:
            yield
            if budget is not None and self.clock is not time.monotonic and self.clock() - start > budget:
                # a clock given for a test: the page is judged by the time it took on it
                raise self.overrun(budget)
            return

        def on_alarm(signum, frame):
            raise self.overrun(budget)

        old = signal.signal(signal.SIGALRM, on_alarm)
        # Repeats every 0.5 s: a library that swallows the first exception (pdfminer
        # catches broadly in places) gets another one until the page gives up.
        signal.setitimer(signal.ITIMER_REAL, max(budget, 0.001), 0.5)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def _secs(v: float | None) -> str:
    if v is None:
        return "-"
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _set_memory_limit(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource

        limit = int(memory_mb) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: the parent's deadline still holds
        pass


def read_in_process(
    path: str,
    limits: Limits,
    options: ReadOptions = ReadOptions(),
    progress: Callable[[int, int], None] | None = None,
    skip: dict[int, tuple[str, str]] | None = None,
    on_page_start: Callable[[int, float | None], None] | None = None,
    started: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Document:
    """Read one document in this process under the per-page timer and the document deadline.

    ``clock`` is what the deadlines read the time from (``started`` is on it). With a
    clock other than time.monotonic the page timer (a real-time signal) is off, and the
    limits hold in the clock's time: a test's fake clock that each page advances by a
    set cost makes the document deadline fall at an exact page.
    """
    import threading

    from lkip_audit.extract.pdf import read_document

    started = clock() if started is None else started
    deadline = started + limits.timeout if limits.timeout else None
    real_time = clock is time.monotonic
    guard = _PageGuard(
        page_timeout=limits.page_timeout,
        deadline=deadline,
        skip=dict(skip or {}),
        on_start=on_page_start,
        timers=real_time and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"),
        document_timeout=limits.timeout,
        clock=clock,
    )
    from lkip_audit.extract import docx as word

    if word.is_word(path):
        # A Word draft has no pages: the whole reading is one guarded step, under the
        # document's time limit (and the process's memory limit, like a PDF).
        from dataclasses import replace

        if skip and 1 in skip:  # the reader stalled or died on it before: no second try
            reason, detail = skip[1]
            raise ReadError(path, "timeout" if reason == "timeout" else "damaged", detail)
        whole = replace(guard, page_timeout=limits.timeout, skip={})
        convert = min(word.CONVERT_TIMEOUT, limits.timeout) if limits.timeout else word.CONVERT_TIMEOUT
        try:
            return word.read_word(path, progress=progress, guard=lambda: whole(1), convert_timeout=convert)
        except PageLimit as e:
            raise ReadError(path, "timeout", e.page_detail) from None
    if options.ocr:
        from lkip_audit.extract.ocr import read_with_ocr

        doc = read_with_ocr(path, options.ocr_lang, progress=progress, page_guard=guard)
    else:
        try:
            doc = read_document(path, progress=progress, page_guard=guard)
        except ReadError as e:
            if e.reason != "damaged":
                raise
            # PDFium refused the whole file: pdfminer rebuilds damaged files differently
            # (and tells a file without pages from a broken one).
            try:
                doc = read_document(path, progress=progress, page_guard=guard, backend="pdfplumber")
            except ReadError as e2:
                raise (e2 if e2.reason != "damaged" else e) from None
            except Exception:
                raise e from None
    mark_noise_pages(doc)
    return doc


def _child_main(conn, path: str, limits: Limits, options: ReadOptions, skip, elapsed: float) -> None:
    """Entry point of the reader process. Sends ("page", n), ("progress", done, total),
    then exactly one of ("done", Document) / ("read-error", reason, detail, tb) / ("error", text, tb)."""
    _set_memory_limit(limits.memory_mb)
    started = time.monotonic() - elapsed
    try:
        doc = read_in_process(
            path, limits, options,
            progress=lambda done, total: conn.send(("progress", done, total)),
            skip=skip,
            on_page_start=lambda n, budget: conn.send(("page", n, budget)),
            started=started,
        )
        conn.send(("done", doc))
    except ReadError as e:
        conn.send(("read-error", e.reason, e.detail, traceback.format_exc()))
    except MemoryError:
        conn.send(("memory", traceback.format_exc()))
    except BaseException as e:  # noqa: BLE001 - everything must reach the parent as a message
        conn.send(("error", f"{type(e).__name__}: {e}"[:300], traceback.format_exc()))
    finally:
        conn.close()


# ---------------------------------------------------------------------------
# the parent


def read_guarded(
    path: str | os.PathLike,
    limits: Limits | None = None,
    options: ReadOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Document:
    """Read one PDF under ``limits``. Raises ReadError when the input cannot be read at all.

    A ReadError raised here may carry ``child_traceback`` (for ``--debug``).
    """
    limits = limits or Limits()
    options = options or ReadOptions()
    path = str(path)
    _precheck(path)
    if not limits.isolate:
        return read_in_process(path, limits, options, progress=progress)

    started = time.monotonic()
    skip: dict[int, tuple[str, str]] = {}
    for _attempt in range(MAX_RETRIES + 1):
        outcome = _run_child(path, limits, options, skip, started, progress)
        kind = outcome[0]
        if kind == "done":
            doc = outcome[1]
            return doc
        if kind == "read-error":
            _, reason, detail, tb = outcome
            raise _with_tb(ReadError(path, reason, detail), tb)
        if kind == "error":
            _, text, tb = outcome
            raise _with_tb(ReadError(path, "damaged", text), tb)
        # the child stalled or died: on a page, skip it and read again; otherwise give up
        page, why, tb = outcome[1], outcome[2], (outcome[3] if len(outcome) > 3 else None)
        if page is None:
            raise _with_tb(ReadError(path, "timeout" if kind == "stalled" else "damaged", why), tb)
        if limits.timeout and time.monotonic() - started >= limits.timeout:
            raise _with_tb(ReadError(path, "timeout", why), tb)
        if kind == "stalled":
            skip[page] = ("timeout", why)
        else:
            skip[page] = ("memory" if why.startswith(_OUT_OF_MEMORY) else "damaged", why)
    raise ReadError(path, "damaged", f"the reader failed on {len(skip)} pages: " + ", ".join(map(str, sorted(skip))))


def _with_tb(err: ReadError, tb: str | None) -> ReadError:
    err.child_traceback = tb
    return err


def _precheck(path: str) -> None:
    """The cheap checks, in this process: missing, a directory, empty, not a PDF at all;
    for a Word input its own (extract/docx.py precheck: zip bomb, macros, converter)."""
    from lkip_audit.extract import docx as word
    from lkip_audit.extract.pdf import _check_header

    if word.sniff(path) in word.WORD_KINDS or (
            Path(path).suffix.lower() in word.WORD_SUFFIXES and Path(path).is_file() and os.path.getsize(path) > 0):
        word.precheck(path)  # a ".docx" that is no zip is a damaged Word file, not "not a PDF"
        return
    _check_header(Path(path))


def _run_child(path, limits: Limits, options: ReadOptions, skip, started: float, progress):
    """Run one reader process to its end. Returns ("done", doc) | ("read-error", ...) |
    ("error", ...) | ("stalled", page, why) | ("died", page, why).

    The reader is ``python -m lkip_audit.extract.guard`` (not multiprocessing's
    spawn, which re-imports the caller's main module); it gets its arguments and
    sends its messages over a pipe of its own, so nothing a library prints can mix
    with them. Its stderr goes to a temporary file, shown only with --debug.
    """
    import pickle
    import subprocess
    import sys
    import tempfile
    from multiprocessing.connection import Connection

    spawned = _take_prestarted() or _spawn_reader()
    if isinstance(spawned, str):
        return ("error", f"cannot start the reader: {spawned}", None)
    proc, r_fd, w_fd, errlog = spawned
    elapsed = time.monotonic() - started
    args = pickle.dumps((w_fd, path, limits, options, dict(skip), elapsed))
    conn = Connection(r_fd)
    page: int | None = None
    page_budget = limits.page_timeout
    page_started = time.monotonic()
    # The child enforces the limits itself; the parent steps in only when it cannot
    # (a stall inside C code): after twice the page limit plus a grace, or the
    # document deadline plus a grace.
    grace = 10.0
    doc_deadline = started + limits.timeout + grace if limits.timeout else math.inf
    try:
        try:
            proc.stdin.write(args)
            proc.stdin.close()
        except OSError:
            pass
        while True:
            now = time.monotonic()
            page_deadline = page_started + page_budget * 2 + grace if (page_budget and page is not None) else math.inf
            wait = min(doc_deadline, page_deadline) - now
            if wait <= 0:
                why = (f"the page stalled the reader for more than {_secs(page_budget)} s"
                       if page_deadline <= doc_deadline else
                       f"the time limit ({_secs(limits.timeout)} s) ran out")
                return ("stalled", page, why)
            try:
                ready = conn.poll(min(wait, 1.0))
            except (EOFError, OSError):
                ready = True
            if not ready:
                continue
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                peak_mb = _reap(proc, 5)
                why = _death(proc.returncode)
                if (proc.returncode or 0) < 0 and limits.memory_mb and peak_mb and peak_mb > limits.memory_mb / 2:
                    # PDFium aborts when an allocation fails under the limit (SIGABRT, no
                    # Python MemoryError): a crash holding most of the limit is out of memory
                    why = f"{_OUT_OF_MEMORY} (limit {limits.memory_mb} MB, {peak_mb:.0f} MB in use; {why})"
                return ("died", page, why, _tail(errlog))
            except MemoryError:
                return ("error", "the reader's result was too large", None)
            kind = msg[0]
            if kind == "page":
                page, page_budget, page_started = msg[1], msg[2], time.monotonic()
            elif kind == "progress":
                if progress:
                    progress(msg[1], msg[2])
            elif kind == "memory":
                return ("died", page, f"{_OUT_OF_MEMORY} (limit {limits.memory_mb} MB)", msg[1])
            else:
                return msg
    finally:
        conn.close()
        if proc.poll() is None:
            proc.kill()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        errlog.close()


def _reap(proc, timeout: float) -> float | None:
    """Wait up to ``timeout`` s for the ended reader; its peak RSS in MB (from wait4's
    rusage, so it is read before Popen reaps the process), or None."""
    if not hasattr(os, "wait4"):  # not POSIX: no rusage of one child
        try:
            proc.wait(timeout)
        except Exception:  # noqa: BLE001 - still running: the caller kills it
            pass
        return None
    deadline = time.monotonic() + timeout
    while True:
        try:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        except ChildProcessError:  # already reaped
            return None
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return usage.ru_maxrss / 1024  # kB on Linux
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.02)


def _tail(f, limit: int = 4000) -> str:
    try:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - limit))
        return f.read().decode("utf-8", "replace")
    except (OSError, ValueError):
        return ""


def _death(exitcode: int | None) -> str:
    if exitcode is None:
        return "the reader stopped responding"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        if name == "SIGKILL":
            return "the reader was killed (out of memory?)"
        return f"the reader crashed ({name})"
    return f"the reader exited with code {exitcode}"


# ---------------------------------------------------------------------------
# scanned pages whose text layer is only noise: lkip_audit/extract/noise.py

from lkip_audit.extract.noise import mark_noise_pages, text_is_noise  # noqa: E402,F401


_PRESTARTED: list = []  # at most one reader process started ahead of need


def _spawn_reader():
    """Start a reader process: (proc, read end, the writer's fd number, stderr file),
    or the reason it could not start. It imports the readers, then waits for its
    arguments on stdin, so it can be started before they are known."""
    import subprocess
    import sys
    import tempfile

    r_fd, w_fd = os.pipe()
    errlog = tempfile.TemporaryFile()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lkip_audit.extract.guard"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errlog,
            pass_fds=(w_fd,), env=dict(os.environ), close_fds=True,
        )
    except OSError as e:
        os.close(r_fd)
        os.close(w_fd)
        errlog.close()
        return str(e)
    os.close(w_fd)  # the child keeps its copy, under the same number
    return proc, r_fd, w_fd, errlog


def prestart_reader() -> None:
    """Start the next reader now, so that its imports (about half a second) overlap
    the caller's own work (hashing the file, the cache lookup, the rule catalogue).
    Unused, it is ended at exit or by discard_prestarted()."""
    if not _PRESTARTED:
        spawned = _spawn_reader()
        if not isinstance(spawned, str):
            _PRESTARTED.append(spawned)
            import atexit

            atexit.register(discard_prestarted)


def discard_prestarted() -> None:
    """End a reader started ahead that was not needed (e.g. the result was cached)."""
    while _PRESTARTED:
        proc, r_fd, _w, errlog = _PRESTARTED.pop()
        proc.kill()
        try:
            proc.wait(5)
        except Exception:  # noqa: BLE001 - best effort at cleanup
            pass
        for closer in (lambda: os.close(r_fd), errlog.close, proc.stdin.close):
            try:
                closer()
            except OSError:
                pass


def _take_prestarted():
    while _PRESTARTED:
        spawned = _PRESTARTED.pop()
        if spawned[0].poll() is None:  # still alive and waiting
            return spawned
        proc, r_fd, _w, errlog = spawned
        os.close(r_fd)
        errlog.close()
    return None


def _reader_main() -> None:
    """``python -m lkip_audit.extract.guard``: the reader process (arguments on stdin)."""
    import pickle
    import sys
    from multiprocessing.connection import Connection

    # Import the readers before waiting for the arguments: a reader started ahead
    # (prestart_reader) is then ready when they come.
    import lkip_audit.extract.pdf  # noqa: F401
    import lkip_audit.extract.pdfium_source  # noqa: F401
    import lkip_audit.extract.docx  # noqa: F401

    from lkip_audit.runtime import tune_gc

    tune_gc()  # the garbage collector tuned for reading (runtime.py); the helper inherits it
    w_fd, path, limits, options, skip, elapsed = pickle.loads(sys.stdin.buffer.read())
    _child_main(Connection(w_fd, readable=False), path, limits, options, skip, elapsed)


if __name__ == "__main__":
    _reader_main()
