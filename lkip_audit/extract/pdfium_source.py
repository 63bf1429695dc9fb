"""Read one page with PDFium (pypdfium2): words, ruling lines, images, size.

The fast page source of the extract stage. pdfplumber parses a page through
pdfminer's layout engine (about 0.13 s a page here); PDFium's text page and
page objects give the same facts in a tenth of that (DESIGN.md, "Performance
facts"). What comes out has the shapes the rest of the stage already consumes,
in pdfplumber's conventions, so tables.py, layout.py and stitch.py do not care
which source read the page:

- words: dicts ``text, x0, x1, top, bottom, fontname, upright`` in top-left
  coordinates, split by pdfplumber's own ``WordExtractor`` (x_tolerance 3,
  y_tolerance 3, a word also ends where the font changes) run on character
  dicts built from PDFium's character boxes;
- edges: the page's horizontal and vertical ruling lines as pdfplumber edge
  dicts, derived from the page's path objects the way pdfminer and pdfplumber
  do it (a subpath "m l" is a line, an axis-aligned closed "m l l l h" a
  rectangle contributing its four sides, anything else a curve contributing
  its axis-aligned segments). A filled, unstroked rectangle thicker than
  ``SHADING_MIN`` both ways is cell or row shading, not a rule, and gives no
  edges (``is_shading``): Word paints a shaded cell as several such rectangles
  (the padding strips and the text area), whose sides would otherwise cut the
  column into sub-columns with the header in one and the values in another.

Character boxes follow pdfminer's: x0 is the glyph origin, the box is one em
high with its bottom at the font's descent under the baseline. Widths come
from PDFium's loose box, so x1 may differ from pdfplumber's by a fraction of a
point (measured in tests/extract/test_backends.py).

Pages with a /Rotate other than 0 are not read here (``UnsupportedPage``): the
caller reads them with pdfplumber, whose coordinates follow the displayed page.
"""

from __future__ import annotations

import ctypes
import math
import os
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pr
from pdfplumber.utils.text import WordExtractor

# The word settings pdf.py used with pdfplumber's extract_words.
X_TOLERANCE = 3
Y_TOLERANCE = 3
EPS = 1e-3  # coordinates from PDFium are float32: equal within this
# A filled rectangle at most this thick one way is a ruling line drawn as a rectangle
# (Word draws cell borders as 0.5-1.5 pt filled rectangles); thicker both ways, shading.
SHADING_MIN = 3.0


class UnsupportedPage(Exception):
    """This page needs the pdfplumber reader (rotated page, unusual structure)."""


@dataclass
class PageData:
    """What the extract stage needs from one page, whichever library read it."""

    number: int  # 1-based
    width: float
    height: float
    rotation: int
    words: list[dict]
    edges: list[dict] = field(default_factory=list)  # orientation "h" or "v" only
    has_images: bool = False
    # Shading rectangles (x0, top, x1, bottom): no ruling lines, kept for tables drawn
    # with nothing but shaded cells (pdf._find_pieces).
    shading: list[tuple[float, float, float, float]] = field(default_factory=list)
    # 90 / 270 when the page's text ran sideways and the page was turned upright to be
    # read (``turn_page``): words, edges, width and height are those of the turned page.
    turned: int = 0


def open_document(path: str | os.PathLike) -> pdfium.PdfDocument:
    """Open with PDFium. Raises pdfium.PdfiumError; the caller maps it to a ReadError."""
    return pdfium.PdfDocument(str(path))


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageData:
    """Read page ``index`` (0-based) of an open document."""
    page = pdf[index]
    try:
        rotation = page.get_rotation() % 360
        mx0, my0, mx1, my1 = page.get_mediabox()
        width, height = mx1 - mx0, my1 - my0
        chars = _chars(page, mx0, my1)
        if rotation:
            # /Rotate turns the page for display. When the text runs upright in the page's
            # own space (a page turned sideways by a tool or scanner), that space is the one
            # to read in; when the text itself is turned (a landscape page drawn rotated and
            # turned back for display) pdfplumber's rotated view reads it.
            upright = sum(1 for c in chars if c.get("upright"))
            if not chars or upright < 0.8 * len(chars):
                raise UnsupportedPage(f"rotated {rotation}")
        edges, has_images, shading = _edges_and_images(page, mx0, my1)
        turned = 0 if rotation else sideways(chars)
        if turned:
            chars, edges, shading, width, height = turn_page(chars, edges, shading, width, height, turned)
        words = _WORDS.extract_words(chars, return_chars=True)
        for w in words:  # keep where each character stands, to split a word at a cell border
            w["chars"] = [(c["x0"], c["x1"], c["text"]) for c in w["chars"]]
        return PageData(index + 1, float(width), float(height), rotation, words, edges, has_images, shading,
                        turned)
    finally:
        page.close()


