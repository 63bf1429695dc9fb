"""Arithmetic oracle for the sample corpus: what inconsistencies a document's source data holds.

Independent of lkip_audit (never import it): this is short, plain Decimal arithmetic over the
sample source format (samples/FORMAT.md) and a relations file (samples/wild/RELATIONS.md) that
says, per table, which cells are derived from which. Interface:

    load_source(src_dir) -> {"meta", "tables": {stem: table}, "blocks": [(file, index, block)]}
    load_relations(path) -> dict
    apply_errors(source, errors) -> source          (errors.yaml entries, FORMAT.md)
    clean(source, relations) -> source              (every derived cell recomputed)
    truth(source, relations) -> list[dict]          (items as in samples/wild/TRUTH.md)

CLI: python samples/wild/oracle.py --write   (writes samples/wild/*.truth.yaml, see DOCUMENTS)

Precision (DESIGN.md): a printed value stands for an interval: rounded [p - h, p + h) or
truncated [p, p + u) for d printed decimals, u = 10^-d, h = u / 2; both readings are
plausible, so the printed value covers [p - h, p + u). Inputs printed with decimals are read as
their rounding interval [p - h, p + h]; whole numbers (Rupiah, counts) are exact. A relation
holds when the recomputed interval meets the printed one.
"""
from __future__ import annotations

import argparse
import copy
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WILD = ROOT / "samples" / "wild"
D100 = Decimal(100)


# ------------------------------------------------------------------------------ loading

def load_source(src_dir) -> dict:
    src = Path(src_dir)
    if not src.is_absolute() and not src.exists():
        src = ROOT / src
    meta = yaml.safe_load((src / "meta.yaml").read_text(encoding="utf-8"))
    tables = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((src / "tables").glob("*.yaml"))}
    blocks = []
    for p in sorted((src / "document").glob("*.yaml")):
        for i, b in enumerate(yaml.safe_load(p.read_text(encoding="utf-8")) or []):
            blocks.append((p.name, i, b))
    return {"meta": meta, "tables": tables, "blocks": blocks, "dir": str(src)}


def load_relations(path) -> dict:
    rel = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    rel.setdefault("tables", {})
    rel.setdefault("claims", [])
    rel.setdefault("blocks", [])
    return rel


def rows_of(table) -> list[list[str]]:
    return [list(r["cells"]) if isinstance(r, dict) else list(r) for r in table["rows"]]


def _cells(table, r) -> list:
    row = table["rows"][r]
    return row["cells"] if isinstance(row, dict) else row


def get(source, stem, r, c) -> str:
    return str(_cells(source["tables"][stem], r)[c])


def put(source, stem, r, c, text) -> None:
    _cells(source["tables"][stem], r)[c] = text


def block(source, file, index) -> dict:
    for f, i, b in source["blocks"]:
        if f == file and i == index:
            return b
    raise KeyError((file, index))


def apply_errors(source, errors) -> dict:
    out = copy.deepcopy(source)
    for e in errors or []:
        if "table" in e:
            if get(out, e["table"], e["row"], e["col"]) == str(e["value"]):
                raise ValueError(f"{e['id']} does not change its cell")
            put(out, e["table"], e["row"], e["col"], str(e["value"]))
        else:
            b = block(out, e["block"]["file"], e["block"]["index"])
            key = "paragraph" if "paragraph" in b else None
            if key and b[key].count(e["find"]) == 1:
                b[key] = b[key].replace(e["find"], e["replace"])
            elif "bullets" in b and sum(x.count(e["find"]) for x in b["bullets"]) == 1:
                b["bullets"] = [x.replace(e["find"], e["replace"]) for x in b["bullets"]]
            else:
                raise ValueError(f"{e['id']}: '{e['find']}' not found exactly once")
    return out


# ------------------------------------------------------------------------------ numbers

class Malformed(ValueError):
    pass


class Num:
    """A printed number: value, decimals printed, and how to print a recomputed one alike."""

    def __init__(self, value: Decimal, decimals: int, conv: str, text: str, exact: bool):
        self.value, self.decimals, self.conv, self.text, self.exact = value, decimals, conv, text, exact

    def unit(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)

    def as_input(self) -> tuple[Decimal, Decimal]:
        """Interval of an input: exact for whole numbers, rounding interval otherwise."""
        if self.decimals == 0:
            return self.value, self.value
        h = self.unit() / 2
        return self.value - h, self.value + h

    def covers(self, lo: Decimal, hi: Decimal) -> bool:
        """Does [lo, hi] meet the printed value's interval (rounded or truncated)?"""
        if self.exact:
            return lo <= self.value <= hi
        u, h = self.unit(), self.unit() / 2
        if self.value >= 0:
            a, b = self.value - h, self.value + u
        else:  # truncation toward zero
            a, b = self.value - u, self.value + h
        return hi >= a and lo < b


_UNIT = r"(?:\s*%|\s+[A-Za-z][A-Za-z/ .]*)?"
PATTERNS = {
    # Indonesian: 1.234.567,89 (dot thousands, comma decimal)
    "id": re.compile(r"(?P<i>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<d>\d+))?"),
    # English / dot decimal: 1,234,567.89 or 48.7
    "en": re.compile(r"(?P<i>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<d>\d+))?"),
    # comma thousands and comma decimals: 624,989,000,00
    "comma": re.compile(r"(?P<i>\d{1,3}(?:,\d{3})*)(?:,(?P<d>\d{2}))?"),
}


