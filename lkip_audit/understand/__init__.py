"""The understand stage: table kinds, column roles, row hierarchy, scales.

    understand(doc, config_scales=None, tables=None) -> Understanding
    analyze_tables(doc) -> list[AnalyzedTable]  (understand's first step, per table)
    analyze_table(table) -> AnalyzedTable
    band_for(scale, value) -> Band | None
    validate(at) -> list[SchemaIssue]          (pandera data-quality schemas; imported on first use)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lkip_audit.extract.model import Document, Table
    from lkip_audit.understand.model import AnalyzedTable, Understanding

__all__ = [
    "understand", "analyze_table", "analyze_tables", "band_for", "validate", "SchemaIssue", "parse_condition",
    "default_tingkat", "AnalyzedTable", "Understanding", "Scale", "Band",
]

# Loaded on first use (PEP 562), like the stage's own modules below: importing one light
# module of this package (understand.model, for the configuration's Scale and Band) must
# not load the whole stage, so a check served from the cache does not import it. The
# pandera schemas (pandas, pandera: most of a second to import) load only when used.
_WHERE = {
    "validate": "lkip_audit.understand.schemas",
    "SchemaIssue": "lkip_audit.understand.schemas",
    "validate_tables": "lkip_audit.understand.schemas",
    "AnalyzedTable": "lkip_audit.understand.model",
    "Understanding": "lkip_audit.understand.model",
    "Scale": "lkip_audit.understand.model",
    "Band": "lkip_audit.understand.model",
    "band_for": "lkip_audit.understand.scales",
    "default_tingkat": "lkip_audit.understand.scales",
    "parse_condition": "lkip_audit.understand.scales",
}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def analyze_table(table: Table, lower_is_better_terms=None) -> AnalyzedTable:
    """Kind, column roles, row roles/hierarchy and lower-is-better rows of one table.

    `lower_is_better_terms`: regular expressions naming lower-is-better indicators
    (default: rules/vocabulary/polarity.yaml). Polarity here rests on the table alone
    (a polarity column or mark, else the name); understand() adds the report's sentences
    and the other tables (understand/polarity.py)."""
    from lkip_audit.understand.classify import classify
    from lkip_audit.understand.columns import map_columns
    from lkip_audit.understand.hierarchy import analyze_rows, lower_is_better_rows
    from lkip_audit.understand.model import AnalyzedTable
    from lkip_audit.understand.polarity import name_hints, row_marks

    columns, notes = map_columns(table)
    kind, knotes = classify(table, columns)
    rows, rnotes = analyze_rows(table, columns)
    lower, lnotes = lower_is_better_rows(table, rows, lower_is_better_terms)
    pol = row_marks(table, rows)
    for r, p in name_hints(table, rows, lower_is_better_terms).items():
        pol.setdefault(r, p)
    return AnalyzedTable(
        table=table, kind=kind, columns=columns, rows=rows, lower_is_better=lower, polarity=pol,
        notes=knotes + notes + rnotes + lnotes,
    )


def analyze_tables(doc: Document, lower_is_better_terms=None) -> list[AnalyzedTable]:
    """analyze_table of each of the document's tables (the first step of understand())."""
    return [analyze_table(t, lower_is_better_terms) for t in doc.tables]


def understand(doc: Document, config_scales: dict | None = None, lower_is_better_terms=None,
               tables: list[AnalyzedTable] | None = None) -> Understanding:
    """Analyze every table of the document and collect the scales it states.

    `config_scales` ({"tingkat": ..., "kategori": ...}; a Scale, a list of bands as
    dicts, or {label: condition}) overrides the document's; without either a
    default tingkat scale applies and no kategori scale. `tables`: the document's
    tables as analyze_tables() gave them (else analyzed here); understand() then adds
    what the whole document says (polarity from sentences, planning stage, scales)."""
    from lkip_audit.understand import polarity
    from lkip_audit.understand.model import Understanding
    from lkip_audit.understand.narrative import narrative
    from lkip_audit.understand.scales import collect_scales

    if tables is None:
        tables = analyze_tables(doc, lower_is_better_terms)
    nar = narrative(doc) if doc.tables else None
    polarity.assign(doc, tables, nar.sentences if nar is not None else None, lower_is_better_terms)
    from lkip_audit.understand import stage

    stage.assign(doc, tables)  # the planning stage and year of each table (like with like)
    sens = nar.sentences if nar is not None else None
    word = (getattr(doc, "outline", None) or {}).get("kind") == "docx"
    return Understanding(tables=tables, scales=collect_scales(tables, config_scales, sens, word), narrative=nar)
