"""Executors on this machine: serially (``--jobs 1``) or in a pool of local processes.
Each yields (index, outcome) in completion order."""

from __future__ import annotations

from collections.abc import Iterator

from lkip_audit.batch.common import TASKS_PER_WORKER, BatchOptions, ReportOutcome, Room
from lkip_audit.batch.worker import _failed, check_one

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

    readers = _readers_per_report(jobs)
    pool = new_pool()
    pending: dict = {}
    tries: dict[int, int] = {}
    nxt = 0

    def submit(i: int) -> None:
        tries[i] = tries.get(i, 0) + 1
        pending[pool.submit(_check_in_pool, paths[i], options, readers)] = i

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


def _readers_per_report(jobs: int) -> int:
    """Processes one report's pages may be read by when ``jobs`` reports are checked at
    once: the CPUs left per job (extract/pdf.py reader_processes), so the batch's own
    parallelism is not oversubscribed (1 with --jobs 2 on two cores)."""
    import os

    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, cpus // max(1, jobs))


def _check_in_pool(path: str, options: BatchOptions, readers: int) -> ReportOutcome:
    """check_one in a pool worker, its page reading bounded to ``readers`` processes
    (``$LKIP_AUDIT_READERS``, unless the user set it)."""
    import os

    from lkip_audit.extract.pdf import READERS_ENV

    if READERS_ENV not in os.environ:
        os.environ[READERS_ENV] = str(readers)
    return check_one(path, options)


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
