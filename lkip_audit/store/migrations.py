"""Versioned schema migrations: a version table and ordered scripts.

Why not Alembic: the store is opened by an end user's ``lkip-audit check --store``,
on a laptop's SQLite file or a team's PostgreSQL, never by a developer running
``alembic upgrade``; the migrations must ship inside the package and run at open,
inside one transaction, with no ini file, env.py or script directory to locate.
The schema is four tables. A table ``store_version`` (one row per applied script)
and a list of ``(version, description, function)`` scripts in SQLAlchemy Core cover
that with no extra dependency; a script is never edited once released, a change is
a new script with the next number.

On PostgreSQL the migration holds a transaction-level advisory lock, so two team
members opening a fresh server at once do not both create the tables; on SQLite the
transaction is ``BEGIN IMMEDIATE`` (store/__init__.py), which serialises writers.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection, Engine

from lkip_audit.store import schema

_LOCK_ID = 1616016  # the advisory lock key (PostgreSQL)


class StoreVersionError(RuntimeError):
    """The store was written by a newer lkip-audit (a schema version this one does not know)."""


def _v1(conn: Connection) -> None:
    for t in (schema.documents, schema.facts, schema.findings):
        t.create(conn)  # with its indexes


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "documents, facts, findings", _v1),
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, schema.store_version.name):
        return 0
    return conn.execute(select(func.max(schema.store_version.c.version))).scalar() or 0


def migrate(engine: Engine) -> list[int]:
    """Apply every script newer than the store's version, in one transaction. Returns the
    versions applied (empty when the store was current)."""
    applied = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_ID})
        have = current_version(conn)
        if have > LATEST:
            raise StoreVersionError(f"store schema version {have} is newer than this lkip-audit's ({LATEST}); "
                                    "upgrade lkip-audit")
        if have == LATEST:
            return applied
        schema.store_version.create(conn, checkfirst=True)
        for version, description, script in MIGRATIONS:
            if version <= have:
                continue
            script(conn)
            conn.execute(insert(schema.store_version).values(
                version=version, applied_at=datetime.now(timezone.utc), description=description))
            applied.append(version)
    return applied
