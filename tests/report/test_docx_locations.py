"""A Word draft has no pages (issue #13, Locations): every report format names a finding's
place as a reviewer finds it in Word ("Bab III > 3.1 > Tabel 3, baris 4"), and none of them
quotes a page or the reader's pseudo-pages ("hal. 6", "p6-t1").

The expected places are read from the .docx itself with python-docx (headings, captions,
table rows, paragraphs), not from what the tool prints."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import jsonschema
import pytest

from lkip_audit.check.config import CheckConfig
from lkip_audit.check.engine import active_rules
from lkip_audit.pipeline import audit
from lkip_audit.report import output
from lkip_audit.report.base import ReportInput

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "samples" / "wild" / "konvensi-lain.docx"
REPORT_SCHEMA = ROOT / "schemas" / "lkip-audit-report-v1.schema.json"

# a page or a pseudo-page: "hal. 6", "halaman 6", "p. 6", "page 6", "p6-t1"
PAGE_RE = re.compile(r"\bhal\. ?\d|\bhalaman \d|\bp\. ?\d|\bpage \d|\bp\d+-t\d+", re.I)
ROW = {"id": "baris", "en": "row"}
TABLE = {"id": "Tabel", "en": "Table"}


# -- the document, read without the tool ---------------------------------------------------

def _blocks():
    """(kind, paragraph style, text or python-docx Table) of the body in order."""
    d = docx.Document(str(DRAFT))
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = docx.text.paragraph.Paragraph(el, d)
            out.append(("p", p.style.name, " ".join(p.text.split())))
        elif tag == "tbl":
            out.append(("t", None, docx.table.Table(el, d)))
    return out


def _short(heading: str) -> str:
    """A heading as the location path names it: "BAB III AKUNTABILITAS ..." -> "Bab III",
    "3.1 Capaian ..." -> "3.1"."""
    m = re.match(r"BAB\s+([IVX]+)\b", heading, re.I)
    return f"Bab {m.group(1).upper()}" if m else heading.split()[0]


def _heading_path(blocks, upto: int) -> list[str]:
    path: list[tuple[int, str]] = []
    for kind, style, text in blocks[:upto]:
        if kind == "p" and style and style.startswith("Heading ") and text:
            level = int(style.split()[1])
            path = [h for h in path if h[0] < level] + [(level, text)]
    return [t for _, t in path]


def _table_after_caption(blocks, number: str):
    """(index, table) of the table right after the caption 'Tabel <number>'."""
    for i, (kind, style, text) in enumerate(blocks):
        if kind == "p" and re.match(rf"Tabel {re.escape(number)}\b\.?", text or ""):
            j = next(k for k in range(i + 1, len(blocks)) if blocks[k][0] == "t")
            return j, blocks[j][2]
    raise AssertionError(f"no caption Tabel {number} in {DRAFT.name}")


def _body_row(table, label: str, header_first: str) -> int:
    """1-based row of ``label`` below the header rows (those whose first cell is
    ``header_first``, Word repeating a vertically merged cell's text)."""
    body = [r for r in table.rows if " ".join(r.cells[0].text.split()) != header_first]
    for n, r in enumerate(body, start=1):
        if any(label in " ".join(c.text.split()) for c in r.cells):
            return n
    raise AssertionError(f"{label!r} not in the table")


def _paragraph_number(blocks, start: str) -> int:
    """1-based number of the body paragraph (outside tables, not empty) beginning with ``start``."""
    n = 0
    for kind, _style, text in blocks:
        if kind == "p" and text:
            n += 1
            if text.startswith(start):
                return n
    raise AssertionError(start)


@pytest.fixture(scope="module")
def blocks():
    return _blocks()


@pytest.fixture(scope="module")
def expected(blocks) -> dict:
    """The places of three findings of the draft, from the document."""
    i3, t3 = _table_after_caption(blocks, "3")
    iv1, _ = _table_after_caption(blocks, "IV.1")
    unnumbered = next(i for i, b in enumerate(blocks) if b[0] == "t")  # the first table: no caption
    path_un = _heading_path(blocks, unnumbered)
    # its position among the tables under its heading
    start = max(i for i, b in enumerate(blocks[:unnumbered]) if b[0] == "p" and b[2] == path_un[-1])
    position = sum(1 for b in blocks[start:unnumbered + 1] if b[0] == "t")
    return {
        "tabel3": " > ".join(_short(h) for h in _heading_path(blocks, i3)),
        "tabel3_title": _heading_path(blocks, i3)[-1],
        "tabel_iv1": " > ".join(_short(h) for h in _heading_path(blocks, iv1)),
        "ikm_row": _body_row(t3, "Jumlah IKM yang tersertifikasi halal", "NO"),
        "unnumbered": " > ".join(_short(h) for h in path_un),
        "unnumbered_position": position,
        "jumlah_row": _body_row(blocks[unnumbered][2], "JUMLAH", "UNIT KERJA"),
        "formula_paragraph": _paragraph_number(blocks, "Indikator Tingkat fluktuasi harga"),
    }


# -- the tool's reports ----------------------------------------------------------------------

def _report(lang: str) -> ReportInput:
    config = CheckConfig(lang=lang)
    result = audit(str(DRAFT), config)
    rules = active_rules(config)
    return ReportInput(path=str(DRAFT.relative_to(ROOT)), document=result.document, findings=result.findings,
                       rules=rules, severities={r.id: config.severity_for(r.id, r.severity) for r in rules},
                       lang=lang)


@pytest.fixture(scope="module", params=["id", "en"])
def ri(request) -> ReportInput:
    return _report(request.param)


def _where(ri: ReportInput, expected: dict) -> dict:
    lang = ri.lang
    unnumbered = {"id": f"Tabel ke-{expected['unnumbered_position']} tanpa nomor",
                  "en": f"Table #{expected['unnumbered_position']} without a number"}[lang]
    return {
        "ikm": f"{expected['tabel3']} > {TABLE[lang]} 3, {ROW[lang]} {expected['ikm_row']}",
        "jumlah": f"{expected['unnumbered']} > {unnumbered}, {ROW[lang]} {expected['jumlah_row']}",
    }


def _rendered(ri: ReportInput, fmt: str) -> str:
    if fmt == "text":
        buf = io.StringIO()
        output.render("text", ri, file=buf)
        return buf.getvalue()
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(output.render("xlsx", ri)))
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    return output.render(fmt, ri)


