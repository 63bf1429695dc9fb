"""Doubt before "galat" (READING.md, issue #12.2): a failed relation that a plausible other
reading explains is an info "tidak dapat diperiksa dengan andal", not an error.

Every expected value is hand arithmetic written beside it."""

from __future__ import annotations

from lkip_audit.check.kinds.base import alt_readings, judge
from lkip_audit.understand.model import PARENT, TOTAL
from lkip_audit.understand.polarity import Polarity
from tests.check.helpers import analyzed, check, fires, only, quiet

HDR = ["NO", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]
F = {1: "indikator", 2: "target", 3: "realisasi", 4: "capaian"}


def cap_table(rows, **kw):
    return analyzed(HDR, rows, F, kind="iku", **kw)


def codes(f):
    return [d["code"] for d in f.detail.get("doubt", [])]


# -- OCR ------------------------------------------------------------------------


@fires("CAP001")
def test_ocr_cell_makes_info_not_error():
    # 72 / 80 x 100 = 90,00; printed 95,00: an error when read from the text layer ...
    rows = [["1.", "Indeks Kepuasan Layanan", "80", "72", "95,00"]]
    at = cap_table(rows)
    f = only(check(at), "CAP001")
    assert len(f) == 1 and f[0].severity == "error"
    # ... but the capaian came from OCR: it cannot be checked reliably
    at = cap_table(rows)
    at.table.rows[0].cells[4].ocr = True
    f = only(check(at), "CAP001")
    assert len(f) == 1 and f[0].severity == "info" and codes(f[0]) == ["ocr"]
    assert "tidak dapat diperiksa dengan andal" in f[0].message.lower()
    assert f[0].detail["doubt"][0]["reason_en"].startswith("the number")


# -- number reading ----------------------------------------------------------------


def test_alt_readings_of_a_single_separator():
    at = cap_table([["1.", "Jumlah unit", "1,712", "98.900", "1.250.000"]])
    cells = at.table.rows[0].cells
    # "1,712": 1,712 (decimal comma) or 1712 (comma thousands)
    assert 1712 in alt_readings(cells[2])
    # "98.900": 98900 (dot thousands, as the tool reads it) or 98,900 (decimal point)
    assert [str(v) for v in alt_readings(cells[3])] == ["98.900"]
    # two dots fix the convention: no other reading
    assert alt_readings(cells[4]) == []


def test_other_number_reading_that_fits_is_info():
    # the target "1,712" read as 1,712 gives 928 / 1,712 x 100 = 54.205,6; printed 54,21.
    # Read as 1712 (comma thousands): 928 / 1712 x 100 = 54,2056 -> 54,21 = printed.
    f = only(check(cap_table([["1.", "Jumlah BDKT yang ditera", "1,712", "928", "54,21"]])), "CAP001")
    assert len(f) == 1 and f[0].severity == "info" and "number-reading" in codes(f[0])


# -- shifted row ----------------------------------------------------------------------


def test_shifted_row_is_info_single_wrong_cell_is_error():
    # rows 1 and 2 have each other's capaian: 150 / 200 x 100 = 75,00 (printed in row 2),
    # 30 / 50 x 100 = 60,00 (printed in row 1); row 0: 90 / 100 x 100 = 90,00, consistent.
    shifted = [
        ["1.", "Indikator satu", "100", "90", "90,00"],
        ["2.", "Indikator dua", "200", "150", "60,00"],
        ["3.", "Indikator tiga", "50", "30", "75,00"],
    ]
    at = cap_table(shifted)
    at.table.extractor = "pdfium-ruleless"  # rows read off text baselines: a shift is plausible
    f = only(check(at), "CAP001")
    assert len(f) == 2 and all(x.severity == "info" and "shifted-row" in codes(x) for x in f)
    # the same rows in a ruled table (rows bounded by drawn lines): no shift, two errors
    f = only(check(cap_table(shifted)), "CAP001")
    assert len(f) == 2 and all(x.severity == "error" for x in f)
    # one wrong cell: row 1 prints 70,00 where 150 / 200 x 100 = 75,00 and row 2 is right
    # (30 / 50 x 100 = 60,00): no neighbour explains it, an error
    single = [
        ["1.", "Indikator satu", "100", "90", "90,00"],
        ["2.", "Indikator dua", "200", "150", "70,00"],
        ["3.", "Indikator tiga", "50", "30", "60,00"],
    ]
    f = only(check(cap_table(single)), "CAP001")
    assert len(f) == 1 and f[0].severity == "error" and f[0].row == "Indikator dua"


