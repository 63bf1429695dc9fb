"""Cross-table findings (XT001/XT002) on the real published LKIPs in ../shared/real/ (issue #12.2).

Like with like: a value is compared only with the same item's value of the same year and
planning stage. Each expectation was read off the rendered page (``pdftoppm -f P -l P -r 80``)
and is the one the hand triage records (benchmarks/real_triage_a.yaml / _b.yaml, with the
arithmetic); none comes from what the tool prints. The files are not in the repository: each
test skips with a message where they are absent.
"""

from __future__ import annotations

from functools import lru_cache

from lkip_audit.check import CheckConfig

from tests.real.shared import real_path


@lru_cache(maxsize=2)
def _xt(name: str):
    from lkip_audit.pipeline import audit

    return [f for f in audit(str(real_path(name)), CheckConfig(select=["XT001", "XT002"])).findings
            if f.severity in ("error", "warning")]


def _at(fs, page=None, table=None, row=None, actual=None):
    return [f for f in fs if (page is None or f.page == page) and (table is None or f.table == table)
            and (row is None or row.lower() in (f.row or "").lower()) and (actual is None or f.actual == actual)]


def test_bp3akb_plan_for_next_year_is_not_this_years_budget():
    # lkip_bp3akb_2016 p62 Tabel 3.1.7a "Rencana Program dan Kegiatan Tahun 2017": Perlindungan Anak
    # 2,602,500,000 planned for 2017 against 1,688,000,000 in the 2016 budget (Tabel 2.3c p30): another year.
    fs = _xt("lkip_bp3akb_2016.pdf")
    assert _at(fs, page=62) == []
    assert [f for f in fs if any(r.page == 62 for r in f.related)] == []
    # the true one stays: Pemeliharaan Sarana dan Prasarana Kantor 1,553,730,600 (Tabel 2.3c p31) vs
    # 1,553,730,000 (Tabel 3.2b p66)
    assert _at(fs, page=31, row="Pemeliharaan Sarana dan Prasarana Kantor", actual="1,553,730,600")


def test_disperindag_kategori_of_a_comparison_between_years_is_not_compared():
    # 3_lkip_tahun_2016_disperindag_jabar p36-37 "Perbandingan Realisasi ... Tahun 2016 terhadap Tahun
    # 2015": its Kategori judges 2016 against 2015 (e.g. Penurunan Nilai Impor "Sangat baik"), the
    # Tabel 3.2 Kategori judges 2016 against the target ("Sedang"): different measures.
    fs = _xt("3_lkip_tahun_2016_disperindag_jabar.pdf")
    assert [f for f in fs if (f.column or "").lower() in ("kategori", "capaian kinerja (%)")] == []
    # the true ones stay: Peningkatan Nilai Produksi IKM target 10 (Tabel 2.1 p28) vs 15% (PK, Tabel
    # 3.1/3.2); Jumlah kerjasama perdagangan realisasi 2015: 15 (p33) vs 5 (p37)
    assert _at(fs, page=28, row="Peningkatan Nilai Produksi IKM", actual="10")
    assert _at(fs, page=33, row="Jumlah kerjasama perdagangan", actual="15")


def test_draft_renstra_end_target_is_not_this_years_target():
    # 3_lkip_2016_draft p24-25 Tabel 3.6 "Target 2018" (Renstra end target: 50%, 59%, 73) against the
    # 2016 PK targets (40, 29, 71): another year, no XT002.
    fs = _xt("3_lkip_2016_draft.pdf")
    assert [f for f in fs if f.rule == "XT002"] == []
    assert [f for f in fs if "2018" in (f.column or "")] == []
    # the true one stays: Jumlah Ormas realisasi 582 (Tabel 3.3 p21) vs 580 (Tabel 3.6 p25)
    assert _at(fs, page=21, row="Jumlah Ormas", actual="582")


def test_lakip_capaian_of_last_year_is_not_this_years():
    # lakip_2016_update_22_juni_2017 p28 Tabel III.3 "Capaian 2015" (17; 5,99%; 90%) against the 2016
    # capaian 100 of Tabel III.1 p26-27: last year's values.
    fs = _xt("lakip_2016_update_22_juni_2017.pdf")
    assert [f for f in fs if f.table == "III.1" and (f.column or "").startswith("Capaian")] == []


def test_dekonsentrasi_and_tugas_pembantuan_are_two_budgets():
    # bab_iii_akuntabilitas_kinerja_2016 p23 Tabel 3.8 (Dana Dekonsentrasi) and p24 Tabel 3.9 (Dana
    # Tugas Pembantuan) both list "Pengelolaan Sumber Daya Perikanan Budidaya" of Satker-04: two budgets.
    fs = _xt("bab_iii_akuntabilitas_kinerja_2016.pdf")
    assert _at(fs, page=23) == [] and _at(fs, page=24) == []
    # the true ones stay: NTP sub sektor perikanan realisasi 2016 100,46 (Tabel 3.2 p4) vs 99,24 (3.3, 3.5)
    assert _at(fs, page=4, row="NTP sub sektor perikanan", actual="100,46")


def test_distan_rkpd_draft_ceiling_is_not_the_apbd():
    # lkip_distan_2016 p106-124 appendix "Rencana Kerja": "Rancangan Awal RKPD Pagu Indikatif (Rp. 000)",
    # e.g. Penanganan Pasca Panen Tanaman Pangan 1.000.000 (p107) against the APBD 596.150.000 (p146).
    fs = _xt("lkip_distan_2016.pdf")
    assert [f for f in fs if 106 <= (f.page or 0) <= 124] == []
    assert [f for f in fs if "rkpd" in (f.column or "").lower()] == []


def test_bp3iptek_kinerja_percentage_is_not_budget_absorption():
    # lkip_bp3iptek_2016 p40: "% Realisasi" under Target, in a table with no budget column, is the
    # kinerja's (Prosentase Hasil Riset ... 200 = 40 / 20 x 100); Tabel 3.3 p56 "% Penyerapan Anggaran"
    # 94,3 is the budget's: different facts, not compared.
    fs = _xt("lkip_bp3iptek_2016.pdf")
    assert _at(fs, page=40) == []
