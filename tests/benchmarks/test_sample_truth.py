"""The committed truth files of the dinkes sample are what benchmarks/sample_truth.py writes.

The script derives them from the independent oracle (tests/test_sample_sources.py) and
errors.yaml; a change to the sample's source or errors must be followed by re-running it.
"""

from __future__ import annotations

import yaml

from benchmarks import sample_truth


def test_committed_truth_equals_the_scripts_output():
    for path, clean in ((sample_truth.OUT, False), (sample_truth.OUT_CLEAN, True)):
        assert path.read_text(encoding="utf-8") == sample_truth.render(clean), (
            f"{path.name} is stale: run python benchmarks/sample_truth.py")


def test_truth_covers_every_injected_error():
    # every errors.yaml entry (21 of them, E01-E21) names a rule; each rule appears among the
    # items, and the clean twin has none
    truth = yaml.safe_load(sample_truth.OUT.read_text(encoding="utf-8"))
    errors = yaml.safe_load((sample_truth.SRC / "errors.yaml").read_text(encoding="utf-8"))
    assert len(errors) == 21
    assert {e["rule"] for e in errors} <= {i["rule"] for i in truth["items"]}
    assert len({i["id"] for i in truth["items"]}) == len(truth["items"])
    clean = yaml.safe_load(sample_truth.OUT_CLEAN.read_text(encoding="utf-8"))
    assert clean["clean"] is True and clean["items"] == []


def test_hand_checked_items():
    # E01 by hand: 547.170.012 / 634.250.000 x 100 = 86,270... -> 86,27 (printed 88,27), page 22
    # E06 by hand: 7 + 15 + 13 + 5 + 1 = 41 (printed 40) at the JUMLAH row of Tabel 3.16
    items = yaml.safe_load(sample_truth.OUT.read_text(encoding="utf-8"))["items"]
    pct = next(i for i in items if i["rule"] == "PCT001" and i["table"] == "3.18")
    assert (pct["printed"], pct["recomputed"], pct["page"], pct["column"]) == ("88,27", "86,27", 22, "REALISASI / %")
    s = next(i for i in items if i["rule"] == "SUM001" and i["table"] == "3.16")
    assert (s["row"], s["printed"], s["recomputed"]) == ("JUMLAH", "40", "41")
