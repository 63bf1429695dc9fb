"""Cross-table rules: XT001, XT002, SUM003, CAP005.

Unit tests build tables by hand from seed rows (../shared/seeds/000_b5fad5c8a9ade674.txt);
the acceptance tests run the whole pipeline on the committed samples, each expectation
recomputed from the source data in samples/src/ (quoted in the comments).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document, Page
from lkip_audit.understand.model import IKU, PARENT, RENCANA_REALISASI, Understanding

from tests.check.helpers import analyzed, check, fires, only, quiet

ROOT = Path(__file__).resolve().parents[2]
XT_RULES = ("XT001", "XT002", "SUM003", "CAP005")

# -- XT001 -----------------------------------------------------------------------

RR_HEADER = ["NO", "KEGIATAN/SUB KEGIATAN", "RENCANA TARGET", "RENCANA ANGGARAN", "REALISASI Rp"]
RR_FIELDS = {0: "no", 1: "uraian", 2: "target", 3: "anggaran", 4: "realisasi_rp"}
KEG = "Administrasi Kepegawaian Perangkat Daerah"
SUB = "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi"


def rr(number, page, target, realisasi, title="", sub=SUB):
    rows = [["1.", KEG, "100", "382.408.480,00", "356.697.893"], ["", sub, target, "11.500.000,00", realisasi]]
    info = {0: {"kind": "kegiatan", "role": PARENT, "children": [1]}, 1: {"kind": "sub_kegiatan", "parent": 0}}
    return analyzed(RR_HEADER, rows, RR_FIELDS, kind=RENCANA_REALISASI, number=number, page=page, rowinfo=info,
                    title=title)


@fires("XT001")
def test_xt001_one_finding_per_disagreement_at_the_minority_place():
    # Seed: target 1 Orang in Tabel 2.8 and 3.65, 6 Orang in Tabel 3.24 -> majority 1 Orang,
    # the finding sits at 3.24; realisasi 3.994.594 (3.24) vs 77.500.000 (3.65): no majority,
    # the finding sits at the first occurrence (3.24). (2.8 prints no realisasi.)
    t28 = rr("2.8", 17, "1 Orang", "", title="Perjanjian Kinerja Badan Kepegawaian Daerah Tahun 2024")
    t324 = rr("3.24", 36, "6 Orang", "3.994.594")
    t365 = rr("3.65", 84, "1 Orang", "77.500.000")
    fs = only(check(t28, t324, t365, select=["XT001"]), "XT001")
    assert len(fs) == 2
    target = next(f for f in fs if f.column == "RENCANA TARGET")
    assert (target.table, target.row, target.actual, target.expected) == ("3.24", SUB, "6 Orang", "1 Orang")
    assert sorted(r.table for r in target.related) == ["2.8", "3.65"]
    assert "6 Orang" in target.message and "2.8 (hal. 17), 3.65 (hal. 84)" in target.message
    real = next(f for f in fs if f.column == "REALISASI Rp")
    assert (real.table, real.actual, real.expected) == ("3.24", "3.994.594", "77.500.000")
    assert [r.table for r in real.related] == ["3.65"]
    # the evidence: both rows tied by their exact name to the item first seen in 2.8
    assert real.detail["majority"] is False
    assert [(m["table"], m["tie"]) for m in real.detail["matches"]] == [("3.24", "exact"), ("3.65", "exact")]


@quiet("XT001")
def test_xt001_quiet_when_values_agree_in_other_spellings():
    # "100" vs "100,00", "11.500.000,00" vs "11.500.000", names differing in case only.
    a = rr("2.8", 17, "1 Orang", "")
    b = rr("3.65", 84, "1 Orang", "77.500.000", sub=SUB.upper())
    assert only(check(a, b, select=["XT001"]), "XT001") == []


def test_xt001_volume_and_percentage_targets_are_not_compared():
    # A capaian table's sub kegiatan target 100,00 (percent of achievement) is another
    # measure than the rencana table's "1 Orang".
    a = rr("3.24", 36, "1 Orang", "")
    b = rr("3.23", 35, "100,00", "")
    assert only(check(a, b, select=["XT001"]), "XT001") == []


# -- XT002 -----------------------------------------------------------------------

IKU_HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "TARGET"]
IKU_FIELDS = {0: "no", 1: "sasaran", 2: "indikator", 3: "target"}


# -- like with like: year and stage (issue #12.2) ---------------------------------

FOLLOW_UP_HEADER = ["Kegiatan", "Target TW I", "Target TW II", "Target TW III", "Target TW IV", "Pagu Anggaran"]
FOLLOW_UP_FIELDS = {0: "kegiatan", 1: "target", 2: "target", 3: "target", 4: "target", 5: "anggaran"}


def _with_pages(ats, pages, tahun=2024):
    """check() on these tables, with the pages' text and the stage of each table assigned."""
    from lkip_audit.understand import stage

    d = Document(path="x.pdf", sha256="0" * 64, page_count=max(pages),
                 pages=[Page(number=i, width=842, height=595, text=pages.get(i, "")) for i in range(1, max(pages) + 1)],
                 tables=[at.table for at in ats], tahun=tahun)
    stage.assign(d, ats)
    return run_checks(d, Understanding(tables=list(ats), scales={}), CheckConfig(select=["XT001", "XT002"]))


