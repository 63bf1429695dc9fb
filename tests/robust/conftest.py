"""The bad-input corpus, generated once per test session into a temporary directory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.robust import corpus

LKIP = [sys.executable, "-m", "lkip_audit.cli"]


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    corpus.build(d)
    return d


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, timeout: float = 120) -> Run:
    """The CLI in a fresh process, as a user runs it (real exit code and stderr)."""
    with tempfile.TemporaryDirectory(prefix="lkip-cache-") as cache:  # every run reads afresh
        env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "LKIP_AUDIT_CACHE": cache}
        p = subprocess.run([*LKIP, *args], capture_output=True, text=True, timeout=timeout, env=env)
    return Run(p.returncode, p.stdout, p.stderr)


def no_traceback(r: Run) -> None:
    for stream in (r.stdout, r.stderr):
        assert "Traceback" not in stream, stream[-2000:]
        assert 'File "' not in stream, stream[-2000:]
