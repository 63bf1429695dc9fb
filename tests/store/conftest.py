"""Store URLs for the store's tests: a SQLite file, and a PostgreSQL database.

PostgreSQL: $LKIP_TEST_PG_URL (a server .ci/run starts) or, without it, a throwaway
server this fixture starts in a temporary directory on loopback (initdb + pg_ctl from
/usr/lib/postgresql/*/bin, run as the "postgres" user when we are root). Each test gets
a database of its own. Locally, without a server or the binaries, the PostgreSQL
variants skip with a message; in CI (CI=true) they fail instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
_count = itertools.count()


def _missing(why: str):
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests must run in CI: {why}")
    pytest.skip(f"no PostgreSQL server: {why} (set LKIP_TEST_PG_URL, or install postgresql)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """The base URL of a PostgreSQL server (its "postgres" database)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg is not installed (pip install 'lkip-audit[postgresql]')")
    url = os.environ.get("LKIP_TEST_PG_URL")
    if url:
        yield url
        return
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not bins:
        _missing("no pg_ctl in /usr/lib/postgresql/*/bin")
    bindir = Path(bins[-1]).parent
    tmp = Path(tempfile.mkdtemp(prefix="lkip-test-pg-"))
    data = tmp / "data"
    run_as: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            _missing("running as root without runuser")
        shutil.chown(tmp, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", "lkip", "--auth=trust", "-E", "UTF8"],
                   check=True, capture_output=True)
    start = subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "log"), "-w", "-o",
                            f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off", "start"],
                           capture_output=True, text=True)
    if start.returncode != 0:
        log = (tmp / "log").read_text(errors="replace") if (tmp / "log").exists() else ""
        _missing(f"pg_ctl start failed: {start.stderr[-500:]} {log[-500:]}")
    try:
        yield f"postgresql://lkip@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _new_database(base: str) -> str:
    import psycopg

    name = f"lkip_test_{os.getpid()}_{next(_count)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return base.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty store, once as a SQLite file and once as a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return _new_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="session")
def cache_env(tmp_path_factory):
    """An environment whose extraction cache is this session's own (repeated checks are fast)."""
    return {**os.environ, "LKIP_AUDIT_CACHE": str(tmp_path_factory.mktemp("cache")), "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="session")
def cut_pdf(tmp_path_factory):
    """Three pages of the 2024 sample (cover, Tabel 3.8 and 3.11): a small report with facts."""
    from tests.pdfcuts import cut_pages

    out = tmp_path_factory.mktemp("cut")
    cut_pages(SAMPLES / "lkip-bkd-banten-2024.pdf", {"bkd-cut": [1, 26, 27]}, out)
    return out / "bkd-cut.pdf"
