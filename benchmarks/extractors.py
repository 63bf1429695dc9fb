"""Benchmark: table extractors compared cell by cell with the samples' source data.

Issue #2 asks to use camelot where it does better than our finders, decided by
measurement. This script measures, per class of table, on the three samples:

- ``ours``: ``read_document`` as the tool runs it (pdfium-lines / pdfium-hrules,
  stitched over page breaks);
- ``camelot-lattice`` and ``camelot-stream``: ``camelot.read_pdf(pdf, pages=P,
  flavor=..., split_text=True)`` run on each page that holds a table
  (``split_text``: a text line that crosses a cell boundary is cut there; without
  it a capaian and the label next to it, "112,63 Melebihi Target", land in one
  cell and lattice loses 1.5% of the ruled portrait cells).

Oracle: the YAML source of each table (samples/src/, injected errors applied for
the synthetic sample) and the layout manifest the build script recorded while
drawing (samples/*.layout.json: pages, style grid|horizontal, orientation, the
page each body row landed on). Body cells are compared exactly as
tests/extract/test_samples_extraction.py does (its helpers are imported):
whitespace-insensitive text equality, and each numeric source cell parsed to the
same value. A table a method does not find counts all its cells as wrong.

How camelot's output is placed (in camelot's favour, so the figures are an
upper bound for camelot): on each page of a table, among the camelot tables of
that page and every first row, the one whose rows agree best with the source
rows of that page is taken (this drops the header, repeated or not, and any
text camelot took for rows above the table); the parts of a multi-page table
are concatenated. A merged cell in a lattice table (no rule between two cells)
gives its text to its first cell, as the source and our extractor do.
Our extractor gets no such help: its tables are paired with the source by
caption number (or first page and column count), as in the test.

Classes (disjoint): ``horizontal-rules`` (style horizontal), ``multi-page``
(ruled, over several pages), ``ruled landscape``, ``ruled portrait``.

The Word-made PDFs of samples/wild/ (issue #11), each table with a caption paired
by its number with its source (samples/wild/build.py's ``sources_for``: the rows as
printed, konvensi-lain's errors.yaml applied; uncaptioned tables are not measured):

- ``ruled (Word)``: bkd-word-grid.pdf; ``h-rules (Word)``: bkd-word-hrules.pdf;
  ``rule-less (Word)``: bkd-word-noborder.pdf (the BKD Banten tables of
  samples/src/bkd-banten-2024 typeset by LibreOffice with every border, horizontal
  rules only, no border); ``ruled (konvensi-lain)``: konvensi-lain.pdf (other number
  and caption conventions, its own source);
- ``wrapped, ...`` (a sub-class, also counted in its style's class): the tables of
  that PDF with a number broken over lines inside its cell. Decided from the page and
  the source, not from our reading: a numeric source cell that no text line inside the
  table's caption-anchored area (below) holds whole (``wrapped_numbers``). The
  builder's column widths were tried first and disagree with LibreOffice's layout
  (they predict "44.726.320,00" wraps in bkd-word-grid Tabel 3.24; the page prints it
  on one line). A label wrapping over lines is in most tables (by the builder's
  widths 52 of the 71 BKD tables), so it is measured by the classes themselves;
- ``rotated 90 (Word)`` / ``rotated 270 (Word)``: the corpus has no page whose text
  runs sideways (its landscape tables are landscape pages), so the benchmark makes
  them as the issue describes: every landscape page of the four PDFs (pypdf) pasted
  turned into an upright A4 page, text running bottom to top (90) or top to bottom
  (270); the tables whose caption and rows lie on those pages are measured.

Camelot's flavors (``lattice`` on the ruled styles, ``stream``, ``network`` and
``hybrid`` on all) are given the caption-anchored area (``table_areas``): from under
the caption down to the next caption, paragraph line or page foot, and on the
following pages from the page head while the table runs to the foot; found without
our finder (the page's lines, ``layout.find_captions``), reaching halfway into the gaps
around the table's text and across the page's width (so that the table's outer rules
are inside it), ``split_text=True``. On a rotated page camelot is given the whole page
(its own rotation detection turns it). A number camelot gives over two lines of its cell
is joined, as ours joins it; each area table is offered also without its empty columns
(lattice takes the edges of an area wider than the table for rules). Their rows are placed as
for the other classes (per page the best-agreeing table and first row). Ours: the
table with that caption number, paired by number. ``ml`` (a table-structure model)
needs torch and model weights, not installed here: not measured.
``--ruleless`` runs rule-less (Word) only; ``--word`` every Word class.

Seconds per page: each method on the pages that hold a class's tables (ours:
each page's read inside read_document, timed through its page_guard hook;
camelot: one read_pdf call per page, after a warm-up call).

    python benchmarks/extractors.py            # every class (the samples, then the Word-made PDFs: ~40 min)
    python benchmarks/extractors.py --quick    # two tables per class and sample, six per Word-made PDF
    python benchmarks/extractors.py --word     # the Word-made classes only (rotated included: ~30 min)
    python benchmarks/extractors.py --word rotated --no-camelot   # ours only, one class (a minute)
    python benchmarks/extractors.py --json out.json

Needs the ``bench`` extra (camelot-py) and the ``test`` extra (reportlab, for
samples/build.py, which reads the YAML source). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import re
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lkip_audit.extract.pdf import read_document  # noqa: E402
from lkip_audit.numbers import parse_number  # noqa: E402
from tests.extract.test_samples_extraction import (  # noqa: E402
    CASES,
    _match,
    _norm,
    _source_cells,
    _source_tables,
)

SAMPLES = ROOT / "samples"
WORD_DOCS = (  # (PDF stem in samples/wild, class, camelot flavors given the caption-anchored area)
    ("bkd-word-grid", "ruled (Word)", ("lattice", "stream", "network", "hybrid")),
    ("bkd-word-hrules", "h-rules (Word)", ("lattice", "stream", "network", "hybrid")),
    ("bkd-word-noborder", "rule-less (Word)", ("stream", "network", "hybrid")),
    ("konvensi-lain", "ruled (konvensi-lain)", ("lattice", "stream", "network", "hybrid")),
)
ROTATIONS = (90, 270)
CLASSES = ("ruled portrait", "ruled landscape", "horizontal-rules", "multi-page",
           *(c for _, c, _ in WORD_DOCS), *(f"wrapped, {c}" for _, c, _ in WORD_DOCS),
           *(f"rotated {a} (Word)" for a in ROTATIONS))
METHODS = ("ours", "camelot-lattice", "camelot-stream", "camelot-network", "camelot-hybrid")
NUMERIC_KINDS = ("number", "percent", "range", "malformed")


def table_class(lt: dict) -> str:
    if lt["style"] == "horizontal":
        return "horizontal-rules"
    if len(lt["pages"]) > 1:
        return "multi-page"
    if lt["orientation"] == "landscape":
        return "ruled landscape"
    return "ruled portrait"


def _same_number(got: str, want: str) -> bool:
    g, w = parse_number(got), parse_number(want)
    return (g.kind, g.value, g.low, g.high, g.unit) == (w.kind, w.value, w.low, w.high, w.unit)


def score(got_rows: list[list[str]] | None, want: list[list[str]]) -> dict:
    """Cell and numeric agreement of body rows with the source, as the test counts it."""
    s = {"cells": 0, "cells_ok": 0, "num": 0, "num_ok": 0}
    for i, wrow in enumerate(want):
        grow = got_rows[i] if got_rows is not None and i < len(got_rows) else []
        for j, wtext in enumerate(wrow):
            gtext = grow[j] if j < len(grow) else ""
            s["cells"] += 1
            s["cells_ok"] += _norm(gtext) == _norm(wtext)
            if parse_number(wtext).kind in NUMERIC_KINDS:
                s["num"] += 1
                s["num_ok"] += _same_number(gtext, wtext)
    return s


def _agreement(rows: list[list[str]], want: list[list[str]]) -> int:
    n = 0
    for grow, wrow in zip(rows, want):
        n += sum(1 for j, w in enumerate(wrow) if j < len(grow) and _norm(grow[j]) == _norm(w) and _norm(w))
    return n


# --- camelot -----------------------------------------------------------------------


_WRAPPED_NUMBER = re.compile(r"(?<=[\d.,])\n(?=[\d.,])")


def camelot_rows(table, flavor: str) -> list[list[str]]:
    """A camelot table's text as rows; a lattice cell with no rule on its left is
    part of a merged cell, whose text goes to the merged cell's first column."""
    df = table.df
    # A number camelot gives over two lines of its cell ("22.134.054." / "750,00") is joined
    # as our extractor joins it (in camelot's favour); other line breaks are spaces.
    rows = [[_WRAPPED_NUMBER.sub("", str(v)).replace("\n", " ") for v in r]
            for r in df.itertuples(index=False, name=None)]
    if flavor != "lattice":
        return rows
    for r, cells in enumerate(table.cells):
        if r >= len(rows):
            break
        origin = 0
        for c, cell in enumerate(cells):
            if c >= len(rows[r]):
                break
            if c > 0 and not cell.left:  # joined to the cell on its left
                if rows[r][c].strip():
                    rows[r][origin] = (rows[r][origin] + " " + rows[r][c]).strip()
                    rows[r][c] = ""
            else:
                origin = c
    return rows


