#!/usr/bin/env python3
"""Build the sample LKIP PDFs from their data files.

Every folder ``samples/src/<sample>/`` (see ``samples/FORMAT.md``) becomes one
PDF in ``samples/`` (two for synthetic samples with ``errors.yaml``: the sample
with the injected errors and, when ``output_clean`` is set, its clean twin),
plus a layout manifest ``samples/<output stem>.layout.json`` that records where
reportlab actually drew every table, table row, block, scanned page and
landscape page. The manifest is the oracle the extraction tests use.

The PDFs imitate a Word-exported LKIP: A4, cover page, running footer, level-1
headings on a new page, ruled tables with merged header cells, repeated header
rows on every page of a long table, landscape table pages and image-only
"scanned" appendix pages without a text layer.

The build is deterministic: building twice gives byte-identical files.

Usage::

    python samples/build.py                       # every sample in samples/src
    python samples/build.py --only bkd-banten-2024
    python samples/build.py --src DIR --out DIR   # e.g. a test fixture
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepInFrame,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

rl_config.invariant = 1  # fixed /ID and creation date: byte-identical rebuilds

HERE = Path(__file__).resolve().parent
DEFAULT_SRC = HERE / "src"
DEFAULT_OUT = HERE

MARGIN = 2.5 * cm
FOOTER_GAP = 1.0 * cm
SCAN_DPI = 150

BODY_FONT, BODY_BOLD, BODY_ITALIC = "Times-Roman", "Times-Bold", "Times-Italic"
HEAD_FONT = "Helvetica-Bold"
TABLE_FONT, TABLE_BOLD = "Helvetica", "Helvetica-Bold"
TABLE_SIZE, TABLE_LEADING = 8, 9.6
CELL_PAD = 3
INDENT_STEP = 9
HEADER_BG = colors.HexColor("#D9D9D9")

BLOCK_KINDS = ("heading", "paragraph", "bullets", "table", "page_break", "scanned")


class BuildError(Exception):
    """Bad sample data: the message says which file and what is wrong."""


# --------------------------------------------------------------------------
# styles

def _styles() -> dict[str, ParagraphStyle]:
    s = {}
    s["body"] = ParagraphStyle("body", fontName=BODY_FONT, fontSize=11, leading=15,
                               alignment=TA_JUSTIFY, spaceAfter=6)
    s["bullet"] = ParagraphStyle("bullet", parent=s["body"], spaceAfter=2)
    s["h1"] = ParagraphStyle("h1", fontName=HEAD_FONT, fontSize=14, leading=18,
                             alignment=TA_CENTER, spaceAfter=14, spaceBefore=0)
    s["h2"] = ParagraphStyle("h2", fontName=HEAD_FONT, fontSize=12, leading=15,
                             spaceBefore=10, spaceAfter=6)
    s["h3"] = ParagraphStyle("h3", fontName=HEAD_FONT, fontSize=11, leading=14,
                             spaceBefore=8, spaceAfter=4)
    s["caption"] = ParagraphStyle("caption", fontName=BODY_BOLD, fontSize=10, leading=12.5,
                                  alignment=TA_CENTER, spaceBefore=4, spaceAfter=4)
    for name, font, align in (("cell", TABLE_FONT, TA_LEFT), ("cell_r", TABLE_FONT, TA_RIGHT),
                              ("cell_c", TABLE_FONT, TA_CENTER), ("cellb", TABLE_BOLD, TA_LEFT),
                              ("cellb_r", TABLE_BOLD, TA_RIGHT), ("cellb_c", TABLE_BOLD, TA_CENTER),
                              ("head", TABLE_BOLD, TA_CENTER)):
        s[name] = ParagraphStyle(name, fontName=font, fontSize=TABLE_SIZE, leading=TABLE_LEADING,
                                 alignment=align, splitLongWords=1)
    s["cover1"] = ParagraphStyle("cover1", fontName=HEAD_FONT, fontSize=30, leading=38,
                                 alignment=TA_CENTER, spaceAfter=18)
    s["cover2"] = ParagraphStyle("cover2", fontName=HEAD_FONT, fontSize=18, leading=24,
                                 alignment=TA_CENTER, spaceAfter=12)
    s["cover3"] = ParagraphStyle("cover3", fontName=HEAD_FONT, fontSize=15, leading=20,
                                 alignment=TA_CENTER, spaceAfter=8)
    s["scan_title"] = ParagraphStyle("scan_title", fontName=BODY_BOLD, fontSize=13, leading=17,
                                     alignment=TA_CENTER, spaceAfter=12)
    return s


STYLES = _styles()


_UNICODE_FONT = "DejaVuSans"
_UNICODE_FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)


def _fc_match(family: str) -> tuple[str, ...]:
    """The TrueType file fontconfig picks for ``family`` (empty without fontconfig or
    when its match is not a .ttf, which reportlab cannot embed)."""
    import shutil
    import subprocess

    if shutil.which("fc-match") is None:
        return ()
    r = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, timeout=30)
    f = r.stdout.strip()
    return (f,) if r.returncode == 0 and f.lower().endswith(".ttf") else ()


def _unicode_font() -> str:
    """A TrueType font for characters the standard PDF fonts lack (e.g. the sigma in
    formula cells); real reports embed such fonts, so the text layer keeps them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _UNICODE_FONT not in pdfmetrics.getRegisteredFontNames():
        for f in (*_UNICODE_FONT_FILES, *_fc_match("DejaVu Sans")):
            if Path(f).is_file():
                pdfmetrics.registerFont(TTFont(_UNICODE_FONT, f))
                break
        else:
            raise BuildError("text has characters outside Latin-1; install fonts-dejavu-core "
                             "(apt-get install fonts-dejavu-core) to build the samples")
    return _UNICODE_FONT


def _wide_chars(t: str) -> str:
    def repl(m: re.Match) -> str:
        return f'<font name="{_unicode_font()}">{m.group(0)}</font>'

    return re.sub(r"[^\x00-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u20ac]+", repl, t)


def markup(text: Any) -> str:
    """Plain data text to reportlab para markup: escape, then **bold**."""
    t = _wide_chars(escape(str(text)))
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", t)


# --------------------------------------------------------------------------
# loading and validation

