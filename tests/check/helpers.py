"""Build AnalyzedTables by hand (no extract or understand stage involved)."""

from __future__ import annotations

from decimal import Decimal

from lkip_audit.check import CheckConfig, run_checks
from lkip_audit.extract.model import Document
from lkip_audit.understand.model import BODY, AnalyzedTable, Band, ColumnRole, RowInfo, Scale, Understanding
from tests.tablefactory import make_table

# Every implemented rule must have a test that fires it and one that does not.
FIRES: set[str] = set()
QUIET: set[str] = set()


def fires(*ids):
    def deco(fn):
        FIRES.update(ids)
        return fn
    return deco


def quiet(*ids):
    def deco(fn):
        QUIET.update(ids)
        return fn
    return deco


def analyzed(header, rows, fields: dict[int, str], *, kind="other", number="3.20", page=57,
             label_col=1, rowinfo: dict[int, dict] | None = None, groups: dict[int, str] | None = None,
             lower=(), title="") -> AnalyzedTable:
    t = make_table(header, rows, number=number, page=page, title=title)
    cols = [ColumnRole(field=f, index=i, label=t.columns[i], group=(groups or {}).get(i)) for i, f in fields.items()]
    infos = []
    for i, r in enumerate(rows):
        kw = {"role": BODY, "label": " ".join(r[label_col].split()) if label_col is not None else ""}
        kw.update((rowinfo or {}).get(i, {}))
        infos.append(RowInfo(index=i, **kw))
    return AnalyzedTable(table=t, kind=kind, columns=cols, rows=infos, lower_is_better=set(lower))


def doc_for(*ats, problems=()) -> Document:
    return Document(path="x.pdf", sha256="0" * 64, page_count=200, pages=[],
                    tables=[at.table for at in ats], problems=list(problems))


def check(*ats, scales=None, problems=(), **config):
    cfg = CheckConfig(**config)
    return run_checks(doc_for(*ats, problems=problems), Understanding(tables=list(ats), scales=scales or {}), cfg)


def only(findings, rule):
    return [f for f in findings if f.rule == rule]


D = Decimal
SEED_KATEGORI = Scale(
    name="kategori",
    bands=[
        Band("Istimewa", D(100), None, False, True),
        Band("Baik", D(80), D(100), False, True),
        Band("Butuh Perbaikan", D(60), D(80), False, True),
        Band("Kurang", D(20), D(60), False, True),
        Band("Sangat Kurang", D(0), D(20), True, True),
    ],
    source="document: page 40",
)
