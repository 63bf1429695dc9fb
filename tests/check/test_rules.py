"""One test that fires and one that does not, for every implemented rule.

Rows are copied from the seed report (../shared/seeds/000_b5fad5c8a9ade674.txt);
expected values are recomputed by hand in the comments.
"""

from __future__ import annotations

from types import SimpleNamespace

from lkip_audit.check import findings_from_schema_issues
from lkip_audit.extract.model import PageProblem
from lkip_audit.understand.model import KEBUTUHAN, KOMPOSISI, PARENT, RENCANA_REALISASI, SECTION, TOTAL, IKU

from tests.check.helpers import SEED_KATEGORI, analyzed, check, fires, only, quiet

# -- Tabel 3.20 / 3.24 / 3.26 / 3.52: Rencana dan Realisasi ---------------------------

RR_HEADER = ["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN", "REALISASI FISIK", "REALISASI Rp", "REALISASI %"]
RR_FIELDS = {0: "no", 1: "uraian", 2: "target", 3: "anggaran", 4: "fisik", 5: "realisasi_rp", 6: "persen"}


def rr(rows, number="3.20", page=57, **kw):
    return analyzed(RR_HEADER, rows, RR_FIELDS, kind=RENCANA_REALISASI, number=number, page=page, **kw)


T320 = [
    ["", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "12 Dokumen", "20.000.000", "100,00", "19.879.294", "99,40"],
    ["", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "1 Laporan", "20.000.000", "100,00", "19.879.294", "99,24"],
]


@fires("PCT001")
def test_pct001_fires_on_seed_3_20():
    # 19.879.294 / 20.000.000 x 100 = 99,3965 -> 99,40 (round) / 99,39 (truncate); printed 99,24
    fs = only(check(rr(T320)), "PCT001")
    assert len(fs) == 1
    f = fs[0]
    assert f.severity == "error"
    assert (f.expected, f.actual) == ("99,40", "99,24")
    assert (f.page, f.table, f.table_id) == (57, "3.20", "p57-t1")
    assert f.row == "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD"
    assert f.column == "REALISASI %"
    assert "99,24" in f.message and "19.879.294 / 20.000.000 x 100 = 99,40" in f.message
    assert [r.column for r in f.related] == ["REALISASI Rp", "RENCANA ANGGARAN"]
    assert [r.value for r in f.related] == ["19.879.294", "20.000.000"]
    assert f.detail["formula"] == "realisasi_rp / anggaran x 100"


@fires("PCT001")
def test_pct001_fires_on_seed_3_26():
    # 154.163.024 / 174.995.900,00 x 100 = 88,0964 -> 88,10; printed 99,98
    at = rr([["", "Penyediaan Peralatan Rumah Tangga", "10 Paket", "174.995.900,00", "100,00", "154.163.024", "99,98"]], number="3.26")
    (f,) = only(check(at), "PCT001")
    assert (f.expected, f.actual) == ("88,10", "99,98")


@quiet("PCT001")
def test_pct001_quiet_on_seed_3_24():
    # 3.994.594 / 11.500.000,00 x 100 = 34,7356 -> 34,74 as printed
    # 13.337.286 / 13.782.160,00 x 100 = 96,772 -> 96,77 as printed
    at = rr([
        ["", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "6 Orang", "11.500.000,00", "100,00", "3.994.594", "34,74"],
        ["", "Peningkatan Sarana dan Prasarana Disiplin Pegawai", "4 Unit", "13.782.160,00", "100,00", "13.337.286", "96,77"],
    ], number="3.24")
    assert check(at) == []


@quiet("PCT001")
def test_pct001_first_row_of_3_20_is_consistent():
    assert only(check(rr(T320[:1])), "PCT001") == []


@fires("DQ001")
def test_dq001_malformed_realisasi_seed_3_26_is_reported_not_guessed():
    # "282.101.14": the last group has 2 digits; no PCT001 / BND001 recomputed from it
    at = rr([["", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "10 Laporan", "282.650.900,00", "100,00", "282.101.14", "99,81"]], number="3.26")
    fs = check(at)
    assert [f.rule for f in fs] == ["DQ001"]
    f = fs[0]
    assert f.expected is None and f.actual == "282.101.14"
    assert f.column == "REALISASI Rp" and f.row == "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"
    assert f.page == 57 and "282.101.14" in f.message


@fires("DQ001")
def test_dq001_malformed_pagu_in_rencana_aksi():
    at = analyzed(["Kebijakan", "TW I", "TW II", "TW III", "TW IV", "Pagu Anggaran"],
                  [["Penegakan Disiplin Pegawai", "6", "6", "6", "7", "900.00.0"]],
                  {0: "uraian", 5: "anggaran"}, number=None, page=12, label_col=0)
    (f,) = only(check(at), "DQ001")
    assert (f.actual, f.column, f.table, f.table_id, f.page) == ("900.00.0", "Pagu Anggaran", None, "p12-t1", 12)


