"""The store in a check: cross-year findings before the report is written, the record after.

    store_url(cli_value, config) -> str | None     --store, else $LKIP_AUDIT_STORE, else `store =`
    prepare(result, path, url, config) -> (payload, notes)
        adds the cross-year findings (rules of kind "cross-year") to ``result.findings`` from the
        stored reports of the same instansi, and returns what to record plus lines for stderr
        (the years that could not be compared; with --explain-matches, the instansi identity)
    record(url, payload) -> Recorded               one transaction (the runner process only)

A batch worker calls prepare() (reading the store) and sends the payload back; the runner
process alone calls record(), so SQLite never has two writers.
"""

from __future__ import annotations

import os
from pathlib import Path

from lkip_audit.store import instansi
from lkip_audit.store.where import ENV, StoreError, location

_MSG = {
    "missing": {"id": "lintas tahun: {path}: tahun {years} tidak dapat dibandingkan (laporan tahun itu "
                      "tidak ada di penyimpanan)",
                "en": "cross-year: {path}: {years} could not be compared (no report of that year in the store)"},
    "compared": {"id": "lintas tahun: {path}: dibandingkan dengan laporan tersimpan tahun {years}",
                 "en": "cross-year: {path}: compared with the stored reports of {years}"},
    "recorded": {"id": "penyimpanan: {path} dicatat ({facts} fakta, {findings} temuan){sup}",
                 "en": "store: {path} recorded ({facts} facts, {findings} findings){sup}"},
    "known": {"id": "penyimpanan: {path} sudah tercatat (sha256 sama), tidak ada yang ditambahkan",
              "en": "store: {path} already recorded (same sha256), nothing added"},
    "failed": {"id": "penyimpanan: GAGAL mencatat {path}: {detail}", "en": "store: FAILED to record {path}: {detail}"},
    "sup": {"id": "; menggantikan versi sebelumnya #{ids}", "en": "; supersedes the earlier version #{ids}"},
}


def msg(key: str, lang: str, **kw) -> str:
    d = _MSG[key]
    return d.get(lang, d["id"]).format(**kw)


def settings(config) -> dict:
    return getattr(config, "store_settings", None) or {}


def aliases(config) -> dict:
    return dict(settings(config).get("instansi") or {})


def store_url(cli_value: str | None, config) -> str | None:
    """--store beats $LKIP_AUDIT_STORE beats the config file's ``store``."""
    value = cli_value or os.environ.get(ENV) or settings(config).get("store")
    return location(value) if value else None


def prepare(result, path: str, url: str, config, explain: bool = False) -> tuple[dict, list[str]]:
    from lkip_audit.check.select import active_rules
    from lkip_audit.check.kinds import KINDS
    from lkip_audit.check.kinds.base import Ctx
    from lkip_audit.check.kinds.crossyear import Earlier
    from lkip_audit.store import Store, payload, understanding_of
    from lkip_audit.understand.facts import facts

    lang = config.lang
    doc = result.document
    al = aliases(config)
    und = understanding_of(result)
    notes: list[str] = []
    rules = [r for r in active_rules(config) if r.kind == "cross-year"]
    cell_facts = None
    key = instansi.instansi_key(doc.instansi, al)
    if explain:
        notes += instansi.explain(doc.instansi, al)
    if rules and key and doc.tahun is not None:
        reports = Store(url, write=False).reports_of(key, None, exclude_sha=doc.sha256)
        reports = {y: r for y, r in reports.items() if y != doc.tahun}
        if explain:
            for y, (d, _f) in sorted(reports.items()):
                notes.append(f"  {y}: {d['file_name']} ({d['instansi']!r}, sha256 {d['sha256'][:12]})")
        cell_facts = facts(doc, und)
        earlier = Earlier(file=Path(path).name, facts=cell_facts, reports=reports)
        ctx = Ctx(doc=doc, understanding=und, config=config)
        ctx.table_order = {t.id: k for k, t in enumerate(doc.tables)}
        ctx.earlier = earlier
        new = []
        for rule in rules:
            for f in KINDS[rule.kind].func(rule, None, ctx):
                f.severity = config.severity_for(f.rule, f.severity)
                new.append(f)
        if new:
            from lkip_audit.pipeline import locate_docx_findings

            locate_docx_findings(doc, new)  # a Word file: no page, its heading path instead
            seen = set()
            uniq = []
            for f in new:
                k = (f.rule, f.page, f.table_id, f.row, f.column, f.expected, f.actual)
                if k not in seen:
                    seen.add(k)
                    uniq.append(f)
            result.findings = sorted([*result.findings, *uniq], key=lambda f: f.page or 0)
        missing = sorted(earlier.missing - earlier.compared)
        doc.cross_year = {"compared": sorted(earlier.compared), "not_compared": missing}  # the JSON summary's
        if missing:
            notes.append(msg("missing", lang, path=path, years=", ".join(map(str, missing))))
        if earlier.compared:
            notes.append(msg("compared", lang, path=path, years=", ".join(map(str, sorted(earlier.compared)))))
    return payload(result, path, aliases=al, cell_facts=cell_facts), notes


def record(url: str, data: dict, path: str, lang: str = "id") -> str:
    """Write one report (the runner process); the line to print. A store that cannot be
    written (server gone, read-only file) is said in that line, not raised: the report
    itself was checked and written."""
    from lkip_audit.store import Store

    try:
        rec = Store(url).record(data)
    except Exception as e:  # noqa: BLE001 - driver errors differ by backend
        detail = str(e).splitlines()[0] if str(e) else type(e).__name__
        return msg("failed", lang, path=path, detail=f"{type(e).__name__}: {detail}")
    if not rec.new:
        return msg("known", lang, path=path)
    sup = msg("sup", lang, ids=", #".join(map(str, rec.superseded))) if rec.superseded else ""
    return msg("recorded", lang, path=path, facts=rec.facts, findings=rec.findings, sup=sup)


__all__ = ["store_url", "prepare", "record", "StoreError", "settings", "aliases"]
