"""Declarative data-quality schemas per table kind (pandera), and their issues.

The one producer of "required cell empty or unreadable" (DQ003) is `schema_issues`:
the kind's required and non-negative cells (`SPECS`) and the rule's (numerator,
denominator, result) triples, both as pandera checks under one lazy validation each.

`to_frame` turns an AnalyzedTable into a DataFrame with one row per body, parent and
total row (index = the body row index) and, per mapped value column, three
columns: ``<name>`` (Decimal or None), ``<name>__kind`` (the ParsedNumber kind) and
``<name>__text`` (the printed text). ``<name>`` is the field, suffixed with
``@group`` for grouped columns and ``#index`` when a name repeats. ``_required``
marks rows that must have the kind's required cells (body and parent rows).

`SPECS` says, per kind, which fields are required and which must not be negative;
`schema_for` turns that into a pandera DataFrameSchema (regex columns, so grouped
columns are covered) and `validate` runs it lazily and turns every failure case
into a SchemaIssue that names the row and the column.

`validate_tables` does the same for many tables with one pandera validation per
kind: the rows of all tables of a kind go into one frame (``_table`` and ``_row``
say whose row each is; a column one table has and another not is ``absent`` in the
other's rows), so pandera's fixed cost per validation is paid a few times per
document instead of once per table. The issues are the same as table by table
(tests/perf_equivalence/test_schema_batch.py).
"""

from __future__ import annotations

import warnings
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import pandas as pd

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

from lkip_audit.understand.columns import NUMERIC_FIELDS
from lkip_audit.understand.model import (
    BELANJA, BODY, IKU, KEBUTUHAN, KOMPOSISI, PARENT, PERJANJIAN_KINERJA, RENCANA_REALISASI, SECTION,
    AnalyzedTable, ColumnRole,
)

from lkip_audit.understand.schema_issue import PROBLEMS, SchemaIssue  # noqa: F401 (re-exported)


@dataclass(frozen=True)
class KindSpec:
    required: tuple[str, ...] = ()
    # rows of these kinds need not have the required cells (indicator rows in a budget table)
    exempt_kinds: tuple[str, ...] = ()
    nonnegative: tuple[str, ...] = (
        "capaian", "persen", "fisik", "koreksi", "nilai_akhir", "anggaran", "realisasi_rp",
        "murni", "perubahan", "kebutuhan", "terisi", "jumlah",
    )
    maximum: dict = field(default_factory=lambda: {"koreksi": Decimal(100)})
    # a row must have the required cells only when it carries a number in one of these
    # fields (a kegiatan's budget row in an IKU table has no target of its own)
    family: tuple[str, ...] = ()


SPECS: dict[str, KindSpec] = {
    IKU: KindSpec(required=("target", "realisasi"), family=("target", "realisasi", "capaian")),
    RENCANA_REALISASI: KindSpec(required=("anggaran", "realisasi_rp"), exempt_kinds=("iku", "sasaran", "indikator"),
                                family=("anggaran", "realisasi_rp", "persen")),
    BELANJA: KindSpec(required=("anggaran", "realisasi_rp"), exempt_kinds=("iku", "sasaran", "indikator"),
                      family=("anggaran", "realisasi_rp", "persen")),
    PERJANJIAN_KINERJA: KindSpec(),
    KEBUTUHAN: KindSpec(),
    KOMPOSISI: KindSpec(),
}

_VALUE_KINDS = ("number", "percent")
DASHES = ("-", "–", "—", "--")


def column_names(at: AnalyzedTable) -> dict[str, ColumnRole]:
    """Frame column name -> column role, for the value columns of the table."""
    out: dict[str, ColumnRole] = {}
    for c in at.columns:
        if c.field not in NUMERIC_FIELDS:
            continue
        name = c.field if c.group is None else f"{c.field}@{c.group}"
        if name in out:
            name = f"{name}#{c.index}"
        out[name] = c
    return out


ABSENT = "absent"  # __kind of a cell in a column another table of the batch has, this one not


from lkip_audit.understand.cellkinds import (  # noqa: F401 (re-exported)
    _CHANGE_HEADER, _NUMERIC_KINDS, _SUMMARY_LABEL, DASHES, LEGIT_TEXT, _text_column, cell_kind, text_column,
)


