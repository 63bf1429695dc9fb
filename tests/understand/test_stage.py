"""The planning stage and year of tables and columns (lkip_audit/understand/stage.py).

Texts are copied from the documents named in each test: the BKD Banten sample
(samples/lkip-bkd-banten-2024.pdf, pages 6-7 and 81) and the real reports triaged in
benchmarks/real_triage_b.yaml (lkip_bp3akb_2016 Tabel 3.1.7a, lkip_distan_2016 p106,
lakip_2016 III.3).
"""

from __future__ import annotations

from lkip_audit.extract.model import Document, Page
from lkip_audit.understand import stage
from lkip_audit.understand.model import ColumnRole

from tests.check.helpers import analyzed


def doc(pages: dict[int, str], tables=(), tahun=2024) -> Document:
    n = max(pages)
    return Document(path="x.pdf", sha256="0" * 64, page_count=n,
                    pages=[Page(number=i, width=842, height=595, text=pages.get(i, "")) for i in range(1, n + 1)],
                    tables=[at.table for at in tables], tahun=tahun)


# BKD sample p7: the uncaptioned table under "1.7. TINDAK LANJUT LHE SAKIP TAHUN 2024" (heading on p6).
FOLLOW_UP_HEADER = ["Sasaran", "Program", "Kegiatan", "Target TW I", "Target TW II", "Target TW III",
                    "Target TW IV", "Pagu Anggaran"]
FOLLOW_UP_FIELDS = {0: "sasaran", 1: "program", 2: "kegiatan", 3: "target", 4: "target", 5: "target",
                    6: "target", 7: "anggaran"}
FOLLOW_UP_ROWS = [["Meningkatnya Penyelenggaraan Pemerintahan", "Program Penunjang Urusan Pemerintahan Daerah",
                   "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "8", "9", "8", "9",
                   "1.100.128.000"]]
PAGE6 = ("1.7. TINDAK LANJUT LHE SAKIP TAHUN 2024\n"
         "Sebagai tindak lanjut Laporan Hasil Evaluasi (LHE) SAKIP, setiap kegiatan dikaitkan dengan strategi,\n"
         "kebijakan, target triwulanan dan pagu anggarannya sebagai berikut.\n"
         "LKIP Badan Kepegawaian Daerah Provinsi Banten Tahun 2024\n6")
PAGE7 = ("Sasaran Program Kegiatan Target TW I TW II TW III TW IV Pagu Anggaran\n"
         "Meningkatnya Penyelenggaraan Pemerintahan Program Penunjang Perencanaan, Penganggaran 8 9 8 9 1.100.128.000\n"
         "LKIP Badan Kepegawaian Daerah Provinsi Banten Tahun 2024\n7")


def follow_up_table(page=7):
    at = analyzed(FOLLOW_UP_HEADER, FOLLOW_UP_ROWS, FOLLOW_UP_FIELDS, number=None, page=page, label_col=2)
    return at


def test_bkd_follow_up_table_is_a_follow_up_plan_from_its_heading():
    # The heading on p6 of the sample names it: "1.7. TINDAK LANJUT LHE SAKIP TAHUN 2024".
    at = follow_up_table()
    d = doc({6: PAGE6, 7: PAGE7}, [at])
    st = stage.table_stage(at, d)
    assert st.stage == "tindak_lanjut"
    assert any("TINDAK LANJUT LHE SAKIP" in e for e in st.evidence)
    heading, lead = stage.context(d, at.table)
    assert heading == "1.7. TINDAK LANJUT LHE SAKIP TAHUN 2024"
    assert lead.startswith("Sebagai tindak lanjut") and lead.endswith("sebagai berikut.")
    # its pagu column is compared only with other follow-up plans
    at.stage = st
    assert stage.column_slot(at, at.col("anggaran"), 2024) == "tindak_lanjut"


def test_quarterly_targets_beside_a_pagu_without_heading_are_a_plan():
    # The same table with no text above it: its headers alone (TW I-IV targets, Pagu Anggaran,
    # no realisation) make it a quarterly plan, not the DPA.
    at = follow_up_table(page=1)
    st = stage.table_stage(at, doc({1: PAGE7}, [at]))
    assert st.stage == "rencana_aksi"


