"""Read a PDF into a Document: pages, words, tables with captions, provenance.

Each page is read once, into a ``PageData`` (words, ruling-line edges, images,
size), and everything else - lines of text, captions, tables - comes from that.
Two page sources give the same shapes:

- ``pdfium`` (default): PDFium through pypdfium2 (``pdfium_source``), about ten
  times cheaper than pdfminer's layout parse;
- ``pdfplumber``: pdfplumber/pdfminer, kept as the reference and as the
  fallback: a page PDFium cannot read (or a rotated page) is read by pdfplumber,
  and the table's ``extractor`` says which source read it.

Tables are looked for only on pages with horizontal ruling lines (both finders
need them); other pages cost just their text.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_audit.extract.errors import ReadError
from lkip_audit.extract.identity import IdentityReader
from lkip_audit.extract.layout import Caption, Line, find_captions, group_lines, normalise_space
from lkip_audit.extract.model import BBox, Document, Page, PageProblem, Table, Word
from lkip_audit.extract.ruleless import find_ruleless
from lkip_audit.extract.stitch import build_tables
from lkip_audit.extract.tables import Piece, find_hrules, find_ruled

if TYPE_CHECKING:
    from lkip_audit.extract.pdfium_source import PageData

WORD_ATTRS = ["fontname"]
BACKENDS = ("pdfium", "pdfplumber")
# Bump when a change to extraction changes what a Document holds (the cache key uses it).
EXTRACTION_VERSION = "4"


def sha256_of(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _check_header(path: Path) -> None:
    if not path.exists():
        raise ReadError(str(path), "not-found")
    if path.is_dir():
        raise ReadError(str(path), "not-pdf", "a directory")
    size = path.stat().st_size
    if size == 0:
        raise ReadError(str(path), "empty")
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise ReadError(str(path), "not-pdf")


def open_pdf(path: str | os.PathLike):
    """Open with pdfplumber, mapping every failure to a ReadError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    p = Path(path)
    _check_header(p)
    try:
        pdf = pdfplumber.open(str(p))
        n = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise ReadError(str(p), "encrypted", type(e).__name__) from e
    except Exception as e:  # pdfminer raises many kinds on damaged files
        name = type(e).__name__
        if "password" in str(e).lower() or "encrypt" in name.lower():
            raise ReadError(str(p), "encrypted", name) from e
        raise ReadError(str(p), "damaged", f"{name}: {e}"[:200]) from e
    if n == 0:
        pdf.close()
        raise ReadError(str(p), "no-pages")
    return pdf


def _open_pdfium(path: Path):
    """Open with PDFium, mapping every failure to a ReadError."""
    import pypdfium2 as pdfium

    _check_header(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
        n = len(pdf)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code in (4, 6):  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY
            raise ReadError(str(path), "encrypted", str(e)[:200]) from e
        raise ReadError(str(path), "damaged", f"{type(e).__name__}: {e}"[:200]) from e
    if n == 0:
        pdf.close()
        raise ReadError(str(path), "no-pages")
    return pdf


def ruling_edges(pp) -> tuple[list[dict], list[tuple[float, float, float, float]]]:
    """The ruling-line edges of a pdfplumber page and its shading rectangles: ``pp.edges``
    without the sides of shading rectangles (filled, unstroked, thicker than a rule both
    ways), as pdfium_source reads them."""
    from pdfplumber import utils

    from lkip_audit.extract.pdfium_source import is_shading

    rects, shading = [], []
    for r in pp.rects:
        if is_shading(bool(r.get("fill")), bool(r.get("stroke")), float(r["width"]), float(r["height"])):
            shading.append((float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])))
        else:
            rects.append(r)
    edges = list(map(utils.line_to_edge, pp.lines))
    edges += [e for r in rects for e in utils.rect_to_edges(r)]
    edges += [e for c in pp.curves for e in utils.curve_to_edges(c)]
    return [e for e in edges if e.get("orientation") in ("h", "v")], shading


class _PlumberSource:
    """Pages read by pdfplumber (pdfminer's layout parse)."""

    name = "pdfplumber"

    def __init__(self, path: Path):
        self.pdf = open_pdf(path)
        self.count = len(self.pdf.pages)

    def page(self, number: int) -> tuple[PageData, str]:
        from lkip_audit.extract.pdfium_source import PageData

        pp = self.pdf.pages[number - 1]
        try:
            words = pp.extract_words(extra_attrs=WORD_ATTRS, keep_blank_chars=False, use_text_flow=False)
            edges, shading = ruling_edges(pp)
            has_images = bool(pp.images) if not words else False
            data = PageData(number, float(pp.width), float(pp.height), int(pp.rotation or 0), words, edges,
                            has_images, shading)
        finally:
            pp.close()  # drop pdfminer's layout objects of this page
        return data, self.name

    def close(self) -> None:
        self.pdf.close()


