"""Number conventions decided per column from all of its cells (extract/numstyle.py).

Expected values are hand arithmetic on the printed texts (e.g. "1.250" read with dot
thousands is 1250, read with a decimal point 1.25)."""

from __future__ import annotations

from decimal import Decimal as D

from lkip_audit.extract.model import Cell, Document, Page
from lkip_audit.extract.numstyle import apply_number_styles, column_style, ocr_repair, settle_numbers
from tests.tablefactory import make_table


def _doc(*tables) -> Document:
    return Document(path="x.pdf", sha256="0" * 64, page_count=1, pages=[Page(1, 595, 842, "")],
                    tables=list(tables))


def _column(values, header="Nilai", *others):
    """A table with a label column and one value column holding ``values``."""
    return make_table(["Uraian", header], [[f"baris {i}", v] for i, v in enumerate(values)])


def _read(values, header="Nilai", extra_tables=()):
    t = _column(values, header)
    apply_number_styles(_doc(t, *extra_tables))
    return [r.cells[1].number for r in t.rows]


def test_column_of_dot_decimals_is_decimal():
    # "48.7" cannot be dot thousands (a dot before 1 digit): the column is decimal,
    # so "100" is 100 and "91.2" is 91.2
    got = _read(["48.7", "91.2", "100"])
    assert [p.value for p in got] == [D("48.7"), D("91.2"), D("100")]
    assert column_style(_column(["48.7", "100"]), 1).style == "en"


def test_column_of_dot_thousands_is_thousands():
    got = _read(["1.250.000", "2.500.000", "750.000"])
    assert [p.value for p in got] == [D(1250000), D(2500000), D(750000)]


def test_lone_1250_beside_millions_is_thousands():
    # "1.250" alone could be 1.25 or 1250; "2.500.000" only reads with dot thousands
    got = _read(["1.250", "2.500.000"])
    assert [p.value for p in got] == [D(1250), D(2500000)]


def test_98_90_alone_in_a_percentage_column_is_decimal():
    # "98.90" is no thousands number (a dot before 2 digits): the only reading is 98.90
    (p,) = _read(["98.90"], header="Capaian (%)")
    assert p.kind == "number" and p.value == D("98.90") and p.decimals == 2


def test_comma_thousands_with_comma_decimals():
    # bab_iii_lkip_2016.pdf page 24 prints money as "641,773,572,00"
    got = _read(["641,773,572,00", "184,300,000,00", "1,141,250,000,00"], header="Anggaran Murni")
    assert [p.value for p in got] == [D("641773572.00"), D("184300000.00"), D("1141250000.00")]
    assert column_style(_column(["641,773,572,00", "95,500,000,00"]), 1).style == "comma"


def test_english_column():
    got = _read(["1,234.5", "12.75", "100"])
    assert [p.value for p in got] == [D("1234.5"), D("12.75"), D(100)]


def test_mixed_decimal_marks_are_decimals():
    # bab_iii_lkip_2016.pdf page 3, "Capkin 2016 (%)": 153.60, 100,53, 106,00 in one column
    got = _read(["153.60", "100.95", "100,53", "106,00", "100"])
    assert [p.value for p in got] == [D("153.60"), D("100.95"), D("100.53"), D("106.00"), D(100)]


def test_lone_ambiguous_cell_is_doubtful_not_malformed():
    # "1.250" alone, no money header, a document that uses "." both ways
    other = make_table(["Uraian", "Anggaran", "Persen"], [["a", "1.234.567", "16.13"]])
    (p,) = _read(["1.250"], extra_tables=(other,))
    assert p.kind == "malformed" and p.doubt == "ambiguous" and p.value is None
    assert set(p.readings) == {"1250", "1,250"}  # 1250 or 1.25 (three decimals, as printed)


def test_lone_ambiguous_cell_follows_a_money_header():
    (p,) = _read(["1.250"], header="Realisasi (Rp)")
    assert p.value == D(1250)


def test_lone_ambiguous_cell_follows_the_document_habit():
    # every other column of the document uses "." as a thousands separator only
    other = make_table(["Uraian", "Jumlah"], [["a", "1.234.567"], ["b", "2.000"]])
    (p,) = _read(["1.250"], extra_tables=(other,))
    assert p.value == D(1250)


