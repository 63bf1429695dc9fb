"""The page and document deadlines of extract/guard.py, on a fake clock (issue #14.1).

No test here reads real time or depends on the machine's speed: each page "costs" a
set number of seconds on a FakeClock (advanced as the page starts), and the expected
pages and messages follow from that by hand arithmetic, written beside each test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkip_audit.extract.guard import Limits, PageLimit, _PageGuard, read_in_process
from tests.robust.clock import FakeClock
from tests.robust.corpus import text_only


@pytest.fixture(scope="module")
def twelve_pages(tmp_path_factory) -> Path:
    return text_only(tmp_path_factory.mktemp("guard") / "twelve.pdf", pages=12)


def read(path: Path, clock: FakeClock, timeout, page_timeout):
    return read_in_process(str(path), Limits(timeout=timeout, page_timeout=page_timeout, isolate=False),
                           on_page_start=clock.page, clock=clock)


def problems(doc):
    return [(p.page, p.reason, p.detail) for p in doc.problems]


def test_document_deadline_falls_at_an_exact_page(twelve_pages):
    # 1 s a page, 10 s for the document: page n starts at n - 1 s. Page 10 starts at 9 s
    # with 1 s left and takes 1 s (not more): read. Page 11 starts at 10 s: not read.
    doc = read(twelve_pages, FakeClock(cost=lambda n: 1.0), timeout=10, page_timeout=30)
    assert problems(doc) == [(n, "timeout", "document time limit reached (10 s); page not read") for n in (11, 12)]
    assert [p.has_text for p in doc.pages[:10]] == [True] * 10


def test_a_slow_page_is_skipped_and_the_rest_read(twelve_pages):
    # 3 s a page at most; page 5 takes 5 s, the others 0.5 s: only page 5 is cut.
    doc = read(twelve_pages, FakeClock(cost=lambda n: 5.0 if n == 5 else 0.5), timeout=None, page_timeout=3)
    assert problems(doc) == [(5, "timeout", "page took longer than 3 s; skipped")]
    assert doc.pages[4].text == "" and "Bab 6" in doc.pages[5].text


def test_deadline_reached_while_a_page_is_read(twelve_pages):
    # 4 s a page, 10 s for the document, 30 s a page: page 1 0-4 s, page 2 4-8 s; page 3
    # starts at 8 s with 2 s left (its budget: min(30, 2)) and takes 4 s: cut by the
    # document's limit, not its own. Page 4 starts at 12 s: not read.
    doc = read(twelve_pages, FakeClock(cost=lambda n: 4.0), timeout=10, page_timeout=30)
    assert problems(doc)[:2] == [
        (3, "timeout", "document time limit reached (10 s) while reading the page"),
        (4, "timeout", "document time limit reached (10 s); page not read"),
    ]
    assert [p for p, *_ in problems(doc)] == list(range(3, 13))


def test_without_limits_every_page_is_read_however_slow(twelve_pages):
    doc = read(twelve_pages, FakeClock(cost=lambda n: 1000.0), timeout=None, page_timeout=None)
    assert doc.problems == [] and doc.page_count == 12


def test_budget_is_the_page_limit_cut_to_the_time_left():
    guard = _PageGuard(page_timeout=30, deadline=100, timers=False, document_timeout=100)
    assert guard.budget(0) == 30  # 100 s left: the page's own 30 s
    assert guard.budget(95) == 5  # 5 s left before the deadline
    with pytest.raises(PageLimit) as e:
        guard.budget(100)
    assert e.value.page_reason == "timeout" and "page not read" in e.value.page_detail
    # which limit a page ran into
    assert guard.overrun(30).page_detail == "page took longer than 30 s; skipped"
    assert guard.overrun(5).page_detail == "document time limit reached (100 s) while reading the page"
    assert _PageGuard(page_timeout=None, deadline=None, timers=False).budget(1e9) is None