def _finding_text(ri: ReportInput, fmt: str) -> str:
    """What a format says about the findings (not the rule catalogue it carries along)."""
    out = _rendered(ri, fmt)
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        for r in results:
            r["properties"].pop("tableId", None)  # the reader's internal id, for machines
        return json.dumps(results, ensure_ascii=False)
    if fmt == "json":
        # what a person reads: messages and places (table_id and detail are for machines)
        return json.dumps([[f["message"], f["location"], f["section"], [r["section"] for r in f["related"]]]
                           for f in json.loads(out)["findings"]], ensure_ascii=False)
    if fmt == "junit":
        import xml.etree.ElementTree as ET

        root = ET.fromstring(out.encode("utf-8"))
        return "\n".join([*(c.get("name", "") for c in root.iter("testcase")),
                          *(x.get("message", "") + "\n" + (x.text or "") for x in root.iter("failure"))])
    if fmt == "md":
        import html as _html

        return _html.unescape(out)  # Markdown cells write ">" as "&gt;"
    if fmt == "html":
        items = re.findall(r'<li class="finding.*?</li>\s*(?=<li class="finding|</ol>|</ul>)', out, flags=re.S)
        assert items, "no finding in the HTML report"
        text = " ".join(re.sub(r"<[^>]+>", " ", it) for it in items)  # tags and their attributes gone
        import html as _html

        return _html.unescape(text)
    return out


@pytest.mark.parametrize("fmt", ["text", "md", "junit", "sarif", "xlsx", "html", "json"])
def test_every_format_names_the_word_place_and_no_page(ri: ReportInput, expected: dict, fmt: str):
    text = _finding_text(ri, fmt)
    where = _where(ri, expected)
    if fmt != "json":  # JSON: the location field, below
        assert where["ikm"] in text
        assert where["jumlah"] in text
    assert not PAGE_RE.search(text), PAGE_RE.search(text).group(0)
    assert "(tanpa nomor," not in text and "(no number," not in text  # the PDF's "(tanpa nomor, p7-t1)"


