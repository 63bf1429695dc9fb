"""Recompute the source data of the synthetic dinkes-sukamaju-2024 sample (no PDF involved).

(1) The clean data must be internally consistent: percentages, capaian (higher and
lower is better, range targets), nilai akhir, labels, sums, composite index, GAP,
differences, cross-table values and the numbers quoted in the narrative.
(2) Every entry of errors.yaml changes the cell (or text) it names, and the same
recomputation then flags that row with the entry's rule, and with no rule other
than the entry's `rule` and `also`.

The column positions below are read off the table headers in samples/src/.
"""
from __future__ import annotations

import copy
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

SRC = Path(__file__).resolve().parents[1] / "samples" / "src" / "dinkes-sukamaju-2024"
YEAR = 2024


# ----------------------------------------------------------------- loading

def load():
    tables = {}
    for p in sorted((SRC / "tables").glob("*.yaml")):
        t = yaml.safe_load(p.read_text(encoding="utf-8"))
        rows = []
        for r in t["rows"]:
            if isinstance(r, dict):
                rows.append({"cells": list(r["cells"]), "indent": r.get("indent", 0)})
            else:
                rows.append({"cells": list(r), "indent": 0})
        tables[p.stem] = rows
    blocks = {}
    for p in sorted((SRC / "document").glob("*.yaml")):
        for i, b in enumerate(yaml.safe_load(p.read_text(encoding="utf-8"))):
            blocks[(p.name, i)] = b
    errors = yaml.safe_load((SRC / "errors.yaml").read_text(encoding="utf-8"))
    return tables, blocks, errors


def texts(blocks):
    """(block key, text) of every paragraph and bullet."""
    for key, b in blocks.items():
        if "paragraph" in b:
            yield key, b["paragraph"]
        elif "bullets" in b:
            for x in b["bullets"]:
                yield key, x


def apply_error(tables, blocks, e):
    tables, blocks = copy.deepcopy(tables), copy.deepcopy(blocks)
    if "table" in e:
        cells = tables[e["table"]][e["row"]]["cells"]
        assert cells[e["col"]] != e["value"], f"{e['id']} does not change its cell"
        cells[e["col"]] = e["value"]
    else:
        key = (e["block"]["file"], e["block"]["index"])
        b = blocks[key]
        assert "paragraph" in b and b["paragraph"].count(e["find"]) == 1, e["id"]
        b["paragraph"] = b["paragraph"].replace(e["find"], e["replace"])
    return tables, blocks


# ----------------------------------------------------------------- numbers

class Malformed(ValueError):
    pass


_NUM = re.compile(r"(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?\s*%?(?:\s+[A-Za-z/]+)?")


def num(s: str) -> Decimal | None:
    """Indonesian number ('1.234,56', '(125.000)', '12 Dokumen', '95,26%') -> Decimal; '-'/'' -> None."""
    s = s.strip()
    if s in ("", "-"):
        return None
    neg = s.startswith("(") and s.endswith(")")
    m = _NUM.fullmatch(s.strip("()"))
    if not m:
        raise Malformed(s)
    v = Decimal(m.group(1).replace(".", "") + ("." + m.group(2) if m.group(2) else ""))
    return -v if neg else v


def q2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


WORDS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas"]


