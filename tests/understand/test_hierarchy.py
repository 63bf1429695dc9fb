"""Row roles and the program > kegiatan > sub kegiatan tree (seed tables: seed_tables.py)."""

from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import BODY, PARENT, SECTION, TOTAL
from tests.tablefactory import make_table
from tests.understand import seed_tables as S


def rows(at):
    return {r.index: r for r in at.rows}


def test_kegiatan_parent_of_sub_kegiatan_3_18():
    at = analyze_table(S.t3_18())
    r = rows(at)
    assert r[0].role == PARENT and r[0].kind == "kegiatan" and r[0].level == 1
    assert r[0].children == list(range(1, 8))
    for i in range(1, 8):
        assert r[i].role == BODY and r[i].parent == 0 and r[i].kind == "sub_kegiatan" and r[i].level == 2
    assert r[0].label == "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    assert r[7].label == "Evaluasi Kinerja Perangkat Daerah"


def test_kegiatan_parent_3_20_flat_header():
    r = rows(analyze_table(S.t3_20_flat()))
    assert r[0].role == PARENT and r[0].children == [1, 2, 3, 4]


def test_separate_kegiatan_and_sub_kegiatan_columns_3_17():
    r = rows(analyze_table(S.t3_17()))
    assert r[0].role == PARENT and r[0].children == [1, 2]
    assert r[1].label == "Penyusunan Dokumen Perencanaan Perangkat Daerah"


def test_perjanjian_kinerja_tree_2_8():
    r = rows(analyze_table(S.t2_8()))
    # IKU rows stand alone
    assert r[0].kind == "iku" and r[0].parent is None and r[0].role == BODY
    assert r[8].kind == "iku" and r[8].parent is None
    # program I: label only, its indicator row carries the program's budget
    assert r[1].kind == "program" and r[1].role == SECTION and r[1].level == 0
    assert r[1].children == [3, 6] and r[1].indicators == [2]
    assert r[2].kind == "indikator" and r[2].parent == 1 and 2 not in r[1].children
    # kegiatan > sub kegiatan
    assert r[3].kind == "kegiatan" and r[3].level == 1 and r[3].role == PARENT and r[3].children == [4, 5]
    assert r[4].kind == "sub_kegiatan" and r[4].level == 2 and r[4].parent == 3
    assert r[6].children == [7]
    # program II carries its own budget
    assert r[9].kind == "program" and r[9].role == PARENT and r[9].children == [11] and r[9].indicators == [10]
    assert r[11].children == [12, 13]
    # JUMLAH ANGGARAN sums the programs (program I through its indicator row)
    assert r[14].role == TOTAL and r[14].label == "JUMLAH ANGGARAN"
    assert r[14].covers == [2, 9]


def test_program_sections_with_indicator_rows_3_16():
    r = rows(analyze_table(S.t3_16()))
    assert r[0].role == SECTION and r[0].kind == "program" and r[0].indicators == [1]
    assert r[1].role == BODY and r[1].parent == 0 and r[1].kind == "indikator"
    assert r[2].role == SECTION and r[2].indicators == [3, 4, 5]
    assert all(r[i].parent == 2 for i in (3, 4, 5))


def test_flat_iku_rows():
    r = rows(analyze_table(S.t3_2()))
    assert all(x.role == BODY and x.parent is None and not x.children for x in r.values())
    assert r[2].label == "Indeks Merit Sistem"  # the indicator, not the sasaran


def test_total_covers_rows_above_3_50():
    r = rows(analyze_table(S.t3_50()))
    assert r[2].role == TOTAL and r[2].covers == [0, 1]
    assert r[0].role == BODY and r[1].role == BODY


def test_total_printed_first_3_54():
    r = rows(analyze_table(S.t3_54()))
    assert r[0].role == TOTAL and r[0].covers == [1, 2, 3, 4]


def test_total_spread_over_cells_3_63():
    r = rows(analyze_table(S.t3_63()))
    assert r[3].role == TOTAL and r[3].label == "TOTAL BELANJA" and r[3].covers == [0, 1, 2]