# -- text ---------------------------------------------------------------------------------------

_WORDS = WordExtractor(
    x_tolerance=X_TOLERANCE,
    y_tolerance=Y_TOLERANCE,
    keep_blank_chars=False,
    use_text_flow=False,
    extra_attrs=["fontname"],
)


def _font_of(textobj, cache: dict) -> tuple[str, float]:
    """(font name, descent as a fraction of the em) of a text object, cached by font."""
    font = pr.FPDFTextObj_GetFont(textobj)
    key = ctypes.cast(font, ctypes.c_void_p).value
    hit = cache.get(key)
    if hit is not None:
        return hit
    name = ""
    n = pr.FPDFFont_GetBaseFontName(font, None, 0) if hasattr(pr, "FPDFFont_GetBaseFontName") else 0
    if n > 1:
        buf = ctypes.create_string_buffer(n)
        pr.FPDFFont_GetBaseFontName(font, buf, n)
        name = buf.value.decode("utf-8", "replace")
    else:
        n = pr.FPDFFont_GetFontName(font, None, 0)
        if n > 1:
            buf = ctypes.create_string_buffer(n)
            pr.FPDFFont_GetFontName(font, buf, n)
            name = buf.value.decode("utf-8", "replace")
    # A font marked bold by its weight but not by its name ("Arial" at weight 700) gets
    # the ",Bold" suffix PDF producers use for synthetic bold, so layout.is_bold sees it.
    weight = pr.FPDFFont_GetWeight(font)
    low = name.lower()
    if weight >= 700 and not any(k in low for k in ("bold", "black", "heavy")):
        name += ",Bold"
    d = ctypes.c_float()
    descent = d.value / 1000.0 if pr.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), d) else -0.2
    cache[key] = (name, descent)
    return cache[key]


