"""benchmarks/public_tables.py: the cell scorer, on tables written out by hand here.

Each expectation follows from the scoring rules in the module's doc: a non-empty
expected cell is right when the candidate row its expected row takes holds it, in the
same left-to-right order, and no earlier expected row took that candidate cell."""

from __future__ import annotations

import pytest

from benchmarks.public_tables import norm, read_expected, resources, score_table

EXPECTED = [
    ["", "mpg", "cyl", "carb"],
    ["Mazda RX4", "21.0", "6", "4"],
    ["Datsun 710", "22.8", "4", "1"],
]


def test_identical_table_scores_every_non_empty_cell():
    # 3 + 4 + 4 non-empty cells; the empty corner cell is not counted.
    assert score_table(EXPECTED, [list(r) for r in EXPECTED]) == (11, 11)


def test_missing_outer_columns_cost_their_cells():
    # The first and the last column lost (what an open-sided ruled table used to give):
    # the corner is empty, so 2 (carb, and nothing else in row 0) + 2 + 2 cells are lost.
    got = [r[1:-1] for r in EXPECTED]
    assert score_table(EXPECTED, got) == (11, 11 - 1 - 2 - 2)


def test_bookkeeping_and_extra_columns_cost_nothing():
    got = [["1"] + r + ["x"] for r in EXPECTED]
    assert score_table(EXPECTED, got) == (11, 11)


def test_whitespace_is_collapsed_and_joined_cells_are_wrong():
    got = [
        ["mpg", "cyl", "carb"],
        ["Mazda  RX4", "21.0", "6", "4"],  # double space: same cell after collapsing
        ["Datsun 710 22.8", "4", "1"],  # two cells run together: both wrong
    ]
    assert score_table(EXPECTED, got) == (11, 3 + 4 + 2)


def test_a_candidate_cell_counts_once_and_rows_may_come_in_any_order():
    # Two printed blocks side by side (MultiColumn.pdf): the expected table lists
    # them one after the other; each expected row finds its half of a wider row.
    expected = [["1", "100"], ["2", "101"], ["3", "102"], ["4", "103"]]
    got = [["1", "100", "3", "102"], ["2", "101", "4", "103"]]
    assert score_table(expected, got) == (8, 8)
    # The same expected row twice: the second finds no unused cells.
    assert score_table([["1", "100"], ["1", "100"]], [["1", "100"]]) == (4, 2)


def test_column_order_matters_within_a_row():
    assert score_table([["a", "b", "c"]], [["c", "b", "a"]]) == (3, 1)


def test_no_candidates_scores_zero():
    assert score_table(EXPECTED, []) == (11, 0)


def test_read_expected_normalises_and_drops_blank_lines(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text('"",a,b\n"x  y", 1 ,2\n,,\n', encoding="utf-8")
    assert read_expected(p) == [["", "a", "b"], ["x y", "1", "2"]]
    assert norm(" a\n b ") == "a b"


def test_cache_with_the_unpacked_suite_is_used_without_download(tmp_path):
    res = tmp_path / "tabula_py-2.10.0" / "tests" / "resources"
    res.mkdir(parents=True)
    (res / "data.pdf").write_bytes(b"%PDF-1.4\n")
    assert resources(tmp_path) == res


def test_offline_without_cache_exits_2(tmp_path, monkeypatch):
    import subprocess

    class Failed:
        returncode = 1
        stdout = ""
        stderr = "ERROR: Could not find a version that satisfies the requirement"

    monkeypatch.setattr(subprocess, "run", lambda *a, **k: Failed())
    with pytest.raises(SystemExit) as e:
        resources(tmp_path / "empty")
    assert e.value.code == 2