# -- polarity -------------------------------------------------------------------------


@quiet("CAP001")
def test_capaian_fitting_lower_formula_without_stated_polarity_is_info():
    # target 10, realisasi 8: 8 / 10 x 100 = 80,00, but printed 120,00 = (2 x 10 - 8) / 10 x 100:
    # right for a lower-is-better indicator, and nothing says which one it is
    rows = [["1.", "Tingkat fluktuasi harga", "10", "8", "120,00"]]
    f = only(check(cap_table(rows)), "CAP001")
    assert len(f) == 1 and f[0].severity == "info" and codes(f[0]) == ["polarity"]
    # the report states this indicator is higher-is-better: then 120,00 is an error
    at = cap_table(rows)
    at.polarity[0] = Polarity(False, "column", "cell 'Semakin tinggi semakin baik'")
    f = only(check(at), "CAP001")
    assert len(f) == 1 and f[0].severity == "error"
    assert f[0].detail["polarity"]["evidence"] == "column"
    # the report states it is lower-is-better: CAP001 does not apply, CAP002 finds it right
    at = cap_table(rows, lower=[0])
    at.polarity[0] = Polarity(True, "sentence", "p6: '... semakin rendah semakin baik'")
    assert only(check(at), "CAP001") == [] and only(check(at), "CAP002") == []


@fires("CAP002")
def test_name_only_polarity_with_higher_formula_value_is_warning():
    # "Angka Kematian Ibu": target 80, realisasi 90, printed 112,50 = 90 / 80 x 100 (higher is
    # better); lower formulas: (2 x 80 - 90) / 80 x 100 = 87,50 and 80 / 90 x 100 = 88,89
    rows = [["1.", "Angka Kematian Ibu", "80", "90", "112,50"]]
    at = cap_table(rows, lower=[0])
    at.polarity[0] = Polarity(True, "name", r"term '\bangka kematian\b'")
    f = only(check(at), "CAP002")
    assert len(f) == 1 and f[0].severity == "warning"
    assert "namanya" in f[0].message and f[0].detail["polarity"]["evidence"] == "name"
    # the same row with polarity stated by the report is an error
    at = cap_table(rows, lower=[0])
    at.polarity[0] = Polarity(True, "sentence", "p6")
    f = only(check(at), "CAP002")
    assert len(f) == 1 and f[0].severity == "error"


# -- sums ---------------------------------------------------------------------------------

SUM_HDR = ["NO", "URAIAN", "ANGGARAN"]


@fires("SUM002")
def test_parent_sum_with_numberless_row_at_page_break_is_info():
    # program 300 = 100 + 150 + 50 where the third kegiatan's numbers were lost at the
    # page break: 100 + 150 = 250 is all the tool sees
    rows = [["1", "Program A", "300"], ["", "Kegiatan a", "100"], ["", "Kegiatan b", "150"],
            ["", "Kegiatan c", ""], ["", "Kegiatan d", "50"]]
    info = {0: {"role": PARENT, "children": [1, 2, 3, 4]}, 1: {"parent": 0}, 2: {"parent": 0},
            3: {"parent": 0}, 4: {"parent": 0}}
    at = analyzed(SUM_HDR, rows, {1: "uraian", 2: "anggaran"}, rowinfo=info)
    # without a page break: 100 + 150 + 50 = 300 = printed, no finding
    assert only(check(at), "SUM002") == []
    rows[4][2] = ""  # kegiatan d printed without numbers too: 250 != 300
    at = analyzed(SUM_HDR, rows, {1: "uraian", 2: "anggaran"}, rowinfo=info)
    f = only(check(at), "SUM002")
    assert len(f) == 1 and f[0].severity == "error"
    for c in at.table.rows[3].cells + at.table.rows[4].cells:
        c.page = 58  # rows 3-4 on the next page: row 3 sits at the page break
    f = only(check(at), "SUM002")
    assert len(f) == 1 and f[0].severity == "info" and "page-break" in codes(f[0])