def parse(text, conv: str = "id") -> Num | None:
    """Printed number -> Num; '' and '-' -> None; Malformed when it is not a number in `conv`.

    Accepts Rp prefix, ',-' suffix, '%' and unit words ('12 Dokumen'), '(1.234)' and '-12,50%'
    negatives. In the default 'id' convention an unambiguous English number with both
    separators ('1,234.5') is read too (detected by pattern, never guessed)."""
    s = " ".join(str(text).split())
    if s in ("", "-", "\u2013"):
        return None
    neg = False
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1].strip()
    s = re.sub(r"^Rp\.?\s*", "", s)
    if s.startswith("-") and len(s) > 1 and s[1].isdigit():
        neg, s = True, s[1:]
    if s.endswith(",-"):
        s = s[:-2]
    m = re.fullmatch(r"([\d.,]+)" + _UNIT, s)
    if not m:
        raise Malformed(text)
    core = m.group(1)
    convs = [conv]
    if conv == "id" and re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", core):
        convs = ["en"]
    for cv in convs:
        mm = PATTERNS[cv].fullmatch(core)
        if mm:
            sep = "." if cv == "id" else ","
            i, d = mm.group("i").replace(sep, ""), mm.group("d") or ""
            v = Decimal(i + ("." + d if d else ""))
            return Num(-v if neg else v, len(d), cv, str(text), exact=False)
    raise Malformed(text)


def parse_range(text):
    """'70-80' / '70 - 80' / '70 s.d. 80' -> (low, high) as Num, else None."""
    m = re.fullmatch(r"\s*([\d.,]+)\s*(?:-|\u2013|s\.?d\.?|sampai)\s*([\d.,]+)\s*%?\s*", str(text))
    if not m:
        return None
    return parse(m.group(1)), parse(m.group(2))


def fmt(x: Decimal, like: Num | None, decimals: int | None = None) -> str:
    """x printed the way `like` is printed (convention and decimals), rounded half up."""
    conv = like.conv if like else "id"
    d = decimals if decimals is not None else (like.decimals if like else 2)
    q = x.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    neg = q < 0
    i, _, frac = f"{abs(q):f}".partition(".")
    tsep, dsep = {"id": (".", ","), "en": (",", "."), "comma": (",", ",")}[conv]
    big = like is not None and (tsep in like.text.split(dsep)[0] if dsep != tsep else like.text.count(tsep) > (1 if like.decimals else 0))
    if big or (like is None and len(i) > 4):
        groups = []
        while len(i) > 3:
            groups.insert(0, i[-3:])
            i = i[:-3]
        i = tsep.join([i] + groups)
    out = i + (dsep + frac if frac else "")
    if like is not None:
        if like.text.strip().startswith("(") and neg:
            return f"({out})"
        if like.text.rstrip().endswith("%"):
            out += "%" if not like.text.rstrip().endswith(" %") else " %"
        if like.text.rstrip().endswith(",-") and not frac:
            out += ",-"
        unit = re.search(r"\d\s*([A-Za-z][A-Za-z/ .]*)$", like.text.strip())
        if unit and not like.text.strip().startswith("Rp"):
            out += " " + unit.group(1)
        if like.text.strip().startswith("Rp"):
            out = ("Rp " if like.text.strip().startswith("Rp ") else "Rp") + out
    return ("-" + out) if neg else out


# ------------------------------------------------------------------------------ tables

def header_paths(table) -> list[str]:
    """'RENCANA / ANGGARAN' for every column, from the header rows with their spans."""
    header = table.get("header") or []
    ncols = sum(int(c.get("colspan", 1)) if isinstance(c, dict) else 1 for c in header[0]) if header else 0
    grid = [[None] * ncols for _ in header]
    for r, hrow in enumerate(header):
        c = 0
        for cell in hrow:
            while c < ncols and grid[r][c] is not None:
                c += 1
            text = cell["text"] if isinstance(cell, dict) else cell
            rs = int(cell.get("rowspan", 1)) if isinstance(cell, dict) else 1
            cs = int(cell.get("colspan", 1)) if isinstance(cell, dict) else 1
            for dr in range(rs):
                for dc in range(cs):
                    if r + dr < len(grid) and c + dc < ncols:
                        grid[r + dr][c + dc] = str(text)
            c += cs
    paths = []
    for c in range(ncols):
        parts = []
        for r in range(len(grid)):
            t = " ".join((grid[r][c] or "").split())
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        paths.append(" / ".join(parts))
    return paths


def row_label(source, stem, r, spec) -> str:
    t = source["tables"][stem]
    cells = _cells(t, r)
    col = spec.get("label") if spec else None
    if col is not None:
        cols = col if isinstance(col, list) else [col]
        for c in cols:
            if str(cells[c]).strip():
                return " ".join(str(cells[c]).split())
    for x in cells:
        x = " ".join(str(x).split())
        if x and not re.fullmatch(r"[\d.]+|[a-zA-Z][.)]|[IVX]+\.?|\(\d+\)", x):
            return x
    return ""


def rowset(spec, n) -> list[int]:
    """[0, 2, 3] | "0-7,9" | "all" -> row indices."""
    if spec in (None, "all"):
        return list(range(n))
    if isinstance(spec, int):
        return [spec]
    if isinstance(spec, list):
        return [int(x) for x in spec]
    out = []
    for part in str(spec).split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


# ------------------------------------------------------------------------------ the checker

TINGKAT = [("Tidak Mencapai Target", None, Decimal(100), False), ("Sesuai Target", Decimal(100), Decimal(100), True),
           ("Melebihi Target", Decimal(100), None, False)]


NOT_MET = {"tidak mencapai target", "tidak tercapai", "belum mencapai target"}


