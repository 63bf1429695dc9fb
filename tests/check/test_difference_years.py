"""DIF003 (a change between two years) and DIF004 (sisa anggaran = anggaran - realisasi),
and the shifted-row doubt on a Word table (rows read exactly). Expected values are worked
out by hand from the rows written here (the rows of samples/wild/draf-bab3 Tabel 4 and 7,
read off the rendered page), never copied from the tool's output."""

from __future__ import annotations

from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import KEBUTUHAN, RENCANA_REALISASI
from tests.check.helpers import analyzed, check, fires, only, quiet
from tests.tablefactory import make_table

# draf-bab3 Tabel 4: NO | INDIKATOR KINERJA | REALISASI 2021 | 2022 | 2023 | PERUBAHAN 2022-2023
T4_HEADER = [["NO", "INDIKATOR KINERJA", "REALISASI", "REALISASI", "REALISASI", "PERUBAHAN 2022-2023"],
             ["NO", "INDIKATOR KINERJA", "2021", "2022", "2023", "PERUBAHAN 2022-2023"]]
T4_ROWS = [
    ["1", "Kontribusi sektor industri pengolahan terhadap PDRB", "17,10%", "17,52%", "17,94%", "0,24%"],
    ["2", "Pertumbuhan nilai ekspor non migas", "4,25%", "18,70%", "6,20%", "-12,50%"],
    ["3", "Tingkat fluktuasi harga barang kebutuhan pokok", "7,85%", "6,10%", "4,60%", "-1,50%"],
    ["4", "Persentase pasar rakyat dalam kondisi baik", "62,50%", "68,75%", "75,00%", "6,25%"],
]


def _understood(header, rows, number="4"):
    return analyze_table(make_table(header, rows, number=number))


@fires("DIF003")
def test_dif003_change_between_the_two_years_the_header_names():
    # 17,94 - 17,52 = 0,42 (printed 0,24); the other rows agree: 6,20 - 18,70 = -12,50,
    # 4,60 - 6,10 = -1,50, 75,00 - 68,75 = 6,25
    at = _understood(T4_HEADER, T4_ROWS)
    (f,) = only(check(at), "DIF003")
    assert f.severity == "error"
    assert (f.row, f.actual, f.expected) == ("Kontribusi sektor industri pengolahan terhadap PDRB", "0,24%", "0,42")
    assert "17,94% - 17,52%" in f.message


@quiet("DIF003")
def test_dif003_quiet_when_every_row_agrees_and_either_direction_is_read():
    rows = [r[:5] + [v] for r, v in zip(T4_ROWS, ["0,42%", "-12,50%", "-1,50%", "6,25%"])]
    assert only(check(_understood(T4_HEADER, rows)), "DIF003") == []
    # the same table printing earlier - later throughout ("2022-2023" read as 2022 minus 2023):
    # another plausible reading of the header, under which every row agrees
    rev = [r[:5] + [v] for r, v in zip(T4_ROWS, ["-0,42%", "12,50%", "1,50%", "-6,25%"])]
    assert only(check(_understood(T4_HEADER, rev)), "DIF003") == []


def test_dif003_relative_change_is_a_plausible_reading():
    # (17,94 - 17,52) / 17,52 x 100 = 2,40; (6,20 - 18,70) / 18,70 x 100 = -66,84;
    # (4,60 - 6,10) / 6,10 x 100 = -24,59; (75,00 - 68,75) / 68,75 x 100 = 9,09
    rows = [r[:5] + [v] for r, v in zip(T4_ROWS, ["2,40%", "-66,84%", "-24,59%", "9,09%"])]
    assert only(check(_understood(T4_HEADER, rows)), "DIF003") == []
    # one row wrong under that reading: 9,90 for 9,09
    rows[3][5] = "9,90%"
    (f,) = only(check(_understood(T4_HEADER, rows)), "DIF003")
    assert (f.row, f.actual, f.expected) == ("Persentase pasar rakyat dalam kondisi baik", "9,90%", "9,09")


def test_dif003_a_sign_flipped_row_is_an_error():
    # later - earlier agrees on three rows; row 2 prints +12,50 for 6,20 - 18,70 = -12,50
    rows = [r[:5] + [v] for r, v in zip(T4_ROWS, ["0,42%", "12,50%", "-1,50%", "6,25%"])]
    (f,) = only(check(_understood(T4_HEADER, rows)), "DIF003")
    assert (f.row, f.actual, f.expected) == ("Pertumbuhan nilai ekspor non migas", "12,50%", "-12,50")