def test_total_with_labelless_row_beside_it_is_info():
    # JUMLAH 350 = 100 + 200 + 50, the 50 on a row whose label was split off (no label):
    # the tool sums the labelled rows, 100 + 200 = 300
    rows = [["1", "Belanja Pegawai", "100"], ["2", "Belanja Barang", "200"], ["", "", "50"],
            ["", "JUMLAH", "350"]]
    info = {2: {"label": ""}, 3: {"role": TOTAL, "covers": [0, 1]}}
    at = analyzed(SUM_HDR, rows, {1: "uraian", 2: "anggaran"}, rowinfo=info)
    f = only(check(at), "SUM001")
    assert len(f) == 1 and f[0].severity == "info" and "split-label" in codes(f[0])


# -- the mechanism itself --------------------------------------------------------------


def test_judge_returns_nothing_for_a_true_error():
    from lkip_audit.check.kinds.base import Ctx
    from lkip_audit.check.config import CheckConfig

    at = cap_table([["1.", "Indikator", "80", "72", "95,00"]])
    ctx = Ctx(doc=None, understanding=None, config=CheckConfig())
    cols = {n: next(c for c in at.columns if c.field == n) for n in ("target", "realisasi", "capaian")}

    def holds(v):  # capaian = realisasi / target x 100 (72 / 80 x 100 = 90 != 95)
        return abs(v["realisasi"] / v["target"] * 100 - v["capaian"]) < 1

    assert judge(ctx, at, 0, cols, holds) == []


def _understood(rows, bold, indents):
    from lkip_audit.understand import analyze_table
    from tests.tablefactory import make_table

    t = make_table(SUM_HDR, rows, bold_rows=bold, indents=indents, number="3.9", page=40)
    return analyze_table(t)


def test_rows_set_apart_only_by_typography_may_be_siblings():
    # a bold row of 500 over two indented rows 100 + 150 = 250: nothing but bold and
    # indentation says they are its children; read as siblings there is no sum to check
    at = _understood([["", "Pengelolaan Keuangan Daerah", "500"], ["", "Penyusunan Laporan Keuangan", "100"],
                      ["", "Verifikasi Dokumen SPJ", "150"]], {0}, {0: 2.0, 1: 14.0, 2: 14.0})
    f = only(check(at), "SUM002")
    assert len(f) == 1 and f[0].severity == "info" and "siblings" in codes(f[0])
    # the same numbers under "Program ..." / "Kegiatan ...": the names say who is whose child,
    # and 100 + 150 = 250 != 500 is an error
    at = _understood([["", "Program Pengelolaan Keuangan Daerah", "500"],
                      ["", "Kegiatan Penyusunan Laporan Keuangan", "100"],
                      ["", "Kegiatan Verifikasi Dokumen SPJ", "150"]], {0}, {0: 2.0, 1: 14.0, 2: 14.0})
    f = only(check(at), "SUM002")
    assert len(f) == 1 and f[0].severity == "error" and f[0].expected == "250"


@quiet("CAP001")
def test_capaian_from_unrounded_operands_is_consistent():
    # bab_iii_akuntabilitas_kinerja_2016 p3 "benih ikan mas": target 50, realisasi 302,97,
    # capaian 605,93. 302,97 / 50 x 100 = 605,94, but 302,97 stands for [302,965; 302,975):
    # / 50 x 100 = [605,93; 605,95), and the printed 605,93 is inside
    assert only(check(cap_table([["1.", "Prosentase kontribusi pemenuhan benih ikan mas", "50", "302,97",
                                  "605,93"]])), "CAP001") == []
    # far outside the operands' precision it is still an error: 302,97 / 50 x 100 = 605,94, printed 615,93
    f = only(check(cap_table([["1.", "Prosentase kontribusi pemenuhan benih ikan mas", "50", "302,97",
                               "615,93"]])), "CAP001")
    assert len(f) == 1 and f[0].severity == "error"


def test_wrapped_number_text():
    from lkip_audit.check.kinds.base import _wrapped

    # a money value broken over two lines in its cell, joined with a space
    assert _wrapped("1.435.619. 200") and _wrapped("1.435.619\n200")
    # a space-thousands number and a number with its unit are not wrapped
    assert not _wrapped("1 234 567") and not _wrapped("12 Dokumen") and not _wrapped("95,26 %")


