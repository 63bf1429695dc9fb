"""The store's tables, in SQLAlchemy Core (one schema for SQLite and PostgreSQL).

    documents  one row per checked file (sha256 unique); a later version of the same
               instansi and tahun sets ``superseded_by`` on the earlier one, both are kept
    facts      one row per table cell the report prints for an item (indikator, sasaran,
               program, kegiatan, sub kegiatan): field, the year the value is about, the
               planning stage, the value as printed and as a number, page, table, row
    findings   the findings of that check
    store_version  the schema version (migrations.py)

Values are kept as exact decimal text (``"330.50"``), not as floating point: the
comparisons across years are made with Decimal, as every other check is.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

store_version = Table(
    "store_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("description", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("file_name", Text, nullable=False),
    Column("path", Text, nullable=True),  # as given on the command line when it was checked
    Column("instansi", Text, nullable=True),  # as printed
    Column("instansi_key", Text, nullable=True),  # normalised (store/instansi.py)
    Column("tahun", Integer, nullable=True),
    Column("pages", Integer, nullable=False, default=0),
    Column("tables", Integer, nullable=False, default=0),
    Column("checked_at", DateTime(timezone=True), nullable=False),
    Column("tool_version", String(40), nullable=False),
    Column("errors", Integer, nullable=False, default=0),
    Column("warnings", Integer, nullable=False, default=0),
    Column("infos", Integer, nullable=False, default=0),
    Column("superseded_by", Integer, ForeignKey("documents.id", ondelete="SET NULL"), nullable=True),
)
Index("ix_documents_instansi_tahun", documents.c.instansi_key, documents.c.tahun)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("item_kind", String(20), nullable=False),  # indikator | sasaran | program | kegiatan | sub_kegiatan
    Column("item_name", Text, nullable=False),  # as printed
    Column("item_key", Text, nullable=False),  # normalised (understand/resolve.normalise)
    Column("field", String(24), nullable=False),  # target | realisasi | capaian | anggaran | realisasi_anggaran
    Column("year", Integer, nullable=True),  # the year the value is about (column header, else caption/report)
    Column("stage", String(24), nullable=True),  # None: the year's own PK/DPA/result; renstra, murni, ...
    Column("value", String(64), nullable=True),  # exact decimal text; None for a range
    Column("low", String(64), nullable=True),  # a range target "70-80"
    Column("high", String(64), nullable=True),
    Column("printed", Text, nullable=False),  # the cell as printed
    Column("unit", String(40), nullable=True),
    Column("page", Integer, nullable=True),
    Column("table_number", String(24), nullable=True),  # caption number "3.11", or None
    Column("table_id", String(40), nullable=False),  # internal id ("p34-t1")
    Column("table_title", Text, nullable=True),
    Column("row_index", Integer, nullable=False),  # 0-based body row
    Column("row_label", Text, nullable=True),
    Column("column_label", Text, nullable=True),
    Column("column_index", Integer, nullable=True),
)
Index("ix_facts_document", facts.c.document_id)
Index("ix_facts_item", facts.c.item_key, facts.c.field, facts.c.year)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("rule", String(8), nullable=False),
    Column("severity", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("page", Integer, nullable=True),
    Column("table_number", String(24), nullable=True),
    Column("row_label", Text, nullable=True),
    Column("column_label", Text, nullable=True),
    Column("expected", Text, nullable=True),
    Column("actual", Text, nullable=True),
    Column("fingerprint", String(16), nullable=True),
)
Index("ix_findings_document", findings.c.document_id)