@dataclass
class TableSpec:
    stem: str
    path: Path
    number: str | None
    title: str
    caption: str  # above | below
    style: str  # grid | horizontal
    orientation: str  # portrait | landscape
    col_widths: list[float] | None
    header: list[list[dict]]  # cells: {text, rowspan, colspan, col}
    rows: list[dict]  # {cells, bold, indent, span}
    ncols: int


@dataclass
class Sample:
    name: str
    src: Path
    meta: dict
    blocks: list[dict]  # {file, index, kind, value, opts}
    tables: dict[str, TableSpec]
    errors: list[dict] | None
    warnings: list[str] = field(default_factory=list)


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.safe_load(f)
    except yaml.YAMLError as e:
        raise BuildError(f"{path}: invalid YAML: {e}") from None


def _check_scalar(c: Any, where: str) -> None:
    """Cell text must be a string (or a plain int): YAML turns 100.00 into 100.0."""
    if c is None or isinstance(c, str) or (isinstance(c, int) and not isinstance(c, bool)):
        return
    raise BuildError(f"{where}: {c!r} was read by YAML as {type(c).__name__}, not text; quote "
                     f"it exactly as printed (e.g. \"100,00\")")


def _header_cell(c: Any, where: str) -> dict:
    if isinstance(c, dict):
        if "text" not in c:
            raise BuildError(f"{where}: header cell {c!r} has no 'text'")
        extra = set(c) - {"text", "rowspan", "colspan"}
        if extra:
            raise BuildError(f"{where}: header cell has unknown keys {sorted(extra)}")
        _check_scalar(c["text"], where)
        rs, cs = int(c.get("rowspan", 1)), int(c.get("colspan", 1))
        if rs < 1 or cs < 1:
            raise BuildError(f"{where}: rowspan/colspan must be >= 1")
        return {"text": "" if c["text"] is None else str(c["text"]), "rowspan": rs, "colspan": cs}
    if c is None:
        c = ""
    if isinstance(c, (list, tuple)):
        raise BuildError(f"{where}: header cell must be a string or mapping, got {c!r}")
    _check_scalar(c, where)
    return {"text": str(c), "rowspan": 1, "colspan": 1}


def load_table(path: Path) -> TableSpec:
    d = _load_yaml(path)
    stem = path.stem if not path.name.endswith(".yaml") else path.name[: -len(".yaml")]
    if not isinstance(d, dict):
        raise BuildError(f"{path}: a table file must be a mapping")
    number = d.get("number")
    number = None if number is None else str(number)
    caption = d.get("caption", "above") or "above"
    style = d.get("style", "grid") or "grid"
    orientation = d.get("orientation", "portrait") or "portrait"
    if caption not in ("above", "below"):
        raise BuildError(f"{path}: caption must be 'above' or 'below', got {caption!r}")
    if style not in ("grid", "horizontal"):
        raise BuildError(f"{path}: style must be 'grid' or 'horizontal', got {style!r}")
    if orientation not in ("portrait", "landscape"):
        raise BuildError(f"{path}: orientation must be 'portrait' or 'landscape', got {orientation!r}")
    hdr = d.get("header") or []
    if not isinstance(hdr, list) or not hdr or not all(isinstance(r, list) for r in hdr):
        raise BuildError(f"{path}: 'header' must be a non-empty list of rows (lists of cells)")
    header = [[_header_cell(c, f"{path}: header row {i}") for c in row] for i, row in enumerate(hdr)]
    ncols = sum(c["colspan"] for c in header[0])
    # place header cells on the grid (HTML rules: covered cells are omitted)
    nh = len(header)
    occ = [[False] * ncols for _ in range(nh)]
    for r, row in enumerate(header):
        col = 0
        for c in row:
            while col < ncols and occ[r][col]:
                col += 1
            if col + c["colspan"] > ncols:
                raise BuildError(
                    f"{path}: header row {r}: cell {c['text']!r} does not fit; the table has "
                    f"{ncols} columns (sum of the colspans of header row 0)")
            if r + c["rowspan"] > nh:
                raise BuildError(f"{path}: header row {r}: cell {c['text']!r} rowspan {c['rowspan']} "
                                 f"goes past the {nh} header rows")
            for rr in range(r, r + c["rowspan"]):
                for cc in range(col, col + c["colspan"]):
                    if occ[rr][cc]:
                        raise BuildError(f"{path}: header row {r}: cell {c['text']!r} overlaps another cell")
                    occ[rr][cc] = True
            c["col"] = col
            col += c["colspan"]
        if not all(occ[r]):
            missing = [i for i, v in enumerate(occ[r]) if not v]
            raise BuildError(f"{path}: header row {r} leaves columns {missing} empty; expected cells "
                             f"covering {ncols} columns")
    cw = d.get("col_widths")
    if cw is not None:
        if not isinstance(cw, list) or len(cw) != ncols or not all(
                isinstance(x, (int, float)) and x > 0 for x in cw):
            raise BuildError(f"{path}: col_widths must be {ncols} positive numbers, got {cw!r}")
        cw = [float(x) for x in cw]
    rows_in = d.get("rows")
    if not isinstance(rows_in, list) or not rows_in:
        raise BuildError(f"{path}: 'rows' must be a non-empty list")
    rows = []
    for i, r in enumerate(rows_in):
        if isinstance(r, dict):
            extra = set(r) - {"cells", "bold", "indent", "span"}
            if extra:
                raise BuildError(f"{path}: row {i}: unknown keys {sorted(extra)}")
            cells = r.get("cells")
            bold = bool(r.get("bold", False))
            indent = int(r.get("indent", 0) or 0)
            span = r.get("span") or []
        else:
            cells, bold, indent, span = r, False, 0, []
        if not isinstance(cells, list):
            raise BuildError(f"{path}: row {i}: cells must be a list, got {cells!r}")
        if len(cells) != ncols:
            raise BuildError(f"{path}: row {i} has {len(cells)} cells, expected {ncols} "
                             f"(the colspans of header row 0): {cells!r}")
        for j, c in enumerate(cells):
            _check_scalar(c, f"{path}: row {i} cell {j}")
        cells = ["" if c is None else str(c) for c in cells]
        if indent not in (0, 1, 2, 3):
            raise BuildError(f"{path}: row {i}: indent must be 0, 1 or 2, got {indent}")
        if not isinstance(span, list):
            raise BuildError(f"{path}: row {i}: span must be a list of [a, b] pairs")
        spans = []
        covered: set[int] = set()
        for sp in span:
            if (not isinstance(sp, (list, tuple)) or len(sp) != 2
                    or not all(isinstance(x, int) for x in sp) or not 0 <= sp[0] < sp[1] < ncols):
                raise BuildError(f"{path}: row {i}: bad span {sp!r} (need [a, b], 0 <= a < b < {ncols})")
            if covered & set(range(sp[0], sp[1] + 1)):
                raise BuildError(f"{path}: row {i}: overlapping spans {span!r}")
            covered |= set(range(sp[0], sp[1] + 1))
            for j in range(sp[0] + 1, sp[1] + 1):
                if cells[j].strip():
                    raise BuildError(f"{path}: row {i}: cell {j} is covered by span {list(sp)} "
                                     f"but is not empty ({cells[j]!r}); the text of a span is "
                                     f"taken from cell {sp[0]}")
            spans.append((sp[0], sp[1]))
        rows.append({"cells": cells, "bold": bold, "indent": indent, "span": spans})
    title = d.get("title")
    if number is not None and not title:
        raise BuildError(f"{path}: a numbered table needs a 'title'")
    return TableSpec(stem=stem, path=path, number=number, title="" if title is None else str(title),
                     caption=caption, style=style, orientation=orientation, col_widths=cw,
                     header=header, rows=rows, ncols=ncols)


