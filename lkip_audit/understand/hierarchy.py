"""Recover the row structure of a table: totals, parents, sections, the tree.

Signals, strongest first:

1. TOTAL rows by their label: JUMLAH, TOTAL, JUMLAH ANGGARAN, TOTAL BELANJA ...
   (the label may be spread over several cells: "TOTAL | BELANJA").
2. Which label column holds the row's text: a row written in the SUB KEGIATAN
   column is below one written in the KEGIATAN column.
3. Bold and indentation (Row.bold, Row.indent) when they vary between rows.
4. The numbering marker in the NO column, in a header-less marker column or at the
   start of the label: "I." (roman) above "1." above "1.1" above "a." above "-"
   above no marker. So in a rencana-realisasi table "1." marks the kegiatan and the
   unnumbered rows below it are its sub kegiatan.
5. Known nomenclature ("Program ...", "Kegiatan ...", "Sub Kegiatan ...") and
   combined label headers ("KEGIATAN/SUB KEGIATAN", "PROGRAM/INDIKATOR KINERJA
   PROGRAM") name the kind of each level.
6. Only when nothing above separates the rows: the numbers themselves (a row whose
   budget equals the sum of the rows right below it is their parent).

Rows of indicator kind (indicators of the program/kegiatan above) hang from that
row through `parent` / `indicators` but are not among its `children`; IKU and
sasaran rows stand alone. A TOTAL row covers the top rows since the previous total
(or, when nothing is above it, as in a JUMLAH printed first, the rows below it up
to the next total); a label-only SECTION row among them is replaced by its
children, or by its indicator row when that row carries the section's numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lkip_audit.extract.model import Row, Table
from lkip_audit.understand.columns import LABEL_FIELDS, combined_kinds, is_marker_column
from lkip_audit.understand.model import BODY, PARENT, SECTION, TOTAL, ColumnRole, RowInfo
from lkip_audit.understand.text import MARKER_RANK, header_tokens, leading_marker, marker_type, norm_label, ws

UNIT_LEVEL = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
STANDALONE = ("iku", "sasaran")
ADDITIVE = ("anggaran", "realisasi_rp", "murni", "perubahan", "jumlah", "kebutuhan", "terisi", "gap")

_TOTAL = re.compile(
    r"^(JUMLAH|TOTAL|SUB ?TOTAL|GRAND TOTAL)"
    r"( (ANGGARAN|BELANJA|KESELURUHAN|SELURUHNYA|PAGU|TOTAL|AKHIR|UMUM|PROGRAM|KEGIATAN|SUB KEGIATAN"
    r"|PNS|PEGAWAI|ASN|BELANJA DAERAH|APBD|APBN|[IVX]+|\d+))?$"
)
_AVERAGE = re.compile(r"^RATA\s*-?\s*RATA\b")
_NOMEN = (
    (re.compile(r"^SUB[ -]?KEGIATAN\b"), "sub_kegiatan"),
    (re.compile(r"^KEGIATAN\b"), "kegiatan"),
    (re.compile(r"^PROGRAM\b"), "program"),
)


def is_total_text(text: str | None) -> bool:
    t = norm_label(text)
    t = re.sub(r"[^A-Z0-9 ]", " ", t)
    return bool(_TOTAL.match(" ".join(t.split())))


def _strip_marker(text: str) -> str:
    from lkip_audit.understand.text import LEADING

    return LEADING.sub("", text or "", count=1)


def nomenclature(text: str | None) -> str | None:
    t = norm_label(_strip_marker(text or ""))
    for rx, kind in _NOMEN:
        if rx.match(t):
            return kind
    return None


@dataclass
class _Row:
    index: int
    label: str = ""
    label_col: int | None = None  # column giving the label (rightmost label cell with text)
    depth_col: int | None = None  # leftmost label column with text
    col_depth: int = 0
    marker: str = "none"
    bold: bool = False
    indent: float = 0.0
    has_values: bool = False
    total: bool = False
    kind: str | None = None
    nomen: str | None = None
    mark_style: str = ""  # the style of the number in its numbering column: "A", "I", "1", "a", "1.1"
    subtotal: bool = False  # "JUMLAH PKB": a total of unknown scope; closes the rows above, parents nothing
    outline: tuple = ()  # the outline number of the row ("2.2.3" -> (2, 2, 3)); a label, never a value
    indent_known: bool = True  # False: no text in the row to measure an indent from (Row.indent is 0)


def _cell_text(row: Row, i: int) -> str:
    return ws(row.cells[i].text) if i < len(row.cells) else ""


def _scan(table: Table, columns: list[ColumnRole]) -> list[_Row]:
    label_cols = sorted(c.index for c in columns if c.field in LABEL_FIELDS)
    mapped_value = {c.index for c in columns if c.field not in LABEL_FIELDS and c.field != "no"}
    # numbering columns: NO, and header-less columns holding only markers ("I.", "1.")
    marker_cols = {c.index for c in columns if c.field == "no"}
    mapped = {c.index for c in columns}
    label_words = {"NO", "URAIAN", "PROGRAM", "KEGIATAN", "INDIKATOR", "SASARAN"}
    for i, lab in enumerate(table.columns):
        header_ok = not ws(lab) or bool(label_words & set(header_tokens(lab)))
        if i not in mapped and header_ok and is_marker_column(table, i):
            marker_cols.add(i)
    non_value = set(label_cols) | marker_cols
    field_at = {c.index: c.field for c in columns}
    out: list[_Row] = []
    for row in table.rows:
        r = _Row(index=row.index, bold=row.bold, indent=row.indent)
        n = len(row.cells)
        # label: text in the label columns (markers alone do not count)
        texts = [(i, _cell_text(row, i)) for i in label_cols if i < n]
        texts = [(i, t) for i, t in texts if t and not marker_type(t)]
        if not texts:  # fall back to the first text cell outside the value columns
            cands = [i for i in range(n) if i not in mapped_value] + [i for i in range(n) if i in mapped_value]
            for i in cands:
                t = _cell_text(row, i)
                if t and not marker_type(t) and row.cells[i].number.kind == "text":
                    texts = [(i, t)]
                    break
        if texts:
            r.depth_col = texts[0][0]
            # A row naming a program/kegiatan/sub kegiatan AND its indicator is that
            # entity (the indicator is an attribute); indicator-only rows stay indicators.
            named = [(i, t) for i, t in texts
                     if field_at.get(i) in ("uraian", "program", "kegiatan", "sub_kegiatan")] or texts
            r.label_col = named[-1][0]
            r.label = named[-1][1]
            # Depth from the column holding the row's own name (a row that also fills
            # the sasaran/program columns to its left is not thereby their parent).
            # Only label columns of its own block count: a table printed twice side by side
            # ("Rancangan Awal" | "Hasil Analisa") has a value column between the blocks
            r.col_depth = sum(1 for i in label_cols if i < r.label_col
                              and not any(i < v < r.label_col for v in mapped_value))
        # marker: the nearest numbering marker left of (or at the start of) the label
        limit = r.depth_col if r.depth_col is not None else n
        if r.depth_col is not None and r.label_col is not None and r.depth_col != r.label_col:
            # another label column with text (a sasaran) stands between the number and the
            # row's own name: "1." numbers that sasaran, not this program/kegiatan (issue #11)
            limit = -1
        for i in range(min(limit, n) - 1, -1, -1):
            m = marker_type(_cell_text(row, i)) if i in marker_cols or i in label_cols else None
            if m:
                r.marker = m
                break
        else:
            own = r.label if limit == -1 else (texts[0][1] if texts else "")
            m = leading_marker(own) if own else None
            if m:
                r.marker = m
        # values: anything outside label / numbering columns
        for i in range(n):
            if i in non_value or i == r.depth_col or i == r.label_col:
                continue
            t = _cell_text(row, i)
            if not t:
                continue
            if i in mapped_value or row.cells[i].number.kind in ("number", "percent", "range", "malformed"):
                r.has_values = True
                break
        # total: the text before the first number ("TOTAL | BELANJA", "JUMLAH ANGGARAN")
        words = []
        for i in range(n):
            c = row.cells[i]
            t = _cell_text(row, i)
            if not t:
                continue
            if i in marker_cols and marker_type(t):
                continue
            if c.number.kind in ("number", "percent", "range", "malformed"):
                break
            words.append(t)
        joined = " ".join(words)
        if words and is_total_text(joined):
            r.total = True
            r.label = joined
        elif words and _caps_total(joined):
            # a total naming the table's own scope ("JUMLAH ANGGARAN PENDUKUNG (SEKRETARIAT)"
            # under "Uraian Program dan Kegiatan Pendukung (Sekretariat)") sums its rows
            if _names_own_scope(joined, table, columns):
                r.total = True
            else:
                r.subtotal = True
            r.label = joined
        # The extraction measures a row's indent on its first text cell; a row with no
        # words (an empty name cell, only numbers) gets 0, which says nothing about its level
        r.indent_known = any(c.number.kind == "text" and ws(c.text) and not marker_type(ws(c.text))
                             for c in row.cells)
        r.outline = _outline(row, marker_cols, r)
        r.mark_style = _mark_style(row, marker_cols)
        r.nomen = nomenclature(r.label)
        out.append(r)
    return out


_OUTLINE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")


def _outline(row: Row, marker_cols: set[int], r: _Row) -> tuple:
    """The row's outline number: the last marker of its numbering cells ("1 1.1" -> 1.1),
    else the number at the start of its label."""
    for i in sorted(marker_cols):
        t = _cell_text(row, i)
        if t:
            m = _OUTLINE.match(t.split()[-1])
            if m:
                return tuple(int(x) for x in m.group(1).split("."))
    m = re.match(r"^\s*(\d{1,3}(?:\.\d{1,3})+)\.?\s+\S", r.label or "")
    return tuple(int(x) for x in m.group(1).split(".")) if m else ()


def _mark_style(row: Row, marker_cols: set[int]) -> str:
    """The numbering style of the row's number cell: "A" (capital letter, which marker_type
    does not count), "I" (roman), "1", "a", "1.1"; "" when none."""
    for i in sorted(marker_cols):
        t = _cell_text(row, i).strip().rstrip(".)")
        if not t or len(t) > 6:
            continue
        if t == "I" or re.fullmatch(r"[IVX]{2,}", t):
            return "I"  # "I" alone: roman one more often than the ninth letter
        if re.fullmatch(r"[A-Z]", t):
            return "A"
        if re.fullmatch(r"[a-z]", t):
            return "a"
        if re.fullmatch(r"\d{1,3}", t):
            return "1"
        if re.fullmatch(r"\d{1,3}(\.\d{1,3})+", t):
            return "1.1"
    return ""


def _mrank(r: "_Row") -> float:
    """The numbering rank of a row; a capital letter ("A", "B", which marker_type does not
    count) ranks between roman (I.) and arabic (1.) numbers, as in "I. > A. > 1."."""
    if r.marker == "none" and r.mark_style == "A":
        return 0.5
    return MARKER_RANK[r.marker]


_STYLE_RANK = {"I": 0, "A": 1, "1": 2, "1.1": 3, "a": 4}


def _not_above(top: "_Row", r: "_Row") -> bool:
    """A row that names its level ("Program ...") is no child of a row of the same or a
    deeper level (a program under a kegiatan, a kegiatan under a kegiatan)."""
    if r.nomen is None or r.nomen not in UNIT_LEVEL:
        return False
    if top.outline and len(r.outline) > len(top.outline) and r.outline[:len(top.outline)] == top.outline:
        return False  # "5.03.01 PROGRAM ..." under "5.03 KEPEGAWAIAN": the outline number says child
    if _STYLE_RANK.get(top.mark_style, 9) < _STYLE_RANK.get(r.mark_style, -1):
        return False  # numbered below it ("C." over "16"): a kegiatan named "Program ..."
    if top.nomen is None and not _STYLE_RANK.get(r.mark_style, 9) < _STYLE_RANK.get(top.mark_style, -1):
        return False  # the row above names no level and its numbering does not rank below r's
    k = top.nomen or top.kind
    return k in UNIT_LEVEL and UNIT_LEVEL[k] >= UNIT_LEVEL[r.nomen]


def _numbering_kinds(parts: list["_Row"], notes: list[str]) -> None:
    """A row numbered like the named programs ("B" among "A. Program ...", "C. Program ...")
    but named without "Program" is a program too: its number says it is their sibling."""
    by_style: dict[str, set[str]] = {}
    for r in parts:
        if r.nomen and r.mark_style:
            by_style.setdefault(r.mark_style, set()).add(r.nomen)
    plain: dict[str, set[str]] = {}  # kinds of the rows that do not name themselves, by style
    for r in parts:
        if not r.nomen and r.mark_style and r.kind in UNIT_LEVEL:
            plain.setdefault(r.mark_style, set()).add(r.kind)
    for r in parts:
        # "16 Program Pelayanan ..." numbered like the kegiatan (12, 13, ...) under "C. Program":
        # its number says kegiatan, where the named programs carry another numbering style
        ks = plain.get(r.mark_style)
        if r.nomen in UNIT_LEVEL and ks and len(ks) == 1 and r.nomen not in ks and any(
                x.nomen == r.nomen and x.mark_style and x.mark_style != r.mark_style for x in parts):
            k = next(iter(ks))
            notes.append(f"row {r.index}: named {r.nomen} but numbered {r.mark_style!r} like the {k} rows")
            r.kind = r.nomen = k
    for r in parts:
        kinds = by_style.get(r.mark_style)
        if r.nomen or not r.mark_style or not kinds or len(kinds) != 1:
            continue
        k = next(iter(kinds))
        others = {x.nomen for x in parts if x.mark_style != r.mark_style and x.nomen}
        if r.kind != k and k not in others:
            notes.append(f"row {r.index}: numbered {r.mark_style!r} like the {k} rows, so a {k}")
            r.kind = k


def _caps_total(text: str) -> bool:
    """ "JUMLAH PKB", "TOTAL APBD": a short label in capitals opening with JUMLAH/TOTAL (an
    indicator named "Jumlah ..." is written in lower case). What it sums is not known (the
    rows above, or the whole APBD): it is nobody's parent and no sum is checked on it."""
    t = ws(text)
    w = t.split()
    return bool(w) and 2 <= len(w) <= 4 and t.isupper() and w[0] in ("JUMLAH", "TOTAL", "SUBTOTAL")


