"""The check stage: run the catalogue's rules over an understood document."""

from __future__ import annotations

from dataclasses import replace

from lkip_audit.check.catalogue import Rule, load_catalogue
from lkip_audit.check.config import CheckConfig
from lkip_audit.check.select import active_rules  # noqa: F401 (re-exported: the engine's API)
from lkip_audit.check.kinds import KINDS
from lkip_audit.check.kinds.base import Ctx
from lkip_audit.check.kinds import quality
from lkip_audit.extract.model import Document
from lkip_audit.findings import Finding
from lkip_audit.understand.model import Understanding


def start_ahead(tables: list, config: CheckConfig | None = None,
                catalogue: dict[str, Rule] | None = None) -> dict:
    """The selected rules' heavy work started now, on an idle core where there is one
    (Kind.ahead, lkip_audit/forked.py), by rule id; run_checks takes it (``ahead``). It
    needs only the analyzed tables: the pipeline starts it before understanding the
    rest of the document, so it runs beside that work and the other rules."""
    rules = active_rules(config or CheckConfig(), catalogue)
    out = {}
    for rule in rules:
        kind = KINDS[rule.kind]
        if kind.ahead is not None:
            started = kind.ahead(rule, tables)
            if started is not None:
                out[rule.id] = started
    return out


def run_checks(
    doc: Document,
    understanding: Understanding,
    config: CheckConfig | None = None,
    *,
    schema_issues: dict[str, list] | None = None,
    catalogue: dict[str, Rule] | None = None,
    ahead: dict | None = None,
) -> list[Finding]:
    """Every finding of the selected rules, de-duplicated, in document order.

    schema_issues: optional issues found by a schema validation elsewhere, by table id
    (objects with row, field, column, problem, text); they become findings of the rules
    whose ``params.schema_issues`` is true (in the catalogue: the schema rule of rules/dq.yaml).
    The pipeline passes none: that rule's kind runs understand/schemas.py itself, the one
    producer of these issues.
    ahead: the rules' work started before (start_ahead), else started here.
    Order: page, table (in document order), row, column, rule.
    """
    config = config or CheckConfig()
    rules = active_rules(config, catalogue)
    tables = list(understanding.tables) if understanding is not None else []
    ctx = Ctx(doc=doc, understanding=understanding, config=config, active=frozenset(r.id for r in rules))
    order_src = [t.id for t in (doc.tables if doc is not None else [])]
    order_src += [at.table.id for at in tables if at.table.id not in order_src]
    ctx.table_order = {tid: k for k, tid in enumerate(order_src)}

    ctx.ahead = dict(ahead) if ahead is not None else start_ahead(tables, config, catalogue)

    found: list[Finding] = []
    # a rule whose work was started ahead runs last, so that work has the most time; the
    # order findings are found in does not decide their order (sorted below by place and rule)
    for rule in sorted(rules, key=lambda r: r.id in ctx.ahead):
        kind = KINDS[rule.kind]
        if kind.scope == "document":
            found.extend(kind.func(rule, None, ctx))
            continue
        for at in tables:
            found.extend(kind.func(rule, at, ctx))
    for receiver in (r for r in rules if r.params.get("schema_issues")):
        if not schema_issues:
            break
        by_id = {at.table.id: at for at in tables}
        for tid, issues in schema_issues.items():
            if tid in by_id:
                found.extend(quality.findings_from_schema_issues(by_id[tid], issues, receiver, ctx))

    out: list[Finding] = []
    seen: set[tuple] = set()
    keyed = []
    for f in found:
        # A severity override applies to the rule's confident findings; one that judge()
        # lowered to info ("tidak dapat diperiksa dengan andal") stays info: raising it
        # would report a reading artifact as a galat again (issue #12.3).
        sev = f.severity if id(f) in ctx.doubtful else config.severity_for(f.rule, f.severity)
        if sev != f.severity:
            key_order = ctx.order.get(id(f))
            f = replace(f, severity=sev)
            if key_order is not None:
                ctx.order[id(f)] = key_order
        keyed.append((ctx.order.get(id(f), (f.page or 0, 10**6, -1, -1, f.rule, f.message)), f))
    keyed.sort(key=lambda kf: (kf[0], kf[1].sort_key()))
    for _, f in keyed:
        dkey = (f.rule, f.page, f.table_id, f.row, f.column, f.expected, f.actual, f.message)
        if dkey in seen:
            continue
        seen.add(dkey)
        out.append(f)
    return out


def findings_from_schema_issues(at, issues, rule: Rule | None = None, ctx: Ctx | None = None) -> list[Finding]:
    """Schema issues (objects with row, field, column, problem, text) of one table as
    findings of ``rule``, by default the catalogue's rule with ``params.schema_issues``."""
    if rule is None:
        rule = next(r for _, r in sorted(load_catalogue().items()) if r.params.get("schema_issues"))
    if ctx is None:
        ctx = Ctx(doc=None, understanding=None, config=CheckConfig())
    return quality.findings_from_schema_issues(at, issues, rule, ctx)