def test_json_page_null_location_fields_and_schema(ri: ReportInput, expected: dict):
    data = json.loads(output.render("json", ri))
    jsonschema.Draft202012Validator(json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))).validate(data)
    where = _where(ri, expected)
    assert all(f["page"] is None for f in data["findings"])
    assert all(r["page"] is None for f in data["findings"] for r in f["related"])
    cap = [f for f in data["findings"] if f["rule"] == "CAP001"]
    assert [(f["table"], f["section"], f["section_title"], f["location"]) for f in cap] == [
        ("3", expected["tabel3"], expected["tabel3_title"], where["ikm"])]
    jumlah = [f for f in data["findings"] if f["rule"] == "SUM001" and f["table"] is None]
    assert [(f["section"], f["location"]) for f in jumlah] == [(expected["unnumbered"], where["jumlah"])]
    xt = next(f for f in data["findings"] if f["rule"] == "XT001" and f["row"] == "Jumlah IKM yang tersertifikasi halal")
    assert [(r["table"], r["section"]) for r in xt["related"]] == [("IV.1", expected["tabel_iv1"])]
    # no pseudo-page left in what the findings carry
    assert not PAGE_RE.search(json.dumps([f["message"] for f in data["findings"]], ensure_ascii=False))
    assert not any("page" in f["detail"] or "pages" in f["detail"] for f in data["findings"])


def test_messages_name_the_other_tables_and_the_formula_by_heading(ri: ReportInput, expected: dict):
    lang = ri.lang
    by = {(f.rule, f.row): f for f in ri.findings}
    xt = by[("XT001", "Jumlah IKM yang tersertifikasi halal")].message
    tabel = {"id": "di tabel", "en": "in table"}[lang]
    assert f"{tabel} 3 ({expected['tabel3']})" in xt
    assert f"{tabel} IV.1 ({expected['tabel_iv1']})" in xt
    cap = by[("CAP002", "Tingkat fluktuasi harga barang kebutuhan pokok *)")].message
    para = {"id": "paragraf", "en": "paragraph"}[lang]
    assert cap.endswith(f"({expected['tabel3']}, {para} {expected['formula_paragraph']})")


def test_a_scale_stated_in_a_sentence_is_named_by_its_paragraph(ri: ReportInput, blocks):
    """LBL002: the kategori scale konvensi-lain.docx states in a sentence ("... dengan skala: 91
    ke atas Sangat Baik; ...") is named by that paragraph, not by a pseudo-page."""
    start = "Kategori capaian kinerja ditetapkan dengan skala"
    number = _paragraph_number(blocks, start)
    index = next(i for i, b in enumerate(blocks) if b[0] == "p" and (b[2] or "").startswith(start))
    path = " > ".join(_short(h) for h in _heading_path(blocks, index))
    para = {"id": "paragraf", "en": "paragraph"}[ri.lang]
    lbl = [f.message for f in ri.findings if f.rule == "LBL002"]
    assert lbl and all(f"({path}, {para} {number})" in m for m in lbl), lbl


def test_html_shows_the_related_table_with_the_related_cell_marked(ri: ReportInput, blocks, expected: dict):
    """XT001: the related cell stands in another table (Tabel IV.1); the HTML report shows that
    table too, headed by where it is in Word, with the cell marked (class "rel")."""
    import html as _html

    _, iv1 = _table_after_caption(blocks, "IV.1")
    head = [" ".join(c.text.split()) for c in iv1.rows[0].cells]
    row = next(r for r in iv1.rows if any("Jumlah IKM yang tersertifikasi halal" in c.text for c in r.cells))
    value = " ".join(row.cells[head.index("CAPAIAN (%)")].text.split())
    out = output.render("html", ri)
    items = [it for it in out.split('<li class="finding')[1:] if 'data-rule="XT001"' in it.split(">", 1)[0]]
    item = next(it for it in items if "Jumlah IKM yang tersertifikasi halal" in it)
    assert f'<p class="muted">{_html.escape(expected["tabel_iv1"])} &gt; {TABLE[ri.lang]} IV.1</p>' in item
    assert f'<td class="rel">{value}</td>' in item
    # the viewer's search finds a finding by its place in Word, not by the reader's table id
    assert not re.search(r'data-search="[^"]*\bp\d+-t\d+', out)
    assert 'data-search="xt001 jumlah ikm yang tersertifikasi halal' in out


def test_the_column_for_the_place_is_titled_location_not_page(ri: ReportInput):
    import openpyxl
    import xml.etree.ElementTree as ET

    lang = ri.lang
    location, page = {"id": ("Letak", "Hal."), "en": ("Location", "Page")}[lang]
    md = output.render("md", ri)
    assert f"| {location} |" in md and f"| {page} |" not in md
    wb = openpyxl.load_workbook(io.BytesIO(output.render("xlsx", ri)))
    assert [c.value for c in wb.worksheets[0][1]][1] == location
    summary = [r[0] for r in wb.worksheets[1].iter_rows(values_only=True)]
    assert not any("alaman" in str(k) or "Page" in str(k) for k in summary)
    root = ET.fromstring(output.render("junit", ri).encode("utf-8"))
    messages = [x.get("message", "") for x in root.iter("failure")]
    assert messages and not any(page in m for m in messages)


