"""Column mapping by header text (tables copied from the seed: see seed_tables.py)."""

import pytest

from lkip_audit.understand.columns import map_columns
from tests.tablefactory import make_table
from tests.understand import seed_tables as S


def fields(table):
    roles, _ = map_columns(table)
    return {r.index: (r.field, r.group) for r in roles}


@pytest.mark.parametrize(
    "label, field",
    [
        ("RENCANA ANGGARAN", "anggaran"),
        ("REALISASI Rp", "realisasi_rp"),
        ("REALISASI %", "persen"),
        ("REALISASI FISIK", "fisik"),
        ("RENCANA TARGET", "target"),
        ("TAHUN 2024 NILAI CAPAIAN INDIKATOR KINERJA", "capaian"),
        ("REALISASI TAHUN 2023 CAPAIAN (%)", "capaian"),
        ("TARGET (PERKIN PERUBAHAN)", "target"),
        ("REALISASI FISIK TERHADAP TARGET TAHUNAN", "realisasi"),
        ("ANGGARAN (Rp)", "anggaran"),
        ("KOREKSI", "koreksi"),
        ("NILAI AKHIR", "nilai_akhir"),
        ("KATEGORI", "kategori"),
        ("TINGKAT PENCAPAIAN", "tingkat"),
        ("Kebutuhan", "kebutuhan"),
        ("Terisi", "terisi"),
        ("GAP", "gap"),
        ("JUMLAH", "jumlah"),
        ("Murni", "murni"),
        ("Perubahan", "perubahan"),
        ("Bertambah/(Berkurang)", "selisih"),
        ("TARGET RENSTRA/RPD", "target_renstra"),
        ("PAGU ANGGARAN", "anggaran"),
        ("KEGIATAN/SUB KEGIATAN", "uraian"),
        ("SUB KEGIATAN", "sub_kegiatan"),
        ("INDIKATOR KINERJA UTAMA", "indikator"),
        ("SASARAN", "sasaran"),
        ("NO", "no"),
        # robustness: case, spacing, hyphenation, typos seen in the seed
        ("rencana   anggaran", "anggaran"),
        ("RENCA- NA ANGGA-\nRAN", "anggaran"),
        ("INDIKATOR KINERJA UTAWA", "indikator"),
        ("UKAIAN BELANJA", "uraian"),
        ("Tingkat  Pencapaian", "tingkat"),
        ("KEBUTUHAN ", "kebutuhan"),
    ],
)
def test_single_label(label, field):
    t = make_table(["NO", label], [["1.", "Indeks Merit Sistem"]])
    assert fields(t)[1][0] == field


def test_rencana_realisasi_spans_from_header_rows():
    # Tabel 3.18: RENCANA / REALISASI spans over TARGET ANGGARAN / FISIK Rp %
    assert fields(S.t3_18()) == {
        0: ("no", None),  # header-less column of "1." markers
        1: ("uraian", None),
        2: ("target", None),
        3: ("anggaran", None),
        4: ("fisik", None),
        5: ("realisasi_rp", None),
        6: ("persen", None),
    }


def test_rencana_realisasi_flat_labels():
    f = fields(S.t3_20_flat())
    assert [f[i][0] for i in range(7)] == ["no", "uraian", "target", "anggaran", "fisik", "realisasi_rp", "persen"]


def test_kinerja_anggaran_groups():
    # Tabel 3.6: the anggaran-side CAPAIAN (%) is persen, its REALISASI is realisasi_rp
    f = fields(S.t3_6())
    assert f[1] == ("indikator", None)  # "INDIKATOR KINERJA UTAMA" / "UTAWA"
    assert f[2] == ("target_renstra", None)
    assert f[3] == ("target", "KINERJA")
    assert f[4] == ("realisasi", "KINERJA")
    assert f[5] == ("capaian", "KINERJA")
    assert f[6] == ("anggaran", "ANGGARAN")
    assert f[7] == ("realisasi_rp", "ANGGARAN")
    assert f[8] == ("persen", "ANGGARAN")


def test_kinerja_anggaran_groups_flat():
    t = make_table(
        ["NO", "INDIKATOR KINERJA UTAMA", "KINERJA TARGET", "KINERJA REALISASI", "KINERJA CAPAIAN (%)",
         "ANGGARAN ANGGARAN (Rp)", "ANGGARAN REALISASI", "ANGGARAN CAPAIAN (%)"],
        [["1.", "Indeks Merit Sistem", "332,5", "330,5", "99,39", "7.102.590.552", "6.783.424.991", "92,01"]],
    )
    f = fields(t)
    assert f[4] == ("capaian", "KINERJA")
    assert f[6] == ("realisasi_rp", "ANGGARAN")
    assert f[7] == ("persen", "ANGGARAN")