class _PdfiumSource:
    """Pages read by PDFium; a page it cannot read goes to pdfplumber."""

    name = "pdfium"

    def __init__(self, path: Path):
        self.path = path
        self.pdf = _open_pdfium(path)
        self.count = len(self.pdf)
        self._fallback: _PlumberSource | None = None

    def page(self, number: int) -> tuple[PageData, str]:
        from lkip_audit.extract.pdfium_source import read_page

        try:
            return read_page(self.pdf, number - 1), self.name
        except Exception as e:
            if getattr(e, "page_reason", None):
                raise  # a page limit from the guard, not a reading failure
            # A rotated page, or one PDFium could not parse: the reference reader.
            if self._fallback is None:
                self._fallback = _PlumberSource(self.path)
            return self._fallback.page(number)

    def close(self) -> None:
        self.pdf.close()
        if self._fallback is not None:
            self._fallback.close()


def _open_source(path: Path, backend: str):
    if backend == "pdfium":
        return _PdfiumSource(path)
    if backend == "pdfplumber":
        return _PlumberSource(path)
    raise ValueError(f"unknown backend {backend!r}; one of {BACKENDS}")


def read_document(
    path: str | os.PathLike,
    progress: Callable[[int, int], None] | None = None,
    keep_words: bool = False,
    page_guard: Callable[[int], AbstractContextManager] | None = None,
    backend: str = "pdfium",
) -> Document:
    """Extract the whole document. ``progress(done, total)`` is called after each page.

    ``page_guard(number)``, when given, returns a context manager wrapped around the
    reading of each page (extract/guard.py: page timer, document deadline, pages to
    skip). An exception with ``page_reason`` / ``page_detail`` raised from it becomes
    a PageProblem with that reason; any other exception makes the page "damaged".

    ``backend`` picks the page source: "pdfium" (default; pdfplumber reads the pages
    PDFium cannot) or "pdfplumber" (the reference).
    """
    path = Path(path)
    source = _open_source(path, backend)
    digest = sha256_of(path)
    pages: list[Page] = []
    problems: list[PageProblem] = []
    pieces: list[Piece] = []
    text_tops: dict[int, list[float]] = {}
    pending_caption: Caption | None = None
    running: set = set()  # the previous page's lines, to tell running headers and footers
    identity = IdentityReader()  # instansi and tahun (extract/identity.py)
    helper: _Helper | None = None
    try:
        total = source.count
        if _helper_wanted(total, page_guard, backend):
            helper = _Helper.start(path, backend, total)
        for i in range(1, total + 1):
            try:
                with page_guard(i) if page_guard else nullcontext():
                    got = helper.take(i, pending_caption, running) if helper is not None else None
                    if got is None:
                        data, read_by = source.page(i)
                        got = _read_page(data, read_by, pending_caption, running)
                    page, page_pieces, tops, pending_caption, running = got
                    _check_complexity(page_pieces)
            except Exception as e:  # a damaged page must not stop the others
                # MemoryError: the page needs more than the reader's memory limit (a
                # decompression bomb, extract/guard.py DEFAULT_MEMORY_MB), not a damaged page
                reason = getattr(e, "page_reason", "memory" if isinstance(e, MemoryError) else "damaged")
                detail = getattr(e, "page_detail", None) or f"{type(e).__name__}: {e}"[:200]
                page = Page(number=i, width=0, height=0, text="", has_text=False, problem=reason)
                problems.append(PageProblem(i, reason, detail))
                page_pieces, tops, running = [], [], set()
            else:
                if not page.has_text and page.problem == "image-only":
                    problems.append(PageProblem(i, "image-only", "the page is an image without a text layer"))
            identity.see(page)
            if not keep_words:
                page.words = []
            pages.append(page)
            pieces.extend(page_pieces)
            text_tops[i] = tops
            if progress:
                progress(i, total)
    finally:
        if helper is not None:
            helper.close()
        source.close()
    tables = build_tables(pieces, text_tops)
    instansi, tahun = identity.result(tables)
    return Document(
        path=str(path),
        sha256=digest,
        page_count=len(pages),
        pages=pages,
        tables=tables,
        instansi=instansi,
        tahun=tahun,
        problems=problems,
    )