def test_total_belanja_3_64():
    r = rows(analyze_table(S.t3_64()))
    assert r[2].role == TOTAL and r[2].covers == [0, 1]


def test_total_covers_top_rows_only_3_37():
    r = rows(analyze_table(S.t3_37()))
    assert r[0].role == PARENT and r[0].children == [1, 2, 3]  # "- Esselon I" items
    assert r[6].role == TOTAL and r[6].covers == [0, 4, 5]


def test_total_words():
    for label in ("JUMLAH", "TOTAL", "Jumlah", "JUMLAH ANGGARAN", "Total Belanja", "Jumlah :"):
        t = make_table(["NO", "URAIAN", "JUMLAH"], [["1", "A", "1"], ["2", "B", "2"], ["", label, "3"]])
        assert rows(analyze_table(t))[2].role == TOTAL, label
    t = make_table(["NO", "URAIAN", "JUMLAH"], [["1", "Jumlah Dokumen Perencanaan", "1"], ["2", "B", "2"]])
    assert rows(analyze_table(t))[0].role == BODY


def test_grand_total_over_subtotals():
    t = make_table(
        ["NO", "URAIAN", "JUMLAH"],
        [["1", "A", "1"], ["", "JUMLAH I", "1"], ["1", "B", "2"], ["2", "C", "3"], ["", "JUMLAH II", "5"], ["", "TOTAL", "6"]],
    )
    r = rows(analyze_table(t))
    assert r[1].covers == [0] and r[4].covers == [2, 3] and r[5].covers == [1, 4]


def test_sections_with_letter_items():
    # Tabel 3.58 style: roman sections, lettered items; the section's JUMLAH covers the items
    t = make_table(
        ["NO", "", "Uraian", "Usulan"],
        [
            ["I.", "", "Pemberian Satyalancana", ""],
            ["", "a.", "Masa Kerja 30 Tahun", "248"],
            ["", "b.", "Masa Kerja 20 Tahun", "244"],
            ["II.", "", "Pemberian Cuti Pegawai", ""],
            ["", "a.", "Cuti Tahunan", "1187"],
            ["", "", "JUMLAH", "1679"],
        ],
    )
    r = rows(analyze_table(t))
    assert r[0].role == SECTION and r[0].children == [1, 2]
    assert r[3].role == SECTION and r[3].children == [4]
    assert r[5].covers == [1, 2, 4]


def test_bold_marks_parents():
    t = make_table(
        ["URAIAN", "ANGGARAN", "REALISASI Rp"],
        [["Administrasi Umum", "300", "290"], ["Penyediaan A", "100", "90"], ["Penyediaan B", "200", "200"],
         ["Administrasi Keuangan", "50", "50"], ["Penyediaan C", "50", "50"]],
        bold_rows={0, 3},
    )
    r = rows(analyze_table(t))
    assert r[0].role == PARENT and r[0].children == [1, 2]
    assert r[3].role == PARENT and r[3].children == [4]


def test_indent_marks_children():
    t = make_table(
        ["URAIAN", "ANGGARAN"],
        [["Administrasi Umum", "300"], ["Penyediaan A", "100"], ["Penyediaan B", "200"]],
        indents={0: 2.0, 1: 14.0, 2: 14.5},
    )
    r = rows(analyze_table(t))
    assert r[0].children == [1, 2] and r[1].level == 1


def test_nomenclature():
    t = make_table(
        ["URAIAN", "ANGGARAN"],
        [["Program Kepegawaian Daerah", "300"], ["Kegiatan Mutasi dan Promosi ASN", "300"],
         ["Sub Kegiatan Pengelolaan Mutasi ASN", "100"], ["Sub Kegiatan Pengelolaan Promosi ASN", "200"]],
    )
    r = rows(analyze_table(t))
    assert [r[i].kind for i in range(4)] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]
    assert r[0].children == [1] and r[1].children == [2, 3]
    assert [r[i].level for i in range(4)] == [0, 1, 2, 2]


