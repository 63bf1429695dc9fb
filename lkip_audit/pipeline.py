"""Wire the stages together: extract -> understand -> check.

The only module that knows all stages; each stage stays ignorant of the next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lkip_audit.check.config import CheckConfig
from lkip_audit.extract.errors import ReadError
from lkip_audit.extract.guard import Limits, ReadOptions, discard_prestarted, prestart_reader, read_guarded
from lkip_audit.extract.model import Document
from lkip_audit.findings import Finding
from lkip_audit.i18n import register

if TYPE_CHECKING:  # the understand and check stages load when a check is computed (check_document):
    from lkip_audit.understand.model import Understanding  # a cached check does not import them


# Exit 3 also when a document was read but nothing in it could be checked: a report
# of scanned pages without --ocr, or one in which no table was found, is not a pass.
register({
    "read_error.unchecked-scanned": {
        "id": "{path}: tidak ada halaman yang dapat diperiksa: {detail} halaman hasil pindai (gambar tanpa "
              "lapisan teks); jalankan lagi dengan --ocr",
        "en": "{path}: no page could be checked: {detail} pages are scanned (images without a text layer); "
              "run again with --ocr",
    },
    "read_error.unchecked-ocr": {
        "id": "{path}: tidak ada halaman yang dapat diperiksa: {detail} halaman hasil pindai dan OCR tidak "
              "membacanya (Tesseract dengan bahasa ind terpasang? apt-get install tesseract-ocr tesseract-ocr-ind)",
        "en": "{path}: no page could be checked: {detail} pages are scanned and OCR did not read them "
              "(is Tesseract with the ind language installed? apt-get install tesseract-ocr tesseract-ocr-ind)",
    },
    "read_error.unchecked-pages": {
        "id": "{path}: tidak ada halaman yang dapat diperiksa ({detail}); lihat --debug, atau naikkan "
              "--timeout / --page-timeout bila waktunya habis",
        "en": "{path}: no page could be checked ({detail}); see --debug, or raise --timeout / --page-timeout "
              "if time ran out",
    },
    "read_error.no-tables": {
        "id": "{path}: tidak ada tabel yang ditemukan pada {detail} halaman, jadi tidak ada yang diperiksa; bila "
              "tabelnya berupa gambar hasil pindai, jalankan lagi dengan --ocr",
        "en": "{path}: no table was found on its {detail} pages, so nothing was checked; if the tables are "
              "scanned images, run again with --ocr",
    },
})

# A document this long without a single table is not a report whose tables were read
# (a one- or two-page excerpt of text may have none).
MIN_PAGES_FOR_TABLES = 3


class NothingChecked(ReadError):
    """The document was read, but nothing in it could be checked (exit code 3, like an
    unreadable input). ``reason`` names the message (read_error.<reason>)."""

    REASONS = ("unchecked-scanned", "unchecked-ocr", "unchecked-pages", "no-tables")

    def __init__(self, path: str, reason: str, detail: str = ""):
        assert reason in self.REASONS, reason
        self.path, self.reason, self.detail = path, reason, detail
        Exception.__init__(self, f"{path}: {reason}: {detail}")


def require_something_checked(path: str, doc: Document) -> None:
    """Raise NothingChecked when no page of ``doc`` could be checked, or when a document
    of MIN_PAGES_FOR_TABLES pages or more has no table at all."""
    unchecked = {p.page for p in doc.problems}
    if doc.page_count and len(unchecked) >= doc.page_count:
        reasons = {p.reason for p in doc.problems}
        if reasons == {"image-only"}:
            raise NothingChecked(path, "unchecked-scanned", str(doc.page_count))
        if reasons <= {"image-only", "ocr-unavailable", "ocr-failed"}:
            raise NothingChecked(path, "unchecked-ocr", str(doc.page_count))
        counts = {r: sum(p.reason == r for p in doc.problems) for r in sorted(reasons)}
        raise NothingChecked(path, "unchecked-pages", ", ".join(f"{r}: {n}" for r, n in counts.items()))
    if not doc.tables and doc.page_count >= MIN_PAGES_FOR_TABLES:
        raise NothingChecked(path, "no-tables", str(doc.page_count))


@dataclass
class AuditResult:
    document: Document
    understanding: Understanding
    findings: list[Finding]
    rules: int  # how many rules ran
    notes: list[str] = field(default_factory=list)
    # what settling the numbers decided (extract.numstyle.settled_state), kept when the
    # result is to be cached, so a cache hit restores it instead of settling again
    settled: dict | None = field(default=None, repr=False, compare=False)


def check_document(doc: Document, config: CheckConfig, keep_settled: bool = False) -> AuditResult:
    """Understand and check an extracted document. ``keep_settled``: the result also
    carries what settling the numbers decided (``settled``, for the cache)."""
    from lkip_audit.extract.numstyle import settle_numbers, settled_state

    settle_numbers(doc)  # OCR cells strict, English-style tables read as such (also after a cache hit)
    settled = settled_state(doc) if keep_settled else None
    scales = {}
    if config.kategori is not None:
        scales["kategori"] = config.kategori
    if config.tingkat is not None:
        scales["tingkat"] = config.tingkat
    from lkip_audit.check.engine import active_rules, run_checks, start_ahead
    from lkip_audit.understand import analyze_tables, understand

    tables = analyze_tables(doc)
    ahead = start_ahead(tables, config)  # the schema rule's validation, on an idle core beside what follows
    und = understand(doc, scales or None, tables=tables)
    findings = run_checks(doc, und, config, ahead=ahead)  # the schema rule validates (understand/schemas.py)
    return AuditResult(doc, und, findings, rules=len(active_rules(config)), settled=settled)


def audit(
    path: str,
    config: CheckConfig | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits | None = None,
    options: ReadOptions | None = None,
    cache=None,
) -> AuditResult:
    """Read, understand and check one PDF. Raises extract.errors.ReadError when unreadable.

    The PDF is read under ``limits`` (extract/guard.py: a separate reader process,
    per-page and whole-document time limits, a memory limit); ``options.ocr`` OCRs
    image-only pages. ``cache`` (lkip_audit.cache.Cache), when given and enabled, serves
    an unchanged file checked before with the same rules and configuration from disk: the
    cache wraps this function's read and check steps (``cache.audit(path, config, read,
    check, options=...)``); the pipeline does not import the cache module.

    Raises NothingChecked (a ReadError: exit code 3) when the document was read but no
    page could be checked or no table was found (require_something_checked).
    """
    config = config or CheckConfig()

    def read() -> Document:
        if limits is not None and not limits.isolate:
            return read_guarded(path, limits, options, progress=progress)
        warm = _SchemaPreload()

        def on_progress(done: int, total: int) -> None:
            warm.start()  # the reader process runs: use the idle parent to import pandas/pandera
            if progress:
                progress(done, total)

        try:
            return read_guarded(path, limits, options, progress=on_progress)
        finally:
            warm.join()  # no thread left running: the check may fork work to an idle core (forked.py)

    caching = cache is not None and cache.enabled

    def check(doc: Document) -> AuditResult:
        result = check_document(doc, config, keep_settled=caching)
        mark_ocr_findings(doc, result.findings)
        locate_docx_findings(doc, result.findings)
        return result

    if limits is None or limits.isolate:
        prestart_reader()  # its imports overlap the hashing and cache lookup below
    if cache is not None and cache.enabled:
        try:
            result = cache.audit(path, config, read, check, options=options)
        finally:
            discard_prestarted()  # a cache hit did not need it
    else:
        result = check(read())
    require_something_checked(path, result.document)
    return result


class _SchemaPreload:
    """Imports the pandera schemas (pandas, pandera: about half a second) in a thread
    while the reader process extracts, instead of after it. Started from the reader's
    first progress message, so the reader process already exists (no fork while a
    thread holds import locks). A plain (non-daemon) thread: the interpreter waits for
    it at exit; check_document's own import waits for it through the import lock. An
    import error is left for that import to raise."""

    def __init__(self) -> None:
        self._thread = None

    def start(self) -> None:
        if self._thread is not None:
            return
        import threading

        def run() -> None:
            try:
                import lkip_audit.understand.schemas  # noqa: F401
            except Exception:  # noqa: BLE001 - raised again where it is used
                pass

        self._thread = threading.Thread(target=run, name="lkip-audit-preload", daemon=False)
        self._thread.start()

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()


def ocr_pages(doc: Document) -> set[int]:
    """Pages whose cells came from OCR."""
    pages = set()
    for tb in doc.tables:
        for cells in [*tb.header_rows, *(r.cells for r in tb.rows)]:
            pages.update(c.page for c in cells if c.ocr)
    return pages


def mark_ocr_findings(doc: Document, findings: list[Finding]) -> None:
    """A finding that rests on an OCR-read page says so (detail.ocr), since the
    text was read from an image and may be misread."""
    pages = ocr_pages(doc)
    if not pages:
        return
    for f in findings:
        on = sorted({p for p in [f.page, *(loc.page for loc in f.related)] if p in pages})
        if on:
            f.detail = {**f.detail, "ocr": True, "ocr_pages": on}


def locate_docx_findings(doc: Document, findings: list[Finding]) -> None:
    """A Word input has no pages: each finding gets the heading it stands under
    (section path and title, from Document.outline), a narrative finding its paragraph
    number, and page null (also in its related places; their boxes are dropped, and the
    reader's pseudo-page numbers in ``detail``: page, pages, each match's page)."""
    import dataclasses

    from lkip_audit.extract.docx import paragraph_of

    outline = getattr(doc, "outline", None) or {}
    if outline.get("kind") != "docx":
        return
    tables = outline.get("tables", {})
    paras = outline.get("paragraphs", [])
    by_page: dict[int, list] = {}
    for entry in paras:
        by_page.setdefault(entry[0], []).append(entry)
    for f in findings:
        where = tables.get(f.table_id or "")
        sentence = (f.detail or {}).get("sentence") if isinstance(f.detail, dict) else None
        if sentence and f.page is not None:
            hit = paragraph_of(doc, f.page, sentence)
            if hit is not None:
                f.paragraph, f.section, f.section_title = hit[2], hit[3], hit[4]
        if f.section is None and where is not None:
            f.section, f.section_title = where[0], where[1]
        if f.section is None and f.page is not None and by_page.get(f.page):
            # a document-level finding: the chapter it is in
            first = by_page[f.page][0]
            f.section, f.section_title = first[3], first[4]
        f.page = None
        f.bbox = None
        f.related = [dataclasses.replace(loc, page=None, bbox=None) for loc in f.related]
        if isinstance(f.detail, dict) and any(k in f.detail for k in ("page", "pages", "matches")):
            f.detail = {k: v for k, v in f.detail.items() if k not in ("page", "pages")}
            if isinstance(f.detail.get("matches"), list):
                f.detail["matches"] = [{**m, "page": None} if isinstance(m, dict) and "page" in m else m
                                       for m in f.detail["matches"]]