def frame_rows(at: AnalyzedTable, names: dict[str, ColumnRole]):
    """The frame's rows of one table: (body row index, role, row kind, required, cells
    by name as (value, kind, text)).

    A row must have the kind's required cells when it is a body or parent row, not of
    an exempt kind, and carries at least one number in the table's value columns (a
    row with no number at all is a heading or a label row, not a row with a value
    missing). A column that is mostly words (``_text_column``) is treated as absent,
    and so are the empty cells of a column group in which the row has no number. A
    negative value in a column whose header names a change (kenaikan, pertumbuhan,
    selisih), or in a row with another negative value (a capaian of a negative
    realisasi), is not out of range: its frame value is None. The row must carry a
    number in its kind's ``family`` of fields (IKU: target, realisasi, capaian;
    budget tables: anggaran, realisasi Rp, persen) before a required cell is missing."""
    roles = {ri.index: ri.role for ri in at.rows}
    kinds = {ri.index: ri.kind for ri in at.rows}
    spec = SPECS.get(at.kind)
    exempt = spec.exempt_kinds if spec else ()
    rows = []
    for row in at.table.rows:
        role = roles.get(row.index, BODY)
        if role == SECTION:
            continue
        cells = {}
        for name, c in names.items():
            cell = row.cells[c.index] if c.index < len(row.cells) else None
            k = cell_kind(cell)
            p = cell.number if k != "empty" else None
            cells[name] = (p.value if p is not None and p.kind in _VALUE_KINDS else None, k,
                           cell.text if cell is not None and k != "empty" else "")
        rows.append((row, role, kinds.get(row.index), cells))
    text_cols = {name for name in names if _text_column([cells[name][1] for *_, cells in rows])}
    for row, role, kind, cells in rows:
        for name in text_cols:
            cells[name] = (None, ABSENT, cells[name][2])
        # A group of columns (KINERJA, KEUANGAN) with no number in the row: its cells
        # are covered by a cell merged from the row above, or the row is of another
        # kind there (a kegiatan's budget row under an indicator): not missing.
        numbered = {names[n].group for n, (_, k, _) in cells.items() if k in _NUMERIC_KINDS}
        negatives = sum(1 for v, _, _ in cells.values() if v is not None and v < 0)
        for name, (v, k, t) in list(cells.items()):
            if k == "empty" and names[name].group is not None and names[name].group not in numbered:
                cells[name] = (None, ABSENT, t)
            elif v is not None and v < 0 and (_CHANGE_HEADER.search(names[name].label or "") or negatives > 1):
                # a change (kenaikan, pertumbuhan) may be negative; so may a capaian
                # computed from a negative realisasi in the same row
                cells[name] = (None, k, t)
        family = spec.family if spec else ()
        label = next((ri.label for ri in at.rows if ri.index == row.index), "") or ""
        if _SUMMARY_LABEL.match(re.sub(r"[^\w ]+", " ", label).strip()):
            yield row.index, role, kind or "", False, cells  # an average or total row
            continue
        has_number = any(k in _NUMERIC_KINDS for n, (_, k, _) in cells.items()
                         if not family or names[n].field in family)
        required = role in (BODY, PARENT) and kind not in exempt and has_number
        yield row.index, role, kind or "", required, cells


_rows = frame_rows


def _frame(parts: list[tuple[AnalyzedTable, dict[str, ColumnRole]]]) -> tuple[pd.DataFrame, list[int]]:
    """One frame for the rows of several tables (same kind): ``_table`` is the table's
    position in ``parts``, ``_row`` its body row index; a value column one table has
    and another not is ``None`` / ``absent`` / ``""`` in the other's rows. Returns the
    frame (positional index) and the position of each frame row's table."""
    all_names: list[str] = []
    seen: set[str] = set()
    for _, names in parts:
        for n in names:
            if n not in seen:
                seen.add(n)
                all_names.append(n)
    data: dict[str, list] = {"_table": [], "_row": [], "_role": [], "_kind": [], "_required": []}
    for name in all_names:
        data[name] = []
        data[f"{name}__kind"] = []
        data[f"{name}__text"] = []
    absent = (None, ABSENT, "")
    for pos, (at, names) in enumerate(parts):
        others = [n for n in all_names if n not in names]
        for index, role, kind, required, cells in _rows(at, names):
            data["_table"].append(pos)
            data["_row"].append(index)
            data["_role"].append(role)
            data["_kind"].append(kind)
            data["_required"].append(required)
            for name, (v, k, t) in cells.items():
                data[name].append(v)
                data[f"{name}__kind"].append(k)
                data[f"{name}__text"].append(t)
            for name in others:
                v, k, t = absent
                data[name].append(v)
                data[f"{name}__kind"].append(k)
                data[f"{name}__text"].append(t)
    return pd.DataFrame(data, dtype=object), data["_table"]


