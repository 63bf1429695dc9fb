"""LBL002: a kategori beside a capaian may judge the nilai akhir the report prints for the
same row in another table (capaian x (1 - koreksi / 100)); under that reading it may hold."""

from __future__ import annotations

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import Band, Scale, Understanding
from tests.tablefactory import make_table

# the scale BKD Banten quotes (p23, PermenPANRB 22/2024): X > 100 Istimewa, 80-100 Baik, ...
SCALE = Scale(name="kategori", bands=[
    Band("Istimewa", 100, None, False, True),
    Band("Baik", 80, 100, True, True),
    Band("Butuh Perbaikan", 60, 80, True, False),
], source="test: BKD p23")

IKU = ["NO", "INDIKATOR KINERJA UTAMA", "TARGET", "REALISASI", "CAPAIAN", "KATEGORI"]
NA = ["NO", "INDIKATOR KINERJA UTAMA", "TARGET", "REALISASI", "CAPAIAN", "KOREKSI", "NILAI AKHIR", "KATEGORI"]


def _lbl(tables):
    doc = Document(path="x.pdf", sha256="0" * 64, page_count=40, pages=[], tables=list(tables))
    ats = [analyze_table(t) for t in tables]
    found = run_checks(doc, Understanding(tables=ats, scales={"kategori": SCALE}), CheckConfig())
    return [f for f in found if f.rule == "LBL002"]


def test_kategori_of_the_nilai_akhir_printed_in_another_table():
    # BKD Tabel 3.15 (p29): Indeks Profesionalitas ASN, capaian 101,46 (52,81 / 52,05 x 100),
    # KATEGORI "Baik"; 101,46 > 100 is Istimewa. Tabel 3.2 (p24) prints the same IKU with
    # koreksi 15 and nilai akhir 101,46 x 0,85 = 86,24, which is Baik (80-100).
    t315 = make_table(IKU, [["2.", "Indeks Profesionalitas ASN (Kualifikasi, Kinerja dan Kedisiplinan)",
                             "52,05", "52,81", "101,46", "Baik"]], number="3.15", page=29)
    t32 = make_table(NA, [["2.", "Indeks Profesionalitas ASN (Kalifikasi, Kinerja dan Kedisiplinan)",
                           "52,05", "52,81", "101,46", "15", "86,24", "Baik"]], number="3.2", page=24)
    t32.id = "p24-t1"
    found = [f for f in _lbl([t32, t315]) if f.table == "3.15"]
    assert [(f.actual, f.expected, f.severity) for f in found] == [("Baik", "Istimewa", "info")]
    assert "86,24" in found[0].message
    # alone, nothing else in the report says which value the kategori judges: an error
    found = _lbl([make_table(IKU, [r.texts() for r in t315.rows], number="3.15", page=29)])
    assert [(f.actual, f.expected, f.severity) for f in found] == [("Baik", "Istimewa", "error")]
