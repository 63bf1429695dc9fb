"""The catalogue is valid data, README.md is in sync, every rule is tested."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from lkip_audit.check.catalogue import (
    catalogue_dir,
    ID_RE, LANGS, CatalogueError, load_catalogue, load_catalogue_from_texts, render_index, template_fields,
)
from lkip_audit.check.kinds import KINDS
from tests.check.helpers import FIRES, QUIET

TESTS_DIR = Path(__file__).resolve().parents[1]


def _import_registering_modules() -> list[str]:
    """Import every test module that marks a test with @fires / @quiet.

    The marks fill FIRES and QUIET when their module is imported, so this module imports all
    of them itself: the coverage check below then holds when this file runs alone, first or
    in any order, not only after pytest happened to collect the other modules.
    """
    names = []
    for path in sorted(TESTS_DIR.rglob("test_*.py")):
        if path.resolve() == Path(__file__).resolve():
            continue
        if re.search(r"^\s*@(fires|quiet)\(", path.read_text(encoding="utf-8"), re.M):
            rel = path.relative_to(TESTS_DIR.parent).with_suffix("")
            names.append(".".join(rel.parts))
            importlib.import_module(names[-1])
    return names


REGISTERING = _import_registering_modules()

CAT = load_catalogue()
IMPLEMENTED = sorted(r for r, rule in CAT.items() if rule.implemented)
CATEGORY_FILES = {"pct", "cap", "sum", "dif", "bnd", "lbl", "dq", "doc", "xt", "nar"}


def test_one_yaml_file_per_category():
    names = {p.name[:-5] for p in catalogue_dir().iterdir() if p.name.endswith(".yaml")}
    assert CATEGORY_FILES <= names
    for rid, rule in CAT.items():
        assert rule.source == re.match(r"[A-Z]+", rid).group(0).lower() + ".yaml", rid


@pytest.mark.parametrize("rid", sorted(CAT))
def test_entry_complete_in_both_languages(rid):
    r = CAT[rid]
    assert ID_RE.match(rid)
    assert r.severity in ("error", "warning", "info")
    for part in (r.title, r.message, r.checks):
        for lang in LANGS:
            assert part[lang].strip()
    assert r.basis and r.example["source"] and r.example["text"] and isinstance(r.params, dict)


def test_ids_reserved_in_ids_md_are_all_catalogued():
    ids_md = (catalogue_dir() / "IDS.md").read_text(encoding="utf-8")
    reserved = set(re.findall(r"^\| ([A-Z]{2,3}\d{3}) \|", ids_md, re.M))
    assert reserved and reserved <= set(CAT)


def test_registering_modules_found():
    assert {"tests.check.test_rules", "tests.check.test_narrative",
            "tests.store.test_crossyear_kind"} <= set(REGISTERING)


def test_implemented_set():
    assert IMPLEMENTED == sorted([
        "PCT001", "CAP001", "CAP002", "CAP003", "CAP004", "SUM001", "SUM002", "DIF001", "DIF002", "DIF003", "DIF004",
        "BND001", "BND002", "BND003", "LBL001", "LBL002", "DQ001", "DQ002", "DQ003", "DQ004", "DOC002", "DOC003",
        "NAR001", "NAR002", "NAR003", "NAR004", "NAR005", "NAR006", "DOC001",
        "XT001", "XT002", "SUM003", "SUM004", "CAP005", "YR001", "YR002", "YR003"])
    for rid in IMPLEMENTED:
        assert CAT[rid].kind in KINDS


@pytest.mark.parametrize("rid", sorted(CAT))
def test_templates_render_with_the_fields_the_kind_provides(rid):
    r = CAT[rid]
    if not r.implemented:
        return
    provided = KINDS[r.kind].fields
    templates = [r.message[lang] for lang in LANGS]
    templates += [v[lang] for v in r.variants.values() for lang in LANGS]
    for t in templates:
        missing = template_fields(t) - provided
        assert not missing, f"{rid}: template uses {missing} which kind {r.kind} does not provide"
        t.format(**{k: "x" for k in provided})


def test_readme_index_in_sync():
    readme = (catalogue_dir() / "README.md").read_text(encoding="utf-8")
    assert render_index(CAT) in readme, "regenerate rules/README.md's table with render_index(load_catalogue())"


@pytest.mark.parametrize("rid", IMPLEMENTED)
def test_every_implemented_rule_has_a_fire_and_a_quiet_test(rid):
    assert rid in FIRES, f"no test fires {rid}"
    assert rid in QUIET, f"no test shows {rid} quiet"


def test_validation_rejects_bad_entries():
    good = CAT["PCT001"]
    base = (
        "- id: {id}\n  kind: ratio\n  category: c\n  severity: {sev}\n"
        "  title: {{id: a, en: b}}\n  message: {{id: a, en: {en}}}\n  checks: {{id: a, en: b}}\n"
        "  basis: x\n  example: {{source: s, text: t}}\n  params: {{}}\n"
    )
    assert load_catalogue_from_texts({"a.yaml": base.format(id="AB001", sev="error", en="b")})
    with pytest.raises(CatalogueError):
        load_catalogue_from_texts({"a.yaml": base.format(id="ab01", sev="error", en="b")})
    with pytest.raises(CatalogueError):
        load_catalogue_from_texts({"a.yaml": base.format(id="AB001", sev="fatal", en="b")})
    with pytest.raises(CatalogueError):
        load_catalogue_from_texts({"a.yaml": base.format(id="AB001", sev="error", en="''")})
    with pytest.raises(CatalogueError):
        load_catalogue_from_texts({"a.yaml": base.format(id="AB001", sev="error", en="b"),
                                   "b.yaml": base.format(id="AB001", sev="error", en="b")})
    assert good.render("en", numerator="1", denominator="2", expected="50,00", actual="5,00").startswith("Realisation")
