"""Scales the report states (seed near line 880) and band_for."""

from decimal import Decimal as D

import pytest

from lkip_audit.extract.model import Document
from lkip_audit.understand import analyze_table, band_for, understand
from lkip_audit.understand.model import Band, Scale
from lkip_audit.understand.scales import parse_condition, parse_scale_table
from tests.understand import seed_tables as S


def doc(*tables):
    return Document(path="x.pdf", sha256="0", page_count=1, pages=[], tables=list(tables))


@pytest.mark.parametrize(
    "text, low, high, li, hi",
    [
        ("< 100", None, D(100), True, False),
        ("= 100", D(100), D(100), True, True),
        ("> 100", D(100), None, False, True),
        ("X > 100%", D(100), None, False, True),
        ("80% < X < 100%", D(80), D(100), False, False),
        ("0% < X < 20%", D(0), D(20), False, False),
        ("91-100", D(91), D(100), True, True),
        ("76 – 90", D(76), D(90), True, True),
        ("<= 50", None, D(50), True, True),
        ("≤ 50", None, D(50), True, True),
        ("≥ 91", D(91), None, True, True),
        ("91 s.d 100", D(91), D(100), True, True),
        ("80 < X <= 100", D(80), D(100), False, True),
        ("100% > X > 80%", D(80), D(100), False, False),
        ("lebih dari 100", D(100), None, False, True),
        ("60,5 - 80", D("60.5"), D(80), True, True),
    ],
)
def test_parse_condition(text, low, high, li, hi):
    b = parse_condition(text)
    assert (b.low, b.high, b.low_inclusive, b.high_inclusive) == (low, high, li, hi)


def test_parse_condition_rejects_labels():
    assert parse_condition("Baik") is None
    assert parse_condition("") is None


def test_tingkat_scale_from_document():
    s = parse_scale_table(analyze_table(S.scale_tingkat()))
    assert s.name == "tingkat"
    assert [b.label for b in s.bands] == ["Tidak Mencapai Target", "Sesuai Target", "Melebihi Target"]
    assert band_for(s, D("97.81")).label == "Tidak Mencapai Target"
    assert band_for(s, D("100")).label == "Sesuai Target"
    assert band_for(s, D("100.00")).label == "Sesuai Target"
    assert band_for(s, D("101.46")).label == "Melebihi Target"
    assert s.source.startswith("document: table")


def test_predikat_scale_from_document():
    at = analyze_table(S.scale_predikat())
    s = parse_scale_table(at)
    assert s.name == "kategori"
    assert band_for(s, D("101.46")).label == "Istimewa"
    assert band_for(s, D("97.81")).label == "Baik"
    assert band_for(s, D("83.14")).label == "Baik"
    assert band_for(s, D("60.5")).label == "Butuh Perbaikan"
    assert band_for(s, D("10")).label == "Sangat Kurang"
    # the printed scale leaves 100, 80, 60, 20 in no band: the lower band takes them
    assert band_for(s, D("100")).label == "Baik"
    assert band_for(s, D("80")).label == "Butuh Perbaikan"
    assert any("takes 100" in n for n in at.notes)
    assert band_for(s, D("0")) is None  # 0% < X: the scale excludes 0
    assert band_for(s, D("-1")) is None


def test_other_band_style():
    s = parse_scale_table(analyze_table(S.scale_other_style()))
    assert s.name == "kategori"
    assert band_for(s, 95).label == "Sangat Baik"
    assert band_for(s, "90").label == "Baik"
    assert band_for(s, D("90.5")).label == "Baik"  # integer bands: 76-90 reaches up to 91
    assert band_for(s, 91).label == "Sangat Baik"
    assert band_for(s, 50).label == "Sangat Kurang"
    assert band_for(s, D("50.5")).label == "Sangat Kurang"
    assert band_for(s, 101) is None


def test_understanding_scales_from_document():
    u = understand(doc(S.scale_tingkat(), S.scale_predikat(), S.t3_18()))
    assert set(u.scales) == {"tingkat", "kategori"}
    assert u.scales["kategori"].bands[0].label == "Istimewa"
    assert len(u.tables) == 3


def test_default_tingkat_and_no_default_kategori():
    u = understand(doc(S.t3_18()))
    assert u.scales["tingkat"].source == "default"
    assert band_for(u.scales["tingkat"], D("99.99")).label == "Tidak Mencapai Target"
    assert "kategori" not in u.scales


def test_config_overrides_document():
    cfg = {
        "kategori": {"Sangat Baik": "91-100", "Baik": "76-90", "Cukup": "66-75", "Kurang": "51-65", "Sangat Kurang": "<= 50"},
        "tingkat": [{"label": "Tercapai", "low": 100}, {"label": "Tidak Tercapai", "high": 100, "high_inclusive": False}],
    }
    u = understand(doc(S.scale_predikat()), config_scales=cfg)
    assert u.scales["kategori"].source == "config"
    assert band_for(u.scales["kategori"], D("83.14")).label == "Baik"
    assert band_for(u.scales["tingkat"], 100).label == "Tercapai"
    s = Scale("kategori", [Band("A", D(0), None)], "config")
    assert understand(doc(), config_scales={"kategori": s}).scales["kategori"] is s


def test_band_for_none():
    assert band_for(None, 1) is None
    assert band_for(Scale("x", [], "default"), None) is None
