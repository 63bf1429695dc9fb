"""DOC001 on partial documents (issue #12.4): a draft of one chapter or an excerpt gets
one info finding saying the structure was not checked, not a warning per missing part;
a complete report still gets one DOC001 per missing part.

The real Bab-III-only files were looked at page by page (pdftoppm): each opens with the
headings "BAB III / AKUNTABILITAS KINERJA" on page 1 and has no other chapter heading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkip_audit.check.config import CheckConfig
from lkip_audit.check.engine import run_checks
from lkip_audit.extract.model import Document, Page
from lkip_audit.extract.pdf import read_document
from lkip_audit.understand.model import Understanding

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "real"
BAB_III_ONLY = ["bab_iii.pdf", "bab_iii_akuntabilitas_kinerja_2016.pdf", "bab_iii_lakip_2016.pdf", "bab_iii_lkip_2016.pdf"]


def doc001(doc: Document, lang: str = "id"):
    return [f for f in run_checks(doc, Understanding(tables=[], scales={}), CheckConfig(select=["DOC001"], lang=lang))
            if f.rule == "DOC001"]


def pages(*texts: str) -> Document:
    ps = [Page(number=i, width=595, height=842, text=t) for i, t in enumerate(texts, start=1)]
    return Document(path="x.pdf", sha256="0", page_count=len(ps), pages=ps, tables=[])


@pytest.mark.parametrize("name", BAB_III_ONLY)
def test_real_bab_iii_only_files_get_one_info_finding(name):
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the real reports live in ../shared/real)")
    (f,) = doc001(read_document(path))
    assert f.severity == "info" and f.page == 1  # the "BAB III" heading is on page 1
    assert "Struktur laporan tidak diperiksa" in f.message and "hanya memuat Bab III" in f.message


def test_one_page_excerpt_without_chapter_headings():
    excerpt = pages("Tabel 3.2 Capaian Indikator Kinerja Utama Tahun 2024\nNo Indikator Target Realisasi Capaian")
    (f,) = doc001(excerpt, lang="en")
    assert f.severity == "info" and f.detail["chapters"] == []
    assert "structure was not checked" in f.message and "has no chapter headings" in f.message


def test_a_complete_report_still_gets_one_finding_per_missing_part():
    # Bab I-III present (three chapter headings), no Ikhtisar, no Bab IV, no PK appendix:
    # three missing main parts, each a warning; Bab III's own analyses are looked for too.
    report = pages("BAB I PENDAHULUAN\nLatar belakang.", "BAB II PERENCANAAN KINERJA\nRenstra.",
                   "BAB III AKUNTABILITAS KINERJA\n3.2. Realisasi Anggaran")
    found = doc001(report)
    warnings = sorted(f.detail["part"] for f in found if f.severity == "warning")
    assert warnings == ["bab4", "ikhtisar", "lampiran_pk"]
    assert not any(f.detail.get("partial") for f in found)