def test_numbers_as_last_resort():
    # no numbering, bold, indent or nomenclature: the sums tell the parent
    t = make_table(
        ["URAIAN", "ANGGARAN"],
        [["Perencanaan", "828.804.357"], ["Penyusunan Dokumen", "515.404.357"], ["Evaluasi", "313.400.000"],
         ["Lainnya", "5"]],
    )
    at = analyze_table(t)
    r = rows(at)
    assert r[0].role == PARENT and r[0].children == [1, 2]
    assert r[3].parent is None
    assert any("last resort" in n for n in at.notes)


def test_flat_list_stays_flat():
    r = rows(analyze_table(S.t3_54()))
    assert all(r[i].parent is None and not r[i].children for i in range(1, 5))


def test_lower_is_better():
    t = make_table(
        ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN", "KETERANGAN"],
        [
            ["1.", "Angka Kematian Ibu", "80", "90", "87,50", ""],
            ["2.", "Prevalensi Stunting", "14", "12", "114,29", ""],
            ["3.", "Persentase kasus disiplin yang diselesaikan", "100", "100", "100", ""],
            ["4.", "Jumlah pelanggaran disiplin", "10", "8", "120", "semakin rendah semakin baik"],
            ["5.", "Tingkat pengangguran terbuka (-)", "5", "6", "80", ""],
            ["6.", "Indeks Merit Sistem", "332,5", "330,5", "99,39", ""],
        ],
    )
    at = analyze_table(t)
    assert at.lower_is_better == {0, 1, 3, 4}


def test_lower_is_better_terms_configurable():
    t = make_table(["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI"], [["1.", "Waktu tunggu layanan", "10", "8"]])
    from lkip_audit.understand import analyze_table as at_

    assert at_(t).lower_is_better == set()
    assert at_(t, lower_is_better_terms=[r"\bwaktu tunggu\b"]).lower_is_better == {0}


def test_program_row_inside_kegiatan_sub_kegiatan_column():
    # a rencana-realisasi table whose first row is the program ("I. Program ...")
    t = make_table(
        ["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN (Rp)", "REALISASI FISIK (%)", "REALISASI Rp", "REALISASI %"],
        [
            ["I.", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "", "", "", "", ""],
            ["1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "100,00", "382.575.000", "100,00", "348.116.849", "90,99"],
            ["", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "1 Dokumen", "185.400.000", "100,00", "172.245.684", "92,90"],
            ["", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "2 Dokumen", "42.750.000", "100,00", "39.505.959", "92,41"],
        ],
    )
    at = analyze_table(t)
    r = rows(at)
    assert [r[i].kind for i in range(4)] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]
    assert r[0].role == SECTION and r[0].children == [1]
    assert r[1].role == PARENT and r[1].children == [2, 3]
    assert at.col("fisik").index == 4


# -- siblings taken for parent and children (issue #11) ------------------------------


def test_number_of_the_sasaran_does_not_make_its_first_kegiatan_a_parent():
    # lakip_2016_update_22_juni_2017.pdf p23 Tabel II.4 (figures as printed): "1." numbers the
    # sasaran in column 2, and its two kegiatan are siblings; the JUMLAH is all of them:
    # 350.000.000 + 189.575.000 + 250.000.000 + 700.000.000 = 1.489.575.000
    t = make_table(
        ["No.", "Sasaran Strategis", "Program/ Kegiatan", "Anggaran (Rp)"],
        [
            ["1.", "Adanya kesesuaian rencana dengan realisasi", "Kegiatan Evaluasi dan Estimasi Kegiatan APBD", "350.000.000,-"],
            ["", "", "Kegiatan Asistensi RKA/DPA SKPD", "189.575.000,-"],
            ["2.", "Meningkatnya Prosentase Kepatuhan Kab/Kota", "Kegiatan Pemanfaatan Pelaporan Sismontep", "250.000.000,-"],
            ["", "", "Kegiatan Penguatan Bidang Ekonomi dan Pembangunan", "700.000.000,-"],
            ["JUMLAH", "", "", "1.489.575.000,-"],
        ],
        indents={0: 5.3, 1: 5.3, 2: 5.3, 3: 5.3},
    )
    r = rows(analyze_table(t))
    assert all(r[i].parent is None and not r[i].children for i in range(4))
    assert r[4].role == TOTAL and r[4].covers == [0, 1, 2, 3]


