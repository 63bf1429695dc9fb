"""The check stage: recompute every table against the rule catalogue (rules/*.yaml).

    from lkip_audit.check import run_checks, CheckConfig
    findings = run_checks(document, understanding, CheckConfig(lang="en"))
"""

from lkip_audit.check.catalogue import Rule, load_catalogue
from lkip_audit.check.config import CheckConfig
from lkip_audit.check.engine import active_rules, findings_from_schema_issues, run_checks
from lkip_audit.check.kinds.quality import SchemaIssue

__all__ = [
    "CheckConfig",
    "Rule",
    "SchemaIssue",
    "active_rules",
    "findings_from_schema_issues",
    "load_catalogue",
    "run_checks",
]
