"""benchmarks/scoring.py: matching findings to truth items and to triaged findings.

Every finding and item below is built by hand; each case's expectation follows from the
matching rules of samples/wild/TRUTH.md and benchmarks/TRIAGE.md, as the comment says.
"""

from __future__ import annotations

from benchmarks.scoring import (
    category,
    finding_matches_item,
    labels_match,
    near_misses,
    score_document,
    score_triage,
)
from lkip_audit.findings import Finding, Location


def F(rule="PCT001", severity="error", page=34, table="3.20", row="Koordinasi dan Penyusunan Laporan Keuangan",
      column="REALISASI / %", actual="99,24", expected="99,40", related=()):
    return Finding(rule=rule, severity=severity, message="m", page=page, table=table, row=row, column=column,
                   expected=expected, actual=actual, related=list(related))


def item(**kw):
    base = {"id": "T001", "rule": "PCT001", "severity": "error", "table": "3.20",
            "row": "Koordinasi dan Penyusunan Laporan Keuangan", "column": "REALISASI / %",
            "printed": "99,24", "recomputed": "99,40"}
    base.update(kw)
    return base


def test_category_is_the_letters_of_the_rule():
    assert [category(r) for r in ("PCT001", "XT002", "DQ010", "DOC001")] == ["PCT", "XT", "DQ", "DOC"]


def test_labels_normalised_and_contained():
    # case, spaces and punctuation do not count; one label inside the other matches
    assert labels_match("Program  Penunjang, Urusan", "program penunjang urusan")
    assert labels_match("1. Administrasi Keuangan", "Administrasi Keuangan")
    assert not labels_match("Administrasi Keuangan", "Administrasi Umum")
    assert not labels_match(None, "Administrasi Umum")


def test_same_table_different_row_does_not_match():
    # same rule, table and values but another row: not the item
    f = F(row="Penyediaan Gaji dan Tunjangan ASN")
    assert not finding_matches_item(f, item())
    s = score_document([f], [item()])
    assert (s.recall, s.precision, len(s.false_positives)) == (0.0, 0.0, 1)


def test_row_contained_in_label_matches():
    # the tool printed a longer label (the numbering and the wrapped tail); it contains the item's row
    f = F(row="1. Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD")
    assert finding_matches_item(f, item())


def test_other_table_does_not_match():
    assert not finding_matches_item(F(table="3.21"), item())


def test_other_category_with_same_value_matches():
    # a BND finding at the item's cell printing the same value counts: same printed value
    f = F(rule="BND001", expected="<= 100")
    assert finding_matches_item(f, item())
    # another category and other values: no match
    assert not finding_matches_item(F(rule="BND001", actual="1", expected="2"), item())


def test_xt_finding_related_hits_the_item():
    # the finding sits in Tabel 2.4; its related place is the item's row in Tabel 3.13
    it = item(rule="XT001", table="3.13", row="Penyusunan Dokumen Perencanaan", column="TARGET",
              printed="1 Dokumen", recomputed="6 Dokumen")
    f = F(rule="XT001", table="2.4", row="Penyusunan Dokumen Perencanaan Perangkat Daerah", actual="6 Dokumen",
          expected="1 Dokumen",
          related=[Location(page=19, table="3.13", row="Penyusunan Dokumen Perencanaan Perangkat Daerah",
                            column="TARGET")])
    assert finding_matches_item(f, it)
    # without the related place it is another table, and the values are swapped: no match
    f.related = []
    assert not finding_matches_item(f, it)
    # the item's own related list names Tabel 2.4: matched again
    it["related"] = [{"table": "2.4", "row": "Penyusunan Dokumen Perencanaan Perangkat Daerah"}]
    assert finding_matches_item(f, it)


def test_related_only_counts_for_xt_findings():
    # a SUM finding whose related rows include the item's row is not the item
    it = item(rule="XT001", table="3.13", row="Penyediaan Bahan Logistik Kantor", printed="1", recomputed="2")
    f = F(rule="SUM002", table="3.13", row="Administrasi Umum", actual="5", expected="6",
          related=[Location(page=19, table="3.13", row="Penyediaan Bahan Logistik Kantor", column="x")])
    assert not finding_matches_item(f, it)


def test_narrative_item_matched_by_page():
    # a narrative item has no table and no row: any NAR finding on its page matches, even when
    # the tool names the table the sentence is checked against
    it = item(id="T9", rule="NAR001", table=None, row=None, column=None, page=22, text="sebesar 97,15%",
              printed="97,15", recomputed="95,15")
    assert finding_matches_item(F(rule="NAR001", page=22, table="3.18", row="Penyediaan Layanan",
                                  actual="97,15%", expected="95,15"), it)
    assert not finding_matches_item(F(rule="NAR001", page=23, table=None, row=None), it)
    # same page, another category and other values: no match
    assert not finding_matches_item(F(rule="SUM001", page=22, table=None, row=None, actual="1", expected="2"), it)