def test_results_table_under_a_follow_up_heading_stays_this_years():
    # A table of realisation is this year's result whatever section it stands in.
    at = analyzed(["NO", "KEGIATAN", "RENCANA ANGGARAN", "REALISASI Rp"],
                  [["1.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "828.804.357",
                    "787.922.827"]],
                  {0: "no", 1: "kegiatan", 2: "anggaran", 3: "realisasi_rp"}, number=None, page=7)
    st = stage.table_stage(at, doc({6: PAGE6, 7: ""}, [at]))
    assert st.stage is None


def test_pagu_murni_and_perubahan_table_is_not_made_murni_by_the_sentence_above():
    # BKD sample p81: "Dibandingkan dengan anggaran murni, ... Rinciannya sebagai berikut." above a
    # table with PAGU MURNI and PAGU PERUBAHAN columns: its columns say which is which.
    at = analyzed(["NO", "PROGRAM/KEGIATAN/SUB KEGIATAN", "PAGU MURNI", "PAGU PERUBAHAN"],
                  [["", "TOTAL", "41.293.444.826,00", "38.995.711.827,00"]],
                  {0: "no", 1: "uraian", 2: "murni", 3: "perubahan"}, number=None, page=81)
    text = ("Dibandingkan dengan anggaran murni, Belanja pada Badan Kepegawaian Daerah Tahun 2024 semula\n"
            "Rp.41.293.444.826,00 menjadi Rp.38.995.711.827,00 berkurang Rp.2.297.732.999,00 atau sebesar\n"
            "5,56%. Rinciannya sebagai berikut.\nPAGU\nNO PROGRAM/KEGIATAN/SUB KEGIATAN MURNI PERUBAHAN\n")
    assert stage.table_stage(at, doc({81: text}, [at])).stage is None


def test_caption_year_other_than_the_report_year():
    # lkip_bp3akb_2016 Tabel 3.1.7a "Rencana Program dan Kegiatan Tahun 2017" (report year 2016).
    at = analyzed(["NO", "PROGRAM/KEGIATAN", "Rencana Anggaran (Rp.)"],
                  [["1.", "Perlindungan Anak", "2,602,500,000"]],
                  {0: "no", 1: "kegiatan", 2: "anggaran"}, number="3.1.7a", page=62,
                  title="Rencana Program dan Kegiatan Tahun 2017")
    stage.assign(doc({62: ""}, [at], tahun=2016), [at])
    assert at.stage.year == 2017
    assert stage.column_slot(at, at.col("anggaran"), 2016) == "2017"
    # the same caption for the report year itself: this year's
    at.table.title = "Rencana Program dan Kegiatan Tahun 2016"
    stage.assign(doc({62: ""}, [at], tahun=2016), [at])
    assert stage.column_slot(at, at.col("anggaran"), 2016) is None


def test_column_header_names_a_stage_or_a_year():
    at = analyzed(["NO", "KEGIATAN", "Rancangan Awal RKPD Pagu Indikatif (Rp. 000)", "Target 2018",
                   "Capaian Thn Lalu", "Realisasi 2023"],
                  [["1.", "Penanganan Pasca Panen Tanaman Pangan", "1.000.000", "700", "30", "5"]],
                  {0: "no", 1: "kegiatan", 2: "anggaran", 3: "target", 4: "capaian", 5: "realisasi"},
                  number=None, page=107)
    cols = {c.index: c for c in at.columns}
    # lkip_distan_2016 p107: the RKPD draft's indicative ceiling
    assert stage.column_slot(at, cols[2], 2016) == "rkpd"
    # 3_lkip_2016_draft Tabel 3.6 "Target 2018": the Renstra end target, another year
    assert stage.column_slot(at, cols[3], 2016) == "2018"
    # lkip_bp3iptek_2016 p40 "Capaian Thn Lalu": last year's value
    assert stage.column_slot(at, cols[4], 2016) == "2015"
    # a header naming the report year is this year's
    assert stage.column_slot(at, cols[5], 2023) is None