_SCOPE_GENERIC = {"JUMLAH", "TOTAL", "SUBTOTAL", "ANGGARAN", "BELANJA", "DAN", "DI", "KE", "YANG"}


def _names_own_scope(text: str, table: Table, columns: list[ColumnRole]) -> bool:
    """A caps JUMLAH/TOTAL label whose every other word (at least one) is printed in the
    header of the table's label column (what its rows are) names those rows, not an outside
    whole: JUMLAH PKB, TOTAL APBD (bab_iii.pdf Tabel 9, APBD only in the caption) and TOTAL
    ALOKASI ANGGARAN (bp3akb Tabel 2.3a) stay of unknown scope."""
    words = [w for w in re.sub(r"[^A-Z0-9 ]", " ", ws(text).upper()).split() if w not in _SCOPE_GENERIC]
    if not words:
        return False
    own = " ".join(c.label or "" for c in columns if c.field in LABEL_FIELDS)
    have = set(re.sub(r"[^A-Z0-9 ]", " ", own.upper()).split())
    return all(w in have for w in words)


def _column_kind(columns: list[ColumnRole], idx: int | None) -> tuple[str | None, list[str]]:
    """(kind, combined kinds) of the label column `idx`."""
    for c in columns:
        if c.index != idx:
            continue
        if c.field == "uraian":
            ks = combined_kinds(c.label)
            return (None, ks) if len(ks) >= 2 else (None, [])
        if c.field == "indikator":
            return ("iku" if "UTAMA" in header_tokens(c.label) else "indikator"), []
        if c.field in ("sasaran", "program", "kegiatan", "sub_kegiatan"):
            return c.field, []
    return None, []