def test_broken_cell_in_a_dot_thousands_column_stays_malformed():
    # seed Tabel 3.26: "282.101.14" among dot-thousands money, "900.00.0"
    got = _read(["20.707.217", "19.879.294", "282.101.14", "900.00.0", "1.250.000"], header="Realisasi Rp")
    assert got[2].kind == "malformed" and not got[2].doubt
    assert got[3].kind == "malformed" and not got[3].doubt
    assert got[0].value == D(20707217)


def test_outline_numbers_are_text():
    # bab_iii_lkip_2016.pdf page 7, column NO.: 1, 1.1, 1.1.1., 1.1.2., 1.1.3, 1.2
    t = make_table(["NO.", "URAIAN", "2015 (Rp)"], [
        ["1", "PENDAPATAN DAERAH", "24.240.445.765.650"],
        ["1.1", "Pendapatan Asli Daerah", "16.263.235.947.268"],
        ["1.1.1.", "Pajak Daerah", "14.617.071.393.160"],
        ["1.1.3", "Hasil Pengelolaan", "281.661.628.120"],
        ["1.2", "Dana Perimbangan", "2.506.877.511.840"],
    ])
    apply_number_styles(_doc(t))
    kinds = [r.cells[0].number.kind for r in t.rows]
    assert kinds == ["number", "text", "text", "text", "text"]
    assert t.rows[0].cells[2].number.value == D(24240445765650)


def test_wrapped_number_is_doubtful_and_named():
    # bab_iii_lkip_2016.pdf page 3: "13.000.000" printed over two lines of a narrow
    # cell ("13.000.0" / "00"): named as 13.000.000, not used in arithmetic
    (a, b) = _read(["13.000.0 00", "600"])
    assert a.kind == "malformed" and a.doubt == "wrapped" and a.readings == ("13.000.000",)
    assert "digits wrapped inside the cell" == a.problem
    assert b.value == D(600)
    # "1.5 20" may be 1.520 wrapped, or two values 1.5 and 20
    (p, _) = _read(["1.5 20", "1.250.000"])
    assert p.doubt == "wrapped" and p.problem.endswith("or two values")
    # "2.939.6 25": the next piece completes the third group to 3 digits
    (r, _) = _read(["2.939.6 25", "1.250.000"])
    assert r.doubt == "wrapped" and r.readings == ("2.939.625",) and not r.problem.endswith("or two values")


def test_stacked_numbers_are_not_joined():
    (p,) = _read(["36,9 17,7"])
    assert p.kind == "text"


def test_count_unit_reads_thousands():
    # 3_lkip_tahun_2016_disperindag_jabar.pdf page 25: "1.551 buah" (things are counted)
    other = make_table(["Uraian", "Anggaran", "Persen"], [["a", "1.234.567", "16.13"]])
    (p,) = _read(["1.551 buah"], extra_tables=(other,))
    assert p.value == D(1551) and p.unit == "buah"


def test_ocr_repairs():
    assert ocr_repair("95,26 Yo") == "95,26%"
    assert ocr_repair("1O0") == "100"
    assert ocr_repair("l00%") == "100%"
    assert ocr_repair("Tercapai") == "Tercapai"


def test_ocr_cell_that_needs_a_repair_is_doubtful():
    t = make_table(["Uraian", "Capaian"], [["a", "95,26 Yo"], ["b", "1O0"], ["c", "98,50"]])
    for r in t.rows:
        r.cells[1] = Cell(r.cells[1].text, 1, ocr=True)
    settle_numbers(_doc(t))
    got = [r.cells[1].number for r in t.rows]
    assert got[0].kind == "malformed" and got[0].doubt == "ocr" and got[0].readings == ("95,26%",)
    assert got[1].kind == "malformed" and got[1].doubt == "ocr" and got[1].readings == ("100",)
    assert got[2].kind == "number" and got[2].value == D("98.50")


def test_lone_three_decimal_cell_in_a_mixed_document_is_ambiguous():
    # 3_lkip_tahun_2016_disperindag_jabar.pdf page 38, Tabel 3.5: target "203.955"
    # in a column of "168.49"/"207.31" decimals, realisasi "203,440*", capaian 99.74;
    # the document writes thousands with dots elsewhere (6.304.890)
    other = make_table(["Uraian", "Target"], [["a", "6.304.890"], ["b", "4.341.614"]])
    (a, b, c) = _read(["168.49", "203.955", "81.27"], extra_tables=(other,))
    assert b.kind == "malformed" and b.doubt == "ambiguous" and set(b.readings) == {"203955", "203,955"}
    assert a.value == D("168.49") and c.value == D("81.27")
