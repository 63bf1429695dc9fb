"""Sentence patterns the narrative check reads for recall on real reports (engineer h6).

    prose_box(table)                 a shaded box of running text read as a table: its lines are sentences
    budget_amounts(sentence, claims) "Kegiatan X ... anggaran Rp A ... terealisasi Rp R": (A, R, start) per item

The sentences are copied from the real reports named in each test (lkip_bpbd_2016.pdf p62-65,
lkip_bp3iptek_2016.pdf p46); the expected amounts are read off the sentences by hand.
"""

from __future__ import annotations

from decimal import Decimal

from lkip_audit.understand.narrative import Sentence, claims, prose_box
from lkip_audit.understand.narrative_claims import budget_amounts
from tests.tablefactory import make_table


def _s(text: str) -> Sentence:
    return Sentence(text=text, page=1, line=0, position=0.0)


def _items(text: str) -> list[tuple[Decimal, Decimal, str]]:
    s = _s(text)
    return [(a.value, r.value, text[start:a.start]) for a, r, start in budget_amounts(s, claims(s))]


# --- prose_box ----------------------------------------------------------------------------

BOX_LINES = [  # lkip_bpbd_2016.pdf p64, the blue box under "MISI KEDUA", one line per row
    "Misi kedua ini lebih menitikberatkan kepada peningkatan",
    "pelayanan kepada masyarakat melalui kegiatan :",
    "(1) Kegiatan Peningkatan Kesejahteraan dan Kemampuan",
    "Aparatur BPBD Provinsi Jawa Barat, yang dilaksanakan",
    "dengan alokasi anggaran sebesar Rp. 528.600.000,- realisasi",
    "anggaran sebesar Rp. 324.281.000,- atau 64,75%. Output",
    "kegiatan adalah Meningkatnya kesejahteraan Pegawai BPBD,",
]


def test_a_box_of_running_text_is_prose():
    t = make_table(["", ""], [[line, ""] for line in BOX_LINES], number=None)
    assert prose_box(t)


def test_a_budget_table_is_no_prose_box():
    # a real table: its amounts stand in cells of their own
    t = make_table(["Kegiatan", "Anggaran", "Realisasi"], [
        ["Penguatan Kapasitas Kesiapsiagaan", "866.600.000", "860.924.000"],
        ["Pengembangan Forum Kebencanaan", "290.945.000", "285.600.000"],
    ])
    assert not prose_box(t)


def test_a_text_table_without_amounts_is_no_prose_box():
    # a visi/misi table of words only (lkip_2016_bab_1_s_d_3.pdf p12 kind): no rupiah amount in it
    t = make_table(["Visi", "Misi"], [
        ["BKPP Wilayah I sebagai Badan Koordinasi yang handal dalam mewujudkan pembangunan",
         "Meningkatkan kerjasama antar Provinsi dan Kabupaten/Kota di wilayah kerja BKPP"],
        ["", "Meningkatkan kualitas koordinasi perencanaan dan pengendalian pembangunan daerah"],
    ])
    assert not prose_box(t)


def test_a_two_column_text_table_is_no_prose_box():
    # most rows fill two cells: a table of text, not one run of text
    rows = [[f"Sasaran {k} meningkatnya layanan", f"anggaran Rp. {k}00.000.000,- untuk kegiatan bidang"] for k in range(1, 6)]
    t = make_table(["Sasaran", "Uraian"], rows)
    assert not prose_box(t)


# --- budget_amounts --------------------------------------------------------------------------


def test_one_item_budget_and_realisation():
    # lkip_bpbd_2016.pdf p62 (7)
    text = ("(7) Kegiatan Penguatan Kapasitas Kesiapsiagaan dengan alokasi anggaran Rp. 866.600.000,- dengan "
            "realisasi sebesar Rp. 860.942.000,- atau sebesar 99,35% dengan realisasi fisik sebesar Rp. 100%, "
            "output kegiatan ini adalah tersedianya Dokumen Rencana Kontijensi.")
    (a, r, before), = _items(text)
    assert (a, r) == (Decimal("866600000"), Decimal("860942000"))
    assert "Penguatan Kapasitas Kesiapsiagaan" in before


def test_two_items_in_one_sentence_each_with_its_own_text():
    # lkip_bp3iptek_2016.pdf p46
    text = ("Capaian kinerja Tahun 2016 adalah sangat baik melalui 3 (tiga) kegiatan yaitu Kegiatan Pengembangan "
            "Inovasi Daerah, Budaya Riset dan Intermediasi Teknologi dengan jumlah anggaran sebesar Rp 917.000.000,00 "
            "yang terealisasi sebesar Rp 714.524.189,00 atau 77,92% (realisasi anggaran baik); Selanjutnya Kegiatan "
            "Penguatan Peran Dewan Riset Daerah dalam Mendukung Arah dan Kebijakan Riset dengan jumlah anggaran "
            "sebesar Rp 450.000.000,00 yang terealisasi sebesar Rp 360.431.884,00 atau 80.10% (realisasi anggaran "
            "sangat baik).")
    got = _items(text)
    assert [(a, r) for a, r, _b in got] == [
        (Decimal("917000000.00"), Decimal("714524189.00")), (Decimal("450000000.00"), Decimal("360431884.00"))]
    assert "Pengembangan Inovasi Daerah" in got[0][2] and "Dewan Riset" not in got[0][2]
    assert "Penguatan Peran Dewan Riset Daerah" in got[1][2] and "Inovasi Daerah" not in got[1][2]


