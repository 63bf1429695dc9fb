#!/usr/bin/env python3
"""Build the Word-made sample corpus: python-docx documents converted to PDF by LibreOffice.

The reportlab samples (``samples/build.py``) are typeset by us; real LKIPs are typed in
Word and exported to PDF. This builder writes each document of the corpus as a DOCX the
way Word writes one (A4, Liberation Sans, heading styles, tables with repeating header
rows, merged cells as gridSpan/vMerge, column widths proportional to content so long
money values wrap inside their cells, landscape sections, a cover, page numbers in the
footer) and converts all of them to PDF in one ``soffice --headless`` call.

Sources are in the format of ``samples/FORMAT.md`` (plus the extensions listed in
``samples/wild/README.md``). Which tables and paragraphs a document may hold is decided
by the relations file of its source (``samples/wild/relations/<source>.yaml``, see
``samples/wild/RELATIONS.md``): a table or text block the relations file does not list
is left out, so every inconsistency the document prints is in its truth file. Headings
are always kept. Every document has a clean twin ``<name>-bersih`` built from
``oracle.clean(...)``.

Usage::

    python samples/wild/build.py                   # every document, DOCX + PDF
    python samples/wild/build.py --only bkd-word-grid --only konvensi-lain
    python samples/wild/build.py --no-pdf          # DOCX only (no LibreOffice needed)
    python samples/wild/build.py --out DIR         # somewhere else (tests)

The DOCX files are deterministic: fixed core properties and zip member dates, so
building twice gives byte-identical DOCX files. The PDFs are LibreOffice's, with its
conversion date fixed and its /ID derived from the content (same LibreOffice version,
same fonts: same bytes).
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import importlib.util
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SAMPLES_SRC = REPO / "samples" / "src"
WILD_SRC = HERE / "src"
RELATIONS = HERE / "relations"

FONT = "Liberation Sans"
BODY_PT = 11
TABLE_PT = 8
WORD_CAP = 46.0  # points: a longer word or number may wrap inside its cell
CAPTION_PT = 10
CELL_MARGIN_TW = 108  # Word's default left/right cell margin, 0.19 cm
TW_PER_PT = 20
A4_W_TW, A4_H_TW = 11906, 16838
MARGIN_TW = 1418  # 2,5 cm
FIXED_DATE = datetime(2025, 2, 14, 8, 0, 0, tzinfo=timezone.utc)
ZIP_DATE = (2025, 2, 14, 8, 0, 0)


class BuildError(Exception):
    """Bad source data or a failed conversion; the message says where."""


# --------------------------------------------------------------------------
# the documents of the corpus

@dataclass
class DocSpec:
    name: str  # output stem: <name>.docx / <name>.pdf, clean twin <name>-bersih
    source: Path  # source folder in FORMAT.md form
    borders: str = "grid"  # grid | none | hrules
    cover: bool = True
    files: list[str] | None = None  # only these document/*.yaml files (None: all)
    only_tables: list[str] | None = None  # excerpt: only these table stems (and their lead-in)
    lead_in: int = 0  # excerpt: how many text blocks before the table to keep
    errors: bool = True  # apply the source's errors.yaml (the clean twin never does)
    notes: str = ""


DOCS: list[DocSpec] = [
    DocSpec("bkd-word-grid", SAMPLES_SRC / "bkd-banten-2024", "grid",
            notes="BKD Banten, Word tables with every border"),
    DocSpec("bkd-word-noborder", SAMPLES_SRC / "bkd-banten-2024", "none",
            notes="same content, tables without any border"),
    DocSpec("bkd-word-hrules", SAMPLES_SRC / "bkd-banten-2024", "hrules",
            notes="same content, horizontal rules only"),
    DocSpec("konvensi-lain", WILD_SRC / "konvensi-lain", "grid",
            notes="invented Disperindag Sukamaju 2023 in other conventions, with errors.yaml"),
    DocSpec("draf-bab3", WILD_SRC / "konvensi-lain", "grid", cover=False,
            files=["30-bab3.yaml"], notes="planner's draft: Bab III of konvensi-lain only"),
    DocSpec("kutipan-1hal", WILD_SRC / "konvensi-lain", "grid", cover=False,
            files=["30-bab3.yaml"], only_tables=["3"], lead_in=1,
            notes="one-page excerpt: one table with a sentence above it"),
]


# --------------------------------------------------------------------------
# source loading (the oracle's when it is there, else the same shape from the files)

def _import_oracle():
    path = HERE / "oracle.py"
    if not path.exists():
        return None
    try:
        from samples.wild import oracle  # type: ignore
        return oracle
    except Exception:  # noqa: BLE001 - fall back to importing by path
        spec = importlib.util.spec_from_file_location("wild_oracle", path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules.setdefault("wild_oracle", mod)
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        return mod


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def load_source_local(src: Path) -> dict:
    """meta, tables {stem: raw table dict}, blocks [(file, index, block)] from a source folder."""
    meta = _load_yaml(src / "meta.yaml") or {}
    tables = {}
    for p in sorted((src / "tables").glob("*.yaml")):
        tables[p.name[: -len(".yaml")]] = _load_yaml(p)
    blocks = []
    for p in sorted((src / "document").glob("*.yaml")):
        for i, b in enumerate(_load_yaml(p) or []):
            blocks.append((p.name, i, b))
    return {"meta": meta, "tables": tables, "blocks": blocks}


def apply_errors_local(source: dict, errors: list[dict]) -> dict:
    """The errors.yaml semantics of samples/FORMAT.md, on the dict form."""
    s = copy.deepcopy(source)
    for e in errors or []:
        if "table" in e:
            t = s["tables"][str(e["table"])]
            row = t["rows"][e["row"]]
            cells = row["cells"] if isinstance(row, dict) else row
            if cells[e["col"]] == str(e["value"]):
                raise BuildError(f"error {e['id']}: value equals the clean cell")
            cells[e["col"]] = str(e["value"])
        else:
            f, i = e["block"]["file"], e["block"]["index"]
            for n, (bf, bi, b) in enumerate(s["blocks"]):
                if bf == f and bi == i:
                    kind = next(k for k in b if k in ("paragraph", "heading", "bullets"))
                    if kind == "bullets":
                        hits = [j for j, x in enumerate(b[kind]) if e["find"] in x]
                        if len(hits) != 1:
                            raise BuildError(f"error {e['id']}: find text not found once")
                        b[kind][hits[0]] = b[kind][hits[0]].replace(e["find"], e["replace"])
                    else:
                        if str(b[kind]).count(e["find"]) != 1:
                            raise BuildError(f"error {e['id']}: {e['find']!r} not found once in "
                                             f"{f} block {i}")
                        b[kind] = str(b[kind]).replace(e["find"], e["replace"])
                    break
            else:
                raise BuildError(f"error {e['id']}: no block {i} in {f}")
    return s


def relations_path(spec: DocSpec) -> Path | None:
    for cand in (RELATIONS / f"{spec.source.name}.yaml", RELATIONS / f"{spec.name}.yaml"):
        if cand.exists():
            return cand
    return None


def _allowed(relations: Any) -> tuple[set[str] | None, set[tuple[str, int]] | None]:
    """Table stems and (file, index) text blocks the relations file lets a document hold.

    None means "no relations file" (then everything is allowed). samples/wild/RELATIONS.md:
    tables listed under ``tables``, blocks under ``blocks`` ([file, index]) or named by a
    claim.
    """
    if relations is None:
        return None, None
    stems = {str(x) for x in (relations.get("tables") or {})}
    blks: set[tuple[str, int]] = set()
    for x in relations.get("blocks") or []:
        if isinstance(x, dict):
            blks.add((str(x["file"]), int(x["index"])))
        else:
            blks.add((str(x[0]), int(x[1])))
    for c in relations.get("claims") or []:
        b = c.get("block")
        if isinstance(b, dict):
            blks.add((str(b["file"]), int(b["index"])))
        elif b:
            blks.add((str(b[0]), int(b[1])))
    return stems, blks


# --------------------------------------------------------------------------
# tables: normalised form

@dataclass
class Table:
    stem: str
    number: str | None
    title: str
    caption: str  # above | below
    caption_text: str | None
    orientation: str
    col_widths: list[float] | None
    header: list[list[dict]]  # {text, rowspan, colspan, col}
    rows: list[dict]  # {cells, bold, indent, span}
    ncols: int
    vmerge: list[tuple[int, int, int]] = field(default_factory=list)  # (col, first, last) body rows
    font_pt: float = TABLE_PT


def norm_table(stem: str, d: dict) -> Table:
    header = []
    for row in d["header"]:
        out = []
        for c in row:
            if isinstance(c, dict):
                out.append({"text": "" if c.get("text") is None else str(c["text"]),
                            "rowspan": int(c.get("rowspan", 1)), "colspan": int(c.get("colspan", 1))})
            else:
                out.append({"text": "" if c is None else str(c), "rowspan": 1, "colspan": 1})
        header.append(out)
    ncols = sum(c["colspan"] for c in header[0])
    occ = [[False] * ncols for _ in header]
    for r, row in enumerate(header):
        col = 0
        for c in row:
            while occ[r][col]:
                col += 1
            c["col"] = col
            for rr in range(r, r + c["rowspan"]):
                for cc in range(col, col + c["colspan"]):
                    occ[rr][cc] = True
            col += c["colspan"]
    rows = []
    for i, r in enumerate(d["rows"]):
        if isinstance(r, dict):
            cells, bold = r["cells"], bool(r.get("bold", False))
            indent, span = int(r.get("indent", 0) or 0), [tuple(x) for x in (r.get("span") or [])]
        else:
            cells, bold, indent, span = r, False, 0, []
        cells = ["" if c is None else str(c) for c in cells]
        if len(cells) != ncols:
            raise BuildError(f"table {stem}: row {i} has {len(cells)} cells, expected {ncols}")
        rows.append({"cells": cells, "bold": bold, "indent": indent, "span": span})
    vmerge = [tuple(int(x) for x in v) for v in (d.get("vmerge") or [])]
    for col, a, b in vmerge:
        if not (0 <= col < ncols and 0 <= a < b < len(rows)):
            raise BuildError(f"table {stem}: bad vmerge {[col, a, b]}")
        for i in range(a + 1, b + 1):
            if rows[i]["cells"][col].strip():
                raise BuildError(f"table {stem}: vmerge {[col, a, b]} covers non-empty row {i}")
    number = d.get("number")
    return Table(stem=stem, number=None if number is None else str(number),
                 title=str(d.get("title") or ""), caption=d.get("caption") or "above",
                 caption_text=d.get("caption_text"), orientation=d.get("orientation") or "portrait",
                 col_widths=d.get("col_widths"), header=header, rows=rows, ncols=ncols,
                 vmerge=vmerge, font_pt=float(d.get("font_pt") or TABLE_PT))


def caption_of(t: Table) -> str | None:
    """The caption paragraph as printed, or None (no caption)."""
    if t.caption_text is not None:
        return str(t.caption_text) or None
    if t.number is None:
        return None
    return f"Tabel {t.number} {t.title}"


# --------------------------------------------------------------------------
# column widths, the way Word's autofit gives them

_NUM = re.compile(
    r"^[(\-−]?\s?(?:Rp\.?\s?)?[-−]?\d[\d.,]*(?:,-)?\s?%?\)?$"
    r"|^\d[\d.,]*\s?%?\s?[-–]\s?\d[\d.,]*\s?%?$"
    r"|^[<>≤≥]=?\s?\d[\d.,]*\s?%?$")
_NUM_UNIT = re.compile(r"^[<>≤≥]?\s?\d[\d.,]*\s?%?\s+\S.{0,24}$")


def _width_pt(text: str, bold: bool, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # Helvetica = Liberation Sans metrics

    return stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size)


def col_widths_pt(t: Table, avail_pt: float) -> list[float]:
    """Column widths in points summing to at most ``avail_pt``.

    A source ``col_widths`` is taken as the author's relative widths (the table was
    dragged to shape in Word). Otherwise widths are proportional to each column's
    longest line, as Word's AutoFit-to-contents gives them, capped so a long label
    wraps and scaled down to the page: a number that no longer fits wraps inside its
    cell, as in Word.
    """
    pad = 2 * CELL_MARGIN_TW / TW_PER_PT + 1
    nat = [pad + 8.0] * t.ncols
    low = [pad + 8.0] * t.ncols  # longest word, up to WORD_CAP: Word keeps short words whole
    for r in t.rows:
        skip = {j for a, b in r["span"] for j in range(a, b + 1)}
        for j, c in enumerate(r["cells"]):
            if j in skip:
                continue
            extra = pad + 9 * r["indent"]
            nat[j] = max(nat[j], _width_pt(c, r["bold"], t.font_pt) + extra)
            longest = max((_width_pt(w, r["bold"], t.font_pt) for w in c.split()), default=0)
            low[j] = max(low[j], min(longest, WORD_CAP) + extra)
    for row in t.header:
        for c in row:
            if c["colspan"] == 1:
                longest = max((_width_pt(w, True, t.font_pt) for w in c["text"].split()), default=0)
                nat[c["col"]] = max(nat[c["col"]], longest + pad)
                low[c["col"]] = max(low[c["col"]], min(longest, WORD_CAP) + pad)
    if t.col_widths:
        return _fit([float(x) for x in t.col_widths], low, avail_pt)
    cap = avail_pt * 0.42
    nat = [max(min(x, cap), m) for x, m in zip(nat, low)]
    s, smin = sum(nat), sum(low)
    if s <= avail_pt:
        return nat
    if smin >= avail_pt:
        return [x * avail_pt / smin for x in low]
    # what is left after the minimums goes to each column by how much more it wants
    return [m + (avail_pt - smin) * (x - m) / (s - smin) for x, m in zip(nat, low)]


def _fit(pref: list[float], mins: list[float], avail: float) -> list[float]:
    """Scale relative widths to ``avail``, no column under its minimum when they fit."""
    if sum(mins) >= avail:
        return [m * avail / sum(mins) for m in mins]
    fixed: set[int] = set()
    while True:
        free = [j for j in range(len(pref)) if j not in fixed]
        room = avail - sum(mins[j] for j in fixed)
        scale = room / sum(pref[j] for j in free)
        low = [j for j in free if pref[j] * scale < mins[j] - 1e-9]
        if not low:
            return [mins[j] if j in fixed else pref[j] * scale for j in range(len(pref))]
        fixed |= set(low)


def cell_align(text: str, col: int, short_first: bool) -> str:
    t = text.strip()
    if col == 0 and short_first:
        return "c"
    if t in ("-", "–", "—"):
        return "c"
    if _NUM.match(t):
        return "r"
    if _NUM_UNIT.match(t):
        return "c"
    return "l"


# --------------------------------------------------------------------------
# DOCX writing

def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement

    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(_qn(k.replace("_", ":", 1)) if "_" in k else _qn(k), str(v))
    return e


def _set_font(style, size: float | None = None, bold: bool | None = None) -> None:
    from docx.shared import Pt, RGBColor

    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(_qn("w:rFonts"))
    if rfonts is None:
        rfonts = _el("w:rFonts")
        rpr.insert(0, rfonts)
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(_qn(a)) is not None:
            del rfonts.attrib[_qn(a)]
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(_qn(a), FONT)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)


def _setup_styles(doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    st = doc.styles
    normal = st["Normal"]
    _set_font(normal, BODY_PT)
    pf = normal.paragraph_format
    pf.space_after, pf.space_before, pf.line_spacing = Pt(6), Pt(0), 1.15
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for lvl, size in ((1, 14), (2, 12), (3, 11)):
        h = st[f"Heading {lvl}"]
        _set_font(h, size, True)
        h.font.italic = False
        h.paragraph_format.space_before = Pt(12 if lvl == 1 else 10)
        h.paragraph_format.space_after = Pt(8 if lvl == 1 else 6)
        h.paragraph_format.keep_with_next = True
        h.paragraph_format.alignment = (WD_ALIGN_PARAGRAPH.CENTER if lvl == 1
                                        else WD_ALIGN_PARAGRAPH.LEFT)
        if lvl == 1:
            h.paragraph_format.page_break_before = True
    cap = st["Caption"]
    _set_font(cap, CAPTION_PT, True)
    cap.font.italic = False
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.paragraph_format.space_before, cap.paragraph_format.space_after = Pt(6), Pt(4)
    tt = st.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    tt.base_style = normal
    _set_font(tt, TABLE_PT)
    tpf = tt.paragraph_format
    tpf.space_after, tpf.space_before, tpf.line_spacing = Pt(0), Pt(0), 1.0
    tpf.alignment = WD_ALIGN_PARAGRAPH.LEFT
    lb = st["List Bullet"]
    _set_font(lb, BODY_PT)
    for name in ("Header", "Footer"):
        _set_font(st[name], 9)
    title = st["Title"]
    _set_font(title, 26, True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the Title style of the default template draws a rule under itself: drop it
    ppr = title.element.find(_qn("w:pPr"))
    if ppr is not None:
        for b in ppr.findall(_qn("w:pBdr")):
            ppr.remove(b)


def _add_runs(p, text: str, bold: bool = False, size: float | None = None) -> None:
    """Text with **bold** spans as runs."""
    from docx.shared import Pt

    for k, part in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
        if not part:
            continue
        r = p.add_run(part)
        if bold or k % 2 == 1:
            r.bold = True
        if size is not None:
            r.font.size = Pt(size)


def _field(p, instr: str) -> None:
    """A field (PAGE) as Word writes it: begin, instrText, separate, result, end."""
    r = p.add_run()
    r._r.append(_el("w:fldChar", **{"w:fldCharType": "begin"}))
    r = p.add_run()
    it = _el("w:instrText")
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    it.text = f" {instr} "
    r._r.append(it)
    r = p.add_run()
    r._r.append(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    p.add_run("1")
    r = p.add_run()
    r._r.append(_el("w:fldChar", **{"w:fldCharType": "end"}))


def _page_setup(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    w, h = (A4_H_TW, A4_W_TW) if landscape else (A4_W_TW, A4_H_TW)
    section.page_width, section.page_height = Twips(w), Twips(h)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN_TW))
    section.header_distance = Twips(708)
    section.footer_distance = Twips(708)


def _page_numbering(section, fmt: str | None, start: int | None) -> None:
    sect = section._sectPr
    old = sect.find(_qn("w:pgNumType"))
    if old is not None:
        sect.remove(old)
    if fmt is None and start is None:
        return
    e = _el("w:pgNumType")
    if fmt:
        e.set(_qn("w:fmt"), fmt)
    if start is not None:
        e.set(_qn("w:start"), str(start))
    # schema order: pgNumType comes after pgMar/paperSrc and before cols
    cols = sect.find(_qn("w:cols"))
    if cols is not None:
        cols.addprevious(e)
    else:
        sect.append(e)


def _set_footer(section, meta: dict, label: str | None, running: str | None) -> None:
    """Unlinked header (running title) and footer (page number, e.g. "III - " + PAGE)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section.footer.is_linked_to_previous = False
    section.header.is_linked_to_previous = False
    hp = section.header.paragraphs[0]
    hp.text = ""
    if running:
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = hp.add_run(running)
        r.italic = True
    fp = section.footer.paragraphs[0]
    fp.text = ""
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if label is None:
        return
    pre, _, post = label.partition("{page}")
    if pre:
        fp.add_run(pre)
    _field(fp, "PAGE")
    if post:
        fp.add_run(post)


