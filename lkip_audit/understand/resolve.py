"""Resolve the same item across tables: sasaran, IKU / indicator, program, kegiatan, sub kegiatan.

An LKIP repeats its items in many tables (the Perjanjian Kinerja in Bab II, the
capaian tables and the rencana/realisasi tables of Bab III, the summary, the
signed PK in the appendix). This module ties the rows that name the same item
together so that the check stage can compare their values.

How a row is tied to an entity (the evidence kept on every occurrence):

- "exact": the printed name is the same (whitespace-normalised);
- "normalised": the same after case folding and dropping spaces and punctuation
  (catches hyphenation, "RKA- SKPD" / "RKA-SKPD", words broken by extraction);
- "fuzzy": a small typo, Levenshtein distance 1 (2 for names of 30+ letters) on the
  normalised name, digits equal, one candidate only, and never between two
  spellings that both occur in one table (there they are two items);
- "sasaran": a row of a sasaran-level table whose sasaran has exactly one IKU in
  the tables that list sasaran and IKU together.

The hierarchy decides too: two sub kegiatan (or kegiatan, or indicators) whose
parents resolved to different entities are different items, however alike their
names. Rapidfuzz computes the distances.

    resolve(und, doc=None) -> Resolution
    explain_matches(resolution) -> list[str]
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from lkip_audit.extract.model import Cell, Document
from lkip_audit.understand.model import AnalyzedTable, ColumnRole, Understanding
from lkip_audit.understand.stage import column_slot

# Matching classes: IKU and other indicators match each other (an IKU in Bab II
# may be listed as an indicator in a Bab III table).
CLASS_OF = {
    "sasaran": "sasaran", "iku": "indikator", "indikator": "indikator",
    "program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub_kegiatan",
}
CLASS_ORDER = ("program", "kegiatan", "sub_kegiatan", "indikator", "sasaran")

# Fields compared across tables.
VALUE_FIELDS = ("target", "realisasi", "capaian", "tingkat", "kategori", "anggaran", "realisasi_rp",
                "persen", "nilai_akhir")
TEXT_FIELDS = ("tingkat", "kategori")
NAME_FIELDS = ("sub_kegiatan", "kegiatan", "program", "uraian", "indikator", "sasaran")
# Column labels that are not this year's plan or result of the item itself.
_EXCLUDED_LABEL = re.compile(r"NASIONAL|RENSTRA|RPJMD|\bRPD\b|AKHIR|\bTW\b|TRIWULAN|STANDAR|BOBOT|SIFAT|"
                             r"SATUAN|DEFINISI|RUMUS|METODE|FORMULA|PENANGGUNG", re.I)
_NEUTRAL_GROUP = re.compile(r"^(KINERJA|ANGGARAN|KEUANGAN|FISIK|RENCANA|REALISASI|CAPAIAN)\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_BUDGET_WORDS = re.compile(r"ANGGARAN|KEUANGAN|PENYERAPAN|BELANJA|\bDANA\b|\bRP\b|PAGU", re.I)
# A row "named" by a column header word is a header line read as a row, not an item.
_HEADER_WORD = re.compile(r"^(KINERJA|ANGGARAN|KEUANGAN|FISIK|RENCANA|REALISASI|CAPAIAN|TARGET|SATUAN|URAIAN|"
                          r"JUMLAH|TOTAL|NO|TAHUN(\s+\d{4})?|\(?\d+\)?)$", re.I)
_ROMAN = re.compile(r"^\s*[IVXL]+\s*\.?\s*$")
_ARABIC = re.compile(r"^\s*\d+\s*\.?\s*$")
_PK_TITLE = re.compile(r"perjanjian\s+kinerja|\bperkin\b", re.I)
_PK_HEADING = re.compile(r"^\s*(PERUBAHAN\s+)?PERJANJIAN\s+KINERJA(\s+PERUBAHAN)?\b[^\n]{0,40}$", re.M)


@dataclass
class Occurrence:
    """One row that names an item, with the values it prints."""

    table_id: str
    table: str | None  # caption number, or None
    row: int  # body row index
    kind: str  # program | kegiatan | sub_kegiatan | indikator | iku | sasaran
    name: str  # as printed, whitespace-normalised
    page: int
    parent_row: int | None = None  # the row of its parent item in the same table
    fields: dict = field(default_factory=dict)  # (field, group) -> ColumnRole
    tie: str = "first"  # first | exact | normalised | fuzzy | sasaran
    score: float = 100.0  # similarity 0-100 of the tie
    against: str = ""  # the name it was tied to
    parent: str | None = None  # the parent entity's name, when known
    pk: str | None = None  # "amended" | "original" when the table is a Perjanjian Kinerja

    def evidence(self) -> str:
        if self.tie == "first":
            how = "first"
        elif self.tie == "fuzzy":
            how = f"fuzzy {self.score:.1f} vs {self.against!r}"
        elif self.tie == "sasaran":
            how = f"sasaran {self.against!r} has this one IKU"
        else:
            how = f"{self.tie} vs {self.against!r}" if self.tie != "exact" else "exact"
        if self.parent:
            how += f"; parent {self.parent!r}"
        return how


@dataclass
class Entity:
    id: int
    cls: str  # matching class
    name: str  # the first printed name
    key: str  # normalised name
    parent: int | None  # parent entity id
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass
class Resolution:
    entities: list[Entity]
    tables: dict[str, AnalyzedTable]
    year: int | None  # the report year ("None" groups stand for it)
    pk: dict[str, str]  # table id -> "amended" | "original"
    sasaran_iku: dict[str, set[int]] = field(default_factory=dict)  # sasaran key -> IKU entity ids
    by_row: dict[tuple[str, int], int] = field(default_factory=dict)  # (table id, row) -> entity id

    def entity_at(self, table_id: str, row: int) -> Entity | None:
        eid = self.by_row.get((table_id, row))
        return self.entities[eid] if eid is not None else None


# -- names ---------------------------------------------------------------------


from lkip_audit.understand.text import ws  # noqa: E402,F401 (the one whitespace normaliser)


@lru_cache(maxsize=16384)
def normalise(name: str) -> str:
    """Case-folded, without spaces, punctuation or leading numbering (memoised: pure,
    and resolve() asks for the same names once per candidate entity)."""
    s = ws(name).casefold()
    s = re.sub(r"^\(?([ivxl]+|\d+|[a-z])[.)]\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def fuzzy_limit(key: str) -> int:
    if len(key) >= 30:
        return 2
    if len(key) >= 12:
        return 1
    return 0


def similar(a: str, b: str) -> tuple[bool, float]:
    """Two normalised names differ by a small typo only (and never by a digit)."""
    if _digits(a) != _digits(b):
        return False, 0.0
    lim = min(fuzzy_limit(a), fuzzy_limit(b))
    if lim == 0:
        return False, 0.0
    d = Levenshtein.distance(a, b, score_cutoff=lim)
    if d > lim:
        return False, 0.0
    return True, round(Levenshtein.normalized_similarity(a, b) * 100, 1)


# -- columns and values --------------------------------------------------------


_QUALIFIER = re.compile(r"^(?:terhadap|yang|dalam|pada|untuk|per)\b")
_MEASURE = ("proporsi", "persentase", "prosentase")


def _qualified(a: str, b: str, any_end: bool = False) -> bool:
    """One name is the other with a trailing qualifier ("Ketersediaan Standar Operasional Prosedur"
    and "... terhadap kebutuhan"; "Potensi objek penerimaan diluar pajak daerah dan retribusi daerah"
    and "... yang terpungut/diterima"): the shorter one has at least four words and 30 letters, the
    longer one adds at most four words after it, starting with a word that qualifies ("terhadap",
    "yang", "dalam", "pada", "untuk", "per"). `any_end`: any added words (to find other names the
    shorter one also begins)."""
    def words(name: str) -> tuple[list[str], bool, bool]:
        """The name's words without numbering, a trailing bracket and a leading measure word;
        whether it had the bracket, whether the measure word."""
        t = ws(name).casefold()
        bare = re.sub(r"\s*\([^()]*\)\s*$", "", t)
        w = re.sub(r"[^\w\s/]+", " ", bare).split()
        w = w[1:] if w and re.fullmatch(r"\d+|[ivxl]+|[a-z]", w[0]) else w
        measure = bool(w) and w[0] in _MEASURE
        return (w[1:] if measure else w), bare != t, measure  # "Proporsi potensi ..." is "Potensi ..."

    (wa, pa, ma), (wb, pb, mb) = words(a), words(b)
    if pa and pb and re.sub(r"\s+", "", ws(a).casefold()).rsplit("(", 1)[-1] != \
            re.sub(r"\s+", "", ws(b).casefold()).rsplit("(", 1)[-1]:
        return False  # two different brackets ("(diluar dana BOS)", "(diluar dana DAK)"): not told
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < 4 or len("".join(short)) < 30 or long_[:len(short)] != short:
        return False
    extra = long_[len(short):]
    if not extra:
        # the same words: one name adds a trailing bracket or a leading measure word
        return pa != pb or ma != mb
    if any_end:
        return True
    return len(extra) <= 4 and _QUALIFIER.match(extra[0]) is not None


def group_key(col: ColumnRole, year: int | None) -> str | None:
    """Columns are compared like with like: same field and same year/group."""
    g = ws(col.group)
    if not g:
        return None
    years = set(m.group(0) for m in _YEAR.finditer(g))
    if len(years) == 1:
        y = years.pop()
        return None if year is not None and int(y) == year else y
    if len(years) > 1 or g.isdigit():
        return "#"  # several years, or a column number: not compared
    if _NEUTRAL_GROUP.match(g):
        return None
    return "?" + g.upper()


def slot_key(at: AnalyzedTable, col: ColumnRole, year: int | None) -> str | None:
    """The group a column's values are compared in: same year, same planning stage
    (understand/stage.py) and same non-year group ("TW I"); None = this year's DPA / PK /
    result; "#" = unclear, not compared."""
    g = group_key(col, year)
    if g == "#":
        return "#"
    slot = column_slot(at, col, year)
    if slot == "#":
        return "#"
    parts = [p for p in (g if g and g.startswith("?") else None, slot) if p]
    return " ".join(parts) or None


def value_columns(at: AnalyzedTable, year: int | None) -> dict[tuple[str, str | None], ColumnRole]:
    """(field, group) -> column for the fields compared across tables.

    An amended-budget column ("PERUBAHAN" under ANGGARAN/PAGU) counts as anggaran and
    an amended-target column as target; the "MURNI" target is kept as target_murni.
    The group names the year and the planning stage when they are not this year's own
    (slot_key): a pagu of a follow-up plan is compared with other follow-up plans only."""
    out: dict[tuple[str, str | None], ColumnRole] = {}
    st = getattr(at, "stage", None)
    table_slot = st.stage if st is not None else None
    budget_table = any(c.field in ("anggaran", "realisasi_rp", "murni", "perubahan") for c in at.columns)
    for c in at.columns:
        label = ws(c.label)
        f = c.field
        if f in ("murni", "perubahan"):
            if re.search(r"ANGGARAN|PAGU", label + " " + ws(c.group), re.I):
                if f != "perubahan":
                    continue
                f = "anggaran"
            elif re.search(r"TARGET", label, re.I):
                f = "target" if f == "perubahan" else "target_murni"
            else:
                continue
            key = (f, table_slot)
        else:
            if f not in VALUE_FIELDS or _EXCLUDED_LABEL.search(label):
                continue
            if f == "persen" and not budget_table and not _BUDGET_WORDS.search(label + " " + ws(c.group)):
                continue  # a percentage in a table with no budget: the kinerja's or the budget's, unclear
            slot = slot_key(at, c, year)
            if f in ("kategori", "tingkat") and slot != "#" and any(x.field == "nilai_akhir" for x in at.columns):
                # beside a NILAI AKHIR the label judges the nilai akhir, elsewhere the capaian
                slot = " ".join(x for x in ("?NILAI AKHIR", slot) if x)
            key = (f, slot)
            if key[1] == "#":
                continue
        out.setdefault(key, c)
    return out


def cell(at: AnalyzedTable, row: int, col: ColumnRole) -> Cell | None:
    cells = at.table.rows[row].cells
    return cells[col.index] if 0 <= col.index < len(cells) else None


# -- Perjanjian Kinerja tables -------------------------------------------------


def pk_status(at: AnalyzedTable, doc: Document | None) -> str | None:
    """"amended" | "original" when the table is (a part of) a Perjanjian Kinerja."""
    t = at.table
    title = ws(t.title)
    if t.number:
        if _PK_TITLE.search(title) and not re.search(r"capaian|realisasi|pengukuran", title, re.I):
            return "amended" if re.search(r"perubahan", title, re.I) else "original"
        if at.kind == "perjanjian_kinerja" and not title:
            return "original"
        return None
    # Uncaptioned (appendix) tables: the nearest PK heading on this page or the two before.
    if doc is None or not t.pages:
        return "original" if at.kind == "perjanjian_kinerja" else None
    first = t.pages[0]
    found = None
    for p in range(max(1, first - 2), first + 1):
        if p - 1 < len(doc.pages):
            for m in _PK_HEADING.finditer(doc.pages[p - 1].text or ""):
                found = m.group(0)
    if found is None:
        return None
    return "amended" if re.search(r"PERUBAHAN", found) else "original"


# -- rows to occurrences -------------------------------------------------------


def _name_cols(at: AnalyzedTable) -> dict[str, list[ColumnRole]]:
    out: dict[str, list[ColumnRole]] = {}
    for c in at.columns:
        if c.field in NAME_FIELDS:
            if c.field in ("indikator", "uraian") and _EXCLUDED_LABEL.search(ws(c.label)):
                continue
            out.setdefault(c.field, []).append(c)
    return out


def _text(at, row, cols) -> tuple[str, ColumnRole | None]:
    """Rightmost non-empty text among cols (the most specific level of a merged header)."""
    for c in sorted(cols, key=lambda c: -c.index):
        ce = cell(at, row, c)
        if ce is not None and ws(ce.text) and ce.number.kind in ("text", "malformed", "empty"):
            return ws(ce.text), c
    return "", None


def _no_cell(at, row) -> str:
    for c in at.columns:
        if c.field == "no":
            ce = cell(at, row, c)
            return ws(ce.text) if ce is not None else ""
    return ""


def table_occurrences(at: AnalyzedTable, year: int | None) -> list[Occurrence]:
    infos = {ri.index: ri for ri in at.rows}
    names = _name_cols(at)
    vcols = value_columns(at, year)
    item_cols = names.get("sub_kegiatan", []) + names.get("kegiatan", []) + names.get("program", []) + names.get("uraian", [])
    out: list[Occurrence] = []
    by_row: dict[int, Occurrence] = {}
    last = {"program": None, "kegiatan": None}
    for i, r in enumerate(at.table.rows):
        ri = infos.get(i)
        rk = ri.kind if ri is not None else None
        if rk in (None, "total"):
            continue
        kind, name = rk, ""
        ind, _ = _text(at, i, names.get("indikator", []))
        item, _ = _text(at, i, item_cols)
        if rk in ("sasaran", "iku", "indikator") and ind:
            if item:
                # A row naming a program/kegiatan/sub kegiatan and its indicator: the
                # item is the primary name (its budget and volume are the row's values).
                # Its level comes from the numbering.
                no = _no_cell(at, i)
                if _ROMAN.match(no) or item.casefold().startswith("program"):
                    kind = "program"
                elif _ARABIC.match(no):
                    kind = "kegiatan"
                else:
                    kind = "sub_kegiatan" if last["kegiatan"] is not None else "kegiatan"
                name = item
            else:
                kind = "iku" if (rk in ("iku", "sasaran") or names.get("sasaran")) else "indikator"
                name = ind
        elif rk in ("program", "kegiatan", "sub_kegiatan"):
            cols = names.get(rk, []) + names.get("uraian", [])
            name, _ = _text(at, i, cols)
        elif rk in ("indikator", "iku"):
            name = item
        elif rk == "sasaran":
            name, _ = _text(at, i, names.get("sasaran", []))
        else:
            continue
        if not name:
            name = ws(ri.label) if ri is not None else ""
        if not name or _HEADER_WORD.match(name):
            continue  # no name, or a header word read as a row ("KINERJA"): no item
        parent_row = ri.parent if ri is not None else None
        if parent_row is not None and parent_row not in by_row:
            parent_row = None
        if parent_row is None:
            if kind == "sub_kegiatan":
                parent_row = last["kegiatan"]
            elif kind == "kegiatan":
                parent_row = last["program"]
            elif kind == "indikator" and rk == "indikator":
                parent_row = last["kegiatan"] if last["kegiatan"] is not None else last["program"]
        if kind == "kegiatan" and parent_row is not None and by_row[parent_row].kind == "kegiatan":
            kind = "sub_kegiatan"  # children of a kegiatan are sub kegiatan whatever the column says
        if kind == "program":
            last = {"program": i, "kegiatan": None}
        elif kind == "kegiatan":
            last["kegiatan"] = i
        fields = {}
        for key, c in vcols.items():
            ce = cell(at, i, c)
            if ce is not None and not ce.is_empty:
                fields[key] = c
        occ = Occurrence(
            table_id=at.table.id, table=at.table.number, row=i, kind=kind, name=name,
            page=r.page, parent_row=parent_row, fields=fields,
        )
        by_row[i] = occ
        out.append(occ)
    return out


def _sasaran_pairs(at: AnalyzedTable) -> list[tuple[str, str]]:
    """(sasaran, IKU) names of a table listing sasaran and their IKU side by side."""
    names = _name_cols(at)
    inds = sorted(names.get("indikator", []), key=lambda c: c.index)
    if not names.get("sasaran") or not inds or re.search(r"PROGRAM|KEGIATAN", ws(inds[0].label), re.I):
        return []
    out, current = [], ""
    for i in range(len(at.table.rows)):
        s, _ = _text(at, i, names["sasaran"])
        if s:
            current = s
        iku, _ = _text(at, i, inds[:1])
        if iku and current:
            out.append((current, iku))
    return out


# -- resolution ----------------------------------------------------------------


def resolve(und: Understanding, doc: Document | None = None) -> Resolution:
    """Tie the rows naming the same item across all tables of a document."""
    tables = {at.table.id: at for at in und.tables if at.kind != "skala"}
    year = doc.tahun if doc is not None else None
    pk = {}
    for tid, at in tables.items():
        st = pk_status(at, doc)
        if st:
            pk[tid] = st
    occs: list[Occurrence] = []
    order: dict[str, int] = {tid: k for k, tid in enumerate(tables)}
    for tid, at in tables.items():
        for o in table_occurrences(at, year):
            o.pk = pk.get(tid)
            occs.append(o)

    entities: list[Entity] = []
    by_row: dict[tuple[str, int], int] = {}
    tables_of: dict[int, set[str]] = {}
    names_in_table: dict[str, set[str]] = {}
    for o in occs:
        names_in_table.setdefault(o.table_id, set()).add(normalise(o.name))

    def parent_entity(o: Occurrence) -> int | None:
        if o.parent_row is None:
            return None
        return by_row.get((o.table_id, o.parent_row))

    rank = {c: k for k, c in enumerate(CLASS_ORDER)}
    for o in sorted(occs, key=lambda o: (rank[CLASS_OF[o.kind]], order[o.table_id], o.row)):
        cls = CLASS_OF[o.kind]
        key = normalise(o.name)
        pe = parent_entity(o)
        if pe is not None:
            o.parent = entities[pe].name
        cands = [e for e in entities if e.cls == cls and (pe is None or e.parent is None or e.parent == pe)]
        chosen, tie, score = None, "first", 100.0
        exact = [e for e in cands if any(ws(x.name) == ws(o.name) for x in e.occurrences)]
        norm = [e for e in cands if e.key == key or any(normalise(x.name) == key for x in e.occurrences)]
        pick = exact or norm
        if pick:
            same_parent = [e for e in pick if pe is not None and e.parent == pe]
            chosen = (same_parent or pick)[0]
            tie = "exact" if exact else "normalised"
        else:
            fz = []
            for e in cands:
                if o.table_id in tables_of.get(e.id, set()):
                    continue  # two spellings in one table are two items
                if e.key in names_in_table.get(o.table_id, set()):
                    continue
                ok, sc = similar(key, e.key)
                if ok:
                    fz.append((sc, e))
            if len(fz) == 1:
                score, chosen = fz[0]
                tie = "fuzzy"
            elif not fz:
                pre = [e for e in cands if o.table_id not in tables_of.get(e.id, set())
                       and e.key not in names_in_table.get(o.table_id, set()) and _qualified(o.name, e.name)]
                if len(pre) == 1 and not any(e is not pre[0] and _qualified(o.name, e.name, any_end=True)
                                             for e in entities):
                    chosen, tie, score = pre[0], "qualifier", 90.0
        if chosen is None:
            chosen = Entity(id=len(entities), cls=cls, name=o.name, key=key, parent=pe)
            entities.append(chosen)
        else:
            o.tie, o.score, o.against = tie, score, chosen.name
            if chosen.parent is None and pe is not None:
                chosen.parent = pe
        chosen.occurrences.append(o)
        by_row[(o.table_id, o.row)] = chosen.id
        tables_of.setdefault(chosen.id, set()).add(o.table_id)

    res = Resolution(entities=entities, tables=tables, year=year, pk=pk, by_row=by_row)
    _attach_sasaran(res)
    for e in entities:
        e.occurrences.sort(key=lambda o: (order[o.table_id], o.row))
    return res


def _attach_sasaran(res: Resolution) -> None:
    """Rows of sasaran-level tables join the sasaran's only IKU."""
    pairs: dict[str, set[int]] = {}
    ind_keys = {}
    for e in res.entities:
        if e.cls == "indikator":
            for o in e.occurrences:
                ind_keys.setdefault(normalise(o.name), e.id)
    for tid, at in res.tables.items():
        for s, iku in _sasaran_pairs(at):
            eid = ind_keys.get(normalise(iku))
            if eid is not None:
                pairs.setdefault(normalise(s), set()).add(eid)
    res.sasaran_iku = pairs
    for e in list(res.entities):
        if e.cls != "sasaran":
            continue
        keep = []
        for o in e.occurrences:
            key = normalise(o.name)
            ikus: set[int] = set()
            for k, ids in pairs.items():
                if k == key or similar(k, key)[0]:
                    ikus |= ids
            if len(ikus) == 1 and o.fields:
                target = res.entities[ikus.pop()]
                o.tie, o.against, o.score = "sasaran", o.name, 100.0
                target.occurrences.append(o)
                res.by_row[(o.table_id, o.row)] = target.id
            else:
                keep.append(o)
        e.occurrences = keep


