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

``rule-less (Word)`` (issue #11): the captioned tables of
samples/wild/bkd-word-noborder.pdf (the BKD Banten tables typeset by LibreOffice
with no borders), against samples/src/bkd-banten-2024/tables/<number>.yaml (rows
as written there). Camelot's ``stream``, ``network`` and ``hybrid`` flavors are
given the caption-anchored area (``table_areas``): from under the caption down to
the next caption, paragraph line or page foot, and on the following pages from the
page head while the table runs to the foot; found without our finder (the page's
lines, ``layout.find_captions``). Their rows are placed as for the other classes
(per page the best-agreeing table and first row). Ours: the table with that
caption number, paired by number. ``--ruleless`` runs this class only.

Seconds per page: each method on the pages that hold a class's tables (ours:
each page's read inside read_document, timed through its page_guard hook;
camelot: one read_pdf call per page, after a warm-up call).

    python benchmarks/extractors.py            # all tables of the three samples (a few minutes)
    python benchmarks/extractors.py --quick    # two tables per class and sample
    python benchmarks/extractors.py --json out.json

Needs the ``bench`` extra (camelot-py) and the ``test`` extra (reportlab, for
samples/build.py, which reads the YAML source). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
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
CLASSES = ("ruled portrait", "ruled landscape", "horizontal-rules", "multi-page", "rule-less (Word)")
METHODS = ("ours", "camelot-lattice", "camelot-stream", "camelot-network", "camelot-hybrid")
RULELESS_PDF = SAMPLES / "wild" / "bkd-word-noborder.pdf"
RULELESS_SRC = SAMPLES / "src" / "bkd-banten-2024" / "tables"
RULELESS_FLAVORS = ("stream", "network", "hybrid")
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


def camelot_rows(table, flavor: str) -> list[list[str]]:
    """A camelot table's text as rows; a lattice cell with no rule on its left is
    part of a merged cell, whose text goes to the merged cell's first column."""
    df = table.df
    rows = [[str(v) for v in r] for r in df.itertuples(index=False, name=None)]
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
    head continues it (up to its first caption or paragraph line)."""
    from lkip_audit.extract import pdfium_source
    from lkip_audit.extract.layout import find_captions, group_lines
    from lkip_audit.extract.ruleless import _is_paragraph, _trim_caption

    doc = pdfium_source.open_document(pdf)
    out: dict[str, list] = {}
    try:
        open_number = None
        for i in range(len(doc)):
            data = pdfium_source.read_page(doc, i)
            lo, hi = data.height * 0.07, data.height * 0.93
            lines = [ln for ln in group_lines(data.words) if lo < ln.top < hi]
            if not lines:
                open_number = None
                continue
            width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
            x0, x1 = min(ln.x0 for ln in lines) - 2, max(ln.x1 for ln in lines) + 2
            caps = [_trim_caption(c) for c in find_captions(lines)]
            cap_ids = {id(ln) for c in caps for ln in c.lines}
            starts = [(open_number, 0)] if open_number else []
            for c in caps:
                k = next((j for j, ln in enumerate(lines) if ln.top > c.lines[-1].bottom - 1 and id(ln) not in cap_ids),
                         None)
                if k is not None:
                    starts.append((c.number, k))
            open_number = None
            for number, k in starts:
                end, bottom = k, None
                while end < len(lines) and id(lines[end]) not in cap_ids and not _is_paragraph(lines[end], width):
                    bottom = lines[end].bottom
                    end += 1
                if bottom is None:
                    continue
                out.setdefault(number, []).append((i + 1, (x0, lines[k].top - 2, x1, bottom + 2)))
                if end == len(lines):
                    open_number = number
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
                    found = camelot.read_pdf(str(pdf), pages=str(page), flavor=self.flavor, table_areas=[spec])
                except Exception as e:  # report, do not stop the benchmark
                    print(f"  camelot {self.flavor} failed on {pdf.name} p{page}: {type(e).__name__}: {e}",
                          file=sys.stderr)
                    found = []
            self.seconds[(str(pdf), page)] = self.seconds.get((str(pdf), page), 0.0) + time.perf_counter() - t0
            self.cache[key] = [camelot_rows(t, self.flavor) for t in found]
        return self.cache[key]


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


def run_ruleless(agg: dict, per_table: list, seconds: dict, quick: bool) -> None:
    """The rule-less (Word) class: ours and camelot stream / network / hybrid."""
    import yaml

    from lkip_audit.extract import pdfium_source

    cls = "rule-less (Word)"
    pdf = RULELESS_PDF
    ours_seconds: dict = {}

    @contextlib.contextmanager
    def timed(number: int):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            ours_seconds[(str(pdf), number)] = time.perf_counter() - t0

    print(f"{pdf.name}: ours ...", file=sys.stderr, flush=True)
    doc = read_document(pdf, page_guard=timed)
    ours = {}
    for t in doc.tables:
        ours.setdefault(t.number, t)
    areas = caption_areas(pdf)
    heights = {}
    d = pdfium_source.open_document(pdf)
    try:
        for i in range(len(d)):
            heights[i + 1] = d[i].get_height()
    finally:
        d.close()
    cams = {f"camelot-{f}": CamelotAreas(f) for f in RULELESS_FLAVORS}
    numbers = sorted((n for n in areas if (RULELESS_SRC / f"{n}.yaml").exists()),
                     key=lambda n: [int(x) if x.isdigit() else x for x in n.split(".")])
    if quick:
        numbers = numbers[:6]
    for number in numbers:
        src = yaml.safe_load((RULELESS_SRC / f"{number}.yaml").read_text(encoding="utf-8"))
        want = [r["cells"] if isinstance(r, dict) else r for r in src["rows"]]
        pages = [p for p, _ in areas[number]]
        print(f"{pdf.name}: table {number} ({cls}, pages {pages})", file=sys.stderr, flush=True)
        results = {}
        t = ours.get(number)
        if t is None:
            results["ours"] = (None, False, False, None)
        else:
            results["ours"] = ([r.texts() for r in t.rows], True, len(t.rows) == len(want), t.extractor)
        for name, cam in cams.items():
            parts = [cam.area_tables(pdf, p, a, heights[p]) for p, a in areas[number]]
            rows = _place(parts, want)
            results[name] = (rows, any(parts), len(rows) == len(want), name)
        row = {"sample": pdf.stem, "table": number, "class": cls, "pages": pages, "methods": {}}
        for m, (rows, found, ok, extractor) in results.items():
            sc = score(rows, want)
            a = agg[(cls, m)]
            a["tables"] += 1
            a["found"] += found
            a["rows_ok"] += bool(ok)
            for k in ("cells", "cells_ok", "num", "num_ok"):
                a[k] += sc[k]
            a["pages"].update((str(pdf), p) for p in pages)
            row["methods"][m] = {**sc, "found": found, "rows_ok": bool(ok), "extractor": extractor}
        per_table.append(row)
    seconds["ours"].update(ours_seconds)
    for name, cam in cams.items():
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


def run(quick: bool, ruleless_only: bool = False) -> dict:
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
    for stem, src, with_errors in ([] if ruleless_only else CASES):
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
    run_ruleless(agg, per_table, seconds, quick)
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
    ap.add_argument("--json", metavar="FILE", help="also write the figures (and per-table scores) as JSON")
    args = ap.parse_args(argv)
    res = run(args.quick, args.ruleless)
    print_table(res)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, ensure_ascii=False))
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
