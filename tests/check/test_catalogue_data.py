"""The catalogue is data (issue #14.2): rules' parameters are read by the code, one name per
concept."""

from __future__ import annotations

from lkip_audit.check.catalogue import load_catalogue


# -- parameters the code reads (issue #14.2: no ignored parameter, one name per concept) --

def test_schema_rule_checks_the_triples_its_params_name():
    """DQ003's ``triples`` decide which ratio rows need all three numbers."""
    from dataclasses import replace

    from lkip_audit.check import CheckConfig, run_checks
    from lkip_audit.understand.model import Understanding
    from tests.check.helpers import doc_for
    from tests.check.test_rules import rr

    rows = [["", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "12 Dokumen", "20.000.000", "100,00", "19.879.294", ""]]
    at = rr(rows)
    cat = dict(load_catalogue())

    def dq003(triples):
        cat["DQ003"] = replace(cat["DQ003"], params={**cat["DQ003"].params, "triples": triples})
        fs = run_checks(doc_for(at), Understanding([at], {}), CheckConfig(select=["DQ003"]), catalogue=cat)
        return [(f.row, f.column) for f in fs]

    assert load_catalogue()["DQ003"].params["triples"] == [["realisasi_rp", "anggaran", "persen"],
                                                          ["realisasi", "target", "capaian"]]
    assert dq003([["realisasi_rp", "anggaran", "persen"]]) == [("Koordinasi dan Pelaksanaan Akuntansi SKPD", "REALISASI %")]
    assert dq003([["realisasi", "target", "capaian"]]) == []


def test_bound_rules_name_their_fields_one_way():
    bounds = [r for r in load_catalogue().values() if r.kind == "bound"]
    assert len(bounds) >= 3
    for r in bounds:
        assert "field" not in r.params, r.id
        assert isinstance(r.params["fields"], list) and r.params["fields"], r.id


def test_bound_formula_in_explain_reads_fields():
    from lkip_audit.report.explain import formula

    cat = load_catalogue()
    assert formula(cat["BND001"], "en").startswith("realisasi")
    assert "<= 100" in formula(cat["BND002"], "en")
