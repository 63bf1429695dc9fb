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
