"""The store of checked reports: documents, their cell facts and findings (issue #16).

SQLite (a single file, the default) or PostgreSQL (a team's server), through
SQLAlchemy Core; the schema is versioned (migrations.py). Every report is
recorded in one transaction: a crash or Ctrl-C leaves nothing of it.

    location(value) -> str | None           "default" / a path / a URL -> SQLAlchemy URL
    Store(url)                              opens (and migrates) the store
    Store.record(payload) -> Recorded       one report, one transaction
    Store.forget(sha256_or_file) -> list    delete a report (its facts and findings)
    Store.reports_of(instansi_key, years, exclude_sha) -> {year: (document, [facts])}
    payload(result, path, findings, aliases) -> dict   (picklable: a batch worker builds it,
                                            the runner process writes it)

Same sha256 twice is one document (the second record adds nothing); the same
instansi and tahun with another sha256 is a new version: it is recorded and the
earlier one gets ``superseded_by``; both are kept.
"""

from __future__ import annotations

from lkip_audit.store.where import ENV, TEST_HOOK_ENV, StoreError, default_path, location, redact  # noqa: F401

# The database side (SQLAlchemy) loads on first use: a check without --store never imports it.
_LAZY = ("Store", "Recorded", "payload", "sha256_of", "understanding_of")


def __getattr__(name: str):
    if name in _LAZY:
        from lkip_audit.store import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