def words(n: int) -> str:
    if n < 12:
        return WORDS[n]
    if n < 20:
        return WORDS[n - 10] + " belas"
    return WORDS[n // 10] + " puluh" + (" " + WORDS[n % 10] if n % 10 else "")


# ----------------------------------------------------------------- table layout

RR = ["3.13", "3.15", "3.18", "3.21", "3.25"]          # RENCANA: TARGET|ANGGARAN, REALISASI: FISIK|Rp|%
CAPT = ["3.12", "3.14", "3.17", "3.20", "3.24"]        # TARGET|REALISASI|CAPAIAN|TINGKAT at cols 3-6
HIER = {"2.4": [4], **{s: [3, 5] for s in RR}, "3.26": [2, 3, 5], "3.27": [2, 3, 4], "3.28": [2, 3]}
TOTALS = {"2.4": [4], "3.26": [2, 3, 5], "3.27": [2, 3, 4], "3.28": [2, 3], "3.16": [2, 3],
          "3.22": [2, 3], "3.23": [3, 4, 5], "L.2": [2]}
COMPOSITE = {"3.10": [2, 3, 4]}
# (stem, iku name col, [(target col, realisasi col, capaian col)])
IKU_CAP = [("ie-1", 1, [(3, 4, 5)]), ("3.4", 1, [(3, 4, 5)]), ("3.6", 1, [(2, 3, 4), (5, 6, 7), (8, 9, 10)]),
           ("3.8", 1, [(2, 3, 4)]), ("3.9", 1, [(3, 2, 4)])]
TARGETS_VS_PK = [("3.3", 2, 5), ("3.4", 1, 3), ("ie-1", 1, 3), ("3.6", 1, 8), ("L.1", 2, 4), ("2.1", 2, 8)]


class Checker:
    def __init__(self, tables, blocks):
        self.t, self.b = tables, blocks
        self.found: set[tuple] = set()
        self.anchors: set[tuple] = set()  # sums: (rule, table, row where the sum is printed)

    def flag(self, rule, stem, *rows):
        for r in rows:
            self.found.add((rule, stem, r))

    def cell(self, stem, r, c):
        return self.t[stem][r]["cells"][c]

    def val(self, stem, r, c):
        try:
            return num(self.cell(stem, r, c))
        except Malformed:
            self.flag("DQ001", stem, r)
            return None

    def is_total(self, stem, r):
        return self.cell(stem, r, 0).upper().startswith(("JUMLAH", "TOTAL", "INDEKS"))

    # -- ratios
    def ratio(self, rule, stem, r, n_col, d_col, out_col):
        n, d, out = self.val(stem, r, n_col), self.val(stem, r, d_col), self.val(stem, r, out_col)
        if None not in (n, d, out) and d != 0 and q2(n / d * 100) != out:
            self.flag(rule, stem, r)

    def lower_is_better(self):
        return {r["cells"][1] for r in self.t["2.2"] if r["cells"][2] == "Semakin rendah semakin baik"}

    def iku_capaian(self, stem, r, name, tc, rc, cc):
        target, real, out = self.cell(stem, r, tc), self.val(stem, r, rc), self.val(stem, r, cc)
        if real is None or out is None:
            return
        if "-" in target:  # range: compare with the bound that was passed, inside = 100
            lo, hi = (num(x) for x in target.split("-"))
            expected = Decimal(100) if lo <= real <= hi else q2(real / (hi if real > hi else lo) * 100)
            rule = "CAP001"
        elif name in self.lower_is_better():  # stated formula: ((2 x target) - realisasi) / target x 100
            t = num(target)
            expected, rule = q2((2 * t - real) / t * 100), "CAP002"
        else:
            expected, rule = q2(real / num(target) * 100), "CAP001"
        if expected != out:
            self.flag(rule, stem, r)

    # -- the checks
    def run(self):
        t = self.t
        for stem in RR:
            for r in range(len(t[stem])):
                self.ratio("PCT001", stem, r, 5, 3, 6)
                rp, ang = self.val(stem, r, 5), self.val(stem, r, 3)
                if rp is not None and ang is not None and rp > ang:
                    self.flag("BND001", stem, r)
        for stem in ("3.26", "3.28"):
            for r in range(len(t[stem])):
                self.ratio("PCT001", stem, r, 3, 2, 4)
        for stem in CAPT + ["3.11"]:
            for r in range(len(t[stem])):
                self.ratio("CAP001", stem, r, 4, 3, 5)
                self.tingkat(stem, r, 5, 6)
        for r in range(len(t["3.19"])):  # quarterly: JUMLAH = TW I..IV, capaian = realisasi / target
            for cols, tot in (([3, 4, 5, 6], 7), ([8, 9, 10, 11], 12)):
                self.sum_of("SUM001", "3.19", r, tot, [(r, c) for c in cols])
            self.ratio("CAP001", "3.19", r, 12, 7, 13)
        for stem, ncol, triples in IKU_CAP:
            for r in range(len(t[stem])):
                for tc, rc, cc in triples:
                    self.iku_capaian(stem, r, self.cell(stem, r, ncol), tc, rc, cc)
        for r in range(len(t["3.4"])):
            self.tingkat("3.4", r, 5, 6)
        scale = self.scale()
        for r in range(len(t["3.5"])):
            cap, kor, na = (self.val("3.5", r, c) for c in (2, 3, 4))
            if None not in (cap, kor, na) and q2(cap * (1 - kor / 100)) != na:
                self.flag("CAP004", "3.5", r)
            if na is not None and [lab for ok, lab in scale if ok(na)] != [self.cell("3.5", r, 5)]:
                self.flag("LBL002", "3.5", r)
        total = self.val("3.22", len(t["3.22"]) - 1, 2)  # composition shares
        for r in range(len(t["3.22"]) - 1):
            n, out = self.val("3.22", r, 2), self.val("3.22", r, 3)
            if q2(n / total * 100) != out:
                self.flag("SHARE", "3.22", r)
        for stem, cols in HIER.items():
            self.hierarchy(stem, cols)
        for stem, cols in TOTALS.items():
            self.totals("SUM001", stem, cols)
        for stem, cols in COMPOSITE.items():
            self.totals("SUM003", stem, cols)
        for r in range(len(t["3.23"])):
            self.diff("DIF001", "3.23", r, 5, 3, 4)
        for r in range(len(t["3.27"])):
            self.diff("DIF002", "3.27", r, 4, 3, 2)
        self.cross_tables()
        self.narrative()
        return self.found

    def tingkat(self, stem, r, cc, lc):
        c = self.val(stem, r, cc)
        if c is not None:
            want = "Tidak Mencapai Target" if c < 100 else "Sesuai Target" if c == 100 else "Melebihi Target"
            if self.cell(stem, r, lc) != want:
                self.flag("LBL001", stem, r)

    def scale(self):
        """The predikat scale as the report states it (Tabel 3.2): '>= 91', '76 - 90', '<= 50'."""
        out = []
        for row in self.t["3.2"]:
            band, label = row["cells"][1], row["cells"][2]
            if band.startswith(">="):
                lo = num(band[2:])
                out.append((lambda x, lo=lo: x >= lo, label))
            elif band.startswith("<="):
                hi = num(band[2:])
                out.append((lambda x, hi=hi: x <= hi, label))
            else:
                lo, hi = (num(x) for x in band.split("-"))
                out.append((lambda x, lo=lo, hi=hi: lo <= x <= hi, label))
        return out

    def sum_of(self, rule, stem, r, col, addends):
        tot = self.val(stem, r, col)
        vals = [self.val(stem, ar, ac) for ar, ac in addends]
        if tot is None or any(v is None for v in vals):
            return
        if sum(vals) != tot:
            self.flag(rule, stem, r, *{ar for ar, _ in addends})
            self.anchors.add((rule, stem, r))

    def hierarchy(self, stem, cols):
        rows = [(i, x) for i, x in enumerate(self.t[stem])
                if x["cells"][1].strip() and not self.is_total(stem, i)]  # skip indicator continuation rows
        for k, (i, x) in enumerate(rows):
            kids = []
            for j, y in rows[k + 1:]:
                if y["indent"] <= x["indent"]:
                    break
                if y["indent"] == x["indent"] + 1:
                    kids.append(j)
            if kids:
                for c in cols:
                    self.sum_of("SUM002", stem, i, c, [(j, c) for j in kids])

    def totals(self, rule, stem, cols):
        rows = self.t[stem]
        for r in range(len(rows)):
            if self.is_total(stem, r):
                top = min(rows[i]["indent"] for i in range(r) if not self.is_total(stem, i))
                kids = [i for i in range(r) if not self.is_total(stem, i) and rows[i]["indent"] == top]
                for c in cols:
                    self.sum_of(rule, stem, r, c, [(i, c) for i in kids])

    def diff(self, rule, stem, r, out_c, a_c, b_c):
        out, a, b = self.val(stem, r, out_c), self.val(stem, r, a_c), self.val(stem, r, b_c)
        if None not in (out, a, b) and a - b != out:
            self.flag(rule, stem, r)

    def cross_tables(self):
        """XT001: the same item must print the same value everywhere; XT002: IKU targets = PK (Tabel 2.3)."""
        seen: dict[tuple, dict[str, list]] = {}

        def reg(item, attr, stem, r, c):
            v = self.cell(stem, r, c)
            if v.strip():
                seen.setdefault((item.upper(), attr), {}).setdefault(v, []).append((stem, r))

        for stem, rows in self.t.items():
            for r, x in enumerate(rows):
                c = x["cells"]
                if stem == "2.4" and c[1]:
                    reg(c[1], "target", stem, r, 3), reg(c[1], "anggaran", stem, r, 4)
                elif stem in RR:
                    for attr, col in (("target", 2), ("anggaran", 3), ("rp", 5), ("pct", 6)):
                        reg(c[1], attr, stem, r, col)
                elif stem in CAPT:
                    reg(c[1], "target", stem, r, 3)
                elif stem == "3.26" and not self.is_total(stem, r):
                    for attr, col in (("anggaran", 2), ("rp", 3), ("pct", 4)):
                        reg(c[1], attr, stem, r, col)
                elif stem == "3.27" and not self.is_total(stem, r):
                    reg(c[1], "anggaran", stem, r, 3)
                elif stem == "L.2" and not self.is_total(stem, r):
                    reg(c[1], "anggaran", stem, r, 2)
                elif stem == "3.19":
                    seen.setdefault((c[1].upper(), "target"), {}).setdefault(f"{c[7]} {c[2]}", []).append((stem, r))
                elif stem in ("ie-1", "3.4"):
                    reg(c[1], "real", stem, r, 4), reg(c[1], "cap", stem, r, 5)
                elif stem == "3.5":
                    reg(c[1], "cap", stem, r, 2)
                elif stem == "3.6":
                    reg(c[1], "real", stem, r, 9), reg(c[1], "cap", stem, r, 10)
                elif stem in ("3.8", "3.9"):
                    reg(c[1], "real", stem, r, 3 if stem == "3.8" else 2)
        for values in seen.values():
            if len(values) > 1:
                for where in values.values():
                    for stem, r in where:
                        self.flag("XT001", stem, r)
        pk = {x["cells"][2]: x["cells"][4] for x in self.t["2.3"]}
        for stem, ncol, tcol in TARGETS_VS_PK:
            for r, x in enumerate(self.t[stem]):
                if x["cells"][ncol] in pk and x["cells"][tcol] != pk[x["cells"][ncol]]:
                    self.flag("XT002", stem, r)

    def narrative(self):
        pk = self.t["2.4"]
        counts = {"Program": sum(1 for x in pk if x["indent"] == 0 and x["cells"][1].strip()),
                  "Kegiatan": sum(1 for x in pk if x["indent"] == 1),
                  "Sub Kegiatan": sum(1 for x in pk if x["indent"] == 2)}
        n_sasaran = len({x["cells"][1] for x in self.t["L.1"]})
        n_iku = len(self.t["2.3"])
        all_cells = {c for rows in self.t.values() for x in rows for c in x["cells"]}
        real2024 = {x["cells"][4] for x in self.t["3.4"]}
        for key, text in texts(self.b):
            for n, w in re.findall(r"\b(\d+) \(([a-z ]+)\)", text):  # NAR003: 3 (tiga)
                if words(int(n)) != w:
                    self.flag("NAR003", "doc", key)
            for n, _, what in re.findall(r"\b(\d+) \(([a-z ]+)\) (Program|Sub Kegiatan|Kegiatan)\b", text):
                if int(n) != counts[what]:
                    self.flag("NAR002", "doc", key)
            for a, b in re.findall(r"\b(\d+) sasaran dengan (\d+) Indikator Kinerja Utama", text):
                if (int(a), int(b)) != (n_sasaran, n_iku):
                    self.flag("NAR002", "doc", key)
            for v in re.findall(r"sebesar (\d[\d.]*,\d\d)%", text):  # NAR001: quoted % must be in a table
                if v not in all_cells:
                    self.flag("NAR001", "doc", key)
            for sentence in re.split(r"(?<=[a-z%)])\. ", text):  # NAR004: a 2024 result stated for another year
                years = {int(y) for y in re.findall(r"tahun (\d{4})", sentence)}
                quotes_2024 = any(re.search(rf"(?<![\d.,]){re.escape(v)}(?![\d,])", sentence) for v in real2024)
                if quotes_2024 and years and YEAR not in years:
                    self.flag("NAR004", "doc", key)


# ----------------------------------------------------------------- tests

@pytest.fixture(scope="module")
def sample():
    return load()


def test_number_parser():
    assert num("1.234.567") == 1234567 and num("95,26") == Decimal("95.26")
    assert num("(125.000.000)") == -125000000 and num("12 Dokumen") == 12
    assert num("1.126 Orang/Bulan") == 1126 and num("-") is None
    for bad in ("84.250.00.0", "1.250.00.0", "282.101.14"):
        with pytest.raises(Malformed):
            num(bad)


def test_clean_data_is_consistent(sample):
    tables, blocks, _ = sample
    assert Checker(tables, blocks).run() == set()


def test_clean_data_facts(sample):
    tables, blocks, _ = sample
    meta = yaml.safe_load((SRC / "meta.yaml").read_text(encoding="utf-8"))
    assert meta["tahun"] == YEAR and meta["output_clean"] != meta["output"]
    assert 40 <= len(tables["2.4"]) <= 60 and 40 <= len(tables["3.23"]) <= 60  # long tables
    # program 1 capaian is the stated mean of its kegiatan capaian (CAP005)
    rows = tables["3.12"]
    keg = [num(x["cells"][5]) for x in rows if x["indent"] == 1]
    assert q2(sum(keg) / len(keg)) == num(rows[0]["cells"][5])
    # total belanja: operasi + modal; the JUMLAH of the composition = JUMLAH TERISI of the GAP table
    assert num(tables["3.22"][-1]["cells"][2]) == num(tables["3.23"][-1]["cells"][4])
    assert tables["3.26"][-1]["cells"][2] == tables["2.4"][-1]["cells"][4] == tables["3.28"][-1]["cells"][2]
    assert tables["3.26"][-1]["cells"][3] == tables["3.28"][-1]["cells"][3]


def test_errors_cover_the_rules(sample):
    _, _, errors = sample
    assert len(errors) >= 18 and len({e["id"] for e in errors}) == len(errors)
    rules = [e["rule"] for e in errors]
    for r in ("CAP001", "CAP002", "CAP004", "SUM001", "SUM002", "SUM003", "DIF001", "DIF002", "BND001",
              "LBL001", "LBL002", "DQ001", "XT001", "XT002", "NAR001", "NAR002", "NAR003", "NAR004"):
        assert r in rules, r
    assert rules.count("PCT001") >= 2
    for e in errors:
        assert e.get("explain") and e.get("kind")


@pytest.mark.parametrize("eid", [f"E{i:02d}" for i in range(1, 22)])
def test_each_error_is_flagged(sample, eid):
    tables, blocks, errors = sample
    e = next(x for x in errors if x["id"] == eid)
    before = Checker(tables, blocks).run()
    after = Checker(*apply_error(tables, blocks, e)).run() - before
    where = (e["table"], e["row"]) if "table" in e else ("doc", (e["block"]["file"], e["block"]["index"]))
    assert (e["rule"], *where) in after, f"{eid} not flagged: {sorted(after)}"
    assert {f[0] for f in after} <= {e["rule"], *e.get("also", [])}, f"{eid} also breaks {sorted(after)}"
    if e.get("related", {}).get("col") is not None:  # the narrative number must be the related cell
        rel = e["related"]
        assert tables[rel["table"]][rel["row"]]["cells"][rel["col"]] in e["find"]
        assert tables[rel["table"]][rel["row"]]["cells"][rel["col"]] not in e["replace"]
