"""Write the truth files of the synthetic dinkes sample (samples/wild/TRUTH.md format).

    python benchmarks/sample_truth.py            # (re)write both files
    python benchmarks/sample_truth.py --check    # exit 1 when a committed file differs

The items come from the independent oracle of tests/test_sample_sources.py (Checker,
load, apply_error: short arithmetic on the YAML source, no PDF, no lkip_audit code)
applied to the source with every error of samples/src/dinkes-sukamaju-2024/errors.yaml,
reduced the way tests/check/test_samples_oracle.py reduces it (a sum is reported at the
row that prints it; the places of one cross-table disagreement are one item). Printed
and recomputed values, and the arithmetic, are recomputed here from the source cells;
an item that is an errors.yaml entry's own (rule, table, row) takes that entry's
`explain` as its arithmetic. Pages come from the build's layout manifest
(samples/lkip-contoh-dinkes-2024.layout.json). The clean twin has no item.
Severity is the catalogue's (rules/*.yaml), what a correct tool reports.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.test_sample_sources import (  # noqa: E402  (the oracle)
    CAPT,
    RR,
    SRC,
    TARGETS_VS_PK,
    Checker,
    Malformed,
    apply_error,
    load,
    num,
    q2,
)

SAMPLE_PDF = "samples/lkip-contoh-dinkes-2024.pdf"
CLEAN_PDF = "samples/lkip-contoh-dinkes-2024-bersih.pdf"
LAYOUT = ROOT / "samples" / "lkip-contoh-dinkes-2024.layout.json"
OUT = ROOT / "samples" / "lkip-contoh-dinkes-2024.truth.yaml"
OUT_CLEAN = ROOT / "samples" / "lkip-contoh-dinkes-2024-bersih.truth.yaml"
SOURCE = "samples/src/dinkes-sukamaju-2024"

HEADER = """\
# Truth of {pdf} (format: samples/wild/TRUTH.md).
# Written by benchmarks/sample_truth.py from the oracle of tests/test_sample_sources.py
# and samples/src/dinkes-sukamaju-2024/errors.yaml; do not edit by hand.
"""


# ----------------------------------------------------------------- number text

def fmt(x: Decimal, like: str | None = None, decimals: int | None = None) -> str:
    """Indonesian number text: thousands dots, decimal comma, negative in parentheses;
    as many decimals as ``like`` prints (or ``decimals``)."""
    if decimals is None:
        decimals = 0
        if like and "," in like:
            decimals = len(like.split(",", 1)[1].rstrip("%").split()[0])
    q = x.quantize(Decimal(1).scaleb(-decimals)) if decimals else x.quantize(Decimal(1))
    neg = q < 0
    whole, _, frac = f"{abs(q):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    s = ".".join(groups) + ("," + frac if frac else "")
    if neg:
        s = f"({s})" if like and like.strip().startswith("(") else "-" + s
    return s


# ----------------------------------------------------------------- the oracle, recording its numbers

class Recorder(Checker):
    """The oracle, noting for each flagged (rule, table, row) the column and the numbers."""

    def __init__(self, tables, blocks):
        super().__init__(tables, blocks)
        self.detail: dict[tuple, dict] = {}

    def note(self, rule, stem, r, col, recomputed, arithmetic):
        self.detail.setdefault((rule, stem, r), {"col": col, "recomputed": recomputed, "arithmetic": arithmetic})

    def val(self, stem, r, c):
        try:
            num(self.cell(stem, r, c))
        except Malformed:
            self.note("DQ001", stem, r, c, None, f"{self.cell(stem, r, c)} is not a valid Indonesian number")
        return super().val(stem, r, c)

    def ratio(self, rule, stem, r, n_col, d_col, out_col):
        n, d, out = (self._quiet(stem, r, c) for c in (n_col, d_col, out_col))
        if None not in (n, d, out) and d != 0 and q2(n / d * 100) != out:
            rec = fmt(q2(n / d * 100), decimals=2)
            self.note(rule, stem, r, out_col, rec,
                      f"{self.cell(stem, r, n_col)} / {self.cell(stem, r, d_col)} x 100 = {rec}")
        super().ratio(rule, stem, r, n_col, d_col, out_col)

    def iku_capaian(self, stem, r, name, tc, rc, cc):
        target, real, out = self.cell(stem, r, tc), self._quiet(stem, r, rc), self._quiet(stem, r, cc)
        if real is not None and out is not None:
            rt = self.cell(stem, r, rc)
            if "-" in target:
                lo, hi = (num(x) for x in target.split("-"))
                exp = Decimal(100) if lo <= real <= hi else q2(real / (hi if real > hi else lo) * 100)
                arith = f"{rt} / {target} (range) x 100"
            elif name in self.lower_is_better():
                t = num(target)
                exp = q2((2 * t - real) / t * 100)
                arith = f"((2 x {target}) - {rt}) / {target} x 100"
            else:
                exp = q2(real / num(target) * 100)
                arith = f"{rt} / {target} x 100"
            if exp != out:
                rec = fmt(exp, decimals=2)
                rule = "CAP002" if ("-" not in target and name in self.lower_is_better()) else "CAP001"
                self.note(rule, stem, r, cc, rec, f"{arith} = {rec}")
        super().iku_capaian(stem, r, name, tc, rc, cc)

    def tingkat(self, stem, r, cc, lc):
        c = self._quiet(stem, r, cc)
        if c is not None:
            want = "Tidak Mencapai Target" if c < 100 else "Sesuai Target" if c == 100 else "Melebihi Target"
            if self.cell(stem, r, lc) != want:
                self.note("LBL001", stem, r, lc, want, f"capaian {self.cell(stem, r, cc)} -> {want}")
        super().tingkat(stem, r, cc, lc)

    def sum_of(self, rule, stem, r, col, addends):
        tot = self._quiet(stem, r, col)
        vals = [self._quiet(stem, ar, ac) for ar, ac in addends]
        if tot is not None and all(v is not None for v in vals) and sum(vals) != tot:
            printed = self.cell(stem, r, col)
            rec = fmt(sum(vals), like=printed)
            terms = " + ".join(self.cell(stem, ar, ac) for ar, ac in addends)
            self.note(rule, stem, r, col, rec, f"{terms} = {rec}")
        super().sum_of(rule, stem, r, col, addends)

    def diff(self, rule, stem, r, out_c, a_c, b_c):
        out, a, b = (self._quiet(stem, r, c) for c in (out_c, a_c, b_c))
        if None not in (out, a, b) and a - b != out:
            rec = fmt(a - b, like=self.cell(stem, r, out_c))
            self.note(rule, stem, r, out_c, rec, f"{self.cell(stem, r, a_c)} - {self.cell(stem, r, b_c)} = {rec}")
        super().diff(rule, stem, r, out_c, a_c, b_c)

    def _quiet(self, stem, r, c):
        try:
            return num(self.cell(stem, r, c))
        except Malformed:
            return None


# ----------------------------------------------------------------- the tables as printed

def table_meta() -> dict[str, dict]:
    out = {}
    for p in sorted((SRC / "tables").glob("*.yaml")):
        t = yaml.safe_load(p.read_text(encoding="utf-8"))
        out[p.stem] = {"number": t.get("number"), "title": t.get("title"), "paths": header_paths(t["header"])}
    return out


def header_paths(header: list[list]) -> list[str]:
    """Each column's header path ('REALISASI / Rp') from HTML-style header rows."""
    ncols = sum(int(c.get("colspan", 1)) if isinstance(c, dict) else 1 for c in header[0])
    grid: list[list[str | None]] = [[None] * ncols for _ in header]
    for r, row in enumerate(header):
        c = 0
        for cell in row:
            while c < ncols and grid[r][c] is not None:
                c += 1
            text, rs, cs = (cell["text"], int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))) \
                if isinstance(cell, dict) else (cell, 1, 1)
            for dr in range(rs):
                for dc in range(cs):
                    if r + dr < len(grid) and c + dc < ncols:
                        grid[r + dr][c + dc] = text
            c += cs
    paths = []
    for c in range(ncols):
        parts: list[str] = []
        for r in range(len(grid)):
            t = " ".join(str(grid[r][c] or "").split())
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        paths.append(" / ".join(parts))
    return paths


