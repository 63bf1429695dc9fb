"""Match findings to truth items and to triaged findings: pure functions, no I/O.

The rules are the ones samples/wild/TRUTH.md and benchmarks/TRIAGE.md state:

- a finding (error or warning; info findings are not counted either way) matches a
  truth item when the table is the same, the row labels are the same after normalising
  case, spaces and punctuation (or one contains the other), and either the rule
  category or the printed/recomputed value is the same. Where TRUTH.md is silent:
  - a narrative item (no table, no row) is matched by page; without a page (or a
    finding without one: a .docx), by the value its sentence prints, or by a finding of
    its rule category at the table of the item's ``related`` cell;
  - an item with a table but no row is about the table: any row of it;
  - an uncaptioned table's item (table null, a title) and a finding whose table lost
    its caption match on the item's page, when the item knows it (an uncaptioned
    table's finding without a page, from a .docx, matches by row);
  - a finding that names no row matches when it prints the item's value;
  - a cross-table (XT) finding also matches at the places in its ``related`` list
    (and at the item's own ``related`` places);
- a finding is the triaged one when rule, page, table, row, column and actual are the
  same after normalising spaces and case.

Findings may be lkip_audit.findings.Finding objects or dicts with the same keys (the
scorer passes dicts between processes); items are dicts as read from a truth file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

CATEGORIES = ("PCT", "CAP", "SUM", "LBL", "XT", "NAR", "DIF", "BND", "DQ", "DOC")
COUNTED = ("error", "warning")


def get(obj, key, default=None):
    """A field of a finding, an item or a related place (object or dict)."""
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def category(rule: str | None) -> str:
    """The letters of a rule id: 'PCT001' -> 'PCT', 'XT002' -> 'XT'."""
    m = re.match(r"[A-Za-z]+", rule or "")
    return m.group(0).upper() if m else ""


def norm_label(s) -> str:
    """Case, spaces and punctuation removed: 'Program I. Penunjang' -> 'programipenunjang'."""
    return re.sub(r"[\W_]+", "", str(s or "").lower())


def norm_table(s) -> str:
    return re.sub(r"\s+", "", str(s or "")).strip(".").lower()


def norm_value(s) -> str:
    """A printed value without spaces, '%' and 'Rp': '97,15%' -> '97,15', 'Rp 1.000' -> '1.000'."""
    v = re.sub(r"\s+", "", str(s or "")).lower()
    v = v.replace("%", "")
    if v.startswith("rp"):
        v = v[2:]
    return v


def labels_match(a, b) -> bool:
    """Same row label after normalising, or one contains the other; two empty labels match."""
    na, nb = norm_label(a), norm_label(b)
    if not na and not nb:
        return True
    if not na or not nb:
        return False
    return na == nb or na in nb or nb in na


def is_narrative(item) -> bool:
    """A narrative item: no table, no row (a sentence, located by its page)."""
    return get(item, "table") is None and get(item, "row") is None and get(item, "table_title") is None


def _values_match(finding, item) -> bool:
    actual, expected = norm_value(get(finding, "actual")), norm_value(get(finding, "expected"))
    printed, recomputed = norm_value(get(item, "printed")), norm_value(get(item, "recomputed"))
    return bool((actual and actual == printed) or (expected and expected == recomputed))


def _item_pages(item) -> set[int]:
    pages = get(item, "pages") or []
    if get(item, "page") is not None:
        pages = [*pages, get(item, "page")]
    return {int(p) for p in pages}


def finding_matches_item(finding, item) -> bool:
    """Does this finding report this truth item? (severity is not looked at here)."""
    if not (category(get(finding, "rule")) == category(get(item, "rule")) or _values_match(finding, item)):
        return False
    if is_narrative(item):
        # A narrative claim: the finding is at the sentence's page (the tool may name the
        # table the sentence is checked against; the row is then that table's row).
        pages = _item_pages(item)
        if pages and get(finding, "page") is not None:
            return get(finding, "page") in pages
        # no page known (the sentence's text is on several pages or none; a .docx has no pages):
        # the finding must quote the item's printed value, or a value that stands in its sentence
        actual = norm_value(get(finding, "actual"))
        text = norm_value(get(item, "text"))
        if _values_match(finding, item) or bool(actual and text and actual in text):
            return True
        # or, for a claim about a table's figures (NAR005 "dominan ... 41 s.d 45" against Tabel 3.44),
        # a finding of the same rule category at the table of the item's related cell
        ftable = get(finding, "table")
        return bool(ftable) and category(get(finding, "rule")) == category(get(item, "rule")) and any(
            get(r, "table") is not None and norm_table(get(r, "table")) == norm_table(ftable)
            for r in (get(item, "related") or []))
    places = [(get(finding, "table"), get(finding, "row"), get(finding, "page"))]
    if category(get(finding, "rule")) == "XT":
        places += [(get(r, "table"), get(r, "row"), get(r, "page")) for r in (get(finding, "related") or [])]
    targets = [(get(item, "table"), get(item, "row"), _item_pages(item))]
    if category(get(item, "rule")) == "XT" and category(get(finding, "rule")) == "XT":
        targets += [(get(r, "table"), get(r, "row"), set()) for r in (get(item, "related") or [])]
    for table, row, page in places:
        for t_table, t_row, t_pages in targets:
            if t_table is None:
                # an uncaptioned table: the same page when the item knows it
                if table is not None or (t_pages and page is not None and page not in t_pages):
                    continue
            elif table is None:
                # the tool lost the caption: the finding still points at the item's cell when it is
                # on the item's page (known) with the item's row
                if not (t_pages and page in t_pages):
                    continue
            elif norm_table(table) != norm_table(t_table):
                continue
            if t_row is None or labels_match(row, t_row):  # an item without a row is about the table
                return True
            if row is None and _values_match(finding, item):  # the finding names no row: its values must
                return True
    return False


@dataclass
class DocScore:
    """How one document's findings compare with its truth file."""

    clean: bool
    items: int = 0
    found: list[str] = field(default_factory=list)  # ids of items some finding matched
    missed: list[dict] = field(default_factory=list)  # items no finding matched
    true_positives: list = field(default_factory=list)  # counted findings that match an item
    false_positives: list = field(default_factory=list)  # counted findings that match none
    matches: dict[str, list[int]] = field(default_factory=dict)  # item id -> indexes of counted findings
    alarms: Counter = field(default_factory=Counter)  # clean twin: errors/warnings by severity
    coverage: list = field(default_factory=list)  # DOC002/DOC003 on pages the truth declares unreadable
    by_category: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def recall(self) -> float | None:
        return len(self.found) / self.items if self.items else None

    @property
    def precision(self) -> float | None:
        n = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / n if n else None


