"""`lkip-audit explain ID`: one rule's documentation, with its formula and an example."""

from __future__ import annotations

import textwrap

from lkip_audit.check.catalogue import Rule
from lkip_audit.i18n import t
from lkip_audit.report.strings import s

# Canonical field names (understand stage) in the words a reviewer reads.
_FIELD = {
    "realisasi_rp": {"id": "realisasi (Rp)", "en": "realisasi (Rp)"},
    "anggaran": {"id": "anggaran (Rp)", "en": "anggaran (budget, Rp)"},
    "persen": {"id": "% realisasi", "en": "realisation %"},
    "capaian": {"id": "capaian (%)", "en": "capaian (%)"},
    "nilai_akhir": {"id": "nilai akhir", "en": "nilai akhir (final score)"},
    "koreksi": {"id": "koreksi (%)", "en": "koreksi (correction, %)"},
    "gap": {"id": "GAP", "en": "GAP"},
    "selisih": {"id": "bertambah/berkurang", "en": "bertambah/berkurang (change)"},
    "murni": {"id": "anggaran murni", "en": "anggaran murni (original)"},
    "perubahan": {"id": "anggaran perubahan", "en": "anggaran perubahan (amended)"},
}


def field_name(name: str, lang: str) -> str:
    return _FIELD.get(name, {}).get(lang, name.replace("_", " "))


def formula(rule: Rule, lang: str = "id") -> str | None:
    """The arithmetic the rule checks, from its kind and parameters; None for data-form checks."""
    p, k = rule.params, rule.kind
    f = lambda n: field_name(n, lang)  # noqa: E731
    en = lang == "en"
    if k == "ratio":
        return f"{f(p['result'])} = {f(p['numerator'])} / {f(p['denominator'])} x {p.get('factor', 1)}"
    if k == "lower-better":
        alt = "or" if en else "atau"
        return (f"{f(p.get('result', 'capaian'))} = (2 x {f(p.get('target', 'target'))} - {f(p.get('realisasi', 'realisasi'))})"
                f" / {f(p.get('target', 'target'))} x 100  {alt}  {f(p.get('target', 'target'))} / {f(p.get('realisasi', 'realisasi'))} x 100")
    if k == "product":
        return f"{f(p['result'])} = {f(p['value'])} x (1 - {f(p['correction'])} / 100)"
    if k == "difference":
        return f"{f(p['result'])} = {f(p['minuend'])} - {f(p['subtrahend'])}"
    if k == "sum":
        if p.get("rows") == "total":
            return ("JUMLAH/TOTAL = sum of the rows above it" if en else "JUMLAH/TOTAL = jumlah baris di atasnya")
        return ("parent = sum of its children (program > kegiatan > sub kegiatan)" if en
                else "induk = jumlah rinciannya (program > kegiatan > sub kegiatan)")
    if k == "bound":
        if p.get("type") == "not_above":
            return ", ".join(f(x) for x in p.get("fields", [])) + f" <= {f(p['limit'])}"
        if p.get("type") == "max":
            return ", ".join(f(x) for x in p.get("fields", [])) + f" <= {p['max']}"
        if p.get("type") == "min":
            return ", ".join(f(x) for x in p.get("fields", [])) + f" >= {p['min']}"
    if k == "label-band":
        vals = " / ".join(f(x) for x in p.get("value_fields", []))
        if p.get("scale") == "tingkat":  # the default scale, DESIGN.md glossary
            from lkip_audit.understand.scales import default_tingkat  # rules/vocabulary/scales.yaml

            bands = ", ".join(
                (f"= {b.low}" if b.low == b.high else f"< {b.high}" if b.low is None else f"> {b.low}") + f" {b.label}"
                for b in default_tingkat().bands)
            return f"{f(p['label_field'])}: {vals} {bands}"
        return (f"{f(p['label_field'])} = the band of {vals} on the {p.get('scale')} scale" if en
                else f"{f(p['label_field'])} = pita {vals} pada skala {p.get('scale')}")
    if k == "range-judgement":
        return (f"lower <= realisasi <= upper (target \"a-b\") => \"{p.get('expected_label')}\"" if en
                else f"batas bawah <= realisasi <= batas atas (target \"a-b\") => \"{p.get('expected_label')}\"")
    return None


def explain(rule: Rule, lang: str = "id", severity: str | None = None, width: int = 88) -> str:
    """Plain-text documentation of a rule (title, what it checks, formula, basis, message, example)."""
    def para(text: str) -> list[str]:
        return textwrap.wrap(" ".join(str(text).split()), width=width, initial_indent="  ", subsequent_indent="  ") or ["  -"]

    sev = severity or rule.severity
    out = [f"{rule.id}  {rule.title[lang]}", ""]
    out.append(f"{s('explain.severity', lang)}: {t('severity.' + sev, lang)}   "
               f"{s('explain.category', lang)}: {rule.category}   {s('explain.kind', lang)}: {rule.kind}   "
               f"{s('explain.status', lang)}: {s('status.' + rule.status, lang)}")
    out += ["", f"{s('explain.checks', lang)}:", *para(rule.checks[lang])]
    out += ["", f"{s('explain.formula', lang)}:", "  " + (formula(rule, lang) or s("explain.no_formula", lang))]
    out += ["", f"{s('explain.basis', lang)}:", *para(rule.basis)]
    out += ["", f"{s('explain.message', lang)}:", *para(rule.template(lang))]
    out += ["", f"{s('explain.example', lang)} ({rule.example.get('source')}):", *para(rule.example.get("text", ""))]
    return "\n".join(out) + "\n"
