"""Engine behaviour: selection, severities, language, order, de-duplication, config files."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkip_audit.check import CheckConfig, active_rules, run_checks
from lkip_audit.understand.model import Understanding
from tests.check.helpers import check, doc_for, only
from tests.check.test_rules import KEDISIPLINAN, MANAJEMEN, T320, T352_ROW, iku, rr


def test_select_and_ignore_by_prefix():
    at = rr([T352_ROW], number="3.52")  # fires PCT001 and BND001
    assert {f.rule for f in check(at)} == {"PCT001", "BND001"}
    assert {f.rule for f in check(at, select=["PCT"])} == {"PCT001"}
    assert {f.rule for f in check(at, ignore=["bnd"])} == {"PCT001"}
    assert {f.rule for f in check(at, select=["ALL"], ignore=["PCT001"])} == {"BND001"}
    assert check(at, select=["XT"]) == []  # one table: nothing to compare across tables


def test_active_rules_excludes_planned():
    from dataclasses import replace

    from lkip_audit.check.catalogue import load_catalogue

    cat = dict(load_catalogue())
    cat["XT001"] = replace(cat["XT001"], status="planned")
    ids = [r.id for r in active_rules(CheckConfig(), cat)]
    assert "PCT001" in ids and "XT001" not in ids and "XT002" in ids
    assert ids == sorted(ids)


def test_severity_overrides_longest_prefix_wins():
    at = rr([T352_ROW], number="3.52")
    fs = check(at, severity={"BND": "info", "PCT001": "warning", "P": "info"})
    assert {f.rule: f.severity for f in fs} == {"PCT001": "warning", "BND001": "info"}


def test_english_messages():
    (f,) = only(check(rr(T320), lang="en"), "PCT001")
    assert f.message == "Realisation percentage 99,24 differs from 19.879.294 / 20.000.000 x 100 = 99,40"
    (g,) = only(check(rr(T320)), "PCT001")
    assert g.message == "Persentase realisasi 99,24 tidak sama dengan 19.879.294 / 20.000.000 x 100 = 99,40"


def test_order_is_document_order_and_deterministic():
    a = iku([MANAJEMEN, KEDISIPLINAN], number="3.16")  # page 60
    b = rr(T320)  # page 57
    fs = check(a, b)
    pages = [f.page for f in fs]
    assert pages == sorted(pages)
    assert fs[0].table == "3.20"
    assert [f.rule for f in fs if f.table == "3.16"] == ["CAP001", "CAP001", "LBL001"]
    assert [(f.rule, f.message) for f in check(a, b)] == [(f.rule, f.message) for f in fs]


def test_duplicates_removed_when_a_table_is_listed_twice():
    b = rr(T320)
    und = Understanding(tables=[b, b], scales={})
    fs = run_checks(doc_for(b), und, CheckConfig())
    assert len(only(fs, "PCT001")) == 1


def test_schema_issues_from_elsewhere_become_dq003():
    from types import SimpleNamespace

    b = rr(T320)
    issue = SimpleNamespace(row=0, field="target", column=2, problem="missing", text=None)
    fs = run_checks(doc_for(b), Understanding([b], {}), CheckConfig(), schema_issues={b.table.id: [issue]})
    (f,) = only(fs, "DQ003")
    assert f.column == "RENCANA TARGET"


def test_tolerance_widens_intervals():
    # 99,24 vs 99,40: accepted with an absolute tolerance of 0,2
    assert only(check(rr(T320), tolerance="0.2"), "PCT001") == []


def test_config_validation():
    with pytest.raises(ValueError):
        CheckConfig(rounding="ceil")
    with pytest.raises(ValueError):
        CheckConfig(lang="fr")
    with pytest.raises(ValueError):
        CheckConfig(severity={"PCT001": "fatal"})
    with pytest.raises(ValueError):
        CheckConfig.from_dict({"selekt": ["PCT"]})


def test_from_toml_lkip_audit_toml(tmp_path):
    p = tmp_path / "lkip-audit.toml"
    p.write_text(
        'select = ["PCT", "CAP001"]\nignore = ["DQ002"]\nrounding = "round"\nlang = "en"\ntolerance = "0.01"\n'
        '[severity]\nBND002 = "error"\n'
        '[[kategori]]\nlabel = "Sangat Baik"\nlow = 91\nhigh = 100\n'
        '[[kategori]]\nlabel = "Baik"\nlow = 76\nhigh = 90\n',
        encoding="utf-8",
    )
    cfg = CheckConfig.from_toml(p)
    assert cfg.select == ["PCT", "CAP001"] and cfg.ignore == ["DQ002"]
    assert (cfg.rounding, cfg.lang, cfg.tolerance) == ("round", "en", Decimal("0.01"))
    assert cfg.severity == {"BND002": "error"}
    assert [b.label for b in cfg.kategori.bands] == ["Sangat Baik", "Baik"] and cfg.kategori.source == "config"
    assert cfg.enabled("CAP001") and not cfg.enabled("CAP002") and not cfg.enabled("DQ002")
    assert CheckConfig.discover(tmp_path).lang == "en"


def test_from_toml_pyproject(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\n\n[tool.lkip-audit]\nignore = ["DQ"]\nrounding = "truncate"\n', encoding="utf-8")
    cfg = CheckConfig.from_toml(p)
    assert cfg.ignore == ["DQ"] and cfg.rounding == "truncate"
    assert CheckConfig.discover(tmp_path).rounding == "truncate"
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert CheckConfig.from_toml(p) == CheckConfig()
    assert CheckConfig.discover(tmp_path / "nowhere") == CheckConfig()


def test_kategori_scale_as_printed_conditions():
    # The README's form: band label -> condition as a report prints it.
    from decimal import Decimal

    from lkip_audit.understand import band_for

    c = CheckConfig.from_dict({"kategori": {"Sangat Baik": ">= 91", "Baik": "76-90", "Sangat Kurang": "<= 50"}})
    assert band_for(c.kategori, Decimal("91")).label == "Sangat Baik"
    assert band_for(c.kategori, Decimal("80,5".replace(",", "."))).label == "Baik"
    assert band_for(c.kategori, Decimal("50")).label == "Sangat Kurang"
    with pytest.raises(ValueError):
        CheckConfig.from_dict({"kategori": {"Baik": "sekitar delapan puluh"}})


def test_fingerprint_of_uncaptioned_table_ignores_pages():
    # Two drafts: the same uncaptioned table moved from page 7 to page 9.
    from tests.tablefactory import make_table

    a = make_table(["URAIAN", "JUMLAH"], [["Pengawas", "26"]], number=None, page=7)
    b = make_table(["URAIAN", "JUMLAH"], [["Pengawas", "26"]], number=None, page=9)
    assert a.id != b.id and a.key == b.key
    from lkip_audit.findings import Finding

    fa = Finding("SUM001", "error", "m", 7, None, "Pengawas", "JUMLAH", "1", "2", table_id=a.id, table_key=a.key)
    fb = Finding("SUM001", "error", "m", 9, None, "Pengawas", "JUMLAH", "1", "2", table_id=b.id, table_key=b.key)
    assert fa.fingerprint() == fb.fingerprint()