def test_a_broken_amount_leaves_the_sentence_unread():
    # lkip_bpbd_2016.pdf p64 (2): "Rp. 907458.180,-" is no number under any convention
    text = ("(2) Kegiatan Penyelenggaraan Administrasi Perkantoran BPBD Provinsi Jawa Barat, dengan alokasi anggaran "
            "sebesar Rp. 1.088.765.000,- realisasi anggaran sebesar Rp. 907458.180,- atau 83,35 %.")
    assert _items(text) == []
    # "Rp.920.942..000": a stray separator after a readable head
    text = "Kegiatan X dengan alokasi anggaran sebesar Rp. 1.116.954.000,- dan realisasi sebesar Rp.920.942..000,-."
    assert _items(text) == []


def test_a_period_or_an_approximation_leaves_the_sentence_unread():
    assert _items("Kegiatan X dengan anggaran sebesar Rp. 500.000.000,- dan realisasi anggaran s.d. Triwulan III "
                  "sebesar Rp. 250.000.000,-.") == []
    assert _items("Kegiatan X dengan anggaran sebesar Rp. 500.000.000,- terealisasi sekitar Rp. 250.000.000,-.") == []


def test_budget_without_a_realisation_is_no_item():
    # 3_lkip_2016_draft.pdf p16: "(1) Pencegahan ..., dengan anggaran sebesar Rp. 739.950.000,00;"
    assert _items("(1) Pencegahan Penyalahgunaan Narkotika di Jawa Barat tahun 2016, dengan anggaran sebesar "
                  "Rp. 739.950.000,00;") == []


def test_the_year_end_period_is_the_whole_year():
    # bab_iii_lakip_2016.pdf p65 6): "realisasi anggaran s.d Triwulan IV (Bulan Desember)"
    text = ("6) Kegiatan Pemeliharaan Sarana dan Prasarana Kantor di Balai Pengelolaan Anjungan Jawa Barat TMII, "
            "dengan alokasi anggaran sebesar Rp1.310.150.000,00 dan realisasi anggaran s.d Triwulan IV (Bulan "
            "Desember) sebesar Rp1.299.148.700,00 atau 99,16%.")
    assert [(a, r) for a, r, _b in _items(text)] == [(Decimal("1310150000.00"), Decimal("1299148700.00"))]


def test_a_long_cell_of_numbers_is_read_in_linear_time():
    # lkip_distan_2016.pdf: cells such as "1. 2. 3. 4. 5. 6. 7." and long runs of figures; the
    # marker test once backtracked exponentially on them (the check of this report never ended)
    import time

    cell = " ".join(str(k % 100) for k in range(60)) + " x"
    t = make_table(["", ""], [[cell, ""]] * 3, number=None)
    start = time.perf_counter()
    assert not prose_box(t)
    assert time.perf_counter() - start < 1.0


# --- formulas ------------------------------------------------------------------------------


def _holds(text: str) -> list[tuple[str, bool]]:
    from lkip_audit.understand.narrative_claims import formula_holds, formulas

    return [(f.result, formula_holds(f)) for f in formulas(text)]


def test_written_arithmetic_that_does_not_give_its_result():
    # bab_iii_lkip_2016.pdf p13: 126,68 / 77 x 100 = 164,519 (164,513-164,533 with 126,68 rounded)
    assert _holds("capaian kinerjanya adalah 126,68/77 *100% = 165,00 dengan kategori") == [("165,00", False)]
    # p17: 30 / 2,849 x 100 = 1,053 (2,849 read as 2849) or 1053,0 (as 2,849): never 0,01
    assert _holds("Persentase gangguan dalam setahun : 30 / 2,849 X 100% = 0,01% Tabel") == [("0,01%", False)]
    # whole operands are exact: 100 / 90 x 100 = 111,111
    assert _holds("realisasi 100/90*100 = 111,12% dengan") == [("111,12%", False)]


def test_written_arithmetic_that_holds_under_a_reading():
    # p17: 4,224 / 307,120 x 100 = 1,3754: truncated 1,37; 1,6 / 1,37 x 100 = 116,788
    assert _holds("yaitu : 4,224 / 307,120 x 100% = 1,37% sehingga kinerja yang dicapai yaitu sebesar "
                  "1,6/1,37x100% = 116,79% Rekap") == [("1,37%", True), ("116,79%", True)]
    # p7: 15,36 / 10 x 100 = 153,6
    assert _holds("capaian kinerjanya itu sebesar 15,36/10*100 = 153,60% dengan") == [("153,60%", True)]
    # 81,25 / 80 x 100 = 101,5625; 81,255 (81,25 rounded) gives 101,569 -> 101,57: not wrong
    assert _holds("x 81,25 / 80 x 100 = 101,57% y") == [("101,57%", True)]


def test_a_broken_result_is_no_formula():
    # p16: "400/188*100% = 212,77,00%"
    assert _holds("capaian kinerjanya adalah 400/188*100% = 212,77,00% dengan kategori") == []
