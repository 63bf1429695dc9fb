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
