"""Command line: lkip-audit check | extract | rules | explain | serve.

Exit codes (DESIGN.md): 0 no finding at or above the fail level, 1 findings at
or above it, 2 usage error, 3 an input could not be read.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _prestart_reader_for_check(argv: list[str]) -> None:
    """``lkip-audit check ONE.pdf``: start the reader process before this module's own
    imports (click, rich, the rule catalogue: about 0.2 s), so its imports overlap them
    instead of the wait for the first page (issue #7). Only for one existing PDF and no
    batch option; a reader not needed (a cache hit, a usage error) is ended at exit
    (extract/guard.py discard_prestarted), and audit() uses the one started here."""
    if len(argv) < 3 or argv[1] != "check":
        return
    rest = argv[2:]
    if any(a in ("-j", "--jobs", "--executor", "--recursive", "--help") or a.startswith(("--jobs=", "--executor="))
           for a in rest):
        return
    pdfs = [a for a in rest if a.lower().endswith(".pdf") and Path(a).is_file()]
    if len(pdfs) != 1 or any(Path(a).is_dir() for a in rest if not a.startswith("-")):
        return
    from lkip_audit.extract.guard import prestart_reader

    prestart_reader()


_prestart_reader_for_check(sys.argv)

import click  # noqa: E402
from rich.console import Console  # noqa: E402

from lkip_audit import __version__  # noqa: E402
from lkip_audit.i18n import LANGS, t  # noqa: E402
from lkip_audit.options import build_config  # noqa: E402

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
FAIL_LEVELS = ("error", "warning", "info", "never")
from lkip_audit.report.output import FORMATS  # noqa: E402


def _err_console() -> Console:
    return Console(stderr=True, highlight=False)


def _out_console(width: int | None = None) -> Console:
    return Console(highlight=False, width=width, soft_wrap=False)


def _progress(enabled: bool, lang: str, path: str | None = None):
    """A progress bar on stderr while pages are read, only on a terminal (a Word draft
    has no pages: its parts are counted)."""
    err = _err_console()
    if not enabled or not err.is_terminal:
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from lkip_audit.extract.docx import is_word

    key = "progress.reading_parts" if path is not None and is_word(path) else "progress.reading"
    prog = Progress(TextColumn(t(key, lang)), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=err, transient=True)
    task = prog.add_task("read", total=None)

    def cb(done: int, total: int) -> None:
        prog.update(task, completed=done, total=total)
        if done >= total:
            prog.stop()  # read: no refresh thread while the check runs (it may fork, forked.py)

    return prog, cb


def _no_cache_option(f):
    """--no-cache, kept in ctx.meta and read by _cache()."""
    return click.option(
        "--no-cache", is_flag=True, expose_value=False,
        callback=lambda ctx, _param, value: ctx.meta.__setitem__("lkip_audit.no_cache", value),
        help="Neither read nor write the cache of extracted reports and results "
             "($LKIP_AUDIT_CACHE, default ~/.cache/lkip-audit).")(f)


def _cache():
    from lkip_audit.cache import Cache

    return Cache(enabled=not click.get_current_context().meta.get("lkip_audit.no_cache", False))


def _read_error_message(e, lang: str) -> str:
    return t(f"read_error.{e.reason}", lang, path=e.path, detail=e.detail)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="lkip-audit")
def main() -> None:
    """lkip-audit: periksa konsistensi angka dalam Laporan Kinerja Instansi Pemerintah (LKIP).

    Audit Indonesian LKIP performance reports: recompute every table and report each
    inconsistency with page, table, row, column, expected and actual value.
    """
    from lkip_audit.runtime import tune_gc

    tune_gc()  # a process of our own: the garbage collector tuned for a check (runtime.py)


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "formats", multiple=True, default=("text",), show_default=True,
              help=f"Output format, repeat or separate with commas: {', '.join(FORMATS)}.")
@click.option("-o", "--output", type=click.Path(path_type=str), default=None,
              help="Write the report to this file (one format) or directory (several formats or reports: "
                   "<report>.txt/.json/.html/.md/.sarif/.junit.xml/.xlsx).")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Message language (default: id).")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity exists.")
@click.option("--select", multiple=True,
              help="Only these rule ids or prefixes (e.g. PCT, SUM001; ALL for every rule). "
                   "An unknown id or prefix is a usage error.")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (unknown ones are a usage error).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="lkip-audit.toml or pyproject.toml ([tool.lkip-audit]); default: found in the current directory.")
@click.option("--severity", "severity", multiple=True, metavar="RULE=LEVEL",
              help="Severity override for a rule id or prefix, e.g. BND002=info.")
@click.option("--rounding", type=click.Choice(("round", "truncate", "either")), default=None,
              help="How a printed value stands for an interval (default from config: either).")
@click.option("--tolerance", default=None, metavar="NUMBER", help="Extra absolute tolerance (default 0).")
@click.option("--kategori", default=None, metavar="SCALE",
              help='Kategori scale instead of the report\'s, e.g. "Sangat Baik=>=91;Baik=76-90;Cukup=66-75".')
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Do not report findings accepted in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, path_type=str),
              default=None, help="Write every finding of this run to a baseline file (and exit 0).")
@click.option("--quiet", is_flag=True, help="Print only the summary line.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@_no_cache_option
@click.option("--debug", is_flag=True, help="Show tracebacks and how each table was extracted.")
@click.option("--timeout", type=click.FloatRange(min=1), default=900, show_default=True,
              help="Seconds for reading one PDF (or Word file); pages not read by then are reported as unchecked.")
@click.option("--page-timeout", type=click.FloatRange(min=0.1), default=30, show_default=True,
              help="Seconds for one page; a slower page is skipped and reported.")
@click.option("--ocr", is_flag=True,
              help="OCR scanned (image-only) pages with Tesseract (pip install 'lkip-audit[ocr]' "
                   "and apt-get install tesseract-ocr tesseract-ocr-ind).")
@click.option("--explain-matches", is_flag=True,
              help="Print on stderr how rows were tied to the same item across tables "
                   "(exact / normalised / fuzzy score / parent / sasaran), the evidence behind XT001/XT002.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Check this many reports at once, each in its own process (default: the number of CPUs).")
@click.option("--recursive", is_flag=True, help="A directory stands for its PDF and Word files in subdirectories too.")
@click.option("--executor", type=click.Choice(("local", "dask")), default="local", show_default=True,
              help="Where the reports of a batch are checked: local processes, or a Dask cluster "
                   "(pip install 'lkip-audit[dask]'; needs --scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address for --executor dask, e.g. tcp://10.0.0.5:8786.")
@click.option("--store", "store", default=None, metavar="PATH_OR_URL",
              help="Record each checked report in this store (a SQLite file, 'default' = "
                   "$XDG_DATA_HOME/lkip-audit/store.sqlite, or postgresql://...; also $LKIP_AUDIT_STORE or "
                   "store = in the config) and check the values printed for other years against the stored "
                   "reports of those years (rules YR).")
def check(reports, formats, output, lang, fail_on, select, ignore, config_path, severity, rounding, tolerance,
          kategori, baseline_path, write_baseline_path, quiet, no_progress, debug, timeout, page_timeout, ocr,
          explain_matches=False, jobs=None, recursive=False, executor="local", scheduler=None, store=None):
    """Check REPORTS (PDF files, Word drafts .docx, or directories of them) and list every
    inconsistency found.

    A Word draft (.docx; .doc and .odt converted with LibreOffice when soffice is installed)
    is read exactly, table by table; it has no pages, so each finding names the heading it
    stands under, its table and row (and paragraph for a sentence): "Bab III > 3.1 > Tabel 3,
    baris 4"; a table without a caption number by its place under the heading: "Bab I > 1.2 >
    Tabel ke-1 tanpa nomor, baris 6". Example: lkip-audit check draf-lkip.docx

    Several reports are checked in parallel (--jobs): one line per report as it
    finishes, a summary table at the end, the worst exit status.

    Example: lkip-audit check samples/lkip-bkd-banten-2024.pdf --format json -o hasil.json

    Batch: lkip-audit check laporan/ --format json,html -o hasil/ --jobs 4

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage
    error (also an unknown rule id or prefix, or a spreadsheet given as a report); 3 a
    report could not be read (also a macro-enabled .docm, a zip bomb, a .doc/.odt without
    LibreOffice), or nothing in it could be checked (every page scanned without --ocr, no
    table at all).
    """
    from lkip_audit.extract.errors import ReadError
    from lkip_audit.extract.guard import Limits, ReadOptions
    from lkip_audit.pipeline import audit
    from lkip_audit.report.session import Session, SessionError

    from lkip_audit.batch import BatchError, expand_inputs
    from lkip_audit.store.run import StoreError, store_url

    try:
        reports = expand_inputs(reports, recursive=recursive)
        config = build_config(config_path, lang=lang, select=select, ignore=ignore, severity=severity,
                              rounding=rounding, tolerance=tolerance, kategori=kategori)
        store_db = store_url(store, config)
        if store_db:
            from lkip_audit.store import Store

            Store(store_db)  # created or migrated here, before any report is checked
        else:  # the cross-year rules compare with stored reports: without a store they do not run
            config.ignore = [*config.ignore, "YR"]
        session = Session(config, list(reports), formats, output, fail_on=fail_on, quiet=quiet,
                          baseline_path=baseline_path, write_baseline_path=write_baseline_path)
        if executor == "dask" and not scheduler:
            raise BatchError("--executor dask needs --scheduler ADDRESS")
    except (ValueError, OSError, SessionError, BatchError, StoreError) as e:
        raise click.UsageError(str(e)) from e
    lang = config.lang
    _refuse_spreadsheets(reports, lang)
    if len(reports) > 1 or jobs is not None or executor == "dask":
        _check_batch(reports, session, config, jobs=jobs, executor=executor, scheduler=scheduler,
                     limits=Limits(timeout=timeout, page_timeout=page_timeout), read_options=ReadOptions(ocr=ocr),
                     debug=debug, explain_matches=explain_matches, store=store_db)

    worst = EXIT_OK
    for report in reports:
        prog, cb = _progress(not no_progress and not quiet, lang, report)
        try:
            if prog:
                prog.start()
            result = audit(report, config, progress=cb, limits=Limits(timeout=timeout, page_timeout=page_timeout),
                           options=ReadOptions(ocr=ocr), cache=_cache())
        except ReadError as e:
            if prog:
                prog.stop()
            _err_console().print(_read_error_message(e, lang), markup=False)
            if debug:
                _err_console().print(getattr(e, "child_traceback", None) or "", markup=False)
                _err_console().print_exception()
            worst = max(worst, EXIT_UNREADABLE)
            continue
        except Exception:
            if prog:
                prog.stop()
            if debug:
                raise
            _err_console().print(t("internal_error", lang, path=report), markup=False)
            worst = max(worst, EXIT_UNREADABLE)
            continue
        finally:
            if prog:
                prog.stop()
        doc = result.document
        if debug:  # how each table was read (a Word draft: by part and heading, no pages), polarity per row
            from lkip_audit.report.debug import polarity_lines, table_lines

            for line in table_lines(doc, lang) + polarity_lines(result.understanding, lang, doc):
                _err_console().print(line, markup=False)
        if explain_matches:
            from lkip_audit.understand.resolve import explain_matches as explain_lines, resolve

            for line in explain_lines(resolve(result.understanding, doc), doc=doc, lang=lang):
                click.echo(line, err=True)
        if store_db:
            from lkip_audit.store.run import prepare, record

            data, notes = prepare(result, report, store_db, config, explain=explain_matches)
            for line in notes:
                click.echo(line, err=True)
        if session.report(report, result):
            worst = max(worst, EXIT_FINDINGS)
        if store_db:
            click.echo(record(store_db, data, report, lang), err=True)
    session.finish()
    if write_baseline_path and worst == EXIT_FINDINGS:
        worst = EXIT_OK  # every finding was just accepted
    sys.exit(worst)


def _refuse_spreadsheets(paths, lang: str) -> None:
    """An Excel/Calc file given to check or extract is a usage error (exit 2), not an
    unreadable report: the user picked the wrong file (often the review working paper)."""
    from lkip_audit.extract.docx import SPREADSHEET_KINDS, sniff

    for p in paths:
        if sniff(p) in SPREADSHEET_KINDS:
            raise click.UsageError(t("input.spreadsheet", lang, path=p))


def _check_batch(reports, session, config, *, jobs, executor, scheduler, limits, read_options, debug,
                 explain_matches, store=None):
    """Several reports (lkip_audit/batch/): exits with the worst status."""
    from lkip_audit.baseline import write_baseline
    from lkip_audit.batch import BatchError, BatchOptions, TerminalSpec, run_batch

    terminal = None
    if "text" in session.formats and any(session.targets[(r, "text")] is None for r in reports):
        con = _out_console()
        if con.is_terminal:
            terminal = TerminalSpec(con.width, con.color_system)
    options = BatchOptions(config=config, formats=session.formats, fail_on=session.fail_on, quiet=session.quiet,
                           baseline=session.baseline, keep_findings=bool(session.write_baseline_path),
                           limits=limits, read_options=read_options,
                           use_cache=not click.get_current_context().meta.get("lkip_audit.no_cache", False),
                           debug=debug, explain_matches=explain_matches, terminal=terminal, store=store)
    found: dict = {}
    try:
        worst, _rows = run_batch(reports, options, session.targets, executor=executor, jobs=jobs,
                                 scheduler=scheduler, on_findings=found.__setitem__)
    except BatchError as e:
        raise click.UsageError(str(e)) from e
    if session.write_baseline_path:
        n = write_baseline(session.write_baseline_path, found)
        msg = {"id": f"baseline ditulis: {session.write_baseline_path} ({n} temuan diterima)",
               "en": f"baseline written: {session.write_baseline_path} ({n} findings accepted)"}
        click.echo(msg.get(config.lang, msg["id"]), err=True)
        if worst == EXIT_FINDINGS:
            worst = EXIT_OK  # every finding was just accepted
    sys.exit(worst)


@main.command()
@click.argument("report", type=click.Path(dir_okay=False, path_type=str))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Directory for one CSV per table and index.json.")
@click.option("--lang", type=click.Choice(LANGS), default="id", show_default=True)
@click.option("--debug", is_flag=True)
@_no_cache_option
def extract(report, out_dir, lang, debug):
    """Extract every table of REPORT (PDF or Word .docx) into CSV files plus index.json (open them in Excel)."""
    from lkip_audit.extract.errors import ReadError
    from lkip_audit.extract.export import write_tables
    from lkip_audit.cache import read_cached
    from lkip_audit.extract.guard import read_guarded

    _refuse_spreadsheets([report], lang)
    prog, cb = _progress(True, lang, report)
    try:
        if prog:
            prog.start()
        doc, _key = read_cached(report, _cache(), lambda: read_guarded(report, progress=cb))
    except ReadError as e:
        if prog:
            prog.stop()
        _err_console().print(_read_error_message(e, lang), markup=False)
        sys.exit(EXIT_UNREADABLE)
    finally:
        if prog:
            prog.stop()
    write_tables(doc, out_dir)
    click.echo(t("extract.done", lang, n=len(doc.tables), out=out_dir))
    if debug:
        for tb in doc.tables:
            click.echo(f"{tb.id}\t{tb.number}\t{tb.pages}\t{len(tb.rows)}\t{tb.extractor}", err=True)


@main.command(name="rules")
@click.option("--lang", type=click.Choice(LANGS), default="id", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Also list rules that are planned, not implemented yet.")
def rules_cmd(lang, show_all):
    """List the rule catalogue: id, severity, title."""
    from lkip_audit.check.catalogue import load_catalogue

    for rid, rule in sorted(load_catalogue().items()):
        if not rule.implemented and not show_all:
            continue
        mark = "" if rule.implemented else "  (planned)"
        click.echo(f"{rid}\t{rule.severity}\t{rule.title[lang]}{mark}")


@main.command()
@click.argument("rule_id")
@click.option("--lang", type=click.Choice(LANGS), default="id", show_default=True)
def explain(rule_id, lang):
    """Print one rule's documentation: what it checks, its formula and an example."""
    from lkip_audit.check.catalogue import load_catalogue
    from lkip_audit.report.explain import explain as explain_rule

    cat = load_catalogue()
    rule = cat.get(rule_id.upper())
    if rule is None:
        raise click.UsageError(t("rule.unknown", lang, id=rule_id))
    click.echo(explain_rule(rule, lang), nl=False)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback requires a token and is plain http (no TLS).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: a free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Reports checked at once, each in its own process (default: the number of CPUs).")
@click.option("--token", default=None, help="Access token required on every request (generated and printed "
                                            "when --host is not loopback and none is given).")
@click.option("--keep", is_flag=True, help="Keep the uploaded files and reports when the server stops.")
@click.option("--max-upload-mb", type=click.FloatRange(min=0.01), default=100, show_default=True,
              help="Largest file accepted, in MB.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="lkip-audit.toml or pyproject.toml ([tool.lkip-audit]); default: found in the current directory.")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Default language of the page (default: id).")
@click.option("--store", "store", default=None, metavar="PATH_OR_URL",
              help="Record each checked report in this store and build the list of reports from it, so the list "
                   "survives a restart; the cross-year rules (YR) compare with it (a SQLite file, 'default' = "
                   "$XDG_DATA_HOME/lkip-audit/store.sqlite, or postgresql://...). Default: $LKIP_AUDIT_STORE, "
                   "else store = in the config, else 'default'. The rendered reports (not the uploaded files) are "
                   "kept beside a SQLite store in STORE-serve/.")
@click.option("--no-store", is_flag=True,
              help="Use no store: the list of reports lives only as long as the server, no YR rules.")
def serve(host, port, open_browser, jobs, token, keep, max_upload_mb, config_path, lang, store=None,
          no_store=False):
    """A local web page: upload PDF/DOCX reports, follow each check, read the findings and
    download the Kertas Kerja Reviu (xlsx), JSON, SARIF or Markdown.

    Each checked report is recorded in the store (the default one unless --store,
    $LKIP_AUDIT_STORE or the config say otherwise; --no-store for none), so the list of
    reports survives a restart and reopens the reports kept on this machine.

    Example: lkip-audit serve --open   (then http://127.0.0.1:8765 in a browser)
    """
    from lkip_audit.serve import run
    from lkip_audit.store.where import StoreError

    if store and no_store:
        from lkip_audit.serve import strings  # noqa: F401 - registers the page's words

        raise click.UsageError(t("serve.err.store_and_no_store", lang or "id"))
    try:
        run(host, port, open_browser=open_browser, jobs=jobs, token=token, keep=keep, max_upload_mb=max_upload_mb,
            config_path=config_path, lang=lang, store_location=store, no_store=no_store,
            echo=lambda line: click.echo(line, err=True))
    except (ValueError, StoreError) as e:
        raise click.UsageError(str(e)) from e
    except OSError as e:
        raise click.UsageError(f"{host}:{port}: {e.strerror or e}") from e


from lkip_audit.store.cli import register_commands  # noqa: E402 (store forget, history, register: issue #16)

register_commands(main)

if __name__ == "__main__":  # pragma: no cover
    main()