@quiet("XT001")
def test_xt001_follow_up_plan_pagu_is_not_the_dpa_budget():
    # BKD sample p6-7: under "1.7. TINDAK LANJUT LHE SAKIP TAHUN 2024" the kegiatan
    # "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah" has Pagu Anggaran
    # 1.100.128.000; its DPA budget in Tabel 3.18 (p33) is 828.804.357. A follow-up plan is another
    # stage: not compared.
    keg = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    plan = analyzed(FOLLOW_UP_HEADER, [[keg, "8", "9", "8", "9", "1.100.128.000"]], FOLLOW_UP_FIELDS,
                    number=None, page=7, label_col=0, rowinfo={0: {"kind": "kegiatan"}})
    t318 = analyzed(RR_HEADER, [["1.", keg, "100,00", "828.804.357", "787.922.827"]], RR_FIELDS,
                    kind=RENCANA_REALISASI, number="3.18", page=33, rowinfo={0: {"kind": "kegiatan"}},
                    title="Rencana dan Realisasi Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja "
                          "Perangkat Daerah Tahun 2024")
    heading = ("1.7. TINDAK LANJUT LHE SAKIP TAHUN 2024\nSebagai tindak lanjut Laporan Hasil Evaluasi (LHE) SAKIP, "
               "setiap kegiatan dikaitkan dengan strategi,\nkebijakan, target triwulanan dan pagu anggarannya "
               "sebagai berikut.\n")
    assert _with_pages([plan, t318], {6: heading, 7: "", 33: ""}) == []
    assert plan.stage.stage == "tindak_lanjut"
    # the same two tables without the heading and without the quarterly targets: one stage, compared
    same = analyzed(["Kegiatan", "Pagu Anggaran"], [[keg, "1.100.128.000"]], {0: "kegiatan", 1: "anggaran"},
                    number=None, page=7, label_col=0, rowinfo={0: {"kind": "kegiatan"}})
    fs = only(_with_pages([same, t318], {7: "", 33: ""}), "XT001")
    assert [(f.actual, f.expected) for f in fs] == [("1.100.128.000", "828.804.357")]


@quiet("XT001")
def test_xt001_plan_of_next_year_is_not_this_years_budget():
    # lkip_bp3akb_2016: Perlindungan Anak 1,688,000,000 in the 2016 budget (Tabel 2.3c p30) and
    # 2,602,500,000 in Tabel 3.1.7a "Rencana Program dan Kegiatan Tahun 2017" (p62): another year.
    hdr, flds = ["NO", "KEGIATAN", "Target Anggaran (Rp)"], {0: "no", 1: "kegiatan", 2: "anggaran"}
    t23 = analyzed(hdr, [["1", "Perlindungan Anak", "1,688,000,000"]], flds, number="2.3c", page=30,
                   rowinfo={0: {"kind": "kegiatan"}}, title="Program dan Kegiatan Tahun 2016")
    t317 = analyzed(hdr, [["1", "Perlindungan Anak", "2,602,500,000"]], flds, number="3.1.7a", page=62,
                    rowinfo={0: {"kind": "kegiatan"}}, title="Rencana Program dan Kegiatan Tahun 2017")
    assert _with_pages([t23, t317], {30: "", 62: ""}, tahun=2016) == []


