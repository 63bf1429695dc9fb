"""Benchmark: table extraction on a public test suite that no one here made.

The suite is the test PDFs and expected CSVs that tabula-py's source distribution
(MIT licence) ships in tests/resources/: data.pdf (three pages of R data sets
typeset by LaTeX), campaign_donors.pdf, MultiColumn.pdf and data_dtype.pdf. The
sdist is fetched with ``pip download tabula-py==2.10.0 --no-binary :all: --no-deps``
into a cache directory ($XDG_CACHE_HOME/lkip-audit-bench, else
~/.cache/lkip-audit-bench; ``--dir`` to override) and unpacked there; nothing of it
is committed. Offline and without a cache: a message and exit status 2. Not run in
CI (it downloads).

Which expected CSV belongs to which pages comes from tabula-py's own tests
(tests/test_read_pdf_table.py): data_1.csv is page 1 of data.pdf (data_1-3.csv is
the same file again and is not scored twice), data_2-3.csv pages 2-3 (tabula's
stream reading of the whole pages, guess=False: it holds the page numbers "2" and
"3" as rows and three cells that join two printed columns, "145 6.7", "0.2 setosa",
"Sepal.Length Sepal.Width", so no extractor that keeps the printed columns reaches
1.0 on it), campaign_donors.csv page 1, MultiColumn.csv page 1 (its two printed
column blocks read one after the other), data_dtype_expected.csv the first table
of data_dtype.pdf and data_dtype_template_expected.csv its "Itens de fatura" area.
12s0324.pdf has no expected table in tabula-py's tests; it is read and timed only.

Scoring (``score_table``), the same for every method:

- a cell is text normalised by collapsing whitespace; empty expected cells are not
  counted (an empty cell is right or wrong only by the columns around it);
- the candidate rows of an expected table are every row (header rows included: a
  header read as data is fine when its cells are right) of every table the method
  found on the expected table's pages; our CSV's bookkeeping column ("halaman") is
  not a cell, because the Table objects of ``read_document`` are scored, not CSVs;
- each expected row, in order, takes the candidate row that holds most of its cells
  in the same left-to-right order (longest common subsequence of cells), using only
  candidate cells no earlier expected row took. A cell counts as right when it is
  part of that match. So extra columns, a column split off, or rows in another order
  (MultiColumn's two blocks side by side) cost nothing by themselves; a missing
  column, a cell cut in two or two cells run together cost their cells.

Table class of each document, decided by looking at the rendered pages:
``ruled`` (drawn lines between cells; data.pdf's LaTeX tables have horizontal rules
across the table and vertical rules only between columns, open at both sides) or
``rule-less`` (campaign_donors, MultiColumn: aligned text only).

Methods: ``ours`` (``lkip_audit.extract.pdf.read_document``, the path of
``lkip-audit extract``), ``pdfplumber`` (``page.extract_tables()``, default
settings), and when camelot imports, ``camelot-lattice`` and ``camelot-stream``
(``camelot.read_pdf(pdf, pages=P, flavor=...)``, one call per page). Seconds per
page: wall time of the method over the document divided by its page count (ours:
the whole ``read_document``).

    python benchmarks/public_tables.py
    python benchmarks/public_tables.py --dir /tmp/pubsuite --json /tmp/public.json --no-camelot
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

SDIST = "tabula-py==2.10.0"
SDIST_DIR = "tabula_py-2.10.0"


@dataclass(frozen=True)
class Expected:
    name: str  # the expected CSV, in tests/resources
    pdf: str
    pages: tuple[int, ...]
    table_class: str  # from the rendered page: "ruled" | "rule-less"


SUITE = (
    Expected("data_1.csv", "data.pdf", (1,), "ruled"),
    Expected("data_2-3.csv", "data.pdf", (2, 3), "ruled"),
    Expected("campaign_donors.csv", "campaign_donors.pdf", (1,), "rule-less"),
    Expected("MultiColumn.csv", "MultiColumn.pdf", (1,), "rule-less"),
    # an electricity bill: small grids in rounded boxes; tabula reads the top row of boxes as one table
    Expected("data_dtype_expected.csv", "data_dtype.pdf", (1,), "ruled"),
    # "Itens de fatura": a rounded box with rules between the columns, none between rows
    Expected("data_dtype_template_expected.csv", "data_dtype.pdf", (1,), "ruled"),
)
UNSCORED = ("12s0324.pdf",)  # no expected table in tabula-py's tests


# --- the suite ------------------------------------------------------------------------


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lkip-audit-bench"


def resources(cache: Path) -> Path:
    """tests/resources of the unpacked sdist, downloading it when absent. Exits 2 when
    it cannot be had."""
    res = cache / SDIST_DIR / "tests" / "resources"
    if (res / "data.pdf").exists():
        return res
    cache.mkdir(parents=True, exist_ok=True)
    tarballs = sorted(cache.glob(f"{SDIST_DIR}.tar.gz"))
    if not tarballs:
        cmd = [sys.executable, "-m", "pip", "download", SDIST, "--no-binary", ":all:", "--no-deps",
               "-d", str(cache), "--quiet"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        tarballs = sorted(cache.glob(f"{SDIST_DIR}.tar.gz"))
        if r.returncode != 0 or not tarballs:
            sys.stderr.write(
                f"Cannot download {SDIST} (the public test suite) into {cache}: offline?\n"
                f"  {' '.join(cmd)}\n  {(r.stderr or r.stdout).strip()[-400:]}\n"
                "Run again with network access, or point --dir at a directory holding "
                f"{SDIST_DIR}/ or {SDIST_DIR}.tar.gz.\n")
            raise SystemExit(2)
    with tarfile.open(tarballs[0]) as tf:
        members = [m for m in tf.getmembers() if m.name.startswith(f"{SDIST_DIR}/tests/")]
        tf.extractall(cache, members=members, filter="data")
    if not (res / "data.pdf").exists():
        sys.stderr.write(f"{tarballs[0]} holds no tests/resources/data.pdf\n")
        raise SystemExit(2)
    return res


def read_expected(path: Path) -> list[list[str]]:
    """The expected CSV as rows of normalised cells. pandas writes an unnamed index
    column header as "": an empty cell. The header line is scored like any row."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = [[norm(c) for c in r] for r in csv.reader(f)]
    return [r for r in rows if any(r)]


