"""Sentences, claims and number words of the narrative (lkip_audit.understand.narrative).

Sentences are copied from the seed report (../shared/seeds/000_b5fad5c8a9ade674.txt)
and from the dinkes sample; the expected values are read off the sentences by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkip_audit.extract.model import Document, Page
from lkip_audit.understand.narrative import claims, heading_part, narrative, norm, number_words, sentences, tables_above
from tests.tablefactory import make_table


@pytest.mark.parametrize(
    "words, value",
    [
        ("satu", 1), ("Dua", 2), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12),
        ("Dua belas", 12), ("Delapan Puluh Sembilan", 89), ("tiga puluh satu", 31),
        ("sembilan puluh sembilan", 99), ("seratus", 100), ("seratus dua puluh lima", 125),
        ("dua ribu dua puluh empat", 2024),
    ],
)
def test_number_words(words, value):
    assert number_words(words) == value


@pytest.mark.parametrize("words", ["ayat", "dua kali", "puluh", "belas dua", "", "tiga tiga"])
def test_not_number_words(words):
    assert number_words(words) is None


def test_claims_skip_years_regulations_dates_and_ranges():
    s = ("Laporan Kinerja Tahun 2024 ini merupakan pertanggungjawaban selama kurun waktu 1 (satu) tahun, "
         "sebagaimana diamanatkan Peraturan Menteri PANRB Nomor 53 Tahun 2014 sampai dengan 31 Desember 2024 "
         "dengan target 70-80 pada halaman 12.")
    cl = claims(s)
    # only "1 (satu)" is a claim: 2024/2014 are years, 53 a regulation number, 31 a date,
    # 70-80 a range, 12 a page reference
    assert [c.text for c in cl] == ["1 (satu)"]
    assert (cl[0].value, cl[0].words_value, cl[0].noun.split()[0]) == (Decimal(1), 1, "tahun")


def test_claims_money_percent_and_pairs():
    s = ("Realisasi keuangan kegiatan sebesar Rp12.634.245.217,00 atau sebesar 95,15% dari anggaran "
         "Rp13.277.550.000,00 untuk 2 (Dua) Program dan 89 (Delapan Puluh Sembilan) Sub Kegiatan.")
    cl = claims(s)
    assert [(c.text, c.kind) for c in cl] == [
        ("Rp12.634.245.217,00", "money"), ("95,15%", "percent"), ("Rp13.277.550.000,00", "money"),
        ("2 (Dua)", "count"), ("89 (Delapan Puluh Sembilan)", "count"),
    ]
    assert cl[0].value == Decimal("12634245217.00")
    assert cl[1].value == Decimal("95.15")
    assert (cl[3].words_value, cl[4].words_value) == (2, 89)
    assert cl[4].noun.startswith("Sub Kegiatan")


def test_claims_approx_and_mismatched_pair():
    cl = claims("mayoritas aparatur berada pada golongan III yang mencapai sekitar 66% dan 3 (dua) Indikator")
    assert cl[0].approx and cl[0].value == Decimal(66)
    assert (cl[1].value, cl[1].words_value) == (Decimal(3), 2)


def _doc(pages: list[str], tables=()) -> Document:
    return Document(
        path="x.pdf", sha256="0" * 64, page_count=len(pages),
        pages=[Page(number=i + 1, width=595, height=842, text=t) for i, t in enumerate(pages)],
        tables=list(tables), tahun=2024,
    )


def test_sentence_spanning_a_page_break_is_one_sentence():
    doc = _doc([
        "BAB III AKUNTABILITAS KINERJA\nRealisasi keuangan kegiatan Penyediaan Layanan Kesehatan sebesar\n"
        "Rp12.634.245.217,00 atau sebesar",
        "95,15% dari anggaran Rp13.277.550.000,00. Kalimat berikutnya.",
    ])
    ss = sentences(doc)
    first = ss[0]
    assert first.text.startswith("Realisasi keuangan") and first.text.endswith("Rp13.277.550.000,00.")
    assert (first.page, first.pages, first.part) == (1, [1, 2], "bab3")
    assert ss[1].text == "Kalimat berikutnya." and ss[1].page == 2


def test_table_lines_are_not_sentences_and_the_table_is_above():
    t = make_table(["Tahun", "Struktural", "Fungsional Umum", "Fungsional Tertentu"],
                   [["2024", "478", "3942", "6272"]], number="3.40",
                   title="Keadaan PNS Provinsi Banten berdasarkan Jabatan Tahun 2024", page=1)
    doc = _doc([
        "Tabel. 3.40. Keadaan PNS Provinsi Banten berdasarkan Jabatan Tahun 2024\n"
        "Tahun Struktural Fungsional Umum Fungsional Tertentu\n2024 478 3942 6272\n"
        "Berdasarkan tabel di atas, sebagian besar PNS menduduki jabatan fungsional tertentu yaitu 6272 PNS atau 72,99%.",
    ], [t])
    nar = narrative(doc)
    assert [s.text for s in nar.sentences] == [
        "Berdasarkan tabel di atas, sebagian besar PNS menduduki jabatan fungsional tertentu yaitu 6272 PNS atau 72,99%."
    ]
    assert nar.spans[t.id].start == (1, 0) and nar.spans[t.id].end == (1, 2)
    assert tables_above(nar.sentences[0], doc, nar.spans) == [t]


def test_bullets_start_new_units_and_headings_set_the_part():
    doc = _doc([
        "IKHTISAR EKSEKUTIF\nHasil pengukuran pada 2 (dua) Indikator Kinerja Utama, yaitu:\n"
        "(cid:127) Capaian SAKIP Perangkat Daerah, termasuk\ndalam kategori Baik;\n"
        "(cid:127) Indeks Merit Sistem, termasuk dalam kategori Baik.\nDengan demikian semuanya Baik.",
    ])
    ss = sentences(doc)
    assert [(s.text, s.bullet) for s in ss] == [
        ("Hasil pengukuran pada 2 (dua) Indikator Kinerja Utama, yaitu:", False),
        ("Capaian SAKIP Perangkat Daerah, termasuk dalam kategori Baik;", True),
        ("Indeks Merit Sistem, termasuk dalam kategori Baik.", True),
        ("Dengan demikian semuanya Baik.", False),
    ]
    assert {s.part for s in ss} == {"ikhtisar"}


def test_heading_parts_and_norm():
    assert heading_part("BAB IV PENUTUP") == "bab4"
    assert heading_part("BAB I PENDAHULUAN") == "bab1"
    assert heading_part("LAMPIRAN") == "lampiran"
    assert heading_part("Bab IV Penutup: kesimpulan capaian kinerja dan langkah perbaikan.") is None
    assert norm("kelompok usia 41 s.d 45") == "kelompok usia 41-45"
    assert norm("Angka Kematian Ibu (AKI)") == "angka kematian ibu"
