"""Extraction of the Word-made PDFs (samples/wild/) against their source data: the causes
benchmarks/extractors.py found (issue #11), each with the source's values.

- a row Word breaks across a page (its labels run past the page foot) is one row;
- a hyphen ending a line inside a cell reads as "-" (PDFium reports it as U+0002);
- a landscape page pasted sideways into an upright page (both directions) reads as the
  upright page does, also for tables with horizontal rules only or none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lkip_audit.extract.pdf import read_document

from tests.extract.conftest import ROOT, extracted

WILD = ROOT / "samples" / "wild"
BKD_SRC = ROOT / "samples" / "src" / "bkd-banten-2024" / "tables"
KONVENSI_SRC = WILD / "src" / "konvensi-lain" / "tables"  # Tabel 5 has no injected error


def _rows(src: Path, number: str) -> list[list[str]]:
    d = yaml.safe_load((src / f"{number}.yaml").read_text(encoding="utf-8"))
    return [r["cells"] if isinstance(r, dict) else r for r in d["rows"]]


def _squeeze(rows: list[list[str]]) -> list[list[str]]:
    """Whitespace left out: a label wrapped after a hyphen ("Perundang-" / "Undangan")
    reads with a space where the line broke."""
    return [["".join(c.split()) for c in r] for r in rows]


def _table(doc, number: str):
    found = [t for t in doc.tables if t.number == number]
    assert len(found) == 1, f"Tabel {number}: {len(found)} tables"
    return found[0]


@pytest.mark.parametrize("pdf, src, number", [
    ("bkd-word-grid.pdf", BKD_SRC, "3.16"),  # "Nilai Indeks Profesional ASN" / "Dimensi Kinerja", p29-30
    ("bkd-word-grid.pdf", BKD_SRC, "2.3"),  # the first row's sasaran over p11-12
    ("bkd-word-grid.pdf", BKD_SRC, "3.1"),
    ("konvensi-lain.pdf", KONVENSI_SRC, "5"),  # "Program Perencanaan," / "Pembinaan dan ...", p6-7
])
def test_row_broken_by_the_page_is_one_row(pdf, src, number):
    t = _table(extracted(WILD / pdf), number)
    assert _squeeze([r.texts() for r in t.rows]) == _squeeze(_rows(src, number))


def test_hyphen_ending_a_line_is_a_hyphen():
    doc = extracted(WILD / "bkd-word-grid.pdf")
    t = _table(doc, "3.24")
    assert _squeeze([t.rows[7].texts()[:2]]) == [["", "SosialisasiPeraturanPerundang-Undangan"]]
    assert not any("\x02" in c for t in doc.tables for r in t.rows for c in r.texts())


def _sideways(pdf: Path, pages: list[int], angle: int, out: Path) -> Path:
    """``pages`` (1-based, landscape) pasted turned into upright A4 pages: text running
    bottom to top (90) or top to bottom (270), as a landscape table pasted into a
    portrait report."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    reader, writer = PdfReader(str(pdf)), PdfWriter()
    for n in pages:
        p = reader.pages[n - 1]
        w, h = float(p.mediabox.width), float(p.mediabox.height)
        page = PageObject.create_blank_page(width=h, height=w)
        tr = Transformation().rotate(90).translate(h, 0) if angle == 90 else \
            Transformation().rotate(-90).translate(0, w)
        page.merge_transformed_page(p, tr)
        writer.add_page(page)
    writer.write(str(out))
    return out


@pytest.mark.parametrize("angle", [90, 270])
@pytest.mark.parametrize("pdf, pages, number", [
    ("bkd-word-hrules.pdf", [70], "3.63"),  # horizontal rules only
    ("bkd-word-noborder.pdf", [71, 72, 73, 74, 75, 76], "3.65"),  # no rules, over six pages
])
def test_sideways_table_without_vertical_rules_reads_upright(tmp_path, pdf, pages, number, angle):
    path = _sideways(WILD / pdf, pages, angle, tmp_path / f"side{angle}.pdf")
    t = _table(read_document(path), number)
    assert _squeeze([r.texts() for r in t.rows]) == _squeeze(_rows(BKD_SRC, number))
