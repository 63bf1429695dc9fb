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
    # (a cover on page 1: a file opening with Bab I and closed by nothing is a chapters-only excerpt,
    # see test_chapters_only_file_leaves_the_parts_outside_the_chapters_unchecked)
    report = pages("LAPORAN KINERJA INSTANSI PEMERINTAH\nTAHUN 2024",
                   "BAB I PENDAHULUAN\nLatar belakang.", "BAB II PERENCANAAN KINERJA\nRenstra.",
                   "BAB III AKUNTABILITAS KINERJA\n3.2. Realisasi Anggaran")
    found = doc001(report)
    warnings = sorted(f.detail["part"] for f in found if f.severity == "warning")
    assert warnings == ["bab4", "ikhtisar", "lampiran_pk"]
    assert not any(f.detail.get("partial") for f in found)


# The two doubts of a missing main part (issue #12.3, causes "structure" and "image-page" in
# benchmarks/TRIAGE.md): the part may lie outside the file, or on a page that could not be read.

def real(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the real reports live in ../shared/real)")
    return path


def by_part(found):
    return {f.detail.get("part"): f for f in found if f.detail.get("part") in ("ikhtisar", "lampiran_pk")}


def test_chapters_only_file_leaves_the_parts_outside_the_chapters_unchecked():
    # lkip_2016_bab_1_s_d_3.pdf (rendered): p1 opens with "BAB I / PENDAHULUAN / 1.1. Latar
    # Belakang" under the running header, no cover, Kata Pengantar or Daftar Isi before it;
    # p29, the last page, is "BAB IV / PENUTUP" whose text ends "... permasalahan yang
    # sebenarnya." with no signature and nothing after it. The Ikhtisar Eksekutif and the
    # Lampiran are outside this excerpt, not missing from the report: info, not warning.
    found = doc001(read_document(real("lkip_2016_bab_1_s_d_3.pdf")))
    assert not [f for f in found if f.severity != "info"]
    parts = by_part(found)
    assert sorted(parts) == ["ikhtisar", "lampiran_pk"]
    assert all(f.detail["doubt"] == "excerpt" for f in parts.values())
    assert parts["ikhtisar"].page == 1 and parts["lampiran_pk"].page == 29
    assert "hanya memuat bab-bab laporan" in parts["ikhtisar"].message


def test_a_file_closed_by_the_signature_is_the_whole_report():
    # 3_lkip_2016_draft.pdf also opens with "BAB I PENDAHULUAN" on p1, but p39 ends with the
    # Kepala's signature "NIP. 19630820 198903 1 008" after Bab IV (p34): the report as
    # submitted, so its missing Ikhtisar Eksekutif and Perjanjian Kinerja stay warnings.
    parts = by_part(doc001(read_document(real("3_lkip_2016_draft.pdf"))))
    assert {k: (f.severity, f.page) for k, f in parts.items()} == {
        "ikhtisar": ("warning", 1), "lampiran_pk": ("warning", 34)}


def test_a_part_the_contents_list_on_unread_scanned_pages_is_a_doubt():
    # 3_lkip_tahun_2016_disperindag_jabar.pdf: p2-7 are scanned images without a text layer
    # (p2 rendered: "IKHTISAR EKSEKUTIF" heading), and the Daftar Isi (p8, text) lists
    # "IKHTISAR EKSEKUTIF ....i". The part may be on those pages: info naming them and --ocr.
    # The Perjanjian Kinerja is not in the contents (it ends with "BUKU LAMPIRAN", a separate
    # book): that warning stays, placed after the Bab IV heading (p81).
    parts = by_part(doc001(read_document(real("3_lkip_tahun_2016_disperindag_jabar.pdf"))))
    ikh = parts["ikhtisar"]
    assert ikh.severity == "info" and ikh.detail["doubt"] == "unread"
    assert ikh.detail["unread_pages"] == [2, 3, 4, 5, 6, 7] and "2-7" in ikh.message and "--ocr" in ikh.message
    assert (parts["lampiran_pk"].severity, parts["lampiran_pk"].page) == ("warning", 81)


def test_synthetic_chapters_only_and_closed_files():
    body = ("BAB I PENDAHULUAN\nLatar belakang.", "BAB II PERENCANAAN KINERJA\nRenstra.",
            "BAB III AKUNTABILITAS KINERJA\nCapaian.", "BAB IV PENUTUP\nDemikian laporan ini.")
    assert {f.severity for k, f in by_part(doc001(pages(*body))).items()} == {"info"}
    signed = body[:-1] + (body[-1] + "\nKEPALA DINAS\nNIP. 19630820 198903 1 008",)
    assert {f.severity for k, f in by_part(doc001(pages(*signed))).items()} == {"warning"}
    appendix = body + ("LAMPIRAN\nRencana Kinerja Tahunan",)
    assert {f.severity for k, f in by_part(doc001(pages(*appendix))).items()} == {"warning"}