def test_xt001_indicator_budget_equal_to_a_programs_is_info():
    # BKD sample: Tabel 3.12 (p27) gives Indeks Merit Sistem ANGGARAN 7.102.590.552, which is the
    # budget of the whole Program Kepegawaian Daerah (PK Perubahan, p97); Tabel 3.63 (p80) gives the
    # indicator 6.614.251.452. One reading attributes the program's budget to the indicator: info.
    hdr = ["NO", "INDIKATOR KINERJA UTAMA", "ANGGARAN (Rp)", "REALISASI"]
    flds = {0: "no", 1: "indikator", 2: "anggaran", 3: "realisasi_rp"}
    t312 = analyzed(hdr, [["1.", "Indeks Merit Sistem", "7.102.590.552", "6.783.424.991"]], flds, number="3.12",
                    page=27, rowinfo={0: {"kind": "iku"}})
    t363 = analyzed(hdr, [["3.", "Indeks Merit Sistem", "6.614.251.452", "5.794.486.454"]], flds, number="3.63",
                    page=80, rowinfo={0: {"kind": "iku"}})
    prog = analyzed(["KODE", "URUSAN/PROGRAM", "ANGGARAN PERUBAHAN"],
                    [["5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", "7.102.590.552"]],
                    {0: "no", 1: "program", 2: "anggaran"}, number=None, page=97, rowinfo={0: {"kind": "program"}})
    fs = only(check(t312, t363, prog, select=["XT001"]), "XT001")
    assert {(f.actual, f.expected) for f in fs} == {("7.102.590.552", "6.614.251.452"),
                                                     ("6.783.424.991", "5.794.486.454")}
    assert all(f.severity == "info" for f in fs)
    assert all("7.102.590.552" in f.message for f in fs)
    # without the program's budget in the document the disagreement is an error
    fs = only(check(t312, t363, select=["XT001"]), "XT001")
    assert fs and all(f.severity == "error" for f in fs)


def test_xt001_name_printed_twice_in_one_table_is_info():
    # BKD sample Tabel 3.65 (p89) prints "Evaluasi Disiplin ASN" on two rows; the second carries
    # 655.581.390 (the kegiatan's realisasi), Tabel 3.56 (p75) prints 10.928.542: a repeated label
    # or a child, not surely the same fact.
    hdr, flds = ["NO", "SUB KEGIATAN", "RENCANA ANGGARAN", "REALISASI Rp"], {0: "no", 1: "sub_kegiatan",
                                                                             2: "anggaran", 3: "realisasi_rp"}
    info = {0: {"kind": "sub_kegiatan"}, 1: {"kind": "sub_kegiatan"}}
    t365 = analyzed(hdr, [["", "Evaluasi Disiplin ASN", "11.440.200", "10.928.542"],
                          ["", "Evaluasi Disiplin ASN", "11.440.200", "655.581.390"]], flds, number="3.65", page=89,
                    rowinfo=info)
    t356 = analyzed(hdr, [["", "Evaluasi Disiplin ASN", "11.440.200", "10.928.542"]], flds, number="3.56", page=75,
                    rowinfo={0: {"kind": "sub_kegiatan"}})
    fs = only(check(t356, t365, select=["XT001"]), "XT001")
    assert [(f.actual, f.severity) for f in fs] == [("655.581.390", "info")]


def iku(number, page, rows, title=""):
    info = {i: {"kind": "iku"} for i in range(len(rows))}
    return analyzed(IKU_HEADER, rows, IKU_FIELDS, kind=IKU, number=number, page=page, rowinfo=info, title=title,
                    label_col=2)


