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

The package is split by job: ``inputs`` (arguments to report paths), ``worker`` (one
report, ``check_one``), ``local`` (serial and the local process pool), ``dask_cluster``
(the Dask executor), ``summary`` (rows and the summary table), ``runner``
(``run_batch``), and ``common`` (options, outcome, strings) that they share.
"""

from __future__ import annotations

from lkip_audit.batch.common import (  # noqa: F401
    EXECUTORS, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, TASKS_PER_WORKER, BatchError, BatchOptions, ReportOutcome,
    Room, TerminalSpec,
)
from lkip_audit.batch.dask_cluster import dask_client, run_dask  # noqa: F401
from lkip_audit.batch.inputs import REPORT_SUFFIXES, default_jobs, expand_inputs  # noqa: F401
from lkip_audit.batch.local import PRELOAD, _pool_context, run_local, run_serial  # noqa: F401
from lkip_audit.batch.runner import run_batch  # noqa: F401
from lkip_audit.batch.summary import Row, print_summary  # noqa: F401
from lkip_audit.batch.worker import check_one  # noqa: F401

__all__ = [
    "EXECUTORS", "REPORT_SUFFIXES", "TASKS_PER_WORKER", "BatchError", "BatchOptions", "ReportOutcome", "Row",
    "TerminalSpec", "check_one", "dask_client", "default_jobs", "expand_inputs", "print_summary", "run_batch",
    "run_dask", "run_local", "run_serial",
]
