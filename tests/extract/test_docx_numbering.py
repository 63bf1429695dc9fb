"""Word's list numbering is printed, so it is read (issue #13): an auto-numbered chapter heading
("BAB III"), its sections ("3.1", legal numbering), a numbered list ("1.", "2.") and an
auto-numbered NO column come out as the PDF shows them. The numbering definitions are written
here; the expected labels are what Word prints for them (BAB + upper Roman for level 1,
level 1 and 2 in decimal for level 2, decimal with a dot for the lists)."""

from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402

from lkip_audit.extract.docx import read_word  # noqa: E402

ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="BAB %1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>"""
NUM = f"""<w:num {nsdecls('w')} w:numId="90"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>"""
LIST_ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""


def number(p, num_id: str, ilvl: int) -> None:
    ppr = p._p.get_or_add_pPr()
    npr = OxmlElement("w:numPr")
    il, ni = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    il.set(qn("w:val"), str(ilvl))
    ni.set(qn("w:val"), num_id)
    npr.append(il)
    npr.append(ni)
    ppr.append(npr)


def test_numbered_headings_lists_and_no_column_read_as_printed(tmp_path):
    d = docx.Document()
    numbering = d.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))  # abstract numbering goes before every w:num
    for xml in (ABSTRACT, LIST_ABSTRACT):
        first_num.addprevious(parse_xml(xml))
    numbering.append(parse_xml(NUM))
    for n in ("91", "92"):  # two lists on one definition: each counts from 1
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{n}"><w:abstractNumId w:val="91"/></w:num>'))
    h1 = d.add_heading("AKUNTABILITAS KINERJA", level=1)
    number(h1, "90", 0)
    h2 = d.add_heading("Capaian Kinerja Organisasi", level=2)
    number(h2, "90", 1)
    for text in ("Capaian SAKIP Perangkat Daerah;", "Indeks Merit Sistem."):
        number(d.add_paragraph(text), "91", 0)
    d.add_paragraph("Tabel 3.1 Capaian Indikator")
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "NO", "INDIKATOR"
    for r, name in ((1, "Capaian SAKIP"), (2, "Indeks Merit Sistem")):
        number(t.cell(r, 0).paragraphs[0], "92", 0)  # an empty cell Word numbers itself
        t.cell(r, 0).paragraphs[0].add_run("")
        t.cell(r, 1).text = name
    path = tmp_path / "draf.docx"
    d.save(str(path))
    doc = read_word(str(path))
    lines = doc.pages[0].text.splitlines()
    # the chapter starts at 3 (startOverride), its section is 3.1 (legal numbering of level 2)
    assert lines[:4] == ["BAB III AKUNTABILITAS KINERJA", "3.1 Capaian Kinerja Organisasi",
                         "1. Capaian SAKIP Perangkat Daerah;", "2. Indeks Merit Sistem."]
    assert doc.outline["paragraphs"][1][3] == "Bab III > 3.1"
    assert [r.texts() for r in doc.tables[0].rows] == [["1.", "Capaian SAKIP"], ["2.", "Indeks Merit Sistem"]]
