"""How a table cell counts for the data-quality schema (no pandas here: the check
stage imports it too, and a check served from the cache must stay light).

``cell_kind`` refines the ParsedNumber kind of one cell; ``text_column`` says
whether a column mapped to a number field is in fact a column of words. Used by
understand/schemas.py (DQ003 from the pandera schemas) and by
check/kinds/quality.py (DQ003 for ratio triples)."""

from __future__ import annotations

import re

DASHES = ("-", "\u2013", "\u2014", "--")

# Printed values that are not numbers and are not wrong in kind: qualitative targets and
# realisations, predicates, "not available". A number column holding one of them is read
# as the report states it ("stated"): present, not missing, not unparseable.
LEGIT_TEXT = re.compile(
    r"^(?:n/?a|n\.a\.?|t/?a|nihil|belum(?: ada)?(?: data)?|tidak ada(?: data)?|ada|ya|tidak|"
    r"aaa|aa|a|bb|b|cc|c|d|e|sb|sk|k|wtp|wdp|tmp|tw|opini wtp|"
    r"tercapai|tidak tercapai|belum tercapai|sesuai(?: target)?|melebihi(?: target)?|"
    r"tidak mencapai(?: target)?|mencapai(?: target)?|terlaksana|tidak terlaksana|tersedia|"
    r"sangat baik|baik|cukup(?: baik)?|kurang(?: baik)?|sangat kurang|sedang|tinggi|rendah|"
    r"istimewa|memuaskan|butuh perbaikan|dalam proses|proses|on progress|progres|"
    r"tidak dianggarkan|tidak diukur|tidak ada target|tanpa target)$",
    re.IGNORECASE,
)
_NUMBER_TOKEN = re.compile(r"^\(?(?:Rp\.?)?[0-9][0-9.,]*\)?%?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}")  # a word: the cell states something in words
_BOUND = re.compile(r"^(?:[<>≤≥]=?|=<|=>)\s*[0-9][0-9.,]*\s*%?$")  # a threshold ">90", "<= 50"
_RATIO = re.compile(r"^[0-9][0-9.,]*\s*[:/]\s*[0-9][0-9.,]*$")
_CHANGE_HEADER = re.compile(r"kenaikan|pertumbuhan|perubahan|peningkatan|penurunan|selisih|deviasi|growth",
                            re.IGNORECASE)
# an average or total row ("Rata-Rata:", "JUMLAH", "Total"), not an indicator "Jumlah Ormas ..."
_SUMMARY_LABEL = re.compile(r"^(?:rata\s*rata\b.*|(?:sub\s*)?(?:jumlah|total)(?:\s+(?:total|akhir|keseluruhan))?)$",
                            re.IGNORECASE)
_NUMERIC_KINDS = ("number", "percent", "range", "malformed", "doubtful", "stacked")


def cell_kind(cell) -> str:
    """The frame's ``__kind`` of one cell: the ParsedNumber kind, refined.

    "empty" (blank, or a dash-like text that is no printed dash); "dash" (a printed
    "-": the report states there is none, present); "stated" (a legitimate
    non-numeric value: "NA", "BB", "Tercapai", "Sesuai Target", a ratio "1:400", or
    any value in words: a qualitative target "< inflasi nasional", "20 Kelompok /
    Pelaku (10 kab/kota)", a label that spilled into the column: not wrong in kind);
    "stacked" (several numbers in one cell, "36,9 17,7": the extraction joined
    rows, in doubt, not wrong in kind); "doubtful" (a number that cannot be read
    reliably, ParsedNumber.doubt: DQ004's, info); else the ParsedNumber kind
    ("text" is a cell wrong in kind: digits that make no number, "12/05/2024"
    where a percentage belongs)."""
    if cell is None or cell.is_empty:
        return "empty"
    p = cell.number
    text = " ".join(cell.text.split())
    if p.kind == "empty":
        return "dash" if cell.text.strip() in DASHES else "empty"
    if p.kind == "malformed" and p.doubt:
        return "doubtful"
    if p.kind == "text":
        if LEGIT_TEXT.match(text) or _RATIO.match(text) or _WORD.search(text) or _BOUND.match(text):
            return "stated"
        tokens = [t for t in text.replace("(", " ").replace(")", " ").split(" ") if t and t.strip("*") != ""]
        if len(tokens) >= 2 and all(_NUMBER_TOKEN.match(t) for t in tokens):
            return "stacked"
    return p.kind


def text_column(kinds: list[str]) -> bool:
    """A column the understanding mapped to a number field but whose cells are mostly
    words (labels, descriptions): its role is in doubt, the schema does not judge it."""
    numeric = sum(1 for k in kinds if k in _NUMERIC_KINDS)
    wordy = sum(1 for k in kinds if k in ("text", "stated"))
    return wordy >= 2 and wordy > numeric


_text_column = text_column
