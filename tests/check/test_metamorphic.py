"""Metamorphic properties of the check stage (issue #12).

1. A generated table whose arithmetic is consistent (capaian = realisasi / target x 100,
   % = realisasi Rp / anggaran x 100, JUMLAH = the sum of its rows, the tingkat label in
   the band of the capaian, a program = the sum of its kegiatan) gives no finding.
2. Changing one cell gives findings only on that cell's relations: the cell's row, and
   for an additive column the row that sums it (the JUMLAH or the parent).

The model is built directly (tests/check/helpers.analyzed): no extraction involved, so
every expected value is the generator's own hand arithmetic.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_audit.understand.model import PARENT, TOTAL
from tests.check.helpers import analyzed, check

D = Decimal
HDR = ["NO", "URAIAN", "TARGET", "REALISASI", "CAPAIAN (%)", "TINGKAT PENCAPAIAN",
       "ANGGARAN (Rp)", "REALISASI (Rp)", "%"]
FIELDS = {1: "uraian", 2: "target", 3: "realisasi", 4: "capaian", 5: "tingkat",
          6: "anggaran", 7: "realisasi_rp", 8: "persen"}
ADDITIVE = (6, 7)
NAMES = ["Penyusunan Dokumen Perencanaan", "Koordinasi Penyusunan RKA", "Evaluasi Kinerja Perangkat Daerah",
         "Penyusunan Laporan Keuangan", "Pengelolaan Barang Milik Daerah", "Pengadaan Peralatan Kantor"]


def idn(v: Decimal, decimals: int = 0) -> str:
    """Indonesian format: dot thousands, comma decimals."""
    q = v.quantize(D(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    s = f"{q:,.{decimals}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def tingkat(c: Decimal) -> str:
    return "Tidak Mencapai Target" if c < 100 else ("Sesuai Target" if c == 100 else "Melebihi Target")


@st.composite
def consistent_tables(draw):
    n = draw(st.integers(2, 5))
    with_parent = draw(st.booleans())
    rows = []
    for k in range(n):
        t = D(draw(st.integers(10, 500)))
        r = D(draw(st.integers(1, 700)))
        cap = (r / t * 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        a = D(draw(st.integers(1_000, 900_000))) * 1000
        rp = (a * D(draw(st.integers(50, 100))) / 100).quantize(D(1))
        pct = (rp / a * 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        rows.append([f"{k + 1}.", NAMES[k], idn(t), idn(r), idn(cap, 2), tingkat(cap), idn(a), idn(rp), idn(pct, 2)])
    rowinfo = {}
    if with_parent:
        # a program above its kegiatan: its budget is their sum (Permendagri 90/2019)
        sa = sum((D(x[6].replace(".", "")) for x in rows), D(0))
        sr = sum((D(x[7].replace(".", "")) for x in rows), D(0))
        rows.insert(0, ["I.", "Program Penunjang Urusan Pemerintahan", "", "", "", "", idn(sa), idn(sr),
                        idn((sr / sa * 100).quantize(D("0.01"), rounding=ROUND_HALF_UP), 2)])
        rowinfo[0] = {"role": PARENT, "children": list(range(1, n + 1)), "kind": "program"}
        for k in range(1, n + 1):
            rowinfo[k] = {"parent": 0, "level": 1, "kind": "kegiatan"}
        top = [0]
    else:
        top = list(range(n))
    body = len(rows)
    ta = sum((D(rows[k][6].replace(".", "")) for k in top), D(0))
    tr = sum((D(rows[k][7].replace(".", "")) for k in top), D(0))
    rows.append(["", "JUMLAH", "", "", "", "", idn(ta), idn(tr),
                 idn((tr / ta * 100).quantize(D("0.01"), rounding=ROUND_HALF_UP), 2)])
    rowinfo[body] = {"role": TOTAL, "covers": top, "kind": "total"}
    return rows, rowinfo, with_parent


def build(rows, rowinfo):
    return analyzed(HDR, [list(r) for r in rows], FIELDS, kind="rencana_realisasi", rowinfo=rowinfo)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(consistent_tables())
def test_consistent_table_gives_no_finding(gen):
    rows, rowinfo, _ = gen
    found = check(build(rows, rowinfo))
    assert found == [], [f.message for f in found]


@SETTINGS
@given(consistent_tables(), st.data())
def test_one_changed_cell_gives_findings_on_its_relations_only(gen, data):
    rows, rowinfo, with_parent = gen
    total = len(rows) - 1
    first = 1 if with_parent else 0
    i = data.draw(st.integers(first, total - 1), label="row")
    col = data.draw(st.sampled_from([2, 3, 4, 6, 7, 8]), label="column")
    old = rows[i][col]
    # a change far outside any rounding: the value times 3, plus 7 (hand arithmetic)
    decimals = len(old.split(",")[1]) if "," in old else 0
    v = D(old.replace(".", "").replace(",", "."))
    rows[i][col] = idn(v * 3 + 7, decimals)
    found = check(build(rows, rowinfo))
    allowed = {i}
    if col in ADDITIVE:
        allowed |= {total}  # the JUMLAH sums this row (directly or through its program)
        if with_parent:
            allowed |= {0}  # the program sums its kegiatan
    assert found, f"no finding after changing row {i} column {col} from {old} to {rows[i][col]}"
    for f in found:
        assert f.row_index in allowed, (i, col, f.rule, f.row_index, f.message)
