"""One `lkip-audit check` run: baseline in, reports out, exit status.

The CLI parses options and reads each PDF; everything between a checked
document and the files on disk happens here, so it can grow (more formats,
more reports per run) without the click function growing with it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lkip_audit.baseline import Baseline, BaselineError, load_baseline, write_baseline
from lkip_audit.check.config import CheckConfig
from lkip_audit.report.base import ReportInput, report_input
from lkip_audit.report.output import OutputError, parse_formats, plan_outputs, write_report
from lkip_audit.report.strings import s


class SessionError(ValueError):
    """Bad options for the reports (a usage error, exit 2)."""


class Session:
    def __init__(self, config: CheckConfig, reports: list[str], formats, output: str | None, *,
                 fail_on: str = "error", quiet: bool = False, baseline_path: str | None = None,
                 write_baseline_path: str | None = None) -> None:
        self.config = config
        self.fail_on = fail_on
        self.quiet = quiet
        self.write_baseline_path = write_baseline_path
        try:
            self.formats = parse_formats(formats)
            self.targets = plan_outputs(self.formats, output, reports)
            self.baseline: Baseline | None = load_baseline(baseline_path) if baseline_path else None
        except (OutputError, BaselineError) as e:
            raise SessionError(str(e)) from e
        from lkip_audit.check.select import active_rules

        self.rules = active_rules(config)
        self.severities = {r.id: config.severity_for(r.id, r.severity) for r in self.rules}
        self.all_findings: dict[str, list] = {}
        self.written: list[Path] = []

    def input_for(self, path: str, result) -> ReportInput:
        """The report input of one checked document, after the baseline."""
        self.all_findings[path] = list(result.findings)
        return report_input(path, result, self.config, fail_on=self.fail_on, baseline=self.baseline, rules=self.rules)

    def report(self, path: str, result) -> bool:
        """Write every asked-for report of one document; True when a finding is at or above the fail level."""
        ri = self.input_for(path, result)
        for fmt in self.formats:
            target = self.targets[(path, fmt)]
            write_report(fmt, ri, target, quiet=self.quiet)
            if target is not None:
                self.written.append(target)
        if all(self.targets[(path, f)] is not None for f in self.formats):
            # Every report went to a file: say so on stderr, stdout stays clean for pipes.
            from lkip_audit.report.text import summary_line

            line = summary_line(result.document, ri.findings, ri.lang, path=path)
            if ri.suppressed:
                line += "; " + s("suppressed.line", ri.lang, n=ri.suppressed)
            print(line, file=sys.stderr)
            for f in self.formats:
                print("  " + s("written", ri.lang, path=self.targets[(path, f)]), file=sys.stderr)
        return any(ri.fails(f) for f in ri.findings)

    def finish(self) -> None:
        if self.write_baseline_path:
            n = write_baseline(self.write_baseline_path, self.all_findings)
            lang = self.config.lang
            msg = {"id": f"baseline ditulis: {self.write_baseline_path} ({n} temuan diterima)",
                   "en": f"baseline written: {self.write_baseline_path} ({n} findings accepted)"}
            print(msg.get(lang, msg["id"]), file=sys.stderr)
