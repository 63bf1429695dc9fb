"""run_checks never raises, whatever the shape and content of the tables."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import PageProblem
from lkip_audit.understand.model import (
    BODY, FIELDS, PARENT, SECTION, TOTAL, AnalyzedTable, Band, ColumnRole, RowInfo, Scale, Understanding,
)
from tests.check.helpers import doc_for
from tests.tablefactory import make_table

CELL = st.one_of(
    st.sampled_from(["", "-", "0", "100", "100,00", "99,24", "20.000.000", "19.879.294", "(2.297.732.999)",
                     "70-80", "80-70", "4,98 Nilai", "12 Dokumen", "95,26%", "900.00.0", "282.101.14",
                     "Rp38.995.711.827,00", "1,234.5", "Tidak Mencapai Target", "Sesuai Target", "Baik", "JUMLAH",
                     "-5", "0,00", "1e9", "NaN", "∞", "1.", "Melebihi Target"]),
    st.text(max_size=12),
)
KINDS = st.sampled_from(["iku", "perjanjian_kinerja", "rencana_realisasi", "belanja", "komposisi", "kebutuhan",
                         "skala", "other"])


@st.composite
def tables(draw):
    ncol = draw(st.integers(1, 8))
    nrow = draw(st.integers(0, 7))
    # ragged rows on purpose: fewer or more cells than columns
    rows = [draw(st.lists(CELL, min_size=max(0, ncol - 2), max_size=ncol + 1)) for _ in range(nrow)]
    rows = [r if r else [""] for r in rows]
    t = make_table([f"C{i}" for i in range(ncol)], rows, number=draw(st.sampled_from([None, "3.1"])),
                   page=draw(st.integers(1, 5)))
    cols = [ColumnRole(field=draw(st.sampled_from(FIELDS)), index=draw(st.integers(0, ncol + 1)),
                       label=draw(st.text(max_size=5)), group=draw(st.sampled_from([None, "2023", "2024"])))
            for _ in range(draw(st.integers(0, 10)))]
    idx = st.integers(-1, nrow + 1)
    infos = [RowInfo(index=draw(st.integers(-1, nrow)), role=draw(st.sampled_from([BODY, PARENT, TOTAL, SECTION])),
                     level=draw(st.integers(0, 2)), parent=draw(st.one_of(st.none(), idx)),
                     children=draw(st.lists(idx, max_size=4)), covers=draw(st.lists(idx, max_size=4)),
                     label=draw(st.text(max_size=8)))
             for _ in range(draw(st.integers(0, nrow + 1)))]
    lower = set(draw(st.lists(idx, max_size=3)))
    return AnalyzedTable(table=t, kind=draw(KINDS), columns=cols, rows=infos, lower_is_better=lower)


SCALE = Scale("kategori", [Band("Baik", 80, 100), Band("Kurang", None, 80, True, False)], "test")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(tables(), max_size=3), st.sampled_from(["round", "truncate", "either"]), st.sampled_from(["id", "en"]),
       st.booleans(), st.lists(st.builds(PageProblem, st.integers(1, 9), st.sampled_from(["image-only", "odd"])), max_size=2))
def test_run_checks_never_raises(ats, rounding, lang, with_scale, problems):
    und = Understanding(tables=ats, scales={"kategori": SCALE} if with_scale else {})
    fs = run_checks(doc_for(*ats, problems=problems), und, CheckConfig(rounding=rounding, lang=lang))
    for f in fs:
        assert f.rule and f.severity in ("error", "warning", "info") and f.message