def test_outline_numbers_give_the_tree():
    # lkip_2016_bab_1_s_d_3.pdf p28: 2.2 BELANJA LANGSUNG = 2.2.1 + 2.2.2 + 2.2.3
    # (305.980.000 + 6.344.207.992 + 1.914.303.508 = 8.564.491.500); 2.2.3.2-2.2.3.5 are
    # Belanja Modal's children (527.415.500 + 1.297.243.208 + 14.875.000 + 74.769.800 =
    # 1.914.303.508), not BELANJA LANGSUNG's
    t = make_table(
        ["No.", "URAIAN", "Anggaran Setelah Perubahan"],
        [
            ["2.2", "BELANJA LANGSUNG", "8,564,491,500.00"],
            ["2.2.1", "Belanja Pegawai", "305,980,000.00"],
            ["2.2.2", "Balanja Barang dan Jasa", "6,344,207,992.00"],
            ["2.2.3", "Belanja Modal", "1,914,303,508.00"],
            ["2.2.3.2", "Belanja Peralatan dan Mesin", "527,415,500.00"],
            ["2.2.3.3", "Belanja Gedung dan Bangunan", "1,297,243,208.00"],
            ["2.2.3.4", "Belanja Jalan, Irigasi dan Jaringan", "14,875,000.00"],
            ["2.2.3.5", "Belanja Aset Tetap Lainnya", "74,769,800.00"],
        ],
        bold_rows={0},
    )
    r = rows(analyze_table(t))
    assert r[0].children == [1, 2, 3]
    assert r[3].children == [4, 5, 6, 7]


def test_jumlah_in_capitals_is_not_a_parent_of_the_rows_below():
    # bab_iii_lkip_2016.pdf p10: JUMLAH PKB 10.057.120 = 1.471.455 + 6.996 + 353.711 + 30 +
    # 8.224.928 (the rows above it); APER and PAJAK BAHAN BAKAR KB below it are items 2 and 3
    t = make_table(
        ["NO", "URAIAN", "REALISASI"],
        [
            ["1", "PKB", ""],
            ["", "SEDAN, JEEP, STATION WAGON", "1.471.455"],
            ["", "BUS, MIKRO BUS", "6.996"],
            ["", "TRUCK, PICK UP", "353.711"],
            ["", "ALAT BERAT", "30"],
            ["", "SEPEDA MOTOR, SCOOTER", "8.224.928"],
            ["JUMLAH PKB", "", "10.057.120"],
            ["2", "APER", "785"],
            ["3", "PAJAK BAHAN BAKAR KB", "23"],
        ],
        bold_rows={6},
    )
    r = rows(analyze_table(t))
    # what "JUMLAH PKB" sums is not known from its label (bab_iii.pdf p18 prints a
    # "TOTAL APBD" of the whole budget above a few kegiatan): it closes the rows above
    # and is nobody's parent
    assert r[6].role != PARENT and not r[6].children and r[6].parent is None
    assert r[7].parent is None and r[8].parent is None


def test_caps_total_naming_its_label_column_is_a_total():
    # lkip_bp3akb_2016.pdf p31: "JUMLAH ANGGARAN PENDUKUNG (SEKRETARIAT)" under the label
    # column "Uraian Program dan Kegiatan Pendukung (Sekretariat)" names the table's own rows
    t = make_table(
        ["No", "Uraian Program dan Kegiatan Pendukung (Sekretariat)", "Target Anggaran"],
        [
            ["H", "Program Pengembangan Kompetensi Aparatur", "232.700.000"],
            ["1.", "Pembinaan dan Pengembangan Aparatur BP3APKKB", "232.700.000"],
            ["I", "Program Peningkatan Kesejahteraan Sumber Daya", "568.645.000"],
            ["1.", "Peningkatan Kesejahteraan dan Kemampuan Aparatur", "568.645.000"],
            ["", "JUMLAH ANGGARAN PENDUKUNG (SEKRETARIAT)", "801.345.000"],
        ],
        bold_rows={0, 2, 4},
    )
    r = rows(analyze_table(t))
    assert r[4].role == TOTAL and sorted(r[4].covers) == [0, 2]