def test_table_groups_are_headed_by_where_the_table_stands(ri: ReportInput, expected: dict):
    """Text and Markdown group findings by table: a Word table's group names its headings, so
    that two unnumbered tables under different headings are told apart."""
    lang = ri.lang
    unnumbered = {"id": f"Tabel ke-{expected['unnumbered_position']} tanpa nomor",
                  "en": f"Table #{expected['unnumbered_position']} without a number"}[lang]
    import html as _html

    md = _html.unescape(output.render("md", ri))
    assert f"## {expected['unnumbered']} > {unnumbered}\n" in md
    assert f"## {expected['tabel3']} > {TABLE[lang]} 3 " in md
    buf = io.StringIO()
    output.render("text", ri, file=buf)
    assert f"\n{expected['unnumbered']} > {unnumbered}\n" in buf.getvalue()


def test_extract_csv_rows_are_numbered_as_the_findings_say(ri: ReportInput, expected: dict, tmp_path):
    """`lkip-audit extract draft.docx`: no page column; each CSV row has the row number the
    findings name ("baris 6"), and index.json says where each table stands in Word."""
    import csv

    from lkip_audit.extract.export import write_tables

    index = json.loads(write_tables(ri.document, tmp_path).read_text(encoding="utf-8"))
    entry = next(e for e in index["tables"] if e["number"] is None and e["section"] == expected["unnumbered"])
    assert entry["position"] == expected["unnumbered_position"]
    with open(tmp_path / entry["file"], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "baris"
    assert next(r[0] for r in rows[1:] if r[1] == "JUMLAH") == str(expected["jumlah_row"])


def test_explain_matches_names_headings_not_pages(ri: ReportInput, expected: dict):
    """`--explain-matches` on a Word draft: each tied row's place by its table's heading."""
    from lkip_audit.check.config import CheckConfig
    from lkip_audit.pipeline import check_document
    from lkip_audit.understand.resolve import explain_matches, resolve

    result = check_document(ri.document, CheckConfig(lang=ri.lang))
    lines = explain_matches(resolve(result.understanding, ri.document), doc=ri.document)
    assert f"    tabel 3, baris {expected['ikm_row']}, {expected['tabel3']}: 'Jumlah IKM yang tersertifikasi halal'" \
        in "\n".join(lines)
    assert not any(PAGE_RE.search(x) for x in lines)


def test_html_shows_a_sentence_in_its_paragraph(ri: ReportInput, blocks):
    """NAR001 (the text quotes 89,93%, Tabel IV.2 prints otherwise): the HTML report shows the
    paragraph as the .docx has it, headed by its place in Word, the sentence marked."""
    import html as _html

    start = "Dengan realisasi anggaran sebesar"
    number = _paragraph_number(blocks, start)
    index = next(i for i, b in enumerate(blocks) if b[0] == "p" and (b[2] or "").startswith(start))
    path = " > ".join(_short(h) for h in _heading_path(blocks, index))
    text = blocks[index][2]
    para = {"id": "paragraf", "en": "paragraph"}[ri.lang]
    out = output.render("html", ri)
    item = next(it for it in out.split('<li class="finding')[1:] if 'data-rule="NAR001"' in it.split(">", 1)[0])
    assert f'<p class="muted">{_html.escape(path)}, {para} {number}</p>' in item
    marked = _html.unescape(re.search(r"<mark>(.*?)</mark>", item).group(1))
    assert "89,93%" in marked and marked in text


def test_sarif_of_a_word_draft_validates_and_places_by_heading(ri: ReportInput, expected: dict):
    """SARIF 2.1.0 (the OASIS schema): valid without a region (no page); the logical location
    of a finding in a table starts with the heading path it stands under."""
    data = json.loads(output.render("sarif", ri))
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(data)
    results = data["runs"][0]["results"]
    assert all("region" not in loc["physicalLocation"] for r in results for loc in r["locations"])
    cap = next(r for r in results if r["ruleId"] == "CAP001")
    fqn = cap["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
    assert fqn.startswith(f"{expected['tabel3']} / {TABLE[ri.lang]} 3 / Jumlah IKM yang tersertifikasi halal")
