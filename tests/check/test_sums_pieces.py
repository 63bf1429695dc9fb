"""SUM doubts that name a plausible reading under which the sum holds: a repeated row, and a
table cut at a page break whose pieces were not stitched (READING.md: an error only if it
holds under every plausible reading)."""

from __future__ import annotations

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import Understanding
from tests.tablefactory import make_table

HDR = ["NO", "KEGIATAN/SUB KEGIATAN", "TARGET", "ANGGARAN", "REALISASI Rp"]


def _sums(tables):
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=80, pages=[], tables=list(tables))
    ats = [analyze_table(t) for t in tables]
    found = run_checks(doc, Understanding(tables=ats, scales={}), CheckConfig())
    return [f for f in found if f.rule.startswith("SUM")]


def test_repeated_row_is_a_doubt_not_an_error():
    # BKD Tabel 3.65 p77 (samples/wild/bkd-word-grid-bersih.pdf): kegiatan "Penilaian dan
    # Evaluasi Kinerja Aparatur" 679.175.572; its sub kegiatan end with "Evaluasi Disiplin ASN"
    # printed twice, 11.440.200 each. With both: 6.019.000 + 62.919.000 + 18.359.000 + 40.907.000
    # + 128.449.872 + 15.732.000 + 239.941.800 + 85.000.000 + 70.407.700 + 11.440.200 +
    # 11.440.200 = 690.615.772; without the repeated row: 679.175.572, the printed value.
    rows = [["4.", "Penilaian dan Evaluasi Kinerja Aparatur", "100", "679.175.572", "655.581.390"]]
    subs = [("Penyusunan Kebijakan Penilaian", "6.019.000", "6.016.701"),
            ("Pelaksanaan Penilaian Kinerja", "62.919.000", "58.844.996"),
            ("Evaluasi Hasil Penilaian Kinerja", "18.359.000", "14.749.245"),
            ("Pengelolaan Pemberian Penghargaan", "40.907.000", "40.642.719"),
            ("Pengelolaan Tanda Jasa", "128.449.872", "125.080.093"),
            ("Evaluasi Pelaksanaan Pengawasan", "15.732.000", "15.720.790"),
            ("Pembinaan Disiplin ASN", "239.941.800", "236.958.737"),
            ("Pengelolaan Penyelesaian Pelanggaran Disiplin ASN", "85.000.000", "84.609.660"),
            ("Pelayanan Proses Izin", "70.407.700", "62.029.907"),
            ("Evaluasi Disiplin ASN", "11.440.200", "10.928.542"),
            ("Evaluasi Disiplin ASN", "11.440.200", "11.440.200")]
    rows += [["", lab, "1 Dokumen", a, r] for lab, a, r in subs]
    t = make_table(HDR, rows, number="3.65", page=77, bold_rows={0}, indents={i: 14.0 for i in range(1, 12)})
    found = _sums([t])
    # the realisasi: 655.581.390 = the sum without the repeated row (667.021.590 - 11.440.200)
    assert sorted((f.column, f.expected, f.severity) for f in found) == [
        ("ANGGARAN", "690.615.772", "info"), ("REALISASI Rp", "667.021.590", "info")]
    assert all("mengulang label" in f.message for f in found)