def test_year_groups():
    # Tabel 3.3 / 3.5: REALISASI TAHUN 2023 and REALISASI TAHUN 2024 spans
    t = make_table(
        [
            ["NO", "INDIKATOR KINERJA", "TARGET RENSTRA/RPD", "REALISASI TAHUN 2023", "", "", "REALISASI TAHUN 2024", "", ""],
            ["", "UTAMA", "", "TARGET", "REALISASI", "CAPAIAN (%)", "TARGET", "REALISASI", "CAPAIAN (%)"],
        ],
        [["1.", "Capaian SAKIP (Sistem Akuntabilitas Kinerja Instansi Pemerintah) OPD", "81,40", "81,20", "83,54", "102,88", "70-80", "78,25", "97,81"]],
    )
    f = fields(t)
    assert f[1] == ("indikator", None)
    assert f[3] == ("target", "2023") and f[6] == ("target", "2024")
    assert f[4] == ("realisasi", "2023") and f[7] == ("realisasi", "2024")
    assert f[5] == ("capaian", "2023") and f[8] == ("capaian", "2024")


def test_iku_with_koreksi_garbled_first_header_row():
    # Tabel 3.1: the OCR-garbled first header row ("CASADAN", "KATEGORI" over CAPAIAN)
    # must not override the real header below it
    f = fields(S.t3_1())
    assert [f[i][0] for i in range(8)] == [
        "no", "sasaran", "target", "realisasi", "capaian", "koreksi", "nilai_akhir", "kategori"]


def test_belanja_rencana_realisasi_by_content():
    f = fields(S.t3_64())
    assert [f[i][0] for i in range(5)] == ["no", "uraian", "anggaran", "realisasi_rp", "persen"]


def test_rencana_realisasi_counts_are_target():
    # Tabel 3.37: "Rencana" / "Realisasi" of counts are not money
    f = fields(S.t3_37())
    assert f[2] == ("target", "2024") and f[3] == ("realisasi", "2024")


def test_sasaran_anggaran_capaian_kinerja():
    # Tabel 3.63: CAPAIAN KINERJA under "ANGGARAN 2024" is the budget percentage
    f = fields(S.t3_63())
    assert f[5] == ("capaian", "KINERJA")
    assert f[6] == ("anggaran", "ANGGARAN")
    assert f[7] == ("realisasi_rp", "ANGGARAN")
    assert f[8] == ("persen", "ANGGARAN")


def test_pagu_murni_perubahan():
    f = fields(S.t_pagu())
    assert [f[i][0] for i in (1, 2, 3, 4)] == ["uraian", "murni", "perubahan", "selisih"]


def test_kebutuhan_terisi_gap():
    f = fields(S.t3_54())
    assert [f[i][0] for i in range(5)] == ["no", "uraian", "kebutuhan", "terisi", "gap"]


def test_unknown_column_is_noted_not_guessed():
    roles, notes = map_columns(S.t2_8())
    assert 8 not in {r.index for r in roles}  # PENANGGUNGJAWAB
    assert any("PENANGGUNGJAWAB" in n and "unmapped" in n for n in notes)


def test_notes_say_how():
    _, notes = map_columns(S.t3_18())
    assert any("col 5" in n and "realisasi_rp" in n and "REALISASI" in n for n in notes)
    assert any("col 0" in n and "by content" in n for n in notes)


def test_position_alone_does_not_map():
    # same values, headers in another order: the mapping follows the headers
    t = make_table(["NO", "KEGIATAN/SUB KEGIATAN", "REALISASI Rp", "RENCANA ANGGARAN", "REALISASI %"],
                   [["1.", "Administrasi Keuangan", "21.331.934.770", "22.134.054.750", "96,38"]])
    f = fields(t)
    assert f[2][0] == "realisasi_rp" and f[3][0] == "anggaran" and f[4][0] == "persen"


def test_year_leaves_under_a_value_span():
    # a Renstra target table: "TARGET KINERJA TAHUN" spanning 2021 ... 2024
    t = make_table(
        [["NO", "INDIKATOR KINERJA UTAMA", "TARGET KINERJA TAHUN", "", "", ""], ["", "", "2021", "2022", "2023", "2024"]],
        [["1.", "Angka Kematian Ibu (AKI)", "115", "108", "103", "98"]],
    )
    f = fields(t)
    # four years of targets and no realisation: the medium-term plan, each year its group
    assert [f[i] for i in (2, 3, 4, 5)] == [
        ("target_renstra", "2021"), ("target_renstra", "2022"), ("target_renstra", "2023"), ("target_renstra", "2024")]


