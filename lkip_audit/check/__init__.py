"""The check stage: recompute every table against the rule catalogue (rules/*.yaml).

    from lkip_audit.check import run_checks, CheckConfig
    findings = run_checks(document, understanding, CheckConfig(lang="en"))
"""

# Loaded on first use (PEP 562): the configuration (check.config) is wanted by every
# command, the rule kinds (check.engine, check.kinds and the understand stage they use)
# only when a check is computed, not when it is served from the cache.
_WHERE = {
    "CheckConfig": "lkip_audit.check.config",
    "Rule": "lkip_audit.check.catalogue",
    "load_catalogue": "lkip_audit.check.catalogue",
    "active_rules": "lkip_audit.check.select",
    "findings_from_schema_issues": "lkip_audit.check.engine",
    "run_checks": "lkip_audit.check.engine",
    "SchemaIssue": "lkip_audit.check.kinds.quality",
}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CheckConfig",
    "Rule",
    "SchemaIssue",
    "active_rules",
    "findings_from_schema_issues",
    "load_catalogue",
    "run_checks",
]