def _parse_block(b: Any, where: str) -> dict:
    if not isinstance(b, dict):
        raise BuildError(f"{where}: a block must be a mapping like {{paragraph: ...}}, got {b!r}")
    kinds = [k for k in b if k in BLOCK_KINDS]
    if len(kinds) != 1:
        raise BuildError(f"{where}: a block needs exactly one of {BLOCK_KINDS}, got keys {list(b)}")
    kind = kinds[0]
    opts = {k: v for k, v in b.items() if k != kind}
    allowed = {"heading": {"level"}}.get(kind, set())
    if set(opts) - allowed:
        raise BuildError(f"{where}: {kind} block has unknown keys {sorted(set(opts) - allowed)}")
    value = b[kind]
    if kind == "heading":
        lvl = opts.get("level", 1)
        if lvl not in (1, 2, 3):
            raise BuildError(f"{where}: heading level must be 1, 2 or 3, got {lvl!r}")
        if not isinstance(value, (str, int, float)):
            raise BuildError(f"{where}: heading must be a string")
        value = str(value)
    elif kind == "paragraph":
        if not isinstance(value, (str, int, float)):
            raise BuildError(f"{where}: paragraph must be a string, got {value!r}")
        value = str(value)
    elif kind == "bullets":
        if not isinstance(value, list) or not all(isinstance(x, (str, int, float)) for x in value):
            raise BuildError(f"{where}: bullets must be a list of strings")
        value = [str(x) for x in value]
    elif kind == "table":
        if value is None or isinstance(value, (list, dict)):
            raise BuildError(f"{where}: table must name a file stem in tables/, got {value!r}")
        if isinstance(value, float):
            raise BuildError(f"{where}: table stem {value!r} was read as a number; quote it "
                             f"(table: \"{value}\") so that e.g. 3.10 does not become 3.1")
        value = str(value)
    elif kind == "page_break":
        pass
    elif kind == "scanned":
        if not isinstance(value, dict):
            raise BuildError(f"{where}: scanned must be a mapping {{title, paragraphs, table}}")
        extra = set(value) - {"title", "paragraphs", "table"}
        if extra:
            raise BuildError(f"{where}: scanned block has unknown keys {sorted(extra)}")
        paras = value.get("paragraphs") or []
        if not isinstance(paras, list):
            raise BuildError(f"{where}: scanned.paragraphs must be a list of strings")
        t = value.get("table")
        if isinstance(t, float):
            raise BuildError(f"{where}: scanned.table {t!r} was read as a number; quote it")
        value = {"title": value.get("title"), "paragraphs": [str(p) for p in paras],
                 "table": None if t is None else str(t)}
    return {"kind": kind, "value": value, "opts": opts}


def load_sample(src: Path) -> Sample:
    meta_path = src / "meta.yaml"
    if not meta_path.exists():
        raise BuildError(f"{src}: no meta.yaml")
    meta = _load_yaml(meta_path)
    if not isinstance(meta, dict):
        raise BuildError(f"{meta_path}: must be a mapping")
    for k in ("output", "instansi", "tahun"):
        if not meta.get(k):
            raise BuildError(f"{meta_path}: missing '{k}'")
    if not str(meta["output"]).endswith(".pdf"):
        raise BuildError(f"{meta_path}: output must be a .pdf file name")
    if meta.get("output_clean") and not str(meta["output_clean"]).endswith(".pdf"):
        raise BuildError(f"{meta_path}: output_clean must be a .pdf file name")
    cover = meta.get("cover") or []
    if not isinstance(cover, list):
        raise BuildError(f"{meta_path}: cover must be a list of lines")
    tables = {}
    tdir = src / "tables"
    if tdir.is_dir():
        for p in sorted(tdir.glob("*.yaml")):
            t = load_table(p)
            tables[t.stem] = t
    blocks = []
    ddir = src / "document"
    files = sorted(ddir.glob("*.yaml")) if ddir.is_dir() else []
    if not files:
        raise BuildError(f"{src}: no document/*.yaml files")
    for p in files:
        data = _load_yaml(p)
        if data is None:
            data = []
        if not isinstance(data, list):
            raise BuildError(f"{p}: a document file must be a YAML list of blocks")
        for i, b in enumerate(data):
            blk = _parse_block(b, f"{p}: block {i}")
            blk.update(file=p.name, index=i)
            blocks.append(blk)
    sample = Sample(name=src.name, src=src, meta=meta, blocks=blocks, tables=tables, errors=None)
    used = set()
    for b in blocks:
        stem = b["value"] if b["kind"] == "table" else (
            b["value"]["table"] if b["kind"] == "scanned" else None)
        if stem is None:
            continue
        if stem not in tables:
            raise BuildError(f"{src / 'document' / b['file']}: block {b['index']}: table "
                             f"{stem!r} not found (no {src / 'tables' / (stem + '.yaml')})")
        if stem in used:
            sample.warnings.append(f"table {stem} is placed more than once")
        used.add(stem)
    for stem in sorted(set(tables) - used):
        sample.warnings.append(f"tables/{stem}.yaml is not referenced by any document block")
    numbers: dict[str, str] = {}
    for t in tables.values():
        if t.number is not None:
            if t.number in numbers:
                sample.warnings.append(f"caption number {t.number} used by both tables/"
                                       f"{numbers[t.number]}.yaml and tables/{t.stem}.yaml")
            numbers[t.number] = t.stem
    epath = src / "errors.yaml"
    if epath.exists():
        errs = _load_yaml(epath) or []
        if not isinstance(errs, list):
            raise BuildError(f"{epath}: must be a YAML list of errors")
        sample.errors = errs
    return sample


