"""benchmarks/docx_vs_pdf.py: matching findings of a .docx and its PDF, and the explained file.
Findings are built by hand."""

from __future__ import annotations

from benchmarks import docx_vs_pdf as dvp


def F(rule="SUM001", table="3.5", row="Program Penunjang", column="Realisasi", page=None, **kw):
    return {"rule": rule, "table": table, "row": row, "column": column, "page": page, **kw}


def test_same_finding_with_page_and_without_matches():
    # the PDF finding has page 14 and another section, the .docx one page None: the same finding;
    # case, spaces and punctuation of row and column and the 'Tabel' prefix do not count
    docx = [F(page=None, section="Bab III > 3.1")]
    pdf = [F(page=14, table="Tabel 3.5.", row="PROGRAM  penunjang.", column="realisasi")]
    assert dvp.diff(docx, pdf) == ([], [], 1)


def test_different_row_does_not_match():
    docx = [F(row="Program Penunjang")]
    pdf = [F(row="Program Pelayanan", page=3)]
    docx_only, pdf_only, both = dvp.diff(docx, pdf)
    assert (docx_only, pdf_only, both) == (docx, pdf, 0)


def test_different_rule_table_or_column_does_not_match():
    base = F()
    for other in (F(rule="PCT001"), F(table="3.6"), F(column="Target")):
        assert dvp.diff([base], [other]) == ([base], [other], 0)


def test_multiset_two_on_one_side_one_on_the_other():
    # the same place twice in the PDF (a row split into two), once in the .docx: one is over
    docx = [F()]
    pdf = [F(page=3), F(page=4)]
    docx_only, pdf_only, both = dvp.diff(docx, pdf)
    assert (docx_only, both) == ([], 1) and pdf_only == [pdf[1]]


def test_uncaptioned_table_known_by_its_row():
    # no caption number on either side: the row label stands for the table
    assert dvp.key(F(table=None, row="Jumlah")) == dvp.key(F(table="", row="jumlah", page=7))
    assert dvp.key(F(table=None, row="Jumlah")) != dvp.key(F(table=None, row="Total"))
    # an uncaptioned table is not a captioned one
    assert dvp.key(F(table=None)) != dvp.key(F(table="3.5"))


def test_explained_entry_matches():
    entries = [
        {"document": "bkd-word-grid", "side": "pdf-only", "rule": "SUM001", "table": "3.5",
         "row": "program penunjang", "column": "REALISASI", "reason": "the PDF splits wrapped money (extraction)"},
    ]
    f = F(page=22)
    assert dvp.explained_by("bkd-word-grid", "pdf-only", f, entries) is entries[0]
    # another document, the other side, another row: not explained
    assert dvp.explained_by("bkd-word-hrules", "pdf-only", f, entries) is None
    assert dvp.explained_by("bkd-word-grid", "docx-only", f, entries) is None
    assert dvp.explained_by("bkd-word-grid", "pdf-only", F(row="Program Lain"), entries) is None
    ex, un = dvp.split_explained("bkd-word-grid", "pdf-only", [f, F(row="Program Lain")], entries)
    assert [e for _, e in ex] == entries and un == [F(row="Program Lain")]


def test_compare_counts(tmp_path):
    # one document: one shared finding, one docx-only (explained), one pdf-only (unexplained)
    shared = F()
    d_only = F(rule="PCT001", row="Sasaran 1", column="Capaian")
    p_only = F(rule="SUM002", row="Jumlah", column="Anggaran", page=9)
    results = {"a.docx": {"error": None, "findings": [shared, d_only]},
               "a.pdf": {"error": None, "findings": [dict(shared, page=5), p_only]}}
    entries = [{"document": "a", "side": "docx-only", "rule": "PCT001", "table": "3.5", "row": "sasaran 1",
                "column": "capaian", "reason": "x"}]
    rep = dvp.compare([("a", "a.docx", "a.pdf")], results, entries)
    d = rep["documents"][0]
    assert (d["docx_findings"], d["pdf_findings"], d["both"], d["docx_only"], d["pdf_only"]) == (2, 2, 1, 1, 1)
    assert (d["explained"], d["unexplained"]) == (1, 1)
    assert [(u["side"], u["rule"]) for u in d["unexplained_differences"]] == [("pdf-only", "SUM002")]
    assert rep["totals"]["unexplained"] == 1


def test_entries_that_explain_nothing_are_counted_as_stale():
    # two entries for document a: one explains the docx-only finding, the other names a finding
    # no side has any more; an entry of a document not compared is not counted
    d_only = F(rule="PCT001", row="Sasaran 1", column="Capaian")
    results = {"a.docx": {"error": None, "findings": [d_only]}, "a.pdf": {"error": None, "findings": []}}
    live = {"document": "a", "side": "docx-only", "rule": "PCT001", "table": "3.5", "row": "Sasaran 1",
            "column": "Capaian", "reason": "x"}
    gone = {"document": "a", "side": "pdf-only", "rule": "SUM001", "table": "3.5", "row": "Jumlah",
            "column": "Anggaran", "reason": "y"}
    other = dict(gone, document="b")
    rep = dvp.compare([("a", "a.docx", "a.pdf")], results, [live, gone, other])
    assert rep["documents"][0]["explained"] == 1
    assert rep["stale_entries"] == [gone] and rep["totals"]["stale_entries"] == 1


def test_write_explained_keeps_the_opening_comment_and_the_entries(tmp_path):
    path = tmp_path / "explained.yaml"
    path.write_text("# why these differ\n# second line\nexplained:\n- {document: a, side: pdf-only, rule: X, reason: r}\n",
                    encoding="utf-8")
    keep = [{"document": "b", "side": "docx-only", "rule": "SUM001", "table": "3.5", "row": "Jumlah",
             "column": "Anggaran", "kind": "cont", "reason": "the PDF does not stitch it (extraction)"}]
    dvp.write_explained(path, keep)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# why these differ\n# second line\nexplained:\n")
    assert dvp.load_explained(path) == keep


def test_committed_explained_file_is_well_formed():
    # every entry names its document, a side, a rule and a one-line reason naming a cause
    entries = dvp.load_explained()
    assert entries
    for e in entries:
        assert e["document"] and e["side"] in dvp.SIDES and e["rule"]
        assert e["reason"].strip() and "\n" not in e["reason"].strip()
    # and a kind grouping the entries of one cause (the number of causes falls as errors are fixed
    # and their entries pruned as stale)
    assert all(str(e.get("kind") or "").strip() for e in entries)
