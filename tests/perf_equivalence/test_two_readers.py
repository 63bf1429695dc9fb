"""A long document read by two processes gives the Document one process gives (issue #7).

extract/pdf.py reads the second half of a document of MIN_PAGES_FOR_HELPER pages or
more in a forked helper when two CPUs are there ($LKIP_AUDIT_READERS). The oracle is
the same document read by one process ($LKIP_AUDIT_READERS=1): its cache encoding
(every field of every page and table) must be the same, also when the helper fails
in each way it can: it dies, it starts from another state than the pages before it
left, or the page guard stops one of its pages.
"""

from __future__ import annotations

import pickle

import pytest

from lkip_audit import cache as cache_mod
from lkip_audit.extract import pdf as pdf_mod
from lkip_audit.extract.pdf import READERS_ENV, read_document

from tests.extract.conftest import SAMPLES

DINKES = SAMPLES / "lkip-contoh-dinkes-2024.pdf"  # 31 pages: the helper reads pages 15-31


def _read(monkeypatch, readers: str, **kw) -> str:
    monkeypatch.setenv(READERS_ENV, readers)
    return cache_mod.encode(read_document(DINKES, **kw))


@pytest.fixture
def served(monkeypatch):
    """Pages the helper's results were used for."""
    pages: list[int] = []
    real = pdf_mod._Helper.take

    def take(self, number, pending, running):
        got = real(self, number, pending, running)
        if got is not None:
            pages.append(number)
        return got

    monkeypatch.setattr(pdf_mod._Helper, "take", take)
    return pages


def test_two_readers_give_the_same_document(monkeypatch, served):
    one = _read(monkeypatch, "1")
    assert served == []
    two = _read(monkeypatch, "2")
    assert pdf_mod._helper_first(31) == 15
    assert served == list(range(15, 32))  # the helper's part was used, in order
    assert two == one


def test_a_helper_that_dies_leaves_the_pages_to_this_process(monkeypatch, served):
    one = _read(monkeypatch, "1")
    monkeypatch.setattr(pdf_mod, "_helper_main", lambda *a: None)  # ends without a word
    assert _read(monkeypatch, "2") == one
    assert served == []


def test_a_helper_that_started_from_another_state_is_not_used(monkeypatch, served):
    from multiprocessing.connection import Connection

    one = _read(monkeypatch, "1")

    def wrong_start(path, backend, first, total, fd):
        conn = Connection(fd, readable=False)
        head = first.to_bytes(4, "big")
        conn.send_bytes(b"s" + head + pickle.dumps((None, {("another page", 1)})))
        conn.send_bytes(b"p" + head + pickle.dumps("not this page"))

    monkeypatch.setattr(pdf_mod, "_helper_main", wrong_start)
    assert _read(monkeypatch, "2") == one
    assert served == []


class _Stop(Exception):
    page_reason = "timeout"
    page_detail = "stopped by the test's guard"


class _Guard:
    """A page guard that stops one page (as the document deadline or a skip would)."""

    def __init__(self, stop: int):
        self.stop, self.entered = stop, []

    def __call__(self, number: int):
        from contextlib import contextmanager

        @contextmanager
        def guard():
            self.entered.append(number)
            if number == self.stop:
                raise _Stop()
            yield

        return guard()


def test_a_page_the_guard_stops_in_the_helpers_half(monkeypatch, served):
    g1, g2 = _Guard(20), _Guard(20)
    one = _read(monkeypatch, "1", page_guard=g1)
    two = _read(monkeypatch, "2", page_guard=g2)
    assert two == one
    assert g1.entered == g2.entered == list(range(1, 32))  # every page under the guard, in order
    assert served == [15, 16, 17, 18, 19]  # after the stopped page this process reads the rest itself
    assert '"page":20' in one and "stopped by the test's guard" in one


def test_short_documents_and_readers_1_stay_in_one_process(monkeypatch):
    monkeypatch.setenv(READERS_ENV, "2")
    assert pdf_mod.reader_processes() == 2
    assert not pdf_mod._helper_wanted(pdf_mod.MIN_PAGES_FOR_HELPER - 1, None, "pdfium")
    assert pdf_mod._helper_wanted(pdf_mod.MIN_PAGES_FOR_HELPER, None, "pdfium")
    assert not pdf_mod._helper_wanted(100, None, "pdfplumber")
    monkeypatch.setenv(READERS_ENV, "1")
    assert not pdf_mod._helper_wanted(100, None, "pdfium")


def test_a_batch_using_the_cores_reads_each_report_in_one_process():
    from lkip_audit.batch.local import _readers_per_report

    assert _readers_per_report(1) >= 1
    import os

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    assert _readers_per_report(cpus) == 1
