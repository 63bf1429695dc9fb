"""Property tests (issue #6): the number readers never raise on arbitrary text;
table stitching, understanding and the rules never raise on random tables - any
shape, merged cells, empty cells, garbage text - and what they return is findings."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.layout import Caption
from lkip_audit.extract.model import BBox, Cell, Document, Page, Row, Table
from lkip_audit.extract.numstyle import apply_number_styles
from lkip_audit.extract.ocr import strict_number
from lkip_audit.extract.stitch import build_tables
from lkip_audit.extract.tables import GridCell, Piece
from lkip_audit.findings import Finding
from lkip_audit.numbers import parse_number
from lkip_audit.understand import understand

TEXT = st.one_of(
    st.sampled_from(["", "-", "0", "100", "99,24", "20.000.000", "(2.297.732.999)", "70-80", "4,98 Nilai",
                     "95,26%", "900.00.0", "1,234.5", "94.96", "JUMLAH", "TOTAL", "Tidak Mencapai Target",
                     "Sesuai Target", "Baik", "NO", "TARGET", "REALISASI", "CAPAIAN (%)", "ANGGARAN (Rp)",
                     "Rp38.995.711.827,00", "9S,26", "l00", "ﬁnal\u00a0\u200b", "Yo", "\x00", "𝟗𝟓,𝟐𝟔"]),
    st.text(max_size=15),
)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["id", "en"]))
def test_number_readers_never_raise(text, style):
    for parsed in (parse_number(text, style), strict_number(text)):
        assert parsed.text == text
        assert parsed.kind in ("number", "percent", "range", "empty", "text", "malformed")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_ocr_parsing_never_repairs(text):
    # Strict reading of OCR text never finds a number where the plain reading does not.
    strict, plain = strict_number(text), parse_number(text)
    if strict.value is not None:
        assert plain.value == strict.value


@st.composite
def pieces(draw, page: int, top: float):
    nrows, ncols = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    cells, taken = [], set()
    for r in range(nrows):
        for c in range(ncols):
            if (r, c) in taken:
                continue
            rs = draw(st.integers(1, max(1, min(2, nrows - r))))
            cs = draw(st.integers(1, max(1, min(3, ncols - c))))
            span = {(r + i, c + j) for i in range(rs) for j in range(cs)}
            if span & taken:
                rs = cs = 1
                span = {(r, c)}
            taken |= span
            x0, y0 = 50 + c * 60, top + r * 15
            cells.append(GridCell(draw(TEXT), BBox(x0, y0, x0 + 60 * cs, y0 + 15 * rs), r, c, rs, cs,
                                  bold=draw(st.booleans()), indent=draw(st.floats(0, 20))))
    caption = None
    if draw(st.booleans()):
        num = draw(st.sampled_from(["3.1", "3.2", "2.4", "L.1"]))
        caption = Caption(num, draw(TEXT), BBox(50, top - 20, 400, top - 5))
    return Piece(page=page, bbox=BBox(50, top, 50 + 60 * ncols, top + 15 * nrows), nrows=nrows, ncols=ncols,
                 cells=cells, extractor=draw(st.sampled_from(["pdfplumber-lines", "pdfplumber-hrules"])),
                 col_edges=[50 + 60 * k for k in range(ncols + 1)], caption=caption,
                 caption_position="above" if caption else None)


@st.composite
def documents(draw):
    npages = draw(st.integers(1, 3))
    ps = []
    for page in range(1, npages + 1):
        for k in range(draw(st.integers(0, 2))):
            ps.append(draw(pieces(page, 80 + k * 300)))
    tops = {p: draw(st.lists(st.floats(0, 842), max_size=3)) for p in range(1, npages + 1)}
    texts = {p: draw(st.text(max_size=80)) for p in range(1, npages + 1)}
    return ps, tops, texts, npages


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents(), st.sampled_from(["id", "en"]))
def test_stitching_understanding_and_rules_never_raise(data, lang):
    ps, tops, texts, npages = data
    tables = build_tables(ps, tops)
    for t in tables:
        assert isinstance(t, Table) and t.pages
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=npages,
                   pages=[Page(n, 595, 842, texts[n]) for n in range(1, npages + 1)], tables=tables)
    apply_number_styles(doc)
    und = understand(doc)
    findings = run_checks(doc, und, CheckConfig(lang=lang))
    for f in findings:
        assert isinstance(f, Finding) and f.rule and f.severity in ("error", "warning", "info") and f.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(TEXT, min_size=1, max_size=8), min_size=1, max_size=8), st.booleans())
def test_rules_never_raise_on_raw_tables(rows, ocr):
    # Tables straight into understand + check (ragged rows, OCR cells read strictly).
    header = [Cell(t, 1) for t in rows[0]]
    body = [Row(i, [Cell(t, 1, ocr=ocr) for t in r]) for i, r in enumerate(rows[1:])]
    if ocr:
        for r in body:
            for c in r.cells:
                c._number = strict_number(c.text)
    t = Table("p1-t1", "3.1", "", [1], [c.text for c in header], [header], body)
    doc = Document("x.pdf", "0" * 64, 1, [Page(1, 595, 842, "")], [t])
    findings = run_checks(doc, understand(doc), CheckConfig())
    assert all(isinstance(f, Finding) and f.message for f in findings)
