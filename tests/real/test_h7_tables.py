"""Recall on real reports, in tables (h7): table pieces joined or columns read that were not,
one test per fixed cause. Every expected value is typed from the rendered page (pypdfium2),
not from the tool's output."""

from __future__ import annotations

from decimal import Decimal

from lkip_audit.numbers import parse_number
from tests.real.shared import real_audit


def _table(name: str, number: str):
    return next(at for at in real_audit(name).understanding.tables if at.table.number == number)


def _errors(name: str, page: int, table: str | None, rule: str):
    return {(f.row, f.actual, f.expected) for f in real_audit(name).findings
            if f.page == page and f.table == table and f.rule == rule and f.severity == "error"}


def test_continuation_repeating_only_the_column_numbering_row():
    # bab_iii.pdf Tabel 9 "Target dan Realisasi Anggaran APBD" runs over p18-20. p18 prints
    # the header (No | Program/Kegiatan | Jumlah Anggaran Sebelum Perubahan (Rp.) | ... |
    # Realisasi Keuangan (Rp.) (%) | Realisasi Fisik (%)) and under it the row "1 2 3 4 5 6 7";
    # p19 repeats only "1 2 3 4 5 6 7", p20 only "1 2 _ 3 4 5 6" (its own numbering slip).
    name = "bab_iii.pdf"
    at = _table(name, "9")
    assert at.table.pages == [18, 19, 20]
    labels = [r.cells[1].text for r in at.table.rows]
    # first body row of p19 and last row of p20, in the one table
    assert "Tematik Kewilyahan ikan air tawar dan ikan hias" in labels
    assert labels[-1] == "Belanja Tidak Langsung"
    tematik = at.table.rows[labels.index("Tematik Kewilyahan ikan air tawar dan ikan hias")]
    assert parse_number(tematik.cells[4].text).value == Decimal("217499550")
    # the continuation rows keep the columns of p18: the realisation % column is read there
    assert any(c.field == "persen" and c.index == 5 for c in at.columns)
    # p19: Pengembangan Usaha KUMKM 223.300.000 / 225.000.000 x 100 = 99,244, printed 99,30;
    # Pameran Produk KUMKM 675.159.400 / 686.200.000 x 100 = 98,391, printed 98,90
    p19 = _errors(name, 19, "9", "PCT001")
    assert ("Pengembangan Usaha KUMKM", "99,30", "99,24") in p19
    assert ("Pameran Produk KUMKM", "98,90", "98,39") in p19
    # p20: Pemeliharaan sarana dan prasarana aparatur kantor Dinas KUMKM
    # 1.443.376.058 / 1.705.410.000 x 100 = 84,635, printed 86,64
    p20 = _errors(name, 20, "9", "PCT001")
    assert ("Pemeliharaan sarana dan prasarana aparatur kantor Dinas KUMKM", "86,64", "84,64") in p20
    # p19 CLTH ... Kawasan Ciletuh 89.595.500 / 90.000.000 = 99,55, printed "100" (no
    # decimals: 99,55 rounds to 100): consistent at the printed precision, no finding
    assert not any("Ciletuh" in (row or "") for row, _, _ in p19)


def test_capkin_header_is_capaian_kinerja():
    # bab_iii_lkip_2016.pdf p3-5, the IKU table of "3.2 Capaian Kinerja Sasaran Strategik" (no
    # caption number): under "Tahun 2014" / "Tahun 2015" / "Tahun 2016" the columns
    # "Target ( %)" | "Realisasi (%)" | "Capkin 2015 (%)" | "Kriteria"; "Capkin" is the
    # capaian kinerja of that year.
    name = "bab_iii_lkip_2016.pdf"
    at = next(a for a in real_audit(name).understanding.tables
              if a.table.pages[0] == 3 and "Indikator Sasaran" in a.table.columns)
    caps = {c.label: c.group for c in at.columns if c.field == "capaian"}
    assert caps == {"Tahun 2014 Capkin 2014 (%)": "2014", "Tahun 2015 Capkin 2015 (%)": "2015",
                    "Tahun 2016 Capkin 2016 (%)": "2016"}
    xt = {(f.page, f.row, f.actual, f.expected) for f in real_audit(name).findings
          if f.rule == "XT001" and f.severity == "error"}
    # p4 row 16 Tingkat gangguan jaringan dan sistem, Capkin 2016 212,77; Tabel 3,7 p16 prints
    # Capaian Kinerja Tahun 2016 116,79 for the same indicator (1,6 / 1,37 x 100 = 116,79)
    assert (4, "Tingkat gangguan jaringan dan sistem", "212,77", "116,79") in xt
    # p4 row 17 Tingkat gangguan penggunaan perangkat keras TI, Capkin 2015 202,00; p16
    # Capaian Kinerja Tahun 2015 111,11 (1,8 / 1,62 x 100 = 111,11)
    assert (4, "Tingkat gangguan penggunaan perangkat keras TI", "202,00", "111,11") in xt