class CamelotPages:
    """camelot.read_pdf on single pages, each read once and timed."""

    def __init__(self, flavor: str):
        self.flavor = flavor
        self.cache: dict[tuple[str, int], list[list[list[str]]]] = {}
        self.seconds: dict[tuple[str, int], float] = {}

    def tables(self, pdf: Path, page: int) -> list[list[list[str]]]:
        import camelot

        key = (str(pdf), page)
        if key not in self.cache:
            t0 = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "No tables found in table area"
                try:
                    found = camelot.read_pdf(str(pdf), pages=str(page), flavor=self.flavor, split_text=True)
                except Exception as e:  # report, do not stop the benchmark
                    print(f"  camelot {self.flavor} failed on {pdf.name} p{page}: {type(e).__name__}: {e}",
                          file=sys.stderr)
                    found = []
            self.seconds[key] = time.perf_counter() - t0
            self.cache[key] = [camelot_rows(t, self.flavor) for t in found]
        return self.cache[key]


def camelot_table(cam: CamelotPages, pdf: Path, lt: dict, want: list[list[str]]) -> tuple[list[list[str]], bool, bool]:
    """The body rows camelot gives for one known table: per page, the best-agreeing
    camelot table and first row; parts concatenated. Returns (rows, found, body row
    count right on every page); found is False when a page has no camelot table that
    agrees with the source in any cell (that page's rows are empty, so wrong)."""
    out: list[list[str]] = []
    rows_ok, missing = True, False
    for page in lt["pages"]:
        want_p = [w for w, p in zip(want, lt["row_pages"]) if p == page]
        best = None  # (agreement, -offset, rows, offset)
        for rows in cam.tables(pdf, page):
            for off in range(len(rows)):
                a = _agreement(rows[off:off + len(want_p)], want_p)
                if best is None or (a, -off) > best[:2]:
                    best = (a, -off, rows, off)
        if best is None or best[0] == 0:  # nothing of this page's part
            missing |= bool(want_p)
            rows_ok = False
            out.extend([] for _ in want_p)
            continue
        _, _, rows, off = best
        part = rows[off:off + len(want_p)]
        rows_ok &= len(rows) - off == len(want_p)
        out.extend(part + [[] for _ in range(len(want_p) - len(part))])
    return out, not missing, rows_ok