@quiet("DQ001")
def test_dq001_quiet_on_wellformed_numbers():
    assert only(check(rr(T320)), "DQ001") == []


# -- BND001 / BND002: Tabel 3.52 -------------------------------------------------

T352_ROW = ["", "Fasilitasi Pengembangan Karir dalam Jabatan Fungsional", "2 Dokumen", "140.699.130", "100,00", "183.130.700", "99,73"]


@fires("BND001")
def test_bnd001_realisasi_above_anggaran_seed_3_52():
    # 183.130.700 > 140.699.130; 183.130.700 / 140.699.130 x 100 = 130,158 -> 130,16 (printed 99,73)
    fs = check(rr([T352_ROW], number="3.52", page=101))
    (f,) = only(fs, "BND001")
    assert f.severity == "error" and f.actual == "183.130.700" and f.column == "REALISASI Rp"
    assert "99,73" in f.message and "140.699.130" in f.message and "130,16" in f.message
    (p,) = only(fs, "PCT001")  # the percentage is wrong too
    assert (p.expected, p.actual) == ("130,16", "99,73")
    assert only(fs, "BND002") == []  # 99,73 is not above 100


@quiet("BND001", "BND002")
def test_bnd001_bnd002_quiet_within_budget():
    assert only(check(rr(T320)), "BND001") == [] and only(check(rr(T320)), "BND002") == []


@fires("BND002")
def test_bnd002_percentage_above_100_in_rencana_realisasi():
    # had the report printed the recomputed 130,16 for the same row
    row = T352_ROW[:6] + ["130,16"]
    (f,) = only(check(rr([row], number="3.52")), "BND002")
    assert f.severity == "warning" and f.actual == "130,16" and f.expected == "<= 100,00"