def _rank(values: list, key=lambda v: v, tol: float = 0.0) -> dict:
    """Map each value to its rank among the distinct values (clustered within tol)."""
    ds = sorted(set(values), key=key)
    ranks: dict = {}
    rank, last = -1, None
    for v in ds:
        if last is None or (key(v) - key(last) > tol if tol else key(v) != key(last)):
            rank += 1
            last = v
        ranks[v] = rank
    return ranks


def _assign_kinds(rs: list[_Row], columns: list[ColumnRole], notes: list[str]) -> None:
    combined: dict[int, list[_Row]] = {}
    for r in rs:
        if r.total:
            r.kind = "total"
            continue
        kind, ks = _column_kind(columns, r.label_col)
        if ks:
            combined.setdefault(r.label_col, []).append(r)
            r.kind = None
        else:
            r.kind = kind
        if r.nomen and r.kind not in ("iku", "sasaran", "indikator"):
            r.kind = r.nomen
    for idx, members in combined.items():
        ks = _column_kind(columns, idx)[1]
        # rows naming a level the header does not list ("Program ..." in a KEGIATAN/SUB
        # KEGIATAN column) keep that kind and do not take a level of the column
        members = [r for r in members if not (r.nomen and r.nomen not in ks)]
        for r in rs:
            if r.label_col == idx and r.nomen and r.nomen not in ks:
                r.kind = r.nomen
        if not members:
            continue
        # indents within 2 pt of one another are one indent (as the row levels read them)
        irank = _rank([r.indent for r in members], tol=2.0)

        def tkey(r: _Row) -> tuple:
            return (r.bold is False, irank.get(r.indent, 0), _mrank(r))

        keys = sorted({tkey(r) for r in members})
        pos = {k: i for i, k in enumerate(keys)}
        offset = max(0, len(ks) - len(keys))
        for r in members:  # anchor on nomenclature when a level names itself
            if r.nomen in ks:
                offset = ks.index(r.nomen) - pos[tkey(r)]
                break
        # rows that name their level ("Program ...", "Kegiatan ...") with the same typography
        # as rows of another level: the typography tells no level apart there
        named_at: dict[tuple, set[str]] = {}
        for r in members:
            if r.nomen in ks:
                named_at.setdefault(tkey(r), set()).add(r.nomen)
        mixed = len(ks) == 2 and ks[0] == "program" and any(len(v) > 1 for v in named_at.values())
        for r in members:
            if r.nomen:
                r.kind = r.nomen
                continue
            if mixed:
                # programs and kegiatan set alike, every program named "Program ...": a row
                # that does not name itself a program is a kegiatan (lkip_bp3iptek_2016.pdf
                # Tabel 3.2: "Pengembangan Kemitraan dan Kolaborasi Riset ..." under "Program
                # Kerjasama Pembangunan")
                r.kind = ks[1]
                continue
            p = pos[tkey(r)] + offset
            r.kind = ks[max(0, min(p, len(ks) - 1))]
        label = next(c.label for c in columns if c.index == idx)
        notes.append(f"rows in combined column {label!r}: levels {ks} assigned by numbering/bold/indent")