def _borders(kind: str):
    tb = _el("w:tblBorders")
    on = {"grid": {"top", "left", "bottom", "right", "insideH", "insideV"},
          "hrules": {"top", "bottom", "insideH"},
          "none": set()}[kind]
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side in on:
            tb.append(_el(f"w:{side}", **{"w:val": "single", "w:sz": "4", "w:space": "0",
                                          "w:color": "000000"}))
        else:
            tb.append(_el(f"w:{side}", **{"w:val": "nil"}))
    return tb


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(_el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))


def _cell_text(cell, text: str, align: str, bold: bool, indent: int, size: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    p._p.get_or_add_pPr().style = "TableText"  # by id: p.style = name scans all styles
    p.alignment = {"l": WD_ALIGN_PARAGRAPH.LEFT, "r": WD_ALIGN_PARAGRAPH.RIGHT,
                   "c": WD_ALIGN_PARAGRAPH.CENTER}[align]
    if indent and align == "l":
        p.paragraph_format.left_indent = Pt(9 * indent)
    if text:
        _add_runs(p, text, bold=bold, size=size if size != TABLE_PT else None)


def add_table(doc, t: Table, borders: str, avail_tw: int) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.shared import Twips

    nh = len(t.header)
    tbl = doc.add_table(rows=nh + len(t.rows), cols=t.ncols)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [int(round(w * TW_PER_PT)) for w in col_widths_pt(t, avail_tw / TW_PER_PT)]
    tblpr = tbl._tbl.tblPr
    for old in tblpr.findall(_qn("w:tblStyle")):
        tblpr.remove(old)
    tblpr.append(_el("w:tblW", **{"w:w": str(sum(widths)), "w:type": "dxa"}))
    tblpr.append(_borders(borders))
    tblpr.append(_el("w:tblLayout", **{"w:type": "fixed"}))
    mar = _el("w:tblCellMar")
    for side in ("left", "right"):
        mar.append(_el(f"w:{side}", **{"w:w": str(CELL_MARGIN_TW), "w:type": "dxa"}))
    tblpr.append(mar)
    for gc, w in zip(tbl._tbl.tblGrid.findall(_qn("w:gridCol")), widths):
        gc.set(_qn("w:w"), str(w))
    rows = tbl.rows
    for r in range(nh):  # header rows repeat on every page (Word: "Repeat as header row")
        trpr = rows[r]._tr.get_or_add_trPr()
        trpr.append(_el("w:tblHeader"))
    nr = nh + len(t.rows)
    flat = tbl._cells  # one pass; tbl.cell(r, c) walks the whole table every call
    grid = [flat[r * t.ncols:(r + 1) * t.ncols] for r in range(nr)]
    for r in range(nr):
        for j in range(t.ncols):
            grid[r][j].width = Twips(widths[j])
    # merges first, text afterwards
    for r, row in enumerate(t.header):
        for c in row:
            if c["rowspan"] > 1 or c["colspan"] > 1:
                grid[r][c["col"]].merge(grid[r + c["rowspan"] - 1][c["col"] + c["colspan"] - 1])
    for i, row in enumerate(t.rows):
        for a, b in row["span"]:
            grid[nh + i][a].merge(grid[nh + i][b])
    for col, a, b in t.vmerge:
        grid[nh + a][col].merge(grid[nh + b][col])
    flat = tbl._cells
    grid = [flat[r * t.ncols:(r + 1) * t.ncols] for r in range(nr)]
    for r, row in enumerate(t.header):
        for c in row:
            cell = grid[r][c["col"]]
            _cell_text(cell, c["text"], "c", True, 0, t.font_pt)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if borders == "grid":
                _shade(cell, "D9D9D9")
    short_first = all(len(r["cells"][0].strip()) <= 5 for r in t.rows
                      if not any(a == 0 for a, _ in r["span"]))
    covered = {(a + 1 + k, col) for col, a, b in t.vmerge for k in range(b - a)}
    for i, row in enumerate(t.rows):
        skip = {j for a, b in row["span"] for j in range(a + 1, b + 1)}
        for j, text in enumerate(row["cells"]):
            if j in skip or (i, j) in covered:
                continue
            al = cell_align(text, j, short_first)
            if any(a == j for a, _ in row["span"]):
                # a merged cell: a section row ("Sasaran Strategis 1 : ...") reads from the left
                al = "l" if len(text.strip()) > 5 and not _NUM.match(text.strip()) else "c"
            cell = grid[nh + i][j]
            _cell_text(cell, text, al, row["bold"], row["indent"], t.font_pt)
            if any(v[0] == j and v[1] == i for v in t.vmerge):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _caption(doc, text: str, above: bool) -> None:
    p = doc.add_paragraph(style="Caption")
    for k, line in enumerate(text.split("\n")):  # "Tabel 7" / title on the next line
        if k:
            p.add_run().add_break()
        _add_runs(p, line)
    p.paragraph_format.keep_with_next = above


def _cover(doc, meta: dict) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    lines = [str(x) for x in (meta.get("cover") or [])]
    for _ in range(4):
        doc.add_paragraph()
    for i, line in enumerate(lines):
        p = doc.add_paragraph(style="Title" if i == 0 else "Normal")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_runs(p, line, bold=True, size=None if i == 0 else 16)
        p.paragraph_format.space_after = Pt(14)
    blob = " ".join(lines).lower()
    extra = []
    if str(meta["instansi"]).lower() not in blob:
        extra.append(str(meta["instansi"]).upper())
    if str(meta["tahun"]) not in blob:
        extra.append(f"TAHUN {meta['tahun']}")
    for _ in range(8):
        doc.add_paragraph()
    for line in extra:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_runs(p, line, bold=True, size=14)


def _running(meta: dict) -> str:
    return str(meta.get("running_title") or f"LKIP {meta['instansi']} Tahun {meta['tahun']}")


def _numbering_for(meta: dict, fname: str) -> tuple[str | None, int | None, str]:
    """(pgNumType fmt, start, footer label) of the part that starts with document file ``fname``."""
    parts = meta.get("page_numbering") or {}
    p = parts.get(fname)
    if not p:
        return None, None, "{page}"
    return p.get("format"), p.get("start"), str(p.get("label") or "{page}")


def select_blocks(spec: DocSpec, source: dict, relations: Any) -> tuple[list[tuple], list[str]]:
    """The blocks this document holds, and why some were left out."""
    stems, texts = _allowed(relations)
    out, dropped = [], []
    blocks = [b for b in source["blocks"] if spec.files is None or b[0] in spec.files]
    for f, i, b in blocks:
        kind = next((k for k in b if k in ("heading", "paragraph", "bullets", "table",
                                           "page_break", "scanned")), None)
        if kind == "scanned":
            dropped.append(f"{f}#{i} scanned page (no text layer in a Word document)")
            continue
        if kind == "table":
            stem = str(b["table"])
            if stems is not None and stem not in stems:
                dropped.append(f"{f}#{i} table {stem} (not in the relations file)")
                continue
        if kind in ("paragraph", "bullets") and texts is not None and (f, i) not in texts:
            dropped.append(f"{f}#{i} {kind} (not in the relations file)")
            continue
        out.append((f, i, b))
    if spec.only_tables is not None:
        keep = []
        for n, (f, i, b) in enumerate(out):
            if "table" in b and str(b["table"]) in spec.only_tables:
                lead = [x for x in out[:n] if "paragraph" in x[2]][-spec.lead_in:] if spec.lead_in else []
                keep += lead + [(f, i, b)]
        out = keep
    return out, dropped


def write_docx(spec: DocSpec, source: dict, relations: Any, out: Path, clean: bool) -> dict:
    """One DOCX; returns what it holds (tables in order, text blocks, dropped blocks)."""
    import docx
    from docx.enum.section import WD_SECTION

    meta = source["meta"]
    tables = {stem: norm_table(stem, d) for stem, d in source["tables"].items()}
    blocks, dropped = select_blocks(spec, source, relations)
    doc = docx.Document()
    _setup_styles(doc)
    cp = doc.core_properties
    cp.author = str(meta["instansi"])
    cp.last_modified_by = str(meta["instansi"])
    cp.title = _running(meta) + (" (bersih)" if clean else "")
    cp.subject = f"Laporan Kinerja Instansi Pemerintah Tahun {meta['tahun']}"
    cp.created = cp.modified = cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.comments = "lkip-audit samples/wild/build.py"
    running = _running(meta) if meta.get("header_running_title") else None

    sec = doc.sections[0]
    _page_setup(sec, False)
    body_w = A4_W_TW - 2 * MARGIN_TW
    land_w = A4_H_TW - 2 * MARGIN_TW
    first = True
    if spec.cover:
        _cover(doc, meta)
        _set_footer(sec, meta, None, None)
        first = False
    state = {"landscape": False, "file": None, "label": "{page}", "fresh": True}

    def new_section(landscape: bool, fname: str | None = None) -> None:
        nonlocal first
        if first:
            s = doc.sections[0]
            first = False
        else:
            s = doc.add_section(WD_SECTION.NEW_PAGE)
        _page_setup(s, landscape)
        state["landscape"], state["fresh"] = landscape, True
        if fname is not None:
            fmt, start, label = _numbering_for(meta, fname)
            state["label"] = label
            _page_numbering(s, fmt, start)
            _set_footer(s, meta, label, running)
        else:
            _page_numbering(s, None, None)

    held = {"tables": [], "texts": [], "dropped": dropped}
    for f, i, b in blocks:
        if f != state["file"]:
            # a document file starts a new part: new section, its own page numbers
            state["file"] = f
            new_section(False, f)
        if "heading" in b:
            lvl = int(b.get("level", 1))
            p = doc.add_paragraph(style=f"Heading {lvl}")
            _add_runs(p, str(b["heading"]))
            if lvl == 1 and state["fresh"]:
                p.paragraph_format.page_break_before = False
            state["fresh"] = False
        elif "paragraph" in b:
            p = doc.add_paragraph()
            _add_runs(p, str(b["paragraph"]))
            held["texts"].append((f, i))
            state["fresh"] = False
        elif "bullets" in b:
            for x in b["bullets"]:
                p = doc.add_paragraph(style="List Bullet")
                _add_runs(p, str(x))
            held["texts"].append((f, i))
            state["fresh"] = False
        elif "page_break" in b:
            if not state["fresh"]:
                doc.add_page_break()
                state["fresh"] = True
        elif "table" in b:
            t = tables[str(b["table"])]
            land = t.orientation == "landscape"
            if land:
                new_section(True)
            cap = caption_of(t)
            if cap and t.caption != "below":
                _caption(doc, cap, True)
            add_table(doc, t, spec.borders, land_w if land else body_w)
            if cap and t.caption == "below":
                _caption(doc, cap, False)
            else:
                doc.add_paragraph().paragraph_format.space_after = 0  # Word's paragraph after a table
            held["tables"].append(t.stem)
            state["fresh"] = False
            if land:
                new_section(False)
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_normalise_zip(buf.getvalue()))
    return held