# the indicator's name column where SASARAN comes first (the oracle's TARGETS_VS_PK, and Tabel 2.3)
NAME_COL = {**{stem: ncol for stem, ncol, _ in TARGETS_VS_PK}, "2.3": 2}


def row_label(tables, stem: str, r: int) -> str:
    """The row's label as printed: the name column (Tabel 3.3: the IKU), a total row's first cell."""
    cells = tables[stem][r]["cells"]
    if cells[0].upper().startswith(("JUMLAH", "TOTAL", "INDEKS")):
        return cells[0]
    name_col = NAME_COL.get(stem, 1)
    return cells[name_col] or next(c for c in cells if c.strip())


# ----------------------------------------------------------------- items

def _catalogue_severity() -> dict[str, str]:
    out = {}
    for p in sorted((ROOT / "rules").glob("*.yaml")):
        for rule in yaml.safe_load(p.read_text(encoding="utf-8")) or []:
            if isinstance(rule, dict) and "id" in rule:
                out[rule["id"]] = rule.get("severity", "error")
    return out


def _token_diff(find: str, replace: str) -> tuple[str, str]:
    """The first word that differs between the clean and the wrong text: (printed, recomputed)."""
    for a, b in zip(find.split(), replace.split()):
        if a != b:
            return b.strip("()%"), a.strip("()%")
    return replace, find


