"""Scales a report states: tingkat pencapaian and kategori/predikat bands.

A SKALA table has a condition column and a label column; a kategori scale may also be
stated in a sentence ("skala: 91 ke atas Sangat Baik; 76 sampai kurang dari 91 Baik; ...",
the label words in rules/vocabulary/scale_words.yaml). Conditions come in the
styles reports use: "< 100", "= 100", "> 100", "X > 100%", "80% < X < 100%",
"91-100", "<= 50", "≤ 50", "≥ 91", "91 s.d 100", "lebih dari 100", "91 ke atas",
"76 sampai kurang dari 91", "50 - < 80". Each becomes a
Band with Decimal bounds. Two repairs are applied, both recorded in the scale's
`notes`: where two adjacent bands both exclude their shared bound (80% < X < 100%
next to X > 100%) the lower band takes it, and where integer bands leave a gap
(76-90 next to 91-100) the lower band is extended up to the next one's start, so
that every value, 90,5 included, falls in one band.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from lkip_audit.understand.model import SKALA, AnalyzedTable, Band, Scale
from lkip_audit.understand.text import norm_label, ws

_NUM = r"(\d+(?:[.,]\d+)?)\s*%?"
_OPS = {"<": "lt", "<=": "le", "≤": "le", "=<": "le", ">": "gt", ">=": "ge", "≥": "ge", "=>": "ge", "=": "eq"}
_OP = r"(<=|>=|=<|=>|≤|≥|<|>|=)"


def _d(s: str) -> Decimal:
    s = s.strip().replace("%", "")
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    return Decimal(s)


def parse_condition(text: str) -> Band | None:
    """A band's bounds from a printed condition (label left empty), or None."""
    t = ws(text).replace("–", "-").replace("—", "-")
    # "91 ke atas" / "91 atau lebih" (91 and above), "50 ke bawah" / "50 atau kurang"
    t = re.sub(r"(?i)^(\d+(?:[.,]\d+)?\s*%?)\s*(?:ke\s?atas|atau lebih)$", r">= \1", t)
    t = re.sub(r"(?i)^(\d+(?:[.,]\d+)?\s*%?)\s*(?:ke\s?bawah|atau kurang)$", r"<= \1", t)
    t = re.sub(r"(?i)\bkurang dari sama dengan\b", "<=", t)
    t = re.sub(r"(?i)\blebih dari sama dengan\b", ">=", t)
    t = re.sub(r"(?i)\b(kurang dari|dibawah|di bawah)\b", "<", t)
    t = re.sub(r"(?i)\b(lebih dari|diatas|di atas)\b", ">", t)
    t = re.sub(r"(?i)\s*(s\.?\s?d\.?|s/d|sampai( dengan)?|hingga)\s*", " - ", t)
    t = re.sub(r"(?i)\b(nilai|skor|capaian|x)\b", "X", t)
    t = t.strip()
    try:
        # a < X < b   (any mix of < and <=)
        m = re.fullmatch(rf"{_NUM}\s*{_OP}\s*X\s*{_OP}\s*{_NUM}", t)
        if m:
            a, op1, op2, b = m.groups()
            o1, o2 = _OPS[op1], _OPS[op2]
            if o1 in ("lt", "le") and o2 in ("lt", "le"):
                return Band("", _d(a), _d(b), o1 == "le", o2 == "le")
            if o1 in ("gt", "ge") and o2 in ("gt", "ge"):  # b > X > a
                return Band("", _d(b), _d(a), o2 == "ge", o1 == "ge")
            return None
        # X op a
        m = re.fullmatch(rf"X\s*{_OP}\s*{_NUM}", t)
        if m:
            return _one_sided(_OPS[m.group(1)], _d(m.group(2)))
        # a op X  (mirror)
        m = re.fullmatch(rf"{_NUM}\s*{_OP}\s*X", t)
        if m:
            mirror = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq"}
            return _one_sided(mirror[_OPS[m.group(2)]], _d(m.group(1)))
        # op a
        m = re.fullmatch(rf"{_OP}\s*{_NUM}", t)
        if m:
            return _one_sided(_OPS[m.group(1)], _d(m.group(2)))
        # a - b
        m = re.fullmatch(rf"{_NUM}\s*-\s*{_NUM}", t)
        if m:
            lo, hi = _d(m.group(1)), _d(m.group(2))
            if lo > hi:
                lo, hi = hi, lo
            return Band("", lo, hi, True, True)
        # a range with an open end: "76 sampai kurang dari 91" / "50 - < 80" (76 <= X < 91),
        # "lebih dari 75 sampai dengan 90" / "> 75 - 90" (75 < X <= 90)
        m = re.fullmatch(rf"(?:(>=|=>|≥|>)\s*)?{_NUM}\s*-\s*(?:(<=|=<|≤|<)\s*)?{_NUM}", t)
        if m and (m.group(1) or m.group(3)):
            lo, hi = _d(m.group(2)), _d(m.group(4))
            if lo < hi:
                return Band("", lo, hi, m.group(1) in (None, ">=", "=>", "≥"), m.group(3) in (None, "<=", "=<", "≤"))
            return None
        # a bare number: that value only
        m = re.fullmatch(_NUM, t)
        if m:
            v = _d(m.group(1))
            return Band("", v, v, True, True)
    except (InvalidOperation, KeyError):
        return None
    return None