# --- scoring --------------------------------------------------------------------------


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _lcs_pairs(want: list[str], have: list[str], used: set[int]) -> list[tuple[int, int]]:
    """Longest common subsequence of non-empty cells of ``want`` with the cells of
    ``have`` not in ``used``; returns the (want index, have index) pairs."""
    n, m = len(want), len(have)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if want[i] and j not in used and want[i] == have[j]:
                dp[i][j] = dp[i + 1][j + 1] + 1
            else:
                dp[i][j] = max(dp[i + 1][j], dp[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if want[i] and j not in used and want[i] == have[j] and dp[i][j] == dp[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def score_table(expected: list[list[str]], candidates: list[list[str]]) -> tuple[int, int]:
    """(expected cells, cells right) of one expected table against the candidate rows
    (every row of every table the method found on its pages); see the module doc."""
    expected = [[norm(c) for c in r] for r in expected]
    candidates = [[norm(c) for c in r] for r in candidates]
    used: list[set[int]] = [set() for _ in candidates]
    total = right = 0
    for want in expected:
        total += sum(1 for c in want if c)
        best: list[tuple[int, int]] = []
        best_k = -1
        wanted = set(c for c in want if c)
        for k, have in enumerate(candidates):
            if len(best) == len(wanted) or not wanted.intersection(have):
                continue
            pairs = _lcs_pairs(want, have, used[k])
            if len(pairs) > len(best):
                best, best_k = pairs, k
        if best_k >= 0:
            used[best_k].update(j for _, j in best)
            right += len(best)
    return total, right


# --- methods --------------------------------------------------------------------------


def ours(pdf: Path) -> tuple[dict[int, list[list[str]]], float]:
    """Rows per page from read_document: header rows then body rows of each table."""
    from lkip_audit.extract.pdf import read_document

    t0 = time.perf_counter()
    doc = read_document(pdf)
    seconds = time.perf_counter() - t0
    by_page: dict[int, list[list[str]]] = {}
    for t in doc.tables:
        first = t.pages[0] if t.pages else 1
        if t.header_rows:
            for h in t.header_rows:
                page = min((c.page for c in h if c.text.strip()), default=first)
                by_page.setdefault(page, []).append([c.text for c in h])
        elif any(t.columns):
            by_page.setdefault(first, []).append(list(t.columns))
        for r in t.rows:
            by_page.setdefault(r.page, []).append(r.texts())
    return by_page, seconds / max(1, doc.page_count)


def plumber(pdf: Path) -> tuple[dict[int, list[list[str]]], float]:
    import pdfplumber

    by_page: dict[int, list[list[str]]] = {}
    t0 = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        n = len(doc.pages)
        for i, page in enumerate(doc.pages, start=1):
            for t in page.extract_tables():
                by_page.setdefault(i, []).extend([[c or "" for c in r] for r in t])
    return by_page, (time.perf_counter() - t0) / max(1, n)


def camelot_method(flavor: str):
    def run(pdf: Path) -> tuple[dict[int, list[list[str]]], float]:
        import warnings

        import camelot
        import pypdfium2

        n = len(pypdfium2.PdfDocument(str(pdf)))
        by_page: dict[int, list[list[str]]] = {}
        t0 = time.perf_counter()
        for i in range(1, n + 1):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    found = camelot.read_pdf(str(pdf), pages=str(i), flavor=flavor)
            except Exception as e:  # a peer failing on a page scores nothing there
                print(f"  camelot {flavor} failed on {pdf.name} p{i}: {type(e).__name__}: {e}", file=sys.stderr)
                continue
            for t in found:
                by_page.setdefault(i, []).extend(t.df.astype(str).values.tolist())
        return by_page, (time.perf_counter() - t0) / max(1, n)

    return run


def methods(no_camelot: bool) -> dict:
    out = {"ours": ours, "pdfplumber": plumber}
    if not no_camelot:
        try:
            import camelot  # noqa: F401
        except Exception:
            pass
        else:
            out["camelot-lattice"] = camelot_method("lattice")
            out["camelot-stream"] = camelot_method("stream")
    return out


# --- run ------------------------------------------------------------------------------


def run(res: Path, names: dict) -> dict:
    pdfs = sorted({e.pdf for e in SUITE} | set(UNSCORED))
    read: dict[tuple[str, str], tuple[dict, float]] = {}
    for m, fn in names.items():
        for pdf in pdfs:
            read[m, pdf] = fn(res / pdf)
    results = []
    for e in SUITE:
        want = read_expected(res / e.name)
        row = {"expected": e.name, "pdf": e.pdf, "pages": list(e.pages), "class": e.table_class, "methods": {}}
        for m in names:
            by_page, spp = read[m, e.pdf]
            cands = [r for p in e.pages for r in by_page.get(p, [])]
            total, right = score_table(want, cands)
            row["methods"][m] = {"cells": total, "right": right, "accuracy": round(right / total, 4) if total else None,
                                 "seconds_per_page": round(spp, 4)}
        results.append(row)
    summary = {}
    for m in names:
        for cls in ("ruled", "rule-less", "all"):
            rs = [r for r in results if cls == "all" or r["class"] == cls]
            total = sum(r["methods"][m]["cells"] for r in rs)
            right = sum(r["methods"][m]["right"] for r in rs)
            mean = sum(r["methods"][m]["accuracy"] for r in rs) / len(rs) if rs else None
            summary.setdefault(m, {})[cls] = {"cells": total, "right": right,
                                              "accuracy": round(right / total, 4) if total else None,
                                              "mean_accuracy": round(mean, 4) if mean is not None else None}
    unscored = {pdf: {m: {"seconds_per_page": round(read[m, pdf][1], 4),
                          "tables_rows": sum(len(v) for v in read[m, pdf][0].values())} for m in names}
                for pdf in UNSCORED}
    return {"suite": SDIST, "documents": results, "summary": summary, "unscored": unscored}


def print_report(out: dict) -> None:
    names = list(out["summary"])
    print(f"Public suite: {out['suite']} tests/resources (expected CSVs from tabula-py's tests)")
    print(f"{'expected table':34} {'class':9} {'method':16} {'cells':>6} {'right':>6} {'acc':>6} {'s/page':>7}")
    for r in out["documents"]:
        for m in names:
            s = r["methods"][m]
            acc = f"{s['accuracy']:.3f}" if s["accuracy"] is not None else "-"
            label = f"{r['expected']} (p{'-'.join(map(str, r['pages']))})"
            print(f"{label:34} {r['class']:9} {m:16} {s['cells']:>6} {s['right']:>6} {acc:>6} {s['seconds_per_page']:>7.3f}")
    print("\nPer class (cells pooled; mean = mean of the per-table accuracies):")
    for m in names:
        parts = []
        for cls, s in out["summary"][m].items():
            parts.append(f"{cls} {s['right']}/{s['cells']} = {s['accuracy']:.3f} (mean {s['mean_accuracy']:.3f})")
        print(f"  {m:16} " + "; ".join(parts))
    for pdf, ms in out["unscored"].items():
        print(f"\n{pdf}: no expected table; " + "; ".join(
            f"{m} {s['tables_rows']} rows, {s['seconds_per_page']:.3f} s/page" for m, s in ms.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=None, help="cache directory (default: $XDG_CACHE_HOME or "
                    "~/.cache, /lkip-audit-bench); may hold tabula_py-2.10.0/ already unpacked")
    ap.add_argument("--json", type=Path, default=None, help="write the results as JSON")
    ap.add_argument("--no-camelot", action="store_true", help="skip camelot lattice/stream")
    ap.add_argument("--only", choices=("ours", "pdfplumber", "camelot-lattice", "camelot-stream"),
                    action="append", help="run only these methods (repeatable)")
    args = ap.parse_args(argv)
    res = resources(args.dir or default_dir())
    names = methods(args.no_camelot)
    if args.only:
        names = {k: v for k, v in names.items() if k in args.only}
    out = run(res, names)
    print_report(out)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
