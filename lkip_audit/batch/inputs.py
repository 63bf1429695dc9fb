"""A batch's inputs: command-line arguments to report paths, and how many at once."""

from __future__ import annotations

import os
from pathlib import Path

from lkip_audit.batch.common import BatchError

REPORT_SUFFIXES = (".pdf", ".docx", ".doc", ".odt")  # what a directory stands for


def expand_inputs(args, recursive: bool = False) -> list[str]:
    """Command-line arguments to report paths: a directory stands for the reports inside it
    (*.pdf and Word drafts *.docx/*.doc/*.odt, not Word's "~$" lock files; sorted; with
    ``recursive`` also in its subdirectories), anything else for itself (a missing file is
    reported by the reader). Raises BatchError for a directory without reports."""
    out: list[str] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            found = p.rglob("*") if recursive else p.iterdir()
            pdfs = sorted(str(f) for f in found if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                          and not f.name.startswith("~$"))
            if not pdfs:
                raise BatchError(f"{a}: no PDF files (nor Word .docx/.doc/.odt) in this directory" + ("" if recursive else " (try --recursive)"))
            out.extend(pdfs)
        else:
            out.append(str(a))
    return list(dict.fromkeys(out))  # a file named twice is checked once


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