def _one_sided(op: str, v: Decimal) -> Band:
    if op == "lt":
        return Band("", None, v, True, False)
    if op == "le":
        return Band("", None, v, True, True)
    if op == "gt":
        return Band("", v, None, False, True)
    if op == "ge":
        return Band("", v, None, True, True)
    return Band("", v, v, True, True)


def looks_like_condition(text: str) -> bool:
    t = ws(text)
    if not t or not re.search(r"\d", t):
        return False
    return parse_condition(t) is not None and (bool(re.search(r"[<>=≤≥]|\bX\b|\bs\.?d\b|s/d|-", t, re.I)))


def in_band(band: Band, value: Decimal) -> bool:
    if band.low is not None:
        if value < band.low or (value == band.low and not band.low_inclusive):
            return False
    if band.high is not None:
        if value > band.high or (value == band.high and not band.high_inclusive):
            return False
    return True


def band_for(scale: Scale | None, value) -> Band | None:
    """The band of `scale` holding `value` (Decimal, int or str), or None."""
    if scale is None or value is None:
        return None
    if not isinstance(value, Decimal):
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            return None
    for b in scale.bands:
        if in_band(b, value):
            return b
    return None


def _sort_key(b: Band):
    lo = b.low if b.low is not None else Decimal("-Infinity")
    hi = b.high if b.high is not None else Decimal("Infinity")
    return (lo, hi)


def repair(bands: list[Band]) -> list[str]:
    """Close the gaps between adjacent bands (see module doc); returns what was changed."""
    notes = []
    ordered = sorted(bands, key=_sort_key)
    for a, b in zip(ordered, ordered[1:]):
        if a.high is None or b.low is None:
            continue
        if a.high == b.low and not a.high_inclusive and not b.low_inclusive:
            a.high_inclusive = True
            notes.append(f"{a.label!r} takes {a.high}, which the printed scale leaves in no band")
        elif (
            a.high_inclusive and b.low_inclusive and b.low - a.high == 1
            and a.high == a.high.to_integral_value() and b.low == b.low.to_integral_value()
        ):
            a.high = b.low
            a.high_inclusive = False
            notes.append(f"{a.label!r} extended to below {b.low} (integer bands leave a gap)")
    return notes


_TINGKAT_WORDS = re.compile(r"\b(MENCAPAI|SESUAI|MELEBIHI|TERCAPAI)\b.*\bTARGET\b|\bTARGET\b", re.I)


