"""Rule kind "cross-year" (lkip_audit/check/kinds/crossyear.py) on hand-made facts: the
rules YR001 (an earlier year's value against that year's stored report) and YR002 (a
Renstra target against other years' stored reports), fired and quiet."""

from __future__ import annotations

from lkip_audit.check.catalogue import load_catalogue
from lkip_audit.check.config import CheckConfig
from lkip_audit.check.kinds.base import Ctx
from lkip_audit.check.kinds.crossyear import Earlier, agree, check_cross_year
from lkip_audit.understand.facts import Fact
from lkip_audit.understand.model import Understanding
from tests.check.helpers import analyzed, doc_for, fires, quiet

CAT = load_catalogue()
ROW = ["1.", "Indeks Merit Sistem", "332,5", "321,50", "330,50", "102,80"]


def _setup(stored_value: str, stored_year: int = 2023, stage=None, fact_year: int = 2023, lang="id"):
    at = analyzed(["NO", "IKU", "TARGET RENSTRA", "TARGET", "REALISASI", "CAPAIAN"], [ROW],
                  {1: "indikator", 2: "target_renstra", 3: "target", 4: "realisasi", 5: "capaian"}, number="3.11",
                  page=27)
    doc = doc_for(at)
    doc.tahun = 2024
    col = 2 if stage == "renstra" else 4
    cur = Fact(item_kind="indikator", item_name="Indeks Merit Sistem", item_key="indeksmeritsistem",
               field="target" if stage else "realisasi", year=fact_year, stage=stage,
               value=str(ROW[col]).replace(",", "."), low=None, high=None, printed=ROW[col], unit=None, page=27,
               table_number="3.11", table_id=at.table.id, table_title="", row_index=0,
               row_label="Indeks Merit Sistem", column_label="X", column_index=col)
    stored_doc = {"id": 1, "file_name": "lkip-2023.pdf", "sha256": "f" * 64, "tahun": stored_year}
    stored = {"id": 7, "item_kind": "indikator", "item_key": "indeksmeritsistem", "field": cur.field,
              "year": fact_year, "stage": stage, "value": stored_value, "low": None, "high": None,
              "printed": stored_value.replace(".", ","), "page": 5, "table_number": "3.1", "table_id": "p5-t1",
              "row_label": "Indeks Merit Sistem", "column_label": "REALISASI"}
    earlier = Earlier(file="lkip-2024.pdf", facts=[cur], reports={stored_year: (stored_doc, [stored])})
    ctx = Ctx(doc=doc, understanding=Understanding(tables=[at], scales={}), config=CheckConfig(lang=lang))
    ctx.earlier = earlier
    return ctx, earlier


@fires("YR001")
def test_earlier_year_value_differs_from_that_years_report():
    ctx, earlier = _setup("328.50")
    (f,) = list(check_cross_year(CAT["YR001"], None, ctx))
    assert f.rule == "YR001" and f.severity == "error" and f.page == 27 and f.table == "3.11"
    assert f.actual == "330,50" and f.expected == "328,50"
    assert "lkip-2024.pdf hal. 27" in f.message and "lkip-2023.pdf hal. 5" in f.message
    assert f.detail["stored"]["file"] == "lkip-2023.pdf" and f.detail["stored"]["page"] == 5
    assert earlier.compared == {2023} and not earlier.missing


@quiet("YR001")
def test_same_value_with_other_decimals_agrees_and_no_store_no_finding():
    ctx, _ = _setup("330.5")
    assert list(check_cross_year(CAT["YR001"], None, ctx)) == []
    ctx, earlier = _setup("328.50", stored_year=2022)  # nothing stored for 2023
    assert list(check_cross_year(CAT["YR001"], None, ctx)) == []
    assert earlier.missing == {2023} and not earlier.compared
    ctx.earlier = None  # a check without --store
    assert list(check_cross_year(CAT["YR001"], None, ctx)) == []


@fires("YR002")
def test_renstra_target_differs_between_reports():
    ctx, _ = _setup("330.5", stage="renstra", fact_year=2024, stored_year=2023, lang="en")
    (f,) = list(check_cross_year(CAT["YR002"], None, ctx))
    assert f.rule == "YR002" and f.severity == "warning" and f.actual == "332,5" and f.expected == "330,5"
    assert "lkip-2023.pdf p. 5" in f.message and "lkip-2024.pdf p. 27" in f.message