def to_frame(at: AnalyzedTable) -> pd.DataFrame:
    """The table's frame, indexed by body row index (columns as in the module docstring)."""
    df, _ = _frame([(at, column_names(at))])
    df = df.drop(columns="_table")
    df.index = pd.Index(list(df["_row"]), name="row")
    return df


def _base(name: str) -> str:
    return name.split("@")[0].split("#")[0]


def _present_check(base: str):
    """Frame check: every required row has a cell in some column of ``base`` (any group).

    Columns of ``base`` that the row's table does not have (``absent``) do not count;
    a table with no column of ``base`` at all is not checked for it."""

    def present(d: pd.DataFrame) -> pd.Series:
        ok = ~d["_required"].astype(bool)
        kinds = [c for c in d.columns if c.endswith("__kind") and _base(c[: -len("__kind")]) == base]
        if not kinds:
            return ok | True
        k = d[kinds]
        has_cell = ((k != "empty") & (k != ABSENT)).any(axis=1)
        no_column = (k == ABSENT).all(axis=1)
        return ok | has_cell | no_column

    return pa.Check(present, name=f"missing:{base}")


def schema_for(kind: str, names: list[str] | None = None) -> pa.DataFrameSchema | None:
    """The pandera schema of a table kind (None when the kind has none).

    Built once per kind: the required-cell checks find the frame's columns of each
    required field when they run, so ``names`` (the frame's value column names, kept
    for callers) does not change the schema."""
    return _schema(kind)


@lru_cache(maxsize=None)
def _schema(kind: str) -> pa.DataFrameSchema | None:
    spec = SPECS.get(kind)
    if spec is None:
        return None
    cols: dict[str, pa.Column] = {
        "_row": pa.Column(int, coerce=True),
        "_role": pa.Column(str),
        "_kind": pa.Column(str),
        "_required": pa.Column(bool, coerce=True),
    }
    for f in NUMERIC_FIELDS:
        checks = []
        if f in spec.nonnegative:
            checks.append(pa.Check(lambda v: v is None or v != v or v >= 0, element_wise=True,
                                   name="out_of_range"))
        if f in spec.maximum:
            mx = spec.maximum[f]
            checks.append(pa.Check(lambda v, mx=mx: v is None or v != v or v <= mx, element_wise=True,
                                   name="out_of_range"))
        cols[rf"^{f}(@[^#]*)?(#\d+)?$"] = pa.Column(object, nullable=True, regex=True, required=False,
                                                   checks=checks)
        cols[rf"^{f}(@[^#]*)?(#\d+)?__kind$"] = pa.Column(
            str, regex=True, required=False,
            checks=[
                pa.Check(lambda k: k != "text", element_wise=True, name="not a number"),
                pa.Check(lambda k: k != "malformed", element_wise=True, name="malformed"),
            ],
        )
        cols[rf"^{f}(@[^#]*)?(#\d+)?__text$"] = pa.Column(str, regex=True, required=False)
    # a required field is present when any of its columns (any group) has a cell;
    # when none has, the table's first column of the field is reported
    frame_checks = [_present_check(base) for base in spec.required]
    return pa.DataFrameSchema(cols, checks=frame_checks, name=kind, strict=False)


def validate(at: AnalyzedTable) -> list[SchemaIssue]:
    """Data-quality issues of the table's cells under its kind's schema (row + column)."""
    return validate_tables([at])[0]