def _effective_indents(parts: list[_Row]) -> dict[int, float]:
    """Each row's indent; a row whose indent could not be measured (no words in it) takes
    the indent of the row above it (read as that row's sibling), else of the row below:
    its 0 is no evidence that it stands above its neighbours (BKD Tabel 3.49, row "60" with
    an empty Unit Kerja cell, was read as the parent of the hundred rows under it)."""
    out: dict[int, float] = {}
    last = None
    for r in parts:
        if r.indent_known:
            last = r.indent
        out[r.index] = r.indent if r.indent_known else last
    nxt = None
    for r in reversed(parts):
        if r.indent_known:
            nxt = r.indent
        if out[r.index] is None:
            out[r.index] = nxt if nxt is not None else r.indent
    return out


def _numbers_fallback(table: Table, columns: list[ColumnRole], parts: list[_Row], notes: list[str],
                      totals: list[_Row] = ()) -> dict[int, int]:
    """parent index by child index, from sums: a row equal to the sum of the rows right below it."""
    col = None
    for f in ADDITIVE:
        col = next((c for c in columns if c.field == f), None)
        if col is not None:
            break
    if col is None:
        return {}

    def val(r: _Row) -> Decimal | None:
        cells = table.rows[r.index].cells
        return cells[col.index].number.value if col.index < len(cells) else None

    parent: dict[int, int] = {}
    i = 0
    while i < len(parts):
        v = val(parts[i])
        found = None
        if v is not None and v > 0:
            s = Decimal(0)
            for j in range(i + 1, len(parts)):
                w = val(parts[j])
                if w is None or w < 0:
                    break
                s += w
                if s == v and j - i >= 2:
                    found = j
                    break
                if s > v:
                    break
        if found is not None:
            for j in range(i + 1, found + 1):
                parent[parts[j].index] = parts[i].index
            i = found + 1
        else:
            i += 1
    if parent and totals:
        # A sum found among the rows may be a coincidence (BKD Tabel 3.60: 138 agencies' PN
        # = the 9 agencies listed under it). A printed total decides: the guessed parents
        # stay only where the total equals the sum of the top rows under that reading;
        # otherwise the rows are read as the list they look like.
        prev = -1
        for t in totals:
            tv = val(t)
            inside = [r for r in parts if prev < r.index < t.index]
            prev = t.index
            guessed = {parent[r.index] for r in inside if r.index in parent}
            if tv is None or not guessed:
                continue
            top = sum((val(r) or Decimal(0) for r in inside if r.index not in parent), Decimal(0))
            if top != tv:
                for k in [k for k, p in parent.items() if p in guessed]:
                    del parent[k]
                notes.append(f"sums below rows {sorted(guessed)} not taken for a hierarchy: the total in row "
                             f"{t.index} is not the sum of the top rows under that reading")
    if parent:
        notes.append(f"hierarchy from the numbers (last resort): {col.field} of a row = sum of the rows below it")
    return parent