# --------------------------------------------------------------------------
# injected errors

def _block_texts(blk: dict) -> list[tuple[Any, str]]:
    """(setter-key, text) pairs of a block where narrative text lives."""
    k, v = blk["kind"], blk["value"]
    if k in ("heading", "paragraph"):
        return [(None, v)]
    if k == "bullets":
        return [(i, x) for i, x in enumerate(v)]
    if k == "scanned":
        out = [("title", v["title"] or "")]
        out += [(("p", i), x) for i, x in enumerate(v["paragraphs"])]
        return out
    return []


def apply_errors(sample: Sample) -> tuple[Sample, list[dict]]:
    """Return a copy of the sample with every error applied, and their records."""
    s = copy.deepcopy(sample)
    epath = s.src / "errors.yaml"
    records = []
    seen_ids: set[str] = set()
    seen_cells: set[tuple] = set()
    for n, e in enumerate(s.errors or []):
        where = f"{epath}: entry {n}"
        if not isinstance(e, dict):
            raise BuildError(f"{where}: must be a mapping")
        eid = e.get("id")
        if not eid:
            raise BuildError(f"{where}: missing 'id'")
        where = f"{epath}: {eid}"
        if eid in seen_ids:
            raise BuildError(f"{where}: duplicate id")
        seen_ids.add(eid)
        rec = {"id": eid, "kind": e.get("kind"), "rule": e.get("rule")}
        if "table" in e:
            stem = str(e["table"])
            t = s.tables.get(stem)
            if t is None:
                raise BuildError(f"{where}: table {stem!r} not found in tables/")
            row, col = e.get("row"), e.get("col")
            if not isinstance(row, int) or not 0 <= row < len(t.rows):
                raise BuildError(f"{where}: row {row!r} out of range (tables/{stem}.yaml has "
                                 f"{len(t.rows)} rows, 0-based)")
            if not isinstance(col, int) or not 0 <= col < t.ncols:
                raise BuildError(f"{where}: col {col!r} out of range ({t.ncols} columns, 0-based)")
            if any(a < col <= b for a, b in t.rows[row]["span"]):
                raise BuildError(f"{where}: cell ({row}, {col}) is hidden under a span")
            if "value" not in e:
                raise BuildError(f"{where}: missing 'value'")
            value = str(e["value"])
            old = t.rows[row]["cells"][col]
            if old == value:
                raise BuildError(f"{where}: value {value!r} equals the clean cell; the error "
                                 f"would not change anything")
            if (stem, row, col) in seen_cells:
                raise BuildError(f"{where}: cell ({row}, {col}) of table {stem} already changed "
                                 f"by another error")
            seen_cells.add((stem, row, col))
            t.rows[row]["cells"][col] = value
            rec.update(table=stem, number=t.number, row=row, col=col, clean=old, value=value)
        elif "block" in e:
            b = e["block"]
            if not isinstance(b, dict) or "file" not in b or "index" not in b:
                raise BuildError(f"{where}: block must be {{file: ..., index: ...}}")
            matches = [x for x in s.blocks if x["file"] == b["file"] and x["index"] == b["index"]]
            if not matches:
                raise BuildError(f"{where}: no block {b['index']} in document/{b['file']}")
            blk = matches[0]
            find, repl = e.get("find"), e.get("replace")
            if not isinstance(find, str) or not find or not isinstance(repl, str):
                raise BuildError(f"{where}: needs 'find' and 'replace' strings")
            if find == repl:
                raise BuildError(f"{where}: find and replace are equal")
            hits = [(key, txt) for key, txt in _block_texts(blk) for _ in range(txt.count(find))]
            if len(hits) != 1:
                raise BuildError(f"{where}: {find!r} occurs {len(hits)} times in document/"
                                 f"{b['file']} block {b['index']} ({blk['kind']}); it must occur "
                                 f"exactly once")
            key, txt = hits[0]
            new = txt.replace(find, repl)
            if key is None:
                blk["value"] = new
            elif isinstance(key, int):
                blk["value"][key] = new
            elif key == "title":
                blk["value"]["title"] = new
            else:
                blk["value"]["paragraphs"][key[1]] = new
            rec.update(block={"file": b["file"], "index": b["index"]}, find=find, replace=repl)
        else:
            raise BuildError(f"{where}: needs either 'table' (with row, col, value) or 'block' "
                             f"(with find, replace)")
        records.append(rec)
    return s, records


# --------------------------------------------------------------------------
# recording flowables: they note the page reportlab really drew them on

class Recorder:
    def __init__(self) -> None:
        self.table_pages: dict[int, set[int]] = {}
        self.row_pages: dict[int, dict[int, int]] = {}
        self.caption_pages: dict[int, int] = {}
        self.block_pages: dict[int, set[int]] = {}
        self.scanned_pages: list[int] = []
        self.landscape_pages: set[int] = set()
        self.pages = 0


class RecTable(Table):
    """A Table that knows which body rows of the source it holds.

    ``_row_ids`` has one entry per row of this (possibly split) piece: -1 for a
    header row, else the 0-based body row index. Table._splitRows builds the
    pieces with ``self.__class__`` and puts the repeated header rows first.
    """

    _rec: Recorder | None = None
    _occ = -1
    _row_ids: list[int] = []

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            p0, p1 = parts
            n = len(p0._cellvalues)
            rr = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
            ids0 = self._row_ids[:n]
            ids1 = (self._row_ids[:rr] if rr else []) + self._row_ids[n:]
            if len(ids0) != n or len(ids1) != len(p1._cellvalues):
                raise RuntimeError("table split bookkeeping is off")
            for p, ids in ((p0, ids0), (p1, ids1)):
                p._rec, p._occ, p._row_ids = self._rec, self._occ, ids
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        if self._rec is not None:
            pg = canvas.getPageNumber()
            self._rec.table_pages.setdefault(self._occ, set()).add(pg)
            rp = self._rec.row_pages.setdefault(self._occ, {})
            for rid in self._row_ids:
                if rid >= 0:
                    rp.setdefault(rid, pg)
        return super().drawOn(canvas, x, y, _sW)


