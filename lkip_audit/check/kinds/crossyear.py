"""Rule kind "cross-year": what a report prints about another year against the stored
report of that year (the store, lkip_audit/store/).

Two comparisons, chosen by the rule's ``params.compare``:

- ``earlier-year``: a value the report prints for an earlier year (a column "Realisasi
  2023" or "Capaian Tahun Lalu": the fact's year is before the report's, its stage the
  year's own) against the same item, field and year in the same instansi's stored
  report of that year (its own year's values).
- ``plan``: a value of a planning stage (``params.stage``, e.g. renstra) for a year,
  against the same stage, item, field and year in the instansi's stored reports of
  other years (the Renstra target for 2025 printed in the 2023 and 2024 reports).
- ``announced``: a value the report prints for its own year (the year's own stage: its
  Perjanjian Kinerja target) against the same item, field and year printed by the
  instansi's stored reports of earlier years (a "Target 2024" column in the LKIP 2023).

The kind reads the stored reports from ``ctx.earlier`` (an ``Earlier``), which the
store sets when ``check --store`` is given; without it, the kind finds nothing. It
never names a rule: the catalogue (rules/yr.yaml) instantiates it. Years whose report
is not in the store are collected in ``Earlier.missing`` (the summary says which could
not be compared), never reported as findings.

With ``params.sentences``, sentences are read too: a number after "tahun 2023" (or
"tahun lalu", the year before the report's) in a
sentence ("pencapaian realisasi tahun 2023 sebesar 102,88 % dengan nilai realisasi
sebesar 83,54, dan untuk targetnya 81,20") is the field the words before it name
(target, realisasi, capaian; a percentage after "capaian"/"pencapaian" is the capaian)
of the item of the table the sentence names ("Dari tabel 3.3") or stands under: the row
whose label it names, or the table's only item. Anything less certain is left alone.

Two values agree when they are equal, or when the one printed with fewer decimals is
the other rounded or truncated to them (330,5 and 330,50; 102,8 and 102,80). A range
target agrees with the same range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable

from lkip_audit.check.kinds.base import Ctx
from lkip_audit.findings import Finding

FIELDS_CROSS_YEAR = {"year", "field_name", "item", "file", "stored_file", "stored_page", "stored_table",
                     "stored_tahun", "stage_name", "at", "stored_at"}
_WORD_FILES = (".docx", ".doc", ".odt", ".rtf")


def where(page, file: str, k: int, section: str | None = None) -> str:
    """"hal. 27" / "p. 27" in a PDF; in a Word file (no pages) its heading path, else its part."""
    if str(file).lower().endswith(_WORD_FILES):
        if section:
            return section
        return f"{('bagian', 'part')[k]} {page}" if page else "-"
    return f"{('hal.', 'p.')[k]} {page}" if page else "-"


def _section(ctx: Ctx, table_id: str | None) -> str | None:
    tables = (getattr(ctx.doc, "outline", None) or {}).get("tables", {})
    hit = tables.get(table_id or "")
    return hit[0] if hit else None
FIELD_WORDS = {
    "target": ("Target", "Target"),
    "realisasi": ("Realisasi", "Realisation"),
    "capaian": ("Capaian", "Achievement"),
    "anggaran": ("Anggaran", "Budget"),
    "realisasi_anggaran": ("Realisasi anggaran", "Budget realisation"),
}
STAGE_WORDS = {"renstra": ("Renstra/RPD", "Renstra/RPD")}


@dataclass
class Earlier:
    """What the store knows for a cross-year check of one report."""

    file: str  # the file name of the report being checked
    facts: list  # understand.facts.Fact of the report being checked
    reports: dict  # year -> (stored document row, [stored fact rows]) of the same instansi
    compared: set = field(default_factory=set)  # years compared with a stored report
    missing: set = field(default_factory=set)  # years printed but not in the store


def _dec(v) -> Decimal | None:
    try:
        return Decimal(str(v)) if v is not None else None
    except InvalidOperation:
        return None


def _places(d: Decimal) -> int:
    return max(0, -d.as_tuple().exponent)


def _same_number(a: Decimal, b: Decimal) -> bool:
    if a == b:
        return True
    pa, pb = _places(a), _places(b)
    if pa == pb:
        return False
    coarse, fine = (a, b) if pa < pb else (b, a)
    q = Decimal(1).scaleb(-min(pa, pb))
    return any(fine.quantize(q, rounding=r) == coarse for r in (ROUND_HALF_UP, ROUND_DOWN))


def agree(value, low, high, stored: dict) -> bool:
    if value is None:
        sl, sh = _dec(stored.get("low")), _dec(stored.get("high"))
        return sl is not None and sh is not None and _dec(low) == sl and _dec(high) == sh
    a, b = _dec(value), _dec(stored.get("value"))
    return a is not None and b is not None and _same_number(a, b)


def _fact_get(f, name):
    return f.get(name) if isinstance(f, dict) else getattr(f, name)


def _same_item(cur, stored: dict) -> bool:
    return (stored["item_key"] == _fact_get(cur, "item_key") and stored["item_kind"] == _fact_get(cur, "item_kind")
            and stored["field"] == _fact_get(cur, "field"))


_YEAR_WORDS = re.compile(r"\btahun\s+(?:anggaran\s+)?((?:19|20)\d{2})\b|\b(tahun\s+(?:lalu|sebelumnya))\b", re.I)


def sentence_years(text: str, tahun: int) -> list[tuple[int, int, int]]:
    """(start, end, year) of every "tahun 2023" / "tahun lalu" (the year before ``tahun``)."""
    return [(m.start(), m.end(), int(m.group(1)) if m.group(1) else tahun - 1) for m in _YEAR_WORDS.finditer(text)]
_FIELD_WORDS = re.compile(r"\b(target\w*|realisasi\w*|(?:pen)?capaian\w*)", re.I)


def _claim_field(window: str, percent: bool) -> str | None:
    words = [m.group(1).lower() for m in _FIELD_WORDS.finditer(window)]
    if not words:
        return None
    if percent and any("capaian" in w for w in words):
        return "capaian"
    last = words[-1]
    return "target" if last.startswith("target") else "realisasi" if last.startswith("realisasi") else "capaian"


def _sentence_item(s, ctx: Ctx, nar, by_row: dict):
    """(kind, key, name) of the item a sentence is about, or None when unclear."""
    from lkip_audit.understand.narrative import named_tables, norm, tables_above

    tables = named_tables(s.text, ctx.doc) or tables_above(s, ctx.doc, nar.spans)[:1]
    if len(tables) != 1:
        return None
    items = {row: it for (tid, row), it in by_row.items() if tid == tables[0].id}
    if not items:
        return None
    text = norm(s.text)
    named = {it for it in items.values() if norm(it[2]) and norm(it[2]) in text}
    if len(named) == 1:
        return named.pop()
    distinct = set(items.values())
    return distinct.pop() if len(distinct) == 1 and not named else None


def _sentence_findings(rule, ctx: Ctx, earlier: Earlier, fields: set, k: int) -> Iterable[Finding]:
    from lkip_audit.understand.narrative import claims

    nar = getattr(ctx.understanding, "narrative", None)
    if nar is None:
        return
    tahun = ctx.doc.tahun
    by_row = {(f.table_id, f.row_index): (f.item_kind, f.item_key, f.item_name) for f in earlier.facts}
    for s in nar.sentences:
        years = sentence_years(s.text, tahun)
        if not any(y < tahun for _, _, y in years):
            continue
        item = None
        prev_end = 0
        for c in claims(s):
            if any(a <= c.start < b for a, b, _ in years):
                continue  # the year itself
            before = [y for y in years if y[1] <= c.start]
            start = prev_end
            prev_end = c.end
            if not before or before[-1][2] >= tahun:
                continue  # the claim is not under an earlier year's "tahun YYYY" (the latest one before it)
            year = before[-1][2]
            # the words naming the field: since the previous number, or shortly before "tahun YYYY"
            window = s.text[max(start, min(before[-1][0] - 40, c.start)):c.start]
            fld = _claim_field(window, c.kind == "percent" or s.text[c.end:c.end + 2].strip().startswith("%"))
            if fld is None or fld not in fields or c.parsed.kind not in ("number", "percent"):
                continue
            if item is None:
                item = _sentence_item(s, ctx, nar, by_row) or False
            if not item:
                break  # not about one item of a table: left alone (and no year named as not compared)
            rep = earlier.reports.get(year)
            if rep is None:
                earlier.missing.add(year)
                continue
            earlier.compared.add(year)
            cands = [x for x in rep[1] if x["item_kind"] == item[0] and x["item_key"] == item[1]
                     and x["field"] == fld and x["year"] == year and x["stage"] is None]
            if not cands or any(agree(str(c.value), None, None, x) for x in cands):
                continue
            x = min(cands, key=lambda x: (x["page"] or 0, x["id"] or 0))
            doc = rep[0]
            f = ctx.finding(
                rule, None, None, None, expected=x["printed"], actual=c.text, page=s.page,
                fields={"year": year, "field_name": FIELD_WORDS[fld][k], "item": item[2], "file": earlier.file,
                        "stored_file": doc["file_name"], "stored_page": x["page"] or "-",
                        "stored_table": x["table_number"] or x["table_id"], "stored_tahun": doc["tahun"],
                        "stage_name": "", "at": where(s.page, earlier.file, k),
                        "stored_at": where(x["page"], doc["file_name"], k)},
                detail={"sentence": s.text,
                        "stored": {"file": doc["file_name"], "sha256": doc["sha256"], "tahun": doc["tahun"],
                                   "page": x["page"], "table": x["table_number"], "row": x["row_label"],
                                   "column": x["column_label"], "value": x["printed"]},
                        "this": {"file": earlier.file, "page": s.page, "table": None, "year": year, "field": fld,
                                 "stage": None, "item": item[2]}},
            )
            f.row = item[2]
            yield f


def check_cross_year(rule, at, ctx: Ctx) -> Iterable[Finding]:
    earlier: Earlier | None = getattr(ctx, "earlier", None)
    if earlier is None or ctx.doc is None or ctx.doc.tahun is None or ctx.understanding is None:
        return
    prm = rule.params or {}
    mode = prm.get("compare", "earlier-year")
    fields = set(prm.get("fields") or FIELD_WORDS)
    want_stage = prm.get("stage")
    tahun = ctx.doc.tahun
    tables = {x.table.id: x for x in ctx.understanding.tables}
    k = 0 if ctx.lang == "id" else 1
    if mode == "earlier-year" and prm.get("sentences"):
        yield from _sentence_findings(rule, ctx, earlier, fields, k)
    for f in earlier.facts:
        if f.field not in fields or f.year is None or f.table_id not in tables:
            continue
        if mode == "earlier-year":
            if f.stage is not None or f.year >= tahun:
                continue
            rep = earlier.reports.get(f.year)
            if rep is None:
                earlier.missing.add(f.year)
                continue
            earlier.compared.add(f.year)
            pairs = [(rep[0], [s for s in rep[1] if _same_item(f, s) and s["year"] == f.year and s["stage"] is None])]
        elif mode == "plan":
            if f.stage != want_stage:
                continue
            pairs = [(doc, [s for s in facts if _same_item(f, s) and s["year"] == f.year and s["stage"] == want_stage])
                     for y, (doc, facts) in sorted(earlier.reports.items()) if y != tahun]
        elif mode == "announced":
            if f.stage is not None or f.year != tahun:
                continue
            pairs = [(doc, [s for s in facts if _same_item(f, s) and s["year"] == tahun and s["stage"] is None])
                     for y, (doc, facts) in sorted(earlier.reports.items()) if y < tahun]
        else:  # pragma: no cover - the catalogue's params are validated by the tests
            return
        for doc, cands in pairs:
            if not cands or any(agree(f.value, f.low, f.high, s) for s in cands):
                continue
            s = min(cands, key=lambda s: (s["page"] or 0, s["id"] or 0))
            tat = tables[f.table_id]
            stored_where = {
                "file": doc["file_name"], "sha256": doc["sha256"], "tahun": doc["tahun"], "page": s["page"],
                "table": s["table_number"], "row": s["row_label"], "column": s["column_label"],
                "value": s["printed"],
            }
            yield ctx.finding(
                rule, tat, f.row_index, f.column_index,
                expected=s["printed"], actual=f.printed,
                fields={
                    "year": f.year, "field_name": FIELD_WORDS[f.field][k], "item": f.item_name,
                    "file": earlier.file, "stored_file": doc["file_name"], "stored_page": s["page"] or "-",
                    "stored_table": s["table_number"] or s["table_id"], "stored_tahun": doc["tahun"],
                    "stage_name": STAGE_WORDS.get(f.stage or "", (f.stage or "", f.stage or ""))[k],
                    "at": where(f.page, earlier.file, k, _section(ctx, f.table_id)),
                    "stored_at": where(s["page"], doc["file_name"], k),
                },
                detail={"stored": stored_where, "this": {"file": earlier.file, "page": f.page,
                                                         "table": f.table_number, "year": f.year,
                                                         "field": f.field, "stage": f.stage}},
            )
