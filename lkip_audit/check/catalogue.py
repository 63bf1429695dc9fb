"""The rule catalogue: rules/*.yaml (located by lkip_audit/vocabulary.py), validated."""

from __future__ import annotations

import re
import string
from pathlib import Path

import yaml

from lkip_audit.check.rule import Rule
from lkip_audit.findings import SEVERITIES
from lkip_audit.vocabulary import Loader as _Loader
from lkip_audit.vocabulary import rules_dir

ID_RE = re.compile(r"^[A-Z]{2,3}\d{3}$")
LANGS = ("id", "en")
STATUSES = ("implemented", "planned")
REQUIRED = ("id", "kind", "category", "severity", "title", "message", "checks", "basis", "example", "params")
BILINGUAL = ("title", "message", "checks")


class CatalogueError(ValueError):
    pass


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _validate(entry: dict, source: str) -> Rule:
    if not isinstance(entry, dict):
        raise CatalogueError(f"{source}: entry is not a mapping: {entry!r}")
    missing = [k for k in REQUIRED if k not in entry]
    rid = entry.get("id", "?")
    if missing:
        raise CatalogueError(f"{source}: {rid}: missing {', '.join(missing)}")
    if not ID_RE.match(str(rid)):
        raise CatalogueError(f"{source}: bad rule id {rid!r}")
    if entry["severity"] not in SEVERITIES:
        raise CatalogueError(f"{source}: {rid}: bad severity {entry['severity']!r}")
    status = entry.get("status", "implemented")
    if status not in STATUSES:
        raise CatalogueError(f"{source}: {rid}: bad status {status!r}")
    for key in BILINGUAL:
        val = entry[key]
        if not isinstance(val, dict) or any(not str(val.get(lang) or "").strip() for lang in LANGS):
            raise CatalogueError(f"{source}: {rid}: {key} needs non-empty 'id' and 'en'")
    variants = entry.get("variants") or {}
    for name, val in variants.items():
        if not isinstance(val, dict) or any(not str(val.get(lang) or "").strip() for lang in LANGS):
            raise CatalogueError(f"{source}: {rid}: variant {name} needs 'id' and 'en'")
    ex = entry["example"]
    if not isinstance(ex, dict) or not ex.get("source") or not ex.get("text"):
        raise CatalogueError(f"{source}: {rid}: example needs source and text")
    if not str(entry["basis"]).strip():
        raise CatalogueError(f"{source}: {rid}: empty basis")
    params = entry["params"] or {}
    if not isinstance(params, dict):
        raise CatalogueError(f"{source}: {rid}: params must be a mapping")
    return Rule(
        id=rid,
        kind=str(entry["kind"]),
        category=str(entry["category"]),
        severity=entry["severity"],
        title=dict(entry["title"]),
        message=dict(entry["message"]),
        checks=dict(entry["checks"]),
        basis=str(entry["basis"]).strip(),
        example=dict(ex),
        params=dict(params),
        status=status,
        variants={k: dict(v) for k, v in variants.items()},
        source=source,
    )


def load_catalogue_from_texts(texts: dict[str, str]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for source in sorted(texts):
        data = yaml.load(texts[source], Loader=_Loader) or []
        if not isinstance(data, list):
            raise CatalogueError(f"{source}: expected a list of rules")
        for entry in data:
            rule = _validate(entry, source)
            if rule.id in rules:
                raise CatalogueError(f"{source}: duplicate rule id {rule.id} (also in {rules[rule.id].source})")
            rules[rule.id] = rule
    return rules


def catalogue_dir():
    """Where rules/*.yaml are (lkip_audit/vocabulary.py): ``$LKIP_AUDIT_RULES`` when set,
    else the source checkout's rules/ when the code runs from one (never an older
    installed copy), else the installed package data lkip_audit.rules."""
    return rules_dir()


def load_catalogue(directory=None) -> dict[str, Rule]:
    """Every rule in ``directory``/*.yaml (default: catalogue_dir()), by id (validated;
    raises CatalogueError)."""
    root = Path(directory) if directory is not None else catalogue_dir()
    key = str(root)
    if key not in _LOADED:
        _LOADED[key] = _load_catalogue(root)
    return _LOADED[key]


_LOADED: dict[str, dict[str, Rule]] = {}  # by directory: read once per process


def _load_catalogue(root) -> dict[str, Rule]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in root.iterdir() if p.name.endswith(".yaml")}
    rules = load_catalogue_from_texts(texts)
    from lkip_audit.check.kindnames import KIND_NAMES

    for rule in rules.values():
        if rule.implemented and rule.kind not in KIND_NAMES:
            raise CatalogueError(f"{rule.source}: {rule.id}: kind {rule.kind!r} has no implementation")
        for key in RULE_REFERENCES:
            ref = rule.params.get(key)
            if ref is not None and ref not in rules:
                raise CatalogueError(f"{rule.source}: {rule.id}: {key} names no rule of the catalogue: {ref!r}")
    return dict(sorted(rules.items()))


# Parameters whose value is another rule's id (relations between rules are data, not code).
RULE_REFERENCES = ("targets_checked_by",)


def get_rule(rule_id: str) -> Rule:
    return load_catalogue()[rule_id]


INDEX_START = "<!-- catalogue:start (generated from rules/*.yaml; tests/check/test_catalogue.py keeps it in sync) -->"
INDEX_END = "<!-- catalogue:end -->"


def render_index(rules: dict[str, Rule]) -> str:
    """The rule table of rules/README.md."""
    lines = [
        "| id | severity | kind | status | title | judul |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rid, r in sorted(rules.items()):
        lines.append(f"| {rid} | {r.severity} | {r.kind} | {r.status} | {r.title['en']} | {r.title['id']} |")
    return "\n".join([INDEX_START, *lines, INDEX_END])
