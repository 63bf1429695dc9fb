"""lkip-audit: audit Indonesian LKIP performance reports.

Stages (data flows one way): extract -> understand -> check -> report.
"""

__version__ = "0.1.0"
