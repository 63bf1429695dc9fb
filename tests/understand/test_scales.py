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


# -- a kategori scale stated in a sentence (samples/wild/konvensi-lain.pdf page 10, Bab IV)

KONVENSI_SENTENCE = (
    "Kategori capaian kinerja ditetapkan dengan skala: 91 ke atas Sangat Baik; 76 sampai kurang dari 91 Baik; "
    "66 sampai kurang dari 76 Cukup; 51 sampai kurang dari 66 Kurang; kurang dari 51 Sangat Kurang."
)


@pytest.mark.parametrize(
    "text, low, high, li, hi",
    [
        ("91 ke atas", D(91), None, True, True),
        ("76 sampai kurang dari 91", D(76), D(91), True, False),
        ("50 - < 80 %", D(50), D(80), True, False),
        ("lebih dari 75 sampai dengan 90", D(75), D(90), False, True),
        ("> 55 – 80", D(55), D(80), False, True),
        ("50 ke bawah", None, D(50), True, True),
    ],
)
def test_parse_condition_open_ended_ranges(text, low, high, li, hi):
    b = parse_condition(text)
    assert (b.low, b.high, b.low_inclusive, b.high_inclusive) == (low, high, li, hi)


def test_scale_stated_in_a_sentence():
    from lkip_audit.understand.scales import parse_scale_sentence

    bands = parse_scale_sentence(KONVENSI_SENTENCE)
    s = Scale("kategori", bands, "document: sentence page 10")
    assert [b.label for b in bands] == ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    # Tabel IV.1 of the same page: 77,50 is Baik (76 <= 77,50 < 91), not the "Cukup" printed; 90,63 Baik
    assert band_for(s, D("77.50")).label == "Baik"
    assert band_for(s, D("90.63")).label == "Baik"
    assert band_for(s, D("97.50")).label == "Sangat Baik"
    assert band_for(s, 91).label == "Sangat Baik" and band_for(s, 76).label == "Baik"
    assert band_for(s, D("50.99")).label == "Sangat Kurang"


@pytest.mark.parametrize(
    "text, labels",
    [
        ("Capaian dinilai dengan predikat Sangat Baik (> 90), Baik (75 - 90), Cukup (60 - 75) dan Kurang (< 60).",
         ["Sangat Baik", "Baik", "Cukup", "Kurang"]),
        ("Kriteria penilaian: Sangat Baik = lebih dari 90%, Baik = 75% s.d. 90%, Cukup = 60% s.d. kurang dari 75%, "
         "Kurang = kurang dari 60%.", ["Sangat Baik", "Baik", "Cukup", "Kurang"]),
    ],
)
def test_other_sentence_forms(text, labels):
    from lkip_audit.understand.scales import parse_scale_sentence

    assert [b.label for b in parse_scale_sentence(text)] == labels


@pytest.mark.parametrize(
    "text",
    [
        # results quoted with their kategori: values, not bands
        "Ekspor tumbuh 77,50% dengan kategori Cukup, industri 97,50% kategori Sangat Baik, halal 115% kategori Sangat Baik.",
        "Ekspor tumbuh 77,50% kategori Cukup, industri 97,50% Sangat Baik, halal 115% Baik.",
        # one label with its reason (6_lkip_2016_full_1.pdf page 43)
        "kategori sangat baik, karena rata-rata pencapaiannya lebih dari 90%",
        # no cue word
        "Capaian 91 ke atas Sangat Baik; 76 sampai kurang dari 91 Baik; kurang dari 76 Cukup.",
        # overlapping bands
        "Skala: Sangat Baik (> 80), Baik (75 - 90), Cukup (< 75).",
        # two bands only
        "Skala: Baik (>= 75), Kurang (< 75).",
    ],
)
def test_sentences_that_state_no_scale(text):
    from lkip_audit.understand.scales import parse_scale_sentence

    assert parse_scale_sentence(text) is None


def test_sentence_scale_only_where_no_table_states_one():
    from lkip_audit.understand.narrative import Sentence
    from lkip_audit.understand.scales import collect_scales

    sen = [Sentence(text="Pendahuluan.", page=9, line=0, position=0.1),
           Sentence(text=KONVENSI_SENTENCE, page=10, line=2, position=0.1)]
    s = collect_scales([], None, sen)["kategori"]
    assert s.source == "document: sentence page 10" and s.sentence == KONVENSI_SENTENCE and s.page == 10
    table = collect_scales([analyze_table(S.scale_predikat())], None, sen)["kategori"]
    assert table.bands[0].label == "Istimewa"  # a scale table wins
    cfg = collect_scales([], {"kategori": {"A": ">= 0"}}, sen)["kategori"]
    assert cfg.source == "config"


@pytest.mark.parametrize("ext, page", [("pdf", 10), ("docx", None)])
def test_konvensi_lain_reads_the_scale_of_its_sentence(ext, page):
    from pathlib import Path

    from lkip_audit.pipeline import audit

    path = Path(__file__).resolve().parents[2] / "samples" / "wild" / f"konvensi-lain.{ext}"
    res = audit(str(path))
    s = res.understanding.scales["kategori"]
    assert s.sentence == KONVENSI_SENTENCE
    assert s.source == ("document: sentence page 10" if ext == "pdf" else
                        'document: sentence "Kategori capaian kinerja ditetapkan dengan skala: 91 ke ..."')
    # Tabel IV.1 row 2 prints "Cukup" for 77,50 (rendered page 10): Baik by the stated scale
    lbl = [f for f in res.findings if f.rule == "LBL002" and f.severity == "error"]
    assert [(f.page, f.table, f.row, f.actual, f.expected) for f in lbl] == [
        (page, "IV.1", "Pertumbuhan nilai ekspor non migas", "Cukup", "Baik")]
