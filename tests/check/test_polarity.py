"""Polarity of indicators (issue #12.1): a polarity column, the report's sentences, the same
indicator in another table, and only as a hint the name. Each row keeps its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import Understanding
from lkip_audit.understand.polarity import assign, load_vocabulary, sentence_polarity
from tests.tablefactory import make_table

IKU_HDR = ["NO", "INDIKATOR KINERJA UTAMA", "POLARITAS", "TARGET", "REALISASI", "CAPAIAN (%)"]
PROG_HDR = ["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN (%)", "TINGKAT PENCAPAIAN"]


@dataclass
class S:
    text: str
    page: int = 6


def _doc(*tables):
    return Document(path="x.pdf", sha256="0" * 64, page_count=40, pages=[], tables=list(tables))


def test_vocabulary_is_data():
    voc = load_vocabulary()
    assert any(p.search("Angka Kematian Bayi") for p in voc["lower_is_better"])
    assert any(p.search("Prevalensi Balita Stunting") for p in voc["lower_is_better"])
    assert any(p.search("Persentase penurunan angka kematian") for p in voc["not_lower"])


def test_polarity_column_in_one_table_reaches_the_other():
    # Tabel 3.1 (IKU) has a POLARITAS column; Tabel 3.5 (indicators, no such column) lists
    # the same "Tingkat fluktuasi harga barang pokok" with target 5,00, realisasi 4,60 and
    # capaian 108,00 = (2 x 5,00 - 4,60) / 5,00 x 100, right for a lower-is-better indicator.
    iku = make_table(IKU_HDR, [
        ["1.", "Tingkat fluktuasi harga barang pokok", "Negatif", "5,00", "4,60", "108,00"],
        ["2.", "Nilai SAKIP Perangkat Daerah", "Positif", "80", "72,50", "90,63"],
    ], number="3.1", page=20)
    prog = make_table(PROG_HDR, [
        ["1.", "Tingkat fluktuasi harga barang pokok", "5,00", "4,60", "108,00", "Melebihi Target"],
    ], number="3.5", page=25)
    prog.id = "p25-t1"
    doc = _doc(iku, prog)
    ats = [analyze_table(iku), analyze_table(prog)]
    # alone, the program table knows nothing: 4,60 / 5,00 x 100 = 92,00 != 108,00
    assert ats[1].lower_is_better == set()
    assign(doc, ats)
    assert ats[0].polarity[0].evidence == "column" and ats[0].polarity[0].lower
    assert ats[0].polarity[1].evidence == "column" and not ats[0].polarity[1].lower
    assert ats[1].polarity[0].evidence == "table" and ats[1].lower_is_better == {0}
    found = run_checks(doc, Understanding(tables=ats, scales={}), CheckConfig())
    assert [f for f in found if f.rule in ("CAP001", "CAP002", "LBL001")] == []


def test_sentence_names_lower_is_better_indicators():
    t = make_table(PROG_HDR, [
        ["1.", "Angka Kematian Ibu", "98", "85,62", "112,63", "Melebihi Target"],
        ["2.", "Persentase Balita Ditimbang", "90", "85", "94,44", "Tidak Mencapai Target"],
        ["3.", "Tingkat fluktuasi harga barang pokok", "5,00", "4,60", "108,00", "Melebihi Target"],
    ], number="3.4", page=7)
    at = analyze_table(t)
    sents = [
        S("Angka Kematian Ibu dan Tingkat fluktuasi harga barang pokok merupakan indikator yang bersifat "
          "semakin rendah semakin baik, sedangkan Persentase Balita Ditimbang semakin tinggi semakin baik."),
    ]
    pol = sentence_polarity(sents, [at])
    assert pol[(t.id, 0)].lower and pol[(t.id, 0)].evidence == "sentence"
    assert pol[(t.id, 2)].lower
    assert not pol[(t.id, 1)].lower  # the nearest statement to its name says higher


def test_inverse_formula_sentence_and_footnote():
    t = make_table(PROG_HDR, [
        ["1.", "Tingkat gangguan jaringan dan sistem", "1,6", "1,37", "116,79", "Melebihi Target"],
        ["2.", "Jumlah pengaduan masyarakat *)", "40", "32", "120,00", "Melebihi Target"],
    ], number="3.7", page=16)
    at = analyze_table(t)
    sents = [
        # the inverse form: 1,6 / 1,37 x 100 = 116,788 -> 116,79
        S("Capaian Tingkat gangguan jaringan dan sistem dihitung dengan rumus target / realisasi x 100%.", 16),
        S("*) semakin rendah semakin baik", 16),
    ]
    pol = sentence_polarity(sents, [at])
    assert pol[(t.id, 0)].lower and "rumus" in pol[(t.id, 0)].source
    assert pol[(t.id, 1)].lower and "footnote" in pol[(t.id, 1)].source


def test_name_is_only_a_hint_and_a_stated_polarity_wins():
    # "Prevalensi stunting" is lower-is-better by name, but a POLARITAS column saying
    # "Positif" overrules the name
    t = make_table(IKU_HDR, [
        ["1.", "Prevalensi stunting", "", "20", "18", "110,00"],
        ["2.", "Prevalensi pemberian ASI eksklusif", "Positif", "60", "66", "110,00"],
    ], number="3.1", page=20)
    at = analyze_table(t)
    assert at.polarity[0].evidence == "name" and at.polarity[0].lower
    assert at.polarity[1].evidence == "column" and not at.polarity[1].lower
    assert at.lower_is_better == {0}


def test_a_listed_set_of_lower_is_better_indicators():
    # "Indikator yang bersifat semakin rendah semakin baik yaitu:" followed by a list; the
    # capaian are (2 x 12 - 10) / 12 x 100 = 116,67 and (2 x 20 - 15) / 20 x 100 = 125,00
    t = make_table(PROG_HDR, [
        ["1.", "Angka Kematian Bayi per 1000 KH", "12", "10", "116,67", "Melebihi Target"],
        ["2.", "Persentase Desa Terpapar Banjir", "20", "15", "125,00", "Melebihi Target"],
        ["3.", "Persentase Balita Ditimbang", "90", "85", "94,44", "Tidak Mencapai Target"],
    ], number="3.4", page=7)
    at = analyze_table(t)
    sents = [
        S("Indikator yang bersifat semakin rendah semakin baik yaitu:"),
        S("a. Angka Kematian Bayi per 1000 KH;"),
        S("b. Persentase Desa Terpapar Banjir."),
        S("Persentase Balita Ditimbang mencapai 85%."),
    ]
    for s in sents[1:3]:
        s.bullet = True
    pol = sentence_polarity(sents, [at])
    assert pol[(t.id, 0)].lower and pol[(t.id, 1)].lower and "list" in pol[(t.id, 1)].source
    assert (t.id, 2) not in pol


def _check(doc, ats, sents=None):
    assign(doc, ats, sents)
    return run_checks(doc, Understanding(tables=ats, scales={}), CheckConfig())


def test_mark_named_inside_a_sentence():
    # samples/wild/kutipan-1hal p1: "indikator bertanda *) semakin rendah semakin baik." above
    # Tabel 3; row "Tingkat fluktuasi harga barang kebutuhan pokok *)": target 5,00, realisasi
    # 4,60, capaian 92,00. As lower-is-better: (2 x 5,00 - 4,60) / 5,00 x 100 = 108,00 and
    # 5,00 / 4,60 x 100 = 108,70; 92,00 is neither (4,60 / 5,00 x 100 = 92,00 is the
    # higher-is-better formula): a CAP002 finding.
    t = make_table(PROG_HDR, [
        ["1.", "Pertumbuhan nilai ekspor non migas", "8,00", "6,20", "77,50", "Tidak Mencapai Target"],
        ["2.", "Tingkat fluktuasi harga barang kebutuhan pokok *)", "5,00", "4,60", "92,00", "Tidak Mencapai Target"],
    ], number="3", page=1)
    at = analyze_table(t)
    sents = [S("Capaian Indikator Kinerja Utama Tahun 2023 disajikan dalam tabel berikut; indikator "
               "bertanda *) semakin rendah semakin baik.", 1)]
    found = _check(_doc(t), [at], sents)
    assert at.lower_is_better == {1} and at.polarity[1].evidence == "sentence"
    cap2 = [f for f in found if f.rule == "CAP002"]
    assert [(f.row_index, f.actual, f.expected, f.severity) for f in cap2] == [(1, "92,00", "108,00", "error")]


def test_the_stated_lower_formula_is_the_one_used():
    # Row 1: target 16, realisasi 13, capaian 123,08 = 16 / 13 x 100 (123,077);
    # (2 x 16 - 13) / 16 x 100 = 118,75. Row 2: target 40, realisasi 32,
    # capaian 120,00 = (2 x 40 - 32) / 40 x 100; 40 / 32 x 100 = 125,00.
    rows = [
        ["1.", "Tingkat gangguan jaringan dan sistem", "16", "13", "123,08", "Melebihi Target"],
        ["2.", "Tingkat keterlambatan layanan", "40", "32", "120,00", "Melebihi Target"],
    ]
    both = "Indikator Tingkat gangguan jaringan dan sistem dan Tingkat keterlambatan layanan merupakan indikator yang semakin rendah semakin baik."
    # no formula stated: either formula is accepted, no finding
    t = make_table(PROG_HDR, rows, number="3.7", page=16)
    at = analyze_table(t)
    assert [f for f in _check(_doc(t), [at], [S(both, 16)]) if f.rule == "CAP002"] == []
    # the report states (2 x target - realisasi) / target x 100 for its lower-is-better
    # indicators: row 1's 123,08 fits only the other formula -> CAP002, expected 118,75
    t = make_table(PROG_HDR, rows, number="3.7", page=16)
    at = analyze_table(t)
    sents = [S(both, 16), S("Capaian indikator yang bersifat semakin rendah semakin baik dihitung dengan rumus "
                            "Capaian = ((2 x Target) - Realisasi) / Target x 100%.", 11)]
    found = [f for f in _check(_doc(t), [at], sents) if f.rule == "CAP002"]
    assert [(f.row_index, f.actual, f.expected) for f in found] == [(0, "123,08", "118,75")]
    assert at.polarity[0].formula == "2t-r" and "hal. 11" in found[0].message
    # the inverse form stated: row 2's 120,00 fits only (2T - R) / T -> CAP002, expected 125,00
    t = make_table(PROG_HDR, rows, number="3.7", page=16)
    at = analyze_table(t)
    sents = [S(both, 16), S("Capaian indikator yang semakin rendah semakin baik dihitung dengan rumus "
                            "target / realisasi x 100%.", 11)]
    found = [f for f in _check(_doc(t), [at], sents) if f.rule == "CAP002"]
    assert [(f.row_index, f.actual, f.expected) for f in found] == [(1, "120,00", "125,00")]


def test_one_stated_formula_makes_the_indicators_higher_is_better():
    # BKD Banten p23: "Capaian Kinerja = (Realisasi / Target) x 100%", and no indicator said to
    # be lower-is-better. Tabel 3.16: target 4,98, realisasi 5, capaian 99,60, "Tidak Mencapai
    # Target": 5 / 4,98 x 100 = 100,40 (Melebihi Target). 99,60 happens to equal
    # (2 x 4,98 - 5) / 4,98 x 100 = 99,598, but the report states its one formula: an error,
    # not an info that doubts the polarity.
    t = make_table(PROG_HDR, [
        ["1.", "Nilai Indeks Profesional ASN Dimensi Kedisiplinan", "4,98", "5", "99,60", "Tidak Mencapai Target"],
        ["2.", "Nilai Kriteria Perencanaan Kebutuhan Pegawai", "39", "40", "102,56", "Melebihi Target"],
    ], number="3.16", page=29)
    at = analyze_table(t)
    sents = [S("Pengukuran kinerja tersebut menggunakan rumus sebagai berikut:", 23),
             S("Capaian Kinerja = (Realisasi / Target) x 100%", 23)]
    found = _check(_doc(t), [at], sents)
    assert at.polarity[0].evidence == "document" and not at.polarity[0].lower
    got = sorted((f.rule, f.row_index, f.expected, f.severity) for f in found if f.rule in ("CAP001", "LBL001"))
    assert got == [("CAP001", 0, "100,40", "error"), ("LBL001", 0, "Melebihi Target", "error")]
    # without that sentence the polarity is not stated: the same findings are info
    t2 = make_table(PROG_HDR, [r.texts() for r in t.rows], number="3.16", page=29)
    at2 = analyze_table(t2)
    found = _check(_doc(t2), [at2], [])
    assert {f.severity for f in found if f.rule in ("CAP001", "LBL001")} == {"info"}
