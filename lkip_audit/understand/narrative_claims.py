"""What a narrative sentence claims: the parsing the narrative check kinds compare against tables.

lkip_audit.understand.narrative cuts the page text into sentences and finds the numbers in
them (claims()); this module reads what those numbers and words say (issue #14.3: check
kinds compare, they do not parse):

    readable(sentence) -> bool                 short enough to be prose, not table text run together
    quoted_field(claim, prev, text) -> str      the table field a number quotes ("capaian", "anggaran")
    in_formula(text, claim) -> bool             an operand of arithmetic written in the sentence
    whole_words(text) -> bool                   the sentence speaks of the whole ("total", "keseluruhan")
    share_pairs(sentence, claims)               "6272 PNS atau 72,99%": (count, percent) pairs
    formulas(text), formula_holds(formula)      "126,68/77 *100% = 165,00": written arithmetic and whether it holds
    budget_percentages(sentence, claims)        "anggaran Rp A, realisasi Rp R atau P%": ((R, P), A)
    budget_amounts(sentence, claims)            "anggaran Rp A ... realisasi Rp R": [(A, R, start)] per item
    count_noun(claim) -> str | None             what a count counts ("program", "kegiatan", "iku")
    list_marker(sentence) -> (style, ordinal)   the numbering of a list item ("3)" -> ("n)", 3))
    announced_list(sentences, n) -> ListClaim   "N (terbilang) kegiatan, yaitu:" and the items after it
    stated_year(text, year) -> int | None       "pada tahun 2023" naming a year before the report's
    result_words(text) -> bool                  the sentence speaks of results (capaian, realisasi ...)
    year_in_paragraph(sentences, n, year)       an earlier sentence of the paragraph names the year
    comparison(text) -> Comparison              "didominasi", "mayoritas", "lebih tinggi" ...
    label_position(label, sentence)             where the sentence names one row label
    mentions(labels, text)                      where the sentence names each label
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lkip_audit.understand.narrative import Claim, Sentence, claims, norm

MAX_WORDS = 90  # longer "sentences" are usually table text run together: not read


def readable(s: Sentence) -> bool:
    """A sentence short enough to be read as prose (longer ones are table text run together)."""
    return len(s.text.split()) <= MAX_WORDS


# --- which table field a quoted number is ----------------------------------------------

FIELD_WORDS = (
    ("nilai akhir", "nilai_akhir"),
    ("capaian", "capaian"),
    ("realisasi keuangan", "persen"),
    ("realisasi anggaran", "persen"),
    ("penyerapan", "persen"),
    ("serapan", "persen"),
    ("realisasi fisik", "fisik"),
    ("fisik", "fisik"),
    ("target", "target"),
    ("ditargetkan", "target"),
    ("realisasi", "realisasi"),
    ("anggaran", "anggaran"),
    ("pagu", "anggaran"),
)

FILLER = {
    "sebesar", "adalah", "yaitu", "mencapai", "menjadi", "senilai", "sejumlah", "nilai", "kinerja",
    "indikator", "program", "kegiatan", "sasaran", "utama", "tercatat", "hanya", "baru", "telah", "sudah",
    "sampai", "dengan", "akhir", "tahun", "anggaran", "keuangan", "fisik", "rp", "rp.", "atau", "", "-",
    "pada", "ini", "ditetapkan", "hanyalah", "tercapai", "terealisasi",
}


def _is_keyword_tail(word: str) -> bool:
    return any(word == w.split()[-1] for w, _f in FIELD_WORDS)


_TIME = re.compile(
    r"(?:\b(?:s\.\s?d\.?|s/d|sampai\s+dengan|hingga)\s+)?\b(?:triwulan|tw|semester)\s+[ivx\d]+\b"
    r"|\(\s*bulan\s+[a-z]+\s*\)", re.I)


def quoted_field(c: Claim, prev: Claim | None, text: str) -> str | None:
    """Which table field a claimed number quotes, from the words right before it."""
    if c.kind == "percent" and prev is not None and prev.kind == "money":
        between = text[prev.end:c.start].lower()
        # "Rp R atau P%", "Rp R,- atau sebesar P%", "Rp R (P%)"
        if re.fullmatch(r"\s*(?:,-|\.-)?\s*,?\s*(?:atau|yaitu|dengan persentase|dengan capaian)?\s*(?:sebesar|mencapai)?"
                        r"\s*\(?\s*", between):
            return "persen"
    after = text[c.end:c.end + 20].lower()
    if c.kind == "percent" and re.match(r"\s*dari\s+(?:total\s+)?(?:anggaran|pagu)", after):
        return "persen"
    window = c.before
    if _TIME.search(text[:c.start]):
        # "realisasi anggaran s.d Triwulan IV (Bulan Desember) sebesar Rp...": the period is no field word
        window = " ".join(_TIME.sub(" ", text[:c.start].lower()).split()[-6:])
    if c.kind == "money" and re.search(r"\bterealisasi(?:\s+(?:sebesar|senilai))?\s*$", window):
        return "realisasi_rp"  # "dan terealisasi sebesar Rp..."
    if c.kind == "money" and re.search(r"\bdialokasikan\b[^.,;:]{0,60}?(?:\b(?:sebesar|senilai))?\s*$", text[:c.start].lower()):
        return "anggaran"  # "anggaran yang dialokasikan (dari APBD ... untuk program ini) sebesar Rp..."
    if c.kind == "money" and re.search(r"\balokasi\b[^.,;:]{0,60}?\b(?:sebesar|senilai)\s*$", text[:c.start].lower()):
        return "anggaran"  # "dari alokasi Belanja Tidak Langsung sebesar Rp...", "total alokasi anggaran BP3AKB ... sebesar Rp..."
    words = window.split()
    best = None
    for n in range(len(words) - 1, -1, -1):
        tail = " ".join(words[n:])
        hit = next(((w, f) for w, f in FIELD_WORDS if tail.startswith(w) and tail[len(w):len(w) + 1] in ("", " ")), None)
        if hit is not None and n > 0:
            # the longer keyword ending on the same word: "realisasi anggaran", not "anggaran"
            longer = " ".join(words[n - 1:])
            two = next(((w, f) for w, f in FIELD_WORDS if len(w.split()) == 2 and w.split()[-1] == words[n]
                        and longer.startswith(w) and longer[len(w):len(w) + 1] in ("", " ")), None)
            if two is not None and hit[0] == words[n]:
                hit, n = two, n - 1
        if hit is not None:
            rest = words[n + len(hit[0].split()):]
            if all(x.strip(":=,") in FILLER or re.fullmatch(r"(19|20)\d\d", x) or not x.strip(":=,") for x in rest):
                best = hit
            break
        if words[n].strip(":=,") not in FILLER and not _is_keyword_tail(words[n]):
            break
    if best is None:
        return None
    fld = best[1]
    if c.kind == "money":
        if fld in ("realisasi", "persen"):
            return "realisasi_rp"
        return "anggaran" if fld == "anggaran" else None
    if c.kind == "percent" and fld in ("realisasi", "anggaran"):
        return None
    if fld == "persen" and c.kind != "percent":
        return None
    return fld


_WHOLE = re.compile(r"\b(?:total|keseluruhan|seluruh|secara\s+umum)\b", re.I)


def whole_words(text: str) -> bool:
    """The sentence speaks of the whole ("total", "keseluruhan"), not of one row."""
    return _WHOLE.search(text) is not None


def in_formula(text: str, c: Claim) -> bool:
    """A number inside arithmetic ("81,25 / 80 x 100 = 101,56%") is an operand, not a claim."""
    return bool(re.match(r"\s*[/x×*+=]\s*[\d(]", text[c.end:c.end + 6])) or bool(
        re.search(r"[/x×*+(]\s*$", text[max(0, c.start - 4):c.start]))


# --- "alokasi anggaran Rp A, realisasi Rp R atau P%" --------------------------------------

_MALFORMED_AFTER = re.compile(r"^[.,]{1,2}\d")  # "Rp.920.942..000": a number broken by a stray separator


def budget_percentages(s: Sentence, cl: list[Claim]) -> list[tuple[tuple[Claim, Claim], Claim]]:
    """((realisasi, percent), anggaran) where the sentence states a budget A, a realisation R and
    right after R "atau P%": the percentage the sentence gives of its own amounts. Only when the
    sentence names one budget amount (not murni and perubahan side by side) and one such pair."""
    fields = [quoted_field(c, cl[k - 1] if k else None, s.text) for k, c in enumerate(cl)]
    budgets = {c.value for c, f in zip(cl, fields) if c.kind == "money" and f == "anggaran"}
    pairs = [(cl[k - 1], c) for k, c in enumerate(cl)
             if k and c.kind == "percent" and fields[k] == "persen" and cl[k - 1].kind == "money"
             and fields[k - 1] == "realisasi_rp" and not c.approx]
    if len(budgets) != 1 or len(pairs) != 1:
        return _budget_triples(s, cl, fields)
    (r, pc), = pairs
    a = next(c for c, f in zip(cl, fields) if c.kind == "money" and f == "anggaran")
    for m in (r, a):
        if _MALFORMED_AFTER.match(s.text[m.end:m.end + 3]) or m.approx:
            return []
    return [((r, pc), a)]


def _budget_triples(s: Sentence, cl: list[Claim], fields: list) -> list[tuple[tuple[Claim, Claim], Claim]]:
    """A sentence stating several budgets, each followed by its realisation and "atau P%" ("alokasi
    Belanja Tidak Langsung sebesar Rp A1 terealisasi sebesar Rp R1 atau P1%. dengan demikian dari
    total alokasi anggaran sebesar Rp A2 terealisasi sebesar Rp R2 atau P2%"): ((R, P), A) of each
    run of three claims in that order; none when any amount of the sentence is broken or approximate."""
    out = []
    for k in range(len(cl) - 2):
        a, r, pc = cl[k], cl[k + 1], cl[k + 2]
        if (a.kind, fields[k], r.kind, fields[k + 1], pc.kind, fields[k + 2]) != (
                "money", "anggaran", "money", "realisasi_rp", "percent", "persen"):
            continue
        if pc.approx:
            continue
        out.append(((r, pc), a))
    if any(c.kind == "money" and (_MALFORMED_AFTER.match(s.text[c.end:c.end + 3]) or c.approx) for c in cl):
        return []
    return out


_YEAR_END = re.compile(r"\b(?:triwulan|tw)\s+(?:iv|4)\b|\bsemester\s+(?:ii|2)\b|\bdesember\b", re.I)


def budget_amounts(s: Sentence, cl: list[Claim]) -> list[tuple[Claim, Claim, int]]:
    """(anggaran, realisasi, start) of each item whose budget and realised amounts a sentence
    states, the budget first and the realisation the next amount after it ("Kegiatan X dengan
    jumlah anggaran sebesar Rp 917.000.000,00 yang terealisasi sebesar Rp 714.524.189,00 atau
    77,92%; Selanjutnya Kegiatan Y dengan jumlah anggaran ..."); `start` is where the item's text
    begins (after the previous item's realisation), so that the row it names is looked for there.
    Only amounts read for sure: none of the sentence's amounts "sekitar" or broken by a stray
    separator, no period before the year's end ("s.d. Triwulan III") that another table's
    realisation may not share ("s.d Triwulan IV (Bulan Desember)" is the whole year)."""
    if any(not _YEAR_END.search(m.group(0)) for m in _TIME.finditer(s.text)):
        return []
    fields = [quoted_field(c, cl[k - 1] if k else None, s.text) for k, c in enumerate(cl)]
    money = [(c, f) for c, f in zip(cl, fields) if c.kind == "money" and f in ("anggaran", "realisasi_rp")]
    if any(_MALFORMED_AFTER.match(s.text[m.end:m.end + 3]) or m.approx or m.value <= 0 for m, _f in money):
        return []
    out = []
    start = 0
    k = 0
    while k < len(money):
        (a, fa) = money[k]
        if fa == "anggaran" and k + 1 < len(money) and money[k + 1][1] == "realisasi_rp":
            r = money[k + 1][0]
            out.append((a, r, start))
            start = r.end
            k += 2
            continue
        start = a.end
        k += 1
    return out


# --- "126,68/77 *100% = 165,00": arithmetic written in the sentence ------------------------

_FTOK = r"\d[\d.,]*\d|\d"
_FORMULA = re.compile(
    r"(?<![\w.,/\-])(?P<a>" + _FTOK + r")\s*%?\s*/\s*(?P<b>" + _FTOK + r")\s*%?\s*"
    r"(?P<x>[x×X*]\s*100\s*%?\s*)?=\s*(?P<c>" + _FTOK + r")(?P<pct>\s*%)?(?![\w/]|[.,]\d)")


def _readings(tok: str) -> list[tuple[Decimal, int]]:
    """(value, decimals) of every plausible reading of a number written without its unit:
    "2,849" is 2849 or 2,849; "126,68" is 126,68; "1.234.567,89" one reading; a broken number none."""
    out = []
    if re.fullmatch(r"\d+", tok):
        return [(Decimal(tok), 0)]
    for th, dec in ((".", ","), (",", ".")):
        m = re.fullmatch(r"(\d{1,3}(?:" + re.escape(th) + r"\d{3})+)(?:" + re.escape(dec) + r"(\d+))?", tok)
        if m:
            out.append((Decimal(m.group(1).replace(th, "") + ("." + m.group(2) if m.group(2) else "")),
                        len(m.group(2) or "")))
        m = re.fullmatch(r"(\d+)" + re.escape(dec) + r"(\d+)", tok)
        if m:
            out.append((Decimal(m.group(1) + "." + m.group(2)), len(m.group(2))))
    return list(dict.fromkeys(out))


@dataclass
class Formula:
    """"a / b x 100 = c" written in a sentence: the operands' and result's readings and where c is."""

    text: str  # the formula as printed
    result: str  # c as printed
    start: int  # c's offsets in the sentence
    end: int
    values: list[Decimal]  # every value a / b (x 100) takes under the plausible readings of a and b
    results: list[tuple[Decimal, int]]  # the readings of c
    spans: list[tuple[Decimal, Decimal, Decimal, Decimal]] = None  # per value: its range, operands rounded / truncated


def formulas(text: str) -> list[Formula]:
    """Divisions written out with their result ("30 / 2,849 X 100% = 0,01%", "15,36/10*100 = 153,60%").
    "x 100" is assumed when the result carries "%" and the division none. Only formulas whose
    numbers all have a plausible reading (a broken "212,77,00%" is none)."""
    out = []
    for m in _FORMULA.finditer(text):
        ra, rb, rc = _readings(m.group("a")), _readings(m.group("b")), _readings(m.group("c"))
        if not ra or not rb or not rc:
            continue
        k = 100 if m.group("x") is not None or m.group("pct") is not None else 1
        vals, spans = [], []
        for a, da in ra:
            for b, db in rb:
                if b == 0:
                    continue
                # an operand with decimals may itself be rounded ([x - h, x + h)) or truncated
                # ([x, x + 2h)); one convention for operands and result (f32f7d5)
                ha, hb = (Decimal(5).scaleb(-d - 1) if d else Decimal(0) for d in (da, db))
                if b - hb <= 0:
                    continue
                vals.append(a / b * k)
                spans.append(((a - ha) / (b + hb) * k, (a + ha) / (b - hb) * k,
                              a / (b + 2 * hb) * k, (a + 2 * ha) / b * k))
        if not vals:
            continue
        out.append(Formula(m.group(0).strip(), m.group("c") + (m.group("pct") or ""), m.start("c"),
                           m.end("pct") if m.group("pct") else m.end("c"), vals, rc, spans))
    return out


def formula_holds(f: Formula) -> bool:
    """Some reading of the result is some value of the division, rounded or truncated to the
    result's decimals (a report may do either), the operands read as the intervals their
    decimals allow, in one convention (rounded: 99,90 is [99,895; 99,905) and the result rounded;
    truncated: [99,90; 99,91) and the result truncated); whole numbers are exact."""
    for rlo, rhi, tlo, thi in f.spans:
        for c, d in f.results:
            q = Decimal(1).scaleb(-d)
            # rounded: operands rounded, c from [c - q/2, c + q/2); truncated: both truncated, c from [c, c + q)
            if (rlo < c + q / 2 and rhi >= c - q / 2) or (tlo < c + q and thi >= c):
                return True
    return False


# --- "6272 PNS atau 72,99%" ------------------------------------------------------------

_SHARE = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,3}atau\s+(?:sebesar\s+|sekitar\s+)?$", re.I)


def share_pairs(s: Sentence, cl: list[Claim]) -> list[tuple[Claim, Claim]]:
    """(count, percent) pairs stating a count and its share: "6272 PNS atau 72,99%"."""
    out = []
    for k in range(len(cl) - 1):
        c, pc = cl[k], cl[k + 1]
        if c.kind not in ("count",) or pc.kind != "percent":
            continue
        if not _SHARE.match(s.text[c.end:pc.start]):
            continue
        out.append((c, pc))
    return out


# --- counts: "3 (tiga) Program" ----------------------------------------------------------

NOUNS = (
    ("sub_kegiatan", re.compile(r"^sub\s*kegiatan\b", re.I)),
    ("kegiatan", re.compile(r"^kegiatan\b", re.I)),
    ("program", re.compile(r"^program\b", re.I)),
    ("iku", re.compile(r"^(?:indikator\s+kinerja\s+utama|iku)\b", re.I)),
    ("sasaran", re.compile(r"^sasaran\b", re.I)),
)


def count_noun(c: Claim) -> str | None:
    """What a count claim counts: "program", "kegiatan", "sub_kegiatan", "iku", "sasaran" or None."""
    for name, rx in NOUNS:
        if rx.match(c.noun):
            return name
    return None


def count_claims(s: Sentence) -> list[Claim]:
    """The exact counts of programmes, kegiatan, IKU ... that a sentence states."""
    return [c for c in claims(s) if c.kind == "count" and count_noun(c) is not None and not c.approx]


@dataclass
class ListClaim:
    """A sentence announcing a list ("... 7 (tujuh) kegiatan, yaitu:") and the items after it.

    `doubt` says, in Bahasa Indonesia and in English, why the list counted may not be the one
    the number counts; None when the tie is certain."""

    claim: Claim  # the count
    items: int  # the items listed after the sentence
    doubt: tuple[str, str] | None = None


_MARK = re.compile(
    r"^\s*(?:\((?P<pn>\d{1,2})\)|(?P<n>\d{1,2})(?P<nd>[.)])|\((?P<pl>[a-z])\)|(?P<l>[a-z])(?P<ld>[.)])"
    r"|(?P<sym>[•▪●◦·\-–]))"
)


def list_marker(s: Sentence) -> tuple[str, int | None] | None:
    """The numbering of a list item: (style, ordinal), e.g. ("n)", 3) for "3) ...", ("(n)", 1) for
    "(1) ...", ("a.", 2) for "b. ...", ("-", None) for "- ..." and ("•", None) for a bullet
    glyph (removed from the text); None for a sentence that is no list item."""
    if not s.bullet:
        return None
    m = _MARK.match(s.text)
    if m is None:
        return ("•", None)
    if m.group("pn"):
        return ("(n)", int(m.group("pn")))
    if m.group("n"):
        return ("n" + m.group("nd"), int(m.group("n")))
    if m.group("pl"):
        return ("(a)", ord(m.group("pl")) - 96)
    if m.group("l"):
        return ("a" + m.group("ld"), ord(m.group("l")) - 96)
    return ("•" if m.group("sym") in "•▪●◦·" else "-", None)


# what may stand between the counted noun and the colon: the noun's qualifiers ("fixed cost",
# "Badan Kepegawaian Daerah") and the words that announce a list
_ANNOUNCE = re.compile(
    r"(?:,?\s*(?:yaitu|yakni|sebagai\s+berikut|antara\s+lain|meliputi|diantaranya|di\s+antaranya|adalah|"
    r"berupa|terdiri\s+(?:atas|dari)|berikut(?:\s+ini)?))*\s*:\s*$", re.I)
_MAX_QUALIFIER = 6  # words after the count ("kegiatan fixed cost", "IKU Badan Kepegawaian Daerah")


def _governs(s: Sentence, c: Claim) -> tuple[str, str] | None:
    """None when the count is what the colon announces; else why it may not be."""
    tail = s.text[c.end:]
    m = _ANNOUNCE.search(tail)
    rest = tail[: m.start()] if m else tail
    if "," in rest or ";" in rest or len(rest.split()) > _MAX_QUALIFIER:
        return (f"angka {c.text} tidak langsung mengumumkan daftar sesudahnya, ada bagian kalimat lain di antaranya",
                f"the number {c.text} does not itself announce the list after it, another part of the sentence "
                "stands between them")
    return None


def announced_list(sents: list[Sentence], n: int, cl: list[Claim]) -> ListClaim | None:
    """The list sentence n announces with its one count claim, or None when it announces none.

    The items are read by their numbering: the list is the run of items numbered in one style
    from 1 on ("1) 2) 3)", "(1) (2)", "a. b."); items of another style inside it are a sub-list
    and not counted; the list ends at a paragraph that is no item, at an item that breaks the
    sequence (a new "1)", the announcing item's next number), or at an item in the style of the
    announcing sentence's own numbering (the parent list's next item). Unnumbered items (bullets,
    dashes) run to the first paragraph that is no item."""
    s = sents[n]
    if not (s.text.rstrip().endswith(":") and len(cl) == 1):
        return None
    head = list_marker(s)
    items = 0
    style = None
    last = None
    cur_para = None
    doubt = None
    for t in sents[n + 1:]:
        mk = list_marker(t)
        if mk is None:
            if items and t.para == cur_para:
                continue  # the next sentence of the same item
            break
        if style is None:
            style, last = mk
            items, cur_para = 1, t.para
            if last not in (None, 1):
                doubt = ("daftar sesudahnya tidak dimulai dari nomor 1", "the list after it does not start at number 1")
            elif last is None and head is not None and head[0] == style:
                doubt = ("kalimat itu sendiri butir daftar bertanda sama dengan butir sesudahnya",
                         "the sentence is itself an item marked like the items after it")
            continue
        if mk[0] == style:
            if last is None or mk[1] == last + 1:
                items += 1
                last = mk[1]
                cur_para = t.para
                continue
            break  # a new list, or the parent list's next item
        if head is not None and mk[0] == head[0]:
            break  # the parent list's next item
        cur_para = t.para  # an item of a sub-list inside the current item
    if doubt is None and items:
        doubt = _governs(s, cl[0])
    return ListClaim(cl[0], items, doubt)


# --- years: "pada tahun 2023" ------------------------------------------------------------

YEAR = re.compile(r"(?<![\d/.\-–])((?:19|20)\d\d)(?![\d/\-–])")
_STATED = re.compile(r"\b(?:pada|di|selama|untuk)\s+tahun\s+((?:19|20)\d\d)\b(?!\s*[-–])", re.I)
_RESULT = re.compile(r"\b(capaian|realisasi|hasil|kategori|predikat|tercapai|mencapai|tercatat|sebesar|nilai)\b", re.I)
_COMPARE_BEFORE = re.compile(
    r"\b(dibandingkan|dibanding|daripada|dari|sejak|sebelum|hingga|sampai|target|renstra|rpjmd|rpd)\b[^,.;]{0,25}$", re.I)


def stated_year(text: str, year: int) -> int | None:
    """The one year a sentence states its results for ("pada tahun 2023") when it is before
    `year` and not a comparison ("dibandingkan tahun 2023"); else None."""
    years = YEAR.findall(text)
    if len(set(years)) != 1:
        return None
    m = _STATED.search(text)
    if m is None or int(m.group(1)) == year or int(m.group(1)) > year:
        return None
    if _COMPARE_BEFORE.search(text[: m.start()]):
        return None
    return int(m.group(1))


def names_year(text: str, year: int) -> bool:
    """The sentence names `year` ("pada tahun 2016", "TA 2016"), not inside a range ("2013-2018")."""
    return str(year) in YEAR.findall(text)


def year_in_paragraph(sents: list[Sentence], n: int, year: int) -> bool:
    """An earlier sentence of sentence n's paragraph names `year`: the paragraph is about that year,
    so another year named in sentence n may be a deliberate comparison."""
    s = sents[n]
    k = n - 1
    while k >= 0 and sents[k].para == s.para:
        if names_year(sents[k].text, year):
            return True
        k -= 1
    return False


def result_words(text: str) -> bool:
    """The sentence speaks of results (capaian, realisasi, kategori ...)."""
    return _RESULT.search(text) is not None


# --- comparisons: "didominasi", "mayoritas", "lebih tinggi" -------------------------------

_DOMINANT = re.compile(r"\b(didominasi|dominan|terbanyak|terbesar|paling\s+banyak|tertinggi)\b", re.I)
_MAJORITY = re.compile(r"\b(mayoritas|sebagian\s+besar)\b", re.I)
_HIGHER = re.compile(r"\blebih\s+(tinggi|besar|banyak)\b", re.I)
_LOWER = re.compile(r"\blebih\s+(rendah|kecil|sedikit)\b", re.I)


@dataclass(frozen=True)
class Comparison:
    dominant: bool = False  # "didominasi", "terbanyak": the named categories are the largest
    majority: bool = False  # "mayoritas", "sebagian besar": more than half
    higher: bool = False  # "lebih tinggi": the first named exceeds the second
    lower: bool = False  # "lebih rendah": the first named is below the second

    def __bool__(self) -> bool:
        return self.dominant or self.majority or self.higher or self.lower


def comparison(text: str) -> Comparison:
    return Comparison(
        dominant=_DOMINANT.search(text) is not None,
        majority=_MAJORITY.search(text) is not None,
        higher=_HIGHER.search(text) is not None,
        lower=_LOWER.search(text) is not None,
    )


def label_position(label_norm: str, sentence_norm: str) -> int | None:
    """Where the sentence (normalised) names a label (normalised) as whole words, or None."""
    m = re.search(r"(?<![\w/])" + re.escape(label_norm) + r"(?![\w/])", sentence_norm)
    return None if m is None else m.start()


def mentions(labels: list[str], text: str) -> list[tuple[int, int]]:
    """(position in the sentence, label index) of every label the sentence names."""
    snorm = " " + norm(text) + " "
    found = []
    for k, lab in enumerate(labels):
        ln = norm(lab)
        if not ln:
            continue
        for m in re.finditer(r"(?<![\w/\-])" + re.escape(ln) + r"(?![\w/\-])", snorm):
            found.append((m.start(), k))
    found.sort()
    # a label inside a longer one ("S1" in nothing; "III" in "III/a" is excluded by the lookarounds)
    return found
