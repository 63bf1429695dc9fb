"""Which agency (instansi) a report is from, and which year (tahun) it reports on.

A reviewer reads these off the cover or the running title, not from the first
sentence that mentions an agency. The evidence, read while the pages are read
(``IdentityReader.see`` is given every page before its words are dropped):

- cover lines: the first two pages' lines in large type or centred;
- the running title: a header or footer line repeated on many pages (digits
  ignored, so page numbers do not matter); some PDFs set it letter-spaced
  ("D in a s P a riw is a ta"), so it is also compared with its spaces removed;
- every mention of an agency name in the text: a head word (Dinas, Badan, Biro,
  Sekretariat, Inspektorat, Kantor, Satuan, Rumah Sakit, ...) followed by
  capitalised words and connectors, usually ending in a region ("Provinsi Jawa
  Barat", "Kabupaten Sukamaju"); a name broken over two lines is one mention,
  because a page's lines are joined before they are scanned.

The instansi is the name mentioned in the text that the running title or the
cover supports, also where those abbreviate it ("Badan Kesbangpol Prov. Jawa
Barat" for "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Barat", "BP3AKB"
for "Badan Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana");
without that support, a name with a region mentioned at least three times and
far more than any other (a Bab-III-only file that names its agency in its
text). Otherwise None: never a fragment of a sentence or a table.

The tahun is the year that follows "Laporan Kinerja", "LKIP", "LAKIP", "LKjIP"
(with the agency's name or "Tahun" / "TA" between), counted over every page (so
a running title counts once per page), plus one vote per table whose realisasi
columns name a year (the latest one). A regulation's year ("Nomor 29 Tahun
2014"), a plan period ("2013-2018") and a date ("Januari 2017") are not
evidence. Without any evidence: None.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from statistics import median
from typing import TYPE_CHECKING

from lkip_audit.extract.layout import group_lines

if TYPE_CHECKING:
    from lkip_audit.extract.model import Page, Table

HEADS = (
    "dinas", "badan", "biro", "sekretariat", "inspektorat", "kantor", "satuan",
    "rumah sakit", "kementerian", "lembaga", "kecamatan", "bappeda", "rsud",
)
REGIONS = ("provinsi", "kabupaten", "kota")
CONNECTORS = {"dan", "serta", "&", ",", "/", "dan/atau"}
# Capitalised words that end a name rather than continue it.
STOP = {
    "tahun", "nomor", "no", "ta", "t.a", "pasal", "dalam", "yang", "untuk", "pada", "sebagai",
    "adalah", "telah", "dengan", "di", "ke", "dari", "oleh", "bab", "lampiran", "tabel", "gambar",
    "laporan", "lkip", "lakip", "lkjip", "page", "hal", "halaman", "menurut", "berdasarkan",
    "merupakan", "sesuai", "periode", "bulan", "triwulan", "kepala", "mempunyai", "memiliki",
    "atau", "disingkat", "dinas", "badan", "biro", "kantor", "perjanjian", "rencana", "renstra",
}
# Abbreviations of the region and the secretariat, spelt out before names are compared.
EXPAND = [
    (re.compile(r"\bProv(?:\.|\b)\s*", re.IGNORECASE), "Provinsi "),
    (re.compile(r"\bPropinsi\b", re.IGNORECASE), "Provinsi"),
    (re.compile(r"\bKab(?:\.|\b)\s*", re.IGNORECASE), "Kabupaten "),
    (re.compile(r"\bSetda\b", re.IGNORECASE), "Sekretariat Daerah"),
    # "JAWA BARATTAHUN 2016", "BaratTahun": a running title's fields set without a space
    (re.compile(r"(?<=[a-z])(?=Tahun\b)|(?<=[A-Z]{2})(?=TAHUN\b)"), " "),
]
MONTHS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember"
)
_REPORT_YEAR = re.compile(
    r"\b(?:LKIP|LKjIP|LAKIP|Laporan\s+(?:Akuntabilitas\s+)?Kinerja)"
    r"(?P<mid>[^.;:\n]{0,90}?)"
    r"(?:\bTahun\s*(?:Anggaran\s*)?|\bT\.?\s?A\.?\s*|\s)"
    r"(?P<year>20\d\d)(?P<after>\s*[-–]\s*20\d\d|\d*)",
    re.IGNORECASE,
)
_MID_FORBIDDEN = re.compile(r"\b(?:tentang|nomor|no\.|peraturan|undang|pasal|periode|sampai|s\.d|hingga)\b|" + MONTHS, re.IGNORECASE)
_TOKEN = re.compile(r"\([^()]{0,40}\)|[\w.'’-]+|[,&/]")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")

# How much each kind of support weighs when names compete.
RUNNING_WEIGHT = 2  # per page the running title is on
COVER_WEIGHT = 10
MIN_BODY_MENTIONS = 3  # a name with only the text's support needs this many mentions


def _expand(text: str) -> str:
    for pat, rep in EXPAND:
        text = pat.sub(rep, text)
    return " ".join(text.split())


def _key(text: str) -> str:
    """Compare names without case, spaces, punctuation or parenthesised acronyms."""
    text = re.sub(r"\([^()]*\)", " ", _expand(text))
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _is_name_word(tok: str) -> bool:
    w = tok.strip(".'’-")
    if not w or w.lower() in STOP:
        return False
    return w[0].isupper() or (w[0].isdigit() and any(c.isalpha() for c in w))


def _is_roman(tok: str) -> bool:
    return bool(re.fullmatch(r"[IVX]{1,4}", tok))


@dataclass
class _Mention:
    text: str  # as printed, expanded, parentheses dropped
    core: str  # the words before the region (head included)
    region: str  # "Provinsi Jawa Barat", or "" when the name has none


def find_names(text: str) -> list[_Mention]:
    """Every agency name in a run of text (a page's lines joined with spaces)."""
    text = _expand(text)
    toks = _TOKEN.findall(text)
    out: list[_Mention] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        low = tok.lower()
        two = (low + " " + toks[i + 1].lower()) if i + 1 < n else ""
        head_len = 2 if two in HEADS else (1 if low in HEADS else 0)
        if not head_len or not tok[0].isupper():
            i += 1
            continue
        j = i + head_len
        words = toks[i:j]
        region: list[str] = []
        while j < n:
            t = toks[j]
            tl = t.lower()
            if tl in REGIONS:
                # The region: up to three capitalised words after it. A roman numeral is
                # no part of a region name: after one it is a chapter's page number in a
                # running footer ("... Provinsi Jawa Barat III - 4").
                k = j + 1
                reg = [t]
                while k < n and len(reg) < 4 and _is_name_word(toks[k]) and not _is_roman(toks[k]) \
                        and toks[k].lower() not in REGIONS:
                    reg.append(toks[k].rstrip("."))
                    k += 1
                if len(reg) > 1:
                    region = reg
                    j = k
                break
            if t.startswith("("):
                j += 1  # "(BP3AKB)", "(LKIP BP3AKB)": an acronym in parentheses
                continue
            if tl in CONNECTORS or _is_name_word(t) or _is_roman(t):
                if t.endswith(".") and not _is_roman(t.rstrip(".")):
                    words.append(t.rstrip("."))
                    j += 1
                    break  # a full stop ends the sentence, and the name
                words.append(t)
                j += 1
                continue
            break
        while words and words[-1].lower() in CONNECTORS:
            words.pop()
        if len(words) > head_len or region:
            core = _join(words)
            out.append(_Mention(_join(words + region), core, _join(region)))
        i = max(j, i + 1)
    return out


def _join(tokens: list[str]) -> str:
    s = " ".join(tokens)
    return re.sub(r"\s+([,/])", r"\1", s).replace("/ ", "/")


def abbreviates(short: str, words: list[str]) -> bool:
    """``short`` (lower case, no spaces) is made of a prefix of each of ``words`` in
    order; connectors may be left out ("kesbangpol" for kesatuan bangsa dan politik,
    "bpppakb" for badan pemberdayaan perempuan perlindungan anak dan keluarga berencana)."""
    words = [w for w in words if w]
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, k: int) -> bool:
        if k == len(words):
            return i == len(short)
        if (i, k) in memo:
            return memo[(i, k)]
        w = words[k]
        ok = w in CONNECTORS and go(i, k + 1)
        m = 1
        while not ok and m <= len(w) and i + m <= len(short) and short[i + m - 1] == w[m - 1]:
            ok = go(i + m, k + 1)
            m += 1
        memo[(i, k)] = ok
        return ok

    return go(0, 0)