@quiet("BND002")
def test_bnd002_not_for_capaian_in_iku_tables():
    # Tabel 3.16: capaian 512,20 above 100 is fine for an indicator (5 -> 25,61)
    at = analyzed(["NO", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN", "TINGKAT PENCAPAIAN"],
                  [["", "Nilai Indeks Profesional ASN Dimensi Kinerja", "5", "25,61", "512,20", "Melebihi Target"]],
                  {1: "indikator", 2: "target", 3: "realisasi", 4: "capaian", 5: "tingkat"}, kind=IKU, number="3.16")
    assert check(at) == []  # 25,61 / 5 x 100 = 512,20


# -- Tabel 3.16 / 3.15 / 3.1: capaian ---------------------------------------------

IKU_HEADER = ["NO", "PROGRAM", "TARGET TAHUNAN", "REALISASI FISIK TERHADAP TARGET TAHUNAN",
              "NILAI CAPAIAN INDIKATOR KINERJA", "TINGKAT PENCAPAIAN"]
IKU_FIELDS = {1: "indikator", 2: "target", 3: "realisasi", 4: "capaian", 5: "tingkat"}


def iku(rows, number="3.16", **kw):
    return analyzed(IKU_HEADER, rows, IKU_FIELDS, kind=IKU, number=number, page=60, **kw)


MANAJEMEN = ["", "Nilai Kriteria Pelaksanaan Manajemen Kinerja", "78,5", "72,50", "92,85", "Tidak Mencapai Target"]
KEDISIPLINAN = ["", "Nilai Indeks Profesional ASN Dimensi Kedisiplinan", "4,98", "5", "99,60", "Tidak Mencapai Target"]
KARIER = ["", "Nilai Kriteria Pengembangan Karier", "70", "65", "92,85", "Tidak Mencapai Target"]
SISTEM_INFO = ["", "Nilai Kriteria Pelaksanaan Sistem Informasi", "22", "22", "100", "Sesuai Target"]
PERLINDUNGAN = ["", "Nilai Kriteria Pelaksanaan Perlindungan dan Pelayanan", "15", "16", "106,66", "Melebihi Target"]
SAKIP = ["1.", "Capaian SAKIP (Sistem Akuntabilitas Kinerja Instansi Pemerintah) Perangkat Daerah",
         "70-80", "78,25", "97,81", "Tidak Mencapai Target"]


@fires("CAP001")
def test_cap001_fires_on_seed_3_16():
    # 72,50 / 78,5 x 100 = 92,356 -> 92,36 (printed 92,85)
    # 5 / 4,98 x 100 = 100,4016 -> 100,40 (printed 99,60: the lower-is-better formula)
    fs = only(check(iku([MANAJEMEN, KEDISIPLINAN])), "CAP001")
    assert [(f.row, f.expected, f.actual) for f in fs] == [
        ("Nilai Kriteria Pelaksanaan Manajemen Kinerja", "92,36", "92,85"),
        ("Nilai Indeks Profesional ASN Dimensi Kedisiplinan", "100,40", "99,60"),
    ]
    assert "72,50 / 78,5 x 100 = 92,36" in fs[0].message
    assert fs[0].column == "NILAI CAPAIAN INDIKATOR KINERJA"


@quiet("CAP001")
def test_cap001_quiet_on_truncated_and_exact_values():
    # 65 / 70 x 100 = 92,857 -> 92,85 truncated (rounding gives 92,86): accepted under "either"
    # 16 / 15 x 100 = 106,666 -> 106,66 truncated; 22 / 22 x 100 = 100
    # range target 70-80: 78,25 / 80 x 100 = 97,8125 -> 97,81 (the report's own method)
    assert only(check(iku([KARIER, PERLINDUNGAN, SISTEM_INFO, SAKIP])), "CAP001") == []


def test_cap001_rounding_mode_round_rejects_truncation():
    (f,) = only(check(iku([KARIER]), rounding="round"), "CAP001")
    assert (f.expected, f.actual) == ("92,86", "92,85")
    assert only(check(iku([KARIER]), rounding="truncate"), "CAP001") == []


@fires("CAP001")
def test_cap001_range_target_uses_upper_bound():
    # 78,25 / 80 x 100 = 97,8125 -> 97,81; printed 99,00
    (f,) = only(check(iku([SAKIP[:4] + ["99,00", "Tidak Mencapai Target"]], number="3.15")), "CAP001")
    assert (f.expected, f.actual) == ("97,81", "99,00")
    assert "78,25 / 80" in f.message and "70-80" in f.message


def test_cap001_skips_rows_whose_units_differ():
    # target "12 Dokumen" vs a realisation printed as percentage: ratio meaningless
    row = ["", "Penyusunan Dokumen", "12 Dokumen", "100,00", "100,00", "Sesuai Target"]
    assert only(check(iku([row])), "CAP001") == []
    # same unit on both sides: checked (10 / 12 x 100 = 83,33, printed 100,00)
    row2 = ["", "Penyusunan Dokumen", "12 Dokumen", "10 Dokumen", "100,00", "Sesuai Target"]
    (f,) = only(check(iku([row2])), "CAP001")
    assert f.expected == "83,33"


@quiet("CAP002")
def test_cap002_quiet_when_lower_is_better_formula_matches():
    # lower is better: (2 x 4,98 - 5) / 4,98 x 100 = 4,96 / 4,98 x 100 = 99,598 -> 99,60 as printed
    fs = check(iku([KEDISIPLINAN], lower={0}))
    assert only(fs, "CAP002") == [] and only(fs, "CAP001") == []


@fires("CAP002")
def test_cap002_fires_when_neither_formula_matches():
    # (2 x 10 - 8) / 10 x 100 = 120,00; 10 / 8 x 100 = 125,00; printed 80,00 (= 8 / 10: higher-is-better)
    row = ["", "Angka Pelanggaran Disiplin", "10", "8", "80,00", "Tidak Mencapai Target"]
    (f,) = only(check(iku([row], lower={0})), "CAP002")
    assert (f.expected, f.actual) == ("120,00", "80,00")
    assert "125,00" in f.message
    # 125,00 (target / realisasi) is accepted too
    assert only(check(iku([row[:4] + ["125,00", "Melebihi Target"]], lower={0})), "CAP002") == []


@fires("CAP003")
def test_cap003_inside_range_judged_not_achieved_seed_3_15():
    # 70 <= 78,25 <= 80: inside the range, the target is met; printed "Tidak Mencapai Target"
    fs = check(iku([SAKIP], number="3.15"))
    (f,) = only(fs, "CAP003")
    assert f.severity == "warning" and f.actual == "Tidak Mencapai Target"
    assert "78,25" in f.message and "70-80" in f.message
    assert only(fs, "CAP001") == [] and only(fs, "LBL001") == []  # 97,81 < 100: consistent with its label


@quiet("CAP003")
def test_cap003_quiet_outside_the_range_or_when_met():
    below = SAKIP[:3] + ["65", "81,25", "Tidak Mencapai Target"]  # 65 / 80 = 81,25
    met = SAKIP[:5] + ["Sesuai Target"]
    assert only(check(iku([below, met])), "CAP003") == []


SASARAN_HEADER = ["NO", "SASARAN", "TARGET", "REALISASI", "CAPAIAN", "KOREKSI", "NILAI AKHIR", "KATEGORI"]
SASARAN_FIELDS = {1: "sasaran", 2: "target", 3: "realisasi", 4: "capaian", 5: "koreksi", 6: "nilai_akhir", 7: "kategori"}
T31 = [
    ["1.", "Meningkatnya Penyelenggaraan Pemerintah yang Akuntabel, Efektif dan Efisien", "70-80", "78,25", "97,81", "15", "83,14", "Baik"],
    ["2.", "Meningkatnya Profesionalisme SDM Aparatur", "52,05", "52,81", "101,46", "15", "86,24", "Baik"],
    ["3.", "Meningkatnya Penerapanan Merit Sistem", "332,5", "330,5", "99,39", "15", "84,48", "Baik"],
]


def t31(rows):
    return analyzed(SASARAN_HEADER, rows, SASARAN_FIELDS, kind=IKU, number="3.1", page=45)


@quiet("CAP004")
def test_cap004_quiet_on_seed_3_1():
    # 97,81 x 0,85 = 83,1385 -> 83,14; 101,46 x 0,85 = 86,241 -> 86,24; 99,39 x 0,85 = 84,4815 -> 84,48
    # capaian: 78,25 / 80 = 97,81; 52,81 / 52,05 = 101,460 -> 101,46; 330,5 / 332,5 = 99,398 -> 99,39 (truncated)
    assert check(t31(T31), scales={"kategori": SEED_KATEGORI}) == []


@fires("CAP004")
def test_cap004_fires_on_wrong_nilai_akhir():
    # 99,39 x (1 - 15 / 100) = 84,4815 -> 84,48; printed 84,84
    row = T31[2][:6] + ["84,84", "Baik"]
    (f,) = only(check(t31([row])), "CAP004")
    assert (f.expected, f.actual) == ("84,48", "84,84")
    assert "99,39 x (1 - 15 / 100) = 84,48" in f.message


# -- LBL001 / LBL002 ----------------------------------------------------------------


@fires("LBL001")
def test_lbl001_recomputed_band_differs_seed_3_16():
    # printed 99,60 < 100 fits "Tidak Mencapai Target", but 5 / 4,98 x 100 = 100,40 > 100: "Melebihi Target"
    (f,) = only(check(iku([KEDISIPLINAN])), "LBL001")
    assert (f.expected, f.actual) == ("Melebihi Target", "Tidak Mencapai Target")
    assert f.column == "TINGKAT PENCAPAIAN"
    assert "99,60" in f.message and "100,40" in f.message


@fires("LBL001")
def test_lbl001_label_contradicts_printed_capaian():
    # 16 / 15 x 100 = 106,66 > 100 but labelled "Sesuai Target"
    row = PERLINDUNGAN[:5] + ["Sesuai Target"]
    (f,) = only(check(iku([row])), "LBL001")
    assert (f.expected, f.actual) == ("Melebihi Target", "Sesuai Target")


@quiet("LBL001")
def test_lbl001_quiet_on_consistent_labels():
    # 40 / 39 = 102,56 Melebihi; 22 / 22 = 100 Sesuai; 65 / 70 = 92,85 Tidak Mencapai
    row = ["", "Nilai Kriteria Perencanaan Kebutuhan Pegawai", "39", "40", "102,56", "Melebihi Target"]
    assert only(check(iku([row, SISTEM_INFO, KARIER, SAKIP])), "LBL001") == []


@fires("LBL002")
def test_lbl002_kategori_against_document_scale():
    # nilai akhir 84,48: 80 < X <= 100 is "Baik", printed "Istimewa"
    row = T31[2][:7] + ["Istimewa"]
    (f,) = only(check(t31([row]), scales={"kategori": SEED_KATEGORI}), "LBL002")
    assert (f.expected, f.actual) == ("Baik", "Istimewa")
    assert "84,48" in f.message


@quiet("LBL002")
def test_lbl002_skipped_without_scale():
    row = T31[2][:7] + ["Istimewa"]
    assert only(check(t31([row])), "LBL002") == []


def test_lbl002_config_scale_overrides_document():
    from lkip_audit.check.config import _scale

    other = _scale("kategori", [
        {"label": "Sangat Baik", "low": 91, "high": 100}, {"label": "Baik", "low": 76, "high": 90.99},
        {"label": "Cukup", "low": 66, "high": 75.99},
    ])
    row = T31[0][:7] + ["Sangat Baik"]  # a label the document's scale does not know: skipped
    assert only(check(t31([row]), scales={"kategori": SEED_KATEGORI}), "LBL002") == []
    # the configured scale knows it: 83,14 is in 76-90,99 "Baik"
    (f,) = only(check(t31([row]), scales={"kategori": SEED_KATEGORI}, kategori=other), "LBL002")
    assert (f.expected, f.actual) == ("Baik", "Sangat Baik") and "config" in f.message


# -- SUM001 / SUM002 ------------------------------------------------------------------


@fires("SUM001")
def test_sum001_jumlah_seed_3_50():
    # JUMLAH printed 23; 26 + 21 = 47
    rows = [["1.", "Pengawas ke Administrator", "26"], ["2.", "Pelaksana ke Pengawas", "21"], ["", "JUMLAH", "23"]]
    for fields in ({1: "uraian", 2: "jumlah"}, {1: "uraian"}):  # mapped, or an unmapped count column
        at = analyzed(["No", "Uraian", "Tahun 2024"], rows, fields, kind=KOMPOSISI, number="3.50", page=88,
                      rowinfo={2: {"role": TOTAL, "covers": [0, 1]}})
        (f,) = only(check(at), "SUM001")
        assert (f.expected, f.actual, f.row) == ("47", "23", "JUMLAH")
        assert "26 + 21" in f.message and f.detail["addends"] == [{"row": 0, "value": "26"}, {"row": 1, "value": "21"}]
        assert len(f.related) == 2


T363_HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "ANGGARAN TARGET", "ANGGARAN REALISASI", "ANGGARAN CAPAIAN KINERJA"]
T363 = [
    ["1.", "Meningkatnya Penyelenggaraan Pemerintah yang Akuntabel, Efektif dan Efisien", "Capaian SAKIP", "31.893.121.275,00", "30.928.017.329", "96,97"],
    ["2.", "Meningkatnya Profesionalisme SDM Aparatur", "Indeks Profesionalitas ASN", "444.246.100", "425.186.012,00", "95,70"],
    ["3.", "Meningkatnya Penerapanan Merit Sistem", "Indeks Merit Sistem", "6.614.251.452", "5.794.486.454", "87,60"],
    ["", "TOTAL", "BELANJA", "38.995.711.827", "37.147.689.795", "95,26"],
]


