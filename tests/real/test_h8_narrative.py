"""Recall on the real reports: sentences and cross-table comparisons (engineer h8).

One test per cause fixed. Every expected value was typed from the rendered page (pypdfium2 ->
PNG, looked at), the arithmetic done by hand from the printed figures; none comes from what the
tool prints. The reports live outside the repository: each test skips where one is absent.
"""

from __future__ import annotations

from tests.real.shared import real_audit

IPTEK = "lkip_bp3iptek_2016.pdf"


def _nar(name: str, page: int) -> list[tuple[str, str, str]]:
    """(actual, expected, severity) of the NAR001 findings on one page."""
    return sorted((f.actual, f.expected, f.severity) for f in real_audit(name).findings
                  if f.rule == "NAR001" and f.page == page)


def test_a_sentence_budget_differs_from_the_row_whose_realisation_it_states():
    # lkip_bp3iptek_2016.pdf p50: "dengan jumlah anggaran melalui Progam Kerjasama Pembangunan sebesar
    # Rp 7.514.213.400.000,00 yang terealisasi sebesar Rp 7.273.431.900,00 atau 96,80%". Tabel 3.2
    # p55 prints for "Program Kerjasama Pembangunan" pagu 7.514.213.400,00 and realisasi
    # 7.273.431.900,00 (the same realisation; the text's pagu has an extra ".000" group):
    # 7.273.431.900 / 7.514.213.400 x 100 = 96,796 -> 96,80 as printed.
    assert ("Rp 7.514.213.400.000,00", "7.514.213.400,00", "error") in _nar(IPTEK, 50)
    # the same paragraph's other programme: "Program Penelitian, Studi dan Survei dengan jumlah
    # anggaran Rp 964.500.000,00" equals the pagu printed on p55 (964.500.000,00): no finding on the pagu
    assert not any(a == "Rp 964.500.000,00" for a, _e, _s in _nar(IPTEK, 50) + _nar(IPTEK, 51))


BPBD = "lkip_bpbd_2016.pdf"


def _info(name: str, page: int) -> list[str]:
    return sorted(f.actual for f in real_audit(name).findings
                  if f.rule == "NAR001" and f.page == page and f.severity == "info")


def test_a_broken_amount_in_a_sentence_is_said_as_info():
    # lkip_bpbd_2016.pdf p64 (2): "realisasi anggaran sebesar Rp. 907458.180,- atau 83,35 %" (a thousands
    # dot missing; the table p66 prints 907.458.180) and p65 (4): "alokasi anggaran sebesar
    # Rp. 1.577250.000,-" (p66: 1.577.250.000). Neither is read, so neither sentence is checked: info.
    assert any(a.startswith("Rp. 907458.180") for a in _info(BPBD, 64))
    assert any(a.startswith("Rp. 1.577250.000") for a in _info(BPBD, 65))
    # a well-formed amount of the same sentences is no such info: "Rp. 1.088.765.000,-" (p64)
    assert not any("1.088.765.000" in a for a in _info(BPBD, 64))


def test_a_stated_average_is_the_mean_of_the_achievements_the_next_sentence_gives():
    # lkip_bp3iptek_2016.pdf p58 (Bab IV): "Sasaran 1 : ... dengan capaian rata-rata sebesar 125%.
    # Terbukti dari hasil pengukuran yang diukur melalui 2 (dua) indikator kinerja, kesatu ... dengan
    # capaian kinerja sebesar 250% ... dan kedua ... dengan capaian kinerja diatas target yaitu sebesar
    # 168%": (250 + 168) / 2 = 209, not 125.
    got = [(f.actual, f.expected, f.severity) for f in real_audit(IPTEK).findings
           if f.rule == "NAR001" and f.page == 58]
    assert ("125%", "209", "warning") in got
    # p59 Sasaran 2 in the same words: "capaian rata-rata sebesar 234%", its two indicators 200% and
    # 268%: (200 + 268) / 2 = 234 as printed, no finding
    assert not any(f.rule == "NAR001" and f.actual == "234%" for f in real_audit(IPTEK).findings)


LKIP = "bab_iii_lkip_2016.pdf"


def test_a_fraction_worked_out_on_three_lines_gives_the_result_it_writes():
    # bab_iii_lkip_2016.pdf p7 (printed 38), the Rumus under the Pendapatan Daerah table:
    # (27.694.035.120.859,00 - 24.240.445.765.650,00) / 24.240.445.765.650,00 X 100% = 15.36%;
    # 3.453.589.355.209 / 24.240.445.765.650 x 100 = 14,247 (the table above prints 14.25).
    assert ("15.36%", "14,25", "error") in _nar(LKIP, 7)
    # p12 (printed 43): 342 / 881 x 100% = 39,00% (38,820) and 182 / 881 x 100% = 21.00% (20,658)
    got = _nar(LKIP, 12)
    assert ("39,00%", "38,82", "error") in got
    assert ("21.00%", "20,66", "error") in got
    # p16 (printed 47): ∑ 10.246.498 kbm / ∑ 179 sentra layanan = 58.551 kbm/tahun; 10.246.498 / 179
    # = 57.243,0. The next one, 57.243 kbm / 305 hari = 188 /hari (187,68), holds: no finding on it.
    got = _nar(LKIP, 16)
    assert ("58.551 kbm/tahun", "57.243", "error") in got
    assert not any(a.startswith("188") for a, _e, _s in got)
    # p9: (100,53 + 100 + 100) / 3 X 100% = 100,18, a mean of achievements (x 100% = 1): holds
    assert not any(a.startswith("100,18") for a, _e, _s in _nar(LKIP, 9))
    # p14: 157 / 881 x 100% = 17.82% (17,821) holds
    assert not any(a.startswith("17.82") for a, _e, _s in _nar(LKIP, 14))


LAKIP = "lakip_2016_update_22_juni_2017.pdf"


def test_a_summary_realisation_differs_from_the_total_row_with_the_same_budget():
    # lakip_2016_update_22_juni_2017.pdf p2 (Ringkasan Eksekutif): "Alokasi anggaran Tahun 2016 ...
    # Belanja Langsung setelah Perubahan APBD sebesar Rp. 6.711.000.000,- dengan realisasi sebesar
    # Rp. 6.173.785.026,- atau mencapai (92,00%)"; Tabel III.4 p30 Jumlah: anggaran 6.711.000.000,
    # realisasi 6.604.358.991, 98,41% (the same budget, another realisation).
    got = [(f.actual, f.expected, f.severity) for f in real_audit(LAKIP).findings
           if f.rule == "NAR001" and f.page == 2]
    assert ("Rp. 6.173.785.026", "6.604.358.991", "error") in got