@fires("XT002")
def test_xt002_target_differs_from_amended_pk():
    # Dinkes sample: Angka Kematian Ibu target 98 in the PK Perubahan (Tabel 2.3), 96 in Tabel 3.3.
    pk = iku("2.3", 7, [["1.", "Meningkatnya derajat kesehatan ibu dan anak", "Angka Kematian Ibu (AKI)", "98"]],
             title="Perjanjian Kinerja Perubahan Dinas Kesehatan Tahun 2024")
    t33 = iku("3.3", 11, [["1.", "Meningkatnya derajat kesehatan ibu dan anak", "Angka Kematian Ibu (AKI)", "96"]])
    fs = only(check(pk, t33, select=["XT001", "XT002"]), "XT002")
    assert len(fs) == 1
    f = fs[0]
    assert (f.table, f.row, f.actual, f.expected) == ("3.3", "Angka Kematian Ibu (AKI)", "96", "98")
    assert [r.table for r in f.related] == ["2.3"]
    assert only(check(pk, t33, select=["XT001", "XT002"]), "XT001") == []  # not reported twice


@quiet("XT002")
def test_xt002_quiet_when_only_the_original_pk_keeps_its_own_target():
    # Seed: Indeks Profesionalitas ASN 27,98 in the original PK (appendix, DPA), 52,05 in the
    # PK Perubahan and in Tabel 3.2: the original PK quoting itself is no finding.
    name = "Indeks Profesionalitas ASN (Kualifikasi, Kinerja dan Kedisiplinan)"
    murni = iku("L.1", 94, [["1", "Meningkatnya Profesionalisme SDM Aparatur", name, "27,98"]],
                title="Perjanjian Kinerja Tahun 2024")
    perubahan = iku("L.2", 96, [["1", "Meningkatnya Profesionalisme SDM Aparatur", name, "52,05"]],
                    title="Perjanjian Kinerja Perubahan Tahun 2024")
    t32 = iku("3.2", 24, [["2.", "Meningkatnya Profesionalisme SDM Aparatur", name, "52,05"]])
    assert only(check(murni, perubahan, t32, select=["XT001", "XT002"]), "XT002") == []
    assert only(check(murni, perubahan, t32, select=["XT001", "XT002"]), "XT001") == []


# -- SUM003 ------------------------------------------------------------------------

