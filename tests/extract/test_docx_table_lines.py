"""Where a Word table stands in the page text (issue #13): the reader knows each table's lines
exactly and says so in Document.outline["table_lines"]; the narrative uses them instead of
guessing from the words, so a heading that repeats a row label is not taken for the table.

The documents are built here with python-docx; expected values are what the test wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from lkip_audit.extract.docx import read_word  # noqa: E402
from lkip_audit.understand.narrative import narrative, tables_above  # noqa: E402

ROWS = [["NO", "KEGIATAN", "ANGGARAN", "REALISASI", "%"],
        ["1.", "Administrasi Kepegawaian Perangkat Daerah", "382.408.480", "376.970.619", "98,58"],
        ["", "Pengadaan Pakaian Dinas Pegawai", "250.000.000", "245.618.400", "98,25"]]


def table(d, caption: str, rows=ROWS):
    d.add_paragraph(caption)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    return t


def build(tmp_path: Path) -> str:
    d = docx.Document()
    d.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    # two headings whose words all stand in the tables below (as in the BKD report)
    d.add_paragraph("1. Kegiatan Administrasi Kepegawaian Perangkat Daerah")
    table(d, "Tabel 3.23 Capaian Kegiatan Administrasi Kepegawaian Perangkat Daerah")
    d.add_paragraph("Administrasi Kepegawaian Perangkat Daerah")
    table(d, "Tabel 3.24 Realisasi Anggaran Administrasi Kepegawaian Perangkat Daerah")
    d.add_paragraph("Pada tahun 2024 kegiatan Administrasi Kepegawaian Perangkat Daerah mencapai "
                    "Realisasi Keuangan sebesar 127,75%.")
    path = tmp_path / "draf.docx"
    d.save(str(path))
    return str(path)


def test_table_lines_are_the_caption_and_the_rows(tmp_path):
    doc = read_word(build(tmp_path))
    lines = doc.pages[0].text.splitlines()
    spans = doc.outline["table_lines"]
    t23, t24 = doc.table("3.23"), doc.table("3.24")
    # each table: its caption line above, then its three rows (header and two body rows)
    for t, caption in ((t23, "Tabel 3.23"), (t24, "Tabel 3.24")):
        page, first, last = spans[t.id]
        assert page == 1 and last - first == 3
        assert lines[first].startswith(caption)
        assert lines[first + 1] == "NO KEGIATAN ANGGARAN REALISASI %"
        assert lines[last] == "Pengadaan Pakaian Dinas Pegawai 250.000.000 245.618.400 98,25"
    # the heading lines between them belong to no table
    assert lines[spans[t23.id][1] - 1] == "1. Kegiatan Administrasi Kepegawaian Perangkat Daerah"
    assert lines[spans[t24.id][1] - 1] == "Administrasi Kepegawaian Perangkat Daerah"


def test_narrative_takes_the_tables_where_the_reader_put_them(tmp_path):
    doc = read_word(build(tmp_path))
    nar = narrative(doc)
    page, first, last = doc.outline["table_lines"][doc.table("3.24").id]
    assert (nar.spans[doc.table("3.24").id].start, nar.spans[doc.table("3.24").id].end) == ((page, first), (page, last))
    # the sentence after Tabel 3.24 is a sentence of its own, not glued to the table's rows,
    # and the nearest table above it is 3.24
    s = next(s for s in nar.sentences if "127,75%" in s.text)
    assert s.text.startswith("Pada tahun 2024")
    assert tables_above(s, doc, nar.spans)[0].number == "3.24"
    # no heading line was taken for a table: the heading stays narrative text
    assert any(x.text.startswith("1. Kegiatan Administrasi Kepegawaian") for x in nar.sentences)
