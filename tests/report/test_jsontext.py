"""report/jsontext.dumps_indented is json.dumps(ensure_ascii=False, indent=2), byte for byte."""

from __future__ import annotations

import json
import math
import random

import pytest

from lkip_audit.report.jsontext import dumps_indented


def _same(obj):
    assert dumps_indented(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("obj", [
    {}, [], {"a": []}, {"a": {}}, [[[]]], {"a": {"b": {"c": [1, [2, {}]]}}},
    [1.5, -0.0, 1e300, 5e-324, 123456789012345678901234567890, True, False, None],
    [math.nan, math.inf, -math.inf],
    ["é \u2028 \" \\ \n \t \x00 \U0001f600 Rp.1.234,00", ""],
    {1: "int key", None: "none key", True: "bool key", 2.5: "float key", "s": 0},
    ("a", ("b",)),
])
def test_edge_values(obj):
    _same(obj)


def test_random_nested_values():
    rnd = random.Random(20261204)
    scalars = [None, True, False, 0, -7, 3.25, "teks", "angka 1.234,56", "ünï", float("nan")]

    def make(depth):
        if depth == 0 or rnd.random() < 0.3:
            return rnd.choice(scalars)
        if rnd.random() < 0.5:
            return [make(depth - 1) for _ in range(rnd.randrange(4))]
        return {f"k{rnd.randrange(9)}": make(depth - 1) for _ in range(rnd.randrange(4))}

    for _ in range(300):
        _same(make(5))


def test_a_type_json_cannot_encode_still_fails_as_json_does():
    from decimal import Decimal

    with pytest.raises(TypeError):
        dumps_indented({"a": Decimal("1.5")})
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError):
        dumps_indented(loop)


def test_a_report_of_the_sample_is_the_same(tmp_path):
    from lkip_audit.pipeline import audit
    from lkip_audit.report.json_report import report_dict
    from tests.extract.conftest import SAMPLES

    r = audit(str(SAMPLES / "lkip-contoh-dinkes-2024.pdf"))
    _same(report_dict(r.document, r.findings, r.rules))
