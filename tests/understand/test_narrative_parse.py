"""What narrative sentences claim (lkip_audit.understand.narrative_claims, issue #14.3).

The sentences are from the seed report (../shared/seeds/000_b5fad5c8a9ade674.txt) and the
samples; every expected value is read off the sentence by hand.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lkip_audit.understand.narrative import Sentence, claims
from lkip_audit.understand.narrative_claims import (
    announced_list,
    comparison,
    count_claims,
    count_noun,
    in_formula,
    list_marker,
    mentions,
    quoted_field,
    share_pairs,
    stated_year,
)

ROOT = Path(__file__).resolve().parents[2]


def _s(text: str) -> Sentence:
    return Sentence(text=text, page=1, line=0, position=0.0)


def test_quoted_field_from_the_words_before_the_number():
    text = ("Nilai Capaian Indikator Kinerja Program adalah 103,90% dengan realisasi "
            "Rp12.634.245.217,00 atau sebesar 95,15%")
    cl = claims(text)
    # 103,90% follows "capaian ... adalah" -> capaian; the money follows "realisasi" -> the
    # realisasi in rupiah; 95,15% follows the money with "atau sebesar" -> the persen column
    fields = [quoted_field(c, cl[k - 1] if k else None, text) for k, c in enumerate(cl)]
    assert fields == ["capaian", "realisasi_rp", "persen"]


def test_a_number_in_written_arithmetic_is_an_operand():
    text = "capaian = 81,25 / 80 x 100 = 101,56%"
    cl = claims(text)
    # 81,25, 80 and 100 are operands; 101,56% ends the formula and is the result
    assert [in_formula(text, c) for c in cl] == [True, True, True, False]


def test_share_pairs():
    s = _s("sebagian besar PNS menduduki jabatan fungsional tertentu yaitu 6272 PNS atau 72,99%.")
    pairs = share_pairs(s, claims(s))
    assert [(c.text, p.text) for c, p in pairs] == [("6272", "72,99%")]


def test_count_claims_and_their_nouns():
    s = _s("untuk pencapaian 3 (tiga) sasaran dan 3 (dua) Indikator Kinerja Utama melalui 2 Program")
    cl = count_claims(s)
    assert [(c.text, count_noun(c)) for c in cl] == [("3 (tiga)", "sasaran"), ("3 (dua)", "iku"), ("2", "program")]
    # "sekitar 5 kegiatan" is not an exact count
    assert count_claims(_s("dilaksanakan sekitar 5 kegiatan")) == []


def test_stated_year():
    # the seed's executive summary of the 2024 report states its results for 2023
    assert stated_year("Dengan demikian pada tahun 2023, dari 3 (tiga) indikator kinerja", 2024) == 2023
    # a comparison with an earlier year, the report's year and a later year are not
    assert stated_year("naik dibandingkan pada tahun 2023", 2024) is None
    assert stated_year("pada tahun 2024 tercapai", 2024) is None
    assert stated_year("pada tahun 2025 ditargetkan", 2024) is None


def test_comparison_and_mentions():
    c = comparison("dominan PNS berada pada kelompok usia 41 s.d 45")
    assert c.dominant and not c.majority and bool(c)
    assert not comparison("PNS berada pada kelompok usia 41 s.d 45")
    labels = ["41-45", "46-50", "III/a"]
    # "41 s.d 45" normalises to "41-45"; "III" alone does not name "III/a". The position is in
    # " dominan pada kelompok usia 41-45 ...": 1 + len("dominan pada kelompok usia ") = 28
    assert mentions(labels, "dominan pada kelompok usia 41 s.d 45 dan golongan III") == [(28, 0)]


def test_check_kinds_name_no_rule_id_and_parse_no_sentence():
    # issue #14: a rule kind does not name rule ids; narrative parsing lives in understand/
    src = (ROOT / "lkip_audit" / "check" / "kinds" / "narrative.py").read_text(encoding="utf-8")
    assert re.findall(r"\b[A-Z]{2,3}\d{3}\b", src) == []
    # no Indonesian claim words in its code (docstrings may quote them)
    tree = ast.parse(src)
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef)) and n.body and isinstance(n.body[0], ast.Expr)}
    strings = " ".join(n.value for n in ast.walk(tree)
                       if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs)
    for word in ("didominasi", "ditargetkan", "sebesar", "yaitu", "mayoritas"):
        assert word not in strings, word


# -- lists announced by a count (issue #12 precision: list-boundary) ----------------------------


def _doc(pages: list[str]):
    from lkip_audit.extract.model import Document, Page

    return Document(
        path="x.pdf", sha256="0" * 64, page_count=len(pages),
        pages=[Page(number=i + 1, width=595, height=842, text=t) for i, t in enumerate(pages)],
        tables=[], tahun=2016,
    )


def _lists(pages: list[str]) -> list[tuple[str, int, bool]]:
    """(count as printed, items counted, doubtful) for each list a sentence announces."""
    from lkip_audit.understand.narrative import sentences

    ss = sentences(_doc(pages))
    out = []
    for n, s in enumerate(ss):
        cl = count_claims(s)
        lc = announced_list(ss, n, cl) if cl else None
        if lc is not None:
            out.append((lc.claim.text, lc.items, lc.doubt is not None))
    return out


def test_list_marker_styles():
    def mk(text):
        return list_marker(Sentence(text=text, page=1, line=0, position=0.0, bullet=True))

    assert mk("3) Pemberdayaan") == ("n)", 3)
    assert mk("10)Jambore Forum Anak") == ("n)", 10)
    assert mk("(2) Rapat Kerja") == ("(n)", 2)
    assert mk("b. Program") == ("a.", 2)
    assert mk("- Program") == ("-", None)
    assert mk("Capaian SAKIP") == ("•", None)  # a (cid:127) glyph, removed from the text
    assert list_marker(Sentence(text="3) x", page=1, line=0, position=0.0)) is None


def test_nested_list_numbered_like_its_parent_ends_at_the_parent_next_item():
    # 6_lkip_2016_full_1 p30: the programmes and their kegiatan are both numbered "1." "2."
    text = ("Berikut ini uraian pelaksanaan kegiatan Dinas tahun 2016 :\n"
            "1. Program Sumber Daya Kesehatan Yang terdiri dari 2 (dua) kegiatan, yaitu :\n"
            "1. Peningkatan dan Perluasan Fungsi Rumah Sakit Paru;\n"
            "2. Peningkatan Sarana dan Prasarana Rumah Sakit Daerah Pameungpeuk.\n"
            "2. Program Pembinaan Jasa Konstruksi Yang terdiri dari 3 (tiga) kegiatan yaitu :\n"
            "1) Peningkatan Kinerja Jasa Konstruksi;\n2) Pembinaan Teknis;\n3) Pemberdayaan Jasa Konstruksi.\n"
            "3. Program Penataan Ruang.\n")
    # items by hand: (1., 2.) under programme 1; (1), 2), 3)) under programme 2
    assert _lists([text]) == [("2 (dua)", 2, False), ("3 (tiga)", 3, False)]


def test_sub_list_of_another_style_is_not_counted_and_rp_continues_an_item():
    # 3_lkip_2016_draft p15: "2) Program ... 7 (tujuh) kegiatan, yaitu :" with items (1)-(7), one of
    # them wrapped after "Rp."; then "3) Program" (the parent's next item) ends the list
    items = "".join(f"({k}) Kegiatan {k}, dengan anggaran sebesar Rp.\n{k}00.000.000,00;\n" for k in range(1, 8))
    text = ("1) Program Perencanaan Daerah, yang dijabarkan dalam 1 (satu) kegiatan.\n"
            "2) Program Pendidikan Politik Masyarakat, yang dijabarkan dalam 7 (tujuh) kegiatan, yaitu :\n"
            + items + "3) Program Pemeliharaan Ketertiban Umum.\n")
    assert _lists([text]) == [("7 (tujuh)", 7, False)]


def test_a_list_runs_over_a_page_break_past_the_numbered_footer():
    # 6_lkip_2016_full_1 p31-32 (footer "DINAS ... II-15") and lkip_2016_bab_1_s_d_3 ("Page 17")
    def page(k, body):
        return f"LAPORAN KINERJA\n{body}\nDINAS PERMUKIMAN DAN PERUMAHAN II-{k}"

    pages = [page(1, "Pendahuluan laporan ini."), page(2, "Latar belakang."),
             page(3, "Program Penataan Ruang Yang terdiri dari 4 (empat) kegiatan, yaitu :\n"
                     "1) Penyusunan Naskah;\n2) Pengawasan Ruang;"),
             page(4, "3) Evaluasi Rencana Rinci;\n4) Kajian Kelayakan.\nDemikian uraian program.")]
    # items 1)-2) on page 3 and 3)-4) on page 4 = 4
    assert _lists(pages) == [("4 (empat)", 4, False)]


def test_a_count_that_does_not_announce_the_list_is_doubtful():
    # lakip_2016_update_22_juni_2017 p31: the list after the colon is of problems, not kegiatan
    text = ("Dari hasil pengendalian terhadap pelaksanaan 10 (Sepuluh) kegiatan APBD Tahun Anggaran 2016, "
            "secara umum dapat diidentifikasi beberapa permasalahan dan hambatan yaitu:\n"
            "1. Belum tersedianya infrastruktur jaringan.\n2. Adanya keterbatasan sumber daya manusia.\n"
            "Demikian permasalahan yang ada.\n")
    assert _lists([text]) == [("10 (Sepuluh)", 2, True)]
    # the seed's "2 (dua) Indikator Kinerja Utama Badan Kepegawaian Daerah, yaitu:" announces its list
    text = ("Hasil pengukuran pada 2 (dua) Indikator Kinerja Utama Badan Kepegawaian Daerah, yaitu:\n"
            "(cid:127) Capaian SAKIP;\n(cid:127) Indeks Profesionalitas ASN;\n(cid:127) Indeks Merit Sistem.\n"
            "Dengan demikian semuanya Baik.")
    assert _lists([text]) == [("2 (dua)", 3, False)]


def test_chapter_headings_without_the_word_bab_or_with_a_dot():
    from lkip_audit.understand.narrative import heading_part

    assert heading_part("BAB.IV") == "bab4"  # disperindag p81
    assert heading_part("BAB. I. PENDAHULUAN") == "bab1"
    assert heading_part("I. PENDAHULUAN") == "bab1"  # distan p1
    assert heading_part("II. PERENCANAAN DAN PERJANJIAN KINERJA") == "bab2"
    assert heading_part("III. AKUNTABILITAS KINERJA") == "bab3"
    assert heading_part("IV. PENUTUP") == "bab4"
    assert heading_part("I. Pendahuluan kegiatan dilakukan") is None


def test_structure_skips_toc_entries_and_finds_a_pk_titled_after_bab_iv():
    from lkip_audit.understand.structure import structure

    pages = [
        "DAFTAR ISI\nIKHTISAR EKSEKUTIF i\nBAB. I. PENDAHULUAN I - 1\nBAB. IV PENUTUP IV - 1",
        "IKHTISAR EKSEKUTIF\nRingkasan.",
        "I. PENDAHULUAN\nLatar belakang.",
        "II. PERENCANAAN DAN PERJANJIAN KINERJA\nRenstra.",
        "III. AKUNTABILITAS KINERJA\nCapaian.",
        "IV. PENUTUP\nKesimpulan.",
        "PERJANJIAN KINERJA TAHUN 2016\nKami yang bertandatangan di bawah ini.",
    ]
    st = structure(_doc(pages))
    # the table of contents on page 1 names no part; each heading's page does
    assert st.parts == {"ikhtisar": 2, "bab1": 3, "bab2": 4, "bab3": 5, "bab4": 6, "lampiran_pk": 7}


def test_a_claim_is_on_the_page_where_it_is_printed():
    # bkd-word-grid p42-43: "... sehingga Nilai Capaian Indikator Kinerja Program adalah" ends p42,
    # "103,90% dalam kata lain Melebihi Target" opens p43: the claim is read on p43
    from lkip_audit.understand.narrative import sentences

    ss = sentences(_doc([
        "BAB III AKUNTABILITAS KINERJA\nmencapai realisasi sebesar 40,00 sehingga Nilai Capaian Indikator Kinerja Program adalah",
        "103,90% dalam kata lain Melebihi Target yang telah ditetapkan. Kalimat berikutnya.",
    ]))
    s = ss[0]
    (c,) = [c for c in claims(s) if c.text == "103,90%"]
    assert (s.page, s.pages, s.page_at(0), s.page_at(c.start)) == (1, [1, 2], 1, 2)
    assert ss[1].page_at(0) == 2 and ss[1].page_breaks == []


def test_the_longer_field_keyword_wins():
    # "realisasi anggaran sebesar 89,93%" is the budget's realisation percentage, not "anggaran"
    text = "Dengan realisasi anggaran sebesar 89,93%, Dinas akan terus meningkatkan kinerja"
    (c,) = claims(text)
    assert quoted_field(c, None, text) == "persen"
    text = "dengan anggaran sebesar Rp1.000.000.000"
    (c,) = claims(text)
    assert quoted_field(c, None, text) == "anggaran"


def test_a_period_between_the_field_word_and_the_amount():
    # bab_iii_lakip_2016 p49: "realisasi anggaran s.d Triwulan IV (Bulan Desember) sebesar Rp211.205.000,00"
    text = ("dengan alokasi anggaran sebesar Rp250.000.000,00 dan realisasi anggaran s.d Triwulan IV (Bulan Desember) "
            "sebesar Rp211.205.000,00 atau 83,48%.")
    cl = claims(text)
    assert [quoted_field(c, cl[k - 1] if k else None, text) for k, c in enumerate(cl)] == [
        "anggaran", "realisasi_rp", "persen"]


def test_amounts_and_percentages_written_the_english_way():
    # lkip_bp3akb_2016 p36: "dialokasikan ... sebesar Rp.15,826,297,300.00 dan terealisasi sebesar
    # Rp.15,615,158,380 atau 98.34%": comma thousands with Rp, a dot decimal with %
    text = ("Total anggaran yang dialokasikan sebesar Rp.15,826,297,300.00 dan terealisasi sebesar "
            "Rp.15,615,158,380 atau 98.34%.")
    cl = claims(text)
    assert [(c.text, c.kind, str(c.value)) for c in cl] == [
        ("Rp.15,826,297,300.00", "money", "15826297300.00"), ("Rp.15,615,158,380", "money", "15615158380"),
        ("98.34%", "percent", "98.34")]
    assert [quoted_field(c, cl[k - 1] if k else None, text) for k, c in enumerate(cl)] == [
        "anggaran", "realisasi_rp", "persen"]
    # without its unit a number keeps the Indonesian convention: "1,234" is the decimal 1,234 and
    # "98.34" (no %) is no claim
    assert [c.text for c in claims("sebanyak 1,234 dan 98.34 orang")] == ["1,234"]
