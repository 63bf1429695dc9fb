"""Document kind "document-part" (DOC001): the parts PermenPANRB 53/2014 requires."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from lkip_audit.check.kinds.base import Ctx
from lkip_audit.findings import Finding
from lkip_audit.understand.structure import BAB3_PARTS, MAIN_PARTS, NAMES, structure

FIELDS_PART = {"part", "where"}


def check_document_part(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """One finding per missing part. A missing main part (Ikhtisar Eksekutif, Bab I-IV, the
    Perjanjian Kinerja appendix) has the rule's severity; a missing analysis inside Bab III
    has params.bab3_severity (default info). The page is where the part was expected: the
    heading of the part before it (page 1 when none)."""
    if ctx.doc is None or not ctx.doc.pages:
        return
    st = structure(ctx.doc)
    sub_sev = rule.params.get("bab3_severity", "info")
    lang = ctx.lang

    def where(order, found, name):
        before = [found[p] for p in order[: order.index(name)] if found.get(p) is not None]
        return before[-1] if before else 1

    for name in st.missing():
        label = NAMES[name].get(lang) or NAMES[name]["id"]
        page = where(MAIN_PARTS, st.parts, name)
        yield ctx.finding(
            rule, None, None, None,
            expected=label, actual=None,
            fields={"part": label, "where": ""},
            detail={"part": name, "found": dict(st.parts), "searched": "headings"},
            page=page,
        )
    for name in st.missing_bab3():
        label = NAMES[name].get(lang) or NAMES[name]["id"]
        found = {"bab3": st.parts.get("bab3"), **st.bab3}
        page = where(("bab3",) + BAB3_PARTS, found, name)
        f = ctx.finding(
            rule, None, None, None,
            expected=label, actual=None,
            fields={"part": label, "where": "Bab III"},
            detail={"part": name, "found": dict(st.bab3), "searched": "Bab III headings"},
            variant="bab3" if "bab3" in rule.variants else None,
            page=page,
        )
        g = replace(f, severity=sub_sev)
        ctx.order[id(g)] = ctx.order.pop(id(f), (page, -1, -1, -1, rule.id, f.message))
        yield g
