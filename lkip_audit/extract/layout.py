"""Page layout helpers: words into lines, captions, words into cells.

Works on plain word dicts as pdfplumber returns them (``text``, ``x0``, ``x1``,
``top``, ``bottom``, ``fontname``), so it is independent of how a page was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkip_audit.extract.model import BBox


def _vocabulary() -> dict:
    """rules/vocabulary/captions.yaml: the words a caption starts with, and those a
    sentence about a table starts its title with."""
    import yaml

    from lkip_audit.vocabulary import Loader, vocabulary_text

    return yaml.load(vocabulary_text("captions"), Loader=Loader)


_VOCABULARY = _vocabulary()

CAPTION_RE = re.compile(
    # The number may run straight into the title when it ends in a digit ("Tabel
    # III.3Evaluasi") and may end in a letter ("Tabel 3.1.3a.", "Tabel 2.1b"). The caption
    # words ("Tabel", "Table") are data: rules/vocabulary/captions.yaml.
    # A letter or roman number stands apart from the word ("Tabel A", not "Tables").
    r"^\s*(?:" + "|".join(_VOCABULARY["words"]) + r")(?:\s*\.?\s*(?=\d)|\s*\.\s*|\s+)(?P<num>(?:[IVX]+|[A-Z]|\d+)(?:\s*\.\s*\d+|,\d+)*(?:(?<=\d)[a-z](?![A-Za-z]))?)(?:(?<=\d)(?=[A-Z])|(?![A-Za-z]))"
    r"\s*\.?\s*(?P<title>.*)$",
    re.IGNORECASE,
)


def is_bold(word: dict) -> bool:
    name = (word.get("fontname") or "").lower()
    return "bold" in name or "black" in name or "heavy" in name


@dataclass
class Line:
    words: list[dict]
    top: float
    bottom: float
    x0: float
    x1: float

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def bold(self) -> bool:
        b = sum(len(w["text"]) for w in self.words if is_bold(w))
        return b * 2 > sum(len(w["text"]) for w in self.words)


def group_lines(words: list[dict], tolerance: float = 3.0) -> list[Line]:
    """Group words into text lines, top to bottom, left to right."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1].top) <= tolerance:
            ln = lines[-1]
            ln.words.append(w)
            ln.bottom = max(ln.bottom, w["bottom"])
            ln.x0 = min(ln.x0, w["x0"])
            ln.x1 = max(ln.x1, w["x1"])
        else:
            lines.append(Line([w], w["top"], w["bottom"], w["x0"], w["x1"]))
    for ln in lines:
        ln.words.sort(key=lambda w: w["x0"])
    return lines


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines of one cell or paragraph; undo end-of-line hyphenation."""
    out = ""
    for ln in (s.strip() for s in lines):
        if not ln:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and ln[:1].islower():
            out = out[:-1] + ln
        elif out:
            out += " " + ln
        else:
            out = ln
    return out


def normalise_space(s: str) -> str:
    return " ".join(s.split())


@dataclass
class Caption:
    number: str
    title: str
    bbox: BBox
    lines: list[Line] = field(default_factory=list)


_REFERENCE_RE = re.compile(r"^(?:" + "|".join(_VOCABULARY["reference_starts"]) + r")\b")


def _is_reference(title: str) -> bool:
    """A sentence that starts by naming a table ("Tabel 3.3 memperlihatkan perbandingan
    ...", "Tabel 3.5 di atas ...", "Table 2 shows ...") is prose about it, not its
    caption: a caption's title does not start with a verb or a preposition in lower case
    (the words: rules/vocabulary/captions.yaml)."""
    return bool(_REFERENCE_RE.match(title.strip()))


def find_captions(lines: list[Line]) -> list[Caption]:
    """Caption blocks: a "Tabel. N.N." line and the title lines that continue it."""
    caps: list[Caption] = []
    i = 0
    while i < len(lines):
        m = CAPTION_RE.match(lines[i].text)
        if not m or _is_reference(m.group("title")):
            i += 1
            continue
        block = [lines[i]]
        height = max(lines[i].bottom - lines[i].top, 6.0)
        # "Tabel 2. 1" alone on its line (often bold): the title is the next line, in its
        # own weight and at a little more distance.
        number_only = not m.group("title").strip()
        j = i + 1
        # Title continuation: lines close below, in the same weight, not another caption.
        while j < len(lines):
            nxt = lines[j]
            first = number_only and len(block) == 1
            if nxt.top - block[-1].bottom > height * (2.0 if first else 1.2) or CAPTION_RE.match(nxt.text):
                break
            if nxt.bold != block[-1].bold and not first:
                break
            block.append(nxt)
            j += 1
        # "Tabel 3,1": a comma for the dot
        num = re.sub(r"\s+", "", m.group("num")).rstrip(".").replace(",", ".")
        # "Table 1: Results": the colon after the number is no part of the title.
        title = join_lines([m.group("title").lstrip(": ")] + [b.text for b in block[1:]])
        bbox = BBox(min(b.x0 for b in block), block[0].top, max(b.x1 for b in block), block[-1].bottom)
        caps.append(Caption(num, normalise_space(title).rstrip(". "), bbox, block))
        i = j
    return caps


def words_in(words: list[dict], bbox: BBox, margin: float = 1.0) -> list[dict]:
    out = []
    for w in words:
        cx = (w["x0"] + w["x1"]) / 2
        cy = (w["top"] + w["bottom"]) / 2
        if bbox.x0 - margin <= cx <= bbox.x1 + margin and bbox.top - margin <= cy <= bbox.bottom + margin:
            out.append(w)
    return out


def text_of(words: list[dict]) -> str:
    return normalise_space(join_lines([ln.text for ln in group_lines(words)]))
