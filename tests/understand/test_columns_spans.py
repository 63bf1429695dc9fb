"""Column headers: changes between years, sisa anggaran, two-level headers and year spans.
Expected fields and groups are read off the headers as drawn (by hand), not from the tool."""

from __future__ import annotations

from lkip_audit.understand.columns import map_columns
from tests.tablefactory import make_table


def _roles(header, ncols_values=None):
    n = len(header[0]) if isinstance(header[0], list) else len(header)
    t = make_table(header, [["1", "Indikator A"] + ["5"] * (n - 2)])
    roles, _ = map_columns(t)
    return {r.index: (r.field, r.group) for r in roles}


def test_change_between_two_years_is_a_difference_not_the_amended_budget():
    # draf-bab3 Tabel 4: REALISASI over 2021 / 2022 / 2023, then PERUBAHAN 2022-2023
    r = _roles([["NO", "INDIKATOR KINERJA", "REALISASI", "REALISASI", "REALISASI", "PERUBAHAN 2022-2023"],
                ["NO", "INDIKATOR KINERJA", "2021", "2022", "2023", "PERUBAHAN 2022-2023"]])
    assert r[5][0] == "perubahan_tahun"
    assert [r[i] for i in (2, 3, 4)] == [("realisasi", "2021"), ("realisasi", "2022"), ("realisasi", "2023")]


def test_kenaikan_penurunan_and_sisa_are_differences():
    r = _roles(["NO", "INDIKATOR", "REALISASI 2022", "REALISASI 2023", "KENAIKAN/ PENURUNAN (%)"])
    assert r[4][0] == "perubahan_tahun"
    r = _roles(["NO", "PROGRAM / KEGIATAN / SUB KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%", "SISA ANGGARAN (Rp)"])
    assert (r[2][0], r[3][0], r[5][0]) == ("anggaran", "realisasi_rp", "selisih")


def test_perubahan_without_two_years_stays_the_amended_value():
    # PAGU MURNI | PAGU PERUBAHAN: the amended budget, not a change between years
    r = _roles([["NO", "URAIAN", "PAGU", "PAGU"], ["NO", "URAIAN", "MURNI", "PERUBAHAN"]])
    assert (r[2][0], r[3][0]) == ("murni", "perubahan")


def test_label_header_split_over_two_rows_is_one_label():
    # "INDIKATOR" over "KINERJA UTAMA" in one column: the label column, and the value
    # columns beside it take no group from it
    r = _roles([["NO", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN (%)"],
                ["", "KINERJA UTAMA", "", "", ""]])
    assert r[1] == ("indikator", None)
    assert [r[i] for i in (2, 3, 4)] == [("target", None), ("realisasi", None), ("capaian", None)]


def test_year_span_over_target_realisasi():
    # "TAHUN 2024" drawn over TARGET / REALISASI / CAPAIAN (merged: printed in its first column)
    r = _roles([["NO", "INDIKATOR", "TAHUN 2024", "", ""],
                ["", "KINERJA UTAMA", "TARGET", "REALISASI", "CAPAIAN"]])
    assert [r[i] for i in (2, 3, 4)] == [("target", "2024"), ("realisasi", "2024"), ("capaian", "2024")]


def test_centred_year_spans_over_repeated_blocks_go_to_their_own_block():
    # 2023 over columns 2-4 and 2024 over columns 5-7, each printed over its block's middle
    # column (centred text of a rule-less header): TARGET of column 5 is 2024's, not 2023's
    header = [["NO", "INDIKATOR", "", "2023", "", "", "2024", ""],
              ["", "", "TARGET", "REALISASI", "CAPAIAN", "TARGET", "REALISASI", "CAPAIAN"]]
    r = _roles(header)
    assert [r[i] for i in range(2, 8)] == [
        ("target", "2023"), ("realisasi", "2023"), ("capaian", "2023"),
        ("target", "2024"), ("realisasi", "2024"), ("capaian", "2024")]
    # the same header with each span repeated over its block (a Word table's merged cells)
    docx = [["NO", "INDIKATOR"] + ["2023"] * 3 + ["2024"] * 3, header[1]]
    assert _roles(docx) == r


def test_span_words_spread_over_year_columns_are_one_span():
    # bkd-word-noborder.pdf Tabel 2.3 (rule-less): "Target Kinerja Tujuan / Sasaran" drawn over
    # 2023-2026, its words read into the columns they lie over; "Indikator Tujuan / Sasaran"
    # split over two header rows in one column. The Word table (bkd-word-grid.docx) has the
    # same header as merged cells: the same reading is expected from both.
    pdf = [["Tujuan", "Sasaran", "Indikator Tujuan /", "Target", "Kinerja", "Tujuan / Sasaran", ""],
           ["", "", "Sasaran", "2023", "2024", "2025", "2026"]]
    docx = [["Tujuan", "Sasaran", "Indikator Tujuan / Sasaran"] + ["Target Kinerja Tujuan / Sasaran"] * 4,
            ["Tujuan", "Sasaran", "Indikator Tujuan / Sasaran", "2023", "2024", "2025", "2026"]]
    row = [["Terwujudnya ASN", "Meningkatnya Akuntabilitas", "Capaian SAKIP", "81,2 Nilai", "81,4 Nilai",
            "81,6 Nilai", "82 Nilai"]]
    got = {}
    for name, h in (("pdf", pdf), ("docx", docx)):
        roles, _ = map_columns(make_table(h, row))
        got[name] = {r.index: (r.field, r.group) for r in roles}
    # targets of four years and no realisasi: the Renstra's medium-term targets
    assert [got["pdf"][i] for i in range(3, 7)] == [
        ("target_renstra", "2023"), ("target_renstra", "2024"), ("target_renstra", "2025"), ("target_renstra", "2026")]
    assert got["pdf"][2][0] not in ("sasaran", None)  # the indicator column, not a second sasaran column
    assert got["pdf"] == got["docx"]


def test_separate_spans_over_years_are_not_joined():
    # REALISASI over 2022 and TARGET over 2023 (each printed once): two spans, not "REALISASI TARGET"
    r = _roles([["NO", "INDIKATOR", "REALISASI", "TARGET"], ["", "", "2022", "2023"]])
    assert (r[2], r[3]) == (("realisasi", "2022"), ("target", "2023"))


def test_counts_by_tingkat_are_counts_not_targets():
    # bkd-word-grid Tabel 3.4: MELEBIHI / SESUAI / TIDAK MENCAPAI TARGET over JUMLAH | %: the
    # number of indicators in each band and their share, not three target columns
    r = _roles([["NO", "MISI/SASARAN", "JUMLAH INDIKATOR SASARAN", "MELEBIHI TARGET", "MELEBIHI TARGET",
                 "SESUAI TARGET", "SESUAI TARGET", "TIDAK MENCAPAI TARGET", "TIDAK MENCAPAI TARGET"],
                ["NO", "MISI/SASARAN", "JUMLAH INDIKATOR SASARAN", "JUMLAH", "%", "JUMLAH", "%", "JUMLAH", "%"]])
    assert "target" not in {f for f, _ in r.values()}
    assert [r[i][0] for i in (3, 5, 7)] == ["jumlah"] * 3
    # one-level headers of the same counts
    r = _roles(["NO", "SASARAN", "MELEBIHI TARGET", "SESUAI TARGET", "TIDAK MENCAPAI TARGET"])
    assert [r[i][0] for i in (2, 3, 4)] == ["jumlah"] * 3
    # a plain TARGET is still the target
    assert _roles(["NO", "INDIKATOR", "TARGET", "REALISASI"])[2][0] == "target"