def _cat_row() -> dict[str, int]:
    return {"items": 0, "found": 0, "tp": 0, "fp": 0}


# Findings that say a page could not be checked (not an inconsistency of the document).
COVERAGE_RULES = ("DOC002", "DOC003")


def _coverage_pages(f) -> set[int]:
    pages = (get(f, "detail") or {}).get("pages") if isinstance(get(f, "detail"), dict) else None
    if pages:
        return {int(p) for p in pages}
    return {get(f, "page")} if get(f, "page") is not None else set()


def is_declared_coverage(f, unreadable_pages) -> bool:
    """A finding that a page could not be checked, on pages the truth file itself declares
    unreadable without OCR (a scanned page the build inserted): the tool is right to say so,
    and it is neither an inconsistency found nor a false alarm."""
    pages = _coverage_pages(f)
    return get(f, "rule") in COVERAGE_RULES and bool(pages) and pages <= set(unreadable_pages or ())


def score_document(findings, items, clean: bool = False, unreadable_pages=()) -> DocScore:
    """Match a document's findings to its truth items.

    Only error and warning findings count. A finding that matches any item is a true
    positive (several findings may match one item: the item is found once); an item is
    found when at least one finding matches it. On a clean twin every counted finding is
    an alarm (and a false positive). A DOC002/DOC003 finding naming only pages the truth
    declares unreadable (`unreadable_pages`) is set aside in `coverage`.
    """
    s = DocScore(clean=clean, items=len(items))
    counted = []
    for f in findings:
        if get(f, "severity") not in COUNTED:
            continue
        if is_declared_coverage(f, unreadable_pages):
            s.coverage.append(f)
        else:
            counted.append(f)
    cats: dict[str, dict[str, int]] = {}
    hit = [False] * len(counted)
    for n, item in enumerate(items):
        iid = str(get(item, "id") or f"#{n}")
        c = cats.setdefault(category(get(item, "rule")), _cat_row())
        c["items"] += 1
        idx = [i for i, f in enumerate(counted) if finding_matches_item(f, item)]
        if idx:
            s.found.append(iid)
            s.matches[iid] = idx
            c["found"] += 1
            for i in idx:
                hit[i] = True
        else:
            s.missed.append(item)
    for f, h in zip(counted, hit):
        c = cats.setdefault(category(get(f, "rule")), _cat_row())
        if h:
            s.true_positives.append(f)
            c["tp"] += 1
        else:
            s.false_positives.append(f)
            c["fp"] += 1
        if clean:
            s.alarms[get(f, "severity")] += 1
    s.by_category = cats
    return s


