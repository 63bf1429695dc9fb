"""Narrative claims and document parts on the real published LKIPs in ../shared/real/ (issue #12
precision: list-boundary, heading-style, page-furniture, narrative-misread).

Every expected count was read off the rendered page (``pdftoppm -f P -l P -r 80``) by counting
the items printed; none comes from what the tool prints. The files are not in the repository:
each test skips with a message where they are absent.
"""

from __future__ import annotations

from tests.real.shared import real_audit


_audit = real_audit


def _lists(name: str, first: int, last: int) -> list[tuple[int, str, int]]:
    """(page, count as printed, items counted) of each list announced on pages first..last."""
    from lkip_audit.understand.narrative import narrative
    from lkip_audit.understand.narrative_claims import announced_list, count_claims

    doc = _audit(name).document
    ss = narrative(doc).sentences
    out = []
    for n, s in enumerate(ss):
        if not first <= s.page <= last:
            continue
        cl = count_claims(s)
        lc = announced_list(ss, n, cl) if cl else None
        if lc is not None and lc.items:
            out.append((s.page, lc.claim.text, lc.items))
    return out


def _nar(name: str, rule: str = "NAR002", page: int | None = None):
    return [f for f in _audit(name).findings if f.rule == rule and (page is None or f.page == page)]


FULL1 = "6_lkip_2016_full_1.pdf"


def test_programme_lists_numbered_like_their_items_are_counted_per_programme():
    # 6_lkip_2016_full_1 p30-34: "N. Program ... Yang terdiri dari K (..) kegiatan, yaitu :" and the
    # kegiatan numbered "1." or "1)" under it. Counted on the pages: programme 1: 2 items (1.-2.);
    # 2: 24 (1)-24), p30-31); 3: 3; 4: 11 (1)-9) on p31, 10)-11) on p32); 5: 1; 6: 13; 7: 2
    # ((1)-(2)); 8: 4; 10: 4; 11: 4; 12: 1; 13: 1 (heading split by the footer "... II-17"); 14: 1.
    # (programme 9 ends "yaitu" without a colon.) Every claim equals its list.
    got = _lists(FULL1, 30, 34)
    assert [(t, k) for _p, t, k in got] == [
        ("2 (dua)", 2), ("24 (dua puluh enam)", 24), ("3 (tiga)", 3), ("11 (sebelas)", 11), ("1 (satu)", 1),
        ("13 (tiga belas)", 13), ("2 (dua)", 2), ("4 (empat)", 4), ("4 (empat)", 4), ("4 (empat)", 4),
        ("1 (satu)", 1), ("1 (satu)", 1), ("1 (satu)", 1),
    ]
    assert _nar(FULL1) == []
    # the one real slip stays: "24 (dua puluh enam)" writes 24 in digits and 26 in words
    (f,) = _nar(FULL1, "NAR003")
    assert (f.page, f.actual, f.expected, f.severity) == (30, "24 (dua puluh enam)", "26", "error")


def test_sub_lists_with_amounts_wrapped_after_rp():
    # 3_lkip_2016_draft p15: "1) Program Perencanaan ... 2(dua) kegiatan, yaitu :" with (1)-(2);
    # "2) Program Pendidikan Politik Masyarakat ... 7 (tujuh) kegiatan, yaitu :"
    # with (1)-(7), items (4) and (7) wrapped after "Rp." (376.800.000,00 and 419.940.000,00 on the
    # next line); p16: "6) Program Peningkatan Sarana ... 2 (dua) kegiatan" with (1)-(2), then "7)
    # Program" (the parent list's next item); p15-16: "3) Program ... 8(delapan) kegiatan" with
    # (1)-(8) across the footer "LKIPTahun 2016Badan Kesbangpol Prov. Jawa Barat 15"
    got = _lists("3_lkip_2016_draft.pdf", 15, 16)
    assert got == [(15, "2(dua)", 2), (15, "7 (tujuh)", 7), (15, "8(delapan)", 8), (16, "2 (dua)", 2)]
    assert _nar("3_lkip_2016_draft.pdf") == []


def test_glued_item_numbers_over_a_page_break():
    # lkip_bp3akb_2016 p36-37: "dijabarkan dalam 17 kegiatan yaitu :" with 1)-7) on p36 and 8), 9),
    # "10)Jambore Forum Anak" ... "17)P2TP2A ..." (no space after the number) on p37 = 17 items;
    # p26: "terdiri dari 4 kegiatan :" with 1)-4), then the next sasaran's list restarts at 1)
    got = _lists("lkip_bp3akb_2016.pdf", 26, 37)
    assert (26, "4", 4) in got and (36, "17", 17) in got
    assert [f for f in _nar("lkip_bp3akb_2016.pdf") if f.severity in ("error", "warning")] == []


def test_a_count_that_does_not_announce_the_list_is_at_most_info():
    # lakip_2016_update_22_juni_2017 p31: "pelaksanaan 10 (Sepuluh) kegiatan APBD ... beberapa
    # permasalahan dan hambatan yaitu:" - the list is of problems; bab_iii_lkip_2016 p5-6: "mencakup
    # 9 sasaran dengan 23 indikator sasaran, ... sebagai berikut :" followed by a breakdown by score
    for name in ("lakip_2016_update_22_juni_2017.pdf", "bab_iii_lkip_2016.pdf"):
        fs = _nar(name)
        assert fs and all(f.severity == "info" for f in fs), name
        assert all([d["code"] for d in f.detail["doubt"]] == ["referent"] for f in fs)


