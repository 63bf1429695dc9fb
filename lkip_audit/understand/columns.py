"""Map table columns to canonical fields by their header text.

A column's header is split into a *leaf* (the lowest header cell: "Rp", "CAPAIAN (%)")
and a *context* (the spanning header cells above it: "REALISASI", "ANGGARAN",
"TAHUN 2023"). The leaf decides the field; the context disambiguates leaves that
mean different things under different spans ("REALISASI" under ANGGARAN is money,
"CAPAIAN (%)" under ANGGARAN is the budget percentage) and gives the group of
repeated fields ("2023" / "2024", "KINERJA" / "ANGGARAN").

When the table's header rows are available (and as wide as the table) the spans
are read from them, forward-filling a spanning cell over the empty cells to its
right. Otherwise the flattened label (``Table.columns``) is split by known span
prefixes ("REALISASI TAHUN 2023 CAPAIAN (%)" -> context "REALISASI TAHUN 2023",
leaf "CAPAIAN (%)"). Tokens are corrected towards a header vocabulary, so OCR
and typing slips ("UKAIAN", "DENCANA", "UTAWA") and line-break hyphenation
("RENCA- NA") still map. Position is used only for header-less columns, and then
together with the column's content (a numbering column, the label column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from lkip_audit.extract.model import Table
from lkip_audit.understand.model import ColumnRole
from lkip_audit.understand.text import header_tokens as _header_tokens
from lkip_audit.understand.text import marker_type, ws

LABEL_FIELDS = ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "uraian")
NUMERIC_FIELDS = (
    "target", "realisasi", "capaian", "koreksi", "nilai_akhir", "anggaran", "realisasi_rp",
    "persen", "fisik", "kebutuhan", "terisi", "gap", "jumlah", "murni", "perubahan", "selisih",
    "target_renstra", "perubahan_tahun",
)
TEXT_FIELDS = ("tingkat", "kategori", "satuan")

_YEAR = re.compile(r"^(19|20)\d\d$")

# Two header words typeset without the space between them ("RealisasiTahun 2016", the
# capital of the second word right after the first's last small letter): split there, so
# "REALISASI" is read. Only a small letter followed by a capital and a small letter, so
# an all-caps header, "Rp" and "TW" stay whole.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


# Abbreviations a header writes for two header words ("Capkin 2015 (%)": the capaian
# kinerja of 2015), read as the words they stand for.
_ABBREVIATIONS = {"CAPKIN": ("CAPAIAN", "KINERJA")}


def header_tokens(label: str) -> list[str]:
    """understand.text.header_tokens of the label with glued words split first and
    abbreviations (CAPKIN) written out."""
    out: list[str] = []
    for t in _header_tokens(_GLUED.sub(" ", label or "")):
        out.extend(_ABBREVIATIONS.get(t, (t,)))
    return out


def _has(toks: list[str], *words: str) -> bool:
    return all(w in toks for w in words)


def _any(toks: list[str], *words: str) -> bool:
    return any(w in toks for w in words)


def _years(toks: list[str]) -> list[str]:
    return [t for t in toks if _YEAR.match(t)]


def _strip_years(toks: list[str]) -> list[str]:
    return [t for t in toks if not _YEAR.match(t) and t != "TAHUN"]


def _leaf_field(leaf: list[str], ctx: list[str], raw: str) -> tuple[str | None, str]:
    """(field, reason) for a leaf under a context, or (None, reason). The header words are
    data: the first matching entry of rules/vocabulary/columns.yaml (header_match)."""
    t = _strip_years(leaf)
    if not t:
        if _years(leaf) and not ctx:
            return None, "a year heading"
        if leaf == ["TAHUN"] or (leaf and leaf[0] == "TAHUN"):
            return "uraian", "TAHUN: the row label"
        return None, "empty"
    return header_match(t, ctx, raw)


@dataclass(frozen=True)
class HeaderEntry:
    """One entry of rules/vocabulary/columns.yaml: conditions on a header, and its field."""

    field: str | None
    reason: str
    leaf: tuple[tuple[str, ...], ...] | None = None
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    before: tuple[str, str] | None = None
    money: bool | None = None
    context_all: tuple[str, ...] = ()
    context_none: tuple[str, ...] = ()
    raw_contains: str | None = None
    distinct: tuple[tuple[str, ...], int] | None = None
    years: int = 0  # the printed header names at least this many different years ("2022-2023")

    def matches(self, t: list[str], ctx: list[str], raw: str, money_ctx: bool) -> bool:
        if self.leaf is not None and tuple(t) not in self.leaf:
            return False
        if self.all and not _has(t, *self.all):
            return False
        if self.any and not _any(t, *self.any):
            return False
        if self.none and _any(t, *self.none):
            return False
        if self.before is not None:
            a, b = self.before
            if not (_has(t, a, b) and t.index(a) < t.index(b)):
                return False
        if self.money is not None and money_ctx != self.money:
            return False
        if self.context_all and not _has(ctx, *self.context_all):
            return False
        if self.context_none and _any(ctx, *self.context_none):
            return False
        if self.raw_contains is not None and self.raw_contains not in raw:
            return False
        if self.distinct is not None:
            words, at_least = self.distinct
            if len({w for w in words if w in t}) < at_least:
                return False
        if self.years and len(set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", raw))) < self.years:
            return False
        return True


_ENTRY_KEYS = {"field", "reason", "leaf", "all", "any", "none", "before", "money", "context_all", "context_none",
               "raw_contains", "distinct", "years"}


@lru_cache(maxsize=4)
def _header_table(text: str) -> tuple[tuple[str, ...], tuple[HeaderEntry, ...]]:
    import yaml

    from lkip_audit.vocabulary import Loader

    data = yaml.load(text, Loader=Loader)

    def words(v) -> tuple[str, ...]:
        return tuple(str(w) for w in (v or ()))

    entries = []
    for e in data["fields"]:
        unknown = set(e) - _ENTRY_KEYS
        if unknown:
            raise ValueError(f"rules/vocabulary/columns.yaml: {e}: unknown key(s) {sorted(unknown)}")
        d = e.get("distinct")
        entries.append(HeaderEntry(
            field=e["field"],
            reason=str(e["reason"]),
            leaf=tuple(words(x) for x in e["leaf"]) if "leaf" in e else None,
            all=words(e.get("all")), any=words(e.get("any")), none=words(e.get("none")),
            before=words(e["before"]) if "before" in e else None,
            money=e.get("money"),
            context_all=words(e.get("context_all")), context_none=words(e.get("context_none")),
            raw_contains=e.get("raw_contains"),
            distinct=(words(d["words"]), int(d["at_least"])) if d else None,
            years=int(e.get("years") or 0),
        ))
    return words(data["money_context"]), tuple(entries)


def header_table() -> tuple[tuple[str, ...], tuple[HeaderEntry, ...]]:
    """(money context words, entries) of rules/vocabulary/columns.yaml."""
    from lkip_audit.vocabulary import vocabulary_text

    return _header_table(vocabulary_text("columns"))


def header_match(t: list[str], ctx: list[str], raw: str) -> tuple[str | None, str]:
    """The field of the leaf tokens ``t`` (years and TAHUN left out) under the context
    ``ctx``: the first entry of rules/vocabulary/columns.yaml that matches."""
    money_words, entries = header_table()
    money_ctx = _any(ctx, *money_words)
    for e in entries:
        if e.matches(t, ctx, raw, money_ctx):
            return e.field, e.reason
    return None, "no known header word"


_SPAN_PREFIX = re.compile(
    r"^((?:CAPAIAN |PENCAPAIAN )?(?:KINERJA|ANGGARAN|KEUANGAN)(?: TAHUN)?(?: \d{4})?"
    r"|(?:REALISASI|RENCANA)(?: TAHUN)?(?: \d{4})?"
    r"|TAHUN \d{4}|\d{4})\b ?(.*)$"
)


def _split_flat(toks: list[str]) -> tuple[list[str], list[str]]:
    """Split flattened header tokens into (context, leaf) by a known span prefix."""
    s = " ".join(toks)
    m = _SPAN_PREFIX.match(s)
    if not m or not m.group(2):
        return [], toks
    rest = m.group(2).split()
    if not [w for w in rest if w not in ("RP", "%")] and m.group(1) not in ("REALISASI", "RENCANA"):
        return [], toks  # "ANGGARAN (Rp)": one header, not a span
    if not _strip_years(rest):
        return [], toks
    return m.group(1).split(), rest


def _fill_by_blocks(upper: list[str], below: list[str]) -> None:
    """A spanning header over repeated blocks of sub-columns ("2023" over TARGET REALISASI
    CAPAIAN, "2024" over the same three), printed over any one column of its block (centred
    text read into the middle column): give each block's one spanning text to its whole
    block, so that a block's first columns do not take the previous block's year. Only
    where the sub-columns repeat (two or more blocks of two or more different headers) and
    each block has exactly one spanning text, different from the other blocks'."""
    n = len(below)
    key = [" ".join(header_tokens(x)) for x in below]
    for p in range(2, n // 2 + 1):
        for start in range(0, n - 2 * p + 1):
            seq = key[start:start + p]
            if not all(seq) or len(set(seq)) < 2:
                continue
            m = 1
            while start + (m + 1) * p <= n and key[start + m * p:start + (m + 1) * p] == seq:
                m += 1
            if m < 2:
                continue
            blocks = [range(start + j * p, start + (j + 1) * p) for j in range(m)]
            texts = [{ws(upper[i]) for i in b if ws(upper[i])} for b in blocks]
            if not all(len(t) == 1 for t in texts) or len({next(iter(t)) for t in texts}) != m:
                continue
            for b, t in zip(blocks, texts):
                for i in b:
                    upper[i] = next(iter(t))
            return


def _year_leaf(text: str) -> bool:
    toks = header_tokens(text)
    return bool(_years(toks)) and not _strip_years(toks)


def _join_fragments(upper: list[str], below: list[str]) -> None:
    """One spanning header over year sub-columns whose words a rule-less reading spread over
    the columns it spans ("Target" | "Kinerja" | "Tujuan / Sasaran" | "" over 2023 | 2024 |
    2025 | 2026): the pieces, joined in order, are the span of the whole run. Only where the
    pieces are all different (not one merged cell repeated), not each a value header of its
    own ("REALISASI" | "TARGET" over years are two spans), and the joined text names a value."""
    n = len(below)
    i = 0
    while i < n:
        if not _year_leaf(below[i]):
            i += 1
            continue
        j = i
        while j < n and _year_leaf(below[j]):
            j += 1
        pieces = [ws(upper[k]) for k in range(i, j) if ws(upper[k])]
        if j - i >= 2 and len(pieces) >= 2 and len(set(pieces)) == len(pieces):
            own = [_leaf_field(header_tokens(p), [], p)[0] for p in pieces]
            joined = " ".join(pieces)
            if not all(f in NUMERIC_FIELDS for f in own) \
                    and _leaf_field(header_tokens(joined), [], joined)[0] in NUMERIC_FIELDS:
                for k in range(i, j):
                    upper[k] = joined
        i = j


def header_parts(table: Table) -> list[tuple[list[str], list[str], str]]:
    """Per column: (context tokens, leaf tokens, printed label)."""
    n = len(table.columns)
    rows = [[c.text for c in hr] for hr in table.header_rows if len(hr) == n]
    out = []
    if len(rows) >= 2 and any(ws(x) for x in rows[-1]):
        filled = [list(r) for r in rows]
        for k in range(len(rows) - 1):
            below = rows[k + 1]
            _fill_by_blocks(filled[k], below)
            _join_fragments(filled[k], below)
            for i in range(1, n):
                if ws(filled[k][i]) or not ws(below[i]):
                    continue
                # extend a spanning cell (one with text below it) over the empty cells to its right
                if ws(filled[k][i - 1]) and ws(below[i - 1]):
                    filled[k][i] = filled[k][i - 1]
        for i in range(n):
            parts = [ws(r[i]) for r in filled if ws(r[i])]
            parts = list(dict.fromkeys(parts))
            if not parts:
                out.append(([], [], ws(table.columns[i])))
                continue
            leaf_text = parts[-1]
            ctx: list[str] = []
            for p in parts[:-1]:
                ctx += header_tokens(p)
            c2, leaf = _split_flat(header_tokens(leaf_text))
            out.append((ctx + c2, leaf, ws(table.columns[i]) or " ".join(parts)))
        return out
    for i in range(n):
        toks = header_tokens(table.columns[i])
        ctx, leaf = _split_flat(toks)
        out.append((ctx, leaf, ws(table.columns[i])))
    return out


_PLAN_STAGE = ("RKPD", "RANCANGAN", "INDIKATIF")
_PLAN_RE = re.compile(r"\bRKPD\b|RANCANGAN|INDIKATIF", re.IGNORECASE)  # on the printed label


def _group(ctx: list[str]) -> str | None:
    if _any(ctx, *_PLAN_STAGE):
        # a draft plan's figures (Rancangan Awal RKPD, pagu indikatif): another stage
        # than the year's budget and results, compared only with its like
        return "RKPD"
    if _any(ctx, "ANGGARAN", "KEUANGAN"):
        return "ANGGARAN"
    if _has(ctx, "KINERJA"):
        return "KINERJA"
    ys = list(dict.fromkeys(_years(ctx)))
    if len(ys) == 1:
        return ys[0]
    return None


def _values(table: Table, idx: int) -> list:
    out = []
    for r in table.rows:
        if idx < len(r.cells):
            out.append(r.cells[idx])
    return out


def is_money_column(table: Table, idx: int) -> bool:
    """Most numbers in the column are amounts of money (>= 100.000 or printed with Rp)."""
    nums = []
    for c in _values(table, idx):
        if c.is_empty:
            continue
        p = c.number
        if p.currency:
            return True
        if p.value is not None:
            nums.append(abs(p.value))
    if not nums:
        return False
    big = sum(1 for v in nums if v >= Decimal(100000))
    return big * 2 >= len(nums)


def is_marker_column(table: Table, idx: int) -> bool:
    cells = [c for c in _values(table, idx) if not c.is_empty]
    return bool(cells) and all(marker_type(c.text) for c in cells)


def is_text_column(table: Table, idx: int) -> bool:
    cells = [c for c in _values(table, idx) if not c.is_empty]
    if not cells:
        return False
    texts = sum(1 for c in cells if c.number.kind == "text" and not marker_type(c.text))
    return texts * 2 > len(cells)


def map_columns(table: Table) -> tuple[list[ColumnRole], list[str]]:
    """The column roles of a table and notes saying how each was decided."""
    parts = header_parts(table)
    roles: list[ColumnRole] = []
    notes: list[str] = []
    for i, (ctx, leaf, label) in enumerate(parts):
        field, why = _leaf_field(leaf, ctx, label)
        forced_group = None
        if ctx and (field is None or field == "jumlah"):
            cf, cwhy = _leaf_field(ctx, [], label)
            if cf in NUMERIC_FIELDS and cf != "jumlah" and leaf:
                # a value header spanning sub-columns: "TARGET KINERJA TAHUN" / "2021",
                # "TARGET" / "TW I", "TARGET" / "JUMLAH"
                field, why = cf, f"{cwhy} (span over {' '.join(leaf)!r})"
                ys = _years(leaf)
                forced_group = ys[0] if len(ys) == 1 else " ".join(leaf)
            elif field is None and leaf:  # a header continued on the next line: "INDIKATOR KINERJA" / "UTAMA"
                field, why = _leaf_field(ctx + leaf, [], label)
                if field is not None:
                    why += " (whole header)"
        if field in LABEL_FIELDS and ctx and leaf and not _span_shared(parts, i):
            # a label header split over two header rows ("INDIKATOR TUJUAN /" over "SASARAN"),
            # not a group over sub-columns (the upper cell spans no other column): read whole
            wf, wwhy = _leaf_field(ctx + leaf, [], label)
            if wf in LABEL_FIELDS and wf != field:
                field, why = wf, f"{wwhy} (whole header: one label split over two header rows)"
        if field == "rencana?":
            if is_money_column(table, i):
                field, why = "anggaran", "RENCANA holding money"
            else:
                field, why = "target", "RENCANA holding non-money values"
        elif field == "realisasi" and not _has(ctx, "KINERJA") and is_money_column(table, i):
            field, why = "realisasi_rp", why + ", holding money"
        if field in LABEL_FIELDS and is_marker_column(table, i):
            # a merged label header repeated over its numbering sub-column ("I.", "1.")
            notes.append(f"col {i} {label!r}: numbering markers under a label header, not a label column")
            continue
        if field is None and not leaf and not ctx:
            if is_marker_column(table, i) and not any(r.field == "no" for r in roles):
                field, why = "no", "header-less column of numbering markers (by content)"
            elif i <= 1 and is_text_column(table, i) and not any(r.field in LABEL_FIELDS for r in roles):
                field, why = "uraian", "header-less leading text column (by content)"
        if field is None:
            notes.append(f"col {i} {label!r}: unmapped ({why})")
            continue
        group = _group(ctx) if field not in LABEL_FIELDS and field != "no" and "whole header" not in why else None
        if forced_group:
            group = forced_group
        if group is None and field not in LABEL_FIELDS and field != "no" and "whole header" not in why:
            ys = list(dict.fromkeys(_years(leaf)))
            if len(ys) == 1:  # "Capaian 2015", "Target 2017" in one header cell: that year's
                group = ys[0]
        if field not in LABEL_FIELDS and field != "no" and _PLAN_RE.search(label):
            group = "RKPD"
        roles.append(ColumnRole(field=field, index=i, label=label, group=group))
        g = f", group {group}" if group else ""
        c = f" under {' '.join(ctx)!r}" if ctx else ""
        notes.append(f"col {i} {label!r} -> {field}{g} (header {' '.join(leaf)!r}{c}: {why})")
    # a table without a recognised label column: the first mostly-text column is the label
    if not any(r.field in LABEL_FIELDS for r in roles):
        taken = {r.index for r in roles}
        for i in range(len(parts)):
            if i in taken and not any(r.index == i and r.field in ("no",) for r in roles) and i > 1:
                break
            if i not in taken and is_text_column(table, i):
                roles.append(ColumnRole(field="uraian", index=i, label=parts[i][2], group=None))
                notes.append(f"col {i} {parts[i][2]!r} -> uraian (first mostly-text column, by content)")
                break
    _disambiguate_groups(roles, parts, notes)
    _percent_target_realisation(table, roles, notes)
    _medium_term_targets(roles, notes)
    _year_on_year(roles, notes)
    _capaian_as_realisation(table, roles, notes)
    roles.sort(key=lambda r: r.index)
    return roles, notes


def _span_shared(parts, i: int) -> bool:
    """Column i's context (its upper header cells) is also a neighbour's: a spanning cell."""
    ctx = parts[i][0]
    return any(0 <= k < len(parts) and parts[k][0] == ctx for k in (i - 1, i + 1))


def _capaian_as_realisation(table: Table, roles: list[ColumnRole], notes: list[str]) -> None:
    """"Target | Capaian" with no realisasi in the group, where the capaian column holds
    values on the target's own scale (16.478 / 16.542, 267 / 267, 21 / 19,7) rather than
    percentages: the report says "capaian" for the value achieved, the realisasi."""
    for cap in [r for r in roles if r.field == "capaian"]:
        if any(r.field == "realisasi" and r.group == cap.group for r in roles):
            continue
        tgt = next((r for r in roles if r.field == "target" and r.group == cap.group), None)
        if tgt is None:
            continue
        pairs = []
        for row in table.rows:
            if max(tgt.index, cap.index) >= len(row.cells):
                continue
            t, c = row.cells[tgt.index].number, row.cells[cap.index].number
            if t.kind == "number" and c.kind == "number" and t.value and c.value is not None:
                pairs.append((abs(t.value), abs(c.value)))
        if len(pairs) < 4:
            continue
        targets = [t for t, _ in pairs]
        spread = max(targets) / min(targets) if min(targets) else Decimal(0)
        close = sum(1 for t, c in pairs if t / 2 <= c <= t * 2)
        if spread >= 10 and close * 5 >= len(pairs) * 4:
            cap.field = "realisasi"
            notes.append(f"col {cap.index} {cap.label!r}: capaian values on the target's scale "
                         f"({close}/{len(pairs)} within x2 of the target, targets spanning x{spread:.0f}): realisasi")


def _percent_target_realisation(table: Table, roles: list[ColumnRole], notes: list[str]) -> None:
    """"Target (%)" | "Realisasi (%)" | "Capaian (%)" of one year group (the IKU table's
    "Tahun 2015": Target ( %) | Realisasi (%) | Capkin 2015 (%)): the "%" is the unit of
    the target and the realisation, not a budget percentage, where the group's capaian is
    a column of its own and no column of the group holds money. Only a header that names
    nothing but TARGET or REALISASI (with years, TAHUN and "%")."""
    for cap in [r for r in roles if r.field == "capaian" and r.group is not None]:
        group = [r for r in roles if r.group == cap.group]
        if any(r.field in ("anggaran", "realisasi_rp", "murni", "perubahan") or is_money_column(table, r.index)
               for r in group):
            continue
        for r in group:
            if r.field != "persen":
                continue
            words = [t for t in _strip_years(header_tokens(r.label)) if t != "%"]
            if words in (["TARGET"], ["REALISASI"]) and not any(
                    o.field == words[0].lower() for o in group):
                r.field = words[0].lower()
                notes.append(f"col {r.index} {r.label!r}: {words[0]} (%) beside the group's capaian "
                             f"{cap.label!r}: {r.field}, not a budget percentage")


def _year_on_year(roles: list[ColumnRole], notes: list[str]) -> None:
    """A table of realisations of two or more years and no target ("Perbandingan
    Realisasi 2016 terhadap 2015"): its capaian compares the years with each other, not
    a realisation with its target; its group names the years, so it is not taken for
    the year's capaian elsewhere."""
    if any(r.field == "target" for r in roles):
        return
    years = sorted({y for r in roles if r.field == "realisasi" for y in _years((r.group or "").split())})
    if len(years) < 2:
        return
    for r in roles:
        if r.field == "capaian" and (r.group is None or r.group in years):
            r.group = " ".join(years)
            notes.append(f"col {r.index}: capaian of realisations {' / '.join(years)} (no target): group {r.group}")


def _medium_term_targets(roles: list[ColumnRole], notes: list[str]) -> None:
    """Targets for three or more years side by side, with no realisation in the table:
    the medium-term plan (Renstra / RPJMD "Target Kinerja 2014 ... 2018"), not the year's
    agreed targets, so they are not compared as this year's target."""
    if any(r.field in ("realisasi", "capaian", "realisasi_rp") for r in roles):
        return
    targets = [r for r in roles if r.field == "target"]
    years = {y for r in targets for y in _years((r.group or "").split())}
    if len(targets) >= 3 and len(years) >= 3:
        for r in targets:
            r.field = "target_renstra"
        notes.append(f"targets for {len(years)} years and no realisasi: medium-term targets (target_renstra)")


def _disambiguate_groups(roles: list[ColumnRole], parts, notes: list[str]) -> None:
    """Repeated (field, group) pairs under different years: group by year instead."""
    seen: dict[tuple[str, str | None], list[ColumnRole]] = {}
    for r in roles:
        seen.setdefault((r.field, r.group), []).append(r)
    for (field, group), rs in seen.items():
        if len(rs) < 2 or field in LABEL_FIELDS or field == "no":
            continue
        for r in rs:
            ys = list(dict.fromkeys(_years(parts[r.index][0])))
            if len(ys) == 1:
                r.group = f"{group} {ys[0]}" if group and group != ys[0] else ys[0]
        if len({r.group for r in rs}) < len(rs):
            _groups_by_cycle(roles, rs, parts)
        if len({r.group for r in rs}) < len(rs):
            notes.append(f"field {field} appears {len(rs)} times without distinguishing groups")


def _groups_by_cycle(roles: list[ColumnRole], rs: list[ColumnRole], parts) -> None:
    """Repeated blocks (TARGET REALISASI CAPAIAN | TARGET REALISASI CAPAIAN ...) where the
    year is printed over one column of each block only: give the block's year to all."""
    starts = sorted(r.index for r in rs)
    bounds = starts + [10**9]
    for a, b in zip(bounds, bounds[1:]):
        block = [r for r in roles if a <= r.index < b and r.field not in LABEL_FIELDS and r.field != "no"]
        ys = {y for r in block for y in _years(parts[r.index][0] + parts[r.index][1])}
        if len(ys) == 1:
            y = ys.pop()
            for r in block:
                if r.group is None:
                    r.group = y


def combined_kinds(label: str) -> list[str]:
    """The hierarchy kinds a combined label column lists, in order ("KEGIATAN/SUB KEGIATAN")."""
    toks = header_tokens(label)
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "SUB" and i + 1 < len(toks) and toks[i + 1] == "KEGIATAN":
            out.append("sub_kegiatan")
            i += 2
            continue
        if t == "PROGRAM":
            out.append("program")
        elif t == "KEGIATAN":
            out.append("kegiatan")
        elif t == "INDIKATOR":
            out.append("indikator")
        elif t == "SASARAN":
            out.append("sasaran")
        i += 1
    return list(dict.fromkeys(out))