def test_year_targets_beside_a_realisation_stay_targets():
    # targets for several years next to the year's realisation: the year's target is a target
    t = make_table(
        [["NO", "INDIKATOR", "TARGET", "", "", "REALISASI"], ["", "", "2022", "2023", "2024", "2024"]],
        [["1.", "Angka Kematian Ibu (AKI)", "108", "103", "98", "97"]],
    )
    f = fields(t)
    assert f[4] == ("target", "2024") and f[5][0] == "realisasi"


def test_year_printed_over_the_middle_column_of_each_block():
    # the extractor attached "TAHUN 2022" to the REALISASI column only
    t = make_table(
        ["NO", "INDIKATOR KINERJA UTAMA", "TARGET", "TAHUN 2022 REALISASI", "CAPAIAN (%)", "TARGET", "TAHUN 2023 REALISASI", "CAPAIAN (%)"],
        [["1.", "Angka Kematian Ibu (AKI)", "108", "111,83", "96,45", "103", "103,24", "99,77"]],
    )
    f = fields(t)
    assert [f[i] for i in range(2, 8)] == [("target", "2022"), ("realisasi", "2022"), ("capaian", "2022"),
                                           ("target", "2023"), ("realisasi", "2023"), ("capaian", "2023")]


def test_quarter_sub_columns_are_groups():
    t = make_table(
        [["NO", "SUB KEGIATAN", "TARGET", "", "", "REALISASI", "", ""], ["", "", "TW I", "TW II", "JUMLAH", "TW I", "TW II", "JUMLAH"]],
        [["1.", "Penyediaan Gaji", "6", "6", "12", "6", "6", "12"]],
    )
    f = fields(t)
    assert f[2] == ("target", "TW I") and f[4] == ("target", "JUMLAH") and f[7] == ("realisasi", "JUMLAH")


def test_sisa_anggaran_is_not_anggaran():
    t = make_table(["NO", "PROGRAM/KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%", "SISA ANGGARAN (Rp)"],
                   [["I.", "Program Penunjang", "70.470.255.000", "68.976.251.985", "97,88", "1.494.003.015"]])
    f = fields(t)
    assert [f[i][0] for i in range(1, 6)] == ["uraian", "anggaran", "realisasi_rp", "persen", "selisih"]


def test_target_capaian_is_the_target():
    # "Target Capaian" is the target to achieve; "Capaian" alone the achievement
    t = make_table(["NO", "INDIKATOR KINERJA", "TARGET CAPAIAN", "REALISASI", "CAPAIAN (%)"],
                   [["1.", "Persentase A", "80", "84", "105"]])
    f = fields(t)
    assert f[2][0] == "target" and f[4][0] == "capaian"


def test_draft_plan_figures_are_their_own_group():
    # a draft RKPD's pagu indikatif is another stage than the year's anggaran
    t = make_table(
        [["NO", "PROGRAM/KEGIATAN", "RANCANGAN AWAL RKPD", "HASIL ANALISA KEBUTUHAN"],
         ["", "", "Pagu Indikatif (Rp. 000)", "Pagu Indikatif (Rp. 000)"]],
        [["1", "Pengembangan Agribisnis Buah-buahan", "2.500.000", "2.400.000"]],
    )
    f = fields(t)
    assert f[2] == ("anggaran", "RKPD") and f[3] == ("anggaran", "RKPD")


def test_capaian_between_two_years_realisations_names_the_years():
    # "Perbandingan Realisasi 2016 terhadap 2015": no target, the capaian compares years
    t = make_table(
        [["NO", "INDIKATOR KINERJA", "TAHUN 2015", "TAHUN 2016", "CAPAIAN KINERJA (%)"],
         ["", "", "REALISASI", "REALISASI", ""]],
        [["1", "Pertumbuhan Industri Manufaktur", "6,12", "6,20", "101,32"]],
    )
    f = fields(t)
    assert f[2] == ("realisasi", "2015") and f[3] == ("realisasi", "2016")
    assert f[4] == ("capaian", "2015 2016")


def test_capaian_on_the_targets_scale_is_the_realisation():
    # "Target | Capaian" where Capaian holds the value achieved (16.542 against 16.478),
    # not a percentage: targets of very different sizes, capaian close to each
    rows = [["1", "Jumlah Koperasi Aktif", "16.478", "16.542"], ["2", "Jumlah UMKM", "267", "267"],
            ["3", "Persentase Omzet", "5", "5"], ["4", "Persentase Kredit", "21", "19,7"]]
    f = fields(make_table(["NO", "INDIKATOR", "TARGET", "CAPAIAN"], rows))
    assert f[2][0] == "target" and f[3][0] == "realisasi"
    # percentages around 100 against the same targets stay capaian
    pct = [r[:3] + [v] for r, v in zip(rows, ["100,39", "100", "100", "93,81"])]
    f = fields(make_table(["NO", "INDIKATOR", "TARGET", "CAPAIAN"], pct))
    assert f[3][0] == "capaian"