REL_HEADER = ["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "PROGRAM", "INDIKATOR KINERJA PROGRAM"]
REL_FIELDS = {0: "no", 1: "sasaran", 2: "indikator", 3: "program", 4: "indikator"}
IPA = "Indeks Profesionalitas ASN (Kualifikasi, Kinerja dan Kedisiplinan)"
DIMS = ["Nilai Indeks Profesional ASN Dimensi Kedisiplinan", "Nilai Indeks Profesional ASN Dimensi Kinerja",
        "Nilai Indeks Profesional ASN Dimensi Kualifikasi"]


def composite_tables(iku_target):
    # Seed Tabel 3.14 relates the IKU to its dimensions; Tabel 3.16 prints their targets
    # 4,98, 5 and 18; Tabel 2.7 prints the IKU target.
    rel = analyzed(REL_HEADER, [["2.", "Meningkatnya Profesionalisme SDM Aparatur", IPA, "Program Kepegawaian Daerah", DIMS[0]],
                                ["", "", "", "", DIMS[1]], ["", "", "", "", DIMS[2]]],
                   REL_FIELDS, number="3.14", page=29, rowinfo={i: {"kind": "indikator"} for i in range(3)}, label_col=4)
    t27 = iku("2.7", 15, [["2.", "Meningkatnya Profesionalisme SDM Aparatur", IPA, iku_target]])
    t316 = analyzed(["NO", "INDIKATOR KINERJA PROGRAM", "TARGET", "REALISASI"],
                    [["", DIMS[0], "4,98", "5"], ["", DIMS[1], "5", "25,61"], ["", DIMS[2], "18", "22,2"]],
                    {0: "no", 1: "indikator", 2: "target", 3: "realisasi"}, kind=IKU, number="3.16", page=30,
                    rowinfo={i: {"kind": "indikator"} for i in range(3)})
    return rel, t27, t316


@fires("SUM003")
def test_sum003_index_target_is_not_the_sum_of_its_dimensions():
    # 4,98 + 5 + 18 = 27,98, but the IKU target printed is 52,05.
    fs = only(check(*composite_tables("52,05"), select=["SUM003"]), "SUM003")
    assert len(fs) == 1
    f = fs[0]
    assert (f.table, f.row, f.actual, f.expected) == ("2.7", IPA, "52,05", "27,98")
    assert "4,98 + 5 + 18 = 27,98" in f.message
    assert [r.table for r in f.related] == ["3.16"] * 3


@quiet("SUM003")
def test_sum003_quiet_when_components_add_up():
    assert only(check(*composite_tables("27,98"), select=["SUM003"]), "SUM003") == []


@fires("SUM003")
def test_sum003_placed_at_the_index_table_parallel_to_the_components():
    # Seed p15 Tabel 2.7 prints only the IKU target 52,05 under "TARGET"; p29 Tabel 3.15 prints
    # it under "TAHUN 2024 / TARGET TAHUNAN", the header under which p30 Tabel 3.16 prints the
    # dimensions 4,98, 5 and 18: the report puts the index and its components side by side
    # there, so the one finding is at 3.15, not at the first table naming the index.
    rel, t27, _ = composite_tables("52,05")
    head = ["NO", "INDIKATOR", "TARGET TAHUNAN", "REALISASI"]  # (no year: the test document has none)
    flds = {0: "no", 1: "indikator", 2: "target", 3: "realisasi"}
    t315 = analyzed(head, [["2.", IPA, "52,05", "52,81"]], flds, kind=IKU, number="3.15", page=29,
                    rowinfo={0: {"kind": "iku"}})
    t315.table.id = "p29-t2"  # below Tabel 3.14 on the same page
    t316 = analyzed(head, [["", DIMS[0], "4,98", "5"], ["", DIMS[1], "5", "25,61"], ["", DIMS[2], "18", "22,2"]],
                    flds, kind=IKU, number="3.16", page=30, rowinfo={i: {"kind": "indikator"} for i in range(3)})
    fs = only(check(rel, t27, t315, t316, select=["SUM003"]), "SUM003")
    assert [(f.table, f.row, f.actual, f.expected) for f in fs] == [("3.15", IPA, "52,05", "27,98")]
    assert [r.table for r in fs[0].related] == ["3.16"] * 3
    # realisasi 52,81 = 5 + 25,61 + 22,2: no finding for it


def pns(number, page, by, header, values):
    return analyzed(header, [values], {}, kind="komposisi", number=number, page=page, label_col=0,
                    title=f"Keadaan PNS Provinsi Banten berdasarkan {by} Tahun 2024")


def test_sum003_population_totals_across_breakdowns():
    # Seed Tabel 3.43: 5390 + 5302 = 10692; Tabel 3.40: 478 + 3942 + 6272 = 10692 (agree).
    sex = pns("3.43", 56, "Jenis Kelamin", ["Tahun", "Perempuan", "Laki-laki"], ["2024", "5390", "5302"])
    job = pns("3.40", 53, "Jabatan", ["Tahun", "Struktural", "Fungsional Umum", "Fungsional Tertentu"],
              ["2024", "478", "3942", "6272"])
    assert only(check(job, sex, select=["SUM003"]), "SUM003") == []
    # With 6727 instead of 6272 the position breakdown adds up to 478 + 3942 + 6727 = 11147.
    job_bad = pns("3.40", 53, "Jabatan", ["Tahun", "Struktural", "Fungsional Umum", "Fungsional Tertentu"],
                  ["2024", "478", "3942", "6727"])
    fs = only(check(job_bad, sex, select=["SUM003"]), "SUM003")
    assert len(fs) == 1
    assert (fs[0].actual, fs[0].expected) == ("11.147", "10.692") and "3.43" in fs[0].message


# -- CAP005 ------------------------------------------------------------------------

CAP_HEADER = ["NO", "KEGIATAN", "SUB KEGIATAN", "TARGET", "REALISASI", "CAPAIAN"]
CAP_FIELDS = {0: "no", 1: "kegiatan", 2: "sub_kegiatan", 3: "target", 4: "realisasi", 5: "capaian"}
FORMULA = "Cakupan Ketercapaian dari Seluruh Kegiatan = Σ Persentase Ketercapaian dari Seluruh Kegiatan / Jumlah Kegiatan yang diampu"


def cap_table(parent_capaian, formula=True):
    # Seed Tabel 3.34 (first rows): sub kegiatan capaian 100,00, 66,43, 100,00.
    rows = [["1.", "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN", "", "100,00", parent_capaian, parent_capaian],
            ["", "", "Perumusan Bahan Kebijakan Pengadaan ASN", "100,00", "100,00", "100,00"],
            ["", "", "Penyusunan Rencana Kebutuhan, Jenis dan Jumlah Jabatan", "100,00", "66,43", "66,43"],
            ["", "", "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK", "100,00", "100,00", "100,00"]]
    info = {0: {"kind": "kegiatan", "role": PARENT, "children": [1, 2, 3]}}
    info.update({i: {"kind": "sub_kegiatan", "parent": 0} for i in (1, 2, 3)})
    at = analyzed(CAP_HEADER, rows, CAP_FIELDS, kind=IKU, number="3.34", page=48, rowinfo=info, label_col=None)
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=48, tables=[at.table],
                   pages=[Page(number=31, width=595, height=842, text=FORMULA if formula else "")])
    return run_checks(doc, Understanding(tables=[at], scales={}), CheckConfig(select=["CAP005"]))


