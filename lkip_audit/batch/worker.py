"""One report: ``check_one`` checks and renders it into memory and never raises (the
function every executor runs: in this process, a pool worker or a Dask worker)."""

from __future__ import annotations

import copy
import io
import tempfile
import time
import traceback
from pathlib import Path

from lkip_audit.batch.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, BatchOptions, ReportOutcome, _s

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
        if options.debug:  # the lines of a single check's --debug (a Word draft: by part, no pages)
            from lkip_audit.report.debug import table_lines

            out.messages += table_lines(doc, lang)
        if options.explain_matches:
            from lkip_audit.understand.resolve import explain_matches, resolve

            out.messages += list(explain_matches(resolve(result.understanding, doc), doc=doc, lang=lang))
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


def _failed(path: str, options: BatchOptions, detail: str) -> ReportOutcome:
    return ReportOutcome(path=path, status=EXIT_UNREADABLE, unreadable=True,
                         line=_s("worker.died", options.config.lang, path=path, detail=detail))
