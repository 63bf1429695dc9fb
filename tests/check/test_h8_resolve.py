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