@fires("SUM001")
def test_sum001_total_anggaran_seed_3_63():
    # 31.893.121.275 + 444.246.100 + 6.614.251.452 = 38.951.618.827; printed 38.995.711.827
    # realisasi 30.928.017.329 + 425.186.012 + 5.794.486.454 = 37.147.689.795 as printed
    at = analyzed(T363_HEADER, T363, {1: "sasaran", 2: "indikator", 3: "anggaran", 4: "realisasi_rp", 5: "persen"},
                  kind=IKU, number="3.63", page=160, rowinfo={3: {"role": TOTAL, "label": "TOTAL BELANJA"}})
    fs = check(at)
    (f,) = only(fs, "SUM001")
    assert (f.expected, f.actual, f.column, f.row) == ("38.951.618.827", "38.995.711.827", "ANGGARAN TARGET", "TOTAL BELANJA")
    assert "31.893.121.275,00 + 444.246.100 + 6.614.251.452" in f.message
    # percentages: 30.928.017.329 / 31.893.121.275 = 96,97; 37.147.689.795 / 38.995.711.827 = 95,26
    assert only(fs, "PCT001") == []


@quiet("SUM001")
def test_sum001_quiet_on_seed_3_64():
    # 35.982.651.975 + 3.013.059.852 = 38.995.711.827; 34.152.383.478 + 2.995.306.317 = 37.147.689.795
    rows = [["1.", "BELANJA OPERASI", "35.982.651.975", "34.152.383.478", "94,91"],
            ["2.", "BELANJA MODAL", "3.013.059.852", "2.995.306.317", "99,41"],
            ["", "TOTAL BELANJA", "38.995.711.827", "37.147.689.795", "95,26"]]
    at = analyzed(["No", "URAIAN BELANJA", "RENCANA", "REALISASI ANGGARAN", "REALISASI %"], rows,
                  {1: "uraian", 2: "anggaran", 3: "realisasi_rp", 4: "persen"}, kind="belanja", number="3.64",
                  rowinfo={2: {"role": TOTAL}})  # covers left empty: the rows above it
    assert check(at) == []