def test_uncaptioned_table_item_by_page():
    # table null but a row: a table without caption, matched on the same page and row
    it = item(table=None, table_title="Ringkasan capaian IKU", page=2, row="Angka Kematian Ibu (AKI)",
              rule="CAP001", printed="112,63", recomputed="114,80")
    assert finding_matches_item(F(rule="CAP001", page=2, table=None, row="Angka Kematian Ibu (AKI)"), it)
    assert not finding_matches_item(F(rule="CAP001", page=3, table=None, row="Angka Kematian Ibu (AKI)"), it)
    assert not finding_matches_item(F(rule="CAP001", page=2, table="3.4", row="Angka Kematian Ibu (AKI)"), it)


def test_item_matched_by_two_findings():
    # PCT001 and BND001 both report the same cell: the item is found once, both are true positives,
    # and a third finding elsewhere is the one false positive: recall 1/1, precision 2/3
    it = item()
    fs = [F(), F(rule="BND001", actual="99,24", expected="<= 100"), F(row="Penyediaan Gaji", actual="1", expected="2")]
    s = score_document(fs, [it])
    assert s.found == ["T001"] and s.matches["T001"] == [0, 1]
    assert (len(s.true_positives), len(s.false_positives)) == (2, 1)
    assert s.recall == 1.0 and abs(s.precision - 2 / 3) < 1e-12
    assert s.by_category["PCT"] == {"items": 1, "found": 1, "tp": 1, "fp": 1}
    assert s.by_category["BND"] == {"items": 0, "found": 0, "tp": 1, "fp": 0}


def test_info_findings_are_ignored():
    # an info finding at the item's cell neither finds it nor counts as a false positive
    s = score_document([F(severity="info"), F(severity="info", row="elsewhere")], [item()])
    assert s.found == [] and len(s.missed) == 1
    assert s.true_positives == [] and s.false_positives == [] and s.precision is None


def test_clean_twin_warning_is_an_alarm():
    # a clean twin has no items: a warning counts as an alarm (and a false positive), an info does not
    s = score_document([F(severity="warning"), F(severity="info")], [], clean=True)
    assert dict(s.alarms) == {"warning": 1}
    assert len(s.false_positives) == 1 and s.recall is None and s.precision == 0.0


def test_declared_unreadable_page_warning_is_coverage_not_an_alarm():
    # The sample build inserts a scanned page 31 (its layout manifest says so); the truth
    # file declares it. "page 31 could not be checked" is then neither found nor an alarm;
    # the same warning naming page 30 too (not declared) is still an alarm.
    on_31 = F(rule="DOC003", severity="warning", page=31, table=None, row=None, column=None, actual="31", expected=None)
    on_31.detail = {"pages": [31]}
    wider = F(rule="DOC003", severity="warning", page=30, table=None, row=None, column=None, actual="30, 31",
              expected=None)
    wider.detail = {"pages": [30, 31]}
    s = score_document([on_31], [], clean=True, unreadable_pages=[31])
    assert s.coverage == [on_31] and not s.alarms and not s.false_positives
    s = score_document([wider], [], clean=True, unreadable_pages=[31])
    assert dict(s.alarms) == {"warning": 1} and s.coverage == []


def test_missed_and_found_items():
    # two items, one finding for the first: recall 1/2
    a, b = item(id="A"), item(id="B", row="Penyediaan Gaji dan Tunjangan ASN", printed="1", recomputed="2")
    s = score_document([F()], [a, b])
    assert s.found == ["A"] and [m["id"] for m in s.missed] == ["B"] and s.recall == 0.5


def test_triage_matching_normalises_space_and_case():
    entry = {"rule": "SUM002", "severity": "error", "page": 41, "table": "3.4", "row": "Program  Pelayanan",
             "column": "Anggaran", "actual": "1.234.000", "expected": "1.240.000", "verdict": False}
    ok = {**entry, "row": "program pelayanan", "verdict": True, "actual": "1.000"}
    f1 = F(rule="SUM002", page=41, table="3.4", row="PROGRAM Pelayanan", column="anggaran", actual="1.234.000")
    f2 = F(rule="SUM002", page=42, table="3.4", row="PROGRAM Pelayanan", column="anggaran", actual="1.234.000")
    f3 = F(rule="SUM002", page=41, table="3.4", row="Program Pelayanan", column="Anggaran", actual="1.000")
    f4 = F(rule="SUM002", severity="info", page=41, table="3.4", row="x", column="y", actual="z")
    s = score_triage([f1, f2, f3, f4], [entry, ok])
    # f1 matches the false entry, f3 the true one, f2 (other page) is untriaged, f4 (info) not counted
    assert (s.findings, s.matched, s.judged_true) == (3, 2, 1)
    assert s.untriaged == [f2] and s.share_true == 0.5 and s.stale == []