def test_header_year_against_a_caption_year_is_unclear():
    # BKD sample Tabel 3.13 (p28): caption "Pencapaian Kinerja Tahun 2024" over a header "2023"
    # whose values are the 2024 ones (Tabel 3.11): either may be the slip, so not compared.
    at = analyzed(["NO", "INDIKATOR KINERJA", "2023 TARGET", "2023 REALISASI"],
                  [["1", "Indeks Merit Sistem", "332,5", "330,5"]],
                  {0: "no", 1: "indikator", 2: "target", 3: "realisasi"}, number="3.13", page=28,
                  title="Pencapaian Kinerja Tahun 2024", groups={2: "2023", 3: "2023"})
    stage.assign(doc({28: ""}, [at]), [at])
    assert stage.column_slot(at, at.col("target"), 2024) == "#"


def test_funding_source_in_the_caption():
    # bab_iii_akuntabilitas_kinerja: Tabel 3.8 "Dana Dekonsentrasi" and 3.9 "Dana Tugas Pembantuan"
    # are two budgets of one satker.
    for title, want in (("Realisasi Anggaran Dana Dekonsentrasi Tahun 2016", "dekonsentrasi"),
                        ("Realisasi Anggaran Dana Tugas Pembantuan Tahun 2016", "tugas_pembantuan")):
        at = analyzed(["NO", "KEGIATAN", "Pagu (Rp)", "Realisasi (Rp)"],
                      [["1", "Pengelolaan Sumber Daya Perikanan Budidaya", "3.720.517.000,00",
                        "3.658.676.601,00"]],
                      {0: "no", 1: "kegiatan", 2: "anggaran", 3: "realisasi_rp"}, number="3.8", page=23,
                      title=title)
        stage.assign(doc({23: ""}, [at], tahun=2016), [at])
        assert at.stage.stage == want
        assert stage.column_slot(at, at.col("anggaran"), 2016) == want


def test_column_header_naming_the_apbn():
    # a column header naming the national budget (a province-wide APBN figure) is another stage;
    # column_slot reads a column of a table whose stage was never assigned too
    at = analyzed(["NO", "KEGIATAN", "PAGU APBN"], [["1", "X", "1.000"]], {0: "no", 1: "kegiatan", 2: "anggaran"})
    assert stage.column_slot(at, ColumnRole("anggaran", 2, "PAGU APBN"), 2024) == "apbn"


def test_achievement_follows_the_tables_comparison():
    # 3_lkip_tahun_2016_disperindag_jabar p36 Tabel 3.3 "Perbandingan Realisasi Indikator Kinerja Tahun
    # 2016 terhadap Tahun 2015": realisasi 2015 and 2016, no target: its Kategori judges one year against
    # the other, not the realisation against the target (unclear: "#"). p38 Tabel 3.4 "... terhadap
    # Target Rencana Strategis": its only target is "Tahun 2018 Target", so its capaian is against 2018.
    t33 = analyzed(["Indikator Kinerja", "Tahun 2015 Realisasi", "Tahun 2016 Realisasi", "Kategori"],
                   [["Penurunan Nilai Impor Jawa Barat", "5", "10", "Sangat baik"]],
                   {0: "indikator", 1: "realisasi", 2: "realisasi", 3: "kategori"}, number="3.3", page=36,
                   title="Perbandingan Realisasi Indikator Kinerja Tahun 2016terhadap Tahun 2015",
                   groups={1: "2015", 2: "2016"})
    t34 = analyzed(["Indikator Kinerja", "Tahun 2016 Realisasi", "Tahun 2018 Target", "Capaian Kinerja (%)"],
                   [["Jumlah pasar yang ditingkatkan kondisinya", "24", "35", "68.57"]],
                   {0: "indikator", 1: "realisasi", 2: "target", 3: "capaian"}, number="3.4", page=38,
                   title="Perbandingan Realisasi Indikator Kinerja Tahun 2016terhadap Target Rencana Strategis",
                   groups={1: "2016", 2: "2018"})
    stage.assign(doc({36: "", 38: ""}, [t33, t34], tahun=2016), [t33, t34])
    assert stage.column_slot(t33, t33.col("kategori"), 2016) == "#"
    assert stage.column_slot(t34, t34.col("capaian"), 2016) == "2018"
