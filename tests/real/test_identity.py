"""Instansi and tahun (extract/identity.py) on the 14 real published LKIPs, and the
rules that keep a sentence fragment or a regulation's year out of them.

The expected values were read off the rendered pages (``pdftoppm -f 1 -l 2 -r 60``
and the pages named in each comment), not from what the tool prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkip_audit.extract.identity import IdentityReader, abbreviates, find_names
from lkip_audit.extract.model import Page
from lkip_audit.extract.pdf import read_document

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "real"

# file -> (instansi, tahun), with where on the page each was read.
EXPECTED = {
    # p.1 footer "LKIP Tahun 2016 Badan Kesbangpol Prov. Jawa Barat"; the name in full
    # in p.1's text: "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat".
    "3_lkip_2016_draft.pdf": ("Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat", 2016),
    # cover p.1: "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2016",
    # "DINAS PERINDUSTRIAN DAN PERDAGANGAN PROVINSI JAWA BARAT" (an image; the running
    # title of p.2 on says "Dinas Perindustrian dan Perdagangan Provinsi Jawa Barat").
    "3_lkip_tahun_2016_disperindag_jabar.pdf": ("Dinas Perindustrian dan Perdagangan Provinsi Jawa Barat", 2016),
    # cover p.1: "DINAS PERMUKIMAN DAN PERUMAHAN PROVINSI JAWA BARAT", "T.A 2016".
    "6_lkip_2016_full_1.pdf": ("Dinas Permukiman dan Perumahan Provinsi Jawa Barat", 2016),
    # Bab III only. p.1 footer "LKIP Dinas KUMKM Provinsi Jawa Barat Tahun 2016"; the
    # name KUMKM abbreviates, in full on p.3: "Dinas Koperasi dan Usaha Mikro, Kecil
    # dan Menengah Provinsi Jawa Barat".
    "bab_iii.pdf": ("Dinas Koperasi dan Usaha Mikro, Kecil dan Menengah Provinsi Jawa Barat", 2016),
    # Bab III only. p.1 header "Dinas Perikanan dan Kelautan Provinsi Jawa Barat",
    # footer "Laporan Kinerja Instansi Pemerintah Tahun 2016".
    "bab_iii_akuntabilitas_kinerja_2016.pdf": ("Dinas Perikanan dan Kelautan Provinsi Jawa Barat", 2016),
    # Bab III only. p.1 footer "Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2016 /
    # Dinas Pariwisata dan Kebudayaan Provinsi Jawa Barat".
    "bab_iii_lakip_2016.pdf": ("Dinas Pariwisata dan Kebudayaan Provinsi Jawa Barat", 2016),
    # Bab III only, no running title; p.1's text: "Pengukuran capaian kinerja Dinas
    # Pendapatan Provinsi Jawa Barat Tahun 2016", the same name again further down p.1.
    "bab_iii_lkip_2016.pdf": ("Dinas Pendapatan Provinsi Jawa Barat", 2016),
    # cover p.1 (an image): "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016",
    # "BIRO ADMINISTRASI PEMBANGUNAN SEKRETARIAT DAERAH PROVINSI JAWA BARAT".
    "lakip_2016_update_22_juni_2017.pdf": ("Biro Administrasi Pembangunan Sekretariat Daerah Provinsi Jawa Barat", 2016),
    # p.1 header "Laporan Kinerja BKPP Wilayah I Provinsi Jawa Barat Tahun 2016"; in
    # full on p.4: "Badan Koordinasi Pemerintahan dan Pembangunan Wilayah I Provinsi Jawa Barat".
    "lkip_2016_bab_1_s_d_3.pdf": ("Badan Koordinasi Pemerintahan dan Pembangunan Wilayah I Provinsi Jawa Barat", 2016),
    # cover p.1: "LAPORAN KINERJA / BADAN PEMBERDAYAAN PEREMPUAN, / PERLINDUNGAN ANAK DAN
    # KELUARGA BERENCANA / (LKIP BP3AKB) / PROVINSI JAWA BARAT / TAHUN 2016".
    "lkip_bp3akb_2016.pdf": ("Badan Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Provinsi Jawa Barat", 2016),
    # cover p.1: "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2016", "BADAN
    # PENELITIAN, PENGEMBANGAN DAN PENERAPAN / ILMU PENGETAHUAN DAN TEKNOLOGI PROVINSI JAWA BARAT".
    "lkip_bp3iptek_2016.pdf": ("Badan Penelitian, Pengembangan dan Penerapan Ilmu Pengetahuan dan Teknologi Provinsi Jawa Barat", 2016),
    # cover p.1: "LKIP TA 2016", "BADAN PENANGGULANGAN BENCANA DAERAH PROVINSI JAWA BARAT
    # TAHUN 2017" (2017 is when it was published: the report is on 2016).
    "lkip_bpbd_2016.pdf": ("Badan Penanggulangan Bencana Daerah Provinsi Jawa Barat", 2016),
    # no cover; p.1 footer "LKIP Dinas Pertanian Tanaman Pangan Provinsi Jawa Barat 2016".
    "lkip_distan_2016.pdf": ("Dinas Pertanian Tanaman Pangan Provinsi Jawa Barat", 2016),
    # two scanned pages without a text layer (a covering letter with the IKU table):
    # nothing to read the name or the year from without OCR.
    "scanned_iku_distan_2016.pdf": (None, None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_report_identity(name):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the real reports live in ../shared/real)")
    doc = read_document(path)
    assert (doc.instansi, doc.tahun) == EXPECTED[name]


# -- the rules, on text made for them -----------------------------------------------


def _page(number: int, lines: list[str]) -> Page:
    return Page(number=number, width=600, height=800, text="\n".join(lines))


def _identity(pages: list[Page]):
    reader = IdentityReader()
    for p in pages:
        reader.see(p)
    return reader.result([])


def test_a_name_ends_where_the_sentence_goes_on():
    names = [m.text for m in find_names(
        "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat merupakan salah satu OPD"
    )]
    assert names == ["Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat"]


def test_a_name_broken_over_two_lines_is_one_name():
    # the lines of a cover, joined as a page's lines are
    names = [m.text for m in find_names("LAPORAN KINERJA BADAN PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK "
                                         "DAN KELUARGA BERENCANA (LKIP BP3AKB) PROVINSI JAWA BARAT TAHUN 2016")]
    assert names == ["BADAN PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK DAN KELUARGA BERENCANA PROVINSI JAWA BARAT"]


def test_abbreviations():
    assert abbreviates("kesbangpol", ["kesatuan", "bangsa", "dan", "politik"])
    assert abbreviates("bpppakb", ["badan", "pemberdayaan", "perempuan", "perlindungan", "anak", "dan", "keluarga", "berencana"])
    assert not abbreviates("kesbang", ["kesatuan", "bangsa", "dan", "politik"])  # politik left out


def test_regulation_years_and_sentences_are_not_the_identity():
    # A Bab-I page that quotes regulations and names two bodies once each: no running
    # title, no cover, no name repeated: nothing is determinable.
    text = [
        "Undang-Undang Nomor 33 Tahun 2004 tentang Perimbangan Keuangan antara",
        "Pemerintah Pusat dan Pemerintah Daerah;",
        "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja",
        "Badan Perencanaan Pembangunan Daerah Provinsi Jawa Barat dan Dinas Pendidikan Provinsi Jawa Barat.",
    ]
    assert _identity([_page(1, text)]) == (None, None)


def test_the_running_title_names_the_agency_and_the_year():
    pages = [
        _page(i, ["Dinas Kesehatan Kabupaten Sukamaju merupakan perangkat daerah.",
                  "Sesuai Peraturan Menteri Nomor 53 Tahun 2014 tentang Petunjuk Teknis",
                  "LKIP Dinas Kesehatan Kabupaten Sukamaju Tahun 2024"])
        for i in range(1, 6)
    ]
    # Without word boxes there is no header/footer band: the name stands on its own
    # ten mentions (no other agency named). Five lines name 2024 after "LKIP"; 2014 is
    # a regulation's year.
    assert _identity(pages) == ("Dinas Kesehatan Kabupaten Sukamaju", 2024)
