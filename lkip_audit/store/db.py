"""The store's database side (SQLAlchemy): see lkip_audit/store/__init__.py."""


from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, delete, event, insert, select, update
from sqlalchemy.engine import Engine

from lkip_audit.store import schema
from lkip_audit.store.instansi import instansi_key
from lkip_audit.store.migrations import migrate

from lkip_audit.store.where import ENV, TEST_HOOK_ENV, StoreError, default_path, location, redact  # noqa: F401,E402

_ENGINES: dict[tuple[str, bool], Engine] = {}


def _engine(url: str, write: bool = True) -> Engine:
    eng = _ENGINES.get((url, write))
    if eng is not None:
        return eng
    if url.startswith("sqlite") and not write:
        # a reader opens the file read-only and never creates it (a batch worker elsewhere, a
        # store not created yet): it then reads as empty
        path = url.split(":///", 1)[1]
        eng = create_engine("sqlite:///file:" + path + "?mode=ro&uri=true", connect_args={"timeout": 60})

        @event.listens_for(eng, "connect")
        def _connect_ro(dbapi_conn, _rec):  # noqa: ANN001
            dbapi_conn.isolation_level = None

        @event.listens_for(eng, "begin")
        def _begin_ro(conn):  # noqa: ANN001
            conn.exec_driver_sql("BEGIN")
    elif url.startswith("sqlite"):
        eng = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(eng, "connect")
        def _connect(dbapi_conn, _rec):  # noqa: ANN001
            dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @event.listens_for(eng, "begin")
        def _begin(conn):  # noqa: ANN001
            # DDL and the first SELECT inside the transaction too; one writer at a time.
            # A reader (a batch worker looking up earlier years) takes no write lock.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
    else:
        eng = create_engine(url, pool_pre_ping=True)
    _ENGINES[(url, write)] = eng
    return eng


@dataclass
class Recorded:
    document_id: int
    new: bool  # False: this sha256 was stored already, nothing was added
    superseded: list[int]  # ids of earlier versions this one supersedes
    facts: int = 0
    findings: int = 0