def _outline_levels(parts: list[_Row]) -> dict[int, int] | None:
    """Levels from outline numbers when most rows carry one and their depths vary; a row
    without one sits below the numbered row above it."""
    numbered = [r for r in parts if r.outline]
    if len(numbered) < 3 or len(numbered) < 0.6 * len(parts) or len({len(r.outline) for r in numbered}) < 2:
        return None
    rel, last = {}, 0
    for r in parts:
        if r.outline:
            last = len(r.outline)
            rel[r.index] = last
        else:
            rel[r.index] = last + 1
    return rel


def _detach_larger_children(table: Table, columns: list[ColumnRole], infos: list[RowInfo], notes: list[str]) -> None:
    """A child whose budget exceeds its parent's is not its child (the sums say so): it
    becomes the parent's sibling (e.g. a grand total "Belanja" under "Belanja Tidak Langsung").
    Only for edges made by bold / indentation alone between rows of no or the same kind."""
    cols = [c for c in columns if c.field in ADDITIVE]
    if not cols:
        return

    def val(i: int, c: ColumnRole):
        cells = table.rows[i].cells
        if c.index >= len(cells):
            return None
        p = cells[c.index].number
        return p.value if p.kind == "number" and p.value is not None else None

    for info in infos:
        for ch in list(info.children):
            # only where typography alone made the edge: a row named "Kegiatan" under a
            # "Program" (or placed by its label column or outline number) stays a child, and
            # a parent printed too small is an error to report (SUM002), not a sibling
            if not set(infos[ch].edge.split(", ")) <= {"bold", "indentation"} or (
                    infos[ch].kind is not None and infos[ch].kind != info.kind):
                continue
            bigger = False
            for c in cols:
                pv, cv = val(info.index, c), val(ch, c)
                if pv is not None and cv is not None and pv >= 0 and cv > pv:
                    bigger = True
                    break
            if bigger:
                info.children.remove(ch)
                infos[ch].parent = info.parent
                if info.parent is not None:
                    infos[info.parent].children.append(ch)
                    infos[info.parent].children.sort()
                infos[ch].level = info.level
                notes.append(f"row {ch}: larger than row {info.index}, so not its child (sibling)")