def parse_scale_table(at: AnalyzedTable) -> Scale | None:
    """The scale a SKALA table states, or None when its rows do not parse."""
    t = at.table
    ncol = max((len(r.cells) for r in t.rows), default=0)
    best = None
    for ci in range(ncol):
        conds = [r.cells[ci].text for r in t.rows if ci < len(r.cells) and ws(r.cells[ci].text)]
        good = sum(1 for c in conds if parse_condition(c) is not None)
        if conds and good * 3 >= len(conds) * 2 and (best is None or good > best[1]):
            best = (ci, good)
    if best is None:
        return None
    ci = best[0]
    bands: list[Band] = []
    for r in t.rows:
        if ci >= len(r.cells):
            continue
        b = parse_condition(r.cells[ci].text)
        if b is None:
            continue
        label = ""
        for j, c in enumerate(r.cells):
            if j != ci and ws(c.text) and not re.fullmatch(r"[\d.,%\s]+", c.text):
                label = ws(c.text)
                break
        if not label:
            continue
        b.label = label
        bands.append(b)
    if len(bands) < 2:
        return None
    labels = " ".join(b.label for b in bands)
    head = " ".join(t.columns)
    name = "tingkat" if (_TINGKAT_WORDS.search(labels) or "TINGKAT" in norm_label(head)) else "kategori"
    notes = repair(bands)
    where = f"document: table {t.label} page {t.pages[0] if t.pages else '?'}"
    scale = Scale(name=name, bands=bands, source=where, table_id=t.id)
    for n in notes:
        at.notes.append(f"scale {name}: {n}")
    return scale


# -- a scale stated in a sentence ------------------------------------------------------------

_SEGMENT_SPLIT = re.compile(r";\s*|,\s+|\s+(?:dan|serta)\s+", re.I)


def _sentence_words() -> tuple[re.Pattern | None, re.Pattern | None, int]:
    """(cue pattern, label pattern, fewest bands) from rules/vocabulary/scale_words.yaml,
    compiled once per version of the file (every sentence of a document asks)."""
    from lkip_audit.vocabulary import vocabulary_text

    return _compiled_sentence_words(vocabulary_text("scale_words"))


@lru_cache(maxsize=4)
def _compiled_sentence_words(text: str) -> tuple[re.Pattern | None, re.Pattern | None, int]:
    import yaml

    w = yaml.safe_load(text) or {}
    cues = [str(c) for c in w.get("cues") or []]
    labels = sorted({str(x) for x in w.get("labels") or []}, key=len, reverse=True)
    cue = re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b") if cues else None
    # a label word, not the "kurang" of "kurang dari 51" / "50 atau kurang"
    lab = re.compile(r"(?i)(?<!\w)(?<!atau )(?:" + "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in labels)
                     + r")(?!\w)(?!\s+(?:dari|sama)\b)") if labels else None
    return cue, lab, int(w.get("min_bands", 3))


def _condition_beside(before: str, after: str) -> Band | None:
    """The condition printed beside a label: after it in brackets or after ":" / "=", else
    the longest run of words right before it that reads as a condition."""
    a = after.strip()
    m = re.match(r"\(([^()]*)\)", a) or re.match(r"[:=]\s*(.+)", a)
    if m:
        return parse_condition(m.group(1).strip())
    words = before.strip().rstrip(":=(").split()
    for k in range(len(words)):
        cond = " ".join(words[k:]).strip(" :=()")
        if re.search(r"\d", cond):
            b = parse_condition(cond)
            if b is not None:
                return b
    return None


def parse_scale_sentence(text: str) -> list[Band] | None:
    """The bands a sentence states ("... dengan skala: 91 ke atas Sangat Baik; 76 sampai
    kurang dari 91 Baik; ...", "... predikat Sangat Baik (> 90), Baik (75 - 90), ..."), or
    None. The sentence must name a cue word (skala, kategori, predikat, ...) before its
    first band and list at least `min_bands` bands, one label (a word of the vocabulary)
    and one condition each, no two labels alike, no two bands overlapping (beyond a shared
    bound); a single value
    ("77,50% kategori Cukup") is no band."""
    cue, lab, least = _sentence_words()
    if cue is None or lab is None:
        return None
    t = ws(text).rstrip(". ")
    c = cue.search(t)
    if c is None:
        return None
    bands: list[Band] = []
    for seg in _SEGMENT_SPLIT.split(t[c.end():]):
        found = list(lab.finditer(seg))
        if not found:
            continue
        if len(found) > 1:
            return None  # two labels in one part: not a list of bands
        m = found[0]
        b = _condition_beside(seg[: m.start()], seg[m.end():])
        if b is None or (b.low is not None and b.low == b.high):
            return None  # a label without a condition (or with one value only): no scale statement
        b.label = " ".join(m.group(0).split())
        bands.append(b)
    if len(bands) < least or len({b.label.lower() for b in bands}) < len(bands):
        return None
    ordered = sorted(bands, key=_sort_key)
    for a, b in zip(ordered, ordered[1:]):
        if a.high is None or b.low is None or a.high > b.low:
            return None  # overlapping bands (touching at one bound is usual: "60 - 75", "75 - 90")
    return bands


