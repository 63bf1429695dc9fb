"""Columns a rule-less body does not show, and captioned lists numbered only (issue #11).

The body's gaps miss a column that is always empty (Tabel 3.30's NO column, the
"SESUAI TARGET / %" column of Tabel 3.4): its header word, alone over that column on
the header line, still starts a column. Tabel 3.57 has no number but its row numbers
1..42 (a text value each, "Sangat Baik"): under its caption it is a table.

Oracle: the source data (samples/src/bkd-banten-2024/tables/<n>.yaml) and the rendered
pages (bkd-word-noborder p24, p38, p66; bkd-word-hrules p24, p38): every body cell as
the source has it. Nothing is taken from what the extractor prints.
"""

from __future__ import annotations

import pytest
import yaml

from tests.extract.conftest import ROOT, extracted

WILD = ROOT / "samples" / "wild"
SRC = ROOT / "samples" / "src" / "bkd-banten-2024" / "tables"


def _source_rows(number: str) -> list[list[str]]:
    d = yaml.safe_load((SRC / f"{number}.yaml").read_text(encoding="utf-8"))
    return [[str(c) for c in (r["cells"] if isinstance(r, dict) else r)] for r in d["rows"]]


def _table(pdf: str, number: str):
    found = [t for t in extracted(WILD / pdf).tables if t.number == number]
    assert found, f"Tabel {number} not found in {pdf}"
    return found[0]


@pytest.mark.parametrize("pdf", ["bkd-word-noborder.pdf", "bkd-word-hrules.pdf"])
@pytest.mark.parametrize("number", ["3.4", "3.30"])
def test_header_word_over_an_empty_column_starts_a_column(pdf, number):
    want = _source_rows(number)
    t = _table(pdf, number)
    assert len(t.columns) == len(want[0])
    assert [r.texts() for r in t.rows] == want


def test_captioned_list_numbered_only_is_a_table():
    want = _source_rows("3.57")
    assert len(want) == 42 and [r[0] for r in want] == [str(k) for k in range(1, 43)]
    t = _table("bkd-word-noborder.pdf", "3.57")
    assert [r.texts() for r in t.rows] == want