def _fast(fn, restype, *argtypes):
    """The same PDFium function with plain void*/int types: far less ctypes overhead per call
    than the typed pointers of pypdfium2.raw (the character loop makes ~4 calls a character)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_vp, _int, _dbl_p = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)
_get_unicode = _fast(pr.FPDFText_GetUnicode, ctypes.c_uint, _vp, _int)
_get_textobj = _fast(pr.FPDFText_GetTextObject, _vp, _vp, _int)
_get_origin = _fast(pr.FPDFText_GetCharOrigin, _int, _vp, _int, _dbl_p, _dbl_p)
_get_loosebox = _fast(pr.FPDFText_GetLooseCharBox, _int, _vp, _int, ctypes.POINTER(pr.FS_RECTF))


def _level(raw, i: int) -> bool:
    """The character's baseline runs left to right, level, however the glyph is slanted:
    an italic synthesised by shearing the text matrix (c != 0) makes PDFium report an
    angle (15 degrees), but the text is upright; read as turned, its words were built
    down the page and two lines of a label interleaved letter by letter."""
    m = pr.FS_MATRIX()
    if not pr.FPDFText_GetMatrix(raw, i, m):
        return False
    return m.a > 0 and abs(m.b) <= 0.02 * m.a and m.d > 0


def _font_size(raw, i: int) -> float:
    """The character's size on the page, as pdfminer computes it: the font size times the
    scale of the text matrix. (FPDFText_GetFontSize alone is the Tf operand: a document
    that sets "1 Tf" and scales with Tm would get one-point-high words, which breaks
    lines, captions and cells.)"""
    size = pr.FPDFText_GetFontSize(raw, i)
    m = pr.FS_MATRIX()
    if pr.FPDFText_GetMatrix(raw, i, m):
        scale = math.sqrt(abs(m.a * m.d - m.b * m.c))
        if scale > 1e-6:
            size *= scale
    return size


def _chars(page, mx0: float, my1: float) -> list[dict]:
    """pdfplumber-style character dicts, in content order, generated characters left out."""
    tp = page.get_textpage()
    try:
        raw = tp.raw
        handle = ctypes.cast(raw, ctypes.c_void_p).value
        n = pr.FPDFText_CountChars(raw)
        out: list[dict] = []
        append = out.append
        fonts: dict = {}
        objinfo: dict = {}  # text object -> (fontname, descent, size, upright)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pox, poy = ctypes.byref(ox), ctypes.byref(oy)
        rect = pr.FS_RECTF()
        prect = ctypes.byref(rect)
        for i in range(n):
            code = _get_unicode(handle, i)
            if code == 0 or code == 10 or code == 13:
                continue
            # PDFium reports a hyphen that ends a line as U+0002 ("RKA-" / "SKPD" in a wrapped
            # cell); pdfplumber reads the "-" the page prints.
            text = "-" if code == 2 else chr(code)
            if text.isspace() and pr.FPDFText_IsGenerated(raw, i) == 1:
                continue  # a space PDFium inferred; pdfplumber splits words by distance instead
            obj = _get_textobj(handle, i)
            info = objinfo.get(obj)
            if info is None:
                fontname, descent = _font_of(ctypes.cast(obj, pr.FPDF_PAGEOBJECT), fonts) if obj else ("", -0.2)
                angle = pr.FPDFText_GetCharAngle(raw, i)
                upright = angle < 0 or abs(angle) < 1e-3 or abs(angle - 2 * math.pi) < 1e-3 or _level(raw, i)
                quarter = 0 if upright else round(math.degrees(angle)) % 360
                info = objinfo[obj] = (fontname, descent, _font_size(raw, i), upright, quarter)
            fontname, descent, size, upright, quarter = info
            _get_loosebox(handle, i, prect)
            if upright:
                _get_origin(handle, i, pox, poy)
                x0 = ox.value - mx0
                x1 = x0 + (rect.right - rect.left)
                bottom = (my1 - oy.value) - descent * size
                top = bottom - size
            else:
                x0, x1 = rect.left - mx0, rect.right - mx0
                top, bottom = my1 - rect.top, my1 - rect.bottom
                if quarter in (90, 270):
                    # Text set sideways: across the line, the box from the baseline and the font
                    # size as for upright text (the loose box follows each glyph's own extent,
                    # so the words of one line would stand at different heights once turned).
                    _get_origin(handle, i, pox, poy)
                    base = ox.value - mx0
                    if quarter == 270:  # runs bottom to top: below the baseline is to the right
                        x1 = base - descent * size
                        x0 = x1 - size
                    else:  # runs top to bottom: below the baseline is to the left
                        x0 = base + descent * size
                        x1 = x0 + size
            append({
                "text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
                "width": x1 - x0, "height": bottom - top, "upright": upright, "size": size,
                "fontname": fontname, "angle": quarter,
            })
        return out
    finally:
        tp.close()


def _words(page, mx0: float, my1: float) -> list[dict]:
    return _WORDS.extract_words(_chars(page, mx0, my1))


# -- sideways text -------------------------------------------------------------------------------

def sideways(chars: list[dict]) -> int:
    """The quarter turn most of the page's text is set at (PDFium's character angle: 270
    runs bottom to top, 90 top to bottom), or 0 when most of it is upright. A landscape
    table pasted into a portrait page reads sideways; read as it stands, its rows and
    columns swap and, one way round, every number's digits come out reversed."""
    counts = {0: 0, 90: 0, 270: 0}
    for c in chars:
        if not c["text"].isspace():
            a = c.get("angle", 0)
            counts[a if a in counts else 0] += 1
    total = sum(counts.values())
    for q in (90, 270):
        if total and counts[q] * 2 > total:
            return q
    return 0


