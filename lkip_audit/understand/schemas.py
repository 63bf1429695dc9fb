"""Declarative data-quality schemas per table kind (pandera), and their issues.

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
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from decimal import Decimal

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

PROBLEMS = ("missing", "unparseable", "out_of_range", "malformed")


@dataclass(frozen=True)
class SchemaIssue:
    row: int  # body row index
    field: str  # canonical field
    column: int | None  # column index in the table
    problem: str  # "missing" | "unparseable" | "out_of_range" | "malformed"
    text: str  # the cell as printed ("" when missing)
    group: str | None = None
    detail: str = ""


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


SPECS: dict[str, KindSpec] = {
    IKU: KindSpec(required=("target", "realisasi")),
    RENCANA_REALISASI: KindSpec(required=("anggaran", "realisasi_rp"), exempt_kinds=("iku", "sasaran", "indikator")),
    BELANJA: KindSpec(required=("anggaran", "realisasi_rp"), exempt_kinds=("iku", "sasaran", "indikator")),
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


def to_frame(at: AnalyzedTable) -> pd.DataFrame:
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
    for row in at.table.rows:
        role = roles.get(row.index, BODY)
        if role == SECTION:
            continue
        index.append(row.index)
        data["_row"].append(row.index)
        data["_role"].append(role)
        data["_kind"].append(kinds.get(row.index) or "")
        data["_required"].append(role in (BODY, PARENT) and kinds.get(row.index) not in exempt)
        for name, c in names.items():
            cell = row.cells[c.index] if c.index < len(row.cells) else None
            if cell is None or cell.is_empty:
                data[name].append(None)
                data[f"{name}__kind"].append("empty")
                data[f"{name}__text"].append("")
                continue
            p = cell.number
            data[name].append(p.value if p.kind in _VALUE_KINDS else None)
            # a printed dash states "none": present, not missing
            data[f"{name}__kind"].append("dash" if p.kind == "empty" and cell.text.strip() in DASHES else p.kind)
            data[f"{name}__text"].append(cell.text)
    df = pd.DataFrame(data, index=pd.Index(index, name="row"), dtype=object)
    return df


def schema_for(kind: str, names: list[str] | None = None) -> pa.DataFrameSchema | None:
    """The pandera schema of a table kind (None when the kind has none).

    `names` are the frame's value column names; the required-cell checks are built
    for those of them whose field the kind requires."""
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
                pa.Check(lambda k: k != "text", element_wise=True, name="unparseable"),
                pa.Check(lambda k: k != "malformed", element_wise=True, name="malformed"),
            ],
        )
        cols[rf"^{f}(@[^#]*)?(#\d+)?__text$"] = pa.Column(str, regex=True, required=False)
    frame_checks = []
    # a required field is present when any of its columns (any group) has a cell;
    # when none has, the first column is reported
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


def validate(at: AnalyzedTable) -> list[SchemaIssue]:
    """Data-quality issues of the table's cells under its kind's schema (row + column)."""
    names = column_names(at)
    schema = schema_for(at.kind, list(names))
    if schema is None or not names:
        return []
    df = to_frame(at)
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
            "unparseable": f"{role.field} is not a number",
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
