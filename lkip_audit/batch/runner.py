"""The batch itself: ``run_batch`` runs an executor, writes each report's files as its
outcome arrives (standard output in input order, within a bounded window), records the
store (the runner is its only writer) and prints the summary."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from lkip_audit.batch.common import EXIT_OK, BatchOptions
from lkip_audit.batch.dask_cluster import dask_client, run_dask
from lkip_audit.batch.inputs import default_jobs
from lkip_audit.batch.local import run_local, run_serial
from lkip_audit.batch.summary import Row, _secs, _write_stdout, print_summary

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