T352_CHILDREN = [
    ["Peningkatan Kapasitas Kinerja ASN", "19 Orang", "21.983.400", "21.934.891", "99,78"],
    ["Pengelolaan Assessment Center", "1 Dokumen", "28.095.900", "27.626.828", "98,33"],
    ["Pengeloaan Administrasi Diklat dan Sertifikasi ASN", "2 Dokumen", "16.749.900", "14.711.284", "87,83"],
    ["Pengelolaan Pendidikan Lanjutan ASN", "1 Dokumen", "141.385.300", "129.382.279", "91,51"],
    ["Koordinasi dan Kerja Sama Pelaksanaan Diklat", "1 Dokumen", "73.409.100", "72.912.302", "99,32"],
    ["Fasilitasi Sertifikasi Jabatan ASN", "14 Orang", "118.784.400", "118.757.926", "99,98"],
    ["Evaluasi Diklat dan Sertifikasi Jabatan ASN", "1 Laporan", "22.032.800", "21.916.352", "99,47"],
    ["Penyusunan Administrasi Diklat dan Sertifikasi Jabatan Fungsional", "63 Orang", "21.844.000", "21.694.187", "99,31"],
    ["Koordinasi dan Kerja Sama Pelaksanaan Diklat Jabatan Fungsional", "1 Dokumen", "21.615.200", "20.052.609", "92,77"],
    ["Fasilitasi Sertifikasi Fungsional ASN", "7 Orang", "80.620.800", "80.606.202", "99,98"],
    ["Evaluasi Diklat dan Sertfikasi Pejabat Fungsional", "2 Laporan", "21.916.000", "21.433.919", "97,80"],
    ["Sosialisasi dan Penyebaran Informasi Jabatan Fungsional ASN", "4 Laporan", "95.238.500", "71.218.745", "74,78"],
    ["Pembinaan Jabatan Fungsional ASN", "605 Orang", "189.364.500", "182.593.546", "96,42"],
    ["Fasilitasi Pengembangan Karir dalam Jabatan Fungsional", "2 Dokumen", "140.699.130", "183.130.700", "99,73"],
    ["Evaluasi Pengembangan Jabatan Fungsional", "1 Laporan", "24.195.200", "23.616.098", "97,61"],
]