# --- the rule-less class (issue #11) ------------------------------------------------


def caption_areas(pdf: Path) -> dict[str, list[tuple[int, tuple[float, float, float, float]]]]:
    """Per caption number, the (page, area) parts of its table, areas as (x0, top, x1,
    bottom) in page points from the top: from under the caption to the next caption,
    paragraph line or the page foot; while a part runs to the foot, the next page's
    head continues it (up to its first caption or paragraph line); a paragraph line
    counts only in a larger type than the table's first lines. Vertically the area
    reaches halfway into the gaps above and below the table's text (a table's outer
    rules lie a few points outside its text, and lattice loses a table whose rules the
    area cuts); horizontally it is the page's width (no text stands beside a table)."""
    from lkip_audit.extract import pdfium_source
    from lkip_audit.extract.layout import find_captions, group_lines
    from lkip_audit.extract.ruleless import _is_paragraph, _trim_caption

    doc = pdfium_source.open_document(pdf)
    out: dict[str, list] = {}
    try:
        open_number, open_size = None, 0.0
        for i in range(len(doc)):
            data = pdfium_source.read_page(doc, i)
            lo, hi = data.height * 0.07, data.height * 0.93
            lines = [ln for ln in group_lines(data.words) if lo < ln.top < hi]
            if not lines:
                open_number = None
                continue
            width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
            x0, x1 = 1.0, data.width - 1.0
            caps = [_trim_caption(c) for c in find_captions(lines)]
            cap_ids = {id(ln) for c in caps for ln in c.lines}
            starts = [(open_number, 0, open_size)] if open_number else []
            for c in caps:
                k = next((j for j, ln in enumerate(lines) if ln.top > c.lines[-1].bottom - 1 and id(ln) not in cap_ids),
                         None)
                if k is not None:
                    # the table's type: the median height of the words of its first lines
                    size = sorted(w["bottom"] - w["top"] for ln in lines[k:k + 3] for w in ln.words)
                    starts.append((c.number, k, size[len(size) // 2]))
            open_number = None
            for number, k, size in starts:
                end, bottom = k, None
                # A line running like prose ends the table only in a larger type than the
                # table's (a full-width section row "Sasaran Strategis 1 : ..." is in the
                # table's own type).
                while end < len(lines) and id(lines[end]) not in cap_ids and not (
                        _is_paragraph(lines[end], width)
                        and max(w["bottom"] - w["top"] for w in lines[end].words) > size * 1.1):
                    bottom = lines[end].bottom
                    end += 1
                if bottom is None:
                    continue
                above = lines[k - 1].bottom if k > 0 else max(lo - 20, lines[k].top - 16)
                below = lines[end].top if end < len(lines) else min(hi + 10, bottom + 16)
                top = min(lines[k].top - 2, (above + lines[k].top) / 2)
                out.setdefault(number, []).append((i + 1, (x0, top, x1, max(bottom + 2, (bottom + below) / 2))))
                if end == len(lines):
                    open_number, open_size = number, size
    finally:
        doc.close()
    return out


class CamelotAreas(CamelotPages):
    """camelot.read_pdf on one page with a given table area, each read once and timed."""

    def area_tables(self, pdf: Path, page: int, area: tuple, height: float) -> list[list[list[str]]]:
        import camelot

        key = (str(pdf), page, area)
        if key not in self.cache:
            x0, top, x1, bottom = area
            spec = f"{x0:.1f},{height - top:.1f},{x1:.1f},{height - bottom:.1f}"  # PDF space: y up
            t0 = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    found = camelot.read_pdf(str(pdf), pages=str(page), flavor=self.flavor, table_areas=[spec],
                                             split_text=True)
                except Exception as e:  # report, do not stop the benchmark
                    print(f"  camelot {self.flavor} failed on {pdf.name} p{page}: {type(e).__name__}: {e}",
                          file=sys.stderr)
                    found = []
            self.seconds[(str(pdf), page)] = self.seconds.get((str(pdf), page), 0.0) + time.perf_counter() - t0
            tables = [camelot_rows(t, self.flavor) for t in found]
            # Given an area wider than the table, lattice takes the area's edges for rules and
            # adds an empty column each side: each table is offered also without its empty
            # columns (placement takes whichever agrees better: in camelot's favour).
            self.cache[key] = tables + [t for t in map(_without_empty_columns, tables) if t not in tables]
        return self.cache[key]


def _without_empty_columns(rows: list[list[str]]) -> list[list[str]]:
    width = max((len(r) for r in rows), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j].strip() for r in rows)]
    return [[r[j] if j < len(r) else "" for j in keep] for r in rows]


def _place(parts: list[list[list[list[str]]]], want: list[list[str]]) -> list[list[str]]:
    """Camelot's rows for a table from its parts (per page, the tables found in the
    area): per page the table and first row agreeing best with the source rows not yet
    placed; parts concatenated (in camelot's favour, as camelot_table)."""
    out: list[list[str]] = []
    for tables in parts:
        rest = want[len(out):]
        best = None
        for rows in tables:
            for off in range(len(rows)):
                a = _agreement(rows[off:off + len(rest)], rest)
                if best is None or (a, -off) > best[:2]:
                    best = (a, -off, rows, off)
        if best is not None and best[0] > 0:
            out.extend(best[2][best[3]:best[3] + len(rest)])
    return out


def word_sources(stem: str) -> dict[str, list[list[str]]]:
    """Per caption number, the body rows of a Word-made PDF's table as printed (its
    source through samples/wild/build.py's ``sources_for``, errors applied)."""
    from samples.wild import build as wb

    spec = next(d for d in wb.DOCS if d.name == stem)
    printed, _, relations = wb.sources_for(spec)
    held = [str(x) for x in (relations.get("tables") or {})] if relations else list(printed["tables"])
    out = {}
    for tstem in held:
        t = wb.norm_table(tstem, printed["tables"][tstem])
        if t.number is not None:
            out[t.number] = [list(r["cells"]) for r in t.rows]
    return out


def wrapped_numbers(pdf: Path, areas: dict, sources: dict) -> set[str]:
    """The caption numbers of the tables with a number broken over lines in its cell: a
    numeric source cell that no text line inside the table's caption-anchored area holds
    whole (the page's own lines, not our finder's reading; a wrapped value printed whole
    elsewhere in the same table is missed)."""
    from lkip_audit.extract import pdfium_source
    from lkip_audit.extract.layout import group_lines

    doc = pdfium_source.open_document(pdf)
    lines: dict[int, list] = {}
    out = set()
    try:
        for number, parts in areas.items():
            if number not in sources:
                continue
            texts = []
            for page, (_, top, _, bottom) in parts:
                if page not in lines:
                    lines[page] = group_lines(pdfium_source.read_page(doc, page - 1).words)
                texts += [" " + " ".join(ln.text.split()) + " " for ln in lines[page] if top <= ln.top and ln.bottom <= bottom]
            for row in sources[number]:
                for c in row:
                    c = " ".join(c.split())
                    if c and parse_number(c).kind in NUMERIC_KINDS and not any(f" {c} " in t for t in texts):
                        out.add(number)
    finally:
        doc.close()
    return out


def rotated_pdf(pdf: Path, angle: int, out: Path) -> dict[int, int]:
    """Every landscape page of ``pdf`` pasted turned into an upright A4 page (text running
    bottom to top for 90, top to bottom for 270), as a landscape table pasted into a
    portrait report; returns {new page: original page} (1-based)."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    reader, writer = PdfReader(str(pdf)), PdfWriter()
    pages = {}
    for i, p in enumerate(reader.pages):
        w, h = float(p.mediabox.width), float(p.mediabox.height)
        if w <= h:
            continue
        page = PageObject.create_blank_page(width=h, height=w)
        tr = Transformation().rotate(90).translate(h, 0) if angle == 90 else \
            Transformation().rotate(-90).translate(0, w)
        page.merge_transformed_page(p, tr)
        writer.add_page(page)
        pages[len(pages) + 1] = i + 1
    writer.write(str(out))
    return pages


def _page_heights(pdf: Path) -> dict[int, float]:
    from lkip_audit.extract import pdfium_source

    d = pdfium_source.open_document(pdf)
    try:
        return {i + 1: d[i].get_height() for i in range(len(d))}
    finally:
        d.close()


def run_word(agg: dict, per_table: list, seconds: dict, quick: bool, only: str | None = None,
             rotated: bool = True, no_camelot: bool = False) -> None:
    """The Word-made classes: ours and camelot's flavors given the caption-anchored area;
    then the rotated classes made from their landscape pages."""
    import tempfile

    def ours_tables(pdf: Path) -> dict:
        @contextlib.contextmanager
        def timed(number: int):
            t0 = time.perf_counter()
            try:
                yield
            finally:
                seconds["ours"][(str(pdf), number)] = time.perf_counter() - t0

        print(f"{pdf.name}: ours ...", file=sys.stderr, flush=True)
        out = {}
        for t in read_document(pdf, page_guard=timed).tables:
            out.setdefault(t.number, t)
        return out

    def measure(pdf: Path, cls: str, number: str, pages: list[int], want, ours: dict, cam_rows: dict,
                extra_classes=()) -> None:
        results = {}
        t = ours.get(number)
        if t is None:
            results["ours"] = (None, False, False, None)
        else:
            results["ours"] = ([r.texts() for r in t.rows], True, len(t.rows) == len(want), t.extractor)
        for name, (rows, found) in cam_rows.items():
            results[name] = (rows, found, len(rows) == len(want), name)
        for c in (cls, *extra_classes):
            row = {"sample": pdf.stem, "table": number, "class": c, "pages": pages, "methods": {}}
            for m, (rows, found, ok, extractor) in results.items():
                sc = score(rows, want)
                a = agg[(c, m)]
                a["tables"] += 1
                a["found"] += found
                a["rows_ok"] += bool(ok)
                for k in ("cells", "cells_ok", "num", "num_ok"):
                    a[k] += sc[k]
                a["pages"].update((str(pdf), p) for p in pages)
                row["methods"][m] = {**sc, "found": found, "rows_ok": bool(ok), "extractor": extractor}
            per_table.append(row)

    tmp = Path(tempfile.mkdtemp(prefix="extractors-rotated-"))
    for stem, cls, flavors in WORD_DOCS:
        upright = not only or only in cls
        if not (upright or rotated):
            continue
        pdf = SAMPLES / "wild" / f"{stem}.pdf"
        sources = word_sources(stem)
        areas = caption_areas(pdf)
        heights = _page_heights(pdf)
        wrapped_set = wrapped_numbers(pdf, areas, sources) if upright else set()
        ours = ours_tables(pdf) if upright else {}
        flavors = () if no_camelot else flavors
        cams = {f"camelot-{f}": CamelotAreas(f) for f in flavors}
        numbers = sorted((n for n in areas if n in sources),
                         key=lambda n: [(0, int(x), "") if x.isdigit() else (1, 0, x) for x in n.split(".")])
        if not upright:
            numbers = []
        elif quick:
            numbers = numbers[:6]
        for number in numbers:
            want, wrapped = sources[number], number in wrapped_set
            pages = [p for p, _ in areas[number]]
            print(f"{pdf.name}: table {number} ({cls}{', wrapped' if wrapped else ''}, pages {pages})",
                  file=sys.stderr, flush=True)
            cam_rows = {}
            for name, cam in cams.items():
                parts = [cam.area_tables(pdf, p, a, heights[p]) for p, a in areas[number]]
                cam_rows[name] = (_place(parts, want), any(parts))
            measure(pdf, cls, number, pages, want, ours, cam_rows, (f"wrapped, {cls}",) if wrapped else ())
        for name, cam in cams.items():
            seconds.setdefault(name, {}).update(cam.seconds)
        if not rotated:
            continue
        # The rotated classes: this PDF's landscape pages turned sideways on upright pages.
        landscape = {p for p, h in heights.items() if h < 842 * 0.8}
        for angle in ROTATIONS:
            cls_r = f"rotated {angle} (Word)"
            rpdf = tmp / f"{stem}-rot{angle}.pdf"
            back = rotated_pdf(pdf, angle, rpdf)
            if not back:
                continue
            new_of = {o: n for n, o in back.items()}
            ours_r = ours_tables(rpdf)
            cams_r = {f"camelot-{f}": CamelotPages(f) for f in flavors}
            for number in sorted(n for n in areas if n in sources):
                pages = [p for p, _ in areas[number]]
                if not set(pages) <= landscape:
                    continue
                want = sources[number]
                rpages = [new_of[p] for p in pages]
                print(f"{rpdf.name}: table {number} ({cls_r}, pages {rpages})", file=sys.stderr, flush=True)
                cam_rows = {}
                for name, cam in cams_r.items():
                    parts = [cam.tables(rpdf, p) for p in rpages]
                    cam_rows[name] = (_place(parts, want), any(parts))
                measure(rpdf, cls_r, number, rpages, want, ours_r, cam_rows)
            for name, cam in cams_r.items():
                seconds.setdefault(name, {}).update(cam.seconds)


# --- the run -----------------------------------------------------------------------


def quick_subset(items: list[tuple[dict, object]], per_class: int = 2) -> list[tuple[dict, object]]:
    seen: dict[str, int] = defaultdict(int)
    out = []
    for lt, t in items:
        c = table_class(lt)
        if seen[c] < per_class:
            seen[c] += 1
            out.append((lt, t))
    return out


def run(quick: bool, word_only: str | None = None, no_camelot: bool = False) -> dict:
    """All classes; ``word_only``: the Word-made classes whose name holds it ("" all of them)."""
    import camelot

    cams = {"camelot-lattice": CamelotPages("lattice"), "camelot-stream": CamelotPages("stream")}
    # Warm-up (imports, OpenCV, pdfium) outside the timings.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for flavor in ("lattice", "stream"):
            camelot.read_pdf(str(SAMPLES / "lkip-contoh-dinkes-2024-bersih.pdf"), pages="1", flavor=flavor,
                             split_text=True)

    agg = {(c, m): {"tables": 0, "found": 0, "rows_ok": 0, "cells": 0, "cells_ok": 0, "num": 0, "num_ok": 0,
                    "pages": set()} for c in CLASSES for m in METHODS}
    per_table = []
    ours_seconds: dict[tuple[str, int], float] = {}
    for stem, src, with_errors in ([] if word_only is not None else CASES):
        pdf = SAMPLES / f"{stem}.pdf"
        layout = json.loads((SAMPLES / f"{stem}.layout.json").read_text())
        sources = _source_tables(src, with_errors)

        @contextlib.contextmanager
        def timed(number: int, _pdf=pdf):
            t0 = time.perf_counter()
            try:
                yield
            finally:
                ours_seconds[(str(_pdf), number)] = time.perf_counter() - t0

        print(f"{stem}: ours ...", file=sys.stderr, flush=True)
        doc = read_document(pdf, page_guard=timed)
        pairs = _match(layout, doc)
        if quick:
            pairs = quick_subset(pairs)
        for lt, t in pairs:
            cls = table_class(lt)
            want = _source_cells(sources[lt["stem"]])
            label = lt["number"] or lt["stem"]
            print(f"{stem}: table {label} ({cls}, pages {lt['pages']})", file=sys.stderr, flush=True)
            results = {}
            if t is None:
                results["ours"] = (None, False, False, None)
            else:
                ours_rows = [r.texts() for r in t.rows]
                ok = len(t.rows) == len(want) and t.pages == lt["pages"]
                results["ours"] = (ours_rows, True, ok, t.extractor)
            for name, cam in cams.items():
                rows, found, ok = camelot_table(cam, pdf, lt, want)
                results[name] = (rows, found, ok, name)
            row = {"sample": stem, "table": label, "class": cls, "pages": lt["pages"], "methods": {}}
            for m, (rows, found, ok, extractor) in results.items():
                s = score(rows, want)
                a = agg[(cls, m)]
                a["tables"] += 1
                a["found"] += found
                a["rows_ok"] += bool(ok)
                for k in ("cells", "cells_ok", "num", "num_ok"):
                    a[k] += s[k]
                a["pages"].update((str(pdf), p) for p in lt["pages"])
                row["methods"][m] = {**s, "found": found, "rows_ok": bool(ok), "extractor": extractor}
            per_table.append(row)

    seconds = {"ours": ours_seconds, **{n: c.seconds for n, c in cams.items()}}
    run_word(agg, per_table, seconds, quick, word_only, rotated=not word_only or word_only in "rotated",
             no_camelot=no_camelot)
    summary = []
    for c in CLASSES:
        for m in METHODS:
            a = agg[(c, m)]
            if not a["tables"]:
                continue
            pages = sorted(a["pages"])
            secs = [seconds[m][p] for p in pages if p in seconds.get(m, {})]
            summary.append({
                "class": c, "method": m, "tables": a["tables"], "found": a["found"], "rows_ok": a["rows_ok"],
                "cells": a["cells"], "cells_ok": a["cells_ok"],
                "cell_accuracy": a["cells_ok"] / a["cells"] if a["cells"] else None,
                "numeric": a["num"], "numeric_ok": a["num_ok"],
                "numeric_accuracy": a["num_ok"] / a["num"] if a["num"] else None,
                "pages": len(pages), "seconds_per_page": sum(secs) / len(secs) if secs else None,
            })
    return {
        "quick": quick,
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
                   f"{_cpus()} CPUs",
        "camelot": camelot.__version__,
        "date": time.strftime("%Y-%m-%d"),
        "summary": summary,
        "tables": per_table,
    }


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 0)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.2%}"


def print_table(res: dict) -> None:
    print(f"\nTable extractors against the samples' source ({'quick' if res['quick'] else 'all tables'}; "
          f"{res['machine']}; camelot {res['camelot']}; {res['date']})")
    head = ("class", "method", "found", "rows ok", "cell accuracy", "numeric accuracy", "s/page")
    lines = [head]
    for s in res["summary"]:
        lines.append((
            s["class"], s["method"], f"{s['found']}/{s['tables']}", f"{s['rows_ok']}/{s['tables']}",
            f"{_pct(s['cell_accuracy'])} ({s['cells_ok']}/{s['cells']})",
            f"{_pct(s['numeric_accuracy'])} ({s['numeric_ok']}/{s['numeric']})",
            "-" if s["seconds_per_page"] is None else f"{s['seconds_per_page']:.3f}",
        ))
    widths = [max(len(r[i]) for r in lines) for i in range(len(head))]
    for k, r in enumerate(lines):
        print("  ".join(v.ljust(w) if i < 2 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths))))
        if k == 0:
            print("  ".join("-" * w for w in widths))
    print("\ncamelot rows: per page the best-agreeing camelot table and first row (an upper bound for camelot); "
          "'rows ok': the body row count (and for ours the page span) is the source's.")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="two tables per class and sample")
    ap.add_argument("--ruleless", action="store_true", help="the rule-less (Word) class only")
    ap.add_argument("--word", nargs="?", const="", metavar="CLASS",
                    help="the Word-made classes only (or those whose name holds CLASS)")
    ap.add_argument("--no-camelot", action="store_true", help="with --word: ours only (a quick look after a change)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures (and per-table scores) as JSON")
    args = ap.parse_args(argv)
    res = run(args.quick, "rule-less" if args.ruleless else args.word, args.no_camelot)
    print_table(res)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, ensure_ascii=False))
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
