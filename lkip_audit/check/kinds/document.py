"""Document kinds: "document-part" (DOC001), the parts PermenPANRB 53/2014 requires, and
"pages-unchecked" (DOC003), the pages of the document nothing was checked on."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from lkip_audit.check.kinds.base import Ctx
from lkip_audit.findings import Finding
from lkip_audit.understand.structure import BAB3_PARTS, MAIN_PARTS, NAMES, structure

FIELDS_PART = {"part", "where"}
FIELDS_UNCHECKED = {"n", "pages"}


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


def page_ranges(pages: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    out: list[str] = []
    for p in sorted(set(pages)):
        if out and out[-1][1] == p - 1:
            out[-1][1] = p
        else:
            out.append([p, p])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in out)


def check_pages_unchecked(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """Document level: one finding naming every page nothing was checked on (scanned,
    damaged, timed out, too complex), grouped by why, with what to do (params.reasons).
    DOC002 has one finding per page at info; this one has the rule's severity (warning)
    so that ``--fail-on warning`` holds a report that was not checked completely."""
    if ctx.doc is None or not ctx.doc.problems:
        return
    reasons = rule.params.get("reasons") or {}
    by_reason: dict[str, list[int]] = {}
    for prob in ctx.doc.problems:
        by_reason.setdefault(prob.reason, []).append(prob.page)
    parts = []
    for reason, pages in sorted(by_reason.items(), key=lambda kv: min(kv[1])):
        texts = reasons.get(reason) or reasons.get("other") or {}
        why = texts.get(ctx.lang) or texts.get("id") or reason
        parts.append(f"{page_ranges(pages)} ({why})")
    pages = sorted({p.page for p in ctx.doc.problems})
    yield ctx.finding(
        rule, None, None, None,
        expected=None,
        actual=page_ranges(pages),
        fields={"n": len(pages), "pages": "; ".join(parts)},
        detail={"pages": pages, "reasons": {k: sorted(v) for k, v in by_reason.items()}},
        page=pages[0],
    )
