"""SUM004: a JUMLAH column is the sum of its row's count columns where the table's other rows
show it. Rows typed from lakip_2016_update_22_juni_2017.pdf p11 Tabel I.3 (Jumlah Pegawai ...
Menurut Jenis Pendidikan Terakhir), with the arithmetic in the comments."""

from __future__ import annotations

from lkip_audit.understand.model import KOMPOSISI, TOTAL

from tests.check.helpers import analyzed, check, fires, only, quiet

HEADER = ["NO", "Strata Pendidikan", "Laki-Laki", "Perempuan", "Jumlah", "Ket"]
FIELDS = {0: "no", 1: "uraian", 4: "jumlah"}  # Laki-Laki / Perempuan are no field of their own
ROWS = [
    ["1", "S3", "-", "-", "-", ""],
    ["2", "S2", "16", "4", "20", ""],  # 16 + 4 = 20
    ["3", "S1", "15", "4", "19", ""],  # 15 + 4 = 19
    ["4", "D3", "1", "-", "1", ""],  # 1 + 0 = 1
    ["3", "SMU", "12", "3", "16", ""],  # 12 + 3 = 15, printed 16
    ["4", "SMP", "-", "-", "-", ""],
    ["5", "SD", "1", "-", "1", ""],  # 1 + 0 = 1
    ["", "JUMLAH", "45", "11", "56", ""],
]


def table(rows):
    return analyzed(HEADER, rows, FIELDS, kind=KOMPOSISI, number="I.3", page=11,
                    rowinfo={len(rows) - 1: {"role": TOTAL}})


@fires("SUM004")
def test_sum004_fires_on_the_row_that_does_not_add_up():
    (f,) = only(check(table(ROWS)), "SUM004")
    assert (f.row, f.column, f.actual, f.expected) == ("SMU", "Jumlah", "16", "15")
    assert f.severity == "error" and "12 + 3 = 15" in f.message


@quiet("SUM004")
def test_sum004_quiet_when_the_rows_add_up_or_the_relation_is_not_shown():
    fixed = [r if r[1] != "SMU" else ["3", "SMU", "12", "3", "15", ""] for r in ROWS]
    assert only(check(table(fixed)), "SUM004") == []
    # two rows of five fail: the table does not show that Jumlah is their sum, nothing is said
    loose = [["1", "A", "1", "2", "3", ""], ["2", "B", "2", "2", "4", ""], ["3", "C", "5", "5", "10", ""],
             ["4", "D", "1", "1", "7", ""], ["5", "E", "2", "2", "9", ""], ["", "JUMLAH", "11", "12", "33", ""]]
    assert only(check(table(loose)), "SUM004") == []
