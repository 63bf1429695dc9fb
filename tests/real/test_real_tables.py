"""Table structure on the real published LKIPs in ../shared/real/ (issue #11).

Every expected value here was read off the rendered page (``pdftoppm -f P -l P -r 80``),
and each test says which page; none comes from what the tool prints. The files are
not in the repository: each test skips with a message where they are absent.
"""

from __future__ import annotations

from functools import lru_cache

from lkip_audit.extract.model import Table
from lkip_audit.extract.pdf import read_document
from lkip_audit.understand import analyze_table

from tests.real.shared import real_path


@lru_cache(maxsize=4)
def _doc(name: str):
    return read_document(real_path(name))


def _table(name: str, number: str | None = None, page: int | None = None) -> Table:
    doc = _doc(name)
    for t in doc.tables:
        if (number is None or t.number == number) and (page is None or t.pages[0] == page):
            return t
    raise AssertionError(f"no table {number!r} on page {page} of {name}: "
                         f"{[(t.number, t.pages) for t in doc.tables]}")


def _column(t: Table, label: str) -> int:
    hits = [i for i, c in enumerate(t.columns) if c == label]
    assert len(hits) == 1, (label, t.columns)
    return hits[0]


def _fields(t: Table) -> dict[str, int]:
    return {c.field: c.index for c in analyze_table(t).columns}


# -- shading is not a ruling line ------------------------------------------------------------

