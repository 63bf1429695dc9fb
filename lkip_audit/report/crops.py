"""Page images and sentence boxes for the report viewer (report/html.py).

Each page the viewer needs is rendered once with pdfium (pypdfium2, the renderer
pdfplumber uses for ``to_image``) and encoded as WebP; the viewer draws the
highlights (cell, row, related cells, sentence) over the image in the browser,
so one image serves every finding on its page. ``render_pages`` keeps the
images of a report within a byte budget: when the pages are many, each is
encoded smaller (lower resolution, then lower quality) until it fits its share.

``sentence_boxes`` finds where a narrative finding's sentence is printed: the
extract stage keeps the sentence's text but not its position, so the text is
looked up again in pdfium's text layer of that page, ignoring whitespace,
hyphens and punctuation (the sentence had its line-end hyphens removed), and
its characters give one box per printed line.

Coordinates are the extract stage's: PDF points, origin at the top-left of the page.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

DPI = 110  # readable at the viewer's width; about 50 KB a page as WebP
QUALITY = 55
# Smaller encodings tried in turn when a page exceeds its share of the budget:
# (pixels per point relative to DPI, WebP quality).
LADDER = ((1.0, QUALITY), (0.87, 45), (0.73, 40), (0.65, 30), (0.55, 25), (0.45, 20))
MIME = "image/webp"


@dataclass(frozen=True)
class PageImage:
    page: int  # 1-based
    data: bytes  # WebP
    width: int  # pixels
    height: int

    @property
    def mime(self) -> str:
        return MIME

    def data_uri(self) -> str:
        return f"data:{MIME};base64," + base64.b64encode(self.data).decode("ascii")


def render_pages(pdf_path: str, pages, *, dpi: int = DPI, budget: int | None = None) -> dict[int, PageImage]:
    """One image per page (1-based numbers), in page order.

    ``budget``: the most bytes all images together should take (before base64); each page
    gets an equal share and is encoded smaller until it fits (the smallest encoding is kept
    when none fits). A page that cannot be rendered is left out (the viewer says so)."""
    import pypdfium2 as pdfium

    wanted = sorted({int(p) for p in pages if p})
    out: dict[int, PageImage] = {}
    if not wanted:
        return out
    share = budget // len(wanted) if budget else None
    step = 0  # where the ladder starts: one step above the previous page's (pages of a report are alike)
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        for pno in wanted:
            if not 1 <= pno <= len(pdf):
                continue
            img = _render(pdf, pno, dpi)
            if img is not None:
                out[pno], used = _encode(pno, img, share, step)
                step = max(0, used - 1)
    finally:
        pdf.close()
    return out


def page_image(pdf_path: str, page: int, *, dpi: int = DPI) -> PageImage | None:
    """One page's image at full quality (for a served viewer that fetches pages by URL)."""
    return render_pages(pdf_path, [page], dpi=dpi).get(page)


def _render(pdf, pno: int, dpi: int):
    page = pdf[pno - 1]
    try:
        return page.render(scale=dpi / 72).to_pil().convert("RGB")
    except Exception:  # a damaged page: no image, never a crash
        return None
    finally:
        page.close()


def _encode(pno: int, img, share: int | None, start: int = 0) -> tuple[PageImage, int]:
    """The page encoded at the first step of LADDER (from ``start``) that fits ``share``
    bytes (the last step when none does); and that step."""
    from PIL import Image

    for step in range(start, len(LADDER)):
        scale, quality = LADDER[step]
        im = img if scale == 1.0 else img.resize(
            (max(1, round(img.width * scale)), max(1, round(img.height * scale))), Image.LANCZOS)
        buf = io.BytesIO()
        im.save(buf, "WEBP", quality=quality, method=2)
        best = PageImage(pno, buf.getvalue(), im.width, im.height)
        if share is None or len(best.data) <= share:
            break
    return best, step


# -- where a sentence is printed ----------------------------------------------------

def _compact(text: str) -> tuple[str, list[int]]:
    """The letters and digits of a text, case-folded, with the index of each in the text."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch.isalnum():
            low = ch.casefold()
            chars.append(low[0])
            index.append(i)
    return "".join(chars), index


MIN_MATCH = 12  # letters and digits of a sentence's beginning that must match to place it


def sentence_boxes(pdf_path: str, wanted: dict[int, list[str]]) -> dict[tuple[int, str], list[Box]]:
    """For each page and sentence text: one box per printed line of the sentence on that page.

    A sentence that runs onto the next page is outlined as far as it goes on its first page;
    a sentence not found in the text layer (an OCR'd page, text drawn as curves) gets no entry."""
    import pypdfium2 as pdfium

    out: dict[tuple[int, str], list[Box]] = {}
    if not wanted:
        return out
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        for pno in sorted(wanted):
            if not 1 <= pno <= len(pdf):
                continue
            page = pdf[pno - 1]
            try:
                if page.get_rotation() in (90, 270):
                    continue  # rotated text layer: not worth the arithmetic for an outline
                height = page.get_size()[1]
                tp = page.get_textpage()
                try:
                    text = tp.get_text_range()
                    if len(text) != tp.count_chars():
                        continue  # characters and text do not line up: no reliable boxes
                    hay, hay_index = _compact(text)
                    for sentence in dict.fromkeys(wanted[pno]):
                        span = _find(hay, _compact(sentence)[0])
                        if span is None:
                            continue
                        boxes = []
                        for k in range(*span):
                            x0, bottom, x1, top = tp.get_charbox(hay_index[k])
                            if x1 > x0 and top > bottom:
                                boxes.append((x0, height - top, x1, height - bottom))
                        lines = _lines(boxes)
                        if lines:
                            out[(pno, sentence)] = lines
                finally:
                    tp.close()
            except Exception:  # a damaged text layer: no outline, never a crash
                continue
            finally:
                page.close()
    finally:
        pdf.close()
    return out


def _find(hay: str, needle: str) -> tuple[int, int] | None:
    """Where the needle is in the hay: all of it, else as much of its beginning as continues
    after the first MIN_MATCH characters (a sentence cut by the page end)."""
    if len(needle) < MIN_MATCH:
        return None
    at = hay.find(needle)
    if at >= 0:
        return at, at + len(needle)
    at = hay.find(needle[:MIN_MATCH * 3]) if len(needle) > MIN_MATCH * 3 else -1
    if at < 0:
        at = hay.find(needle[:MIN_MATCH])
    if at < 0:
        return None
    n = 0
    while at + n < len(hay) and n < len(needle) and hay[at + n] == needle[n]:
        n += 1
    return at, at + n


def _lines(boxes: list[Box]) -> list[Box]:
    """Character boxes (in reading order) joined into one box per printed line."""
    lines: list[list[float]] = []
    for x0, top, x1, bottom in boxes:
        mid = (top + bottom) / 2
        if lines and lines[-1][1] <= mid <= lines[-1][3]:
            ln = lines[-1]
            ln[0], ln[1], ln[2], ln[3] = min(ln[0], x0), min(ln[1], top), max(ln[2], x1), max(ln[3], bottom)
        else:
            lines.append([x0, top, x1, bottom])
    return [tuple(round(v, 1) for v in ln) for ln in lines]


def union(boxes) -> Box | None:
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