# ----------------------------------------------------------------- triage of real reports


def _space(s) -> str:
    return " ".join(str(s if s is not None else "").lower().split())


def triage_key(f) -> tuple:
    """(rule, page, table, row, column, actual) with spaces and case normalised."""
    page = get(f, "page")
    return (
        _space(get(f, "rule")),
        str(page) if page is not None else "",
        _space(get(f, "table")),
        _space(get(f, "row")),
        _space(get(f, "column")),
        _space(get(f, "actual")),
    )


@dataclass
class TriageScore:
    findings: int = 0  # current errors + warnings
    matched: int = 0  # of them, with a triage entry
    judged_true: int = 0  # of the matched, verdict true
    untriaged: list = field(default_factory=list)  # current findings without a triage entry
    matched_entries: list = field(default_factory=list)  # (finding, entry)
    stale: list = field(default_factory=list)  # triage entries no current finding matches

    @property
    def share_true(self) -> float | None:
        return self.judged_true / self.matched if self.matched else None


def score_triage(findings, entries) -> TriageScore:
    """Match current error/warning findings to triaged ones (entries: dicts of TRIAGE.md)."""
    by_key: dict[tuple, dict] = {}
    for e in entries:
        by_key.setdefault(triage_key(e), e)
    s = TriageScore()
    used = set()
    for f in findings:
        if get(f, "severity") not in COUNTED:
            continue
        s.findings += 1
        k = triage_key(f)
        e = by_key.get(k)
        if e is None:
            s.untriaged.append(f)
            continue
        used.add(k)
        s.matched += 1
        s.matched_entries.append((f, e))
        if e.get("verdict") is True:
            s.judged_true += 1
    s.stale = [e for k, e in by_key.items() if k not in used]
    return s


TRIAGE_FIELDS = ("rule", "page", "table", "row", "column", "actual")


def near_misses(untriaged, stale) -> list[tuple]:
    """(finding, entry, field) for an untriaged finding that differs from a triaged entry no
    longer matched in exactly one field: most often a label the tool now reads differently,
    so the verdict can be carried over after a look. Not a match: TRIAGE.md matches exactly."""
    out = []
    keys = [(e, triage_key(e)) for e in stale]
    for f in untriaged:
        k = triage_key(f)
        for e, ke in keys:
            diff = [i for i in range(len(k)) if k[i] != ke[i]]
            if len(diff) == 1:
                out.append((f, e, TRIAGE_FIELDS[diff[0]]))
                break
    return out


# ----------------------------------------------------------------- missed entries of real reports


def printed_values(text) -> set:
    """The numbers a printed value can be, read by lkip_audit.numbers.parse_number in the
    Indonesian and in the English convention ("219.60" is malformed as Indonesian, 219.60 as
    English; "1.250" is 1250 or 1.25): a set of Decimals, empty for text ("31 / 270 / 240")."""
    from lkip_audit.numbers import parse_number

    if text is None:
        return set()
    out = set()
    for style in ("id", "en"):
        p = parse_number(str(text), style)
        if p.value is not None:
            out.add(p.value)
    return out


def open_missed(entries) -> list[dict]:
    """The ``missed:`` entries no later run has reported yet (no ``reported_later``)."""
    return [m for m in entries or [] if isinstance(m, dict) and not m.get("reported_later")]


def missed_reported_by(finding, entry) -> bool:
    """Does this current finding report the missed entry? The same page, the same table when
    the entry and the finding name one, and an ``actual`` that is, as a number, the entry's
    ``printed`` (severity is not looked at here)."""
    if get(entry, "page") is None or get(finding, "page") is None:
        return False
    if int(get(finding, "page")) != int(get(entry, "page")):
        return False
    # the same table when the entry names one; a finding whose table lost its caption (table
    # null) still counts on the entry's page (as for truth items above)
    if get(entry, "table") is not None and get(finding, "table") is not None \
            and norm_table(get(finding, "table")) != norm_table(get(entry, "table")):
        return False
    printed = printed_values(get(entry, "printed"))
    return bool(printed & printed_values(get(finding, "actual")))


def score_missed(findings, entries) -> list[tuple[dict, object]]:
    """(entry, the first current error/warning that reports it, or None) for each open missed entry."""
    counted = [f for f in findings if get(f, "severity") in COUNTED]
    return [(m, next((f for f in counted if missed_reported_by(f, m)), None)) for m in open_missed(entries)]