def parent_table(parent_row, children, number):
    rows = [parent_row] + [["", c[0], c[1], c[2], "100,00", c[3], c[4]] for c in children]
    n = len(children)
    info = {0: {"role": PARENT, "children": list(range(1, n + 1))}}
    info.update({i: {"level": 1, "parent": 0} for i in range(1, n + 1)})
    return rr(rows, number=number, rowinfo=info)


@fires("SUM002")
def test_sum002_parent_budget_seed_3_52():
    # anggaran: 21.983.400 + 28.095.900 + ... + 24.195.200 = 1.017.934.130 (printed 1.802.368.000,00)
    # realisasi: 21.934.891 + 27.626.828 + ... + 23.616.098 = 1.011.587.868 (printed 969.156.298)
    at = parent_table(["1.", "Pengembangan Kompetensi ASN", "100,00", "1.802.368.000,00", "100,00", "969.156.298", "95,17"],
                      T352_CHILDREN, "3.52")
    fs = only(check(at), "SUM002")
    assert [(f.column, f.expected, f.actual) for f in fs] == [
        ("RENCANA ANGGARAN", "1.017.934.130,00", "1.802.368.000,00"),
        ("REALISASI Rp", "1.011.587.868", "969.156.298"),
    ]
    assert fs[0].row == "Pengembangan Kompetensi ASN"
    assert "21.983.400 + 28.095.900" in fs[0].message and len(fs[0].related) == 15


