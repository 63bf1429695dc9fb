"""The parts of the report, found from its headings (PermenPANRB 53/2014 structure).

    structure(doc) -> Structure

Main parts: Ikhtisar Eksekutif, Bab I Pendahuluan, Bab II Perencanaan Kinerja,
Bab III Akuntabilitas Kinerja, Bab IV Penutup, and the Perjanjian Kinerja appendix.
Inside Bab III: the comparisons of realisation with the target, with earlier years,
with the medium-term (Renstra) target and with a national standard, the analysis of
causes, the analysis of efficiency, and Realisasi Anggaran.

A part is present when a heading names it (a table of contents does not count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkip_audit.extract.model import Document
from lkip_audit.understand.narrative import heading_part

MAIN_PARTS = ("ikhtisar", "bab1", "bab2", "bab3", "bab4", "lampiran_pk")
BAB3_PARTS = ("target", "tahun_lalu", "renstra", "nasional", "penyebab", "efisiensi", "anggaran")

NAMES = {
    "ikhtisar": {"id": "Ikhtisar Eksekutif", "en": "Executive summary (Ikhtisar Eksekutif)"},
    "bab1": {"id": "Bab I Pendahuluan", "en": "Chapter I Pendahuluan (introduction)"},
    "bab2": {"id": "Bab II Perencanaan Kinerja", "en": "Chapter II Perencanaan Kinerja (performance planning)"},
    "bab3": {"id": "Bab III Akuntabilitas Kinerja", "en": "Chapter III Akuntabilitas Kinerja (performance accountability)"},
    "bab4": {"id": "Bab IV Penutup", "en": "Chapter IV Penutup (conclusion)"},
    "lampiran_pk": {"id": "Lampiran Perjanjian Kinerja", "en": "Perjanjian Kinerja appendix"},
    "target": {"id": "perbandingan realisasi dengan target tahun ini",
               "en": "comparison of realisation with this year's target"},
    "tahun_lalu": {"id": "perbandingan dengan tahun lalu dan beberapa tahun terakhir",
                   "en": "comparison with last year and earlier years"},
    "renstra": {"id": "perbandingan dengan target jangka menengah (Renstra)",
                "en": "comparison with the medium-term (Renstra) target"},
    "nasional": {"id": "perbandingan dengan standar nasional", "en": "comparison with a national standard"},
    "penyebab": {"id": "analisis penyebab keberhasilan/kegagalan", "en": "analysis of the causes of success/failure"},
    "efisiensi": {"id": "analisis efisiensi penggunaan sumber daya", "en": "analysis of the efficiency of resource use"},
    "anggaran": {"id": "Realisasi Anggaran", "en": "Realisasi Anggaran (budget realisation)"},
}

# Bab III sub-parts: the first pattern that matches a heading names it (most specific first).
_BAB3_RX = (
    ("renstra", re.compile(r"jangka\s+menengah|renstra|rencana\s+strategis|target\s+akhir", re.I)),
    ("nasional", re.compile(r"standar\s+nasional|target\s+nasional|nasional", re.I)),
    ("tahun_lalu", re.compile(r"tahun\s+lalu|tahun[-\s]+tahun\s+sebelumnya|tahun\s+sebelumnya|beberapa\s+tahun", re.I)),
    ("target", re.compile(r"target", re.I)),
    ("penyebab", re.compile(r"penyebab|keberhasilan|kegagalan", re.I)),
    ("efisiensi", re.compile(r"efisiensi", re.I)),
    ("anggaran", re.compile(r"realisasi\s+anggaran|akuntabilitas\s+keuangan|realisasi\s+keuangan", re.I)),
)
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|[A-H]\.)\s+(\S.*)$")
_TOC = re.compile(r"(?:\.{3,}|…)\s*[\divxlc]*\s*$", re.I)
# a table-of-contents entry without dot leaders ends with its page: "BAB. IV PENUTUP IV - 1",
# "IKHTISAR EKSEKUTIF i", "BAB I PENDAHULUAN 1" (a heading ends with its title)
_TOC_PAGE = re.compile(r"\S\s+(?:[ivxlc]{1,5}|(?:\d{1,3}|[IVX]{1,4}\s*[-–]\s*\d{1,3}))\s*$")


def _toc_entry(ln: str) -> bool:
    if _TOC.search(ln):
        return True
    m = _TOC_PAGE.search(ln)
    if m is None:
        return False
    last = ln.split()[-1]
    return len(ln.split()) >= 3 or (last.islower() and len(ln.split()) >= 2)


_PK_TITLE = re.compile(r"^\s*PERJANJIAN\s+KINERJA(?:\s+(?:PERUBAHAN\s+)?TAHUN\s+(?:19|20)\d\d)?\s*$", re.I)
_TOP_LINES = 4  # a title line is among the first lines of its page (after the running header)


_LEADERS = re.compile(r"\s*(?:\.{3,}|…).*$")
# the signature that closes a report: "NIP. 19630820 198903 1 008" under the Kepala's name
_NIP = re.compile(r"\bNIP\b\s*\.?\s*:?\s*\d{8}")


@dataclass
class Structure:
    parts: dict[str, int | None] = field(default_factory=dict)  # part -> page of its heading, None when missing
    bab3: dict[str, int | None] = field(default_factory=dict)
    # parts the document's own table of contents names (an entry with dot leaders or a page number)
    toc: set[str] = field(default_factory=set)
    # the first heading of the file and its page ("bab1", 1: the file opens with Bab I)
    first: tuple[str, int] | None = None
    # after the last chapter heading: a signature with NIP, or a LAMPIRAN heading
    closed: bool = False

    def chapters_only(self) -> bool:
        """The file holds the chapters of a report and nothing around them: its first page
        opens with a chapter heading (no cover, Kata Pengantar or Daftar Isi before it) and
        nothing closes it after the last chapter (no signature with NIP, no LAMPIRAN). The parts
        outside the chapters (Ikhtisar Eksekutif, the Perjanjian Kinerja appendix) are then not
        in this file rather than missing from the report."""
        return (self.first is not None and self.first[1] == 1 and self.first[0].startswith("bab")
                and not self.closed)

    def missing(self) -> list[str]:
        return [p for p in MAIN_PARTS if self.parts.get(p) is None]

    def missing_bab3(self) -> list[str]:
        if self.parts.get("bab3") is None:
            return []
        return [p for p in BAB3_PARTS if self.bab3.get(p) is None]


def _upper_ratio(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def structure(doc: Document) -> Structure:
    parts: dict[str, int | None] = {p: None for p in MAIN_PARTS}
    bab3: dict[str, int | None] = {p: None for p in BAB3_PARTS}
    toc: set[str] = set()
    first: tuple[str, int] | None = None
    last_chapter: int | None = None
    closed = False
    part = None
    for page in doc.pages:
        lines = [" ".join(x.split()) for x in (page.text or "").splitlines()]
        for i, ln in enumerate(lines):
            if not ln:
                continue
            # (before the contents test: "NIP. 19630820 198903 1 008" ends like a contents entry)
            if last_chapter is not None and _NIP.search(ln):
                closed = True
            if _toc_entry(ln):
                tp = heading_part(_LEADERS.sub("", ln))
                if tp is not None:
                    toc.add(tp)
                    if tp == "lampiran" and re.search(r"perjanjian\s+kinerja", ln, re.I):
                        toc.add("lampiran_pk")
                continue
            hp = heading_part(ln)
            if hp is not None:
                part = hp
                if first is None:
                    first = (hp, page.number)
                if hp.startswith("bab"):
                    last_chapter, closed = page.number, False
                elif hp == "lampiran" and last_chapter is not None:
                    closed = True
                if hp in parts and parts[hp] is None:
                    parts[hp] = page.number
                if hp == "lampiran" and re.search(r"perjanjian\s+kinerja", ln, re.I):
                    parts["lampiran_pk"] = parts["lampiran_pk"] or page.number
                continue
            if part == "lampiran" and parts["lampiran_pk"] is None and re.search(r"perjanjian\s+kinerja", ln, re.I):
                parts["lampiran_pk"] = page.number
            # after Bab IV, the signed agreement under its own title ("PERJANJIAN KINERJA TAHUN 2016")
            # at the top of a page, without a LAMPIRAN heading
            if (part == "bab4" and parts["lampiran_pk"] is None and i < _TOP_LINES
                    and _PK_TITLE.match(ln) and _upper_ratio(ln) > 0.8):
                parts["lampiran_pk"] = page.number
            if part != "bab3":
                continue
            m = _NUMBERED.match(ln)
            if m is None or _upper_ratio(m.group(1)) < 0.6 and not re.match(r"^\s*\d+\.\d+", ln):
                continue
            # a heading may run over the next upper-case lines
            text = m.group(1)
            for nxt in lines[i + 1:i + 3]:
                if nxt and _upper_ratio(nxt) > 0.8 and not _NUMBERED.match(nxt):
                    text += " " + nxt
                else:
                    break
            if re.search(r"\d", text) and not re.search(r"[a-zA-Z]{4}", text):
                continue
            for name, rx in _BAB3_RX:
                if rx.search(text):
                    if bab3[name] is None:
                        bab3[name] = page.number
                    break
    # Realisasi Anggaran as a heading outside the numbered ones ("REALISASI ANGGARAN")
    return Structure(parts=parts, bab3=bab3, toc=toc, first=first, closed=closed)