@fires("CAP005")
def test_cap005_parent_capaian_is_not_the_mean():
    # (100 + 66,43 + 100) / 3 = 88,81; printed 95,80.
    fs = only(cap_table("95,80"), "CAP005")
    assert len(fs) == 1
    assert (fs[0].actual, fs[0].expected, len(fs[0].related)) == ("95,80", "88,81", 3)


@quiet("CAP005")
def test_cap005_quiet_when_mean_matches_or_no_formula_stated():
    assert only(cap_table("88,81"), "CAP005") == []
    assert only(cap_table("95,80", formula=False), "CAP005") == []


# -- acceptance: the whole pipeline on the samples --------------------------------


def _audit(name):
    from lkip_audit.pipeline import audit

    return audit(str(ROOT / "samples" / name), CheckConfig(select=list(XT_RULES)))


@pytest.fixture(scope="module")
def bkd():
    return _audit("lkip-bkd-banten-2024.pdf")


@pytest.fixture(scope="module")
def dinkes():
    return _audit("lkip-contoh-dinkes-2024.pdf")


@pytest.fixture(scope="module")
def dinkes_clean():
    return _audit("lkip-contoh-dinkes-2024-bersih.pdf")


def places(f):
    return [(f.table, f.row, f.column, f.actual)] + [(r.table, r.row, r.column, r.value) for r in f.related]


def _find(findings, rules, table, row_part, actual):
    return [f for f in findings if f.rule in rules and f.table == table and row_part in (f.row or "")
            and f.actual == actual]


def test_bkd_pendidikan_dan_pelatihan(bkd):
    # samples/src/bkd-banten-2024/tables: 2.8 and 3.65 print target "1 Orang", 3.24 prints "6 Orang";
    # realisasi Rp 3.994.594 in 3.24 vs 77.500.000 in 3.65.
    vol = _find(bkd.findings, ("XT001",), "3.24", "Pendidikan dan Pelatihan Pegawai", "6 Orang")
    assert len(vol) == 1 and vol[0].expected == "1 Orang"
    assert {"2.8", "3.65"} <= {r.table for r in vol[0].related}
    rp = _find(bkd.findings, ("XT001",), "3.24", "Pendidikan dan Pelatihan Pegawai", "3.994.594")
    assert len(rp) == 1 and rp[0].expected == "77.500.000"
    assert "3.65" in {r.table for r in rp[0].related}