def analyze_rows(table: Table, columns: list[ColumnRole]) -> tuple[list[RowInfo], list[str]]:
    notes: list[str] = []
    rs = _scan(table, columns)
    _assign_kinds(rs, columns, notes)
    infos = [RowInfo(index=r.index, role=BODY, label=r.label, kind=r.kind) for r in rs]
    # label-less rows (extraction leftovers such as a wrapped value) stay out of the tree
    # (a row numbered in its NO column is a row of the table even when its name cell is empty)
    orphans = {r.index for r in rs if not r.total and not r.label and r.marker == "none"}
    if orphans:
        notes.append(f"rows {sorted(orphans)} have no label: left out of the hierarchy")
    # a row of averages under the table ("Rata-rata", "Rata- Rata:"): no program nor kegiatan
    averages = {r.index for r in rs if not r.total and _AVERAGE.match(norm_label(r.label))}
    if averages:
        notes.append(f"rows {sorted(averages)} give averages: left out of the hierarchy")
        orphans |= averages
    parts = [r for r in rs if not r.total and not r.subtotal and r.kind not in STANDALONE and r.kind != "indikator"
             and r.index not in orphans]

    # ranking keys: column depth, then bold / indent when they vary, then numbering
    bold_varies = len({r.bold for r in parts}) > 1
    indent = _effective_indents(parts)
    indent_rank = _rank(list(indent.values()), tol=2.0) if len(set(indent.values())) > 1 else {}

    def key(r: _Row) -> tuple:
        return (
            r.col_depth,
            (0 if r.bold else 1) if bold_varies else 0,
            indent_rank.get(indent[r.index], 0),
            _mrank(r),
        )

    keys = {r.index: key(r) for r in parts}
    level_of = _rank(list(keys.values()))
    used = []
    if len({r.col_depth for r in parts}) > 1:
        used.append("label column")
    if bold_varies:
        used.append("bold")
    if indent_rank:
        used.append("indentation")
    if len({r.marker for r in parts}) > 1:
        used.append("numbering")
    parent_of: dict[int, int | None] = {}
    edge = ""
    _numbering_kinds(parts, notes)
    all_unit = bool(parts) and all(r.kind in UNIT_LEVEL for r in parts)
    if all_unit and len({r.kind for r in parts}) > 1:
        # every row names its level (program / kegiatan / sub kegiatan): use those
        notes.append("row levels from program/kegiatan/sub kegiatan kinds (" + ", ".join(used or ["nomenclature"]) + ")")
        rel = {r.index: UNIT_LEVEL[r.kind] for r in parts}
        edge = "nomenclature"
    elif _outline_levels(parts) is not None:
        # outline numbers (2.2 > 2.2.3 > 2.2.3.2) say who is whose child (issue #11)
        notes.append("row levels from outline numbers")
        rel = _outline_levels(parts)
        edge = "outline"
    elif len(level_of) <= 1:
        parent_of.update(_numbers_fallback(table, columns, parts, notes, [r for r in rs if r.total]))
        rel = {r.index: (1 if r.index in parent_of else 0) for r in parts}
        edge = "numbers"
    else:
        notes.append("row levels from " + ", ".join(used))
        rel = {i: level_of[k] for i, k in keys.items()}
        edge = ", ".join(used)

    by_index = {r.index: r for r in rs}
    stack: list[int] = []
    for r in rs:
        info = infos[r.index]
        if r.total:
            stack.clear()
            continue
        if r.kind in STANDALONE or r.index in orphans:
            info.level = 0
            continue
        if r.subtotal:
            stack.clear()  # closes the rows above it; the rows below are not its children
            info.level = 0
            continue
        if r.kind == "indikator":
            if stack:
                info.parent = stack[-1]
                infos[stack[-1]].indicators.append(r.index)
                info.level = infos[stack[-1]].level + 1
            continue
        lv = rel[r.index]
        if r.index in parent_of:
            p = parent_of[r.index]
        else:
            # two rows that name the same level ("Kegiatan ..." and "Kegiatan ...") are
            # siblings, whatever their typography says (issue #11)
            while stack and (rel[stack[-1]] >= lv or _not_above(by_index[stack[-1]], r)):
                stack.pop()
            p = stack[-1] if stack else None
        info.parent = p
        if p is not None:
            infos[p].children.append(r.index)
            info.edge = edge
        stack.append(r.index)
        info.level = UNIT_LEVEL[r.kind] if all_unit else lv
    _detach_larger_children(table, columns, infos, notes)
    # roles
    for r in rs:
        info = infos[r.index]
        if r.total:
            info.role = TOTAL
        elif not r.has_values:
            info.role = SECTION
        elif info.children:
            info.role = PARENT
    totals = [r.index for r in rs if r.total]
    covered_totals: set[int] = set()
    # a parent with no amount of its own in any additive column (only a Realisasi Fisik %
    # printed on its line): a total adds its children's amounts, not its empty cells
    # (bab_iii.pdf Tabel 9 p19, "3. Program Pengembangan Sistem Pendukung ..." with "100")
    additive = [c.index for c in columns if c.field in ADDITIVE]
    bare = {i.index for i in infos if i.role == PARENT and additive and not any(
        k < len(table.rows[i.index].cells) and table.rows[i.index].cells[k].number.kind == "number"
        for k in additive)}
    for t in totals:
        covers = _covers(t, totals, infos, by_index, covered_totals, orphans, bare)
        if covers is None:
            # its scope is not in the rows read (a grand total over one subtotal): like a
            # subtotal of unknown scope, it sums nothing here
            infos[t].role = BODY
            notes.append(f"row {t} {infos[t].label!r}: TOTAL over one subtotal of unknown scope, not checked")
            continue
        infos[t].covers = covers
        if infos[t].covers:
            notes.append(f"row {t} {infos[t].label!r}: TOTAL covering rows {infos[t].covers}")
    _range_totals(table, columns, infos, notes)
    return infos, notes


