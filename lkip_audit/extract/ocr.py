"""OCR of scanned (image-only) pages, with ``--ocr``.

Optional: needs the ``ocr`` extra (pytesseract) and Tesseract with the Indonesian
language data (Debian: ``apt-get install tesseract-ocr tesseract-ocr-ind``).

How a scanned page is read: it is rendered (PDFium, 300 dpi, grey); the ruling
lines of its tables are found in the image (long runs of dark pixels) and erased
before Tesseract reads the words, so that lines are not read as characters; then
the page is rebuilt as a vector page - the ruling lines as drawn lines, each word
as text at the position Tesseract found it - and that page goes through the same
reader as every other page. Only the scanned pages are rebuilt; the other pages
are copied unchanged.

Every cell of a rebuilt page is marked ``Cell.ocr = True`` and read strictly: a
number cell with anything but digits, separators, sign, %, "Rp" or a unit word
next to its digits ("9S,26", "l00", "95;26") is malformed (DQ001, reported with
its page, row and column), never repaired into a number.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lkip_audit.extract.model import Document, PageProblem
from lkip_audit.numbers import ParsedNumber, parse_number

DPI = 300
OCR_TIME_FACTOR = 4  # an OCR'd page may take this many times the page time limit


class OcrUnavailable(Exception):
    pass


def tesseract_status(lang: str = "ind") -> str | None:
    """None when OCR can run with ``lang``; otherwise why not (English, short)."""
    try:
        import pytesseract
    except ImportError:
        return "pytesseract is not installed (pip install 'lkip-audit[ocr]')"
    try:
        langs = pytesseract.get_languages(config="")
    except Exception as e:  # noqa: BLE001 - binary missing or broken
        return f"Tesseract is not installed ({type(e).__name__}); apt-get install tesseract-ocr tesseract-ocr-{lang}"
    if lang not in langs:
        return f"Tesseract has no '{lang}' language data; apt-get install tesseract-ocr-{lang}"
    return None


# ---------------------------------------------------------------------------
# which pages are scanned


def scanned_pages(path: str | os.PathLike) -> list[int]:
    """1-based pages without a text layer, or whose text layer is only noise, that
    hold an image (cheap: PDFium text and page objects, no layout)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from lkip_audit.extract.noise import text_is_noise

    out = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                tp = page.get_textpage()
                text = tp.get_text_range() if tp.count_chars() else ""
                tp.close()
                if text.strip() and not text_is_noise(text):
                    continue
                if any(o.type == raw.FPDF_PAGEOBJ_IMAGE for o in page.get_objects(max_depth=2)):
                    out.append(i + 1)
            finally:
                page.close()
    finally:
        pdf.close()
    return out


# ---------------------------------------------------------------------------
# one page: image -> ruling lines + words


@dataclass
class OcrWord:
    text: str
    x0: float  # points, top-left origin
    top: float
    x1: float
    bottom: float
    conf: float
    bold: bool = False


@dataclass
class OcrPage:
    width: float  # points
    height: float
    hlines: list[tuple[float, float, float]]  # (y, x0, x1) in points
    vlines: list[tuple[float, float, float]]  # (x, top, bottom)
    words: list[OcrWord]


def _runs(mask_1d, min_len: int):
    """Start/end indices of runs of True at least ``min_len`` long."""
    import numpy as np

    padded = np.concatenate(([False], mask_1d, [False]))
    d = np.diff(padded.astype(np.int8))
    starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1)
    keep = ends - starts >= min_len
    return list(zip(starts[keep].tolist(), ends[keep].tolist()))


def find_rules(dark, min_len: int):
    """Horizontal and vertical ruling lines of a binary image (True = ink).
    Returns pixel segments ((y, x0, x1) list, (x, y0, y1) list), thick lines merged."""
    def segments(img):
        segs = []
        for y in range(img.shape[0]):
            row = img[y]
            if row.sum() < min_len:
                continue
            for a, b in _runs(row, min_len):
                segs.append((y, a, b))
        merged: list[list[int]] = []  # consecutive rows with overlapping runs are one line
        for y, a, b in segs:
            for m in merged:
                if y - m[4] <= 1 and a < m[2] and b > m[1]:
                    m[1], m[2], m[4] = min(m[1], a), max(m[2], b), y
                    break
            else:
                merged.append([y, a, b, y, y])
        return [((m[0] + m[4]) / 2, m[1], m[2]) for m in merged if m[4] - m[0] <= 8]

    return segments(dark), segments(dark.T)


