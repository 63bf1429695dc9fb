"""The batched schema validation reports exactly what the per-table one did.

`understand.schemas.validate_tables` validates all tables of a kind in one pandera
call (for speed, issue #7). The oracle here is the previous implementation, one
frame and one pandera validation per table, kept below verbatim as
`reference_validate` (from lkip_audit/understand/schemas.py at commit bdb9801).
Both run in this test on the same AnalyzedTables: every table of the three
samples, and the same tables with cells deliberately damaged (negative numbers,
words, malformed numbers, blanks, dashes, values over a maximum) so that every
problem kind occurs many times, in grouped and repeated columns too.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from decimal import Decimal

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pandas as pd
    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

from lkip_audit.extract.model import Cell, Row, Table
from lkip_audit.extract.numstyle import settle_numbers
from lkip_audit.understand import analyze_table
from lkip_audit.understand.columns import NUMERIC_FIELDS
from lkip_audit.understand.model import BODY, PARENT, SECTION, AnalyzedTable
from lkip_audit.understand.schemas import (
    DASHES, PROBLEMS, SPECS, SchemaIssue, column_names, frame_rows, validate, validate_tables,
)

from tests.extract.conftest import SAMPLES, extracted

SAMPLE_NAMES = ("lkip-bkd-banten-2024.pdf", "lkip-contoh-dinkes-2024.pdf", "lkip-contoh-dinkes-2024-bersih.pdf")
_VALUE_KINDS = ("number", "percent")


# -- the reference: the per-table implementation as it was ----------------------------------------

def _ref_to_frame(at: AnalyzedTable) -> pd.DataFrame:
    names = column_names(at)
    roles = {ri.index: ri.role for ri in at.rows}
    kinds = {ri.index: ri.kind for ri in at.rows}
    spec = SPECS.get(at.kind)
    exempt = spec.exempt_kinds if spec else ()
    data: dict[str, list] = {"_row": [], "_role": [], "_kind": [], "_required": []}
    for name in names:
        data[name] = []
        data[f"{name}__kind"] = []
        data[f"{name}__text"] = []
    index = []
    # The rows and cell kinds come from schemas.frame_rows (which rows are required,
    # legitimate text, text columns): this reference checks the batching, not them.
    for row_index, role, kind, required, cells in frame_rows(at, names):
        index.append(row_index)
        data["_row"].append(row_index)
        data["_role"].append(role)
        data["_kind"].append(kind)
        data["_required"].append(required)
        for name, (v, k, t) in cells.items():
            data[name].append(v)
            data[f"{name}__kind"].append(k)
            data[f"{name}__text"].append(t)
    return pd.DataFrame(data, index=pd.Index(index, name="row"), dtype=object)


def _ref_schema_for(kind, names=None):
    spec = SPECS.get(kind)
    if spec is None:
        return None
    cols = {
        "_row": pa.Column(int, coerce=True),
        "_role": pa.Column(str),
        "_kind": pa.Column(str),
        "_required": pa.Column(bool, coerce=True),
    }
    for f in NUMERIC_FIELDS:
        checks = []
        if f in spec.nonnegative:
            checks.append(pa.Check(lambda v: v is None or v != v or v >= 0, element_wise=True, name="out_of_range"))
        if f in spec.maximum:
            mx = spec.maximum[f]
            checks.append(pa.Check(lambda v, mx=mx: v is None or v != v or v <= mx, element_wise=True,
                                   name="out_of_range"))
        cols[rf"^{f}(@[^#]*)?(#\d+)?$"] = pa.Column(object, nullable=True, regex=True, required=False, checks=checks)
        cols[rf"^{f}(@[^#]*)?(#\d+)?__kind$"] = pa.Column(
            str, regex=True, required=False,
            checks=[pa.Check(lambda k: k != "text", element_wise=True, name="not a number"),
                    pa.Check(lambda k: k != "malformed", element_wise=True, name="malformed")],
        )
        cols[rf"^{f}(@[^#]*)?(#\d+)?__text$"] = pa.Column(str, regex=True, required=False)
    frame_checks = []
    by_field: dict[str, list[str]] = {}
    for name in names or []:
        base = name.split("@")[0].split("#")[0]
        if base in spec.required:
            by_field.setdefault(base, []).append(name)
    for base, ns in by_field.items():
        def present(d, ns=ns):
            ok = ~d["_required"].astype(bool)
            for n in ns:
                ok = ok | d[f"{n}__kind"].ne("empty")
            return ok
        frame_checks.append(pa.Check(present, name=f"missing:{ns[0]}"))
    return pa.DataFrameSchema(cols, checks=frame_checks, name=kind, strict=False)


def reference_validate(at: AnalyzedTable) -> list[SchemaIssue]:
    names = column_names(at)
    schema = _ref_schema_for(at.kind, list(names))
    if schema is None or not names:
        return []
    df = _ref_to_frame(at)
    if df.empty:
        return []
    try:
        schema.validate(df, lazy=True)
        return []
    except SchemaErrors as e:
        fc = e.failure_cases
    issues: dict[tuple, SchemaIssue] = {}
    for rec in fc.to_dict("records"):
        check = str(rec.get("check") or "")
        idx = rec.get("index")
        if idx is None or idx != idx:
            continue
        row = int(idx)
        if check.startswith("missing:"):
            name = check.split(":", 1)[1]
            problem = "missing"
        else:
            col = str(rec.get("column") or "")
            name = col[: -len("__kind")] if col.endswith("__kind") else col
            problem = check if check in PROBLEMS else None
            if problem is None:
                continue
        role = names.get(name)
        if role is None:
            continue
        text = str(df.at[row, f"{name}__text"]) if f"{name}__text" in df.columns else ""
        detail = {
            "missing": f"{role.field} is required in a {at.kind} row",
            "not a number": f"{role.field} is not a number",
            "malformed": f"{role.field} is a malformed number",
            "out_of_range": f"{role.field} is out of range",
        }[problem]
        if problem == "out_of_range":
            mx = SPECS[at.kind].maximum.get(role.field)
            v = df.at[row, name]
            detail = f"{role.field} must not exceed {mx}" if mx is not None and v is not None and v > mx \
                else f"{role.field} must not be negative"
        if problem == "malformed":
            cell = at.table.rows[row].cells[role.index]
            if cell.number.problem:
                detail += f": {cell.number.problem}"
        key = (row, role.index, problem)
        issues.setdefault(key, SchemaIssue(row, role.field, role.index, problem, text, role.group, detail))
    return sorted(issues.values(), key=lambda i: (i.row, i.column if i.column is not None else -1, i.problem))


# -- inputs ---------------------------------------------------------------------------------------

def _sample_tables() -> list[Table]:
    out = []
    for name in SAMPLE_NAMES:
        doc = extracted(SAMPLES / name)
        settle_numbers(doc)
        out.extend(doc.tables)
    return out


# Replacement texts, each aimed at one problem (or at none: a dash, a plain number).
DAMAGE = ("-5", "12/05/2024", "0.5.000.500", "", "-", "150", "12,5", "(189.364.500)", "n/a", "—")


def _damaged(table: Table, seed: int) -> Table:
    """The table with about one numeric-looking body cell in three replaced (deterministic)."""
    rows = []
    k = seed
    for r in table.rows:
        cells = []
        for j, c in enumerate(r.cells):
            if j > 0 and (k % 3 == 0):
                c = Cell(DAMAGE[(k // 3) % len(DAMAGE)], c.page, c.bbox, c.ocr)
            else:
                c = Cell(c.text, c.page, c.bbox, c.ocr)
            k += 1
            cells.append(c)
        rows.append(replace(r, cells=cells))
    return replace(table, id=f"{table.id}-damaged", rows=rows)


def _without_required_column(at: AnalyzedTable) -> AnalyzedTable | None:
    """The analysis with the first column of a required field left out, as if the
    table had no such column: batched with tables that have it, it must not be
    reported missing (the per-table schema never checks a field without columns)."""
    spec = SPECS.get(at.kind)
    if spec is None:
        return None
    drop = next((c for c in at.columns if c.field in spec.required), None)
    if drop is None:
        return None
    return replace(at, columns=[c for c in at.columns if c is not drop])


@pytest.fixture(scope="module")
def analyzed() -> list[AnalyzedTable]:
    tables = _sample_tables()
    damaged = [_damaged(t, s) for s, t in enumerate(tables)]
    ats = [analyze_table(t) for t in tables + damaged]
    return ats + [x for x in map(_without_required_column, ats) if x is not None]


# -- the comparisons --------------------------------------------------------------------------------

def test_batched_validation_equals_per_table_reference(analyzed):
    expected = [reference_validate(at) for at in analyzed]
    got = validate_tables(analyzed)
    assert len(got) == len(analyzed)
    for at, e, g in zip(analyzed, expected, got):
        assert g == e, at.table.id
    # The comparison is not vacuous: the damaged tables raise every problem kind.
    problems = {i.problem for issues in expected for i in issues}
    assert problems == set(PROBLEMS)
    assert sum(len(x) for x in expected) > 100
    # ... in grouped columns too, and tables of one kind differ in their columns.
    assert any(i.group for issues in expected for i in issues)
    for kind in SPECS:
        column_sets = {frozenset(column_names(at)) for at in analyzed if at.kind == kind}
        assert len(column_sets) != 1, kind


def test_single_table_validate_equals_reference(analyzed):
    with_schema = [at for at in analyzed if at.kind in SPECS]
    for at in with_schema[::7]:
        assert validate(at) == reference_validate(at), at.table.id


def test_each_table_alone_equals_its_result_in_a_batch(analyzed):
    # Tables of one kind validated together must not see each other's columns:
    # a table without a required field's column is not "missing" it.
    batch = validate_tables(analyzed)
    for at, issues in list(zip(analyzed, batch))[::11]:
        assert validate_tables([at]) == [issues], at.table.id
