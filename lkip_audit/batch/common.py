"""What the batch's parts share: the options a worker gets, the outcome it returns,
the exit statuses, the batch's own UI strings and its usage error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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


Room = Callable[[], int]  # how many more reports may be in flight now