# A row that names a run of the table's numbering as its scope: "Program Strategis A s/d G"
# (lkip_bp3akb_2016.pdf p30 Tabel 2.3c: the programs numbered A to G), "Program 1 s.d. 5".
_RANGE_LABEL = re.compile(
    r"\b([A-Z]|\d{1,2})\s*(?:s\s*/\s*d\.?|s\.\s*d\.?|sampai\s+dengan)\s*([A-Z]|\d{1,2})\s*$")


def _range_totals(table: Table, columns: list[ColumnRole], infos: list[RowInfo], notes: list[str]) -> None:
    """A row without a number of its own whose label names a run of the numbering column
    ("A s/d G") is the total of the rows so numbered: the rows after it, at its own level, whose
    numbers are the run's members in order (all of them). A member without figures (a
    label-only program) stands for its rows. Another total covering the members then counts
    the range row in their place."""
    nos = [c.index for c in columns if c.field == "no"]
    if len(nos) != 1:
        return

    def mark(i: int) -> str:
        return _cell_text(table.rows[i], nos[0]).rstrip(".)").strip()

    for i, info in enumerate(infos):
        m = _RANGE_LABEL.search(info.label or "")
        if m is None or info.role in (TOTAL, SECTION) or mark(i):
            continue
        a, b = m.group(1), m.group(2)
        if a.isdigit() != b.isdigit():
            continue
        seq = ([str(k) for k in range(int(a), int(b) + 1)] if a.isdigit()
               else [chr(k) for k in range(ord(a), ord(b) + 1)])
        if len(seq) < 2:
            continue
        members: list[int] = []
        for j in range(i + 1, len(infos)):
            if infos[j].parent != info.parent or infos[j].role == TOTAL:
                continue
            if mark(j) != seq[len(members)]:
                break  # a sibling outside the run, or the run out of order: not this reading
            members.append(j)
            if len(members) == len(seq):
                break
        if len(members) != len(seq):
            continue
        covers: list[int] = []
        for k in members:
            if infos[k].role != SECTION:
                covers.append(k)
            elif infos[k].children and all(infos[c].role != SECTION for c in infos[k].children):
                covers += infos[k].children
            else:
                covers = []
                break
        if not covers:
            continue
        info.role, info.covers = TOTAL, covers
        for t in infos:
            if t is not info and t.role == TOTAL and i in t.covers:
                t.covers = [k for k in t.covers if k not in covers]
        notes.append(f"row {i} {info.label!r}: TOTAL of the rows numbered {a} to {b}, covering rows {covers}")