def test_parent_at_the_end_of_a_piece_continued_on_the_next_page():
    # BKD Tabel 2.8 p15 (bkd-word-grid-bersih): kegiatan "Administrasi Keuangan Perangkat
    # Daerah" 22.134.054.750 ends the piece of page 15 with 6 sub kegiatan (22.064.054.750);
    # the next page begins an uncaptioned piece with 50.000.000 and 20.000.000 more
    # (22.064.054.750 + 70.000.000 = 22.134.054.750). The pieces were not stitched: info.
    a = make_table(HDR, [
        ["2.", "Administrasi Keuangan Perangkat Daerah", "100", "22.134.054.750", ""],
        ["", "Penyediaan Gaji dan Tunjangan ASN", "87 Orang/Bulan", "21.577.670.000", ""],
        ["", "Penyediaan Administrasi Pelaksanaan Tugas ASN", "12 Dokumen", "381.109.750", ""],
        ["", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "12 Dokumen", "52.597.000", ""],
        ["", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "12 Dokumen", "20.000.000", ""],
        ["", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "1 Laporan", "20.000.000", ""],
        ["", "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan", "1 Dokumen", "12.678.000", ""],
    ], number=None, page=15, bold_rows={0}, indents={i: 14.0 for i in range(1, 7)})
    b = make_table(HDR, [
        ["", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan SKPD", "18 Laporan", "50.000.000", ""],
        ["", "Penyusunan Pelaporan dan Analisis Prognosis Realisasi Anggaran", "1 Dokumen", "20.000.000", ""],
    ], number=None, page=16, indents={0: 14.0, 1: 14.0})
    found = _sums([a, b])
    assert [(f.row_index, f.expected, f.severity) for f in found] == [(0, "22.064.054.750", "info")]
    assert "bersambung ke halaman 16" in found[0].message
    # the same piece with nothing on the next page: the sum is wrong under every reading
    assert [(f.row_index, f.severity) for f in _sums([a])] == [(0, "error")]
    # a next piece whose first rows do not make up the 70.000.000 (50.000.000, then
    # 50.000.000 + 25.000.000 = 75.000.000): wrong when stitched too, an error
    c = make_table(HDR, [
        ["", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan SKPD", "18 Laporan", "50.000.000", ""],
        ["", "Penyusunan Pelaporan dan Analisis Prognosis Realisasi Anggaran", "1 Dokumen", "25.000.000", ""],
    ], number=None, page=16, indents={0: 14.0, 1: 14.0})
    assert [(f.row_index, f.severity) for f in _sums([a, c])] == [(0, "error")]


def test_total_of_an_uncaptioned_piece_continued_from_the_page_before():
    # BKD Tabel 3.65's last piece (p77): its "Jumlah" 38.995.711.827 sums the whole table,
    # most of it printed on the pages before; the rows of this piece add up to far less
    # (here 20.000.000 + 12.678.000 = 32.678.000): the total may cover rows printed earlier.
    a = make_table(HDR, [["1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", "100", "38.963.033.827", ""]],
                   number="3.65", page=76)
    b = make_table(HDR, [
        ["", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "1 Laporan", "20.000.000", ""],
        ["", "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan", "1 Dokumen", "12.678.000", ""],
        ["", "Jumlah", "", "38.995.711.827", ""],
    ], number=None, page=77)
    b.id = "p77-t1"
    found = [f for f in _sums([a, b]) if f.table is None]
    assert [(f.rule, f.expected, f.severity) for f in found] == [("SUM001", "32.678.000", "info")]
    assert "bersambung dari halaman 76" in found[0].message
    # the rows before do not make up the difference (38.963.033.800 + 32.678.000 =
    # 38.995.711.800, not 38.995.711.827): an error under the stitched reading too
    a2 = make_table(HDR, [["1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", "100", "38.963.033.800", ""]],
                    number="3.65", page=76)
    found = [f for f in _sums([a2, b]) if f.table is None]
    assert [(f.rule, f.severity) for f in found] == [("SUM001", "error")]


def test_parent_whose_children_run_past_the_end_of_the_document():
    # 6_lkip_2016_full_1.pdf p49 (the file's last page, III-13, ends mid-table): "Misi 2"
    # carries the Misi's 254.415.357.450; only its first program, 22.600.355.000, is in the
    # file (here with a second one, 10.000.000.000, made up: 32.600.355.000 in all). The rows
    # present add up to less than the parent, and the rest is not there.
    t = make_table(["NO", "URAIAN", "TARGET", "ANGGARAN", "REALISASI Rp"], [
        ["2", "Misi 2: Meningkatkan Ketersediaan dan Kualitas Perumahan", "", "254.415.357.450", ""],
        ["", "Pembinaan dan Pengembangan Infrastruktur Permukiman", "", "22.600.355.000", ""],
        ["", "Pengembangan Perumahan", "", "10.000.000.000", ""],
    ], number=None, page=49, bold_rows={0}, indents={1: 14.0, 2: 14.0})
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=49, pages=[], tables=[t])
    at = analyze_table(t)
    found = [f for f in run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig()) if f.rule == "SUM002"]
    assert [(f.expected, f.severity) for f in found] == [("32.600.355.000", "info")]
    assert "akhir dokumen" in found[0].message
    # the same table in a 60-page document, followed by nothing: the sum is wrong, an error
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=60, pages=[], tables=[t])
    found = [f for f in run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig()) if f.rule == "SUM002"]
    assert [(f.expected, f.severity) for f in found] == [("32.600.355.000", "error")]