def ocr_image(img, lang: str = "ind", dpi: int = DPI) -> OcrPage:
    """Read one page image (PIL, any mode)."""
    import numpy as np
    import pytesseract
    from PIL import Image

    grey = np.asarray(img.convert("L"))
    dark = grey < 160
    min_len = int(dpi * 0.25)  # a ruling line is at least a quarter inch long
    h_px, v_px = find_rules(dark, min_len)
    clean = grey.copy()
    for y, a, b in h_px:
        y0, y1 = int(y) - 4, int(y) + 5
        clean[max(y0, 0):y1, a:b] = 255
    for x, a, b in v_px:
        x0, x1 = int(x) - 4, int(x) + 5
        clean[a:b, max(x0, 0):x1] = 255
    data = pytesseract.image_to_data(
        Image.fromarray(clean), lang=lang, config="--psm 11", output_type=pytesseract.Output.DICT
    )
    k = 72.0 / dpi
    words = []
    ink = []
    clean_dark = clean < 160
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        words.append(OcrWord(text, x * k, y * k, (x + w) * k, (y + h) * k, conf))
        # stroke weight: ink per unit of text height (bold type is darker for its size)
        ink.append(float(clean_dark[y:y + h, x:x + w].sum()) / max(w * h, 1) if w and h else 0.0)
    # Tesseract's Indonesian model reads a lone "%" (a column header) as "Yo" or
    # "(?0)"; its English model does not: short words are read again with it and
    # replaced only when it sees a percent sign there.
    img_clean = Image.fromarray(clean)
    for word in words:
        if len(word.text) <= 4 and (word.text in ("Yo", "yo", "Y9", "%o") or not word.text.isalnum()) \
                and not any(ch.isdigit() for ch in word.text) and "%" not in word.text:
            box = (int(word.x0 / k) - 6, int(word.top / k) - 6, int(word.x1 / k) + 6, int(word.bottom / k) + 6)
            again = pytesseract.image_to_string(img_clean.crop(box), lang="eng", config="--psm 8").strip()
            if again in ("%", "(%)"):
                word.text = again
    # Bold words (header rows are told by their bold type) are the ones clearly
    # inkier than the page's usual text.
    if len(ink) >= 5:
        usual = float(np.median(ink))
        for word, d in zip(words, ink):
            word.bold = usual > 0 and d > usual * 1.35 and len(word.text) >= 2
    return OcrPage(
        width=grey.shape[1] * k,
        height=grey.shape[0] * k,
        hlines=[(y * k, a * k, b * k) for y, a, b in h_px],
        vlines=[(x * k, a * k, b * k) for x, a, b in v_px],
        words=words,
    )


