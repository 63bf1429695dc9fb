"""bab_iii_lkip_2016.pdf p3-5, the IKU table: each year group is "Target ( %)" |
"Realisasi (%)" | "Capkin <year> (%)". The "%" there is the unit of the target and the
realisation, not a budget percentage, so the capaian of each year is recomputed. Every
expected value is typed from the rendered pages (pypdfium2), not from the tool's output."""

from __future__ import annotations

from tests.real.shared import real_audit

NAME = "bab_iii_lkip_2016.pdf"


def _findings(page: int, row_start: str, column_part: str):
    return [f for f in real_audit(NAME).findings
            if f.page == page and (f.row or "").startswith(row_start) and column_part in (f.column or "")]


def test_capaian_of_a_year_group_with_percent_target_and_realisation():
    # p3 row 2 "Proporsi PAD terhadap pendapatan daerah (diluar dana DAK)", Tahun 2015:
    # target 83, realisasi 86.54, Capkin 2015 printed 105.54; 86,54 / 83 x 100 = 104,265
    (f,) = [f for f in _findings(3, "Proporsi PAD", "2015") if f.severity == "error"]
    assert (f.rule, f.actual, f.expected) == ("CAP001", "105.54", "104,27")
    # p3 row 5, Tahun 2014: target 31, realisasi 42 (counts), printed 135.49; 42 / 31 x 100 = 135,484
    (f,) = [f for f in _findings(3, "Jumlah objek penerimaan", "2014") if f.severity == "error"]
    assert (f.actual, f.expected) == ("135.49", "135,48")


def test_lower_is_better_rows_of_the_iku_table():
    # p4 row 16 "Tingkat gangguan jaringan dan sistem" (lower is better), Tahun 2016: target
    # 1,6, realisasi 1,37, printed 212,77: (2 x 1,6 - 1,37) / 1,6 x 100 = 114,38 and
    # 1,6 / 1,37 x 100 = 116,79 (what p16 prints: the XT001 of the same cell); no reading gives 212,77
    (f,) = [f for f in _findings(4, "Tingkat gangguan jaringan", "2016") if f.rule.startswith("CAP")]
    assert (f.rule, f.actual, f.expected) == ("CAP002", "212,77", "114,38")


def test_a_deviation_with_realisation_zero_is_not_an_error():
    # p5 row 19 "Defiasi pelaksanaan SOP dan SP" (a deviation: lower is better). Tahun 2015:
    # target 15, realisasi 6, printed 353,33: (30 - 6) / 15 x 100 = 160, 15 / 6 x 100 = 250,
    # neither (an error). Tahun 2016: target 10, realisasi 0, printed 100: target / realisasi
    # is a division by zero, and the report states no formula for the row, so 100 ("fully
    # met") is a plausible reading: said as info, never an error
    rows = _findings(5, "Defiasi", "")
    by_year = {("2015" if "2015" in f.column else "2016"): f for f in rows if f.rule.startswith("CAP")}
    assert (by_year["2015"].severity, by_year["2015"].actual, by_year["2015"].expected) == ("error", "353,33", "160,00")
    assert by_year["2016"].severity == "info" and by_year["2016"].actual == "100"
    assert "realisasi 0" in by_year["2016"].message or "realisation is 0" in by_year["2016"].message


def test_a_delay_of_zero_printed_as_1000_stays_an_error():
    # 3_lkip_tahun_2016_disperindag_jabar.pdf p35 "Tingkat keterlambatan pelaporan" (lower is
    # better): target 2 %, realisasi 0 %, capaian printed 1000. Only a printed 100 is the
    # "fully met" reading of the division by zero; (2 x 2 - 0) / 2 x 100 = 200, and no
    # reading gives 1000: an error, as the triage judged it from the page
    fs = [f for f in real_audit("3_lkip_tahun_2016_disperindag_jabar.pdf").findings
          if f.page == 35 and f.rule == "CAP002" and (f.row or "").startswith("Tingkat keterlambatan pelaporan")]
    assert [(f.severity, f.actual, f.expected) for f in fs] == [("error", "1000", "200")]