def build_items() -> list[dict]:
    tables, blocks, errors = load()
    clean = tables
    for e in errors:
        tables, blocks = apply_error(tables, blocks, e)
    rec = Recorder(tables, blocks)
    found = rec.run()
    sums = {a[0] for a in rec.anchors}
    expected = {f for f in found if f[0] not in sums} | rec.anchors
    layout = json.loads(LAYOUT.read_text(encoding="utf-8"))
    row_pages = {t["stem"]: t["row_pages"] for t in layout["tables"]}
    block_pages = {(b["file"], b["index"]): b["pages"] for b in layout["blocks"]}
    meta = table_meta()
    severity = _catalogue_severity()
    own = {}
    for e in errors:
        key = (e["rule"], e["table"], e["row"]) if "table" in e else \
            (e["rule"], "doc", (e["block"]["file"], e["block"]["index"]))
        own[key] = e

    def place(stem, r, col):
        m = meta[stem]
        d = {"table": m["number"]}
        if m["number"] is None:
            d["table_title"] = m["title"]
        d.update({"page": row_pages[stem][r], "row": row_label(tables, stem, r),
                  "column": m["paths"][col] if col is not None else None,
                  "printed": tables[stem][r]["cells"][col] if col is not None else None})
        return d

    items = []
    xt_groups: dict[str, list[tuple]] = {}
    for rule, stem, r in sorted(expected, key=str):
        if rule == "XT001":
            xt_groups.setdefault(row_label(tables, stem, r).upper(), []).append((stem, r))
            continue
        e = own.get((rule, stem, r))
        if stem == "doc":
            printed, recomputed = _token_diff(e["find"], e["replace"])
            pages = block_pages[r]
            it = {"rule": rule, "table": None, "row": None, "page": pages[0]}
            if len(pages) > 1:
                it["pages"] = pages
            it.update({"column": None, "text": e["replace"], "printed": printed, "recomputed": recomputed,
                       "arithmetic": e["explain"]})
            items.append(it)
            continue
        d = rec.detail.get((rule, stem, r))
        col = d["col"] if d else (e["col"] if e else None)
        recomputed = d["recomputed"] if d else None
        arithmetic = d["arithmetic"] if d else None
        if rule == "CAP004":  # nilai akhir = capaian x (1 - koreksi / 100), Tabel 3.5 cols 2, 3 -> 4
            cells = tables[stem][r]["cells"]
            col = 4
            recomputed = fmt(q2(num(cells[2]) * (1 - num(cells[3]) / 100)), decimals=2)
            arithmetic = f"{cells[2]} x (1 - {cells[3]} / 100) = {recomputed}"
        elif rule == "LBL002":  # predikat of the nilai akhir on the scale of Tabel 3.2
            cells = tables[stem][r]["cells"]
            col = 5
            labels = [lab for ok, lab in rec.scale() if ok(num(cells[4]))]
            recomputed = labels[0] if labels else None
            arithmetic = f"nilai akhir {cells[4]} -> {recomputed} (Tabel 3.2)"
        elif rule == "BND001":  # realisasi Rp (col 5) must not exceed anggaran (col 3)
            recomputed = f"<= {tables[stem][r]['cells'][3]}"
        elif rule == "XT002":
            name_col, t_col = next((n, t) for s, n, t in TARGETS_VS_PK if s == stem)
            name = tables[stem][r]["cells"][name_col]
            pk_row = next(i for i, x in enumerate(tables["2.3"]) if x["cells"][2] == name)
            col, recomputed = t_col, tables["2.3"][pk_row]["cells"][4]
            arithmetic = f"Tabel 2.3 (Perjanjian Kinerja Perubahan) prints {recomputed} for {name}"
        it = {"rule": rule, **place(stem, r, col), "recomputed": recomputed,
              "arithmetic": e["explain"] if e else arithmetic}
        if rule == "XT002":
            it["related"] = [place("2.3", pk_row, 4)]
        items.append(it)

    # one item per cross-table disagreement: at the cell an error changed, the others related
    changed = {(e["table"], e["row"]): e for e in errors if "table" in e}
    for places in xt_groups.values():
        main = next(p for p in places if p in changed)
        e = changed[main]
        stem, r = main
        wrong, right = e["value"], clean[stem][r]["cells"][e["col"]]
        related = []
        for s2, r2 in sorted(p for p in places if p != main):
            cells = tables[s2][r2]["cells"]
            c2 = next(c for c, v in enumerate(cells) if c >= 2 and v in (wrong, right))
            related.append(place(s2, r2, c2))
        others = "; ".join(f"Tabel {p['table']} prints {p['printed']}" for p in related)
        own_e = own.get(("XT001", stem, r))
        it = {"rule": "XT001", **place(stem, r, e["col"]), "recomputed": right,
              "arithmetic": own_e["explain"] if own_e else f"{others}; Tabel {meta[stem]['number']} prints {wrong}",
              "related": related}
        items.append(it)

    items.sort(key=lambda x: (x["page"], x["table"] or "", x["row"] or "", x["rule"]))
    out = []
    for n, it in enumerate(items, 1):
        out.append({"id": f"T{n:03d}", "rule": it["rule"], "severity": severity.get(it["rule"], "error"),
                    **{k: v for k, v in it.items() if k != "rule"}})
    return out


def render(clean: bool) -> str:
    pdf = CLEAN_PDF if clean else SAMPLE_PDF
    # The build inserts a scanned (image-only) page: the layout manifest names it.
    layout = json.loads(LAYOUT.with_name(Path(pdf).stem + ".layout.json").read_text(encoding="utf-8"))
    doc = {"document": pdf, "source": SOURCE, "clean": clean, "unreadable_pages": layout["scanned_pages"],
           "items": [] if clean else build_items()}
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)
    return HEADER.format(pdf=pdf) + body


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files; exit 1 on a difference")
    args = ap.parse_args(argv)
    bad = 0
    for path, clean in ((OUT, False), (OUT_CLEAN, True)):
        text = render(clean)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"differs: {path.relative_to(ROOT)}")
                bad = 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return bad


if __name__ == "__main__":
    sys.exit(main())
