"""Tests for lkip_audit.numbers: Indonesian number parsing, formatting, precision."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lkip_audit.numbers import (
    ParsedNumber,
    clean_text,
    consistent,
    format_number,
    interval,
    parse_number,
)

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------
# table-driven: every form, expectations written by hand from the text
# columns: text, style, kind, value, unit, decimals, extra fields

CASES = [
    # plain / id thousands / id decimals
    ("38.995.711.827", "id", "number", "38995711827", None, 0, {"style": "id"}),
    ("1.802.368.000,00", "id", "number", "1802368000", None, 2, {"style": "id"}),
    ("95,26", "id", "number", "95.26", None, 2, {"style": "id"}),
    ("0,5", "id", "number", "0.5", None, 1, {}),
    ("100", "id", "number", "100", None, 0, {"style": "plain"}),
    ("2024", "id", "number", "2024", None, 0, {}),
    ("0", "id", "number", "0", None, 0, {}),
    ("1.234", "id", "number", "1234", None, 0, {"style": "id"}),
    ("12,5", "id", "number", "12.5", None, 1, {}),
    ("1,234", "id", "number", "1.234", None, 3, {"style": "id"}),
    # currency
    ("Rp38.995.711.827,00", "id", "number", "38995711827", None, 2, {"currency": True}),
    ("Rp 1.250.000", "id", "number", "1250000", None, 0, {"currency": True}),
    ("Rp. 1.250.000,-", "id", "number", "1250000", None, 0, {"currency": True}),
    ("Rp (1.000)", "id", "number", "-1000", None, 0, {"currency": True, "negative": True}),
    ("-Rp 5", "id", "number", "-5", None, 0, {"currency": True, "negative": True}),
    ("(Rp 1.000)", "id", "number", "-1000", None, 0, {"currency": True, "negative": True}),
    # percent
    ("95,26%", "id", "percent", "95.26", "%", 2, {}),
    ("95,26 %", "id", "percent", "95.26", "%", 2, {}),
    ("(5,25)%", "id", "percent", "-5.25", "%", 2, {"negative": True}),
    ("(5,25%)", "id", "percent", "-5.25", "%", 2, {"negative": True}),
    ("12.5%", "en", "percent", "12.5", "%", 1, {"style": "en"}),
    # negatives
    ("(2.297.732.999)", "id", "number", "-2297732999", None, 0, {"negative": True}),
    ("-5", "id", "number", "-5", None, 0, {"negative": True}),
    ("\u22125", "id", "number", "-5", None, 0, {"negative": True}),
    ("-1.234,50", "id", "number", "-1234.5", None, 2, {"negative": True}),
    # units
    ("4,98 Nilai", "id", "number", "4.98", "Nilai", 2, {}),
    ("12 Dokumen", "id", "number", "12", "Dokumen", 0, {}),
    ("87 Orang/Bulan", "id", "number", "87", "Orang/Bulan", 0, {}),
    ("87 Orang / Bulan", "id", "number", "87", "Orang/Bulan", 0, {}),
    ("1 Laporan", "id", "number", "1", "Laporan", 0, {}),
    ("19 Orang", "id", "number", "19", "Orang", 0, {}),
    ("19   Orang  Per  Hari", "id", "number", "19", "Orang Per Hari", 0, {}),
    # English by pattern, and by document hint
    ("1,234.5", "id", "number", "1234.5", None, 1, {"style": "en"}),
    ("1,234,567", "id", "number", "1234567", None, 0, {"style": "en"}),
    ("1,234.5", "en", "number", "1234.5", None, 1, {"style": "en"}),
    ("12.5", "en", "number", "12.5", None, 1, {"style": "en"}),
    ("1,234", "en", "number", "1234", None, 0, {"style": "en"}),
    ("1.234", "en", "number", "1.234", None, 3, {"style": "en"}),
    ("38.995.711.827", "en", "number", "38995711827", None, 0, {"style": "id"}),
    ("1.802.368.000,00", "en", "number", "1802368000", None, 2, {"style": "id"}),
    # unicode noise
    ("\u00a038.995.711.827\u202f", "id", "number", "38995711827", None, 0, {}),
    ("38.995\u200b.711.827", "id", "number", "38995711827", None, 0, {}),
    ("\ufeff95,26\u00a0%", "id", "percent", "95.26", "%", 2, {}),
    ("Rp\u00a01.250.000", "id", "number", "1250000", None, 0, {"currency": True}),
    ("12\u200c\u00a0Doku\u200dmen", "id", "number", "12", "Dokumen", 0, {}),
    ("3 Pro\ufb01l", "id", "number", "3", "Profil", 0, {}),
    ("\uff11\uff12", "id", "number", "12", None, 0, {}),  # full-width digits
]


@pytest.mark.parametrize("text,style,kind,value,unit,decimals,extra", CASES, ids=[c[0] for c in CASES])
def test_parse_table(text, style, kind, value, unit, decimals, extra):
    p = parse_number(text, style=style)
    assert p.text == text
    assert p.kind == kind, p
    assert p.value == D(value)
    assert p.unit == unit
    assert p.decimals == decimals
    assert p.problem is None
    assert p.currency == extra.get("currency", False)
    assert p.negative == extra.get("negative", False)
    if "style" in extra:
        assert p.style == extra["style"]


RANGES = [
    ("70-80", "70", "80", None, 0),
    ("70 - 80", "70", "80", None, 0),
    ("70\u201380", "70", "80", None, 0),
    ("70 \u2014 80", "70", "80", None, 0),
    ("70,5-80", "70.5", "80", None, 1),
    ("70 s.d. 80", "70", "80", None, 0),
    ("70 s/d 80", "70", "80", None, 0),
    ("70%-80%", "70", "80", "%", 0),
    ("2,5 - 3 Dokumen", "2.5", "3", "Dokumen", 1),
    ("-5 - 5", "-5", "5", None, 0),
]


@pytest.mark.parametrize("text,low,high,unit,decimals", RANGES, ids=[r[0] for r in RANGES])
def test_parse_range(text, low, high, unit, decimals):
    p = parse_number(text)
    assert p.kind == "range", p
    assert p.value is None and not p.is_number
    assert (p.low, p.high) == (D(low), D(high))
    assert p.unit == unit
    assert p.decimals == decimals
    assert p.text == text


@pytest.mark.parametrize("text", ["", "   ", "-", "\u2013", "\u2014", "--", " - ", "\u00a0", "\u200b", "Rp -", "(-)"])
def test_parse_empty(text):
    p = parse_number(text)
    assert p.kind == "empty"
    assert p.value is None and p.text == text


MALFORMED = [
    ("900.00.0", "id"),
    ("282.101.14", "id"),
    ("12.0", "id"),
    ("1.5", "id"),
    ("12.5%", "id"),
    ("1.250.00.0", "id"),
    ("1,2,3", "id"),
    ("12,34,56", "id"),
    ("1.23,4", "id"),
    ("Rp", "id"),
    ("Rp\u00a0", "id"),
    ("5..0", "id"),
    ("1.234.", "id"),
    ("1.234,567.8", "id"),
    ("0.500", "id"),
    ("1234.567", "id"),
    ("12,5", "en"),
    ("1,23", "en"),
    ("1,23.5", "en"),
    ("80-70", "id"),
    ("1.5-2", "id"),
    ("Rp 1.02.03", "id"),
    ("(1.23)", "id"),
    ("12.0 Dokumen", "id"),
]


@pytest.mark.parametrize("text,style", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_parse_malformed(text, style):
    p = parse_number(text, style=style)
    assert p.kind == "malformed", p
    assert p.value is None and p.low is None and p.high is None
    assert p.problem
    assert p.text == text


TEXT = [
    "Sesuai Target",
    "III/d",
    "Bidang Mutasi",
    "03.5.03.02.1.04",
    "1.02.03",
    "1.02.01.2.01.0001",
    "5.1.02.01.01.0024",
    "31.12.2024",
    "12-05-2024",
    "1.",
    "a.",
    "I.",
    "1. Penyusunan Laporan",
    "- Penyusunan Laporan",
    "(1) Penyusunan Laporan",
    "(1) Dokumen",
    "3 dari 5",
    "RPJMD",
    "Tabel 3.20",
    "%",
    "+",
    "1e5",
    "12 15",
    "< 100",
]


@pytest.mark.parametrize("text", TEXT)
def test_parse_text(text):
    p = parse_number(text)
    assert p.kind == "text", p
    assert p.value is None and p.problem is None
    assert p.text == text


def test_style_argument_validated():
    with pytest.raises(ValueError):
        parse_number("1", style="fr")


def test_clean_text():
    assert clean_text("\u00a0Rp\u202f1.000\u200b ") == "Rp 1.000"
    assert clean_text("\ufb01") == "fi"
    assert clean_text("\u22125") == "-5"


# --------------------------------------------------------------------------
# format_number


@pytest.mark.parametrize(
    "value,decimals,style,thousands,expected",
    [
        ("38995711827", 0, "id", True, "38.995.711.827"),
        ("95.26", 2, "id", True, "95,26"),
        ("-1234.5", 2, "id", True, "-1.234,50"),
        ("-1234.5", 2, "en", True, "-1,234.50"),
        ("1234.5", 1, "id", False, "1234,5"),
        ("99.3964", 2, "id", True, "99,40"),
        ("0.125", 2, "id", True, "0,13"),  # half-up
        ("-0.125", 2, "id", True, "-0,13"),  # half away from zero
        ("2.5", 0, "id", True, "3"),
        ("-0.001", 2, "id", True, "0,00"),  # rounds to zero: no sign
        ("999.9", 0, "id", True, "1.000"),
        ("123", 0, "id", True, "123"),
        ("1000", 0, "id", True, "1.000"),
    ],
)
def test_format_number(value, decimals, style, thousands, expected):
    assert format_number(D(value), decimals, style=style, thousands=thousands) == expected


def test_format_parens_and_types():
    assert format_number(D("-2297732999"), 0, parens=True) == "(2.297.732.999)"
    assert format_number(5, 0) == "5"
    with pytest.raises(TypeError):
        format_number(1.5, 1)
    with pytest.raises(ValueError):
        format_number(D(1), -1)


# --------------------------------------------------------------------------
# precision: interval / consistent (DESIGN.md "Precision")


def test_interval_95_26():
    p = parse_number("95,26")
    assert interval(p, "round") == (D("95.255"), D("95.265"))
    assert interval(p, "truncate") == (D("95.26"), D("95.27"))
    assert consistent(p, D("95.255"), "round")
    assert consistent(p, D("95.26499999"), "round")
    assert not consistent(p, D("95.265"), "round")  # half-open
    assert not consistent(p, D("95.2549999"), "round")
    assert consistent(p, D("95.269999"), "truncate")
    assert not consistent(p, D("95.27"), "truncate")
    assert not consistent(p, D("95.259"), "truncate")


def test_interval_negative_mirrors():
    p = parse_number("(95,26)")
    assert interval(p, "round") == (D("-95.265"), D("-95.255"))
    assert interval(p, "truncate") == (D("-95.27"), D("-95.26"))
    # (-95.265, -95.255]: half away from zero sends -95.265 to -95,27
    assert not consistent(p, D("-95.265"), "round")
    assert consistent(p, D("-95.255"), "round")
    assert consistent(p, D("-95.2649"), "round")
    assert consistent(p, D("-95.2699"), "truncate")
    zero = parse_number("0,00")
    assert interval(zero, "truncate") == (D("-0.01"), D("0.01"))
    assert consistent(zero, D("-0.004"), "round")
    assert consistent(zero, D("-0.009"), "truncate")


def test_consistent_design_examples():
    # PCT001 in DESIGN.md: 99,24 printed, 19.879.294 / 20.000.000 x 100 = 99,396...
    p = parse_number("99,24")
    computed = D(19879294) / D(20000000) * 100
    assert format_number(computed, 2) == "99,40"
    assert not consistent(p, computed, "round")
    assert not consistent(p, computed, "truncate")
    assert not consistent(p, computed, "either")
    # 34,74 printed, 3.994.594 / 11.500.000 x 100 = 34,7356...
    q = parse_number("34,74%")
    computed = D(3994594) / D(11500000) * 100
    assert consistent(q, computed, "round")
    assert not consistent(q, computed, "truncate")
    assert consistent(q, computed, "either")
    # Nilai akhir in the seed: 97,81 x 0,85 = 83,14
    assert consistent(parse_number("83,14"), D("97.81") * D("0.85"))
    # money: exact integers
    assert consistent(parse_number("Rp38.995.711.827,00"), D(38995711827))
    assert not consistent(parse_number("38.995.711.827"), D(38995711828))


def test_precision_rejects_non_numbers_and_floats():
    with pytest.raises(ValueError):
        interval(parse_number("Sesuai Target"))
    with pytest.raises(ValueError):
        consistent(parse_number("900.00.0"), D(1))
    with pytest.raises(ValueError):
        consistent(parse_number("1"), D(1), mode="nearest")
    with pytest.raises(TypeError):
        consistent(parse_number("1"), 1.0)


# --------------------------------------------------------------------------
# property tests

UNITS = [None, "Dokumen", "Orang", "Orang/Bulan", "Laporan", "Nilai", "%"]
SPACES = ["", " ", "\u00a0", "\u202f", "\u2009", "\u200b", "\ufeff", "\u00a0\u200b"]


@st.composite
def printed_numbers(draw):
    decimals = draw(st.integers(0, 3))
    scaled = draw(st.integers(-(10**15), 10**15) | st.integers(-2000, 2000))
    value = D(scaled).scaleb(-decimals)
    style = draw(st.sampled_from(["id", "en"]))
    thousands = draw(st.booleans())
    unit = draw(st.sampled_from(UNITS))
    rp = unit in (None,) and draw(st.booleans())
    # accounting parentheses only around bare numbers, money and percent:
    # "(1) Penyusunan ..." is a row label, so "(1) Dokumen" is deliberately text
    forms = ["minus", "unicode"] + (["parens"] if unit in (None, "%") else [])
    neg_form = draw(st.sampled_from(forms))
    body = format_number(abs(value), decimals, style=style, thousands=thousands)
    if value < 0:
        body = {"minus": "-", "unicode": "\u2212", "parens": "("}[neg_form] + body
        if neg_form == "parens":
            body += ")"
    sp = lambda: draw(st.sampled_from(SPACES))  # noqa: E731
    text = sp() + ("Rp" + sp() if rp else "") + body
    if unit:
        text += draw(st.sampled_from(["", " ", "\u00a0"]) if unit == "%" else st.sampled_from([" ", "\u00a0", " \u200b"])) + unit
    text += sp()
    return text, style, value, decimals, unit, rp


@FAST
@given(printed_numbers())
def test_format_then_parse_round_trip(case):
    text, style, value, decimals, unit, rp = case
    p = parse_number(text, style=style)
    assert p.text == text
    assert p.kind == ("percent" if unit == "%" else "number"), (text, p)
    assert p.value == value
    assert p.decimals == decimals
    assert p.unit == unit
    assert p.currency == rp
    assert p.negative == (value < 0)


@FAST
@given(st.integers(-(10**18), 10**18), st.integers(0, 3), st.sampled_from(["id", "en"]), st.booleans())
def test_format_is_parse_inverse_and_consistent(scaled, decimals, style, thousands):
    value = D(scaled).scaleb(-decimals)
    text = format_number(value, decimals, style=style, thousands=thousands)
    p = parse_number(text, style=style)
    assert p.value == value and p.decimals == decimals
    assert format_number(p.value, p.decimals, style=style, thousands=thousands) == text
    assert consistent(p, value, "round") and consistent(p, value, "truncate")


@FAST
@given(
    st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=6),
    st.integers(0, 3),
)
def test_consistent_agrees_with_format(computed, decimals):
    """A recomputed value is consistent (round) with exactly the text format_number prints."""
    p = parse_number(format_number(computed, decimals))
    assert consistent(p, computed, "round")
    low, high = interval(p, "round")
    assert low <= computed <= high
    step = D(1).scaleb(-decimals)
    assert not consistent(p, computed + step, "round")
    assert not consistent(p, computed - step, "round")


@st.composite
def broken_thousands(draw):
    """A well-formed thousands number with one group broken (digit removed or added, or a doubled separator)."""
    style = draw(st.sampled_from(["id", "en"]))
    tsep, dsep = (".", ",") if style == "id" else (",", ".")
    first = str(draw(st.integers(1, 999)))
    rest = [f"{draw(st.integers(0, 999)):03d}" for _ in range(draw(st.integers(1, 4)))]
    groups = [first] + rest
    how = draw(st.sampled_from(["remove", "add", "double"]))
    if how == "remove":
        i = draw(st.integers(1, len(groups) - 1))
        j = draw(st.integers(0, 2))
        groups[i] = groups[i][:j] + groups[i][j + 1:]
        joined = tsep.join(groups)
    elif how == "add":
        i = draw(st.integers(0, len(groups) - 1))
        if i == 0 and len(groups[0]) < 3:
            groups[0] = groups[0] + str(draw(st.integers(0, 9))) * (4 - len(groups[0]))
        else:
            groups[i] = groups[i] + str(draw(st.integers(0, 9)))
        joined = tsep.join(groups)
    else:
        i = draw(st.integers(1, len(groups) - 1))
        joined = tsep.join(groups[:i]) + tsep + tsep + tsep.join(groups[i:])
    if draw(st.booleans()):
        joined += dsep + str(draw(st.integers(0, 99)))
    parens = draw(st.booleans())
    if parens:  # accounting negative: no sign, no word unit (see round trip)
        joined = "(" + joined + ")"
    prefix = draw(st.sampled_from(["", "Rp", "Rp ", "\u00a0"] + ([] if parens else ["-"])))
    suffix = draw(st.sampled_from(["", "%", "\u202f"] + ([] if parens else [" Dokumen", " Orang/Bulan"])))
    if prefix.startswith("Rp") and suffix == "%":
        suffix = ""
    return prefix + joined + suffix, style


@FAST
@given(broken_thousands())
def test_broken_groups_are_malformed(case):
    text, style = case
    p = parse_number(text, style=style)
    assert p.kind == "malformed", (text, style, p)
    assert p.value is None and not p.is_number
    assert p.problem


@FAST
@given(st.text(max_size=40), st.sampled_from(["id", "en"]))
def test_never_raises_and_keeps_text(text, style):
    p = parse_number(text, style=style)
    assert isinstance(p, ParsedNumber)
    assert p.text == text
    assert p.kind in {"number", "percent", "range", "empty", "text", "malformed"}
    if p.kind in ("number", "percent"):
        assert p.value is not None and p.low is None
    else:
        assert p.value is None
    if p.kind == "range":
        assert p.low is not None and p.high is not None and p.low <= p.high
    if p.kind == "malformed":
        assert p.problem


@FAST
@given(st.text(alphabet="0123456789.,-()%Rp \u00a0\u200b\u2212\u2013", max_size=25), st.sampled_from(["id", "en"]))
def test_never_raises_on_number_like_noise(text, style):
    p = parse_number(text, style=style)
    assert p.text == text
    if p.is_number:
        # whatever was read must print back in a format that reads the same
        again = parse_number(format_number(p.value, p.decimals, style=style), style=style)
        assert again.value == p.value


# -- column conventions (style "comma", "dot", "decimal"; decided per column by
#    extract/numstyle.py).  Expected values are hand arithmetic on the printed text.

@pytest.mark.parametrize(
    "text, style, value, decimals",
    [
        # comma thousands with a ",00" decimal, as Excel-made tables print money
        # (bab_iii_lkip_2016.pdf page 24 prints "641,773,572,00")
        ("641,773,572,00", "comma", "641773572.00", 2),
        ("1,141,250,000,00", "comma", "1141250000.00", 2),
        ("78,50", "comma", "78.50", 2),  # a percentage of the same table
        ("1,250", "comma", "1250", 0),  # a last group of 3 digits is thousands
        ("Rp 90,750,000,00", "comma", "90750000.00", 2),
        # the same with dots
        ("624.989.000.00", "dot", "624989000.00", 2),
        ("1.250.000", "dot", "1250000", 0),
        # no thousands separators: "." or "," is the decimal mark
        ("48.7", "decimal", "48.7", 1),
        ("100,53", "decimal", "100.53", 2),
        ("98.90", "decimal", "98.90", 2),
        ("100", "decimal", "100", 0),
    ],
)
def test_column_conventions_read(text, style, value, decimals):
    p = parse_number(text, style=style)
    assert p.kind == "number"
    assert p.value == D(value) and p.decimals == decimals
    assert p.style in (style, "plain")


@pytest.mark.parametrize(
    "text, style",
    [
        ("1.234,56", "comma"),  # a dot in a column of commas
        ("1,234.56", "dot"),
        ("12,34,56", "comma"),  # groups of 2 digits are no thousands groups
        ("1.234.567", "decimal"),  # several marks in a column without thousands
        ("1.234,5", "decimal"),
    ],
)
def test_column_conventions_reject(text, style):
    p = parse_number(text, style=style)
    assert p.kind == "malformed" and p.problem


def test_column_conventions_keep_codes_as_text():
    assert parse_number("1.02.03", style="dot").kind == "text"
    assert parse_number("1.2.3", style="decimal").kind == "text"


def test_unknown_style_is_refused():
    with pytest.raises(ValueError):
        parse_number("1", style="fr")


def test_range_under_decimal_convention():
    # "60 - 79.99" in a scale column (lkip_bp3iptek_2016.pdf page 38)
    p = parse_number("60 – 79.99", style="decimal")
    assert p.kind == "range" and p.low == D(60) and p.high == D("79.99")