class Store:
    """``write=False``: a reader (no migration, no write lock); a store not created yet reads
    as empty."""

    def __init__(self, url: str, write: bool = True) -> None:
        self.url = url
        self.write = write
        try:
            self.engine = _engine(url, write)
            if write:
                migrate(self.engine)
        except StoreError:
            raise
        except Exception as e:  # noqa: BLE001 - driver errors differ by backend
            raise StoreError(f"store {redact(url)}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}") from e

    # -- writing ---------------------------------------------------------------------------

    def record(self, payload: dict) -> Recorded:
        """Record one report (payload()) in one transaction."""
        doc = payload["document"]
        d = schema.documents
        hook = os.environ.get(TEST_HOOK_ENV, "")
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # one writer per instansi at a time
                from sqlalchemy import text

                conn.execute(text("SELECT pg_advisory_xact_lock(1616017)"))
            old = conn.execute(select(d.c.id).where(d.c.sha256 == doc["sha256"])).scalar()
            if old is not None:
                return Recorded(old, False, [])
            values = {**doc, "checked_at": datetime.now(timezone.utc)}
            new_id = conn.execute(insert(d).values(**values)).inserted_primary_key[0]
            superseded: list[int] = []
            if doc.get("instansi_key") and doc.get("tahun") is not None:
                superseded = list(conn.execute(select(d.c.id).where(
                    d.c.instansi_key == doc["instansi_key"], d.c.tahun == doc["tahun"], d.c.id != new_id,
                    d.c.superseded_by.is_(None))).scalars())
                if superseded:
                    conn.execute(update(d).where(d.c.id.in_(superseded)).values(superseded_by=new_id))
            by_table: dict[str, list[dict]] = {}
            for f in payload["facts"]:
                by_table.setdefault(f["table_id"], []).append({**f, "document_id": new_id})
            for k, rows in enumerate(by_table.values()):
                conn.execute(insert(schema.facts), rows)
                if k == 0 and hook.startswith("pause-after-first-table:"):
                    Path(hook.split(":", 1)[1]).write_text(str(os.getpid()), encoding="utf-8")
                    time.sleep(600)  # killed here by the test
            if payload["findings"]:
                conn.execute(insert(schema.findings), [{**f, "document_id": new_id} for f in payload["findings"]])
            return Recorded(new_id, True, superseded, len(payload["facts"]), len(payload["findings"]))

    def forget(self, what: str) -> list[dict]:
        """Delete the report(s) named by a sha256 (or a unique prefix of 8+ hex digits) or by a
        file (its sha256 is computed; else the stored file name). Returns the documents deleted.
        A version that the deleted one superseded becomes current again."""
        d = schema.documents
        p = Path(what)
        with self.engine.begin() as conn:
            if p.is_file():
                cond = d.c.sha256 == sha256_of(p)
            elif len(what) >= 8 and all(ch in "0123456789abcdef" for ch in what.lower()):
                cond = d.c.sha256.like(what.lower() + "%")
            else:
                cond = d.c.file_name == p.name
            rows = [dict(r._mapping) for r in conn.execute(select(d).where(cond))]
            ids = [r["id"] for r in rows]
            if not ids:
                return []
            conn.execute(delete(schema.facts).where(schema.facts.c.document_id.in_(ids)))
            conn.execute(delete(schema.findings).where(schema.findings.c.document_id.in_(ids)))
            conn.execute(update(d).where(d.c.superseded_by.in_(ids)).values(superseded_by=None))
            conn.execute(delete(d).where(d.c.id.in_(ids)))
            # the newest remaining version of each instansi/tahun is current; older ones point at it
            for r in rows:
                if r["instansi_key"] and r["tahun"] is not None:
                    left = list(conn.execute(select(d.c.id).where(
                        d.c.instansi_key == r["instansi_key"], d.c.tahun == r["tahun"]).order_by(d.c.id)).scalars())
                    if len(left) > 1:
                        conn.execute(update(d).where(d.c.id.in_(left[:-1])).values(superseded_by=left[-1]))
            return rows

    # -- reading ---------------------------------------------------------------------------

    def documents(self, tahun: int | None = None, current_only: bool = False) -> list[dict]:
        d = schema.documents
        q = select(d).order_by(d.c.instansi_key, d.c.tahun, d.c.id)
        if tahun is not None:
            q = q.where(d.c.tahun == tahun)
        if current_only:
            q = q.where(d.c.superseded_by.is_(None))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in (schema.documents, schema.facts, schema.findings)}

    def facts_of(self, document_id: int) -> list[dict]:
        f = schema.facts
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(f).where(f.c.document_id == document_id)
                                                            .order_by(f.c.id))]

    def findings_of(self, document_id: int) -> list[dict]:
        f = schema.findings
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(f).where(f.c.document_id == document_id)
                                                            .order_by(f.c.id))]

    def reports_of(self, key: str | None, years, exclude_sha: str | None = None) -> dict[int, tuple[dict, list[dict]]]:
        """The current stored report of instansi ``key`` for each of ``years`` that has one,
        with its facts (not the document being checked: ``exclude_sha``)."""
        if not key:
            return {}
        try:
            return self._reports_of(key, years, exclude_sha)
        except Exception:  # noqa: BLE001 - a reader of a store that is not there (read-only SQLite)
            if self.write:
                raise
            return {}

    def _reports_of(self, key, years, exclude_sha):
        d = schema.documents
        out = {}
        with self.engine.connect() as conn:
            if not conn.dialect.has_table(conn, d.name):
                return {}
            if years is None:
                years = set(conn.execute(select(d.c.tahun).where(d.c.instansi_key == key, d.c.tahun.is_not(None)))
                            .scalars())
            for y in sorted(set(years)):
                q = select(d).where(d.c.instansi_key == key, d.c.tahun == y, d.c.superseded_by.is_(None))
                if exclude_sha:
                    q = q.where(d.c.sha256 != exclude_sha)
                row = conn.execute(q.order_by(d.c.id.desc())).first()
                if row is None:
                    continue
                doc = dict(row._mapping)
                fs = [dict(r._mapping) for r in conn.execute(
                    select(schema.facts).where(schema.facts.c.document_id == doc["id"]).order_by(schema.facts.c.id))]
                out[y] = (doc, fs)
        return out

    def history(self, item: str, instansi: str | None = None, aliases: dict | None = None) -> list[dict]:
        """Every stored fact of an item (by normalised name; a substring of it when no name is
        equal), in current documents, with the document's file and year."""
        from lkip_audit.understand.resolve import normalise

        d, f = schema.documents, schema.facts
        key = normalise(item)
        q = select(f, d.c.file_name, d.c.instansi, d.c.tahun, d.c.sha256).join(d, f.c.document_id == d.c.id).where(
            d.c.superseded_by.is_(None))
        if instansi:
            q = q.where(d.c.instansi_key == instansi_key(instansi, aliases))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q.where(f.c.item_key == key).order_by(d.c.tahun, f.c.id))]
            if not rows:
                rows = [dict(r._mapping) for r in conn.execute(
                    q.where(f.c.item_key.like(f"%{key}%")).order_by(d.c.tahun, f.c.id))]
        return rows


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def payload(result, path: str, findings=None, aliases: dict | None = None, cell_facts=None) -> dict:
    """What the store records of one checked report: plain dicts (picklable). ``cell_facts``:
    the document's facts when the caller has them already."""
    from lkip_audit import __version__
    from lkip_audit.understand.facts import facts

    doc = result.document
    findings = list(result.findings if findings is None else findings)
    sev = {s: sum(1 for x in findings if x.severity == s) for s in ("error", "warning", "info")}
    und = understanding_of(result)
    return {
        "document": {
            "sha256": doc.sha256 or sha256_of(path),
            "file_name": Path(path).name,
            "path": str(path),
            "instansi": doc.instansi,
            "instansi_key": instansi_key(doc.instansi, aliases),
            "tahun": doc.tahun,
            "pages": doc.page_count or 0,
            "tables": len(doc.tables),
            "tool_version": __version__,
            "errors": sev["error"], "warnings": sev["warning"], "infos": sev["info"],
        },
        "facts": [f.as_dict() for f in (cell_facts if cell_facts is not None else facts(doc, und))],
        "findings": [{
            "rule": x.rule, "severity": x.severity, "message": x.message, "page": x.page,
            "table_number": x.table, "row_label": x.row, "column_label": x.column,
            "expected": x.expected, "actual": x.actual, "fingerprint": x.fingerprint(),
        } for x in findings],
    }


def understanding_of(result):
    """The result's understood document; a check served from the cache has none, so it is
    understood again from the (settled) cached document."""
    und = getattr(result, "understanding", None)
    if und is None:
        from lkip_audit.understand import understand

        und = understand(result.document)
        try:
            result.understanding = und
        except AttributeError:  # pragma: no cover - a frozen result
            pass
    return und
