"""Baselines: findings accepted earlier, which a later run does not report again.

A CI gate adopts the tool on reports that already have known findings by
writing a baseline once (``--write-baseline FILE``) and checking against it
afterwards (``--baseline FILE``). Findings are matched by their fingerprint
(rule + table + row + column, see ``Finding.fingerprint``), never by page, so
a finding survives text added before it. Matching counts occurrences: a
baseline that accepted one finding at a place suppresses one there, and a
second finding at the same place is reported.

The file is JSON, sorted and without timestamps, so it diffs well in review::

    {"tool": "lkip-audit", "baseline_version": 1,
     "findings": [{"fingerprint": "3f...", "count": 1, "rule": "PCT001",
                   "table": "3.20", "row": "...", "column": "%", "documents": ["lkip.pdf"]}]}
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lkip_audit.findings import Finding

BASELINE_VERSION = 1


class BaselineError(ValueError):
    pass


@dataclass
class Baseline:
    counts: Counter = field(default_factory=Counter)  # fingerprint -> accepted occurrences

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(reported, suppressed); consumes this baseline's counts, so share one across documents."""
        kept, suppressed = [], []
        for f in findings:
            fp = f.fingerprint()
            if self.counts.get(fp, 0) > 0:
                self.counts[fp] -= 1
                suppressed.append(f)
            else:
                kept.append(f)
        return kept, suppressed


def load_baseline(path: str | Path) -> Baseline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BaselineError(f"cannot read baseline {path}: {e}") from e
    if not isinstance(data, dict) or data.get("tool") != "lkip-audit" or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path} is not an lkip-audit baseline")
    if data.get("baseline_version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: unsupported baseline_version {data.get('baseline_version')!r}")
    counts: Counter = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: an entry has no fingerprint")
        counts[entry["fingerprint"]] += int(entry.get("count", 1))
    return Baseline(counts)


def baseline_dict(findings_by_document: dict[str, list[Finding]]) -> dict:
    """The baseline accepting every finding given (document name -> findings)."""
    entries: dict[str, dict] = {}
    for doc in sorted(findings_by_document):
        for f in findings_by_document[doc]:
            fp = f.fingerprint()
            e = entries.setdefault(
                fp,
                {"fingerprint": fp, "count": 0, "rule": f.rule, "table": f.table or f.table_id,
                 "row": f.row, "column": f.column, "documents": []},
            )
            e["count"] += 1
            name = Path(doc).name
            if name not in e["documents"]:
                e["documents"].append(name)
    ordered = sorted(entries.values(), key=lambda e: (e["rule"], e["table"] or "", e["row"] or "", e["column"] or "", e["fingerprint"]))
    return {"tool": "lkip-audit", "baseline_version": BASELINE_VERSION, "findings": ordered}


def write_baseline(path: str | Path, findings_by_document: dict[str, list[Finding]]) -> int:
    """Write the baseline; returns the number of findings it accepts."""
    data = baseline_dict(findings_by_document)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return sum(e["count"] for e in data["findings"])
