"""Narrative kinds: numbers in sentences checked against the tables they quote.

"narrative", "count-claim", "number-word", "year", "comparative-claim" and
"breakdown-total" (rules/nar.yaml). All are document scope: they compare the sentences
and claims of lkip_audit.understand.narrative, read by lkip_audit.understand.narrative_claims,
with the analyzed tables. They do not parse text.

Only confident ties become findings: a claim is compared with a table cell when the
sentence names the row (its label) in the table it names or the nearest table above,
and at least one other number of the sentence equals a cell of that row (an anchor),
or when the claim is a share ("6272 PNS atau 72,99%") of a count found in that table, or the
realisation of an item whose budget the sentence states and a budget table of the document
prints on the row the item names (tie "budget-row").
Every finding says in detail["tie"] how the tie was made.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import Ctx, Doubt, cell_at, col_label, data_rows, number, row_infos, row_label
from lkip_audit.extract.model import Table
from lkip_audit.findings import Finding, Location
from lkip_audit.numbers import parse_number
from lkip_audit.understand.fractions import stacked_fractions
from lkip_audit.understand.model import AnalyzedTable
from lkip_audit.understand.narrative import (
    ABOVE_REF,
    Claim,
    Narrative,
    RowTie,
    Sentence,
    claims,
    label_in,
    named_tables,
    narrative,
    norm,
    tables_above,
)
from lkip_audit.understand.narrative_claims import (
    announced_list,
    budget_amounts,
    budget_percentages,
    comparison,
    formula_holds,
    formulas,
    count_claims,
    count_noun,
    in_formula,
    label_position,
    mentions,
    quoted_field,
    readable,
    result_words,
    share_pairs,
    stated_year,
    whole_words,
    year_in_paragraph,
)

FIELDS_NARRATIVE = {"sentence", "tie", "realisasi", "anggaran", "formula", "problem", "values", "count"}
FIELDS_COUNT = {"sentence", "noun", "source"}
FIELDS_WORDS = {"sentence", "number", "words", "words_value"}
FIELDS_YEAR = {"sentence"}
FIELDS_COMPARE = {"sentence", "claim"}
FIELDS_BREAKDOWN = {"other_table", "other_value", "other_column"}

HUNDRED = Decimal(100)


# --- shared ----------------------------------------------------------------------


def _narrative(ctx: Ctx) -> Narrative | None:
    if ctx.doc is None:
        return None
    cached = ctx.__dict__.get("_narrative")
    pre = getattr(ctx.understanding, "narrative", None)
    if pre is not None and (cached is None or cached[0] is not ctx.doc):
        cached = (ctx.doc, pre)  # computed once by the understand stage
        ctx.__dict__["_narrative"] = cached
    if cached is None or cached[0] is not ctx.doc:
        cached = (ctx.doc, narrative(ctx.doc))
        ctx.__dict__["_narrative"] = cached
    return cached[1]


def _analyzed(ctx: Ctx) -> dict[str, AnalyzedTable]:
    if ctx.understanding is None:
        return {}
    return {at.table.id: at for at in ctx.understanding.tables}


def _sentence_detail(s: Sentence) -> dict:
    return {"sentence": s.text, "page": s.page, "pages": s.pages, "position": s.position, "part": s.part}


def _finish(f: Finding, s: Sentence, page: int | None = None) -> Finding:
    """The finding is at the sentence (not at the table cell): on the page of the claim it
    names (`page`, where the sentence runs over a page break), else where the sentence starts."""
    f.bbox = None
    f.page = page if page is not None else s.page
    return f


def _cell_location(ctx: Ctx, at: AnalyzedTable, row: int, col: int | None) -> Location:
    return ctx.location(at, row, col)


def _candidates(s: Sentence, ctx: Ctx, nar: Narrative) -> tuple[list[Table], str]:
    named = named_tables(s.text, ctx.doc)
    if named:
        return named, "named"
    return tables_above(s, ctx.doc, nar.spans), "label-above"


def _tie_rows(s: Sentence, ctx: Ctx, nar: Narrative, ats: dict[str, AnalyzedTable]):
    """The rows the sentence names by their labels in the nearest table that has any:
    (table, [(position in the sentence, row, label)], method, nearer). A label shared by two
    rows of the table is ambiguous and not used; a label inside a longer named one is not
    counted. ``nearer``: the tables between it and the sentence (not named by it), which name
    none of its labels but may hold the figures it quotes."""
    snorm = norm(s.text)
    tables, method = _candidates(s, ctx, nar)
    nearer: list[AnalyzedTable] = []
    for t in tables:
        at = ats.get(t.id)
        if at is None:
            continue
        labels: dict[str, list[int]] = {}
        for i in data_rows(at, roles=("body", "parent", "total")):
            lab = row_label(at, i)
            if lab and label_in(lab, snorm):
                labels.setdefault(norm(lab), []).append(i)
        if not labels:
            if method != "named":
                nearer.append(at)
            continue
        mentions = []
        for ln, rows in labels.items():
            if len(rows) != 1:
                continue
            at_pos = label_position(ln, snorm)
            if at_pos is None:
                continue
            if any(ln != other and ln in other for other in labels):
                continue
            mentions.append((at_pos, rows[0], row_label(at, rows[0])))
        if not mentions:
            return None
        mentions.sort()
        return at, mentions, method, nearer
    return None


def _held_nearer(nearer: list[AnalyzedTable], fld: str, year: int | None, value: Decimal) -> bool:
    """A table between the tied one and the sentence prints ``value`` in the column of the field
    the sentence quotes: the sentence may speak of that table (the nearest before it holding
    the figure) and only name a row of an earlier one (Word drafts: the sentence under Tabel
    3.33 quoting its 98,97 "Realisasi Keuangan" names the kegiatan of Tabel 3.31)."""
    for at in nearer:
        col = _column_for(at, fld, year)
        if col is None:
            continue
        for i in data_rows(at, roles=("body", "parent", "total")):
            p = number(cell_at(at, i, col))
            if p is not None and _equal(p, value):
                return True
    return False


def _claim_positions(s: Sentence, cl: list[Claim]) -> list[int]:
    """Each claim's position in the normalised sentence (to match label mentions)."""
    return [len(norm(s.text[: c.start])) for c in cl]


def _row_numbers(at: AnalyzedTable, row: int) -> list[tuple[int, object]]:
    out = []
    for j, c in enumerate(at.table.rows[row].cells):
        p = number(c)
        if p is not None:
            out.append((j, p))
    return out