def test_near_miss_names_the_one_differing_field():
    # the tool now prints a longer column label: one field differs, so it is a near miss (not a match);
    # a finding differing in two fields is not
    entry = {"rule": "CAP001", "page": 39, "table": "3.1", "row": "Prosentase rekomendasi",
             "column": "capaian thn lalu", "actual": "75", "verdict": False}
    f1 = F(rule="CAP001", page=39, table="3.1", row="Prosentase rekomendasi", column="capaian thn lalu 4", actual="75")
    f2 = F(rule="CAP001", page=40, table="3.1", row="Prosentase rekomendasi", column="capaian thn lalu 4", actual="75")
    s = score_triage([f1, f2], [entry])
    assert s.matched == 0 and s.stale == [entry]
    assert near_misses(s.untriaged, s.stale) == [(f1, entry, "column")]


def test_narrative_item_without_page_matched_by_value():
    # the truth builder could not place the sentence on one page: a NAR finding matches when it
    # quotes the sentence's printed value (or a value in its text), wherever it is
    it = item(id="T7", rule="NAR001", table=None, row=None, column=None, text="sebesar 97,15%",
              printed="97,15", recomputed="95,15")
    assert finding_matches_item(F(rule="NAR001", page=5, table="3.18", row="x", actual="97,15%", expected="9"), it)
    assert finding_matches_item(F(rule="NAR001", page=9, table=None, row=None, actual="97,15", expected=None), it)
    assert not finding_matches_item(F(rule="NAR001", page=5, table=None, row=None, actual="12,00", expected="13"), it)


def test_table_item_without_row_matches_any_row_of_its_table():
    # an item about a whole table (row null, table given) is reported at whatever row the tool picks
    it = item(rule="SUM001", row=None, printed="10", recomputed="12")
    assert finding_matches_item(F(rule="SUM001", row="JUMLAH", actual="10", expected="12"), it)
    assert not finding_matches_item(F(rule="SUM001", table="3.21", row="JUMLAH"), it)


def test_finding_without_row_matches_by_table_and_value():
    # the tool located the claim in Tabel 3.42 but named no row: it is the item when it prints the
    # item's value (876 printed, 478 recomputed); with other values it is not
    it = item(rule="NAR006", table="3.42", row="2024", column="I", printed="876", recomputed="478")
    assert finding_matches_item(F(rule="NAR006", table="3.42", row=None, actual="876", expected="478"), it)
    assert not finding_matches_item(F(rule="NAR006", table="3.42", row=None, actual="875", expected="470"), it)


def test_finding_without_caption_matches_on_the_items_page():
    # the tool lost Tabel 3.65's caption (table None) but reports the item's row on the item's page 73
    it = item(table="3.65", page=73, row="Administrasi Kepegawaian Perangkat Daerah", printed="92,63",
              recomputed="127,75")
    f = F(table=None, page=73, row="Administrasi Kepegawaian Perangkat Daerah", actual="92,63", expected="127,75")
    assert finding_matches_item(f, it)
    f.page = 74  # another page: another table, not the item
    assert not finding_matches_item(f, it)
    del it["page"]  # the item's page unknown: the table must be named
    f.page = 73
    assert not finding_matches_item(f, it)


def test_docx_findings_without_page():
    # a .docx finding has no page: a narrative item is then matched by value, an uncaptioned
    # table's item by row
    nar = item(id="N", rule="NAR001", table=None, row=None, column=None, page=22, text="sebesar 97,15%",
               printed="97,15", recomputed="95,15")
    assert finding_matches_item(F(rule="NAR001", page=None, table=None, row=None, actual="97,15%"), nar)
    assert not finding_matches_item(F(rule="NAR001", page=None, table=None, row=None, actual="12,00",
                                      expected="13"), nar)
    unc = item(table=None, table_title="Ringkasan capaian IKU", page=2, row="Angka Kematian Ibu (AKI)",
               rule="CAP001")
    assert finding_matches_item(F(rule="CAP001", page=None, table=None, row="Angka Kematian Ibu (AKI)"), unc)


def test_docx_narrative_item_matched_at_its_related_table():
    # bkd-word-*.docx: "dominan PNS berada pada kelompok usia 41 s.d 45" against Tabel 3.44, whose
    # largest group is 46-50 (2461 > 2340): the item names the group as the sentence does, the tool
    # quotes the table; without a page, a NAR finding at the item's related table matches
    it = item(id="T151", rule="NAR005", severity="warning", table=None, row=None, column=None, page=52,
              text="kelompok usia 41 s.d 45", printed="41 s.d 45", recomputed="46 s.d 50",
              related=[{"table": "3.44", "row": "2024", "column": "46-50", "printed": "2461"}])
    docx = dict(rule="NAR005", severity="warning", page=None, row="2024", column="41-45",
                actual="41-45 (2.340)", expected="46-50 (2.461)")
    assert finding_matches_item(F(table="3.44", **docx), it)
    assert not finding_matches_item(F(table="3.43", **docx), it)  # another table
    assert not finding_matches_item(F(table="3.44", **{**docx, "rule": "SUM003"}), it)  # another category