def test_dif003_kenaikan_penurunan_without_years_takes_the_last_two_years():
    header = [["NO", "INDIKATOR", "REALISASI", "REALISASI", "KENAIKAN/PENURUNAN"],
              ["NO", "INDIKATOR", "2022", "2023", "KENAIKAN/PENURUNAN"]]
    # 210 - 200 = 10; 150 - 170 = -20; 95 - 90 = 5 (printed 15)
    rows = [["1", "Jumlah IKM binaan", "200", "210", "10"],
            ["2", "Jumlah pasar rakyat", "170", "150", "-20"],
            ["3", "Jumlah koperasi aktif", "90", "95", "15"]]
    (f,) = only(check(_understood(header, rows, number="5")), "DIF003")
    assert (f.row, f.actual, f.expected) == ("Jumlah koperasi aktif", "15", "5")


def test_dif003_no_reading_the_rows_support_reports_nothing():
    # a "SELISIH" that is no change between the years (none of the rows agrees with any reading)
    header = [["NO", "INDIKATOR", "REALISASI", "REALISASI", "SELISIH"],
              ["NO", "INDIKATOR", "2022", "2023", "SELISIH"]]
    rows = [["1", "A", "200", "210", "3"], ["2", "B", "170", "150", "7"], ["3", "C", "90", "95", "11"]]
    assert only(check(_understood(header, rows, number="5")), "DIF003") == []


def test_dif003_selisih_within_one_year_is_not_a_change_between_years():
    # TARGET | REALISASI | SELISIH under 2022 and under 2023: a difference within one year
    header = [["NO", "INDIKATOR", "2022", "2022", "2022", "2023", "2023", "2023"],
              ["NO", "INDIKATOR", "TARGET", "REALISASI", "SELISIH", "TARGET", "REALISASI", "SELISIH"]]
    rows = [["1", "A", "10", "12", "2", "10", "9", "1"]]
    assert only(check(_understood(header, rows, number="5")), "DIF003") == []


# draf-bab3 Tabel 7: NO | PROGRAM / KEGIATAN / SUB KEGIATAN | ANGGARAN (Rp) | REALISASI (Rp) | % | SISA ANGGARAN (Rp)
T7_HEADER = ["NO", "PROGRAM / KEGIATAN / SUB KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%", "SISA ANGGARAN (Rp)"]


@fires("DIF004")
def test_dif004_sisa_anggaran_is_anggaran_minus_realisasi():
    # 590.050.000,00 - 493.918.500,00 = 96.131.500,00 (printed 15.131.500,00)
    rows = [["2.1", "Kegiatan Pelaksanaan Metrologi Legal", "590.050.000,00", "493.918.500,00", "83,71", "15.131.500,00"],
            ["", "Sub Kegiatan Pelayanan Tera dan Tera Ulang", "412.750.000,00", "405.322.500,00", "98,20", "7.427.500,00"]]
    at = _understood(T7_HEADER, rows, number="7")
    assert {c.field for c in at.columns} >= {"anggaran", "realisasi_rp", "selisih"}
    (f,) = only(check(at), "DIF004")
    assert (f.row, f.actual, f.expected) == ("Kegiatan Pelaksanaan Metrologi Legal", "15.131.500,00", "96.131.500,00")
    assert not only(check(at), "DIF002")  # no pagu murni / perubahan here


@quiet("DIF004")
def test_dif004_quiet_and_sisa_is_one_sided():
    # 412.750.000,00 - 405.322.500,00 = 7.427.500,00
    ok = [["", "Sub Kegiatan Pelayanan Tera dan Tera Ulang", "412.750.000,00", "405.322.500,00", "98,20", "7.427.500,00"]]
    assert only(check(_understood(T7_HEADER, ok, number="7")), "DIF004") == []
    # SISA printed as realisasi - anggaran (-7.427.500,00): "sisa" names the direction
    neg = [ok[0][:5] + ["-7.427.500,00"]]
    (f,) = only(check(_understood(T7_HEADER, neg, number="7")), "DIF004")
    assert f.expected == "7.427.500,00"
    # a bare SELISIH may be computed either way
    sel = analyzed(["NO", "URAIAN", "ANGGARAN", "REALISASI", "SELISIH"], [["1", "Belanja", "100", "90", "-10"]],
                   {1: "uraian", 2: "anggaran", 3: "realisasi_rp", 4: "selisih"}, kind=RENCANA_REALISASI)
    assert only(check(sel), "DIF004") == []


def test_dif004_leaves_pagu_murni_perubahan_tables_to_dif002():
    at = analyzed(["NO", "URAIAN", "MURNI", "PERUBAHAN", "SELISIH"], [["1", "Belanja", "100", "90", "-10"]],
                  {1: "uraian", 2: "murni", 3: "perubahan", 4: "selisih"})
    assert only(check(at), "DIF004") == [] and only(check(at), "DIF002") == []


