"""The whole path (PDF -> extraction -> understand -> rules) against an independent oracle.

Oracle: tests/test_sample_sources.py recomputes the synthetic sample's YAML source
with short, obviously-correct arithmetic (no PDF, no lkip_audit code). Applied to
the source with every injected error, it yields the set of (rule, table, row)
that must be flagged. The pipeline run on the built PDF must reproduce exactly
that set for the rules it implements: nothing missed, no extra error finding.
On the clean twin it must report no error at all.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from lkip_audit.check.catalogue import load_catalogue
from lkip_audit.pipeline import audit
from tests.test_sample_sources import Checker, apply_error, load

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@lru_cache(maxsize=None)
def run(name: str):
    return audit(str(SAMPLES / name))


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (s or "").lower())


def _expected():
    tables, blocks, errors = load()
    for e in errors:
        tables, blocks = apply_error(tables, blocks, e)
    checker = Checker(tables, blocks)
    found = checker.run()
    # A sum is reported once, at the row that prints it (the oracle also marks the addends).
    sums = {a[0] for a in checker.anchors}
    return tables, {f for f in found if f[0] not in sums} | checker.anchors


def _row_indices(rows: list[dict], label: str | None) -> set[int]:
    """Source rows whose printed text contains the finding's row label."""
    want = _norm(label)
    if not want:
        return set()
    return {i for i, r in enumerate(rows) if any(_norm(c) == want for c in r["cells"])}


def _stem(f, tables) -> str | None:
    if f.table is not None:
        return f.table
    return None


def test_clean_twin_has_no_error():
    res = run("lkip-contoh-dinkes-2024-bersih.pdf")
    errors = [f for f in res.findings if f.severity == "error"]
    assert errors == [], "\n".join(f"{f.rule} p{f.page} {f.table} {f.row!r} {f.column}: {f.actual} vs {f.expected}" for f in errors)


CLEAN_TWINS = ["lkip-contoh-dinkes-2024-bersih.pdf"] + sorted(
    f"wild/{p.name}" for p in (SAMPLES / "wild").glob("*-bersih.pdf"))


@pytest.mark.parametrize("name", CLEAN_TWINS)
def test_clean_twin_has_no_error_and_no_warning(name):
    # issue #12.7: a clean twin (the same document with every injected inconsistency taken
    # out, its truth file empty) allows no error and no warning; info (a doubt, a part not
    # checked) is allowed, and so is the DOC002/DOC003 coverage warning naming only the pages
    # the truth file declares unreadable (a scanned page, as benchmarks/scoring.py sets aside)
    import yaml

    from benchmarks.scoring import is_declared_coverage

    truth = yaml.safe_load((SAMPLES / name).with_suffix(".truth.yaml").read_text(encoding="utf-8"))
    assert truth["clean"] is True and not truth["items"]
    res = run(name)
    loud = [f for f in res.findings if f.severity in ("error", "warning")
            and not is_declared_coverage(f, truth.get("unreadable_pages") or [])]
    assert loud == [], "\n".join(
        f"{f.rule} {f.severity} p{f.page} {f.table} {f.row!r} {f.column}: {f.actual} vs {f.expected}" for f in loud)


def test_injected_errors_exactly():
    implemented = {rid for rid, r in load_catalogue().items() if r.implemented}
    tables, expected = _expected()
    # Table-located expectations by (rule, table, row); narrative ones are located at a
    # text block, which the build's layout manifest puts on a page: (rule, "page", n).
    layout = json.loads((SAMPLES / "lkip-contoh-dinkes-2024.layout.json").read_text(encoding="utf-8"))
    block_pages = {(b["file"], b["index"]): b["pages"] for b in layout["blocks"]}
    want = set()
    for rule, stem, row in expected:
        if rule not in implemented:
            continue
        if stem in tables:
            want.add((rule, stem, row))
        elif stem == "doc":
            want |= {(rule, "page", p) for p in block_pages[row]}
    res = run("lkip-contoh-dinkes-2024.pdf")
    got_unmatched = []
    matched: set[tuple] = set()
    for f in res.findings:
        if f.rule not in implemented:
            continue
        # A cross-table finding is one per disagreement: its own place plus every other
        # place in `related` (the oracle marks each place of the disagreement).
        places = [(_stem(f, tables), f.row)]
        if f.rule.startswith("XT"):
            places += [(r.table, r.row) for r in f.related]
        cands = {(f.rule, stem, i) for stem, row in places if stem
                 for i in _row_indices(tables.get(stem, []), row)}
        if f.rule.startswith("NAR"):
            cands = {(f.rule, "page", f.page)}
        hit = cands & want
        if hit:
            matched |= hit
        elif f.severity == "error":  # an unexpected warning/info is allowed; an error is not
            got_unmatched.append(f"{f.rule} p{f.page} {f.table} {f.row!r} {f.column}: {f.actual} vs {f.expected}")
    missed = sorted(want - matched)
    assert not missed, f"missed: {missed}"
    assert not got_unmatched, "extra error findings:\n" + "\n".join(got_unmatched)