def test_page_number_footer_is_not_read_as_a_count():
    # lkip_2016_bab_1_s_d_3 p17: the footer "Page 17" sits between "Adapun" and "program-program
    # yang dilaksanakan ... adalah :"; the sentence claims no count
    from lkip_audit.understand.narrative import narrative

    doc = _audit("lkip_2016_bab_1_s_d_3.pdf").document
    assert not [s for s in narrative(doc).sentences if "Page 1" in s.text]
    assert _nar("lkip_2016_bab_1_s_d_3.pdf") == []


def test_chapter_headings_in_other_styles():
    from lkip_audit.understand.structure import structure

    # disperindag p81: the boxed "BAB.IV" over "Penutup"; p84 (the back cover) follows, no appendix
    st = structure(_audit("3_lkip_tahun_2016_disperindag_jabar.pdf").document)
    assert st.parts["bab4"] == 81 and st.parts["lampiran_pk"] is None
    # distan: "I. PENDAHULUAN" p1, "II. PERENCANAAN DAN PERJANJIAN KINERJA" p5, "III. AKUNTABILITAS
    # KINERJA" p15, "IV. PENUTUP" p53, and "PERJANJIAN KINERJA TAHUN 2016" p62 (signed, no LAMPIRAN word)
    st = structure(_audit("lkip_distan_2016.pdf").document)
    assert st.parts == {"ikhtisar": None, "bab1": 1, "bab2": 5, "bab3": 15, "bab4": 53, "lampiran_pk": 62}
    # bpbd p7 is the Daftar Isi ("BAB. I. PENDAHULUAN I - 1", no dot leaders); the chapters begin on
    # p8, p41, p57 and p69, and the file ends on p73 (IV-5, the signature) without a Lampiran
    st = structure(_audit("lkip_bpbd_2016.pdf").document)
    assert st.parts == {"ikhtisar": 2, "bab1": 8, "bab2": 41, "bab3": 57, "bab4": 69, "lampiran_pk": None}


def test_another_year_quoted_on_purpose_is_info():
    # 3_lkip_2016_draft p34 (Bab IV): the paragraph opens "Dari sembilan indikator kinerja yang
    # ditetapkan pada tahun 2016 ... tidak ditargetkan pada tahun 2016 dikarenakan tidak adanya
    # penyelenggaraan Pemilu", then "partisipasi masyarakat pada tahun 2015 sebesar 85%"
    (f,) = _nar("3_lkip_2016_draft.pdf", "NAR004", 34)
    assert (f.severity, f.actual, f.expected) == ("info", "2015", "2016")


def test_a_percentage_that_does_not_fit_its_own_amounts():
    # lkip_bpbd_2016 p54-55 (items (1)-(14), each "alokasi anggaran Rp A ... realisasi Rp R atau P%",
    # recomputed by hand from the page): (7) 860.924.000 / 866.800.000 = 99,32 printed 99,35, and
    # (11) 649.452.500 / 660.180.000 = 98,38 printed 96,38; the other twelve fit. Bab III's boxes of
    # text (p61-65, read as sentences since prose_box): p63 (12) 178.225.000 / 186.250.000 = 95,69
    # printed 95,71%; p64 (1) 324.281.000 / 528.600.000 = 61,35 printed 64,75%; the others fit
    fs = [f for f in _nar("lkip_bpbd_2016.pdf", "NAR001") if f.detail["tie"]["method"] == "own-amounts"]
    assert sorted((f.page, f.actual, f.expected) for f in fs) == [
        (54, "99,35%", "99,32"), (55, "96,38 %", "98,38"), (63, "95,71%", "95,69"), (64, "64,75%", "61,35")]


def test_own_amounts_with_the_period_named():
    # bab_iii_lakip_2016 p49 items 20) and 21) (looked at): 211.205.000 / 250.000.000 = 84,48 printed
    # 83,48%; 128.960.000 / 142.500.000 = 90,50 printed 100%; items 22)-24) fit
    fs = [f for f in _nar("bab_iii_lakip_2016.pdf", "NAR001", 49) if f.detail["tie"]["method"] == "own-amounts"]
    assert sorted((f.actual, f.expected) for f in fs) == [("100%", "90"), ("83,48%", "84,48")]


def test_own_amounts_written_the_english_way():
    # disperindag p55 D.3: Rp. 563,702,586.00 / Rp. 619,884,500.00 = 90,94 printed 92.94%; p72 M.11:
    # Rp. 178,309,453.00 / Rp. 200,000,000.00 = 89,155 printed 98.15%; p61: 395,598,663 / 400,000,000 =
    # 98,8997 printed 98.91% (the triage's missed entries, recomputed from the pages)
    fs = [f for f in _nar("3_lkip_tahun_2016_disperindag_jabar.pdf", "NAR001")
          if f.detail["tie"]["method"] == "own-amounts"]
    assert sorted((f.page, f.actual, f.expected) for f in fs) == [
        (55, "92.94%", "90,94"), (61, "98.91%", "98,90"), (72, "98.15%", "89,15")]


def test_own_amounts_with_words_between_the_allocation_and_its_amount():
    # lkip_bp3akb_2016 p36: "Total anggaran yang dialokasikan dari APBD Provinsi Jawa Barat untuk program
    # ini sebesar Rp.15,826,297,300.00 dan terealisasi sebesar Rp.15,615,158,380 atau 98.34%":
    # 15,615,158,380 / 15,826,297,300 x 100 = 98,666 (Tabel 3.2a prints 98.67)
    fs = [f for f in _nar("lkip_bp3akb_2016.pdf", "NAR001", 36) if f.detail["tie"]["method"] == "own-amounts"]
    assert [(f.actual, f.expected, f.severity) for f in fs] == [("98.34%", "98,67", "error")]