def test_child_larger_than_its_parent_is_its_sibling():
    # bab_iii_lkip_2016.pdf p55: "Belanja" 749.048.702.944 = JUMLAH BELANJA LANGSUNG
    # 406.955.460.454 + Belanja Tidak Langsung 342.093.242.490: the grand total, printed
    # indented under Belanja Tidak Langsung, cannot be its child
    t = make_table(
        ["NO", "URAIAN", "ANGGARAN"],
        [
            ["", "Belanja Langsung", "406.955.460.454"],
            ["", "Belanja Tidak Langsung", "342.093.242.490"],
            ["", "Belanja", "749.048.702.944"],
        ],
        indents={0: 5.4, 1: 5.4, 2: 15.4},
    )
    r = rows(analyze_table(t))
    assert r[2].parent is None and not r[1].children and r[1].role == BODY


def test_row_numbered_like_the_programs_is_a_program():
    # lkip_bp3akb_2016.pdf p65 Tabel 3.2b: "A Program Perencanaan ..." 712,500,000 over its
    # one kegiatan "1 Perencanaan, Pengendalian dan Evaluasi BP3AKB" 712,500,000; "B Penataan
    # Administrasi Kependudukan" (no word "Program", numbered like A and C) is program B,
    # not a child of A: A's children add up to 712,500,000 alone
    t = make_table(
        ["NO", "PROGRAM/KEGIATAN", "ANGGARAN (Rp)"],
        [
            ["A", "Program Perencanaan Pengendalian Pengawasan Pembangunan Daerah", "712,500,000"],
            ["1", "Perencanaan, Pengendalian dan Evaluasi BP3AKB", "712,500,000"],
            ["B", "Penataan Administrasi Kependudukan", "1,032,525,000"],
            ["1", "Pengendalian Kependudukan", "1,032,525,000"],
            ["C", "Program Peningkatan Peran Serta dan Kesetaraan Gender", "810,000,000"],
            ["1", "Jejaring Kelembagaan dan Partisipasi", "810,000,000"],
        ],
    )
    r = rows(analyze_table(t))
    assert r[0].children == [1] and r[2].children == [3] and r[4].children == [5]
    assert r[2].parent is None and r[2].kind == "program"


def test_program_not_a_child_of_a_kegiatan_and_kegiatan_named_program_stays_a_kegiatan():
    # lkip_distan_2016.pdf p67/p73-76 (RKPD appendix, Rp. 000): "B. Program Peningkatan ..."
    # follows kegiatan 1 of program A and is program B, not the kegiatan's child;
    # kegiatan "16 Program Pelayanan Administrasi ..." is numbered like the kegiatan of
    # program C (12-18), so it stays under C
    t = make_table(
        ["No", "Program/Kegiatan", "Pagu Indikatif (Rp. 000)"],
        [
            ["A.", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "400.000"],
            ["1", "Koordinasi Perencanaan Pembangunan", "400.000"],
            ["B.", "Program Peningkatan Kesejahteraan Sumber Daya Aparatur", "675.000"],
            ["2", "Peningkatan Kesejahteraan dan Kemampuan Aparatur", "675.000"],
            ["C.", "Program Pelayanan Administrasi Perkantoran", "1.488.810"],
            ["15", "Penyelenggaraan Administrasi Perkantoran BP Mekanisasi", "1.000.000"],
            ["16", "Program Pelayanan Administrasi Perkantoran BPSB", "488.810"],
        ],
        bold_rows={0, 2, 4},
    )
    r = rows(analyze_table(t))
    assert r[0].children == [1] and r[2].parent is None and r[2].children == [3]
    assert r[4].children == [5, 6]
