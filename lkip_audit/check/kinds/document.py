"""Document kinds: "document-part", the parts PermenPANRB 53/2014 requires, and
"pages-unchecked", the pages of the document nothing was checked on."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from lkip_audit.check.kinds.base import Ctx
from lkip_audit.findings import Finding
from lkip_audit.understand.structure import BAB3_PARTS, MAIN_PARTS, NAMES, structure

FIELDS_PART = {"part", "where", "why"}
FIELDS_UNCHECKED = {"n", "pages"}
CHAPTERS = ("bab1", "bab2", "bab3", "bab4")


def check_document_part(rule, at, ctx: Ctx) -> Iterable[Finding]:
    """One finding per missing part. A missing main part (Ikhtisar Eksekutif, Bab I-IV, the
    Perjanjian Kinerja appendix) has the rule's severity; a missing analysis inside Bab III
    has params.bab3_severity (default info). The page is where the part was expected: the
    heading of the part before it (page 1 when none).

    A partial document (a draft of one chapter, an excerpt: no chapter heading at all, or
    the heading of one chapter only, e.g. a Bab-III-only file) is not held to the whole
    report's structure: it gets one finding (variant "partial", params.partial_severity,
    default info) saying the structure was not checked and why, and nothing else."""
    if ctx.doc is None or not ctx.doc.pages:
        return
    st = structure(ctx.doc)
    sub_sev = rule.params.get("bab3_severity", "info")
    lang = ctx.lang

    chapters = [c for c in CHAPTERS if st.parts.get(c) is not None]
    if len(chapters) <= 1 and "partial" in rule.variants:
        if chapters:
            only = NAMES[chapters[0]].get(lang) or NAMES[chapters[0]]["id"]
            why = {"id": f"hanya memuat {only}", "en": f"holds only {only}"}
        else:
            why = {"id": "tidak memiliki judul bab", "en": "has no chapter headings"}
        f = ctx.finding(
            rule, None, None, None,
            expected=None, actual=None,
            fields={"part": "", "where": "", "why": why.get(lang) or why["id"]},
            detail={"partial": True, "chapters": chapters, "found": dict(st.parts), "searched": "headings"},
            variant="partial",
            page=st.parts.get(chapters[0]) if chapters else 1,
        )
        g = replace(f, severity=rule.params.get("partial_severity", "info"))
        ctx.order[id(g)] = ctx.order.pop(id(f), (g.page, -1, -1, -1, rule.id, f.message))
        yield g
        return

    def where(order, found, name):
        before = [found[p] for p in order[: order.index(name)] if found.get(p) is not None]
        return before[-1] if before else 1

    unread = sorted({p.page for p in ctx.doc.problems})
    last = max(p.number for p in ctx.doc.pages)
    for name in st.missing():
        label = NAMES[name].get(lang) or NAMES[name]["id"]
        page = where(MAIN_PARTS, st.parts, name)
        f = ctx.finding(
            rule, None, None, None,
            expected=label, actual=None,
            fields={"part": label, "where": "", "why": ""},
            detail={"part": name, "found": dict(st.parts), "searched": "headings"},
            page=page,
        )
        doubt = _doubt(rule, st, name, unread, last, lang)
        if doubt is None:
            yield f
            continue
        variant, why, detail = doubt
        f = ctx.finding(
            rule, None, None, None,
            expected=label, actual=None,
            fields={"part": label, "where": "", "why": why},
            detail={"part": name, "found": dict(st.parts), "searched": "headings", "doubt": variant, **detail},
            variant=variant,
            page=page,
        )
        g = replace(f, severity=rule.params.get("doubt_severity", "info"))
        ctx.order[id(g)] = ctx.order.pop(id(f), (page, -1, -1, -1, rule.id, f.message))
        yield g
    for name in st.missing_bab3():
        label = NAMES[name].get(lang) or NAMES[name]["id"]
        found = {"bab3": st.parts.get("bab3"), **st.bab3}
        page = where(("bab3",) + BAB3_PARTS, found, name)
        f = ctx.finding(
            rule, None, None, None,
            expected=label, actual=None,
            fields={"part": label, "where": "Bab III", "why": ""},
            detail={"part": name, "found": dict(st.bab3), "searched": "Bab III headings"},
            variant="bab3" if "bab3" in rule.variants else None,
            page=page,
        )
        g = replace(f, severity=sub_sev)
        ctx.order[id(g)] = ctx.order.pop(id(f), (page, -1, -1, -1, rule.id, f.message))
        yield g


def _doubt(rule, st, name: str, unread: list[int], last: int, lang: str):
    """Why a main part not found among the headings may still be in the report, or None.

    - "excerpt": the file holds the chapters only (``Structure.chapters_only``: it opens with
      a chapter heading on page 1 and nothing closes it after the last chapter), so the parts
      outside the chapters (Ikhtisar Eksekutif, the Perjanjian Kinerja appendix) are not in this
      file, rather than missing from the report.
    - "unread": the document's own table of contents names the part, and pages that could not
      be read (scanned without a text layer) lie where the part belongs, between the headings
      of the parts found before and after it."""
    if name in ("ikhtisar", "lampiran_pk") and "excerpt" in rule.variants and st.chapters_only():
        why = {"id": "hanya memuat bab-bab laporan: halaman 1 langsung dimulai dengan judul bab (tanpa sampul, "
                     "kata pengantar atau daftar isi) dan setelah bab terakhir tidak ada tanda tangan (NIP) atau lampiran",
               "en": "holds the report's chapters only: page 1 opens with a chapter heading (no cover, foreword or "
                     "table of contents) and nothing follows the last chapter (no signature with NIP, no appendix)"}
        return "excerpt", why.get(lang) or why["id"], {}
    if name in st.toc and unread and "unread" in rule.variants:
        i = MAIN_PARTS.index(name)
        before = [st.parts[p] for p in MAIN_PARTS[:i] if st.parts.get(p) is not None]
        after = [st.parts[p] for p in MAIN_PARTS[i + 1:] if st.parts.get(p) is not None]
        lo = max(before) if before else 1
        hi = min(after) if after else last
        pages = [p for p in unread if lo <= p <= hi]
        if pages:
            return "unread", page_ranges(pages), {"unread_pages": pages}
    return None


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
    The page-unchecked kind has one finding per page at info; this one has the rule's severity (warning)
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
