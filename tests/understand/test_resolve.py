"""Entity resolution across tables (lkip_audit/understand/resolve.py).

Names are copied from the seed report (Tabel 2.8, 3.52, 3.56, 3.65 of
../shared/seeds/000_b5fad5c8a9ade674.txt).
"""

from __future__ import annotations

from lkip_audit.understand.model import PARENT, Understanding
from lkip_audit.understand.resolve import explain_matches, normalise, resolve, similar

from tests.check.helpers import analyzed

HEADER = ["NO", "KEGIATAN", "SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN"]
FIELDS = {0: "no", 1: "kegiatan", 2: "sub_kegiatan", 3: "target", 4: "anggaran"}


def kegiatan_table(kegiatan, subs, number, page):
    """A kegiatan row and its sub kegiatan rows (hierarchy given, as understand sets it)."""
    rows = [["1.", kegiatan, "", "100", "1.000.000"]] + [["", "", s, "1 Dokumen", "10.000"] for s in subs]
    info = {0: {"kind": "kegiatan", "role": PARENT, "children": list(range(1, len(subs) + 1))}}
    for i in range(1, len(subs) + 1):
        info[i] = {"kind": "sub_kegiatan", "parent": 0, "level": 2}
    return analyzed(HEADER, rows, FIELDS, number=number, page=page, rowinfo=info, label_col=None)


def entity_of(res, at, row):
    return res.entity_at(at.table.id, row)


def test_similar_names_of_different_sub_kegiatan_stay_apart():
    # Tabel 2.8 / 3.52 list both; one differs by a typo ("Sertfikasi") AND by words
    # ("Jabatan ASN" vs "Pejabat Fungsional"): two items.
    subs = ["Evaluasi Diklat dan Sertifikasi Jabatan ASN", "Evaluasi Diklat dan Sertfikasi Pejabat Fungsional"]
    a = kegiatan_table("Pengembangan Kompetensi ASN", subs, "2.8", 20)
    b = kegiatan_table("Pengembangan Kompetensi ASN", subs, "3.52", 67)
    res = resolve(Understanding(tables=[a, b], scales={}))
    assert entity_of(res, a, 1) is not entity_of(res, a, 2)
    assert entity_of(res, a, 1) is entity_of(res, b, 1)
    assert entity_of(res, a, 2) is entity_of(res, b, 2)
    assert [o.tie for o in entity_of(res, a, 2).occurrences] == ["first", "exact"]


def test_case_and_spacing_differences_are_the_same_item():
    # Tabel 2.8 "Pengelolaan Pemberian Penghargaan Bagi Pegawai" vs "... bagi Pegawai";
    # the extraction also breaks words ("Pengharga an").
    a = kegiatan_table("Penilaian dan Evaluasi Kinerja Aparatur", ["Pengelolaan Pemberian Penghargaan Bagi Pegawai"], "2.8", 21)
    b = kegiatan_table("Penilaian dan Evaluasi Kinerja Aparatur", ["Pengelolaan Pemberian Pengharga an bagi Pegawai"], "3.56", 75)
    res = resolve(Understanding(tables=[a, b], scales={}))
    e = entity_of(res, a, 1)
    assert e is entity_of(res, b, 1)
    assert e.occurrences[1].tie == "normalised"


def test_small_typo_is_tied_fuzzily_with_its_score():
    # "Pengeloaan" (Tabel 3.52) vs "Pengelolaan": one letter missing.
    a = kegiatan_table("Pengembangan Kompetensi ASN", ["Pengelolaan Administrasi Diklat dan Sertifikasi ASN"], "2.8", 20)
    b = kegiatan_table("Pengembangan Kompetensi ASN", ["Pengeloaan Administrasi Diklat dan Sertifikasi ASN"], "3.52", 67)
    res = resolve(Understanding(tables=[a, b], scales={}))
    e = entity_of(res, a, 1)
    assert e is entity_of(res, b, 1)
    o = e.occurrences[1]
    assert o.tie == "fuzzy" and 95 < o.score < 100
    lines = explain_matches(res)
    assert any("fuzzy" in line and "3.52" in line for line in lines)