def test_bkd_indeks_merit_sistem_target(bkd):
    # 2.8 prints 330,5; 2.7, 3.1 (sasaran Meningkatnya Penerapan Merit Sistem, its one IKU),
    # 3.2 and the PK appendix (uncaptioned, DPA and DPPA) print 332,5.
    fs = _find(bkd.findings, ("XT001", "XT002"), "2.8", "Indeks Merit Sistem", "330,5")
    assert len(fs) == 1 and fs[0].expected == "332,5"
    rel = {(r.table, r.value) for r in fs[0].related}
    assert {("2.7", "332,5"), ("3.1", "332,5"), ("3.2", "332,5")} <= rel
    assert (None, "332,5") in rel  # the Perjanjian Kinerja in the appendix


def test_bkd_pengembangan_kompetensi_anggaran(bkd):
    # 3.52 prints 1.802.368.000,00; 2.8 and 3.65 print 1.018.315.000.
    fs = _find(bkd.findings, ("XT001",), "3.52", "Pengembangan Kompetensi ASN", "1.802.368.000,00")
    assert len(fs) == 1 and fs[0].expected == "1.018.315.000"
    assert {"2.8", "3.65"} <= {r.table for r in fs[0].related}


def test_bkd_composite_and_mean(bkd):
    # Indeks Profesionalitas ASN target 52,05 vs its dimensions 4,98 + 5 + 18 = 27,98 (Tabel 3.16).
    s = [f for f in bkd.findings if f.rule == "SUM003" and "Profesionalitas" in (f.row or "")]
    assert len(s) == 1 and (s[0].actual, s[0].expected) == ("52,05", "27,98")
    # p29 Tabel 3.15 (TAHUN 2024 / TARGET TAHUNAN) beside p30 Tabel 3.16, not p15 Tabel 2.7
    assert (s[0].table, s[0].page) == ("3.15", 29)
    assert {r.table for r in s[0].related} == {"3.16"}
    # Tabel 3.34: (11 x 100,00 + 66,43) / 12 = 97,2025 -> 97,20; printed 95,80.
    c = [f for f in bkd.findings if f.rule == "CAP005" and f.table == "3.34"]
    assert len(c) == 1 and (c[0].actual, c[0].expected) == ("95,80", "97,20")


def test_bkd_no_place_listed_twice_and_no_duplicated_finding(bkd):
    xt = [f for f in bkd.findings if f.rule in XT_RULES]
    assert xt
    own = [(f.rule, f.table_id, f.row, f.column) for f in xt]
    assert len(own) == len(set(own))
    for f in xt:
        ps = places(f)
        assert len(ps) == len(set(ps)), f.message
    # each acceptance disagreement is one finding, whatever place it is seen from
    for table, value in (("3.24", "6 Orang"), ("3.52", "1.802.368.000,00"), ("2.8", "330,5")):
        assert sum(1 for f in xt if (table, value) in {(p[0], p[3]) for p in places(f)}) == 1


def test_dinkes_clean_twin_has_no_error(dinkes_clean):
    assert [f.message for f in dinkes_clean.findings if f.rule in XT_RULES and f.severity == "error"] == []


def test_dinkes_every_injected_crosstable_error_is_found(dinkes):
    errors = yaml.safe_load((ROOT / "samples/src/dinkes-sukamaju-2024/errors.yaml").read_text(encoding="utf-8"))
    wanted = [(e, r) for e in errors for r in [e.get("rule")] + list(e.get("also") or [])
              if r in ("XT001", "XT002", "SUM003")]
    assert len(wanted) == 5  # E07 (also XT001), E08, E15, E16, E17
    for e, rule in wanted:
        hits = [f for f in dinkes.findings if f.rule == rule
                and any(t == e["table"] and v == e["value"] for t, _, _, v in places(f))]
        assert hits, f"{e['id']} {rule} not found"
