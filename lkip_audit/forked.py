"""Work done ahead on an idle core: a forked child computes a value, the caller takes it later.

    start(fn) -> Pending       # fn() runs in a forked child when a second core is free, else now
    Pending.result()           # fn()'s value: the child's (unpickled), or the one computed here
    workers() -> int           # how many processes one check may keep busy (1 or 2)

A cold check is one process doing one thing after another once the pages are read
(issue #7: the other core is idle then). Work that depends only on what is already
known at some point and whose value is needed later (the pandera validation of the
understood tables, writing the extracted document to the cache) is started here,
before the work in between, and taken when it is needed. The value is the same as
fn() run in this process at the moment of start(): the child works on a copy of this
process as it was then (fork's copy-on-write), so later changes here do not reach it.

Nothing is lost when forking is not possible or not worth it: start() then runs fn()
here, at once, so the value is again the one of the moment of start(). Not possible:
no os.fork (Windows), or another thread is running (forking a process with threads
may copy a lock one of them holds). Not worth it: ``$LKIP_AUDIT_READERS=1``, or no
core idle (workers()). The child's failure (an exception, a crash, a kill, no value
within ``timeout`` seconds) ends in ``fallback()`` run here when result() is called
(by default fn() again: for work whose inputs do not change after start()). The child
dies with its parent (Linux PR_SET_PDEATHSIG) and leaves through os._exit (no atexit
handlers, no flushing of the parent's buffered output).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from typing import Callable, Generic, TypeVar

T = TypeVar("T")

WORKERS_ENV = "LKIP_AUDIT_READERS"  # the name it had when only the reading used a second process
DEFAULT_TIMEOUT = 300.0


def workers() -> int:
    """How many processes one check may keep busy: ``$LKIP_AUDIT_READERS`` (1 or 2), else
    2 when this process may run on two CPUs or more and one of them is idle now (no more
    than CPUs - 2 other processes running: a second process on a busy machine only takes
    a core from other work). A batch that checks several reports at once sets it to 1 for
    its pool workers (batch/local.py): its own jobs take the cores."""
    v = os.environ.get(WORKERS_ENV, "").strip()
    if v:
        try:
            return max(1, min(2, int(v)))
        except ValueError:
            return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return 2 if cpus >= 2 and others_running() <= cpus - 2 else 1


def others_running() -> int:
    """Processes running on the machine now besides this one (Linux /proc/loadavg; the
    least of three looks, so a passing blip does not count; 0 where unknown)."""
    seen = []
    for _ in range(3):
        try:
            with open("/proc/loadavg") as f:
                seen.append(int(f.read().split()[3].split("/")[0]) - 1)
        except (OSError, ValueError, IndexError):
            return 0
    return max(0, min(seen))


def may_fork() -> bool:
    """Whether start() forks now (see the module docstring)."""
    return hasattr(os, "fork") and threading.active_count() == 1 and workers() >= 2


class Pending(Generic[T]):
    """A value computed by ``fn``: in a forked child, or already here."""

    def __init__(self, fallback: Callable[[], T] | None, pid: int = 0, fd: int = -1, deadline: float = 0.0,
                 value: T | None = None):
        self._fn = fallback
        self._pid, self._fd, self._deadline = pid, fd, deadline
        self._done = not pid
        self._value: T | None = value
        self.forked = bool(pid)  # whether a child was started for it

    def result(self) -> T:
        """fn()'s value (once; later calls return the same value)."""
        if self._done:
            return self._value  # type: ignore[return-value]
        data = self._collect()
        if data is not None and data[:1] == b"v":
            try:
                self._value = pickle.loads(data[1:])
            except Exception:  # noqa: BLE001 - an unreadable answer: compute it here
                self._value = self._fn()
        else:
            self._value = self._fn()
        self._done = True
        self._fn = None  # type: ignore[assignment]
        return self._value  # type: ignore[return-value]

    def _collect(self) -> bytes | None:
        """The child's whole answer, or None (it failed, or gave none before the deadline)."""
        chunks: list[bytes] = []
        ok = False
        try:
            while True:
                left = self._deadline - time.monotonic()
                if left <= 0:
                    break
                ready, _, _ = select.select([self._fd], [], [], left)
                if not ready:
                    break
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    ok = True  # end of the pipe: the child wrote all it had
                    break
                chunks.append(chunk)
        except OSError:
            ok = False
        finally:
            os.close(self._fd)
            self._fd = -1
            self._reap(kill=not ok)
        return b"".join(chunks) if ok else None

    def _reap(self, kill: bool) -> None:
        reap(self._pid, kill)
        self._pid = 0

    def __del__(self):  # an abandoned child is not left behind
        if getattr(self, "_pid", 0):
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._reap(kill=True)


def start(fn: Callable[[], T], timeout: float = DEFAULT_TIMEOUT,
          fallback: Callable[[], T] | None = None) -> Pending[T]:
    """Start ``fn()`` in a forked child when may_fork(), else run it now; the value is
    taken with result(). ``fallback``: what result() runs here when the child fails
    (default ``fn``)."""
    if not may_fork():
        return Pending(None, value=fn())
    try:
        r, w = os.pipe()
    except OSError:
        return Pending(None, value=fn())
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return Pending(None, value=fn())
    if pid == 0:  # the child: never returns into the caller's code
        try:
            os.close(r)
            die_with(parent)
            try:
                data = b"v" + pickle.dumps(fn(), pickle.HIGHEST_PROTOCOL)
            except BaseException:  # noqa: BLE001 - the parent computes it itself
                data = b"x"
            view = memoryview(data)
            while view:
                view = view[os.write(w, view):]
        finally:
            os._exit(0)
    os.close(w)
    return Pending(fallback or fn, pid, r, time.monotonic() + timeout)


def reap(pid: int, kill: bool = True) -> None:
    """Wait for child ``pid`` to end, killing it first (SIGKILL) when ``kill``."""
    if kill:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    try:
        os.waitpid(pid, 0)
    except OSError:
        pass


def die_with(parent: int) -> None:
    """In a forked child: be killed when ``parent`` ends (Linux PR_SET_PDEATHSIG; elsewhere
    the child's next write to its pipe fails), and end now if it already has."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        pass
    if os.getppid() != parent:
        os._exit(1)  # the parent ended before the line above took effect
