"""Work started ahead on an idle core (lkip_audit/forked.py) changes no result (issue #7).

A cold check forks two pieces of work when a second core is idle: the pandera
validation of the analyzed tables (rule DQ003, check/engine.py start_ahead) and the
writing of the extracted document to the cache (cache.read_cached). The oracle is the
same check with one worker ($LKIP_AUDIT_READERS=1), where both run in this process:
the findings, and the cache's document entry, must be the same, and the forked path
must really have been taken.
"""

from __future__ import annotations

import os
import pickle

import pytest

from lkip_audit import forked
from lkip_audit.cache import Cache, cached_audit
from lkip_audit.check.config import CheckConfig
from lkip_audit.extract.pdf import read_document
from lkip_audit.pipeline import check_document

from tests.extract.conftest import SAMPLES

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

NAMES = ("lkip-bkd-banten-2024.pdf", "lkip-contoh-dinkes-2024.pdf")


@pytest.fixture
def started(monkeypatch):
    """Whether each forked.start forked (threads an earlier test of the run may have left
    idle, a server's, not counted: these tests are about the forked path)."""
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    seen: list[bool] = []
    real = forked.start

    def spy(fn, *a, **kw):
        p = real(fn, *a, **kw)
        seen.append(p.forked)
        return p

    monkeypatch.setattr(forked, "start", spy)
    return seen


@pytest.mark.parametrize("name", NAMES)
def test_the_schema_validated_ahead_gives_the_same_findings(monkeypatch, started, name):
    raw = pickle.dumps(read_document(SAMPLES / name))
    monkeypatch.setenv(forked.WORKERS_ENV, "1")
    one = check_document(pickle.loads(raw), CheckConfig()).findings
    assert started == [False]
    monkeypatch.setenv(forked.WORKERS_ENV, "2")
    two = check_document(pickle.loads(raw), CheckConfig()).findings
    assert started == [False, True]
    assert [repr(f) for f in two] == [repr(f) for f in one]


def test_schema_issues_from_the_child_equal_those_found_here(monkeypatch, started):
    """Not vacuous where the samples have no DQ003 finding: the tables with damaged
    cells of test_schema_batch raise every problem kind, through the rule's own params."""
    from lkip_audit.check.catalogue import load_catalogue
    from lkip_audit.check.kinds import quality

    from tests.perf_equivalence.test_schema_batch import _damaged, _sample_tables
    from lkip_audit.understand import analyze_table

    tables = _sample_tables()
    ats = [analyze_table(t) for t in tables + [_damaged(t, s) for s, t in enumerate(tables)]]
    rule = load_catalogue()["DQ003"]
    here = quality._schema_issues(rule, ats)
    monkeypatch.setenv(forked.WORKERS_ENV, "2")
    ahead = quality.schema_ahead(rule, ats)
    assert started == [True]
    assert ahead.result() == here
    assert sum(len(v) for v in here.values()) > 100


def _cold(tmp_path, monkeypatch, workers: str, tag: str):
    monkeypatch.setenv(forked.WORKERS_ENV, workers)
    cache = Cache(tmp_path / tag)
    path = SAMPLES / "lkip-contoh-dinkes-2024.pdf"

    def check(doc):
        return check_document(doc, CheckConfig(), keep_settled=True)

    result = cached_audit(path, CheckConfig(), cache, lambda: read_document(path), check)
    docs = sorted((tmp_path / tag).glob("doc-*.json"))
    return result, [p.read_text(encoding="utf-8") for p in docs]


def test_the_document_stored_ahead_is_the_one_as_read(tmp_path, monkeypatch, started):
    one, docs_one = _cold(tmp_path, monkeypatch, "1", "one")
    two, docs_two = _cold(tmp_path, monkeypatch, "2", "two")
    assert True in started  # the store (and the validation) forked in the second check
    assert len(docs_one) == 1 and docs_two == docs_one  # written before the check ended, the same bytes
    assert [repr(f) for f in two.findings] == [repr(f) for f in one.findings]
