"""Header blocks of tables without vertical rules (issue #11): column-number rows, spanning
group headers, wrapped header words.

Oracle: the source data the Word-made documents were typeset from
(samples/wild/src/*/tables/*.yaml, samples/src/bkd-banten-2024/tables/*.yaml) and the
rendered pages. Nothing here is taken from what the extractor prints.
"""

from __future__ import annotations

import pytest
import yaml

from lkip_audit.extract.stitch import _is_column_numbering

from tests.extract.conftest import ROOT, extracted

WILD = ROOT / "samples" / "wild"
KONVENSI = WILD / "konvensi-lain.pdf"
KONVENSI_CLEAN = WILD / "konvensi-lain-bersih.pdf"  # the source data before errors.yaml
KONVENSI_SRC = WILD / "src" / "konvensi-lain" / "tables"


def _source(folder, number: str) -> dict:
    return yaml.safe_load((folder / f"{number}.yaml").read_text(encoding="utf-8"))


def _source_rows(folder, number: str) -> list[list[str]]:
    return [r["cells"] if isinstance(r, dict) else r for r in _source(folder, number)["rows"]]


def _table(path, number: str):
    found = [t for t in extracted(path).tables if t.number == number]
    assert len(found) == 1, f"Tabel {number}: {len(found)} tables"
    return found[0]


@pytest.mark.parametrize("texts, numbering", [
    (["(1)", "(2)", "(3)", "(4)"], True),
    (["1", "2", "3", "4", "5 = 4/3", "6 = 3-4"], True),           # konvensi-lain Tabel 7
    (["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)x100%"], True),
    (["1", "2", "3", "4 = 3 : 2 x 100"], True),
    (["1", "2", "3", "5 = 4/3"], False),                           # not consecutive
    (["1", "Program", "1.158.489.000", "1.133.450.500"], False),   # a body row
    (["1", "2", "3 = sisa"], False),                                # words after "="
])
def test_column_numbering_rows(texts, numbering):
    assert _is_column_numbering(texts) is numbering


def test_tabel_7_formula_numbering_row_is_header():
    """konvensi-lain Tabel 7 (page 8) numbers its columns "1 2 3 4 5 = 4/3 6 = 3-4" under
    the header (source: header row 2). It is header, not a body row: the body rows are the
    source's rows, the first one "Program Perencanaan, ..."; the column names are the first
    header row's (a numbering row is no part of a header path). The clean twin prints the
    source as written; the document with errors has the same rows, one value changed."""
    src = _source_rows(KONVENSI_SRC, "7")
    t = _table(KONVENSI_CLEAN, "7")
    assert [r.texts() for r in t.rows] == src
    assert t.columns == _source(KONVENSI_SRC, "7")["header"][0]
    t = _table(KONVENSI, "7")
    assert [r.texts()[:2] for r in t.rows] == [r[:2] for r in src]
    assert t.columns == _source(KONVENSI_SRC, "7")["header"][0]
