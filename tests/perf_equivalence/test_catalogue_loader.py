"""The rule catalogue reads the same with libyaml's C loader as with the pure-Python one.

Oracle: PyYAML's pure-Python SafeLoader, the loader used before the C loader was
preferred (and the fallback when PyYAML lacks libyaml)."""

from __future__ import annotations

import yaml

from lkip_audit.check import catalogue


def _texts() -> dict[str, str]:
    root = catalogue.catalogue_dir()
    return {p.name: p.read_text(encoding="utf-8") for p in root.iterdir() if p.name.endswith(".yaml")}


def test_c_loader_and_pure_python_loader_give_the_same_rules(monkeypatch):
    texts = _texts()
    assert texts
    fast = catalogue.load_catalogue_from_texts(texts)
    monkeypatch.setattr(catalogue, "_Loader", yaml.SafeLoader)
    slow = catalogue.load_catalogue_from_texts(texts)
    assert fast == slow
    # Rule.__eq__ compares every field (title, message, params, examples ...).
    assert [vars(r) for r in fast.values()] == [vars(r) for r in slow.values()]
    assert len(fast) > 20


def test_loader_is_a_safe_loader():
    assert issubclass(catalogue._Loader, yaml.SafeLoader) or catalogue._Loader is getattr(yaml, "CSafeLoader", None)
    # A python object tag is refused, not constructed.
    import pytest

    with pytest.raises(yaml.YAMLError):
        catalogue.load_catalogue_from_texts({"x.yaml": "- !!python/object/apply:os.system ['true']\n"})
