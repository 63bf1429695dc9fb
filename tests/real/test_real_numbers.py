"""Number conventions and data-quality findings on the real published LKIPs (issues #11, #12).

Every expected value was read off the rendered page (``pdftoppm -f P -l P -r 80``) and
each test names the page; the numbers are the printed texts read by hand. The reports
are not in the repository: each test skips with a message where they are absent.
"""

from __future__ import annotations

from decimal import Decimal as D
from functools import lru_cache

from lkip_audit.check.config import CheckConfig
from lkip_audit.extract.model import Cell
from lkip_audit.extract.numstyle import settle_numbers
from lkip_audit.extract.pdf import read_document

from tests.real.shared import real_path as _path


@lru_cache(maxsize=3)
def _doc(name: str):
    doc = read_document(_path(name))
    settle_numbers(doc)
    return doc


def _row(name: str, page: int, label: str) -> list[Cell]:
    """The cells of the first body row on ``page`` that has a cell starting with ``label``."""
    for t in _doc(name).tables:
        for r in t.rows:
            if r.page == page and any(" ".join(c.text.split()).startswith(label) for c in r.cells):
                return r.cells
    raise AssertionError(f"no row {label!r} on page {page} of {name}")


def _numbers(cells: list[Cell]) -> list[D]:
    return [c.number.value for c in cells if c.number.kind in ("number", "percent")]


# -- bab_iii_lkip_2016.pdf ------------------------------------------------------------

BAB3 = "bab_iii_lkip_2016.pdf"


def test_comma_thousands_with_comma_decimals_page_24():
    # Page 24 (printed 55), "3.5 Realisasi Anggaran": Anggaran Murni, Anggaran Perubahan,
    # Realisasi Keu (Rp,), % as printed:
    #   Program Perencanaan Pengendalian ...      641,773,572,00  546,343,572,00  428,872,840,00  78,50
    #   Pengelolaan Website Dinas Pendapatan ...   184,300,000,00  184,300,000,00  184,020,000,00  99,85
    #   Optimalisasi Perangkat IT Samsat ...       356,600,000,00  337,847,500,00  335,847,500,00  99,41
    assert _numbers(_row(BAB3, 24, "Program Perencanaan"))[-4:] == [
        D("641773572.00"), D("546343572.00"), D("428872840.00"), D("78.50")]
    assert _numbers(_row(BAB3, 24, "Pengelolaan Website"))[-4:] == [
        D("184300000.00"), D("184300000.00"), D("184020000.00"), D("99.85")]
    assert _numbers(_row(BAB3, 24, "Optimalisasi Perangkat"))[-4:] == [
        D("356600000.00"), D("337847500.00"), D("335847500.00"), D("99.41")]
    # nothing on the page is malformed
    bad = [c.text for t in _doc(BAB3).tables for r in t.rows if r.page == 24 for c in r.cells
           if c.number.kind == "malformed"]
    assert bad == []


def test_dot_decimal_percentages_and_mixed_marks_page_3():
    # Page 3 (printed 34), "3.2 Capaian Kinerja Sasaran Strategik", row 1 "Kenaikan
    # Pendapatan Daerah": 2014 target 10, realisasi 16.13, capkin 161.30; 2015: 10,
    # 8.75, 87.5; 2016: 10, 15.36, 153.60 (dot decimals)
    cells = _row(BAB3, 3, "Kenaikan Pendapatan Daerah")
    assert _numbers(cells)[-9:] == [D(10), D("16.13"), D("161.30"), D(10), D("8.75"), D("87.5"),
                                    D(10), D("15.36"), D("153.60")]
    # row 4 "Jumlah Wajib Retribusi": Capkin 2016 printed "106,00" in a column that
    # also prints "153.60" and "100.95": both are decimals
    assert D("106.00") in _numbers(_row(BAB3, 3, "Jumlah Wajib Retribusi"))


def test_wrapped_number_page_3():
    # Page 3, "a. Pajak Kendaraan Bermotor", Tahun 2014 Target: "13.000.0" over "00"
    # in a narrow cell: one number, 13.000.000. The grid layer joins digits wrapped
    # inside one cell (extract/ruleless.py join_cell_lines); before it did, the cell was
    # "13.000.0 00" and numbers.py named it as doubtful (tests/test_numstyle.py keeps that case).
    cells = _row(BAB3, 3, "a. Pajak Kendaraan Bermotor")
    (c,) = [c for c in cells if c.text.startswith("13.000.0")]
    assert c.value == D(13000000) and c.number.problem is None


def test_outline_numbers_and_money_page_7():
    # Page 7 (printed 38): NO. column 1, 1.1, 1.1.1., 1.1.2., 1.1.3 ...; "Pajak Daerah"
    # 2015 (Rp) 14.617.071.393.160, % 102.39; "Lain-lain PAD yang Sah" Kenaikan (28.78)
    cells = _row(BAB3, 7, "1.1.1.")
    assert cells[0].number.kind == "text"
    assert _numbers(cells)[:2] == [D(14617071393160), D("102.39")]
    assert D("-28.78") in _numbers(_row(BAB3, 7, "1.1.4"))


def test_dq_findings_fewer_than_pages():
    from lkip_audit.pipeline import check_document

    doc = read_document(_path(BAB3))
    res = check_document(doc, CheckConfig())
    dq = [f for f in res.findings if f.rule.startswith("DQ") and f.severity in ("error", "warning")]
    # the page count of the file (57); before issue #12, 732 DQ001 errors
    assert len(dq) <= doc.page_count
    assert [f for f in dq if f.rule == "DQ001"] == []


# -- 3_lkip_tahun_2016_disperindag_jabar.pdf ------------------------------------------

DISPERINDAG = "3_lkip_tahun_2016_disperindag_jabar.pdf"


def test_mixed_convention_cell_is_doubtful_page_33():
    # Page 33 (printed III - 3), "Terkendalinya inflasi Jawa Barat": Tahun 2015 Realisasi
    # "0,79" in a column that prints "711.59", "(3.27)" and "4,341,614": one reading
    # (0.79), but not the column's convention: doubtful, not malformed
    cells = _row(DISPERINDAG, 33, "Terkendalinya inflasi")
    (c,) = [c for c in cells if c.text.strip() == "0,79"]
    assert c.number.kind == "malformed" and c.number.doubt == "mixed" and c.number.readings == ("0,79",)
    # "Peningkatan Nilai Produksi IKM": 2015 target 10, realisasi 711.59; 2016 15, 1,309
    assert _numbers(_row(DISPERINDAG, 33, "Peningkatan Nilai Produksi IKM"))[-4:] == [
        D(10), D("711.59"), D(15), D(1309)]
