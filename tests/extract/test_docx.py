"""Word drafts (issue #13): lkip_audit/extract/docx.py and `lkip-audit check draft.docx`.

Every .docx here is built by the test with python-docx; the expected values are what
the test wrote into the document, or hand arithmetic stated next to the assertion.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from lkip_audit.extract.docx import check_zip, read_word, sniff  # noqa: E402
from lkip_audit.extract.errors import ReadError  # noqa: E402

LKIP = [sys.executable, "-m", "lkip_audit.cli"]


def cli(*args, env=None, timeout=180):
    e = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
    return subprocess.run([*LKIP, *args], capture_output=True, text=True, timeout=timeout, env=e)


# -- building documents -----------------------------------------------------------------------

def new_doc():
    d = docx.Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    return d


def fill(table, rows: list[list[str]]) -> None:
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            if v is not None:
                table.cell(r, c).text = v


def mark_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def seq_caption(d, title: str, result: str | None):
    """A paragraph in Word's Caption style: "Tabel " + { SEQ Tabel \\* ARABIC } + title; the
    field carries ``result`` as its last computed value, or none (never updated)."""
    p = d.add_paragraph(style="Caption")
    p.add_run("Tabel ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), " SEQ Tabel \\* ARABIC ")
    if result is not None:
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = result
        r.append(t)
        fld.append(r)
    p._p.append(fld)
    p.add_run(" " + title)
    return p


def save(d, tmp_path: Path, name: str = "draft.docx") -> str:
    path = tmp_path / name
    d.save(str(path))
    return str(path)


# -- tables -----------------------------------------------------------------------------------

def test_merged_cells_both_ways(tmp_path):
    d = new_doc()
    d.add_paragraph("Tabel 3.1 Realisasi Anggaran")
    t = d.add_table(rows=5, cols=4)
    fill(t, [["NO", "URAIAN", "REALISASI", None],
             [None, None, "Rp", "%"],
             ["1", "Program A", "100", "50"],
             [None, "Kegiatan A.1", "60", "30"],
             ["2", "Program B", "80", "40"]])
    t.cell(0, 0).merge(t.cell(1, 0))  # NO spans two header rows (vMerge)
    t.cell(0, 1).merge(t.cell(1, 1))  # URAIAN too
    t.cell(0, 2).merge(t.cell(0, 3))  # REALISASI spans Rp and % (gridSpan)
    t.cell(2, 0).merge(t.cell(3, 0))  # body: "1" spans the program row and its kegiatan row
    tb = read_word(save(d, tmp_path)).tables[0]
    # the header paths the test built: NO and URAIAN over two rows, REALISASI over Rp and %
    assert tb.columns == ["NO", "URAIAN", "REALISASI Rp", "REALISASI %"]
    assert [r.texts() for r in tb.rows] == [
        ["1", "Program A", "100", "50"],
        ["", "Kegiatan A.1", "60", "30"],  # covered by the merged "1": empty, as on the PDF path
        ["2", "Program B", "80", "40"],
    ]
    assert tb.number == "3.1" and tb.title == "Realisasi Anggaran" and tb.caption_position == "above"


def test_header_rows_marked_in_word_and_a_continued_table(tmp_path):
    d = new_doc()
    d.add_paragraph("Tabel 3.2 Skor Bidang")
    first = d.add_table(rows=3, cols=3)
    fill(first, [["Kode", "Bidang", "Skor"], ["A1", "Umum", "7"], ["A2", "Keuangan", "8"]])
    mark_header(first.rows[0])  # plain words, neither bold nor capitals: only w:tblHeader says header
    d.add_paragraph("")
    second = d.add_table(rows=3, cols=3)  # split by hand, the header repeated
    fill(second, [["Kode", "Bidang", "Skor"], ["A3", "Kepegawaian", "9"], ["A4", "Aset", "6"]])
    mark_header(second.rows[0])
    doc = read_word(save(d, tmp_path))
    assert len(doc.tables) == 1
    tb = doc.tables[0]
    assert tb.columns == ["Kode", "Bidang", "Skor"]
    assert [r.cells[0].text for r in tb.rows] == ["A1", "A2", "A3", "A4"]  # the repeated header dropped
    assert [r.index for r in tb.rows] == [0, 1, 2, 3]


def test_caption_above_and_below(tmp_path):
    d = new_doc()
    d.add_paragraph("Tabel 3.3 Capaian IKU Tahun 2024")
    above = d.add_table(rows=2, cols=2)
    fill(above, [["INDIKATOR", "CAPAIAN"], ["Indeks A", "90"]])
    d.add_paragraph("Uraian di antara dua tabel.")
    below = d.add_table(rows=2, cols=2)
    fill(below, [["SASARAN", "NILAI"], ["Sasaran 1", "80"]])
    d.add_paragraph("Tabel 3.4. Nilai Sasaran")
    d.add_paragraph("Paragraf berikutnya.")
    tables = read_word(save(d, tmp_path)).tables
    assert [(t.number, t.title, t.caption_position) for t in tables] == [
        ("3.3", "Capaian IKU Tahun 2024", "above"),
        ("3.4", "Nilai Sasaran", "below"),
    ]


def test_caption_only_in_caption_style_with_seq_field(tmp_path):
    d = new_doc()
    seq_caption(d, "Realisasi Anggaran Program", result=None)  # never updated: Word would number it 1
    t1 = d.add_table(rows=2, cols=2)
    fill(t1, [["PROGRAM", "ANGGARAN"], ["Program A", "100"]])
    d.add_paragraph("Teks.")
    seq_caption(d, "Realisasi Anggaran Kegiatan", result=None)  # the second SEQ Tabel: 2
    t2 = d.add_table(rows=2, cols=2)
    fill(t2, [["KEGIATAN", "ANGGARAN"], ["Kegiatan A", "60"]])
    d.add_paragraph("Teks.")
    seq_caption(d, "Pagu Indikatif", result="7")  # a field's last result is what Word shows
    t3 = d.add_table(rows=2, cols=2)
    fill(t3, [["URAIAN", "PAGU"], ["Belanja", "10"]])
    tables = read_word(save(d, tmp_path)).tables
    assert [(t.number, t.title) for t in tables] == [
        ("1", "Realisasi Anggaran Program"),
        ("2", "Realisasi Anggaran Kegiatan"),
        ("7", "Pagu Indikatif"),
    ]


def test_nested_table_is_a_table_of_its_own(tmp_path):
    d = new_doc()
    d.add_paragraph("Tabel 3.5 Rincian")
    outer = d.add_table(rows=2, cols=2)
    fill(outer, [["URAIAN", "RINCIAN"], ["Belanja", ""]])
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    fill(inner, [["JENIS", "NILAI"], ["Modal", "5"]])
    tables = read_word(save(d, tmp_path)).tables
    assert len(tables) == 2
    nested = [t for t in tables if t.extractor == "docx-nested"]
    assert len(nested) == 1 and nested[0].columns == ["JENIS", "NILAI"]
    assert nested[0].rows[0].texts() == ["Modal", "5"]


def test_chapters_are_pseudo_pages_and_text_keeps_paragraphs_and_rows(tmp_path):
    d = docx.Document()
    d.add_heading("BAB I PENDAHULUAN", level=1)
    d.add_paragraph("Latar belakang laporan.")
    d.add_paragraph("BAB III AKUNTABILITAS KINERJA")  # a chapter named in plain text, no heading style
    d.add_paragraph("Capaian kinerja tahun ini baik.")
    d.add_paragraph("Butir pertama", style="List Bullet")
    doc = read_word(save(d, tmp_path))
    assert doc.page_count == 2
    assert doc.pages[0].text.splitlines() == ["BAB I PENDAHULUAN", "Latar belakang laporan."]
    # a list item carries a bullet mark, as in the PDF text the narrative reads
    assert doc.pages[1].text.splitlines() == ["BAB III AKUNTABILITAS KINERJA", "Capaian kinerja tahun ini baik.",
                                              "• Butir pertama"]
    # paragraph numbers count the paragraphs outside tables, 1-based, in document order
    assert [(p[2], p[3]) for p in doc.outline["paragraphs"]] == [
        (1, "Bab I"), (2, "Bab I"), (3, "Bab III"), (4, "Bab III"), (5, "Bab III")]


# -- end to end -------------------------------------------------------------------------------

def kegiatan_draft(tmp_path: Path, realisasi_pct: str) -> str:
    d = new_doc()
    d.add_heading("3.3 Realisasi Anggaran", level=2)
    d.add_paragraph("Realisasi anggaran per kegiatan disajikan dalam tabel berikut.")
    d.add_paragraph("Tabel 3.5 Realisasi Anggaran Kegiatan Tahun 2024")
    t = d.add_table(rows=4, cols=5)
    # Hand arithmetic: 19.879.294 / 20.000.000 x 100 = 99,396... -> 99,40;
    # 9.500.000 / 10.000.000 x 100 = 95,00; sums 30.000.000 and 29.379.294;
    # 29.379.294 / 30.000.000 x 100 = 97,931... -> 97,93.
    fill(t, [["NO", "KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%"],
             ["1", "Koordinasi dan Penyusunan Laporan Keuangan", "20.000.000", "19.879.294", realisasi_pct],
             ["2", "Penyediaan Jasa Administrasi Perkantoran", "10.000.000", "9.500.000", "95,00"],
             ["", "JUMLAH", "30.000.000", "29.379.294", "97,93"]])
    return save(d, tmp_path, "draf-lkip.docx")


def test_end_to_end_wrong_percentage_gives_exactly_that_finding(tmp_path):
    path = kegiatan_draft(tmp_path, "99,24")  # 99,24 where the arithmetic gives 99,40
    out = tmp_path / "hasil.json"
    r = cli("check", path, "--format", "json", "-o", str(out), "--no-cache", "--no-progress")
    assert r.returncode == 1, r.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    serious = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
    assert len(serious) == 1, serious
    f = serious[0]
    assert (f["rule"], f["table"], f["column"], f["actual"], f["expected"]) == ("PCT001", "3.5", "%", "99,24", "99,40")
    assert f["row"] == "Koordinasi dan Penyusunan Laporan Keuangan"
    assert f["page"] is None and f["bbox"] is None
    assert f["section"] == "Bab III > 3.3" and f["section_title"] == "3.3 Realisasi Anggaran"
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parents[2] / "schemas" /
                         "lkip-audit-report-v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    # the text report names the place as a reviewer finds it in Word
    r = cli("check", path, "--no-cache", "--no-progress")
    assert "Bab III > 3.3 > Tabel 3.5, baris 1" in r.stdout


def test_end_to_end_clean_draft_passes(tmp_path):
    path = kegiatan_draft(tmp_path, "99,40")  # the hand arithmetic above
    r = cli("check", path, "--no-cache", "--no-progress", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert not [f for f in json.loads(r.stdout)["findings"] if f["severity"] in ("error", "warning")]


def test_directory_holds_pdf_and_docx_alike(tmp_path):
    kegiatan_draft(tmp_path, "99,24")
    pdf = Path(__file__).resolve().parents[2] / "samples" / "wild" / "kutipan-1hal-bersih.pdf"
    shutil.copyfile(pdf, tmp_path / "kutipan.pdf")
    (tmp_path / "~$draf-lkip.docx").write_bytes(b"lock")  # Word's lock file is no report
    r = cli("check", str(tmp_path), "--no-cache", "--no-progress", "--quiet")
    assert r.returncode == 1, r.stderr
    out = r.stdout + r.stderr
    assert "draf-lkip.docx" in out and "kutipan.pdf" in out and "~$" not in out


def test_html_report_shows_the_word_table_with_the_cell_marked(tmp_path):
    path = kegiatan_draft(tmp_path, "99,24")
    out = tmp_path / "hasil.html"
    r = cli("check", path, "--format", "html", "-o", str(out), "--no-cache", "--no-progress")
    assert r.returncode == 1, r.stderr
    html = out.read_text(encoding="utf-8")
    assert '<table class="docx">' in html
    assert '<td class="cell">99,24</td>' in html  # the printed value the test wrote, marked


# -- bad input --------------------------------------------------------------------------------

def test_docx_that_is_not_a_zip_is_unreadable(tmp_path):
    p = tmp_path / "rusak.docx"
    p.write_text("ini bukan dokumen Word", encoding="utf-8")
    r = cli("check", str(p), "--no-cache", "--no-progress")
    assert r.returncode == 3
    assert "rusak" in r.stderr and ".docx" in r.stderr


def test_zip_bomb_refused_from_the_directory(tmp_path):
    p = tmp_path / "bom.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))  # 8 MB of zeros: ratio about 1000:1
    r = cli("check", str(p), "--no-cache", "--no-progress")
    assert r.returncode == 3
    assert "zip bomb" in r.stderr


def test_zip_total_size_limit(tmp_path, monkeypatch):
    import lkip_audit.extract.docx as word

    p = tmp_path / "besar.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", b"x" * 2000)
        z.writestr("word/media/a.bin", b"y" * 2000)
    monkeypatch.setattr(word, "MAX_TOTAL_UNCOMPRESSED", 3000)  # 4000 bytes declared in the directory
    with pytest.raises(ReadError) as e:
        check_zip(str(p))
    assert e.value.reason == "docx-bomb"


def _with_extra(src: str, dst: Path, extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> str:
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item.filename, replace.get(item.filename, data))
        for name, data in extra.items():
            zout.writestr(name, data)
    return str(dst)


def test_macro_enabled_docm_is_refused(tmp_path):
    src = kegiatan_draft(tmp_path, "99,40")
    with zipfile.ZipFile(src) as z:
        types = z.read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml")
    path = _with_extra(src, tmp_path / "makro.docm", {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"},
                       {"[Content_Types].xml": types})
    assert sniff(path) == "docm"
    r = cli("check", path, "--no-cache", "--no-progress")
    assert r.returncode == 3
    assert "makro" in r.stderr
    r = cli("check", path, "--no-cache", "--no-progress", "--lang", "en")
    assert "macro" in r.stderr


def test_external_links_and_embedded_objects_are_never_followed(tmp_path):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.3)
    port = server.getsockname()[1]
    d = new_doc()
    p = d.add_paragraph("Lihat ")
    rid = d.part.relate_to(f"http://127.0.0.1:{port}/laporan", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                           is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "tautan"
    run.append(t)
    link.append(run)
    p._p.append(link)
    d.part.relate_to(f"http://127.0.0.1:{port}/gambar.png", docx.opc.constants.RELATIONSHIP_TYPE.IMAGE,
                     is_external=True)
    src = save(d, tmp_path, "tautan.docx")
    # an embedded object: a part in the package that nothing may open or run
    with zipfile.ZipFile(src) as z:
        rels = z.read("word/_rels/document.xml.rels").replace(
            b"</Relationships>",
            b'<Relationship Id="rIdObj" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>')
        types = z.read("[Content_Types].xml").replace(
            b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.openxmlformats-'
                         b'officedocument.oleObject"/></Types>')
    path = _with_extra(src, tmp_path / "objek.docx", {"word/embeddings/oleObject1.bin": b"MZ not run"},
                       {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types})
    doc = read_word(path)
    assert "Lihat tautan" in doc.pages[0].text  # the link's text is read, its target is not
    with pytest.raises(socket.timeout):
        server.accept()  # nobody connected to the link targets
    server.close()


def test_spreadsheet_is_a_usage_error(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Tabel 3.1"
    p = tmp_path / "kertas-kerja.xlsx"
    wb.save(p)
    r = cli("check", str(p), "--no-cache", "--no-progress")
    assert r.returncode == 2
    assert "lembar kerja" in r.stderr


def test_odt_without_libreoffice_says_how_to_get_it(tmp_path):
    p = tmp_path / "draf.odt"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    bare = tmp_path / "bin"
    bare.mkdir()
    r = cli("check", str(p), "--no-cache", "--no-progress", env={"PATH": str(bare)})
    assert r.returncode == 3
    assert "LibreOffice" in r.stderr and ".docx" in r.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_odt_converted_with_libreoffice(tmp_path):
    src = kegiatan_draft(tmp_path, "99,24")
    conv = tmp_path / "conv"
    conv.mkdir()
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(conv), src], capture_output=True, timeout=180, check=True)
    odt = conv / "draf-lkip.odt"
    assert sniff(odt) == "odt"
    r = cli("check", str(odt), "--no-cache", "--no-progress", "--format", "json")
    assert r.returncode == 1, r.stderr
    serious = [f for f in json.loads(r.stdout)["findings"] if f["severity"] in ("error", "warning")]
    assert [(f["rule"], f["actual"], f["expected"]) for f in serious] == [("PCT001", "99,24", "99,40")]


def test_sentence_finding_names_its_paragraph(tmp_path):
    d = new_doc()  # paragraph 1: the BAB III heading
    d.add_heading("3.3 Realisasi Anggaran", level=2)  # 2
    d.add_paragraph("Tabel 3.5 Realisasi Anggaran Kegiatan Tahun 2024")  # 3: the caption
    t = d.add_table(rows=3, cols=5)
    # 19.879.294 / 20.000.000 x 100 = 99,40 (hand arithmetic); the table is consistent
    fill(t, [["NO", "KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%"],
             ["1", "Koordinasi dan Penyusunan Laporan Keuangan", "20.000.000", "19.879.294", "99,40"],
             ["2", "Penyediaan Jasa Administrasi Perkantoran", "10.000.000", "9.500.000", "95,00"]])
    # 4: the sentence quotes 98,00% where the table prints 99,40
    d.add_paragraph("Realisasi anggaran kegiatan Koordinasi dan Penyusunan Laporan Keuangan sebesar "
                    "Rp19.879.294 atau 98,00% dari anggaran Rp20.000.000.")
    path = save(d, tmp_path)
    r = cli("check", path, "--no-cache", "--no-progress", "--format", "json")
    nar = [f for f in json.loads(r.stdout)["findings"] if f["rule"].startswith("NAR")]
    assert [(f["rule"], f["page"], f["section"], f["paragraph"]) for f in nar] == [("NAR001", None, "Bab III > 3.3", 4)]
    r = cli("check", path, "--no-cache", "--no-progress")
    assert "Bab III > 3.3, paragraf 4 (Tabel 3.5, baris 1)" in r.stdout
