"""Data-quality kinds: "malformed", "duplicate", "schema" and "page-unchecked"."""

from __future__ import annotations

import re

from typing import Iterable

from lkip_audit.check.kinds.base import Ctx, col_label, data_rows, row_infos, row_label, state
from lkip_audit.findings import Finding
from lkip_audit.understand.model import AnalyzedTable
from lkip_audit.understand.schema_issue import SchemaIssue  # noqa: F401 (the one issue type)

FIELDS_MALFORMED = {"problem", "readings"}
FIELDS_DUPLICATE = {"first_row", "first_page"}
FIELDS_SCHEMA = {"field", "problem", "text"}
FIELDS_PAGE = {"reason", "detail"}


_CODE_HEADER = re.compile(r"\bKODE\b|\bREKENING\b|\bNIP\b|\bNOMENKLATUR\b", re.IGNORECASE)


def check_malformed(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    """Every cell whose number is malformed ("900.00.0"): reported, never guessed.

    ``params.doubtful`` false: cells broken under every plausible reading
    of their column's convention (extract/numstyle.py). ``params.doubtful`` true
    (a rule at info): cells that cannot be read reliably (``ParsedNumber.doubt``: two
    readings under the column's convention, an OCR confusion, digits wrapped in the
    cell, text extracted backwards), with their readings.

    Columns of codes (KODE, KODE REKENING, NO. REKENING) hold nomenclature such as
    "5.03" or "4.1.01", not amounts: they are not read as numbers."""
    want_doubt = bool(rule.params.get("doubtful"))
    code_cols = {j for j, label in enumerate(at.table.columns) if _CODE_HEADER.search(label or "")}
    for i, row in enumerate(at.table.rows):
        for j, cell in enumerate(row.cells):
            p = cell.number
            if p.kind != "malformed" or j in code_cols or bool(p.doubt) != want_doubt:
                continue
            readings = " / ".join(p.readings)
            detail = {"problem": p.problem or "malformed"}
            if p.doubt:
                detail.update(doubt=p.doubt, readings=list(p.readings))
            if cell.ocr:
                detail["ocr"] = True
            yield ctx.finding(
                rule, at, i, j,
                expected=None,
                actual=" ".join(cell.text.split()),
                fields={"problem": p.problem or "malformed", "readings": readings},
                detail=detail,
                page=cell.page,
                variant=p.doubt if p.doubt in rule.variants else None,
            )


def check_duplicate(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    """Two rows with the same label and the same numbers in the same table."""
    seen: dict[tuple, int] = {}
    rows = at.table.rows
    for i in data_rows(at):
        label = row_label(at, i)
        if not label:
            continue
        nums = tuple(
            (j, c.number.value) for j, c in enumerate(rows[i].cells) if state(c) == "number"
        )
        if not nums:
            continue
        # The same item may rightly appear under two parents ("Ilmu Hukum" under S2 and
        # under S1): only rows under the same parent (the hierarchy's, else the nearest
        # row set further left) are duplicates.
        ri = row_infos(at).get(i)
        parent = ri.parent if ri is not None and ri.parent is not None else next(
            (k for k in range(i - 1, -1, -1) if rows[k].indent < rows[i].indent - 2), -1)
        key = (label.lower(), nums, parent)
        if key not in seen:
            seen[key] = i
            continue
        first = seen[key]
        yield ctx.finding(
            rule, at, i, None,
            expected=None,
            actual=label,
            fields={"first_row": first + 1, "first_page": at.table.rows[first].page},
            related=[ctx.location(at, first, None)],
            detail={"first_row_index": first, "row_index": i},
        )


PROBLEMS = {
    "missing": {"id": "kosong", "en": "missing"},
    "not a number": {"id": "bukan angka", "en": "not a number"},
}


def findings_from_schema_issues(at: AnalyzedTable, issues, rule, ctx: Ctx) -> list[Finding]:
    """Adapter: schema issues (objects with row, field, column, problem, text) -> findings
    of ``rule`` (the schema rule; lkip_audit.check.engine finds it in the catalogue)."""
    out = []
    for iss in issues:
        row = getattr(iss, "row", None)
        if isinstance(row, str):
            want = " ".join(row.split())
            row = next((k for k in range(len(at.table.rows)) if row_label(at, k) == want), None)
        if row is not None and not (isinstance(row, int) and 0 <= row < len(at.table.rows)):
            row = None
        col = getattr(iss, "column", None)
        if isinstance(col, str):
            col = next((c for c in at.columns if c.label == col), None) or next(
                (k for k, lab in enumerate(at.table.columns) if " ".join(lab.split()) == " ".join(col.split())), None
            )
        fld = getattr(iss, "field", None)
        if col is None and fld:
            col = at.col(fld)
        problem = str(getattr(iss, "problem", "") or "")
        text = getattr(iss, "text", None)
        shown_problem = PROBLEMS.get(problem, {}).get(ctx.lang, problem)
        f = ctx.finding(
            rule, at, row, col,
            expected=None,
            actual=" ".join(text.split()) if text else None,
            fields={"field": fld or "", "problem": shown_problem, "text": text or ""},
            detail={"field": fld, "problem": problem},
            variant="missing" if problem == "missing" and not text and "missing" in rule.variants else None,
        )
        if f.column is None and isinstance(col, int):
            f.column = col_label(at, col)
        out.append(f)
    return out


def check_schema(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """Document level: the issues of understand/schemas.py ``schema_issues``, the one
    producer of "required cell empty or unreadable", for every table at once (pandera's
    cost is per validation, not per table): the rule's ``params.triples``, and with
    ``params.schema_issues`` the table kinds' schemas too."""
    tables = list(ctx.understanding.tables) if ctx.understanding is not None else []
    if not tables:
        return []
    pending = ctx.ahead.pop(rule.id, None)
    issues = pending.result() if pending is not None else _schema_issues(rule, tables)
    by_id = {at.table.id: at for at in tables}
    return [f for tid, found in issues.items() for f in findings_from_schema_issues(by_id[tid], found, rule, ctx)]


def _schema_issues(rule, tables) -> dict:
    from lkip_audit.understand.schemas import schema_issues  # pandas and pandera: loaded when a rule needs them

    return schema_issues(tables, rule.params.get("triples") or (), kinds=bool(rule.params.get("schema_issues")))


def schema_ahead(rule, tables: list[AnalyzedTable]):
    """check_schema's validation started ahead (engine.start_ahead): pandera's validation
    of every table (about 0.4 s on a 100-page report) runs in a forked child on an idle
    core (lkip_audit/forked.py) while this process understands the rest of the document
    and checks the other rules. The issues are the same as validating later here: the
    validation reads each table's kind, columns, rows and cells, which nothing after
    analyze_table changes (understand() adds polarity, stage and scales; rules read)."""
    tables = list(tables)
    if not tables:
        return None
    from lkip_audit import forked

    return forked.start(lambda: _schema_issues(rule, tables))


def check_page_unchecked(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """Document level: one finding per page the extract stage could not read."""
    if ctx.doc is None:
        return
    reasons = rule.params.get("reasons") or {}
    for prob in ctx.doc.problems:
        texts = reasons.get(prob.reason) or reasons.get("other") or {}
        reason = texts.get(ctx.lang) or texts.get("id") or prob.reason
        f = ctx.finding(
            rule, None, None, None,
            expected=None,
            actual=prob.reason,
            fields={"reason": reason, "detail": prob.detail or "", "page": prob.page},
            detail={"reason": prob.reason, "detail": prob.detail},
            page=prob.page,
        )
        yield f
