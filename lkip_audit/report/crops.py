"""Page crops for the HTML report: the cell(s) of a finding, highlighted.

Each page that a finding needs is rendered once with pdfium (pypdfium2, the
renderer pdfplumber uses for ``to_image``), the crops are cut from it, marked
with Pillow and encoded as JPEG data URIs, so the HTML file stays
self-contained. Coordinates are the extract stage's: PDF points, origin at the
top-left of the page.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

# Highlight colours (RGBA): the finding's cell, its row, a related cell.
STYLE = {
    "cell": {"outline": (220, 30, 30, 255), "fill": (255, 60, 60, 45), "width": 3},
    "row": {"outline": None, "fill": (255, 215, 0, 70), "width": 0},
    "related": {"outline": (30, 90, 220, 255), "fill": (60, 120, 255, 40), "width": 2},
}


@dataclass(frozen=True)
class Mark:
    box: Box
    kind: str  # cell | row | related


@dataclass(frozen=True)
class CropSpec:
    page: int  # 1-based
    area: Box
    marks: tuple[Mark, ...] = ()
    max_width: int = 900  # pixels; whole-page thumbnails are scaled down to it


def render_crops(pdf_path: str, specs: list[CropSpec], dpi: int = 100, quality: int = 62) -> dict[CropSpec, str]:
    """Data URIs (image/jpeg) for every spec; pages are rendered once each, in page order.

    A page that cannot be rendered gives no image for its specs (the report says so)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    out: dict[CropSpec, str] = {}
    by_page: dict[int, list[CropSpec]] = {}
    for sp in dict.fromkeys(specs):
        by_page.setdefault(sp.page, []).append(sp)
    if not by_page:
        return out
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        for pno in sorted(by_page):
            if not 1 <= pno <= len(pdf):
                continue
            page = pdf[pno - 1]
            try:
                w_pt, h_pt = page.get_size()
                if page.get_rotation() in (90, 270):
                    w_pt, h_pt = h_pt, w_pt
                img = page.render(scale=dpi / 72).to_pil().convert("RGB")
            except Exception:  # a damaged page: no crop, never a crash
                continue
            finally:
                page.close()
            sx, sy = img.width / w_pt, img.height / h_pt
            for sp in by_page[pno]:
                x0, top, x1, bottom = _clamp(sp.area, w_pt, h_pt)
                if x1 - x0 < 2 or bottom - top < 2:
                    continue
                box = (int(x0 * sx), int(top * sy), int(x1 * sx), int(bottom * sy))
                crop = img.crop(box).convert("RGBA")
                overlay = Image.new("RGBA", crop.size, (0, 0, 0, 0))
                draw = ImageDraw.Draw(overlay)
                for m in sorted(sp.marks, key=lambda m: ("row", "related", "cell").index(m.kind)):
                    st = STYLE[m.kind]
                    r = [(m.box[0] - x0) * sx - 2, (m.box[1] - top) * sy - 2,
                         (m.box[2] - x0) * sx + 2, (m.box[3] - top) * sy + 2]
                    draw.rectangle(r, fill=st["fill"], outline=st["outline"], width=st["width"])
                crop = Image.alpha_composite(crop, overlay).convert("RGB")
                if crop.width > sp.max_width:
                    crop = crop.resize((sp.max_width, max(1, round(crop.height * sp.max_width / crop.width))),
                                       Image.LANCZOS)
                buf = io.BytesIO()
                crop.save(buf, "JPEG", quality=quality, optimize=True)
                out[sp] = "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    finally:
        pdf.close()
    return out


def _clamp(area: Box, w: float, h: float) -> Box:
    return (max(0.0, area[0]), max(0.0, area[1]), min(w, area[2]), min(h, area[3]))


def union(boxes) -> Box | None:
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
