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
    comparison,
    count_claims,
    count_noun,
    in_formula,
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