def _normalise_zip(data: bytes) -> bytes:
    """Same members, fixed dates: a rebuilt DOCX is byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------
# sources of one document: with errors, and clean

def sources_for(spec: DocSpec, oracle=None) -> tuple[dict, dict | None, Any]:
    """(source as printed, clean source or None, relations or None)."""
    oracle = oracle if oracle is not None else _import_oracle()
    if oracle is not None and hasattr(oracle, "load_source"):
        src = oracle.load_source(spec.source)
    else:
        src = load_source_local(spec.source)
    rpath = relations_path(spec)
    relations = None
    if rpath is not None:
        relations = oracle.load_relations(rpath) if oracle is not None else _load_yaml(rpath)
    epath = spec.source / "errors.yaml"
    errors = (_load_yaml(epath) or []) if epath.exists() else []
    if errors and spec.errors:
        if oracle is not None and hasattr(oracle, "apply_errors"):
            printed = oracle.apply_errors(src, errors)
        else:
            printed = apply_errors_local(src, errors)
    else:
        printed = src
    clean = None
    if oracle is not None and relations is not None and hasattr(oracle, "clean"):
        clean = oracle.clean(src, relations)
    elif errors:
        clean = src  # a synthetic source is consistent before its errors are applied
    return printed, clean, relations


_PDF_DATE = re.compile(rb"/CreationDate\(D:(\d{14})([^)]*)\)")
_PDF_SUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]{32})")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")


def normalise_pdf(data: bytes) -> bytes:
    """LibreOffice stamps the conversion time, a random /ID and a /DocChecksum: fix the date
    and derive the other two from the rest of the file, byte for byte the same length (the
    xref offsets stay right), so converting an unchanged DOCX again gives the same PDF."""
    data = _PDF_DATE.sub(lambda m: b"/CreationDate(D:20250214080000" + m.group(2) + b")", data)
    spots = [(m.start(1), m.end(1)) for m in _PDF_ID.finditer(data)]
    spots += [(m.start(2), m.end(2)) for m in _PDF_ID.finditer(data)]
    spots += [(m.start(1), m.end(1)) for m in _PDF_SUM.finditer(data)]
    if not spots:
        return data
    buf = bytearray(data)
    for a, b in spots:
        buf[a:b] = b"0" * (b - a)
    h = hashlib.md5(bytes(buf)).hexdigest().upper().encode()
    for a, b in spots:
        buf[a:b] = h[: b - a]
    return bytes(buf)


def convert(docx_files: list[Path], outdir: Path, log=print) -> None:
    """All DOCX to PDF in one soffice run, with a private profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise BuildError("soffice (LibreOffice) not found; use --no-pdf to write the DOCX only")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        cmd = [soffice, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir)] + [str(p) for p in docx_files]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if r.returncode != 0:
        raise BuildError(f"soffice failed ({r.returncode}): {r.stderr.strip()[:500]}")
    for p in docx_files:
        pdf = outdir / (p.stem + ".pdf")
        if not pdf.exists():
            raise BuildError(f"soffice wrote no PDF for {p.name}: {r.stdout.strip()[:300]}")
        pdf.write_bytes(normalise_pdf(pdf.read_bytes()))
    log(f"converted {len(docx_files)} DOCX to PDF")