@quiet("YR002")
def test_renstra_target_that_agrees():
    ctx, _ = _setup("332.50", stage="renstra", fact_year=2024, stored_year=2023)
    assert list(check_cross_year(CAT["YR002"], None, ctx)) == []


def test_agree():
    assert agree("102.8", None, None, {"value": "102.80"})
    assert agree("102.799", None, None, {"value": "102.80"})  # rounded
    assert not agree("102.81", None, None, {"value": "102.80"})
    assert agree(None, "70", "80", {"value": None, "low": "70", "high": "80"})
    assert not agree(None, "70", "80", {"value": None, "low": "70", "high": "85"})


@fires("YR003")
def test_this_years_target_differs_from_the_one_an_earlier_report_announced():
    ctx, earlier = _setup("335", fact_year=2024, stored_year=2023)
    f = earlier.facts[0]
    earlier.facts[0] = Fact(**{**f.as_dict(), "field": "target", "value": "332.5", "printed": "332,5",
                               "column_index": 3})
    earlier.reports[2023][1][0]["field"] = "target"
    (found,) = list(check_cross_year(CAT["YR003"], None, ctx))
    assert found.rule == "YR003" and found.severity == "warning"
    assert (found.actual, found.expected) == ("332,5", "335")
    assert "LKIP 2023 (lkip-2023.pdf hal. 5" in found.message


@quiet("YR003")
def test_this_years_target_as_announced_and_only_earlier_reports():
    ctx, earlier = _setup("332.50", fact_year=2024, stored_year=2023)
    f = earlier.facts[0]
    earlier.facts[0] = Fact(**{**f.as_dict(), "field": "target", "value": "332.5", "printed": "332,5"})
    earlier.reports[2023][1][0]["field"] = "target"
    assert list(check_cross_year(CAT["YR003"], None, ctx)) == []
    ctx, earlier = _setup("335", fact_year=2024, stored_year=2025)  # a later report: not an announcement
    f = earlier.facts[0]
    earlier.facts[0] = Fact(**{**f.as_dict(), "field": "target"})
    earlier.reports[2025][1][0]["field"] = "target"
    assert list(check_cross_year(CAT["YR003"], None, ctx)) == []


def test_the_field_a_sentence_names():
    from lkip_audit.check.kinds.crossyear import _claim_field

    assert _claim_field("bahwa untuk pencapaian realisasi tahun 2023 sebesar : ", percent=True) == "capaian"
    assert _claim_field(" % dengan nilai realisasi sebesar : ", percent=False) == "realisasi"
    assert _claim_field(", dan untuk targetnya yaitu ", percent=False) == "target"
    assert _claim_field("pada tahun 2023, dari ", percent=False) is None


def test_a_target_at_the_end_of_the_plan_without_its_year_is_no_fact():
    from lkip_audit.understand.facts import facts
    from lkip_audit.understand.model import Understanding
    from lkip_audit.understand.stage import assign

    at = analyzed(["NO", "IKU", "TARGET AKHIR RENSTRA", "TARGET 2026", "REALISASI"],
                  [["1.", "Indeks Merit Sistem", "357", "357", "330,5"]],
                  {1: "indikator", 2: "target_renstra", 3: "target_renstra", 4: "realisasi"}, number="3.2",
                  rowinfo={0: {"kind": "iku"}})
    doc = doc_for(at)
    doc.tahun = 2024
    assign(doc, [at])
    got = {(f.field, f.year, f.stage, f.printed, f.column_index) for f in facts(doc, Understanding([at], {}))}
    assert got == {("target", 2026, "renstra", "357", 3), ("realisasi", 2024, None, "330,5", 4)}


def test_the_years_a_sentence_names():
    from lkip_audit.check.kinds.crossyear import sentence_years

    text = "Realisasi tahun lalu sebesar 83,54, tahun 2024 sebesar 78,25 dan Tahun Anggaran 2022 sebesar 80"
    assert [y for _, _, y in sentence_years(text, 2024)] == [2023, 2024, 2022]
    assert text[slice(*sentence_years(text, 2024)[0][:2])] == "tahun lalu"


def test_where_a_value_is_in_a_pdf_and_in_a_word_file():
    from lkip_audit.check.kinds.crossyear import where

    assert where(27, "lkip-2024.pdf", 0) == "hal. 27" and where(27, "lkip-2024.pdf", 1) == "p. 27"
    assert where(6, "draf-2024.docx", 0, "Bab III > 3.1") == "Bab III > 3.1"
    assert where(6, "draf-2024.docx", 0) == "bagian 6" and where(None, "a.pdf", 0) == "-"
