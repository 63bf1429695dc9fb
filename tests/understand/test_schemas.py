"""pandera data-quality schemas per table kind (seed tables: seed_tables.py)."""

from decimal import Decimal as D

from lkip_audit.understand import analyze_table, validate
from lkip_audit.understand.model import IKU, RENCANA_REALISASI
from lkip_audit.understand.schemas import SPECS, SchemaIssue, schema_for, to_frame
from tests.tablefactory import make_table
from tests.understand import seed_tables as S


def issues(table):
    return [(i.row, i.field, i.column, i.problem) for i in validate(analyze_table(table))]


def test_clean_seed_tables_have_no_issues():
    for build in (S.t3_18, S.t3_20_flat, S.t2_8, S.t3_1, S.t3_2, S.t3_6, S.t3_16, S.t3_17,
                  S.t3_37, S.t3_50, S.t3_54, S.t3_63, S.t3_64, S.t_pagu, S.t3_40):
        assert validate(analyze_table(build())) == [], build.__name__


def test_frame_one_row_per_body_row():
    at = analyze_table(S.t3_18())
    df = to_frame(at)
    assert list(df.index) == list(range(8))
    assert df.loc[0, "anggaran"] == D("828804357")
    assert df.loc[1, "target"] == D("2") and df.loc[1, "target__text"] == "2 Dokumen"
    assert df.loc[0, "persen__kind"] == "number"
    assert bool(df.loc[0, "_required"]) is True


def test_frame_skips_sections_and_marks_totals():
    at = analyze_table(S.t3_16())
    assert list(to_frame(at).index) == [1, 3, 4, 5]  # program rows are label-only sections
    df = to_frame(analyze_table(S.t3_64()))
    assert df.loc[2, "_role"] == "total" and bool(df.loc[2, "_required"]) is False


def test_grouped_columns_get_grouped_names():
    df = to_frame(analyze_table(S.t3_6()))
    assert {"capaian@KINERJA", "persen@ANGGARAN", "realisasi_rp@ANGGARAN"} <= set(df.columns)


def test_rencana_realisasi_problems():
    t = make_table(
        ["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN", "REALISASI FISIK", "REALISASI Rp", "REALISASI %"],
        [
            ["1.", "Pengembangan Kompetensi ASN", "100,00", "1.802.368.000,00", "100,00", "969.156.298", "95,17"],
            ["", "Peningkatan Kapasitas Kinerja ASN", "19 Orang", "21.983.400", "100,00", "", "99,78"],
            ["", "Pengelolaan Assessment Center", "1 Dokumen", "0.5.000.500", "100,00", "27.626.828", "98,33"],
            ["", "Sosialisasi dan Penyebaran", "4 Laporan", "95.238.500", "100,00", "71.218.745", "12/05/2024"],
            ["", "Pembinaan Jabatan Fungsional ASN", "605 Orang", "(189.364.500)", "100,00", "182.593.546", "96,42"],
        ],
    )
    at = analyze_table(t)
    assert at.kind == RENCANA_REALISASI
    got = issues(t)
    assert (1, "realisasi_rp", 5, "missing") in got
    assert (2, "anggaran", 3, "malformed") in got
    assert (2, "anggaran", 3, "missing") not in got  # reported once, as malformed
    assert (3, "persen", 6, "not a number") in got
    assert (4, "anggaran", 3, "out_of_range") in got
    assert len(got) == 4
    by_row = {i.row: i for i in validate(at)}
    assert by_row[3].text == "12/05/2024" and by_row[1].text == ""
    assert "group" in SchemaIssue.__dataclass_fields__


def test_iku_requires_target_and_realisasi():
    t = make_table(
        ["NO", "SASARAN", "TARGET", "REALISASI", "CAPAIAN", "KOREKSI", "NILAI AKHIR", "KATEGORI"],
        [
            ["1.", "Meningkatnya Penyelenggaraan Pemerintah", "70-80", "", "97,81", "15", "83,14", "Baik"],
            ["2.", "Meningkatnya Profesionalisme SDM Aparatur", "52,05", "52,81", "101,46", "115", "86,24", "Baik"],
        ],
    )
    assert analyze_table(t).kind == IKU
    assert issues(t) == [(0, "realisasi", 3, "missing"), (1, "koreksi", 5, "out_of_range")]


def test_negative_gap_is_allowed_negative_count_is_not():
    t = make_table(
        ["No", "Jabatan Fungsional", "Kebutuhan", "Terisi", "GAP"],
        [["21", "Peneliti", "8", "22", "-14"], ["22", "Perencana", "-61", "23", "38"]],
    )
    assert issues(t) == [(1, "kebutuhan", 2, "out_of_range")]


def test_schema_per_kind_is_declarative():
    assert SPECS[IKU].required == ("target", "realisasi")
    assert SPECS[RENCANA_REALISASI].required == ("anggaran", "realisasi_rp")
    sch = schema_for(RENCANA_REALISASI, ["anggaran", "realisasi_rp"])
    assert sch is not None and sch.name == RENCANA_REALISASI
    assert schema_for("other") is None
    assert schema_for("skala") is None


def test_printed_dash_is_not_missing():
    # "-": the report states there is no national target (sample Tabel 3.9)
    t = make_table(
        ["NO", "INDIKATOR KINERJA UTAMA", "REALISASI KABUPATEN 2024", "TARGET NASIONAL 2024", "CAPAIAN TERHADAP TARGET NASIONAL (%)"],
        [["1.", "Angka Kematian Ibu (AKI)", "85,62", "183", "153,21"], ["3.", "Indeks Mutu Layanan Puskesmas", "84,35", "-", "-"],
         ["4.", "Nilai SAKIP", "81,25", "", ""]],
    )
    assert issues(t) == [(2, "target", 3, "missing")]
