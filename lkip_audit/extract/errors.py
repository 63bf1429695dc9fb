"""Errors of the extract stage: the input could not be read at all (exit code 3)."""

from __future__ import annotations


class ReadError(Exception):
    """The whole input is unreadable. ``reason`` is a stable code for messages and tests."""

    REASONS = ("not-found", "not-pdf", "empty", "encrypted", "damaged", "no-pages", "timeout",
               # Word inputs (extract/docx.py)
               "docx-damaged", "docx-bomb", "macro", "needs-soffice", "convert-failed")

    def __init__(self, path: str, reason: str, detail: str = ""):
        assert reason in self.REASONS, reason
        self.path = path
        self.reason = reason
        self.detail = detail
        super().__init__(f"{path}: {reason}{': ' + detail if detail else ''}")