@fires("DIF001")
def test_gap_from_ocr_is_info():
    # GAP = kebutuhan - terisi: 12 - 9 = 3, printed 8
    rows = [["1", "Analis Kepegawaian", "12", "9", "8"]]
    fields = {1: "uraian", 2: "kebutuhan", 3: "terisi", 4: "gap"}
    hdr = ["NO", "JABATAN", "KEBUTUHAN", "TERISI", "GAP"]
    f = only(check(analyzed(hdr, rows, fields, kind="kebutuhan")), "DIF001")
    assert len(f) == 1 and f[0].severity == "error" and f[0].expected == "3"
    at = analyzed(hdr, rows, fields, kind="kebutuhan")
    at.table.rows[0].cells[4].ocr = True  # the 8 was read by OCR (a 3 misread?)
    f = only(check(at), "DIF001")
    assert len(f) == 1 and f[0].severity == "info" and codes(f[0]) == ["ocr"]


@fires("BND001")
def test_spending_above_budget_from_a_shifted_row_is_info():
    hdr = ["NO", "KEGIATAN", "ANGGARAN", "REALISASI"]
    fields = {1: "kegiatan", 2: "anggaran", 3: "realisasi_rp"}
    # one row over its budget, its neighbours within theirs: 95.000.000 > 50.000.000, an error
    rows = [["1", "Kegiatan satu", "100.000.000", "45.000.000"], ["2", "Kegiatan dua", "50.000.000", "95.000.000"],
            ["3", "Kegiatan tiga", "60.000.000", "40.000.000"]]
    f = only(check(analyzed(hdr, rows, fields)), "BND001")
    assert len(f) == 1 and f[0].severity == "error"
    # the realisasi column moved up one row: 95.000.000 > 50.000.000 and 150.000.000 >
    # 100.000.000, but 95.000.000 <= 100.000.000 and 150.000.000 <= 200.000.000 with the
    # budget of the row below: both rows may be shifted
    rows = [["1", "Kegiatan satu", "50.000.000", "95.000.000"], ["2", "Kegiatan dua", "100.000.000", "150.000.000"],
            ["3", "Kegiatan tiga", "200.000.000", "180.000.000"]]
    at = analyzed(hdr, rows, fields)
    at.table.extractor = "pdfium-ruleless"  # rule-less: rows from text baselines may be shifted
    f = only(check(at), "BND001")
    assert len(f) == 2 and all(x.severity == "info" and "shifted-row" in codes(x) for x in f)


@quiet("BND003")
def test_negative_rate_in_a_composition_table_is_not_a_negative_count():
    # konvensi-lain Tabel 9 (samples/wild): "TINGKAT EFISIENSI" -1,1 % is a rate, not a count
    hdr = ["NO", "SASARAN", "JUMLAH PEGAWAI", "TINGKAT EFISIENSI"]
    rows = [["1", "Meningkatnya kontribusi sektor industri", "12", "-1,1 %"], ["", "JUMLAH", "12", ""]]
    at = analyzed(hdr, rows, {1: "uraian", 2: "jumlah"}, kind="komposisi",
                  rowinfo={1: {"role": TOTAL, "covers": [0]}})
    assert only(check(at), "BND003") == []


@quiet("CAP001")
def test_operand_precision_reads_operands_and_result_in_one_convention():
    # bab_iii_lkip_2016 p19: 99,90 / 94 x 100 = 106,277. Rounded: [106,271; 106,282) vs printed
    # 106,29 = [106,285; 106,295); truncated: [106,277; 106,288) vs [106,29; 106,30). Only a
    # truncated 99,90 under a rounded 106,29 would meet: not a reading of one row
    f = only(check(cap_table([["1.", "Penyampaian laporan kinerja tepat waktu", "94", "99,90", "106,29"]])),
             "CAP001")
    assert len(f) == 1 and f[0].severity == "error"
    # a capaian from the unrounded realisasi in one convention still holds: 99,90 truncated,
    # 106,28 truncated ([106,28; 106,29) meets [106,277; 106,288))
    assert only(check(cap_table([["1.", "Penyampaian laporan kinerja tepat waktu", "94", "99,90", "106,28"]])),
                "CAP001") == []
