"""The narrative: sentences of the page text, the numeric claims in them, and their ties to tables.

    sentences(doc) -> list[Sentence]        page text without table lines, running headers/footers
    claims(sentence) -> list[Claim]          numbers with what they quantify
    number_words(text) -> int | None         "delapan puluh sembilan" -> 89
    table_spans(doc) -> dict[table id, Span] where each table sits in the page text
    tie_row(sentence, doc, tables) -> RowTie | None
    narrative(doc, tables) -> Narrative      all of the above, computed once

A tie says how a claim was connected to a table ("named": the sentence names the
table; "label-above": the nearest table above the sentence has a row whose label
the sentence names; "anchors": other numbers of the sentence equal cells of one row)
and with what confidence. The check stage reports only confident ties: a doubtful
claim is left alone rather than reported wrongly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from lkip_audit.extract.model import Document, Table
from lkip_audit.numbers import ParsedNumber, parse_number

# --- Indonesian number words: lkip_audit/numbers.py, the words in rules/vocabulary/number_words.yaml

from lkip_audit.numbers import number_words  # noqa: E402,F401


# --- model ----------------------------------------------------------------------


@dataclass
class Sentence:
    text: str  # whitespace-normalised, hyphenation at line ends removed
    page: int  # page where it starts (1-based)
    line: int  # index of its first line in that page's text lines
    position: float  # approximate vertical position on the page, 0 (top) .. 1 (bottom)
    pages: list[int] = field(default_factory=list)  # every page it is printed on
    part: str | None = None  # the document part it belongs to: "ikhtisar", "bab1".."bab4", "lampiran"
    bullet: bool = False  # a list item ("• ...", "a. ...")
    index: int = 0  # order in the document
    para: int = 0  # the paragraph (or list item) it belongs to
    page_breaks: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, page) where a page begins

    def page_at(self, offset: int) -> int:
        """The page on which the character at `offset` of the text is printed."""
        page = self.page
        for off, p in self.page_breaks:
            if off > offset:
                break
            page = p
        return page


@dataclass
class Claim:
    text: str  # the number as printed ("97,15%", "Rp12.634.245.217,00", "3 (dua)")
    value: Decimal
    kind: str  # "money" | "percent" | "count" | "number"
    start: int  # character offsets in the sentence
    end: int
    parsed: ParsedNumber
    words: str | None = None  # "dua" of "3 (dua)"
    words_value: int | None = None
    approx: bool = False  # "sekitar", "kurang lebih", "hampir"
    noun: str = ""  # the words right after the number ("PNS", "Program", "Kegiatan")
    before: str = ""  # lower-cased words right before the number


@dataclass(frozen=True)
class Span:
    """Where a table sits in the page text: (page, line) of its first and last line."""

    start: tuple[int, int]
    end: tuple[int, int]


@dataclass
class RowTie:
    table: Table
    row: int | None  # body row index; None for a tie to the table as a whole
    method: str  # "named" | "label-above" | "anchors" | "nearest-above"
    confidence: str  # "high" | "medium"
    label: str = ""  # the label as the sentence names it
    anchors: list[tuple[int, int]] = field(default_factory=list)  # (claim index, column index) that agree

    def describe(self) -> dict:
        return {
            "method": self.method,
            "confidence": self.confidence,
            "table": self.table.number or self.table.id,
            "row": self.row,
            "label": self.label,
            "anchors": [{"claim": c, "column": j} for c, j in self.anchors],
        }


@dataclass
class Narrative:
    sentences: list[Sentence]
    spans: dict[str, Span]


# --- sentences --------------------------------------------------------------------

_TOKEN_STRIP = " \t,.;:()[]\"'“”"
_BULLET = re.compile(r"^\s*(?:(?:\(cid:\d+\)|[•▪●◦·\-–]|[a-z][.)]|\(\d{1,2}\)|\d{1,2}[.)])\s+|\d{1,2}\)(?=[A-Z]))")
# an item ending in "Rp." continues on the next line with the amount
_OPEN_END = re.compile(r"\bRp\.?\s*$")
_HEADING = re.compile(
    r"^\s*(?:BAB\s+[IVX]+\b|IKHTISAR\s+EKSEKUTIF|KATA\s+PENGANTAR|DAFTAR\s+ISI|LAMPIRAN\b|"
    r"\d+(?:\.\d+)+\.?\s+\S|[A-H]\.\s+[A-Z])"
)
_TERMINAL = re.compile(r"[.!?:;]\s*$")
_ABBREV = re.compile(
    r"(?:\b(?:Rp|No|Dr|dr|Ir|Wr|Wb|Hj|H|S\.Pd|M\.Si|dll|dsb|dkk|hal|Hal|Tabel|Kab|Prov|Jl|Kec|Ds|s\.d|s/d|a\.n|u\.p|St|Drs|Sdr|Tbk|NIP|Bpk|Ibu)\.|\b[A-Za-z]\.)$"
)


def _tokens(s: str) -> list[str]:
    out = []
    for t in s.split():
        t = t.strip(_TOKEN_STRIP)
        if t:
            out.append(t)
    return out


def _table_tokens(t: Table) -> dict[int, set[str]]:
    by_page: dict[int, set[str]] = {p: set() for p in t.pages}
    header = set()
    for hr in t.header_rows:
        for c in hr:
            header.update(_tokens(c.text))
    for col in t.columns:
        header.update(_tokens(col))
    caption = set(_tokens(f"Tabel. {t.number or ''}. {t.title}")) | {"Tabel", "Tabel."}
    for r in t.rows:
        for c in r.cells:
            by_page.setdefault(c.page, set()).update(_tokens(c.text))
    for p in by_page:
        by_page[p] |= header
    if t.pages:
        by_page[t.pages[0]] |= caption
    return by_page


def _page_lines(doc: Document) -> dict[int, list[str]]:
    return {p.number: [ln for ln in (p.text or "").splitlines()] for p in doc.pages}


def _running_lines(doc: Document) -> set[str]:
    """Lines printed on many pages: running headers and footers."""
    if len(doc.pages) < 4:
        return set()
    cnt = Counter()
    for p in doc.pages:
        for ln in set(" ".join(x.split()) for x in (p.text or "").splitlines()):
            if ln:
                cnt[ln] += 1
    return {ln for ln, n in cnt.items() if n >= max(3, len(doc.pages) // 4)}


_FURNITURE_EDGE = 3  # page furniture sits among the first or last lines of a page
_DIGITS = re.compile(r"\d+")
_NOT_FURNITURE = re.compile(r"^\s*(?:tabel|gambar|grafik|bab|lampiran)\b", re.I)


def _numbered_furniture(doc: Document) -> set[str]:
    """Running headers and footers that carry the page number ("Page 17", "LKIP 2016 ... | II - 14"):
    lines at the top or bottom of many pages that are the same once their numbers are blanked."""
    if len(doc.pages) < 4:
        return set()
    cnt = Counter()
    for p in doc.pages:
        lines = [" ".join(x.split()) for x in (p.text or "").splitlines()]
        lines = [x for x in lines if x]
        edge = lines[:_FURNITURE_EDGE] + lines[-_FURNITURE_EDGE:]
        forms = {_DIGITS.sub("#", x) for x in edge if _DIGITS.search(x) and any(c.isalpha() for c in x)
                 and len(x.split()) <= 12 and not _NOT_FURNITURE.match(x)}
        for f in forms:
            cnt[f] += 1
    return {f for f, n in cnt.items() if n >= max(3, len(doc.pages) // 4)}


def _furniture_lines(doc: Document) -> dict[int, set[int]]:
    """Per page, the indices of its numbered running header/footer lines."""
    forms = _numbered_furniture(doc)
    out: dict[int, set[int]] = {}
    if not forms:
        return out
    for p in doc.pages:
        raw = (p.text or "").splitlines()
        nonempty = [i for i, x in enumerate(raw) if x.strip()]
        edge = set(nonempty[:_FURNITURE_EDGE] + nonempty[-_FURNITURE_EDGE:])
        hits = {i for i in edge if _DIGITS.sub("#", " ".join(raw[i].split())) in forms}
        if hits:
            out[p.number] = hits
    return out


def _covered(toks: list[str], tt: set[str]) -> bool:
    return bool(toks) and sum(1 for x in toks if x in tt) / len(toks) >= 0.85


_MARK_TOKEN = re.compile(r"\(?\d{1,2}[.)]?|\(?[a-z][.)]|[(•▪●◦·\-–]+")


def _marks_only(text: str) -> bool:
    """Nothing but list markers ("(1)", "7)", "a.", "•", "( ( (") or blank: no text of its own."""
    return all(_MARK_TOKEN.fullmatch(tok) for tok in text.split())
_RP_AMOUNT = re.compile(r"Rp\.?\s?\d")


def prose_box(t: Table) -> bool:
    """A framed or shaded box of running text that the extractor read as a table (lkip_bpbd_2016.pdf
    p62-65: "(1) Kegiatan ..., dengan alokasi anggaran sebesar Rp. 528.600.000,- realisasi anggaran
    sebesar Rp. 324.281.000,- atau 64,75%" in a blue box, one line per row). Its lines are sentences.

    Read as a box when no cell is a number of its own (list markers "(1)", "a." aside), at least
    60 % of its rows have one cell of text, it holds >= 40 words and a rupiah amount written in
    its text (the figures a narrative check reads). A Word table is what its author made a table."""
    rows = [[c.text.strip() for c in r.cells] for r in t.rows]
    texts = [x for r in rows for x in r if x and not _marks_only(x)]
    if not texts or any(parse_number(x).value is not None for x in texts):
        return False
    single = sum(1 for r in rows if sum(1 for x in r if x and not _marks_only(x)) <= 1)
    if single < 0.6 * len(rows):
        return False
    heads = [c for c in t.columns if c and not _marks_only(c)]
    words = sum(len(x.split()) for x in texts + heads)
    return words >= 40 and _RP_AMOUNT.search(" ".join(texts + heads)) is not None


def _table_lines(doc: Document, lines: dict[int, list[str]]) -> tuple[dict[int, dict[int, str]], dict[str, Span]]:
    """For each page, the lines that belong to a table (line index -> table id), and each table's span.

    Tables on a page are printed in order (a table continued from the previous page first, then
    the tables starting on the page in the order of their ids); each is one block of lines whose
    words are the table's own. The blocks are found one after the other, so that consecutive
    tables with the same header are told apart."""
    owner: dict[int, dict[int, str]] = {}
    spans: dict[str, Span] = {}
    per_page: dict[int, list[tuple[tuple, str, set[str]]]] = {}
    # A Word document: its reader knows each table's lines exactly (a chapter is one page, so
    # a heading that repeats a row label must not be taken for the table's first line).
    for tid, (p, first, last) in ((getattr(doc, "outline", None) or {}).get("table_lines") or {}).items():
        for k in range(first, last + 1):
            owner.setdefault(p, {})[k] = tid
        spans[tid] = Span((p, first), (p, last))

    def order_key(t: Table, p: int) -> tuple:
        m = re.match(r"p(\d+)-t(\d+)", t.id)
        k = (int(m.group(1)), int(m.group(2))) if m else (t.pages[0] if t.pages else 0, 0)
        return (0 if t.pages and t.pages[0] < p else 1, k)

    for t in doc.tables:
        if t.id in spans or prose_box(t):
            continue
        for p, toks in _table_tokens(t).items():
            per_page.setdefault(p, []).append((order_key(t, p), t.id, toks))
    for p, cands in per_page.items():
        cands.sort(key=lambda x: x[0])
        plines = [_tokens(ln) for ln in lines.get(p, [])]
        pos = 0
        for _k, tid, tt in cands:
            i = pos
            while i < len(plines) and not _covered(plines[i], tt):
                i += 1
            if i >= len(plines):
                continue
            first = last = i
            j = i + 1
            while j < len(plines):
                if _covered(plines[j], tt) or not plines[j]:
                    last = j
                    j += 1
                elif j + 1 < len(plines) and _covered(plines[j + 1], tt) and len(plines[j]) <= 4:
                    j += 1  # one short line the table's words do not cover (a cell split oddly)
                else:
                    break
            for k in range(first, last + 1):
                owner.setdefault(p, {})[k] = tid
            sp = spans.get(tid)
            spans[tid] = Span((p, first), (p, last)) if sp is None else Span(min(sp.start, (p, first)), max(sp.end, (p, last)))
            pos = last + 1
    for t in doc.tables:  # a table none of whose lines were found: its first page, top
        if t.id not in spans and t.pages and not prose_box(t):
            spans[t.id] = Span((t.pages[0], 0), (t.pages[-1], 0))
    return owner, spans


_PARTS = (
    ("ikhtisar", re.compile(r"^\s*IKHTISAR\s+EKSEKUTIF\b|^\s*RINGKASAN\s+EKSEKUTIF\b", re.I)),
    ("pengantar", re.compile(r"^\s*KATA\s+PENGANTAR\b", re.I)),
    ("daftar", re.compile(r"^\s*DAFTAR\s+(ISI|TABEL|GAMBAR)\b", re.I)),
    # "BAB I", "BAB.IV"; or the chapter's number and title without the word BAB ("I. PENDAHULUAN")
    ("bab1", re.compile(r"^\s*BAB(?:\s*\.\s*|\s+)(I|1)\b(?!\s*[-–])|^\s*I\.\s*PENDAHULUAN\b")),
    ("bab2", re.compile(r"^\s*BAB(?:\s*\.\s*|\s+)(II|2)\b|^\s*II\.\s*PERENCANAAN\b")),
    ("bab3", re.compile(r"^\s*BAB(?:\s*\.\s*|\s+)(III|3)\b|^\s*III\.\s*AKUNTABILITAS\b")),
    ("bab4", re.compile(r"^\s*BAB(?:\s*\.\s*|\s+)(IV|4)\b|^\s*IV\.\s*PENUTUP\b")),
    ("lampiran", re.compile(r"^\s*LAMPIRAN\b")),
)


def heading_part(line: str) -> str | None:
    """The document part a heading line opens, or None."""
    s = " ".join(line.split())
    if not s or len(s) > 80:
        return None
    for name, rx in _PARTS:
        if rx.match(s):
            # only headings: upper case or short
            if name in ("ikhtisar", "pengantar", "daftar", "lampiran") and not s.split()[0].isupper():
                return None
            return name
    return None


def _dehyphen_join(a: str, b: str) -> str:
    if a.endswith("-") and b[:1].islower() and len(a) > 1 and a[-2].isalpha():
        return a[:-1] + b
    return a + " " + b if a else b


def _split(text: str) -> list[tuple[int, int]]:
    """Sentence spans in a paragraph: split after . ! ? followed by space and a capital/bullet."""
    out = []
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z(\u2022])", text):
        end = m.end()
        head = text[start:end]
        if _ABBREV.search(head):
            continue
        # "Rp12.634.245.217,00." is fine; "1." numbering at the very start is not an end
        if re.fullmatch(r"\s*\d{1,2}\.", head):
            continue
        out.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def sentences(doc: Document, spans_out: dict | None = None) -> list[Sentence]:
    """The document's sentences in reading order, without table lines and running headers/footers.

    A paragraph that continues on the next page stays one sentence; list items and
    headings start new units."""
    lines = _page_lines(doc)
    running = _running_lines(doc)
    furniture = _furniture_lines(doc)
    owner, spans = _table_lines(doc, lines)
    if spans_out is not None:
        spans_out.update(spans)
    # paragraphs: (text, page, line, n_lines_on_page, pages, bullet, part)
    paras: list[dict] = []
    cur: dict | None = None
    part = None

    def flush():
        nonlocal cur
        if cur is not None and cur["text"].strip():
            paras.append(cur)
        cur = None

    for p in doc.pages:
        plines = lines.get(p.number, [])
        n = max(1, len(plines))
        for i, raw in enumerate(plines):
            ln = " ".join(raw.split())
            if not ln:
                continue
            if ln in running or re.fullmatch(r"\d{1,3}|[ivxlc]{1,6}", ln) or i in furniture.get(p.number, ()):
                continue
            if i in owner.get(p.number, {}):
                flush()
                continue
            hp = heading_part(ln)
            if hp is not None:
                flush()
                part = hp
                paras.append({"text": ln, "page": p.number, "line": i, "n": n, "pages": [p.number],
                              "bullet": False, "part": part, "heading": True, "marks": [(0, p.number, i, n)]})
                continue
            letters = [c for c in ln if c.isalpha()]
            if _HEADING.match(ln) and letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
                flush()
                paras.append({"text": ln, "page": p.number, "line": i, "n": n, "pages": [p.number],
                              "bullet": False, "part": part, "heading": True, "marks": [(0, p.number, i, n)]})
                continue
            bullet = bool(_BULLET.match(ln))
            new_unit = (
                cur is None or bullet or bool(_HEADING.match(ln))
                or cur["text"].rstrip().endswith(":")
                or (cur["bullet"] and _TERMINAL.search(cur["text"]) is not None
                    and _OPEN_END.search(cur["text"]) is None)
            )
            if new_unit:
                flush()
                text = _BULLET.sub("", ln, count=1) if bullet and ln.startswith("(cid:") else ln
                cur = {"text": text, "page": p.number, "line": i, "n": n, "pages": [p.number],
                       "bullet": bullet, "part": part, "heading": False, "marks": [(0, p.number, i, n)]}
                continue
            joined = _dehyphen_join(cur["text"], ln)
            cur["marks"].append((len(joined) - len(ln), p.number, i, n))
            cur["text"] = joined
            if p.number not in cur["pages"]:
                cur["pages"].append(p.number)
        # a paragraph running to the page end continues on the next page
    flush()

    out: list[Sentence] = []
    for pno, para in enumerate(paras):
        text = para["text"]
        if para.get("heading"):
            continue
        for a, b in _split(text):
            s = text[a:b].strip()
            if not s:
                continue
            marks = para["marks"]
            first = max((m for m in marks if m[0] <= a), key=lambda m: m[0], default=marks[0])
            last = max((m for m in marks if m[0] < b), key=lambda m: m[0], default=first)
            pages = sorted({m[1] for m in marks if first[0] <= m[0] <= last[0]} | {first[1]})
            start = a + len(text[a:b]) - len(text[a:b].lstrip())
            breaks: list[tuple[int, int]] = []
            for m in marks:
                if start < m[0] < b and m[1] != (breaks[-1][1] if breaks else first[1]):
                    breaks.append((m[0] - start, m[1]))
            out.append(
                Sentence(
                    text=s,
                    page=first[1],
                    line=first[2],
                    position=round(first[2] / first[3], 3),
                    pages=pages,
                    part=para["part"],
                    bullet=para["bullet"] and a == 0,
                    index=len(out),
                    para=pno,
                    page_breaks=breaks,
                )
            )
    return out


# --- claims -----------------------------------------------------------------------

_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
           "oktober", "november", "desember")
_NUM = re.compile(
    r"(?<![\w/.,\-–])"
    r"(?P<rp>Rp\.?\s?)?"
    r"(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?P<pct>\s?%)?"
    r"(?![\w/\-–]|[.,]\d)"
)
_PAIR = re.compile(r"^\s*\(\s*([A-Za-z][A-Za-z \-]*?)\s*\)")
_NO_CLAIM_BEFORE = re.compile(
    r"(?:\b(?:nomor|no\.?|pasal|ayat|angka|huruf|halaman|hal\.?|bab|lampiran|tabel|gambar|grafik|tahun|ta\.?|"
    r"triwulan|tw|semester|periode|permenpan\s*rb|permenpanrb|perpres|pp|uu|perda|pergub|perbup|kode)\s*\.?\s*)$",
    re.I,
)
APPROX = re.compile(r"\b(?:sekitar|kurang\s+lebih|lebih\s+kurang|hampir|kira-kira|mendekati|±)\s*(?:rp\.?\s?)?$", re.I)


def claims(s: Sentence | str) -> list[Claim]:
    """The numeric claims of a sentence: money, percentages, counts, "N (words)" pairs.

    Years, regulation and page numbers, dates, numbering and ranges are not claims."""
    text = s.text if isinstance(s, Sentence) else s
    out: list[Claim] = []
    for m in _NUM.finditer(text):
        raw = m.group(0)
        n = m.group("n")
        before = text[: m.start()]
        after = text[m.end():]
        low_before = before.lower()
        if _NO_CLAIM_BEFORE.search(low_before.rstrip()[-30:] + " ") and not m.group("rp") and not m.group("pct"):
            continue
        if re.match(r"\s*(?:" + "|".join(_MONTHS) + r")\b", after, re.I):
            continue  # a date: "31 Desember 2024"
        if re.search(r"(?:" + "|".join(_MONTHS) + r")\s*$", low_before):
            continue
        if re.match(r"\s*(?:[-–]|s\.?d\.?|s/d|sampai)\s*\d", after, re.I) or re.search(r"\d\s*(?:[-–]|s\.?d\.?|s/d|sampai)\s*$", before, re.I):
            continue  # a range "70-80", "41 s.d 45"
        if re.fullmatch(r"(?:19|20)\d\d", n) and not m.group("pct") and not m.group("rp"):
            continue  # a year
        if not before.strip() and re.match(r"\.\s", after):
            continue  # numbering "1. ..."
        if re.match(r"\.\d", after):
            continue
        p = parse_number(raw.strip())
        if p.value is None:
            continue
        words = words_value = None
        pm = _PAIR.match(after)
        end = m.end()
        if pm:
            wv = number_words(pm.group(1))
            if wv is not None:
                words, words_value = pm.group(1), wv
                end = m.end() + pm.end()
        if m.group("rp") or (p.style == "id" and "." in n and p.value >= 1_000_000):
            kind = "money"
        elif m.group("pct"):
            kind = "percent"
        elif p.decimals == 0:
            kind = "count"
        else:
            kind = "number"
        noun_m = re.match(r"\s*((?:[A-Za-z][\w/\-]*\s*){1,4})", text[end:])
        out.append(
            Claim(
                text=text[m.start():end].strip(),
                value=p.value,
                kind=kind,
                start=m.start(),
                end=end,
                parsed=p,
                words=words,
                words_value=words_value,
                approx=bool(APPROX.search(low_before[-25:])),
                noun=" ".join(noun_m.group(1).split()) if noun_m else "",
                before=" ".join(low_before.split()[-6:]),
            )
        )
    out += _english_claims(text, out)
    out.sort(key=lambda c: c.start)
    return out


# amounts and percentages written the English way in an Indonesian report ("Rp.15,615,158,380",
# "Rp. 563,702,586.00", "98.34%"): only with their unit, where the convention cannot be in doubt
_MONEY_EN = re.compile(r"(?<![\w/.,\-–])Rp\.?\s?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d{2})?)(?![\w/\-–]|[.,]\d)")
_PCT_EN = re.compile(r"(?<![\w/.,\-–])(?P<n>\d{1,3}\.\d{1,2})\s?%")


def _english_claims(text: str, found: list[Claim]) -> list[Claim]:
    taken = [(c.start, c.end) for c in found]
    out = []
    for rx, kind in ((_MONEY_EN, "money"), (_PCT_EN, "percent")):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            n = m.group("n")
            p = parse_number(n) if kind == "money" else parse_number(n.replace(".", ",") + "%")
            if p.value is None:
                continue
            low_before = text[: m.start()].lower()
            out.append(Claim(
                text=m.group(0).strip(), value=p.value, kind=kind, start=m.start(), end=m.end(), parsed=p,
                approx=bool(APPROX.search(low_before[-25:])),
                before=" ".join(low_before.split()[-6:]),
            ))
    return out


# --- table references and labels -------------------------------------------------

TABLE_REF = re.compile(r"\bTabel\.?\s*((?:[A-Z]\.)?\d+(?:\.\d+)*)", re.I)
ABOVE_REF = re.compile(r"\btabel\s+(?:di\s*atas|diatas|tersebut)\b", re.I)


def norm(s: str) -> str:
    """Lower case, parentheticals and punctuation removed, whitespace collapsed, "s.d" -> "-"."""
    s = (s or "").lower()
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"(\d)\s*(?:s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|[-–])\s*(\d)", r"\1-\2", s)
    s = re.sub(r"[^\w/\-]+", " ", s)
    return " ".join(s.split())


def named_tables(sentence: str, doc: Document) -> list[Table]:
    out = []
    for m in TABLE_REF.finditer(sentence):
        num = m.group(1).rstrip(".")
        t = doc.table(num)
        if t is not None and t not in out:
            out.append(t)
    return out


def tables_above(s: Sentence, doc: Document, spans: dict[str, Span], max_pages: int = 2) -> list[Table]:
    """Tables that end before the sentence starts, nearest first, within `max_pages` pages."""
    pos = (s.page, s.line)
    cands = []
    for t in doc.tables:
        sp = spans.get(t.id)
        if sp is None or sp.end >= pos or s.page - sp.end[0] > max_pages:
            continue
        cands.append((sp.end, t))
    cands.sort(key=lambda x: x[0], reverse=True)
    return [t for _, t in cands]


def label_in(label: str, sentence_norm: str) -> bool:
    lab = norm(label)
    if len(lab) < 12 or len(lab.split()) < 2:
        return False
    return re.search(r"(?<![\w/])" + re.escape(lab) + r"(?![\w/])", sentence_norm) is not None


def narrative(doc: Document) -> Narrative:
    spans: dict[str, Span] = {}
    sents = sentences(doc, spans)
    return Narrative(sentences=sents, spans=spans)