# -- a second reader process for the later pages of a long document (issue #7) ---------------
#
# Reading the pages is most of a cold check and each page is read on its own, so a
# document of MIN_PAGES_FOR_HELPER pages or more is read by two processes when two
# CPUs are there: this one reads the first 45% of the pages, a forked helper the rest, and this
# one takes the helper's pages in order, each under the same page guard as a page it
# reads itself (the page timer, the document deadline, the parent's page messages),
# so limits, problems and the Document are the same as when one process reads them
# all. A page depends on the one before (a caption left pending at its bottom, the
# running headers of the previous page): the helper starts two pages early to learn
# that state, and its pages are used only when the state it learnt is the one this
# process reached. Whenever the helper does not deliver (it ended, stopped on a page
# that raised, died, or the state differed), this process reads the pages itself.

READERS_ENV = "LKIP_AUDIT_READERS"  # lkip_audit/forked.py WORKERS_ENV
MIN_PAGES_FOR_HELPER = 16
HELPER_PAGE_SECONDS = 120  # the helper is killed (SIGALRM, default action) on a page this long


def reader_processes() -> int:
    """How many processes may read one document's pages (lkip_audit/forked.py ``workers``:
    ``$LKIP_AUDIT_READERS`` 1 or 2, else 2 when a second CPU is idle now)."""
    from lkip_audit.forked import workers

    return workers()


def _helper_wanted(total: int, page_guard, backend: str) -> bool:
    import threading
    import time

    if total < MIN_PAGES_FOR_HELPER or backend != "pdfium" or not hasattr(os, "fork"):
        return False
    if reader_processes() < 2 or threading.active_count() != 1:
        return False  # forking a process that runs other threads may copy a lock they hold
    if page_guard is not None:
        if getattr(page_guard, "skip", None):
            return False  # a read again after a page stalled or killed the reader: one process
        if getattr(page_guard, "clock", time.monotonic) is not time.monotonic:
            return False  # a test's clock that each page advances: pages one after another
    return True


class _Helper:
    """The forked process reading pages ``first``..total, and this process's side of it."""

    def __init__(self, pid: int, fd: int, first: int):
        import threading

        self.pid, self.first = pid, first
        self.next = first  # the only page take() may serve next
        self._state = None  # (pending caption, running lines) the helper starts ``first`` with
        self._pages: dict[int, bytes] = {}  # pickled results, unpickled when taken
        self._ended = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._drain, args=(fd,), name="lkip-audit-helper", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, path: Path, backend: str, total: int) -> _Helper | None:
        first = _helper_first(total)
        try:
            r, w = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            return None
        if pid == 0:  # the helper: never returns into the caller's code
            code = 0
            try:
                os.close(r)
                _detach_helper(w, os.getppid())
                _helper_main(path, backend, first, total, w)
            except BaseException:  # noqa: BLE001 - this process reads the rest itself
                code = 1
            finally:
                os._exit(code)
        os.close(w)
        return cls(pid, r, first)

    def _drain(self, fd: int) -> None:
        from multiprocessing.connection import Connection

        conn = Connection(fd, writable=False)
        try:
            while True:
                data = conn.recv_bytes()
                kind, page = data[:1], int.from_bytes(data[1:5], "big")
                with self._cond:
                    if kind == b"s":
                        self._state = data[5:]
                    else:
                        self._pages[page] = data[5:]
                    self._cond.notify_all()
        except (EOFError, OSError):
            pass
        finally:
            conn.close()
            with self._cond:
                self._ended = True
                self._cond.notify_all()

    def take(self, number: int, pending: Caption | None, running: set):
        """The helper's result for page ``number`` read from state (``pending``,
        ``running``), waiting for it (under the caller's page guard); None when the
        helper cannot give it: the caller reads the page itself, and every later one."""
        import pickle

        if number < self.first:
            return None
        if number != self.next:
            self.stop()
            return None
        with self._cond:
            while number not in self._pages and not self._ended:
                self._cond.wait(0.05)
            state, data = self._state, self._pages.pop(number, None)
        if data is None or state is None:
            self.stop()
            return None
        if number == self.first and pickle.loads(state) != (pending, running):
            self.stop()  # the pages before differ from what the helper assumed
            return None
        self.next = number + 1
        return pickle.loads(data)

    def stop(self) -> None:
        self.next = -1
        self.close()

    def close(self) -> None:
        from lkip_audit.forked import reap

        if self.pid:
            reap(self.pid)
            self.pid = 0


def _detach_helper(keep: int, parent: int) -> None:
    """In the helper: close every inherited descriptor but stdio and ``keep`` (the reader's
    pipe to its parent among them, so the parent sees the reader's end when the reader
    dies, not when the helper does; the parent's PDF handle, never used here), and die
    with the reader (Linux PR_SET_PDEATHSIG; elsewhere the next send fails)."""
    from lkip_audit.forked import die_with

    os.closerange(3, keep)
    os.closerange(keep + 1, 1 << 16)
    die_with(parent)