def _covers(t: int, totals: list[int], infos: list[RowInfo], by_index, covered_totals: set[int],
            orphans: set[int] = frozenset(), bare: set[int] = frozenset()) -> list[int] | None:
    n = len(infos)
    prev = max((k for k in totals if k < t), default=-1)
    rng = [k for k in range(prev + 1, t)]
    if not any(infos[k].role != SECTION for k in rng):
        earlier = [k for k in totals if k < t and k not in covered_totals]
        if len(earlier) >= 2:  # a grand total under its subtotals
            covered_totals.update(earlier)
            return earlier
        nxt = min((k for k in totals if k > t), default=n)
        rng = list(range(t + 1, nxt))  # JUMLAH printed first: it sums the rows below it
    inside = set(rng)
    top = [k for k in rng if infos[k].parent is None or infos[k].parent not in inside]
    top = [k for k in top if infos[k].role != TOTAL]
    if any(infos[k].kind in UNIT_LEVEL for k in top):
        top = [k for k in top if infos[k].kind not in STANDALONE]
    if any(infos[k].label for k in top):
        top = [k for k in top if infos[k].label or k not in orphans]
    if any(infos[k].kind != "indikator" for k in top):
        top = [k for k in top if infos[k].kind != "indikator"]
    subs = [k for k in top if k in by_index and by_index[k].subtotal]
    if subs:
        # a subtotal of unknown scope ("JUMLAH PROGRAM PILIHAN") closes the rows above it, so
        # they are inside it: the total adds the subtotals and the rows after the last one,
        # never a subtotal and its own rows (lkip_distan_2016.pdf p127: JUMLAH TOTAL 609.323.466
        # = JUMLAH PROGRAM WAJIB, p98, + JUMLAH PROGRAM PILIHAN 553.216.318). A total over one
        # subtotal alone sums parts outside the rows read: not checked.
        top = subs + [k for k in top if k > subs[-1]]
        if len(top) == 1:
            return None
    out: list[int] = []

    def expand(k: int, depth: int = 0) -> None:
        info = infos[k]
        if (info.role != SECTION and not (k in bare and info.children)) or depth > 5:
            out.append(k)
            return
        # a label-only program whose indicator row carries its numbers: that row stands in
        carriers = [i for i in info.indicators if infos[i].role != SECTION]
        if len(carriers) == 1:
            out.append(carriers[0])
            return
        for c in info.children:
            expand(c, depth + 1)

    for k in top:
        expand(k)
    earlier = [k for k in totals if k < t and k not in covered_totals]
    if earlier and out and _GRAND.search(ws(infos[t].label).upper()):
        # "JUMLAH TOTAL" under "TOTAL KEGIATAN" and the Belanja Tidak Langsung rows after it
        # (distan 2016 Tabel 16): a total named as the whole covers the subtotals above it too
        covered_totals.update(earlier)
        return earlier + out
    return out


# a total that names itself the whole: JUMLAH TOTAL, GRAND TOTAL, TOTAL KESELURUHAN
_GRAND = re.compile(r"\b(JUMLAH|TOTAL)\s+(TOTAL|KESELURUHAN|SELURUHNYA)\b|\bGRAND\s+TOTAL\b")


# --- lower is better ---------------------------------------------------------
# The word lists are data (rules/vocabulary/polarity.yaml); the evidence order (a
# polarity column, the report's sentences, another table, the name) is in polarity.py.


def lower_is_better_rows(table: Table, rows: list[RowInfo], terms=None) -> tuple[set[int], list[str]]:
    """Rows of one table whose own cells or name say lower is better (no document context):
    a mark in the row ("semakin rendah semakin baik", a POLARITAS column "Negatif"), else a
    known name (a hint). `terms` replaces the vocabulary's names."""
    from lkip_audit.understand.polarity import name_hints, row_marks

    pol = row_marks(table, rows)
    for r, p in name_hints(table, rows, terms).items():
        pol.setdefault(r, p)
    out = {r for r, p in pol.items() if p.lower}
    notes = [f"row {r}: {'lower' if p.lower else 'higher'} is better ({p.evidence}: {p.source})" for r, p in sorted(pol.items())]
    return out, notes