class Oracle:
    def __init__(self, source, relations):
        self.s, self.rel = source, relations
        self.items: list[dict] = []
        self.fixes: dict[tuple, str] = {}  # (stem, r, c) -> clean text
        self.block_fixes: list[tuple] = []  # (file, index, find, replace)
        self.claim_values: dict = {}  # (file, index, find) -> the value a rewritten claim quotes
        self.malformed: set[tuple] = set()
        self.xt_fixes: list[tuple] = []  # (cell, other cell) of a cross-table disagreement

    # -- cell access
    def spec(self, stem):
        return self.rel["tables"].get(stem) or {}

    def conv(self, stem, c):
        return str((self.spec(stem).get("numbers") or {}).get(c, self.spec(stem).get("numbers_default", "id")))

    def num(self, stem, r, c) -> Num | None:
        text = get(self.s, stem, r, c)
        try:
            return parse(text, self.conv(stem, c))
        except Malformed:
            if parse_range(text) is None:
                self.malformed.add((stem, r, c))
            return None

    def where(self, stem, r, c):
        t = self.s["tables"][stem]
        return {"table": t.get("number"), "table_title": t.get("title") or None,
                "row": row_label(self.s, stem, r, self.spec(stem)), "column": header_paths(t)[c]}

    def item(self, rule, stem, r, c, printed, recomputed, arithmetic, severity="error", related=None, fix=None):
        it = {"rule": rule, "severity": severity, **self.where(stem, r, c), "printed": printed,
              "recomputed": recomputed, "arithmetic": arithmetic}
        if related:
            it["related"] = related
        if not it["table_title"]:
            del it["table_title"]
        self.items.append(it)
        if fix is not None:
            self.fixes[(stem, r, c)] = fix

    # -- relation kinds
    def ratio(self, rule, stem, r, num_c, den_c, out_c, factor=D100):
        n, d, out = self.num(stem, r, num_c), self.num(stem, r, den_c), self.num(stem, r, out_c)
        if n is None or d is None or out is None or d.value == 0:
            return
        (nl, nh), (dl, dh) = n.as_input(), d.as_input()
        if dl <= 0:
            return
        lo, hi = nl / dh * factor, nh / dl * factor
        x = n.value / d.value * factor
        if not out.covers(lo, hi):
            rec = fmt(x, out)
            self.item(rule, stem, r, out_c, out.text, rec, f"{n.text} / {d.text} x {factor} = {rec}", fix=rec)

    def capaian(self, rel, stem, r):
        out_c, real_c, tgt_c = rel["out"], rel["real"], rel["target"]
        out, real = self.num(stem, r, out_c), self.num(stem, r, real_c)
        ttext = get(self.s, stem, r, tgt_c)
        rng = parse_range(ttext)
        lower = rel["rule"] == "CAP002" or r in rowset(rel.get("lower_rows", []), 10**6)
        if rng is None:
            tgt = self.num(stem, r, tgt_c)
            if tgt is None:
                return
        if real is None or out is None:
            return
        rl, rh = real.as_input()
        cands = []  # (label of the method, lo, hi, exact value)
        if rng is not None:
            lo_b, hi_b = rng
            # CAP003 wherever it holds: inside the range, yet a cell of the row says the target was not met
            for c, text in enumerate(_cells(self.s["tables"][stem], r)):
                if " ".join(str(text).split()).lower() in NOT_MET:
                    self.range_judgement({"out": c, "real": real_c, "target": tgt_c}, stem, r)
            (hl, hh) = hi_b.as_input()
            cands.append((f"{real.text} / {hi_b.text} (batas atas) x 100", rl / hh * D100, rh / hl * D100,
                          real.value / hi_b.value * D100))
            if lo_b.value <= real.value <= hi_b.value:
                cands.append(("di dalam rentang target = 100", D100, D100, D100))
            elif real.value < lo_b.value:
                cands.append((f"{real.text} / {lo_b.text} x 100", rl / lo_b.value * D100, rh / lo_b.value * D100,
                              real.value / lo_b.value * D100))
        elif lower:
            tl, th = tgt.as_input()
            if tl <= 0 or rl <= 0:
                return
            cands.append((f"(2 x {tgt.text} - {real.text}) / {tgt.text} x 100", (2 * tl - rh) / th * D100 if 2 * tl - rh >= 0 else (2 * tl - rh) / tl * D100,
                          (2 * th - rl) / tl * D100, (2 * tgt.value - real.value) / tgt.value * D100))
            cands.append((f"{tgt.text} / {real.text} x 100", tl / rh * D100, th / rl * D100, tgt.value / real.value * D100))
        else:
            tl, th = tgt.as_input()
            if tl <= 0:
                return
            cands.append((f"{real.text} / {tgt.text} x 100", rl / th * D100, rh / tl * D100, real.value / tgt.value * D100))
        if any(out.covers(lo, hi) for _, lo, hi, _ in cands):
            return
        how, _, _, x = cands[0]
        rec = fmt(x, out)
        self.item(rel["rule"], stem, r, out_c, out.text, rec, f"{how} = {rec}" + (
            "; " + "; ".join(f"{h} = {fmt(v, out)}" for h, _, _, v in cands[1:]) if len(cands) > 1 else ""), fix=rec)

    def range_judgement(self, rel, stem, r):
        """CAP003 (warning): a realisation inside a range target labelled as not met."""
        rng = parse_range(get(self.s, stem, r, rel["target"]))
        real = self.num(stem, r, rel["real"])
        label = " ".join(get(self.s, stem, r, rel["out"]).split())
        if rng is None or real is None:
            return
        if rng[0].value <= real.value <= rng[1].value and label.lower() in NOT_MET:
            self.item("CAP003", stem, r, rel["out"], label, "Sesuai Target",
                      f"{real.text} lies inside {get(self.s, stem, r, rel['target'])}", severity="warning")
            # the clean copy: a realisation at the upper bound (capaian 100, Sesuai Target under every reading)
            self.fixes[(stem, r, rel["real"])] = fmt(rng[1].value, real)
            self.fixes[(stem, r, rel["out"])] = "Sesuai Target"

    def product(self, rel, stem, r):
        cap, kor, out = (self.num(stem, r, rel[k]) for k in ("capaian", "koreksi", "out"))
        if None in (cap, kor, out):
            return
        (cl, ch), (kl, kh) = cap.as_input(), kor.as_input()
        lo, hi = cl * (1 - kh / D100), ch * (1 - kl / D100)
        if not out.covers(lo, hi):
            rec = fmt(cap.value * (1 - kor.value / D100), out)
            self.item("CAP004", stem, r, rel["out"], out.text, rec, f"{cap.text} x (1 - {kor.text} / 100) = {rec}", fix=rec)

    def total(self, rule, stem, out_cell, addends, severity="error", extra_related=None, fix_addend=False):
        """out_cell = sum of addend cells (each (stem, r, c))."""
        r, c = out_cell
        out = self.num(stem, r, c)
        vals = [(self.num(*a), a) for a in addends]
        if out is None or any(v is None for v, _ in vals if get(self.s, *_) .strip() not in ("", "-")):
            return
        vals = [(v, a) for v, a in vals if v is not None]
        if not vals:
            return
        lo = sum((v.as_input()[0] for v, _ in vals), Decimal(0))
        hi = sum((v.as_input()[1] for v, _ in vals), Decimal(0))
        x = sum((v.value for v, _ in vals), Decimal(0))
        exact = all(v.decimals == 0 for v, _ in vals) and out.decimals == 0
        ok = (x == out.value) if exact else out.covers(lo, hi)
        if not ok:
            rec = fmt(x, out)
            self.item(rule, stem, r, c, out.text, rec, " + ".join(v.text for v, _ in vals) + f" = {rec}",
                      severity=severity, related=extra_related, fix=None if fix_addend else rec)
            if fix_addend:  # the clean copy keeps the total (printed elsewhere too) and corrects the last addend
                v, a = vals[-1]
                self.fixes[a] = fmt(v.value + out.value - x, v)

    def mean(self, stem, out_cell, addends):
        """CAP005: out_cell = mean of the addend cells (the report states the formula)."""
        r, c = out_cell
        out = self.num(stem, r, c)
        vals = [self.num(*a) for a in addends]
        if out is None or not vals or any(v is None for v in vals):
            return
        n = Decimal(len(vals))
        lo = sum((v.as_input()[0] for v in vals), Decimal(0)) / n
        hi = sum((v.as_input()[1] for v in vals), Decimal(0)) / n
        if not out.covers(lo, hi):
            x = sum((v.value for v in vals), Decimal(0)) / n
            rec = fmt(x, out)
            self.item("CAP005", stem, r, c, out.text, rec,
                      f"({' + '.join(v.text for v in vals)}) / {len(vals)} = {rec}", fix=rec)
            for also in self._also:  # the clean copy: the row's realisation is the mean too
                self.fixes[(stem, r, also)] = rec

    def bound(self, rel, stem, r):
        """BND001: value <= limit cell (error); BND002: value <= max (warning)."""
        v = self.num(stem, r, rel["value"])
        if v is None:
            return
        if "limit" in rel:
            lim = self.num(stem, r, rel["limit"])
            if lim is None or v.value <= lim.value:
                return
            self.item("BND001", stem, r, rel["value"], v.text, lim.text,
                      f"{v.text} > {lim.text} ({fmt(v.value / lim.value * D100, None, 2)}%)", fix=fmt(lim.value, v))
        else:
            mx = Decimal(str(rel["max"]))
            if v.value - v.unit() / 2 > mx:
                self.item("BND002", stem, r, rel["value"], v.text, str(rel["max"]), f"{v.text} > {rel['max']}",
                          severity="warning")

    def same_sum(self, rel, stem):
        """SUM003 (totals): the sum of some cells here equals the sum of cells in another table."""
        a = [(stem, r, c) for r, c in rel["cells"]]
        o = rel["equals"]
        b = [(o["table"], r, c) for r, c in o["cells"]]
        va, vb = [self.num(*x) for x in a], [self.num(*x) for x in b]
        if any(v is None for v in va + vb):
            return
        sa, sb = sum(v.value for v in va), sum(v.value for v in vb)
        if sa != sb:
            r, c = a[0][1], a[0][2]
            ow = self.where(o["table"], b[0][1], b[0][2])
            self.fixes[a[-1]] = fmt(va[-1].value + sb - sa, va[-1])  # the clean copy: the last part absorbs it
            self.item(rel["rule"], stem, r, rel.get("at", c), fmt(sa, None, 0), fmt(sb, None, 0),
                      " + ".join(v.text for v in va) + f" = {fmt(sa, None, 0)}; Tabel {ow['table']}: "
                      + " + ".join(v.text for v in vb) + f" = {fmt(sb, None, 0)}",
                      severity=rel.get("severity", "error"),
                      related=[{"table": ow["table"], "row": ow["row"], "column": None, "printed": fmt(sb, None, 0)}])

    def difference(self, rel, stem, r):
        a, b, out = (self.num(stem, r, rel[k]) for k in ("a", "b", "out"))
        if None in (a, b, out):
            return
        sign = Decimal(rel.get("sign", 1))
        (al, ah), (bl, bh) = a.as_input(), b.as_input()
        lo, hi = sorted([sign * (al - bh), sign * (ah - bl)])
        x = sign * (a.value - b.value)
        if not out.covers(lo, hi) and not (rel.get("abs") and out.covers(-hi, -lo)):
            rec = fmt(x, out)
            how = f"{a.text} - {b.text}" if sign > 0 else f"{b.text} - {a.text}"
            self.item(rel["rule"], stem, r, rel["out"], out.text, rec, f"{how} = {rec}", fix=rec)

    def scale(self, name):
        if name in (None, "tingkat"):
            return TINGKAT
        bands = self.rel["scales"][name]
        out = []
        for b in bands:  # {label, min, max, min_open, max_open}
            lo = None if b.get("min") is None else Decimal(str(b["min"]))
            hi = None if b.get("max") is None else Decimal(str(b["max"]))
            out.append((b["label"], lo, hi, b))
        return out

    def band_of(self, name, v):
        for label, lo, hi, b in self.scale(name):
            if isinstance(b, bool):
                if (lo is None or v > lo or (b and v == lo)) and (hi is None or v < hi or (b and v == hi)):
                    return label
                continue
            if lo is not None and (v < lo or (b.get("min_open") and v == lo)):
                continue
            if hi is not None and (v > hi or (b.get("max_open") and v == hi)):
                continue
            return label
        return None

    def label(self, rel, stem, r):
        out_c, val_c = rel["out"], rel["value"]
        text = " ".join(get(self.s, stem, r, out_c).split())
        v = self.num(stem, r, val_c)
        if not text or v is None:
            return
        name = rel.get("scale", "tingkat")
        synonyms = {k.lower(): w for k, w in (self.rel.get("label_synonyms") or {}).items()}
        norm = synonyms.get(text.lower(), text)
        exp = self.band_of(name, v.value)
        if exp is not None and exp.lower() != norm.lower():
            self.item(rel["rule"], stem, r, out_c, text, exp, f"{v.text} -> {exp} ({name})", fix=exp)
            return
        if rel.get("real") is not None and rel.get("target") is not None:
            real, tgt = self.num(stem, r, rel["real"]), self.num(stem, r, rel["target"])
            if real is None or tgt is None or tgt.value == 0 or rel.get("lower"):
                return
            x = (real.value / tgt.value * D100).quantize(v.unit(), rounding=ROUND_HALF_UP)
            exp2 = self.band_of(name, x)
            if exp2 is not None and exp2.lower() != norm.lower():
                self.item(rel["rule"], stem, r, out_c, text, exp2,
                          f"{real.text} / {tgt.text} x 100 = {fmt(x, v)} -> {exp2} ({name})", fix=None)

    def equal(self, rel, stem):
        r, c = rel["cell"]
        other = rel["equals"]
        ostem = other.get("table", stem)
        orow, ocol = other["cell"]
        a, b = get(self.s, stem, r, c), get(self.s, ostem, orow, ocol)
        if not a.strip() or not b.strip():
            return
        if _unit(a) != _unit(b):
            return  # "100,00" against "12 Bulan": different measures, not comparable
        try:
            na, nb = parse(a, self.conv(stem, c)), parse(b, self.conv(ostem, ocol))
            same = (na is None and nb is None) or (na is not None and nb is not None and na.value == nb.value)
        except Malformed:
            same = " ".join(a.split()).lower() == " ".join(b.split()).lower()
        if not same:
            ow = self.where(ostem, orow, ocol)
            self.item(rel.get("rule", "XT001"), stem, r, c, a, b,
                      f"Tabel {ow['table'] or ow.get('table_title')} prints {b}",
                      related=[{"table": ow["table"], "row": ow["row"], "column": ow["column"], "printed": b}])
            self.xt_fixes.append(((stem, r, c), (ostem, orow, ocol)))

    # -- narrative claims
    def claim(self, cl):
        file, index = cl["block"]["file"], cl["block"]["index"]
        b = block(self.s, file, index)
        texts = [b["paragraph"]] if "paragraph" in b else list(b.get("bullets", []))
        find = cl["text"]
        if not any(find in t for t in texts):
            return  # the sentence was changed (an injected error names its own find text)
        printed = str(cl["value"])
        if "largest" in cl:  # the value is a group's name, not a number
            return self.largest_claim(cl, file, index, find, printed)
        pv = parse(printed)
        if "equals" in cl:  # the number quoted equals a cell
            e = cl["equals"]
            ref = get(self.s, e["table"], *e["cell"])
            try:
                rv = parse(ref, self.conv(e["table"], e["cell"][1]))
            except Malformed:
                return
            if rv is None:
                return
            lo, hi = rv.as_input() if rv.decimals > pv.decimals else (rv.value, rv.value)
            ok = pv.value == rv.value or pv.covers(lo, hi)
            t = self.s["tables"][e["table"]]
            rec, arith = fmt(rv.value, pv, rv.decimals), f"Tabel {t.get('number') or t.get('title')} prints {ref}"
        elif "share" in cl:  # "N orang atau P%": N / total x 100
            e = cl["share"]
            part = parse(get(self.s, e["table"], *e["cell"]))
            parts = [parse(get(self.s, e["table"], *x)) for x in e["of"]]
            total = sum(x.value for x in parts)
            x = part.value / total * D100
            ok = pv.covers(x, x)
            rec = fmt(x, pv)
            arith = f"{part.text} / ({' + '.join(v.text for v in parts)}) x 100 = {rec}"
        elif "count" in cl:  # "N ... yaitu:" and the items listed, or rows of a table
            e = cl["count"]
            if "block" in e:
                n = len(block(self.s, e["block"]["file"], e["block"]["index"]).get("bullets", []))
                arith = f"{n} items are listed"
            else:
                n = len(rowset(e["rows"], 10**6))
                arith = f"Tabel {self.s['tables'][e['table']].get('number')} lists {n}"
            ok, rec = pv.value == n, str(n)
        elif "year" in cl:  # the year stated for the results
            ok, rec, arith = pv.value == Decimal(cl["year"]), str(cl["year"]), f"the report is for {cl['year']}"
        else:
            raise ValueError(f"claim without a kind: {cl}")
        if not ok:
            self.items.append({"rule": cl.get("rule", "NAR001"), "severity": cl.get("severity", "error"),
                               "table": None, "row": None, "text": find.replace("**", ""), "printed": printed,
                               "recomputed": rec,
                               "arithmetic": arith, "block": {"file": file, "index": index}})
            fixed = re.sub(re.escape(printed) + r" \([A-Za-z ]+\)", f"{rec} ({terbilang(int(rec))})", find, count=1) \
                if "count" in cl else find.replace(printed, rec, 1)
            self.block_fixes.append((file, index, find, fixed))
            self.claim_values[(file, index, find)] = rec

    def largest_claim(self, cl, file, index, find, printed):
        """"dominan ... kelompok usia 41 s.d 45": the group the sentence names (`value`, one of `names`) is the one whose cell is the
        largest; a tie for the largest is no claim to check."""
        e = cl["largest"]
        vals = [self.num(e["table"], *c) for c in e["cells"]]
        if any(v is None for v in vals):
            return
        top = max(v.value for v in vals)
        best = [k for k, v in enumerate(vals) if v.value == top]
        if len(best) != 1 or printed not in e["names"]:
            return
        k, said = best[0], e["names"].index(printed)
        if k == said:
            return
        rec = e["names"][k]
        w, ws = self.where(e["table"], *e["cells"][k]), self.where(e["table"], *e["cells"][said])
        t = self.s["tables"][e["table"]]
        self.items.append({
            "rule": cl.get("rule", "NAR005"), "severity": cl.get("severity", "warning"), "table": None, "row": None,
            "text": find.replace("**", ""), "printed": printed, "recomputed": rec,
            "arithmetic": f"Tabel {t.get('number') or t.get('title')}: {w['column']} {vals[k].text} > "
                          f"{ws['column']} {vals[said].text}",
            "block": {"file": file, "index": index},
            "related": [{"table": w["table"], "row": w["row"], "column": w["column"], "printed": vals[k].text}]})
        self.block_fixes.append((file, index, find, find.replace(printed, rec, 1)))
        self.claim_values[(file, index, find)] = rec

    WORDS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
             "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100}

    def words_value(self, words):
        total, cur = 0, 0
        for w in words.lower().split():
            if w in self.WORDS:
                cur += self.WORDS[w]
            elif w == "belas":
                cur += 10
            elif w == "puluh":
                cur *= 10
            elif w == "ratus":
                cur *= 100
            else:
                return None
        return total + cur

    def number_words(self):
        """NAR003: every "N (terbilang)" in the included text blocks says the same number twice."""
        for file, index in [tuple(x.values()) if isinstance(x, dict) else tuple(x) for x in self.rel.get("blocks") or []]:
            b = block(self.s, file, index)
            for t in [b["paragraph"]] if "paragraph" in b else list(b.get("bullets", [])):
                for m in re.finditer(r"\b(\d+) \(([A-Za-z ]+)\)", t):
                    v = self.words_value(m.group(2))
                    if v is not None and v != int(m.group(1)):
                        self.items.append({"rule": "NAR003", "severity": "error", "table": None, "row": None,
                                           "text": m.group(0), "printed": m.group(1), "recomputed": str(v),
                                           "arithmetic": f"\"{m.group(2)}\" is {v}", "block": {"file": file, "index": index}})
                        self.block_fixes.append((file, index, m.group(0), f"{v} ({m.group(2)})"))

    # -- run
    def run(self):
        for stem, spec in self.rel["tables"].items():
            if stem not in self.s["tables"]:
                continue
            n = len(self.s["tables"][stem]["rows"])
            for rel in (spec or {}).get("relations") or []:
                rule = rel["rule"]
                rows = rowset(rel.get("rows"), n)
                if rule == "PCT001" or (rule in ("CAP001",) and "num" in rel):
                    for r in rows:
                        self.ratio(rule, stem, r, rel["num"], rel["den"], rel["out"], Decimal(str(rel.get("factor", 100))))
                elif rule == "CAP003":
                    for r in rows:
                        self.range_judgement(rel, stem, r)
                elif rule in ("CAP001", "CAP002"):
                    for r in rows:
                        self.capaian(rel, stem, r)
                elif rule == "CAP004":
                    for r in rows:
                        self.product(rel, stem, r)
                elif rule in ("LBL001", "LBL002"):
                    for r in rows:
                        self.label(rel, stem, r)
                elif rule in ("DIF001", "DIF002"):
                    for r in rows:
                        self.difference(rel, stem, r)
                elif rule in ("SUM001", "SUM002", "SUM003", "NAR006") and "of_rows" in rel:
                    # column sums: row `row` = sum of rows `of_rows`, for each col in `cols`
                    for c in rel["cols"]:
                        self.total(rule, stem, (rel["row"], c), [(stem, x, c) for x in rowset(rel["of_rows"], n)],
                                   severity=rel.get("severity", "error"), fix_addend=rel.get("clean_addend", False))
                elif rule in ("SUM001", "SUM002", "SUM003") and "of_cols" in rel:
                    # row sums: col `col` = sum of cols `of_cols`, for each row in rows
                    for r in rows:
                        self.total(rule, stem, (r, rel["col"]), [(stem, r, x) for x in rel["of_cols"]],
                                   severity=rel.get("severity", "error"))
                elif rule in ("SUM001", "SUM002", "SUM003", "NAR006") and "of" in rel:
                    # general: cell = sum of cells, each [row, col] or {table, cell}
                    adds = [(a["table"], *a["cell"]) if isinstance(a, dict) else (stem, *a) for a in rel["of"]]
                    self.total(rule, stem, tuple(rel["cell"]), adds, severity=rel.get("severity", "error"),
                               fix_addend=rel.get("clean_addend", False))
                elif rule == "CAP005" and "of" in rel:  # cell = mean of cells, possibly of other tables
                    self._also = []
                    adds = [(a["table"], *a["cell"]) if isinstance(a, dict) else (stem, *a) for a in rel["of"]]
                    self.mean(stem, tuple(rel["cell"]), adds)
                elif rule == "CAP005":
                    self._also = rel.get("clean_also", [])
                    for c in rel["cols"]:
                        self.mean(stem, (rel["row"], c), [(stem, x, c) for x in rowset(rel["of_rows"], n)])
                elif rule in ("BND001", "BND002"):
                    for r in rows:
                        self.bound(rel, stem, r)
                elif rule in ("SUM003", "NAR006") and "equals" in rel:
                    self.same_sum(rel, stem)
                elif rule in ("XT001", "XT002"):
                    self.equal(rel, stem)
                else:
                    raise ValueError(f"{stem}: unknown relation {rel}")
            for c in spec.get("numeric") or []:
                for r in rowset(spec.get("numeric_rows"), n):
                    self.num(stem, r, c)
        for cl in self.rel.get("claims") or []:
            if "block" in cl:
                self.claim(cl)
        self.number_words()
        for stem, r, c in sorted(self.malformed, key=lambda k: (_stem_key(k[0]), k[1], k[2])):
            text = get(self.s, stem, r, c)
            self.items.append({"rule": "DQ001", "severity": "error", **self.where(stem, r, c), "printed": text,
                               "recomputed": None, "arithmetic": f"\"{text}\" is not a number"})
            if not self.items[-1].get("table_title"):
                self.items[-1].pop("table_title", None)
        return self