def validate_tables(tables: list[AnalyzedTable]) -> list[list[SchemaIssue]]:
    """``validate`` of each table, in one pandera validation per table kind (the
    per-call cost of pandera dominates a per-table validation). Each issue still
    names its table (the list position), row and column."""
    out: list[list[SchemaIssue]] = [[] for _ in tables]
    by_kind: dict[str, list[int]] = {}
    names_of: dict[int, dict[str, ColumnRole]] = {}
    for i, at in enumerate(tables):
        if at.kind not in SPECS:
            continue
        names = column_names(at)
        if names:
            names_of[i] = names
            by_kind.setdefault(at.kind, []).append(i)
    for kind, members in by_kind.items():
        parts = [(tables[i], names_of[i]) for i in members]
        df, table_of_row = _frame(parts)
        if df.empty:
            continue
        try:
            _schema(kind).validate(df, lazy=True)
            continue
        except SchemaErrors as e:
            fc = e.failure_cases
        found: dict[int, dict[tuple, SchemaIssue]] = {}
        for rec in fc.to_dict("records"):
            check = str(rec.get("check") or "")
            idx = rec.get("index")
            if idx is None or idx != idx:
                continue
            pos = int(idx)
            at, names = parts[table_of_row[pos]]
            row = int(df.at[pos, "_row"])
            if check.startswith("missing:"):
                base = check.split(":", 1)[1]
                name = next((n for n in names if _base(n) == base), None)
                problem = "missing"
            else:
                col = str(rec.get("column") or "")
                name = col[: -len("__kind")] if col.endswith("__kind") else col
                problem = check if check in PROBLEMS else None
                if problem is None:
                    continue
            role = names.get(name) if name is not None else None
            if role is None:
                continue
            text = str(df.at[pos, f"{name}__text"])
            detail = {
                "missing": f"{role.field} is required in a {at.kind} row",
                "not a number": f"{role.field} is not a number",
                "malformed": f"{role.field} is a malformed number",
                "out_of_range": f"{role.field} is out of range",
            }[problem]
            if problem == "out_of_range":
                mx = SPECS[at.kind].maximum.get(role.field)
                v = df.at[pos, name]
                detail = f"{role.field} must not exceed {mx}" if mx is not None and v is not None and v > mx \
                    else f"{role.field} must not be negative"
            if problem == "malformed":
                cell = at.table.rows[row].cells[role.index]
                if cell.number.problem:
                    detail += f": {cell.number.problem}"
            key = (row, role.index, problem)
            found.setdefault(table_of_row[pos], {}).setdefault(
                key, SchemaIssue(row, role.field, role.index, problem, text, role.group, detail))
        for p, issues in found.items():
            out[members[p]] = sorted(issues.values(),
                                     key=lambda i: (i.row, i.column if i.column is not None else -1, i.problem))
    return out


# --- triples: a row with two of (numerator, denominator, result) read needs the third --

_ROLES = ("res", "num", "den")  # the order in which a row's problems are listed


def _state(cell) -> str:
    """number | empty | range | malformed | text (check/kinds/base.py ``state``)."""
    if cell is None:
        return "empty"
    p = cell.number
    if p.kind in _VALUE_KINDS and p.value is not None:
        return "number"
    if p.kind == "empty" or cell.is_empty:
        return "empty"
    if p.kind in ("range", "malformed"):
        return p.kind
    return "text"


def _data_rows(at: AnalyzedTable) -> list[int]:
    infos = {ri.index: ri.role for ri in at.rows}
    return [i for i in range(len(at.table.rows)) if infos.get(i, BODY) in (BODY, PARENT, "total")]


def _cell(at: AnalyzedTable, i: int, col: ColumnRole):
    cells = at.table.rows[i].cells
    return cells[col.index] if 0 <= col.index < len(cells) else None


def _triple_frame(tables: list[AnalyzedTable], triples) -> pd.DataFrame:
    """One frame row per (table, data row, triple, result column): per role (res, num,
    den) the cell's state, its kind (``cell_kind``), text, column index and field.

    The columns are paired here (the same group, understand/pairing.py); a triple with a
    column that is mostly words (``_text_column``) is left out, and so is a pairing
    across groups when the table has several result columns (KINERJA %, KEUANGAN %)."""
    from lkip_audit.understand.pairing import same_group

    data: dict[str, list] = {"_table": [], "_row": []}
    for r in _ROLES:
        for c in ("state", "kind", "text", "col", "field", "group"):
            data[f"{r}__{c}"] = []
    for pos, at in enumerate(tables):
        rows = _data_rows(at)
        text_cols: dict[int, bool] = {}

        def is_text_column(col) -> bool:
            if col.index not in text_cols:
                text_cols[col.index] = _text_column([cell_kind(_cell(at, k, col)) for k in rows])
            return text_cols[col.index]

        for num, den, res in triples or ():
            for rcol in at.cols(res):
                ncol, dcol = same_group(at, num, rcol.group), same_group(at, den, rcol.group)
                if ncol is None or dcol is None:
                    continue
                if any(is_text_column(c) for c in (rcol, ncol, dcol)):
                    continue
                if len(at.cols(res)) > 1 and (ncol.group != rcol.group or dcol.group != rcol.group):
                    continue
                for i in rows:
                    data["_table"].append(pos)
                    data["_row"].append(i)
                    for r, f, col in (("res", res, rcol), ("num", num, ncol), ("den", den, dcol)):
                        cell = _cell(at, i, col)
                        data[f"{r}__state"].append(_state(cell))
                        data[f"{r}__kind"].append(cell_kind(cell))
                        data[f"{r}__text"].append(cell.text if cell is not None else "")
                        data[f"{r}__col"].append(col.index)
                        data[f"{r}__field"].append(f)
                        data[f"{r}__group"].append(col.group)
    return pd.DataFrame(data, dtype=object)


