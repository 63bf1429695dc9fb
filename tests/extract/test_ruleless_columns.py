"""Columns a rule-less body does not show, and captioned lists numbered only (issue #11).

The body's gaps miss a column that is always empty (Tabel 3.30's NO column, the
"SESUAI TARGET / %" column of Tabel 3.4): its header word, alone over that column on
the header line, still starts a column. They miss the letter column ("a.", "b.") under a
merged "Uraian" header too, as the section labels run over it (Tabel 3.53, 3.58, 3.59). Tabel 3.57 has no number but its row numbers
1..42 (a text value each, "Sangat Baik"): under its caption it is a table.

Oracle: the source data (samples/src/bkd-banten-2024/tables/<n>.yaml) and the rendered
pages (bkd-word-noborder p24, p38, p61-67; bkd-word-hrules p24, p38, p61-68): every body cell as
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


@pytest.mark.parametrize("pdf", ["bkd-word-noborder.pdf", "bkd-word-hrules.pdf"])
def test_letter_column_under_a_merged_header(pdf):
    """Tabel 3.58: "a.", "b." in a column of their own under "Uraian" (two columns), the
    section labels ("Pemberian Satyalancana") over both, kept in the letter column as the
    source's merged cell; "Sisa" always empty, a column by its header word."""
    want = _source_rows("3.58")
    assert [r.texts() for r in _table(pdf, "3.58").rows] == want


@pytest.mark.parametrize("pdf", ["bkd-word-noborder.pdf", "bkd-word-hrules.pdf"])
def test_letter_column_numbers_in_place(pdf):
    """Tabel 3.59: every row's number, letter and values where the source has them (the
    label of III., centred over both Uraian columns on the page, is not compared)."""
    want = _source_rows("3.59")
    got = [r.texts() for r in _table(pdf, "3.59").rows]
    assert len(got) == len(want)
    assert [[r[0], r[1] if r[1][:1].islower() else ""] + r[3:] for r in got] == \
        [[r[0], r[1] if r[1][:1].islower() else ""] + r[3:] for r in want]


def test_letter_column_with_rules_between_rows():
    """Tabel 3.53 with horizontal rules (one row a line): over three pages, each cell."""
    assert [r.texts() for r in _table("bkd-word-hrules.pdf", "3.53").rows] == _source_rows("3.53")


def test_year_line_and_column_numbers_are_header():
    """Tabel 2.3 (p11-12): the header line "Sasaran 2023 2024 2025 2026" and the column
    numbers "(1) ... (7)" over one body row on p11 are header, so the header repeated on
    p12 is known as such and the row cut by the page ("... pada" / "Perangkat Daerah")
    is one row."""
    assert [r.texts() for r in _table("bkd-word-noborder.pdf", "2.3").rows] == _source_rows("2.3")


def test_captioned_list_numbered_only_is_a_table():
    want = _source_rows("3.57")
    assert len(want) == 42 and [r[0] for r in want] == [str(k) for k in range(1, 43)]
    t = _table("bkd-word-noborder.pdf", "3.57")
    assert [r.texts() for r in t.rows] == want