def _turn_box(x0: float, top: float, x1: float, bottom: float, q: int, width: float, height: float):
    """A box in the page turned so that text set at angle ``q`` reads upright."""
    if q == 270:  # text runs upward: turn the page a quarter clockwise
        return height - bottom, x0, height - top, x1
    return top, width - x1, bottom, width - x0  # q == 90, text runs downward: anticlockwise


def turn_page(chars, edges, shading, width: float, height: float, q: int):
    """Chars, edges and shading of the page turned upright for text at angle ``q``; the
    page's width and height swap."""
    out = []
    for c in chars:
        x0, top, x1, bottom = _turn_box(c["x0"], c["top"], c["x1"], c["bottom"], q, width, height)
        d = dict(c, x0=x0, x1=x1, top=top, bottom=bottom, doctop=top, width=x1 - x0, height=bottom - top)
        d["upright"] = c.get("angle", 0) == q
        d["angle"] = 0 if d["upright"] else (c.get("angle", 0) - q) % 360
        out.append(d)
    turned_edges = []
    for e in edges:
        x0, top, x1, bottom = _turn_box(e["x0"], e["top"], e["x1"], e["bottom"], q, width, height)
        o = "v" if e["orientation"] == "h" else "h"
        turned_edges.append(dict(e, x0=x0, x1=x1, top=top, bottom=bottom, doctop=top, width=x1 - x0,
                                 height=bottom - top, orientation=o))
    turned_shading = [_turn_box(*r, q, width, height) for r in shading]
    return out, turned_edges, turned_shading, height, width


# -- ruling lines ------------------------------------------------------------------------------

