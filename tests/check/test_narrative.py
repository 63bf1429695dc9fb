"""Narrative and document rules (NAR001-NAR006, DOC001).

Unit tests build small Documents by hand (Page text + tables from tests/tablefactory);
the acceptance tests run lkip_audit.pipeline.audit on the samples, extracting each once
per module. Every expectation is recomputed by hand in a comment, from the seed report
(../shared/seeds/000_b5fad5c8a9ade674.txt), the samples' source data
(samples/src/*/) or errors.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document, Page
from lkip_audit.understand.model import IKU, KOMPOSISI, PERJANJIAN_KINERJA, RENCANA_REALISASI, TOTAL, Understanding

from tests.check.helpers import analyzed, fires, only, quiet

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def doc_with(pages: list[str], *ats, tahun=2024) -> Document:
    return Document(
        path="x.pdf", sha256="0" * 64, page_count=len(pages),
        pages=[Page(number=i + 1, width=595, height=842, text=t) for i, t in enumerate(pages)],
        tables=[at.table for at in ats], tahun=tahun,
    )


def run(pages, *ats, select=("NAR", "DOC001"), tahun=2024, lang="id"):
    doc = doc_with(pages, *ats, tahun=tahun)
    return run_checks(doc, Understanding(tables=list(ats), scales={}), CheckConfig(select=list(select), lang=lang))


# -- NAR001: a quoted number differs from the table ------------------------------------

RR_HEADER = ["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN (Rp)", "REALISASI FISIK (%)",
             "REALISASI Rp", "REALISASI %"]
RR_FIELDS = {0: "no", 1: "uraian", 2: "target", 3: "anggaran", 4: "fisik", 5: "realisasi_rp", 6: "persen"}
T318 = [["1.", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
         "100,00", "13.277.550.000", "97,47", "12.634.245.217", "95,15"]]
T318_TEXT = (
    "Tabel. 3.18. Rencana dan Realisasi Kegiatan\n"
    "NO KEGIATAN/SUB KEGIATAN RENCANA TARGET RENCANA ANGGARAN (Rp) REALISASI FISIK (%) REALISASI Rp REALISASI %\n"
    "1. Penyediaan Layanan Kesehatan untuk UKM dan UKP 100,00 13.277.550.000 97,47 12.634.245.217 95,15\n"
    "Rujukan Tingkat Daerah Kabupaten/Kota\n"
)


def t318():
    return analyzed(RR_HEADER, T318, RR_FIELDS, kind=RENCANA_REALISASI, number="3.18", page=1,
                    title="Rencana dan Realisasi Kegiatan")


@fires("NAR001")
def test_nar001_fires_on_a_misquoted_percentage():
    # errors.yaml E18: 12.634.245.217 / 13.277.550.000 x 100 = 95,155 -> the table prints 95,15;
    # the sentence says 97,15%. The two Rupiah amounts equal the row's cells (anchors).
    text = T318_TEXT + (
        "Realisasi keuangan kegiatan Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat\n"
        "Daerah Kabupaten/Kota sebesar Rp12.634.245.217,00 atau sebesar 97,15% dari anggaran\nRp13.277.550.000,00."
    )
    (f,) = only(run([text], t318()), "NAR001")
    assert (f.page, f.table, f.column, f.expected, f.actual) == (1, "3.18", "REALISASI %", "95,15", "97,15%")
    assert f.row.startswith("Penyediaan Layanan Kesehatan")
    assert [(r.table, r.column, r.value) for r in f.related] == [("3.18", "REALISASI %", "95,15")]
    assert f.detail["tie"]["method"] == "label-above" and f.detail["tie"]["anchors"]
    assert f.bbox is None and "97,15%" in f.message and "95,15" in f.message


@quiet("NAR001")
def test_nar001_quiet_when_the_sentence_quotes_the_table():
    text = T318_TEXT + (
        "Realisasi keuangan kegiatan Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat\n"
        "Daerah Kabupaten/Kota sebesar Rp12.634.245.217,00 atau sebesar 95,15% dari anggaran\nRp13.277.550.000,00."
    )
    assert only(run([text], t318()), "NAR001") == []


@quiet("NAR001")
def test_nar001_quiet_without_an_anchor():
    # the same wrong percentage, but no other number ties the sentence to the row: not confident
    text = T318_TEXT + "Kegiatan Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota mencapai realisasi keuangan 97,15%."
    assert only(run([text], t318()), "NAR001") == []


# Sample p39 Tabel 3.31 (Penyediaan Jasa: REALISASI % 96,62), p40 Tabel 3.33 (Pemeliharaan: 98,97)
# and below 3.33 a sentence naming the kegiatan of 3.31 but quoting 3.33's 98,97.
PJ = "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"
PB = "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"


def rr_pair():
    t331 = analyzed(RR_HEADER, [["1.", PJ, "100,00", "1.435.619.200,00", "100,00", "1.387.119.541", "96,62"]],
                    RR_FIELDS, kind=RENCANA_REALISASI, number="3.31", page=1)
    t333 = analyzed(RR_HEADER, [["1.", PB, "100,00", "1.668.428.688,00", "100,00", "1.651.282.610", "98,97"]],
                    RR_FIELDS, kind=RENCANA_REALISASI, number="3.33", page=2)
    p1 = ("Tabel. 3.31. Rencana dan Realisasi Kegiatan\n" + " ".join(RR_HEADER) + "\n"
          f"1. {PJ} 100,00 1.435.619.200,00 100,00 1.387.119.541 96,62\n")
    p2 = ("Tabel. 3.33. Rencana dan Realisasi Kegiatan\n" + " ".join(RR_HEADER) + "\n"
          f"1. {PB} 100,00 1.668.428.688,00 100,00 1.651.282.610 98,97\n")
    return p1, p2, t331, t333


def _under_333(pct):
    return (f"Pada tahun 2024 pada kegiatan {PJ} mencapai Realisasi Fisik sebesar 100% dan Realisasi Keuangan "
            f"sebesar {pct}%, hal ini disebabkan adanya efisiensi harga.")


@quiet("NAR001")
def test_nar001_quiet_when_the_nearest_table_above_holds_the_figure():
    # the sentence names 3.31's kegiatan (fisik 100 ties it there), but Tabel 3.33 right above
    # it prints 98,97 in the column the sentence quotes: it may speak of 3.33 (as a .docx
    # ties it by paragraph order and a PDF by page position)
    p1, p2, t331, t333 = rr_pair()
    assert only(run([p1, p2 + _under_333("98,97")], t331, t333), "NAR001") == []


@fires("NAR001")
def test_nar001_fires_past_a_table_that_does_not_hold_the_figure():
    # neither 3.33 nor 3.31 prints 97,50: the sentence names 3.31's kegiatan, which prints 96,62
    p1, p2, t331, t333 = rr_pair()
    (f,) = only(run([p1, p2 + _under_333("97,50")], t331, t333), "NAR001")
    assert (f.table, f.row, f.column, f.expected, f.actual) == ("3.31", PJ, "REALISASI %", "96,62", "97,50%")


def test_nar001_word_draft_ties_the_sentence_under_3_33_like_the_pdf():
    # samples/wild/bkd-word-grid.docx (built from the sample's source): the sentence after Tabel
    # 3.33 quotes its 98,97; no NAR001 against Tabel 3.31's 96,62, while the misquotes the
    # truth lists stay found (T145/T146: 103,90 where Tabel 3.16's row prints 102,56)
    from lkip_audit.pipeline import audit

    r = audit(str(SAMPLES / "wild" / "bkd-word-grid.docx"), CheckConfig(select=["NAR001"]))
    fs = only(r.findings, "NAR001")
    assert [f for f in fs if f.actual == "98,97%"] == []
    assert sum(1 for f in fs if f.actual == "103,90%" and f.expected == "102,56") >= 1


JAB_HEADER = ["Tahun", "Struktural", "Fungsional Umum", "Fungsional Tertentu"]
JAB_TEXT = ("Tabel. 3.40. Keadaan PNS Provinsi Banten berdasarkan Jabatan Tahun 2024\n"
            "Tahun Struktural Fungsional Umum Fungsional Tertentu\n2024 478 3942 6272\n")


def t340():
    return analyzed(JAB_HEADER, [["2024", "478", "3942", "6272"]], {0: "uraian"}, kind=KOMPOSISI, number="3.40",
                    page=1, label_col=0, title="Keadaan PNS Provinsi Banten berdasarkan Jabatan Tahun 2024")


@fires("NAR001")
def test_nar001_fires_on_a_share_of_the_seed_table_3_40():
    # seed Tabel 3.40: total 478 + 3942 + 6272 = 10692; 6272 / 10692 x 100 = 58,66 (text 72,99%)
    text = JAB_TEXT + "Berdasarkan tabel di atas, sebagian besar PNS menduduki jabatan fungsional tertentu yaitu 6272 PNS atau 72,99%."
    (f,) = only(run([text], t340()), "NAR001")
    assert (f.table, f.row, f.column, f.expected, f.actual) == ("3.40", "2024", "Fungsional Tertentu", "58,66", "72,99%")
    assert f.detail["tie"]["method"] == "share" and f.detail["tie"]["total"] == "10692"


@quiet("NAR001")
def test_nar001_quiet_on_a_right_share():
    # 6272 / 10692 x 100 = 58,660 -> 58,66
    text = JAB_TEXT + "Sebagian besar PNS menduduki jabatan fungsional tertentu yaitu 6272 PNS atau 58,66%."
    assert only(run([text], t340()), "NAR001") == []


# -- NAR002: count claims ----------------------------------------------------------------

PK_HEADER = ["NO", "PROGRAM/KEGIATAN/SUB KEGIATAN", "INDIKATOR KINERJA", "TARGET", "ANGGARAN (Rp)"]
PK_ROWS = [
    ["I.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN", "Persentase Capaian", "100,00", "600.000"],
    ["1.", "Administrasi Keuangan Perangkat Daerah", "Persentase Administrasi", "100,00", "400.000"],
    ["", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang", "10 Orang", "400.000"],
    ["2.", "Administrasi Umum Perangkat Daerah", "Persentase Umum", "100,00", "200.000"],
    ["", "Penyediaan Bahan Logistik Kantor", "Jumlah Paket", "12 Paket", "200.000"],
    ["II.", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Persentase Layanan", "100,00", "100.000"],
    ["1.", "Penyediaan Layanan Kesehatan Rujukan", "Persentase Rujukan", "100,00", "100.000"],
    ["", "Pengelolaan Pelayanan Kesehatan Balita", "Jumlah Balita", "50 Orang", "100.000"],
    ["JUMLAH", "", "", "", "700.000"],
]
PK_TEXT = ("Tabel. 2.4. Program, Kegiatan dan Sub Kegiatan\n"
           "NO PROGRAM/KEGIATAN/SUB KEGIATAN INDIKATOR KINERJA TARGET ANGGARAN (Rp)\n"
           + "\n".join(" ".join(x for x in r if x) for r in PK_ROWS) + "\n")


def t24():
    return analyzed(PK_HEADER, PK_ROWS, {0: "no", 1: "uraian", 2: "indikator", 3: "target", 4: "anggaran"},
                    kind=PERJANJIAN_KINERJA, number="2.4", page=1, rowinfo={8: {"role": TOTAL}})


@fires("NAR002")
def test_nar002_fires_on_counted_rows():
    # the table lists 2 programs (I., II.), 3 kegiatan (1., 2., 1.) and 3 sub kegiatan (unnumbered rows)
    text = PK_TEXT + "Dari tabel di atas, terdapat 2 (dua) Program, 4 (empat) Kegiatan dan 3 (tiga) Sub Kegiatan."
    (f,) = only(run([text], t24()), "NAR002")
    assert (f.page, f.table, f.expected, f.actual) == (1, "2.4", "3", "4 (empat)")
    assert f.detail["tie"]["counts"] == {"program": 2, "kegiatan": 3, "sub_kegiatan": 3}


@fires("NAR002")
def test_nar002_fires_on_a_list_longer_than_announced():
    # seed Ikhtisar Eksekutif: "2 (dua) Indikator Kinerja Utama ..., yaitu:" and three IKU listed
    text = ("IKHTISAR EKSEKUTIF\nHasil pengukuran terhadap realisasi kinerja pada 2 (dua) Indikator Kinerja Utama "
            "Badan Kepegawaian\nDaerah, yaitu:\n(cid:127) Capaian SAKIP Perangkat Daerah, termasuk\ndalam kategori Baik;\n"
            "(cid:127) Indeks Profesionalitas ASN, termasuk dalam kategori Baik.\n"
            "(cid:127) Indeks Merit Sistem, termasuk dalam kategori Baik.\nDengan demikian semuanya Baik.")
    (f,) = only(run([text]), "NAR002")
    assert (f.page, f.expected, f.actual) == (1, "3", "2 (dua)")
    assert f.detail["tie"]["method"] == "list"


@fires("NAR002")
def test_nar002_is_info_when_the_count_may_not_be_the_list():
    # lakip_2016_update_22_juni_2017 p31: "pelaksanaan 10 (Sepuluh) kegiatan APBD ..., secara umum
    # dapat diidentifikasi beberapa permasalahan dan hambatan yaitu:" then two problems listed:
    # 10 != 2, but the list is of problems, so the mismatch is not certain (READING.md)
    text = ("BAB IV PENUTUP\nDari hasil pengendalian terhadap pelaksanaan 10 (Sepuluh) kegiatan APBD Tahun "
            "Anggaran 2016, secara umum dapat diidentifikasi beberapa permasalahan dan hambatan yaitu:\n"
            "1. Belum tersedianya infrastruktur jaringan.\n2. Adanya keterbatasan sumber daya manusia.\n"
            "Demikian permasalahan yang ada.")
    (f,) = only(run([text]), "NAR002")
    assert (f.severity, f.expected, f.actual) == ("info", "2", "10 (Sepuluh)")
    assert [d["code"] for d in f.detail["doubt"]] == ["referent"]
    assert f.message.startswith("Tidak dapat diperiksa dengan andal")
    (g,) = only(run([text], lang="en"), "NAR002")
    assert g.message.startswith("Cannot be checked reliably") and "10 (Sepuluh)" in g.message


@quiet("NAR002")
def test_nar002_counts_a_programme_table_without_its_jumlah_row():
    # lkip_bp3akb_2016 p31: programmes H-N with kegiatan 1 + 1 + 2 + 1 + 1 + 1 + 1 = 8, then a
    # "JUMLAH ANGGARAN PENDUKUNG" row read at the kegiatan level; the text's 8 (delapan) is right
    rows = [["H", "Program Pengembangan Kompetensi Aparatur", "232.700.000"],
            ["1.", "Pembinaan dan Pengembangan Aparatur", "232.700.000"],
            ["J", "Program Pelayanan Administrasi Perkantoran", "6.986.705.000"],
            ["1.", "Penyelenggaraan Administrasi Perkantoran", "5.423.630.000"],
            ["2.", "Iklan Layanan Masyarakat", "1.563.075.000"],
            ["", "JUMLAH ANGGARAN PENDUKUNG (SEKRETARIAT)", "7.219.405.000"]]
    at = analyzed(["No", "Uraian Program dan Kegiatan", "Target Anggaran"], rows, {0: "no", 1: "uraian", 2: "anggaran"},
                  number="2.9", page=1,
                  rowinfo={0: {"role": "parent", "kind": "program"}, 1: {"kind": "kegiatan"},
                           2: {"role": "parent", "kind": "program"}, 3: {"kind": "kegiatan"},
                           4: {"kind": "kegiatan"}, 5: {"kind": "kegiatan"}})
    text = ("Tabel 2.9 Program Pendukung\n" + "\n".join(" ".join(r) for r in rows) + "\n"
            "Terdapat 2 (dua) program pendukung terdiri dari 3 (tiga) kegiatan sebagaimana tampak pada tabel di atas.")
    # 2 programmes (H, J) and 3 kegiatan (H1, J1, J2) by hand
    assert only(run([text], at), "NAR002") == []
    # the same sentence with 4 kegiatan is tied to the table and told it holds 3
    (f,) = only(run([text.replace("3 (tiga) kegiatan", "4 (empat) kegiatan")], at), "NAR002")
    assert (f.severity, f.expected, f.actual) == ("error", "3", "4 (empat)")


@quiet("NAR002")
def test_nar002_quiet_when_counts_agree():
    text = PK_TEXT + "Dari tabel di atas, terdapat 2 (dua) Program, 3 (tiga) Kegiatan dan 3 (tiga) Sub Kegiatan."
    assert only(run([text], t24()), "NAR002") == []


# -- NAR003: number and words --------------------------------------------------------------


@fires("NAR003")
def test_nar003_fires_on_3_dua():
    # seed Bab IV: "3 (tiga) sasaran dan 3 (dua) Indikator Kinerja Utama": dua is 2
    (f,) = only(run(["BAB IV PENUTUP\nuntuk pencapaian 3 (tiga) sasaran dan 3 (dua) Indikator Kinerja Utama."]), "NAR003")
    assert (f.page, f.expected, f.actual) == (1, "2", "3 (dua)")
    assert "3" in f.message and '"dua"' in f.message and "2" in f.message


@quiet("NAR003")
def test_nar003_quiet_on_agreeing_pairs():
    text = "Terdapat 2 (Dua) Program dan 12 (Dua belas) Kegiatan dan 89 (Delapan Puluh Sembilan) Sub Kegiatan selama 1 (satu) tahun."
    assert only(run([text]), "NAR003") == []


# -- NAR004: the results year ------------------------------------------------------------------


@fires("NAR004")
def test_nar004_fires_on_the_seed_executive_summary():
    text = ("IKHTISAR EKSEKUTIF\nDengan demikian pada tahun 2023, dari 3 (tiga) indikator kinerja nilai capaian kinerjanya "
            "semuanya\ndengan kategori Baik.")
    (f,) = only(run([text]), "NAR004")
    assert (f.severity, f.page, f.expected, f.actual) == ("warning", 1, "2024", "2023")
    assert f.detail["tie"]["method"] == "summary"


@fires("NAR004")
def test_nar004_fires_on_the_report_year_value_named_for_another_year():
    # dinkes E21: AKI 85,62 is the 2024 realisasi of Tabel 3.6 (2023: 103,24), the text says 2023
    header = ["NO", "INDIKATOR", "TAHUN 2023 TARGET", "TAHUN 2023 REALISASI", "TAHUN 2024 TARGET", "TAHUN 2024 REALISASI"]
    at = analyzed(header, [["1.", "Angka Kematian Ibu (AKI)", "103", "103,24", "98", "85,62"]],
                  {0: "no", 1: "indikator", 2: "target", 3: "realisasi", 4: "target", 5: "realisasi"},
                  kind=IKU, number="3.6", page=1, groups={2: "2023", 3: "2023", 4: "2024", 5: "2024"})
    text = ("Tabel. 3.6. Perbandingan\nNO INDIKATOR TAHUN 2023 TARGET REALISASI TAHUN 2024 TARGET REALISASI\n"
            "1. Angka Kematian Ibu (AKI) 103 103,24 98 85,62\n"
            "Angka Kematian Ibu pada tahun 2023 tercatat 85,62 per 100.000 kelahiran hidup.")
    (f,) = only(run([text], at), "NAR004")
    assert (f.table, f.column, f.expected, f.actual) == ("3.6", "TAHUN 2024 REALISASI", "2024", "2023")
    assert f.detail["tie"]["stated_year_value"] == "103,24"


@quiet("NAR004")
def test_nar004_quiet_on_comparisons_and_the_report_year():
    text = ("IKHTISAR EKSEKUTIF\nDengan demikian pada tahun 2024 semua capaian kinerja dengan kategori Baik.\n"
            "Capaian meningkat dibandingkan pada tahun 2023.\nPeraturan Menteri PANRB Nomor 53 Tahun 2014 menjadi acuan.")
    assert only(run([text]), "NAR004") == []


# -- NAR005: comparative claims ----------------------------------------------------------------

USIA_HEADER = ["Tahun", "19-25", "26-30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60"]
USIA_TEXT = ("Tabel. 3.44. Keadaan PNS Provinsi Banten berdasarkan Usia Tahun 2024\n"
             "Tahun 19-25 26-30 31-35 36-40 41-45 46-50 51-55 56-60\n2024 28 374 753 1390 2340 2461 1955 1391\n")


def t344():
    return analyzed(USIA_HEADER, [["2024", "28", "374", "753", "1390", "2340", "2461", "1955", "1391"]], {0: "uraian"},
                    kind=KOMPOSISI, number="3.44", page=1, label_col=0)


@fires("NAR005")
def test_nar005_fires_on_the_seed_age_claim():
    # seed Tabel 3.44: 41-45 holds 2340, 46-50 holds 2461 > 2340, yet the text calls 41-45 dominant
    text = USIA_TEXT + "Pada tabel diatas, menunjukkan bahwa dominan PNS berada pada kelompok usia 41 s.d 45."
    (f,) = only(run([text], t344()), "NAR005")
    assert (f.severity, f.table, f.column, f.actual, f.expected) == ("warning", "3.44", "41-45", "41-45 (2.340)", "46-50 (2.461)")
    assert [r.column for r in f.related] == ["41-45", "46-50"]


@quiet("NAR005")
def test_nar005_quiet_on_true_claims():
    # 46-50 (2461) is the largest group; Tabel 3.43: Perempuan 5390 > Laki-laki 5302
    jk = analyzed(["Tahun", "Perempuan", "Laki-laki"], [["2024", "5390", "5302"]], {0: "uraian"}, kind=KOMPOSISI,
                  number="3.43", page=2, label_col=0)
    p1 = USIA_TEXT + "Pada tabel diatas, dominan PNS berada pada kelompok usia 46 s.d 50."
    p2 = ("Tabel. 3.43. Keadaan PNS berdasarkan Jenis Kelamin\nTahun Perempuan Laki-laki\n2024 5390 5302\n"
          "Jumlah PNS Jenis Kelamin Perempuan lebih tinggi dibandingkan dengan Jenis Kelamin Laki-laki.")
    assert only(run([p1, p2], t344(), jk), "NAR005") == []


# -- NAR006: two breakdowns of the same group ---------------------------------------------------


@fires("NAR006")
def test_nar006_fires_on_eselon_vs_struktural():
    # seed Tabel 3.42: 1 + 33 + 4 + 151 + 55 + 632 = 876 eselon holders; Tabel 3.40: Struktural 478
    es = analyzed(["Tahun", "I", "II/a", "II/b", "III/a", "III/b", "IV"], [["2024", "1", "33", "4", "151", "55", "632"]],
                  {0: "uraian"}, kind=KOMPOSISI, number="3.42", page=2, label_col=0,
                  title="Keadaan PNS Provinsi Banten berdasarkan Eselon Tahun 2024")
    (f,) = only(run([JAB_TEXT, "x"], t340(), es), "NAR006")
    assert (f.severity, f.table, f.actual, f.expected) == ("warning", "3.42", "876", "478")
    assert f.related[0].table == "3.40" and f.related[0].column == "Struktural"
    assert "berbeda" in f.message


@quiet("NAR006")
def test_nar006_quiet_when_totals_agree():
    es = analyzed(["Tahun", "I", "II", "III", "IV"], [["2024", "1", "37", "206", "234"]], {0: "uraian"},
                  kind=KOMPOSISI, number="3.42", page=2, label_col=0, title="Keadaan PNS berdasarkan Eselon")
    # 1 + 37 + 206 + 234 = 478 = Struktural
    assert only(run([JAB_TEXT, "x"], t340(), es), "NAR006") == []


# -- DOC001: required parts ---------------------------------------------------------------------

FULL = [
    "IKHTISAR EKSEKUTIF\nRingkasan.",
    "BAB I PENDAHULUAN\nLatar belakang.",
    "BAB II PERENCANAAN KINERJA\nRenstra.",
    "BAB III AKUNTABILITAS KINERJA\n3.1.1. Perbandingan Target dan Realisasi Kinerja Tahun 2024\n"
    "3.1.2. Perbandingan Realisasi dengan Tahun-Tahun Sebelumnya\n3.1.3. Perbandingan Realisasi dengan Target Akhir Renstra\n"
    "3.1.4. Perbandingan Realisasi dengan Target Nasional\n3.1.5. Analisis Penyebab Keberhasilan dan Kegagalan\n"
    "3.1.6. Analisis Efisiensi Penggunaan Sumber Daya\n3.2. Realisasi Anggaran",
    "BAB IV PENUTUP\nKesimpulan.",
    "LAMPIRAN\nPerjanjian Kinerja Perubahan Tahun 2024",
]


@fires("DOC001")
def test_doc001_fires_on_a_missing_bab_iv():
    pages = FULL[:4] + FULL[5:]
    (f,) = only(run(pages), "DOC001")
    assert (f.severity, f.page, f.expected) == ("warning", 4, "Bab IV Penutup")
    assert "Bab IV Penutup" in f.message and f.detail["part"] == "bab4"


@fires("DOC001")
def test_doc001_info_on_a_missing_bab3_analysis():
    pages = list(FULL)
    pages[3] = pages[3].replace("3.1.6. Analisis Efisiensi Penggunaan Sumber Daya\n", "")
    (f,) = only(run(pages), "DOC001")
    assert (f.severity, f.page, f.detail["part"]) == ("info", 4, "efisiensi")
    assert "efisiensi" in f.message


@quiet("DOC001")
def test_doc001_quiet_on_a_complete_report():
    assert only(run(FULL), "DOC001") == []


# -- acceptance on the samples (each PDF extracted once per module) ------------------------------


@pytest.fixture(scope="module")
def bkd():
    from lkip_audit.pipeline import audit

    return audit(str(SAMPLES / "lkip-bkd-banten-2024.pdf"))


@pytest.fixture(scope="module")
def dinkes():
    from lkip_audit.pipeline import audit

    return audit(str(SAMPLES / "lkip-contoh-dinkes-2024.pdf"))


@pytest.fixture(scope="module")
def dinkes_clean():
    from lkip_audit.pipeline import audit

    return audit(str(SAMPLES / "lkip-contoh-dinkes-2024-bersih.pdf"))


MINE = ("NAR001", "NAR002", "NAR003", "NAR004", "NAR005", "NAR006", "DOC001")


def test_bkd_metadata(bkd):
    # the cover: "Badan Kepegawaian Daerah Provinsi Banten", "LKIP 2024"
    assert (bkd.document.instansi, bkd.document.tahun) == ("Badan Kepegawaian Daerah Provinsi Banten", 2024)


def test_bkd_shares_of_table_3_40(bkd):
    # 478 + 3942 + 6272 = 10692; 6272/10692 = 58,66 (text 72,99%), 3942/10692 = 36,87 (22,32%),
    # 478/10692 = 4,47 (4,69%)
    fs = {(f.column, f.actual): f.expected for f in only(bkd.findings, "NAR001") if f.table == "3.40"}
    assert fs == {("Fungsional Tertentu", "72,99%"): "58,66", ("Fungsional Umum", "22,32%"): "36,87",
                  ("Struktural", "4,69%"): "4,47"}


def test_bkd_capaian_103_90(bkd):
    # Nilai Kriteria Perencanaan Kebutuhan Pegawai: target 39, realisasi 40,00; the table prints
    # capaian 102,56 (= 40 / 39 x 100 = 102,564); the text says 103,90%
    fs = [f for f in only(bkd.findings, "NAR001") if f.row == "Nilai Kriteria Perencanaan Kebutuhan Pegawai"]
    assert [(f.page, f.expected, f.actual) for f in fs] == [(44, "102,56", "103,90%")]


def test_bkd_eselon_vs_struktural(bkd):
    # Tabel 3.42: 1 + 33 + 4 + 151 + 55 + 632 = 876; Tabel 3.40 Struktural 478
    (f,) = only(bkd.findings, "NAR006")
    assert (f.severity, f.table, f.actual, f.expected, f.related[0].table) == ("warning", "3.42", "876", "478", "3.40")


def test_bkd_number_words_and_lists(bkd):
    # Bab IV (page 91): "3 (dua) Indikator Kinerja Utama"; Ikhtisar (page 2): "2 (dua) Indikator
    # Kinerja Utama ..., yaitu:" followed by three IKU bullets
    assert [(f.page, f.actual, f.expected) for f in only(bkd.findings, "NAR003")] == [(91, "3 (dua)", "2")]
    assert [(f.page, f.actual, f.expected) for f in only(bkd.findings, "NAR002")] == [(2, "2 (dua)", "3")]


def test_bkd_results_year(bkd):
    # Ikhtisar Eksekutif (page 2): "Dengan demikian pada tahun 2023, ... capaian kinerjanya ..." in the LKIP 2024
    assert [(f.page, f.actual, f.expected) for f in only(bkd.findings, "NAR004")] == [(2, "2023", "2024")]


def test_bkd_has_every_required_part(bkd):
    # the sample has Ikhtisar (p2), Bab I-IV (p4, 10, 23, 91), Lampiran "1. Perjanjian Kinerja" (p92)
    # and 3.1.1-3.1.6 and 3.2 Realisasi Anggaran in Bab III
    assert only(bkd.findings, "DOC001") == []


def _errors():
    src = yaml.safe_load((SAMPLES / "src/dinkes-sukamaju-2024/errors.yaml").read_text(encoding="utf-8"))
    layout = json.loads((SAMPLES / "lkip-contoh-dinkes-2024.layout.json").read_text(encoding="utf-8"))
    pages = {e["id"]: e.get("page") for e in layout["errors"]}
    return [dict(e, page=pages[e["id"]]) for e in src if e["id"] in ("E18", "E19", "E20", "E21")]


@pytest.mark.parametrize("err", _errors(), ids=lambda e: e["id"])
def test_dinkes_injected_narrative_errors(dinkes, err):
    # the page comes from the sample's layout manifest (where the builder printed the block)
    fs = [f for f in only(dinkes.findings, err["rule"]) if f.page == err["page"]]
    assert len(fs) == 1, (err["id"], [(f.page, f.message) for f in only(dinkes.findings, err["rule"])])
    f = fs[0]
    if err["id"] == "E18":
        # Tabel 3.18 row 0 col 6 prints 95,15 (= 12.634.245.217 / 13.277.550.000 x 100); text 97,15%
        rel = err["related"]
        assert (f.table, f.expected, f.actual) == (rel["table"], "95,15", "97,15%")
        assert f.related[0].column == "REALISASI %"
    elif err["id"] == "E19":
        # Tabel 2.4 lists 9 kegiatan; the sentence claims 10 (sepuluh)
        assert (f.table, f.expected, f.actual) == (err["related"]["table"], "9", "10 (sepuluh)")
    elif err["id"] == "E20":
        # 3 (dua): dua is 2
        assert (f.expected, f.actual) == ("2", "3 (dua)")
    else:
        # AKI 85,62 is the 2024 value (Tabel 3.6; 2023: 103,24); the text says 2023
        assert (f.expected, f.actual, f.table) == ("2024", "2023", "3.6")


def test_dinkes_no_other_error_from_narrative_rules(dinkes):
    # only the four injected errors, nothing else at error level from these rules
    errs = [f for f in dinkes.findings if f.rule in MINE and f.severity == "error"]
    assert sorted((f.rule, f.page) for f in errs) == [("NAR001", 22), ("NAR002", 10), ("NAR003", 2)]


def test_dinkes_clean_twin_is_quiet(dinkes_clean):
    # the clean twin has no injected error: no error from these rules (years, "Nomor 53 Tahun 2014",
    # dates, "1 (satu) tujuan" and page numbers are not claims), and every required part is there
    assert [f.message for f in dinkes_clean.findings if f.rule in MINE and f.severity == "error"] == []
    assert only(dinkes_clean.findings, "DOC001") == []
    assert only(dinkes_clean.findings, "NAR004") == []


@fires("NAR004")
def test_nar004_is_info_when_the_paragraph_speaks_of_the_report_year():
    # 3_lkip_2016_draft p34 (Bab IV): "Dari sembilan indikator kinerja yang ditetapkan pada tahun 2016,
    # ... tidak ditargetkan pada tahun 2016 ... Dimana pencapaian untuk partisipasi masyarakat pada
    # tahun 2015 sebesar 85%": the paragraph is about 2016 and names 2015 on purpose
    text = ("BAB IV PENUTUP\nDari sembilan indikator kinerja yang ditetapkan pada tahun 2016, partisipasi "
            "masyarakat tidak ditargetkan pada tahun 2016 karena tidak ada Pemilu. Dimana pencapaian untuk "
            "partisipasi masyarakat pada tahun 2015 sebesar 85%, ditargetkan 72% dan dicapai sebesar 61%.")
    (f,) = only(run([text], tahun=2016), "NAR004")
    assert (f.severity, f.expected, f.actual) == ("info", "2016", "2015")
    assert [d["code"] for d in f.detail["doubt"]] == ["other-year"]
    # the same sentence opening its own paragraph stays a warning (the seed's executive summary)
    (g,) = only(run(["BAB IV PENUTUP\nDimana pencapaian untuk partisipasi masyarakat pada tahun 2015 "
                     "sebesar 85%, ditargetkan 72% dan dicapai sebesar 61%."], tahun=2016), "NAR004")
    assert g.severity == "warning"


@fires("NAR002")
def test_nar002_is_info_when_another_table_above_holds_the_count():
    # two programme tables one above the other (as bp3akb p30-31: strategic programmes, then the
    # supporting ones); "tabel di atas" is read as the nearest, which holds 1 kegiatan; the one
    # above it holds 2 (J1, J2), the number the sentence gives - which table it means is not certain
    def table(number, rows, page):
        return analyzed(["No", "Uraian Program dan Kegiatan", "Target Anggaran"], rows,
                        {0: "no", 1: "uraian", 2: "anggaran"}, number=number, page=page,
                        rowinfo={0: {"role": "parent", "kind": "program"},
                                 **{i: {"kind": "kegiatan"} for i in range(1, len(rows))}})

    rows_a = [["J", "Program Pelayanan Administrasi Perkantoran", "6.986.705.000"],
              ["1.", "Penyelenggaraan Administrasi Perkantoran", "5.423.630.000"],
              ["2.", "Iklan Layanan Masyarakat", "1.563.075.000"]]
    rows_b = [["K", "Program Peningkatan Sarana dan Prasarana Aparatur", "1.910.700.000"],
              ["1.", "Peningkatan Sarana dan Prasarana Kantor", "1.910.700.000"]]
    a, b = table("2.8", rows_a, 1), table("2.9", rows_b, 2)
    pages = ["Tabel 2.8 Program Pelayanan\n" + "\n".join(" ".join(r) for r in rows_a),
             "Tabel 2.9 Program Sarana\n" + "\n".join(" ".join(r) for r in rows_b) + "\n"
             "Program tersebut terdiri dari 2 (dua) kegiatan sebagaimana tampak pada tabel di atas."]
    (f,) = only(run(pages, a, b), "NAR002")
    # nearest table 2.9: 1 kegiatan (K1) by hand; table 2.8: 2 (J1, J2) = the claim
    assert (f.severity, f.table, f.expected, f.actual) == ("info", "2.9", "1", "2 (dua)")
    assert [d["code"] for d in f.detail["doubt"]] == ["referent"] and "2.8" in f.message


BUDGET_HEADER = ["NO", "JENIS BELANJA", "ANGGARAN PAGU (Rp)", "ANGGARAN REALISASI (Rp)", "%"]
BUDGET_ROWS = [["1", "Belanja Operasi", "9.504.504.000,00", "8.993.419.465,00", "94,62"],
               ["2", "Belanja Modal", "2.350.000.000,00", "1.548.220.000,00", "68,55"],
               ["", "TOTAL BELANJA", "11.854.504.000,00", "10.541.639.465,00", "88,93"]]


def budget():
    return analyzed(BUDGET_HEADER, BUDGET_ROWS, {0: "no", 1: "uraian", 2: "anggaran", 3: "realisasi_rp", 4: "persen"},
                    kind=RENCANA_REALISASI, number="IV.2", page=1, rowinfo={2: {"role": TOTAL}})


@fires("NAR001")
def test_nar001_fires_on_the_total_quoted_in_the_conclusion():
    # samples/wild/konvensi-lain p10 (Bab IV): "Dengan realisasi anggaran sebesar 89,93%" under
    # Tabel IV.2, whose TOTAL BELANJA row prints 10.541.639.465 / 11.854.504.000 x 100 = 88,93
    text = ("BAB IV PENUTUP\nTabel IV.2 Realisasi Anggaran menurut Jenis Belanja\n"
            + "\n".join(" ".join(x for x in r if x) for r in BUDGET_ROWS) + "\n"
            "Dengan realisasi anggaran sebesar {}, Dinas akan terus meningkatkan kinerja.")
    (f,) = only(run([text.format("89,93%")], budget()), "NAR001")
    assert (f.severity, f.table, f.row, f.expected, f.actual) == ("error", "IV.2", "TOTAL BELANJA", "88,93", "89,93%")
    assert f.detail["tie"]["method"] == "total"
    # the right total, and a row's own percentage, are no finding
    assert only(run([text.format("88,93%")], budget()), "NAR001") == []
    assert only(run([text.format("94,62%")], budget()), "NAR001") == []


@quiet("NAR001")
def test_nar001_quiet_on_a_total_of_amounts_the_sentence_states():
    # bkd-word-noborder-bersih p78 (Bab IV): "APBD ... sebesar Rp38.995.711.827,00 dan realisasi
    # anggaran sebesar Rp37.147.689.795,00 atau 95,26%": 37.147.689.795 / 38.995.711.827 x 100 =
    # 95,26, the percentage of its own amounts; its table's Jumlah prints the same anggaran but
    # realisasi 36.893.641.269 (94,61): the sentence speaks of another realisasi, not of this total
    rows = [BUDGET_ROWS[0], ["", "Jumlah", "38.995.711.827,00", "36.893.641.269,00", "94,61"]]
    at = analyzed(BUDGET_HEADER, rows, {0: "no", 1: "uraian", 2: "anggaran", 3: "realisasi_rp", 4: "persen"},
                  kind=RENCANA_REALISASI, number="3.65", page=1, rowinfo={1: {"role": TOTAL}})
    text = ("BAB IV PENUTUP\nTabel 3.65 Capaian Kinerja Program dan Kegiatan\n"
            + "\n".join(" ".join(x for x in r if x) for r in rows) + "\n"
            "Melalui APBD sebesar Rp38.995.711.827,00 dan realisasi anggaran sebesar Rp37.147.689.795,00 atau 95,26%.")
    assert only(run([text], at), "NAR001") == []


@fires("NAR001")
def test_nar001_fires_on_a_percentage_of_the_sentences_own_amounts():
    # lkip_bpbd_2016 p55 item (11): "alokasi anggaran Rp.660.180.000,-, dengan realisasi anggaran
    # sebesar Rp 649.452.500.- atau sebesar 96,38 %": 649.452.500 / 660.180.000 x 100 = 98,375 -> 98,38
    text = ("BAB III AKUNTABILITAS KINERJA\nKegiatan Pelatihan Pemulihan Sarana Pasca Bencana, dengan alokasi anggaran "
            "Rp.660.180.000,-, dengan realisasi anggaran sebesar Rp 649.452.500.- atau sebesar {}. Adapun capaian fisik 100%.")
    (f,) = only(run([text.format("96,38 %")]), "NAR001")
    assert (f.severity, f.expected, f.actual) == ("error", "98,38", "96,38 %")
    assert f.detail["tie"]["method"] == "own-amounts" and "649.452.500" in f.message
    # item (8) p55: 285.600.000 / 290.945.000 x 100 = 98,163 -> 98,16, as printed
    assert only(run([text.format("98,38 %")]), "NAR001") == []
    assert only(run(["Kegiatan Pengembangan Forum Kebencanaan, dengan alokasi anggaran Rp.290.945.000,-, dengan "
                     "realisasi sebesar Rp.285.600.000,- atau 98,16%."]), "NAR001") == []


@quiet("NAR001")
def test_nar001_quiet_on_a_broken_amount():
    # lkip_bpbd_2016 p54 item (4): "realisasi sebesar Rp.920.942..000,- atau sebesar 82,45%": the amount is
    # broken by a stray dot (920.942.000 / 1.116.954.000 = 82,45 once mended); read as 920.942 it would not fit
    text = ("Kegiatan Peningkatan Kapasitas Manajemen Kedaruratan, dengan alokasi anggaran Rp. 1.116.954.000,- dengan "
            "realisasi sebesar Rp.920.942..000,- atau sebesar 82,45%, begitu pula realisasi fisik sebesar 100%.")
    assert only(run([text]), "NAR001") == []
