"""Tables copied from the seed report (../shared/seeds/000_b5fad5c8a9ade674.txt,
LKIP 2024 BKD Provinsi Banten), built with tests.tablefactory.make_table.

The seed's tab-separated text collapses empty cells, so cells are re-aligned to the
header here; texts and numbers are as printed. Some tables are shortened (a few rows
suffice), which is said where it happens.
"""

from __future__ import annotations

from tests.tablefactory import make_table


def t3_18():
    # Tabel 3.18, two header rows as printed (RENCANA / REALISASI spans), all rows.
    return make_table(
        [
            ["", "", "RENCANA", "", "REALISASI", "", ""],
            ["", "KEGIATAN/SUB KEGIATAN", "TARGET", "ANGGARAN", "FISIK", "Rp", "%"],
        ],
        [
            ["1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "100,00", "828.804.357", "100,00", "787.922.827", "95,07"],
            ["", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "2 Dokumen", "515.404.357", "100,00", "495.519.040", "96,14"],
            ["", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "2 Dokumen", "20.000.000", "100,00", "19.916.666", "99,58"],
            ["", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "2 Dokumen", "20.000.000", "100,00", "19.916.666", "99,58"],
            ["", "Koordinasi dan Penyusunan Dokumen DPA-SKPD", "2 Dokumen", "20.000.000", "100,00", "19.916.666", "99,58"],
            ["", "Koordinasi dan Penyusunan Dokumen Perubahan DPA-SKPD", "2 Dokumen", "20.000.000", "100,00", "19.916.666", "99,58"],
            ["", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "12 Laporan", "25.000.000", "100,00", "24.883.144", "99,53"],
            ["", "Evaluasi Kinerja Perangkat Daerah", "4 Laporan", "208.400.000", "100,00", "187.853.664", "90,14"],
        ],
        number="3.18",
        title="Rencana dan Realisasi Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah Tahun 2024",
        page=57,
    )


def t3_20_flat():
    # Tabel 3.20 with the header flattened the way the extractor reports Table.columns
    # (first four sub kegiatan rows only).
    return make_table(
        ["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN", "REALISASI FISIK", "REALISASI Rp", "REALISASI %"],
        [
            ["1.", "Administrasi Keuangan Perangkat Daerah", "100,00", "22.134.054.750", "100,00", "21.331.934.770", "96,38"],
            ["", "Penyediaan Gaji dan Tunjangan ASN", "87 Orang/Bulan", "21.577.670.000", "100,00", "20.813.698.871", "96,46"],
            ["", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "12 Dokumen", "381.109.750", "100,00", "351.037.405", "92,11"],
            ["", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "12 Dokumen", "20.000.000", "100,00", "19.879.294", "99,40"],
            ["", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "1 Laporan", "20.000.000", "100,00", "19.879.294", "99,24"],
        ],
        number="3.20",
        page=58,
    )


def t2_8():
    # Tabel 2.8 (Perjanjian Kinerja), shortened: IKU 1, program I with its indicator,
    # kegiatan 1 with two sub kegiatan, kegiatan 2 with one; IKU 2; program II with one
    # indicator and kegiatan 1 with two sub kegiatan; JUMLAH ANGGARAN. The numbering
    # markers sit in header-less columns, as in the seed.
    header = ["NO", "INDIKATOR KINERJA UTAMA", "", "PROGRAM/INDIKATOR KINERJA PROGRAM", "",
              "KEGIATAN/SUB KEGIATAN", "TARGET", "ANGGARAN", "PENANGGUNGJAWAB"]
    rows = [
        ["1.", "Capaian SAKIP (Sistem Akuntabilitas Kinerja Instansi Pemerintah) Perangkat Daerah", "", "", "", "", "70-80", "38.995.711.827", "Kepala BKD"],
        ["", "", "I.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI", "", "", "", "", ""],
        ["", "", "1.", "Persentase Ketercapaian dari Seluruh Kegiatan pada Program Penunjang Urusan Pemerintahan Daerah Provinsi", "", "", "100,00", "31.893.121.275", "Sekretaris"],
        ["", "", "", "", "1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "100", "828.804.357", ""],
        ["", "", "", "", "", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "2 Dokumen", "515.404.357", ""],
        ["", "", "", "", "", "Koordinasi dan Penyusunan Dokumen RKA- SKPD", "2 Dokumen", "20.000.000", ""],
        ["", "", "", "", "2.", "Administrasi Keuangan Perangkat Daerah", "100", "22.134.054.750,00", ""],
        ["", "", "", "", "", "Penyediaan Gaji dan Tunjangan ASN", "87 Orang/Bulan", "21.577.670.000,00", ""],
        ["2.", "Indeks Profesionalitas ASN (Kalifikasi, Kinerja dan Kedisiplinan)", "", "", "", "", "52,05", "", "Kepala BKD"],
        ["", "", "II.", "PROGRAM KEPEGAWAIAN DAERAH", "", "", "", "7.102.590.552,00", ""],
        ["", "", "1.", "Nilai Indeks Profesional ASN Dimensi Kedisiplinan", "", "", "4,98 Nilai", "", "Kepala Bidang Pengadaan, Pemberhentian, Kinerja dan Disiplin"],
        ["", "", "", "", "1.", "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN", "100", "4.241.826.360", ""],
        ["", "", "", "", "", "Perumusan Bahan Kebijakan Pengadaan ASN", "1 Dokumen", "27.000.000", ""],
        ["", "", "", "", "", "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK", "1 Dokumen", "560.441.160", ""],
        ["JUMLAH ANGGARAN", "", "", "", "", "", "", "38.995.711.827", ""],
    ]
    return make_table(header, rows, number="2.8", title="Perjanjian Kinerja Badan Kepegawaian Daerah Provinsi Banten Tahun 2024", page=40)


def t3_1():
    # Tabel 3.1 with the two header rows as printed (the first one OCR-garbled).
    return make_table(
        [
            ["NO", "CASADAN", "", "", "KATEGORI", "", "", ""],
            ["NO", "SASARAN", "TARGET (PERKIN PERUBAHAN)", "REALISASI", "CAPAIAN", "KOREKSI", "NILAI AKHIR", "KATEGORI"],
        ],
        [
            ["1.", "Meningkatnya Penyelenggaraan Pemerintah yang Akuntabel, Efektif dan Efisien", "70-80", "78,25", "97,81", "15", "83,14", "Baik"],
            ["2.", "Meningkatnya Profesionalisme SDM Aparatur", "52,05", "52,81", "101,46", "15", "86,24", "Baik"],
            ["3.", "Meningkatnya Penerapanan Merit Sistem", "332,5", "330,5", "99,39", "15", "84,48", "Baik"],
        ],
        number="3.1",
    )


def t3_2():
    # Tabel 3.2, header flattened.
    return make_table(
        ["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "TAHUN 2024 TARGET (PERKIN PERUBAHAN)", "TAHUN 2024 REALISASI",
         "TAHUN 2024 CAPAIAN", "TAHUN 2024 KOREKSI", "TAHUN 2024 NILAI AKHIR", "TAHUN 2024 KATEGORI"],
        [
            ["1.", "Meningkatnya Penyelenggaraan Pemerintah yang Akuntabel, Efektif dan Efisien", "Capaian SAKIP (Sistem Akuntabilitas Kinerja Instansi Pemerintah) Perangkat Daerah", "70-80", "78,25", "97,81", "15", "83,14", "Baik"],
            ["2.", "Meningkatnya Profesionalisme SDM Aparatur", "Indeks Profesionalitas ASN (Kalifikasi, Kinerja dan Kedisiplinan)", "52,05", "52,81", "101,46", "15", "86,24", "Baik"],
            ["3.", "Meningkatnya Penerapanan Merit Sistem", "Indeks Merit Sistem", "332,5", "330,5", "99,39", "15", "84,48", "Baik"],
        ],
        number="3.2",
    )


def t3_6():
    # Tabel 3.6, two header rows as printed (KINERJA / ANGGARAN spans; "UTAWA" typo kept).
    return make_table(
        [
            ["NO", "INDIKATOR KINERJA UTAMA", "TARGET RENSTRA/RPD", "KINERJA", "", "", "ANGGARAN", "", ""],
            ["", "UTAWA", "", "TARGET", "REALISASI", "CAPAIAN (%)", "ANGGARAN (Rp)", "REALISASI", "CAPAIAN (%)"],
        ],
        [
            ["1.", "Capaian SAKIP (Sistem Akuntabilitas Kinerja Instansi Pemerintah) Perangkat Daerah", "81,40", "70-80", "78,25", "97,81", "38.995.711.827", "37.147.689.795", "95,26"],
        ],
        number="3.6",
    )


def t3_16():
    # Tabel 3.16 (program rows label-only, indicator rows below them), shortened to
    # program 1 with its indicator and program 2 with three indicators. The seed's
    # header prints "PROGRAM" twice; the second is the indicator column.
    return make_table(
        ["NO", "PROGRAM", "INDIKATOR KINERJA PROGRAM", "TAHUN 2024 TARGET TAHUNAN",
         "TAHUN 2024 REALISASI FISIK TERHADAP TARGET TAHUNAN", "TAHUN 2024 NILAI CAPAIAN INDIKATOR KINERJA", "TINGKAT PENCAPAIAN"],
        [
            ["1.", "Program Penunjang Urusan Pemeritahan Daerah Provinsi", "", "", "", "", ""],
            ["", "", "Persentase Ketercapaian dari Seluruh Kegiatan pada Program Penunjang Urusan Pemerintahan Daerah Provinsi", "100,00", "100,00", "100,00", "Sesuai Target"],
            ["2.", "Program Kepegawaian Daerah", "", "", "", "", ""],
            ["", "", "Nilai Indeks Profesional ASN Dimensi Kedisiplinan", "4,98", "5", "99,60", "Tidak Mencapai Target"],
            ["", "", "Nilai Indeks Profesional ASN Dimensi Kinerja", "5", "25,61", "512,20", "Melebihi Target"],
            ["", "", "Nilai Indeks Profesional ASN Dimensi Kualifikasi", "18", "22,2", "123,33", "Melebihi Target"],
        ],
        number="3.16",
    )


def t3_17():
    # Tabel 3.17, first three rows (KEGIATAN and SUB KEGIATAN in separate columns).
    return make_table(
        ["NO", "KEGIATAN", "SUB KEGIATAN", "TARGET TAHUNAN", "REALISASI FISIK TERHADAP TARGET TAHUNAN",
         "NILAI CAPAIAN INDIKATOR KINERJA", "TINGKAT PENCAPAIAN"],
        [
            ["1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "", "100,00", "100,00", "100,00", "Sesuai Target"],
            ["", "", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "100,00", "100,00", "100,00", "Sesuai Target"],
            ["", "", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "100,00", "100,00", "100,00", "Sesuai Target"],
        ],
        number="3.17",
    )


def t3_40():
    # Tabel 3.40 (horizontal composition).
    return make_table(
        ["Tahun", "Struktural", "Fungsional Umum", "Fungsional Tertentu"],
        [["2024", "478", "3942", "6272"]],
        number="3.40",
    )


def t3_38():
    # Tabel 3.38 (horizontal composition by golongan), first eight golongan.
    return make_table(
        ["", "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d"],
        [["Tahun 2024", "0", "0", "12", "2", "77", "6", "291", "143"]],
        number="3.38",
    )


def t3_37():
    # Tabel 3.37 (Rekapitulasi Pensiun): dash items under row 1, JUMLAH at the end.
    return make_table(
        [["No", "Uraian", "2024", "2024"], ["", "", "Rencana", "Realisasi"]],
        [
            ["1", "Pensiun Batas Usia Pensiun (BUP)", "199", "199"],
            ["", "- Esselon I", "0", "0"],
            ["", "- Esselon II", "4", "4"],
            ["", "- Pelaksana", "0", "0"],
            ["2", "Pensiun Atas Permintaan Sendiri (APS)", "1", "0"],
            ["3", "Pensiun Meninggal Dunia Aktif (MDA)", "0", "56"],
            ["", "JUMLAH", "200", "269"],
        ],
        number="3.37",
    )


def t3_50():
    # Tabel 3.50, as printed (JUMLAH 23 although 26 + 21 = 47).
    return make_table(
        [["No", "Uraian", "Tahun"], ["", "", "2024"]],
        [
            ["1.", "Pengawas ke Administrator", "26"],
            ["2.", "Pelaksana ke Pengawas", "21"],
            ["", "JUMLAH", "23"],
        ],
        number="3.50",
    )


def t3_54():
    # Tabel 3.54, JUMLAH printed first (and empty), first five rows.
    return make_table(
        [["", "", "2024", "", ""], ["No", "Jabatan Fungsional", "Kebutuhan", "Terisi", "GAP"]],
        [
            ["", "JUMLAH", "", "", ""],
            ["1", "Pengelola Barang Jasa", "53", "28", "19"],
            ["2", "Pengawas Mutu Pakan", "24", "9", "9"],
            ["3", "Auditor", "128", "64", "55"],
            ["21", "Peneliti", "8", "22", "-14"],
        ],
        number="3.54",
    )


def t3_63():
    # Tabel 3.63 (kinerja and anggaran per sasaran, TOTAL | BELANJA row).
    return make_table(
        [
            ["", "", "", "CAPAIAN KINERJA TAHUN 2024", "", "", "ANGGARAN 2024", "", ""],
            ["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "TARGET TAHUNAN", "REALISASI FISIK TERHADAP TARGET TAHUNAN",
             "CAPAIAN KINERJA", "TARGET", "REALISASI", "CAPAIAN KINERJA"],
        ],
        [
            ["1.", "Meningkatnya Penyelenggaraan Pemerintah yang Akuntabel, Efektif dan Efisien", "Capaian SAKIP (Sistem Akuntabilitas Kinerja Instansi Pemerintah) Perangkat Daerah", "70-80", "78,25", "97,81", "31.893.121.275,00", "30.928.017.329", "96,97"],
            ["2.", "Meningkatnya Profesionalisme SDM Aparatur", "Indeks Profesionalit as ASN (Kalifikasi, Kinerja dan Kedisiplinan)", "52,05", "52,81", "101,46", "444.246.100", "425.186.012,00", "95,70"],
            ["3.", "Meningkatnya Penerapanan Merit Sistem", "Indeks Merit Sistem", "332,5", "330,5", "99,39", "6.614.251.452", "5.794.486.454", "87,60"],
            ["", "TOTAL", "BELANJA", "", "", "", "38.995.711.827", "37.147.689.795", "95,26"],
        ],
        number="3.63",
    )


def t3_64():
    # Tabel 3.64 (Realisasi Belanja), header as the second header row prints it, with
    # the OCR slips "UKAIAN" and "DENCANA" kept in the first header row.
    return make_table(
        [["NI.", "UKAIAN BELANJA", "DENCANA", "REALISASI", ""], ["No", "URAIAN BELANJA", "RENCANA", "REALISASI", "%"]],
        [
            ["1.", "BELANJA OPERASI", "35.982.651.975", "34.152.383.478", "94,91"],
            ["2.", "BELANJA MODAL", "3.013.059.852", "2.995.306.317", "99,41"],
            ["", "TOTAL BELANJA", "38.995.711.827", "37.147.689.795", "95,26"],
        ],
        number="3.64",
    )


def t_pagu():
    # The untitled table after Tabel 3.64 (PAGU MURNI / PERUBAHAN / BERKURANG), with a
    # sub header row of column numbers "1 2 3 4 5" left out.
    return make_table(
        [["NO", "PROGRAM/KEGIATAN/SUB KEGIATAN", "PAGU", "", ""], ["", "", "MURNI", "PERUBAHAN", "Bertambah/(Berkurang)"]],
        [["", "TOTAL", "41.293.444.826,00", "38.995.711.827,00", "2.297.732.999,00"]],
        number=None,
    )


def scale_tingkat():
    # The tingkat pencapaian scale (seed, near line 880).
    return make_table(
        ["Presentase", "Tingkat Pencapaian"],
        [["< 100", "Tidak Mencapai Target"], ["= 100", "Sesuai Target"], ["> 100", "Melebihi Target"]],
        number=None,
        page=45,
    )


def scale_predikat():
    # The predikat scale (seed, near line 886).
    return make_table(
        ["Nilai Kinerja Organisasi", "Predikat"],
        [
            ["X > 100%", "Istimewa"],
            ["80% < X < 100%", "Baik"],
            ["60% < X < 80%", "Butuh Perbaikan"],
            ["20% < X < 60%", "Kurang"],
            ["0% < X < 20%", "Sangat Kurang"],
        ],
        number=None,
        page=45,
    )


def scale_other_style():
    # The other band style the glossary quotes (other reports).
    return make_table(
        ["Skor", "Kategori"],
        [["91-100", "Sangat Baik"], ["76-90", "Baik"], ["66-75", "Cukup"], ["51-65", "Kurang"], ["<= 50", "Sangat Kurang"]],
        number=None,
    )
