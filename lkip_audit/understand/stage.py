"""The planning stage and the year of each table and column: like is compared with like.

A pagu in a follow-up plan (Bab I "Tindak Lanjut LHE SAKIP"), a Renja / RKPD draft for
next year, the APBD murni, a Renstra target of another year, a Dekonsentrasi budget or a
province-wide APBN figure is not the same fact as the DPA budget (the Perjanjian Kinerja
and the realisation tables) of the year reported. The cross-table rules (XT001/XT002)
compare two values only when their field, year and stage are the same.

Evidence, strongest first:

1. the caption's own words ("Rencana Program dan Kegiatan Tahun 2017", "Dana
   Dekonsentrasi", "Renja", "murni") and the years it names;
2. the section heading the table stands under and the sentence that introduces it
   ("1.7. TINDAK LANJUT LHE SAKIP TAHUN 2024 / Sebagai tindak lanjut ... sebagai berikut");
3. the column headers: a "Pagu Anggaran" beside quarterly targets (TW I-IV) and no
   realisation is a quarterly plan; a column header naming a stage ("Rancangan Awal RKPD
   Pagu Indikatif") or a year ("Realisasi 2023", "Target 2018", "Capaian Thn Lalu").

The default stage (None) is the year's own plan and result: the Perjanjian Kinerja
(its amended version counts), the DPA and the realisation tables.

    assign(doc, tables) -> None            (sets AnalyzedTable.stage)
    table_stage(at, doc) -> TableStage
    column_slot(at, col, year) -> str | None   ("#" = not comparable)
    STAGE_NAMES: stage -> (Bahasa Indonesia, English)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkip_audit.extract.model import Document, Table

# Stages other than the year's own (None). Each with its words (Bahasa Indonesia, English).
STAGE_NAMES = {
    "tindak_lanjut": ("rencana tindak lanjut", "follow-up plan"),
    "rencana_aksi": ("rencana aksi / target triwulanan", "action plan / quarterly targets"),
    "renja": ("Renja / Rencana Kerja", "Renja (work plan)"),
    "rkpd": ("RKPD / pagu indikatif", "RKPD draft (indicative ceiling)"),
    "rka": ("RKA", "RKA (budget proposal)"),
    "renstra": ("Renstra / RPJMD", "Renstra / RPJMD (medium-term plan)"),
    "murni": ("APBD murni", "original budget (murni)"),
    "dekonsentrasi": ("dana dekonsentrasi", "deconcentration funds"),
    "tugas_pembantuan": ("dana tugas pembantuan", "co-administration funds"),
    "apbn": ("APBN", "national budget (APBN)"),
    None: ("DPA / Perjanjian Kinerja tahun berjalan", "this year's DPA / Perjanjian Kinerja"),
}

# Words of a caption or a column header that name a stage (first match wins).
_STAGE_WORDS = (
    ("tindak_lanjut", re.compile(r"tindak\s*lanjut", re.I)),
    ("rencana_aksi", re.compile(r"rencana\s+aksi", re.I)),
    ("rkpd", re.compile(r"\bRKPD\b|pagu\s+indikatif|rancangan\s+awal", re.I)),
    ("renja", re.compile(r"\brenja\b|rencana\s+kerja\b(?!\s+tahunan)", re.I)),
    ("rka", re.compile(r"\bRKA\b", re.I)),
    ("renstra", re.compile(r"\brenstra\b|\bRPJMD?\b|\bRPD\b|rencana\s+strategis|jangka\s+menengah", re.I)),
    ("murni", re.compile(r"\bmurni\b|sebelum\s+perubahan", re.I)),
    ("dekonsentrasi", re.compile(r"dekonsentrasi", re.I)),
    ("tugas_pembantuan", re.compile(r"tugas\s+pembantuan", re.I)),
    ("apbn", re.compile(r"\bAPBN\b", re.I)),
)
# Stages a section heading or its introducing sentence can give a whole table. Renstra is
# not among them: a section comparing with the medium-term target holds tables with this
# year's columns too (their Renstra columns say so themselves).
_CONTEXT_STAGES = ("tindak_lanjut", "rencana_aksi", "rkpd", "renja", "murni")
# Funding sources: a table of one is another fact whatever its columns.
_SOURCE_STAGES = ("dekonsentrasi", "tugas_pembantuan", "apbn")

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*(?:-|–|s\.?\s*d\.?|sampai(?:\s+dengan)?)\s*((?:19|20)\d{2})\b", re.I)
_LAST_YEAR = re.compile(r"tahun\s+lalu|th[n]?\.?\s+lalu|tahun\s+sebelumnya|\bTA\s*-\s*1\b", re.I)
_DERIVED = ("capaian", "kategori", "tingkat", "nilai_akhir")
_QUARTER = re.compile(r"\bTW\b|triwulan", re.I)
_HEADING = re.compile(r"^\s*(?:BAB\s+[IVX]+\b|\d+(?:\.\d+)*\.?\s+\S|[A-H]\.\s+\S)")
_CAPTION = re.compile(r"^\s*(?:tabel|table)\b", re.I)


@dataclass
class TableStage:
    """What a table is about: its stage (None = the year's DPA / PK / realisation) and year."""

    stage: str | None = None
    year: int | None = None  # the one year its caption names, when it names one
    years: tuple = ()  # every year the caption names ("2023 - 2026": the range's ends)
    evidence: list[str] = field(default_factory=list)  # how it was decided (debug output)

    @property
    def name(self) -> tuple[str, str]:
        return STAGE_NAMES.get(self.stage, (str(self.stage), str(self.stage)))


from lkip_audit.understand.text import ws  # noqa: E402,F401 (the one whitespace normaliser)


def words_stage(text: str, allowed=None) -> str | None:
    """The stage the words name, or None."""
    for stage, rx in _STAGE_WORDS:
        if (allowed is None or stage in allowed) and rx.search(text or ""):
            return stage
    return None


def caption_years(title: str) -> tuple[int, ...]:
    t = ws(title)
    ys = {int(y) for y in _YEAR.findall(t)}
    for a, b in _RANGE.findall(t):
        ys |= {int(a), int(b)}
    return tuple(sorted(ys))


# -- the text above a table ----------------------------------------------------------


def _tokens(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").casefold()) if len(w) > 1}


def _table_tokens(t: Table) -> set[str]:
    out: set[str] = set()
    for hr in t.header_rows[:3]:
        for c in hr:
            out |= _tokens(c.text)
    for r in t.rows[:2]:
        for c in r.cells:
            out |= _tokens(c.text)
    return out


def _start_line(lines: list[str], t: Table, page_height: float) -> int:
    """Index of the first line of the table (or of its caption) in its first page's text."""
    if t.number:
        rx = re.compile(r"^\s*(?:tabel|table)\W*" + re.escape(t.number).replace(r"\.", r"\W*") + r"\b", re.I)
        for i, ln in enumerate(lines):
            if rx.search(ln):
                return i
    if t.bbox is not None and page_height and t.bbox.top < 0.15 * page_height:
        return 0
    toks = _table_tokens(t)
    for i, ln in enumerate(lines):
        lt = _tokens(ln)
        if len(lt) >= 2 and len(lt & toks) >= 0.6 * len(lt):
            return i
    return len(lines)


def _running(doc: Document, pages: list[int]) -> set[str]:
    """Lines repeated on several of these pages (running headers and footers), digits blanked."""
    seen: dict[str, int] = {}
    for p in pages:
        if 1 <= p <= len(doc.pages):
            for ln in set(re.sub(r"\d+", "#", ws(x)).casefold() for x in (doc.pages[p - 1].text or "").splitlines()):
                seen[ln] = seen.get(ln, 0) + 1
    return {k for k, n in seen.items() if n >= 2}


def _is_heading(line: str) -> bool:
    if not _HEADING.match(line) or len(line) > 160:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def _looks_tabular(line: str) -> bool:
    return len(re.findall(r"\d[\d.,]*\d|\b\d\b", line)) >= 3


class _TableWords:
    """Each table's words (cells and header rows) by page, read once per document (the
    context of every table looks at the other tables on its pages: without this index a
    report with many tables read every table's cells once per table)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._by_page: dict[int, list[tuple[Table, set[str]]]] | None = None

    def on_page(self, p: int) -> list[tuple[Table, set[str]]]:
        if self._by_page is None:
            self._by_page = {}
            for o in self.doc.tables:
                toks = {w for r in o.rows for c in r.cells for w in _tokens(c.text)}
                toks |= {w for hr in o.header_rows for c in hr for w in _tokens(c.text)}
                for pg in o.pages:
                    self._by_page.setdefault(pg, []).append((o, toks))
        return self._by_page.get(p, [])


def context(doc: Document | None, t: Table, max_lines: int = 12,
            words: _TableWords | None = None) -> tuple[str | None, str]:
    """(the section heading the table stands under, the prose between it and the table).

    Read backwards from the table's first line (its caption when it has one) over that page
    and the two before it, skipping running headers/footers, stopping at a heading, another
    table's caption or a line of numbers (another table's body)."""
    if doc is None or not t.pages or not doc.pages:
        return None, ""
    first = t.pages[0]
    if not 1 <= first <= len(doc.pages):
        return None, ""
    pages = [p for p in range(max(1, first - 2), first + 1)]
    running = _running(doc, pages + [first + 1])
    lines: list[tuple[str, int]] = []
    for p in pages:
        pg = doc.pages[p - 1]
        pl = [ws(x) for x in (pg.text or "").splitlines()]
        if p == first:
            pl = pl[:_start_line(pl, t, pg.height)]
        lines.extend((x, p) for x in pl if x and not re.fullmatch(r"[\divxlc.\s-]+", x, re.I)
                     and re.sub(r"\d+", "#", x).casefold() not in running)
    if words is None or words.doc is not doc:
        words = _TableWords(doc)
    others = {p: [toks for o, toks in words.on_page(p) if o is not t] for p in pages}

    def in_other_table(ln: str, p: int) -> bool:
        lt = _tokens(ln)
        return len(lt) >= 2 and any(len(lt & ot) >= 0.6 * len(lt) for ot in others.get(p, []))

    lead: list[str] = []
    for ln, p in reversed(lines):
        if _is_heading(ln):
            return ln, _last_sentence(" ".join(reversed(lead)))
        if _CAPTION.match(ln) or _looks_tabular(ln) or in_other_table(ln, p) or len(lead) >= max_lines:
            break
        lead.append(ln)
    return None, _last_sentence(" ".join(reversed(lead)))


def _last_sentence(text: str) -> str:
    """The sentence that introduces the table ("... sebagai berikut.")."""
    parts = [x for x in re.split(r"(?<=[.:])\s+(?=[A-Z])", text.strip()) if x.strip()]
    return parts[-1] if parts else ""


# -- tables --------------------------------------------------------------------------


def _has(at, *fields) -> bool:
    return any(c.field in fields for c in at.columns)


def table_stage(at, doc: Document | None, words: _TableWords | None = None) -> TableStage:
    """The stage and year of one analysed table (understand.model.AnalyzedTable)."""
    t = at.table
    title = ws(t.title)
    st = TableStage(years=caption_years(title))
    if len(st.years) == 1:
        st.year = st.years[0]
        st.evidence.append(f"caption year {st.year}")
    results = _has(at, "realisasi", "realisasi_rp", "capaian", "fisik")
    cap = words_stage(title)
    if cap == "murni" and re.search(r"perubahan", title, re.I):
        cap = None  # "murni dan perubahan": its columns say which is which
    if cap in _SOURCE_STAGES or (cap is not None and not results):
        st.stage = cap
        st.evidence.append(f"caption names {cap}: {title[:80]!r}")
        return st
    if results or _has(at, "murni", "perubahan"):
        return st  # a table of results, or of both stages, is this year's whatever section it stands in
    heading, lead = context(doc, t, words=words)
    for where, text in (("heading", heading or ""), ("introducing text", lead)):
        s = words_stage(text, _CONTEXT_STAGES)
        if s is not None:
            st.stage = s
            st.evidence.append(f"{where} names {s}: {text[:80]!r}")
            return st
    quarters = [c for c in at.columns if c.field == "target" and _QUARTER.search(ws(c.label) + " " + ws(c.group))]
    if len(quarters) >= 2 and _has(at, "anggaran") and not results and not at.table.number:
        st.stage = "rencana_aksi"
        st.evidence.append("quarterly targets (TW) beside a pagu, no realisation")
    return st


def assign(doc: Document | None, tables) -> None:
    """Set AnalyzedTable.stage on every table."""
    words = _TableWords(doc) if doc is not None else None
    for at in tables:
        at.stage = table_stage(at, doc, words)


# -- columns -------------------------------------------------------------------------


def column_year(at, col, year: int | None):
    """The year a column's values are about: an int, None (the report year) or "#" (unclear).

    From the header (label and group: "Realisasi 2023", "Target 2018", "Capaian Thn Lalu"),
    else the table's caption year. A header naming one year under a caption naming one
    other year ("Pencapaian Kinerja Tahun 2024" over "2023 TARGET") is unclear: either may
    be the slip."""
    text = ws(col.label) + " " + ws(col.group)
    ys = {int(y) for y in _YEAR.findall(text)}
    st = getattr(at, "stage", None)
    cap = st.years if st is not None else caption_years(at.table.title)
    if len(ys) > 1:
        return "#"
    if len(ys) == 1:
        y = ys.pop()
        if len(cap) == 1 and cap[0] != y:
            header_years = set()
            for c in at.columns:
                header_years |= {int(v) for v in _YEAR.findall(ws(c.label) + " " + ws(c.group))}
            if header_years == {y}:
                return "#"
        return None if y == year else y
    if _LAST_YEAR.search(text):
        return (year - 1) if year is not None else "#"
    if col.field in _DERIVED:
        # An achievement without a year of its own is measured against the table's target:
        # a table of two years' realisation and no target compares the years (3_lkip_tahun_2016
        # _disperindag Tabel 3.3 "Realisasi ... Tahun 2016 terhadap Tahun 2015"), one whose only
        # target is another year's measures against that (Tabel 3.4 "Target 2018").
        def years_of(fld):
            out = set()
            for c in at.columns:
                if c.field == fld and c is not col:
                    out |= {int(v) for v in _YEAR.findall(ws(c.label) + " " + ws(c.group))}
            return out
        targets, reals = years_of("target"), years_of("realisasi")
        if not any(c.field == "target" for c in at.columns) and len(reals) >= 2:
            return "#"
        if len(targets) == 1 and year is not None and targets != {year} and len(reals) <= 1:
            return targets.pop()
    if len(cap) == 1:
        return None if cap[0] == year or year is None else cap[0]
    return None


def column_stage(at, col) -> str | None:
    """The stage of a column: named by its header, else the table's."""
    s = words_stage(ws(col.label) + " " + ws(col.group), [k for k, _ in _STAGE_WORDS if k != "renstra"])
    if s is not None:
        return s
    st = getattr(at, "stage", None)
    return st.stage if st is not None else None


def column_slot(at, col, year: int | None) -> str | None:
    """What a column's values are compared with: None for this year's DPA/PK/result,
    "#" for unclear (not compared), else a tag naming the stage and/or year."""
    y = column_year(at, col, year)
    if y == "#":
        return "#"
    s = column_stage(at, col)
    parts = [p for p in (s, str(y) if y is not None else None) if p]
    return " ".join(parts) or None
