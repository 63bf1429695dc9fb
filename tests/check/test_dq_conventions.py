"""DQ001 / DQ003 / DQ004 with number conventions decided per column (issues #11, #12).

Values are hand arithmetic on the printed texts; tables are built by hand."""

from __future__ import annotations

from lkip_audit.extract.model import Document, Page
from lkip_audit.extract.numstyle import apply_number_styles
from lkip_audit.understand.model import SECTION
from tests.check.helpers import analyzed, check, fires, only, quiet

RR_HEADER = ["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN", "REALISASI FISIK",
             "REALISASI Rp", "REALISASI %"]
RR_FIELDS = {2: "target", 3: "anggaran", 4: "fisik", 5: "realisasi_rp", 6: "persen"}


def _settled(at):
    apply_number_styles(Document(path="x.pdf", sha256="0" * 64, page_count=1,
                                 pages=[Page(1, 595, 842, "")], tables=[at.table]))
    return at


def rr(rows, **kw):
    return _settled(analyzed(RR_HEADER, rows, RR_FIELDS, kind="rencana_realisasi", **kw))


@fires("DQ004")
def test_dq004_ambiguous_cell_is_info_naming_both_readings():
    # "1.250" alone in a column without a money header, in a table whose other
    # columns use "." both ways: 1250 or 1,25 (hand reading)
    at = _settled(analyzed(["Uraian", "Jumlah", "Anggaran", "Persen"],
                           [["Pelatihan", "1.250", "1.234.567", "16.13"]],
                           {1: "jumlah", 2: "anggaran", 3: "persen"}, label_col=0))
    fs = check(at)
    (f,) = only(fs, "DQ004")
    assert f.severity == "info" and f.actual == "1.250" and f.column == "Jumlah"
    assert "1250" in f.message and "1,250" in f.message and "tidak dapat diperiksa dengan andal" in f.message
    assert only(fs, "DQ001") == []


@quiet("DQ004")
def test_dq004_quiet_on_a_column_of_thousands():
    at = rr([["", "Koordinasi", "12 Dokumen", "1.250", "100,00", "1.000", "80,00"],
             ["", "Pelaksanaan", "1 Dokumen", "2.500.000", "100,00", "2.000.000", "80,00"]])
    assert only(check(at), "DQ004") == []


def test_comma_thousands_money_is_checked_not_malformed():
    # bab_iii_lkip_2016.pdf page 24, first sub kegiatan row as printed:
    # 546,343,572,00 anggaran, 428,872,840,00 realisasi, 78,50 %:
    # 428872840 / 546343572 x 100 = 78,4989... -> 78,50 (hand arithmetic): consistent
    at = rr([["", "Penyusunan Program dan Kegiatan Dinas Pendapatan Provinsi Jawa Barat", "1 Dokumen",
              "546,343,572,00", "100,00", "428,872,840,00", "78,50"]])
    fs = check(at)
    assert only(fs, "DQ001") == [] and only(fs, "PCT001") == []


def test_broken_cell_stays_dq001():
    # seed Tabel 3.26: "282.101.14" among dot-thousands money
    at = rr([["", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "10 Laporan", "282.650.900,00", "100,00",
              "282.101.14", "99,81"],
             ["", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "12 Dokumen", "20.000.000", "100,00", "19.879.294", "99,40"]])
    (f,) = only(check(at), "DQ001")
    assert f.actual == "282.101.14" and f.severity == "error"


def test_dq003_quiet_on_legit_text_and_number_less_rows():
    # "NA" is printed on purpose (3_lkip_2016_draft.pdf page 22: realisasi "NA");
    # a row without any number is a heading, not a row with its values missing
    at = _settled(analyzed(["No", "Indikator", "Target", "Realisasi", "Capaian"],
                           [["1", "Indeks Demokrasi Indonesia", "70", "NA", "-"],
                            ["2", "Meningkatnya kualitas kehidupan", "", "", ""],
                            ["3", "Persentase partisipasi", "75", "80", "106,67"]],
                           {2: "target", 3: "realisasi", 4: "capaian"}, kind="iku"))
    assert only(check(at), "DQ003") == []


def test_dq003_still_fires_where_a_value_is_missing():
    # target printed, realisasi and capaian left blank in a row that carries numbers
    at = _settled(analyzed(["No", "Indikator", "Target", "Realisasi", "Capaian"],
                           [["1", "Persentase partisipasi", "75", "80", ""],
                            ["2", "Indeks kepuasan", "80", "12/05/2024", "90,00"]],
                           {2: "target", 3: "realisasi", 4: "capaian"}, kind="iku",
                           rowinfo={}))
    fs = only(check(at), "DQ003")
    assert [(f.row, f.column) for f in fs] == [("Persentase partisipasi", "Capaian"), ("Indeks kepuasan", "Realisasi")]