def _complete(d: pd.DataFrame) -> pd.Series:
    """Rows whose triple is to be complete: two of the three read (a number or a
    range), none malformed (DQ001's), none a stated value, stacked numbers or a
    doubtful reading (``cell_kind``)."""
    states = d[[f"{r}__state" for r in _ROLES]]
    kinds = d[[f"{r}__kind" for r in _ROLES]]
    good = states.isin(["number", "range"]).sum(axis=1) >= 2
    return good & ~(states == "malformed").any(axis=1) & ~kinds.isin(["stated", "stacked", "doubtful"]).any(axis=1)


def _triple_check(role: str, state: str, problem: str):
    return pa.Check(lambda d: ~_complete(d) | (d[f"{role}__state"] != state), name=f"{problem}:{role}")


@lru_cache(maxsize=None)
def _triple_schema() -> pa.DataFrameSchema:
    checks = [_triple_check(r, "text", "not a number") for r in _ROLES]
    checks.append(_triple_check("res", "empty", "missing"))
    return pa.DataFrameSchema({"_row": pa.Column(int, coerce=True)}, checks=checks, name="triples", strict=False)


def validate_triples(tables: list[AnalyzedTable], triples) -> list[list[SchemaIssue]]:
    """Per table: the cells a (numerator, denominator, result) triple needs but cannot
    read. A row with two of the three read needs the third: words in any of the three
    are "not a number", an empty result is "missing" (an empty numerator or denominator
    is the kind's required field's, or no value the report owes). One lazy pandera
    validation for all tables."""
    out: list[list[SchemaIssue]] = [[] for _ in tables]
    df = _triple_frame(tables, triples)
    if df.empty:
        return out
    try:
        _triple_schema().validate(df, lazy=True)
        return out
    except SchemaErrors as e:
        fc = e.failure_cases
    failed: dict[int, set[str]] = {}
    for rec in fc.to_dict("records"):
        idx = rec.get("index")
        if idx is None or idx != idx:
            continue
        failed.setdefault(int(idx), set()).add(str(rec.get("check") or ""))
    for pos in sorted(failed):
        for r in _ROLES:
            for problem in ("not a number", "missing"):
                if f"{problem}:{r}" not in failed[pos]:
                    continue
                fld = df.at[pos, f"{r}__field"]
                text = df.at[pos, f"{r}__text"] if problem != "missing" else ""
                what = "is not a number" if problem != "missing" else "is missing"
                out[df.at[pos, "_table"]].append(SchemaIssue(
                    int(df.at[pos, "_row"]), fld, int(df.at[pos, f"{r}__col"]), problem, text,
                    df.at[pos, f"{r}__group"], f"{fld} {what}; the row's triple needs it"))
    return out


def schema_issues(tables: list[AnalyzedTable], triples=(), kinds: bool = True) -> dict[str, list[SchemaIssue]]:
    """The one producer of "required cell empty or unreadable" (rule DQ003), by table id.

    triples: the rule's (numerator, denominator, result) fields (``validate_triples``);
    kinds: also the table kinds' schemas (``validate_tables``: required fields, values
    out of range). A malformed number is DQ001's, not an issue here. A cell is one
    issue per problem, whichever checks find it (words in a target cell fail the kind's
    schema and the row's triple: one "not a number")."""
    spec = validate_tables(tables) if kinds else [[] for _ in tables]
    trip = validate_triples(tables, triples)
    out: dict[str, list[SchemaIssue]] = {}
    for at, a, b in zip(tables, spec, trip):
        issues: dict[tuple, SchemaIssue] = {}
        for i in [*a, *b]:
            if i.problem != "malformed":
                issues.setdefault((i.row, i.column, i.problem), i)
        if issues:
            out.setdefault(at.table.id, []).extend(issues.values())
    return out