def draw_page(c, page: OcrPage) -> None:
    """Rebuild one page on a reportlab canvas: lines as lines, words as text in their boxes."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c.setPageSize((page.width, page.height))
    c.setLineWidth(0.5)
    for y, a, b in page.hlines:
        c.line(a, page.height - y, b, page.height - y)
    for x, a, b in page.vlines:
        c.line(x, page.height - a, x, page.height - b)
    for w in page.words:
        text = w.text.encode("latin-1", "replace").decode("latin-1")
        height = max(w.bottom - w.top, 1.0)
        size = max(min(height / 0.75, 24.0), 3.0)  # digits and capitals are ~0.72 em tall
        font = "Helvetica-Bold" if w.bold else "Helvetica"
        natural = stringWidth(text, font, size) or 1.0
        t = c.beginText()
        t.setFont(font, size)
        t.setHorizScale(100.0 * max(w.x1 - w.x0, 0.5) / natural)
        t.setTextOrigin(w.x0, page.height - w.bottom)
        # the space ends the word for the reader (the gap alone may be narrower
        # than its word-joining tolerance)
        t.textOut(text + " ")
        c.drawText(t)
    c.showPage()


# ---------------------------------------------------------------------------
# strict numbers for OCR cells

_NUMERIC_TOKEN = re.compile(r"^(?:Rp\.?)?\(?[-\u2212]?[\d.,]+\)?%?$")


def strict_number(text: str) -> ParsedNumber:
    """parse_number, stricter for text read by OCR: a token that mixes digits with
    other characters is malformed, never repaired ("9S,26", "1O0", "95;26")."""
    parsed = parse_number(text)
    if parsed.kind in ("empty", "malformed"):
        return parsed
    tokens = text.split()
    digit_tokens = [tk for tk in tokens if any(ch.isdigit() for ch in tk)]
    bad = [tk for tk in digit_tokens if not _NUMERIC_TOKEN.match(tk) and not re.fullmatch(r"\d+-\d+", tk)]
    if bad and (parsed.kind != "text" or len(digit_tokens) == len(tokens)):
        return ParsedNumber(text=text, kind="malformed", style=parsed.style,
                            problem=f"OCR: {bad[0]!r} mixes digits with other characters")
    return parsed


# ---------------------------------------------------------------------------
# the document


def read_with_ocr(
    path: str | os.PathLike,
    lang: str = "ind",
    progress: Callable[[int, int], None] | None = None,
    page_guard=None,
) -> Document:
    """Read ``path``, OCRing its scanned pages first (see the module doc)."""
    from lkip_audit.extract.pdf import read_document, sha256_of

    path = Path(path)
    scanned = scanned_pages(path)
    why_not = tesseract_status(lang) if scanned else None
    if not scanned or why_not:
        doc = read_document(path, progress=progress, page_guard=page_guard)
        if why_not:
            for p in doc.problems:
                if p.reason == "image-only":
                    p.detail = f"OCR unavailable: {why_not}"
                    p.reason = "ocr-unavailable"
        return doc
    with tempfile.TemporaryDirectory(prefix="lkip-ocr-") as tmp:
        rebuilt, failed = _rebuild(path, scanned, lang, Path(tmp), page_guard)
        doc = read_document(rebuilt, progress=progress, page_guard=page_guard)
    doc.path = str(path)
    doc.sha256 = sha256_of(path)
    done = set(scanned) - set(failed)
    for tb in doc.tables:
        for cells in [*tb.header_rows, *(r.cells for r in tb.rows)]:
            for cell in cells:
                if cell.page in done:
                    cell.ocr = True
                    cell._number = strict_number(cell.text)
        if set(tb.pages) & done:
            tb.extractor = f"{tb.extractor}+ocr"
    for page in doc.pages:
        if page.number in failed:
            page.problem = "ocr-failed"
    doc.problems = [p for p in doc.problems if p.page not in failed]
    doc.problems += [PageProblem(n, "ocr-failed", failed[n]) for n in failed]
    doc.problems.sort(key=lambda p: p.page)
    return doc


def _rebuild(path: Path, scanned: list[int], lang: str, tmp: Path, page_guard) -> tuple[Path, dict[int, str]]:
    """A copy of ``path`` with each scanned page replaced by its OCR rebuild.
    Returns the copy and the pages OCR failed on (page -> why)."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    src = pdfium.PdfDocument(str(path))
    failed: dict[int, str] = {}
    ocr_pdf = tmp / "ocr.pdf"
    c = canvas.Canvas(str(ocr_pdf))
    drawn: list[int] = []
    try:
        for n in scanned:
            try:
                ctx = page_guard.scaled(OCR_TIME_FACTOR)(n) if hasattr(page_guard, "scaled") else (page_guard(n) if page_guard else None)
                if ctx is not None:
                    with ctx:
                        img = src[n - 1].render(scale=DPI / 72, grayscale=True).to_pil()
                        page = ocr_image(img, lang)
                else:
                    img = src[n - 1].render(scale=DPI / 72, grayscale=True).to_pil()
                    page = ocr_image(img, lang)
            except Exception as e:  # noqa: BLE001 - one page's OCR must not stop the others
                failed[n] = getattr(e, "page_detail", None) or f"{type(e).__name__}: {e}"[:200]
                continue
            draw_page(c, page)
            drawn.append(n)
        c.save()
        out = pdfium.PdfDocument.new()
        ocr_doc = pdfium.PdfDocument(str(ocr_pdf)) if drawn else None
        where = {n: k for k, n in enumerate(drawn)}
        for i in range(len(src)):
            if (i + 1) in where:
                out.import_pages(ocr_doc, [where[i + 1]])
            else:
                out.import_pages(src, [i])
        rebuilt = tmp / "rebuilt.pdf"
        out.save(str(rebuilt))
        out.close()
        if ocr_doc is not None:
            ocr_doc.close()
    finally:
        src.close()
    return rebuilt, failed