def _helper_first(total: int) -> int:
    """The first page of the helper's part: 55% of the pages (it also reads the two before
    its part; this process also unpickles and looks at each of the helper's pages, and is
    shared with the parent's imports of the checks meanwhile)."""
    return max(3, total - round(0.55 * total) + 1)


def _helper_main(path: Path, backend: str, first: int, total: int, fd: int) -> None:
    """The helper process: the state entering ``first`` (from the two pages before it),
    then each page's result, pickled, in order; it stops at the first page that raises."""
    import pickle
    import signal
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # a page that stalls ends this process
    conn = Connection(fd, readable=False)
    source = _open_source(path, backend)  # its own document: never the parent's handles
    pending, running = None, None

    def send(kind: bytes, number: int, value) -> None:
        conn.send_bytes(kind + number.to_bytes(4, "big") + pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    for i in (first - 2, first - 1):
        signal.alarm(HELPER_PAGE_SECONDS)
        data, read_by = source.page(i)
        _, _, _, pending, running = _read_page(data, read_by, pending, running)
    send(b"s", first, (pending, running))
    for i in range(first, total + 1):
        signal.alarm(HELPER_PAGE_SECONDS)
        data, read_by = source.page(i)
        got = _read_page(data, read_by, pending, running)
        _check_complexity(got[1])
        send(b"p", i, got)
        pending, running = got[3], got[4]
    signal.alarm(0)


# More table cells than any real report page holds (a dense A4 page: ~60 rows x 20
# columns = 1,200): a page built to stall the stitching is reported, not read.
MAX_CELLS_PER_PAGE = 5000


class PageTooComplex(Exception):
    page_reason = "too-complex"

    def __init__(self, cells: int):
        self.page_detail = f"{cells} table cells on the page (limit {MAX_CELLS_PER_PAGE})"
        super().__init__(self.page_detail)


def _check_complexity(pieces: list[Piece]) -> None:
    cells = sum(len(p.cells) for p in pieces)
    if cells > MAX_CELLS_PER_PAGE:
        raise PageTooComplex(cells)


def _line_key(ln: Line) -> tuple[str, int]:
    """A line's text with its numbers blanked, and its position: a running header or
    footer ("Laporan Kinerja ... Tahun 2016  37") has the same key on the next page."""
    return re.sub(r"\d+", "#", normalise_space(ln.text)).lower(), round(ln.top / 3)


def _read_page(data: PageData, read_by: str, pending_caption: Caption | None, running: set | None = None):
    """The page, its table pieces, the tops of its body-text lines, the caption left
    pending for the next page, and its line keys (``running`` of the next call).

    ``running``: the previous page's line keys; a line repeated there at the same height
    is a running header or footer, not body text, wherever it stands on the page."""
    running = running or set()
    words, number = data.words, data.number
    lines = group_lines(words)
    text = "\n".join(ln.text for ln in lines)
    page = Page(
        number=number,
        width=data.width,
        height=data.height,
        text=text,
        words=[Word(w["text"], BBox(w["x0"], w["top"], w["x1"], w["bottom"]), "bold" in w.get("fontname", "").lower()) for w in words],
        has_text=bool(words),
        rotation=data.rotation,
    )
    if not words:
        if data.has_images:
            page.problem = "image-only"
        return page, [], [], pending_caption, set()

    # Candidate table signs: both finders need horizontal rules; a page without any
    # is plain text and costs nothing more.
    pieces = _find_pieces(data, read_by)

    def in_table(ln: Line) -> bool:
        mid = (ln.top + ln.bottom) / 2
        return any(p.bbox.top - 1 <= mid <= p.bbox.bottom + 1 and ln.x0 < p.bbox.x1 and ln.x1 > p.bbox.x0 for p in pieces)

    free_lines = [ln for ln in lines if not in_table(ln)]
    captions = find_captions(free_lines)
    caption_lines = {id(ln) for c in captions for ln in c.lines}
    keys = {_line_key(ln) for ln in lines}

    def repeated(ln: Line) -> bool:
        text, y = _line_key(ln)
        return any((text, y + d) in running for d in (-1, 0, 1))

    body_lines = [ln for ln in free_lines if id(ln) not in caption_lines and not repeated(ln)]
    _attach_captions(pieces, captions, body_lines)

    # A caption left at the bottom of the previous page belongs to this page's first table.
    if pending_caption is not None and pieces and pieces[0].caption is None:
        first = pieces[0]
        if not any(ln.bottom < first.bbox.top and _is_body_text(ln, data.height) for ln in body_lines):
            first.caption, first.caption_position = pending_caption, "above"
    new_pending = None
    claimed = {id(p.caption) for p in pieces if p.caption is not None}
    for c in captions:
        if id(c) not in claimed and not any(p.bbox.top > c.bbox.bottom for p in pieces):
            if not any(ln.top > c.bbox.bottom and _is_body_text(ln, data.height) for ln in body_lines):
                new_pending = c
    tops = [ln.top for ln in body_lines if _is_body_text(ln, data.height)]
    return page, pieces, tops, new_pending, keys


def _find_pieces(data: PageData, read_by: str) -> list[Piece]:
    """The tables of a page: ruled ones from the ruling lines, then h-rule ones.

    Shading (filled rectangles behind cells or rows) is no ruling line: inside a table
    found from the rules it is ignored, so a shaded header cell does not split its
    column into sub-columns. A table drawn only with shaded cells (white gaps between
    coloured boxes, no lines) is found from the shading's sides, as a last resort.
    """
    from lkip_audit.extract.pdfium_source import shading_edges

    words, number = data.words, data.number
    edges = data.edges
    ruled = find_ruled(edges, number, words, read_by) if any(e["orientation"] == "h" for e in edges) else []

    def inside(r: tuple, b: BBox) -> bool:
        return r[0] >= b.x0 - 3 and r[2] <= b.x1 + 3 and r[1] >= b.top - 3 and r[3] <= b.bottom + 3

    rest = [r for r in data.shading if not any(inside(r, p.bbox) for p in ruled)]
    if rest:
        edges = edges + shading_edges(rest)
        more = find_ruled(edges, number, words, read_by)
        ruled += [p for p in more if not any(_overlap(p.bbox, q.bbox) for q in ruled)]
    if not any(e["orientation"] == "h" for e in edges):
        return find_ruleless(data, read_by, [])  # issue #11: tables without any rule
    hr = find_hrules(edges, number, words, [p.bbox for p in ruled], read_by)
    hr += find_ruleless(data, read_by, [p.bbox for p in ruled + hr])  # issue #11
    return sorted(ruled + hr, key=lambda p: (p.bbox.top, p.bbox.x0))


def _overlap(a: BBox, b: BBox) -> bool:
    return a.x0 < b.x1 - 2 and b.x0 < a.x1 - 2 and a.top < b.bottom - 2 and b.top < a.bottom - 2


def _is_body_text(ln: Line, page_height: float) -> bool:
    """Not the running header or footer (top and bottom 7% of the page)."""
    return page_height * 0.07 < ln.top < page_height * 0.93


def _attach_captions(pieces: list[Piece], captions: list[Caption], body_lines: list[Line]) -> None:
    """Give each caption to the table it names: the nearest table directly below it
    (no text between), else the nearest directly above it."""

    def clear_between(top: float, bottom: float) -> bool:
        return not any(top < (ln.top + ln.bottom) / 2 < bottom for ln in body_lines)

    for c in captions:
        below = [p for p in pieces if p.bbox.top >= c.bbox.bottom - 2 and p.caption is None]
        below.sort(key=lambda p: p.bbox.top)
        above = [p for p in pieces if p.bbox.bottom <= c.bbox.top + 2 and p.caption is None]
        above.sort(key=lambda p: -p.bbox.bottom)
        cand_below = below[0] if below and below[0].bbox.top - c.bbox.bottom < 60 and clear_between(c.bbox.bottom, below[0].bbox.top) else None
        cand_above = above[0] if above and c.bbox.top - above[0].bbox.bottom < 40 and clear_between(above[0].bbox.bottom, c.bbox.top) else None
        if cand_below is not None and cand_above is not None:
            # Between two tables: the closer one; ties go to the table below (the usual style).
            gap_b = cand_below.bbox.top - c.bbox.bottom
            gap_a = c.bbox.top - cand_above.bbox.bottom
            if gap_a + 2 < gap_b:
                cand_below = None
            else:
                cand_above = None
        if cand_below is not None:
            cand_below.caption, cand_below.caption_position = c, "above"
        elif cand_above is not None:
            cand_above.caption, cand_above.caption_position = c, "below"


def tables_summary(tables: list[Table]) -> list[dict]:
    return [
        {
            "id": t.id,
            "number": t.number,
            "title": t.title,
            "pages": t.pages,
            "columns": t.columns,
            "rows": len(t.rows),
            "caption": t.caption_position,
            "extractor": t.extractor,
        }
        for t in tables
    ]
