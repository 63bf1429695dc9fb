"""lkip_audit/forked.py: work started ahead in a forked child gives the value fn() gives
here, whatever happens to the child; without a fork it is computed at once."""

from __future__ import annotations

import os
import threading

import pytest

from lkip_audit import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


@pytest.fixture
def two(monkeypatch):
    """Two workers, and the threads an earlier test of the run may have left idle (a
    server's) not counted: these tests are about the child's path."""
    monkeypatch.setenv(forked.WORKERS_ENV, "2")
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)


def test_the_value_comes_from_a_child(two):
    here = os.getpid()
    p = forked.start(lambda: ("pid", os.getpid()))
    assert p.forked
    kind, pid = p.result()
    assert kind == "pid" and pid != here  # computed in another process
    assert p.result() == (kind, pid)  # taken once, kept


def test_the_child_sees_the_state_of_the_moment_of_start(two):
    data = [1, 2, 3]
    p = forked.start(lambda: sum(data))
    data.append(100)  # after start(): not seen by the child
    assert p.forked and p.result() == 6


def test_a_failing_child_leaves_the_work_to_this_process(two):
    here = os.getpid()

    def fn():
        if os.getpid() != here:
            raise RuntimeError("only in the child")
        return "computed here"

    p = forked.start(fn)
    assert p.forked and p.result() == "computed here"


def test_a_child_that_dies_or_gives_no_value_in_time(two):
    here = os.getpid()

    def dies():
        if os.getpid() != here:
            os._exit(3)
        return "here"

    assert forked.start(dies).result() == "here"

    def stalls():
        if os.getpid() != here:
            threading.Event().wait(60)
        return "here"

    p = forked.start(stalls, timeout=0.5)
    assert p.result() == "here"  # the child was killed after 0.5 s


def test_the_fallback_replaces_a_failed_child_s_value(two):
    here = os.getpid()

    def fn():
        if os.getpid() != here:
            raise RuntimeError
        return "fn"

    assert forked.start(fn, fallback=lambda: "fallback").result() == "fallback"


def test_a_large_value_comes_through_the_pipe(two):
    p = forked.start(lambda: "x" * 5_000_000)  # larger than a pipe's buffer
    assert p.forked and len(p.result()) == 5_000_000


def test_no_fork_with_one_worker_or_another_thread(monkeypatch):
    here = os.getpid()
    monkeypatch.setenv(forked.WORKERS_ENV, "1")
    data = [1]
    p = forked.start(lambda: (os.getpid(), sum(data)))
    data.append(5)
    assert not p.forked and p.result() == (here, 1)  # computed at once, here

    monkeypatch.setenv(forked.WORKERS_ENV, "2")
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert threading.active_count() > 1
        p = forked.start(os.getpid)
        assert not p.forked and p.result() == here
    finally:
        stop.set()
        t.join()