class RecParagraph(Paragraph):
    _rec: Recorder | None = None
    _block = -1
    _caption_of = -1

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for p in parts:
            p._rec, p._block, p._caption_of = self._rec, self._block, self._caption_of
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        if self._rec is not None:
            pg = canvas.getPageNumber()
            if self._block >= 0:
                self._rec.block_pages.setdefault(self._block, set()).add(pg)
            if self._caption_of >= 0:
                self._rec.caption_pages.setdefault(self._caption_of, pg)
        return super().drawOn(canvas, x, y, _sW)


def rec_para(text: str, style, rec: Recorder | None, block: int = -1, caption_of: int = -1):
    p = RecParagraph(text, style)
    p._rec, p._block, p._caption_of = rec, block, caption_of
    return p


class CaptionBelow(Flowable):
    """A table with its caption under it; the caption never leaves the last rows."""

    GAP = 4

    def __init__(self, table: RecTable, caption: Paragraph) -> None:
        super().__init__()
        self.table, self.caption = table, caption
        self.spaceBefore = getattr(table, "spaceBefore", 0)
        self.spaceAfter = getattr(table, "spaceAfter", 0)

    def wrap(self, aW, aH):
        self._tw, self._th = self.table.wrap(aW, aH)
        self._cw, self._ch = self.caption.wrap(aW, aH)
        self.width, self.height = aW, self._th + self.GAP + self._ch
        return self.width, self.height

    def split(self, aW, aH):
        cw, ch = self.caption.wrap(aW, aH)
        parts = self.table.split(aW, aH - ch - self.GAP)
        if len(parts) != 2:
            return []
        return [parts[0], CaptionBelow(parts[1], self.caption)]

    def drawOn(self, canvas, x, y, _sW=0):
        tx = x + (self.width - self._tw) / 2.0
        self.table.drawOn(canvas, tx, y + self._ch + self.GAP)
        self.caption.drawOn(canvas, x, y)


class FullPageImage(Flowable):
    """An image covering the whole page; takes no room in the frame."""

    def __init__(self, jpeg: bytes, rec: Recorder | None) -> None:
        super().__init__()
        self.jpeg, self.rec = jpeg, rec

    def wrap(self, aW, aH):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):
        # absolute page coordinates: the frame origin does not matter
        w, h = canvas._pagesize
        canvas.saveState()
        canvas.drawImage(ImageReader(io.BytesIO(self.jpeg)), 0, 0, w, h)
        canvas.restoreState()
        if self.rec is not None:
            self.rec.scanned_pages.append(canvas.getPageNumber())


# --------------------------------------------------------------------------
# tables

_NUM = re.compile(
    r"^[(\-−]?\s?(?:Rp\.?\s?)?[-−]?\d[\d.,]*\s?%?\)?$"  # 1.234,56  (2.297)  Rp1.000  95,26%
    r"|^\d[\d.,]*\s?%?\s?[-–]\s?\d[\d.,]*\s?%?$"  # 70-80
    r"|^[<>≤≥]=?\s?\d[\d.,]*\s?%?$")
_NUM_UNIT = re.compile(r"^[<>≤≥]?\s?\d[\d.,]*\s?%?\s+\S.{0,24}$")  # 12 Dokumen, 4,98 Nilai


def cell_align(text: str, col: int, short_first_col: bool) -> str:
    t = text.strip()
    if col == 0 and short_first_col:
        return "c"
    if t in ("-", "–", "—"):
        return "c"
    if _NUM.match(t):
        return "r"
    if _NUM_UNIT.match(t):
        return "c"
    return "l"


def _text_width(text: str, font: str) -> float:
    return stringWidth(text, font, TABLE_SIZE)


# A word longer than this may break inside the word, as Word does (e.g.
# "Bulanan/Triwulanan/Semesteran"); when a table is too crowded the limit drops
# to the next value. Numbers never break.
WORD_MAX = (60.0, 40.0)
HEADER_WORD_MAX = 50.0


def _fit(pref: list[float], mins: list[float], hard: list[float], avail: float) -> list[float]:
    """Scale preferred widths to ``avail`` keeping every column >= its minimum.

    When even the minimums do not fit, words may break but numbers may not:
    fall back to the hard (numbers-only) minimums.
    """
    if sum(mins) >= avail:
        if sum(hard) >= avail:
            return [m * avail / sum(mins) for m in mins]
        mins = hard
    fixed: set[int] = set()
    while True:
        free = [j for j in range(len(pref)) if j not in fixed]
        room = avail - sum(mins[j] for j in fixed)
        scale = room / sum(pref[j] for j in free)
        low = [j for j in free if pref[j] * scale < mins[j] - 1e-9]
        if not low:
            return [mins[j] if j in fixed else pref[j] * scale for j in range(len(pref))]
        fixed |= set(low)


def column_extents(t: TableSpec, word_max: float = 60.0) -> tuple[list[float], list[float], list[float]]:
    """Minimum, natural and hard minimum (numbers only) width of every column.

    Points, padding included. The minimum keeps words and numbers whole: a
    number never wraps inside its cell.
    """
    n = t.ncols
    pad = 2 * CELL_PAD + 1
    mins = [pad + 6.0] * n
    nats = [pad + 6.0] * n
    hard = [pad + 6.0] * n

    def feed(cols: range, longest: float, natural: float, is_num: bool = False) -> None:
        arrs = ((mins, longest), (nats, natural)) + (((hard, longest),) if is_num else ())
        if len(cols) == 1:
            for arr, need in arrs:
                arr[cols[0]] = max(arr[cols[0]], need)
        else:  # spread a spanning cell's deficit over its columns
            for arr, need in arrs:
                have = sum(arr[j] for j in cols)
                if need > have:
                    for j in cols:
                        arr[j] += (need - have) / len(cols)

    for r in t.rows:
        font = TABLE_BOLD if r["bold"] else TABLE_FONT
        spanned = {a: b for a, b in r["span"]}
        skip = {j for a, b in r["span"] for j in range(a + 1, b + 1)}
        extra = r["indent"] * INDENT_STEP
        for j, c in enumerate(r["cells"]):
            if j in skip:
                continue
            words = c.split() or [""]
            natural = _text_width(" ".join(words), font) + pad + extra
            is_num = bool(_NUM.match(c.strip()))
            if is_num:
                longest = natural
            else:
                longest = min(max(_text_width(w, font) for w in words), word_max) + pad + extra
            feed(range(j, spanned.get(j, j) + 1), longest, natural, is_num)
    for row in t.header:
        for c in row:
            words = c["text"].split() or [""]
            longest = min(max(_text_width(w, TABLE_BOLD) for w in words), word_max, HEADER_WORD_MAX) + pad
            feed(range(c["col"], c["col"] + c["colspan"]), longest, longest)
    return mins, nats, [min(h, m) for h, m in zip(hard, mins)]


