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