def terbilang(n: int) -> str:
    """Indonesian words of 0 <= n < 100."""
    w = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]
    if n < 12:
        return w[n]
    if n < 20:
        return w[n - 10] + " belas"
    return w[n // 10] + " puluh" + (" " + w[n % 10] if n % 10 else "")


def _unit(text) -> str:
    m = re.search(r"\d\s*([A-Za-z][A-Za-z/ .]*)$", str(text).strip())
    return m.group(1).strip().lower() if m else ""


def _stem_key(stem):
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", stem)]


def truth(source, relations) -> list[dict]:
    o = Oracle(source, relations).run()
    items, seen = [], set()
    for it in o.items:  # one item per place and rule (CAP003 is found by two relations, say)
        key = (it["rule"], it.get("table"), it.get("table_title"), it.get("row"), it.get("column"), it.get("text"),
               str(it.get("block")), it["printed"], it["recomputed"])
        if key not in seen:
            seen.add(key)
            items.append(it)
    # a malformed cell is one item (DQ001), whatever relations read it
    for i, it in enumerate(items, 1):
        it["id"] = f"T{i:03d}"
    return [{"id": it.pop("id"), **it} for it in items]


def _repair(text, conv):
    """A malformed number's digits, as one whole number in the column's convention."""
    digits = re.sub(r"\D", "", text)
    return fmt(Decimal(digits or "0"), None, 0) if conv == "id" else digits


def clean(source, relations, max_passes: int = 12) -> dict:
    """The source with every derived cell and every quoted figure recomputed (RELATIONS.md, Clean copies).

    A claim's sentence is rewritten with its cell's value, and the claim is carried along with
    its new text: a cell that changes again in a later pass (a total after its children, a
    cross-table copy) rewrites the sentence again, so the clean copy's sentences quote the
    clean tables by construction, not an intermediate value."""
    out = copy.deepcopy(source)
    relations = copy.deepcopy(relations)  # its claims follow the rewritten sentences
    present = {id(cl) for cl in relations.get("claims") or [] if _claim_present(out, cl)}
    o = Oracle(out, relations).run()
    for stem, r, c in o.malformed:
        put(out, stem, r, c, _repair(get(out, stem, r, c), o.conv(stem, c)))
    for _ in range(max_passes):
        o = Oracle(out, relations).run()
        if not o.fixes and not o.block_fixes and not o.items:
            return out
        if not o.fixes and not o.block_fixes and not o.xt_fixes:
            break
        for (stem, r, c), text in o.fixes.items():
            put(out, stem, r, c, text)
        # a cross-table disagreement: the side that was just recomputed wins, else the other side is copied
        for a, b in o.xt_fixes:
            if a in o.fixes and b not in o.fixes:
                put(out, *b, o.fixes[a])
            elif b in o.fixes:
                put(out, *a, o.fixes[b])
            else:
                put(out, *a, get(out, *b))
        for file, index, find, repl in o.block_fixes:
            b = block(out, file, index)
            if "paragraph" in b:
                b["paragraph"] = b["paragraph"].replace(find, repl, 1)
            else:
                b["bullets"] = [x.replace(find, repl, 1) for x in b["bullets"]]
            for cl in relations.get("claims") or []:
                if cl.get("block") == {"file": file, "index": index} and cl["text"] == find:
                    cl["text"] = repl  # the claim now quotes the rewritten sentence
                    cl["value"] = o.claim_values.get((file, index, find), cl["value"])
    left = Oracle(out, relations).run().items
    if left:
        raise RuntimeError(f"clean() did not converge: {left[:3]}")
    lost = [cl for cl in relations.get("claims") or [] if id(cl) in present and not _claim_present(out, cl)]
    if lost:
        raise RuntimeError(f"clean() lost the sentence of a claim: {lost[:2]}")
    return out


def _claim_present(source, cl) -> bool:
    """Whether a claim's text is in its block (else the oracle skips it)."""
    if "block" not in cl:
        return False
    b = block(source, cl["block"]["file"], cl["block"]["index"])
    texts = [b["paragraph"]] if "paragraph" in b else list(b.get("bullets", []))
    return any(cl["text"] in t for t in texts)


# ------------------------------------------------------------------------------ documents

def restrict(relations, tables: set, blocks: set) -> dict:
    """The relations of a document that holds only `tables` (stems) and `blocks` ((file, index))."""
    rel = copy.deepcopy(relations)

    def others(r):
        out = []
        if isinstance(r.get("equals"), dict) and "table" in r["equals"]:
            out.append(r["equals"]["table"])
        for a in r.get("of") or []:
            if isinstance(a, dict):
                out.append(a["table"])
        for k in ("share", "count", "largest"):
            if isinstance(r.get(k), dict) and "table" in r[k]:
                out.append(r[k]["table"])
        return out

    rel["tables"] = {stem: {**spec, "relations": [r for r in (spec or {}).get("relations") or []
                                                  if all(o in tables for o in others(r))]}
                     for stem, spec in rel["tables"].items() if stem in tables}
    key = lambda x: (x["file"], int(x["index"])) if isinstance(x, dict) else tuple(x)  # noqa: E731
    rel["blocks"] = [x for x in rel.get("blocks") or [] if key(x) in blocks]
    rel["claims"] = [c for c in rel.get("claims") or [] if key(c["block"]) in blocks
                     and all(o in tables for o in others(c))
                     and (not isinstance(c.get("count"), dict) or "block" not in c["count"]
                          or key(c["count"]["block"]) in blocks)]
    return rel


def _builder():
    """samples/wild/build.py (the document list and what each document holds), or None."""
    import importlib.util
    path = WILD / "build.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("wild_build_for_oracle", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["wild_build_for_oracle"] = mod
    spec.loader.exec_module(mod)
    return mod


def _scanned_pages(layout_path: Path) -> list[int]:
    """Image-only pages the reportlab build inserted (its layout manifest)."""
    import json

    return list(json.loads(layout_path.read_text(encoding="utf-8")).get("scanned_pages") or [])


def document_truths():
    """(truth file path, document dict) of every document: the reportlab BKD sample and the Word corpus."""
    out = []
    bkd_rel = WILD / "relations" / "bkd-banten-2024.yaml"
    if bkd_rel.exists():
        rel = load_relations(bkd_rel)
        src = load_source(rel["source"])
        out.append((ROOT / "samples" / "lkip-bkd-banten-2024.truth.yaml",
                    {"document": "samples/lkip-bkd-banten-2024.pdf", "source": rel["source"], "clean": False,
                     # the reportlab build inserts a scanned page; its layout manifest names it
                     "unreadable_pages": _scanned_pages(ROOT / "samples" / "lkip-bkd-banten-2024.layout.json"),
                     "items": truth(src, rel)}))
    b = _builder()
    for spec in (b.DOCS if b else []):
        rpath = b.relations_path(spec)
        if rpath is None or not (spec.source / "meta.yaml").exists():
            continue
        rel = load_relations(rpath)
        src = load_source(spec.source)
        epath = spec.source / "errors.yaml"
        errors = (yaml.safe_load(epath.read_text(encoding="utf-8")) or []) if epath.exists() else []
        printed = apply_errors(src, errors) if errors and spec.errors else src
        held, _ = b.select_blocks(spec, printed, rel)
        tables = {str(x["table"]) for _, _, x in held if "table" in x}
        blocks = {(f, i) for f, i, x in held if "paragraph" in x or "bullets" in x}
        r = restrict(rel, tables, blocks)
        source_dir = str(Path(spec.source).resolve().relative_to(ROOT))
        for name, data, is_clean in ((spec.name, printed, False), (spec.name + "-bersih", clean(src, rel), True)):
            items = truth(data, r)
            if is_clean and items:
                raise RuntimeError(f"{name}: the clean copy is not clean: {items[:2]}")
            out.append((WILD / f"{name}.truth.yaml",
                        {"document": f"samples/wild/{name}.pdf", "docx": f"samples/wild/{name}.docx",
                         "source": source_dir, "clean": is_clean, "items": items}))
    return out


def add_pages(doc: dict) -> None:
    """Fill `page` from the PDF text when the row label (or the sentence) is found on exactly one page."""
    pdf = ROOT / doc["document"]
    if not pdf.exists() or not doc["items"]:
        return
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return
    pages = []
    pdfdoc = pdfium.PdfDocument(str(pdf))
    for i in range(len(pdfdoc)):
        tp = pdfdoc[i].get_textpage()
        pages.append(re.sub(r"[^a-z0-9]", "", tp.get_text_range().lower()))
    norm = lambda x: re.sub(r"[^a-z0-9]", "", re.sub(r"\*", "", str(x or "")).lower())  # noqa: E731
    for it in doc["items"]:
        lab = norm(it.get("row") or it.get("text"))[:40]
        if not lab:
            continue
        hits = [k for k, t in enumerate(pages) if lab in t]
        with_value = [k for k in hits if norm(it.get("printed")) in pages[k]]
        hits = with_value or hits
        if len(hits) > 1 and it.get("table"):
            # the first such page at or after the table's caption ("Tabel 3.20")
            cap = [k for k, t in enumerate(pages) if "tabel" + norm(it["table"]) in t]
            hits = [k for k in hits if cap and k >= cap[0]][:1]
        if len(hits) == 1:
            it["page"] = hits[0] + 1


def write_all(pages: bool = True) -> list[Path]:
    written = []
    for path, doc in document_truths():
        if pages:
            add_pages(doc)
        for i, it in enumerate(doc["items"], 1):
            it.pop("block", None)
            it["id"] = f"T{i:03d}"
        doc["items"] = [{"id": it.pop("id"), **it} for it in doc["items"]]
        path.write_text("# Written by samples/wild/oracle.py --write from the source data and\n"
                        "# samples/wild/relations/; do not edit by hand.\n"
                        + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
        written.append(path)
    return written


# ------------------------------------------------------------------------------ CLI

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the truth files of every document")
    ap.add_argument("--no-pages", action="store_true", help="with --write: leave page numbers out")
    ap.add_argument("--show", metavar="RELATIONS", help="print the truth of one relations file")
    args = ap.parse_args(argv)
    if args.show:
        rel = load_relations(args.show)
        src = load_source(rel["source"])
        for it in truth(src, rel):
            print(it["rule"], it.get("table"), "|", it.get("row") or it.get("text"), "|", it.get("column"), "|",
                  it["printed"], "->", it["recomputed"], "|", it["arithmetic"])
        return 0
    if args.write:
        for p in write_all(pages=not args.no_pages):
            print(p.relative_to(ROOT))
        return 0
    ap.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