def test_shaded_header_cells_do_not_split_columns():
    # 3_lkip_2016_draft p19, Tabel 3.1: six columns, the header row shaded orange;
    # row 1 "Tingkat keberhasilan zero growth perkembangan kelompok radikal di Jawa
    # Barat": Target 100%, Realisasi 100%, Capaian 100% (read off p19).
    t = _table("3_lkip_2016_draft.pdf", "3.1")
    assert t.columns == ["Sasaran Strategis", "No.", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    row = t.rows[0]
    assert row.cells[_column(t, "No.")].text == "1."
    for label in ("Target", "Realisasi", "Capaian"):
        assert row.cells[_column(t, label)].text == "100%"
    f = _fields(t)
    assert {"target", "realisasi", "capaian"} <= set(f)


def test_shaded_header_money_table_values_under_their_header():
    # 3_lkip_2016_draft p26, Tabel 3.7, row 1 "Penguatan Peran dan Fungsi Forum-Forum
    # Mitra Strategis Bakesbangpol Jabar": Anggaran 369.200.000, Realisasi 356.060.000,
    # % 96,44% (read off p26).
    t = _table("3_lkip_2016_draft.pdf", "3.7")
    assert t.columns == ["No", "Kegiatan", "Anggaran (Rp.)", "Realisasi (Rp.)", "%"]
    row = t.rows[0]
    assert [c.text for c in row.cells] == [
        "1", "Penguatan Peran dan Fungsi Forum-Forum Mitra Strategis Bakesbangpol Jabar",
        "369.200.000", "356.060.000", "96,44%",
    ]


def test_alternate_row_shading_keeps_rows_in_their_columns():
    # lakip_2016_update_22_juni_2017 p10, Tabel I.1 (green shading on rows 2, 4, 6):
    # Laki-laki 1, 2, 7, 7, 11, 10, 8 and JUMLAH 46; Perempuan -, 2, 1, 1, 1, 3, 3 and
    # 11; JUMLAH column 1, 4, 8, 8, 12, 13, 11 and 56 (read off p10).
    t = _table("lakip_2016_update_22_juni_2017.pdf", "I.1")
    assert len(t.columns) == 5
    body = [[c.text for c in r.cells] for r in t.rows]
    assert [r[2] for r in body] == ["1", "2", "7", "7", "11", "10", "8", "46"]
    assert [r[3] for r in body] == ["-", "2", "1", "1", "1", "3", "3", "11"]
    assert [r[4] for r in body] == ["1", "4", "8", "8", "12", "13", "11", "56"]
    assert body[3][1] == "Staf Bagian Fisik"


# -- section rows, continuation, captions ----------------------------------------------------

def test_section_row_under_the_header_is_body_and_columns_are_recognised():
    # bab_iii_akuntabilitas_kinerja_2016 p3, Tabel 3.2 "Pencapaian Indikator Kinerja Utama
    # (IKU) ...": header Tahun 2015 / Tahun 2016 over Target, Realisasi, Capaian (%);
    # under it the full-width row "Misi Pertama: Meningkatkan Produktivitas dan Daya Saing
    # Sumber Daya Perikanan dan Kelautan", then "Sasaran 1: ...". Row "4 Produksi Non
    # Konsumsi %": 2016 Target 102, Realisasi 224.53, Capaian 219.60 (read off p3).
    t = _table("bab_iii_akuntabilitas_kinerja_2016.pdf", "3.2")
    assert t.title.startswith("Pencapaian Indikator Kinerja Utama (IKU)")
    assert len(t.header_rows) == 2
    assert t.rows[0].cells[0].text.startswith("Misi Pertama: Meningkatkan Produktivitas")
    assert t.rows[1].cells[0].text.startswith("Sasaran 1: Meningkatnya Produksi")
    f = {(c.field, c.group): c.index for c in analyze_table(t).columns}
    assert {("target", "2016"), ("realisasi", "2016"), ("capaian", "2016")} <= set(f)
    row = next(r for r in t.rows if r.cells[1].text == "Produksi Non Konsumsi")
    got = [row.cells[f[(k, "2016")]].text for k in ("target", "realisasi", "capaian")]
    assert got == ["102", "224.53", "219.60"]


def test_table_continues_under_a_running_header_at_a_seventh_of_the_page():
    # bab_iii_akuntabilitas_kinerja_2016 p3-5: Tabel 3.2 runs on over p4 and p5, each
    # repeating the two header rows under the running title "Dinas Perikanan dan
    # Kelautan Provinsi Jawa Barat" (at 14% of the landscape page); p4's first body row
    # is "9 *) Prosentase kontribusi pemenuhan benih ikan lele" (read off p3-p4).
    t = _table("bab_iii_akuntabilitas_kinerja_2016.pdf", "3.2")
    assert t.pages == [3, 4, 5]
    nine = next(r for r in t.rows if r.cells[0].text == "9 *)")
    assert nine.page == 4
    assert nine.cells[1].text == "Prosentase kontribusi pemenuhan benih ikan lele"


def test_program_section_row_on_a_continued_page_is_body():
    # lakip_2016_update_22_juni_2017 p22-23, Tabel II.3 (NO. / PROGRAM/ KEGIATAN /
    # ANGGARAN (Rp.)): p23 repeats the header, then the full-width row "Program
    # Peningkatan Pengembangan Sistem Pelaporan Capaian Kinerja Dan Keuangan", then
    # "10. Perencanaan, Evaluasi dan Pelaporan Internal Biro Administrasi Pembangunan
    # 60.000.000,-" and "JUMLAH 6.711.000.000,-" (read off p23). The boxed page number
    # at the foot of p22 is no table and does not break the continuation.
    t = _table("lakip_2016_update_22_juni_2017.pdf", "II.3")
    assert t.columns == ["NO.", "PROGRAM/ KEGIATAN", "ANGGARAN (Rp.)"]
    assert t.pages == [22, 23]
    texts = [[c.text for c in r.cells] for r in t.rows]
    assert texts[-3] == ["Program Peningkatan Pengembangan Sistem Pelaporan Capaian Kinerja Dan Keuangan", "", ""]
    assert texts[-2] == ["10.", "Perencanaan, Evaluasi dan Pelaporan Internal Biro Administrasi Pembangunan",
                         "60.000.000,-"]
    assert texts[-1][0] == "JUMLAH" and texts[-1][2] == "6.711.000.000,-"


# -- sideways tables, captions run into their title --------------------------------------------

def test_sideways_table_reads_upright_with_digits_in_order():
    # 6_lkip_2016_full_1 p48: a landscape table set sideways on a portrait page (text
    # running bottom to top). Turned upright (read off p48 turned a quarter clockwise):
    # caption "Tabel III. 5 Evaluasi Program dan Kegiatan yang Menunjang Capaian Kinerja"
    # (printed "Tabel III. 5Evaluasi", no space); row "Misi 1 : Meningkatkan Kinerja
    # Penataan Ruang yang Berkualitas dan Implementatif" with Anggaran 5.565.643.000,00,
    # Realisasi Keuangan 5.331.689.583,00, Fisik 95,80% - read before as "%08,59".
    t = _table("6_lkip_2016_full_1.pdf", "III.5")
    assert t.title == "Evaluasi Program dan Kegiatan yang Menunjang Capaian Kinerja"
    assert t.pages == [48]
    misi = next(r for r in t.rows if any(c.text.startswith("Misi 1 : Meningkatkan")
                                         for c in r.cells))
    values = [c.text for c in misi.cells if c.text and not c.text.startswith("Misi")]
    assert values == ["5.565.643.000,00", "5.331.689.583,00", "95,80%"]
    # the header of the money column, read upright
    i = next(i for i, c in enumerate(misi.cells) if c.text == "5.565.643.000,00")
    assert "Anggaran" in t.columns[i]


def test_caption_number_run_into_its_title():
    # 6_lkip_2016_full_1 p43: "Tabel III.3Evaluasi Capaian Indikator Kinerja Tahun
    # 2014-2016" (no space after the number, read off p43); p46: "Tabel III. 4Efisiensi
    # Penggunaan Sumber Daya Tahun 2016".
    t = _table("6_lkip_2016_full_1.pdf", "III.3")
    assert t.title == "Evaluasi Capaian Indikator Kinerja Tahun 2014-2016"
    t = _table("6_lkip_2016_full_1.pdf", "III.4")
    assert t.title == "Efisiensi Penggunaan Sumber Daya Tahun 2016"


# -- plain header rows, frames that are no table ------------------------------------------------

def test_plain_header_row_is_header():
    # lkip_bp3akb_2016 p55, "Tabel 3.1.3a. Realisasi Indikator Kinerja Utama Tahun 2016":
    # a header row in plain type (not bold, not capitals, no merged cell): No, Sasaran
    # Strategis, Indikator Kinerja, Target, Realisasi, % Capaian; row 2 "Indeks
    # Pembangunan Gender (IPG)" 89.68%, 89.11%, 94.55 (read off p55).
    t = _table("lkip_bp3akb_2016.pdf", "3.1.3a")
    assert t.title == "Realisasi Indikator Kinerja Utama Tahun 2016"
    assert t.columns == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"]
    assert [c.text for c in t.rows[1].cells][2:] == ["Indeks Pembangunan Gender (IPG)", "89.68%", "89.11%", "94.55"]
    assert {"target", "realisasi", "capaian"} <= set(_fields(t))


def test_boxed_page_number_is_no_table():
    # 3_lkip_tahun_2016_disperindag_jabar p11: prose only, the page number "I - 1" in a
    # box drawn with rules at the foot (read off p11).
    doc = _doc("3_lkip_tahun_2016_disperindag_jabar.pdf")
    assert [t for t in doc.tables if 11 in t.pages] == []


def test_numbers_touching_across_a_cell_rule_are_split():
    # 3_lkip_tahun_2016_disperindag_jabar p25, first "Indikator dan Target" table, row
    # "Jumlah UTTP dan BDKT": target 2014-2018 "6.181.265 buah", "6.304.890 buah",
    # "6.430.988 buah", "6.623.917 buah", "6.822.635 buah", each in its own cell, the
    # numbers touching across the rules (read off p25).
    doc = _doc("3_lkip_tahun_2016_disperindag_jabar.pdf")
    t = next(t for t in doc.tables if t.pages[0] == 25)
    row = next(r for r in t.rows if r.cells[0].text == "Jumlah UTTP dan BDKT")
    assert [c.text for c in row.cells[2:]] == [
        "6.181.265 buah", "6.304.890 buah", "6.430.988 buah", "6.623.917 buah", "6.822.635 buah"]


def test_label_wrapped_in_its_cell_is_one_cell():
    # lakip_2016_update_22_juni_2017 p15, Tabel II.1: row 1's TARGET is one cell over
    # three lines, "0 sd 5,99 % atau kategori hijau"; four body rows, TARGETs 19, 92%,
    # 90% below (read off p15).
    t = _table("lakip_2016_update_22_juni_2017.pdf", "II.1")
    assert t.columns[-1] == "TARGET"
    assert [r.cells[-1].text for r in t.rows] == ["0 sd 5,99 % atau kategori hijau", "19", "92%", "90%"]


def test_caption_number_alone_on_its_line_takes_the_title_below():
    # 3_lkip_tahun_2016_disperindag_jabar p32: "Tabel3.1." on its own line, the title
    # "Target dan Realisasi Indikator Kinerja Tahun 2014-2015" a little lower, then the
    # table, continued on p33-34 (read off p32-34). 3_lkip_2016_draft p12: "Tabel 2. 1"
    # in bold, the title in plain type on two lines (read off p12).
    t = _table("3_lkip_tahun_2016_disperindag_jabar.pdf", "3.1")
    assert t.title == "Target dan Realisasi Indikator Kinerja Tahun 2014-2015"
    assert t.pages == [32, 33, 34]
    t = _table("3_lkip_2016_draft.pdf", "2.1")
    assert t.title == ("Tujuan dan Sasaran Jangka Menengah Pelayanan Tahun 2013-2018 "
                       "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat")


def test_column_number_row_is_no_part_of_the_header_path():
    # lkip_bp3iptek_2016 p53, Tabel 3.2: header Kinerja (Target, Realisasi, % Realisasi)
    # and Keuangan (Pagu, Realisasi, % Realisasi), then the row "1 2 3 ... 10" numbering
    # the columns; row 1: Target 80, Realisasi 77, % Realisasi 96,25% (77 / 80 x 100 =
    # 96,25 by hand), read off p53.
    t = _table("lkip_bp3iptek_2016.pdf", "3.2")
    assert t.columns == ["No.", "Sasaran", "Indikator", "Kinerja Target", "Kinerja Realisasi",
                         "Kinerja % Realisasi", "Program/Kegiatan", "Keuangan Pagu", "Keuangan Realisasi",
                         "Keuangan % Realisasi"]
    assert all(not any(c.text == "4" for c in hr) for hr in t.header_rows)
    f = {c.field: (c.index, c.group) for c in analyze_table(t).columns}
    assert f["target"] == (3, "KINERJA") and f["realisasi"] == (4, "KINERJA")
    assert [c.text for c in t.rows[0].cells[3:6]] == ["80", "77", "96,25%"]


def test_sentence_naming_a_table_is_no_caption():
    # 3_lkip_tahun_2016_disperindag_jabar p36: the sentence "Tabel 3.3 memperlihatkan
    # perbandingan realisasi indikator kinerja ..." above the caption "Tabel3.3." /
    # "Perbandingan Realisasi Indikator Kinerja Tahun 2016 terhadap Tahun 2015"; Tabel 3.2
    # (p34) continues on p35-36 above it (read off p34-36).
    doc = _doc("3_lkip_tahun_2016_disperindag_jabar.pdf")
    assert not any(t.title.startswith("memperlihatkan") for t in doc.tables)
    t = _table("3_lkip_tahun_2016_disperindag_jabar.pdf", "3.3")
    assert t.title.startswith("Perbandingan Realisasi Indikator Kinerja Tahun 2016")
    assert _table("3_lkip_tahun_2016_disperindag_jabar.pdf", "3.2").pages == [34, 35, 36]


def test_year_on_year_capaian_is_not_the_years_capaian():
    # bab_iii_akuntabilitas_kinerja_2016 p12, Tabel 3.5 "Perbandingan Realisasi Indikator
    # Kinerja ... Tahun 2015 dan Tahun 2016": Realisasi Tahun 2015, Realisasi Tahun 2016,
    # Capaian Kinerja (%); row 1 "Produksi Perikanan Budidaya" 105,39, 101.24, 4,15 - a
    # change between the years, not realisasi / target (read off p12).
    t = _table("bab_iii_akuntabilitas_kinerja_2016.pdf", "3.5")
    row = next(r for r in t.rows if r.cells[1].text == "Produksi Perikanan Budidaya")
    assert [c.text for c in row.cells[3:]] == ["105,39", "101.24", "4,15"]
    f = {c.field: c.group for c in analyze_table(t).columns}
    assert f["capaian"] == "2015 2016" and "target" not in f


def test_capaian_printed_as_the_value_achieved_is_the_realisation():
    # bab_iii p4, "Tabel 6. Perbandingan Capaian Indikator Kinerja Tahun 2015 dan 2016":
    # under Tahun 2016, Target 16.478 and Capaian 16.542 (Jumlah Koperasi Aktif), 267 and
    # 267, 5 and 5, 8 and 6,4, 21 and 19,7: "Capaian" is the value achieved (read off p4).
    t = _table("bab_iii.pdf", "6")
    f = {(c.field, c.group): c.index for c in analyze_table(t).columns}
    assert ("realisasi", "2016") in f and ("capaian", "2016") not in f
    assert t.rows[0].cells[f[("target", "2016")]].text == "16.478"
    assert t.rows[0].cells[f[("realisasi", "2016")]].text == "16.542"


def test_slanted_italic_labels_read_as_lines():
    # lkip_distan_2016 p50, Tabel 16: kegiatan labels in a sheared (synthetic) italic;
    # row "02 Peningkatan Kesejahteraan dan Kemampuan Aparatur BPTPH 1.302.900.000
    # 860.530.000 66,05" (read off p50), read before as "PA ep na inra g k a ta nP ...".
    t = _table("lkip_distan_2016.pdf", "16")
    row = next(r for r in t.rows if r.cells[1].text == "02")
    assert [c.text for c in row.cells[2:]] == [
        "Peningkatan Kesejahteraan dan Kemampuan Aparatur BPTPH", "1.302.900.000", "860.530.000", "66,05"]


def test_year_in_a_single_header_cell_is_the_columns_group():
    # lakip_2016_update_22_juni_2017 p28, Tabel III.3: "Capaian 2015" | 2016 (Target,
    # Realisasi, Capaian) | "Target 2017"; row 1: 17 | 19, 19, 100 | 21 (read off p28;
    # 19 / 19 x 100 = 100 by hand). Capaian 2015 is not 2016's realisasi over 2017's target.
    t = _table("lakip_2016_update_22_juni_2017.pdf", "III.3")
    f = {(c.field, c.group): c.index for c in analyze_table(t).columns}
    assert {("capaian", "2015"), ("target", "2016"), ("realisasi", "2016"), ("capaian", "2016"),
            ("target", "2017")} <= set(f)
    assert [t.rows[0].cells[i].text for i in range(3, 8)] == ["17", "19", "19", "100", "21"]
