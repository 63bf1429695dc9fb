"""Extraction of the bundled samples compared with their source data.

Oracle: the YAML files under samples/src/ (what the table says, with injected
errors applied for the synthetic sample) and the layout manifest the build
script recorded while drawing (which pages each table landed on). Neither is
derived from the extractor.

Acceptance: every table found with its caption number and page span and the
right number of body rows; every numeric cell parsed to the source value.
Cell-level accuracy must be 100% on ruled portrait tables and >= 98% on the
rule-less and landscape ones; the figures are printed (pytest -s) for the note.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from lkip_audit.extract.layout import normalise_space
from lkip_audit.numbers import clean_text, parse_number

from tests.extract.conftest import ROOT, SAMPLES, extracted

_spec = importlib.util.spec_from_file_location("sample_build", ROOT / "samples" / "build.py")
build = importlib.util.module_from_spec(_spec)
sys.modules["sample_build"] = build
_spec.loader.exec_module(build)


def _source_tables(src: str, with_errors: bool):
    sample = build.load_sample(ROOT / "samples" / "src" / src)
    if with_errors and sample.errors is not None:
        sample, _ = build.apply_errors(sample)
    return sample.tables


def _source_cells(spec) -> list[list[str]]:
    out = []
    for r in spec.rows:
        cells = [str(c) for c in r["cells"]]
        for a, b in r.get("span") or []:
            for k in range(a + 1, b + 1):
                cells[k] = ""
        out.append(cells)
    return out


def _norm(s: str) -> str:
    return normalise_space(clean_text(s)).replace(" ", "")


def _match(layout: dict, doc) -> list[tuple[dict, object]]:
    """Pair each layout table with the extracted table: by caption number, else by
    first page and order among uncaptioned tables there."""
    pairs = []
    used: set[str] = set()
    for lt in layout["tables"]:
        cand = None
        if lt["number"] is not None:
            cand = next((t for t in doc.tables if t.number == lt["number"] and t.id not in used), None)
        else:
            cand = next(
                (t for t in doc.tables if t.number is None and t.id not in used and t.pages[0] == lt["pages"][0]
                 and len(t.columns) == lt["columns"]),
                None,
            )
        if cand is not None:
            used.add(cand.id)
        pairs.append((lt, cand))
    return pairs


CASES = [
    ("lkip-bkd-banten-2024", "bkd-banten-2024", True),
    ("lkip-contoh-dinkes-2024", "dinkes-sukamaju-2024", True),
    ("lkip-contoh-dinkes-2024-bersih", "dinkes-sukamaju-2024", False),
]


@pytest.mark.parametrize("stem,src,with_errors", CASES, ids=[c[0] for c in CASES])
def test_tables_match_source(stem, src, with_errors):
    pdf = SAMPLES / f"{stem}.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf.name} not built")
    layout = json.loads((SAMPLES / f"{stem}.layout.json").read_text())
    doc = extracted(pdf)
    sources = _source_tables(src, with_errors)
    problems = []
    stats = {"ruled": [0, 0], "hrules": [0, 0], "landscape": [0, 0]}  # [correct, total] cells
    num_stats = [0, 0]
    for lt, t in _match(layout, doc):
        label = lt["number"] or lt["stem"]
        if t is None:
            problems.append(f"{label}: not found (pages {lt['pages']})")
            continue
        if t.pages != lt["pages"]:
            problems.append(f"{label}: pages {t.pages}, expected {lt['pages']}")
        spec = sources[lt["stem"]]
        want = _source_cells(spec)
        if len(t.rows) != len(want):
            problems.append(f"{label}: {len(t.rows)} body rows, expected {len(want)}")
        kind = ("ruled" if lt["orientation"] == "portrait" else "landscape") if lt["style"] == "grid" else "hrules"
        for i, wrow in enumerate(want):
            grow = t.rows[i].texts() if i < len(t.rows) else [""] * len(wrow)
            spans = {}
            for a, b in spec.rows[i].get("span") or []:
                for k in range(a, b + 1):
                    spans[k] = (a, b)
            for j, wtext in enumerate(wrow):
                gtext = grow[j] if j < len(grow) else ""
                if j in spans:
                    # A merged cell: its text may stand in any column of the span.
                    a, b = spans[j]
                    ok = _norm("".join(grow[a:b + 1])) == _norm("".join(wrow[a:b + 1]))
                else:
                    ok = _norm(gtext) == _norm(wtext)
                stats[kind][0] += ok
                stats[kind][1] += 1
                wnum = parse_number(wtext)
                if wnum.kind in ("number", "percent", "range", "malformed"):
                    gnum = parse_number(gtext)
                    same = (gnum.kind, gnum.value, gnum.low, gnum.high, gnum.unit) == (
                        wnum.kind, wnum.value, wnum.low, wnum.high, wnum.unit)
                    num_stats[0] += same
                    num_stats[1] += 1
                    if not same:
                        problems.append(f"{label} row {i} col {j}: parsed {gtext!r}, source {wtext!r}")
    acc = {k: (c / n if n else 1.0) for k, (c, n) in stats.items()}
    print(f"\n{stem}: tables {len(layout['tables'])}, cell accuracy: "
          + ", ".join(f"{k} {acc[k]:.4%} ({stats[k][1]} cells)" for k in stats)
          + f"; numeric cells parsed to the source value {num_stats[0]}/{num_stats[1]}")
    assert not problems, "\n".join(problems[:40])
    assert acc["ruled"] == 1.0
    assert acc["hrules"] >= 0.98  # drawn without vertical rules
    assert acc["landscape"] >= 0.98


@pytest.mark.parametrize("stem", [c[0] for c in CASES])
def test_scanned_pages_reported(stem):
    pdf = SAMPLES / f"{stem}.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf.name} not built")
    layout = json.loads((SAMPLES / f"{stem}.layout.json").read_text())
    doc = extracted(pdf)
    image_only = [p.page for p in doc.problems if p.reason == "image-only"]
    assert image_only == layout["scanned_pages"]
    for n in image_only:
        assert not doc.pages[n - 1].has_text


def test_identity_detected():
    doc = extracted(SAMPLES / "lkip-bkd-banten-2024.pdf")
    # From the cover of the sample (samples/src/bkd-banten-2024/meta.yaml).
    assert doc.instansi == "Badan Kepegawaian Daerah Provinsi Banten"
    assert doc.tahun == 2024