def _column_for(at: AnalyzedTable, fld: str, year: int | None):
    cols = at.cols(fld)
    if not cols:
        return None
    if year is not None:
        yc = [c for c in cols if c.group == str(year)]
        if len(yc) == 1:
            return yc[0]
    ungrouped = [c for c in cols if c.group is None]
    if len(cols) == 1:
        return cols[0]
    if len(ungrouped) == 1 and not any(c.group and re.fullmatch(r"(19|20)\d\d", c.group) for c in cols):
        return ungrouped[0]
    return None


def _equal(p, value: Decimal) -> bool:
    return p.value is not None and p.value == value


# --- narrative: a quoted number --------------------------------------------------------


def check_narrative(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """A number in a sentence differs from the table cell it quotes."""
    nar = _narrative(ctx)
    if nar is None:
        return
    ats = _analyzed(ctx)
    year = ctx.doc.tahun
    yield from _stacked_fractions(rule, ctx)
    for si, s in enumerate(nar.sentences):
        cl = claims(s)
        if not cl:
            continue
        yield from _stated_mean(rule, s, cl, nar.sentences[si + 1] if si + 1 < len(nar.sentences) else None, ctx)
        done = set()  # the claims a budget row was found for (not reported twice)
        # a long sentence too: the tie needs a row's label and its anggaran in the item's own text
        for f in _budget_rows(rule, s, cl, ctx, ats, year):
            done.add(f.actual)
            yield f
        for f in _budget_by_realisation(rule, s, cl, ctx, ats, year):
            done.add(f.actual)
            yield f
        for f in _budget_total(rule, s, cl, ctx, ats, year, done):
            done.add(f.actual)
            yield f
        yield from _written_formulas(rule, s, ctx)
        if not readable(s):
            continue
        yield from _broken_amounts(rule, s, cl, ctx)
        yield from _share_claims(rule, s, cl, ctx, nar, ats)
        yield from _own_amounts(rule, s, cl, ctx)
        tied = _tie_rows(s, ctx, nar, ats)
        if tied is None:
            yield from _total_claims(rule, s, cl, ctx, nar, ats)
            continue
        tat, mentions, method, nearer = tied
        for f in _respective(rule, s, cl, ctx, tat, mentions, method):
            done.add(f.actual)
            yield f
        in_table = {p.value for i in range(len(tat.table.rows)) for _j, p in _row_numbers(tat, i)}
        cpos = _claim_positions(s, cl)
        owner = []  # the row each claim speaks of: the last label named before it
        for k in range(len(cl)):
            before = [m for m in mentions if m[0] <= cpos[k]]
            owner.append(before[-1] if before else None)
        for k, c in enumerate(cl):
            if owner[k] is None or c.approx or c.words is not None or in_formula(s.text, c) or c.text in done:
                continue
            if whole_words(s.text[cl[k - 1].end if k else 0:c.start]):
                continue  # "..., sehingga total alokasi anggaran sebesar Rp...": the whole, not the row named before
            _pos, row, label = owner[k]
            nums = _row_numbers(tat, row)
            anchors = [(k2, j) for k2, c2 in enumerate(cl) if k2 != k and owner[k2] == owner[k]
                       and c2.words is None for j, p in nums if _equal(p, c2.value)]
            if any(_equal(p, c.value) for _, p in nums) or not anchors:
                continue  # agrees with the row, or no other number ties the sentence to the row
            if c.value in in_table:
                continue  # it may quote another cell of the table
            fld = quoted_field(c, cl[k - 1] if k > 0 else None, s.text)
            if fld is None:
                continue
            col = _column_for(tat, fld, year)
            if col is None:
                continue
            if _held_nearer(nearer, fld, year, c.value):
                continue  # the nearest table before the sentence holding the figure prints it
            cell = cell_at(tat, row, col)
            p = number(cell)
            if p is None:
                continue
            if c.kind == "percent" and fld not in ("capaian", "persen", "fisik") and p.kind != "percent":
                continue  # "ditargetkan 100%" is not the indicator's target in its own unit
            if ctx.consistent(p, c.value) or ctx.consistent(c.parsed, p.value):
                continue
            tie = RowTie(tat.table, row, method, "high", label, anchors)
            f = ctx.finding(
                rule, tat, row, col,
                expected=" ".join(cell.text.split()),
                actual=c.text,
                fields={"sentence": s.text, "tie": method},
                related=[_cell_location(ctx, tat, row, col)],
                detail={"tie": tie.describe(), "field": fld, **_sentence_detail(s)},
                page=s.page_at(c.start),
            )
            yield _finish(f, s, s.page_at(c.start))


def _own_amounts(rule, s: Sentence, cl: list[Claim], ctx: Ctx) -> Iterable[Finding]:
    """"alokasi anggaran Rp A, realisasi Rp R atau P%": P is R / A x 100 of the sentence's own
    amounts (one anomaly in the sentence itself, no table needed)."""
    for (r, pc), a in budget_percentages(s, cl):
        if a.value <= 0:
            continue
        value = r.value / a.value * HUNDRED
        if value > 150 or pc.value > 150:
            continue  # far above a budget's realisation: amounts misread or not of one budget
        if ctx.consistent(pc.parsed, value):
            continue
        f = ctx.finding(
            rule, None, None, None,
            expected=ctx.fmt(value, max(pc.parsed.decimals, 0)),
            actual=pc.text,
            fields={"sentence": s.text, "tie": "own-amounts", "realisasi": r.text, "anggaran": a.text},
            variant="own" if "own" in rule.variants else None,
            detail={"tie": {"method": "own-amounts", "confidence": "high", "realisasi": r.text, "anggaran": a.text},
                    "field": "persen", "formula": f"{r.value} / {a.value} x 100", **_sentence_detail(s)},
            page=s.page_at(pc.start),
        )
        yield _finish(f, s, s.page_at(pc.start))


def _budget_tables(ats: dict[str, AnalyzedTable], year: int | None) -> list[tuple[AnalyzedTable, object, object]]:
    """(table, anggaran column, realisasi (Rp) column) of every table with one of each."""
    out = []
    for at in ats.values():
        ca, cr = _column_for(at, "anggaran", year), _column_for(at, "realisasi_rp", year)
        if ca is not None and cr is not None:
            out.append((at, ca, cr))
    return out


def _document_budget_tables(ctx: Ctx, ats, year) -> list:
    """_budget_tables of the document, found once per check (kept on the check's context)."""
    cached = ctx.__dict__.get("_budget_tables")
    if cached is None or cached[0] is not ats:
        cached = (ats, _budget_tables(ats, year))
        ctx.__dict__["_budget_tables"] = cached
    return cached[1]


def _budget_rows(rule, s: Sentence, cl: list[Claim], ctx: Ctx, ats, year) -> Iterable[Finding]:
    """"Kegiatan X dengan alokasi anggaran Rp A, realisasi Rp R": X's row in a budget table of the
    document (before or after the sentence) whose anggaran is A must print R as its realisasi.
    The tie: the item's text names the row's label (the longest label it names; of the rows
    printing that label in a table, the one row whose anggaran equals the sentence's), so the
    sentence speaks of that row's budget. Every such row of the document must print another realisation than R, all
    the same one; a row that prints R, or R elsewhere in the row, leaves no finding."""
    items = budget_amounts(s, cl)
    if not items:
        return
    tables = _document_budget_tables(ctx, ats, year)
    for a, r, start in items:
        text = norm(s.text[start:a.start])
        if not text:
            continue
        hits = []
        for at, ca, cr in tables:
            named: dict[str, list[int]] = {}
            for i in data_rows(at, roles=("body", "parent", "total")):
                lab = row_label(at, i)
                if lab and label_in(lab, text):
                    named.setdefault(norm(lab), []).append(i)
            longest = [ln for ln in named if not any(ln != o and ln in o for o in named)]
            for ln in longest:
                # a label printed on several rows ("Program Penelitian, Studi dan Survei" under each
                # sasaran) names the one whose anggaran is the sentence's, when exactly one is
                rows = []
                for i in named[ln]:
                    pa, pr = number(cell_at(at, i, ca)), number(cell_at(at, i, cr))
                    if pa is not None and pr is not None and _equal(pa, a.value):
                        rows.append((at, i, cr, pr))
                if len(rows) == 1:
                    hits += rows
        f = _budget_tie_finding(rule, s, ctx, hits, r, ("anggaran", a), "realisasi_rp", "budget-row")
        if f is not None:
            yield f


def _budget_tie_finding(rule, s: Sentence, ctx: Ctx, hits: list, claim: Claim, other: tuple[str, Claim],
                        field: str, tie_name: str) -> Finding | None:
    """The finding of a sentence's ``claim`` against the rows ``hits`` ((table, row, column,
    parsed cell)) tied to it through the ``other`` amount of the sentence: none when a row of
    the item prints the claimed amount anywhere, when the rows disagree among themselves
    (which one the sentence quotes is not sure), or when the claim is consistent with them."""
    if not hits:
        return None
    if any(_equal(q, claim.value) for at, i, _c, _p in hits for _j, q in _row_numbers(at, i)):
        return None
    if len({p.value for _at, _i, _c, p in hits}) != 1:
        return None
    at, i, col, printed = hits[0]
    if ctx.consistent(printed, claim.value) or ctx.consistent(claim.parsed, printed.value):
        return None
    cell = cell_at(at, i, col)
    tie = RowTie(at.table, i, tie_name, "high", row_label(at, i))
    f = ctx.finding(
        rule, at, i, col,
        expected=" ".join(cell.text.split()),
        actual=claim.text,
        fields={"sentence": s.text, "tie": tie_name},
        related=[_cell_location(ctx, at, i, col)],
        detail={"tie": {**tie.describe(), other[0]: other[1].text}, "field": field, **_sentence_detail(s)},
        page=s.page_at(claim.start),
    )
    return _finish(f, s, s.page_at(claim.start))


_PERIOD = re.compile(
    r"(?:\b(?:s\.\s?d\.?|s/d|sampai\s+dengan|hingga)\s+)?\b(?:triwulan|tw|semester)\s+[ivx\d]+\b"
    r"|\(\s*bulan\s+[a-z]+\s*\)", re.I)
_YEAR_END = re.compile(r"\b(?:triwulan|tw)\s+(?:iv|4)\b|\bsemester\s+(?:ii|2)\b|\bdesember\b", re.I)
_BUDGET_WORD = re.compile(r"\b(?:anggaran|pagu|alokasi|dialokasikan)\b", re.I)
_KIND_WORD = re.compile(r"^(?:program|kegiatan|sub\s+kegiatan)\s+", re.I)
_BROKEN_AFTER = re.compile(r"^[.,]{1,2}\d")  # "Rp.920.942..000": broken by a stray separator


def _stated_budgets(s: Sentence, cl: list[Claim]) -> list[tuple[Claim, Claim, int]]:
    """(anggaran, realisasi, start) of each item whose budget amount A and realised amount R a
    sentence states one right after the other, R read as the realisation ("terealisasi sebesar Rp
    R"), a budget word ("anggaran", "pagu", "alokasi") in the item's text before A even with words
    between ("jumlah anggaran melalui Program X sebesar Rp A"); `start` is where the item's text
    begins (after the previous claim). None when an amount of the sentence is approximate or broken
    by a stray separator."""
    fields = [quoted_field(c, cl[k - 1] if k else None, s.text) for k, c in enumerate(cl)]
    money = [c for c in cl if c.kind == "money"]
    if any(_BROKEN_AFTER.match(s.text[m.end:m.end + 3]) or m.approx or m.value <= 0 for m in money):
        return []
    out = []
    for k in range(1, len(cl)):
        a, r = cl[k - 1], cl[k]
        if a.kind != "money" or r.kind != "money" or fields[k] != "realisasi_rp" or fields[k - 1] == "realisasi_rp":
            continue
        start = cl[k - 2].end if k >= 2 else 0
        if _BUDGET_WORD.search(s.text[start:a.start]) is None:
            continue
        out.append((a, r, start))
    return out


def _names_row(lab: str, text: str) -> bool:
    """The item's text names the row: its label, or the label without its kind word ("Program",
    "Kegiatan": "Progam Kerjasama Pembangunan" names "Program Kerjasama Pembangunan")."""
    if label_in(lab, text):
        return True
    bare = _KIND_WORD.sub("", norm(lab))
    return bare != norm(lab) and label_in(bare, text)


def _budget_by_realisation(rule, s: Sentence, cl: list[Claim], ctx: Ctx, ats, year) -> Iterable[Finding]:
    """"Program X dengan jumlah anggaran Rp A yang terealisasi sebesar Rp R": X's row in a budget
    table of the document whose realisasi is exactly R must print A as its anggaran (the other
    direction of the budget-row tie, which anchors on the anggaran). The tie: the item's text names
    the row (_names_row) and the row prints the sentence's realised amount R; every such row must
    print the same anggaran, and A nowhere in the row."""
    items = _stated_budgets(s, cl)
    if not items:
        return
    tables = _document_budget_tables(ctx, ats, year)
    for a, r, start in items:
        text = norm(s.text[start:a.start])
        if not text:
            continue
        hits = []
        for at, ca, cr in tables:
            for i in data_rows(at, roles=("body", "parent", "total")):
                lab = row_label(at, i)
                if not lab or not _names_row(lab, text):
                    continue
                pa, pr = number(cell_at(at, i, ca)), number(cell_at(at, i, cr))
                if pa is not None and pr is not None and pa.value is not None and _equal(pr, r.value):
                    hits.append((at, i, ca, pa))
        f = _budget_tie_finding(rule, s, ctx, hits, a, ("realisasi", r), "anggaran", "budget-row-realisasi")
        if f is not None:
            yield f


def _budget_total(rule, s: Sentence, cl: list[Claim], ctx: Ctx, ats, year, done: set) -> Iterable[Finding]:
    """"Alokasi anggaran Tahun 2016 ... Belanja Langsung ... sebesar Rp A dengan realisasi sebesar
    Rp R" in a summary (Ikhtisar Eksekutif, Bab IV) or a sentence about the whole: the total row of
    a budget table of the document whose anggaran is exactly A must print R as its realisation.
    Only when the document's total rows with that anggaran all print one realisation and no row of
    any budget table with that anggaran prints R (the sentence may speak of that row)."""
    if not (s.part in ("ikhtisar", "bab4") or whole_words(s.text)):
        return
    if any(not _YEAR_END.search(m.group(0)) for m in _PERIOD.finditer(s.text)):
        return  # "s.d. Triwulan III": a realisation of part of the year
    items = _stated_budgets(s, cl)
    if not items:
        return
    tables = _document_budget_tables(ctx, ats, year)
    for a, r, _start in items:
        if r.text in done:
            continue
        totals, same_budget = [], []
        for at, ca, cr in tables:
            total_rows = set(data_rows(at, roles=("total",)))
            for i in data_rows(at, roles=("body", "parent", "total")):
                pa = number(cell_at(at, i, ca))
                if pa is None or not _equal(pa, a.value):
                    continue
                same_budget.append((at, i))
                pr = number(cell_at(at, i, cr))
                if i in total_rows and pr is not None and pr.value is not None:
                    totals.append((at, i, cr, pr))
        if not totals:
            continue
        if any(_equal(q, r.value) for at, i in same_budget for _j, q in _row_numbers(at, i)):
            continue  # a row with the same budget prints the sentence's realisation
        if len({pr.value for _at, _i, _cr, pr in totals}) != 1:
            continue
        at, i, cr, pr = totals[0]
        if ctx.consistent(pr, r.value) or ctx.consistent(r.parsed, pr.value):
            continue
        cell = cell_at(at, i, cr)
        tie = RowTie(at.table, i, "budget-total", "high", row_label(at, i))
        f = ctx.finding(
            rule, at, i, cr,
            expected=" ".join(cell.text.split()),
            actual=r.text,
            fields={"sentence": s.text, "tie": "budget-total"},
            related=[_cell_location(ctx, at, i, cr)],
            detail={"tie": {**tie.describe(), "anggaran": a.text}, "field": "realisasi_rp", **_sentence_detail(s)},
            page=s.page_at(r.start),
        )
        yield _finish(f, s, s.page_at(r.start))


_RESPECTIVE = re.compile(r"\bmasing[\s-]+masing\b", re.I)


def _respective(rule, s: Sentence, cl: list[Claim], ctx: Ctx, tat: AnalyzedTable, mentions, method) -> Iterable[Finding]:
    """"indikator A serta B ... masing-masing sebesar 105,07% dan 173,70%": the k-th percentage is
    the k-th row's. The column is the one where a row named agrees with its percentage (one such
    column, every named row printing a number there); a row that prints another number there, and
    the sentence's figure nowhere in the row, is reported."""
    m = _RESPECTIVE.search(s.text)
    if m is None:
        return
    cpos = _claim_positions(s, cl)
    mpos = len(norm(s.text[: m.start()]))
    vals = [c for c, p in zip(cl, cpos) if p >= mpos]
    if len(vals) < 2 or any(c.kind != "percent" or c.approx or c.words is not None for c in vals):
        return
    before = [x for x in mentions if x[0] < mpos]
    if len(before) < len(vals):
        return
    named = before[-len(vals):]
    if len({r for _p, r, _l in named}) != len(named) or any(named[0][0] <= p < mpos for p in cpos):
        return  # the same row twice, or a number between the labels and "masing-masing"
    pairs = [(row, label, c) for (_p, row, label), c in zip(named, vals)]
    cols = []
    for j in range(len(tat.table.columns)):
        cells = [number(cell_at(tat, row, j)) for row, _l, _c in pairs]
        if any(p is None for p in cells):
            continue
        if any(_equal(p, c.value) for p, (_r, _l, c) in zip(cells, pairs)):
            cols.append(j)
    if len(cols) != 1:
        return
    j = cols[0]
    for row, label, c in pairs:
        p = number(cell_at(tat, row, j))
        if _equal(p, c.value) or any(_equal(q, c.value) for _k, q in _row_numbers(tat, row)):
            continue
        if ctx.consistent(p, c.value) or ctx.consistent(c.parsed, p.value):
            continue
        cell = cell_at(tat, row, j)
        tie = RowTie(tat.table, row, method, "high", label)
        f = ctx.finding(
            rule, tat, row, j,
            expected=" ".join(cell.text.split()),
            actual=c.text,
            fields={"sentence": s.text, "tie": "respective"},
            related=[_cell_location(ctx, tat, row, j)],
            detail={"tie": {**tie.describe(), "respective": True}, "field": None, **_sentence_detail(s)},
            page=s.page_at(c.start),
        )
        yield _finish(f, s, s.page_at(c.start))


def _written_formulas(rule, s: Sentence, ctx: Ctx) -> Iterable[Finding]:
    """"126,68/77 *100% = 165,00": the result written after arithmetic in the sentence is that
    arithmetic's result under some plausible reading of its numbers (rounded or truncated)."""
    for fm in formulas(s.text):
        if formula_holds(fm):
            continue
        c, d = fm.results[0]
        # the reading of the division nearest the printed result, to show
        v = min(fm.values, key=lambda x: abs(x - c) / max(abs(x), abs(c), Decimal("1e-9")))
        lhs = fm.text[: fm.text.rindex("=")].strip()
        f = ctx.finding(
            rule, None, None, None,
            expected=ctx.fmt(v, d),
            actual=fm.result.strip(),
            fields={"sentence": s.text, "tie": "formula", "formula": lhs},
            variant="formula" if "formula" in rule.variants else None,
            detail={"tie": {"method": "formula", "confidence": "high", "formula": fm.text},
                    "field": "formula", "values": [str(x) for x in fm.values], **_sentence_detail(s)},
            page=s.page_at(fm.start),
        )
        yield _finish(f, s, s.page_at(fm.start))


_MEAN_WORD = re.compile(r"\brata[\s-]*rata\b[^.;%]{0,25}$", re.I)
_ACHIEVEMENT_WORD = re.compile(r"\bcapaian\b", re.I)
_INDICATOR_NOUN = re.compile(r"^indikator\b", re.I)


def _stated_mean(rule, s: Sentence, cl: list[Claim], nxt: Sentence | None, ctx: Ctx) -> Iterable[Finding]:
    """"Sasaran 1 ... dengan capaian rata-rata sebesar 125%. Terbukti dari hasil pengukuran yang diukur
    melalui 2 (dua) indikator kinerja, kesatu ... dengan capaian kinerja sebesar 250% ... dan kedua ...
    sebesar 168%": the average the sentence states is the mean of the achievements the next sentence
    of the same paragraph gives, when that sentence announces N indicators in words ("2 (dua)
    indikator") and states exactly N percentages, each after the word "capaian". A warning: an
    average may be weighted or capped in a way the text does not say."""
    if nxt is None or nxt.para != s.para or not readable(nxt):
        return
    means = [c for c in cl if c.kind == "percent" and not c.approx
             and _MEAN_WORD.search(s.text[:c.start]) and _ACHIEVEMENT_WORD.search(s.text[max(0, c.start - 60):c.start])]
    if len(means) != 1:
        return
    m = means[0]
    ncl = claims(nxt)
    counts = [k for k, c in enumerate(ncl) if c.words is not None and _INDICATOR_NOUN.match(c.noun or "")]
    if len(counts) != 1:
        return
    k0 = counts[0]
    n = ncl[k0].value
    parts = []
    for k in range(k0 + 1, len(ncl)):
        c = ncl[k]
        if c.kind != "percent":
            continue
        if c.approx or not _ACHIEVEMENT_WORD.search(nxt.text[ncl[k - 1].end:c.start]):
            return  # a percentage that is not one of the achievements: not sure what is averaged
        parts.append(c)
    if len(parts) < 2 or Decimal(len(parts)) != n:
        return
    mean = sum((c.value for c in parts), Decimal(0)) / len(parts)
    if ctx.consistent(m.parsed, mean):
        return
    spans = [numeric.interval(c.parsed, ctx.mode) for c in parts]
    lo = sum((a for a, _b in spans), Decimal(0)) / len(parts)
    hi = sum((b for _a, b in spans), Decimal(0)) / len(parts)
    if ctx.overlaps(m.parsed, lo, hi):
        return  # the achievements as printed are rounded: the mean of their unrounded values may be it
    values = " + ".join(c.text for c in parts)
    f = ctx.finding(
        rule, None, None, None,
        expected=ctx.fmt(mean, max(m.parsed.decimals, 0)),
        actual=m.text,
        fields={"sentence": s.text, "tie": "mean", "values": values, "count": str(len(parts))},
        variant="mean" if "mean" in rule.variants else None,
        detail={"tie": {"method": "mean", "confidence": "medium", "values": [c.text for c in parts],
                        "next_sentence": nxt.text},
                "field": "capaian", "formula": f"({values}) / {len(parts)}", **_sentence_detail(s)},
        page=s.page_at(m.start),
        severity="warning",
    )
    yield _finish(f, s, s.page_at(m.start))


_RP_AMOUNT = re.compile(r"\bRp\s?[.,]?\s?(?P<n>\d[\d.,]*\d)", re.I)
# comma thousands with two decimals after a comma ("Rp, 24,240,445,765,650,00"): a convention with
# one plausible reading (the malformed-cell rule's "624,989,000,00"), not a broken number
_COMMA_CENTS = re.compile(r"\d{1,3}(?:,\d{3})+,\d{2}")


def _broken_amounts(rule, s: Sentence, cl: list[Claim], ctx: Ctx) -> Iterable[Finding]:
    """"realisasi anggaran sebesar Rp. 907458.180,-": a rupiah amount of a sentence that is broken
    under every plausible number convention (a thousands group of other than three digits, two
    separators in a row) is not read, so the sentence is not checked with it: said as info (the
    malformed-cell rule reports such numbers in table cells; in running text the reading of the
    line is less sure)."""
    for m in _RP_AMOUNT.finditer(s.text):
        a, b = m.span("n")
        if any(c.start < b and a < c.end for c in cl):
            continue  # read as a claim
        tok = m.group("n")
        if _COMMA_CENTS.fullmatch(tok):
            continue
        p = parse_number(tok)
        if p.kind != "malformed" or not p.problem:
            continue
        text = s.text[m.start():b]
        f = ctx.finding(
            rule, None, None, None,
            expected=None,
            actual=text,
            fields={"sentence": s.text, "tie": "broken", "problem": p.problem},
            variant="broken" if "broken" in rule.variants else None,
            detail={"tie": {"method": "broken", "confidence": "high"}, "field": None,
                    "problem": p.problem, **_sentence_detail(s)},
            page=s.page_at(m.start()),
            severity="info",
        )
        yield _finish(f, s, s.page_at(m.start()))


def _stacked_fractions(rule, ctx: Ctx) -> Iterable[Finding]:
    """A fraction worked out on three lines of a page ("27.694.035.120.859,00 - 24.240.445.765.650,00"
    over "24.240.445.765.650,00", "= X 100%", "= 15.36%"; lkip_audit.understand.fractions) gives the
    result it writes, as a formula written in a sentence does."""
    for sf in stacked_fractions(ctx.doc):
        fm = sf.formula
        if formula_holds(fm):
            continue
        c, d = fm.results[0]
        v = min(fm.values, key=lambda x: abs(x - c) / max(abs(x), abs(c), Decimal("1e-9")))
        lhs = fm.text[: fm.text.rindex("=")].strip()
        variant = "fraction" if "fraction" in rule.variants else ("formula" if "formula" in rule.variants else None)
        f = ctx.finding(
            rule, None, None, None,
            expected=ctx.fmt(v, d),
            actual=fm.result.strip(),
            fields={"sentence": fm.text, "tie": "fraction", "formula": lhs},
            variant=variant,
            detail={"tie": {"method": "fraction", "confidence": "high", "formula": fm.text,
                            "numerator": sf.numerator, "denominator": sf.denominator},
                    "field": "formula", "values": [str(x) for x in fm.values], "page": sf.page},
            page=sf.page,
        )
        f.bbox = None
        yield f


def _total_claims(rule, s: Sentence, cl: list[Claim], ctx: Ctx, nar: Narrative, ats) -> Iterable[Finding]:
    """"realisasi anggaran sebesar 89,93%" in a summary (Ikhtisar Eksekutif, Bab IV) or a sentence
    about the whole ("total", "keseluruhan"), naming no row: the persen of the total row of the
    budget table it names or that sits right above it. Only when that table has one total row and
    the number is printed nowhere in it."""
    if not (s.part in ("ikhtisar", "bab4") or whole_words(s.text)):
        return
    for k, c in enumerate(cl):
        if c.kind != "percent" or c.approx or c.words is not None or in_formula(s.text, c):
            continue
        if quoted_field(c, cl[k - 1] if k > 0 else None, s.text) != "persen":
            continue
        tables, method = _candidates(s, ctx, nar)
        tat = ats.get(tables[0].id) if tables else None
        if tat is None or len(tat.cols("persen")) != 1:
            return
        totals = data_rows(tat, roles=("total",))
        if len(totals) != 1:
            return
        row, col = totals[0], tat.cols("persen")[0]
        p = number(cell_at(tat, row, col))
        if p is None or p.kind not in ("percent", "number"):
            return
        if any(q.value == c.value for i in range(len(tat.table.rows)) for _j, q in _row_numbers(tat, i)):
            return  # it may quote another cell of the table
        total_cells = {q.value for _j, q in _row_numbers(tat, row)}
        if any(m.kind == "money" and m.value not in total_cells for m in cl):
            return  # the percentage of amounts the sentence states that are not this total's
        if ctx.consistent(p, c.value) or ctx.consistent(c.parsed, p.value):
            return
        f = ctx.finding(
            rule, tat, row, col,
            expected=" ".join(cell_at(tat, row, col).text.split()),
            actual=c.text,
            fields={"sentence": s.text, "tie": "total"},
            related=[_cell_location(ctx, tat, row, col)],
            detail={"tie": {"method": "total", "table_method": method, "confidence": "high",
                            "table": tat.table.number or tat.table.id, "row": row},
                    "field": "persen", **_sentence_detail(s)},
            page=s.page_at(c.start),
        )
        yield _finish(f, s, s.page_at(c.start))
        return


def _share_claims(rule, s: Sentence, cl: list[Claim], ctx: Ctx, nar: Narrative, ats) -> Iterable[Finding]:
    """"6272 PNS atau 72,99%": the share of a count in the table that holds it."""
    for c, pc in share_pairs(s, cl):
        tables, method = _candidates(s, ctx, nar)
        for t in tables[:2]:
            at = ats.get(t.id)
            if at is None:
                continue
            hit = _share_in(at, c.value)
            if hit is None:
                continue
            row, col, total, how, printed = hit
            if printed is not None:
                expected_p = printed
                ok = ctx.consistent(pc.parsed, expected_p.value) or ctx.consistent(expected_p, pc.parsed.value)
                expected = " ".join(expected_p.text.split())
            else:
                share = c.value / total * HUNDRED
                tol = Decimal(1) if pc.approx else Decimal(0)
                ok = ctx.consistent(pc.parsed, share) or (tol and abs(share - pc.value) <= tol)
                expected = ctx.fmt(share, max(pc.parsed.decimals, 0))
            if ok:
                break
            tie = {
                "method": "share",
                "table_method": method,
                "confidence": "high",
                "table": t.number or t.id,
                "row": row,
                "count": c.text,
                "total": str(total) if total is not None else None,
                "total_from": how,
            }
            f = ctx.finding(
                rule, at, row, col,
                expected=expected,
                actual=pc.text,
                fields={"sentence": s.text, "tie": "share"},
                variant="share" if "share" in rule.variants and printed is None else None,
                related=[_cell_location(ctx, at, row, col)],
                detail={"tie": tie, "field": "share",
                        "formula": f"{c.value} / {total} x 100" if total is not None else None,
                        **_sentence_detail(s)},
                page=s.page_at(pc.start),
            )
            yield _finish(f, s, s.page_at(pc.start))
            break


_SKIP_COL = re.compile(r"^\s*(no\.?|nomor|tahun|jumlah|total|%|persen(tase)?|satuan|kode)\s*$", re.I)


def _share_in(at: AnalyzedTable, value: Decimal):
    """(row, col, total, how, printed percent or None) for the one cell holding `value`."""
    hits = []
    for i in data_rows(at, roles=("body",)):
        for j, p in _row_numbers(at, i):
            if p.value == value and p.kind == "number":
                hits.append((i, j))
    if len(hits) != 1:
        return None
    i, j = hits[0]
    # a printed share in the same row
    for c in at.cols("persen"):
        p = number(cell_at(at, i, c))
        if p is not None:
            return i, j, None, "printed", p
    cols = at.table.columns
    body = data_rows(at, roles=("body",))
    if len(body) == 1:
        # one row of categories: the categories are the columns
        total_cols = [k for k, lab in enumerate(cols) if re.fullmatch(r"\s*(jumlah|total)\s*", lab or "", re.I)]
        row_nums = dict(_row_numbers(at, i))
        if total_cols and total_cols[0] in row_nums:
            return i, j, row_nums[total_cols[0]].value, f"column {cols[total_cols[0]]}", None
        parts = [p.value for k, p in row_nums.items() if not _SKIP_COL.match(cols[k] if k < len(cols) else "")]
        if len(parts) < 2 or any(v < 0 for v in parts):
            return None
        return i, j, sum(parts, Decimal(0)), "sum of the row", None
    # categories are rows: a total row in the same column
    infos = row_infos(at)
    totals = [r for r in data_rows(at, roles=("total",))]
    if len(totals) == 1:
        p = number(cell_at(at, totals[0], j))
        if p is not None and p.value:
            return i, j, p.value, "total row", None
    if any(ri.role == "parent" for ri in infos.values()):
        return None
    vals = [number(cell_at(at, r, j)) for r in body]
    if any(v is None for v in vals) or len(vals) < 2:
        return None
    return i, j, sum((v.value for v in vals), Decimal(0)), "sum of the column", None


# --- count-claim ------------------------------------------------------------------------

def _roman(t: str) -> bool:
    return re.fullmatch(r"[IVX]+\.?", t.strip()) is not None


def count_rows(at: AnalyzedTable) -> dict[str, int]:
    """Program / kegiatan / sub kegiatan / IKU / sasaran rows a table holds, where it can tell."""
    out: dict[str, int] = {}
    infos = row_infos(at)
    # a JUMLAH / TOTAL row is no programme or kegiatan, whatever level it was read at
    kinds = [ri.kind for i, ri in infos.items() if not re.match(r"^\s*(jumlah|total)\b", row_label(at, i) or "", re.I)]
    if any(k in ("program", "kegiatan", "sub_kegiatan") for k in kinds):
        for name in ("program", "kegiatan", "sub_kegiatan"):
            out[name] = sum(1 for k in kinds if k == name)
        return out
    header = " ".join(at.table.columns).upper()
    no = at.col("no")
    if no is not None and "SUB KEGIATAN" in header and "PROGRAM" in header:
        counts = {"program": 0, "kegiatan": 0, "sub_kegiatan": 0}
        seen_program = False
        for i in data_rows(at, roles=("body", "parent")):
            mark = " ".join((cell_at(at, i, no).text if cell_at(at, i, no) else "").split())
            lab = row_label(at, i) or ""
            if not lab or re.match(r"^(jumlah|total)\b", lab, re.I):
                continue
            if _roman(mark):
                counts["program"] += 1
                seen_program = True
            elif re.fullmatch(r"\d{1,2}\.?", mark):
                counts["kegiatan"] += 1
            elif not mark:
                counts["sub_kegiatan"] += 1
            else:
                return {}
        if seen_program:
            return counts
    if at.kind == "iku" and kinds and all(k == "iku" for k in kinds):
        out["iku"] = len(kinds)
        sas = at.col("sasaran")
        if sas is not None:
            vals = {norm(cell_at(at, i, sas).text) for i in infos if cell_at(at, i, sas) is not None and cell_at(at, i, sas).text.strip()}
            if vals and all(cell_at(at, i, sas) is not None and cell_at(at, i, sas).text.strip() for i in infos):
                out["sasaran"] = len(vals)
    return out


def check_count_claim(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """"3 (tiga) Program, 10 (sepuluh) Kegiatan": the counted rows, or the listed items after "yaitu:"."""
    nar = _narrative(ctx)
    if nar is None:
        return
    ats = _analyzed(ctx)
    sents = nar.sentences
    for n, s in enumerate(sents):
        if not readable(s):
            continue
        cl = count_claims(s)
        if not cl:
            continue
        # a list announced by the sentence
        lc = announced_list(sents, n, cl)
        if lc is not None:
            c, items = lc.claim, lc.items
            if items >= 2 and items != c.value:
                # a list whose tie to the count is not certain: at most an info naming the doubt
                doubts = [Doubt("referent", (("why", lc.doubt[0]), ("why_en", lc.doubt[1])))] if lc.doubt else []
                f = ctx.finding(
                    rule, None, None, None,
                    expected=str(items),
                    actual=c.text,
                    fields={"sentence": s.text, "noun": c.noun,
                            "source": "daftar sesudahnya" if ctx.lang == "id" else "the list after it"},
                    detail={"tie": {"method": "list", "confidence": "low" if doubts else "high", "items": items},
                            **_sentence_detail(s)},
                    page=s.page_at(c.start),
                    doubts=doubts,
                )
                yield _finish(f, s, s.page_at(c.start))
            continue
        # a table the sentence refers to
        named = named_tables(s.text, ctx.doc)
        others: list = []
        if named:
            tables, method = named[:1], "named"
        elif ABOVE_REF.search(s.text):
            above = tables_above(s, ctx.doc, nar.spans)
            tables, method, others = above[:1], "above", above[1:3]
        else:
            continue
        if not tables:
            continue
        tat = ats.get(tables[0].id)
        if tat is None:
            continue
        counted = count_rows(tat)
        for c in cl:
            name = count_noun(c)
            if name not in counted or counted[name] == 0:
                continue
            if Decimal(counted[name]) == c.value:
                continue
            doubts = _other_tables_fit(name, c, counted[name], others, ats)
            f = ctx.finding(
                rule, tat, None, None,
                expected=str(counted[name]),
                actual=c.text,
                fields={"sentence": s.text, "noun": c.noun, "source": ctx.table_name(tat.table)},
                detail={"tie": {"method": method, "confidence": "low" if doubts else "high",
                                "table": tat.table.number or tat.table.id, "counted": name, "counts": counted},
                        **_sentence_detail(s)},
                page=s.page_at(c.start),
                doubts=doubts,
            )
            yield _finish(f, s, s.page_at(c.start))


def _other_tables_fit(name: str, c: Claim, nearest: int, others: list, ats) -> list:
    """"the table above" is read as the nearest one; when another table just above it holds the
    claimed count (or the two together do: one table printed in two parts), the sentence may
    speak of that one, and the mismatch is not certain."""
    for t in others:
        oat = ats.get(t.id)
        if oat is None:
            continue
        n = count_rows(oat).get(name) or 0
        if n and (Decimal(n) == c.value or Decimal(n + nearest) == c.value):
            label = oat.table.label
            both = Decimal(n) != c.value
            why = (f"tabel {label}{' bersama tabel terdekat' if both else ''} memuat tepat {c.value}",
                   f"table {label}{' together with the nearest one' if both else ''} holds exactly {c.value}")
            return [Doubt("referent", (("why", why[0]), ("why_en", why[1])))]
    return []


# --- number-word -------------------------------------------------------------------------


def check_number_word(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """"3 (dua)": the number and its words disagree."""
    nar = _narrative(ctx)
    if nar is None:
        return
    for s in nar.sentences:
        for c in claims(s):
            if c.words is None or c.words_value is None:
                continue
            if Decimal(c.words_value) == c.value:
                continue
            num = c.parsed.text.strip()
            f = ctx.finding(
                rule, None, None, None,
                expected=str(c.words_value),
                actual=c.text,
                fields={"sentence": s.text, "number": num, "words": c.words, "words_value": c.words_value},
                detail={"number": num, "words": c.words, "words_value": c.words_value, **_sentence_detail(s)},
                page=s.page_at(c.start),
            )
            yield _finish(f, s, s.page_at(c.start))


# --- year ----------------------------------------------------------------------------------


def check_year(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """Results stated for a year other than the report's year."""
    nar = _narrative(ctx)
    if nar is None or ctx.doc.tahun is None:
        return
    year = ctx.doc.tahun
    ats = _analyzed(ctx)
    for n, s in enumerate(nar.sentences):
        if not readable(s):
            continue
        stated = stated_year(s.text, year)
        if stated is None:
            continue
        detail = None
        doubts = []
        # (a) a summary of the results in the executive summary or the conclusion
        if s.part in ("ikhtisar", "bab4") and result_words(s.text):
            detail = {"method": "summary", "confidence": "high", "part": s.part}
            tied = None
            if year_in_paragraph(nar.sentences, n, year):
                # the paragraph speaks of the report's year: the other year may be quoted on purpose
                doubts = [Doubt("other-year", (("year", str(year)), ("stated", str(stated))))]
                detail["confidence"] = "low"
        else:
            # (b) the number quoted is the report year's value of the row it names
            tied = _year_tie(s, ctx, ats, year, stated)
            if tied is None:
                continue
            detail = tied[4]
        if tied is not None:
            tat, row, col, _c, _ = tied
            f = ctx.finding(
                rule, tat, row, col,
                expected=str(year), actual=str(stated),
                fields={"sentence": s.text},
                related=[_cell_location(ctx, tat, row, col)],
                detail={"tie": detail, **_sentence_detail(s)},
                page=s.page,
            )
        else:
            f = ctx.finding(
                rule, None, None, None,
                expected=str(year), actual=str(stated),
                fields={"sentence": s.text},
                detail={"tie": detail, **_sentence_detail(s)},
                page=s.page,
                doubts=doubts,
            )
        yield _finish(f, s)


def _year_tie(s: Sentence, ctx: Ctx, ats, year: int, stated: int):
    snorm = norm(s.text)
    cl = [c for c in claims(s) if c.words is None and c.kind in ("number", "percent", "money")]
    if not cl:
        return None
    for at in ats.values():
        ycols = [c for c in at.columns if c.group == str(year)]
        scols = [c for c in at.columns if c.group == str(stated)]
        if not ycols or not scols:
            continue
        rows = [i for i in data_rows(at) if row_label(at, i) and label_in(row_label(at, i), snorm)]
        if len(rows) != 1:
            continue
        i = rows[0]
        for c in cl:
            for yc in ycols:
                p = number(cell_at(at, i, yc))
                if p is None or p.value != c.value:
                    continue
                sc = next((x for x in scols if x.field == yc.field), None)
                q = number(cell_at(at, i, sc)) if sc is not None else None
                if q is None or q.value == c.value:
                    continue
                return at, i, yc, c, {
                    "method": "year-column", "confidence": "high", "table": at.table.number or at.table.id,
                    "row": i, "value": c.text, "column": col_label(at, yc),
                    "stated_year_value": " ".join(cell_at(at, i, sc).text.split()),
                }
    return None


# --- comparative-claim -------------------------------------------------------------------


def _categories(at: AnalyzedTable) -> list[tuple[str, Decimal, int, int]] | None:
    """(label, value, row, col) of a composition: one row of categories in columns, or rows with one number."""
    body = data_rows(at, roles=("body",))
    cols = at.table.columns
    if len(body) == 1:
        i = body[0]
        out = []
        for j, p in _row_numbers(at, i):
            lab = cols[j] if j < len(cols) else ""
            if _SKIP_COL.match(lab or "") or not (lab or "").strip():
                continue
            out.append((" ".join(lab.split()), p.value, i, j))
        return out if len(out) >= 2 else None
    if at.kind == "komposisi" and not any(ri.role == "parent" for ri in row_infos(at).values()):
        jumlah = at.cols("jumlah")
        if len(jumlah) != 1:
            return None
        j = jumlah[0].index
        out = []
        for i in body:
            p = number(cell_at(at, i, j))
            lab = row_label(at, i)
            if p is None or not lab:
                return None
            out.append((lab, p.value, i, j))
        return out if len(out) >= 2 else None
    return None


def check_comparative(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """"didominasi", "terbanyak", "mayoritas", "lebih tinggi" against the composition table above."""
    nar = _narrative(ctx)
    if nar is None:
        return
    ats = _analyzed(ctx)
    for s in nar.sentences:
        if not readable(s):
            continue
        cmp = comparison(s.text)
        if not cmp:
            continue
        dom, maj, hi, lo = cmp.dominant, cmp.majority, cmp.higher, cmp.lower
        tables, method = _candidates(s, ctx, nar)
        for t in tables[:1]:
            tat = ats.get(t.id)
            cats = _categories(tat) if tat is not None else None
            if not cats:
                continue
            ment = mentions([c[0] for c in cats], s.text)
            if not ment:
                continue
            named = []
            for _pos, k in ment:
                if k not in named:
                    named.append(k)
            ranked = sorted(range(len(cats)), key=lambda k: cats[k][1], reverse=True)
            total = sum((c[1] for c in cats), Decimal(0))
            problem = None
            if dom:
                # the categories named together ("III/a dan III/d") must be the top ones
                top = set(ranked[: len(named)])
                if cats[ranked[0]][1] == (cats[ranked[1]][1] if len(ranked) > 1 else None):
                    continue  # a tie: nothing to contradict
                if len(named) <= 2 and set(named) != top and named[0] != ranked[0]:
                    problem = ("dominant", named[0], ranked[0])
            elif maj and len(named) == 1 and total > 0:
                if cats[named[0]][1] * 2 <= total:
                    problem = ("majority", named[0], ranked[0])
            elif (hi or lo) and len(named) == 2:
                a, b = named
                va, vb = cats[a][1], cats[b][1]
                if (hi and not va > vb) or (lo and not va < vb):
                    problem = ("higher" if hi else "lower", a, b)
            if problem is None:
                continue
            what, k_claim, k_table = problem
            lab_c, val_c, row, col = cats[k_claim]
            lab_t, val_t, row_t, col_t = cats[k_table]
            shown = lambda v: ctx.fmt(v, 0)
            if what == "majority":
                share = val_c / total * HUNDRED
                actual = f"{lab_c} ({shown(val_c)})"
                expected = f"{lab_c} {ctx.fmt(share, 2)}% <= 50%"
            else:
                actual = f"{lab_c} ({shown(val_c)})"
                expected = f"{lab_t} ({shown(val_t)})"
            f = ctx.finding(
                rule, tat, row, col,
                expected=expected, actual=actual,
                fields={"sentence": s.text, "claim": what},
                related=[_cell_location(ctx, tat, row, col), _cell_location(ctx, tat, row_t, col_t)],
                detail={"tie": {"method": method, "confidence": "high", "table": t.number or t.id,
                                "categories": [c[0] for c in cats]},
                        "claim": what, **_sentence_detail(s)},
                page=s.page,
            )
            yield _finish(f, s)


# --- breakdown-total ---------------------------------------------------------------------


def check_breakdown_total(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """Two breakdowns of the same group of people differ in total (params.pairs: a table whose
    title names the part, and the column of another table that counts the same group)."""
    ats = list(_analyzed(ctx).values())
    for pair in rule.params.get("pairs") or []:
        part_rx = re.compile(pair["table"], re.I)
        col_rx = re.compile(pair["column"], re.I)
        parts = [a for a in ats if part_rx.search(a.table.title or "")]
        for pa in parts:
            cats = _categories(pa)
            if not cats:
                continue
            total = sum((c[1] for c in cats), Decimal(0))
            for other in ats:
                if other is pa:
                    continue
                ocats = _categories(other)
                if not ocats:
                    continue
                hits = [c for c in ocats if col_rx.fullmatch(c[0])]
                if len(hits) != 1:
                    continue
                lab, val, row, col = hits[0]
                if val == total:
                    continue
                f = ctx.finding(
                    rule, pa, None, None,
                    expected=ctx.fmt(val, 0), actual=ctx.fmt(total, 0),
                    fields={"other_table": ctx.table_name(other.table), "other_value": ctx.fmt(val, 0), "other_column": lab},
                    related=[ctx.location(other, row, col)] + [ctx.location(pa, c[2], c[3]) for c in cats],
                    detail={"addends": [f"{c[0]}: {c[1]}" for c in cats], "total": str(total),
                            "other": {"table": other.table.number or other.table.id, "column": lab, "value": str(val)},
                            "note": pair.get("note")},
                )
                yield f
