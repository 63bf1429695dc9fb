"""Polarity of each indicator row: higher is better (the default) or lower is better.

Evidence, strongest first (each row keeps the strongest it has, as a Polarity):

1. "column": a cell of the row says it: a POLARITAS column ("Negatif", "Semakin rendah
   semakin baik", "(-)", "Minimal") or a mark in the label.
2. "sentence": the report's own sentences name the indicator together with a polarity
   statement ("... merupakan indikator yang semakin rendah semakin baik") or with the
   lower-is-better formula ((2 x target - realisasi) / target x 100, or the inverse form
   target / realisasi x 100); a footnote "*) semakin rendah semakin baik" marks the rows
   whose label carries the same "*)".
3. "table": the same indicator in another table of the report (rows tied by
   lkip_audit.understand.resolve) has column or sentence evidence.
4. "name": only a hint, the words of the name (rules/vocabulary/polarity.yaml:
   kematian, prevalensi, stunting, ...). Where polarity rests on the name alone, a
   value that fits only the other polarity's formula is a warning, never an error.

Evidence 1-3 may also say "higher is better", which overrules a name hint.

Two statements about all indicators (document_statements): the lower-is-better formula
the report states ("2t-r", (2 x target - realisasi) / target x 100, or "t/r", target /
realisasi x 100; also a worked example "((2 x 98) - 85,62) / 98 x 100") goes to every
lower-is-better row that states none of its own (Polarity.formula), and CAP002 then
checks that formula only; one capaian formula realisasi / target for every indicator,
in a report that names no lower-is-better indicator at all, makes the rows without other
evidence higher-is-better ("document"), so a capaian that happens to fit the
lower-is-better formula is no reason to doubt.

    load_vocabulary() -> dict[str, list[re.Pattern]]
    row_marks(table, rows) -> dict[row, Polarity]               (evidence 1)
    name_hints(table, rows, terms=None) -> dict[row, Polarity]  (evidence 4)
    assign(doc, tables, sentences=None) -> list[str]            (all four, in place)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import yaml

from lkip_audit.extract.model import Table
from lkip_audit.understand.model import SECTION, TOTAL, AnalyzedTable, RowInfo
from lkip_audit.understand.text import ws

STRENGTH = {"column": 4, "sentence": 3, "table": 2, "name": 1, "document": 1}

# The lower-is-better formulas a report may state (DESIGN.md): "2t-r" is
# (2 x target - realisasi) / target x 100 (also written (1 + (1 - realisasi / target)) x 100),
# "t/r" the inverse form target / realisasi x 100.
FORMULAS = ("2t-r", "t/r")


@dataclass(frozen=True)
class Polarity:
    lower: bool  # True: lower is better
    evidence: str  # "column" | "sentence" | "table" | "name" | "document"
    source: str  # what it rests on: the cell, the sentence (page), the other table's row, the term
    # for a lower-is-better row: the capaian formula the report states for it ("2t-r" or
    # "t/r"), None when it states none (then either is accepted)
    formula: str | None = None
    formula_source: str = ""  # where the report states that formula ("p11: '...'")

    @property
    def strength(self) -> int:
        return STRENGTH[self.evidence]

    def describe(self) -> dict:
        out = {
            "polarity": "lower-is-better" if self.lower else "higher-is-better",
            "evidence": self.evidence,
            "source": self.source,
        }
        if self.formula:
            out["formula"] = self.formula
            out["formula_source"] = self.formula_source
        return out


def _vocabulary_text() -> str:
    from lkip_audit.vocabulary import vocabulary_text

    return vocabulary_text("polarity")


def load_vocabulary() -> dict[str, tuple]:
    """The polarity word lists of rules/vocabulary/polarity.yaml, compiled (case-insensitive).

    Cached by the file's text, not once per process: a catalogue directory chosen later
    ($LKIP_AUDIT_RULES) is read, whatever was loaded before."""
    return _compiled_vocabulary(_vocabulary_text())


@lru_cache(maxsize=4)
def _compiled_vocabulary(text: str) -> dict[str, tuple]:
    data = yaml.safe_load(text) or {}
    return {k: tuple(re.compile(p, re.I) for p in (v or [])) for k, v in data.items()}


@lru_cache(maxsize=32)
def _matcher(patterns: tuple):
    """text -> whether any of ``patterns`` (compiled with re.I) is found in it: one search
    of their alternation instead of one search per pattern, else (patterns that do not
    combine: a named group used twice, inline flags) each in turn."""
    try:
        search = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.I).search if patterns else None
    except re.error:
        return lambda text: any(p.search(text) for p in patterns)
    if search is None:
        return lambda text: False
    return lambda text: search(text) is not None


def _eligible(info: RowInfo) -> bool:
    return info.role not in (TOTAL, SECTION)


def row_marks(table: Table, rows: list[RowInfo]) -> dict[int, Polarity]:
    """Rows whose own cells state the polarity (a polarity column or a mark in the label)."""
    voc = load_vocabulary()
    lower, higher = _matcher(voc.get("lower_marks", ())), _matcher(voc.get("higher_marks", ()))
    out: dict[int, Polarity] = {}
    for info in rows:
        if not _eligible(info) or not 0 <= info.index < len(table.rows):
            continue
        for c in table.rows[info.index].cells:
            t = ws(c.text)
            if not t or len(t) > 200:
                continue
            if lower(t):
                out[info.index] = Polarity(True, "column", f"cell {t!r}")
                break
            if higher(t):
                out[info.index] = Polarity(False, "column", f"cell {t!r}")
                break
    return out


def name_hints(table: Table, rows: list[RowInfo], terms=None) -> dict[int, Polarity]:
    """Rows whose name suggests a lower-is-better indicator (a hint only)."""
    voc = load_vocabulary()
    pats = voc.get("lower_is_better", ()) if terms is None else tuple(re.compile(p, re.I) for p in terms)
    out: dict[int, Polarity] = {}
    for info in rows:
        if not _eligible(info):
            continue
        label = ws(info.label)
        if not label or _matcher(voc.get("not_lower", ()))(label):
            continue
        if not _matcher(pats)(label):
            continue  # none of the terms: the first that matches is looked for below
        for p in pats:
            if p.search(label):
                out[info.index] = Polarity(True, "name", f"term {p.pattern!r}")
                break
    return out


def _set(at: AnalyzedTable, row: int, pol: Polarity) -> bool:
    old = at.polarity.get(row)
    if old is not None and old.strength >= pol.strength:
        return False
    at.polarity[row] = pol
    return True


# --- sentences -----------------------------------------------------------------

# a sentence says something of the indicators it names (table text run together does not)
_PREDICATE = re.compile(r"\b(merupakan|bersifat|adalah|yaitu|termasuk|tergolong|dihitung|menggunakan|rumus|"
                        r"sehingga|karena|berarti|artinya|polaritas)\b")
_FOOTMARK = re.compile(r"^\s*(\*{1,3}\)?|\(\*{1,3}\))\s*")
# "indikator bertanda *) semakin rendah semakin baik": the mark named inside a sentence
_TANDA = re.compile(r"\b(?:bertanda|ditandai(?: dengan)?|dengan tanda|tanda)\s*(\*{1,3}\)?|\(\*{1,3}\))")

# The lower-is-better formula a sentence states, by kind (FORMULAS); worked examples count
# too: "((2 x 98) - 85,62) / 98 x 100" is the 2t-r form (the doubled number is the divisor).
_F_2TR = (
    re.compile(r"2\s*[x×*]\s*\(?\s*(target|rencana)\s*\)?\s*[-–]\s*\(?\s*realisasi", re.I),
    re.compile(r"1\s*\+\s*\(\s*1\s*[-–]\s*\(?\s*realisasi\s*/\s*(target|rencana)", re.I),
)
_F_2TR_NUM = re.compile(r"\(\s*\(?\s*2\s*[x×*]\s*([\d.,]+)\s*\)?\s*[-–]\s*[\d.,]+\s*\)\s*/\s*([\d.,]+)")
_F_TR = (
    re.compile(r"\b(target|rencana)\s*\)?\s*/\s*\(?\s*realisasi\b", re.I),
    re.compile(r"\b(target|rencana)\s+dibagi\s+(dengan\s+)?realisasi\b", re.I),
)
# the one capaian formula a report states for every indicator: "Capaian Kinerja = (Realisasi /
# Target) x 100%" (no polarity named in the sentence)
_F_GENERAL = re.compile(r"\bcapaian(?:\s+kinerja)?(?:\s+\w+){0,3}\s*=\s*\(?\s*realisasi\s*/\s*(target|rencana)\b", re.I)


def formula_of(text: str) -> str | None:
    """The lower-is-better capaian formula a sentence states ("2t-r" or "t/r"), or None
    (also None when it states both)."""
    kinds = set()
    if any(p.search(text) for p in _F_2TR) or any(a == b for a, b in _F_2TR_NUM.findall(text)):
        kinds.add("2t-r")
    if any(p.search(text) for p in _F_TR):
        kinds.add("t/r")
    return next(iter(kinds)) if len(kinds) == 1 else None


def _norm(s: str) -> str:
    from lkip_audit.understand.narrative import norm

    return norm(s)


def _label_key(label: str) -> str:
    """The label as a sentence would name it: no numbering, no footnote marks."""
    from lkip_audit.understand.text import LEADING  # as hierarchy._strip_marker, without importing hierarchy

    s = LEADING.sub("", ws(label) or "", count=1)
    s = re.sub(r"\(?\*+\)?", " ", s)
    return _norm(s)


def _mentions(key: str, sent_norm: str) -> list[int]:
    if len(key) < 12 or len(key.split()) < 2:
        return []
    return [m.start() for m in re.finditer(r"(?<![\w/])" + re.escape(key) + r"(?![\w/])", sent_norm)]


def _marks(text: str, pats) -> list[int]:
    out = []
    for p in pats:
        out += [m.start() for m in p.finditer(text)]
    return out


def sentence_polarity(sentences, tables: list[AnalyzedTable]) -> dict[tuple[str, int], Polarity]:
    """(table id, row) -> Polarity stated by a sentence of the report."""
    voc = load_vocabulary()
    lower_p = voc.get("sentence_lower", ()) + voc.get("sentence_lower_formula", ())
    higher_p = voc.get("sentence_higher", ())
    keys: list[tuple[str, str, int]] = []  # (key, table id, row)
    for at in tables:
        for info in at.rows:
            if _eligible(info) and info.label:
                k = _label_key(info.label)
                if k:
                    keys.append((k, at.table.id, info.index))
    out: dict[tuple[str, int], Polarity] = {}
    listing: tuple[bool, str] | None = None  # a statement introducing a list of indicators
    for s in sentences:
        text = ws(s.text)
        if len(text.split()) > 90:
            listing = None
            continue  # table text run together, not a sentence (as the narrative rules)
        low = text.lower()
        if listing is not None and getattr(s, "bullet", False):
            # "Indikator yang semakin rendah semakin baik yaitu: a. Angka Kematian Bayi; ..."
            sn = _norm(text)
            for key, tid, row in keys:
                if _mentions(key, sn):
                    f = formula_of(text) if listing[0] else None
                    out.setdefault((tid, row), Polarity(listing[0], "sentence", listing[1], f,
                                                        f"p{s.page}: {text[:160]!r}" if f else ""))
            continue
        listing = None
        if not any(p.search(low) for p in lower_p + higher_p):
            continue
        if re.search(r"(:|\byaitu|\badalah|\bantara lain|\bmeliputi|\bsebagai berikut)\s*:?\s*$", low):
            lows_, highs_ = _marks(low, lower_p), _marks(low, higher_p)
            if bool(lows_) != bool(highs_):
                listing = (bool(lows_), f"list p{s.page}: {text[:160]!r}")
        sn = _norm(text)
        lows = _marks(sn, lower_p)
        highs = _marks(sn, higher_p)
        # a footnote: "*) semakin rendah semakin baik" marks rows whose label carries "*)"
        fm = _FOOTMARK.match(text) or _TANDA.search(text)
        if fm and lows and not highs:
            mark = fm.group(1).strip("()")
            for at in tables:
                if at.table.pages and not (min(at.table.pages) - 1 <= s.page <= max(at.table.pages) + 1):
                    continue
                for info in at.rows:
                    lab = info.label or ""
                    found = re.findall(r"\(?(\*+)\)?", lab)
                    if _eligible(info) and mark in found:
                        src = f"footnote p{s.page}: {text[:160]!r}"
                        out.setdefault((at.table.id, info.index), Polarity(
                            True, "sentence", src, formula_of(text), src if formula_of(text) else ""))
            continue
        named = [(key, tid, row, _mentions(key, sn)) for key, tid, row in keys]
        named = [x for x in named if x[3]]
        mixed = bool(lows) and bool(highs)
        if not _PREDICATE.search(low):
            continue  # table text run into a "sentence" (labels beside a polarity column)
        for key, tid, row, pos in named:
            # the nearest polarity statement decides (a sentence may name both kinds)
            best = None
            for p in pos:
                for m in lows:
                    d = abs(m - p)
                    if best is None or d < best[0]:
                        best = (d, True)
                for m in highs:
                    d = abs(m - p)
                    if best is None or d < best[0]:
                        best = (d, False)
            if best is None:
                continue
            if mixed and (tid, row) in out:
                continue  # a sentence stating one polarity only is the clearer evidence
            if not mixed and (tid, row) in out and out[(tid, row)].source.startswith("mixed "):
                del out[(tid, row)]
            src = ("mixed " if mixed else "") + f"p{s.page}: {text[:160]!r}"
            f = formula_of(text) if best[1] and not mixed else None
            out.setdefault((tid, row), Polarity(best[1], "sentence", src, f, src if f else ""))
    return out


def document_statements(sentences, tables: list[AnalyzedTable]) -> tuple[tuple[str, str] | None, str | None]:
    """What the report states for all its indicators: (the lower-is-better formula it
    states and where, ("2t-r" | "t/r", "p11: '...'") or None; the sentence stating one capaian formula realisasi /
    target for every indicator, when the report names no lower-is-better indicator at all:
    no polarity statement, no lower-is-better formula, no polarity mark in a table)."""
    voc = load_vocabulary()
    lower_p = voc.get("sentence_lower", ()) + voc.get("sentence_lower_formula", ())
    higher_p = voc.get("sentence_higher", ())
    formulas: dict[str, str] = {}
    general = None
    any_lower = False
    for s in sentences or ():
        text = ws(s.text)
        if len(text.split()) > 90:
            continue
        low = text.lower()
        lowers = any(p.search(low) for p in lower_p)
        any_lower = any_lower or lowers
        if lowers:
            f = formula_of(text)
            if f:
                formulas.setdefault(f, f"p{s.page}: {text[:160]!r}")
        if general is None and _F_GENERAL.search(text) and not lowers and not any(p.search(low) for p in higher_p):
            general = f"p{s.page}: {text[:160]!r}"
    for at in tables:
        if any(p.lower and p.evidence == "column" for p in at.polarity.values()):
            any_lower = True
    return (next(iter(formulas.items())) if len(formulas) == 1 else None), (None if any_lower else general)


# --- everything ------------------------------------------------------------------


def _resolution_groups(tables: list[AnalyzedTable], doc) -> list[list[tuple[str, int]]]:
    """Rows naming the same item in several tables (lkip_audit.understand.resolve)."""
    from lkip_audit.understand.model import Understanding
    from lkip_audit.understand.resolve import resolve

    try:
        res = resolve(Understanding(tables=tables, scales={}), doc)
    except Exception:  # pragma: no cover - resolution is a help, never a failure
        return []
    groups = []
    for e in res.entities:
        occ = [(o.table_id, o.row) for o in e.occurrences]
        if len({t for t, _ in occ}) >= 2:
            groups.append(occ)
    return groups


def assign(doc, tables: list[AnalyzedTable], sentences=None, terms=None) -> list[str]:
    """Decide the polarity of every row of every table, in place (at.polarity and
    at.lower_is_better); returns notes. `sentences`: narrative sentences of the report."""
    notes: list[str] = []
    by_id = {at.table.id: at for at in tables}
    for at in tables:
        at.polarity = {}
        for row, pol in row_marks(at.table, at.rows).items():
            _set(at, row, pol)
    if sentences:
        for (tid, row), pol in sentence_polarity(sentences, tables).items():
            at = by_id.get(tid)
            if at is not None:
                _set(at, row, pol)
    strong = any(p.evidence in ("column", "sentence") for at in tables for p in at.polarity.values())
    if strong and len(tables) > 1:
        for group in _resolution_groups(tables, doc):
            best = None
            for tid, row in group:
                p = by_id[tid].polarity.get(row) if tid in by_id else None
                if p is not None and p.evidence in ("column", "sentence") and (best is None or p.strength > best[0].strength):
                    best = (p, tid, row)
            if best is None:
                continue
            p, tid, row = best
            src = by_id[tid]
            where = f"table {src.table.number or src.table.id} row {row + 1} ({p.evidence}: {p.source})"
            for t2, r2 in group:
                if (t2, r2) != (tid, row) and t2 in by_id:
                    _set(by_id[t2], r2, Polarity(p.lower, "table", where))
    lower_formula, general = document_statements(sentences, tables)
    for at in tables:
        for row, pol in name_hints(at.table, at.rows, terms).items():
            _set(at, row, pol)
        if lower_formula:
            # "Capaian indikator yang semakin rendah semakin baik dihitung dengan rumus ...":
            # the report's formula for every lower-is-better row that states none of its own
            for row, p in list(at.polarity.items()):
                if p.lower and p.formula is None:
                    at.polarity[row] = replace(p, formula=lower_formula[0], formula_source=lower_formula[1])
        if general and any(c.field in ("capaian", "tingkat") for c in at.columns):
            # one formula, realisasi / target, for every indicator, and no indicator said to
            # be lower-is-better: the report's indicators are higher-is-better
            for info in at.rows:
                if _eligible(info) and info.index not in at.polarity:
                    at.polarity[info.index] = Polarity(False, "document", general)
        at.lower_is_better = {r for r, p in at.polarity.items() if p.lower}
        for r, p in sorted(at.polarity.items()):
            if p.evidence == "document":
                continue  # one note below, not one per row
            notes.append(f"{at.table.id} row {r}: {'lower' if p.lower else 'higher'} is better ({p.evidence}: {p.source})")
    if general:
        notes.append(f"rows without other polarity evidence are higher-is-better: the report states one formula ({general})")
    if lower_formula:
        notes.append(f"lower-is-better formula stated by the report: {lower_formula[0]} ({lower_formula[1]})")
    return notes