def compute_col_widths(t: TableSpec, avail: float) -> list[float]:
    for cap in WORD_MAX:
        mins, nats, hard = column_extents(t, cap)
        if sum(mins) < avail:
            break
    if t.col_widths:
        return _fit(list(t.col_widths), mins, hard, avail)
    # cap very long texts so that wide label columns wrap instead of starving others
    nats = [max(min(x, avail * 0.55), m) for x, m in zip(nats, mins)]
    smin, snat = sum(mins), sum(nats)
    if snat <= avail:
        return [x + (avail - snat) * x / snat for x in nats]
    if smin >= avail:
        return _fit(nats, mins, hard, avail)
    flex = snat - smin
    return [m + (avail - smin) * (x - m) / flex for m, x in zip(mins, nats)]


def build_table(t: TableSpec, avail_w: float, rec: Recorder | None, occ: int) -> RecTable:
    n, nh = t.ncols, len(t.header)
    data: list[list[Any]] = [[""] * n for _ in range(nh)]
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, nh - 1), "MIDDLE"),
        ("VALIGN", (0, nh), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, nh - 1), HEADER_BG),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, row in enumerate(t.header):
        for c in row:
            col = c["col"]
            data[r][col] = Paragraph(markup(c["text"]), STYLES["head"])
            if c["rowspan"] > 1 or c["colspan"] > 1:
                cmds.append(("SPAN", (col, r), (col + c["colspan"] - 1, r + c["rowspan"] - 1)))
                if t.style == "horizontal" and c["colspan"] > 1 and r + c["rowspan"] < nh:
                    cmds.append(("LINEBELOW", (col, r + c["rowspan"] - 1),
                                 (col + c["colspan"] - 1, r + c["rowspan"] - 1), 0.5, colors.black))
    short_first = all(len(r["cells"][0].strip()) <= 5 for r in t.rows
                      if not any(a == 0 for a, _ in r["span"]))
    for i, row in enumerate(t.rows):
        ri = nh + i
        out = []
        skip = {j for a, b in row["span"] for j in range(a + 1, b + 1)}
        for j, text in enumerate(row["cells"]):
            if j in skip:
                out.append("")
                continue
            al = cell_align(text, j, short_first)
            if any(a == j for a, _ in row["span"]) and al != "l":
                al = "c"
            sty = STYLES[("cellb" if row["bold"] else "cell") + {"l": "", "r": "_r", "c": "_c"}[al]]
            out.append(Paragraph(markup(text), sty))
            if row["indent"] and al == "l" and text.strip():
                cmds.append(("LEFTPADDING", (j, ri), (j, ri), CELL_PAD + INDENT_STEP * row["indent"]))
        data.append(out)
        for a, b in row["span"]:
            cmds.append(("SPAN", (a, ri), (b, ri)))
        if t.style == "horizontal":
            cmds.append(("LINEBELOW", (0, ri), (-1, ri), 0.25, colors.black))
    if t.style == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
                 ("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.75, colors.black),
                 ("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black)]
    widths = compute_col_widths(t, avail_w)
    tbl = RecTable(data, colWidths=widths, repeatRows=nh, style=TableStyle(cmds), hAlign="CENTER")
    tbl._rec, tbl._occ = rec, occ
    tbl._row_ids = [-1] * nh + list(range(len(t.rows)))
    return tbl


def caption_text(t: TableSpec) -> str:
    return f"Tabel. {t.number}. {t.title}"


def table_flowables(t: TableSpec, avail_w: float, avail_h: float, rec: Recorder | None,
                    occ: int) -> list[Flowable]:
    tbl = build_table(t, avail_w, rec, occ)
    if t.number is None:
        return [Spacer(1, 4), tbl, Spacer(1, 8)]
    cap = rec_para(markup(caption_text(t)), STYLES["caption"], rec, caption_of=occ)
    if t.caption == "below":
        return [Spacer(1, 4), CaptionBelow(tbl, cap), Spacer(1, 8)]
    # keep the caption with the header and the first rows (Word's "keep with next")
    nh = len(t.header)
    head = build_table(TableSpec(**{**t.__dict__, "rows": t.rows[:3]}), avail_w, None, -1)
    _, hh = head.wrap(avail_w, avail_h)
    _, ch = cap.wrap(avail_w, avail_h)
    need = min(hh + ch + 12, avail_h * 0.9)
    del nh
    return [CondPageBreak(need), cap, tbl, Spacer(1, 8)]


# --------------------------------------------------------------------------
# scanned pages

def render_scan_page(content: list[Flowable]) -> bytes:
    """Lay the content on one A4 page, print it to a PDF in memory."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, invariant=1)
    fw, fh = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN
    doc.build([KeepInFrame(fw, fh - 2, content, mode="shrink")])
    return buf.getvalue()


def rasterize_degrade(pdf_bytes: bytes, seed: str) -> bytes:
    """PDF page -> grayscale 150 dpi image, slightly rotated and noisy -> JPEG bytes."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops

    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        page = pdf[0]
        bm = page.render(scale=SCAN_DPI / 72.0, grayscale=True)
        img = bm.to_pil().convert("L")
        page.close()
    finally:
        pdf.close()
    rng = random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))
    angle = rng.choice((-1, 1)) * rng.uniform(0.3, 0.6)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255,
                     translate=(rng.randint(-6, 6), rng.randint(-6, 6)))
    # paper is never white and toner never black
    img = img.point(lambda v: int(28 + v * 0.9))
    w, h = img.size
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    img = ImageChops.subtract(img, noise.point(lambda v: v // 20))
    speck = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(
        lambda v: 110 if v > 253 else 0)
    img = ImageChops.subtract(img, speck)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70, optimize=False, dpi=(SCAN_DPI, SCAN_DPI))
    return out.getvalue()


def scanned_flowables(sample: Sample, blk: dict, rec: Recorder | None) -> list[Flowable]:
    v = blk["value"]
    content: list[Flowable] = []
    if v["title"]:
        content.append(Paragraph(markup(v["title"]), STYLES["scan_title"]))
    for p in v["paragraphs"]:
        content.append(Paragraph(markup(p), STYLES["body"]))
    if v["table"]:
        fw, fh = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN
        content += table_flowables(sample.tables[v["table"]], fw, fh, None, -1)
    if not content:
        raise BuildError(f"{sample.src / 'document' / blk['file']}: block {blk['index']}: "
                         f"scanned block is empty")
    jpeg = rasterize_degrade(render_scan_page(content),
                             f"{sample.name}/{blk['file']}/{blk['index']}")
    return [FullPageImage(jpeg, rec)]


# --------------------------------------------------------------------------
# document

def running_title(meta: dict) -> str:
    return str(meta.get("running_title") or f"LKIP {meta['instansi']} Tahun {meta['tahun']}")


class LkipDoc(BaseDocTemplate):
    def __init__(self, buf, meta: dict, rec: Recorder, **kw) -> None:
        self.meta, self.rec = meta, rec
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, invariant=1, **kw)
        pw, ph = A4
        lw, lh = landscape(A4)

        def fr(w, h, fid):
            return Frame(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN, id=fid,
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

        self.addPageTemplates([
            PageTemplate("cover", [fr(pw, ph, "cover")], pagesize=A4),
            PageTemplate("portrait", [fr(pw, ph, "body")], onPage=self._footer, pagesize=A4),
            PageTemplate("landscape", [fr(lw, lh, "land")], onPage=self._footer_land,
                         pagesize=landscape(A4)),
            PageTemplate("scanned", [Frame(0, 0, pw, ph, id="scan", leftPadding=0, rightPadding=0,
                                           topPadding=0, bottomPadding=0)], pagesize=A4),
        ])

    def _footer_land(self, canv, doc):
        self.rec.landscape_pages.add(canv.getPageNumber())
        self._footer(canv, doc)

    def _footer(self, canv, doc):
        w, _ = canv._pagesize
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.line(MARGIN, MARGIN - 0.45 * cm, w - MARGIN, MARGIN - 0.45 * cm)
        canv.setFont(BODY_ITALIC, 8.5)
        canv.drawString(MARGIN, MARGIN - 0.85 * cm, running_title(self.meta))
        canv.setFont(BODY_FONT, 10)
        canv.drawCentredString(w / 2.0, MARGIN - 1.45 * cm, str(canv.getPageNumber()))
        canv.restoreState()

    def afterPage(self):
        self.rec.pages = self.canv.getPageNumber()


class Emblem(Flowable):
    """A plain drawn emblem in place of the regional coat of arms (no text)."""

    def wrap(self, aW, aH):
        self._aW = aW
        return aW, 4.2 * cm

    def draw(self):
        c, r = self.canv, 1.9 * cm
        cx, cy = self._aW / 2.0, 2.1 * cm
        c.saveState()
        c.setLineWidth(2)
        c.setStrokeColor(colors.HexColor("#1F3864"))
        c.setFillColor(colors.HexColor("#DCE6F2"))
        p = c.beginPath()
        p.moveTo(cx - r, cy + r)
        p.lineTo(cx + r, cy + r)
        p.lineTo(cx + r, cy - 0.2 * r)
        p.curveTo(cx + r, cy - 0.7 * r, cx + 0.4 * r, cy - 0.95 * r, cx, cy - 1.05 * r)
        p.curveTo(cx - 0.4 * r, cy - 0.95 * r, cx - r, cy - 0.7 * r, cx - r, cy - 0.2 * r)
        p.close()
        c.drawPath(p, stroke=1, fill=1)
        c.setFillColor(colors.HexColor("#C9A227"))
        c.circle(cx, cy + 0.15 * r, 0.45 * r, stroke=1, fill=1)
        c.restoreState()


def cover_flowables(meta: dict) -> list[Flowable]:
    lines = [str(x) for x in (meta.get("cover") or [])]
    out: list[Flowable] = [Spacer(1, 2.2 * cm)]
    for i, line in enumerate(lines):
        out.append(Paragraph(markup(line), STYLES["cover1" if i == 0 else "cover2"]))
    out += [Spacer(1, 2.5 * cm), Emblem(), Spacer(1, 2.5 * cm)]
    blob = " ".join(lines).lower()
    inst, tahun = str(meta["instansi"]), str(meta["tahun"])
    if inst.lower() not in blob:
        out.append(Paragraph(markup(inst.upper()), STYLES["cover3"]))
    if tahun not in blob:
        out.append(Paragraph(markup(f"TAHUN {tahun}"), STYLES["cover3"]))
    return out


def build_pdf(sample: Sample, out_pdf: Path, error_records: list[dict] | None) -> dict:
    meta = sample.meta
    rec = Recorder()
    pw, ph = A4
    fw, fh = pw - 2 * MARGIN, ph - 2 * MARGIN
    lfw, lfh = ph - 2 * MARGIN, pw - 2 * MARGIN

    story: list[Flowable] = list(cover_flowables(meta))
    at_page_start = False

    def new_page(template: str) -> None:
        nonlocal at_page_start
        if at_page_start and isinstance(story[-1], PageBreak):
            story.insert(len(story) - 1, NextPageTemplate(template))
        else:
            story.extend([NextPageTemplate(template), PageBreak()])
        at_page_start = True

    new_page("portrait")
    occurrences: list[dict] = []
    for bi, blk in enumerate(sample.blocks):
        k, v = blk["kind"], blk["value"]
        if k == "heading":
            lvl = blk["opts"].get("level", 1)
            if lvl == 1:
                new_page("portrait")
            else:
                story.append(CondPageBreak(3 * cm))
            p = rec_para(markup(v), STYLES[f"h{lvl}"], rec, block=bi)
            p.keepWithNext = True
            story.append(p)
            at_page_start = False
        elif k == "paragraph":
            story.append(rec_para(markup(v), STYLES["body"], rec, block=bi))
            at_page_start = False
        elif k == "bullets":
            items = [ListItem(rec_para(markup(x), STYLES["bullet"], rec, block=bi),
                              leftIndent=18) for x in v]
            story.append(ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=18,
                                      bulletFontName=BODY_FONT, bulletFontSize=11))
            story.append(Spacer(1, 4))
            at_page_start = False
        elif k == "page_break":
            if not at_page_start:
                new_page("portrait")
        elif k == "table":
            t = sample.tables[v]
            occ = len(occurrences)
            occurrences.append({"stem": v, "block": bi})
            if t.orientation == "landscape":
                new_page("landscape")
                story.extend(table_flowables(t, lfw, lfh, rec, occ))
                at_page_start = False
                new_page("portrait")
            else:
                story.extend(table_flowables(t, fw, fh, rec, occ))
                at_page_start = False
        elif k == "scanned":
            new_page("scanned")
            n_before = len(story)
            story.extend(scanned_flowables(sample, blk, rec))
            for f in story[n_before:]:
                f._block = bi
            at_page_start = False
            new_page("portrait")
    while story and isinstance(story[-1], (PageBreak, NextPageTemplate)):
        story.pop()

    title = str(meta.get("title") or running_title(meta))
    buf = io.BytesIO()
    doc = LkipDoc(buf, meta, rec, title=title, author=str(meta["instansi"]),
                  subject=f"Laporan Kinerja Instansi Pemerintah Tahun {meta['tahun']}",
                  creator="lkip-audit samples/build.py", producer="ReportLab")
    doc.build(story)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(buf.getvalue())

    # ---- manifest
    tables = []
    for occ, o in enumerate(occurrences):
        t = sample.tables[o["stem"]]
        rp = rec.row_pages.get(occ, {})
        if len(rp) != len(t.rows):
            raise RuntimeError(f"{t.path}: only {len(rp)} of {len(t.rows)} rows were drawn")
        pages = set(rec.table_pages.get(occ, set()))
        cap_page = rec.caption_pages.get(occ)
        tables.append({
            "stem": o["stem"], "number": t.number, "title": t.title or None,
            "caption_text": caption_text(t) if t.number is not None else None,
            "pages": sorted(pages), "caption_page": cap_page,
            "columns": t.ncols, "header_rows": len(t.header), "rows": len(t.rows),
            "orientation": t.orientation, "style": t.style,
            "caption": t.caption if t.number is not None else None,
            "row_pages": [rp[i] for i in range(len(t.rows))],
            "block": {"file": sample.blocks[o["block"]]["file"],
                      "index": sample.blocks[o["block"]]["index"]},
        })
    scanned = []
    si = 0
    for bi, blk in enumerate(sample.blocks):
        if blk["kind"] == "scanned":
            scanned.append({"page": rec.scanned_pages[si], "title": blk["value"]["title"],
                            "table": blk["value"]["table"],
                            "block": {"file": blk["file"], "index": blk["index"]}})
            si += 1
    blocks = []
    for bi, blk in enumerate(sample.blocks):
        if blk["kind"] in ("heading", "paragraph", "bullets"):
            blocks.append({"file": blk["file"], "index": blk["index"], "kind": blk["kind"],
                           "pages": sorted(rec.block_pages.get(bi, set()))})
    manifest: dict[str, Any] = {
        "sample": sample.name, "pdf": out_pdf.name, "pages": rec.pages,
        "instansi": str(meta["instansi"]), "tahun": meta["tahun"],
        "tables": tables, "scanned_pages": sorted(rec.scanned_pages), "scanned": scanned,
        "landscape_pages": sorted(rec.landscape_pages), "blocks": blocks,
    }
    if error_records is not None:
        for e in error_records:
            if "table" in e:
                hits = [t for t in tables if t["stem"] == e["table"]]
                e["page"] = hits[0]["row_pages"][e["row"]] if hits else None
                if not hits:
                    e["scanned"] = True
            else:
                hits = [b for b in blocks if b["file"] == e["block"]["file"]
                        and b["index"] == e["block"]["index"]]
                e["page"] = hits[0]["pages"][0] if hits and hits[0]["pages"] else None
        manifest["errors"] = error_records
    mpath = out_pdf.with_name(out_pdf.stem + ".layout.json")
    text = json.dumps(manifest, ensure_ascii=False, indent=1)
    # one line per list of page numbers
    text = re.sub(r"\[\s*(\d+(?:,\s*\d+)*)\s*\]",
                  lambda mo: "[" + ", ".join(mo.group(1).split(",")).replace("  ", " ") + "]", text)
    mpath.write_text(text + "\n", encoding="utf-8")
    return manifest