T318_CHILDREN = [
    ["Penyusunan Dokumen Perencanaan Perangkat Daerah", "2 Dokumen", "515.404.357", "495.519.040", "96,14"],
    ["Koordinasi dan Penyusunan Dokumen RKA-SKPD", "2 Dokumen", "20.000.000", "19.916.666", "99,58"],
    ["Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "2 Dokumen", "20.000.000", "19.916.666", "99,58"],
    ["Koordinasi dan Penyusunan Dokumen DPA-SKPD", "2 Dokumen", "20.000.000", "19.916.666", "99,58"],
    ["Koordinasi dan Penyusunan Dokumen Perubahan DPA-SKPD", "2 Dokumen", "20.000.000", "19.916.666", "99,58"],
    ["Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "12 Laporan", "25.000.000", "24.883.144", "99,53"],
    ["Evaluasi Kinerja Perangkat Daerah", "4 Laporan", "208.400.000", "187.853.664", "90,14"],
]


@quiet("SUM002")
def test_sum002_seed_3_18_anggaran_adds_up():
    # anggaran 515.404.357 + 4 x 20.000.000 + 25.000.000 + 208.400.000 = 828.804.357 as printed
    # realisasi 495.519.040 + 4 x 19.916.666 + 24.883.144 + 187.853.664 = 787.922.512, printed 787.922.827
    at = parent_table(["1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "100,00", "828.804.357",
                       "100,00", "787.922.827", "95,07"], T318_CHILDREN, "3.18")
    fs = only(check(at), "SUM002")
    assert [(f.column, f.expected, f.actual) for f in fs] == [("REALISASI Rp", "787.922.512", "787.922.827")]


def test_sum_never_recomputes_from_a_malformed_addend():
    rows = [["", "Fasilitasi Kunjungan Tamu", "10 Laporan", "143.118.000,00", "100,00", "143.060.360", "99,96"],
            ["", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "10 Laporan", "282.650.900,00", "100,00", "282.101.14", "99,81"],
            ["", "JUMLAH", "", "425.768.900,00", "", "1", "99,86"]]
    at = rr(rows, rowinfo={2: {"role": TOTAL, "covers": [0, 1]}})
    fs = check(at)
    assert only(fs, "DQ001") and not [f for f in only(fs, "SUM001") if f.column == "REALISASI Rp"]


# -- DIF001 / DIF002 --------------------------------------------------------------------

KEB_HEADER = ["NO", "JABATAN", "KEBUTUHAN", "TERISI", "GAP"]
KEB_FIELDS = {1: "uraian", 2: "kebutuhan", 3: "terisi", 4: "gap"}


@fires("DIF001")
def test_dif001_gap_wrong():
    # 12 - 9 = 3; printed 2
    at = analyzed(KEB_HEADER, [["1.", "Analis Kepegawaian", "12", "9", "2"]], KEB_FIELDS, kind=KEBUTUHAN, number="2.3")
    (f,) = only(check(at), "DIF001")
    assert (f.expected, f.actual) == ("3", "2") and "12 - 9 = 3" in f.message


@quiet("DIF001", "BND003")
def test_dif001_quiet_and_negative_gap_allowed():
    # 12 - 9 = 3; 4 - 6 = -2 (surplus: a negative GAP is not a negative count)
    at = analyzed(KEB_HEADER, [["1.", "Analis Kepegawaian", "12", "9", "3"], ["2.", "Arsiparis", "4", "6", "-2"]],
                  KEB_FIELDS, kind=KEBUTUHAN, number="2.3")
    assert check(at) == []


PAGU_FIELDS = {1: "uraian", 2: "murni", 3: "perubahan", 4: "selisih"}
PAGU_ROW = ["", "TOTAL", "41.293.444.826,00", "38.995.711.827,00", "2.297.732.999,00"]


@quiet("DIF002")
def test_dif002_seed_berkurang_column_is_one_sided():
    # 41.293.444.826,00 - 38.995.711.827,00 = 2.297.732.999,00 under a "BERKURANG" heading
    at = analyzed(["NO", "PROGRAM/KEGIATAN/SUB KEGIATAN", "PAGU MURNI", "PAGU PERUBAHAN", "PAGU BERKURANG"], [PAGU_ROW],
                  PAGU_FIELDS, number=None, page=163)
    assert check(at) == []


@fires("DIF002")
def test_dif002_signed_column_wants_parentheses():
    # perubahan - murni = 38.995.711.827,00 - 41.293.444.826,00 = -2.297.732.999,00 -> (2.297.732.999,00)
    header = ["NO", "URAIAN", "MURNI", "PERUBAHAN", "BERTAMBAH/(BERKURANG)"]
    at = analyzed(header, [PAGU_ROW], PAGU_FIELDS, number=None, page=163)
    (f,) = only(check(at), "DIF002")
    assert (f.expected, f.actual) == ("(2.297.732.999,00)", "2.297.732.999,00")
    ok = analyzed(header, [PAGU_ROW[:4] + ["(2.297.732.999,00)"]], PAGU_FIELDS, number=None, page=163)
    assert check(ok) == []


# -- BND003 ---------------------------------------------------------------------------


@fires("BND003")
def test_bnd003_negative_count():
    at = analyzed(["Tahun", "Perempuan", "Laki-laki"], [["2024", "5390", "(12)"]], {0: "uraian"},
                  kind=KOMPOSISI, number="3.43", label_col=0)
    (f,) = only(check(at), "BND003")
    assert (f.actual, f.column, f.row) == ("(12)", "Laki-laki", "2024")


@quiet("BND003")
def test_bnd003_quiet_on_seed_3_43():
    at = analyzed(["Tahun", "Perempuan", "Laki-laki"], [["2024", "5390", "5302"]], {0: "uraian"},
                  kind=KOMPOSISI, number="3.43", label_col=0)
    assert check(at) == []


# -- DQ002 / DQ003 / DOC002 -----------------------------------------------------------------


@fires("DQ002")
def test_dq002_duplicated_row():
    row = ["", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "2 Dokumen", "20.000.000", "100,00", "19.916.666", "99,58"]
    (f,) = only(check(rr([row, list(row)], number="3.18")), "DQ002")
    assert f.severity == "warning" and f.row == "Koordinasi dan Penyusunan Dokumen RKA-SKPD"
    assert f.related and f.detail["first_row_index"] == 0


@quiet("DQ002")
def test_dq002_same_numbers_different_labels_seed_3_24():
    rows = [["", lab, "1 Dokumen", "20.800.000,00", "100,00", "20.707.217", "99,55"] for lab in (
        "Pendataan dan Pengolahan Administrasi Kepegawaian",
        "Koordinasi dan Pelaksanaan Sistem Informasi Kepegawaian",
        "Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai")]
    assert check(rr(rows, number="3.24")) == []  # 20.707.217 / 20.800.000 = 99,554 -> 99,55


@fires("DQ003")
def test_dq003_required_number_missing_or_text():
    rows = [["", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "12 Dokumen", "20.000.000", "100,00", "19.879.294", ""],
            ["", "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan", "1 Dokumen", "12.678.000", "100,00", "12.185.129", "12/05/2024"]]
    fs = only(check(rr(rows)), "DQ003")
    assert [(f.row, f.column, f.actual) for f in fs] == [
        ("Koordinasi dan Pelaksanaan Akuntansi SKPD", "REALISASI %", None),
        ("Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan", "REALISASI %", "12/05/2024"),
    ]
    assert "kosong" in fs[0].message and "bukan angka" in fs[1].message


@fires("DQ003")
def test_dq003_adapter_for_schema_issues():
    at = rr(T320)
    issue = SimpleNamespace(row=1, field="anggaran", column=3, problem="missing", text="")
    (f,) = findings_from_schema_issues(at, [issue])
    assert (f.rule, f.row, f.column, f.page, f.table) == (
        "DQ003", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "RENCANA ANGGARAN", 57, "3.20")
    by_label = SimpleNamespace(row="Koordinasi dan Pelaksanaan Akuntansi SKPD", field="persen", column="REALISASI %",
                               problem="not a number", text="??")
    (g,) = findings_from_schema_issues(at, [by_label])
    assert (g.row, g.column, g.actual) == ("Koordinasi dan Pelaksanaan Akuntansi SKPD", "REALISASI %", "??")


@quiet("DQ003")
def test_dq003_quiet_on_section_and_complete_rows():
    rows = [["2.", "Program Kepegawaian Daerah", "", "", "", ""], KARIER]
    assert check(iku(rows, rowinfo={0: {"role": SECTION}})) == []


@fires("DOC002")
def test_doc002_page_unchecked():
    fs = check(problems=[PageProblem(page=170, reason="image-only"), PageProblem(page=3, reason="damaged", detail="xref")],
               select=["DOC002"])
    assert [(f.rule, f.page, f.table, f.row, f.column) for f in fs] == [
        ("DOC002", 3, None, None, None), ("DOC002", 170, None, None, None)]
    assert "--ocr" in fs[1].message and "170" in fs[1].message and fs[1].severity == "info"
    (en,) = [f for f in check(problems=[PageProblem(page=170, reason="image-only")], lang="en", select=["DOC002"])]
    assert "--ocr" in en.message and "could not be checked" in en.message


@quiet("DOC002")
def test_doc002_quiet_without_problems():
    assert check() == []


@fires("DOC003")
def test_doc003_one_warning_naming_every_unchecked_page():
    probs = [PageProblem(page=p, reason="image-only") for p in (40, 41, 42, 7)] + [PageProblem(page=9, reason="timeout")]
    (f,) = only(check(problems=probs), "DOC003")
    assert (f.severity, f.page, f.actual) == ("warning", 7, "7, 9, 40-42")
    assert f.message.startswith("5 halaman tidak dapat diperiksa")
    assert "7, 40-42 (hasil pindai" in f.message and "--ocr" in f.message and "9 (waktu habis" in f.message


@quiet("DOC003")
def test_doc003_quiet_when_every_page_was_read():
    assert only(check(), "DOC003") == []


def test_dq001_skips_code_columns():
    # A KODE column holds account codes ("5.03", "4.1"), not amounts: no DQ001 there,
    # while the same malformed text in an amount column is reported.
    at = analyzed(["KODE", "URAIAN", "ANGGARAN"], [["5.03", "KEPEGAWAIAN", "900.00.0"]],
                  {1: "uraian", 2: "anggaran"}, number="L.1")
    found = only(check(at, select=["DQ001"]), "DQ001")
    assert [f.actual for f in found] == ["900.00.0"]


def test_dq002_same_item_under_two_parents_is_not_a_duplicate():
    # Seed Tabel 3.53: "Ilmu Hukum 1" listed under S2 and again under S1 (two study
    # levels), each indented under its own parent: not a duplicated row.
    from tests.tablefactory import make_table

    t = make_table(["No", "Uraian", "2024"],
                   [["b.", "S2", "3"], ["", "Ilmu Hukum", "1"], ["c.", "S1", "2"], ["", "Ilmu Hukum", "1"]],
                   number="3.53", indents={0: 3.0, 1: 12.0, 2: 3.0, 3: 12.0})
    from lkip_audit.understand import analyze_table

    found = only(check(analyze_table(t), select=["DQ002"]), "DQ002")
    assert found == []
    # The same row twice under one parent is a duplicate.
    t2 = make_table(["No", "Uraian", "2024"],
                    [["b.", "S2", "3"], ["", "Ilmu Hukum", "1"], ["", "Ilmu Hukum", "1"]],
                    number="3.53", indents={0: 3.0, 1: 12.0, 2: 12.0})
    assert [f.row for f in only(check(analyze_table(t2), select=["DQ002"]), "DQ002")] == ["Ilmu Hukum"]
