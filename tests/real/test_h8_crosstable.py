"""Recall on the real reports: the same item in several tables (engineer h8).

Expected values typed from the rendered pages (pypdfium2 -> PNG, looked at); none from the tool.
"""

from __future__ import annotations

from tests.real.shared import real_audit

LKIP = "bab_iii_lkip_2016.pdf"


def _xt(page: int) -> list[tuple[str, str]]:
    return sorted((f.actual, f.expected) for f in real_audit(LKIP).findings
                  if f.rule == "XT001" and f.page == page and f.severity == "error")


def test_a_name_without_its_trailing_qualifier_is_the_same_indicator():
    # bab_iii_lkip_2016.pdf: Tabel 3,6 (p15) names the indicator "Ketersediaan Standar Operasional
    # Prosedur", the IKU table (p4, row 14) and the table on p22 (row 14) "Ketersediaan Standar
    # Operasional Prosedur terhadap kebutuhan". p15 prints realisasi 2016 100 and "Capaian Kinerja
    # Tahun 2015" 100; p22 prints "REALISASI SD TAHUN 2016" 111,12; p4 prints the 2015 capaian 113,21
    # (96,23 / 85 x 100 = 113,21).
    assert ("100", "111,12") in _xt(15)
    assert ("113,21", "100") in _xt(4)
