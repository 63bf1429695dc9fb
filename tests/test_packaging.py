"""The installed package must carry every subpackage and the rule catalogue.

pyproject.toml lists packages explicitly (rules/ is mapped to lkip_audit.rules),
so a new subpackage must be added there: this test says which one is missing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(conf["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "lkip_audit").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert conf["tool"]["setuptools"]["package-dir"]["lkip_audit.rules"] == "rules"


def test_catalogue_files_are_package_data():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = conf["tool"]["setuptools"]["package-data"]["lkip_audit.rules"]
    assert "*.yaml" in patterns and any((ROOT / "rules").glob("*.yaml"))


def test_every_ui_string_has_both_languages():
    import lkip_audit.batch  # noqa: F401  (registers its strings)
    import lkip_audit.report.strings  # noqa: F401
    from lkip_audit.i18n import _T

    for key, texts in _T.items():
        assert texts.get("id") and texts.get("en"), key