def _mul(m1: tuple, m2: tuple) -> tuple:
    """The matrix applying m1 then m2 (PDF order: a b c d e f)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _matrix(obj) -> tuple:
    m = pr.FS_MATRIX()
    if not pr.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _iter_objects(page, max_depth: int = 8):
    """(object, type, matrix to page space) for every page object, Form XObjects descended."""
    stack = [(pr.FPDFPage_CountObjects(page.raw), lambda i: pr.FPDFPage_GetObject(page.raw, i),
              (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)]
    while stack:
        count, get, parent, depth = stack.pop()
        for i in range(count):
            obj = get(i)
            if not obj:
                continue
            kind = pr.FPDFPageObj_GetType(obj)
            m = _mul(_matrix(obj), parent)
            if kind == pr.FPDF_PAGEOBJ_FORM and depth < max_depth:
                stack.append((pr.FPDFFormObj_CountObjects(obj),
                              (lambda o: lambda k: pr.FPDFFormObj_GetObject(o, k))(obj), m, depth + 1))
            else:
                yield obj, kind, m


def _subpaths(obj, m: tuple, mx0: float, my1: float) -> list[tuple[str, list[tuple[float, float]]]]:
    """Each subpath as (shape, points) like pdfminer's paint_path: one letter per operator
    (m, l, c, h), one point per operator (the end point; "h" repeats the start)."""
    a, b, c, d, e, f = m
    out: list[tuple[str, list]] = []
    shape, pts = "", []
    x, y = ctypes.c_float(), ctypes.c_float()
    bez = 0
    for k in range(pr.FPDFPath_CountSegments(obj)):
        seg = pr.FPDFPath_GetPathSegment(obj, k)
        pr.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = x.value, y.value
        pt = (a * px + c * py + e - mx0, my1 - (b * px + d * py + f))
        t = pr.FPDFPathSegment_GetType(seg)
        if t == pr.FPDF_SEGMENT_MOVETO:
            if shape:
                out.append((shape, pts))
            shape, pts, bez = "m", [pt], 0
        elif not shape:
            continue  # a path must start with a move
        elif t == pr.FPDF_SEGMENT_LINETO:
            shape += "l"
            pts.append(pt)
        elif t == pr.FPDF_SEGMENT_BEZIERTO:
            bez += 1
            if bez % 3 == 0:  # control, control, end point: keep the end point
                shape += "c"
                pts.append(pt)
        else:
            continue
        if pr.FPDFPathSegment_GetClose(seg):
            shape += "h"
            pts.append(pts[0])
    if shape:
        out.append((shape, pts))
    return out


def _same(p: float, q: float) -> bool:
    return abs(p - q) < EPS


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str, kind: str) -> dict:
    return {
        "object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "width": x1 - x0, "height": bottom - top, "orientation": orientation,
    }


def _segment_edge(p: tuple, q: tuple, kind: str) -> dict | None:
    x0, x1 = min(p[0], q[0]), max(p[0], q[0])
    top, bottom = min(p[1], q[1]), max(p[1], q[1])
    if _same(top, bottom):
        return _edge(x0, top, x1, top, "h", kind)
    if _same(x0, x1):
        return _edge(x0, top, x0, bottom, "v", kind)
    return None  # a slanted segment is no ruling line


def path_edges(shape: str, pts: list[tuple[float, float]]) -> list[dict]:
    """Edges of one subpath, following pdfminer (line / rect / curve) and pdfplumber (edges)."""
    if len(shape) > 3 and shape.endswith("lh") and _same(pts[-2][0], pts[0][0]) and _same(pts[-2][1], pts[0][1]):
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("ml", "mlh"):
        e = _segment_edge(pts[0], pts[1], "line")
        return [e] if e else []
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), (x4, y4) = pts
        closed = _same(x0, x4) and _same(y0, y4)
        square = (_same(x0, x1) and _same(y1, y2) and _same(x2, x3) and _same(y3, y0)) or (
            _same(y0, y1) and _same(x1, x2) and _same(y2, y3) and _same(x3, x0))
        if closed and square:
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = min(y0, y2), max(y0, y2)
            return [
                _edge(left, top, right, top, "h", "rect_edge"),
                _edge(left, bottom, right, bottom, "h", "rect_edge"),
                _edge(left, top, left, bottom, "v", "rect_edge"),
                _edge(right, top, right, bottom, "v", "rect_edge"),
            ]
    out = []
    for p, q in zip(pts, pts[1:]):
        e = _segment_edge(p, q, "curve_edge")
        if e:
            out.append(e)
    return out


def is_shading(filled: bool, stroked: bool, width: float, height: float) -> bool:
    """A filled, unstroked area thicker than a rule both ways: background, not a line."""
    return filled and not stroked and width > SHADING_MIN and height > SHADING_MIN


def _rect_size(edges: list[dict]) -> tuple[float, float]:
    return (max(e["x1"] for e in edges) - min(e["x0"] for e in edges),
            max(e["bottom"] for e in edges) - min(e["top"] for e in edges))


def shading_edges(rects: list[tuple[float, float, float, float]]) -> list[dict]:
    """The four sides of each shading rectangle, as edges (``object_type`` "shading": no
    drawn rule, so the ruled finder does not close a table's open sides from them)."""
    out = []
    for x0, top, x1, bottom in rects:
        out += [
            _edge(x0, top, x1, top, "h", "shading"), _edge(x0, bottom, x1, bottom, "h", "shading"),
            _edge(x0, top, x0, bottom, "v", "shading"), _edge(x1, top, x1, bottom, "v", "shading"),
        ]
    return out


def _edges_and_images(page, mx0: float, my1: float) -> tuple[list[dict], bool, list[tuple]]:
    edges: list[dict] = []
    shading: list[tuple[float, float, float, float]] = []
    has_images = False
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj, kind, m in _iter_objects(page):
        if kind == pr.FPDF_PAGEOBJ_PATH:
            if not pr.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
                fill.value, stroke.value = 0, 1
            for shape, pts in _subpaths(obj, m, mx0, my1):
                pe = path_edges(shape, pts)
                if pe and pe[0]["object_type"] == "rect_edge" and is_shading(
                        fill.value != 0, bool(stroke.value), *_rect_size(pe)):
                    shading.append((pe[0]["x0"], pe[0]["top"], pe[0]["x1"], pe[1]["bottom"]))
                    continue
                edges.extend(pe)
        elif kind == pr.FPDF_PAGEOBJ_IMAGE:
            has_images = True
    return edges, has_images, shading
