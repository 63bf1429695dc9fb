"""Decide a table's kind from its mapped columns and its content (never its caption number).

In order, first match wins:

SKALA              2-3 columns, one of conditions ("< 100", "80% < X < 100%", "91-100")
                   and one of text labels.
KEBUTUHAN          kebutuhan and terisi (or gap) columns.
BELANJA            money columns (anggaran / realisasi_rp) and a label column or rows
                   naming kinds of spending ("BELANJA OPERASI", "URAIAN BELANJA").
IKU                indicator achievement: target with realisasi/capaian, or a tingkat /
                   kategori / koreksi / nilai akhir column, or indicator/sasaran labels
                   with targets and no budget. Kinerja + anggaran tables (Tabel 3.6) are IKU.
RENCANA_REALISASI  anggaran and realisasi_rp (the Rp side of a rencana-realisasi table).
PERJANJIAN_KINERJA targets and anggaran without realisations, with indicator/program/
                   kegiatan labels (or a PENANGGUNGJAWAB column).
KOMPOSISI          counts with a label: a TOTAL row or JUMLAH column, or numbers in every
                   value column (horizontal tables such as PNS by golongan).
OTHER              anything else.
"""

from __future__ import annotations

import re

from lkip_audit.extract.model import Table
from lkip_audit.understand.columns import LABEL_FIELDS, NUMERIC_FIELDS
from lkip_audit.understand.hierarchy import is_total_text
from lkip_audit.understand.model import (
    BELANJA, IKU, KEBUTUHAN, KOMPOSISI, OTHER, PERJANJIAN_KINERJA, RENCANA_REALISASI, SKALA,
    ColumnRole,
)
from lkip_audit.understand.scales import looks_like_condition
from lkip_audit.understand.text import header_tokens, marker_type, norm_label, ws

_SCALE_HEAD = {"PREDIKAT", "KATEGORI", "TINGKAT", "PENCAPAIAN", "NILAI", "SKOR", "INTERVAL", "RENTANG",
               "PRESENTASE", "PERSENTASE", "KRITERIA", "CAPAIAN"}


def _is_scale(table: Table) -> tuple[bool, str]:
    rows = [[ws(c.text) for c in r.cells] for r in table.rows]
    rows = [r for r in rows if any(r)]
    if len(rows) < 2:
        return False, ""
    used = [i for i in range(max(len(r) for r in rows)) if any(i < len(r) and r[i] for r in rows)]
    used = [i for i in used if not all(marker_type(r[i]) or not r[i] for r in rows if i < len(r))]
    if not 2 <= len(used) <= 3:
        return False, ""
    for ci in used:
        conds = [r[ci] for r in rows if ci < len(r) and r[ci]]
        good = sum(1 for c in conds if looks_like_condition(c))
        others = [j for j in used if j != ci]
        labels = [r[j] for r in rows for j in others if j < len(r) and r[j]]
        texty = sum(1 for s in labels if re.search(r"[A-Za-z]{3}", s) and not looks_like_condition(s))
        if conds and good * 3 >= len(conds) * 2 and labels and texty * 3 >= len(labels) * 2:
            head = set()
            for c in table.columns:
                head |= set(header_tokens(c))
            symbols = sum(1 for c in conds if re.search(r"[<>=≤≥]", c))
            if head & _SCALE_HEAD or symbols >= 2 or len(conds) >= 3:
                return True, f"column {ci} holds {good} band conditions, the others text labels"
    return False, ""


def _has_total_row(table: Table) -> bool:
    for r in table.rows:
        words = []
        for c in r.cells:
            t = ws(c.text)
            if not t:
                continue
            if c.number.kind in ("number", "percent", "range", "malformed"):
                break
            if not marker_type(t):
                words.append(t)
        if words and is_total_text(" ".join(words)):
            return True
    return False


def _mostly_numbers(table: Table, columns: list[ColumnRole]) -> bool:
    label_idx = {c.index for c in columns if c.field in LABEL_FIELDS or c.field == "no"}
    cells = [c for r in table.rows for i, c in enumerate(r.cells) if i not in label_idx and not c.is_empty]
    if not cells:
        return False
    nums = sum(1 for c in cells if c.number.kind in ("number", "percent"))
    return nums * 5 >= len(cells) * 4


def classify(table: Table, columns: list[ColumnRole]) -> tuple[str, list[str]]:
    fields = {c.field for c in columns}
    has = fields.__contains__
    notes: list[str] = []

    ok, why = _is_scale(table)
    if ok:
        return SKALA, [f"kind skala: {why}"]
    if has("kebutuhan") and (has("terisi") or has("gap")):
        return KEBUTUHAN, ["kind kebutuhan: kebutuhan with terisi/gap columns"]
    money = has("anggaran") or has("realisasi_rp")
    label_texts = [norm_label(c.text) for r in table.rows for c in r.cells if c.number.kind == "text"]
    belanja_rows = sum(1 for t in label_texts if t.startswith("BELANJA "))
    belanja_head = any("BELANJA" in header_tokens(c.label) for c in columns if c.field in LABEL_FIELDS)
    if money and (belanja_head or belanja_rows >= 2) and not has("target") and not has("realisasi"):
        return BELANJA, ["kind belanja: money columns with BELANJA rows/label column"]
    kinerja = has("realisasi") or has("capaian")
    labels = fields & {"indikator", "sasaran", "program", "kegiatan", "sub_kegiatan"}
    combined = any(c.field == "uraian" and "/" in c.label for c in columns)
    if (has("target") and kinerja and (labels or combined or has("tingkat") or has("capaian"))) \
            or has("tingkat") or has("kategori") or has("koreksi") or has("nilai_akhir"):
        return IKU, ["kind iku: target with realisasi/capaian or tingkat/kategori/koreksi columns"]
    if has("anggaran") and has("realisasi_rp"):
        return RENCANA_REALISASI, ["kind rencana_realisasi: anggaran with realisasi Rp"]
    penanggung = any("PENANGGUNGJAWAB" in header_tokens(x) for x in table.columns)
    if has("target") and has("anggaran") and not kinerja and (labels or combined or penanggung):
        return PERJANJIAN_KINERJA, ["kind perjanjian_kinerja: targets and anggaran, no realisasi"]
    if has("target") and labels & {"indikator", "sasaran"} and not money:
        return IKU, ["kind iku: indicator targets"]
    numeric = fields & set(NUMERIC_FIELDS)
    if numeric == {"target_renstra"}:
        return OTHER, ["kind other: medium-term (Renstra) targets only, nothing to add up"]
    if _has_total_row(table) or has("jumlah"):
        if not (has("target") and has("anggaran")):
            return KOMPOSISI, ["kind komposisi: counts with a TOTAL row / JUMLAH column"]
    if _mostly_numbers(table, columns) and (fields & {"uraian"} or not numeric):
        return KOMPOSISI, ["kind komposisi: a label with numbers in every value column"]
    return OTHER, notes or ["kind other: no rule matched"]
