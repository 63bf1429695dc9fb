"""Names that differ by a trailing qualifier (lkip_audit.understand.resolve._qualified), engineer h8."""

from __future__ import annotations

from lkip_audit.understand.resolve import _qualified


def test_a_trailing_qualifier_ties_two_names():
    assert _qualified("Ketersediaan Standar Operasional Prosedur",
                      "Ketersediaan Standar Operasional Prosedur terhadap kebutuhan")
    assert _qualified("3. Potensi objek penerimaan diluar pajak daerah dan retribusi daerah",
                      "8 Potensi objek penerimaan diluar pajak daerah dan retribusi daerah yang terpungut/diterima")


def test_other_additions_and_short_names_do_not():
    # an added item, not a qualifier
    assert not _qualified("Jumlah Potensi Wajib Pajak Kendaraan", "Jumlah Potensi Wajib Pajak Kendaraan Bermotor Roda Dua")
    # too short a name to be told apart from its qualified forms
    assert not _qualified("Jumlah Wajib Pajak", "Jumlah Wajib Pajak yang terdaftar")
    # a long qualifier is another item
    assert not _qualified("Ketersediaan Standar Operasional Prosedur",
                          "Ketersediaan Standar Operasional Prosedur yang telah diterapkan pada seluruh unit kerja")
    # the same name is no qualified form
    assert not _qualified("Ketersediaan Standar Operasional Prosedur", "Ketersediaan Standar Operasional Prosedur")


def test_a_leading_measure_word_or_a_trailing_bracket_ties_two_names():
    # bab_iii_lkip_2016.pdf p56 against p10 / p4 / p19 (names as printed)
    assert _qualified("Proporsi potensi wajib pajak yang terpungut", "Potensi wajib pajak yang terpungut")
    assert _qualified("Proporsi ketersediaan Standar Operasional Prosedur terhadap kebutuhan",
                      "Ketersediaan Standar Operasional Prosedur terhadap kebutuhan")
    assert _qualified("Penyampaian Laporan Kinerja Secara Tepat Waktu dan Tepat Data",
                      "Penyampaian laporan kinerja secara tepat waktu dan tepat data (bulanan, triwulanan, "
                      "semesteran dan tahunan)")
    # a measure word before a short name is not enough
    assert not _qualified("Persentase temuan SPI", "Temuan SPI")


def test_two_different_brackets_are_not_told_apart():
    # bab_iii_lkip_2016.pdf p3 "(diluar dana DAK)" and p22 "(diluar dana BOS)": not tied by this rule
    assert not _qualified("Proporsi PAD terhadap Pendapatan Daerah (diluar dana BOS)",
                          "Proporsi PAD terhadap pendapatan daerah (diluar dana DAK)")
    assert not _qualified("Persentase penduduk miskin di wilayah perkotaan (kota)",
                          "Persentase penduduk miskin di wilayah perkotaan (desa)")
    # one measure word more on one side, the same bracket on both
    assert _qualified("Proporsi aparatur yang telah mengikuti pendidikan formal (S1)",
                      "Aparatur yang telah mengikuti pendidikan formal (S1)")