def sentence_scale(sentences, word: bool = False) -> Scale | None:
    """The kategori scale the first sentence stating one states (understand.narrative
    Sentence objects), or None. Its source names the page, or in a Word document (no
    pages) the sentence's first words."""
    for sen in sentences or []:
        bands = parse_scale_sentence(sen.text)
        if bands:
            repair(bands)
            head = sen.text if len(sen.text) <= 60 else sen.text[:57].rsplit(" ", 1)[0] + " ..."
            where = f'document: sentence "{head}"' if word else f"document: sentence page {sen.page}"
            return Scale(name="kategori", bands=bands, source=where, sentence=sen.text, page=sen.page)
    return None


def default_scale(name: str) -> Scale | None:
    """The default scale ``name`` of rules/vocabulary/scales.yaml (data: defined once), or
    None when there is none (kategori: only the report's own or a configured scale)."""
    from lkip_audit.vocabulary import vocabulary

    bands = (vocabulary("scales") or {}).get(name)
    if not bands:
        return None

    def num(v):
        return None if v is None else Decimal(str(v))

    return Scale(
        name=name,
        bands=[Band(str(b["label"]), num(b.get("low")), num(b.get("high")),
                    bool(b.get("low_inclusive", True)), bool(b.get("high_inclusive", True))) for b in bands],
        source="default",
    )


def default_tingkat() -> Scale:
    return default_scale("tingkat")


def scale_from_config(name: str, spec) -> Scale:
    """A Scale from configuration: a Scale, a list of Band / dicts (label, low, high,
    low_inclusive, high_inclusive, or label + condition), or {label: condition}."""
    if isinstance(spec, Scale):
        return spec
    bands: list[Band] = []
    items = spec.items() if isinstance(spec, dict) else None
    if items is not None:
        for label, cond in items:
            b = parse_condition(str(cond))
            if b is None:
                raise ValueError(f"scale {name}: cannot read condition {cond!r} for {label!r}")
            b.label = str(label)
            bands.append(b)
    else:
        for item in spec:
            if isinstance(item, Band):
                bands.append(item)
                continue
            if "condition" in item:
                b = parse_condition(str(item["condition"]))
                if b is None:
                    raise ValueError(f"scale {name}: cannot read condition {item['condition']!r}")
                b.label = str(item["label"])
                bands.append(b)
                continue
            bands.append(
                Band(
                    label=str(item["label"]),
                    low=None if item.get("low") is None else Decimal(str(item["low"])),
                    high=None if item.get("high") is None else Decimal(str(item["high"])),
                    low_inclusive=bool(item.get("low_inclusive", True)),
                    high_inclusive=bool(item.get("high_inclusive", True)),
                )
            )
    return Scale(name=name, bands=bands, source="config")


def collect_scales(tables: list[AnalyzedTable], config_scales: dict | None = None,
                   sentences=None, word: bool = False) -> dict[str, Scale]:
    """The document's scales (first stated wins; a scale table before a sentence stating
    one), overridden by configuration; a default tingkat scale when neither states one. No
    default kategori scale. `word`: the document is a Word file (sentences have no pages)."""
    scales: dict[str, Scale] = {}
    for at in tables:
        if at.kind != SKALA:
            continue
        s = parse_scale_table(at)
        if s is not None and s.name not in scales:
            scales[s.name] = s
    if "kategori" not in scales:
        s = sentence_scale(sentences, word)
        if s is not None:
            scales["kategori"] = s
    for name, spec in (config_scales or {}).items():
        if spec is None:
            continue
        scales[name] = scale_from_config(name, spec)
    if "tingkat" not in scales:
        scales["tingkat"] = default_tingkat()
    return scales
