"""SchemaIssue: one required cell that is empty or cannot be read, as the schema
validation (understand/schemas.py, the one producer) reports it. A light module: the
check stage names the type without importing pandas or pandera."""

from __future__ import annotations

from dataclasses import dataclass

# "missing": no cell where the row needs one; "not a number": words where a number is
# needed (a value column of the table kind, a cell of a row's triple); "out_of_range";
# "malformed" (DQ001's, not DQ003's).
PROBLEMS = ("missing", "not a number", "out_of_range", "malformed")


@dataclass(frozen=True)
class SchemaIssue:
    row: int | str | None  # body row index (a row label from a validation elsewhere)
    field: str | None  # canonical field
    column: int | str | None  # column index in the table (or its label)
    problem: str  # one of PROBLEMS
    text: str | None = ""  # the cell as printed ("" when missing)
    group: str | None = None
    detail: str = ""