def build_sample(src: Path, out: Path, log=print) -> list[Path]:
    sample = load_sample(src)
    for w in sample.warnings:
        print(f"warning: {src.name}: {w}", file=sys.stderr)
    written = []
    if sample.errors is not None:
        bad, records = apply_errors(sample)
        pdf = out / str(sample.meta["output"])
        m = build_pdf(bad, pdf, records)
        written.append(pdf)
        log(f"{src.name}: {pdf.name} ({m['pages']} pages, {len(m['tables'])} tables, "
            f"{len(records)} injected errors)")
        if sample.meta.get("output_clean"):
            pdf = out / str(sample.meta["output_clean"])
            m = build_pdf(sample, pdf, None)
            written.append(pdf)
            log(f"{src.name}: {pdf.name} ({m['pages']} pages, clean twin)")
    else:
        pdf = out / str(sample.meta["output"])
        m = build_pdf(sample, pdf, None)
        written.append(pdf)
        log(f"{src.name}: {pdf.name} ({m['pages']} pages, {len(m['tables'])} tables)")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder of sample folders")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the PDFs go")
    ap.add_argument("--only", action="append", metavar="SAMPLE",
                    help="build only this sample (repeatable)")
    a = ap.parse_args(argv)
    if not a.src.is_dir():
        print(f"error: {a.src} is not a directory", file=sys.stderr)
        return 2
    dirs = sorted(p for p in a.src.iterdir() if p.is_dir())
    if a.only:
        names = {p.name for p in dirs}
        missing = [n for n in a.only if n not in names]
        if missing:
            print(f"error: no sample {', '.join(missing)} in {a.src}", file=sys.stderr)
            return 2
        dirs = [p for p in dirs if p.name in a.only]
    failed = 0
    for d in dirs:
        if not (d / "meta.yaml").exists():
            print(f"warning: {d}: no meta.yaml, skipped", file=sys.stderr)
            continue
        try:
            build_sample(d, a.out)
        except BuildError as e:
            print(f"error: {e}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
