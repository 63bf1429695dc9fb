"""Wire the stages together: extract -> understand -> check.

The only module that knows all stages; each stage stays ignorant of the next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lkip_audit.check.config import CheckConfig
from lkip_audit.check.engine import active_rules, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.extract.pdf import read_document
from lkip_audit.findings import Finding
from lkip_audit.understand import understand
from lkip_audit.understand.model import Understanding


@dataclass
class AuditResult:
    document: Document
    understanding: Understanding
    findings: list[Finding]
    rules: int  # how many rules ran
    notes: list[str] = field(default_factory=list)


def check_document(doc: Document, config: CheckConfig) -> AuditResult:
    """Understand and check an extracted document."""
    scales = {}
    if config.kategori is not None:
        scales["kategori"] = config.kategori
    if config.tingkat is not None:
        scales["tingkat"] = config.tingkat
    und = understand(doc, scales or None)
    issues = _schema_issues(und)
    findings = run_checks(doc, und, config, schema_issues=issues)
    return AuditResult(doc, und, findings, rules=len(active_rules(config)))


def audit(
    path: str,
    config: CheckConfig | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AuditResult:
    """Read, understand and check one PDF. Raises extract.errors.ReadError when unreadable."""
    config = config or CheckConfig()
    doc = read_document(path, progress=progress)
    return check_document(doc, config)


def _schema_issues(und: Understanding) -> dict[str, list]:
    from lkip_audit.understand.schemas import validate

    out: dict[str, list] = {}
    for at in und.tables:
        issues = validate(at)
        if issues:
            out[at.table.id] = issues
    return out
