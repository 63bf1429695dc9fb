"""A check killed (SIGKILL) while its report is being written leaves no part of it: the
store opens cleanly afterwards and holds nothing of that report (one transaction per
report). The test hook LKIP_AUDIT_STORE_TEST_HOOK makes the writer stop right after the
first table's facts are inserted, inside the transaction, and say so in a file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import text

from lkip_audit.store import TEST_HOOK_ENV, Store, location


def test_sigkill_mid_write_leaves_no_part_of_the_report(store_url, cut_pdf, cache_env, tmp_path):
    url = location(store_url)
    Store(url)  # an existing, empty store
    flag = tmp_path / "first-table-written"
    env = {**cache_env, TEST_HOOK_ENV: f"pause-after-first-table:{flag}"}
    proc = subprocess.Popen([sys.executable, "-m", "lkip_audit.cli", "check", str(cut_pdf), "--store", store_url,
                             "--quiet", "--no-progress"], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not flag.exists():  # the check runs, then writes; wait for the hook (no time limit asserted)
            if proc.poll() is not None:
                raise AssertionError(f"the check ended before writing: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        assert int(flag.read_text()) == proc.pid  # the check process itself writes the store
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    st = Store(url)  # opens cleanly: a SQLite hot journal is rolled back, PostgreSQL aborted the transaction
    assert st.counts() == {"documents": 0, "facts": 0, "findings": 0}
    if url.startswith("sqlite"):
        with st.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    # and the same report can be recorded afterwards
    done = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(cut_pdf), "--store", store_url,
                           "--quiet", "--no-progress"], env=cache_env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode in (0, 1), done.stderr
    counts = st.counts()
    assert counts["documents"] == 1 and counts["facts"] > 0
