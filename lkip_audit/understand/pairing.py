"""Which column of a field goes with a column of another field: the same group
(KINERJA, KEUANGAN, a year), else the only one. Shared by the check kinds and the
schema validation (understand/schemas.py)."""

from __future__ import annotations

import re

from lkip_audit.understand.model import AnalyzedTable, ColumnRole


def same_group(at: AnalyzedTable, name: str, group: str | None) -> ColumnRole | None:
    """The column for `name` in `group`; falls back to the only ungrouped/unique one."""
    c = at.col(name, group) if group is not None else None
    if c is not None:
        return c
    cands = at.cols(name)
    if group is None:
        if len(cands) <= 1:
            return cands[0] if cands else None
        # Several columns for the field (quarters TW I-IV, years): an ungrouped one, or
        # the total over the groups; anything else is ambiguous and is not guessed.
        plain = [x for x in cands if x.group is None]
        if len(plain) == 1:
            return plain[0]
        totals = [x for x in cands if (x.group or "").upper() in ("JUMLAH", "TOTAL", "TAHUNAN", "SETAHUN")]
        return totals[0] if len(totals) == 1 else None
    ungrouped = [x for x in cands if x.group is None]
    if len(ungrouped) == 1:
        return ungrouped[0]
    if len(cands) == 1 and not _other_year(cands[0].group, group):
        return cands[0]
    return None


def _other_year(a: str | None, b: str | None) -> bool:
    """Both groups name a year, and not the same one (capaian 2015 is not target 2016's)."""
    ya, yb = (re.findall(r"\b(?:19|20)\d\d\b", g or "") for g in (a, b))
    return bool(ya) and bool(yb) and not set(ya) & set(yb)