def _gap_table(extractor):
    # a GAP wrong where the row above's kebutuhan makes it agree: 58 - 5 = 53 (printed 53),
    # while 65 - 5 = 60 (the row's own); rows 1 and 3 hold: 18 - 0 = 18 ... and 28 - 4 = 24
    rows = [["50", "Teknisi Transfusi Darah", "18", "0", "18"],
            ["51", "Teknik Pengairan", "58", "3", "43"],
            ["52", "Teknik Jalan dan Jembatan", "65", "5", "53"],
            ["53", "Penata Ruang", "28", "4", "24"]]
    at = analyzed(["No", "Jabatan Fungsional", "Kebutuhan", "Terisi", "GAP"], rows,
                  {1: "uraian", 2: "kebutuhan", 3: "terisi", 4: "gap"}, kind=KEBUTUHAN, number="3.54")
    at.table.extractor = extractor
    return at


def test_a_word_or_ruled_table_has_no_shifted_row_doubt():
    # the .docx reader reads the table's own rows: 58 (the row above) is not this row's
    fs = [f for f in only(check(_gap_table("docx")), "DIF001") if f.row == "Teknik Jalan dan Jembatan"]
    assert [(f.severity, f.expected, f.actual) for f in fs] == [("error", "60", "53")]
    # nor a ruled PDF table (rows bounded by drawn lines): the GAP is an error there too
    fs = [f for f in only(check(_gap_table("pdfium-lines")), "DIF001") if f.row == "Teknik Jalan dan Jembatan"]
    assert [f.severity for f in fs] == ["error"]
    # from a PDF without ruling lines rows may be shifted, but no shift explains these rows:
    # the row above fails for a reason of its own (58 - 3 = 55 against 43; with this row's 65,
    # 65 - 3 = 62; with the kebutuhan of the row above it, 18 - 3 = 15): 58 fitting here is
    # a coincidence, and the GAP is an error
    fs = [f for f in only(check(_gap_table("pdfium-ruleless")), "DIF001") if f.row == "Teknik Jalan dan Jembatan"]
    assert [(f.severity, f.expected) for f in fs] == [("error", "60")]


def test_a_shift_that_explains_both_rows_is_still_a_doubt_in_a_ruleless_table():
    # the kebutuhan of rows 1 and 2 swapped: 65 - 3 = 62 and 58 - 5 = 53 hold when each takes the
    # other's (printed 58 / 65): both info, shifted-row
    rows = [["50", "Teknisi Transfusi Darah", "18", "0", "18"],
            ["51", "Teknik Pengairan", "58", "3", "62"],
            ["52", "Teknik Jalan dan Jembatan", "65", "5", "53"],
            ["53", "Penata Ruang", "28", "4", "24"]]
    at = analyzed(["No", "Jabatan Fungsional", "Kebutuhan", "Terisi", "GAP"], rows,
                  {1: "uraian", 2: "kebutuhan", 3: "terisi", 4: "gap"}, kind=KEBUTUHAN, number="3.54")
    at.table.extractor = "pdfium-ruleless"
    fs = only(check(at), "DIF001")
    assert sorted((f.row, f.severity) for f in fs) == [("Teknik Jalan dan Jembatan", "info"), ("Teknik Pengairan", "info")]
    assert all("bergeser" in f.message for f in fs)


def test_a_change_in_percent_is_not_added_up():
    # bab_iii_lkip_2016 p7 (real report): "Kenaikan Pendapatan Daerah (%)" of a parent is not the
    # sum of its children's (4,79 + 323,74 - 99,48 = 229,05 against 14,25 is no inconsistency);
    # the amounts are: 1.100 + 400 + 500 = 2.000 and 1.200 + 380 + 300 = 1.880 (checked by hand)
    header = [["NO", "URAIAN", "REALISASI", "REALISASI", "KENAIKAN PENDAPATAN DAERAH (%)"],
              ["NO", "URAIAN", "2015", "2016", "KENAIKAN PENDAPATAN DAERAH (%)"]]
    rows = [["1", "Pendapatan Asli Daerah", "1.100", "1.200", "9,09"],
            ["2", "Dana Perimbangan", "400", "380", "-5,00"],
            ["3", "Lain-lain Pendapatan yang sah", "500", "300", "-40,00"],
            ["", "JUMLAH", "2.000", "1.880", "-6,00"]]
    at = _understood(header, rows, number="2.1")
    assert {c.field for c in at.columns if c.index == 4} == {"perubahan_tahun"}
    fs = check(at)
    assert not [f for f in fs if f.rule.startswith("SUM") and f.column and "KENAIKAN" in f.column]
    # and the change column is checked: (1.200 - 1.100) / 1.100 x 100 = 9,09; -5,00; -40,00;
    # (1.880 - 2.000) / 2.000 x 100 = -6,00: every row agrees with the relative reading
    assert only(fs, "DIF003") == []
    rows[1][4] = "-4,00"
    (f,) = only(check(_understood(header, rows, number="2.1")), "DIF003")
    assert (f.row, f.actual, f.expected) == ("Dana Perimbangan", "-4,00", "-5,00")
