"""Stacked fractions read off a page's text lines (lkip_audit.understand.fractions), engineer h8."""

from __future__ import annotations

from lkip_audit.extract.model import Document, Page
from lkip_audit.understand.fractions import stacked_fractions
from lkip_audit.understand.narrative_claims import formula_holds


def _doc(text: str) -> Document:
    return Document(path="x.pdf", sha256="0" * 64, page_count=1, pages=[Page(number=1, width=595, height=842, text=text)], tables=[])


def test_a_difference_over_a_number_with_the_result_on_the_next_line():
    fs = stacked_fractions(_doc("Rumus :\n120 - 100\n= X 100%\n100\n= 25%\nKalimat berikutnya."))
    assert len(fs) == 1
    assert not formula_holds(fs[0].formula)  # (120 - 100) / 100 x 100 = 20, not 25
    fs = stacked_fractions(_doc("120 - 100\n= X 100%\n100\n= 20%"))
    assert len(fs) == 1 and formula_holds(fs[0].formula)


def test_the_result_on_the_middle_line_and_units_after_the_numbers():
    fs = stacked_fractions(_doc("∑ 1.000 kbm\n= = 250 kbm/hari\n∑ 4 hari"))
    assert len(fs) == 1 and formula_holds(fs[0].formula)
    assert fs[0].formula.result == "250 kbm/hari"


def test_x_100_percent_may_multiply_percentages_by_one():
    # (90 + 100 + 110) / 3 X 100% = 100: a mean of achievements
    fs = stacked_fractions(_doc("90 + 100 + 110\n= X 100%\n3\n= 100"))
    assert len(fs) == 1 and formula_holds(fs[0].formula)


def test_a_definition_in_words_is_not_arithmetic():
    assert stacked_fractions(_doc("∑ Pendapatan Asli Daerah\n= X 100%\n∑ Pendapatan Daerah - ∑ DAK\n= 5%")) == []
    # a result line holding two numbers ("= 8 84,80%": a stray page number) is not read
    assert stacked_fractions(_doc("17\n= X 100%\n20\n= 8 85%")) == []
