"""Text helpers shared by the understand modules: normalising header and label text."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

# Words that occur in LKIP table headers; OCR/typing errors are corrected towards these.
VOCAB = (
    "NO", "NOMOR", "URAIAN", "SASARAN", "STRATEGIS", "INDIKATOR", "KINERJA", "UTAMA", "PROGRAM",
    "KEGIATAN", "SUB", "TARGET", "REALISASI", "CAPAIAN", "TINGKAT", "PENCAPAIAN", "KATEGORI",
    "PREDIKAT", "KOREKSI", "NILAI", "AKHIR", "ANGGARAN", "RENCANA", "FISIK", "KEUANGAN", "SATUAN",
    "KEBUTUHAN", "TERISI", "GAP", "JUMLAH", "TOTAL", "MURNI", "PERUBAHAN", "BERTAMBAH",
    "BERKURANG", "SELISIH", "RENSTRA", "RPD", "RPJMD", "PAGU", "TAHUN", "TAHUNAN", "BELANJA",
    "PERSENTASE", "PRESENTASE", "TERHADAP", "PERKIN", "PENANGGUNGJAWAB", "KETERANGAN",
    "POLARITAS", "DEFINISI", "OPERASIONAL", "RUMUS", "PERHITUNGAN", "SUMBER", "DATA", "KODE",
    "TUJUAN", "MISI", "JENIS", "USULAN", "SISA", "KEKURANGAN", "PERSEN", "DANA", "SKOR",
    "INTERVAL", "RENTANG", "KRITERIA", "KELOMPOK", "JABATAN", "FUNGSIONAL", "PERANGKAT", "DAERAH",
)
_VOCAB_SET = frozenset(VOCAB)
_LONG_VOCAB = [w for w in VOCAB if len(w) >= 4]


def ws(s: str | None) -> str:
    """Collapse whitespace."""
    return " ".join((s or "").split())


def dehyphenate(s: str) -> str:
    """Join words broken at a line end: 'RENCA- NA' / 'RENCA-\\nNA' -> 'RENCANA'."""
    s = s.replace("\u00ad", "")
    return re.sub(r"([A-Za-z])-\s+([A-Za-z])", r"\1\2", s)


@lru_cache(maxsize=4096)
def fuzzy_word(tok: str) -> str:
    """Correct a token towards the header vocabulary (exact, else close match for long tokens).

    Memoised: a pure function of the token, asked for the same header words again
    and again (difflib's matching was most of the understand stage's time)."""
    if tok in _VOCAB_SET or len(tok) < 4 or not tok.isalpha():
        return tok
    m = difflib.get_close_matches(tok, _LONG_VOCAB, n=1, cutoff=0.8)
    return m[0] if m else tok


def header_tokens(label: str) -> list[str]:
    """Upper-cased, corrected tokens of a header label; '%' and 'RP' kept as tokens."""
    s = dehyphenate(label or "").upper()
    s = s.replace("RP.", "RP ").replace("(%)", " % ")
    raw = re.findall(r"[A-Z]+|\d+|%", s)
    toks: list[str] = []
    i = 0
    while i < len(raw):
        t = raw[i]
        # glue fragments split by extraction: 'RE' 'NCANA' -> 'RENCANA'
        if i + 1 < len(raw) and t.isalpha() and raw[i + 1].isalpha():
            joined = t + raw[i + 1]
            if (t not in _VOCAB_SET or raw[i + 1] not in _VOCAB_SET) and fuzzy_word(joined) in _VOCAB_SET \
                    and fuzzy_word(t) not in _VOCAB_SET and len(joined) >= 5:
                toks.append(fuzzy_word(joined))
                i += 2
                continue
        toks.append(fuzzy_word(t))
        i += 1
    return toks


def norm_label(s: str | None) -> str:
    """Upper-case, whitespace-normalised text without punctuation at the ends: a header
    or row label as the vocabulary matches it ('RENCA- NA :' -> 'RENCANA')."""
    return ws(dehyphenate(s or "")).upper().strip(" :.-")


def word_key(s: str | None) -> str:
    """Lower-case words only, punctuation anywhere dropped: a label compared word by
    word ('Sangat Baik (A)' == 'sangat baik a', a band's label against a cell's)."""
    return " ".join(re.sub(r"[^\w]+", " ", (s or "").lower()).split())


# --- numbering markers ("1.", "I.", "a.", "-") ---------------------------------

ROMAN = re.compile(r"^[IVXLC]+[.)]?$")
ARABIC = re.compile(r"^\(?(\d{1,3}(?:\.\d{1,3})*)[.)]?$")
LETTER = re.compile(r"^\(?[a-z][.)]$")
PAREN = re.compile(r"^\(\d{1,3}\)$|^\d{1,3}\)$")
DASH = re.compile(r"^[-–•·*]$")
LEADING = re.compile(
    r"^\s*((?:[IVX]+|\d{1,3}(?:\.\d{1,3})*|[a-z])[.)]|\(\d{1,3}\)|[-–•·])\s+(?=\S)"
)

# rank: smaller is shallower
MARKER_RANK = {"roman": 0, "arabic": 1, "arabic2": 2, "arabic3": 3, "letter": 4, "paren": 5, "dash": 6, "none": 7}


def marker_type(text: str | None) -> str | None:
    """The kind of a numbering marker when `text` is one, else None."""
    t = (text or "").strip()
    if not t:
        return None
    if PAREN.match(t):
        return "paren"
    m = ARABIC.match(t)
    if m:
        dots = m.group(1).count(".")
        if t.startswith("("):
            return "paren"
        return ("arabic", "arabic2", "arabic3")[min(dots, 2)]
    if ROMAN.match(t) and (t.endswith(".") or t.endswith(")")):
        return "roman"
    if LETTER.match(t):
        return "letter"
    if DASH.match(t):
        return "dash"
    return None


def leading_marker(text: str | None) -> str | None:
    """The marker printed at the start of a label ('1. Perencanaan', '- Eselon I')."""
    m = LEADING.match(text or "")
    if not m:
        return None
    return marker_type(m.group(1))