def explain_matches(res: Resolution, only_shared: bool = True, doc: Document | None = None,
                    lang: str = "id") -> list[str]:
    """One line per occurrence, grouped by entity: how each tie was made. ``doc`` a Word
    draft (no pages): each place by the heading its table stands under, not a pseudo-page.
    Places are named in ``lang`` ("tabel 3.5, baris 4, hal. 27" / "table 3.5, row 4, p. 27")."""
    from lkip_audit.extract.docx import is_word_document, word_table, word_table_name
    from lkip_audit.i18n import t

    word = is_word_document(doc)
    lines = []
    for e in res.entities:
        tabs = {o.table_id for o in e.occurrences}
        if only_shared and len(tabs) < 2:
            continue
        lines.append(f"[{e.cls}] {e.name}")
        for o in e.occurrences:
            if word:
                section, _title, position = word_table(doc, o.table_id)
                name = word_table_name(o.table, position, lang) or o.table_id
                where = f"{t('loc.table', lang, table=name)}, {t('loc.row', lang, row=o.row + 1)}, {section or '-'}"
            else:
                where = (f"{t('loc.table', lang, table=o.table or o.table_id)}, {t('loc.row', lang, row=o.row + 1)}, "
                         f"{t('loc.page', lang, page=o.page)}")
            flds = ", ".join(f if g is None else f"{f}[{g}]" for f, g in o.fields) or "-"
            pk = f" (PK {o.pk})" if o.pk else ""
            st = getattr(res.tables[o.table_id], "stage", None)
            if st is not None and st.stage:
                pk += f" (tahap {st.stage}: {'; '.join(st.evidence)[:80]})"
            lines.append(f"    {where}{pk}: {o.name!r} <- {o.evidence()} | {flds}")
    return lines
