"""Rule kinds "label-band" (a label against a scale) and "range-judgement"."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from lkip_audit.check import numeric
from lkip_audit.check.kinds.base import (
    DOUBT_TEXT, Ctx, Doubt, applies, cell_at, data_rows, judge, polarity_detail, polarity_of, row_label, same_group,
    state,
)
from lkip_audit.findings import Finding
from lkip_audit.understand.model import AnalyzedTable, Band, ColumnRole, Scale
from lkip_audit.understand.text import word_key

FIELDS_LABEL = {"value", "recomputed", "recomputed_band", "target", "realisasi", "scale"}
FIELDS_RANGE = {"realisasi", "target", "low", "high", "label"}
HUNDRED = Decimal(100)

DOUBT_TEXT.setdefault("nilai-akhir-elsewhere", (
    "kategori dapat menilai nilai akhir {value} baris yang sama di tabel {table} (capaian setelah koreksi), dan nilai itu termasuk \"{label}\"",
    "the category may judge the nilai akhir {value} of the same row in table {table} (the capaian after correction), which is \"{label}\"",
))

# The default bands are data, defined once: rules/vocabulary/scales.yaml (understand/scales.py).
from lkip_audit.understand.scales import default_tingkat  # noqa: E402

DEFAULT_TINGKAT = default_tingkat()


def in_band(v: Decimal, b: Band) -> bool:
    lo = None if b.low is None else Decimal(str(b.low))
    hi = None if b.high is None else Decimal(str(b.high))
    if lo is not None and (v < lo or (v == lo and not b.low_inclusive)):
        return False
    if hi is not None and (v > hi or (v == hi and not b.high_inclusive)):
        return False
    return True


def bands_for(scale: Scale, v: Decimal) -> list[Band]:
    return [b for b in scale.bands if in_band(v, b)]


def _recompute(at, i, rcol, ctx, decimals) -> tuple[Decimal, str, str] | None:
    tcol = same_group(at, "target", rcol.group)
    xcol = same_group(at, "realisasi", rcol.group)
    t, x = cell_at(at, i, tcol), cell_at(at, i, xcol)
    if state(x) != "number" or i in at.lower_is_better:
        return None
    if state(t) == "number":
        tv = t.number.value
    elif state(t) == "range" and t.number.high is not None:
        tv = Decimal(t.number.high)
    else:
        return None
    if not tv:
        return None
    v = x.number.value / tv * HUNDRED
    return numeric.quantize(v, max(decimals, 2), ctx.mode), numeric.shown(t.number), numeric.shown(x.number)


def check_label_band(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    if not applies(rule, at):
        return
    prm = rule.params
    scale = ctx.scale(prm["scale"])
    if scale is None and prm.get("default_scale") == "tingkat":
        scale = DEFAULT_TINGKAT
    if scale is None or not scale.bands:
        return  # no scale stated and none configured: nothing to judge against
    by_label = {word_key(b.label): b for b in scale.bands}
    family: dict[str, Scale] = {}  # label -> the scale whose words it is
    if prm["scale"] == "tingkat":
        from lkip_audit.understand.scales import default_scale

        words = default_scale("tercapai")  # "Tercapai" / "Tidak Tercapai" (rules/vocabulary/scales.yaml)
        for b in (words.bands if words is not None else []):
            if word_key(b.label) not in by_label:
                by_label[word_key(b.label)] = b
                family[word_key(b.label)] = words
    for lcol in label_columns(at, prm["label_field"], by_label):
        vcols = [c for c in (same_group(at, f, lcol.group) for f in prm["value_fields"]) if c is not None]
        for i in data_rows(at):
            lcell = cell_at(at, i, lcol)
            if lcell is None or lcell.is_empty:
                continue
            band = by_label.get(word_key(lcell.text))
            if band is None:
                continue  # a label this scale does not know
            vcol = next((c for c in vcols if state(cell_at(at, i, c)) == "number"), None)
            if vcol is None:
                continue
            vp = cell_at(at, i, vcol).number
            printed_ok = in_band(vp.value, band)
            actual = " ".join(lcell.text.split())
            rec = _recompute(at, i, vcol, ctx, vp.decimals) if prm.get("recompute") and vcol.field == "capaian" else None
            own = family.get(word_key(lcell.text), scale)  # the scale the printed label is worded in
            rec_bands = bands_for(own, rec[0]) if rec else []
            rec_differs = bool(rec) and rec_bands and not in_band(rec[0], band)
            fields = {
                "value": numeric.shown(vp),
                "scale": _scale_source(ctx, scale),
                "recomputed": numeric.fmt(rec[0], max(vp.decimals, 2)) if rec else "",
                "recomputed_band": rec_bands[0].label if rec_bands else "",
                "target": rec[1] if rec else "",
                "realisasi": rec[2] if rec else "",
            }
            detail = {"scale": scale.source, "value": str(vp.value)}
            if rec:
                detail["recomputed"] = str(rec[0])
            related = [ctx.location(at, i, vcol)]
            if vcol.field == "capaian":
                detail.update(polarity_detail(at, i))
            if not printed_ok and prm["scale"] == "tingkat" and in_band(HUNDRED, band) and _inside_range(at, i, vcol):
                continue  # a realisation inside a range target meets it (DESIGN.md: the guidance)
            if not printed_ok:
                expected_bands = bands_for(own, vp.value)
                if not expected_bands:
                    continue  # the value is in no band of the scale: nothing to compare
                variant = "both" if rec_differs and rec_bands[0] is not expected_bands[0] and "both" in rule.variants else None
                extra = []
                if vcol.field == "capaian" and "nilai_akhir" in prm["value_fields"]:
                    other = _nilai_akhir_elsewhere(ctx, at, i, vp)
                    if other is not None and in_band(other[1].value, band):
                        extra.append(Doubt("nilai-akhir-elsewhere", (
                            ("value", numeric.shown(other[1])), ("table", other[0]), ("label", band.label))))
                doubts = judge(ctx, at, i, {"value": vcol}, lambda v, band=band: in_band(v["value"], band), extra=extra)
                yield ctx.finding(
                    rule, at, i, lcol, expected=expected_bands[0].label, actual=actual,
                    fields=fields, related=related, detail=detail, variant=variant, doubts=doubts,
                )
            elif rec_differs and "recomputed" in rule.variants:
                extra = []
                fit = _lower_fit(at, i, vcol, vp, ctx)
                if fit is not None and polarity_of(at, i) is None:
                    extra.append(Doubt("polarity", (("alt", fit),)))
                tcol = same_group(at, "target", vcol.group)
                xcol = same_group(at, "realisasi", vcol.group)

                def holds(v, band=band, vp=vp):
                    # another reading of target or realisasi is plausible only when the printed
                    # capaian agrees with it too: a reading that puts the label right but the
                    # capaian wrong (4,98 read as 498: 5 / 498 x 100 = 1,00, not 99,60) explains nothing
                    if not v["target"]:
                        return False
                    c = v["realisasi"] / v["target"] * HUNDRED
                    return in_band(numeric.quantize(c, max(vp.decimals, 2), ctx.mode), band) and ctx.consistent(vp, c)

                ops = {"target": tcol, "realisasi": xcol} if tcol is not None and xcol is not None \
                    and state(cell_at(at, i, tcol)) == "number" else {}
                doubts = judge(ctx, at, i, ops, holds, extra=extra) if ops else extra
                yield ctx.finding(
                    rule, at, i, lcol, expected=rec_bands[0].label, actual=actual,
                    fields=fields, related=related, detail=detail, variant="recomputed", doubts=doubts,
                )


def _words(s: str | None) -> set[str]:
    return set(word_key(s).split())


def _scale_source(ctx: Ctx, scale) -> str:
    """Where the scale comes from, for the message: its source ("document: table 3.2 page
    6"); in a Word draft (no pages) the scale table's heading path and name ("Bab III > 3.1 >
    Tabel 3.2"), or the paragraph of the sentence stating it ("Bab III > 3.1, paragraf 12")."""
    tid = getattr(scale, "table_id", None)
    if ctx.word and getattr(scale, "sentence", None):
        from lkip_audit.extract.docx import paragraph_place

        return paragraph_place(ctx.doc, getattr(scale, "page", None), scale.sentence, ctx.lang) or scale.source
    if ctx.word and tid:
        table = next((tb for tb in ctx.doc.tables if tb.id == tid), None)
        if table is not None:
            from lkip_audit.i18n import t

            place = ctx.place(table, None)
            name = f"{t('col.table', ctx.lang)} {ctx.table_name(table)}"
            return f"{place} > {name}" if place != "-" else name
    # a PDF: the scale table or sentence and its page, in the message's language
    from lkip_audit.i18n import t

    table = next((tb for tb in ctx.doc.tables if tb.id == tid), None) if tid and ctx.doc is not None else None
    if table is not None:
        return t("scale.source.table", ctx.lang, table=table.label,
                 place=ctx.place(table, table.pages[0] if table.pages else "?"))
    if getattr(scale, "sentence", None) and getattr(scale, "page", None):
        return t("scale.source.sentence", ctx.lang, place=ctx.place(None, scale.page))
    return scale.source


def _nilai_akhir_elsewhere(ctx: Ctx, at: AnalyzedTable, i: int, vp):
    """(table label, ParsedNumber) of the nilai akhir printed for the same row in another
    table: a row there with mostly the same words in its label (one with the same printed
    capaian first)
    (BKD Tabel 3.15 judges the IKU capaian 101,46 "Baik"; Tabel 3.2 prints that IKU's nilai
    akhir, 101,46 x 0,85 = 86,24, "Baik"). None when there is none."""
    und = ctx.understanding
    if und is None:
        return None
    mine = [_words(row_label(at, i))] + [_words(c.text) for c in at.table.rows[i].cells if c.number.kind == "text"]
    mine = [w for w in mine if len(w) >= 2]
    found = []
    for ot in und.tables:
        if ot is at:
            continue
        ncol = same_group(ot, "nilai_akhir", None) or next(iter(ot.cols("nilai_akhir")), None)
        ccol = same_group(ot, "capaian", ncol.group) if ncol is not None else None
        if ncol is None:
            continue
        for j in range(len(ot.table.rows)):
            n = cell_at(ot, j, ncol)
            if state(n) != "number":
                continue
            theirs = _words(row_label(ot, j))
            if any(len(w & theirs) * 3 >= 2 * max(len(w), len(theirs)) for w in mine):
                c = cell_at(ot, j, ccol) if ccol is not None else None
                same = state(c) == "number" and c.number.value == vp.value
                found.append((not same, ctx.table_name(ot.table), n.number))  # the same printed capaian first
    return min(found, key=lambda x: x[0])[1:] if found else None


def _inside_range(at, i, vcol) -> bool:
    """The row's target is a range ("70-80") and its realisation lies inside it."""
    t = cell_at(at, i, same_group(at, "target", vcol.group))
    x = cell_at(at, i, same_group(at, "realisasi", vcol.group))
    if state(t) != "range" or state(x) != "number" or t.number.low is None or t.number.high is None:
        return False
    lo, hi = sorted([Decimal(t.number.low), Decimal(t.number.high)])
    return lo <= x.number.value <= hi


def label_columns(at: AnalyzedTable, field: str, by_label: dict) -> list[ColumnRole]:
    """The columns holding the labels of a scale: those the header names (TINGKAT
    PENCAPAIAN, KATEGORI), and a column the header does not name (KETERANGAN, an unlabelled
    last column) whose cells are, for the most part, labels of that very scale ("Tidak
    Mencapai Target", "Sesuai Target"): its content says what it is. Such a column takes
    the group of the nearest mapped column to its left."""
    out = list(at.cols(field))
    mapped = {c.index for c in at.columns}
    ncol = max((len(r.cells) for r in at.table.rows), default=0)
    rows = data_rows(at)
    for j in range(ncol):
        if j in mapped:
            continue
        texts = [" ".join(c.text.split()) for i in rows if (c := cell_at(at, i, j)) is not None and not c.is_empty]
        known = sum(1 for t in texts if word_key(t) in by_label)
        if known < 2 or known * 5 < len(texts) * 3:  # at least two, and three in five of its cells
            continue
        left = [c for c in at.columns if c.index < j]
        group = max(left, key=lambda c: c.index).group if left else None
        header = at.table.columns[j] if j < len(at.table.columns) else ""
        out.append(ColumnRole(field=field, index=j, label=header, group=group))
    return out


def _lower_fit(at, i, vcol, vp, ctx) -> str | None:
    """The lower-is-better formula the printed capaian fits, shown, or None."""
    tcol = same_group(at, "target", vcol.group)
    xcol = same_group(at, "realisasi", vcol.group)
    t, x = cell_at(at, i, tcol), cell_at(at, i, xcol)
    if state(t) != "number" or state(x) != "number" or not t.number.value:
        return None
    tv, xv = t.number.value, x.number.value
    a = (2 * tv - xv) / tv * HUNDRED
    if ctx.consistent(vp, a):
        return "(2 x target - realisasi) / target x 100 = " + ctx.fmt(a, vp.decimals)
    if xv and ctx.consistent(vp, tv / xv * HUNDRED):
        return "target / realisasi x 100 = " + ctx.fmt(tv / xv * HUNDRED, vp.decimals)
    return None


def check_range_judgement(rule, at: AnalyzedTable, ctx: Ctx) -> Iterable[Finding]:
    """A realisation inside a range target ("70-80") labelled as not achieved."""
    if not applies(rule, at):
        return
    prm = rule.params
    not_met = {word_key(x) for x in prm.get("not_met_labels", ["Tidak Mencapai Target"])}
    for lcol in at.cols(prm.get("label_field", "tingkat")):
        tcol = same_group(at, "target", lcol.group)
        xcol = same_group(at, "realisasi", lcol.group)
        if tcol is None or xcol is None:
            continue
        for i in data_rows(at):
            t, x, lab = cell_at(at, i, tcol), cell_at(at, i, xcol), cell_at(at, i, lcol)
            if state(t) != "range" or state(x) != "number" or lab is None:
                continue
            if word_key(lab.text) not in not_met:
                continue
            lo, hi = t.number.low, t.number.high
            if lo is None or hi is None:
                continue
            lo, hi = sorted([Decimal(lo), Decimal(hi)])
            v = x.number.value
            if not lo <= v <= hi:
                continue
            yield ctx.finding(
                rule, at, i, lcol,
                expected=prm.get("expected_label", "Sesuai Target"),
                actual=" ".join(lab.text.split()),
                fields={
                    "realisasi": numeric.shown(x.number),
                    "target": numeric.shown(t.number),
                    "low": numeric.fmt(lo, max(0, -lo.normalize().as_tuple().exponent), "round"),
                    "high": numeric.fmt(hi, max(0, -hi.normalize().as_tuple().exponent), "round"),
                    "label": " ".join(lab.text.split()),
                },
                related=[ctx.location(at, i, tcol), ctx.location(at, i, xcol)],
                detail={"range": [str(lo), str(hi)], "realisasi": str(v)},
            )