def test_total_adds_the_children_of_a_parent_without_amounts():
    # bab_iii.pdf Tabel 9 p18-20: "TOTAL APBD" (first body row) over the programs and their
    # kegiatan. On p19 "3. Program Pengembangan Sistem Pendukung bagi Koperasi, Usaha Mikro,
    # Kecil dan Menengah" prints no amount, only "100" under Realisasi Fisik (%): its five
    # kegiatan (225.000.000 + 1.357.500.000 + 686.200.000 + 2.483.925.000 + 900.000.000) are
    # in the total. Jumlah Anggaran Setelah Perubahan: the 37 kegiatan/BTL rows of p18-20 add
    # up to 56.017.677.525, printed 56.017.527.555; Realisasi Keuangan (Rp.) adds up
    # (52.079.014.271).
    name = "bab_iii.pdf"
    sums = [f for f in real_audit(name).findings
            if f.rule == "SUM001" and f.row == "TOTAL APBD" and f.severity == "error"]
    assert [(f.column, parse_number(f.actual).value, parse_number(f.expected).value) for f in sums] == [
        ("Jumlah Anggaran Setelah Perubahan (Rp.)", Decimal("56017527555"), Decimal("56017677525"))]


def test_total_adds_the_child_of_a_dash_only_row():
    # lakip_2016_update_22_juni_2017.pdf Tabel I.3 p11 (Jumlah Pegawai ... Menurut Jenis
    # Pendidikan Terakhir): SMP prints "-" in every column and SD under it ("1", set off
    # centre) is read as its child; the JUMLAH row adds SD's figures: Jumlah column
    # 20 + 19 + 1 + 16 + 1 = 57, printed 56 (the SMU row's 16 is 12 + 3 = 15)
    name = "lakip_2016_update_22_juni_2017.pdf"
    found = {(f.column, f.actual, f.expected) for f in real_audit(name).findings
             if f.rule == "SUM001" and f.page == 11 and f.severity == "error"}
    assert found == {("Jumlah", "56", "57")}


def test_unnamed_kegiatan_under_a_program_set_alike():
    # lkip_bp3iptek_2016.pdf Tabel 3.2 p53-55, column "Program/Kegiatan": programs ("Program
    # Kerjasama Pembangunan") and kegiatan are set in the same plain type at the same indent;
    # some kegiatan do not start with "Kegiatan" ("Pengembangan Kemitraan dan Kolaborasi Riset
    # untuk Pembangunan Jawa Barat"). The "Rata- Rata:" row closes the table. p55: Program
    # Kerjasama Pembangunan, Keuangan Realisasi 7.273.431.900,00; its kegiatan 975.767.379,00
    # + 6.297.664.332,00 = 7.273.431.711,00
    name = "lkip_bp3iptek_2016.pdf"
    at = _table(name, "3.2")
    rows = {r.label[:30]: r for r in at.rows}
    prog = rows["Program Kerjasama Pembangunan"]
    assert rows["Pengembangan Kemitraan dan Kol"].parent == prog.index
    assert rows["Kegiatan Kerjasama Pelaksanaan"].parent == prog.index
    sums = {(f.row, parse_number(f.actual).value, parse_number(f.expected).value)
            for f in real_audit(name).findings if f.rule == "SUM002" and f.page == 55 and f.severity == "error"}
    assert sums == {("Program Kerjasama Pembangunan", Decimal("7273431900"), Decimal("7273431711"))}