def _acronym_letters(text: str) -> str:
    """"bp3akb" -> "bpppakb": a digit repeats the letter before it."""
    return re.sub(r"([a-z])(\d)", lambda m: m.group(1) * int(m.group(2)), text)


def _running_key(text: str) -> str:
    """A line compared across pages: digits and spacing do not count."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text.lower()))


@dataclass
class _Candidate:
    key: str
    core_words: list[str]
    region_key: str
    variants: Counter = field(default_factory=Counter)
    mentions: int = 0
    running: int = 0  # pages whose running title names it
    cover: bool = False

    @property
    def score(self) -> int:
        return self.mentions + RUNNING_WEIGHT * self.running + (COVER_WEIGHT if self.cover else 0)

    def best_text(self) -> str:
        def rank(v: str):
            mixed = not v.isupper()
            glued = max((len(w) for w in v.split()), default=0) > 20
            # A comma in an enumeration ("Penelitian, Pengembangan dan ...") is dropped
            # in running text more often than it is added: a variant with one wins.
            return (mixed, not glued, "," in v, self.variants[v], -v.count(","))

        best = max(self.variants, key=rank)
        return best if not best.isupper() else _title(best)


_SMALL = {"dan", "serta", "atau", "di", "ke", "dari", "untuk", "pada", "dan/atau"}


def _title(text: str) -> str:
    words = []
    for i, w in enumerate(text.split()):
        lw = w.lower()
        if i and lw.strip(",") in _SMALL:
            words.append(lw)
        elif _is_roman(w) or any(c.isdigit() for c in w):
            words.append(w)
        else:
            words.append(w[:1].upper() + w[1:].lower())
    return " ".join(words)


class IdentityReader:
    """Collects the evidence page by page; ``result(tables)`` decides."""

    COVER_PAGES = 2
    BAND = 0.10  # the top and bottom tenth of a page hold the running title

    def __init__(self) -> None:
        self.page_texts: list[str] = []
        self.cover_lines: list[tuple[float, bool, str]] = []  # (size, centred, text)
        self.sizes: list[float] = []
        self.band_lines: Counter = Counter()  # running key -> pages
        self.band_text: dict[str, str] = {}  # running key -> one line as printed
        self.pages_with_text = 0

    def see(self, page: Page) -> None:
        text = " ".join(page.text.split())
        self.page_texts.append(text)
        if not page.words:
            return
        self.pages_with_text += 1
        words = [
            {"text": w.text, "x0": w.bbox.x0, "x1": w.bbox.x1, "top": w.bbox.top, "bottom": w.bbox.bottom}
            for w in page.words
        ]
        if len(self.page_texts) <= 10:
            self.sizes.extend(w["bottom"] - w["top"] for w in words)
        height, width = page.height or 1.0, page.width or 1.0
        band = [w for w in words if w["bottom"] < height * self.BAND or w["top"] > height * (1 - self.BAND)]
        seen: set[str] = set()
        for ln in group_lines(band):
            k = _running_key(ln.text)
            if len(k) >= 6 and k not in seen:
                seen.add(k)
                self.band_lines[k] += 1
                self.band_text.setdefault(k, ln.text)
        if page.number <= self.COVER_PAGES:
            for ln in group_lines(words):
                size = max(w["bottom"] - w["top"] for w in ln.words)
                mid = (ln.x0 + ln.x1) / 2
                centred = abs(mid - width / 2) < width * 0.06 and (ln.x1 - ln.x0) < width * 0.75
                self.cover_lines.append((size, centred, ln.text))

    # -- decisions ---------------------------------------------------------------

    def running_lines(self) -> list[tuple[str, int]]:
        """Lines in the header/footer band repeated on many pages: (text, pages)."""
        need = max(3, int(self.pages_with_text * 0.3))
        return [(self.band_text[k], c) for k, c in self.band_lines.items() if c >= need]

    def cover_text(self) -> str:
        if not self.cover_lines:
            return ""
        body = median(self.sizes) if self.sizes else 0
        picked = [t for size, centred, t in self.cover_lines if centred or (body and size >= body * 1.2)]
        return " ".join(picked)

    def instansi(self) -> str | None:
        cands: dict[str, _Candidate] = {}
        for text in self.page_texts:
            for m in find_names(text):
                if not m.region and m.core.split()[0].lower() not in ("biro", "sekretariat", "inspektorat"):
                    continue  # a name without its region only where it stands alone ("Biro X")
                k = _key(m.text)
                c = cands.get(k)
                if c is None:
                    core = re.sub(r"\([^()]*\)", " ", m.core)
                    c = cands[k] = _Candidate(k, [re.sub(r"[^0-9a-z]", "", w.lower()) or w for w in core.replace(",", " , ").split() if w != ","], _key(m.region))
                c.variants[m.text] += 1
                c.mentions += 1
        if not cands:
            return None
        for line, pages in self.running_lines():
            flat = re.sub(r"\s+", "", _expand(line).lower())
            flat = re.sub(r"\([^()]*\)", "", flat)
            for c in cands.values():
                if _refers_to(flat, c):
                    c.running = max(c.running, pages)
        cover = re.sub(r"\([^()]*\)", "", re.sub(r"\s+", "", _expand(self.cover_text()).lower()))
        if cover:
            for c in cands.values():
                if _refers_to(cover, c):
                    c.cover = True
        cands = _merge(cands)
        supported = [c for c in cands.values() if c.running or c.cover]
        # A supported name that abbreviates another supported one gives way to it
        # ("Dinas KUMKM ..." to "Dinas Koperasi dan UMKM ...").
        supported = [c for c in supported if not any(o is not c and len(o.key) > len(c.key) and _refers_to(c.key, o) for o in supported)]
        if supported:
            best = max(supported, key=lambda c: (c.score, c.mentions, len(c.key)))
            return best.best_text()
        ranked = sorted((c for c in cands.values() if c.region_key), key=lambda c: -c.mentions)
        if not ranked or ranked[0].mentions < MIN_BODY_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[1].mentions * 2 > ranked[0].mentions:
            return None  # two agencies about equally often: not determinable
        return ranked[0].best_text()

    def tahun(self, tables: list[Table] | None = None) -> int | None:
        votes: Counter = Counter()
        for text in self.page_texts:
            for m in _REPORT_YEAR.finditer(text):
                after = m.group("after")
                if after and not after.isdigit():
                    continue  # "2013-2018": a plan period
                if after and text[max(0, m.start("year") - 5) : m.start("year")].lower() != "tahun":
                    continue  # digits glued to a year: only a footer's "Tahun201637" (year, page)
                if _MID_FORBIDDEN.search(m.group("mid")):
                    continue
                votes[int(m.group("year"))] += 1
        for t in tables or []:
            years = [int(y) for label in t.columns if "realisasi" in label.lower() for y in _YEAR.findall(label)]
            if years:
                votes[max(years)] += 1
        if not votes:
            return None
        top = max(votes.values())
        return max(y for y, v in votes.items() if v == top)

    def result(self, tables: list[Table] | None = None) -> tuple[str | None, int | None]:
        return self.instansi(), self.tahun(tables)


def _merge(cands: dict[str, _Candidate]) -> dict[str, _Candidate]:
    """One candidate per agency: a name without its region joins the same name with
    it ("Biro X" and "Biro X Sekretariat Daerah Provinsi Y"); a misspelt one joins
    the close spelling with the same region ("Becana" / "Bencana")."""
    order = sorted(cands.values(), key=lambda c: (-c.mentions, c.key))
    kept: list[_Candidate] = []
    for c in order:
        target = None
        for k in kept:
            if not c.region_key and k.region_key and k.key.startswith(c.key):
                target = k
            elif c.region_key == k.region_key and c.region_key and len(c.key) >= 15 and _close(c.key, k.key):
                target = k
            if target:
                break
        if target is None:
            # The regionless name seen first (more mentions) yields to a longer one kept later.
            if c.region_key:
                for k in list(kept):
                    if not k.region_key and c.key.startswith(k.key):
                        kept.remove(k)
                        _absorb(c, k)
            kept.append(c)
        else:
            _absorb(target, c)
    return {c.key: c for c in kept}


def _close(a: str, b: str) -> bool:
    """Spellings of one name: SequenceMatcher's ratio >= 0.93 (its two cheap upper bounds
    first, which rule out most pairs without the full comparison; the same answer)."""
    sm = SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() >= 0.93 and sm.quick_ratio() >= 0.93 and sm.ratio() >= 0.93


def _absorb(into: _Candidate, other: _Candidate) -> None:
    into.mentions += other.mentions
    into.running = max(into.running, other.running)
    into.cover = into.cover or other.cover
    if other.region_key == into.region_key:  # a spelling variant; a shorter name's text is not one
        into.variants.update(other.variants)


def _refers_to(flat: str, c: _Candidate) -> bool:
    """Whether a line (lower case, no spaces, abbreviations expanded) names candidate
    ``c``: in full, or as an abbreviation standing right before the candidate's region."""
    if c.key in flat:
        return True
    if not c.region_key:
        return False
    pos = flat.find(c.region_key)
    while pos > 0:
        before = _acronym_letters(flat[:pos])
        for start in range(max(0, len(before) - 40), len(before) - 1):
            if abbreviates(before[start:], c.core_words):
                return True
        pos = flat.find(c.region_key, pos + 1)
    return False


def detect_identity(pages: list[Page], tables: list[Table] | None = None) -> tuple[str | None, int | None]:
    """Instansi and tahun of a document already read (its pages' words kept for the
    font-size evidence when available)."""
    reader = IdentityReader()
    for p in pages:
        reader.see(p)
    return reader.result(tables)