def test_same_name_under_different_parents_are_different_items():
    a = kegiatan_table("Administrasi Umum Perangkat Daerah", ["Evaluasi Kinerja"], "2.8", 17)
    b = kegiatan_table("Administrasi Keuangan Perangkat Daerah", ["Evaluasi Kinerja"], "3.20", 33)
    res = resolve(Understanding(tables=[a, b], scales={}))
    assert entity_of(res, a, 1) is not entity_of(res, b, 1)
    assert entity_of(res, a, 1).occurrences[0].parent == "Administrasi Umum Perangkat Daerah"


def test_similar_rejects_digit_changes_and_short_names():
    assert not similar(normalise("Laporan Tahun 2023"), normalise("Laporan Tahun 2024"))[0]
    assert not similar(normalise("Program A"), normalise("Program B"))[0]
    assert similar(normalise("Nilai Kriteria Pengembangan Karier"), normalise("Nilai Kriteria Pengembangan Karir"))[0]


def test_header_word_read_as_a_row_is_no_item():
    # bkd-word-grid-bersih p17/p21: a header line "KINERJA" read as a row of the PK's continuation
    # pieces; two such rows are not one item with two targets.
    a = kegiatan_table("KINERJA", ["Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi"], "2.8", 17)
    res = resolve(Understanding(tables=[a], scales={}))
    assert entity_of(res, a, 0) is None
    assert entity_of(res, a, 1) is not None


def test_value_columns_name_the_year_and_the_stage():
    # BKD sample: Tabel 3.2 (p24) prints KATEGORI beside NILAI AKHIR (the label of the nilai akhir 86,24:
    # "Baik"), Tabel 3.15 (p29) beside the capaian (101,46); the RELATIONS.md of the oracle leaves the
    # two unpaired. And a column headed "Realisasi 2023" is last year's in a 2024 report.
    from lkip_audit.understand.resolve import value_columns

    hdr = ["NO", "INDIKATOR", "TARGET", "CAPAIAN", "NILAI AKHIR", "KATEGORI", "Realisasi 2023"]
    flds = {0: "no", 1: "indikator", 2: "target", 3: "capaian", 4: "nilai_akhir", 5: "kategori", 6: "realisasi"}
    t32 = analyzed(hdr, [["2.", "Indeks Profesionalitas ASN", "52,05", "101,46", "86,24", "Baik", "50"]], flds,
                   number="3.2", page=24)
    keys = set(value_columns(t32, 2024))
    assert ("kategori", "?NILAI AKHIR") in keys and ("realisasi", "2023") in keys
    assert ("target", None) in keys and ("capaian", None) in keys


def test_percentage_without_budget_columns_is_not_a_budget_percentage():
    # lkip_bp3iptek_2016 p40: "Target % Realisasi" (the kinerja's, 200 = 40 / 20 x 100) in a table with no
    # budget column; Tabel 3.3 p56 "% Penyerapan Anggaran" names the budget itself.
    from lkip_audit.understand.resolve import value_columns

    p40 = analyzed(["Indikator", "Target", "Target Realisasi", "Target % Realisasi"],
                   [["Prosentase Hasil Riset dan IPTEK", "20", "40", "200"]],
                   {0: "indikator", 1: "target", 2: "realisasi", 3: "persen"}, number=None, page=40)
    p56 = analyzed(["Indikator", "% Capaian Kinerja", "% Penyerapan Anggaran"],
                   [["Prosentase Hasil Riset dan IPTEK", "200", "94,3"]],
                   {0: "indikator", 1: "capaian", 2: "persen"}, number="3.3", page=56)
    assert ("persen", None) not in value_columns(p40, 2016)
    assert ("persen", None) in value_columns(p56, 2016)