def build(names: list[str] | None, out: Path, pdf: bool = True, log=print) -> list[Path]:
    oracle = _import_oracle()
    if oracle is None:
        log("note: samples/wild/oracle.py not found: no relations filter, clean twins only "
            "for sources with errors.yaml")
    written = []
    for spec in DOCS:
        if names and spec.name not in names:
            continue
        printed, clean, relations = sources_for(spec, oracle)
        if relations is None:
            log(f"note: {spec.name}: no relations file for {spec.source.name}: every table and "
                f"paragraph is included")
        held = write_docx(spec, printed, relations, out / f"{spec.name}.docx", clean=False)
        written.append(out / f"{spec.name}.docx")
        log(f"{spec.name}.docx: {len(held['tables'])} tables, {len(held['texts'])} text blocks, "
            f"{len(held['dropped'])} blocks left out")
        if clean is not None:
            write_docx(spec, clean, relations, out / f"{spec.name}-bersih.docx", clean=True)
            written.append(out / f"{spec.name}-bersih.docx")
        else:
            log(f"note: {spec.name}: no clean source (needs the oracle and a relations file); "
                f"clean twin not built")
    if pdf and written:
        convert(written, out, log)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", metavar="NAME", help="build only this document")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default samples/wild)")
    ap.add_argument("--no-pdf", action="store_true", help="write the DOCX files only")
    ap.add_argument("--list", action="store_true", help="list the documents and exit")
    a = ap.parse_args(argv)
    if a.list:
        for d in DOCS:
            print(f"{d.name}\t{d.source.relative_to(REPO)}\t{d.notes}")
        return 0
    known = {d.name for d in DOCS}
    bad = [n for n in (a.only or []) if n not in known]
    if bad:
        print(f"error: unknown document(s) {bad}; known: {sorted(known)}", file=sys.stderr)
        return 2
    try:
        build(a.only, a.out, pdf=not a.no_pdf)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
