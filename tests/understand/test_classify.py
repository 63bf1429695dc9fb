"""Table kinds from header and content (tables copied from the seed: see seed_tables.py)."""

import pytest

from lkip_audit.understand import analyze_table
from lkip_audit.understand.model import (
    BELANJA, IKU, KEBUTUHAN, KOMPOSISI, OTHER, PERJANJIAN_KINERJA, RENCANA_REALISASI, SKALA,
)
from tests.tablefactory import make_table
from tests.understand import seed_tables as S


@pytest.mark.parametrize(
    "build, kind",
    [
        (S.t3_18, RENCANA_REALISASI),
        (S.t3_20_flat, RENCANA_REALISASI),
        (S.t2_8, PERJANJIAN_KINERJA),
        (S.t3_1, IKU),
        (S.t3_2, IKU),
        (S.t3_6, IKU),
        (S.t3_16, IKU),
        (S.t3_17, IKU),
        (S.t3_63, IKU),
        (S.t3_38, KOMPOSISI),
        (S.t3_40, KOMPOSISI),
        (S.t3_37, KOMPOSISI),
        (S.t3_50, KOMPOSISI),
        (S.t3_54, KEBUTUHAN),
        (S.t3_64, BELANJA),
        (S.scale_tingkat, SKALA),
        (S.scale_predikat, SKALA),
        (S.scale_other_style, SKALA),
    ],
)
def test_kind(build, kind):
    at = analyze_table(build())
    assert at.kind == kind, at.notes


def test_kind_ignores_caption_number():
    t = S.t3_18()
    t.number = "3.1"
    t.title = "Tingkat Pencapaian Sasaran Strategis"
    assert analyze_table(t).kind == RENCANA_REALISASI


def test_iku_targets_only():
    # Tabel 2.7: SASARAN, INDIKATOR KINERJA UTAMA, TARGET
    t = make_table(
        ["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "TARGET"],
        [["1.", "Meningkatnya Akuntabilitas Kinerja Penyelenggaraan Pemerintahan",
          "Capaian SAKIP (Sistem Akuntabilitas Kinerja Instansi Pemerintah) Perangkat Daerah", "70-80"]],
    )
    assert analyze_table(t).kind == IKU


def test_text_table_is_other():
    # Tabel 3.57: a list of perangkat daerah with a text grade
    t = make_table(
        ["NO", "Perangkat Daerah", "2024"],
        [["1", "BPKAD Provinsi Banten", "Sangat Baik"], ["2", "BAPPEDA Provinsi Banten", "Sangat Baik"]],
    )
    assert analyze_table(t).kind == OTHER


def test_kind_is_noted():
    at = analyze_table(S.t3_54())
    assert any(n.startswith("kind kebutuhan") for n in at.notes)


def test_medium_term_target_table_is_not_a_composition():
    # Renstra targets 2014-2018 per indicator: nothing adds up, no kind with sums
    from lkip_audit.understand import analyze_table
    from tests.tablefactory import make_table

    t = make_table(
        [["TUJUAN", "INDIKATOR KINERJA", "TARGET", "", "", ""], ["", "", "2014", "2015", "2016", "2017"]],
        [["Meningkatnya kinerja", "Nilai SAKIP", "60", "65", "70", "75"],
         ["", "Opini BPK", "80", "85", "90", "95"]],
    )
    assert analyze_table(t).kind == "other"
