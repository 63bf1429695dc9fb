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
